package org.youguan.enforcement;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.documents.UploadedFile;
import org.youguan.registry.EnterpriseView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Finding (the enterprise portal's penalty page built its penalty in Chinese: the decision's "罚款人民币8000元" and the
 * documents' titles; the credit entry the decision made read "…：罚款人民币8000元"): in English the party reads them in
 * English, in Chinese as the domain writes them, word for word.
 */
@IntegrationTest
class EnglishPartyPagesIntegrationTest {

	private static final String HAN = "\\p{IsHan}";

	/** The case is a past one, imported with its decision's original. */
	@Autowired
	PastCases pastCases;

	@Autowired
	PartyCases party;

	@Autowired
	Clock clock;

	@Autowired
	MockMvc mvc;

	/** Where the credit entry the decision made is found. */
	@Autowired
	JdbcClient jdbc;

	@Test
	void thePartyReadsItsPenaltyAndItsCreditEntryInEnglish() throws Exception {
		EnterpriseView e = party.sfWuzhong();
		LocalDate decided = LocalDate.now(clock).minusDays(20);
		String number = "吴邮管罚〔" + decided.getYear() + "〕E" + UUID.randomUUID().toString().substring(0, 6) + "号";
		long id = pastCases.importCase(PartyCases.ALL, new PastCases.ImportedCase(e.creditCode(), "DELIVERY_WITHOUT_CONSENT",
				"REPORT", decided.minusDays(20).toString(), decided.toString(), number, "FINE", new BigDecimal("8000"),
				decided.plusDays(5).toString(), null));
		pastCases.keepOriginalDocument(PartyCases.ALL, id, new PastCases.OriginalDocument("DECISION", null,
				decided.toString()), new UploadedFile("决定书.pdf", PenaltyCaseIntegrationTest.WAIVER_PDF));
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");

		Document english = page("/enterprise/penalties/" + id, "en", sf);
		assertThat(english.getElementById("party-decided-penalty").text()).isEqualTo("Fine of ¥8000");
		assertThat(english.select(".party-document-title")).isNotEmpty()
			.allSatisfy(t -> assertThat(t.text()).doesNotContainPattern(HAN));
		Document chinese = page("/enterprise/penalties/" + id, "zh-CN", sf);
		assertThat(chinese.getElementById("party-decided-penalty").text()).isEqualTo("罚款人民币8000元");
		assertThat(chinese.select(".party-document-title").eachText()).contains("行政处罚决定书");

		await().atMost(Duration.ofSeconds(60)).until(() -> entry(id) != null);
		long entry = entry(id);
		String stored = jdbc.sql("SELECT summary FROM credit_entry WHERE id = :id").param("id", entry).query(String.class).single();
		assertThat(stored).endsWith("：罚款人民币8000元");
		Element summary = page("/enterprise/credit/entries/" + entry, "en", sf).getElementById("credit-entry-summary");
		assertThat(summary.text()).endsWith(": Fine of ¥8000").doesNotContainPattern(HAN);
		assertThat(page("/enterprise/credit/entries/" + entry, "zh-CN", sf).getElementById("credit-entry-summary").text())
			.isEqualTo(stored);
	}

	private Long entry(long caseId) {
		return jdbc.sql("SELECT id FROM credit_entry WHERE source_ref = :ref").param("ref", "penalty:" + caseId)
			.query(Long.class).optional().orElse(null);
	}

	private Document page(String path, String lang, MockHttpSession session) throws Exception {
		var response = mvc.perform(get(path).param("lang", lang).session(session)).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
	}
}
