package org.youguan.web;

import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A page form posting its values as request parameters names every value that cannot be bound at once, each by its
 * label and what it takes — as a form record bound with {@code kernel.FormBinding} does — not the first one alone
 * (Spring stops at the first parameter it cannot convert): the form again in 400 with each beside its field, and
 * nothing saved.
 */
@IntegrationTest
class EveryUnboundParameterIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Test
	void aDepartmentFormNamesItsBadBureauAndItsBadSortOrderTogether() throws Exception {
		MockHttpSession admin = SignIn.session(mvc, "sz.admin");
		long before = jdbc.sql("select count(*) from department").query(Long.class).single();
		MockHttpServletResponse answer = mvc.perform(post("/admin/departments/new").session(admin).with(csrf())
			.param("bureauId", "abc").param("name", "两处错科").param("sortOrder", "x")).andReturn().getResponse();
		assertThat(answer.getStatus()).isEqualTo(400);
		Document page = Jsoup.parse(answer.getContentAsString(StandardCharsets.UTF_8));
		assertThat(page.select("#errors li[data-field=bureauId][data-rule=format]").text()).contains("所属机构应为正整数（至多19位）");
		assertThat(page.select("#errors li[data-field=sortOrder][data-rule=format]").text()).contains("排序应为整数（0至9999）");
		assertThat(jdbc.sql("select count(*) from department").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void anEnforcementStepNamesEveryDateThatIsNone() throws Exception {
		long id = jdbc.sql("select id from penalty_case where region_code like '320506%' order by id limit 1")
			.query(Long.class).single();
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		// a 听证通知 is taken of a case awaiting its hearing (its state is asked before the fields, 409 otherwise): the
		// case is put in 听证 in a transaction rolled back
		MockHttpServletResponse answer = tx.execute(status -> {
			status.setRollbackOnly();
			jdbc.sql("update penalty_case set status = 'HEARING' where id = ?").param(id).update();
			try {
				return mvc.perform(post("/enforcement/cases/" + id + "/hearing-notice").session(staff).with(csrf())
					.param("noticeOn", "2026-02-30").param("hearingOn", "下周三").param("place", "听证室"))
					.andReturn().getResponse();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		assertThat(answer.getStatus()).isEqualTo(400);
		Document page = Jsoup.parse(answer.getContentAsString(StandardCharsets.UTF_8));
		assertThat(page.select("#errors li[data-rule=format]").eachAttr("data-field")).containsExactly("noticeOn", "hearingOn");
		assertThat(page.select("#errors li[data-field=hearingOn]").text()).contains("听证日期的值“下周三”格式不正确")
			.contains("YYYY-MM-DD");
	}
}
