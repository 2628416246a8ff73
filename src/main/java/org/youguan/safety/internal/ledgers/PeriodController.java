package org.youguan.safety.internal.ledgers;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.audit.AuditTrail;
import org.youguan.documents.Column;
import org.youguan.documents.Downloads;
import org.youguan.documents.ExportNames;
import org.youguan.documents.SheetWord;
import org.youguan.documents.Spreadsheets;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.Validation;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageSteps;
import org.youguan.kernel.Text;
import org.youguan.org.CurrentUser;
import org.youguan.region.Regions;

/**
 * The 寄递安保期 pages, for the bureau ({@code /safety/periods}: the list, the form to declare one, a period's summary
 * per day with the missing reports and its .xlsx export, the list's .xlsx export, the list of every missing daily report) and the enterprise's
 * portal ({@code /enterprise/safety/periods}: the periods covering it, its daily reports, the ones it still owes and the
 * form to file one), on the same templates. A refused form comes back with its errors, the values typed and a 4xx
 * status ({@link FormSteps}).
 */
@Controller
class PeriodController {

	static final String STAFF = "/safety/periods";

	static final String PORTAL = "/enterprise/safety/periods";

	static final List<Column<PeriodDay>> SUMMARY = List.of(Column.of("日期", PeriodDay::day),
			Column.of("已报送企业", PeriodDay::reported), Column.of("应报送企业", d -> d.required() ? d.expected() : SheetWord.of("未要求")),
			Column.of("收寄量", PeriodDay::parcels), Column.of("过机安检量", PeriodDay::screened),
			Column.of("过机率(%)", PeriodDay::screeningRate), Column.of("未报送企业", d -> String.join("、", d.missing()), 60));

	/**
	 * The list's export columns: what the list shows, the period's dates and its requirements apart; {@code place} names a row's region in full ({@code Regions#fullNames}: 江苏省苏州市吴中区长桥街道), never
	 * a county's or street's name alone nor a bare code.
	 */
	static List<Column<PeriodView>> columns(Function<String, String> place) {
		return List.of(Column.of("名称", PeriodView::name, 30),
			Column.of("区域", row -> place.apply(row.regionCode())), Column.of("开始日期", PeriodView::startsOn),
			Column.of("结束日期", PeriodView::endsOn),
			Column.of("状态", p -> p.cancelled() ? SheetWord.of("已撤销") : p.active() ? SheetWord.of("进行中") : null),
			Column.of("100%过机", PeriodView::fullScreening), Column.of("每日报送", PeriodView::dailyReporting),
			Column.of("其他要求", PeriodView::otherRules, 40));
	}

	private final SecurityPeriods periods;

	private final Regions regions;

	private final Spreadsheets spreadsheets;

	private final AuditTrail audit;

	private final Clock clock;

	PeriodController(SecurityPeriods periods, Regions regions, Spreadsheets spreadsheets, AuditTrail audit, Clock clock) {
		this.periods = periods;
		this.regions = regions;
		this.spreadsheets = spreadsheets;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping({ STAFF, PORTAL })
	@PreAuthorize(LedgerAccess.READERS_OR_ENTERPRISE)
	String list(@AuthenticationPrincipal CurrentUser me, ListRequest request,
			@RequestParam(required = false) Boolean active, Model model) {
		PageQuery query = request.toPage();
		model.addAttribute("result", periods.list(me.scope(), Boolean.TRUE.equals(active), query));
		model.addAttribute("query", query);
		model.addAttribute("missing", periods.missing(me.scope()));
		model.addAttribute("base", me.isStaff() ? STAFF : PORTAL);
		return "safety/periods";
	}

	/** The list as .xlsx: the page's 进行中 switch, search and order, the periods the caller sees. */
	@GetMapping({ STAFF + "/export.xlsx", PORTAL + "/export.xlsx" })
	@PreAuthorize(LedgerAccess.READERS_OR_ENTERPRISE)
	ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentUser me, ListRequest request,
			@RequestParam(required = false) Boolean active) {
		var rows = periods.list(me.scope(), Boolean.TRUE.equals(active), request.toExport()).items();
		return Downloads.xlsx(ExportNames.of("寄递安保期", me.scope()), spreadsheets.write("寄递安保期", columns(regions.fullNames()), rows));
	}

	/**
	 * The missing reports export's columns: what the list shows; {@code place} names the period's region in full
	 * ({@code Regions#fullNames}: 江苏省苏州市), never a city's or county's name alone.
	 */
	static List<Column<SecurityPeriods.Missing>> missingColumns(Function<String, String> place) {
		return List.of(Column.of("安保期名称", m -> m.period().name(), 30),
				Column.of("区域", m -> place.apply(m.period().regionCode()), 16),
				Column.of("日期", SecurityPeriods.Missing::day, 12),
				Column.of("未报送企业", SecurityPeriods.Missing::enterpriseName, 36));
	}

	/**
	 * Every daily report the caller's scope is missing (the inbox queue's count, listed one per row: period, day,
	 * enterprise); staff see past days, an enterprise its own days, today included ({@link SecurityPeriods#missing}).
	 * In the list idiom: search by period or enterprise name, filters {@code period} (id) and {@code day}
	 * (yyyy-MM-dd, else 400 naming it), sorts day (default, newest first), period, enterprise, pages.
	 */
	@GetMapping({ STAFF + "/missing", PORTAL + "/missing" })
	@PreAuthorize(LedgerAccess.READERS_OR_ENTERPRISE)
	String missing(@AuthenticationPrincipal CurrentUser me, ListRequest request,
			@RequestParam(required = false) Long period, @RequestParam(required = false) String day, Model model) {
		PageQuery query = request.toPage();
		model.addAttribute("result", periods.missing(me.scope(), missingFilter(period, day), query));
		model.addAttribute("query", query);
		model.addAttribute("base", me.isStaff() ? STAFF : PORTAL);
		return "safety/missing-reports";
	}

