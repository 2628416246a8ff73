package org.youguan.statistics.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

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
import org.youguan.documents.Column;
import org.youguan.documents.Downloads;
import org.youguan.documents.ExportNames;
import org.youguan.documents.ImportPages;
import org.youguan.documents.SheetNumber;
import org.youguan.documents.SheetWord;
import org.youguan.kernel.Wording;
import org.youguan.documents.Spreadsheets;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FiguresPeriod;
import org.youguan.kernel.InstallationAdmin;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.ListRequest;
import org.youguan.kernel.PageAddress;
import org.youguan.kernel.PageForm;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.PageSteps;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.kernel.WholeIn;
import org.youguan.kernel.YearIn;
import org.youguan.org.CurrentUser;
import org.youguan.platform.BackgroundJobs;
import org.youguan.platform.ChinaTime;
import org.youguan.region.RegionPicker;
import org.youguan.registry.Brands;
import org.youguan.registry.EnterpriseType;
import org.youguan.statistics.Completeness;
import org.youguan.statistics.HistoryImport;
import org.youguan.statistics.Indicator;
import org.youguan.statistics.Indicators;
import org.youguan.statistics.Period;
import org.youguan.statistics.ReportForm;
import org.youguan.statistics.ReportForms;
import org.youguan.statistics.Reports;
import org.youguan.statistics.Targets;

/**
 * The bureau's statistics housekeeping: completeness and timeliness with reminders, annual targets and their progress,
 * the indicator catalogue and forms (due day), and the import of past years' totals.
 */
@Controller
class BureauStatisticsController {

	static final String ADMINS = "hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN')";

	/**
	 * The 报送进度 export's columns for {@code summary}: 按时 says 逾期未报 for a reporter owing the period past its due
	 * date, a returned report not sent again among them ({@link Completeness.Summary#timeliness}).
	 */
	static List<Column<Completeness.Line>> outstanding(Completeness.Summary summary) {
		return List.of(Column.of("企业", Completeness.Line::enterpriseName, 36),
				Column.of("地区", Completeness.Line::regionName, 24), Column.of("行政区划代码", Completeness.Line::regionCode, 14),
				Column.of("状态", Completeness.Line::statusWords, 16),
				Column.of("报送时间", Completeness.Line::submittedAt, 20),
				Column.of("按时", l -> SheetWord.of(summary.timeliness(l)), 8),
				Column.of("最近催报", Completeness.Line::lastReminder, 20));
	}

	private final ReportForms forms;

	private final Completeness completeness;

	private final Targets targets;

	private final Indicators indicators;

	private final Reports reports;

	private final HistoryImport history;

	private final Spreadsheets spreadsheets;

	private final Clock clock;

	private final Brands brands;

	private final BackgroundJobs jobs;

	BureauStatisticsController(ReportForms forms, Completeness completeness, Targets targets, Indicators indicators,
			Reports reports, HistoryImport history, Spreadsheets spreadsheets, Brands brands,
			Clock clock, BackgroundJobs jobs) {
		this.brands = brands;
		this.jobs = jobs;
		this.forms = forms;
		this.completeness = completeness;
		this.targets = targets;
		this.indicators = indicators;
		this.reports = reports;
		this.history = history;
		this.spreadsheets = spreadsheets;
		this.clock = clock;
	}

	@GetMapping("/statistics/completeness")
	String completeness(DataScope scope, @RequestParam(required = false) Long form,
			@RequestParam(required = false) String period, Model model) {
		Completeness.Summary summary = summary(scope, form, period);
		model.addAttribute("summary", summary);
		model.addAttribute("forms", forms.all());
		return "statistics/completeness";
	}

	@GetMapping("/statistics/completeness/export.xlsx")
	ResponseEntity<byte[]> exportCompleteness(DataScope scope, @RequestParam(required = false) Long form,
			@RequestParam(required = false) String period) {
		Completeness.Summary summary = summary(scope, form, period);
		// the export's words first, so that an English reader's file is named in English; the form, period and place after
		return Downloads.xlsx(ExportNames.of("报送情况", summary.form().name() + "-" + summary.period().code(), scope),
				spreadsheets.write("报送情况", outstanding(summary), summary.lines()));
	}

