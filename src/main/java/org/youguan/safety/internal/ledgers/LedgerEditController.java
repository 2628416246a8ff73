package org.youguan.safety.internal.ledgers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.PageSteps;
import org.youguan.org.CurrentUser;

/**
 * The one edit page of the safety ledgers' rows ({@code /safety/<ledger>/<id>/edit}, staff who write): the form of the
 * ledger's {@link LedgerEditor} pre-filled with the row; saved → the row's page with 修改已保存 (or 没有修改); refused →
 * the same form again with its errors, the values as typed and the 4xx status (400 for a bad value, 409 for a closed
 * row), nothing changed ({@link FormSteps}).
 */
@Controller
@PreAuthorize(LedgerAccess.WRITERS)
class LedgerEditController {

	private final Map<String, LedgerEditor> editors;

	private final Placement placement;

	private final LedgerOwners owners;

	LedgerEditController(List<LedgerEditor> editors, Placement placement, LedgerOwners owners) {
		this.placement = placement;
		this.owners = owners;
		this.editors = editors.stream().collect(Collectors.toMap(LedgerEditor::ledger, Function.identity()));
	}

	@GetMapping("/safety/{ledger:[a-z]+}/{id:\\d+}/edit")
	String form(@AuthenticationPrincipal CurrentUser me, @PathVariable String ledger, @PathVariable long id, Model model) {
		LedgerEditor editor = editor(ledger);
		Map<String, String> recorded = editor.values(me, id);
		// the form only to the row's owner: a bureau above reads the row, its 修改 would be refused (403)
		owners.requireOwns(ledger, id);
		return page(me, editor, id, recorded, recorded, model);
	}

	@PostMapping("/safety/{ledger:[a-z]+}/{id:\\d+}/edit")
	String correct(@AuthenticationPrincipal CurrentUser me, @PathVariable String ledger, @PathVariable long id,
			@RequestParam MultiValueMap<String, String> posted, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		LedgerEditor editor = editor(ledger);
		// a field of several values (the outlets covered, chosen in a multiple select) as one, comma-separated
		Map<String, String> form = new LinkedHashMap<>();
		posted.forEach((name, values) -> form.put(name, String.join(",", values)));
		return FormSteps.run(model, response, redirect, () -> new PageSteps.Done(
				editor.correct(me, id, form).isEmpty() ? "没有修改" : "修改已保存", editor.page(id)),
				() -> page(me, editor, id, form, editor.values(me, id), model));
	}

	/**
	 * The form with {@code values}; {@code recorded} are the row's values as saved, whose outlet and facility stay
	 * offered (marked) once closed or removed ({@link Placement.Kept}), so a correction of another field keeps them.
	 */
	private String page(CurrentUser me, LedgerEditor editor, long id, Map<String, String> values,
			Map<String, String> recorded, Model model) {
		model.addAttribute("title", editor.title());
		model.addAttribute("fields", editor.fields(me));
		model.addAttribute("values", values);
		// a ledger placed on an enterprise: its outlets and facilities offered as on the recording form
		placement.offer(model, me.scope(), values.get("enterpriseCreditCode"), Placement.Kept.of(recorded));
		model.addAttribute("action", "/safety/" + editor.ledger() + "/" + id + "/edit");
		model.addAttribute("back", editor.page(id));
		return "safety/edit";
	}

	private LedgerEditor editor(String ledger) {
		LedgerEditor editor = editors.get(ledger);
		if (editor == null) {
			throw DomainException.notFound("台账", ledger);
		}
		return editor;
	}
}
