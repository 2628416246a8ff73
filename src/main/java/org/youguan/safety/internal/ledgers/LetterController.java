package org.youguan.safety.internal.ledgers;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.region.Regions;
import org.youguan.audit.AuditTrail;
import org.youguan.documents.Column;
import org.youguan.documents.Downloads;
import org.youguan.documents.ExportNames;
import org.youguan.documents.Spreadsheets;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FiguresPeriod;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.PageSteps;
import org.youguan.kernel.YearIn;
import org.youguan.org.CurrentUser;

/**
 * The 安全生产责任书 ledger's pages for the bureau ({@code /safety/letters}) and the enterprise's portal
 * ({@code /enterprise/safety/letters}): a year's list of the region's enterprises, signed or not (search, 已签订/未签订
 * filter, sort, pages, .xlsx export), the form to record a signed letter with its scan (the bureau's), a letter's page
 * with its scan and history; and its API ({@code GET|POST /api/v1/safety/letters}, {@code GET …/{id}}). A refused
 * form comes back with its errors, the values typed and a 4xx status ({@link FormSteps}).
 */
@Controller
class LetterController {

	static final String STAFF = "/safety/letters";

	static final String PORTAL = "/enterprise/safety/letters";

	/**
	 * The export's columns; {@code place} names a row's region in full ({@code Regions#fullNames}: 江苏省苏州市吴中区长桥街道), never
	 * a county's or street's name alone nor a bare code.
	 */
	static List<Column<LetterView>> columns(Function<String, String> place) {
		return List.of(Column.of("年度", LetterView::year),
			Column.of("企业", LetterView::enterpriseName, 30), Column.of("统一社会信用代码", LetterView::enterpriseCreditCode, 20),
			Column.of("所在地", row -> place.apply(row.regionCode())), Column.of("状态", LetterView::status),
			Column.of("签订日期", LetterView::signedOn), Column.of("局方签订人", LetterView::bureauSignatory),
			Column.of("企业签订人", LetterView::enterpriseSignatory));
	}

	private final ResponsibilityLetters letters;

	private final Spreadsheets spreadsheets;

	private final AuditTrail audit;

	private final Clock clock;

	private final Placement placement;

	private final Regions regions;

	LetterController(ResponsibilityLetters letters, Spreadsheets spreadsheets, AuditTrail audit, Clock clock,
			Placement placement, Regions regions) {
		this.regions = regions;
		this.placement = placement;
		this.letters = letters;
		this.spreadsheets = spreadsheets;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping({ STAFF, PORTAL })
	@PreAuthorize(LedgerAccess.READERS_OR_ENTERPRISE)
	String list(@AuthenticationPrincipal CurrentUser me, ListRequest request, @RequestParam(required = false) @YearIn(from = FiguresPeriod.FIRST_YEAR, ahead = FiguresPeriod.YEARS_AHEAD) Integer year,
			@RequestParam(required = false) Boolean signed, Model model) {
		PageQuery query = request.toPage();
		int y = letters.yearOr(year);
		model.addAttribute("result", letters.list(me.scope(), y, signed, query));
		model.addAttribute("query", query);
		model.addAttribute("year", y);
		model.addAttribute("years", List.of(LocalDate.now(clock).getYear() + 1, LocalDate.now(clock).getYear(),
				LocalDate.now(clock).getYear() - 1, LocalDate.now(clock).getYear() - 2));
		model.addAttribute("base", me.isStaff() ? STAFF : PORTAL);
		return "safety/letters";
	}

	@GetMapping({ STAFF + "/export.xlsx", PORTAL + "/export.xlsx" })
	@PreAuthorize(LedgerAccess.READERS_OR_ENTERPRISE)
	ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentUser me, ListRequest request,
			@RequestParam(required = false) @YearIn(from = FiguresPeriod.FIRST_YEAR, ahead = FiguresPeriod.YEARS_AHEAD) Integer year, @RequestParam(required = false) Boolean signed) {
		int y = letters.yearOr(year);
		return Downloads.xlsx(ExportNames.of("安全生产责任书", String.valueOf(y), me.scope()), spreadsheets.write("安全生产责任书", columns(regions.fullNames()),
				letters.list(me.scope(), y, signed, request.toExport()).items()));
	}

