package org.youguan.universal.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DataAccessException;
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
import org.youguan.org.OwnExamples;
import org.youguan.audit.AuditTrail;
import org.youguan.documents.Downloads;
import org.youguan.documents.ExportNames;
import org.youguan.documents.ImportPages;
import org.youguan.documents.Spreadsheets;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FiguresQuery;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.Wording;
import org.youguan.org.CurrentUser;
import org.youguan.platform.BackgroundJobs;
import org.youguan.region.Region;
import org.youguan.region.Regions;
import org.youguan.universal.SupervisionData;
import org.youguan.universal.SupervisionFigures;
import org.youguan.universal.SupervisionImport;
import org.youguan.universal.SupervisionKind;
import org.youguan.universal.SupervisionRecords;
import org.youguan.universal.Villages;

/**
 * The bureau's 普遍服务监督 pages, one idiom for every {@link SupervisionKind}: the overview with the period's figures
 * and the 机要通信 zero-incident counter; per kind a list (search, county, period, sort, pages, .xlsx export), a new
 * record's form, a record's page (its values, the correction form, the change history and — for a 社会监督员 — the
 * reports received; the forms for the owning bureau's writers only, a bureau above reading the record masked) and the
 * import of past records. A refused form is shown again with the user's values, every
 * field's error and the 4xx status; nothing is saved.
 */
@Controller
@PreAuthorize(UniversalAccess.READERS)
class UniversalSupervisionController {

	static final String ERRORS = "universal.supervision.import";

	private final SupervisionRecords records;

	private final SupervisionFigures figures;

	private final SupervisionImport imports;

	private final Regions regions;

	private final Spreadsheets spreadsheets;

	private final AuditTrail audit;

	private final BackgroundJobs jobs;

	private final Clock clock;

	private final OwnExamples ownExamples;

	UniversalSupervisionController(SupervisionRecords records, SupervisionFigures figures, SupervisionImport imports,
			Regions regions, Spreadsheets spreadsheets, AuditTrail audit, BackgroundJobs jobs, Clock clock, OwnExamples ownExamples) {
		this.ownExamples = ownExamples;
		this.records = records;
		this.figures = figures;
		this.imports = imports;
		this.regions = regions;
		this.spreadsheets = spreadsheets;
		this.audit = audit;
		this.jobs = jobs;
		this.clock = clock;
	}

	@GetMapping("/universal/supervision")
	String overview(@AuthenticationPrincipal CurrentUser me, DataScope scope,
			@RequestParam(required = false) String region, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Model model) {
		FiguresQuery q = FiguresQuery.of(scope, region, own(me).isEmpty() ? "0" : own(me), from, to,
				LocalDate.now(clock));
		model.addAttribute("period", q);
		model.addAttribute("figures", figures.figures(q));
		model.addAttribute("kinds", SupervisionKind.values());
		return "universal/supervision-overview";
	}

	@GetMapping("/universal/supervision/{slug:" + SupervisionFilters.KINDS + "}")
	String list(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable String slug,
			ListRequest request, @RequestParam(required = false) String region,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
		SupervisionKind kind = SupervisionFilters.kind(slug);
		PageQuery query = request.toPage();
		model.addAttribute("kind", kind);
		model.addAttribute("result", records.list(scope, kind, SupervisionFilters.of(region, from, to, LocalDate.now(clock)), query));
		model.addAttribute("query", query);
		model.addAttribute("areas", areas(me, kind));
		return "universal/supervision";
	}

	@GetMapping("/universal/supervision/{slug:" + SupervisionFilters.KINDS + "}/export.xlsx")
	ResponseEntity<byte[]> export(DataScope scope, @PathVariable String slug, ListRequest request,
			@RequestParam(required = false) String region, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		SupervisionKind kind = SupervisionFilters.kind(slug);
		var rows = records.list(scope, kind, SupervisionFilters.of(region, from, to, LocalDate.now(clock)), request.toExport()).items();
		return Downloads.xlsx(ExportNames.of(kind.title(), scope), spreadsheets.write(kind.title(), SupervisionFilters.columns(kind, regions.fullNames()), rows));
	}

	@GetMapping("/universal/supervision/{slug:" + SupervisionFilters.KINDS + "}/new")
	@PreAuthorize(UniversalAccess.WRITERS)
	String newForm(@AuthenticationPrincipal CurrentUser me, @PathVariable String slug, Model model) {
		SupervisionKind kind = SupervisionFilters.kind(slug);
		String region = me.regionCode() != null && me.regionCode().length() == 6 ? me.regionCode() : null;
		return form(me, kind, null, new SupervisionData(region, LocalDate.now(clock).toString(), null, null, null, null,
				null, null, List.of()), model);
	}

