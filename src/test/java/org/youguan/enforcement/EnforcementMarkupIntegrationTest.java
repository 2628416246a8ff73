package org.youguan.enforcement;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.kernel.DataScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The free texts of a penalty case are printed on its .docx documents (立案审批表, 调查终结报告, 告知书, 决定书, 结案报告):
 * markup typed into them was stored and printed verbatim (attack: the lead's summary, the conclusion's report, the
 * evidence's title, content and place, the reasons of a suspension, extension or withdrawal, the 复核意见 → 201/200). Each
 * is refused now (400, rule {@code markup}, naming the field) and nothing is stored; the line breaks of a multi-line
 * text reach the 决定书 as lines of their own.
 */
@IntegrationTest
class EnforcementMarkupIntegrationTest {

	static final String WUZHONG = PenaltyCaseIntegrationTest.WUZHONG;

	static final String HEAD = PenaltyCaseIntegrationTest.HEAD;

	static final String MARKED = "<script>alert(1)</script>属实";

	@Autowired
	MockMvc mvc;

	@Autowired
	PartyCases party;

	@Autowired
	CaseInvestigation investigation;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	LocalDate today() {
		return LocalDate.now(clock);
	}

	ResultActions call(String token, String path, String json) throws Exception {
		return mvc.perform(post(path).header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	static String json(String text) {
		return "\"" + text.replace("\"", "\\\"").replace("\r", "\\r").replace("\n", "\\n") + "\"";
	}

	/** A case of another Wuzhong enterprise than sf.wz's, filed today and under investigation, with an item of evidence. */
	long investigating() {
		long c = party.filed(party.other(), "DATA_NOT_REPORTED", today());
		investigation.startInvestigation(DataScope.all(), c, PartyCases.TEAM);
		party.evidence(c);
		return c;
	}

	static void refused(ResultActions r, String field) throws Exception {
		r.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == '" + field + "')].rule", hasItem("markup")));
	}

	@Test
	void aLeadsSummaryWithMarkupIsRefused() throws Exception {
		long before = jdbc.sql("SELECT count(*) FROM penalty_lead").query(Long.class).single();
		refused(call(WUZHONG, "/api/v1/enforcement/leads", """
				{"source":"REPORT","sourceDetail":"群众举报","enterpriseCreditCode":"%s","summary":%s,"receivedOn":"%s"}"""
			.formatted(party.other().creditCode(), json(MARKED), today())), "summary");
		assertThat(jdbc.sql("SELECT count(*) FROM penalty_lead").query(Long.class).single()).as("nothing stored").isEqualTo(before);
	}

	/** Each step of an investigating case that prints a free text, with markup in that text: refused naming it. */
	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|', value = {
			"conclusion|report|WUZHONG|{\"report\":%s,\"proposedPenalty\":\"FINE\",\"proposedFine\":\"2000\"}",
			"suspension|reason|WUZHONG|{\"kind\":\"TESTING\",\"startedOn\":\"TODAY\",\"reason\":%s}",
			"extension|reason|HEAD|{\"reason\":%s}",
			"withdrawal|reason|HEAD|{\"reason\":%s}" })
	void aStepsFreeTextWithMarkupIsRefusedNamingTheField(String step, String field, String who, String body) throws Exception {
		long c = investigating();
		refused(call(who.equals("HEAD") ? HEAD : WUZHONG, "/api/v1/enforcement/cases/" + c + "/" + step,
				body.replace("TODAY", today().toString()).formatted(json(MARKED))), field);
		mvc.perform(get("/api/v1/enforcement/cases/" + c).header("Authorization", WUZHONG)).andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.status").value("INVESTIGATING"));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "title", "content", "place" })
	void evidenceWithMarkupInItsTitleContentOrPlaceIsRefused(String field) throws Exception {
		long c = investigating();
		Map<String, String> values = new java.util.HashMap<>(Map.of("title", "现场检查笔录", "content", "经营场所未公示",
				"place", "吴中区示例路8号"));
		values.put(field, field.equals("place") ? "吴中区示例路8号<img src=x onerror=alert(1)>" : MARKED);
		refused(mvc.perform(multipart("/api/v1/enforcement/cases/" + c + "/evidence").header("Authorization", WUZHONG)
			.param("kind", "SITE_RECORD").param("title", values.get("title")).param("content", values.get("content"))
			.param("place", values.get("place")).param("collectedOn", today().toString())
			.param("collectors", "32050601", "32050602")), field);
		assertThat(jdbc.sql("SELECT count(*) FROM penalty_case_evidence WHERE case_id = :c").param("c", c).query(Long.class).single())
			.as("only the fixture's item").isEqualTo(1);
	}

	/**
	 * The 复核意见 of the party's statement (attack: markup → 200, and its line breaks were not seen as such): markup is
	 * refused; its lines are printed on the 决定书 each on a line of its own (a Word line break), not run together.
	 */
	@Test
	void aStatementReviewWithMarkupIsRefusedAndItsLinesArePrintedAsLines() throws Exception {
		long c = investigating();
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/conclusion",
				"{\"report\":\"当事人连续三个月未报送快递业务数据\",\"proposedPenalty\":\"FINE\",\"proposedFine\":\"2000\"}")
			.andExpect(status().isOk());
		String today = today().toString();
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/notice", "{\"on\":\"" + today + "\"}").andExpect(status().isOk());
		call(WUZHONG, "/api/v1/enforcement/cases/" + c + "/statement",
				"{\"on\":\"" + today + "\",\"text\":\"当事人称系统故障导致未报送\"}").andExpect(status().isOk());
		String decision = "{\"decidedOn\":\"" + today + "\",\"penalty\":\"FINE\",\"fine\":\"2000\",\"statementAdopted\":false,"
				+ "\"statementReview\":%s}";
		refused(call(HEAD, "/api/v1/enforcement/cases/" + c + "/decision", decision.formatted(json("系统故障<b>不属实</b>"))),
				"statementReview");
		call(HEAD, "/api/v1/enforcement/cases/" + c + "/decision",
				decision.formatted(json("经核查系统日志无故障记录\r\n当事人未提供其他证据"))).andExpect(status().isOk());
		List<Map<String, Object>> docs = JsonPath.read(mvc.perform(get("/api/v1/enforcement/cases/" + c + "/documents")
			.header("Authorization", WUZHONG)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$");
		String href = (String) CaseDocumentsIntegrationTest.only(docs, "DECISION").get("href");
		byte[] docx = mvc.perform(get(href).header("Authorization", WUZHONG)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsByteArray();
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
				XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
			// POI reads a Word line break (w:br) as a line break, paragraphs (in tables too) as lines
			List<String> lines = extractor.getText().lines().toList();
			assertThat(lines).as("each line of the review printed on a line of its own")
				.anySatisfy(l -> assertThat(l).endsWith("经核查系统日志无故障记录"))
				.anySatisfy(l -> assertThat(l).startsWith("你单位未提供其他证据"))
				.noneSatisfy(l -> assertThat(l).contains("无故障记录你单位未提供"));
		}
	}
}
