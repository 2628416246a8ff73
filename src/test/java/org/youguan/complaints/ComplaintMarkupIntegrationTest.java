package org.youguan.complaints;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A complaint's texts are shown to the enterprise and staff and printed on its notices: markup typed by the public in
 * a name or the company's answer is refused, naming the field. The 申诉内容 is the filer's own account, kept as typed and
 * shown escaped (the public contract; {@code ComplaintIntegrationTest}).
 */
@IntegrationTest
class ComplaintMarkupIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"enterprise|\"brand\":\"顺丰\",|\"brand\":\"顺丰\",\"enterprise\":\"顺丰<b>吴中</b>营业部\",",
			"priorComplaint.companyAnswer|\"channel\":\"电话\"}|\"channel\":\"电话\",\"companyAnswer\":\"<img src=x onerror=alert(1)>\"}" })
	void aPublicComplaintWithMarkupIsRefusedNamingTheField(String field, String good, String marked) throws Exception {
		String waybill = "SF" + org.youguan.RandomDigits.of(10);
		String body = ComplaintWaybillIdentifierIntegrationTest.body("张三", waybill).replace(good, marked);
		assertThat(body).contains(marked);
		mvc.perform(post("/api/v1/public/complaints").contentType("application/json").content(body))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == '" + field + "')].rule", hasItem("markup")));
		assertThat(jdbc.sql("SELECT count(*) FROM complaint WHERE waybill_number = :w").param("w", waybill).query(Long.class).single())
			.isZero();
	}

	/**
	 * The respondent named and the channel of the prior complaint are printed on the complaint's notices and exported:
	 * one beginning as a formula, or naming nothing, is refused as on every document text (attack: 住所 "=cmd|…" on a
	 * licence; Validation.documentText).
	 */
	@ParameterizedTest(name = "{0} {2}")
	@CsvSource(delimiter = '#', quoteCharacter = '`', value = {
			"enterprise#\"brand\":\"顺丰\",#\"brand\":\"顺丰\",\"enterprise\":\"=cmd|' /C calc'!A0\",#formula",
			"enterprise#\"brand\":\"顺丰\",#\"brand\":\"顺丰\",\"enterprise\":\"x\",#words",
			"priorComplaint.channel#\"channel\":\"电话\"#\"channel\":\"@SUM(1)\"#formula" })
	void aPublicComplaintWithAFormulaInAPrintedTextIsRefusedNamingTheField(String field, String good, String bad, String rule)
			throws Exception {
		String waybill = "SF" + org.youguan.RandomDigits.of(10);
		String body = ComplaintWaybillIdentifierIntegrationTest.body("张三", waybill).replace(good, bad);
		assertThat(body).contains(bad);
		mvc.perform(post("/api/v1/public/complaints").contentType("application/json").content(body))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == '" + field + "')].rule", hasItem(rule)));
		assertThat(jdbc.sql("SELECT count(*) FROM complaint WHERE waybill_number = :w").param("w", waybill).query(Long.class).single())
			.isZero();
	}
}
