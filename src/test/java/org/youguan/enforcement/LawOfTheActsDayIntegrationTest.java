package org.youguan.enforcement;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.org.Bureaus;
import org.youguan.registry.EnterpriseView;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.youguan.enforcement.PenaltyImportIntegrationTest.book;
import static org.youguan.enforcement.PenaltyImportIntegrationTest.file;
import static org.youguan.enforcement.PenaltyImportIntegrationTest.row;
import static org.youguan.enforcement.ProcedureGuardsIntegrationTest.rules;

/**
 * The law of the act's day (行政处罚法(2021) art.37): a past case under an article not yet in force on its day is
 * refused — by the API and the sheet, every such row named —, and so is a lead; a live case whose violation ended before
 * the 2025 revision cites the 2019 text's article however late decided; a decided case keeps the fine range it was
 * decided under when a bureau changes it later the same day.
 */
@IntegrationTest
class LawOfTheActsDayIntegrationTest extends ClockedSteps {

	@Autowired
	Leads leads;

	@Autowired
	CaseInvestigation caseInvestigation;

	@Autowired
	NoticeAndHearing noticeAndHearing;

	@Autowired
	CaseDecisions caseDecisions;

	@Autowired
	StatutoryRules rules;

	@Autowired
	Bureaus bureaus;

