package org.youguan.complaints;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A complaint's steps are taken by the bureau handling it — the bureau nearest the region it is filed to, here
 * 吴中区邮政管理局 for 320506 — and by no other 处室工作人员 who can read it: the city bureau's staff (苏州市局市场监管处,
 * 普遍服务处) see the complaint of their county and are refused its steps (403) on the page and the API alike, and the
 * page offers them no step form.
 */
@IntegrationTest
class ComplaintHandlingBureauIntegrationTest {

	static final DataScope WUZHONG = DataScope.region("320506");

	@Autowired
	MockMvc mvc;

	@Autowired
	ComplaintIntake intake;

	@Autowired
	ComplaintQueries queries;

	@Autowired
	MutableClock clock;

	private long file() {
		LocalDate today = LocalDate.now(clock);
		return intake.file(ComplaintIntegrationTest.form(today.minusDays(20), today.minusDays(10), null,
				ComplaintIntegrationTest.waybill()), Channel.WEB, null, false).id();
	}

	@Test
	void onlyTheHandlingBureausStaffTakeAComplaintsSteps() throws Exception {
		long id = file();
		var city = SignIn.session(mvc, "sz.market");
		mvc.perform(get("/complaints/" + id).session(city))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"transfer-form\""))))
			.andExpect(content().string(not(containsString("id=\"reject-form\""))));
		for (String user : new String[] { "sz.market", "sz.universal" }) {
			mvc.perform(post("/complaints/" + id + "/reject").session(SignIn.session(mvc, user)).with(csrf())
				.param("condition", "DUPLICATE").param("reason", "重复申诉"))
				.andExpect(status().isForbidden());
			mvc.perform(post("/complaints/" + id + "/transfer").session(SignIn.session(mvc, user)).with(csrf()))
				.andExpect(status().isForbidden());
		}
		mvc.perform(post("/api/v1/complaints/" + id + "/close").header("Authorization", "Bearer demo-sz-market-token")
			.contentType(MediaType.APPLICATION_JSON).content("{\"valid\": true, \"compensationPaid\": 0}"))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("苏州市吴中区邮政管理局")));
		assertThat(queries.get(WUZHONG, id).status()).isEqualTo(ComplaintStatus.RECEIVED);

		var county = SignIn.session(mvc, "wz.staff");
		mvc.perform(get("/complaints/" + id).session(county))
			.andExpect(content().string(containsString("id=\"transfer-form\"")));
		mvc.perform(post("/complaints/" + id + "/transfer").session(county).with(csrf()))
			.andExpect(redirectedUrlPattern("/complaints/*"));
		assertThat(queries.get(WUZHONG, id).status()).isEqualTo(ComplaintStatus.TRANSFERRED);
	}
}
