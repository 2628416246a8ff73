package org.youguan.inspections.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.servlet.http.HttpServletResponse;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.documents.Spreadsheets;
import org.youguan.inspections.InspectionOrders;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Validation;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageForm;
import org.youguan.kernel.PageSteps;
import org.youguan.kernel.Text;
import org.youguan.org.CurrentUser;

/**
 * The 责令改正 pages for bureau staff: the region's orders, and an order's page with its document (.docx as issued),
 * the enterprise's replies and evidence, and the steps that follow — accept or reject the reply (with a reason), schedule
 * the re-inspection (复查) before the deadline and record its result (not rectified: the order becomes a case lead).
 * The list exports as .xlsx with the same state filter, search and order, in the caller's scope.
 * Each step is one transaction with its audit entry, run through {@link PageSteps}.
 */
@Controller
@PreAuthorize(InspectionApiController.READERS)
class RectificationOrderPagesController {

	private final InspectionOrders orders;

	private final Spreadsheets spreadsheets;

	private final MessageSource messages;

	RectificationOrderPagesController(InspectionOrders orders, Spreadsheets spreadsheets, MessageSource messages) {
		this.orders = orders;
		this.spreadsheets = spreadsheets;
		this.messages = messages;
	}

	/**
	 * The orders of the caller's region; {@code handling=true} (the inbox's links) keeps only those of its own bureau's
	 * inspections, whose steps it takes — without it a bureau lists those of the bureaus below it too, to read.
	 */
	@GetMapping("/inspections/orders")
	String list(@AuthenticationPrincipal CurrentUser me, ListRequest request,
			@RequestParam(required = false) String state, @RequestParam(defaultValue = "false") boolean handling,
			Model model) {
		OrderPageModels.list(orders, me.scope(), request, state, handling, model);
		return "inspections/orders";
	}

	/** The list as .xlsx: the same state, search and order as the page, every row up to the export limit. */
	@GetMapping("/inspections/orders/export.xlsx")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentUser me, ListRequest request,
			@RequestParam(required = false) String state, @RequestParam(defaultValue = "false") boolean handling) {
		return OrderPageModels.export(orders, spreadsheets, messages, me.scope(), request, state, handling);
	}

	@GetMapping("/inspections/orders/{id:\\d+}")
	String order(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, Model model) {
		OrderPageModels.order(orders, me.scope(), id, model);
		return "inspections/order";
	}

	@PostMapping("/inspections/orders/{id:\\d+}/accept")
	@PreAuthorize(InspectionApiController.WRITERS)
	String accept(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
		return PageSteps.run(redirect, page(id), "整改已验收", () -> orders.decide(me.scope(), id, true, null));
	}

	@PostMapping("/inspections/orders/{id:\\d+}/reject")
	@PageForm("reject-form")
	@PreAuthorize(InspectionApiController.WRITERS)
	String reject(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		return PageSteps.run(redirect, page(id), "整改不予验收，已通知企业再次整改",
				() -> orders.decide(me.scope(), id, false, note));
	}

	@PostMapping("/inspections/orders/{id:\\d+}/reinspection")
	@PageForm("reinspection-form")
	@PreAuthorize(InspectionApiController.WRITERS)
	String schedule(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@RequestParam(required = false) String on, RedirectAttributes redirect, Model model,
			HttpServletResponse response) {
		// a day outside issue … deadline is refused on the page itself (400), never redirected as if it were taken
		try {
			LocalDate day = orders.checkReinspectionDay(orders.get(me.scope(), id), day(on));
			return PageSteps.run(redirect, page(id), "复查已安排", () -> orders.scheduleReinspection(me.scope(), id, day));
		}
		catch (InvalidValueException ex) {
			response.setStatus(400);
			OrderPageModels.order(orders, me.scope(), id, model);
			model.addAttribute("errors", ex.fieldErrors());
			return "inspections/order";
		}
	}


	@PostMapping("/inspections/orders/{id:\\d+}/reinspection/result")
	@PageForm("result-form")
	@PreAuthorize(InspectionApiController.WRITERS)
	String result(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@RequestParam(required = false) String result, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		return PageSteps.run(redirect, page(id), "复查结果已登记", () -> {
			if (!"RECTIFIED".equals(result) && !"NOT_RECTIFIED".equals(result)) {
				throw new InvalidValueException("result", "one-of", "复查结果应为已整改或未整改");
			}
			orders.recordReinspection(me.scope(), id, "RECTIFIED".equals(result), note);
		});
	}

	private static LocalDate day(String text) {
		try {
			return text == null || Text.isBlank(text) ? null : Validation.parseDate(text);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidValueException("on", "date", "复查日期应为YYYY-MM-DD格式的日期");
		}
	}

	private static String page(long id) {
		return "/inspections/orders/" + id;
	}
}
