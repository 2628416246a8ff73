package org.youguan.enforcement;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.enforcement.internal.CaseTeam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Someone who investigated a case stays set apart from it after leaving its team (attack C1: case 8's team 陈吴中 +
 * 沈执法 changed to 陈吴中 + 何监察, then 沈执法 did the 法制审核): the 法制审核 (行政处罚法(2021) art.58) and the hearing's
 * host (art.64(四)) are refused to a former investigator as to a current one, by account and by name, while the
 * investigation's own steps are today's team's. And the English case page words the documents' kinds, the system's
 * stamp and what the history records in English (attack E1).
 */
@IntegrationTest
class FormerInvestigatorsIntegrationTest extends ClockedSteps {

	@Autowired
	CaseInvestigation caseInvestigation;

	@Autowired
	NoticeAndHearing noticeAndHearing;

	@Autowired
	CaseTeam caseTeam;

	@Autowired
	AuditTrail audit;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate tx;

	/** 陈吴中 and 何监察: the team after 沈执法 (wz.law) left it. */
	static final List<CaseInvestigation.Member> NEW_TEAM = List.of(new CaseInvestigation.Member("陈吴中", "32050601"),
			new CaseInvestigation.Member("何监察", "32050603"));

	@Test
	void aFormerInvestigatorMayNotReviewTheCase() {
		today("2026-06-10");
		long id = party.filed(party.other(), "WAYBILL_DATA", LocalDate.of(2026, 6, 1));
		caseInvestigation.startInvestigation(PartyCases.ALL, id, PartyCases.TEAM);
		caseInvestigation.changeTeam(PartyCases.ALL, id, NEW_TEAM, "沈执法调岗");
		long law = party.user("wz.law");
		assertThat(caseTeam.current(id).includes(law, "沈执法")).as("off today's team").isFalse();
		assertThat(caseTeam.investigated(id, law, "沈执法")).as("investigated it all the same").isTrue();
		party.evidence(id);
		caseInvestigation.concludeInvestigation(PartyCases.ALL, id, new CaseInvestigation.Conclusion("查明违法事实", "FINE",
				"20000", false, null, null, null, "2026-06-09"));

		LawfulStepsIntegrationTest.refused("reviewer", () -> caseInvestigation.review(PartyCases.ALL, id,
				new Officer(law, "沈执法"), true, "同意"), "reviewer-is-investigator");
		// named without the account (a row of before accounts were kept): by name, as the team's rows compare
		LawfulStepsIntegrationTest.refused("reviewer", () -> caseInvestigation.review(PartyCases.ALL, id,
				new Officer(null, "沈執法"), true, "同意"), "reviewer-is-investigator");
		assertThat(party.cases().get(PartyCases.ALL, id).penaltyCase().reviewedOn()).as("nothing saved").isNull();

		// the bureau's own reviewer, who never investigated it, may
		caseInvestigation.review(PartyCases.ALL, id, new Officer(party.user("wz.review"), "韩法审"), true, "同意");
		assertThat(party.cases().get(PartyCases.ALL, id).penaltyCase().reviewedBy()).isEqualTo("韩法审");
	}

	@Test
	void aFormerInvestigatorMayNotHostTheHearing() {
		today("2026-06-01");
		long id = party.notified(party.sfWuzhong(), "WAYBILL_DATA", "20000", LocalDate.of(2026, 6, 1));
		today("2026-06-03");
		caseInvestigation.changeTeam(PartyCases.ALL, id, NEW_TEAM, "沈执法调岗");
		noticeAndHearing.requestHearing(PartyCases.ALL, id, "2026-06-02");
		long law = party.user("wz.law");

		assertThat(noticeAndHearing.hearingHosts(PartyCases.ALL, id)).extracting(NoticeAndHearing.HearingHost::userId)
			.as("not offered as a host").doesNotContain(law);
		LawfulStepsIntegrationTest.refused("host", () -> noticeAndHearing.noticeHearing(PartyCases.ALL, id,
				new NoticeAndHearing.HearingNotice("2026-06-03", "2026-06-12", "吴中区邮政管理局听证室", law)),
				"host-is-investigator");
		assertThat(party.cases().get(PartyCases.ALL, id).penaltyCase().hearingNotifiedOn()).as("nothing saved").isNull();
	}

