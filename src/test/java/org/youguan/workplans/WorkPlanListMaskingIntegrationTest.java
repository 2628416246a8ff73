package org.youguan.workplans;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.org.UserDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An ID or mobile number typed into a work plan's title is masked where plans are listed (the list page, {@link
 * WorkPlans#list}); the plan's own page reads the title as recorded.
 */
@IntegrationTest
class WorkPlanListMaskingIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkPlans plans;

	@Autowired
	UserDirectory directory;

	@Test
	void personalNumbersInAPlansTitleAreMaskedInTheList() throws Exception {
		String marker = "号码计划" + UUID.randomUUID().toString().substring(0, 8);
		String title = marker + "（联系人13912345678，身份证110105194912310021）";
		long bureau = directory.principal("sz.admin").orElseThrow().bureauId();
		long id = jdbc.sql("""
				INSERT INTO work_plan (bureau_id, region_code, year, title, created_at)
				VALUES (:bureau, '3205', 1999, :title, :now) RETURNING id""")
			.param("bureau", bureau).param("title", title).param("now", OffsetDateTime.now())
			.query(Long.class).single();
		try {
			String page = mvc.perform(get("/workplans").param("q", marker).session(SignIn.session(mvc, "sz.admin")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertThat(page).contains(marker).contains("139****5678").contains("110105********0021")
				.doesNotContain("13912345678").doesNotContain("19491231");
			assertThat(plans.list(DataScope.region("3205"), new PageQuery(marker, 0, 5, null, false)).items())
				.singleElement().satisfies(p -> assertThat(p.title()).doesNotContain("13912345678").contains("139****5678"));
			assertThat(plans.get(DataScope.region("3205"), id).title()).isEqualTo(title);
		}
		finally {
			jdbc.sql("DELETE FROM work_plan WHERE id = :id").param("id", id).update();
		}
	}
}
