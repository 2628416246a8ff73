package org.youguan.complaints;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.Percentages;
import org.youguan.kernel.RegionPrefix;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Wording;
import org.youguan.statistics.Aggregates;
import org.youguan.statistics.Indicators;
import org.youguan.statistics.Slice;

/**
 * The figures of a period and region: received, accepted, not accepted, closed; on time per step; satisfaction;
 * compensation recovered (as the bureau entered it at 办结); breakdowns; and 申诉率 / 有效申诉率 per million parcels
 * (complaints received, and valid ones — 有效申诉 as the bureau decided it at 办结, {@code ComplaintProcedure.close}, not
 * the enterprise's own answer — per million of 快递业务量 of the same period, region and brand, from the statistics module's approved data). A rate
 * whose 快递业务量 is incomplete (a month below the completeness share) is no number, as a growth from incomplete data
 * is none in the statistics module: null here, written 不可比 beside the statistics module's caveat
 * ("数据不完整：2026年11月已审核52/60家") wherever it is shown — the page, the .xlsx, the notice and its publication —
 * and null with {@code complete} false and the caveat in the API.
 * <p>
 * The timeliness rates count a step still not taken past its due date as late, judged as of the period's last day or
 * today, whichever is earlier ({@link #asOf}): 转办按时率 = transferred within the limit / (transferred + awaiting
 * acceptance past the transfer limit); 答复按时率 = replied within the limit and not overdue on a redo / (replied +
 * awaiting the first reply past its due date); 30日内办结率 = closed within the answer limit (邮政法(2015) art.65) /
 * (closed + open past the answer limit). The enterprises named as late count replies made late and complaints they
 * have not answered past the due date ({@link #lateRepliers}). Rates are rounded down to one decimal ({@link #percent}):
 * 100.0% only when every one counts; a breakdown line's share is rounded half up ({@link #share}).
 * <p>
 * The three satisfaction rates of the national notices, each (满意 + 基本满意) / the call-backs that reached the filer
 * and recorded it, of the complaints received in the period: 对邮政管理部门申诉处理工作满意率 ({@code satisfaction}) the
 * filer's satisfaction with the bureau's handling, of every such call-back; 对邮政普遍服务满意率 the filer's satisfaction
 * with the company's handling where the respondent is a postal enterprise (registry type 邮政企业, as at the transfer:
 * a complaint records no 函件/包件 or business kind, so the postal enterprise stands for 普遍服务); 对快递服务满意率 the
 * same where the respondent is an express or other delivery enterprise. Call-backs before the company's satisfaction
 * was asked (rows before V287) count in the first rate only.
 */
@Service
public class ComplaintFigures {

	/**
	 * The period's totals; {@code satisfaction} 对邮政管理部门申诉处理工作满意率, {@code postalSatisfaction} 对邮政普遍服务满意率,
	 * {@code expressSatisfaction} 对快递服务满意率 (percent, null without a call-back to count); {@code compensation} 挽回经济损失
	 * (元, two decimals: 0.00 for none); {@code volume} the 快递业务量 (件) as approved so far; {@code perMillion} and
	 * {@code validPerMillion} 申诉率 and 有效申诉率 (件/百万件, two decimals), null without volume and null when the volume
	 * is incomplete (不可比: {@link #rate()}); {@code volumeCaveat} "" when the 快递业务量 behind the rates is complete,
	 * else the caveat naming its least complete month, {@code volumeCaveatWords} the same as its bundle key with values
	 * (null when complete), which the pages word in the reader's language; {@code complete} false when the volume is
	 * incomplete — the aggregate API's {@code complete}, so the API answers the rates null with complete false and the
	 * caveat.
	 */
	public record Totals(long received, long accepted, long notAccepted, long closed, long withdrawn, long valid,
			BigDecimal transferOnTime, BigDecimal replyOnTime, BigDecimal answeredInTime, BigDecimal satisfaction,
			BigDecimal compensation, BigDecimal volume, BigDecimal perMillion, BigDecimal validPerMillion,
			String volumeCaveat, BigDecimal postalSatisfaction, BigDecimal expressSatisfaction, Wording volumeCaveatWords,
			boolean complete) {

		/** The compensation with both fen digits ({@code 0.00} for none, {@link ComplaintIntake#yuan}). */
		public Totals {
			compensation = ComplaintIntake.yuan(compensation);
		}

		/** The rates rest on incomplete 快递业务量. */
		public boolean volumeIncomplete() {
			return volumeCaveat != null && !volumeCaveat.isEmpty();
		}

		/**
		 * The caveat under the name the statistics aggregate API gives it ({@code caveat}: "" when complete), so the
		 * API answers an incomplete rate as that API answers an incomplete growth: null, {@code complete} false, the
		 * caveat.
		 */
		@JsonProperty("caveat")
		public String caveat() {
			return volumeCaveat;
		}

		/** 申诉率 as an output shows it: {@link ComplaintFigures#rate}. */
		public Object rate() {
			return ComplaintFigures.rate(perMillion, volumeIncomplete());
		}

		/** 有效申诉率 as an output shows it: {@link ComplaintFigures#rate}. */
		public Object validRate() {
			return ComplaintFigures.rate(validPerMillion, volumeIncomplete());
		}
	}

