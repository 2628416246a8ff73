package org.youguan.complaints.internal;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.youguan.complaints.ComplaintFigures;
import org.youguan.complaints.ComplaintNotices;
import org.youguan.documents.Column;
import org.youguan.documents.Downloads;
import org.youguan.documents.ExportNames;
import org.youguan.documents.Spreadsheets;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FiguresPeriod;
import org.youguan.kernel.FormSteps;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.PageSteps;
import org.youguan.kernel.Text;
import org.youguan.org.CurrentUser;
import org.youguan.platform.ChinaTime;
import org.youguan.region.Regions;

/**
 * 申诉统计: the figures of any months and region in the user's scope, breakdowns with .xlsx export (each line's counts,
 * share, rates per million parcels by brand, and the three satisfaction rates the totals show — 对邮政管理部门申诉处理工作,
 * 对邮政普遍服务, 对快递服务), and the notice. A brand's rates over incomplete 快递业务量 are written 不可比 and its
 * 数据完整性 cell names the incomplete month, both in the reader's language ({@link ComplaintFigures.Line#rate},
 * {@link ComplaintFigures.Line#caveatWords}).
 */
@Controller
class ComplaintFiguresController {

	static final List<Column<ComplaintFigures.Line>> COLUMNS = List.of(Column.of("项目", ComplaintFigures.Line::key, 30),
			Column.of("申诉件数", ComplaintFigures.Line::complaints, 12), Column.count("有效申诉", ComplaintFigures.Line::valid, 12),
			Column.of("占比（%）", ComplaintFigures.Line::share, 10),
			Column.of("对邮政管理部门申诉处理工作满意率（%）", ComplaintFigures.Line::satisfaction, 20),
			Column.of("对邮政普遍服务满意率（%）", ComplaintFigures.Line::postalSatisfaction, 16),
			Column.of("对快递服务满意率（%）", ComplaintFigures.Line::expressSatisfaction, 16),
			Column.of("快递业务量（件）", ComplaintFigures.Line::volume, 16),
			Column.of("申诉率（件/百万件）", ComplaintFigures.Line::rate, 16),
			Column.of("有效申诉率（件/百万件）", ComplaintFigures.Line::validRate, 18),
			Column.of("数据完整性", ComplaintFigures.Line::caveatWords, 30));

	/** An export's words by its dimension ({@code export.file.<words>} in English). */
	static final Map<String, String> DIMENSION_WORDS = Map.of("brand", "申诉统计按品牌", "category", "申诉统计按类别",
			"reason", "申诉统计按原因", "county", "申诉统计按县区", "enterprise", "申诉统计按企业");

	/**
	 * The export's columns for {@code dimension}: a category or reason (the key of {@code complaint.category.*},
	 * {@code complaint.reason.*}) by its words in the sheet's language, as the page shows it; any other item as it is.
	 */
	private List<Column<ComplaintFigures.Line>> columns(String dimension) {
		if (!dimension.equals("category") && !dimension.equals("reason")) {
			return COLUMNS;
		}
		List<Column<ComplaintFigures.Line>> columns = new java.util.ArrayList<>(COLUMNS);
		columns.set(0, Column.label("项目", messages, "complaint." + dimension + ".", ComplaintFigures.Line::key));
		return columns;
	}

	private final ComplaintFigures figures;

	private final ComplaintNotices notices;

	private final Regions regions;

	private final Spreadsheets spreadsheets;

	private final Clock clock;

	/** The UI bundle: a category's or reason's words in the sheet's language, as the page words them. */
	private final MessageSource messages;

	ComplaintFiguresController(ComplaintFigures figures, ComplaintNotices notices, Regions regions,
			Spreadsheets spreadsheets, Clock clock, MessageSource messages) {
		this.messages = messages;
		this.figures = figures;
		this.notices = notices;
		this.regions = regions;
		this.spreadsheets = spreadsheets;
		this.clock = clock;
	}

	/** The months and region asked for: by default this year to last month, the user's region. */
	public record Query(String region, YearMonth from, YearMonth to) {
	}

	@GetMapping("/complaints/figures")
	String figures(@AuthenticationPrincipal CurrentUser me, DataScope scope, @RequestParam(required = false) String region,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
		Query q = query(me, scope, region, from, to);
		model.addAttribute("q", q);
		model.addAttribute("totals", figures.totals(scope, q.region(), q.from(), q.to()));
		model.addAttribute("byBrand", figures.byBrand(scope, q.region(), q.from(), q.to()));
		model.addAttribute("byCategory", figures.by(scope, "category", q.region(), q.from(), q.to()));
		model.addAttribute("byReason", figures.by(scope, "reason", q.region(), q.from(), q.to()));
		model.addAttribute("byCounty", countiesNamed(figures.by(scope, "county", q.region(), q.from(), q.to())));
		model.addAttribute("byEnterprise", figures.by(scope, "enterprise", q.region(), q.from(), q.to()));
		model.addAttribute("late", figures.lateRepliers(scope, q.region(), q.from(), q.to()));
		return "complaints/figures";
	}

