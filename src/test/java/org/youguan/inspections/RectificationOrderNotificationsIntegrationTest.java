package org.youguan.inspections;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.notifications.Notification;
import org.youguan.notifications.Notifications;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A 责令改正通知书 issued reaches the enterprise ordered on its portal's notification list with its number and the last
 * day to rectify ({@link RectificationOrdered} → notifications) — once, even when the event is delivered again — and no
 * other enterprise's list.
 */
@IntegrationTest
class RectificationOrderNotificationsIntegrationTest {

	static final DataScope WUZHONG = DataScope.region("320506");

	@Autowired
	UserDirectory directory;

	@Autowired
	InspectionRecords records;

	@Autowired
	InspectionOrders orders;

	@Autowired
	Notifications notifications;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	/**
	 * The titles on the list of {@code creditCode}'s portal that link order {@code id}, from its newest page (the shared
	 * test database holds many older notifications of the same enterprise).
	 */
	List<String> listed(String creditCode, long id) {
		return notifications.page(DataScope.enterprise(creditCode), null, PageQuery.of(null, 0, 100, "created_at", "desc"))
			.items().stream().filter(n -> n.link().equals("/enterprise/inspections/orders/" + id)).map(Notification::title)
			.toList();
	}

	@Test
	void anIssuedOrderReachesTheEnterpriseWithItsDeadlineOnce() {
		String sf = directory.principal("sf.wz").map(CurrentUser::enterpriseCreditCode).orElseThrow();
		LocalDate today = LocalDate.now(clock);
		long record = tx.execute(s -> records.record(WUZHONG, null, new InspectionRecordData(sf, today.toString(), "SPECIAL",
				List.of("REAL_NAME"), List.of(new InspectionRecordData.TeamMember("陈吴中", "32050601"),
						new InspectionRecordData.TeamMember("沈执法", "32050602")),
				"RECTIFICATION", "实名收寄登记不全（" + UUID.randomUUID() + "）", null, null), false, false));
		InspectionOrders.Order order = orders.issue(WUZHONG, record, "320506", 5);
		assertThat(order.dueOn()).isEqualTo(calendar.plusWorkingDays(today, 5));

		await().atMost(Duration.ofSeconds(30)).until(() -> !listed(sf, order.id()).isEmpty());
		assertThat(listed(sf, order.id())).singleElement().asString()
			.contains(order.number(), "已于" + ChineseText.day(today) + "下达", "整改期限至" + ChineseText.day(order.dueOn()) + "（含当日）");

		tx.executeWithoutResult(s -> events.publishEvent(new RectificationOrdered(order.id(), order.number(), "320506",
				sf, today, order.dueOn(), 5, false)));
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> listed(sf, order.id()).size() == 1);
		String other = jdbc.sql("SELECT credit_code FROM enterprise WHERE credit_code <> :sf ORDER BY credit_code LIMIT 1")
			.param("sf", sf).query(String.class).single();
		assertThat(listed(other, order.id())).isEmpty();
		assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE link = :link AND audience_kind <> 'ENTERPRISE'")
			.param("link", "/enterprise/inspections/orders/" + order.id()).query(Long.class).single()).isZero();
	}
}