	@Test
	void aPastCaseUnderAnArticleNotInForceOnItsDayIsRefusedNamingTheViolation() throws Exception {
		String code = party.other().creditCode();
		// PACKAGING: 快递暂行条例(2025) art.56, in force 2025-06-01 — neither before the revision nor under the 2019 text
		imported(code, "PACKAGING", "2025-03-01", "2025-04-10").andExpect(jsonPath("$.errors[?(@.field == 'violation')].message")
			.value(hasItem(org.hamcrest.Matchers.containsString("2025年6月1日"))));
		imported(code, "PACKAGING", "2019-04-01", "2019-04-30");
		// the 条例 took effect 2018-05-01
		imported(code, "OUTLET_UNFILED", "2018-03-01", "2018-03-30");
		// 快递市场管理办法(2023) art.48, in force 2024-03-01
		imported(code, "UNLICENSED_CONTRACTOR", "2023-03-01", "2023-03-30");
		// in force on its day: imported, and cited as the text of its day
		String number = number(2018);
		mvc.perform(post("/api/v1/enforcement/cases/imported").header("Authorization", PenaltyCaseIntegrationTest.WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content(json(code, "OUTLET_UNFILED", "2018-05-02", "2018-06-01", number)))
			.andExpect(status().isCreated());
		long id = jdbc.sql("SELECT id FROM penalty_case WHERE decision_number = :n").param("n", number).query(Long.class).single();
		assertThat((String) JsonPath.read(page("/api/v1/enforcement/cases/" + id), "$.basis")).isEqualTo("快递暂行条例(2019) 第40条");

		// the sheet: every such row reported, nothing saved
		long before = count();
		String page = mvc.perform(multipart("/enforcement/import").file(file(book(null, List.of(
				row(code, "PACKAGING", "举报", "2025-03-01", "2025-04-10", number(2025), "罚款", 10000, null, null),
				row(code, "DATA_NOT_REPORTED", "举报", "2024-05-06", "2024-06-03", number(2024), "警告", null, null, null),
				row(code, "UNLICENSED_CONTRACTOR", "举报", "2023-03-01", "2023-03-30", number(2023), "罚款", 5000, null, null)))))
			.session(SignIn.session(mvc, "wz.staff")).with(csrf()))
			.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		assertThat(count()).isEqualTo(before);
		assertThat(page).contains("<td>2</td><td>违法行为</td>", "<td>4</td><td>违法行为</td>", "自2025年6月1日起施行", "自2024年3月1日起施行")
			.doesNotContain("<td>3</td><td>违法行为</td>");

		// a lead whose act ended before the article took effect
		long lead = leads.report(PartyCases.ALL, new Leads.ReportData("REPORT", "群众举报", code, null, "测试线索" + UUID.randomUUID(),
				LocalDate.now(clock).minusDays(3).toString()), false);
		assertThat(rules("violation", () -> leads.propose(PartyCases.ALL, lead, "PACKAGING", "2025-05-20", null, false, null)))
			.containsExactly("not-in-force");
	}

	@Test
	void aLiveCaseWhoseActEndedBeforeTheRevisionCitesThe2019TextWhenDecidedAfterIt() throws Exception {
		EnterpriseView e = party.sfWuzhong();
		LocalDate today = LocalDate.now(clock);
		assertThat(today).isAfter(LocalDate.of(2025, 6, 1));
		long id = party.filed(e, "OUTLET_UNFILED", today.minusDays(6));
		// the violation ended 2025-05-20 (the proposal's day is its end as the lead gave it; set here for the test)
		jdbc.sql("UPDATE penalty_case SET violation_ended_on = DATE '2025-05-20', facts = '开办的末端网点逾期未备案' WHERE id = :id")
			.param("id", id).update();
		caseInvestigation.startInvestigation(PartyCases.ALL, id, PartyCases.TEAM);
		party.evidence(id);
		caseInvestigation.concludeInvestigation(PartyCases.ALL, id, new CaseInvestigation.Conclusion("开办的末端网点逾期未备案",
				"FINE", "5000", false, null, null, null, today.minusDays(5).toString()));
		noticeAndHearing.notifyParty(PartyCases.ALL, id, today.minusDays(1).toString());
		noticeAndHearing.waiveStatement(PartyCases.ALL, id, today.minusDays(1).toString(), PartyCases.waiver());
		caseDecisions.decide(PartyCases.ALL, id, new CaseDecisions.Decision(null, today.toString(), "FINE", "5000", null, null, null,
				null, null, null, null, null));

		// the staff's API and page: the 2019 text's number beside the act's day
		assertThat((String) JsonPath.read(page("/api/v1/enforcement/cases/" + id), "$.basis")).isEqualTo("快递暂行条例(2019) 第40条");
		assertThat(mvc.perform(get("/enforcement/cases/" + id).session(SignIn.session(mvc, "wz.staff"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("快递暂行条例(2019) 第40条")
			.doesNotContain("快递暂行条例(2025) 第50条");
		// the decision as issued: the basis and the duty breached numbered as the 2019 text, beside 2025年5月20日
		List<Map<String, Object>> docs = JsonPath.read(page("/api/v1/enforcement/cases/" + id + "/documents"), "$");
		Map<String, Object> decision = docs.stream().filter(d -> "DECISION".equals(d.get("kind"))).findFirst().orElseThrow();
		String text = docx((String) decision.get("href"));
		assertThat(text).contains("《快递暂行条例》第四十条", "《快递暂行条例》第十八条").doesNotContain("第五十条", "第十九条");
	}

	@Test
	void aDecisionKeepsTheRangeItWasDecidedUnderWhenTheBureauChangesItLaterThatDay() throws Exception {
		LocalDate today = LocalDate.now(clock);
		long id = party.decided(party.other(), "OUTLET_UNFILED", "FINE", "5000", today);
		// an act of the decision's own day: the range is the one standing at the decision's instant
		jdbc.sql("UPDATE penalty_case SET violation_ended_on = :today WHERE id = :id").param("today", today).param("id", id).update();
		long bureau = bureaus.findByRegion("320506").orElseThrow().id();
		// a second later the same day (the test's clock stands still)
		clock.advance(Duration.ofSeconds(1));
		try {
			rules.override(StatutoryRule.FINE_OUTLET_UNFILED_MAX, bureau, "320506", new BigDecimal("4000"), "本局裁量基准调整（测试）");
			String detail = page("/api/v1/enforcement/cases/" + id);
			assertThat(new BigDecimal(JsonPath.read(detail, "$.deadlines.fineRange.max").toString())).isEqualByComparingTo("10000");
			// a case decided after the change is judged by the new range
			assertThat(rules.fineRange(org.youguan.rules.ViolationType.OUTLET_UNFILED, false, "320506").max())
				.isEqualByComparingTo("4000");
		}
		finally {
			rules.clearOverride(StatutoryRule.FINE_OUTLET_UNFILED_MAX, "320506");
			clock.reset();
		}
	}

	private ResultActions imported(String code, String violation, String filedOn, String decidedOn) throws Exception {
		return mvc.perform(post("/api/v1/enforcement/cases/imported").header("Authorization", PenaltyCaseIntegrationTest.WUZHONG)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(code, violation, filedOn, decidedOn, number(Integer.parseInt(decidedOn.substring(0, 4))))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'violation')].rule").value(hasItem("not-in-force")));
	}

	private static String json(String code, String violation, String filedOn, String decidedOn, String number) {
		return """
				{"enterpriseCreditCode":"%s","violation":"%s","source":"INSPECTION","filedOn":"%s",
				 "decidedOn":"%s","decisionNumber":"%s","penalty":"FINE","fine":5000}"""
			.formatted(code, violation, filedOn, decidedOn, number);
	}

	private static String number(int year) {
		return PenaltyImportIntegrationTest.number(year);
	}

	private long count() {
		return jdbc.sql("SELECT count(*) FROM penalty_case").query(Long.class).single();
	}

	private String page(String url) throws Exception {
		return mvc.perform(get(url).header("Authorization", PenaltyCaseIntegrationTest.WUZHONG)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private String docx(String href) throws Exception {
		byte[] bytes = mvc.perform(get(href).header("Authorization", PenaltyCaseIntegrationTest.WUZHONG)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsByteArray();
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes));
				XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
			return extractor.getText();
		}
	}
}