	@GetMapping(STAFF + "/new")
	@PreAuthorize(LedgerAccess.WRITERS)
	String form(@AuthenticationPrincipal CurrentUser me, Model model) {
		model.addAttribute("today", LocalDate.now(clock));
		// the enterprise named by its credit code, the region's enterprises suggested
		model.addAttribute("enterprises", placement.enterprises(me.scope()));
		return "safety/letter-form";
	}

	@PostMapping(STAFF)
	@PreAuthorize(LedgerAccess.WRITERS)
	String sign(@AuthenticationPrincipal CurrentUser me, ResponsibilityLetters.LetterData data,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return FormSteps.run(model, response, redirect, () -> new PageSteps.Done("安全生产责任书已登记",
				STAFF + "/" + letters.sign(me.scope(), data, HazardController.uploads(files), false)), () -> form(me, model));
	}

	@GetMapping({ STAFF + "/{id:\\d+}", PORTAL + "/{id:\\d+}" })
	@PreAuthorize(LedgerAccess.READERS_OR_ENTERPRISE)
	String show(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, Model model) {
		model.addAttribute("letter", letters.get(me.scope(), id));
		model.addAttribute("scans", letters.scans(id));
		model.addAttribute("history", audit.history(me.scope(), ResponsibilityLetters.AUDIT_TYPE, id));
		model.addAttribute("base", me.isStaff() ? STAFF : PORTAL);
		return "safety/letter";
	}

	@GetMapping("/api/v1/safety/letters")
	@PreAuthorize(LedgerAccess.READERS_OR_ENTERPRISE)
	@Operation(summary = "安全生产责任书台账", description = "某年度（year，2000至明年，默认今年）数据权限内的企业（企业用户：本企业）及其责任书，未签订的也列出；signed=true/false只列已签/未签的；q搜索企业名称或统一社会信用代码；sort为enterprise、signed_on、status、region。")
	@ResponseBody
	PageResult<LetterView> listApi(DataScope scope, ListRequest request, @RequestParam(required = false) @YearIn(from = FiguresPeriod.FIRST_YEAR, ahead = FiguresPeriod.YEARS_AHEAD) Integer year,
			@RequestParam(required = false) Boolean signed) {
		return letters.list(scope, letters.yearOr(year), signed, request.toPage());
	}

	@GetMapping("/api/v1/safety/letters/{id:\\d+}")
	@PreAuthorize(LedgerAccess.READERS_OR_ENTERPRISE)
	@Operation(summary = "安全生产责任书", description = "一份已签订的责任书；不在数据权限内时404。")
	@ResponseBody
	LetterView getApi(DataScope scope, @PathVariable long id) {
		return letters.get(scope, id);
	}

	@PostMapping("/api/v1/safety/letters")
	@PreAuthorize(LedgerAccess.WRITERS)
	@Operation(summary = "登记安全生产责任书", description = "year（年度，2000至明年）、enterpriseCreditCode（辖区内企业）、signedOn（签订日期，YYYY-MM-DD，不晚于今天，在该年度或上一年）、bureauSignatory（局方签订人）、enterpriseSignatory（企业签订人）；同一企业同一年度只有一份（已登记时409）；成功时201，Location为该记录的地址；错误时400，errors逐项列出字段和规则。扫描件请在页面上传。")
	@ResponseBody
	ResponseEntity<Created> signApi(DataScope scope, @RequestBody ResponsibilityLetters.LetterData data) {
		if (data == null) {
			throw new InvalidValueException("enterpriseCreditCode", "required", "请提交安全生产责任书信息");
		}
		long id = letters.sign(scope, data, List.of(), false);
		return ResponseEntity.created(URI.create("/api/v1/safety/letters/" + id)).body(new Created(id));
	}
}