	/** The period's counts as one query returns them. */
	record Counts(long received, long accepted, long notAccepted, long closed, long withdrawn, long valid,
			long transferOnTime, long replied, long replyOnTime, long answeredInTime, long surveyed, long satisfied,
			BigDecimal compensation, long postalSurveyed, long postalSatisfied, long expressSurveyed, long expressSatisfied) {
	}

	/**
	 * One line of a breakdown; {@code caveat} (by brand) the caveat of the brand's 快递业务量 behind its rates, "" or
	 * null when complete or without a rate ({@code caveatWords} the same as its bundle key with values, for the pages'
	 * reader's language; null without one); {@code satisfaction}, {@code postalSatisfaction} and
	 * {@code expressSatisfaction} the three satisfaction rates of the line's complaints, counted as the totals count them
	 * ({@link Totals}; percent, null without a call-back to count).
	 */
	public record Line(String key, long complaints, long valid, BigDecimal share, BigDecimal volume, BigDecimal perMillion,
			BigDecimal validPerMillion, String caveat, BigDecimal satisfaction, BigDecimal postalSatisfaction,
			BigDecimal expressSatisfaction, Wording caveatWords) {

		/** The same line under another key (a county's name for its code). */
		public Line named(String name) {
			return new Line(name, complaints, valid, share, volume, perMillion, validPerMillion, caveat, satisfaction,
					postalSatisfaction, expressSatisfaction, caveatWords);
		}

		/** The line's rates rest on incomplete 快递业务量 (its rates are 不可比). */
		public boolean incomplete() {
			return caveat != null && !caveat.isEmpty();
		}

		/** The line's 申诉率 as an output shows it: {@link ComplaintFigures#rate}. */
		public Object rate() {
			return ComplaintFigures.rate(perMillion, incomplete());
		}

		/** The line's 有效申诉率 as an output shows it: {@link ComplaintFigures#rate}. */
		public Object validRate() {
			return ComplaintFigures.rate(validPerMillion, incomplete());
		}
	}

	/**
	 * A rate per million parcels as every output shows it (page, .xlsx, .docx): the number, or — when the 快递业务量
	 * behind it is incomplete — the statistics module's word 不可比 ({@code stat.notComparable}, a {@link Wording} the page
	 * and the .xlsx word in the reader's language), never a number beside the caveat.
	 * @param perMillion the rate (件/百万件), null for none
	 * @param incomplete whether the volume behind it is incomplete
	 * @return the rate, the word 不可比, or null for no rate
	 */
	public static Object rate(BigDecimal perMillion, boolean incomplete) {
		return incomplete ? NOT_COMPARABLE : perMillion;
	}

