package org.youguan.inspections;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.RegionPrefix;
import org.youguan.kernel.Rows;

/**
 * The inspection figures of a period and region, as a bureau's report states them ("上半年共检查企业88家，出检176人次，
 * 下达《责令改正通知书》5份").
 */
@Service
public class InspectionFigures {

	/**
	 * The period's figures (stable contract of {@code GET /api/v1/inspections/figures}).
	 * @param inspectedEnterprises distinct enterprises inspected (检查企业N家)
	 * @param inspectorVisits 出检人次: each inspector on each inspection
	 * @param inspections inspections carried out
	 * @param rectificationOrders 责令改正通知书 issued in the period
	 * @param rectifiedOnTime of those, rectified by their deadline
	 * @param overdueOrders of those, 逾期未整改: past their deadline and not rectified — the orders the list
	 * {@code state=OVERDUE} shows ({@link InspectionOrders.State#OVERDUE}), counted by the same rule
	 * @param rectifiedLate of those, 逾期整改: rectified, but after their deadline
	 * @param leads case leads raised: inspections concluded as 立案线索 and orders that became leads when overdue
	 * @param reinspections 复查: re-inspections done in the period — orders of the region whose 复查 result was recorded
	 *        on a day of it ({@code reinspected_on}); a 复查 only scheduled is not one done
	 */
	public record Figures(long inspectedEnterprises, long inspectorVisits, long inspections, long rectificationOrders,
			long rectifiedOnTime, long overdueOrders, long rectifiedLate, long leads, long reinspections) {
	}

	/**
	 * The inspections of one item in the period, by their outcome (an inspection counts under each item it checked),
	 * and the results of its checklist lines as recorded on the platform's field records (符合 / 不符合 / 不涉及; records
	 * brought with a bureau's history carry no line results).
	 * @param code the item's code; {@code null} for the line of all inspections
	 * @param name the item's name ("全部检查" for the line of all inspections)
	 * @param compliant checklist lines recorded 符合
	 * @param noncompliant checklist lines recorded 不符合
	 * @param notApplicable checklist lines recorded 不涉及
	 */
	public record ItemLine(String code, String name, long inspections, long none, long interview, long rectification,
			long lead, long compliant, long noncompliant, long notApplicable) {

		/** The count of one outcome. */
		public long of(InspectionOutcome outcome) {
			return switch (outcome) {
				case NONE -> none;
				case INTERVIEW -> interview;
				case RECTIFICATION -> rectification;
				case LEAD -> lead;
			};
		}
	}

	private final JdbcClient jdbc;

	InspectionFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The figures of inspections on days {@code from} … {@code to} (orders by their day of issue, leads by the day they
	 * were raised) in the region {@code prefix} ("" for the whole country) and the caller's scope; {@code today} decides
	 * which unrectified orders are overdue.
	 * @throws org.youguan.kernel.InvalidValueException (400, field region) unless {@code prefix} is digits
	 */
	public Figures figures(DataScope scope, String prefix, LocalDate from, LocalDate to, LocalDate today) {
		Map<String, Object> params = new HashMap<>(scope.params());
		params.put("from", from);
		params.put("to", to);
		params.put("today", today);
		String records = "FROM inspection_record r WHERE r.inspected_on BETWEEN :from AND :to AND " + within(scope, prefix, "r");
		String orders = "FROM rectification_order o WHERE o.issued_on BETWEEN :from AND :to AND " + within(scope, prefix, "o");
		return jdbc.sql("SELECT (SELECT count(DISTINCT r.enterprise_credit_code) " + records + ") AS inspected_enterprises,"
				+ " (SELECT count(*) FROM inspection_record_inspector t WHERE t.record_id IN (SELECT r.id " + records
				+ ")) AS inspector_visits," + " (SELECT count(*) " + records + ") AS inspections,"
				+ " (SELECT count(*) " + orders + ") AS rectification_orders,"
				+ " (SELECT count(*) " + orders + " AND o.rectified_on <= o.due_on) AS rectified_on_time,"
				+ " (SELECT count(*) " + orders + " AND " + InspectionOrders.State.OVERDUE.predicate() + ") AS overdue_orders,"
				+ " (SELECT count(*) " + orders + " AND o.rectified_on > o.due_on) AS rectified_late,"
				+ " (SELECT count(*) " + records + " AND r.outcome = 'LEAD') + (SELECT count(*) FROM rectification_order o"
				+ " WHERE o.lead_raised_on BETWEEN :from AND :to AND " + within(scope, prefix, "o") + ") AS leads,"
				+ " (SELECT count(*) FROM rectification_order o WHERE o.reinspected_on BETWEEN :from AND :to AND "
				+ within(scope, prefix, "o") + ") AS reinspections")
			.params(params)
			.query(Rows.of(Figures.class))
			.single();
	}

