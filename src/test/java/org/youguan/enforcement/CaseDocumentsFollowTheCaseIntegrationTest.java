package org.youguan.enforcement;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.IntegrationTest;
import org.youguan.RandomDigits;
import org.youguan.enforcement.internal.CaseDocumentKind;
import org.youguan.enforcement.internal.CaseDocuments;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A case's documents say what the case is and come at the step they belong to (attack on the enforcement module): the
 * 集体讨论记录 of an ordinary case is not titled 重大案件…, and a 不予处罚's 结案报告 is made when its decision is served,
 * not when it is decided.
 */
@IntegrationTest
class CaseDocumentsFollowTheCaseIntegrationTest extends ClockedSteps {

	@Autowired
	CaseDecisions caseDecisions;

	@Autowired
	CaseExecution caseExecution;

	@Autowired
	CaseDocuments documents;

	/** WAYBILL_DATA, 20000 yuan proposed (情节一般) and agreed by the 法制审核. */
	long reviewed() {
		today("2026-06-10");
		return party.concluded(party.other(), "WAYBILL_DATA", "20000", LocalDate.of(2026, 6, 1));
	}

	String text(long id, CaseDocumentKind kind) throws Exception {
		return HandlingBureauAndPartyIntegrationTest.text(mvc, documents, id, kind);
	}

	List<CaseDocumentKind> kinds(long id) {
		return documents.list(id).stream().filter(CaseDocuments.IssuedDocument::current).map(CaseDocuments.IssuedDocument::kind).toList();
	}

	@Test
	void theDiscussionOfAnOrdinaryCaseIsNoMajorCasesRecord() throws Exception {
		long id = reviewed();
		caseDecisions.notPenalize(PartyCases.ALL, id, "MINOR_CORRECTED", "情节轻微并及时改正",
				new CaseDecisions.Discussion("2026-06-10", List.of("蒋局长", "王副局长", "李副局长"), "同意不予处罚"));
		String record = text(id, CaseDocumentKind.DISCUSSION_RECORD);
		assertThat(record).contains("集体讨论记录", "情节一般", "同意不予处罚").doesNotContain("重大");
		assertThat(documents.current(id, CaseDocumentKind.DISCUSSION_RECORD).orElseThrow().fileName())
			.startsWith("集体讨论记录-");
	}

	@Test
	void aNoPenaltyIsClosedWhenItsDecisionIsServedNotBefore() throws Exception {
		today("2026-06-10");
		long id = party.concluded(party.other(), "OUTLET_UNFILED", "3000", LocalDate.of(2026, 6, 1));
		caseDecisions.notPenalize(PartyCases.ALL, id, "MINOR_CORRECTED", "情节轻微并及时改正");
		assertThat(kinds(id)).contains(CaseDocumentKind.NO_PENALTY_DECISION).doesNotContain(CaseDocumentKind.CLOSING_REPORT);

		today("2026-06-12");
		caseExecution.deliver(PartyCases.ALL, id, CaseExecution.Delivery.direct("2026-06-11"));
		assertThat(kinds(id)).containsOnlyOnce(CaseDocumentKind.CLOSING_REPORT);
		CaseDocuments.IssuedDocument report = documents.current(id, CaseDocumentKind.CLOSING_REPORT).orElseThrow();
		assertThat(report.issuedOn()).isEqualTo(LocalDate.of(2026, 6, 11));
		String number = documents.current(id, CaseDocumentKind.NO_PENALTY_DECISION).orElseThrow().number();
		assertThat(text(id, CaseDocumentKind.CLOSING_REPORT))
			.contains("不予行政处罚", number, "2026年6月10日决定，2026年6月11日送达", "结案日期\t2026年6月11日");
	}

	@Autowired
	CaseInvestigation caseInvestigation;

	/** The field errors a conclusion proposing {@code penalty} on a fresh investigated case of {@code violation} gets. */
	List<org.youguan.kernel.FieldError> concluded(String violation, String penalty, String fine, String confiscated) {
		long id = party.filed(party.other(), violation, LocalDate.of(2026, 6, 1));
		caseInvestigation.startInvestigation(PartyCases.ALL, id, PartyCases.TEAM);
		party.evidence(id);
		try {
			caseInvestigation.concludeInvestigation(PartyCases.ALL, id, new CaseInvestigation.Conclusion("查明违法事实", penalty,
					fine, false, null, null, null, "2026-06-05", confiscated));
			return List.of();
		}
		catch (org.youguan.kernel.DomainException e) {
			return e.fieldErrors();
		}
	}

