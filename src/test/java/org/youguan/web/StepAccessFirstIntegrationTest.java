package org.youguan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.complaints.Channel;
import org.youguan.complaints.ComplaintIntake;
import org.youguan.complaints.ComplaintStatus;
import org.youguan.complaints.ComplaintQueries;
import org.youguan.complaints.ComplaintForm;
import org.youguan.complaints.FilerRole;
import org.youguan.RandomDigits;
import java.math.BigDecimal;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageSteps;

/**
 * Finding scope-3: access is decided before a step's values are read ({@code StepAccessFirst}). A superior bureau's
 * staff posting a county's step with a field that cannot be bound ({@code condition=OTHER}, a date "abc", a body that is
 * no JSON) is refused 403 as the bureau that does not handle the record — it was told 400 and the fields' rules first;
 * a sibling county's staff 404. The handling bureau's staff, posting the same bad value, are told the field (400).
 */
@IntegrationTest
class StepAccessFirstIntegrationTest {

	/** 苏州市局 市场监管处: reads 吴中's records, takes none of their steps. */
	static final String CITY = "Bearer demo-sz-market-token";

	/** 吴中区局: handles 320506. */
	static final String WUZHONG = "Bearer demo-wz-staff-token";

	/** 相城区局: a sibling county, which does not see 吴中's records. */
	static final String XIANGCHENG = "Bearer demo-xc-staff-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ComplaintIntake intake;

	@Autowired
	ComplaintQueries complaints;

	@Autowired
	Clock clock;

	long complaint() {
		LocalDate today = LocalDate.now(clock);
		return intake.file(new ComplaintForm("张三", "13912345678", FilerRole.RECIPIENT, "320506", "顺丰", null,
				"SF" + RandomDigits.of(10), today.minusDays(20), today.minusDays(10), "电话", null, "延误", "中转或运输延误",
				new BigDecimal("100"), "快件超过承诺时限三天未送达"), Channel.WEB, null, false).id();
	}

