package org.youguan.safety.internal.ledgers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.audit.AuditTrail;
import org.youguan.documents.Downloads;
import org.youguan.documents.ExportNames;
import org.youguan.documents.Spreadsheets;
import org.youguan.documents.UploadedFile;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageSteps;
import org.youguan.org.CurrentUser;
import org.youguan.region.Regions;

/**
 * The 隐患 ledger's pages, for the bureau ({@code /safety/hazards}) and the enterprise's portal
 * ({@code /enterprise/safety/hazards}) on the same templates: the list (search, level/status/region filters, sort,
 * pages, .xlsx export; overdue rows highlighted), the form to record one (an enterprise records its own 自查 hazards),
 * a hazard's page with its evidence and history, the rectification step (enterprise or staff: note and files) and the
 * close step (the bureau's only). A refused form comes back with its errors, the values typed and a 4xx status
 * ({@link FormSteps}).
 */
@Controller
class HazardController {

	static final String STAFF = "/safety/hazards";

	static final String PORTAL = "/enterprise/safety/hazards";

	private final Hazards hazards;

	private final Regions regions;

	private final Spreadsheets spreadsheets;

	private final AuditTrail audit;

	private final Clock clock;

	private final Placement placement;

	HazardController(Hazards hazards, Regions regions, Spreadsheets spreadsheets, AuditTrail audit, Clock clock,
			Placement placement) {
		this.placement = placement;
		this.hazards = hazards;
		this.regions = regions;
		this.spreadsheets = spreadsheets;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping({ STAFF, PORTAL })
	@PreAuthorize(LedgerAccess.READERS_OR_ENTERPRISE)
	String list(@AuthenticationPrincipal CurrentUser me, ListRequest request,
			@RequestParam(required = false) String level, @RequestParam(required = false) String status,
			@RequestParam(required = false) String region, @RequestParam(defaultValue = "false") boolean handling,
			Model model) {
		PageQuery query = request.toPage();
		// handling=true, the work queue's link: only the hazards the bureau acts on, the rows the queue counts
		model.addAttribute("result", hazards.list(me, HazardFilters.of(level, status, region), query, handling));
		model.addAttribute("handling", handling);
		model.addAttribute("query", query);
		model.addAttribute("levels", HazardLevel.values());
		model.addAttribute("statuses", Hazards.Status.values());
		model.addAttribute("base", base(me));
		String own = me.regionCode() == null || me.regionCode().isEmpty() ? "0" : me.regionCode();
		model.addAttribute("areas", me.isStaff() ? regions.children(own) : List.of());
		return "safety/hazards";
	}

	@GetMapping({ STAFF + "/export.xlsx", PORTAL + "/export.xlsx" })
	@PreAuthorize(LedgerAccess.READERS_OR_ENTERPRISE)
	ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentUser me, ListRequest request,
			@RequestParam(required = false) String level, @RequestParam(required = false) String status,
			@RequestParam(required = false) String region, @RequestParam(defaultValue = "false") boolean handling) {
		var rows = hazards.list(me, HazardFilters.of(level, status, region), request.toExport(), handling).items();
		return Downloads.xlsx(ExportNames.of("隐患台账", me.scope()), spreadsheets.write("隐患台账", HazardFilters.columns(regions.fullNames()), rows));
	}

	@GetMapping({ STAFF + "/new", PORTAL + "/new" })
	@PreAuthorize(LedgerAccess.WRITERS_OR_ENTERPRISE)
	String form(@AuthenticationPrincipal CurrentUser me,
			@RequestParam(required = false) String enterpriseCreditCode, Model model) {
		model.addAttribute("levels", HazardLevel.values());
		model.addAttribute("sources", HazardSource.values());
		model.addAttribute("base", base(me));
		model.addAttribute("today", LocalDate.now(clock));
		// an enterprise chooses among its own outlets and facilities; staff among those of the enterprise they name
		placement.offer(model, me.scope(), enterpriseCreditCode, Placement.Kept.NONE);
		return "safety/hazard-form";
	}

	@PostMapping({ STAFF, PORTAL })
	@PreAuthorize(LedgerAccess.WRITERS_OR_ENTERPRISE)
	String report(@AuthenticationPrincipal CurrentUser me, HazardData data, BindingResult binding, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		String base = base(me);
		// a number that is no number is told with every other bad field at once (kernel.FormBinding)
		return FormSteps.run(model, response, redirect, () -> {
			long id = hazards.report(me.scope(), data, false, LedgerForms.errors(binding, HazardData.class, clock));
			return new PageSteps.Done("隐患已登记", base + "/" + id);
		}, () -> form(me, data.enterpriseCreditCode(), model));
	}

	@GetMapping({ STAFF + "/{id:\\d+}", PORTAL + "/{id:\\d+}" })
	@PreAuthorize(LedgerAccess.READERS_OR_ENTERPRISE)
	String show(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, Model model) {
		DataScope scope = me.scope();
		model.addAttribute("hazard", hazards.get(scope, id));
		model.addAttribute("evidence", hazards.evidence(id));
		// every rectification as submitted, a later one no longer hiding the first
		model.addAttribute("rectifications", hazards.rectifications(scope, id));
		model.addAttribute("history", audit.history(scope, Hazards.AUDIT_TYPE, id));
		model.addAttribute("base", base(me));
		model.addAttribute("today", LocalDate.now(clock));
		return "safety/hazard";
	}

	@PostMapping({ STAFF + "/{id:\\d+}/rectification", PORTAL + "/{id:\\d+}/rectification" })
	@PreAuthorize(LedgerAccess.WRITERS_OR_ENTERPRISE)
	String rectify(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@RequestParam(required = false) String rectification,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return FormSteps.run(model, response, redirect, base(me) + "/" + id, "整改情况已提交",
				() -> hazards.rectify(me.scope(), id, rectification, uploads(files)), () -> show(me, id, model));
	}

	@PostMapping(STAFF + "/{id:\\d+}/close")
	@PreAuthorize(LedgerAccess.WRITERS)
	String close(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@RequestParam(required = false) String closedOn, @RequestParam(required = false) String closureNote,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return FormSteps.run(model, response, redirect, STAFF + "/" + id, "隐患已销号",
				() -> hazards.close(me.scope(), id, closedOn, closureNote, uploads(files)), () -> show(me, id, model));
	}

	static String base(CurrentUser me) {
		return me.isStaff() ? STAFF : PORTAL;
	}

	/** The files of a multipart form (inputs left empty skipped; a chosen 0-byte file refused, {@link UploadedFile#chosen}). */
	static List<UploadedFile> uploads(List<MultipartFile> files) {
		// read inside the form's step, so a refused file comes back on the form like every other refusal
		try {
			return UploadedFile.of(files);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