	/**
	 * 催报 of the form's period to its missing reporters in scope ({@link Completeness#remind}); the flash message says
	 * how many were reminded and how many were left out as reminded within the interval; a refusal (none missing, every
	 * one reminded already: 409; a period still running or no period at all: 400 on {@code period}) comes back as the
	 * 报送进度 page's error — the period's page when it has one, else the form's current period's (a running period has
	 * no 报送进度 page to go back to: it answered a bare error page).
	 */
	@PostMapping("/statistics/completeness/remind")
	@PreAuthorize(ReportController.HANDLERS)
	String remind(@AuthenticationPrincipal CurrentUser me, DataScope scope, @RequestParam long form,
			@RequestParam String period, RedirectAttributes redirect) {
		// the form is the step's record: out of scope 404 (StatisticsStepAccess asked it before the fields)
		ReportForm f = forms.get(scope, form);
		String here = "/statistics/completeness?form=" + form + (shown(f, period) ? "&period=" + PageAddress.value(period) : "");
		return PageSteps.run(redirect, here, () -> {
			Completeness.Reminded n = completeness.remind(scope, f, Period.parse(f.periodType(), period, "period",
					LocalDate.now(clock)), me.bureauName());
			return new PageSteps.Done("已向" + n.sent() + "家未报送企业发出催报通知" + (n.skipped() == 0 ? ""
					: "；另有" + n.skipped() + "家在催报间隔内已催报过（见“最近催报”），未重复发送"), here);
		});
	}

	/** 不可比 in the reader's language, for a figure of the targets export over incomplete data. */
	private static final Wording NOT_COMPARABLE = Wording.of("stat.notComparable");

	/** The targets export's columns: what the list shows, the pace as the page names it. */
	static final List<Column<Targets.Progress>> TARGET_COLUMNS = List.of(Column.of("指标", Targets.Progress::indicatorName, 24),
			Column.of("单位", Targets.Progress::unit, 8),
			Column.of("目标值", p -> SheetNumber.of(p.targetValue(), p.decimals()), 14),
			Column.of("增长目标（%）", p -> SheetNumber.of(p.targetGrowth(), 2), 12),
			Column.of("折算目标值", p -> SheetNumber.of(p.effectiveTarget(), p.decimals()), 14),
			Column.of("累计", p -> SheetNumber.of(p.yearToDate(), p.decimals()), 14),
			Column.of("增长（%）", p -> p.growthNotComparable() ? NOT_COMPARABLE : SheetNumber.of(p.growth(), 2), 10),
			// a ratio over incomplete data is 不可比, as the page says it (stat.notComparable), never a number
			Column.of("完成进度（%）", p -> p.completionNotComparable() ? NOT_COMPARABLE : SheetNumber.of(p.completion(), 1), 12),
			Column.of("时间进度（%）", p -> SheetNumber.of(p.timeElapsed(), 1), 12),
			Column.of("状态", p -> !p.complete() ? p.caveatWords() : p.onPace() ? SheetWord.of("进度正常") : SheetWord.of("进度滞后"), 24));

	/**
	 * The targets of a region (blank: the caller's own) and year (blank: this year) in the list idiom: search by
	 * indicator, whitelisted sorts, pages, with their progress through last month.
	 * @throws org.youguan.kernel.InvalidValueException naming {@code year} outside the years reported
	 */
	@GetMapping("/statistics/targets")
	@PreAuthorize(StatisticsApiController.STAFF)
	String targets(@AuthenticationPrincipal CurrentUser me, DataScope scope, ListRequest request,
			@RequestParam(required = false) String region, @RequestParam(required = false) @YearIn(from = FiguresPeriod.FIRST_YEAR, ahead = FiguresPeriod.YEARS_AHEAD) Integer year, Model model) {
		int y = targetYear(year);
		String r = targetRegion(me, region);
		PageQuery query = request.toPage();
		PageResult<Targets.Progress> result = targets.list(scope, r, y, YearMonth.now(clock).minusMonths(1), query);
		model.addAttribute("result", result);
		model.addAttribute("progress", result.items());
		model.addAttribute("query", query);
		model.addAttribute("region", r);
		model.addAttribute("year", y);
		model.addAttribute("indicators", indicators.all());
		// a bureau's target is set by its administrators, on its own region only (Targets.set)
		model.addAttribute("canSet", Targets.SETTERS.stream().anyMatch(me::has) && r.equals(me.regionCode()));
		return "statistics/targets";
	}

	/**
	 * The targets as .xlsx in {@link #TARGET_COLUMNS}: the page's region, year, search and order, every target.
	 * @throws org.youguan.kernel.InvalidValueException naming {@code year} outside the years reported
	 */
	@GetMapping("/statistics/targets/export.xlsx")
	@PreAuthorize(StatisticsApiController.STAFF)
	ResponseEntity<byte[]> exportTargets(@AuthenticationPrincipal CurrentUser me, DataScope scope, ListRequest request,
			@RequestParam(required = false) String region, @RequestParam(required = false) @YearIn(from = FiguresPeriod.FIRST_YEAR, ahead = FiguresPeriod.YEARS_AHEAD) Integer year) {
		int y = targetYear(year);
		String r = targetRegion(me, region);
		var rows = targets.list(scope, r, y, YearMonth.now(clock).minusMonths(1), request.toExport()).items();
		return Downloads.xlsx(ExportNames.of("年度目标与进度", scope), spreadsheets.write("年度目标与进度", TARGET_COLUMNS, rows));
	}

