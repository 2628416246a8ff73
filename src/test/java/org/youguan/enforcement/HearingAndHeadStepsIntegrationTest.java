package org.youguan.enforcement;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.PageQuery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The hearing states where it is held and who hosts it — a staff member the bureau designates who did not investigate
 * the case (行政处罚法(2021) art.64(二)(四)) — on the case, its page, the 听证通知书 and the 听证笔录; the case list filters by
 * status; and the decisions that end a case (决定, 不予处罚, 撤案, 移送) are the head's (art.57).
 */
@IntegrationTest
class HearingAndHeadStepsIntegrationTest extends ClockedSteps {

	@Autowired
	NoticeAndHearing noticeAndHearing;

	static final String WUZHONG = PenaltyCaseIntegrationTest.WUZHONG;

	static final String HEAD = PenaltyCaseIntegrationTest.HEAD;

	/** Two cases of 2026-06-01: one notified (¥3,000 proposed, no hearing right), one filed. */
	record Pair(long notified, long filed) {
	}

	Pair notifiedAndFiled() {
		today("2026-06-01");
		return new Pair(party.notified(party.other(), "DATA_NOT_REPORTED", "3000", LocalDate.of(2026, 6, 1)),
				party.filed(party.other(), "DATA_NOT_REPORTED", LocalDate.of(2026, 6, 1)));
	}

	/** The text of the case's current document of {@code kind}, as downloaded. */
	String document(long caseId, String kind) throws Exception {
		List<Map<String, Object>> docs = JsonPath.read(mvc.perform(get("/api/v1/enforcement/cases/" + caseId + "/documents")
			.header("Authorization", WUZHONG)).andReturn().getResponse().getContentAsString(), "$");
		return text((String) docs.stream().filter(d -> kind.equals(d.get("kind"))).findFirst().orElseThrow().get("href"));
	}

	String text(String href) throws Exception {
		byte[] docx = mvc.perform(get(href).header("Authorization", WUZHONG)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
				XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
			return extractor.getText();
		}
	}

	/**
	 * A hearing does not count towards the decision limit (邮政行政执法监督办法(2021) art.17): from the day it is
	 * requested until it is held the case shows as paused with the days it had left, in its deadlines and in the list.
	 */
	@Test
	void aRequestedHearingStopsTheDecisionClockUntilItIsHeld() {
		today("2026-06-01");
		long id = party.notified(party.other(), "DELIVERY_WITHOUT_CONSENT", "10000", LocalDate.of(2026, 6, 1));
		long before = party.cases().get(PartyCases.ALL, id).deadlines().remainingDays();
		today("2026-06-02");
		noticeAndHearing.requestHearing(PartyCases.ALL, id, "2026-06-02");
		today("2026-07-20");
		PenaltyCases.Deadlines waiting = party.cases().get(PartyCases.ALL, id).deadlines();
		assertThat(waiting.suspended()).isTrue();
		assertThat(waiting.remainingDays()).as("as of the request day, not of today").isEqualTo(before);
		PenaltyCases.CaseSummary listed = party.cases().list(PartyCases.ALL, true, CaseStatus.HEARING,
				PageQuery.of(party.cases().get(PartyCases.ALL, id).penaltyCase().number(), 0, 20, "filed_on",
						"desc")).items().stream()
			.filter(c -> c.id() == id).findFirst().orElseThrow();
		assertThat(listed.suspended()).isTrue();
		assertThat(listed.remainingDays()).isEqualTo(before);
	}

