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
	ComplaintQueries queries;

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
		var filed = repliedBySf();
		long id = filed.id();
		procedure.callBack(WUZHONG, id, true, Satisfaction.SATISFIED, Satisfaction.SATISFIED, true);

		tx.executeWithoutResult(status -> {
			procedure.close(WUZHONG, id, true, new BigDecimal("20"), "已赔偿");
			assertThat(about(SF, filed.number(), "已办结")).as("nothing is told before the closure commits").isEmpty();
		});
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(about(SF, filed.number(), "已办结")).singleElement()
			.satisfies(n -> {
				assertThat(n.title()).contains("已办结")
					.as("the bureau's 有效申诉 decision is not the enterprise's to read").doesNotContain("有效申诉")
					.as("the number says 申诉 already").startsWith(filed.number()).doesNotContain("申诉申诉");
				assertThat(n.link()).isEqualTo("/enterprise/complaints/" + id);
			}));

		procedure.refer(WUZHONG, id, "同一网点多次虚假签收");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(about(WUZHONG, filed.number()))
			.anySatisfy(n -> assertThat(n.title()).contains("移送执法线索").contains("同一网点多次虚假签收")));
		assertThat(about(SF, filed.number(), "移送")).as("the enterprise is not told of a lead").isEmpty();
		assertThat(about(SF, filed.number())).as("transferred and closed only").hasSize(2);
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

	/**
	 * Attack round (M2): the referral's notification put the typed reason in its title raw, ID and mobile numbers
	 * included; every reader of the region's notifications saw them. The title shows them masked.
	 */
	@Test
	void aReferralsNotificationShowsPersonalNumbersInItsReasonMasked() {
		long id = closed(Responsibility.RESPONSIBLE);
		String number = queries.get(WUZHONG, id).number();
		procedure.refer(WUZHONG, id, "用户13912345678反映，寄件人身份证110101199003071234同一网点多次虚假签收");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(about(WUZHONG, number, "移送执法线索"))
			.singleElement()
			.satisfies(n -> assertThat(n.title()).contains("139****5678").contains("110101********1234")
				.doesNotContain("13912345678").doesNotContain("110101199003071234")));
	}

	/**
	 * Attack round (L2): the enterprise heard nothing when a complaint was transferred to it or returned for redoing, the
	 * bureau nothing of a new complaint or a reply. Each step now tells its audience: the county's bureau (and those
	 * above it) of a new complaint and a reply, the enterprise of a transfer and a return — never another enterprise
	 * or county.
	 */
	@Test
	void eachHandOverTellsWhoActsNext() {
		LocalDate today = LocalDate.now(clock);
		var filed = intake.file(ComplaintIntegrationTest.form(today.minusDays(20), today.minusDays(10), null,
				ComplaintIntegrationTest.waybill()), Channel.WEB, null, false);
		long id = filed.id();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(about(WUZHONG, filed.number(), "审查受理"))
			.singleElement().satisfies(n -> assertThat(n.link()).isEqualTo("/complaints/" + id)));
		assertThat(about(SF, filed.number())).as("not yet the enterprise's").isEmpty();

		procedure.acceptAndTransfer(WUZHONG, id, null, null);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(about(SF, filed.number(), "已转办本企业"))
			.singleElement().satisfies(n -> assertThat(n.link()).isEqualTo("/enterprise/complaints/" + id)));

		var reply = new ComplaintReply("经查属实", Responsibility.RESPONSIBLE, "赔偿并致歉", new BigDecimal("20"), true, true,
				"客服", "13800000000");
		procedure.reply(SF, id, reply);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(about(WUZHONG, filed.number(), "已答复"))
			.singleElement().satisfies(n -> assertThat(n.title()).contains("有责").contains("回访")));

		procedure.returnForRedo(WUZHONG, id, "未说明赔偿依据");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(about(SF, filed.number(), "退回重办"))
			.singleElement().satisfies(n -> assertThat(n.link()).isEqualTo("/enterprise/complaints/" + id)));
		procedure.reply(SF, id, reply);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(about(WUZHONG, filed.number(), "已重新答复"))
			.hasSize(1));

		assertThat(about(DataScope.region("320507"), filed.number())).as("another county's bureau").isEmpty();
		assertThat(about(DataScope.enterprise("91320507MA00000000"), filed.number())).as("another enterprise").isEmpty();
	}

	/**
	 * A mediation is published as the other steps are ({@link ComplaintMediated}, after commit): the enterprise is told
	 * the result and the amount agreed, with a link to its page; another enterprise and the staff are not.
	 */
	@Test
	void aMediationTellsTheEnterpriseItsResult() {
		var filed = repliedBySf();
		long id = filed.id();
		procedure.mediate(WUZHONG, id, MediationResult.SUCCEEDED, "企业赔偿并道歉", new BigDecimal("20"));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(about(SF, filed.number(), "调解"))
			.singleElement().satisfies(n -> {
				assertThat(n.title()).contains("调解成功", "约定赔偿20元");
				assertThat(n.link()).isEqualTo("/enterprise/complaints/" + id);
			}));
		assertThat(about(WUZHONG, filed.number(), "调解")).as("the bureau recorded it").isEmpty();
		assertThat(about(DataScope.enterprise("91320507MA00000000"), filed.number())).as("another enterprise").isEmpty();
	}

	/** A complaint filed today, transferred to 顺丰 in 吴中 and replied to by it (有责, 20 yuan). */
	ComplaintIntake.Filed repliedBySf() {
		LocalDate today = LocalDate.now(clock);
		var filed = intake.file(ComplaintIntegrationTest.form(today.minusDays(20), today.minusDays(10), null,
				ComplaintIntegrationTest.waybill()), Channel.WEB, null, false);
		procedure.acceptAndTransfer(WUZHONG, filed.id(), null, null);
		procedure.reply(SF, filed.id(), new ComplaintReply("经查属实", Responsibility.RESPONSIBLE, "赔偿并致歉",
				new BigDecimal("20"), true, true, "客服", "13800000000"));
		return filed;
	}

	/** A complaint transferred to 顺丰 in 吴中, replied with this responsibility, called back and closed as valid. */
	long closed(Responsibility responsibility) {
		LocalDate today = LocalDate.now(clock);
		long id = intake.file(ComplaintIntegrationTest.form(today.minusDays(20), today.minusDays(10), null,
				ComplaintIntegrationTest.waybill()), Channel.WEB, null, false).id();
		procedure.acceptAndTransfer(WUZHONG, id, null, null);
		procedure.reply(SF, id, new ComplaintReply("经查属实", responsibility, "赔偿并致歉", new BigDecimal("20"), true, true,
				"客服", "13800000000"));
		procedure.callBack(WUZHONG, id, true, Satisfaction.SATISFIED, Satisfaction.SATISFIED, true);
		procedure.close(WUZHONG, id, true, new BigDecimal("20"), null);
		return id;
	}

	private List<Notification> about(DataScope scope, String number) {
		return notifications.recent(scope, null, 500).stream().filter(n -> n.title().contains(number)).toList();
	}

	private List<Notification> about(DataScope scope, String number, String saying) {
		return about(scope, number).stream().filter(n -> n.title().contains(saying)).toList();
	}
}