	/** What a rate resting on incomplete 快递业务量 is written as: the statistics module's 不可比. */
	public static final Wording NOT_COMPARABLE = Wording.of("stat.notComparable");

	/** An enterprise that replied late, and how often. */
	public record Late(String enterprise, long late, long replies) {
	}

	/** The complaints received in the period within the region {@code prefix}, ahead of the caller's scope. */
	private static String period(String prefix) {
		return " WHERE c.received_on BETWEEN :from AND :to AND " + RegionPrefix.of(prefix).predicate("c.region_code")
				+ " AND ";
	}

	/** The roll-up's months (the first of each) within the period and region {@code prefix}. */
	private static String rolledUp(String prefix) {
		return " WHERE c.month BETWEEN :from AND :to AND " + RegionPrefix.of(prefix).predicate("c.region_code")
				+ " AND ";
	}

	/**
	 * The call-backs behind the three satisfaction rates ({@link Surveys}), summed from the roll-up's counters
	 * ({@code complaint_rollup}: {@code surveyed}/{@code satisfied}, {@code postal_*}, {@code express_*}); select
	 * columns ending in a line break.
	 */
	private static final String SURVEYS_ROLLED_UP = """
			coalesce(sum(c.surveyed), 0)::bigint AS surveyed, coalesce(sum(c.satisfied), 0)::bigint AS satisfied,
			coalesce(sum(c.postal_surveyed), 0)::bigint AS postal_surveyed,
			coalesce(sum(c.postal_satisfied), 0)::bigint AS postal_satisfied,
			coalesce(sum(c.express_surveyed), 0)::bigint AS express_surveyed,
			coalesce(sum(c.express_satisfied), 0)::bigint AS express_satisfied
			""";

	/**
	 * The same counted from the complaint rows (the roll-up's reference): the bureau's satisfaction of every reached
	 * call-back; the company's where the respondent is a postal enterprise (普遍服务) or an express or other one.
	 */
	private static final String SURVEYS_COUNTED = """
			count(*) FILTER (WHERE c.satisfaction IS NOT NULL) AS surveyed,
			count(*) FILTER (WHERE c.satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED')) AS satisfied,
			count(*) FILTER (WHERE c.respondent_type = 'POSTAL' AND c.company_satisfaction IS NOT NULL) AS postal_surveyed,
			count(*) FILTER (WHERE c.respondent_type = 'POSTAL'
			                   AND c.company_satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED')) AS postal_satisfied,
			count(*) FILTER (WHERE c.respondent_type IN ('EXPRESS', 'OTHER')
			                   AND c.company_satisfaction IS NOT NULL) AS express_surveyed,
			count(*) FILTER (WHERE c.respondent_type IN ('EXPRESS', 'OTHER')
			                   AND c.company_satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED')) AS express_satisfied
			""";

	/**
	 * A row's call-backs for the three satisfaction rates, as {@link #SURVEYS_ROLLED_UP} and {@link #SURVEYS_COUNTED}
	 * name them, and the rates ({@link #percent}).
	 */
	private record Surveys(long surveyed, long satisfied, long postalSurveyed, long postalSatisfied, long expressSurveyed,
			long expressSatisfied) {

		static Surveys of(ResultSet rs) throws SQLException {
			return new Surveys(rs.getLong("surveyed"), rs.getLong("satisfied"), rs.getLong("postal_surveyed"),
					rs.getLong("postal_satisfied"), rs.getLong("express_surveyed"), rs.getLong("express_satisfied"));
		}

		BigDecimal bureau() {
			return percent(satisfied, surveyed);
		}

		BigDecimal postal() {
			return percent(postalSatisfied, postalSurveyed);
		}

		BigDecimal express() {
			return percent(expressSatisfied, expressSurveyed);
		}
	}

	private final JdbcClient jdbc;

	private final Aggregates aggregates;

	private final Indicators indicators;

	private final Clock clock;

	ComplaintFigures(JdbcClient jdbc, Aggregates aggregates, Indicators indicators, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.aggregates = aggregates;
		this.indicators = indicators;
	}

