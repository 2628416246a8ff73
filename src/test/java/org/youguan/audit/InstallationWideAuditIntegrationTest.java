package org.youguan.audit;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.BureauAccounts;
import org.youguan.HolidayNotices;
import org.youguan.IntegrationTest;
import org.youguan.org.Bureaus;
import org.youguan.org.Role;
import org.youguan.org.Users;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attack round: installation-wide events (a calendar year loaded, a brand or indicator added, a national report form:
 * region {@code 0}) were sealed in the chain, and counted by its verification, but in nobody's trail — the provincial
 * installation's 系统管理员 (scope 32) read total 0. The audit module's one read rule ({@code AuditTrail}) gives them to
 * the installation's 系统管理员, on the API and the page alike; a county's 系统管理员 still reads none of them.
 */
@IntegrationTest
class InstallationWideAuditIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Bureaus bureaus;

	MockHttpSession systemAdministrator(String bureauRegion) throws Exception {
		return BureauAccounts.session(mvc, users, bureaus, bureauRegion, Role.SYSTEM_ADMIN);
	}

	@Test
	void theInstallationsSystemAdministratorReadsTheCalendarLoadAndACountysDoesNot() throws Exception {
		MockHttpSession top = systemAdministrator("32");
		byte[] notice = HolidayNotices.notice(2069, List.of(), List.of()).getBytes(StandardCharsets.UTF_8);
		mvc.perform(multipart("/admin/calendar/load").file(new MockMultipartFile("file", "2069.json", "application/json", notice))
			.session(top).with(csrf())).andExpect(status().is3xxRedirection());
		mvc.perform(get("/api/v1/audit-events").param("action", "calendar.load-year").param("q", "加载2069年工作日历")
			.session(top))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total", greaterThanOrEqualTo(1)))
			.andExpect(jsonPath("$.items[0].regionCode").value("0"));
		mvc.perform(get("/admin/audit").param("action", "calendar.load-year").session(top))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("加载2069年工作日历")));
		MockHttpSession county = systemAdministrator("320583");
		mvc.perform(get("/api/v1/audit-events").param("q", "加载2069年工作日历").session(county))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(0));
		mvc.perform(get("/admin/audit").param("action", "calendar.load-year").session(county))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("加载2069年工作日历"))));
	}

	/**
	 * Attack: the top-level bureau's 局领导, who read every audit entry of the installation's region, read none of the
	 * installation-wide ones its administrators made (the calendar that sets every bureau's deadlines). They read them
	 * now, on the API and the page; the top-level bureau's 机构管理员 and a city's 局领导 still do not.
	 */
	@Test
	void theTopLevelBureausLeadersReadTheInstallationWideEventsItsBureauAdministratorsAndACitysDoNot() throws Exception {
		byte[] notice = HolidayNotices.notice(2071, List.of(), List.of()).getBytes(StandardCharsets.UTF_8);
		mvc.perform(multipart("/admin/calendar/load").file(new MockMultipartFile("file", "2071.json", "application/json", notice))
			.session(systemAdministrator("32")).with(csrf())).andExpect(status().is3xxRedirection());
		MockHttpSession leader = BureauAccounts.session(mvc, users, bureaus, "32", Role.BUREAU_LEADER);
		mvc.perform(get("/api/v1/audit-events").param("q", "加载2071年工作日历").session(leader))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].regionCode").value("0"));
		mvc.perform(get("/admin/audit").param("action", "calendar.load-year").session(leader))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("加载2071年工作日历")));
		for (MockHttpSession other : List.of(BureauAccounts.session(mvc, users, bureaus, "32", Role.BUREAU_ADMIN),
				BureauAccounts.session(mvc, users, bureaus, "3205", Role.BUREAU_LEADER))) {
			mvc.perform(get("/api/v1/audit-events").param("q", "加载2071年工作日历").session(other))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.total").value(0));
		}
	}
}
