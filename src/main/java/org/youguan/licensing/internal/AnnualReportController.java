package org.youguan.licensing.internal;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
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
import org.youguan.kernel.Text;
import org.youguan.licensing.AnnualReports;
import org.youguan.licensing.BranchFilings;
import org.youguan.licensing.Clerk;
import org.youguan.org.CurrentUser;
import org.youguan.region.Regions;

/**
 * 年度报告 pages and API: the enterprise files its report of the past year on its portal (staff enter a paper one) and
 * sees its reports; staff see the reports filed in their scope and the late/missing list of a year (pages, region,
 * .xlsx export). {@code POST /api/v1/licensing/annual-reports} takes {"year","creditCode","businessVolume","revenue",
 * "outlets","staff"} and answers 201 with the id; bad input is a 400 naming the field.
 */
@Controller
@Tag(name = "年度报告", description = "快递企业年度报告的报送、查询与逾期未报名单（按调用者数据权限）")
class AnnualReportController {

	/** The list as first opened, shown under a refused form. */
	static final ListRequest FIRST_PAGE = new ListRequest(null, null, null, null, null);

	/**
	 * The outstanding list's export columns; {@code place} names a row's region in full ({@code Regions#fullNames}: 江苏省苏州市吴中区长桥街道), never
	 * a county's or street's name alone nor a bare code.
	 */
	static List<Column<AnnualReports.Outstanding>> outstandingColumns(Function<String, String> place) {
		return List.of(
			Column.of("企业名称", AnnualReports.Outstanding::enterpriseName, 30),
			Column.of("统一社会信用代码", AnnualReports.Outstanding::creditCode, 20),
			Column.of("所在地", row -> place.apply(row.regionCode()), 12),
			Column.of("许可证编号", AnnualReports.Outstanding::licenceNumber, 22),
			Column.of("报送期限", AnnualReports.Outstanding::dueOn, 12),
			Column.of("情况", AnnualReports.Outstanding::stateWords, 10),
			Column.of("报送日期", AnnualReports.Outstanding::filedOn, 12));
	}

	/** The reports list's export: what the list shows, and the report's region, window and channel besides. */
	static List<Column<AnnualReports.Report>> reportColumns(Function<String, String> place) {
		return List.of(Column.of("报告年度", AnnualReports.Report::year, 8),
			Column.of("企业名称", AnnualReports.Report::enterpriseName, 30),
			Column.of("统一社会信用代码", AnnualReports.Report::creditCode, 20),
			Column.of("区域代码", AnnualReports.Report::regionCode, 12),
			Column.of("所在地", r -> place.apply(r.regionCode()), 24),
			Column.of("业务量（件）", AnnualReports.Report::businessVolume, 14),
			Column.of("业务收入（元）", AnnualReports.Report::revenue, 16),
			Column.of("营业网点（个）", AnnualReports.Report::outlets, 12), Column.of("从业人员（人）", AnnualReports.Report::staff, 12),
			Column.of("报送日期", AnnualReports.Report::filedOn, 12), Column.of("报送期限", AnnualReports.Report::dueOn, 12),
			Column.of("逾期报送", AnnualReports.Report::late, 8));
	}

	private final AnnualReports reports;

	private final Spreadsheets spreadsheets;

	private final Clock clock;

	private final Regions regions;

	private final BranchFilings receivers;

	AnnualReportController(AnnualReports reports, Spreadsheets spreadsheets, Clock clock, Regions regions,
			BranchFilings receivers) {
		this.receivers = receivers;
		this.reports = reports;
		this.spreadsheets = spreadsheets;
		this.clock = clock;
		this.regions = regions;
	}

	/** The id of what was created. */
	record Created(long id) {
	}

	@GetMapping("/licensing/annual-reports")
	@PreAuthorize(LicensingApiController.READERS)
	String list(@AuthenticationPrincipal CurrentUser me, DataScope scope, ListRequest request,
			@RequestParam(required = false) String year, Model model) {
		Integer y = Text.isBlank(year) ? null : year(year);
		PageQuery query = request.toPage();
		int last = LocalDate.now(clock).getYear() - 1;
		model.addAttribute("result", reports.list(scope, y, query));
		model.addAttribute("query", query);
		model.addAttribute("year", y);
		model.addAttribute("lastYear", last);
		model.addAttribute("dueOn", reports.dueOn(last, me.regionCode() == null || me.regionCode().isEmpty() ? "0" : me.regionCode()));
		model.addAttribute("enterprise", me.enterpriseCreditCode() != null);
		// the paper report's form only to staff whose bureau takes it (the holder's city's, as a paper branch filing's:
		// BranchFilings#receives) — a county's staff were offered a form whose post was refused, the values lost
		model.addAttribute("canFile", receivers.offersForm(me));
		return "licensing/annual-reports";
	}

	/**
	 * The reports list as .xlsx: the list's search, year and order ({@link AnnualReports#list}), every row up to the
	 * export limit, in the caller's scope (staff their region's, an enterprise its own).
	 * @throws InvalidValueException (400) for a year that is no year, as the list
	 */
	@GetMapping("/licensing/annual-reports/export.xlsx")
	@PreAuthorize(LicensingApiController.READERS)
	ResponseEntity<byte[]> exportReports(DataScope scope, ListRequest request, @RequestParam(required = false) String year) {
		Integer y = Text.isBlank(year) ? null : year(year);
		return Downloads.xlsx(ExportNames.of("年度报告", scope), spreadsheets.write("年度报告", reportColumns(regions.fullNames()), reports.list(scope, y, request.toExport()).items()));
	}

