package org.youguan.licensing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.org.OwnExamples;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.documents.Column;
import org.youguan.documents.Downloads;
import org.youguan.documents.ExportNames;
import org.youguan.documents.SheetWord;
import org.youguan.documents.ImportPages;
import org.youguan.documents.Spreadsheets;
import org.youguan.documents.UploadedFile;
import org.youguan.inspections.InspectionRecordData.TeamMember;
import org.youguan.kernel.Choice;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.FiguresQuery;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageForm;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.PageSteps;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.licensing.ApplicationKind;
import org.youguan.licensing.ApplicationStatus;
import org.youguan.registry.CancellationGround;
import org.youguan.licensing.Clerk;
import org.youguan.licensing.LicenceApplications;
import org.youguan.licensing.LicensingFigures;
import org.youguan.licensing.Material;
import org.youguan.licensing.NonAcceptanceGround;
import org.youguan.org.CurrentUser;
import org.youguan.platform.BackgroundJobs;
import org.youguan.region.Regions;
import org.youguan.registry.LicenceScope;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

/**
 * The licensing pages, for bureau staff and for enterprises on their portal (each sees what its data scope allows): the
 * application list with search, sort and pages; the application form (an enterprise for itself, staff for a paper
 * application) with a file per material; an application's page where the steps run through {@link PageSteps} (the
 * service refuses a step to anyone not entitled to it: 403); the list's .xlsx export (its filters, search and order, in
 * the caller's scope); the figures page and the .xlsx import of past applications.
 */
@Controller
class LicensingController {

	static final String IMPORT_ERRORS = "licensing.import";

	private static final ImportPages.Page IMPORT_PAGE = new ImportPages.Page(IMPORT_ERRORS, "历史许可申请", "条",
			"licensing/import", "/licensing/applications");

	/** The checklist lines the verification form offers (快递业务经营许可管理办法: 场地、安全、服务、人员). */
	static final List<String> CHECKLIST = List.of("经营场所与申请材料一致，满足快件收寄、分拣、投递需要", "配备符合国家标准的安检设备、视频监控设备",
			"安全保障制度和措施落实（实名收寄、收寄验视、过机安检）", "服务质量管理制度、业务操作规范和投诉处理机制健全", "从业人员数量和培训情况符合要求");

	/** The application list's export columns: what the list shows, the approving level and the remaining days apart. */
	static List<Column<LicenceApplications.ApplicationSummary>> columns(Function<String, String> place,
			Function<LicenceApplications.ApplicationSummary, String> bureau) {
		return List.of(
			Column.of("申请编号", LicenceApplications.ApplicationSummary::number, 24),
			Column.of("申请人", LicenceApplications.ApplicationSummary::applicantName, 30),
			Column.of("统一社会信用代码", LicenceApplications.ApplicationSummary::applicantCreditCode, 20),
			Column.of("类型", a -> a.kind()), Column.of("业务范围", a -> a.scope()),
			Column.of("经营场所地址", LicenceApplications.ApplicationSummary::premisesAddress, 40),
			Column.of("经营场所所在地", a -> place.apply(a.regionCode()), 24),
			Column.of("审批机关", a -> bureau.apply(a), 20),
			Column.of("收到日期", LicenceApplications.ApplicationSummary::submittedOn),
			Column.of("状态", a -> a.status()),
			Column.of("决定期限", a -> WorkingCalendar.exported(a.decisionDueOn(), a.decisionDueOnProvisional()), 14),
			Column.of("剩余天数", LicenceApplications.ApplicationSummary::remainingDays),
			Column.of("许可证编号", LicenceApplications.ApplicationSummary::licenceNumber, 24),
			Column.of("历史导入", LicenceApplications.ApplicationSummary::imported));
	}

	private final LicenceApplications applications;

	private final LicensingFigures figures;

	private final LicensingImport imports;

	private final BackgroundJobs jobs;

	private final Spreadsheets spreadsheets;

	private final Clock clock;

	private final StatutoryRules rules;

	private final Regions regions;

	/** The UI bundle: the figures sheet's title in English. */
	private final OwnExamples ownExamples;

	LicensingController(LicenceApplications applications, LicensingFigures figures, LicensingImport imports,
			BackgroundJobs jobs, Spreadsheets spreadsheets, Clock clock, StatutoryRules rules, Regions regions,
			OwnExamples ownExamples) {
		this.ownExamples = ownExamples;
		this.regions = regions;
		this.rules = rules;
		this.spreadsheets = spreadsheets;
		this.applications = applications;
		this.figures = figures;
		this.imports = imports;
		this.jobs = jobs;
		this.clock = clock;
	}