	/**
	 * The English case page (attack E1: 立案审批表, «系统», 罚款人民币2000元 on /enforcement/cases/4?lang=en): the
	 * documents' kinds in English, a document issued by no one signed in by the system's English name, and each history
	 * row led by what was done in English — the recorded summary kept as written; the Chinese page as before.
	 */
	@Test
	void theEnglishCasePageWordsKindsStampsAndHistoryInEnglish() throws Exception {
		today("2026-06-10");
		long id = party.filed(party.other(), "WAYBILL_DATA", LocalDate.of(2026, 6, 1));
		caseInvestigation.startInvestigation(PartyCases.ALL, id, PartyCases.TEAM);
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");

		String english = mvc.perform(get("/enforcement/cases/" + id).param("lang", "en").session(staff))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String documents = english.substring(english.indexOf("id=\"document-list\""));
		documents = documents.substring(0, documents.indexOf("</table>"));
		assertThat(documents).contains("Case filing approval form").doesNotContain("立案审批表")
			.contains("System").doesNotContain("系统");
		assertThat(english).contains("class=\"history-action\">Investigation started<");

		String chinese = mvc.perform(get("/enforcement/cases/" + id).param("lang", "zh-CN").session(staff))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(chinese).contains("立案审批表").doesNotContain("history-action");
	}

	/**
	 * V311 takes in the people a team change made before it replaced (the change's audit entry names them): a member
	 * replaced then, with no row of the history, is a former investigator once the migration's statements have run.
	 */
	@Test
	void theMigrationTakesInTheTeamsEarlierChangesReplaced() throws Exception {
		today("2026-06-10");
		long id = party.filed(party.other(), "WAYBILL_DATA", LocalDate.of(2026, 6, 1));
		caseInvestigation.startInvestigation(PartyCases.ALL, id, PartyCases.TEAM);
		// a change as made before V311: the rows replaced, nothing kept but the audit entry
		jdbc.sql("UPDATE penalty_case_investigator SET name = '何监察', certificate_number = '32050603', user_id = NULL,"
				+ " inspector_id = NULL WHERE case_id = :id AND certificate_number = '32050602'").param("id", id).update();
		String number = party.cases().get(PartyCases.ALL, id).penaltyCase().number();
		tx.executeWithoutResult(s -> audit.record(AuditEntry.of("case.team-change", "penalty_case", id, number
				+ "：更换调查人员：原陈吴中（32050601）、沈执法（32050602），现陈吴中（32050601）、何监察（32050603）；理由：调岗")
			.inRegion("320506")));
		long law = party.user("wz.law");
		assertThat(caseTeam.investigated(id, law, "沈执法")).as("before the backfill").isFalse();

		String migration = new String(getClass().getResourceAsStream(
				"/db/migration/enforcement/V311__penalty_case_former_investigators.sql").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		for (String statement : migration.replaceAll("(?m)^--.*$", "").split(";")) {
			if (statement.strip().startsWith("INSERT")) {
				jdbc.sql(statement).update();
			}
		}
		assertThat(caseTeam.investigated(id, law, "沈执法")).as("沈执法, by the roster's account").isTrue();
		assertThat(caseTeam.investigated(id, null, "陈吴中")).as("today's team").isTrue();
		assertThat(caseTeam.current(id).names()).containsExactly("陈吴中", "何监察");
	}

	/**
	 * The demo's reviewed cases (attack C2: reviewed by 郑监管, a city officer, with no account) are reviewed by the
	 * handling bureau's own staff, named with their account, who did not investigate them.
	 */
	@Test
	void theDemoCasesAreReviewedInTheirHandlingBureauByStaffWhoDidNotInvestigate() {
		record Reviewed(long id, String region, Long reviewer, String name, String bureauRegion) {
		}
		List<Reviewed> reviewed = jdbc.sql("""
				SELECT c.id, c.region_code, c.reviewed_by_user_id, c.reviewed_by, b.region_code AS bureau_region
				FROM penalty_case c LEFT JOIN user_account u ON u.id = c.reviewed_by_user_id LEFT JOIN bureau b ON b.id = u.bureau_id
				WHERE c.investigation_report IN ('查明当事人电子运单模板违规显示用户身份证号码', '查明当事人电子运单模板违规显示收件人完整手机号码')
				  AND c.reviewed_by IS NOT NULL""")
			.query((rs, n) -> new Reviewed(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3), rs.getString(4), rs.getString(5)))
			.list();
		assertThat(reviewed).as("the demo's two reviewed cases").hasSizeGreaterThanOrEqualTo(2);
		for (Reviewed r : reviewed) {
			assertThat(r.reviewer()).as(r + " named with the account").isNotNull();
			String county = r.region().substring(0, 6);
			assertThat(r.bureauRegion()).as(r + " of the handling bureau").isIn(county, r.region().substring(0, 4));
			assertThat(r.bureauRegion().length() == 6 || !jdbc.sql("SELECT count(*) > 0 FROM bureau WHERE region_code = :c")
				.param("c", county).query(Boolean.class).single()).as(r + " not a superior's, where the county has a bureau").isTrue();
			assertThat(caseTeam.investigated(r.id(), r.reviewer(), r.name())).as(r + " did not investigate").isFalse();
		}
	}
}
