package org.youguan.enforcement;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.IntegrationTest;
import org.youguan.enforcement.internal.CaseWork;
import org.youguan.kernel.ChineseText;
import org.youguan.registry.EnterpriseView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.youguan.enforcement.PartyCases.ALL;

/**
 * The steps of a penalty case addressed to the party reach the enterprise's users on their portal (站内通知, through
 * {@link PenaltyStepServed}): the 事先告知书 with its statement and hearing window, the 听证通知书 with the hearing's
 * day, the 行政处罚决定书 served with the last day to pay — each once, to the enterprise, linking its case page.
 */
@IntegrationTest
class PenaltyPartyNotificationsIntegrationTest {

	@Autowired
	PartyCases party;

	@Autowired
	NoticeAndHearing noticeAndHearing;

	@Autowired
	CaseExecution caseExecution;

	@Autowired
	CaseWork caseWork;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	/** The notifications to {@code e}'s users that link case {@code id}, oldest first, once {@code count} arrived. */
	List<String> toTheParty(EnterpriseView e, long id, int count) {
		String link = "/enterprise/penalties/" + id;
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
				SELECT count(*) FROM notification WHERE audience_kind = 'ENTERPRISE' AND audience = :code AND link = :link""")
			.param("code", e.creditCode()).param("link", link).query(Long.class).single() >= count);
		return jdbc.sql("""
				SELECT title FROM notification WHERE audience_kind = 'ENTERPRISE' AND audience = :code AND link = :link
				ORDER BY id""").param("code", e.creditCode()).param("link", link).query(String.class).list();
	}

	@Test
	void theNoticeAndTheHearingNoticeReachTheEnterpriseWithTheirDays() {
		EnterpriseView e = party.sfWuzhong();
		LocalDate today = LocalDate.now(clock);
		long id = party.notified(e, "DELIVERY_WITHOUT_CONSENT", "10000", today);
		CaseView c = party.cases().get(ALL, id).penaltyCase();
		assertThat(c.hearingRight()).isTrue();

		assertThat(toTheParty(e, id, 1)).singleElement().asString()
			.contains(c.number(), "行政处罚事先告知书", "陈述申辩、申请听证期限至" + ChineseText.day(c.hearingRequestDue()) + "（含当日）");

		noticeAndHearing.requestHearing(ALL, id, today.toString());
		LocalDate hearingOn = caseWork.clock(c).onOrNextWorkingDay(caseWork.clock(c).hearingEarliest(today));
		noticeAndHearing.noticeHearing(ALL, id, new NoticeAndHearing.HearingNotice(today.toString(), hearingOn.toString(),
				"吴中区邮政管理局听证室", party.user("wz.review")));
		List<String> titles = toTheParty(e, id, 2);
		assertThat(titles).hasSize(2);
		assertThat(titles.get(1)).contains("听证通知书", "听证定于" + ChineseText.day(hearingOn) + "举行");
	}

	@Test
	void theDecisionServedReachesTheEnterpriseWithTheLastDayToPayOnce() {
		EnterpriseView e = party.sfWuzhong();
		LocalDate today = LocalDate.now(clock);
		long id = party.decided(e, "DATA_NOT_REPORTED", "FINE", "3000", today);
		caseExecution.deliver(ALL, id, CaseExecution.Delivery.direct(today.toString()));
		LocalDate due = party.cases().get(ALL, id).deadlines().paymentDue();

		List<String> titles = toTheParty(e, id, 2);
		assertThat(titles).hasSize(2);
		assertThat(titles.get(1)).contains("行政处罚决定书已于" + ChineseText.day(today) + "送达", "缴纳期限至" + ChineseText.day(due) + "（含当日）");
		// sent to the enterprise's users only: no staff region receives it
		assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE link = :link AND audience_kind <> 'ENTERPRISE'")
			.param("link", "/enterprise/penalties/" + id).query(Long.class).single()).isZero();
	}
}
