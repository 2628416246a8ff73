package org.youguan.safety.internal.ledgers;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.youguan.kernel.ListFilter;
import org.youguan.kernel.PageFragment;
import org.youguan.org.CurrentUser;

/**
 * The choices of a staff ledger form once its enterprise is named (htmx, as the inspection record's objects): the
 * outlets or facilities of the enterprise with the credit code typed that lie in the caller's region and still serve.
 */
@Controller
class PlacesController {

	private final Placement placement;

	/** The fields whose options are offered. */
	private static final List<String> FIELDS = List.of("outletId", "facilityId", "outletIds");

	/** What each field of {@link #FIELDS} chooses, as its form labels it. */
	private static String fieldLabel(String field) {
		return switch (field) {
			case "outletId" -> "末端网点";
			case "facilityId" -> "邮政设施";
			default -> "多个末端网点";
		};
	}

	PlacesController(Placement placement) {
		this.placement = placement;
	}

	/**
	 * The options of one field: {@code outletId} or {@code facilityId} (one, or none), {@code outletIds} (several).
	 * @param list the field whose options are asked for; blank is {@code outletId}
	 * @param enterpriseCreditCode the code as typed; no enterprise of that code, or a cancelled one, offers nothing
	 * @throws InvalidValueException (400, {@code list}, rule {@code one-of}) for any other field — never answered as
	 *         another field's options
	 */
	@GetMapping("/safety/places")
	@PageFragment(HazardController.STAFF)
	@PreAuthorize(LedgerAccess.WRITERS)
	String options(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) String list,
			@RequestParam(required = false) String enterpriseCreditCode, Model model) {
		String field = ListFilter.oneOf(FIELDS, PlacesController::fieldLabel, "list", "选项字段", list);
		Placement.Choices choices = placement.choicesOf(me.scope(), enterpriseCreditCode);
		if ("outletIds".equals(field)) {
			model.addAttribute("items", choices.outlets());
			return "safety/region-fields :: outletOptions(items=${items},chosen=${null})";
		}
		boolean facility = "facilityId".equals(field);
		model.addAttribute("name", facility ? "facilityId" : "outletId");
		model.addAttribute("items", facility ? choices.facilities() : choices.outlets());
		return "safety/region-fields :: options(name=${name},items=${items},chosen=${null})";
	}
}
