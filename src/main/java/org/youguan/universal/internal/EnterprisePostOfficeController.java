package org.youguan.universal.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.audit.AuditTrail;
import org.youguan.documents.Downloads;
import org.youguan.documents.ExportNames;
import org.youguan.documents.Spreadsheets;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.FormBinding;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageForm;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageSteps;
import org.youguan.org.CurrentUser;
import org.youguan.registry.Facilities;
import org.youguan.registry.FacilityView;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;
import org.youguan.universal.ApprovalKind;
import org.youguan.universal.PostOfficeApprovals;
import org.youguan.universal.PostOfficeView;
import org.youguan.universal.PostOffices;

/**
 * The postal enterprise's post-office pages on its portal ({@link VillagePortal}: users of a postal enterprise only):
 * its 邮政普遍服务营业场所 with their opening days, the application to close or move one (邮政法(2015) art.9) and how
 * each application stands, and the 临时停业 it reports. Another enterprise's records are not found.
 */
@Controller
@PreAuthorize(VillagePortal.POSTAL)
class EnterprisePostOfficeController {

	static final String PAGE = "/enterprise/post-offices";

	/** The list as it opens, shown again under a refused form. */
	private static final ListRequest UNFILTERED = new ListRequest(null, null, null, null, null);

	private final PostOffices postOffices;

	private final PostOfficeApprovals approvals;

	private final Facilities facilities;

	private final AuditTrail audit;

	private final Clock clock;

	private final Spreadsheets spreadsheets;

	private final StatutoryRules rules;

	EnterprisePostOfficeController(PostOffices postOffices, PostOfficeApprovals approvals,
			Facilities facilities, AuditTrail audit, Clock clock, Spreadsheets spreadsheets, StatutoryRules rules) {
		this.rules = rules;
		this.spreadsheets = spreadsheets;
		this.postOffices = postOffices;
		this.approvals = approvals;
		this.facilities = facilities;
		this.audit = audit;
		this.clock = clock;
	}

	/** How many of the latest applications and 临时停业 the page shows, with their count and a link to the full lists. */
	static final int LATEST = 10;

	/**
	 * The page: its post offices' opening days as a list (search by name, 低于标准 filter, sorts, pages, export), the
	 * latest {@value #LATEST} applications and 临时停业 with their totals and links to their full lists
	 * ({@link EnterprisePostOfficeLists}), and the forms.
	 */
	@GetMapping(PAGE)
	String page(@AuthenticationPrincipal CurrentUser me, ListRequest request,
			@RequestParam(required = false) Boolean below, Model model) {
		PageQuery query = request.toPage();
		List<FacilityView> offices = PostOfficeController.offices(facilities, me.scope());
		model.addAttribute("offices", offices);
		// the form's hint and date bounds: the rules of the first post office's region (an enterprise's post offices
		// lie in one province, whose rules they share unless a county set its own; the report is checked per office)
		model.addAttribute("suspensionLimits", offices.isEmpty() ? null
				: postOffices.suspensionLimits(offices.get(0).regionCode()));
		model.addAttribute("result", postOffices.list(me.scope(), new PostOffices.Filter(null, Boolean.TRUE.equals(below)),
				query));
		model.addAttribute("query", query);
		model.addAttribute("approvals", approvals.list(me.scope(), null, null, false, new PageQuery("", 0, LATEST, "received", true)));
		model.addAttribute("suspensions", postOffices.suspensions(me.scope(), null, new PageQuery("", 0, LATEST, null, false)));
		model.addAttribute("kinds", ApprovalKind.values());
		model.addAttribute("today", LocalDate.now(clock));
		return "universal/enterprise-post-offices";
	}

	/**
	 * Its post offices' opening days as .xlsx: the list's search, 低于标准 filter and order, the page's columns, the
	 * enterprise's own post offices only.
	 */
	@GetMapping(PAGE + "/export.xlsx")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentUser me, ListRequest request,
			@RequestParam(required = false) Boolean below) {
		List<PostOfficeView> rows = postOffices.list(me.scope(), new PostOffices.Filter(null, Boolean.TRUE.equals(below)),
				request.toExport()).items();
		return Downloads.xlsx(ExportNames.of("营业场所营业时间", me.scope()), spreadsheets.write("营业场所", PostOfficeFilters.ENTERPRISE_COLUMNS, rows));
	}

	@GetMapping(PAGE + "/approvals/{id:\\d+}")
	String approval(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, Model model) {
		model.addAttribute("approval", approvals.get(me.scope(), id));
		model.addAttribute("history", audit.history(me.scope(), "PostOfficeApproval", id));
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("staffPage", false);
		PostOfficeController.extensionPeriod(model, rules);
		return "universal/post-office-approval";
	}

	@PostMapping(PAGE + "/hours")
	@PageForm("hours-form")
	String hours(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) Long facilityId,
			@ModelAttribute PostOffices.HoursData hours, BindingResult binding, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		// the post office is the record (an unreadable number of it is told first, as a record not there); a number of
		// days that cannot be read is told with every other error of the form (kernel.FormBinding)
		List<FieldError> unread = FormBinding.errors(binding, PostOffices.HoursData.class, Map.of("daysPerWeek", "每周营业天数"), LocalDate.now(clock));
		return FormSteps.run(model, response, redirect, PAGE, "营业时间已保存", () -> postOffices.saveHours(me.scope(),
				facilityId == null ? 0 : facilityId, hours, false, unread), () -> page(me, UNFILTERED, null, model));
	}

	@PostMapping(PAGE + "/approvals")
	@PageForm("apply-form")
	String apply(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) Long facilityId,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String newAddress, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return FormSteps.run(model, response, redirect, () -> {
			long id = approvals.apply(me.scope(), new PostOfficeApprovals.ApplicationData(facilityId, kind, reason,
					newAddress, null), false);
			return new PageSteps.Done("申请已提交，邮政管理部门将在受理后" + rules.stated(StatutoryRule.UNIVERSAL_CLOSURE_DECISION,
					StatutoryRule.NATIONAL_REGION) + "内作出决定", PAGE + "/approvals/" + id);
		}, () -> page(me, UNFILTERED, null, model));
	}

	@PostMapping(PAGE + "/suspensions")
	@PageForm("suspension-form")
	String suspend(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) Long facilityId,
			@RequestParam(required = false) String startsOn, @RequestParam(required = false) String endsOn,
			@RequestParam(required = false) String reason, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return FormSteps.run(model, response, redirect, PAGE, "临时停业已报告", () -> postOffices.reportSuspension(
				me.scope(), new PostOffices.SuspensionData(facilityId, startsOn, endsOn, reason), false),
				() -> page(me, UNFILTERED, null, model));
	}
}