	@GetMapping("/licensing/applications")
	@PreAuthorize(LicensingApiController.READERS)
	String list(DataScope scope, ListRequest request, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "false") boolean open, Model model) {
		PageQuery query = request.toPage();
		ApplicationStatus s = LicensingApiController.status(status);
		PageResult<LicenceApplications.ApplicationSummary> result = applications.list(scope, s, open, query);
		model.addAttribute("result", result);
		model.addAttribute("applications", result.items());
		model.addAttribute("query", query);
		model.addAttribute("status", s);
		model.addAttribute("open", open);
		model.addAttribute("statuses", ApplicationStatus.values());
		// the clock hint names the periods as the rule catalogue has them (national law: the national value)
		period(model, "notice", StatutoryRule.LICENCE_MISSING_MATERIALS_NOTICE, StatutoryRule.NATIONAL_REGION);
		period(model, "decision", StatutoryRule.LICENCE_DECISION, StatutoryRule.NATIONAL_REGION);
		// a renewal's decision is due by the licence's expiry when that comes first (行政许可法 art.50)
		period(model, "renewalDecision", StatutoryRule.LICENCE_RENEWAL_DECISION, StatutoryRule.NATIONAL_REGION);
		return "licensing/applications";
	}

	/** The list as .xlsx: the page's status filter, 办理中 switch, search and order, every row up to the export limit. */
	@GetMapping("/licensing/applications/export.xlsx")
	@PreAuthorize(LicensingApiController.READERS)
	ResponseEntity<byte[]> export(DataScope scope, ListRequest request, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "false") boolean open) {
		var rows = applications.list(scope, LicensingApiController.status(status), open, request.toExport()).items();
		return Downloads.xlsx(ExportNames.of("许可申请", scope), spreadsheets.write("许可申请", columns(regions.fullNames(), applications.approvingBureaus()), rows));
	}

	@GetMapping("/licensing/applications/new")
	@PreAuthorize(LicensingApiController.APPLICANTS)
	String form(@AuthenticationPrincipal CurrentUser me, Model model) {
		model.addAttribute("enterprise", me.enterpriseCreditCode() != null);
		model.addAttribute("scopes", LicenceScope.values());
		model.addAttribute("kinds", ApplicationKind.values());
		model.addAttribute("materials", Material.values());
		period(model, "renewal", StatutoryRule.LICENCE_RENEWAL_BEFORE_EXPIRY,
				me.regionCode() == null ? StatutoryRule.NATIONAL_REGION : me.regionCode());
		return "licensing/application-form";
	}

	/**
	 * A period a page's text names, read from the rule catalogue: {@code <name>Period} ("5个工作日") as it applies in
	 * {@code region} and {@code <name>Basis} (its citation with the text's version).
	 */
	private void period(Model model, String name, StatutoryRule rule, String region) {
		model.addAllAttributes(rules.statedAs(name, rule, region));
	}

	@PostMapping("/licensing/applications")
	@PreAuthorize(LicensingApiController.APPLICANTS)
	String submit(@AuthenticationPrincipal CurrentUser me, @RequestParam Map<String, String> form,
			@RequestParam MultiValueMap<String, MultipartFile> files,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		// refused: the form again with the values as typed and each error beside its field, in the refusal's 4xx (the
		// files are chosen again: a browser never refills a file input)
		return FormSteps.run(model, response, redirect, () -> {
			List<String> branches = form.get("branches") == null ? List.of()
					: Arrays.stream(form.get("branches").split("\\R")).map(Text::strip).filter(x -> !x.isEmpty()).toList();
			LicenceApplications.ApplicationData data = new LicenceApplications.ApplicationData(form.get("kind"),
					form.get("applicantCreditCode"), form.get("applicantName"), form.get("legalRepresentative"),
					form.get("registeredCapital"), form.get("scope"), form.get("serviceArea"), form.get("premisesAddress"),
					form.get("regionCode"), form.get("safetySystem"), form.get("serviceSystem"), form.get("personnel"),
					form.get("contactName"), form.get("contactPhone"), branches, form.get("submittedOn"));
			long id = applications.submit(Clerk.of(me), data, LicensingUploads.materials(files));
			return new PageSteps.Done("已提交许可申请", "/licensing/applications/" + id);
		}, () -> form(me, model));
	}

	@GetMapping("/licensing/applications/{id}")
	@PreAuthorize(LicensingApiController.READERS)
	String application(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id, Model model) {
		LicenceApplications.ApplicationDetail d = applications.get(scope, id);
		model.addAttribute("d", d);
		model.addAttribute("a", d.application());
		model.addAttribute("staff", me.enterpriseCreditCode() == null);
		// the steps' forms are offered only to those the step admits (a county reads the application, takes no step)
		model.addAttribute("may", LicenceApplications.powers(Clerk.of(me), d.application()));
		// accepted by law (行政许可法 art.32): 补正通知 and 不予受理 no longer apply
		model.addAttribute("deemedAccepted", applications.deemedAccepted(d.application()));
		model.addAttribute("nonAcceptanceGrounds", NonAcceptanceGround.values());
		model.addAttribute("materials", Material.values());
		model.addAttribute("checklist", CHECKLIST);
		model.addAttribute("correctionItems", d.application().correctionItems() == null ? List.of()
				: List.of(d.application().correctionItems().split("\n")));
		model.addAttribute("certificate", d.attachments().stream().filter(x -> x.kind().equals(LicenceApplications.CERTIFICATE))
			.findFirst().orElse(null));
		return "licensing/application";
	}

	@PostMapping("/licensing/applications/{id}/correction-notice")
	@PageForm("correction-form")
	@PreAuthorize(LicensingApiController.WRITERS)
	String correctionNotice(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@RequestParam(required = false) String items, RedirectAttributes redirect) {
		List<String> extra = items == null ? List.of() : Arrays.stream(items.split("\\R")).filter(x -> !Text.isBlank(x)).toList();
		return PageSteps.run(redirect, here(id), "已出具补正通知", () -> applications.requestCorrection(Clerk.of(me), id, extra));
	}

	@PostMapping("/licensing/applications/{id}/correction")
	@PageForm("corrected-form")
	@PreAuthorize(LicensingApiController.APPLICANTS)
	String correction(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@RequestParam MultiValueMap<String, MultipartFile> files, RedirectAttributes redirect) {
		return PageSteps.run(redirect, here(id), "已提交补正材料", () -> applications.correct(Clerk.of(me), id,
				LicensingUploads.materials(files)));
	}

	@PostMapping("/licensing/applications/{id}/materials")
	@PageForm("material-form")
	@PreAuthorize(LicensingApiController.APPLICANTS)
	String material(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @RequestParam(required = false) String kind,
			@RequestParam(name = "file", required = false) List<MultipartFile> file,
			@RequestParam MultiValueMap<String, MultipartFile> parts, RedirectAttributes redirect) {
		return PageSteps.run(redirect, here(id), "已补充申请材料", () -> {
			LicensingUploads.onlyParts(parts, List.of("file"), List.of("材料文件"));
			applications.addMaterial(Clerk.of(me), id, LicensingApiController.material(kind), chosen(file));
		});
	}

	@PostMapping("/licensing/applications/{id}/acceptance")
	@PreAuthorize(LicensingApiController.WRITERS)
	String accept(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
		return PageSteps.run(redirect, here(id), () -> new PageSteps.Done("已受理，受理文号" + applications.accept(Clerk.of(me), id), here(id)));
	}

	@PostMapping("/licensing/applications/{id}/non-acceptance")
	@PageForm("not-accept-form")
	@PreAuthorize(LicensingApiController.WRITERS)
	String notAccept(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @RequestParam(required = false) String ground,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String competentBureau,
			RedirectAttributes redirect) {
		return PageSteps.run(redirect, here(id), "已作出不予受理决定",
				() -> applications.refuseToAccept(Clerk.of(me), id, ground, reason, competentBureau));
	}

	@PostMapping("/licensing/applications/{id}/review")
	@PageForm("review-form")
	@PreAuthorize(LicensingApiController.WRITERS)
	String review(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @RequestParam(required = false) String opinion,
			RedirectAttributes redirect) {
		return PageSteps.run(redirect, here(id), "已记录初审意见", () -> applications.review(Clerk.of(me), id, opinion));
	}

	@PostMapping("/licensing/applications/{id}/verification")
	@PageForm("verify-form")
	@PreAuthorize(LicensingApiController.WRITERS)
	String verify(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @RequestParam Map<String, String> form,
			@RequestParam(name = "photos", required = false) List<MultipartFile> photos,
			@RequestParam MultiValueMap<String, MultipartFile> parts, RedirectAttributes redirect) {
		return PageSteps.run(redirect, here(id), () -> {
			LicensingUploads.onlyParts(parts, List.of("photos"), List.of("现场照片"));
			// 符合 is true, 不符合 false; any other value is refused at its field, never read as 不符合
			Validation v = new Validation();
			List<LicenceApplications.CheckLine> lines = new ArrayList<>();
			for (int i = 0; i < CHECKLIST.size(); i++) {
				String field = "line" + i;
				String item = CHECKLIST.get(i);
				Boolean passed = v.check(field, () -> Choice.yesNo(field, "核查项目“" + item + "”", form.get(field)));
				lines.add(new LicenceApplications.CheckLine(CHECKLIST.get(i), passed, form.get("note" + i)));
			}
			Boolean passed = v.check("passed", () -> Choice.yesNo("passed", "核查结论", form.get("passed")));
			v.throwIfInvalid();
			// each inspector by name and the 执法证号 shown, checked against the roster
			List<TeamMember> team = List.of(1, 2, 3).stream().map(n -> new TeamMember(form.getOrDefault("inspector" + n, ""),
					form.getOrDefault("certificate" + n, ""))).toList();
			try {
				applications.verify(Clerk.of(me), id, new LicenceApplications.Verification(
						form.get("verifiedOn"), team, lines, passed, form.get("conclusion")),
						UploadedFile.of(photos));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return new PageSteps.Done("已记录现场核查", here(id));
		});
	}

	@PostMapping("/licensing/applications/{id}/suspension")
	@PageForm("suspend-form")
	@PreAuthorize(LicensingApiController.DECIDERS)
	String suspend(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return PageSteps.run(redirect, here(id), "已中止计时", () -> applications.suspend(Clerk.of(me), id, kind, reason));
	}

	@PostMapping("/licensing/applications/{id}/resumption")
	@PreAuthorize(LicensingApiController.DECIDERS)
	String resume(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
		return PageSteps.run(redirect, here(id), "已恢复计时", () -> applications.resume(Clerk.of(me), id));
	}

	@PostMapping("/licensing/applications/{id}/approval")
	@PreAuthorize(LicensingApiController.DECIDERS)
	String approve(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
		return PageSteps.run(redirect, here(id), () -> new PageSteps.Done("已准予许可，许可证编号" + applications.approve(Clerk.of(me), id), here(id)));
	}

	@PostMapping("/licensing/applications/{id}/refusal")
	@PageForm("refuse-form")
	@PreAuthorize(LicensingApiController.DECIDERS)
	String refuse(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		return PageSteps.run(redirect, here(id), "已作出不予许可决定", () -> applications.refuse(Clerk.of(me), id, reason));
	}

	@GetMapping("/licensing/figures")
	@PreAuthorize(LicensingApiController.STAFF)
	String figures(@AuthenticationPrincipal CurrentUser me, DataScope scope, @RequestParam(required = false) String region,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
		FiguresQuery q = FiguresQuery.of(scope, region, me.regionCode(), from, to, LocalDate.now(clock));
		model.addAttribute("q", q);
		model.addAttribute("figures", figures.figures(scope, q.region(), q.from(), q.to()));
		return "licensing/figures";
	}

	/** The 注销 form: the licence number (prefilled from {@code number}), the ground and a note. */
	@GetMapping("/licensing/licences/cancellation")
	@PreAuthorize(LicensingPages.CANCELLERS)
	String cancellationForm(@RequestParam(required = false) String number, Model model) {
		model.addAttribute("number", number == null ? "" : Text.strip(number));
		// 超过…未经营: national law (StatutoryRule.LICENCE_NO_OPERATION), the national value, in the reader's language
		model.addAllAttributes(CancellationGround.wording(rules, StatutoryRule.NATIONAL_REGION));
		return "licensing/cancellation";
	}

	/** 注销 by the competent level ({@link LicenceApplications#cancelLicence}); errors come back on the form. */
	@PostMapping("/licensing/licences/cancellation")
	@PreAuthorize(LicensingPages.CANCELLERS)
	String cancel(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) String number,
			@RequestParam(required = false) String ground, @RequestParam(required = false) String note, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return FormSteps.run(model, response, redirect, () -> {
			try {
				applications.cancelLicence(Clerk.of(me), number, ground, note);
			}
			catch (DomainException ex) {
				if (ex.code() != ErrorCode.NOT_FOUND) {
					throw ex;
				}
				throw new InvalidValueException("number", "exists", "未找到许可证编号为“" + Text.strip(number) + "”的许可证，或不在您的管辖范围内");
			}
			return new PageSteps.Done("已注销许可证" + Text.strip(number) + "，企业名录中的许可证随后改为已注销", "/licensing/licences/cancellation");
		}, () -> cancellationForm(number, model));
	}

	/** The figures page as an .xlsx sheet: one row per figure, then one per step. */
	@GetMapping("/licensing/figures.xlsx")
	@PreAuthorize(LicensingApiController.STAFF)
	ResponseEntity<byte[]> figuresExport(@AuthenticationPrincipal CurrentUser me, DataScope scope,
			@RequestParam(required = false) String region, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		FiguresQuery q = FiguresQuery.of(scope, region, me.regionCode(), from, to, LocalDate.now(clock));
		LicensingFigures.Figures f = figures.figures(scope, q.region(), q.from(), q.to());
		List<List<Object>> rows = new ArrayList<>();
		// the sheet's own words (SheetWord) and the steps' sentences (Wording): in English for a reader in English
		rows.add(List.of(SheetWord.of("受理申请（件）"), f.received(), "", "", ""));
		rows.add(List.of(SheetWord.of("初审（家次，含分支机构）"), f.preliminaryReviews(), "", "", ""));
		rows.add(List.of(SheetWord.of("现场核查（家）"), f.onSiteVerifications(), "", "", ""));
		rows.add(List.of(SheetWord.of("准予许可（件）"), f.approved(), "", "", ""));
		rows.add(List.of(SheetWord.of("不予许可（件）"), f.refused(), "", "", ""));
		rows.add(List.of(SheetWord.of("平均决定用时（日，不含中止）"), f.averageDecisionDays() == null ? "" : f.averageDecisionDays(), "", "", ""));
		rows.add(List.of(SheetWord.of("90日内到期的许可证（件）"), f.licencesExpiringIn90Days(), "", "", ""));
		rows.add(List.of(SheetWord.of("报送年度报告（份）"), f.annualReportsFiled(), "", "", ""));
		rows.add(List.of(SheetWord.of("其中逾期报送（份）"), f.annualReportsLate(), "", "", ""));
		boolean chinese = "zh".equals(LocaleContextHolder.getLocale().getLanguage());
		for (LicensingFigures.StepFigures st : f.steps()) {
			rows.add(List.of(chinese ? st.label() + "：办结数" : Wording.of("licensing.figures.stepCompleted", st.words()), st.count(),
					st.averageDays() == null ? "" : st.averageDays(), chinese ? st.dayUnitLabel() : st.dayUnitWords(),
					st.onTimeRate() == null ? "" : st.onTimeRate()));
		}
		// the title heads the first column, naming the area in full, never its code (许可统计（江苏省苏州市，2026年1月1日至…）)
		String shown = ExportNames.title("许可统计", q);
		return Downloads.xlsx(ExportNames.of("许可统计", q), spreadsheets.write("许可统计", List.of(Column.<List<Object>>of(shown, r -> r.get(0), 36),
				Column.<List<Object>>count("数值", r -> r.get(1), 12), Column.<List<Object>>of("平均用时", r -> r.get(2), 12),
				Column.<List<Object>>of("用时单位", r -> r.get(3), 10), Column.<List<Object>>of("按时率（%）", r -> r.get(4), 12)), rows));
	}

	@GetMapping("/licensing/import")
	@PreAuthorize(LicensingApiController.WRITERS)
	String importForm() {
		return "licensing/import";
	}

	@GetMapping("/licensing/import/template.xlsx")
	@PreAuthorize(LicensingApiController.WRITERS)
	ResponseEntity<byte[]> template(DataScope scope) {
		return Downloads.xlsx("历史许可申请导入模板.xlsx", imports.template(ownExamples.of(scope)));
	}

	@PostMapping("/licensing/import")
	@PreAuthorize(LicensingApiController.WRITERS)
	String upload(@AuthenticationPrincipal CurrentUser me, DataScope scope,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model, RedirectAttributes redirect,
			HttpServletResponse response) throws IOException {
		return ImportPages.upload(IMPORT_PAGE, jobs, me.getUsername(), file,
				content -> imports.importFile(Clerk.of(me), scope, me.regionCode(), me.getUsername(), content), model, redirect, response);
	}

	/** The rejected sheet with its error column, once, to the user who uploaded it. */
	@GetMapping("/licensing/import/errors/{id}.xlsx")
	@PreAuthorize(LicensingApiController.WRITERS)
	ResponseEntity<byte[]> importErrors(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		return ImportPages.errorSheet(jobs, IMPORT_ERRORS, me.getUsername(), id);
	}

	/**
	 * The files chosen in an input (several files of it each kept; inputs left empty skipped).
	 * @throws InvalidValueException for a chosen file of 0 bytes ({@link UploadedFile#chosen})
	 */
	static List<UploadedFile> chosen(List<MultipartFile> files) {
		return files == null ? List.of() : files.stream().filter(UploadedFile::chosen).map(LicensingUploads::read).toList();
	}

	private static String here(long id) {
		return "/licensing/applications/" + id;
	}
}
