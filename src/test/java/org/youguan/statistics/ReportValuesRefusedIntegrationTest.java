package org.youguan.statistics;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Report values are never dropped without a word: an unknown indicator code and a value for a derived (computed)
 * indicator are 400s naming the code, on the API and the page form alike; a negative value is refused on a draft save
 * too; and a draft save answers 201 only when it created the report (200 when it updated one).
 */
@IntegrationTest
class ReportValuesRefusedIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ReportForms forms;

	@Autowired
	JdbcClient jdbc;

	static final String TOKEN = "Bearer demo-sf-wz-token";

	@Test
	void unknownAndDerivedCodesAreA400NamingEachCodeAndNothingIsSaved() throws Exception {
		mvc.perform(post("/api/v1/statistics/reports").header("Authorization", TOKEN).contentType("application/json")
			.content("{\"form\":\"monthly\",\"period\":\"2003-05\",\"values\":{\"express.volume.locl\":\"999999\","
					+ "\"express.volume\":\"1\"},\"submit\":true}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("values.express.volume.locl")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("values.express.volume")))
			.andExpect(jsonPath("$.errors[*].message", hasItem(containsString("未知指标代码：express.volume.locl"))))
			.andExpect(jsonPath("$.errors[*].message", hasItem(containsString("由系统计算，不能填报"))));
		// nothing was kept: the first good draft for the period still creates the report
		mvc.perform(post("/api/v1/statistics/reports").header("Authorization", TOKEN).contentType("application/json")
			.content("{\"form\":\"monthly\",\"period\":\"2003-05\",\"values\":{\"express.volume.local\":\"5\"},\"submit\":false}"))
			.andExpect(status().isCreated());
	}

	/**
	 * Attack round 17: a key of the notes the form does not have is refused under notes.&lt;code&gt; (where it was sent),
	 * not values.&lt;code&gt;; and a value in Arabic-Indic digits (\u0663\u0663) is no number (BigDecimal alone reads it as 33).
	 */
	@Test
	void anUnknownNoteIsRefusedUnderNotesAndDigitsOfAnotherScriptAreNoNumber() throws Exception {
		mvc.perform(post("/api/v1/statistics/reports").header("Authorization", TOKEN).contentType("application/json")
			.content("{\"form\":\"monthly\",\"period\":\"2003-04\",\"values\":{},\"notes\":{\"bogus.code\":\"x\"},"
					+ "\"submit\":false}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", contains("notes.bogus.code")))
			.andExpect(jsonPath("$.errors[0].rule").value("indicator"));
		mvc.perform(post("/api/v1/statistics/reports").header("Authorization", TOKEN).contentType("application/json")
			.content("{\"form\":\"monthly\",\"period\":\"2003-04\",\"values\":{\"express.volume.local\":\"\u0663\u0663\"},"
					+ "\"submit\":false}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("values.express.volume.local"))
			.andExpect(jsonPath("$.errors[0].rule").value("number"));
	}

	/**
	 * Finding: an error named the catalogue's code (values.express.volume.local) when the body sent the code in capitals
	 * or full width — a path not in the body. Each error names the JSON path as sent, the message the indicator's name.
	 */
	@Test
	void errorsNameTheFieldAsTheBodySpelledItAndTheIndicatorByItsChineseName() throws Exception {
		String fullWidth = "ｅｘｐｒｅｓｓ．ｒｅｖｅｎｕｅ";
		mvc.perform(post("/api/v1/statistics/reports").header("Authorization", TOKEN).contentType("application/json")
			.content("{\"form\":\"monthly\",\"period\":\"2003-12\",\"values\":{\"EXPRESS.VOLUME.LOCAL\":\"-5\",\""
					+ fullWidth + "\":\"很多\"},\"notes\":{\"Express.Volume.Local\":\"" + "长".repeat(400) + "\"},\"submit\":false}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'values.EXPRESS.VOLUME.LOCAL')].rule", contains("non-negative")))
			.andExpect(jsonPath("$.errors[?(@.field == 'values.EXPRESS.VOLUME.LOCAL')].message",
					contains(containsString("快递业务量（同城）"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'values." + fullWidth + "')].message", contains(containsString("快递业务收入"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'notes.Express.Volume.Local')].message",
					contains(containsString("快递业务量（同城）"))))
			.andExpect(jsonPath("$.errors[*].field", not(hasItem("values.express.volume.local"))))
			.andExpect(jsonPath("$.errors[*].field", not(hasItem("values.express.revenue"))))
			.andExpect(jsonPath("$.errors[*].field", not(hasItem("notes.express.volume.local"))));
		// the catalogue's own spelling is named as sent too
		mvc.perform(post("/api/v1/statistics/reports").header("Authorization", TOKEN).contentType("application/json")
			.content("{\"form\":\"monthly\",\"period\":\"2003-12\",\"values\":{\"express.volume.local\":\"-5\"},\"submit\":false}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("values.express.volume.local"));
	}

	@Test
	void aNegativeValueIsRefusedOnADraftAndAnUpdatedDraftIsA200() throws Exception {
		mvc.perform(post("/api/v1/statistics/reports").header("Authorization", TOKEN).contentType("application/json")
			.content("{\"form\":\"monthly\",\"period\":\"2003-06\",\"values\":{\"express.volume.local\":\"-5\"},\"submit\":false}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("values.express.volume.local"))
			.andExpect(jsonPath("$.errors[0].rule").value("non-negative"));
		mvc.perform(post("/api/v1/statistics/reports").header("Authorization", TOKEN).contentType("application/json")
			.content("{\"form\":\"monthly\",\"period\":\"2003-06\",\"values\":{\"express.volume.local\":\"5\"},\"submit\":false}"))
			.andExpect(status().isCreated());
		mvc.perform(post("/api/v1/statistics/reports").header("Authorization", TOKEN).contentType("application/json")
			.content("{\"form\":\"monthly\",\"period\":\"2003-06\",\"values\":{\"express.volume.local\":\"6\"},\"submit\":false}"))
			.andExpect(status().isOk())
			.andExpect(header().string("Location", containsString("/api/v1/statistics/reports/")))
			.andExpect(jsonPath("$.status").value("DRAFT"));
	}

	/**
	 * A draft with 1.5 parcels (件 are whole) is refused at once, and a value of a huge exponent too — each named
	 * values.&lt;code&gt;, the name a JSON type error of the same value carries, with a small answer.
	 */
	@Test
	void aFractionOfACountAndAHugeExponentAreRefusedOnADraftNamedAsTheJsonNamesThem() throws Exception {
		for (String[] value : new String[][] { { "1.5", "integer" }, { "\"1.5\"", "integer" }, { "\"1e-40000000\"", "digits" },
				{ "1e-40000000", "digits" }, { "true", "format" } }) {
			var answer = mvc.perform(post("/api/v1/statistics/reports").header("Authorization", TOKEN).contentType("application/json")
				.content("{\"form\":\"monthly\",\"period\":\"2003-09\",\"values\":{\"express.volume.local\":" + value[0]
						+ "},\"submit\":false}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("values.express.volume.local"))
				.andExpect(jsonPath("$.errors[0].rule").value(value[1]))
				.andReturn().getResponse();
			assertThat(answer.getContentAsByteArray().length).as(value[0]).isLessThan(2048);
		}
	}

	@Test
	void valuesSentAsJsonNumbersAreJudgedByTheSameRulesAsText() throws Exception {
		mvc.perform(post("/api/v1/statistics/reports").header("Authorization", TOKEN).contentType("application/json")
			.content("{\"form\":\"monthly\",\"period\":\"2003-08\",\"values\":{\"express.volume.local\":-5},\"submit\":false}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("values.express.volume.local"))
			.andExpect(jsonPath("$.errors[0].rule").value("non-negative"));
		mvc.perform(post("/api/v1/statistics/reports").header("Authorization", TOKEN).contentType("application/json")
			.content("{\"form\":\"monthly\",\"period\":\"2003-08\",\"values\":{\"express.volume.local\":true},\"submit\":false}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("values.express.volume.local"));
		String location = mvc.perform(post("/api/v1/statistics/reports").header("Authorization", TOKEN)
			.contentType("application/json")
			.content("{\"form\":\"monthly\",\"period\":\"2003-08\",\"values\":{\"express.volume.local\":5},\"submit\":false}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getHeader("Location");
		long id = EnterpriseReportPages.id(location);
		assertThat(jdbc.sql("SELECT value FROM stat_report_value WHERE report_id = :id AND indicator_code = 'express.volume.local'")
			.param("id", id).query(BigDecimal.class).single()).isEqualByComparingTo("5");
	}

	@Test
	void thePageFormRefusesAnUnknownCodeAndANegativeDraftValue() throws Exception {
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		String location = EnterpriseReportPages.open(mvc, sf, forms.byCode("monthly").id(), "2003-07");
		mvc.perform(post(location).session(sf).with(csrf()).param("action", "save").param("values.express.volume.locl", "7"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("未知指标代码：express.volume.locl")));
		mvc.perform(post(location).session(sf).with(csrf()).param("action", "save").param("values.express.volume.local", "-5"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("不能为负数")))
			.andExpect(content().string(containsString("data-field=\"values.express.volume.local\"")))
			.andExpect(content().string(containsString("name=\"values.express.volume.local\"")))
			.andExpect(content().string(containsString("value=\"-5\"")));
	}

	/**
	 * A value that is no number and values breaking the rules no draft may break are refused together, on a draft
	 * and on a submission alike — the second request does not bring errors the first kept back — and a value refused
	 * as typed is not also called missing.
	 */
	@Test
	void everyBadValueIsNamedInOneAnswerOnADraftAndASubmission() throws Exception {
		for (boolean submit : new boolean[] { false, true }) {
			mvc.perform(post("/api/v1/statistics/reports").header("Authorization", TOKEN).contentType("application/json")
				.content("{\"form\":\"monthly\",\"period\":\"2003-10\",\"values\":{\"postal.total\":\"abc\","
						+ "\"postal.revenue\":-1,\"postal.delivery.volume\":1.5,\"express.volume.international\":1e17},"
						+ "\"submit\":" + submit + "}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[?(@.field == 'values.postal.total')].rule").value(contains("number")))
				.andExpect(jsonPath("$.errors[?(@.field == 'values.postal.revenue')].rule").value(contains("non-negative")))
				.andExpect(jsonPath("$.errors[?(@.field == 'values.postal.delivery.volume')].rule").value(contains("integer")))
				.andExpect(jsonPath("$.errors[?(@.field == 'values.express.volume.international')].rule")
					.value(contains("digits")));
		}
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		String location = EnterpriseReportPages.open(mvc, sf, forms.byCode("monthly").id(), "2003-11");
		mvc.perform(post(location).session(sf).with(csrf()).param("action", "save").param("values.postal.total", "abc")
			.param("values.postal.revenue", "-1").param("values.postal.delivery.volume", "1.5"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("邮政行业业务总量应为数字")))
			.andExpect(content().string(containsString("邮政行业业务收入不能为负数")))
			.andExpect(content().string(containsString("邮政寄递服务业务量应为整数")));
	}
}
