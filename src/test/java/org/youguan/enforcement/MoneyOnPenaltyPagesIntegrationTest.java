package org.youguan.enforcement;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.documents.UploadedFile;
import org.youguan.kernel.ChineseText;
import org.youguan.registry.EnterpriseView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A fine is written the one way the penalty documents write it ({@link ChineseText#yuanFigures}: 8000元, 12345.50元) on
 * every page that shows it — the staff's case list and case page, the party's page and the public decision — never
 * 12345.5 (stripTrailingZeros) on one page and 8,000.00 (thousands separators) on another.
 */
@IntegrationTest
class MoneyOnPenaltyPagesIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	PartyCases party;

	@Autowired
	PastCases pastCases;

	@Autowired
	DecisionPublication decisionPublication;

	@Autowired
	Clock clock;

	@Test
	void aFineOf8000And12345Point5ReadsTheSameOnEveryPage() throws Exception {
		shownOnEveryPage(party.other(), "DELIVERY_WITHOUT_CONSENT", "8000", "8000元", "8,000.00");
		shownOnEveryPage(party.sfWuzhong(), "WAYBILL_DATA", "12345.5", "12345.50元", "12345.5元");
	}

	@Test
	void theOneMoneyFormatWritesFenAndWholeYuan() {
		assertThat(ChineseText.yuan(new BigDecimal("8000.00"))).isEqualTo("8000元");
		assertThat(ChineseText.yuan(new BigDecimal("8E+3"))).isEqualTo("8000元");
		assertThat(ChineseText.yuan(new BigDecimal("12345.5"))).isEqualTo("12345.50元");
		assertThat(ChineseText.yuan(null)).isEqualTo("—");
	}

	/** An imported, paid and published fine of {@code fine} shows as {@code shown}, never as {@code never}. */
	private void shownOnEveryPage(EnterpriseView e, String violation, String fine, String shown, String never)
			throws Exception {
		LocalDate decided = LocalDate.now(clock).minusDays(20);
		String number = "吴邮管罚〔" + decided.getYear() + "〕M" + UUID.randomUUID().toString().substring(0, 6) + "号";
		long id = pastCases.importCase(PartyCases.ALL, new PastCases.ImportedCase(e.creditCode(), violation, "REPORT",
				decided.minusDays(20).toString(), decided.toString(), number, "FINE", new BigDecimal(fine),
				decided.plusDays(5).toString(), null));
		pastCases.keepOriginalDocument(PartyCases.ALL, id, new PastCases.OriginalDocument("DECISION", null,
				decided.toString()), new UploadedFile("决定书.pdf", PenaltyCaseIntegrationTest.WAIVER_PDF));
		decisionPublication.publish(PartyCases.ALL, id, decided.plusDays(3).toString());
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		String list = page(get("/enforcement/cases").param("q", number).param("open", "false").session(staff));
		assertThat(list).as("the case list").contains("罚款 " + shown).doesNotContain(never);
		String casePage = page(get("/enforcement/cases/" + id).session(staff));
		assertThat(casePage).as("the case page: the decision and the payment").contains("罚款人民币" + shown, " " + shown)
			.doesNotContain(never);
		String publicPage = page(PublicPenaltyPagesIntegrationTest.anonymous("/public/penalties/" + id));
		assertThat(publicPage).as("the public decision").contains(">" + shown + "<").doesNotContain(never);
		if (e.creditCode().equals(party.sfWuzhong().creditCode())) {
			String own = page(get("/enterprise/penalties/" + id).session(SignIn.session(mvc, "sf.wz")));
			assertThat(own).as("the party's page").contains(shown).doesNotContain(never);
		}
	}

	private String page(RequestBuilder request) throws Exception {
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}
}