	/**
	 * Rows of table {@code alias} in the region asked for ({@link RegionPrefix}: its digits written in) and the
	 * caller's scope.
	 */
	private static String within(DataScope scope, String prefix, String alias) {
		return RegionPrefix.of(prefix).predicate(alias + ".region_code") + " AND " + scope.regionPredicate(alias + ".region_code");
	}

	/**
	 * The inspections of days {@code from} … {@code to} in the region {@code prefix} and the caller's scope by item and
	 * outcome: one line per item of the catalogue that was checked (in the catalogue's order), then the line of all
	 * inspections by outcome (code {@code null}, name 全部检查) — its count is the figures' {@code inspections}, while
	 * the item lines may add up to more, an inspection checking several items; each line with the results of the
	 * item's checklist lines (符合 / 不符合 / 不涉及).
	 * @throws org.youguan.kernel.InvalidValueException (400, field region) unless {@code prefix} is digits
	 */
	public List<ItemLine> byItem(DataScope scope, String prefix, LocalDate from, LocalDate to) {
		Map<String, Object> params = new HashMap<>(scope.params());
		params.put("from", from);
		params.put("to", to);
		String records = "r.inspected_on BETWEEN :from AND :to AND " + within(scope, prefix, "r");
		String outcomes = "count(*) AS inspections, count(*) FILTER (WHERE r.outcome = 'NONE') AS none,"
				+ " count(*) FILTER (WHERE r.outcome = 'INTERVIEW') AS interview,"
				+ " count(*) FILTER (WHERE r.outcome = 'RECTIFICATION') AS rectification,"
				+ " count(*) FILTER (WHERE r.outcome = 'LEAD') AS lead";
		String lineResults = "(SELECT count(*) FROM inspection_record_line l WHERE l.record_id = r.id%s AND l.result = '%s')";
		String perItem = " AND l.item_code = i.item_code";
		String sum = "CAST(coalesce(sum(%s), 0) AS bigint) AS %s";
		String itemLines = ", " + sum.formatted(lineResults.formatted(perItem, "COMPLIANT"), "compliant") + ", "
				+ sum.formatted(lineResults.formatted(perItem, "NONCOMPLIANT"), "noncompliant") + ", "
				+ sum.formatted(lineResults.formatted(perItem, "NOT_APPLICABLE"), "not_applicable");
		String allLines = ", " + sum.formatted(lineResults.formatted("", "COMPLIANT"), "compliant") + ", "
				+ sum.formatted(lineResults.formatted("", "NONCOMPLIANT"), "noncompliant") + ", "
				+ sum.formatted(lineResults.formatted("", "NOT_APPLICABLE"), "not_applicable");
		List<ItemLine> lines = new ArrayList<>(jdbc.sql("SELECT i.item_code AS code, coalesce(min(c.name), i.item_code) AS name, "
				+ outcomes + itemLines + " FROM inspection_record r JOIN inspection_record_item i ON i.record_id = r.id"
				+ " LEFT JOIN inspection_item c ON c.code = i.item_code WHERE " + records
				+ " GROUP BY i.item_code ORDER BY min(c.sort_order), i.item_code")
			.params(params)
			.query(Rows.of(ItemLine.class))
			.list());
		lines.add(jdbc.sql("SELECT NULL AS code, '全部检查' AS name, " + outcomes + allLines
				+ " FROM inspection_record r WHERE " + records)
			.params(params)
			.query(Rows.of(ItemLine.class))
			.single());
		return lines;
	}
}
