package org.youguan.inspections.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DataAccessException;
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
import org.youguan.documents.Attachment;
import org.youguan.documents.AttachmentDraft;
import org.youguan.documents.UploadedFile;
import org.youguan.inspections.InspectionFieldRecords;
import org.youguan.inspections.InspectionItems;
import org.youguan.inspections.InspectionKind;
import org.youguan.inspections.InspectionOrders;
import org.youguan.inspections.InspectionOutcome;
import org.youguan.inspections.InspectionPlan;
import org.youguan.inspections.InspectionPlans;
import org.youguan.inspections.Inspectors;
import org.youguan.inspections.RectificationTerm;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.PageFragment;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageSteps;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.org.CurrentUser;
import org.youguan.registry.Branches;
import org.youguan.registry.Enterprises;
import org.youguan.registry.Outlets;
import org.youguan.registry.RegisteredPlace;

/**
 * The field record pages for bureau staff, made for a phone on site (one column at 390 px): the form for a drawn
 * target of a 双随机 plan or an ad-hoc inspection (专项检查, 督导检查, complaint-triggered), with a result per checklist
 * line, photos, the representative's signature drawn on the screen or a signed scan, and the outcome; the record's
 * page with everything recorded, and there the issue of the 责令改正通知书. A refused form is shown again with status 400,
 * its errors in Chinese, what was entered, and the files already uploaded (held for the form's draft).
 */
@Controller
@PreAuthorize(InspectionApiController.READERS)
class InspectionRecordPagesController {

	private final InspectionFieldRecords fieldRecords;

	private final InspectionItems items;

	private final Inspectors inspectors;

	private final InspectionPlans plans;

	private final InspectionOrders orders;

	private final Enterprises enterprises;

	private final Clock clock;

	private final Branches branches;

	private final Outlets outlets;

	private final KeyTargets keyTargets;

	InspectionRecordPagesController(InspectionFieldRecords fieldRecords, InspectionItems items, Inspectors inspectors,
			InspectionPlans plans, InspectionOrders orders, Enterprises enterprises, Clock clock, Branches branches,
			Outlets outlets, KeyTargets keyTargets) {
		this.keyTargets = keyTargets;
		this.branches = branches;
		this.outlets = outlets;
		this.fieldRecords = fieldRecords;
		this.items = items;
		this.inspectors = inspectors;
		this.plans = plans;
		this.orders = orders;
		this.enterprises = enterprises;
		this.clock = clock;
	}

