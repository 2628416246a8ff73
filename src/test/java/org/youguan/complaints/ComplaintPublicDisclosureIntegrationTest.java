package org.youguan.complaints;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.kernel.DataScope;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attack round 14 (M2): what the public reads of a complaint holds no personal number — a refusal's reason typed with
 * the filer's ID and phone numbers showed them in clear on the status page and the public API — and a public filer is
 * never told another complaint's number.
 */
@IntegrationTest
class ComplaintPublicDisclosureIntegrationTest {

	static final DataScope WUZHONG = DataScope.region("320506");

	/** The numbers as handlers type them: plain, zero-width inside, spaced, full width, after +86, a landline. */
	static final String REASON = "与前案重复。身份证320506199001014561，电话13987654321，备用１３９８７６５４３２２，"
			+ "又139\u200B8765\u200B4323，139 8765 4324，+86 139-8765-4325，座机0512-65551234，(0512)6555 1235";

	static final String[] CLEAR = { "320506199001014561", "13987654321", "１３９８７６５４３２２", "8765\u200B4323",
			"139 8765 4324", "139-8765-4325", "65551234", "6555 1235" };

	@Autowired
	ComplaintIntake intake;

	@Autowired
	ComplaintProcedure procedure;

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvc mvc;

	LocalDate today() {
		return LocalDate.now(clock);
	}