	@PostMapping("/licensing/annual-reports")
	@PreAuthorize(LicensingApiController.APPLICANTS)
	String file(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) String year,
			@RequestParam(required = false) String creditCode, @RequestParam(required = false) String businessVolume,
			@RequestParam(required = false) String revenue, @RequestParam(required = false) String outlets,
			@RequestParam(required = false) String staff, @RequestParam(required = false) String filedOn, DataScope scope,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		// refused: the list page again with the form as typed and each error beside its field, in the refusal's 4xx
		return FormSteps.run(model, response, redirect, () -> {
			reports.file(Clerk.of(me), new AnnualReports.ReportData(year, creditCode, businessVolume, revenue, outlets,
					staff, filedOn));
			return new PageSteps.Done("已报送年度报告", "/licensing/annual-reports");
		}, () -> list(me, scope, FIRST_PAGE, null, model));
	}

	@GetMapping("/licensing/annual-reports/outstanding")
	@PreAuthorize(LicensingApiController.STAFF)
	String outstanding(DataScope scope, ListRequest request, @RequestParam(required = false) String year,
			@RequestParam(required = false) String region, Model model) {
		int y = Text.isBlank(year) ? LocalDate.now(clock).getYear() - 1 : year(year);
		PageQuery query = request.toPage();
		model.addAttribute("result", reports.outstanding(scope, region(scope, region), y, query));
		model.addAttribute("query", query);
		model.addAttribute("year", y);
		model.addAttribute("region", region(scope, region));
		return "licensing/annual-reports-outstanding";
	}

	@GetMapping("/licensing/annual-reports/outstanding.xlsx")
	@PreAuthorize(LicensingApiController.STAFF)
	ResponseEntity<byte[]> export(DataScope scope, @RequestParam(required = false) String year,
			@RequestParam(required = false) String region) {
		int y = Text.isBlank(year) ? LocalDate.now(clock).getYear() - 1 : year(year);
		// the words first (in English the reader's), then the year and the place: the region filtered by, else the scope's
		String filtered = region(scope, region);
		return Downloads.xlsx(ExportNames.of("年度报告逾期未报名单", String.valueOf(y),
				filtered == null || filtered.isBlank() ? scope : DataScope.region(filtered)), spreadsheets.write(y + "年度报告逾期未报",
				outstandingColumns(regions.fullNames()), reports.outstanding(scope, region(scope, region), y)));
	}

	@PostMapping("/api/v1/licensing/annual-reports")
	@PreAuthorize(LicensingApiController.APPLICANTS)
	@ResponseBody
	@Operation(summary = "报送年度报告", description = "year（报告年度，默认上一年）、creditCode（企业用户可省略）、businessVolume（业务量，件）、"
			+ "revenue（业务收入，元）、outlets（营业网点，个）、staff（从业人员，人）、filedOn（工作人员录入纸质报告时为收到日期，默认今天）。报送期限为次年1月1日起规则目录licence.annual-report-window规定的月数（默认至4月30日），逾期报送标记为逾期。")
	ResponseEntity<Created> fileApi(@AuthenticationPrincipal CurrentUser me, @RequestBody AnnualReports.ReportData data) {
		long id = reports.file(Clerk.of(me), data);
		return ResponseEntity.created(URI.create("/api/v1/licensing/annual-reports/" + id)).body(new Created(id));
	}

	@GetMapping("/api/v1/licensing/annual-reports")
	@PreAuthorize(LicensingApiController.READERS)
	@ResponseBody
	@Operation(summary = "年度报告列表", description = "工作人员看辖区内企业的报告，企业只看本企业的；year可选。")
	PageResult<AnnualReports.Report> listApi(DataScope scope, ListRequest request, @RequestParam(required = false) String year) {
		return reports.list(scope, Text.isBlank(year) ? null : year(year), request.toPage());
	}

	@GetMapping("/api/v1/licensing/annual-reports/{id:\\d+}")
	@PreAuthorize(LicensingApiController.READERS)
	@ResponseBody
	@Operation(summary = "年度报告", description = "一份年度报告（工作人员：辖区内企业的；企业：本企业的）；不可见时404。")
	AnnualReports.Report getApi(DataScope scope, @PathVariable long id) {
		return reports.get(scope, id);
	}

	@GetMapping("/api/v1/licensing/annual-reports/outstanding")
	@PreAuthorize(LicensingApiController.STAFF)
	@ResponseBody
	@Operation(summary = "年度报告逾期、未报名单", description = "year（默认上一年）年末持有有效许可证、未报送（MISSING）或逾期报送（LATE）的企业；"
			+ "region为区域代码前缀。")
	PageResult<AnnualReports.Outstanding> outstandingApi(DataScope scope, ListRequest request,
			@RequestParam(required = false) String year, @RequestParam(required = false) String region) {
		int y = Text.isBlank(year) ? LocalDate.now(clock).getYear() - 1 : year(year);
		return reports.outstanding(scope, region(scope, region), y, request.toPage());
	}

	/**
	 * The report year asked for: four digits, held to the one range of every year a query names
	 * ({@link FiguresPeriod#year}: 2000 to next year — 1900 is a typing error, not an empty list).
	 * @throws InvalidValueException 400 on {@code year}: rule {@code format}, or {@code range}
	 */
	private int year(String text) {
		String t = Text.strip(text);
		if (!t.matches("\\d{4}")) {
			throw new InvalidValueException("year", "format", "报告年度应为四位年份，如2025");
		}
		return FiguresPeriod.year("year", "报告年度", Integer.parseInt(t), LocalDate.now(clock));
	}

	/**
	 * The region filter asked for: blank for the caller's whole scope; a region outside it is 403 as the figures answer
	 * (attack round 9: the outstanding list answered an empty 200 for another county).
	 */
	private static String region(DataScope scope, String text) {
		// the one reading of a region filter (kernel RegionPrefix's rules, then the scope), as every list's
		return scope.regionFilter(text, "region");
	}
}