	@Test
	void aHearingNeedsAPlaceAndAHostWhoDidNotInvestigateTheCaseAndItsDocumentsStateThem() throws Exception {
		today("2026-06-01");
		long id = party.notified(party.other(), "DELIVERY_WITHOUT_CONSENT", "10000", LocalDate.of(2026, 6, 1));
		today("2026-06-02");
		noticeAndHearing.requestHearing(PartyCases.ALL, id, "2026-06-02");
		today("2026-06-15");
		String path = "/api/v1/enforcement/cases/" + id + "/hearing";
		String days = "{\"noticeOn\":\"2026-06-03\",\"hearingOn\":\"2026-06-15\"";
		long investigator = party.user("wz.staff");
		// 韩法审 (wz.review), of the Wuzhong bureau handling the case, investigated none of it
		long office = party.user("wz.review");

		call(WUZHONG, path, days + "}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("place", "host")));
		call(WUZHONG, path, days + ",\"place\":\"" + "室".repeat(201) + "\",\"host\":" + office + "}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("place"));
		// 陈吴中 (wz.staff) investigated the case: art.64(四) wants someone else
		call(WUZHONG, path, days + ",\"place\":\"听证室\",\"host\":" + investigator + "}").andExpect(status().is(422))
			.andExpect(jsonPath("$.errors[0].field").value("host"))
			.andExpect(jsonPath("$.errors[0].rule").value("host-is-investigator"));
		// nor the one who wrote the 调查终结报告 (蒋局长, the Wuzhong head, as a head may host)
		long author = party.user("wz.leader");
		jdbc.sql("UPDATE penalty_case SET concluded_by_user_id = :u WHERE id = :id").param("u", author).param("id", id).update();
		call(WUZHONG, path, days + ",\"place\":\"听证室\",\"host\":" + author + "}").andExpect(status().is(422))
			.andExpect(jsonPath("$.errors[0].field").value("host"))
			.andExpect(jsonPath("$.errors[0].rule").value("host-is-author"));
		mvc.perform(get(path + "-hosts").header("Authorization", WUZHONG)).andExpect(status().isOk())
			.andExpect(jsonPath("$[*].userId", everyItem(not(is((int) author)))));
		// an enterprise user, an unknown account and the system administrator's account (the province's: above the
		// bureau, but an IT account, not a person the bureau designates) host nothing
		for (String other : List.of(String.valueOf(party.user("sf.wz")), "999999", String.valueOf(party.user("sys.admin")))) {
			call(WUZHONG, path, days + ",\"place\":\"听证室\",\"host\":" + other + "}").andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("host")).andExpect(jsonPath("$.errors[0].rule").value("bureau"));
		}
		// art.64(四): staff the deciding organ designates — a superior's (吴文书 of the 苏州市局) or a neighbouring county's
		// (褚相城 of 相城) staff are refused, the rule and both bureaus named
		for (String other : List.of("sz.office", "xc.staff")) {
			call(WUZHONG, path, days + ",\"place\":\"听证室\",\"host\":" + party.user(other) + "}").andExpect(status().is(422))
				.andExpect(jsonPath("$.errors[0].field").value("host"))
				.andExpect(jsonPath("$.errors[0].rule").value("host-not-handling-bureau"))
				.andExpect(jsonPath("$.errors[0].message").value(allOf(containsString("吴中区邮政管理局"),
						containsString("不能主持本机关的听证"), containsString("64"),
						// attack L1: neither the person nor the bureau of an id outside the caller's scope is told
						not(containsString("苏州市邮政管理局")), not(containsString("相城")), not(containsString("的工作人员：")))));
		}
		assertThat(jdbc.sql("SELECT hearing_on IS NULL FROM penalty_case WHERE id = :id").param("id", id).query(Boolean.class)
			.single()).isTrue();
		mvc.perform(get(path + "-hosts").header("Authorization", WUZHONG)).andExpect(status().isOk())
			.andExpect(jsonPath("$[*].userId", hasItem(is((int) office))))
			.andExpect(jsonPath("$[*].bureau", everyItem(is("苏州市吴中区邮政管理局"))))
			.andExpect(jsonPath("$[*].userId", everyItem(not(is((int) party.user("sz.office"))))))
			.andExpect(jsonPath("$[*].userId", everyItem(not(is((int) investigator)))))
			.andExpect(jsonPath("$[*].userId", everyItem(not(is((int) party.user("sys.admin"))))));

		call(WUZHONG, path, days + ",\"place\":\"吴中区邮政管理局三楼听证室\",\"host\":" + office + "}").andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.hearingPlace").value("吴中区邮政管理局三楼听证室"))
			.andExpect(jsonPath("$.penaltyCase.hearingHost").value("韩法审"))
			.andExpect(jsonPath("$.penaltyCase.hearingHostUserId").value(office));

		for (String kind : List.of("HEARING_NOTICE", "HEARING_RECORD")) {
			assertThat(document(id, kind)).as(kind).contains("吴中区邮政管理局三楼听证室", "韩法审").doesNotContain("${");
		}
		// the case page shows the place and the host; its history names who hosted the hearing
		mvc.perform(get("/enforcement/cases/" + id).session(SignIn.session(mvc, "wz.staff"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"hearing-held\"")))
			.andExpect(content().string(containsString("吴中区邮政管理局三楼听证室")))
			.andExpect(content().string(containsString("韩法审主持")));
	}

	@Test
	void theCaseListFiltersByStatusAndRefusesAnUnknownOne() throws Exception {
		Pair pair = notifiedAndFiled();
		String list = "/api/v1/enforcement/cases?size=200&status=";
		mvc.perform(get(list + "notified").header("Authorization", WUZHONG)).andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].status", everyItem(is("NOTIFIED"))))
			.andExpect(jsonPath("$.items[*].id", hasItem(is((int) pair.notified()))))
			.andExpect(jsonPath("$.items[*].id", not(hasItem(is((int) pair.filed())))));
		mvc.perform(get(list + "DECIDED&open=true").header("Authorization", WUZHONG)).andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(0));
		mvc.perform(get(list + "OPENED").header("Authorization", WUZHONG)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("status")).andExpect(jsonPath("$.errors[0].rule").value("one-of"));

