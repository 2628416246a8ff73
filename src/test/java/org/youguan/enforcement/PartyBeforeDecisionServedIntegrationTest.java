package org.youguan.enforcement;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.jayway.jsonpath.JsonPath;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.RandomDigits;
import org.youguan.SignIn;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.enforcement.internal.AnnulmentNotices;
import org.youguan.enforcement.internal.DeemedServices;
import org.youguan.kernel.ChineseText;
import org.youguan.registry.EnterpriseView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.youguan.enforcement.EnterprisePenaltyIntegrationTest.SF;
import static org.youguan.enforcement.PartyCases.ALL;

/**
 * A decision is the party's once served (行政处罚法(2021) art.61; by public notice on its deemed day, 民事诉讼法(2023)
 * art.95): before that the party learns neither of it nor of what became of it — not from a step's refusal (a 申请听证
 * refused with "案件当前状态为“已决定”"), not from the reply window's line, not from a notice of its change or
 * annulment sent while its public notice runs (told on the deemed day instead) —, and a past case imported, served off
 * the platform, reads served, never 尚未送达.
 */
@IntegrationTest
class PartyBeforeDecisionServedIntegrationTest {

	@Autowired
	PartyCases party;

	@Autowired
	NoticeAndHearing noticeAndHearing;

	@Autowired
	CaseDecisions caseDecisions;

	@Autowired
	CaseExecution caseExecution;

	@Autowired
	DecisionOutcomes decisionOutcomes;

	@Autowired
	DeemedServices deemedServices;

	@Autowired
	AnnulmentNotices annulmentNotices;

	@Autowired
	PastCases pastCases;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	Clock clock;

	/** A case notified today, the party's statement waived on paper, decided today and not delivered. */
	long decidedUndelivered(LocalDate today) {
		long id = party.notified(party.sfWuzhong(), "DATA_NOT_REPORTED", "3000", today);
		noticeAndHearing.waiveStatement(ALL, id, today.toString(), PartyCases.waiver());
		caseDecisions.decide(ALL, id, new CaseDecisions.Decision(null, today.toString(), "FINE", "3000", null, null, null));
		return id;
	}