	/**
	 * The period's totals in the region {@code prefix} (blank: the whole country) within the caller's scope, from the
	 * roll-up ({@code complaint_rollup}, kept with every change of a complaint): a year's province figures read a few
	 * thousand rows instead of every complaint.
	 */
	public Totals totals(DataScope scope, String prefix, YearMonth from, YearMonth to) {
		Counts c = jdbc.sql("""
				SELECT coalesce(sum(c.received), 0)::bigint AS received, coalesce(sum(c.accepted), 0)::bigint AS accepted,
				       coalesce(sum(c.not_accepted), 0)::bigint AS not_accepted, coalesce(sum(c.closed), 0)::bigint AS closed,
				       coalesce(sum(c.withdrawn), 0)::bigint AS withdrawn, coalesce(sum(c.valid), 0)::bigint AS valid,
				       coalesce(sum(c.transfer_on_time), 0)::bigint AS transfer_on_time,
				       coalesce(sum(c.replied), 0)::bigint AS replied, coalesce(sum(c.reply_on_time), 0)::bigint AS reply_on_time,
				       coalesce(sum(c.answered_in_time), 0)::bigint AS answered_in_time,
				       coalesce(sum(c.compensation), 0) AS compensation, """ + SURVEYS_ROLLED_UP + """
				FROM complaint_rollup c""" + rolledUp(prefix) + scope.regionPredicate("c.region_code"))
			.params(params(scope, prefix, from, to))
			.query(Rows.of(Counts.class))
			.single();
		return totals(c, overdue(scope, prefix, from, to), prefix, from, to);
	}

	/**
	 * The same totals recounted from the complaint rows: the roll-up's reference, for the test that checks it and the
	 * benchmark that measures it.
	 */
	public Totals recountTotals(DataScope scope, String prefix, YearMonth from, YearMonth to) {
		Counts c = jdbc.sql("""
				SELECT count(*) AS received,
				       count(*) FILTER (WHERE c.transferred_on IS NOT NULL) AS accepted,
				       count(*) FILTER (WHERE c.status = 'REJECTED') AS not_accepted,
				       count(*) FILTER (WHERE c.status = 'CLOSED') AS closed,
				       count(*) FILTER (WHERE c.status = 'WITHDRAWN') AS withdrawn,
				       count(*) FILTER (WHERE c.valid_complaint) AS valid,
				       count(*) FILTER (WHERE c.transferred_on <= c.transfer_due) AS transfer_on_time,
				       count(*) FILTER (WHERE c.replied_on IS NOT NULL) AS replied,
				       count(*) FILTER (WHERE c.replied_on IS NOT NULL AND NOT c.reply_late) AS reply_on_time,
				       count(*) FILTER (WHERE c.closed_on IS NOT NULL AND c.closed_on <= c.answer_due) AS answered_in_time,
				       coalesce(sum(c.compensation_paid), 0) AS compensation, """ + SURVEYS_COUNTED + """
				FROM complaint c""" + period(prefix) + scope.regionPredicate("c.region_code"))
			.params(params(scope, prefix, from, to))
			.query(Rows.of(Counts.class))
			.single();
		return totals(c, overdue(scope, prefix, from, to), prefix, from, to);
	}

	/**
	 * The steps of the period's complaints still not taken past their due date as of {@link #asOf}: awaiting
	 * acceptance past the transfer limit, awaiting the enterprise's first reply past its due date, returned for redoing
	 * past the redo's due date while counted as replied on time, open past the 30-day answer limit. Counted from the
	 * open complaint rows (they change with the day, so no roll-up holds them), for the roll-up's totals and the recount
	 * alike.
	 */
	record Overdue(long awaitingTransfer, long awaitingReply, long redoOverdue, long openPastAnswer) {
	}

