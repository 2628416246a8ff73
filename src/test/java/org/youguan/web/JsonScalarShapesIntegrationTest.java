package org.youguan.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.complaints.Channel;
import org.youguan.complaints.ComplaintForm;
import org.youguan.complaints.ComplaintIntake;
import org.youguan.complaints.ComplaintProcedure;
import org.youguan.complaints.ComplaintReply;
import org.youguan.complaints.FilerRole;
import org.youguan.complaints.Responsibility;
import org.youguan.complaints.Satisfaction;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;

import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A JSON body's yes/no field takes only {@code true} or {@code false} (attack: {@code "valid":1} closed a complaint as
 * 有效申诉): a number or any text is a 400 naming the field, rule {@code format}, "应为 true 或 false", and nothing is
 * saved; so is a number for a choice (it was the choice's first constant: a complaint filed by its sender) and a
 * fraction for a whole number — on every endpoint, as the application's JSON mapper reads every body.
 */
@IntegrationTest
class JsonScalarShapesIntegrationTest {

	static final String WUZHONG = "Bearer demo-wz-staff-token";

	static final DataScope WUZHONG_SCOPE = DataScope.region("320506");

	static final String SF_WUZHONG = "91320506MA1ND7K3Q" + CreditCode.checkCharacter("91320506MA1ND7K3Q");

	/** What a client sends for a yes/no field that is no JSON boolean. */
	static final List<String> NOT_BOOLEANS = List.of("1", "0", "1.0", "\"true\"", "\"false\"", "\"1\"", "\"yes\"", "\"\"",
			"\" \"");

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	ComplaintIntake intake;

	@Autowired
	ComplaintProcedure procedure;

	@Test
	void theBureausValidComplaintDecisionTakesOnlyTrueOrFalse() throws Exception {
		long id = inFollowUp();
		String path = "/api/v1/complaints/" + id + "/close";
		for (String valid : NOT_BOOLEANS) {
			refused(WUZHONG, path, "{\"valid\":" + valid + ",\"compensationPaid\":20,\"note\":\"已赔偿\"}", "valid",
					"应为 true 或 false");
		}
		// none of them closed it: the decision given as JSON's own true does
		mvc.perform(post(path).header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content("{\"valid\":true,\"compensationPaid\":20,\"note\":\"已赔偿\"}"))
			.andExpect(status().isOk());
	}

	@Test
	void aSecurityPeriodsScreeningFlagGivenAsTextOrNumberIsRefusedAndNothingIsSaved() throws Exception {
		String name = "严格布尔安保期" + tag();
		String period = "{\"name\":\"" + name + "\",\"region\":\"320506\",\"startsOn\":\"" + LocalDate.now(clock)
				+ "\",\"endsOn\":\"" + LocalDate.now(clock).plusDays(1) + "\",";
		for (String flag : NOT_BOOLEANS) {
			refused(WUZHONG, "/api/v1/safety/periods", period + "\"fullScreening\":" + flag + "}", "fullScreening",
					"应为 true 或 false");
		}
		// the reverse, a number for text, says what it should be too
		refused(WUZHONG, "/api/v1/safety/periods", period + "\"otherRules\":1}", "otherRules", "应为文字");
		assertThat(jdbc.sql("SELECT count(*) FROM safety_security_period WHERE name = :name").param("name", name)
			.query(Long.class).single()).isZero();
	}

	@Test
	void aVillagePlansCriterionAsTextAndItsSampleCountAsAFractionAreRefused() throws Exception {
		String name = "严格布尔计划" + tag();
		String plan = "{\"name\":\"" + name + "\",\"regionCode\":\"320506\",";
		refused(WUZHONG, "/api/v1/universal/plans", plan + "\"method\":\"CRITERIA\",\"belowStandard\":\"true\"}",
				"belowStandard", "应为 true 或 false");
		for (String count : List.of("1.5", "2.0")) {
			refused(WUZHONG, "/api/v1/universal/plans", plan + "\"method\":\"RANDOM\",\"sampleCount\":" + count + "}",
					"sampleCount", "应为整数");
		}
		assertThat(jdbc.sql("SELECT count(*) FROM village_check_plan WHERE name = :name").param("name", name)
			.query(Long.class).single()).isZero();
	}

	/** A public complaint's filerRole given as 0 was taken as the first role (SENDER) and the complaint filed. */
	@Test
	void aNumberForAChoiceIsRefusedRatherThanTakenAsItsFirstValue() throws Exception {
		for (String role : List.of("0", "2", "\"0\"")) {
			refused(null, "/api/v1/public/complaints",
					InputEdgeCasesIntegrationTest.complaintJson("SF" + InputEdgeCasesIntegrationTest.digits())
						.replace("\"filerRole\":\"SENDER\"", "\"filerRole\":" + role), "filerRole", "SENDER");
		}
	}

	/**
	 * A JSON part of a multipart request is read by the same mapper: a licence verification's checklist line passed as
	 * "1" is refused by its path, before the application's state is judged — on an application the caller may verify
	 * (the city's: access is decided first, StepAccessFirst).
	 */
	@Test
	void aYesNoFieldInsideAJsonPartIsRefusedByItsPath() throws Exception {
		long id = jdbc.sql("SELECT id FROM licence_application WHERE region_code = '320506' ORDER BY id LIMIT 1")
			.query(Long.class).single();
		for (String passed : List.of("1", "\"true\"")) {
			String data = "{\"checklist\":[{\"item\":\"经营场所与申请材料一致\",\"passed\":true},{\"item\":\"安全设备\",\"passed\":"
					+ passed + "}],\"passed\":true,\"conclusion\":\"符合条件\"}";
			mvc.perform(multipart("/api/v1/licensing/applications/{id}/verification", id)
				.file(new MockMultipartFile("data", "", "application/json", data.getBytes(StandardCharsets.UTF_8)))
				.header("Authorization", "Bearer demo-sz-admin-token"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("checklist[1].passed"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("应为 true 或 false")));
		}
	}

	/** No body field is a primitive today; should one be, null is no false nor 0. */
	@Test
	void nullForAPrimitiveIsRefused() {
		assertThatThrownBy(() -> json.readValue("{\"on\":null,\"count\":1}", Primitives.class))
			.isInstanceOf(MismatchedInputException.class);
		assertThatThrownBy(() -> json.readValue("{\"on\":true,\"count\":null}", Primitives.class))
			.isInstanceOf(MismatchedInputException.class);
		assertThat(json.readValue("{\"on\":true,\"count\":1}", Primitives.class)).isEqualTo(new Primitives(true, 1));
	}

	record Primitives(boolean on, int count) {
	}

	/** A complaint transferred to 顺丰 in 吴中, replied to and called back: waiting for the bureau to close it. */
	private long inFollowUp() {
		LocalDate today = LocalDate.now(clock);
		String waybill = "SF" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
		long id = intake.file(new ComplaintForm("张三", "13912345678", FilerRole.RECIPIENT, "320506", "顺丰", null, waybill,
				today.minusDays(20), today.minusDays(10), "电话", null, "延误", "中转或运输延误", new BigDecimal("100"),
				"快件超过承诺时限三天未送达"), Channel.WEB, null, false).id();
		procedure.acceptAndTransfer(WUZHONG_SCOPE, id, null, null);
		procedure.reply(DataScope.enterprise(SF_WUZHONG), id, new ComplaintReply("经查属实", Responsibility.RESPONSIBLE,
				"赔偿并致歉", new BigDecimal("20"), true, true, "客服", "13800000000"));
		procedure.callBack(WUZHONG_SCOPE, id, true, Satisfaction.SATISFIED, Satisfaction.SATISFIED, true);
		return id;
	}

	/** Posts the JSON body (with the bearer token, or anonymously): one error, 400 on the field, its message saying so. */
	private void refused(String token, String path, String body, String field, String saying) throws Exception {
		var request = post(path).contentType(MediaType.APPLICATION_JSON).content(body);
		if (token != null) {
			request.header("Authorization", token);
		}
		mvc.perform(request)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].field").value(field))
			.andExpect(jsonPath("$.errors[0].rule").value("format"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString(saying)));
	}

	private static String tag() {
		StringBuilder s = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
		}
		return s.toString();
	}
}