	@PostMapping("/universal/supervision/{slug:" + SupervisionFilters.KINDS + "}")
	@PreAuthorize(UniversalAccess.WRITERS)
	String create(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable String slug,
			@RequestParam(required = false) String region, @RequestParam(required = false) String day,
			@RequestParam(required = false) String until, @RequestParam(required = false) String subject,
			@RequestParam(required = false) String place, @RequestParam(required = false) String detail,
			@RequestParam(required = false) String inspectors, @RequestParam(required = false) Boolean flag,
			@RequestParam(required = false) String findings, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		SupervisionKind kind = SupervisionFilters.kind(slug);
		SupervisionData data = new SupervisionData(region, day, until, subject, place, detail, flag, findings,
				Villages.names(inspectors));
		long id;
		try {
			id = records.record(scope, me.bureauId(), kind, data, false, false);
		}
		catch (DomainException | DataAccessException failure) {
			// a refusal, or a race lost with another submission at the database: the form again, never the error page
			DomainException ex = FormSteps.refusal(failure);
			return refused(ex, response, model, () -> form(me, kind, null, data, model));
		}
		redirect.addFlashAttribute("message", kind.title() + "已登记");
		redirect.addFlashAttribute("messageWording", Wording.of("universal.supervision.flashRecorded", titleWords(kind)));
		return "redirect:/universal/supervision/" + kind.slug() + "/" + id;
	}

	@GetMapping("/universal/supervision/{slug:" + SupervisionFilters.KINDS + "}/{id:\\d+}")
	String show(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable String slug,
			@PathVariable long id, Model model) {
		SupervisionKind kind = SupervisionFilters.kind(slug);
		// only the owning bureau's writers get the form with the record as recorded (a 社会监督员's name unmasked); a
		// bureau above reads the record masked, without forms
		SupervisionData data = me.caseHandler() && records.editable(records.get(scope, kind, id))
				? records.form(scope, kind, id) : null;
		return form(me, kind, id, data, model);
	}

	@PostMapping("/universal/supervision/{slug:" + SupervisionFilters.KINDS + "}/{id:\\d+}")
	@PreAuthorize(UniversalAccess.WRITERS)
	String update(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable String slug,
			@PathVariable long id, @RequestParam(required = false) String region,
			@RequestParam(required = false) String day, @RequestParam(required = false) String until,
			@RequestParam(required = false) String subject, @RequestParam(required = false) String place,
			@RequestParam(required = false) String detail, @RequestParam(required = false) String inspectors,
			@RequestParam(required = false) Boolean flag, @RequestParam(required = false) String findings, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		SupervisionKind kind = SupervisionFilters.kind(slug);
		SupervisionData data = new SupervisionData(region, day, until, subject, place, detail, flag, findings,
				Villages.names(inspectors));
		try {
			records.update(scope, kind, id, data);
		}
		catch (DomainException | DataAccessException failure) {
			// a refusal, or a race lost with another submission at the database: the form again, never the error page
			DomainException ex = FormSteps.refusal(failure);
			return refused(ex, response, model, () -> form(me, kind, id, data, model));
		}
		redirect.addFlashAttribute("message", kind.title() + "已保存");
		redirect.addFlashAttribute("messageWording", Wording.of("universal.supervision.flashSaved", titleWords(kind)));
		return "redirect:/universal/supervision/" + kind.slug() + "/" + id;
	}