	@GetMapping("/complaints/figures/{dimension:brand|category|reason|county|enterprise}.xlsx")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentUser me, DataScope scope, @PathVariable String dimension,
			@RequestParam(required = false) String region, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		Query q = query(me, scope, region, from, to);
		var lines = dimension.equals("brand") ? figures.byBrand(scope, q.region(), q.from(), q.to())
				: dimension.equals("county") ? countiesNamed(figures.by(scope, dimension, q.region(), q.from(), q.to()))
						: figures.by(scope, dimension, q.region(), q.from(), q.to());
		// the file and the title name the dimension in the reader's words, the area in full and the months (an English
		// slug named the file in Chinese, and neither place nor period)
		String words = DIMENSION_WORDS.get(dimension);
		return Downloads.xlsx(ExportNames.of(words, q.region(), q.from(), q.to()), spreadsheets.write("申诉统计",
				Column.titled(ExportNames.title(words, q.region(), q.from(), q.to()), columns(dimension)), lines));
	}

	/**
	 * The lines by county as the page and its export show them: each county by its name ({@link Regions#name}), not
	 * its 6-digit code (attack round 19: the export listed codes).
	 */
	private List<ComplaintFigures.Line> countiesNamed(List<ComplaintFigures.Line> lines) {
		return lines.stream()
			.map(l -> l.named(regions.name(l.key())))
			.toList();
	}

	@GetMapping("/complaints/figures/notice.docx")
	ResponseEntity<byte[]> notice(@AuthenticationPrincipal CurrentUser me, DataScope scope,
			@RequestParam(required = false) String region, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		Query q = query(me, scope, region, from, to);
		String area = q.region().isEmpty() ? "全国" : regions.fullName(q.region());
		return Downloads.docx(area + "申诉情况通告.docx", notices.write(scope, q.region(), area, me.bureauName(), q.from(), q.to()));
	}

	/**
	 * Publishes the period's notice on the public portal ({@link ComplaintNotices#publish}), or with a
	 * {@code correction} reason replaces the one published ({@link ComplaintNotices#correct}). A period not yet ended is
	 * a 400 on {@code to} (rule {@code not-future}); the same period again without a reason a 409 naming the notice
	 * published (rule {@code already-published}).
	 */
	@PostMapping("/complaints/figures/publish")
	@PreAuthorize(ComplaintController.HANDLERS)
	String publish(@AuthenticationPrincipal CurrentUser me, DataScope scope, @RequestParam(required = false) String region,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String correction, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return FormSteps.run(model, response, redirect, () -> {
			Query q = query(me, scope, region, from, to);
			String area = q.region().isEmpty() ? "全国" : regions.fullName(q.region());
			boolean correcting = correction != null && !Text.isBlank(correction);
			long id = correcting
					? notices.correct(scope, q.region(), area, me.bureauName(), q.from(), q.to(), me.displayName(), correction)
					: notices.publish(scope, q.region(), area, me.bureauName(), q.from(), q.to(), me.displayName());
			return new PageSteps.Done(correcting ? "更正后的通告已在公众服务页面发布，原通告不再列出" : "通告已在公众服务页面发布",
					"/public/complaints/notices/" + id);
		}, () -> figures(me, scope, region, from, to, model));
	}

	private Query query(CurrentUser me, DataScope scope, String region, String from, String to) {
		return query(clock, me, scope, region, from, to);
	}

	/**
	 * The months and region asked for, as the page and the API read them: by default this year to last month and the
	 * user's region; the region within the caller's scope. A period that has not begun (a first month after the
	 * current one, China time) is refused as every module's figures refuse it (kernel {@link FiguresPeriod#months}):
	 * nothing has been received in it, and its zeros would read as a period without complaints. A period that has
	 * begun is counted as of today (its open steps judged on today, {@code ComplaintFigures.asOf}); publishing its notice needs it ended
	 * ({@link ComplaintNotices#publish}, rule {@code not-future}).
	 * @throws InvalidValueException naming {@code from} or {@code to} (rule {@code month}: not a month; {@code range}:
	 * before 2000 or after next year), {@code from} (rule {@code future}: after the current month), {@code to} (rule
	 * {@code after-from}: before from) or {@code region} (outside the scope)
	 */
	static Query query(Clock clock, CurrentUser me, DataScope scope, String region, String from, String to) {
		YearMonth current = YearMonth.now(clock.withZone(ChinaTime.ZONE));
		YearMonth last = current.minusMonths(1);
		FiguresPeriod.Months period = FiguresPeriod.months(from, to, YearMonth.of(last.getYear(), 1), last, current);
		String r = scope.requireReadable(region == null || Text.isBlank(region) ? me.regionCode() : region, "region");
		return new Query(r, period.from(), period.to());
	}
}
