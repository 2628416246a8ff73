package org.youguan.inspections;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.CalendarRecountTest;
import org.youguan.IntegrationTest;
import org.youguan.kernel.DataScope;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A 责令改正 order issued in late December has its working-day deadline counted on the provisional calendar of a year
 * whose holiday notice is not loaded; loading the notice counts it again, later, so the order does not fall overdue
 * (and become a case lead) before its working days are over. An order whose recount would come out earlier keeps the
 * day its notice printed, and the enterprise is told the moved day. 2054 is used by no other test.
 */
@IntegrationTest
class OrderDeadlineRecountIntegrationTest extends CalendarRecountTest {

	static final DataScope WUZHONG = DataScope.region("320506");

	@Autowired
	UserDirectory directory;

	@Autowired
	InspectionRecords records;

	@Autowired
	InspectionOrders orders;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcClient jdbc;

	@Test
	void loadingTheYearMovesAnOpenOrdersDeadlineLaterNeverEarlier() {
		// Mon 2053-12-29 + 5 working days: 12-30, 12-31, (01-01 元旦 by law) 01-02, 01-05, 01-06
		LocalDate issued = LocalDate.of(2053, 12, 29);
		assertThat(calendar.plusWorkingDays(issued, 5)).isEqualTo(LocalDate.of(2054, 1, 6));
		assertThat(calendar.isProvisional(LocalDate.of(2054, 1, 6))).isTrue();
		long open = issuedOn(issued, LocalDate.of(2054, 1, 6));
		// an order whose notice printed a later day than the law's count (as if typed by hand) keeps it
		long later = issuedOn(issued, LocalDate.of(2054, 1, 9));

		notices.loadDaysOff(LocalDate.of(2054, 1, 1), LocalDate.of(2054, 1, 2));

		// the recount runs after the load commits, on the event publication registry: 12-30, 12-31, 01-05, 01-06, 01-07
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(orders.get(WUZHONG, open).dueOn()).isEqualTo(LocalDate.of(2054, 1, 7)));
		assertThat(orders.get(WUZHONG, later).dueOn()).isEqualTo(LocalDate.of(2054, 1, 9));
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'inspection.order.recount' AND object_id = :r")
			.param("r", String.valueOf(orders.get(WUZHONG, open).recordId())).query(Long.class).single()).isEqualTo(1);
		// the enterprise is told the moved day (RectificationOrdered → notifications), the order that kept its day is not
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(titles(open)).hasSize(2));
		assertThat(titles(open).get(1)).contains("整改期限已改为至2054年1月7日（含当日");
		assertThat(titles(later)).hasSize(1);
	}

	/** The enterprise's notifications linking order {@code id}, oldest first. */
	List<String> titles(long id) {
		return jdbc.sql("SELECT title FROM notification WHERE audience_kind = 'ENTERPRISE' AND link = :link ORDER BY id")
			.param("link", "/enterprise/inspections/orders/" + id).query(String.class).list();
	}

	/**
	 * An order of 5 working days on a new inspection, moved to {@code issuedOn} with {@code dueOn} in the database (the
	 * roster's demo certificates end before the test year, so the inspection itself is recorded today).
	 */
	long issuedOn(LocalDate issuedOn, LocalDate dueOn) {
		String sf = directory.principal("sf.wz").map(CurrentUser::enterpriseCreditCode).orElseThrow();
		long record = tx.execute(s -> records.record(WUZHONG, null, new InspectionRecordData(sf,
				LocalDate.now(clock).toString(), "SPECIAL", List.of("REAL_NAME"),
				List.of(new InspectionRecordData.TeamMember("陈吴中", "32050601"),
						new InspectionRecordData.TeamMember("沈执法", "32050602")),
				"RECTIFICATION", "实名收寄登记不全（" + UUID.randomUUID() + "）", null, null), false, false));
		long id = orders.issue(WUZHONG, record, "320506", 5).id();
		jdbc.sql("UPDATE rectification_order SET issued_on = :issued, due_on = :due WHERE id = :id")
			.param("issued", issuedOn).param("due", dueOn).param("id", id).update();
		return id;
	}
}
