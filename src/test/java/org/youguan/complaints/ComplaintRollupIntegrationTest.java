package org.youguan.complaints;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.kernel.DataScope;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures' roll-up stays equal to a recount from the complaint rows through a mix of every kind of change (filing,
 * acceptance with transfer, refusal, reply in time and late, return, call-backs, closure, withdrawal, the overdue
 * mark), and the figures read from it are those recounted.
 */
@IntegrationTest
class ComplaintRollupIntegrationTest {

	static final DataScope WUZHONG = ComplaintIntegrationTest.WUZHONG;

	static final DataScope SF = DataScope.enterprise(ComplaintIntegrationTest.SF_WUZHONG);

	/** A month no other test files complaints in. */
	static final YearMonth MONTH = YearMonth.of(2027, 3);

	@Autowired
	ComplaintIntake intake;

	@Autowired
	ComplaintProcedure procedure;

	@Autowired
	ComplaintTracking tracking;

	@Autowired
	ComplaintReminders reminders;

	@Autowired
	ComplaintFigures figures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	ComplaintIntake.Filed file(String county, String brand) {
		LocalDate today = LocalDate.now(clock);
		return intake.file(new ComplaintForm("王五", "13912345678", FilerRole.SENDER, county, brand, null,
				ComplaintIntegrationTest.waybill(), today.minusDays(20), today.minusDays(10), "电话", null, "延误",
				"中转或运输延误", null, "快件延误"), Channel.WEB, null, false);
	}

	ComplaintReply reply(Responsibility r) {
		return new ComplaintReply("经查属实", r, "赔偿", new BigDecimal("12.50"), true, true, "客服", "13800000000");
	}

	@Test
	void theRollUpEqualsARecountAfterEveryKindOfChange() {
		clock.set(LocalDateTime.of(2027, 3, 3, 9, 0));
		var closedValid = file("320506", "顺丰");
		var closedInvalid = file("320506", "顺丰");
		var rejected = file("320506", "中通");
		var withdrawn = file("320507", "顺丰");
		var late = file("320506", "顺丰");
		var received = file("320583", "圆通");
		procedure.acceptAndTransfer(WUZHONG, closedValid.id(), null, null);
		procedure.acceptAndTransfer(WUZHONG, closedInvalid.id(), null, null);
		procedure.acceptAndTransfer(WUZHONG, late.id(), null, null);
		procedure.reject(WUZHONG, rejected.id(), AcceptanceCondition.OUT_OF_SCOPE, "不属于受理范围");
		tracking.withdraw(withdrawn.number(), withdrawn.queryCode());
		procedure.reply(SF, closedValid.id(), reply(Responsibility.RESPONSIBLE));
		procedure.returnForRedo(WUZHONG, closedValid.id(), "未说明赔偿依据");
		procedure.reply(SF, closedValid.id(), reply(Responsibility.RESPONSIBLE));
		procedure.reply(SF, closedInvalid.id(), reply(Responsibility.NOT_RESPONSIBLE));
		procedure.callBack(WUZHONG, closedValid.id(), true, Satisfaction.SATISFIED, Satisfaction.SATISFIED, true);
		procedure.callBack(WUZHONG, closedInvalid.id(), true, Satisfaction.DISSATISFIED, Satisfaction.SATISFIED, false);
		procedure.close(WUZHONG, closedValid.id(), true, new BigDecimal("30"), null);
		procedure.close(WUZHONG, closedInvalid.id(), false, new BigDecimal("12.50"), null);
		clock.set(LocalDateTime.of(2027, 3, 25, 7, 30));
		assertThat(reminders.markOverdueReplies()).isPositive();
		procedure.reply(SF, late.id(), reply(Responsibility.PARTIAL));
		assertThat(received.number()).isNotBlank();

		assertThat(rolledUp()).isEqualTo(recounted()).isNotEmpty();
		DataScope province = DataScope.region("32");
		var totals = figures.totals(province, "3205", MONTH, MONTH);
		assertThat(totals).isEqualTo(figures.recountTotals(province, "3205", MONTH, MONTH));
		assertThat(totals.received()).isEqualTo(6);
		assertThat(totals.closed()).isEqualTo(2);
		assertThat(totals.valid()).isEqualTo(1);
		assertThat(totals.compensation()).isEqualByComparingTo("42.50");
		assertThat(figures.byBrand(province, "3205", MONTH, MONTH))
			.containsExactlyInAnyOrderElementsOf(figures.recountByBrand(province, "3205", MONTH, MONTH));
		assertThat(figures.by(province, "county", "3205", MONTH, MONTH))
			.containsExactlyElementsOf(figures.recountBy(province, "county", "3205", MONTH, MONTH));
	}

	private List<Map<String, Object>> rolledUp() {
		return jdbc.sql("""
				SELECT region_code, brand_id, received, accepted, not_accepted, closed, withdrawn, valid, transfer_on_time,
				       replied, reply_on_time, answered_in_time, surveyed, satisfied, compensation
				FROM complaint_rollup WHERE month = :month AND received <> 0 ORDER BY 1, 2""")
			.param("month", MONTH.atDay(1))
			.query()
			.listOfRows();
	}

	private List<Map<String, Object>> recounted() {
		return jdbc.sql("""
				SELECT c.region_code, c.brand_id, count(*) AS received,
				       count(*) FILTER (WHERE c.transferred_on IS NOT NULL) AS accepted,
				       count(*) FILTER (WHERE c.status = 'REJECTED') AS not_accepted,
				       count(*) FILTER (WHERE c.status = 'CLOSED') AS closed,
				       count(*) FILTER (WHERE c.status = 'WITHDRAWN') AS withdrawn,
				       count(*) FILTER (WHERE c.valid_complaint) AS valid,
				       count(*) FILTER (WHERE c.transferred_on <= c.transfer_due) AS transfer_on_time,
				       count(*) FILTER (WHERE c.replied_on IS NOT NULL) AS replied,
				       count(*) FILTER (WHERE c.replied_on IS NOT NULL AND NOT c.reply_late) AS reply_on_time,
				       count(*) FILTER (WHERE c.closed_on IS NOT NULL AND c.closed_on <= c.answer_due) AS answered_in_time,
				       count(*) FILTER (WHERE c.satisfaction IS NOT NULL) AS surveyed,
				       count(*) FILTER (WHERE c.satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED')) AS satisfied,
				       coalesce(sum(c.compensation_paid), 0)::numeric(16, 2) AS compensation
				FROM complaint c WHERE date_trunc('month', c.received_on) = :month GROUP BY 1, 2 ORDER BY 1, 2""")
			.param("month", MONTH.atDay(1))
			.query()
			.listOfRows();
	}
}