	/**
	 * Every party step on a decision made and not served is refused without naming the decision or its state — in the
	 * words an undecided case alike is refused with, its window open or passed.
	 */
	@Test
	void aPartyStepRefusedBeforeTheDecisionIsServedNamesNeitherTheDecisionNorItsState() throws Exception {
		LocalDate today = LocalDate.now(clock);
		long id = decidedUndelivered(today);
		String api = "/api/v1/enterprise/penalties/" + id;
		for (String[] step : new String[][] { { "/hearing", "{}", "申请听证" }, { "/hearing-waiver", "{\"confirm\":true}", "放弃听证" },
				{ "/statement-waiver", "{\"confirm\":true}", "放弃陈述申辩" } }) {
			mvc.perform(post(api + step[0]).header("Authorization", SF).contentType(MediaType.APPLICATION_JSON).content(step[1]))
				.andExpect(status().is4xxClientError())
				.andExpect(jsonPath("$.detail").value(not(containsString("决定"))))
				.andExpect(content().string(not(containsString(CaseStatus.DECIDED.label()))));
		}
		sameRefusalsDecidedOrNot(today, today);
		// decided once the window passed, as most cases are: told the window passed, as an undecided case is
		sameRefusalsDecidedOrNot(today, today.minusDays(20));
		mvc.perform(post("/enterprise/penalties/" + id + "/hearing").session(SignIn.session(mvc, "sf.wz"))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andExpect(content().string(not(containsString(CaseStatus.DECIDED.label()))));
		mvc.perform(get(api).header("Authorization", SF)).andExpect(status().isOk())
			.andExpect(jsonPath("$.canReply").value(false)).andExpect(jsonPath("$.canRequestHearing").value(false));
	}

	/**
	 * Two cases alike — notified on {@code notifiedOn}, the statement waived on paper — one decided (not delivered), one
	 * not: every party step is refused with the same status and the same words on both, so the refusal tells the party
	 * nothing of a decision before it is served (行政处罚法(2021) art.61).
	 */
	private void sameRefusalsDecidedOrNot(LocalDate today, LocalDate notifiedOn) throws Exception {
		long undecided = party.notified(party.sfWuzhong(), "DATA_NOT_REPORTED", "3000", notifiedOn);
		noticeAndHearing.waiveStatement(ALL, undecided, notifiedOn.toString(), PartyCases.waiver());
		long decided = party.notified(party.sfWuzhong(), "DATA_NOT_REPORTED", "3000", notifiedOn);
		noticeAndHearing.waiveStatement(ALL, decided, notifiedOn.toString(), PartyCases.waiver());
		caseDecisions.decide(ALL, decided, new CaseDecisions.Decision(null, today.toString(), "FINE", "3000", null, null, null));
		for (String[] step : new String[][] { { "/hearing", "{}" }, { "/hearing-waiver", "{\"confirm\":true}" },
				{ "/statement-waiver", "{\"confirm\":true}" }, { "/statement", "{\"statement\":\"我司已整改\"}" } }) {
			var before = mvc.perform(post("/api/v1/enterprise/penalties/" + undecided + step[0]).header("Authorization", SF)
				.contentType(MediaType.APPLICATION_JSON).content(step[1])).andReturn().getResponse();
			var after = mvc.perform(post("/api/v1/enterprise/penalties/" + decided + step[0]).header("Authorization", SF)
				.contentType(MediaType.APPLICATION_JSON).content(step[1])).andReturn().getResponse();
			assertThat(before.getStatus()).as(step[0] + " " + notifiedOn).isGreaterThanOrEqualTo(400);
			assertThat(after.getStatus()).as(step[0] + " " + notifiedOn).isEqualTo(before.getStatus());
			assertThat((String) JsonPath.read(after.getContentAsString(), "$.detail")).as(step[0] + " " + notifiedOn)
				.isEqualTo(JsonPath.read(before.getContentAsString(), "$.detail"));
		}
	}

	/** The reply window's line names no window day once the case is decided, served or not. */
	@Test
	void theReplyWindowLineIsNotShownForADecisionNotYetServed() throws Exception {
		LocalDate today = LocalDate.now(clock);
		long id = party.notified(party.sfWuzhong(), "DATA_NOT_REPORTED", "3000", today.minusDays(14));
		String page = "/enterprise/penalties/" + id;
		var sf = SignIn.session(mvc, "sf.wz");
		mvc.perform(get(page).session(sf)).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"party-reply-due\"")));
		caseDecisions.decide(ALL, id, new CaseDecisions.Decision(null, today.toString(), "FINE", "3000", null, null, null));
		mvc.perform(get(page).session(sf)).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"party-reply-due\""))))
			.andExpect(content().string(not(containsString("id=\"party-decision\""))));
	}

	/** A 不予处罚 imported without its day of service was served off the platform: it reads served, not 尚未送达. */
	@Test
	void anImportedNoPenaltyDecisionWithoutItsDayOfServiceReadsServed() throws Exception {
		LocalDate decided = LocalDate.now(clock).minusDays(60);
		long id = pastCases.importCase(ALL, new PastCases.ImportedCase(party.sfWuzhong().creditCode(), "DATA_NOT_REPORTED",
				"REPORT", decided.minusDays(20).toString(), decided.toString(),
				"吴邮管不罚〔" + decided.getYear() + "〕T" + UUID.randomUUID().toString().substring(0, 6) + "号", "NONE", null, null,
				null, null, null, null, null, null, "FIRST_MINOR"));
		assertThat(jdbc.sql("SELECT status FROM penalty_case WHERE id = :id").param("id", id).query(String.class).single())
			.isEqualTo("NOT_PENALIZED");
		mvc.perform(get("/enterprise/penalties/" + id).session(SignIn.session(mvc, "sf.wz"))).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("尚未送达"))))
			.andExpect(content().string(containsString("id=\"party-no-penalty-served\"")))
			.andExpect(content().string(containsString("送达日期未录入")));
		mvc.perform(get("/api/v1/enterprise/penalties/" + id).header("Authorization", SF))
			.andExpect(jsonPath("$.decisionServed").value(true));
	}

	/** A decision served by public notice and changed meanwhile: the change is told on the deemed day, not before. */
	@Test
	void aChangeWhileThePublicNoticeRunsIsToldOnTheDeemedDay() {
		LocalDate today = LocalDate.now(clock);
		EnterpriseView e = party.sfWuzhong();
		long id = publishedAndCorrected("CHANGED", "罚款过重", "FINE", "2000");
		LocalDate deemed = calendar.plusCalendarDays(today, 30);
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
			.until(() -> titles(e, id).stream().noneMatch(t -> t.contains("变更")));

		assertThat(deemedServices.takeEffect(deemed)).contains(id);
		await().atMost(Duration.ofSeconds(30)).until(() -> titles(e, id).stream().anyMatch(t -> t.contains("变更后罚款2000元")));
		assertThat(titles(e, id)).filteredOn(t -> t.contains("变更后")).singleElement().asString()
			.contains("变更后的行政处罚决定书已于" + ChineseText.day(today) + "出具（自行纠正变更）", "缴纳期限至");
	}

	/**
	 * Finding (annulled during its 公告): a decision served by public notice and revoked meanwhile is told not executed
	 * at once — the party reads the decision from the notice's publication, so it must never hold it as a live one
	 * until the deemed day —, its portal, API and list show the annulment (never 公告送达中), and the deemed day tells
	 * nothing more and delivers nothing.
	 */
	@Test
	void anAnnulmentWhileThePublicNoticeRunsIsToldAtOnce() throws Exception {
		LocalDate today = LocalDate.now(clock);
		EnterpriseView e = party.sfWuzhong();
		long id = publishedAndCorrected("REVOKED", "事实不清", null, null);
		LocalDate deemed = calendar.plusCalendarDays(today, 30);
		await().atMost(Duration.ofSeconds(30)).until(() -> titles(e, id).stream().anyMatch(t -> t.contains("不再执行")));
		assertThat(titles(e, id)).filteredOn(t -> t.contains("不再执行")).singleElement().asString()
			.contains("已于" + ChineseText.day(today) + "经自行纠正撤销，不再执行");
		String annulled = "处罚决定已撤销或确认无效（" + org.youguan.kernel.ChineseText.day(today) + "）";
		mvc.perform(get("/api/v1/enterprise/penalties/" + id).header("Authorization", SF))
			.andExpect(jsonPath("$.decisionAnnulledOn").value(today.toString()))
			.andExpect(jsonPath("$.outcomes[0].result").value("REVOKED"))
			.andExpect(jsonPath("$.shownStatus").value(annulled))
			.andExpect(jsonPath("$.deemedServicePending").value(false));
		String number = jdbc.sql("SELECT number FROM penalty_case WHERE id = :id").param("id", id).query(String.class).single();
		mvc.perform(get("/api/v1/enterprise/penalties").param("q", number).header("Authorization", SF))
			.andExpect(jsonPath("$.items[0].decisionAnnulledOn").value(today.toString()))
			.andExpect(jsonPath("$.items[0].shownStatus").value(annulled))
			.andExpect(jsonPath("$.items[0].deemedServicePending").value(false));
		mvc.perform(get("/enterprise/penalties/" + id).session(SignIn.session(mvc, "sf.wz"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"party-annulled\"")))
			.andExpect(content().string(not(containsString("公告送达中"))));

		assertThat(deemedServices.takeEffect(deemed)).contains(id);
		assertThat(deemedServices.takeEffect(deemed)).as("once").doesNotContain(id);
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
			.until(() -> titles(e, id).stream().filter(t -> t.contains("不再执行")).count() == 1);
		assertThat(jdbc.sql("SELECT count(*) FROM event_publication WHERE event_type LIKE '%PenaltyDelivered' AND serialized_event LIKE :n")
			.param("n", "%\"caseId\":" + id + ",%").query(Long.class).single()).as("no delivery of a revoked decision").isZero();
	}

	/**
	 * Finding (annulled during its 公告 before the last session): such a decision's party was never told it is not
	 * executed. The startup repair ({@link AnnulmentNotices#tellUntold}) tells every annulled decision whose public
	 * notice is on record and is not marked told, in the live notice's words and under its key — once: a second run
	 * tells nothing, and a party told already is not told twice.
	 */
	@Test
	void anAnnulmentDuringThePublicNoticeNeverToldIsToldByTheRepairOnce() {
		LocalDate today = LocalDate.now(clock);
		EnterpriseView e = party.sfWuzhong();
		long id = publishedAndCorrected("REVOKED", "事实不清", null, null);
		await().atMost(Duration.ofSeconds(30)).until(() -> titles(e, id).stream().anyMatch(t -> t.contains("不再执行")));
		assertThat(jdbc.sql("SELECT annulment_told_on FROM penalty_case WHERE id = :id").param("id", id).query(LocalDate.class)
			.single()).as("the live path marks it told").isEqualTo(today);
		assertThat(annulmentNotices.tellUntold()).as("nothing to repair for a party told live").doesNotContain(id);

		// as before the last session: annulled during the notice, never told, not marked
		jdbc.sql("DELETE FROM notification WHERE link = :link AND title LIKE '%不再执行%'").param("link", "/enterprise/penalties/" + id)
			.update();
		jdbc.sql("UPDATE penalty_case SET annulment_told_on = NULL WHERE id = :id").param("id", id).update();
		assertThat(titles(e, id)).noneMatch(t -> t.contains("不再执行"));

		assertThat(annulmentNotices.tellUntold()).contains(id);
		await().atMost(Duration.ofSeconds(30)).until(() -> titles(e, id).stream().anyMatch(t -> t.contains("不再执行")));
		assertThat(titles(e, id)).filteredOn(t -> t.contains("不再执行")).singleElement().asString()
			.contains("已于" + ChineseText.day(today) + "经自行纠正撤销，不再执行");
		assertThat(annulmentNotices.tellUntold()).as("once").doesNotContain(id);
		// told again with its mark lost (two nodes, a restored backup): the notification's key keeps it one
		jdbc.sql("UPDATE penalty_case SET annulment_told_on = NULL WHERE id = :id").param("id", id).update();
		assertThat(annulmentNotices.tellUntold()).contains(id);
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
			.until(() -> titles(e, id).stream().filter(t -> t.contains("不再执行")).count() == 1);
	}

	/**
	 * A fine decided today for 顺丰吴中, served by public notice published today (told the party), then corrected by the
	 * bureau itself the same day with {@code result} ({@code penalty} and {@code fine} as changed, for 变更).
	 */
	long publishedAndCorrected(String result, String reason, String penalty, String fine) {
		LocalDate today = LocalDate.now(clock);
		EnterpriseView e = party.sfWuzhong();
		long id = party.decided(e, "DATA_NOT_REPORTED", "FINE", "3000", today);
		PublicNoticeTakesEffectWhenDeemedServedIntegrationTest.publish(caseExecution, id, today);
		await().atMost(Duration.ofSeconds(30)).until(() -> titles(e, id).stream().anyMatch(t -> t.contains("公告送达")));
		decisionOutcomes.record(ALL, id, new DecisionOutcomes.Outcome("SELF_CORRECTION", "苏州市吴中区邮政管理局",
				"吴邮管纠〔2026〕" + RandomDigits.of(7) + "号", today.toString(), result, reason, penalty, fine, null), null);
		return id;
	}

	/** The notifications' titles linking case {@code id} on {@code e}'s portal, oldest first. */
	List<String> titles(EnterpriseView e, long id) {
		return jdbc.sql("SELECT title FROM notification WHERE audience_kind = 'ENTERPRISE' AND audience = :code AND link = :link"
				+ " ORDER BY id").param("code", e.creditCode()).param("link", "/enterprise/penalties/" + id)
			.query(String.class).list();
	}
}
