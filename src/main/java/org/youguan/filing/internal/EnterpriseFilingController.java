package org.youguan.filing.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.documents.AttachmentDraft;
import org.youguan.documents.Column;
import org.youguan.documents.Downloads;
import org.youguan.documents.ExportNames;
import org.youguan.documents.SheetWord;
import org.youguan.documents.Spreadsheets;
import org.youguan.documents.UploadedFile;
import org.youguan.filing.AttachmentKind;
import org.youguan.filing.FilingStatus;
import org.youguan.filing.OutletFilings;
import org.youguan.filing.Upload;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.FormBinding;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageSteps;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.org.CurrentUser;
import org.youguan.region.RegionPicker;
import org.youguan.region.Regions;
import org.youguan.registry.Branches;
import org.youguan.registry.Enterprises;
import org.youguan.registry.OutletForm;
import org.youguan.registry.OutletStatus;
import org.youguan.registry.OutletView;
import org.youguan.registry.Outlets;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

/**
 * The enterprise portal (企业端): the enterprise's filings and outlets, new filings with attachments, supplements,
 * changes, closures and receipts. "全程网上办理，企业零跑路".
 */
@Controller
class EnterpriseFilingController {

	private final OutletFilings filings;

	private final FilingReceipts receipts;

	private final Outlets outlets;

	private final Enterprises enterprises;

	private final Branches branches;

	/**
	 * The enterprise's outlets export: what its list shows and the outlet's own record besides (brand, cooperation,
	 * region named in full as 所在地 (江苏省苏州市吴中区长桥街道, {@code place}: {@link Regions#fullNames}), manager with the
	 * phone masked, opening day), as the bureau's register exports them.
	 */
	static List<Column<OutletView>> outletColumns(Function<String, String> place) {
		return List.of(Column.of("网点名称", OutletView::name, 30),
			Column.of("品牌", OutletView::brandName, 10), Column.of("合作方式", o -> SheetWord.of(o.cooperationLabel()), 8),
			Column.of("地址", OutletView::address, 40), Column.of("所在地", o -> place.apply(o.regionCode()), 30),
			Column.of("负责人", OutletView::managerName, 10), Column.of("负责人电话", OutletView::managerPhoneMasked, 14),
			Column.of("开办日期", OutletView::openedOn, 12), Column.of("备案编号", OutletView::filingNumber, 26),
			Column.of("状态", o -> o.status(), 8), Column.of("关闭日期", OutletView::closedOn, 12),
			Column.of("关闭原因", OutletView::closedReasonShown, 30));
	}

	private final Spreadsheets spreadsheets;

	private final Regions regions;

	private final StatutoryRules rules;

	/** The application's clock: today (China time) for the form's bounds. */
	private final Clock clock;

	EnterpriseFilingController(OutletFilings filings, FilingReceipts receipts, Outlets outlets, Enterprises enterprises,
			Branches branches, Spreadsheets spreadsheets, StatutoryRules rules, Clock clock, Regions regions) {
		this.regions = regions;
		this.clock = clock;
		this.rules = rules;
		this.branches = branches;
		this.spreadsheets = spreadsheets;
		this.filings = filings;
		this.receipts = receipts;
		this.outlets = outlets;
		this.enterprises = enterprises;
	}

	/**
	 * The enterprise's filings, newest first; {@code status} narrows them (the home page's links do), {@code q} searches
	 * the filing's number and the outlet's name, the headers sort by {@link OutletFilings#list}'s whitelist.
	 */
	@GetMapping("/enterprise/filings")
	String list(DataScope scope, ListRequest list, @RequestParam(required = false) FilingStatus status, Model model) {
		PageQuery query = filingOrder(list).toPage();
		model.addAttribute("result", filings.list(scope, new OutletFilings.Filter(status, null, false, null), query));
		model.addAttribute("query", query);
		model.addAttribute("statuses", FilingStatus.values());
		model.addAttribute("status", status);
		return "filing/enterprise-filings";
	}

	/** Its filings as .xlsx: the list's status filter and order, the bureau's columns, its own filings only. */
	@GetMapping("/enterprise/filings/export.xlsx")
	ResponseEntity<byte[]> exportFilings(DataScope scope, ListRequest list,
			@RequestParam(required = false) FilingStatus status) {
		var rows = filings.list(scope, new OutletFilings.Filter(status, null, false, null), filingOrder(list).toExport())
			.items();
		return Downloads.xlsx(ExportNames.of("末端网点备案", scope), spreadsheets.write("末端网点备案", FilingController.columns(regions.fullNames()), rows));
	}