	ResultActions json(String token, String path, String body) throws Exception {
		return mvc.perform(post(path).header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	@Test
	void aComplaintsPageStepAndApiStepRefuseTheCityBeforeTheirFields() throws Exception {
		long id = complaint();
		// the attack: condition=OTHER (no such condition) on a county's complaint, posted by the city's staff
		mvc.perform(post("/complaints/" + id + "/reject").session(SignIn.session(mvc, "sz.market")).with(csrf())
			.param("condition", "OTHER").param("reason", "x"))
			.andExpect(redirectedUrl("/complaints/" + id))
			.andExpect(flash().attribute(PageSteps.REFUSED_STATUS, 403))
			.andExpect(mvcResult -> assertThat(String.valueOf(mvcResult.getFlashMap().get("errors"))).contains("吴中区邮政管理局办理"));
		mvc.perform(post("/complaints/" + id + "/transfer").session(SignIn.session(mvc, "sz.market")).with(csrf())
			.param("condition", "OTHER"))
			.andExpect(redirectedUrl("/complaints/" + id))
			.andExpect(flash().attribute(PageSteps.REFUSED_STATUS, 403));
		json(CITY, "/api/v1/complaints/" + id + "/callback", "{\"reached\": \"maybe\"").andExpect(status().isForbidden());
		json(CITY, "/api/v1/complaints/" + id + "/close", "{\"compensationPaid\": \"abc\"}").andExpect(status().isForbidden());
		// a sibling county does not see it at all
		json(XIANGCHENG, "/api/v1/complaints/" + id + "/close", "{\"compensationPaid\": \"abc\"}")
			.andExpect(status().isNotFound());
		// the handling bureau's staff are told the field
		mvc.perform(post("/complaints/" + id + "/reject").session(SignIn.session(mvc, "wz.staff")).with(csrf())
			.param("condition", "OTHER").param("reason", "x"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("condition")));
		// the API's 办结 is asked the complaint's state first (待受理: not yet called back, 409), before its fields
		json(WUZHONG, "/api/v1/complaints/" + id + "/close", "{\"compensationPaid\": \"abc\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].rule").value("state"));
		assertThat(complaints.get(DataScope.region("320506"), id).status()).isEqualTo(ComplaintStatus.RECEIVED);
	}

	@Test
	void aCasesAndALeadsStepsRefuseTheCityBeforeTheirFields() throws Exception {
		// a case still open, which a suspension is taken of (its state is asked before the fields, 409 otherwise)
		long caseId = jdbc.sql("""
				SELECT id FROM penalty_case WHERE region_code LIKE '320506%'
				AND status IN ('FILED', 'INVESTIGATING', 'INVESTIGATED', 'NOTIFIED', 'HEARING') ORDER BY id LIMIT 1""")
			.query(Long.class).single();
		// a suspension is the head's (邮政行政执法监督办法 art.17): the city's staff are refused before the fields, another
		// county's head finds no case, the handling bureau's head reaches the fields
		mvc.perform(post("/enforcement/cases/" + caseId + "/suspension").session(SignIn.session(mvc, "sz.market")).with(csrf())
			.param("kind", "TESTING").param("startedOn", "abc").param("reason", "检测"))
			.andExpect(redirectedUrl("/enforcement/cases/" + caseId))
			.andExpect(flash().attribute(PageSteps.REFUSED_STATUS, 403));
		json(CITY, "/api/v1/enforcement/cases/" + caseId + "/suspension", "{\"startedOn\": ").andExpect(status().isForbidden());
		json("Bearer demo-xc-leader-token", "/api/v1/enforcement/cases/" + caseId + "/suspension", "{\"startedOn\": ")
			.andExpect(status().isNotFound());
		json("Bearer demo-wz-leader-token", "/api/v1/enforcement/cases/" + caseId + "/suspension", "{\"startedOn\": ")
			.andExpect(status().isBadRequest());
		json(WUZHONG, "/api/v1/enforcement/cases/" + caseId + "/suspension", "{\"startedOn\": ").andExpect(status().isForbidden());

		long lead = jdbc.sql("SELECT id FROM penalty_lead WHERE region_code LIKE '320506%' ORDER BY id LIMIT 1")
			.query(Long.class).single();
		json(CITY, "/api/v1/enforcement/leads/" + lead + "/proposal", "{\"harm\": \"perhaps\"}").andExpect(status().isForbidden());
		json(XIANGCHENG, "/api/v1/enforcement/leads/" + lead + "/proposal", "{\"harm\": \"perhaps\"}")
			.andExpect(status().isNotFound());
	}

	/** The id written with full-width digits (７２５), percent-encoded as a browser sends it. */
	static String fullWidth(long id) {
		StringBuilder b = new StringBuilder();
		for (char c : Long.toString(id).toCharArray()) {
			b.append(java.net.URLEncoder.encode(String.valueOf((char) ('０' + (c - '0'))), java.nio.charset.StandardCharsets.UTF_8));
		}
		return b.toString();
	}

	ResultActions jsonAt(String token, String path, String body) throws Exception {
		return mvc.perform(post(java.net.URI.create(path)).header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON).content(body));
	}