	private Overdue overdue(DataScope scope, String prefix, YearMonth from, YearMonth to) {
		Map<String, Object> params = params(scope, prefix, from, to);
		params.put("asOf", asOf(to));
		return jdbc.sql("""
				SELECT count(*) FILTER (WHERE c.status = 'RECEIVED' AND c.transfer_due < :asOf) AS awaiting_transfer,
				       count(*) FILTER (WHERE c.status = 'TRANSFERRED' AND c.step_due < :asOf) AS awaiting_reply,
				       count(*) FILTER (WHERE c.status = 'RETURNED' AND c.step_due < :asOf AND NOT c.reply_late) AS redo_overdue,
				       count(*) FILTER (WHERE c.answer_due < :asOf) AS open_past_answer
				FROM complaint c""" + period(prefix) + scope.regionPredicate("c.region_code") + " AND c.status NOT IN " + FINISHED)
			.params(params)
			.query(Rows.of(Overdue.class))
			.single();
	}

	/** The statuses that end a complaint (no step is awaited). */
	private static final String FINISHED = "('CLOSED', 'REJECTED', 'WITHDRAWN')";

	/**
	 * The day the figures of a period judge open complaints' steps on: its last day once it ended, today while it runs
	 * (a step due later in the month is not late yet).
	 */
	LocalDate asOf(YearMonth to) {
		LocalDate end = to.atEndOfMonth();
		LocalDate today = LocalDate.now(clock);
		return end.isBefore(today) ? end : today;
	}

	private Totals totals(Counts c, Overdue o, String prefix, YearMonth from, YearMonth to) {
		Slice slice = new Slice(prefix, null, from, to);
		BigDecimal volume = aggregates.value(indicators.get("express.volume"), slice);
		Aggregates.Completion completion = volumeCompletion(volume, slice);
		BigDecimal comparable = completion.complete() ? volume : null;
		return new Totals(c.received(), c.accepted(), c.notAccepted(), c.closed(), c.withdrawn(), c.valid(),
				percent(c.transferOnTime(), c.accepted() + o.awaitingTransfer()),
				percent(c.replyOnTime() - o.redoOverdue(), c.replied() + o.awaitingReply()),
				percent(c.answeredInTime(), c.closed() + o.openPastAnswer()), percent(c.satisfied(), c.surveyed()),
				c.compensation(), volume,
				perMillion(c.received(), comparable), perMillion(c.valid(), comparable), completion.caveat(),
				percent(c.postalSatisfied(), c.postalSurveyed()), percent(c.expressSatisfied(), c.expressSurveyed()),
				completion.caveatWords(), completion.complete());
	}

	/**
	 * By category, reason, county or enterprise: counts, valid, share. By county from the roll-up; the others (not
	 * rolled up) from the complaint rows.
	 */
	public List<Line> by(DataScope scope, String dimension, String prefix, YearMonth from, YearMonth to) {
		if (dimension.equals("county")) {
			return lines(jdbc.sql("SELECT substr(c.region_code, 1, 6) AS k, sum(c.received)::bigint AS n, "
					+ "sum(c.valid)::bigint AS v, " + SURVEYS_ROLLED_UP + " FROM complaint_rollup c" + rolledUp(prefix)
					+ scope.regionPredicate("c.region_code")
					+ " GROUP BY 1 HAVING sum(c.received) > 0 ORDER BY 2 DESC, 1"), scope, prefix, from, to);
		}
		return recountBy(scope, dimension, prefix, from, to);
	}

	/** As {@link #by}, always recounted from the complaint rows (the roll-up's reference). */
	public List<Line> recountBy(DataScope scope, String dimension, String prefix, YearMonth from, YearMonth to) {
		String column = switch (dimension) {
			case "reason" -> "c.reason";
			case "county" -> "substr(c.region_code, 1, 6)";
			case "enterprise" -> "coalesce(c.enterprise_name, '（未转办）')";
			default -> "c.category";
		};
		return lines(jdbc.sql("SELECT " + column + " AS k, count(*) AS n, count(*) FILTER (WHERE c.valid_complaint) AS v, "
				+ SURVEYS_COUNTED + " FROM complaint c" + period(prefix) + scope.regionPredicate("c.region_code") + " GROUP BY 1 ORDER BY 2 DESC, 1"),
				scope, prefix, from, to);
	}

