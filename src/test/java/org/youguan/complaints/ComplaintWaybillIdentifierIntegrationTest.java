package org.youguan.complaints;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.IntegrationTest;
import org.youguan.platform.ChinaTime;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A complaint's waybill number is an identifier (Text.identifier, Validation.identifier): typed in full-width or
 * lower-case letters it is the same number for the duplicate rule (重复申诉) and the search, on the page form and the
 * API alike; a zero-width character inside it is refused, naming the field; a filer's name holding a character that
 * shows nothing is refused, or blank when it holds nothing else.
 */
@IntegrationTest
class ComplaintWaybillIdentifierIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	static String waybill() {
		return "SF" + org.youguan.RandomDigits.of(10);
	}

	/** The text as a Chinese input method types it in full width (ＳＦ１２３). */
	static String fullWidth(String ascii) {
		StringBuilder out = new StringBuilder();
		ascii.chars().forEach(c -> out.append((char) (c + 0xFEE0)));
		return out.toString();
	}

	static final java.util.concurrent.atomic.AtomicInteger FILINGS = new java.util.concurrent.atomic.AtomicInteger();

	static String body(String filerName, String waybill) {
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		return """
				{"filerName":"%s","phone":"13912341111","filerRole":"SENDER","region":"320506","brand":"顺丰",
				 "waybillNumber":"%s","postedOn":"%s","priorComplaint":{"date":"%s","channel":"电话"},
				 "category":"延误","reason":"中转或运输延误","amountClaimed":100,"description":"快件延误（第%s次申诉）"}"""
			// each filing told in words of its own: the same account sent again moments later is refused as sent twice
			.formatted(filerName, waybill, today.minusDays(20), today.minusDays(10), FILINGS.incrementAndGet());
	}

	ResultActions file(String body) throws Exception {
		return mvc.perform(post("/api/v1/complaints").header("Authorization", "Bearer demo-wz-staff-token")
			.contentType("application/json").content(body));
	}

	String stored(String number) {
		return jdbc.sql("SELECT waybill_number FROM complaint WHERE number = :n").param("n", number).query(String.class).single();
	}

	@Test
	void aWaybillTypedInFullWidthOrLowerCaseIsTheSameNumberForTheDuplicateRuleOnTheApi() throws Exception {
		String waybill = waybill();
		String first = JsonPath.read(file(body("张三", waybill)).andExpect(status().isCreated()).andReturn().getResponse()
			.getContentAsString(), "$.number");
		String second = file(body("张三", fullWidth(waybill.toLowerCase()))).andExpect(status().isCreated())
			.andExpect(jsonPath("$.duplicateOf").value(first))
			.andReturn().getResponse().getContentAsString();
		assertThat(stored(JsonPath.read(second, "$.number"))).isEqualTo(waybill);
		mvc.perform(get("/api/v1/complaints").header("Authorization", "Bearer demo-wz-staff-token")
			.param("q", fullWidth(waybill)))
			.andExpect(jsonPath("$.total").value(2));
	}

	@Test
	void aWaybillRetypedInGroupsIsTheSameNumberForTheDuplicateRule() throws Exception {
		String waybill = waybill();
		String first = JsonPath.read(file(body("张三", waybill)).andExpect(status().isCreated()).andReturn().getResponse()
			.getContentAsString(), "$.number");
		String grouped = waybill.substring(0, 2) + " " + waybill.substring(2, 6) + "\u00A0" + waybill.substring(6);
		String second = file(body("张三", grouped)).andExpect(status().isCreated())
			.andExpect(jsonPath("$.duplicateOf").value(first))
			.andReturn().getResponse().getContentAsString();
		assertThat(stored(JsonPath.read(second, "$.number"))).isEqualTo(waybill);
	}

	@Test
	void aZeroWidthSpaceInsideAWaybillIsRefusedOnTheApiNamingTheField() throws Exception {
		String waybill = waybill();
		file(body("张三", waybill.substring(0, 4) + "\\u200b" + waybill.substring(4))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'waybillNumber')].rule", hasItem("invisible-character")))
			.andExpect(content().string(containsString("运单号含有不可见或形似的字符（U+200B")));
		assertThat(jdbc.sql("SELECT count(*) FROM complaint WHERE waybill_number LIKE :w").param("w", waybill.substring(0, 4) + "%"
				+ waybill.substring(4)).query(Long.class).single()).isZero();
	}

	/**
	 * The 运单号 keeps the parcel records' one waybill rule ({@code kernel.WaybillNumber}: letters, digits and '-') on the
	 * public API, the staff API and the page form alike — markup, Han characters, slashes are refused as rule
	 * {@code waybill-number} naming the field, the rule and the character; nothing is stored (the identifier rule alone
	 * let "SF&lt;b&gt;1" and "顺丰123" through).
	 */
	@Test
	void aWaybillWithACharacterNoWaybillHoldsIsRefusedOnEveryPathByTheParcelRecordsRule() throws Exception {
		String tag = waybill().substring(2, 8);
		for (String bad : List.of("SF<b>" + tag, "顺丰" + tag, "SF/" + tag)) {
			mvc.perform(post("/api/v1/public/complaints").contentType("application/json").content(body("张三", bad)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[?(@.field == 'waybillNumber')].rule", hasItem("waybill-number")))
				.andExpect(content().string(containsString("运单号应为1–40位字母、数字或“-”")));
			file(body("张三", bad)).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[?(@.field == 'waybillNumber')].rule", hasItem("waybill-number")));
			var form = ComplaintPagesIntegrationTest.form(bad, "快件延误");
			mvc.perform(post("/public/complaints/new").with(csrf()).params(form)).andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("运单号应为1–40位字母、数字或“-”")))
				.andExpect(content().string(not(containsString("申诉已提交"))));
		}
		assertThat(jdbc.sql("SELECT count(*) FROM complaint WHERE waybill_number LIKE :w").param("w", "%" + tag)
			.query(Long.class).single()).isZero();
	}

	@Test
	void aFilersNameWithAHiddenCharacterInsideIsRefusedAndOneOfOnlyBlankLookingCharactersIsRequired() throws Exception {
		file(body("张\\u200b三", waybill())).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'filerName')].rule", hasItem("invisible-character")))
			.andExpect(content().string(containsString("申诉人姓名含有看不见的字符（U+200B")));
		file(body("\\u2800\\u3164\\u115f", waybill())).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'filerName')].rule", hasItem("required")));
		String number = JsonPath.read(file(body("\\u3164张三\\u2800", waybill())).andExpect(status().isCreated()).andReturn()
			.getResponse().getContentAsString(), "$.number");
		assertThat(jdbc.sql("SELECT filer_name FROM complaint WHERE number = :n").param("n", number).query(String.class)
			.single()).isEqualTo("张三");
	}

	@Test
	void onThePageFormAFullWidthWaybillIsADuplicateAndAZeroWidthOneIsShownBackRefused() throws Exception {
		String waybill = waybill();
		var form = ComplaintPagesIntegrationTest.form(waybill, "杯子碎了");
		mvc.perform(post("/public/complaints/new").with(csrf()).params(form)).andExpect(status().isOk())
			.andExpect(content().string(containsString("申诉已提交")));
		String first = jdbc.sql("SELECT number FROM complaint WHERE waybill_number = :w").param("w", waybill)
			.query(String.class).single();
		form.set("waybillNumber", " " + fullWidth(waybill.toLowerCase()) + "\u3000");
		// the same account with the waybill retyped is the first complaint sent again: refused (409), not filed twice
		mvc.perform(post("/public/complaints/new").with(csrf()).params(form)).andExpect(status().isConflict())
			.andExpect(content().string(containsString("请勿重复提交")));
		form.set("description", "杯子碎了，再次申诉");
		mvc.perform(post("/public/complaints/new").with(csrf()).params(form)).andExpect(status().isOk())
			.andExpect(content().string(containsString("申诉已提交")));
		assertThat(jdbc.sql("SELECT duplicate_of FROM complaint WHERE waybill_number = :w AND number <> :n")
			.param("w", waybill).param("n", first).query(String.class).single()).isEqualTo(first);

		String hidden = waybill.substring(0, 5) + "\u200B" + waybill.substring(5);
		form.set("waybillNumber", hidden);
		mvc.perform(post("/public/complaints/new").with(csrf()).params(form)).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("运单号含有不可见或形似的字符（U+200B")))
			.andExpect(content().string(containsString("value=\"" + hidden + "\"")))
			.andExpect(content().string(not(containsString("申诉已提交"))));
		form.set("waybillNumber", waybill());
		form.set("filerName", "王\u2060女士");
		mvc.perform(post("/public/complaints/new").with(csrf()).params(form)).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("申诉人姓名含有看不见的字符（U+2060")))
			.andExpect(content().string(containsString("value=\"王\u2060女士\"")));
	}
}
