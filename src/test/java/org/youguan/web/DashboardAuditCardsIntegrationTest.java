package org.youguan.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * 工作台's 今日审计事件 and 最近动态 come from the audit log, so they show only to the roles that may open /admin/audit
 * (系统管理员, 机构管理员, 局领导): a 处室工作人员 of the same region, refused the log itself, does not read colleagues'
 * and administrators' actions on the home page.
 */
@IntegrationTest
class DashboardAuditCardsIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void onlyTheAuditLogsReadersSeeItsCardsOnTheHomePage() throws Exception {
		for (String reader : new String[] { "sz.admin", "wz.leader" }) {
			String home = home(reader);
			assertThat(home).as(reader).contains("id=\"count-audit\"").contains("最近动态");
		}
		String staff = home("wz.staff");
		assertThat(staff).as("a 处室工作人员's home").doesNotContain("id=\"count-audit\"").doesNotContain("最近动态");
		mvc.perform(get("/admin/audit").session(SignIn.session(mvc, "wz.staff")))
			.andExpect(result -> assertThat(result.getResponse().getStatus()).isEqualTo(403));
	}

	private String home(String user) throws Exception {
		return mvc.perform(get("/").session(SignIn.session(mvc, user)))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