	/**
	 * The filings' order: as asked, else (none asked) newest first; a key none of {@link OutletFilings#SORTS} is refused
	 * 400 by the list ({@link org.youguan.kernel.Listing}), not read as the default.
	 */
	private static ListRequest filingOrder(ListRequest list) {
		boolean asked = !Text.isBlank(list.sort());
		return new ListRequest(list.q(), list.page(), list.size(), asked ? list.sort() : "submitted_on",
				asked ? list.dir() : "desc");
	}

	/** The outlets' order: as asked, else by name. */
	private static ListRequest outletOrder(ListRequest list) {
		return new ListRequest(list.q(), list.page(), list.size(), list.sort() == null ? "name" : list.sort(), list.dir());
	}

	/** Its outlets as .xlsx: the list's search, status and order, {@link #outletColumns}, its own outlets only. */
	@GetMapping("/enterprise/outlets/export.xlsx")
	ResponseEntity<byte[]> exportOutlets(DataScope scope, ListRequest list,
			@RequestParam(required = false) OutletStatus status) {
		var rows = outlets.list(scope, outletFilter(status), outletOrder(list).toExport()).items();
		return Downloads.xlsx(ExportNames.of("末端网点", scope), spreadsheets.write("末端网点", outletColumns(regions.fullNames()), rows));
	}

	private static Outlets.Filter outletFilter(OutletStatus status) {
		return new Outlets.Filter(null, status, null, null);
	}

	/**
	 * Its outlets: searched (name, filing number), filtered by status, sorted from the headers by the register's
	 * whitelist (name, filing number; by name unless asked; an unknown key falls back to the register's default), paged.
	 */
	@GetMapping("/enterprise/outlets")
	String outlets(DataScope scope, ListRequest list, @RequestParam(required = false) OutletStatus status, Model model) {
		PageQuery query = outletOrder(list).toPage();
		var result = outlets.list(scope, outletFilter(status), query);
		model.addAttribute("statuses", OutletStatus.values());
		model.addAttribute("status", status);
		model.addAttribute("result", result);
		// an outlet with an undecided change or closure shows that filing instead of offering another (refused, 409)
		model.addAttribute("pending", filings.pendingFor(scope, result.items().stream().map(o -> o.id()).toList()));
		model.addAttribute("query", query);
		model.addAttribute("closureReasons", Outlets.CLOSURE_REASONS);
		return "filing/enterprise-outlets";
	}

	@GetMapping("/enterprise/filings/new")
	String initNewForm(@AuthenticationPrincipal CurrentUser me, Model model) {
		return newForm(model, me, OutletForm.empty(), null, OutletFilings.draft(null, me));
	}

	/**
	 * Submits a new filing. The files posted are held for the form's draft first (issue 13 item 9): when the form is
	 * refused, or re-shown to pick a region or to remove a held file ({@code release}), they are listed as already
	 * uploaded and go with the next submit; a refused file is reported with the form's other errors.
	 */
	@PostMapping("/enterprise/filings/new")
	String processNewForm(@AuthenticationPrincipal CurrentUser me, @ModelAttribute OutletForm form, BindingResult binding,
			@RequestParam(required = false) List<MultipartFile> businessLicence,
			@RequestParam(required = false) List<MultipartFile> managerId, @RequestParam(required = false) List<MultipartFile> photos,
			@RequestParam(required = false) List<MultipartFile> authorisation,
			@RequestParam(required = false) String branchId,
			@RequestParam(name = RegionPicker.PICK, required = false) String regionPick,
			@RequestParam(required = false) String draft, @RequestParam(required = false) Long release, Model model,
			RedirectAttributes redirect, HttpServletResponse response) throws IOException {
		AttachmentDraft held = OutletFilings.draft(draft, me);
		List<Upload> uploads = newFilingUploads(businessLicence, managerId, photos, authorisation);
		List<FieldError> fileErrors = filings.hold(held, uploads);
		if (release != null) {
			filings.release(held, release);
		}
		if (regionPick != null || release != null) {
			model.addAttribute("errors", fileErrors.isEmpty() ? null : fileErrors);
			return newForm(model, me, form, branchId, held);
		}
		// refused: the form again in the refusal's 4xx with the values as typed and the files held (kernel.FormSteps)
		return FormSteps.run(model, response, redirect, () -> {
			// a check box or other bound value that cannot be read is told with every other error (kernel.FormBinding)
			Validation v = Validation.after(FormBinding.errors(binding, OutletForm.class, OutletForm.LABELS, LocalDate.now(clock)));
			long enterpriseId = enterprises.findByCreditCode(String.valueOf(me.enterpriseCreditCode())).map(e -> e.id()).orElse(0L);
			// run through one of the enterprise's branches (选填): the registry refuses another's, the filing then asks
			// for the parent's authorisation
			var data = form.toData(enterpriseId, v).withBranch(v.whole("branchId", "分支机构", branchId, 18));
			// a number that does not parse and a refused file are reported with every other problem, not alone
			long id = filings.submitNew(me, data, List.of(), formErrors(v, fileErrors), held);
			return new PageSteps.Done("备案已提交，受理编号：" + filings.get(me.scope(), id).number(), "/enterprise/filings/" + id);
		}, () -> newForm(model, me, form, branchId, held));
	}