	/**
	 * The missing reports as .xlsx in {@link #missingColumns}: the page's filters, search and order, every row.
	 * @throws org.youguan.kernel.InvalidValueException naming {@code day} when it is no date
	 */
	@GetMapping({ STAFF + "/missing/export.xlsx", PORTAL + "/missing/export.xlsx" })
	@PreAuthorize(LedgerAccess.READERS_OR_ENTERPRISE)
	ResponseEntity<byte[]> exportMissing(@AuthenticationPrincipal CurrentUser me, ListRequest request,
			@RequestParam(required = false) Long period, @RequestParam(required = false) String day) {
		var rows = periods.missing(me.scope(), missingFilter(period, day), request.toExport()).items();
		return Downloads.xlsx(ExportNames.of("安保期未报送", me.scope()), spreadsheets.write("安保期未报送", missingColumns(regions.fullNames()), rows));
	}

	private static SecurityPeriods.MissingFilter missingFilter(Long period, String day) {
		if (day == null || Text.isBlank(day)) {
			return new SecurityPeriods.MissingFilter(period, null);
		}
		try {
			return new SecurityPeriods.MissingFilter(period, Validation.parseDate(day));
		}
		catch (DateTimeParseException ex) {
			throw new InvalidValueException("day", "format", "日期应为yyyy-MM-dd格式的日期");
		}
	}

	@GetMapping(STAFF + "/new")
	@PreAuthorize(LedgerAccess.WRITERS)
	String form(@AuthenticationPrincipal CurrentUser me, Model model) {
		String own = me.regionCode() == null || me.regionCode().isEmpty() ? "0" : me.regionCode();
		model.addAttribute("own", regions.find(own).orElse(null));
		model.addAttribute("areas", LedgerRegions.areas(regions, own));
		model.addAttribute("today", LocalDate.now(clock));
		return "safety/period-form";
	}

	@PostMapping(STAFF)
	@PreAuthorize(LedgerAccess.WRITERS)
	String create(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) String name,
			@RequestParam(required = false) String region, @RequestParam(required = false) String startsOn,
			@RequestParam(required = false) String endsOn, @RequestParam(required = false) Boolean fullScreening,
			@RequestParam(required = false) Boolean dailyReporting, @RequestParam(required = false) String otherRules,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return FormSteps.run(model, response, redirect, () -> {
			long id = periods.create(me.scope(), new PeriodData(name, region, startsOn, endsOn, fullScreening,
					dailyReporting, otherRules), false);
			return new PageSteps.Done("寄递安保期已设立", STAFF + "/" + id);
		}, () -> form(me, model));
	}

	@GetMapping({ STAFF + "/{id:\\d+}", PORTAL + "/{id:\\d+}" })
	@PreAuthorize(LedgerAccess.READERS_OR_ENTERPRISE)
	String show(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, ListRequest request, Model model) {
		PageQuery query = request.toPage();
		// free text masked as the list and the API show it (PeriodView#masked)
		model.addAttribute("period", periods.get(me.scope(), id).masked());
		model.addAttribute("days", periods.summary(me.scope(), id));
		model.addAttribute("reports", periods.reports(me.scope(), id, query));
		model.addAttribute("query", query);
		model.addAttribute("base", me.isStaff() ? STAFF : PORTAL);
		model.addAttribute("today", LocalDate.now(clock));
		if (me.isStaff()) {
			model.addAttribute("history", audit.history(me.scope(), SecurityPeriods.AUDIT_TYPE, id));
		}
		return "safety/period";
	}

	/** The bureau cancels a period ({@link SecurityPeriods#cancel}); a refused form comes back with its errors. */
	@PostMapping(STAFF + "/{id:\\d+}/cancel")
	@PreAuthorize(LedgerAccess.WRITERS)
	String cancel(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@RequestParam(required = false) String reason, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return FormSteps.run(model, response, redirect, STAFF + "/" + id, "寄递安保期已撤销",
				() -> periods.cancel(me.scope(), id, reason),
				() -> show(me, id, new ListRequest(null, null, null, null, null), model));
	}

	@GetMapping(STAFF + "/{id:\\d+}/summary.xlsx")
	@PreAuthorize(LedgerAccess.READERS)
	ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
		// the file's name is the period's as the page shows it (PeriodView#masked)
		PeriodView p = periods.get(me.scope(), id).masked();
		return Downloads.xlsx("日报汇总-" + p.name() + ".xlsx", spreadsheets.write("日报汇总", SUMMARY, periods.summary(me.scope(), id)));
	}

	@PostMapping(PORTAL + "/{id:\\d+}/reports")
	@PreAuthorize(LedgerAccess.ENTERPRISE)
	String report(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, PeriodReportData data,
			BindingResult binding, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		// the flash says 已报送, or 已更新 with the earlier values when the day had a report; a count that is no whole
		// number is told with every other bad field at once (kernel.FormBinding)
		return FormSteps.run(model, response, redirect,
				() -> new PageSteps.Done(periods.report(me.scope(), id, data, LedgerForms.errors(binding, PeriodReportData.class, clock)).message(),
						PORTAL + "/" + id),
				() -> show(me, id, new ListRequest(null, null, null, null, null), model));
	}
}
