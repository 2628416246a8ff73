package org.youguan.licensing.internal;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.PageSteps;
import org.youguan.licensing.BranchFilings;
import org.youguan.licensing.Clerk;
import org.youguan.org.CurrentUser;
import org.youguan.region.RegionPicker;

/**
 * 分支机构备案 pages and API — the one place a branch is filed (the registry's branch register only lists and corrects
 * what filings created): the enterprise files its branch on its portal (staff enter a paper filing); a complete filing
 * is taken at once, a late one flagged. {@code POST /api/v1/licensing/branch-filings} takes {"parentCreditCode", "name",
 * "regionCode", "address", "headName", "businessLicenceDate", "filedOn"} and answers 201 with the id.
 */
@Controller
@Tag(name = "分支机构备案", description = "快递企业分支机构备案（按调用者数据权限）")
class BranchFilingController {

	private final BranchFilings filings;

	BranchFilingController(BranchFilings filings) {
		this.filings = filings;
	}

	/** The id of what was created. */
	record Created(long id) {
	}

	@GetMapping("/licensing/branch-filings")
	@PreAuthorize(LicensingApiController.READERS)
	String list(@AuthenticationPrincipal CurrentUser me, DataScope scope, ListRequest request, Model model) {
		PageQuery query = request.toPage();
		model.addAttribute("result", filings.list(scope, query));
		model.addAttribute("query", query);
		model.addAttribute("enterprise", me.enterpriseCreditCode() != null);
		model.addAttribute("canFile", me.enterpriseCreditCode() != null || me.writer());
		return "licensing/branch-filings";
	}

	/**
	 * The filing form (the registry's former branch form moved here): staff name the parent enterprise by its credit
	 * code, an enterprise files for itself; the branch's place is chosen with the region picker.
	 */
	@GetMapping("/licensing/branch-filings/new")
	@PreAuthorize(LicensingApiController.APPLICANTS)
	String initCreateForm(@AuthenticationPrincipal CurrentUser me, Model model) {
		model.addAttribute("enterprise", me.enterpriseCreditCode() != null);
		return "licensing/branch-filing-form";
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
			+ "businessLicenceDate（营业执照日期）、filedOn（工作人员录入纸质备案时为收到日期，默认今天）。材料齐全当场备案；超过营业执照之日起20日的标记为逾期。")
	ResponseEntity<Created> fileApi(@AuthenticationPrincipal CurrentUser me, @RequestBody BranchFilings.FilingData data) {
		long id = filings.file(Clerk.of(me), data);
		return ResponseEntity.created(URI.create("/api/v1/licensing/branch-filings/" + id)).body(new Created(id));
	}

	@GetMapping("/api/v1/licensing/branch-filings")
	@PreAuthorize(LicensingApiController.READERS)
	@ResponseBody
	@Operation(summary = "分支机构备案列表", description = "工作人员看辖区内的备案，企业只看本企业的。")
	PageResult<BranchFilings.Filing> listApi(DataScope scope, ListRequest request) {
		return filings.list(scope, request.toPage());
	}
}
