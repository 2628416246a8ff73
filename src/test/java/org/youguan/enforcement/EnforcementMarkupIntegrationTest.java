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
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.IntegrationTest;
import org.youguan.kernel.DataScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
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
class EnforcementMarkupIntegrationTest extends ClockedSteps {

	static final String WUZHONG = PenaltyCaseIntegrationTest.WUZHONG;

	static final String HEAD = PenaltyCaseIntegrationTest.HEAD;

	static final String MARKED = "<script>alert(1)</script>属实";

	@Autowired
	CaseInvestigation investigation;

	LocalDate today() {
		return LocalDate.now(clock);
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
			"suspension|reason|HEAD|{\"kind\":\"TESTING\",\"startedOn\":\"TODAY\",\"reason\":%s}",
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

	/** What a comparison in a report, a place or a title is written with: no markup, stored and shown as typed. */
	static final Map<String, String> COMPARISONS = Map.of("title", "时限<3天的抽检记录（达标率≥95%）", "content",
			"同比增长>5%，投递时限<3天，＜2件超时，合格率≥95%、≤100%，a < b", "place", "吴中区示例路8号（距路口<100米）");

	/**
	 * The one rule of markup refuses what is markup — a tag, a closing tag, a comment, a processing instruction, half- or
	 * full-width — in a name (the evidence's title), a line (its place) and a free text (its content) alike, through the
	 * API; the comparisons the texts of work plans and statistics are written with ("增长>5%", "<3天", "≥95%") pass
	 * ({@link #comparisonsInANameALineAndAFreeTextPassThroughTheApiAndThePageForm}).
	 */
	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|', value = { "title|现场<b>检查</b>笔录", "title|＜script＞alert(1)", "place|吴中区示例路8号</p>",
			"place|吴中区<!-- 示例 -->路8号", "content|<?xml version=1.0?>经营场所未公示", "content|经查<img src=x>属实",
			"content|经查＜／b＞属实" })
	void markupInANameALineOrAFreeTextIsRefusedThroughTheApi(String field, String marked) throws Exception {
		long c = investigating();
		Map<String, String> values = new java.util.HashMap<>(Map.of("title", "现场检查笔录", "content", "经营场所未公示",
				"place", "吴中区示例路8号"));
		values.put(field, marked);
		ResultActions refusal = evidence(multipart("/api/v1/enforcement/cases/" + c + "/evidence").header("Authorization", WUZHONG),
				values);
		refused(refusal, field);
		refusal.andExpect(jsonPath("$.errors[?(@.field == '" + field + "')].message",
				hasItem(org.hamcrest.Matchers.containsString("不能含有网页标记"))));
		assertThat(jdbc.sql("SELECT count(*) FROM penalty_case_evidence WHERE case_id = :c").param("c", c).query(Long.class).single())
			.as("only the fixture's item").isEqualTo(1);
	}

	/**
	 * Comparisons are no markup: a title, a place and a report holding "<3天", "增长>5%", "＜2件" or "≥95%" are taken by the
	 * API and by the case page's form, stored as typed, and shown escaped on the page (Thymeleaf th:text); the form
	 * refuses a closing tag in the place, naming the field.
	 */
	@Test
	void comparisonsInANameALineAndAFreeTextPassThroughTheApiAndThePageForm() throws Exception {
		long c = investigating();
		evidence(multipart("/api/v1/enforcement/cases/" + c + "/evidence").header("Authorization", WUZHONG), COMPARISONS)
			.andExpect(status().is2xxSuccessful());
		org.springframework.mock.web.MockHttpSession staff = org.youguan.SignIn.session(mvc, "wz.staff");
		Map<String, String> typed = new java.util.HashMap<>(COMPARISONS);
		typed.put("title", "复查时限<5个工作日的笔录");
		evidence(multipart("/enforcement/cases/" + c + "/evidence").session(staff)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()), typed)
			.andExpect(status().is3xxRedirection());
		typed.put("place", "吴中区示例路8号＜/b＞");
		evidence(multipart("/enforcement/cases/" + c + "/evidence").session(staff)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()), typed)
			.andExpect(status().isBadRequest())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("收集地点不能含有网页标记")));
		assertThat(jdbc.sql("SELECT title FROM penalty_case_evidence WHERE case_id = :c AND content = :content AND place = :place")
			.param("c", c).param("content", COMPARISONS.get("content")).param("place", COMPARISONS.get("place"))
			.query(String.class).list()).as("both stored as typed")
			.containsExactlyInAnyOrder(COMPARISONS.get("title"), typed.get("title"));
		mvc.perform(get("/enforcement/cases/" + c).session(staff)).andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("复查时限&lt;5个工作日的笔录")));
	}

	/** A site record's evidence with these title, content and place. */
	ResultActions evidence(org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder request,
			Map<String, String> values) throws Exception {
		return mvc.perform(request.param("kind", "SITE_RECORD").param("title", values.get("title"))
			.param("content", values.get("content")).param("place", values.get("place"))
			.param("collectedOn", today().toString()).param("collectors", "32050601", "32050602"));
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
