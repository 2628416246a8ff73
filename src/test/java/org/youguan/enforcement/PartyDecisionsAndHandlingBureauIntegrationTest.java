package org.youguan.enforcement;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the party is given and may do, and who takes a case's steps: a 不予处罚 is a written 不予行政处罚决定书 served on
 * the party, citing the article it rests on (行政处罚法(2021) art.33, 57, 61); a hearing requested is withdrawn before it
 * is held (art.64), not after; a county case's steps are its own bureau's staff's — the province's or the city's staff,
 * whose region covers it, read it and take none of them.
 */
@IntegrationTest
class PartyDecisionsAndHandlingBureauIntegrationTest extends ClockedSteps {

	static final String WUZHONG = PenaltyCaseIntegrationTest.WUZHONG;

	static final String HEAD = PenaltyCaseIntegrationTest.HEAD;

	/** The enterprise user of the Wuzhong party ({@link PartyCases#sfWuzhong}). */
	static final String SF = "Bearer demo-sf-wz-token";

	/** An enterprise user of another enterprise. */
	static final String OTHER_ENTERPRISE = "Bearer demo-yz-sz-token";

	@Autowired
	NoticeAndHearing noticeAndHearing;

	@Test
	void noPenaltyIssuesADecisionServedOnThePartyCitingItsGroundAndArticle() throws Exception {
		today("2026-06-01");
		var e = party.sfWuzhong();
		long id = party.concluded(e, "DATA_NOT_REPORTED", "2000", LocalDate.of(2026, 5, 27));
		String path = "/api/v1/enforcement/cases/" + id + "/no-penalty";
		call(HEAD, path, "{\"reason\":\"首次违法，已改正\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("ground")).andExpect(jsonPath("$.errors[0].rule").value("required"));
		call(HEAD, path, "{\"ground\":\"NOPE\",\"reason\":\"首次违法，已改正\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("ground"));
		// MINOR_CORRECTED: FIRST_MINOR depends on 顺丰吴中's earlier cases, which other tests add to the shared database
		call(HEAD, path, "{\"ground\":\"MINOR_CORRECTED\",\"reason\":\"违法行为轻微，已于当日改正\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.status").value("NOT_PENALIZED"));

		List<Map<String, Object>> docs = JsonPath.read(mvc.perform(get("/api/v1/enforcement/cases/" + id + "/documents")
			.header("Authorization", WUZHONG)).andReturn().getResponse().getContentAsString(), "$");
		String href = (String) docs.stream().filter(d -> "NO_PENALTY_DECISION".equals(d.get("kind"))).findFirst().orElseThrow()
			.get("href");
		String text = text(href, WUZHONG);
		assertThat(text).contains("不予行政处罚决定书", e.legalName(), "违法行为轻微并及时改正，没有造成危害后果",
				"《中华人民共和国行政处罚法》第三十三条第一款", "违法行为轻微，已于当日改正", "行政复议",
				"不予行政处罚。你单位应当引以为戒，依法经营。");

		// not yet served (art.61) and no notice before it: the party was told nothing of the case — its portal does not
		// find it, so neither the decision nor that one exists is the party's before service
		mvc.perform(get("/api/v1/enterprise/penalties/" + id).header("Authorization", SF)).andExpect(status().isNotFound());
		mvc.perform(get("/enterprise/penalties/" + id).session(SignIn.session(mvc, "sf.wz"))).andExpect(status().isNotFound());

		// served on the party: its portal shows the case, the decision and its ground, another enterprise finds neither
		call(WUZHONG, "/api/v1/enforcement/cases/" + id + "/delivery", "{\"on\":\"2026-06-01\",\"method\":\"DIRECT\"}")
			.andExpect(status().isOk());
		String own = mvc.perform(get("/api/v1/enterprise/penalties/" + id).header("Authorization", SF)).andExpect(status().isOk())
			.andExpect(jsonPath("$.documents[*].title").value(hasItem("不予行政处罚决定书")))
			.andExpect(jsonPath("$.noPenaltyGround").value("MINOR_CORRECTED"))
			.andExpect(jsonPath("$.basis").value(containsString("第三十三条第一款")))
			.andReturn().getResponse().getContentAsString();
		mvc.perform(get("/enterprise/penalties/" + id).session(SignIn.session(mvc, "sf.wz"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("不予处罚依据</dt>")))
			.andExpect(content().string(containsString("违法行为轻微并及时改正，没有造成危害后果（行政处罚法(2021) 第33条第1款）")))
			.andExpect(content().string(not(containsString(">处罚依据</dt>"))));
		List<String> served = JsonPath.read(own, "$.documents[?(@.title == '不予行政处罚决定书')].href");
		assertThat(text(served.get(0), SF)).contains(e.legalName(), "第三十三条第一款");
		mvc.perform(get("/api/v1/enterprise/penalties/" + id).header("Authorization", OTHER_ENTERPRISE))
			.andExpect(status().isNotFound());
		mvc.perform(get(href).header("Authorization", OTHER_ENTERPRISE)).andExpect(result -> assertThat(
				result.getResponse().getStatus()).isIn(403, 404));
	}

	@Test
	void aFirstMinorViolationIsRefusedForAPartyPenalisedBeforeForAViolationOfTheSameType() throws Exception {
		today("2026-06-01");
		var e = party.fresh();
		party.delivered(e, "DELIVERY_WITHOUT_CONSENT", "FINE", "3000", LocalDate.of(2026, 5, 20));
		long first = party.concluded(e, "DATA_NOT_REPORTED", "2000", LocalDate.of(2026, 5, 27));
		long again = party.concluded(e, "DATA_NOT_REPORTED", "2000", LocalDate.of(2026, 5, 27));
		String c = "/api/v1/enforcement/cases/";
		// a penalty for another type of violation does not make this one a repeat (行政处罚法第33条第1款: 初次违法)
		call(HEAD, c + first + "/no-penalty", "{\"ground\":\"FIRST_MINOR\",\"reason\":\"首次违法，已改正\"}").andExpect(status().isOk());

		long earlier = party.delivered(e, "DATA_NOT_REPORTED", "FINE", "1000", LocalDate.of(2026, 5, 25));
		String number = party.cases().get(PartyCases.ALL, earlier).penaltyCase().decisionNumber();
		// both the earlier first-violation 不予处罚 (the latest, named) and the penalty count: twice established before
		call(HEAD, c + again + "/no-penalty", "{\"ground\":\"FIRST_MINOR\",\"reason\":\"首次违法，已改正\"}")
			.andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("ground"))
			.andExpect(jsonPath("$.errors[0].rule").value("not-first-violation"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString(noPenaltyNumber(first))))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("已有2次")));
		assertThat(number).isNotBlank();
		assertThat(party.cases().get(PartyCases.ALL, again).penaltyCase().status()).isEqualTo(CaseStatus.INVESTIGATED);
		// another ground of art.33 is still open to the head
		call(HEAD, c + again + "/no-penalty", "{\"ground\":\"MINOR_CORRECTED\",\"reason\":\"违法行为轻微并及时改正\"}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.penaltyCase.status").value("NOT_PENALIZED"));
	}

	/**
	 * An imported past 不予处罚 takes the ground of art.33 it rested on (required, named in Chinese when missing or
	 * unknown, refused beside a penalty) and, on a ground that finds the violation committed, counts against a later
	 * 初次违法 as a live one does — the refusal names its 文号.
	 */
	@Test
	void anImportedNoPenaltyTakesItsGroundAndCountsAgainstALaterFirstViolation() throws Exception {
		today("2026-06-01");
		var e = party.fresh();
		String tag = java.util.UUID.randomUUID().toString().substring(0, 6).toUpperCase(java.util.Locale.ROOT);
		String json = """
				{"enterpriseCreditCode":"%s","violation":"DATA_NOT_REPORTED","source":"INSPECTION","filedOn":"2025-03-03",
				 "decidedOn":"2025-03-20","decisionNumber":"吴邮管不罚〔2025〕R%s%d号","penalty":"%s"%s}""";
		String imported = "/api/v1/enforcement/cases/imported";
		call(WUZHONG, imported, json.formatted(e.creditCode(), tag, 1, "NONE", "")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("noPenaltyGround"))
			.andExpect(jsonPath("$.errors[0].rule").value("required"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("不予处罚的法定情形")));
		call(WUZHONG, imported, json.formatted(e.creditCode(), tag, 1, "NONE", ",\"noPenaltyGround\":\"FIRST\""))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].rule").value("one-of"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("FIRST_MINOR（初次违法")));
		call(WUZHONG, imported, json.formatted(e.creditCode(), tag, 1, "WARNING", ",\"noPenaltyGround\":\"FIRST_MINOR\""))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("noPenaltyGround"))
			.andExpect(jsonPath("$.errors[0].rule").value("absent"));
		assertThat(jdbc.sql("SELECT count(*) FROM penalty_case WHERE enterprise_credit_code = :code")
			.param("code", e.creditCode()).query(Long.class).single()).as("nothing half-saved").isZero();
		call(WUZHONG, imported, json.formatted(e.creditCode(), tag, 1, "NONE", ",\"noPenaltyGround\":\"FIRST_MINOR\""))
			.andExpect(status().isCreated());

		long again = party.concluded(e, "DATA_NOT_REPORTED", "2000", LocalDate.of(2026, 5, 27));
		call(HEAD, "/api/v1/enforcement/cases/" + again + "/no-penalty", "{\"ground\":\"FIRST_MINOR\",\"reason\":\"首次违法，已改正\"}")
			.andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].rule").value("not-first-violation"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("R" + tag + "1号")))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("已有1次")));
	}

	/**
	 * Attack: a second 首违不罚 for the same party and type was accepted — an earlier 不予处罚 on FIRST_MINOR (the violation
	 * established, only not punished) proves the next is no first violation; one for NO_FAULT (no punishable violation)
	 * does not.
	 */
	@Test
	void anEarlierFirstViolationNoPenaltyMakesTheNextNoFirstOneAndOneForNoFaultDoesNot() throws Exception {
		today("2026-06-01");
		var e = party.fresh();
		long noFault = party.concluded(e, "DATA_NOT_REPORTED", "2000", LocalDate.of(2026, 5, 27));
		long first = party.concluded(e, "DATA_NOT_REPORTED", "2000", LocalDate.of(2026, 5, 27));
		long again = party.concluded(e, "DATA_NOT_REPORTED", "2000", LocalDate.of(2026, 5, 27));
		String c = "/api/v1/enforcement/cases/";
		call(HEAD, c + noFault + "/no-penalty", "{\"ground\":\"NO_FAULT\",\"reason\":\"系统故障所致，无主观过错\"}")
			.andExpect(status().isOk());
		call(HEAD, c + first + "/no-penalty", "{\"ground\":\"FIRST_MINOR\",\"reason\":\"首次违法，已改正\"}")
			.andExpect(status().isOk());
		call(HEAD, c + again + "/no-penalty", "{\"ground\":\"FIRST_MINOR\",\"reason\":\"首次违法，已改正\"}")
			.andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("ground"))
			.andExpect(jsonPath("$.errors[0].rule").value("not-first-violation"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("已有1次")))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("不予行政处罚决定（初次违法")))
			.andExpect(jsonPath("$.errors[0].message").value(containsString(noPenaltyNumber(first))));
		assertThat(party.cases().get(PartyCases.ALL, again).penaltyCase().status()).isEqualTo(CaseStatus.INVESTIGATED);
		// the decision closes by its ground: no reproach for a party without fault (art.33 para.2), the consequence of a
		// repeat for a first violation let go (para.1)
		assertThat(noPenaltyDecisionText(noFault)).contains("第三十三条第二款", "不予行政处罚。你单位应当依法经营，防止同类情形再次发生。")
			.doesNotContain("引以为戒");
		assertThat(noPenaltyDecisionText(first)).contains("你单位应当引以为戒，依法经营；再次违法的，本局将依法处理。");
	}

	/**
	 * Attack: facts opening with the characters of a lead-in (据检查站…, 现查获…) printed cut ("经查，站反映…") — only whole
	 * lead-in phrases are folded into the document's 经查，, read back from the printed 不予行政处罚决定书.
	 */
	@Test
	void factsThatOnlyBeginLikeALeadInPrintWhole() throws Exception {
		today("2026-06-01");
		var e = party.fresh();
		// (the decision addresses the party: the facts' 当事人 print as 你单位)
		String[][] printed = { { "据检查站反映，当事人未按规定报送统计数据", "经查，据检查站反映，你单位未按规定报送统计数据。" },
				{ "现查获当事人未报送的统计报表三份", "经查，现查获你单位未报送的统计报表三份。" },
				{ "经查实际经营地址的报表未报送", "经查，经查实际经营地址的报表未报送。" },
				{ "经查，查明当事人未报送统计数据", "经查，你单位未报送统计数据。" } };
		for (String[] p : printed) {
			long id = party.concluded(e, "DATA_NOT_REPORTED", "2000", LocalDate.of(2026, 5, 27), p[0]);
			call(HEAD, "/api/v1/enforcement/cases/" + id + "/no-penalty",
					"{\"ground\":\"MINOR_CORRECTED\",\"reason\":\"违法行为轻微，已于当日改正\"}").andExpect(status().isOk());
			assertThat(noPenaltyDecisionText(id)).as(p[0]).contains(p[1]);
		}
	}

	/** The text of the 不予行政处罚决定书 of case {@code id}, downloaded as the handling bureau's staff do. */
	String noPenaltyDecisionText(long id) throws Exception {
		List<Map<String, Object>> docs = JsonPath.read(mvc.perform(get("/api/v1/enforcement/cases/" + id + "/documents")
			.header("Authorization", WUZHONG)).andReturn().getResponse().getContentAsString(), "$");
		return text((String) docs.stream().filter(d -> "NO_PENALTY_DECISION".equals(d.get("kind"))).findFirst().orElseThrow()
			.get("href"), WUZHONG);
	}

	/**
	 * Attack: the portal showed a 不予处罚 case's proposed WARNING (the 调查终结报告's, internal) with {@code notifiedOn}
	 * null — the proposal is the party's only once a 事先告知书 put it, before and after the decision is served.
	 */
	@Test
	void theInvestigationReportsProposalIsNotShownToThePartyWithoutANotice() throws Exception {
		today("2026-06-01");
		long id = party.concluded(party.sfWuzhong(), "DATA_NOT_REPORTED", "2000", LocalDate.of(2026, 5, 27));
		assertThat(party.cases().get(PartyCases.ALL, id).penaltyCase().proposedPenalty()).isNotNull();
		call(HEAD, "/api/v1/enforcement/cases/" + id + "/no-penalty",
				"{\"ground\":\"MINOR_CORRECTED\",\"reason\":\"违法行为轻微，已于当日改正\"}").andExpect(status().isOk());
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		// before service the party was told nothing of the case (no notice): not found, the decision not revealed
		mvc.perform(get("/api/v1/enterprise/penalties/" + id).header("Authorization", SF)).andExpect(status().isNotFound());
		call(WUZHONG, "/api/v1/enforcement/cases/" + id + "/delivery", "{\"on\":\"2026-06-01\",\"method\":\"DIRECT\"}")
			.andExpect(status().isOk());
		{
			mvc.perform(get("/api/v1/enterprise/penalties/" + id).header("Authorization", SF)).andExpect(status().isOk())
				.andExpect(jsonPath("$.notifiedOn").value(nullValue()))
				.andExpect(jsonPath("$.proposedPenalty").value(nullValue()))
				.andExpect(jsonPath("$.proposedFine").value(nullValue()))
				.andExpect(jsonPath("$.proposedConfiscated").value(nullValue()))
				.andExpect(jsonPath("$.hearingRight").value(false));
			mvc.perform(get("/enterprise/penalties/" + id).session(sf)).andExpect(status().isOk())
				.andExpect(content().string(not(containsString("id=\"party-proposed\""))))
				.andExpect(content().string(not(containsString("2000元"))));
		}
	}

	/** The 文号 of the 不予行政处罚决定书 a case's 不予处罚 issued. */
	String noPenaltyNumber(long caseId) {
		return jdbc.sql("SELECT number FROM penalty_case_document WHERE case_id = :id AND kind = 'NO_PENALTY_DECISION'")
			.param("id", caseId).query(String.class).single();
	}

	String text(String href, String token) throws Exception {
		byte[] docx = mvc.perform(get(href).header("Authorization", token)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
				XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
			return extractor.getText();
		}
	}

	@Test
	void aHearingRequestIsWithdrawnBeforeTheHearingNotAfter() throws Exception {
		today("2026-06-01");
		long id = party.notified(party.sfWuzhong(), "DELIVERY_WITHOUT_CONSENT", "10000", LocalDate.of(2026, 6, 1));
		long held = party.notified(party.sfWuzhong(), "DELIVERY_WITHOUT_CONSENT", "10000", LocalDate.of(2026, 6, 1));
		today("2026-06-02");
		for (long c : List.of(id, held)) {
			mvc.perform(post("/api/v1/enterprise/penalties/" + c + "/hearing").header("Authorization", SF))
				.andExpect(status().isOk());
			noticeAndHearing.noticeHearing(PartyCases.ALL, c, new NoticeAndHearing.HearingNotice("2026-06-02", "2026-06-15",
					"吴中区邮政管理局听证室", party.user("wz.review")));
		}
		// the request window is closed: a withdrawal is not a late waiver, the hearing it cancels is still to come
		today("2026-06-10");
		call(SF, "/api/v1/enterprise/penalties/" + id + "/hearing-waiver", "{\"confirm\":true}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("NOTIFIED")).andExpect(jsonPath("$.hearingWaivedOn").value("2026-06-10"));
		CaseView c = party.cases().get(PartyCases.ALL, id).penaltyCase();
		assertThat(c.status()).isEqualTo(CaseStatus.NOTIFIED);
		assertThat(c.hearingScheduledOn()).as("the scheduled hearing is cancelled").isNull();
		assertThat(c.hearingPausedFrom()).isNull();
		assertThat(jdbc.sql("SELECT started_on || '..' || ended_on FROM penalty_case_suspension WHERE case_id = :id AND kind = 'HEARING'")
			.param("id", id).query(String.class).list()).as("the days the request paused the limit are kept")
			.containsExactly("2026-06-02..2026-06-10");
		assertThat(jdbc.sql("SELECT summary FROM audit_event WHERE object_type = 'penalty_case' AND object_id = :id AND action = 'case.hearing-withdrawal'")
			.param("id", String.valueOf(id)).query(String.class).list()).singleElement().asString().contains("撤回", "取消原定于2026年6月15日");
		// a withdrawn hearing is waived: it is not requested again
		mvc.perform(post("/api/v1/enterprise/penalties/" + id + "/hearing").header("Authorization", SF))
			.andExpect(status().isConflict());

		today("2026-06-15");
		noticeAndHearing.holdHearing(PartyCases.ALL, held, new NoticeAndHearing.HearingData(null, "2026-06-15", null, null, null));
		call(SF, "/api/v1/enterprise/penalties/" + held + "/hearing-waiver", "{\"confirm\":true}").andExpect(status().isConflict());
		assertThat(party.cases().get(PartyCases.ALL, held).penaltyCase().status()).isEqualTo(CaseStatus.HEARING);
	}

	@Test
	void aCountyCaseStepIsTheCountyBureausNotTheProvincesNorTheCitys() throws Exception {
		today("2026-06-01");
		long id = party.notified(party.other(), "DATA_NOT_REPORTED", "3000", LocalDate.of(2026, 6, 1));
		String step = "/api/v1/enforcement/cases/" + id + "/statement";
		String statement = "{\"on\":\"2026-06-01\",\"text\":\"当事人称已整改\"}";
		for (String superior : List.of("Bearer demo-js-market-token", "Bearer demo-sz-market-token")) {
			call(superior, step, statement).andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(403, 404));
			// they read it
			mvc.perform(get("/api/v1/enforcement/cases/" + id).header("Authorization", superior)).andExpect(status().isOk());
		}
		assertThat(party.cases().get(PartyCases.ALL, id).penaltyCase().statementOn()).isNull();
		call(WUZHONG, step, statement).andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.statementOn").value("2026-06-01"));
	}
}