	/**
	 * 没收违法所得 under an article that only fines (快递暂行条例 art.50, OUTLET_UNFILED) is one refusal — the kind — never
	 * also "须并处罚款" (the article would provide 没收 with a fine) nor the amount of a confiscation it cannot impose; a
	 * fine with a confiscated amount there is refused on the amount alone, never told to name 没收 as the kind.
	 */
	@Test
	void aConfiscationTheArticleDoesNotProvideIsOneRefusal() {
		today("2026-06-10");
		for (String[] parts : List.of(new String[] { null, null }, new String[] { "5000", null }, new String[] { null, "3000" },
				new String[] { "5000", "3000" })) {
			assertThat(concluded("OUTLET_UNFILED", "CONFISCATION", parts[0], parts[1]))
				.as("fine %s, confiscated %s", parts[0], parts[1])
				.singleElement()
				.satisfies(e -> assertThat(e.field() + "/" + e.rule()).isEqualTo("proposedPenalty/not-provided"))
				.satisfies(e -> assertThat(e.message()).contains("只规定了罚款", "不能处以没收违法所得"));
		}
		assertThat(concluded("OUTLET_UNFILED", "FINE", "5000", "3000")).singleElement()
			.satisfies(e -> assertThat(e.field() + "/" + e.rule()).isEqualTo("proposedConfiscated/not-provided"));
		// where the article provides it (快递暂行条例 art.54, WAYBILL_DATA), the parts are asked for as before
		assertThat(concluded("WAYBILL_DATA", "CONFISCATION", null, null)).extracting(e -> e.field() + "/" + e.rule())
			.containsExactlyInAnyOrder("proposedConfiscated/required", "proposedFine/combined-required");
		assertThat(concluded("WAYBILL_DATA", "FINE", "20000", "3000")).extracting(e -> e.field() + "/" + e.rule())
			.containsExactly("proposedPenalty/heaviest");
	}

	@Autowired
	NoticeAndHearing noticeAndHearing;

	/**
	 * 更换调查人员 holds the new team to the rules the procedure held the old one to: the 听证主持人 a 听证通知 named
	 * (韩法审, wz.review — the handling bureau's own staff who never investigated, 行政处罚法(2021) art.64(四); certified
	 * here so that a team could name him) may not join it, nor the 法制审核人员 (郑监管, art.58); nothing is changed on a
	 * refusal, and the API names the reason's own label in every refusal of it.
	 */
	@Test
	void aNewTeamMayNotTakeInTheHearingHostNorTheReviewer() throws Exception {
		today("2026-06-01");
		long id = party.notified(party.sfWuzhong(), "WAYBILL_DATA", "20000", LocalDate.of(2026, 6, 1));
		// 沈执法 leaves the team (何监察 joins); 韩法审, of the handling bureau and never on the team, hosts the hearing
		// (行政处罚法(2021) art.64(四); a former investigator may not: FormerInvestigatorsIntegrationTest), requested on
		// 06-02 and noticed on 06-03 for 06-12
		caseInvestigation.changeTeam(PartyCases.ALL, id, List.of(new CaseInvestigation.Member("陈吴中", "32050601"),
				new CaseInvestigation.Member("何监察", "32050603")), "沈执法另有任务");
		long host = party.user("wz.review");
		String hostCertificate = "3205069" + RandomDigits.of(6);
		jdbc.sql("""
				INSERT INTO inspector (bureau_id, region_code, user_id, name, certificate_number, valid_until, avoid_credit_codes, created_at)
				SELECT b.id, '320506', :user, '韩法审', :certificate, DATE '2030-12-31', '{}', now() FROM bureau b WHERE b.region_code = '320506'""")
			.param("user", host).param("certificate", hostCertificate).update();
		NoticeAndHearing.HearingNotice notice = new NoticeAndHearing.HearingNotice("2026-06-03", "2026-06-12",
				"吴中区邮政管理局听证室", host);
		today("2026-06-03");
		noticeAndHearing.requestHearing(PartyCases.ALL, id, "2026-06-02");
		noticeAndHearing.noticeHearing(PartyCases.ALL, id, notice);

		LawfulStepsIntegrationTest.refused("investigators", () -> caseInvestigation.changeTeam(PartyCases.ALL, id,
				List.of(new CaseInvestigation.Member("陈吴中", "32050601"), new CaseInvestigation.Member("韩法审", hostCertificate)),
				"原调查人员调离"), "host-is-investigator");
		LawfulStepsIntegrationTest.refused("investigators", () -> caseInvestigation.changeTeam(PartyCases.ALL, id,
				List.of(new CaseInvestigation.Member("陈吴中", "32050601"), new CaseInvestigation.Member("郑监管", "32050001")),
				"原调查人员调离"), "reviewer-is-investigator");
		assertThat(jdbc.sql("SELECT string_agg(name, '、' ORDER BY position) FROM penalty_case_investigator WHERE case_id = :id")
			.param("id", id).query(String.class).single()).isEqualTo("陈吴中、何监察");

		// a reason the JSON reader refuses (not text) is named as the page and the service name it
		call(PenaltyCaseIntegrationTest.HEAD, "/api/v1/enforcement/cases/" + id + "/team",
				"{\"investigators\":[{\"name\":\"陈吴中\",\"certificateNumber\":\"32050601\"}],\"reason\":{\"a\":1}}")
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isBadRequest())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.errors[?(@.field == 'reason')].message",
					org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.startsWith("更换理由"))))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.errors[?(@.field == 'reason')]",
					org.hamcrest.Matchers.hasSize(1)));
	}
}