	@GetMapping("/enterprise/filings/{id}")
	String show(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id, Model model) {
		return filingPage(me, scope, id, null, null, OutletFilings.draft(null, me), model);
	}

	/**
	 * The filing's page; one waiting for its 补正 with the 补正 form — for a new or change filing the outlet's fields,
	 * filled with the outlet as filed (or as typed when the form was refused; the manager's numbers blank: they keep the
	 * filed ones) and the branch it is run through.
	 */
	private String filingPage(CurrentUser me, DataScope scope, long id, OutletForm typed, String typedBranch,
			AttachmentDraft held, Model model) {
		FilingView filing = filings.get(scope, id);
		model.addAttribute("filing", filing);
		model.addAttribute("lateNote", filings.lateFilingNoteForParty(filing));
		// the bureau that decides it (the county's with an account to decide, else the city's), named to the applicant
		model.addAttribute("handlingBureau", filings.handlingBureau(filing));
		model.addAttribute("details", filings.details(scope, id));
		model.addAttribute("attachments", filings.attachments(scope, id));
		model.addAttribute("closureReasons", Outlets.CLOSURE_REASONS);
		filings.proposalToCorrect(scope, id).ifPresent(p -> {
			model.addAttribute("form", typed != null ? typed : OutletForm.of(p));
			branchChoice(model, me, typed != null ? typedBranch : p.branchId() == null ? null : String.valueOf(p.branchId()));
			model.addAttribute("keepManager", true);
			if (filing.kind() == FilingKind.CHANGE) {
				// the opening day is no item of a change, nor of its 补正
				model.addAttribute("fixedOpenedOn", true);
			}
			model.addAttribute("cooperationTypes", outlets.cooperationTypes());
		});
		model.addAttribute("draft", held.token());
		model.addAttribute("held", filings.held(held));
		return "filing/enterprise-filing";
	}

	/**
	 * 补正: a note, files (补正材料; {@code authorisation} when another branch is to run the outlet) and — on a new or
	 * change filing — the outlet's fields as corrected, on a closure its reason ({@code reason}, blank keeps the filed
	 * one) ({@link OutletFilings#supplement}). The files posted are held
	 * for the form's draft first, so a refused form keeps them; a refused form comes back with every error and the
	 * values as typed.
	 */
	@PostMapping("/enterprise/filings/{id}/supplement")
	String supplement(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id,
			@ModelAttribute OutletForm form, BindingResult binding, @RequestParam(required = false) String note,
			@RequestParam(required = false) String reason,
			@RequestParam(required = false) List<MultipartFile> files,
			@RequestParam(required = false) List<MultipartFile> authorisation,
			@RequestParam(required = false) String branchId,
			@RequestParam(name = RegionPicker.PICK, required = false) String regionPick,
			@RequestParam(required = false) String draft, @RequestParam(required = false) Long release, Model model,
			RedirectAttributes redirect, HttpServletResponse response) throws IOException {
		AttachmentDraft held = OutletFilings.draft(draft, me);
		List<FieldError> fileErrors = holdPosted(held, files, authorisation, release);
		// the outlet's fields are on the form of a new or change filing only (a closure's 补正 has none)
		boolean withOutlet = form.name() != null;
		if (regionPick != null || release != null) {
			model.addAttribute("errors", fileErrors.isEmpty() ? null : fileErrors);
			return filingPage(me, scope, id, withOutlet ? form : null, branchId, held, model);
		}
		String here = "/enterprise/filings/" + id;
		return FormSteps.run(model, response, redirect, () -> {
			// a check box or other bound value that cannot be read is told with every other error (kernel.FormBinding)
			Validation v = Validation.after(FormBinding.errors(binding, OutletForm.class, OutletForm.LABELS, LocalDate.now(clock)));
			long enterpriseId = enterprises.findByCreditCode(String.valueOf(me.enterpriseCreditCode())).map(e -> e.id()).orElse(0L);
			var corrected = withOutlet
					? form.toData(enterpriseId, v).withBranch(v.whole("branchId", "分支机构", branchId, 18)) : null;
			List<String> fields = filings.supplement(me, id, note, List.of(), corrected, reason, formErrors(v, fileErrors),
					held);
			FilingView f = filings.get(me.scope(), id);
			String inTime = filings.correctedInTimeNote(f);
			return new PageSteps.Done("补正已提交" + (fields.isEmpty() ? "" : "，已更正" + String.join("、", fields))
					+ "；办理时限自今日重新计算，至" + ChineseText.day(f.dueOn()) + (inTime == null ? "" : "。" + inTime), here);
		}, () -> filingPage(me, scope, id, withOutlet ? form : null, branchId, held, model));
	}

