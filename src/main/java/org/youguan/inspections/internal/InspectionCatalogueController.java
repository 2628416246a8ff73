package org.youguan.inspections.internal;

import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.inspections.InspectionItems;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.PageSteps;
import org.youguan.kernel.Validation;
import org.youguan.org.CurrentUser;
import org.youguan.rules.LegalText;

/**
 * 抽查事项清单 on pages (双随机一公开: the list of inspection items is public): the catalogue the caller's bureau works
 * with (the default items derived from the law and the items of its own bureau, those above and below it), a form on
 * which a bureau adds an item (code, name, legal basis and article, object, method, checklist lines) and changes or
 * deactivates the items it added (the default items derived from the law are not a bureau's to change: 403), and
 * publishing the list — a recorded act that keeps a numbered, dated version shown on the public page.
 */
@Controller
@PreAuthorize(InspectionApiController.READERS)
class InspectionCatalogueController {

	/** The item form as posted; the checklist one line each, the article as text. */
	record ItemForm(String code, String name, String legalText, String article, String objectType, String method,
			String checklist) {
	}

	private final InspectionItems items;

	InspectionCatalogueController(InspectionItems items) {
		this.items = items;
	}

	@GetMapping("/inspections/items")
	String catalogue(@AuthenticationPrincipal CurrentUser me, DataScope scope, Model model) {
		model.addAttribute("items", items.list(scope));
		model.addAttribute("inactive", items.own(me.bureauId()).stream().filter(i -> !i.active()).toList());
		String region = me.regionCode() == null ? "" : me.regionCode();
		model.addAttribute("publications", items.publications(region, true));
		return "inspections/items";
	}

	@GetMapping("/inspections/items/new")
	@PreAuthorize(InspectionApiController.WRITERS)
	String initCreateForm(Model model) {
		return form(model, new ItemForm("", "", "EXPRESS_REGULATION", "", "ENTERPRISE", "ON_SITE", ""));
	}

	@PostMapping("/inspections/items/new")
	@PreAuthorize(InspectionApiController.WRITERS)
	String processCreateForm(@AuthenticationPrincipal CurrentUser me, DataScope scope, @ModelAttribute ItemForm form,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		// refused: the form again in the refusal's 4xx with the values as typed (kernel.FormSteps)
		return FormSteps.run(model, response, redirect, () -> {
			if (me.bureauId() == null) {
				throw new InvalidValueException("bureauId", "required", "只有邮政管理部门的工作人员才能增加抽查事项");
			}
			String code = items.add(scope, me.bureauId(), me.displayName(), data(form));
			return new PageSteps.Done("已增加抽查事项" + code + "；公布清单后公众可见", "/inspections/items");
		}, () -> form(model, form));
	}

	/** The edit form of an item the caller's bureau added (404 unknown; 403 a default item or another bureau's). */
	@GetMapping("/inspections/items/{code}/edit")
	@PreAuthorize(InspectionApiController.WRITERS)
	String initUpdateForm(@AuthenticationPrincipal CurrentUser me, @PathVariable String code, Model model) {
		InspectionItems.OwnItem i = items.editable(me.bureauId(), code);
		model.addAttribute("editing", true);
		return form(model, new ItemForm(i.code(), i.name(), i.legalText(), i.article() == 0 ? "" : String.valueOf(i.article()),
				i.objectType(), i.method(), String.join("\n", i.checklist())));
	}

	/** Saves the changed item (audited with what changed); a refused form is shown again with its errors. */
	@PostMapping("/inspections/items/{code}/edit")
	@PreAuthorize(InspectionApiController.WRITERS)
	String processUpdateForm(@AuthenticationPrincipal CurrentUser me, @PathVariable String code,
			@ModelAttribute ItemForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		items.editable(me.bureauId(), code);
		return FormSteps.run(model, response, redirect, () -> {
			items.update(me.bureauId(), code, data(form));
			return new PageSteps.Done("已修改抽查事项" + code.toUpperCase() + "；公布清单后公众可见", "/inspections/items");
		}, () -> {
			model.addAttribute("editing", true);
			return form(model, new ItemForm(code.toUpperCase(), form.name(), form.legalText(), form.article(),
					form.objectType(), form.method(), form.checklist()));
		});
	}

	/** Deactivates an item the caller's bureau added (audited). */
	@PostMapping("/inspections/items/{code}/deactivate")
	@PreAuthorize(InspectionApiController.WRITERS)
	String deactivate(@AuthenticationPrincipal CurrentUser me, @PathVariable String code, RedirectAttributes redirect) {
		return PageSteps.run(redirect, "/inspections/items", "已停用抽查事项" + code.toUpperCase(),
				() -> items.setActive(me.bureauId(), code, false));
	}

	/** Puts a deactivated item of the caller's bureau back in use (audited). */
	@PostMapping("/inspections/items/{code}/activate")
	@PreAuthorize(InspectionApiController.WRITERS)
	String activate(@AuthenticationPrincipal CurrentUser me, @PathVariable String code, RedirectAttributes redirect) {
		return PageSteps.run(redirect, "/inspections/items", "已恢复使用抽查事项" + code.toUpperCase(),
				() -> items.setActive(me.bureauId(), code, true));
	}

	/** The form's fields as the service takes them; a malformed article is an error on {@code article}. */
	static InspectionItems.ItemData data(ItemForm form) {
		Long n = Validation.wholeNumber("article", "条款", form.article(), 0, Integer.MAX_VALUE, InspectionItems.WHOLE_TEXT);
		Integer article = n == null ? null : n.intValue();
		List<String> lines = form.checklist() == null ? List.of() : Arrays.asList(form.checklist().split("\\R"));
		return new InspectionItems.ItemData(form.code(), form.name(), form.legalText(), article, form.objectType(),
				form.method(), lines);
	}

	@PostMapping("/inspections/items/publish")
	@PreAuthorize(InspectionApiController.WRITERS)
	String publish(@AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
		return PageSteps.run(redirect, "/inspections/items", () -> {
			if (me.bureauId() == null) {
				throw new InvalidValueException("bureauId", "required", "只有邮政管理部门的工作人员才能公布抽查事项清单");
			}
			InspectionItems.PublishedList list = items.publish(me.bureauId(), me.displayName());
			return new PageSteps.Done("已公布抽查事项清单第" + list.version() + "版（" + list.items().size() + "项）",
					"/inspections/items");
		});
	}

	private static String form(Model model, ItemForm form) {
		if (!model.containsAttribute("editing")) {
			model.addAttribute("editing", false);
		}
		model.addAttribute("form", form);
		model.addAttribute("texts", Arrays.stream(LegalText.values()).filter(LegalText::isText).toList());
		model.addAttribute("objectTypes", InspectionItems.OBJECT_TYPES);
		model.addAttribute("methods", InspectionItems.METHODS);
		return "inspections/item-form";
	}
}
