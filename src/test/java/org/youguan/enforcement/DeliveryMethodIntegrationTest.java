package org.youguan.enforcement;

import java.time.Clock;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.enforcement.internal.CaseDocumentKind;
import org.youguan.enforcement.internal.CaseDocuments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The 送达 step records how the decision was served (行政处罚法(2021) art.61 and the 民事诉讼法's rules of service):
 * the method is required and one of six, electronic service only with the party's signed consent, and the methods that
 * need it carry their note — each refusal a 400 naming the field and rule, nothing recorded; the 送达回证 and the
 * case page state the method recorded, not 直接送达 whatever happened.
 */
@IntegrationTest
class DeliveryMethodIntegrationTest {

	static final String WUZHONG = PenaltyCaseIntegrationTest.WUZHONG;

	@Autowired
	MockMvc mvc;

	@Autowired
	PartyCases party;

	@Autowired
	CaseDocuments documents;

	@Autowired
	Clock clock;

	ResultActions deliver(long id, String json) throws Exception {
		return mvc.perform(post("/api/v1/enforcement/cases/" + id + "/delivery").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content(json));
	}

	static ResultActions refused(ResultActions r, String field, String rule) throws Exception {
		return r.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value(field))
			.andExpect(jsonPath("$.errors[0].rule").value(rule)).andExpect(jsonPath("$.errors.length()").value(1));
	}

	@Test
	void theMethodIsRequiredCheckedAndStatedOnTheReceiptAndThePage() throws Exception {
		LocalDate today = LocalDate.now(clock);
		long id = party.decided(party.other(), "DATA_NOT_REPORTED", "FINE", "2000", today);
		String on = "\"on\":\"" + today + "\"";

		refused(deliver(id, "{" + on + "}"), "method", "required");
		refused(deliver(id, "{" + on + ",\"method\":\"BY_PIGEON\"}"), "method", "one-of");
		refused(deliver(id, "{" + on + ",\"method\":\"ELECTRONIC\",\"note\":\"fa@example.com\"}"), "consent", "consent");
		refused(deliver(id, "{" + on + ",\"method\":\"DIRECT\",\"consent\":true}"), "consent", "absent");
		refused(deliver(id, "{" + on + ",\"method\":\"LEFT_AT_ADDRESS\"}"), "note", "required");
		refused(deliver(id, "{" + on + ",\"method\":\"PUBLIC_NOTICE\",\"note\":\"公告\\n送达\"}"), "note", "line-break");
		assertThat(party.cases().get(PartyCases.ALL, id).penaltyCase().status()).isEqualTo(CaseStatus.DECIDED);

		deliver(id, "{" + on + ",\"method\":\"LEFT_AT_ADDRESS\",\"note\":\"当事人拒收，社区居委会王某见证\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.deliveryMethod").value("LEFT_AT_ADDRESS"))
			.andExpect(jsonPath("$.penaltyCase.deliveryNote").value("当事人拒收，社区居委会王某见证"));

		String receipt = HandlingBureauAndPartyIntegrationTest.text(mvc, documents, id, CaseDocumentKind.DELIVERY_RECEIPT);
		assertThat(receipt).contains("留置送达（当事人拒收，社区居委会王某见证）").doesNotContain("直接送达");
		mvc.perform(get("/enforcement/cases/" + id).session(SignIn.session(mvc, "wz.staff"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("留置送达（当事人拒收，社区居委会王某见证）")));
	}

	@Test
	void electronicServiceWithTheConfirmedConsentIsRecorded() throws Exception {
		LocalDate today = LocalDate.now(clock);
		long id = party.decided(party.other(), "DATA_NOT_REPORTED", "FINE", "2000", today);
		deliver(id, "{\"on\":\"" + today + "\",\"method\":\"ELECTRONIC\",\"consent\":true,\"note\":\"当事人确认的电子邮箱fa@example.com\"}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.penaltyCase.deliveryMethod").value("ELECTRONIC"));
		assertThat(HandlingBureauAndPartyIntegrationTest.text(mvc, documents, id, CaseDocumentKind.DELIVERY_RECEIPT))
			.contains("电子送达（当事人确认的电子邮箱fa@example.com）");
	}
}