	/**
	 * Holds the files a change or 补正 form posted — 补正材料 ({@code files}) and the parent's authorisation — for the
	 * form's draft, and removes the held file the form asked to ({@code release}, or null).
	 * @return the problems of the files refused (the others are held)
	 */
	private List<FieldError> holdPosted(AttachmentDraft held, List<MultipartFile> files, List<MultipartFile> authorisation,
			Long release) throws IOException {
		List<Upload> uploads = new ArrayList<>();
		add(uploads, AttachmentKind.SUPPLEMENT, files);
		add(uploads, AttachmentKind.AUTHORISATION, authorisation);
		List<FieldError> fileErrors = filings.hold(held, uploads);
		if (release != null) {
			filings.release(held, release);
		}
		return fileErrors;
	}

	@GetMapping("/enterprise/filings/{id}/receipt.docx")
	ResponseEntity<byte[]> receipt(DataScope scope, @PathVariable long id) {
		return Downloads.docx("备案回执-" + filings.get(scope, id).number() + ".docx", receipts.receipt(scope, id));
	}

	@GetMapping("/enterprise/outlets/{id}/change")
	String initChangeForm(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id, Model model) {
		OutletView outlet = outlets.get(scope, id);
		return changeForm(model, me, id, OutletForm.of(outlet),
				outlet.branchId() == null ? null : String.valueOf(outlet.branchId()), OutletFilings.draft(null, me));
	}

	/**
	 * Submits a change filing; the files posted are held for the form's draft first, as on the new-filing form, so a
	 * refused form keeps them. The form shows the outlet's branch chosen: another one (or none) is part of the change,
	 * a new branch with its parent's authorisation ({@code authorisation}) as on a new filing.
	 */
	@PostMapping("/enterprise/outlets/{id}/change")
	String processChangeForm(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @ModelAttribute OutletForm form, BindingResult binding,
			@RequestParam(required = false) String changeDescription, @RequestParam(required = false) String changedOn,
			@RequestParam(required = false) List<MultipartFile> files,
			@RequestParam(required = false) List<MultipartFile> authorisation,
			@RequestParam(required = false) String branchId,
			@RequestParam(name = RegionPicker.PICK, required = false) String regionPick,
			@RequestParam(required = false) String draft, @RequestParam(required = false) Long release, Model model,
			RedirectAttributes redirect, HttpServletResponse response) throws IOException {
		AttachmentDraft held = OutletFilings.draft(draft, me);
		List<FieldError> fileErrors = holdPosted(held, files, authorisation, release);
		if (regionPick != null || release != null) {
			model.addAttribute("errors", fileErrors.isEmpty() ? null : fileErrors);
			return changeForm(model, me, id, form, branchId, held);
		}
		return FormSteps.run(model, response, redirect, () -> {
			// a check box or other bound value that cannot be read is told with every other error (kernel.FormBinding)
			Validation v = Validation.after(FormBinding.errors(binding, OutletForm.class, OutletForm.LABELS, LocalDate.now(clock)));
			// the branch the outlet is run through from now on (blank: the enterprise itself), checked as on a new filing
			var data = form.toData(0, v).withBranch(v.whole("branchId", "分支机构", branchId, 18));
			var changed = v.date("changedOn", "变更日期", changedOn);
			long filing = filings.submitChange(me, id, data, changed, changeDescription, List.of(),
					formErrors(v, fileErrors), held);
			return new PageSteps.Done("变更备案已提交，受理编号：" + filings.get(me.scope(), filing).number(),
					"/enterprise/filings/" + filing);
		}, () -> changeForm(model, me, id, form, branchId, held));
	}