		var staff = SignIn.session(mvc, "wz.staff");
		mvc.perform(get("/enforcement/cases?size=200&status=FILED").session(staff)).andExpect(status().isOk())
			.andExpect(content().string(containsString("/enforcement/cases/" + pair.filed() + "\"")))
			.andExpect(content().string(not(containsString("/enforcement/cases/" + pair.notified() + "\""))))
			.andExpect(content().string(containsString("value=\"FILED\" selected")));
		mvc.perform(get("/enforcement/cases?status=nope").session(staff)).andExpect(status().isBadRequest());
	}

	@Test
	void onlyTheHeadDecidesNotToPenalizeWithdrawsOrTransfers() throws Exception {
		Pair pair = notifiedAndFiled();
		String c = "/api/v1/enforcement/cases/";
		call(WUZHONG, c + pair.notified() + "/decision", "{\"decidedOn\":\"2026-06-01\",\"penalty\":\"FINE\",\"fine\":\"3000\"}")
			.andExpect(status().isForbidden());
		call(WUZHONG, c + pair.notified() + "/no-penalty", "{\"ground\":\"FIRST_MINOR\",\"reason\":\"首违不罚\"}").andExpect(status().isForbidden());
		call(WUZHONG, c + pair.filed() + "/withdrawal", "{\"reason\":\"证据不足\"}").andExpect(status().isForbidden());
		call(WUZHONG, c + pair.filed() + "/transfer", "{\"authority\":\"公安机关\",\"reason\":\"涉嫌犯罪\"}").andExpect(status().isForbidden());
		// MINOR_CORRECTED: FIRST_MINOR depends on the party's earlier cases, which other tests add to the shared database
		call(HEAD, c + pair.notified() + "/no-penalty", "{\"ground\":\"MINOR_CORRECTED\",\"reason\":\"违法行为轻微并及时改正，没有造成危害后果（行政处罚法第33条）\"}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.penaltyCase.status").value("NOT_PENALIZED"));
		call(HEAD, c + pair.filed() + "/withdrawal", "{\"reason\":\"经调查违法事实不成立\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.status").value("WITHDRAWN"));
	}

	/** The reason for the 5-year limitation (art.36) is shown on the lead and the case, and stated in the 立案审批表. */
	@Test
	void theReasonForTheFiveYearLimitationIsShownAndStatedInTheFilingApproval() throws Exception {
		LocalDate today = LocalDate.now(clock);
		long lead = party.leads().report(PartyCases.ALL, new Leads.ReportData("REPORT", "群众举报", party.other().creditCode(), null,
				"收寄禁寄物品致人受伤" + UUID.randomUUID(), today.toString()), false);
		party.leads().propose(PartyCases.ALL, lead, "OUTLET_UNFILED", today.minusYears(3).toString(), null, true,
				"禁寄物品在分拣中泄漏致两名分拣员受伤");
		var staff = SignIn.session(mvc, "wz.staff");
		mvc.perform(get("/enforcement/leads/" + lead).session(staff)).andExpect(status().isOk())
			.andExpect(content().string(containsString("禁寄物品在分拣中泄漏致两名分拣员受伤")));
		long id = party.leads().approve(PartyCases.ALL, lead, PartyCases.HEAD, today, false);
		mvc.perform(get("/enforcement/cases/" + id).session(staff)).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"harm-reason\"")))
			.andExpect(content().string(containsString("禁寄物品在分拣中泄漏致两名分拣员受伤")));
		assertThat(document(id, "FILING_APPROVAL")).contains("追责时效", "5年", "禁寄物品在分拣中泄漏致两名分拣员受伤");
	}
}
