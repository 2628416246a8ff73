package org.youguan.inspections;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.youguan.kernel.DataScope;
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
	 * @param overdueOrders of those, past their deadline and not rectified by it (rectified late, or not at all)
	 * @param leads case leads raised: inspections concluded as 立案线索 and orders that became leads when overdue
	 */
	public record Figures(long inspectedEnterprises, long inspectorVisits, long inspections, long rectificationOrders,
			long rectifiedOnTime, long overdueOrders, long leads) {
	}

	private final JdbcClient jdbc;

	InspectionFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The figures of inspections on days {@code from} … {@code to} (orders by their day of issue, leads by the day they
	 * were raised) in the region {@code prefix} ("" for the whole country) and the caller's scope; {@code today} decides
	 * which unrectified orders are overdue.
	 */
	public Figures figures(DataScope scope, String prefix, LocalDate from, LocalDate to, LocalDate today) {
		Map<String, Object> params = new HashMap<>(scope.params());
		params.put("from", from);
		params.put("to", to);
		params.put("today", today);
		params.put("prefix", prefix + "%");
		String records = "FROM inspection_record r WHERE r.inspected_on BETWEEN :from AND :to AND r.region_code LIKE :prefix AND "
				+ scope.regionPredicate("r.region_code");
		String orders = "FROM rectification_order o WHERE o.issued_on BETWEEN :from AND :to AND o.region_code LIKE :prefix AND "
				+ scope.regionPredicate("o.region_code");
		return jdbc.sql("SELECT (SELECT count(DISTINCT r.enterprise_credit_code) " + records + ") AS inspected_enterprises,"
				+ " (SELECT count(*) FROM inspection_record_inspector t WHERE t.record_id IN (SELECT r.id " + records
				+ ")) AS inspector_visits," + " (SELECT count(*) " + records + ") AS inspections,"
				+ " (SELECT count(*) " + orders + ") AS rectification_orders,"
				+ " (SELECT count(*) " + orders + " AND o.rectified_on <= o.due_on) AS rectified_on_time,"
				+ " (SELECT count(*) " + orders + " AND (o.rectified_on > o.due_on OR o.rectified_on IS NULL AND o.due_on < :today))"
				+ " AS overdue_orders,"
				+ " (SELECT count(*) " + records + " AND r.outcome = 'LEAD') + (SELECT count(*) FROM rectification_order o"
				+ " WHERE o.lead_raised_on BETWEEN :from AND :to AND o.region_code LIKE :prefix AND "
				+ scope.regionPredicate("o.region_code") + ") AS leads")
			.params(params)
			.query(Rows.of(Figures.class))
			.single();
	}
}
