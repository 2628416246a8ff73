package org.youguan.complaints;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.kernel.DataScope;
import org.youguan.notifications.Notification;
import org.youguan.notifications.Notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The complaint module talks to notifications only through its published events: a closed complaint reaches the
 * enterprise it was transferred to, a referral reaches the staff of the complaint's region (never the enterprise), each
 * only after the step commits; the referral carries everything a penalty-case module needs to open a lead.
 */
@IntegrationTest
@Import(ComplaintEventsIntegrationTest.Referrals.class)
class ComplaintEventsIntegrationTest {

	static final DataScope WUZHONG = ComplaintIntegrationTest.WUZHONG;

	static final DataScope SF = DataScope.enterprise(ComplaintIntegrationTest.SF_WUZHONG);

	/** Records the referrals published, as a future penalty-case module would receive them. */
	@TestConfiguration
	static class Referrals {

		final List<ComplaintReferred> received = new CopyOnWriteArrayList<>();

		@EventListener
		void on(ComplaintReferred referred) {
			received.add(referred);
		}
	}

	@Autowired
	ComplaintIntake intake;

	@Autowired
	ComplaintProcedure procedure;

	@Autowired
	Notifications notifications;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	Referrals referrals;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void closingNotifiesTheEnterpriseAfterCommitAndReferringNotifiesTheRegionWithAFullLead() {
		LocalDate today = LocalDate.now(clock);
		var filed = intake.file(ComplaintIntegrationTest.form(today.minusDays(20), today.minusDays(10), null,
				ComplaintIntegrationTest.waybill()), Channel.WEB, null, false);
		long id = filed.id();
		procedure.acceptAndTransfer(WUZHONG, id, null, null);
		procedure.reply(SF, id, new ComplaintReply("经查属实", Responsibility.RESPONSIBLE, "赔偿并致歉", new BigDecimal("20"),
				true, true, "客服", "13800000000"));
		procedure.callBack(WUZHONG, id, true, Satisfaction.SATISFIED, true);

		tx.executeWithoutResult(status -> {
			procedure.close(WUZHONG, id, null, "已赔偿");
			assertThat(about(SF, filed.number())).as("nothing is told before the closure commits").isEmpty();
		});
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(about(SF, filed.number())).singleElement()
			.satisfies(n -> {
				assertThat(n.title()).contains("已办结").contains("有效申诉")
					.as("the number says 申诉 already").startsWith(filed.number()).doesNotContain("申诉申诉");
				assertThat(n.link()).isEqualTo("/enterprise/complaints/" + id);
			}));

		procedure.refer(WUZHONG, id, "同一网点多次虚假签收");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(about(WUZHONG, filed.number()))
			.anySatisfy(n -> assertThat(n.title()).contains("移送执法线索").contains("同一网点多次虚假签收")));
		assertThat(about(SF, filed.number())).as("the enterprise is not told of a lead").hasSize(1);
		assertThat(about(DataScope.region("320507"), filed.number())).as("another county's bureau").isEmpty();

		assertThat(referrals.received).filteredOn(r -> r.complaintId() == id).singleElement().satisfies(r -> {
			assertThat(r.number()).isEqualTo(filed.number());
			assertThat(r.regionCode()).isEqualTo("320506");
			assertThat(r.enterpriseCreditCode()).isEqualTo(ComplaintIntegrationTest.SF_WUZHONG);
			assertThat(r.brandName()).isEqualTo("顺丰");
			assertThat(r.category()).isEqualTo("延误");
			assertThat(r.complaintReason()).isEqualTo("中转或运输延误");
			assertThat(r.valid()).isTrue();
			assertThat(r.referralReason()).isEqualTo("同一网点多次虚假签收");
			assertThat(r.referredAt()).isEqualTo(clock.instant());
			assertThat(r.referredBy()).isNotBlank();
		});
	}

	private List<Notification> about(DataScope scope, String number) {
		return notifications.recent(scope, null, 500).stream().filter(n -> n.title().contains(number)).toList();
	}
}
