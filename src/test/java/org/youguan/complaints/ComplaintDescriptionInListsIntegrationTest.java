package org.youguan.complaints;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.ExportedRows;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.RandomDigits;
import org.youguan.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A public complaint's 申诉内容 holding a full 18-digit ID number and an 11-digit mobile number is never shown in full in
 * a list — the handler's queue page, its .xlsx export, the staff's and the enterprise's {@code GET /api/v1/complaints}
 * ("API lists mask personal data as pages do"): the staff's lists carry no description, the enterprise's carries it
 * masked. The assigned handler's own detail (page and API) shows it in full, as it shows the filer's phone (an audited
 * single read); a leader's detail masks it.
 */
@IntegrationTest
class ComplaintDescriptionInListsIntegrationTest {

	static final String HANDLER = "Bearer demo-wz-staff-token";

	static final String ENTERPRISE = EnterpriseComplaintApiIntegrationTest.SF_TOKEN;

	@Autowired
	MockMvc mvc;

	@Autowired
	ComplaintIntake intake;

	@Autowired
	ComplaintProcedure procedure;

	@Autowired
	MutableClock clock;

	@Test
	void anIdAndAMobileInTheDescriptionAreShownInFullInNoList() throws Exception {
		LocalDate today = LocalDate.now(clock);
		// a real ID number's form, its check digit right (the one EnterpriseComplaintApiIntegrationTest files)
		String id = "320506199001011230";
		String mobile = "139" + RandomDigits.of(8);
		String description = "快件未送达，本人身份证" + id + "，手机" + mobile + "，请联系";
		var typed = new ComplaintForm("张三", "139" + RandomDigits.of(8), FilerRole.RECIPIENT, "320506", "顺丰", null,
				ComplaintIntegrationTest.waybill(), today.minusDays(20), today.minusDays(10), "电话", null, "延误",
				"中转或运输延误", new BigDecimal("100"), description);
		ComplaintIntake.Filed filed = intake.file(typed, Channel.WEB, null, false);
		procedure.acceptAndTransfer(ComplaintIntegrationTest.WUZHONG, filed.id(), null, null);
		String number = filed.number();

		MockHttpSession handler = SignIn.session(mvc, "wz.staff");
		mvc.perform(get("/complaints").param("q", number).session(handler))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(number)))
			.andExpect(content().string(not(containsString(id))))
			.andExpect(content().string(not(containsString(mobile))));
		assertThat(ExportedRows.of(mvc, handler, "/complaints/export.xlsx", "q", number).toString())
			.contains(number).doesNotContain(id).doesNotContain(mobile);
		for (String token : new String[] { HANDLER, ENTERPRISE }) {
			mvc.perform(get("/api/v1/complaints").param("q", number).header("Authorization", token))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.items[0].number").value(number))
				.andExpect(content().string(not(containsString(id))))
				.andExpect(content().string(not(containsString(mobile))));
		}
		mvc.perform(get("/api/v1/complaints").param("q", number).header("Authorization", ENTERPRISE))
			.andExpect(jsonPath("$.items[0].description").value(containsString("320506********")));

		mvc.perform(get("/api/v1/complaints/{id}", filed.id()).header("Authorization", HANDLER))
			.andExpect(jsonPath("$.description").value(description));
		mvc.perform(get("/api/v1/complaints/{id}", filed.id()).header("Authorization", "Bearer demo-sz-leader-token"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(id))))
			.andExpect(content().string(not(containsString(mobile))));
	}
}
