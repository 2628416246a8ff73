package org.youguan.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Attack f8 item 11: a list of choices that cannot be bound names the choices; a form or query integer is told the
 * field's declared range, not an int's.
 */
@IntegrationTest
class FormParameterMessagesIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void aChoiceInAListOfChoicesNamesTheChoices() throws Exception {
		MockHttpServletResponse answer = mvc.perform(post("/admin/users/new").session(SignIn.session(mvc, "sz.admin"))
			.with(csrf()).param("username", "x.choice").param("displayName", "测试").param("kind", "STAFF")
			.param("roles", "FOO")).andReturn().getResponse();
		assertThat(answer.getStatus()).isEqualTo(400);
		// the form record's binding (kernel.FormBinding): the roles named by their label with their choices
		assertThat(answer.getContentAsString()).contains("角色的值无效（可选值：").contains("处室工作人员（STAFF）");
		String api = mvc.perform(post("/admin/users/new").header("Authorization", "Bearer demo-sz-admin-token")
			.param("username", "x.choice").param("displayName", "测试").param("kind", "STAFF").param("roles", "STAFF", "FOO"))
			.andReturn().getResponse().getContentAsString();
		assertThat(api).contains("可选值").contains("系统管理员（SYSTEM_ADMIN）");
	}

	@Test
	void anIntegerFormParameterIsToldItsDeclaredRange() throws Exception {
		MockHttpServletResponse answer = mvc.perform(post("/account/tokens").session(SignIn.session(mvc, "wz.staff"))
			.with(csrf()).param("name", "对接").param("validDays", "abc").param("currentPassword", "x"))
			.andReturn().getResponse();
		assertThat(answer.getStatus()).isEqualTo(400);
		assertThat(answer.getContentAsString()).contains("应为整数（1至365）").doesNotContain("2147483647");
		// a query parameter without a declared range keeps its type's
		assertThat(mvc.perform(get("/api/v1/audit-events").param("page", "abc").header("Authorization", "Bearer demo-sys-admin-token"))
			.andReturn().getResponse().getStatus()).isEqualTo(400);
	}
}