	/** The targets' region: as chosen, or the caller's own when blank. */
	private static String targetRegion(CurrentUser me, String region) {
		return region == null || Text.isBlank(region) ? me.regionCode() : Text.strip(region);
	}

	private int targetYear(Integer year) {
		if (year != null) {
			FiguresPeriod.year("year", year, LocalDate.now(clock));
		}
		return year == null ? YearMonth.now(clock).getYear() : year;
	}

	/**
	 * Sets an annual target of the caller's own bureau region: administrators, as 设为统计目标 on a work plan.
	 * @throws org.youguan.kernel.AccessRefusedException (403) for another region
	 */
	@PostMapping("/statistics/targets")
	@PreAuthorize(ADMINS)
	String setTarget(@AuthenticationPrincipal CurrentUser me, @RequestParam String region,
			@RequestParam(required = false) @YearIn(from = FiguresPeriod.FIRST_YEAR, ahead = FiguresPeriod.YEARS_AHEAD) Integer year,
			@RequestParam(required = false) String indicator,
			@RequestParam(required = false) String targetValue, @RequestParam(required = false) String targetGrowth,
			RedirectAttributes redirect) {
		// back to the targets of the year posted when the page can list it; a year out of range (1900) goes back to this
		// year's list, which shows the refusal beside the form — never the error page the list of 1900 would be
		return PageSteps.run(redirect, "/statistics/targets?region=" + PageAddress.value(region) + (listable(year) ? "&year=" + year : ""), "目标已保存", () -> {
			Validation v = new Validation();
			v.require("year", year != null, "required", "请填写年度");
			// a target is read as a reported value of its indicator is (ReportedValue: "99.5%" for a rate), a growth as
			// the percent it is ("5%"), with the digits the target keeps (Targets: 6 and 2)
			Indicator ind = indicator == null ? null : indicators.find(Text.strip(indicator)).orElse(null);
			BigDecimal value = ind == null ? v.decimal("targetValue", "目标值", targetValue)
					: v.check("targetValue", () -> ReportedValue.read(ind, "targetValue", targetValue));
			BigDecimal growth = v.decimal("targetGrowth", "增长目标", percentless(targetGrowth), 6, 2);
			// every rule of the target — the year's range, the indicator, the value's and the growth's — told with the
			// form's reading errors in one answer (attack 71 B2: a negative value was told alone, the growth's range only
			// once it was fixed); a field already refused is not told again; without a year, the rest against this one
			int asked = year != null ? year : LocalDate.now(clock.withZone(ChinaTime.ZONE)).getYear();
			targets.targetProblems(indicator, asked, value, growth).stream()
				.filter(e -> !v.hasError(e.field()) && (year != null || !e.field().equals("year")))
				.forEach(e -> v.require(e.field(), false, e.rule(), e.message()));
			v.throwIfInvalid();
			targets.set(me, region, year, indicator, value, growth);
		});
	}

	/** Whether the targets page lists {@code year} (the statistics' one year rule, {@link FiguresPeriod#year}). */
	private boolean listable(Integer year) {
		return year != null && year >= FiguresPeriod.FIRST_YEAR && year <= FiguresPeriod.lastYear(LocalDate.now(clock));
	}

	/** A growth as typed without its percent sign ("5%", "5 ％" are 5); null stays null. */
	static String percentless(String typed) {
		if (typed == null) {
			return null;
		}
		String t = Text.strip(typed);
		return t.endsWith("%") || t.endsWith("\uFF05") ? t.substring(0, t.length() - 1) : t;
	}

	@GetMapping("/statistics/catalogue")
	String catalogue(@AuthenticationPrincipal CurrentUser me, Model model) {
		model.addAttribute("indicators", indicators.all());
		model.addAttribute("forms", forms.all().stream()
			.map(f -> new FormLine(f, forms.indicators(f.id()), me != null && forms.configurableBy(me, f)))
			.toList());
		model.addAttribute("rules", reports.rules());
		model.addAttribute("enterpriseTypes", EnterpriseType.values());
		model.addAttribute("brands", brands.all());
		model.addAttribute("valueTypes", ValueType.values());
		model.addAttribute("aggregations", Aggregation.values());
		return "statistics/catalogue";
	}