	@Test
	void aRefusalsReasonIsShownToThePublicWithItsPersonalNumbersMasked() throws Exception {
		var filed = intake.file(ComplaintIntegrationTest.form(today().minusDays(20), today().minusDays(10), null,
				ComplaintIntegrationTest.waybill()), Channel.PHONE, null, false);
		procedure.reject(WUZHONG, filed.id(), AcceptanceCondition.DUPLICATE, REASON);

		String api = mvc.perform(get("/api/v1/public/complaints/" + filed.number()).param("queryCode", filed.queryCode()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		String page = mvc.perform(get("/public/complaints/status").param("number", filed.number())
			.param("queryCode", filed.queryCode()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		for (String shown : new String[] { api, page }) {
			assertThat(shown).contains("与前案重复").contains("320506********4561").contains("139****4321")
				.contains("0512-****1234");
			for (String clear : CLEAR) {
				assertThat(shown).as("shown: %s", clear).doesNotContain(clear);
			}
		}
	}

	@Test
	void aPublicFilerIsToldOfAPossibleDuplicateButNotItsNumber() throws Exception {
		String body = """
				{"filerName":"张三","phone":"13912345678","filerRole":"RECIPIENT","region":"320506","brand":"顺丰",
				 "waybillNumber":"%s","postedOn":"%s","priorComplaint":{"date":"%s","channel":"电话","companyAnswer":null},
				 "category":"延误","reason":"中转或运输延误","amountClaimed":100,"description":"快件延误"}"""
			.formatted(ComplaintIntegrationTest.waybill(), today().minusDays(20), today().minusDays(10));
		String first = JsonPath.read(mvc.perform(post("/api/v1/public/complaints").contentType("application/json")
			.content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.number");
		// the same body again moments later is the first sent twice (409); told in other words it is a second complaint
		mvc.perform(post("/api/v1/public/complaints").contentType("application/json").content(body))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("description"))
			.andExpect(jsonPath("$.errors[0].rule").value("resubmitted"));
		String second = mvc.perform(post("/api/v1/public/complaints").contentType("application/json")
				.content(body.replace("\"快件延误\"", "\"快件延误，再次申诉\"")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.possibleDuplicate").value(true))
			.andExpect(jsonPath("$.duplicateOf").doesNotExist())
			.andReturn().getResponse().getContentAsString();
		assertThat(second).doesNotContain(first);

		var form = ComplaintPagesIntegrationTest.form(ComplaintIntegrationTest.waybill(), "外箱破损");
		String firstPage = mvc.perform(post("/public/complaints/new").params(form).with(csrf()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String firstNumber = ComplaintFormEvidenceIntegrationTest.number(firstPage);
		form.set("description", "外箱破损，再次申诉");
		String again = mvc.perform(post("/public/complaints/new").params(form).with(csrf()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(again).contains("可能重复").doesNotContain(firstNumber)
			// attack 4-9: the notice names the reason it was marked for
			.contains("已有以相同电话、运单号和类别提出的申诉").doesNotContain("内容相同的申诉");
	}

	/**
	 * Attack 4-9: a public filing marked for the same text (another phone, another waybill, the same address) is told so,
	 * not that a complaint with the same phone, waybill and category exists.
	 */
	@Test
	void aFilingMarkedForTheSameTextIsToldSo() throws Exception {
		String text = "外箱破损内件丢失" + java.util.UUID.randomUUID().toString().substring(0, 8);
		var address = org.youguan.ClientAddress.from("10.66." + java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 250)
				+ "." + java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 250));
		mvc.perform(post("/public/complaints/new").params(ComplaintPagesIntegrationTest.form(ComplaintIntegrationTest.waybill(),
				text)).with(csrf()).with(address))
			.andExpect(status().isOk());
		String again = mvc.perform(post("/public/complaints/new").params(ComplaintPagesIntegrationTest.form(
				ComplaintIntegrationTest.waybill(), text)).with(csrf()).with(address))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(again).contains("今日已有针对同一品牌、内容相同的申诉").doesNotContain("相同电话、运单号和类别");
	}

	/**
	 * Attack 4-10: staff typing in the same text twice against the same brand on one day — another filer's phone,
	 * another waybill, staff entry having no client address — mark the second as a likely duplicate (never refuse it).
	 */
	@Test
	void staffEnteringTheSameTextTwiceOnOneDayMarkTheSecond() throws Exception {
		var staff = org.youguan.SignIn.session(mvc, "sz.market");
		String text = "电话反映：快件破损" + java.util.UUID.randomUUID().toString().substring(0, 8);
		var first = ComplaintPagesIntegrationTest.form("YT" + org.youguan.RandomDigits.of(9), text);
		first.add("channel", "PHONE");
		String firstSaid = (String) mvc.perform(post("/complaints/new").session(staff).with(csrf()).params(first))
			.andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("message");
		assertThat(firstSaid).doesNotContain("疑似");
		String number = firstSaid.substring(0, firstSaid.indexOf(" 已登记"));
		var second = ComplaintPagesIntegrationTest.form("YT" + org.youguan.RandomDigits.of(9), text);
		second.add("channel", "LETTER");
		String secondSaid = (String) mvc.perform(post("/complaints/new").session(staff).with(csrf()).params(second))
			.andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("message");
		assertThat(secondSaid).contains("疑似与 " + number + " 重复（当日对同一品牌内容相同）");
	}

	/**
	 * Attack 3: 20 identical texts from one address, each with a new phone number, were all possibleDuplicate:false.
	 * The same (normalised) description against the same brand on the same day from the same address, or naming the same
	 * waybill, is marked for the bureau; the same text from elsewhere about another parcel is not.
	 */
	@Test
	void identicalTextsFromOneAddressWithNewPhoneNumbersAreMarkedAsLikelyDuplicates() throws Exception {
		String text = "快件丢失至今未赔" + java.util.UUID.randomUUID().toString().substring(0, 8);
		String address = "10.77." + java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 250) + "."
				+ java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 250);
		String body = """
				{"filerName":"张三","phone":"%s","filerRole":"RECIPIENT","region":"320506","brand":"顺丰",
				 "waybillNumber":"%s","postedOn":"%s","priorComplaint":{"date":"%s","channel":"电话","companyAnswer":null},
				 "category":"延误","reason":"中转或运输延误","amountClaimed":100,"description":"%s"}""";
		String waybill = ComplaintIntegrationTest.waybill();
		mvc.perform(post("/api/v1/public/complaints").contentType("application/json").with(org.youguan.ClientAddress.from(address))
			.content(body.formatted("13912340001", waybill, today().minusDays(20), today().minusDays(10), text)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.possibleDuplicate").value(false));
		// the same text written with other spaces and punctuation, a new phone number and a new waybill, same address
		mvc.perform(post("/api/v1/public/complaints").contentType("application/json").with(org.youguan.ClientAddress.from(address))
			.content(body.formatted("13912340002", ComplaintIntegrationTest.waybill(), today().minusDays(20),
					today().minusDays(10), " " + text.substring(0, 4) + "，" + text.substring(4) + "！")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.possibleDuplicate").value(true));
		// from another address: the same waybill marks it, another waybill does not
		mvc.perform(post("/api/v1/public/complaints").contentType("application/json").with(org.youguan.ClientAddress.from(address.replace("10.77.", "10.78.")))
			.content(body.formatted("13912340003", waybill, today().minusDays(20), today().minusDays(10), text)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.possibleDuplicate").value(true));
		mvc.perform(post("/api/v1/public/complaints").contentType("application/json").with(org.youguan.ClientAddress.from(address.replace("10.77.", "10.79.")))
			.content(body.formatted("13912340004", ComplaintIntegrationTest.waybill(), today().minusDays(20),
					today().minusDays(10), text)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.possibleDuplicate").value(false));
	}
}
