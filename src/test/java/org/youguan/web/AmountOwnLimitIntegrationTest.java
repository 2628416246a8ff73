package org.youguan.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.youguan.IntegrationTest;
import org.youguan.RandomDigits;
import org.youguan.SignIn;
import org.youguan.complaints.Channel;
import org.youguan.complaints.ComplaintForm;
import org.youguan.complaints.ComplaintIntake;
import org.youguan.complaints.FilerRole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attack round 19: an amount that cannot be read — digits of another script ({@code "٣٠٠"}), or beyond the JSON
 * reader's loose bound ({@code 1e40}) — is refused stating the field's own limit (索赔金额 and 赔偿金额 below 1亿 with
 * fen: 8 integer and 2 fraction digits; a past case's fine 12 and 2), never the reader's "最多30位整数、30位小数", which
 * is no limit of the field; in a JSON body and on a form alike.
 */
@IntegrationTest
class AmountOwnLimitIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ComplaintIntake intake;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	ResultActions json(String token, String path, String body) throws Exception {
		return mvc.perform(post(path).header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	/** A 400 on {@code field} whose message names the field's label and its own digits, not the reader's 30. */
	static void refusedStating(ResultActions answer, String field, String label, String digits) throws Exception {
		answer.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value(field))
			.andExpect(jsonPath("$.errors[0].message", allOf(containsString(label), containsString(digits),
					not(containsString("30位")))));
	}

	@Test
	void anAmountClaimedThatIsNoNumberOrTooLongStatesItsOwnLimit() throws Exception {
		for (String amount : new String[] { "\"\\u0663\\u0660\\u0660\"", "1e40", "\"1e40\"" }) {
			refusedStating(json("Bearer demo-wz-staff-token", "/api/v1/complaints", NonsenseInputIntegrationTest.complaint("张三",
					"延误", "派送延误", amount)), "amountClaimed", "索赔金额", "8位整数、2位小数");
		}
	}

	/**
	 * A past case's fine that is no number states its own limit; a reply's compensation does too
	 * ({@code EnterpriseComplaintApiIntegrationTest}: the reply is read field by field, so on a complaint the token may
	 * answer — complaint 1 is no complaint of its enterprise, 404 before its fields are judged).
	 */
	@Test
	void aPastCasesFineThatIsNoNumberStatesItsOwnLimit() throws Exception {
		for (String amount : new String[] { "\"\\u0663\\u0660\\u0660\"", "1e40" }) {
			refusedStating(json("Bearer demo-sz-admin-token", "/api/v1/enforcement/cases/imported", "{\"fine\": " + amount + "}"),
					"fine", "罚款金额", "12位整数、2位小数");
		}
	}

	/**
	 * A statistics report's value (业务收入 is money too) beyond the bound is told with its column's 14+4 digits and the
	 * indicator's name (快递业务量（同城）), not a generic 指标值 — as the report's service tells a value within the bound.
	 */
	@Test
	void aReportValueBeyondTheBoundStatesTheIndicatorAndTheColumnsOwnDigits() throws Exception {
		for (String value : new String[] { "1e40", "1e-40000000", "\"1e40\"" }) {
			refusedStating(json("Bearer demo-sf-wz-token", "/api/v1/statistics/reports", "{\"form\":\"monthly\",\"period\":\"2005-03\","
					+ "\"values\":{\"express.volume.local\":" + value + "},\"submit\":false}"), "values.express.volume.local",
					"快递业务量（同城）", "14位整数、4位小数");
		}
	}

	/**
	 * Quantities that are no amounts state their own rule beyond the reader's bound too: a responsibility letter's
	 * year (a four-digit year from 2000) and an instalment's position (a whole number of at most 3 digits).
	 */
	@Test
	void aLettersYearAndAnInstalmentNumberBeyondTheBoundStateTheirOwnRule() throws Exception {
		for (String year : new String[] { "1e40", "1e-40000000" }) {
			json("Bearer demo-sz-admin-token", "/api/v1/safety/letters", "{\"year\":" + year + "}")
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[?(@.field == 'year')].message",
						org.hamcrest.Matchers.contains(allOf(containsString("四位年份"), not(containsString("30位"))))));
		}
		// the case's handling bureau's staff: any other bureau is refused the step before its fields are read
		refusedStating(json("Bearer demo-wz-staff-token", "/api/v1/enforcement/cases/1/payment",
				"{\"paidOn\":\"2026-01-05\",\"amount\":100,\"instalment\":1e40}"), "instalment", "期次", "整数，最多3位");
	}

	/**
	 * A complaint of 吴中 filed now and moved to 回访 with the filer reached (its state set directly: the close step
	 * asks the state before its fields, so only a complaint it may close has its amount read).
	 */
	long closableComplaint() {
		LocalDate today = LocalDate.now(clock);
		long id = intake.file(new ComplaintForm("张三", "13912345678", FilerRole.RECIPIENT, "320506", "顺丰", null,
				"SF" + RandomDigits.of(10), today.minusDays(20), today.minusDays(10), "电话", null, "延误", "中转或运输延误",
				new BigDecimal("100"), "快件超过承诺时限三天未送达"), Channel.WEB, null, false).id();
		jdbc.update("update complaint set status = 'CALLBACK', satisfaction = 'SATISFIED' where id = ?", id);
		return id;
	}

	@Test
	void theComplaintFormsAmountsStateTheirOwnLimit() throws Exception {
		// a complaint its step may close (state first, h/case): the step's form comes back with the error beside its field
		long id = closableComplaint();
		Object errors = mvc.perform(post("/complaints/" + id + "/close").session(SignIn.session(mvc, "wz.staff")).with(csrf())
			.param("compensationPaid", "\u0663\u0660\u0660"))
			.andReturn().getFlashMap().get("errors");
		assertThat(String.valueOf(errors)).contains("compensationPaid").contains("挽回经济损失").contains("8位整数、2位小数")
			.doesNotContain("15位整数");
	}
}