	@PostMapping("/universal/supervision/supervisors/{id:\\d+}/reports")
	@PreAuthorize(UniversalAccess.WRITERS)
	String addReport(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable long id,
			@RequestParam(required = false) String receivedOn, @RequestParam(required = false) String summary,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			records.addReport(scope, id, receivedOn, summary, false);
		}
		catch (DomainException | DataAccessException failure) {
			// a refusal, or a race lost with another submission at the database: the form again, never the error page
			DomainException ex = FormSteps.refusal(failure);
			model.addAttribute("report", new String[] { receivedOn, summary });
			return refused(ex, response, model,
					() -> form(me, SupervisionKind.SUPERVISOR, id, records.form(scope, SupervisionKind.SUPERVISOR, id), model));
		}
		redirect.addFlashAttribute("message", "社会监督员反映情况已登记");
		redirect.addFlashAttribute("messageWording", Wording.of("universal.supervision.flashReportRecorded"));
		return "redirect:/universal/supervision/supervisors/" + id;
	}

	@GetMapping("/universal/supervision/{slug:" + SupervisionFilters.KINDS + "}/import")
	@PreAuthorize(UniversalAccess.WRITERS)
	String importForm(@PathVariable String slug, Model model) {
		SupervisionKind kind = SupervisionFilters.kind(slug);
		model.addAttribute("kind", kind);
		model.addAttribute("columns", String.join("、", SupervisionImport.columns(kind)));
		return "universal/supervision-import";
	}

	@GetMapping("/universal/supervision/{slug:" + SupervisionFilters.KINDS + "}/import/template.xlsx")
	@PreAuthorize(UniversalAccess.WRITERS)
	ResponseEntity<byte[]> template(DataScope scope, @PathVariable String slug) {
		SupervisionKind kind = SupervisionFilters.kind(slug);
		return Downloads.xlsx(kind.title() + "导入模板.xlsx", imports.template(kind, ownExamples.of(scope)));
	}

	@PostMapping("/universal/supervision/{slug:" + SupervisionFilters.KINDS + "}/import")
	@PreAuthorize(UniversalAccess.WRITERS)
	String upload(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable String slug,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model, RedirectAttributes redirect,
			HttpServletResponse response) throws IOException {
		SupervisionKind kind = SupervisionFilters.kind(slug);
		model.addAttribute("kind", kind);
		model.addAttribute("columns", String.join("、", SupervisionImport.columns(kind)));
		return ImportPages.upload(new ImportPages.Page(ERRORS, kind.title(), "条", "universal/supervision-import",
				"/universal/supervision/" + kind.slug()), jobs, me.getUsername(), file,
				content -> imports.importFile(scope, me.bureauId(), kind, content), model, redirect, response);
	}

	/** The rejected sheet with its error column, once, to the user who uploaded it. */
	@GetMapping("/universal/supervision/{slug:" + SupervisionFilters.KINDS + "}/import/errors/{id}.xlsx")
	@PreAuthorize(UniversalAccess.WRITERS)
	ResponseEntity<byte[]> errors(@AuthenticationPrincipal CurrentUser me, @PathVariable String slug,
			@PathVariable UUID id) {
		return ImportPages.errorSheet(jobs, ERRORS, me.getUsername(), id);
	}

	/** The record's page (id given) or the new record's form, showing {@code data} in the form. */
	private String form(CurrentUser me, SupervisionKind kind, Long id, SupervisionData data, Model model) {
		DataScope scope = me.scope();
		model.addAttribute("kind", kind);
		model.addAttribute("form", data);
		model.addAttribute("team", data == null || data.inspectors() == null ? "" : String.join("、", data.inspectors()));
		model.addAttribute("areas", areas(me, kind));
		model.addAttribute("today", LocalDate.now(clock));
		if (id != null) {
			var record = records.get(scope, kind, id);
			model.addAttribute("record", record);
			model.addAttribute("editable", me.caseHandler() && records.editable(record));
			model.addAttribute("history", audit.history(scope, "UniversalSupervision", id));
			if (kind == SupervisionKind.SUPERVISOR) {
				model.addAttribute("reports", records.reports(scope, id));
			}
		}
		return "universal/supervision-form";
	}

	/** A refusal as every refused form answers it ({@link FormSteps#refused}), then the form's page. */
	private static String refused(DomainException ex, HttpServletResponse response, Model model, Supplier<String> page) {
		FormSteps.refused(ex, model, response);
		return page.get();
	}

	/** The counties (and, where a kind allows it, the city) a record of the caller's region may be placed in. */
	private List<Region> areas(CurrentUser me, SupervisionKind kind) {
		String own = own(me);
		List<Region> areas = new ArrayList<>();
		if (own.length() == 6) {
			regions.find(own).ifPresent(areas::add);
		}
		else if (own.length() == 4) {
			if (!kind.county()) {
				regions.find(own).ifPresent(areas::add);
			}
			areas.addAll(regions.children(own));
		}
		else if (own.length() == 2) {
			for (Region city : regions.children(own)) {
				if (!kind.county()) {
					areas.add(city);
				}
				areas.addAll(regions.children(city.code()));
			}
		}
		return areas;
	}

	private static String own(CurrentUser me) {
		return me.regionCode() == null ? "" : me.regionCode();
	}

	/** The kind's title as its bundle key ({@code enum.SupervisionKind.*.title}), for a flashed sentence in the reader's language. */
	private static Wording titleWords(SupervisionKind kind) {
		return Wording.of("enum.SupervisionKind." + kind.name() + ".title");
	}
}
