package org.youguan.universal;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.ExportedRows;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.registry.Facilities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A post-office closure approval whose 20-working-day decision day falls in a year whose holiday notice is not loaded
 * (2027: never loaded by a test) says so — {@code decisionDueOnProvisional} in the API, the 暂定 badge on its page —
 * and one due within a loaded year does not.
 */
@IntegrationTest
class ProvisionalApprovalDeadlineIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Facilities facilities;

	@Autowired
	PostOfficeApprovals approvals;

	@Autowired
	MutableClock clock;

	@AfterEach
	void reset() {
		clock.reset();
	}

	long appliedOn(LocalDate day) throws Exception {
		clock.set(day.atTime(10, 0));
		ApprovalFixture fixture = new ApprovalFixture(mvc, jdbc, facilities);
		return fixture.apply(ApprovalFixture.POSTAL, fixture.newPostOffice("320506"), "CLOSURE", "暂定期限测试", null);
	}

	@Test
	void aDecisionDayInAYearNotLoadedIsProvisional() throws Exception {
		long id = appliedOn(LocalDate.of(2026, 12, 4));
		LocalDate due = approvals.get(DataScope.all(), id).decisionDueOn();
		assertThat(due.getYear()).isEqualTo(2027);
		mvc.perform(get("/api/v1/universal/post-office-approvals/" + id).header("Authorization", ApprovalFixture.WUZHONG))
			.andExpect(jsonPath("$.decisionDueOn").value(due.toString()))
			.andExpect(jsonPath("$.decisionDueOnProvisional").value(true))
			.andExpect(jsonPath("$.noticeDueOnProvisional").value(false));
		mvc.perform(get("/universal/post-office-approvals/" + id).session(SignIn.session(mvc, "wz.staff")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("badge bg-azure-lt provisional")));
		// the export marks it as the page does
		assertThat(ExportedRows.of(mvc, SignIn.session(mvc, "wz.staff"), "/universal/post-office-approvals/export.xlsx", "q",
				approvals.get(DataScope.all(), id).facilityName()).stream().skip(1).flatMap(List::stream))
			.contains(due + "（暂定）");
	}

	@Test
	void aDecisionDayWithinALoadedYearIsNotProvisional() throws Exception {
		long id = appliedOn(LocalDate.of(2026, 9, 1));
		mvc.perform(get("/api/v1/universal/post-office-approvals/" + id).header("Authorization", ApprovalFixture.WUZHONG))
			.andExpect(jsonPath("$.decisionDueOn").value(containsString("2026-")))
			.andExpect(jsonPath("$.decisionDueOnProvisional").value(false));
		mvc.perform(get("/universal/post-office-approvals/" + id).session(SignIn.session(mvc, "wz.staff")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("badge bg-azure-lt provisional"))));
	}
}
