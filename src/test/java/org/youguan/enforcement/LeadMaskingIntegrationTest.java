package org.youguan.enforcement;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.documents.TemplateFiles;
import org.youguan.platform.ChinaTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A lead's place is a region that exists, named when it is not; a reporter's phone or ID number typed into a lead's summary is masked wherever leads are listed — the API list and
 * the list page — as every list masks personal data; the lead's own page shows it to those handling it.
 */
@IntegrationTest
class LeadMaskingIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void personalNumbersInALeadsSummaryAreMaskedInLists() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		long lead = PenaltyCaseIntegrationTest.id(mvc.perform(post("/api/v1/enforcement/leads")
			.header("Authorization", PenaltyCaseIntegrationTest.WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"source":"REPORT","sourceDetail":"群众举报 13712345678","regionCode":"320506","summary":"举报%s，举报人电话13812345678，身份证320506199001011234，另一电话１３６１２３４５６７８","receivedOn":"%s"}"""
				.formatted(tag, LocalDate.now(ChinaTime.ZONE))))
			.andExpect(status().isCreated()));
		mvc.perform(get("/api/v1/enforcement/leads").param("q", tag).header("Authorization", PenaltyCaseIntegrationTest.WUZHONG))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(tag)))
			.andExpect(content().string(not(containsString("13812345678"))))
			.andExpect(content().string(not(containsString("320506199001011234"))))
			.andExpect(content().string(not(containsString("13712345678"))))
			.andExpect(content().string(not(containsString("１３６１２３４５６７８"))))
			.andExpect(content().string(not(containsString("13612345678"))));
		var staff = SignIn.session(mvc, "wz.staff");
		mvc.perform(get("/enforcement/leads").param("q", tag).session(staff))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(tag)))
			.andExpect(content().string(not(containsString("13812345678"))));
		mvc.perform(get("/enforcement/leads/" + lead).session(staff))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("13812345678")));
	}

	@Autowired
	PartyCases party;

	@Autowired
	CaseInvestigation caseInvestigation;

	@Autowired
	CaseEvidence evidence;

	/**
	 * A case's facts are its lead's summary copied on 立案: a reporter's number in them is read as the lead's is — in full
	 * by the handling bureau's 处室工作人员, masked for everyone else who reads the case (the city's staff above it, the
	 * county's own leader) on the case's page and in the API. Before, the lead hid the number and its case showed it.
	 */
	@Test
	void aReportersNumberCopiedIntoACasesFactsIsMaskedAsOnItsLead() throws Exception {
		long lead = reported(party.fresh().creditCode(), "举报人张某电话13812345678，身份证320506199001011234，反映网点违规收寄",
				null);
		long id = party.leads().approve(PartyCases.ALL, lead, PartyCases.HEAD, LocalDate.now(ChinaTime.ZONE), false);
		String path = "/api/v1/enforcement/cases/" + id;
		mvc.perform(get(path).header("Authorization", PenaltyCaseIntegrationTest.WUZHONG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.facts", containsString("13812345678")));
		for (String reader : new String[] { PenaltyCaseIntegrationTest.CITY, PenaltyCaseIntegrationTest.HEAD }) {
			mvc.perform(get(path).header("Authorization", reader))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.penaltyCase.facts", containsString("反映网点违规收寄")))
				.andExpect(content().string(not(containsString("13812345678"))))
				.andExpect(content().string(not(containsString("320506199001011234"))));
		}
		mvc.perform(get("/enforcement/cases/" + id).session(SignIn.session(mvc, "sz.market")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("反映网点违规收寄")))
			.andExpect(content().string(not(containsString("13812345678"))));
		mvc.perform(get("/enforcement/cases/" + id).session(SignIn.session(mvc, "wz.staff")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("13812345678")));
	}

	/**
	 * Every text the case page quotes follows the page's reader rule — the 5-year limitation reason proposed on the lead
	 * too —, and so does every document the platform generated for the case (the 立案审批表 prints the facts and that
	 * reason): a superior bureau's staff download it with every personal number masked, the handling staff with the
	 * harm reason in full and the reporter's numbers masked (the 案件来源 and the facts alike).
	 */
	@Test
	void theHarmReasonAndTheGeneratedDocumentsAreMaskedAsTheCasePageIs() throws Exception {
		var e = party.fresh();
		long lead = reported(e.creditCode(), "举报人王某电话13712345679，反映网点违规收寄", "受害人李某（手机13612345670，座机0512-66881239）财产受损");
		long id = party.leads().approve(PartyCases.ALL, lead, PartyCases.HEAD, LocalDate.now(ChinaTime.ZONE), false);
		// the lead and the case page: the reason masked for the city's staff, in full for the county's
		mvc.perform(get("/api/v1/enforcement/leads/" + lead).header("Authorization", PenaltyCaseIntegrationTest.CITY))
			.andExpect(jsonPath("$.proposedHarmReason").value("受害人李某（手机136****5670，座机0512-****1239）财产受损"));
		mvc.perform(get("/enforcement/cases/" + id).session(SignIn.session(mvc, "sz.market")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("136****5670")))
			.andExpect(content().string(not(containsString("13612345670"))))
			.andExpect(content().string(not(containsString("66881239"))));
		mvc.perform(get("/enforcement/cases/" + id).session(SignIn.session(mvc, "wz.staff")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("13612345670")));
		// the evidence list, whose 询问笔录 names the person asked and his numbers
		caseInvestigation.startInvestigation(PartyCases.ALL, id, PartyCases.TEAM);
		evidence.add(PartyCases.ALL, id, new CaseEvidence.EvidenceData("SITE_RECORD", "现场检查笔录" + UUID.randomUUID(),
				"在场人王某，身份证320506199001011234，电话13712345679", "吴中区某营业场所", "王某",
				LocalDate.now(ChinaTime.ZONE).toString(), List.of("32050601", "32050602")), null);
		mvc.perform(get("/api/v1/enforcement/cases/" + id + "/evidence").header("Authorization", PenaltyCaseIntegrationTest.CITY))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("320506********1234")))
			.andExpect(content().string(not(containsString("320506199001011234"))))
			.andExpect(content().string(not(containsString("13712345679"))));
		mvc.perform(get("/api/v1/enforcement/cases/" + id + "/evidence").header("Authorization", PenaltyCaseIntegrationTest.WUZHONG))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("320506199001011234")));
		// the 立案审批表 as each reads it
		String href = party.cases().documents(PartyCases.ALL, id).stream()
			.filter(d -> d.kind() == org.youguan.enforcement.internal.CaseDocumentKind.FILING_APPROVAL)
			.findFirst().orElseThrow().href();
		byte[] full = mvc.perform(get(href).session(SignIn.session(mvc, "wz.staff")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		// the harm reason in full for the handling staff; the reporter's number carried into the facts masked as in the
		// 案件来源 beside it, whoever draws the document (one masking rule within a document)
		assertThat(TemplateFiles.text(full)).contains("13612345670", "137****5679", e.creditCode()).doesNotContain("13712345679");
		byte[] masked = mvc.perform(get(href).session(SignIn.session(mvc, "sz.market")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(TemplateFiles.text(masked)).contains("137****5679", "136****5670", "反映网点违规收寄", e.creditCode())
			.doesNotContain("13712345679", "13612345670", "66881239");
	}

	/**
	 * A lead reported today against the enterprise and proposed for 立案 (the violation ended yesterday), with a 5-year
	 * limitation reason when {@code harmReason} is not null.
	 */
	private long reported(String creditCode, String summary, String harmReason) {
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		long lead = party.leads().report(PartyCases.ALL, new Leads.ReportData("REPORT", "群众举报", creditCode, null, summary,
				today.toString()), false);
		party.leads().propose(PartyCases.ALL, lead, "DATA_NOT_REPORTED", today.minusDays(1).toString(), null,
				harmReason != null, harmReason);
		return lead;
	}

	@Test
	void aPlaceThatIsNoRegionIsNamedNotLeftToTheDatabase() throws Exception {
		mvc.perform(lead("32050699999999"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("regionCode"))
			.andExpect(jsonPath("$.errors[0].rule").value("length"));
		// a code of the region's form that names no region the county holds is not there (404), as another region is —
		// decided before the other fields (DataScope#refuseRegionOutside)
		mvc.perform(lead("329999")).andExpect(status().isNotFound());
	}

	private MockHttpServletRequestBuilder lead(String regionCode) {
		return post("/api/v1/enforcement/leads").header("Authorization", PenaltyCaseIntegrationTest.WUZHONG)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"source":"REPORT","regionCode":"%s","summary":"举报无证经营","receivedOn":"%s"}""".formatted(regionCode,
					LocalDate.now(ChinaTime.ZONE)));
	}

	/**
	 * Attack round 15: the list's search matched the digits the list shows masked, so a user could confirm a party's ID
	 * or phone number by searching its pieces. A fragment of a masked number finds nothing; the whole number (in blocks
	 * or not) finds the lead; the digits the list shows still find it.
	 */
	@Test
	void aPersonalNumberIsFoundOnlyWhole() throws Exception {
		String tag = "搜" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
		mvc.perform(post("/api/v1/enforcement/leads").header("Authorization", PenaltyCaseIntegrationTest.WUZHONG)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"source":"REPORT","sourceDetail":"举报人电话13912345678","regionCode":"320506","summary":"举报%s，当事人身份证110105194912310021","receivedOn":"%s"}"""
				.formatted(tag, LocalDate.now(ChinaTime.ZONE))))
			.andExpect(status().isCreated());
		for (String fragment : new String[] { "19491231", "1949", "1234", "912345", "110105194912" }) {
			mvc.perform(get("/api/v1/enforcement/leads").param("q", tag + " " + fragment)
				.header("Authorization", PenaltyCaseIntegrationTest.WUZHONG))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.total").value(0));
		}
		for (String whole : new String[] { "13912345678", "139-1234-5678", "110105194912310021", "0021", "5678", "110105" }) {
			mvc.perform(get("/api/v1/enforcement/leads").param("q", tag + " " + whole)
				.header("Authorization", PenaltyCaseIntegrationTest.WUZHONG))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.total").value(1));
		}
	}

	/**
	 * Attack round 15: a lead posted twice (a double click, a retried call) made two leads. The same report again —
	 * spaces and widths aside — is refused (409 {@code summary}/{@code unique}); another report that day is recorded.
	 */
	@Test
	void theSameLeadSentTwiceIsRecordedOnce() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String body = """
				{"source":"REPORT","sourceDetail":"群众举报","regionCode":"320506","summary":"%s","receivedOn":"%s"}""";
		String summary = "双击测试：网点违规收寄" + tag;
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		mvc.perform(post("/api/v1/enforcement/leads").header("Authorization", PenaltyCaseIntegrationTest.WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content(body.formatted(summary, today)))
			.andExpect(status().isCreated());
		mvc.perform(post("/api/v1/enforcement/leads").header("Authorization", PenaltyCaseIntegrationTest.WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content(body.formatted(" " + summary.replace("：", ":") + " ", today)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("summary"))
			.andExpect(jsonPath("$.errors[0].rule").value("unique"));
		mvc.perform(post("/api/v1/enforcement/leads").header("Authorization", PenaltyCaseIntegrationTest.WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content(body.formatted(summary + "（另一网点）", today)))
			.andExpect(status().isCreated());
		mvc.perform(get("/api/v1/enforcement/leads").param("q", tag).header("Authorization", PenaltyCaseIntegrationTest.WUZHONG))
			.andExpect(jsonPath("$.total").value(2));
	}

	/**
	 * A lead's summary is stored without the invisible characters inside it (Text.freeText): a zero-width space can no
	 * longer make the same report look like another to the twin check (409 {@code summary}/{@code unique}), and the
	 * list's search finds the summary as it reads.
	 */
	@Test
	void aZeroWidthSpaceInsideALeadsSummaryMakesNoNewLead() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String body = """
				{"source":"REPORT","sourceDetail":"群众\u200B举报","regionCode":"320506","summary":"%s","receivedOn":"%s"}""";
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		long lead = PenaltyCaseIntegrationTest.id(mvc.perform(post("/api/v1/enforcement/leads")
			.header("Authorization", PenaltyCaseIntegrationTest.WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted("网点\u200B违规\u200E收寄" + tag, today)))
			.andExpect(status().isCreated()));
		mvc.perform(post("/api/v1/enforcement/leads").header("Authorization", PenaltyCaseIntegrationTest.WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content(body.formatted("网点违规收寄" + tag, today)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("summary"))
			.andExpect(jsonPath("$.errors[0].rule").value("unique"));
		mvc.perform(get("/api/v1/enforcement/leads").param("q", "网点违规收寄" + tag)
			.header("Authorization", PenaltyCaseIntegrationTest.WUZHONG))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(lead))
			.andExpect(jsonPath("$.items[0].summary").value("网点违规收寄" + tag));
	}

	/**
	 * A lead's 来源说明 is one cell of the leads list and part of the audit summary: one on two lines is refused naming
	 * {@code sourceDetail}, rule {@code line-break}, and no lead is recorded.
	 */
	@Test
	void aSourceDetailOnTwoLinesIsRefused() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(post("/api/v1/enforcement/leads").header("Authorization", PenaltyCaseIntegrationTest.WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"source":"REPORT","sourceDetail":"市市场监管局\\n来函","regionCode":"320506","summary":"%s","receivedOn":"%s"}"""
				.formatted("网点违规收寄" + tag, LocalDate.now(ChinaTime.ZONE))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("sourceDetail"))
			.andExpect(jsonPath("$.errors[0].rule").value("line-break"));
		mvc.perform(get("/api/v1/enforcement/leads").param("q", tag).header("Authorization", PenaltyCaseIntegrationTest.WUZHONG))
			.andExpect(jsonPath("$.total").value(0));
	}
}