	private List<Line> lines(JdbcClient.StatementSpec statement, DataScope scope, String prefix, YearMonth from,
			YearMonth to) {
		List<Line> counted = statement.params(params(scope, prefix, from, to))
			.query((rs, i) -> {
				Surveys surveys = Surveys.of(rs);
				return new Line(rs.getString("k"), rs.getLong("n"), rs.getLong("v"), null, null, null, null, null,
						surveys.bureau(), surveys.postal(), surveys.express(), null);
			})
			.list();
		long total = counted.stream().mapToLong(Line::complaints).sum();
		List<Line> lines = new ArrayList<>();
		for (Line l : counted) {
			lines.add(new Line(l.key(), l.complaints(), l.valid(), share(l.complaints(), total), null, null, null, null,
					l.satisfaction(), l.postalSatisfaction(), l.expressSatisfaction(), null));
		}
		return lines;
	}

	/**
	 * By brand, with 申诉率 and 有效申诉率 per million parcels of the brand in the same region and months; from the
	 * roll-up.
	 */
	public List<Line> byBrand(DataScope scope, String prefix, YearMonth from, YearMonth to) {
		return byBrand(jdbc.sql("""
				SELECT c.brand_id, c.brand_name, sum(c.received)::bigint AS n, sum(c.valid)::bigint AS v, """ + SURVEYS_ROLLED_UP
				+ " FROM complaint_rollup c" + rolledUp(prefix) + scope.regionPredicate("c.region_code")
				+ " GROUP BY 1, 2 HAVING sum(c.received) > 0 ORDER BY 3 DESC, 2"), scope, prefix, from, to);
	}

	/** As {@link #byBrand}, recounted from the complaint rows (the roll-up's reference). */
	public List<Line> recountByBrand(DataScope scope, String prefix, YearMonth from, YearMonth to) {
		return byBrand(jdbc.sql("""
				SELECT c.brand_id, c.brand_name, count(*) AS n, count(*) FILTER (WHERE c.valid_complaint) AS v, """ + SURVEYS_COUNTED
				+ " FROM complaint c" + period(prefix) + scope.regionPredicate("c.region_code") + " GROUP BY 1, 2 ORDER BY 3 DESC, 2"),
				scope, prefix, from, to);
	}

