package org.youguan.universal.internal;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.youguan.documents.Downloads;
import org.youguan.documents.ExportNames;
import org.youguan.documents.Spreadsheets;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageQuery;
import org.youguan.org.CurrentUser;
import org.youguan.universal.ApprovalStatus;
import org.youguan.universal.PostOfficeApprovals;
import org.youguan.universal.PostOffices;

/**
 * A postal enterprise's full lists of its own applications to close or move a post office and of the 临时停业 it
 * reported, below its post-office page ({@link EnterprisePostOfficeController}, which shows the latest of each): the
 * bureau's list pages and exports on the enterprise's scope, without the paper form and import. A controller of its
 * own, so that a form posted to the same address that cannot be bound comes back on the post-office page
 * ({@code web.UnboundForms} takes the posting controller's GET), not on these lists.
 */
@Controller
@PreAuthorize(VillagePortal.POSTAL)
class EnterprisePostOfficeLists {

	private final PostOffices postOffices;

	private final PostOfficeApprovals approvals;

	private final Clock clock;

	private final Spreadsheets spreadsheets;

	EnterprisePostOfficeLists(PostOffices postOffices, PostOfficeApprovals approvals, Clock clock,
			Spreadsheets spreadsheets) {
		this.postOffices = postOffices;
		this.approvals = approvals;
		this.clock = clock;
		this.spreadsheets = spreadsheets;
	}

	/**
	 * All its applications to close or move a post office, as the bureau's queue lists them (search, status, 未办结,
	 * whitelisted sorts, pages, export): its own only ({@link PostOfficeApprovals#list}).
	 */
	@GetMapping(EnterprisePostOfficeController.PAGE + "/approvals")
	String approvals(@AuthenticationPrincipal CurrentUser me, ListRequest request,
			@RequestParam(required = false) String status, @RequestParam(required = false) Boolean open, Model model) {
		PageQuery query = request.toPage();
		model.addAttribute("result", approvals.list(me.scope(), null, PostOfficeApiController.status(status),
				Boolean.TRUE.equals(open), query));
		model.addAttribute("query", query);
		model.addAttribute("statuses", ApprovalStatus.values());
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("listPath", EnterprisePostOfficeController.PAGE + "/approvals");
		model.addAttribute("portal", true);
		return "universal/post-office-approvals";
	}

	/** Its applications as .xlsx: the list's search, status, 未办结 filter and order, the bureau's columns, its own only. */
	@GetMapping(EnterprisePostOfficeController.PAGE + "/approvals/export.xlsx")
	ResponseEntity<byte[]> exportApprovals(@AuthenticationPrincipal CurrentUser me, ListRequest request,
			@RequestParam(required = false) String status, @RequestParam(required = false) Boolean open) {
		var rows = approvals.list(me.scope(), null, PostOfficeApiController.status(status), Boolean.TRUE.equals(open),
				request.toExport()).items();
		return Downloads.xlsx(ExportNames.of("营业场所撤销搬迁审批", me.scope()), spreadsheets.write("撤销搬迁审批", PostOfficeFilters.APPROVAL_COLUMNS, rows));
	}

	/** All the 临时停业 it reported (search, sorts, pages, export), its own only ({@link PostOffices#suspensions}). */
	@GetMapping(EnterprisePostOfficeController.PAGE + "/suspensions")
	String suspensions(@AuthenticationPrincipal CurrentUser me, ListRequest request, Model model) {
		PageQuery query = request.toPage();
		model.addAttribute("result", postOffices.suspensions(me.scope(), null, query));
		model.addAttribute("query", query);
		model.addAttribute("listPath", EnterprisePostOfficeController.PAGE + "/suspensions");
		return "universal/post-office-suspensions";
	}

	/** Its 临时停业 as .xlsx: the list's search and order, the bureau's columns, its own only. */
	@GetMapping(EnterprisePostOfficeController.PAGE + "/suspensions/export.xlsx")
	ResponseEntity<byte[]> exportSuspensions(@AuthenticationPrincipal CurrentUser me, ListRequest request) {
		var rows = postOffices.suspensions(me.scope(), null, request.toExport()).items();
		return Downloads.xlsx(ExportNames.of("营业场所临时停业", me.scope()), spreadsheets.write("临时停业", PostOfficeFilters.SUSPENSION_COLUMNS, rows));
	}
}
