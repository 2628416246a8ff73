package org.youguan.inspections.internal;

import java.io.IOException;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.documents.UploadedFile;
import org.youguan.inspections.InspectionOrders;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageSteps;
import org.youguan.org.CurrentUser;

/**
 * The enterprise's 责令改正 pages on its portal: its own orders (another enterprise's order is not found), an order's
 * page with the notice as issued (.docx), the deadline, the bureau's decisions, and the form for its rectification
 * report with evidence files (photos or PDFs, checked by content) — again after a rejection, until the deadline.
 */
@Controller
@PreAuthorize("hasRole('ENTERPRISE')")
class EnterpriseInspectionController {

	private final InspectionOrders orders;

	EnterpriseInspectionController(InspectionOrders orders) {
		this.orders = orders;
	}

	@GetMapping("/enterprise/inspections/orders")
	String list(@AuthenticationPrincipal CurrentUser me, ListRequest request, Model model) {
		OrderPageModels.list(orders, me.scope(), request, model);
		return "inspections/enterprise-orders";
	}

	@GetMapping("/enterprise/inspections/orders/{id:\\d+}")
	String order(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, Model model) {
		OrderPageModels.order(orders, me.scope(), id, model);
		return "inspections/enterprise-order";
	}

	@PostMapping("/enterprise/inspections/orders/{id:\\d+}/reply")
	String reply(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@RequestParam(required = false) String report, @RequestParam(required = false) List<MultipartFile> evidence,
			RedirectAttributes redirect) throws IOException {
		List<UploadedFile> files = UploadedFile.of(evidence);
		return PageSteps.run(redirect, "/enterprise/inspections/orders/" + id, "整改情况已提交",
				() -> orders.reply(me.scope(), id, report, files));
	}
}