	private List<Line> byBrand(JdbcClient.StatementSpec statement, DataScope scope, String prefix, YearMonth from,
			YearMonth to) {
		Map<String, Object> params = params(scope, prefix, from, to);
		Slice slice = new Slice(prefix, null, from, to);
		var volumes = aggregates.grouped(indicators.get("express.volume"), Aggregates.Dimension.BRAND, 0, slice);
		List<Line> lines = new ArrayList<>();
		List<Long> brandIds = new ArrayList<>();
		statement.params(params)
			.query((rs, i) -> {
				BigDecimal volume = volumes.get(String.valueOf(rs.getLong("brand_id")));
				brandIds.add(rs.getObject("brand_id") == null ? null : rs.getLong("brand_id"));
				Surveys surveys = Surveys.of(rs);
				lines.add(new Line(rs.getString("brand_name"), rs.getLong("n"), rs.getLong("v"), null, volume,
						perMillion(rs.getLong("n"), volume), perMillion(rs.getLong("v"), volume), null, surveys.bureau(),
						surveys.postal(), surveys.express(), null));
				return null;
			})
			.list();
		long total = lines.stream().mapToLong(Line::complaints).sum();
		List<Line> result = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			Line l = lines.get(i);
			Long brand = brandIds.get(i);
			Aggregates.Completion completion = volumeCompletion(l.volume(), brand == null ? slice : slice.ofBrand(brand));
			// a rate over incomplete 快递业务量 is no number (不可比 beside the caveat)
			boolean comparable = completion.complete();
			result.add(new Line(l.key(), l.complaints(), l.valid(), share(l.complaints(), total), l.volume(),
					comparable ? l.perMillion() : null, comparable ? l.validPerMillion() : null, completion.caveat(),
					l.satisfaction(), l.postalSatisfaction(), l.expressSatisfaction(), completion.caveatWords()));
		}
		return result;
	}

	/**
	 * Enterprises that replied after the due date or have not answered past it, most often first (named in the notice):
	 * {@code late} counts replies made late, complaints awaiting the first reply past its due date and redos past theirs,
	 * as of {@link #asOf}; {@code replies} the complaints that were due a reply by then (replied, or awaiting one past
	 * its due date) — an enterprise that never replies is named, with every one of them late.
	 */
	public List<Late> lateRepliers(DataScope scope, String prefix, YearMonth from, YearMonth to) {
		Map<String, Object> params = params(scope, prefix, from, to);
		params.put("asOf", asOf(to));
		String unanswered = "(c.status = 'TRANSFERRED' AND c.step_due < :asOf)";
		String lateOrUnanswered = "(c.reply_late OR " + unanswered + " OR (c.status = 'RETURNED' AND c.step_due < :asOf))";
		return jdbc.sql("SELECT c.enterprise_name AS enterprise, count(*) FILTER (WHERE " + lateOrUnanswered + ") AS late, "
				+ "count(*) AS replies FROM complaint c" + period(prefix) + scope.regionPredicate("c.region_code")
				+ " AND c.enterprise_name IS NOT NULL AND (c.replied_on IS NOT NULL OR " + unanswered + ")"
				+ " GROUP BY 1 HAVING count(*) FILTER (WHERE " + lateOrUnanswered + ") > 0 ORDER BY 2 DESC, 1")
			.params(params)
			.query(Rows.of(Late.class))
			.list();
	}

	/**
	 * How complete the 快递业务量 behind a rate is: its caveat ("" when complete) and the caveat's words (null when
	 * complete); complete when there is no volume, hence no rate.
	 */
	private Aggregates.Completion volumeCompletion(BigDecimal volume, Slice slice) {
		return volume == null || volume.signum() == 0 ? new Aggregates.Completion(true, "", null)
				: aggregates.completion(indicators.get("express.volume"), slice);
	}

	private static Map<String, Object> params(DataScope scope, String prefix, YearMonth from, YearMonth to) {
		Map<String, Object> params = new HashMap<>(scope.params());
		params.put("from", from.atDay(1));
		params.put("to", to.atEndOfMonth());
		return params;
	}

	/**
	 * A rate in percent with one decimal, rounded down — exactly, in decimal arithmetic — so 100.0 is shown only when
	 * every one counts (6997 of 7000 is 99.9, never 100.0; a part below one in a thousand shows 0.0): the one helper
	 * every rate of the complaint figures, pages, exports and notices is computed with. A line's share of a breakdown is
	 * {@link #share}. The rule every module's rates follow ({@link Percentages#rate}).
	 * @return null when {@code whole} is 0 (no rate)
	 */
	public static BigDecimal percent(long part, long whole) {
		return Percentages.rate(part, whole, 1);
	}

	/**
	 * A line's share of a breakdown (主要问题, by brand, by county) in percent with one decimal, rounded half up
	 * (四舍五入) as a table of shares is: 27 of 662 is 4.1, not 4.0, so the column adds up to 100.0 but for rounding —
	 * a share states a proportion, not a threshold reached (rates are rounded down, {@link #percent}).
	 * @return null when {@code whole} is 0
	 */
	public static BigDecimal share(long part, long whole) {
		return Percentages.share(part, whole, 1);
	}

	static BigDecimal perMillion(long count, BigDecimal volume) {
		return volume == null || volume.signum() == 0 ? null
				: BigDecimal.valueOf(count).multiply(BigDecimal.valueOf(1_000_000)).divide(volume, 2, RoundingMode.HALF_UP);
	}
}