	@PostMapping("/enterprise/outlets/{id}/closure")
	String closure(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		return PageSteps.run(redirect, "/enterprise/outlets", () -> {
			long filing = filings.submitClosure(me, id, reason);
			return new PageSteps.Done("撤销备案申请已提交，受理编号" + filings.get(me.scope(), filing).number(),
					"/enterprise/filings/" + filing);
		});
	}

	private String newForm(Model model, CurrentUser me, OutletForm form, String branchId, AttachmentDraft draft) {
		model.addAttribute("form", form);
		branchChoice(model, me, branchId);
		model.addAttribute("draft", draft.token());
		model.addAttribute("held", filings.held(draft));
		model.addAttribute("cooperationTypes", outlets.cooperationTypes());
		model.addAttribute("filed", OutletStatus.FILED);
		// the periods the intro names, from the rule catalogue where the enterprise is
		String region = me.regionCode();
		model.addAllAttributes(rules.statedAs("opening", StatutoryRule.OUTLET_FILING_AFTER_OPENING, region));
		model.addAllAttributes(rules.statedAs("bureau", StatutoryRule.OUTLET_BUREAU_FILING, region));
		model.addAllAttributes(rules.statedAs("missing", StatutoryRule.OUTLET_MISSING_ITEMS_NOTICE, region));
		return "filing/enterprise-new";
	}

	/**
	 * The enterprise's own branches, for an outlet run through one (its parent's authorisation then required), and the
	 * one chosen (the form's {@code branchId}: blank for the enterprise itself).
	 */
	private void branchChoice(Model model, CurrentUser me, String branchId) {
		model.addAttribute("branchId", branchId);
		model.addAttribute("branches", branches.list(me.scope(), null, PageQuery.of(null, 0, null, "name", "asc").unpaged())
			.items());
	}

	private String changeForm(Model model, CurrentUser me, long id, OutletForm form, String branchId,
			AttachmentDraft draft) {
		OutletView outlet = outlets.get(me.scope(), id);
		model.addAttribute("outlet", outlet);
		model.addAllAttributes(rules.statedAs("change", StatutoryRule.OUTLET_CHANGE_FILING, outlet.regionCode()));
		model.addAttribute("form", form);
		branchChoice(model, me, branchId);
		// blank manager ID number and phone keep the recorded ones (Outlets.withRecordedManager)
		model.addAttribute("keepManager", true);
		// the opening day is no item of a change (OutletFilings#submitChange refuses another day)
		model.addAttribute("fixedOpenedOn", true);
		model.addAttribute("cooperationTypes", outlets.cooperationTypes());
		model.addAttribute("draft", draft.token());
		model.addAttribute("held", filings.held(draft));
		return "filing/enterprise-change";
	}

	/** The form's own errors (text that does not parse) and the refused files' errors, for the service to report. */
	private static List<FieldError> formErrors(Validation v, List<FieldError> fileErrors) {
		return Stream.concat(v.errors().stream(), fileErrors.stream()).toList();
	}

	/**
	 * The files of a new filing, from the portal form or the API, each part as its kind: the business licence, the
	 * manager's ID, photos and — for an outlet run through a branch — the parent's authorisation (授权书).
	 * @throws InvalidValueException for a chosen file of 0 bytes ({@link UploadedFile#chosen})
	 */
	static List<Upload> newFilingUploads(List<MultipartFile> businessLicence, List<MultipartFile> managerId,
			List<MultipartFile> photos, List<MultipartFile> authorisation) throws IOException {
		List<Upload> uploads = new ArrayList<>();
		add(uploads, AttachmentKind.BUSINESS_LICENCE, businessLicence);
		add(uploads, AttachmentKind.MANAGER_ID, managerId);
		add(uploads, AttachmentKind.PHOTO, photos);
		add(uploads, AttachmentKind.AUTHORISATION, authorisation);
		return uploads;
	}

	/**
	 * Adds the chosen files of one form or API field as uploads of a kind (inputs left empty skipped).
	 * @throws InvalidValueException for a chosen file of 0 bytes ({@link UploadedFile#chosen})
	 */
	static void add(List<Upload> uploads, AttachmentKind kind, List<MultipartFile> files) throws IOException {
		if (files == null) {
			return;
		}
		for (MultipartFile file : files) {
			if (UploadedFile.chosen(file)) {
				uploads.add(new Upload(kind, file.getOriginalFilename(), file.getBytes()));
			}
		}
	}

}
