package org.youguan.licensing.internal;

import java.net.URI;
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
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.PageSteps;
import org.youguan.kernel.Wording;
import org.youguan.licensing.BranchFilings;
import org.youguan.licensing.Clerk;
import org.youguan.org.CurrentUser;
import org.youguan.region.RegionPicker;
import org.youguan.region.Regions;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

/**
 * 分支机构备案 pages and API — the one place a branch is filed (the registry's branch register only lists and corrects
 * what filings created): the enterprise files its branch on its portal (staff enter a paper filing); a complete filing
 * is taken at once, a late one flagged. {@code POST /api/v1/licensing/branch-filings} takes {"parentCreditCode", "name",
 * "regionCode", "address", "headName", "businessLicenceDate", "filedOn"} and answers 201 with the id.
 */
@Controller
@Tag(name = "分支机构备案", description = "快递企业分支机构备案（按调用者数据权限）")
class BranchFilingController {

	/**
	 * The export's columns: what the list shows under the page's own headers (分支机构名称, 所属企业, 许可证编号, 营业执照日期,
	 * 备案日期), and the branch's region, the bureau that took the filing ({@code bureau}: 受理机关), its channel
	 * (企业端提交 / 纸质申请, worded per reader) and due day besides.
	 */
	static List<Column<BranchFilings.Filing>> columns(Function<String, String> place,
			Function<BranchFilings.Filing, String> bureau) {
		return List.of(Column.of("分支机构名称", BranchFilings.Filing::name, 30),
			Column.of("地址", BranchFilings.Filing::address, 40), Column.of("区域代码", BranchFilings.Filing::regionCode, 12),
			Column.of("所在地", f -> place.apply(f.regionCode()), 24),
			Column.of("所属企业", BranchFilings.Filing::parentName, 30),
			Column.of("统一社会信用代码", BranchFilings.Filing::parentCreditCode, 20),
			Column.of("许可证编号", BranchFilings.Filing::licenceNumber, 22),
			Column.of("营业执照日期", BranchFilings.Filing::businessLicenceDate, 12),
			Column.of("备案日期", BranchFilings.Filing::filedOn, 12), Column.of("备案期限", BranchFilings.Filing::dueOn, 12),
			Column.of("逾期备案", BranchFilings.Filing::late, 8), Column.of("受理机关", f -> bureau.apply(f), 24),
			Column.of("渠道", f -> f.channel() == null ? null : Wording.of("licensing.channel." + f.channel()), 12));
	}

	private final BranchFilings filings;

	private final Spreadsheets spreadsheets;

	private final StatutoryRules rules;

	private final Regions regions;

	BranchFilingController(BranchFilings filings, Spreadsheets spreadsheets, StatutoryRules rules, Regions regions) {
		this.regions = regions;
		this.rules = rules;
		this.filings = filings;
		this.spreadsheets = spreadsheets;
	}

	/** The id of what was created. */
	record Created(long id) {
	}

	/**
	 * The filings in the caller's scope: searched, {@code late} kept or left out, sorted from the headers, paged
	 * ({@link BranchFilings#list}).
	 */
	@GetMapping("/licensing/branch-filings")
	@PreAuthorize(LicensingApiController.READERS)
	String list(@AuthenticationPrincipal CurrentUser me, DataScope scope, ListRequest request,
			@RequestParam(required = false) Boolean late, Model model) {
		PageQuery query = request.toPage();
		model.addAttribute("result", filings.list(scope, late, query));
		model.addAttribute("query", query);
		model.addAttribute("late", late);
		model.addAttribute("enterprise", me.enterpriseCreditCode() != null);
		model.addAttribute("canFile", filings.offersForm(me));
		filingPeriod(model, me);
		return "licensing/branch-filings";
	}

	/**
	 * The filing form (the registry's former branch form moved here): staff name the parent enterprise by its credit
	 * code, an enterprise files for itself; the branch's place is chosen with the region picker.
	 */
	/**
	 * The filings as .xlsx: the list's search, {@code late} filter and order, every row up to the export limit, in the
	 * caller's scope (staff their region's, an enterprise its own).
	 */
	@GetMapping("/licensing/branch-filings/export.xlsx")
	@PreAuthorize(LicensingApiController.READERS)
	ResponseEntity<byte[]> export(DataScope scope, ListRequest request, @RequestParam(required = false) Boolean late) {
		return Downloads.xlsx(ExportNames.of("分支机构备案", scope), spreadsheets.write("分支机构备案", columns(regions.fullNames(), filings.receivingBureaus()), filings.list(scope, late, request.toExport()).items()));
	}