	/**
	 * Attack finding 1: an id the rule did not recognise ({@code +725}, full-width ７２５, blanks, hex) was converted to
	 * the record's by Spring, so another county's staff were told the fields (400). Every numeric path variable takes
	 * ASCII digits only: any other form names nothing (404), for every caller, before any field is read.
	 */
	@Test
	void anIdInAnyOtherFormThanAsciiDigitsNamesNoRecord() throws Exception {
		long id = complaint();
		for (String form : java.util.List.of("+" + id, fullWidth(id), "%20" + id, "0x" + Long.toHexString(id))) {
			jsonAt(XIANGCHENG, "/api/v1/complaints/" + form + "/close", "{\"valid\":\"maybe\"}")
				.andExpect(status().isNotFound());
			jsonAt(WUZHONG, "/api/v1/complaints/" + form + "/close", "{\"valid\":\"maybe\"}")
				.andExpect(status().isNotFound());
			mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.get(java.net.URI.create("/api/v1/complaints/" + form)).header("Authorization", WUZHONG))
				.andExpect(status().isNotFound());
		}
		// the plain form is the record's: the sibling county 404 by scope, the handling bureau reaches the record — its
		// state (待受理, not to be closed: 409) asked before the fields
		jsonAt(XIANGCHENG, "/api/v1/complaints/" + id + "/close", "{\"valid\":\"maybe\"}").andExpect(status().isNotFound());
		jsonAt(WUZHONG, "/api/v1/complaints/" + id + "/close", "{\"valid\":\"maybe\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].rule").value("state"));
		long caseId = jdbc.sql("SELECT id FROM penalty_case WHERE region_code LIKE '320506%' ORDER BY id LIMIT 1")
			.query(Long.class).single();
		jsonAt(XIANGCHENG, "/api/v1/enforcement/cases/+" + caseId + "/review", "{\"agreed\":\"maybe\"}")
			.andExpect(status().isNotFound());
		jsonAt(XIANGCHENG, "/api/v1/enforcement/cases/" + fullWidth(caseId) + "/review", "{\"agreed\":\"maybe\"}")
			.andExpect(status().isNotFound());
		long lead = jdbc.sql("SELECT id FROM penalty_lead WHERE region_code LIKE '320506%' ORDER BY id LIMIT 1")
			.query(Long.class).single();
		jsonAt(XIANGCHENG, "/api/v1/enforcement/leads/+" + lead + "/proposal", "{\"violation\":1}")
			.andExpect(status().isNotFound());
		Long entry = jdbc.sql("SELECT id FROM credit_entry WHERE region_code LIKE '320506%' ORDER BY id LIMIT 1")
			.query(Long.class).optional().orElse(null);
		if (entry != null) {
			jsonAt(XIANGCHENG, "/api/v1/credit/entries/+" + entry + "/correction", "{\"summary\":1}")
				.andExpect(status().isNotFound());
		}
		// a page form's step, too
		mvc.perform(post(java.net.URI.create("/complaints/+" + id + "/reject")).session(SignIn.session(mvc, "xc.staff"))
			.with(csrf()).param("condition", "OTHER")).andExpect(status().isNotFound());
	}

	/**
	 * Attack finding 5: another county's staff closing a 吴中 outlet with an empty reason were told "关闭原因不能为空" (400),
	 * on the API and the page; a register's record steps (outlet, enterprise, licence, branch, facility) now answer 404
	 * out of scope before any field. The handling county is still told the field.
	 */
	@Test
	void aRegistersRecordStepsRefuseAnotherCountyBeforeTheirFields() throws Exception {
		long outlet = jdbc.sql("SELECT id FROM terminal_outlet WHERE region_code LIKE '320506%' AND closed_on IS NULL ORDER BY id LIMIT 1")
			.query(Long.class).single();
		json(XIANGCHENG, "/api/v1/outlets/" + outlet + "/close", "{\"reason\":\"\"}").andExpect(status().isNotFound());
		mvc.perform(post("/registry/outlets/" + outlet + "/close").session(SignIn.session(mvc, "xc.staff")).with(csrf())
			.param("reason", "")).andExpect(status().isNotFound());
		json(WUZHONG, "/api/v1/outlets/" + outlet + "/close", "{\"reason\":\"\"}").andExpect(status().isBadRequest());
		for (String table : java.util.List.of("enterprise", "express_licence", "branch", "facility")) {
			Long id = jdbc.sql("SELECT id FROM " + table + " WHERE region_code LIKE '320506%' ORDER BY id LIMIT 1")
				.query(Long.class).optional().orElse(null);
			assertThat(id).as(table).isNotNull();
			String path = "/registry/" + switch (table) {
				case "express_licence" -> "licences";
				case "branch" -> "branches";
				case "facility" -> "facilities";
				default -> "enterprises";
			} + "/" + id + "/edit";
			mvc.perform(post(path).session(SignIn.session(mvc, "xc.staff")).with(csrf()).param("registeredOn", "abc"))
				.andExpect(status().isNotFound());
		}
	}

	/**
	 * Attack finding 6: a body of a type the step does not read (JSON to a multipart step) chose no handler, so access
	 * was not asked and another county was told 415; access answers first now. The handling bureau is told the type.
	 */
	@Test
	void aBodyOfTheWrongTypeIsRefusedByAccessFirst() throws Exception {
		long caseId = jdbc.sql("SELECT id FROM penalty_case WHERE region_code LIKE '320506%' ORDER BY id LIMIT 1")
			.query(Long.class).single();
		// another county's head (the role the step takes): the case is not in its scope
		json("Bearer demo-xc-leader-token", "/api/v1/enforcement/cases/" + caseId + "/remedy-outcomes", "{}")
			.andExpect(status().isNotFound());
		json("Bearer demo-wz-leader-token", "/api/v1/enforcement/cases/" + caseId + "/remedy-outcomes", "{}")
			.andExpect(status().isUnsupportedMediaType());
	}
}