	/** A form with its indicators, for the catalogue page. */
	public record FormLine(ReportForm form, List<Indicator> indicators, boolean configurable) {
	}

	@PostMapping("/statistics/catalogue/forms/{id:\\d+}")
	@PageForm("form-{id}")
	@PreAuthorize(ADMINS)
	String configureForm(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@RequestParam(required = false) @WholeIn(min = 1, max = 28) Integer dueDay,
			@RequestParam(required = false) List<EnterpriseType> types,
			@RequestParam(required = false) Long brand, @RequestParam(required = false) String regionPrefix,
			@RequestParam(name = RegionPicker.PICK, required = false) String regionPick, RedirectAttributes redirect) {
		if (regionPick != null) {
			// without JavaScript: show the catalogue again with this form's region one level deeper, nothing saved
			redirect.addAttribute("form", id);
			redirect.addAttribute("regionPrefix", regionPrefix == null ? "" : regionPrefix);
			return "redirect:/statistics/catalogue";
		}
		return PageSteps.run(redirect, "/statistics/catalogue", "报表设置已保存", () -> forms.configure(me, id,
				dueDay == null ? 0 : dueDay, types == null ? List.of() : types, brand, regionPrefix));
	}

	@PostMapping("/statistics/catalogue/indicators")
	@PageForm("indicator-form")
	@PreAuthorize(InstallationAdmin.ONLY)
	String addIndicator(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
			@RequestParam(required = false) String unit, @RequestParam(required = false) ValueType valueType,
			@RequestParam(required = false) Aggregation aggregation, @RequestParam(required = false) String denominatorCode,
			@RequestParam(required = false) String formula, @RequestParam(required = false) String description,
			@RequestParam(required = false) Long formId, RedirectAttributes redirect) {
		return PageSteps.run(redirect, "/statistics/catalogue", "已新增指标" + code, () -> indicators.add(
				new Indicators.NewIndicator(code, name, unit, valueType, aggregation, denominatorCode, formula, description),
				formId));
	}

	@GetMapping("/statistics/history/import")
	@PreAuthorize(ReportController.HANDLERS)
	String historyForm() {
		return "statistics/history";
	}

	/** The history import's template, to those who may import (the import's role; 403 otherwise). */
	@GetMapping("/statistics/history/import/template.xlsx")
	@PreAuthorize(ReportController.HANDLERS)
	ResponseEntity<byte[]> historyTemplate(DataScope scope) {
		return Downloads.xlsx("历史统计数据导入模板.xlsx", history.template(scope));
	}

	@PostMapping("/statistics/history/import")
	@PreAuthorize(ReportController.HANDLERS)
	String importHistory(@AuthenticationPrincipal CurrentUser me, DataScope scope,
			@RequestParam("file") MultipartFile file, Model model, RedirectAttributes redirect,
			HttpServletResponse response) throws IOException {
		return ImportPages.upload(HISTORY_PAGE, jobs, me.getUsername(), file, content -> history.importFile(scope, content),
				r -> "已导入" + r.imported() + "行" + (r.replaced() > 0 ? "，其中替换以前导入的" + r.replaced() + "行" : ""),
				model, redirect, response);
	}

	/**
	 * The rejected sheet with its error column, once, to the user who uploaded it — kept in PostgreSQL as a finished
	 * job (not in the session), so any node of a cluster hands it out.
	 */
	@GetMapping("/statistics/history/import/errors/{id}.xlsx")
	ResponseEntity<byte[]> historyErrors(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		return ImportPages.errorSheet(jobs, HISTORY_ERRORS, me.getUsername(), id);
	}

	private static final String HISTORY_ERRORS = "statistics.history-import";

	private static final ImportPages.Page HISTORY_PAGE = new ImportPages.Page(HISTORY_ERRORS, "历史数据", "行",
			"statistics/history", "/statistics/history/import");

	/** Whether 报送进度 shows the form's {@code period} (an ended period: {@link #summary} refuses any other). */
	private boolean shown(ReportForm f, String period) {
		LocalDate today = LocalDate.now(clock);
		try {
			return Period.parse(f.periodType(), period, "period", today).ended(today);
		}
		catch (InvalidValueException ex) {
			return false;
		}
	}

	private Completeness.Summary summary(DataScope scope, Long form, String period) {
		ReportForm f = form == null ? forms.byCode("monthly") : forms.get(scope, form);
		Period p = period == null || Text.isBlank(period) ? forms.currentPeriod(f)
				: Period.parse(f.periodType(), period, "period", LocalDate.now(clock));
		return completeness.summary(scope, f, p);
	}
}