	@GetMapping("/licensing/branch-filings/new")
	@PreAuthorize(LicensingApiController.APPLICANTS)
	String initCreateForm(@AuthenticationPrincipal CurrentUser me, Model model) {
		if (me.enterpriseCreditCode() == null) {
			filings.requireReceiver(me.scope());
		}
		model.addAttribute("enterprise", me.enterpriseCreditCode() != null);
		filingPeriod(model, me);
		return "licensing/branch-filing-form";
	}

	/** The filing period the pages' hint names ({@code filingPeriod}, {@code filingBasis}), from the rule catalogue. */
	private void filingPeriod(Model model, CurrentUser me) {
		model.addAllAttributes(rules.statedAs("filing", StatutoryRule.BRANCH_FILING, me.regionCode()));
	}

	@PostMapping("/licensing/branch-filings")
	@PreAuthorize(LicensingApiController.APPLICANTS)
	String file(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) String parentCreditCode,
			@RequestParam(required = false) String name, @RequestParam(required = false) String regionCode,
			@RequestParam(required = false) String address, @RequestParam(required = false) String headName,
			@RequestParam(required = false) String businessLicenceDate, @RequestParam(required = false) String filedOn,
			@RequestParam(name = RegionPicker.PICK, required = false) String regionPick, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (regionPick != null) {
			// without JavaScript the picker's 选择 shows the form again one level deeper, nothing saved
			return initCreateForm(me, model);
		}
		// refused: the form again with the values as typed and each error beside its field, in the refusal's 4xx
		return FormSteps.run(model, response, redirect, () -> {
			filings.file(Clerk.of(me), new BranchFilings.FilingData(parentCreditCode, name, regionCode, address, headName,
					businessLicenceDate, filedOn));
			return new PageSteps.Done("已办理分支机构备案", "/licensing/branch-filings");
		}, () -> initCreateForm(me, model));
	}

	@PostMapping("/api/v1/licensing/branch-filings")
	@PreAuthorize(LicensingApiController.APPLICANTS)
	@ResponseBody
	@Operation(summary = "分支机构备案", description = "parentCreditCode（企业用户可省略）、name、regionCode（县级）、address、headName、"
			+ "businessLicenceDate（营业执照日期）、filedOn（工作人员录入纸质备案时为收到日期，默认今天）。材料齐全当场备案；超过营业执照之日起规则目录branch.filing规定的期限（按分支机构所在地的取值）的标记为逾期，备案的dueOn为该期限的最后一日。")
	ResponseEntity<Created> fileApi(@AuthenticationPrincipal CurrentUser me, @RequestBody BranchFilings.FilingData data) {
		long id = filings.file(Clerk.of(me), data);
		return ResponseEntity.created(URI.create("/api/v1/licensing/branch-filings/" + id)).body(new Created(id));
	}

	@GetMapping("/api/v1/licensing/branch-filings")
	@PreAuthorize(LicensingApiController.READERS)
	@ResponseBody
	@Operation(summary = "分支机构备案列表", description = "工作人员看辖区内的备案，企业只看本企业的；q搜索名称、地址、企业、"
			+ "信用代码或许可证编号，late=true/false筛选逾期备案，sort可为filed_on、name、parent_name、business_licence_date、"
			+ "licence_number。")
	PageResult<BranchFilings.Filing> listApi(DataScope scope, ListRequest request,
			@RequestParam(required = false) Boolean late) {
		return filings.list(scope, late, request.toPage());
	}

	@GetMapping("/api/v1/licensing/branch-filings/{id:\\d+}")
	@PreAuthorize(LicensingApiController.READERS)
	@ResponseBody
	@Operation(summary = "分支机构备案", description = "一份备案（工作人员：辖区内的；企业：本企业的）；不可见时404。")
	BranchFilings.Filing getApi(DataScope scope, @PathVariable long id) {
		return filings.get(scope, id);
	}
}
