package org.youguan.inspections.internal;

import java.io.IOException;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
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
import org.youguan.region.Regions;
import org.youguan.documents.Spreadsheets;
import org.youguan.documents.UploadedFile;
import org.youguan.inspections.InspectionFieldRecords;
import org.youguan.inspections.InspectionOrders;
import org.youguan.inspections.InspectionRecords;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.PageSteps;
import org.youguan.org.CurrentUser;

/**
 * The enterprise's inspection pages on its portal: its own inspection records with their results (another enterprise's
 * record is not found), and its 责令改正 orders (another enterprise's order is not found), an order's
 * page with the notice as issued (.docx), the deadline, the bureau's decisions, and the form for its rectification
 * report with evidence files (photos or PDFs, checked by content) — again after a rejection, until the deadline.
 * Both lists export as .xlsx with the bureau's columns, the same filters, search and order, its own rows only.
 */
@Controller
@PreAuthorize("hasRole('ENTERPRISE')")
class EnterpriseInspectionController {

	private final InspectionOrders orders;

	private final InspectionRecords records;

	private final InspectionFieldRecords fieldRecords;

	private final Spreadsheets spreadsheets;

	private final MessageSource messages;

	private final Regions regions;

	EnterpriseInspectionController(InspectionOrders orders, InspectionRecords records,
			InspectionFieldRecords fieldRecords, Spreadsheets spreadsheets, MessageSource messages, Regions regions) {
		this.regions = regions;
		this.orders = orders;
		this.spreadsheets = spreadsheets;
		this.messages = messages;
		this.records = records;
		this.fieldRecords = fieldRecords;
	}

	/** Its own inspection records, newest first: day, object inspected, kind, outcome and order. */
	@GetMapping("/enterprise/inspections/records")
	String records(@AuthenticationPrincipal CurrentUser me, ListRequest request, Model model) {
		PageQuery query = request.toPage();
		PageResult<InspectionRecords.RecordSummary> result = records.list(me.scope(), query);
		model.addAttribute("result", result);
		model.addAttribute("records", result.items());
		model.addAttribute("query", query);
		return "inspections/enterprise-records";
	}

	/** Its own records as .xlsx: the bureau's export columns, the page's search and order, every row up to the limit. */
	@GetMapping("/enterprise/inspections/records/export.xlsx")
	ResponseEntity<byte[]> exportRecords(@AuthenticationPrincipal CurrentUser me, ListRequest request) {
		return InspectionController.export(records, spreadsheets, regions, me.scope(), request);
	}

	/** One of its records with the results per checklist line, photos and signatures, and the order if any. */
	@GetMapping("/enterprise/inspections/records/{id:\\d+}")
	String record(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, Model model) {
		InspectionFieldRecords.Detail r = fieldRecords.get(me.scope(), id);
		model.addAttribute("r", r);
		model.addAttribute("order", r.orderId() == null ? null : orders.get(me.scope(), r.orderId()));
		model.addAttribute("itemNames", fieldRecords.itemNames());
		return "inspections/enterprise-record";
	}

	@GetMapping("/enterprise/inspections/orders")
	String list(@AuthenticationPrincipal CurrentUser me, ListRequest request,
			@RequestParam(required = false) String state, Model model) {
		OrderPageModels.list(orders, me.scope(), request, state, false, model);
		return "inspections/enterprise-orders";
	}

	/** Its own orders as .xlsx: the bureau's export columns, the page's state filter, search and order. */
	@GetMapping("/enterprise/inspections/orders/export.xlsx")
	ResponseEntity<byte[]> exportOrders(@AuthenticationPrincipal CurrentUser me, ListRequest request,
			@RequestParam(required = false) String state) {
		return OrderPageModels.export(orders, spreadsheets, messages, me.scope(), request, state, false);
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
