package org.youguan.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.RandomDigits;
import org.youguan.SignIn;

/**
 * Finding scope-1: a complaint's personal data in full is for the staff of the bureau handling it only
 * ({@link ComplaintQueries#readsInFull}). The city's and the province's 市场监管处 staff read a 吴中 complaint as a leader
 * does — the phone 139****5678 on the page and the API — open none of its evidence, and their search does not match the
 * phone (which would tell them the masked number); 吴中's staff read and find it in full.
 */
@IntegrationTest
class SuperiorReadsComplaintMaskedIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ComplaintIntake intake;

	@Autowired
	ComplaintQueries queries;

	@Autowired
	MutableClock clock;

	@Test
	void theCityAndTheProvinceReadACountysComplaintMaskedAndCannotFindItByThePhone() throws Exception {
		LocalDate today = LocalDate.now(clock);
		String phone = "199" + RandomDigits.of(8);
		String masked = phone.substring(0, 3) + "****" + phone.substring(7);
		var filed = intake.file(new ComplaintForm("张三", phone, FilerRole.RECIPIENT, "320506", "顺丰", null,
				"SF" + RandomDigits.of(10), today.minusDays(20), today.minusDays(10), "电话", null, "延误", "中转或运输延误",
				new BigDecimal("100"), "快件超过承诺时限三天未送达"), Channel.WEB, null, false);

		for (String token : new String[] { "Bearer demo-sz-market-token", "Bearer demo-js-market-token" }) {
			mvc.perform(get("/api/v1/complaints/" + filed.id()).header("Authorization", token))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.filerPhone").value(masked))
				.andExpect(jsonPath("$.filerName").value("张*"));
			mvc.perform(get("/api/v1/complaints").param("q", phone).header("Authorization", token))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.items[*].number", not(hasItem(filed.number()))));
		}
		for (String user : new String[] { "sz.market", "js.market" }) {
			mvc.perform(get("/complaints/" + filed.id()).session(SignIn.session(mvc, user)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(masked)))
				.andExpect(content().string(not(containsString(phone))));
			mvc.perform(get("/complaints").param("q", phone).param("state", "ALL").session(SignIn.session(mvc, user)))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString(filed.number()))));
		}
		// the handling bureau's staff read it in full and find it by the phone
		mvc.perform(get("/api/v1/complaints/" + filed.id()).header("Authorization", "Bearer demo-wz-staff-token"))
			.andExpect(jsonPath("$.filerPhone").value(phone));
		mvc.perform(get("/api/v1/complaints").param("q", phone).header("Authorization", "Bearer demo-wz-staff-token"))
			.andExpect(jsonPath("$.items[*].number", hasItem(filed.number())));
		// the rule itself: a 处室工作人员 of the handling bureau, not one above it
		assertThat(queries.regionOf(org.youguan.kernel.DataScope.region("3205"), filed.id())).isEqualTo("320506");
	}
}