	/**
	 * The empty form: for the target ranked {@code target} of the plan {@code plan} (enterprise, team and items taken
	 * from the draw), for the key target {@code keyTarget} (its enterprise, as a special inspection), or for an ad-hoc
	 * inspection.
	 */
	@GetMapping("/inspections/records/new")
	@PreAuthorize(InspectionApiController.WRITERS)
	String form(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) Long plan,
			@RequestParam(required = false) Integer target, @RequestParam(required = false) Long keyTarget, Model model) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("kind", "SPECIAL");
		values.put("inspectedOn", LocalDate.now(clock).toString());
		values.put("inspectedAt", LocalTime.now(clock).format(DateTimeFormatter.ofPattern("HH:mm")));
		values.put("certificates", List.of());
		values.put("items", List.of());
		values.put("lines", Map.of());
		if (keyTarget != null) {
			values.put("enterpriseCreditCode", keyTargets.get(me.scope(), keyTarget).enterpriseCreditCode());
		}
		if (plan != null && target != null) {
			InspectionPlan p = plans.get(me.scope(), plan);
			InspectionPlan.Target t = plans.targets(plan).stream().filter(x -> x.rank() == target).findFirst()
				.orElseThrow(() -> DomainException.notFound("抽中对象", target));
			values.put("kind", "RANDOM");
			values.put("planId", plan);
			values.put("planName", p.name());
			values.put("enterpriseCreditCode", t.enterpriseCreditCode());
			values.put("object", t.objectType().equals("ENTERPRISE") ? null : t.targetKey());
			values.put("objectName", t.objectName());
			values.put("certificates", t.certificates());
			values.put("items", p.items());
		}
		model.addAttribute("draft", AttachmentDraft.newToken());
		return show(me, model, values, List.of());
	}

	/**
	 * Records the inspection. The photos and signatures posted are held for the form's draft in the record's own
	 * transaction ({@link InspectionFieldRecords#submit}); a form refused for its fields (400) or one posted back to
	 * remove a held file ({@code release}) lists them as already uploaded, and they go with the next submit; a refused
	 * duplicate (409) keeps none. Success leads to the record's page.
	 */
	@PostMapping("/inspections/records")
	@PreAuthorize(InspectionApiController.WRITERS)
	String record(@AuthenticationPrincipal CurrentUser me, @RequestParam Map<String, String> params,
			@RequestParam(name = "inspector", required = false) List<String> certificates,
			@RequestParam(name = "items", required = false) List<String> itemCodes,
			@RequestParam(required = false) List<MultipartFile> photos,
			@RequestParam(required = false) List<MultipartFile> signatureScan,
			@RequestParam(required = false) Long release, Model model, RedirectAttributes redirect,
			HttpServletResponse response) throws IOException {
		AttachmentDraft draft = InspectionFieldRecords.draft(params.get("draft"), me);
		List<FieldError> fileErrors = new ArrayList<>();
		Map<String, String> lines = new LinkedHashMap<>();
		params.forEach((k, v) -> {
			if (k.startsWith("line.")) {
				lines.put(k.substring(5), v);
			}
		});
		Long planId;
		try {
			planId = Validation.id("planId", "检查计划", params.get("planId"));
		}
		catch (InvalidValueException ex) {
			// refused with the record's other errors, not saved outside its plan
			fileErrors.addAll(ex.formErrors());
			planId = null;
		}
		InspectionFieldRecords.FieldForm form = new InspectionFieldRecords.FieldForm(params.get("enterpriseCreditCode"),
				planId, params.get("kind"), params.get("inspectedOn"), params.get("inspectedAt"), params.get("place"),
				certificates == null ? List.of() : certificates, itemCodes == null ? List.of() : itemCodes, lines,
				params.get("findings"), params.get("representative"), params.get("outcome"), params.get("object"));
		model.addAttribute("draft", draft.token());
		if (release != null) {
			fileErrors.addAll(fieldRecords.hold(draft, UploadedFile.of(photos), UploadedFile.of(signatureScan),
					params.get("signature")));
			fieldRecords.release(draft, release);
			return show(me, model, values(form, params), fileErrors);
		}
		try {
			// the files posted are held in the same transaction as the record: a refused duplicate keeps none of them
			long id = fieldRecords.submit(me, form, draft, UploadedFile.of(photos), UploadedFile.of(signatureScan),
					params.get("signature"), fileErrors);
			redirect.addFlashAttribute("message", "检查记录已保存");
			redirect.addFlashAttribute("messageWording", Wording.of("inspections.record.flashSaved"));
			return "redirect:/inspections/records/" + id;
		}
		catch (DomainException | DataAccessException failure) {
			// a refusal, or a race lost with another submission at the database: the form again, never the error page
			DomainException ex = FormSteps.refusal(failure);
			// refused: the form again in the refusal's own 4xx (409 a duplicate too), as typed (kernel.FormSteps)
			FormSteps.refused(ex, model, response);
			return show(me, model, values(form, params), ex.formErrors());
		}
	}

	/**
	 * The options of the form's 检查对象 for an enterprise (htmx, when the enterprise is chosen): the enterprise itself,
	 * then its branches and its outlets not closed inside the caller's region, by name.
	 */
	@GetMapping("/inspections/records/objects")
	@PageFragment("/inspections/records/new")
	@PreAuthorize(InspectionApiController.WRITERS)
	String objects(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) String enterpriseCreditCode,
			@RequestParam(required = false) String object, Model model) {
		model.addAttribute("objects", objectChoices(me, enterpriseCreditCode));
		model.addAttribute("chosen", object);
		return "inspections/record-form :: objectOptions";
	}

	/** The branches and outlets of an enterprise inside the caller's region, as {@code BRANCH:<id>} → name. */
	private Map<String, String> objectChoices(CurrentUser me, String creditCode) {
		Map<String, String> choices = new LinkedHashMap<>();
		if (creditCode == null || Text.isBlank(creditCode)) {
			return choices;
		}
		String code = CreditCode.written(creditCode);
		String prefix = me.regionCode() == null ? "" : me.regionCode();
		for (RegisteredPlace b : branches.places(prefix, null)) {
			if (b.enterpriseCreditCode().equals(code)) {
				choices.put("BRANCH:" + b.id(), "分支机构：" + b.name());
			}
		}
		for (RegisteredPlace o : outlets.places(prefix, null)) {
			if (o.enterpriseCreditCode().equals(code)) {
				choices.put("OUTLET:" + o.id(), "末端网点：" + o.name());
			}
		}
		return choices;
	}

	/** The record's page: everything recorded, photos and signatures, and its order or the form to issue one. */
	@GetMapping("/inspections/records/{id:\\d+}")
	String detail(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, Model model) {
		InspectionFieldRecords.Detail r = fieldRecords.get(me.scope(), id);
		model.addAttribute("r", r);
		model.addAttribute("order", r.orderId() == null ? null : orders.get(me.scope(), r.orderId()));
		// a county's record of a city's plan: the plan's page is the city's (404 here), so it is named without a link
		model.addAttribute("planOpens", r.planId() != null && plans.opens(me.scope(), r.planId()));
		// the plan named by its own name, not by the menu's label of all plans
		model.addAttribute("planName", r.planId() == null ? null : plans.name(r.planId()));
		model.addAttribute("itemNames", fieldRecords.itemNames());
		// the longest deadline an order may set there, from the rule catalogue (the form's bound and hint)
		model.addAttribute("rectificationMax", orders.longestTerm(r.regionCode()));
		// the issue form only for the inspecting bureau's staff: a bureau above reads the record
		model.addAttribute("handles", orders.stepsOpenToCallerOnRecord(r.id()));
		// the ceiling's source as the catalogue cites it and the refusals name it (one place for its title and basis)
		model.addAttribute("rectificationBasis", RectificationTerm.source());
		return "inspections/record";
	}

	/** Issues the 责令改正通知书 of a record concluded 责令改正: deadline in working days; leads to the order's page. */
	@PostMapping("/inspections/records/{id:\\d+}/order")
	@PreAuthorize(InspectionApiController.WRITERS)
	String issue(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@RequestParam(required = false) String workingDays, @RequestParam(required = false) List<String> items,
			RedirectAttributes redirect) {
		return PageSteps.run(redirect, "/inspections/records/" + id, () -> {
			InspectionOrders.Order o = orders.issue(me.scope(), id, me.regionCode(), workingDays, items);
			return new PageSteps.Done("责令改正通知书已下达：" + o.number(), "/inspections/orders/" + o.id());
		});
	}

	private static Map<String, Object> values(InspectionFieldRecords.FieldForm form, Map<String, String> params) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("kind", form.kind());
		values.put("planId", form.planId());
		values.put("enterpriseCreditCode", form.enterpriseCreditCode());
		values.put("inspectedOn", form.inspectedOn());
		values.put("inspectedAt", form.inspectedAt());
		values.put("place", form.place());
		values.put("certificates", form.certificates());
		values.put("items", form.items());
		values.put("lines", form.lines());
		values.put("findings", form.findings());
		values.put("representative", form.representative());
		values.put("outcome", form.outcome());
		values.put("planName", params.get("planName"));
		values.put("object", form.object());
		values.put("objectName", params.get("objectName"));
		return values;
	}

	private String show(CurrentUser me, Model model, Map<String, Object> values, List<FieldError> errors) {
		String draftToken = (String) model.getAttribute("draft");
		AttachmentDraft draft = InspectionFieldRecords.draft(draftToken, me);
		List<Attachment> held = fieldRecords.held(draft);
		List<String> certificates = new ArrayList<>();
		for (Object c : (List<?>) values.get("certificates")) {
			certificates.add(String.valueOf(c));
		}
		while (certificates.size() < 2) {
			certificates.add("");
		}
		values.put("certificates", certificates);
		model.addAttribute("f", values);
		model.addAttribute("objects", values.get("planId") == null
				? objectChoices(me, (String) values.get("enterpriseCreditCode")) : Map.of());
		model.addAttribute("chosen", values.get("object"));
		model.addAttribute("errors", errors.isEmpty() ? null : errors);
		model.addAttribute("photos", held.stream().filter(a -> a.kind().equals(InspectionFieldRecords.PHOTO)).toList());
		model.addAttribute("signatures", held.stream().filter(a -> a.kind().equals(InspectionFieldRecords.SIGNATURE)).toList());
		model.addAttribute("catalogue", items.list(me.scope()));
		model.addAttribute("roster", inspectors.drawable(me.regionCode() == null ? "" : me.regionCode(), LocalDate.now(clock)));
		model.addAttribute("enterprises", enterprises.list(me.scope(), Enterprises.Filter.NONE,
				PageQuery.of(null, 0, PageQuery.MAX_SIZE, null, null)).items());
		model.addAttribute("kinds", InspectionKind.values());
		model.addAttribute("outcomes", InspectionOutcome.values());
		model.addAttribute("results", InspectionFieldRecords.LineResult.values());
		return "inspections/record-form";
	}
}
