package org.youguan.inspections;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.org.Bureaus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The staff pages: the region's inspections with this year's figures, the plans, and a plan's steps run from its page
 * (a broken step flashes its errors and goes back; each step moves the plan on); the public page shows published
 * plans and the algorithm without the names of operator and witnesses; an enterprise user is refused the staff pages.
 */
@IntegrationTest
class InspectionPagesIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	InspectionPlans plans;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	Bureaus bureaus;

	@Test
	void staffSeeTheRegionsInspectionsFiguresAndPlans() throws Exception {
		MockHttpSession session = SignIn.session(mvc, "sz.admin");
		mvc.perform(get("/inspections").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"inspector-visits\"")));
		// the demo's 通邮 checks are inspection records of this year too: the orders are found by their number
		mvc.perform(get("/inspections").param("q", "苏邮管责改").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("苏邮管责改")));
		mvc.perform(get("/inspections/plans").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("季度快递市场双随机抽查")));
		mvc.perform(get("/inspections").session(SignIn.session(mvc, "sf.wz"))).andExpect(status().isForbidden());
	}

	@Test
	void aPlansStepsRunFromItsPage() throws Exception {
		long id = tx.execute(s -> plans.create(DataScope.region("3205"), bureaus.findByRegion("3205").orElseThrow().id(), "3205", "周管理",
				new InspectionPlans.PlanData("页面步骤测试计划", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31),
						List.of("REAL_NAME"), "320583", null, 2, null, null, 2), false));
		String page = "/inspections/plans/" + id;
		MockHttpSession session = SignIn.session(mvc, "sz.admin");
		mvc.perform(post(page + "/freeze").session(session).with(csrf())).andExpect(redirectedUrl(page))
			.andExpect(flash().attribute("message", "检查对象名单已冻结"));
		mvc.perform(post(page + "/seed").session(session).with(csrf()).param("seed", "KS-1").param("witnesses", ""))
			.andExpect(redirectedUrl(page))
			.andExpect(flash().attributeExists("errors"));
		mvc.perform(post(page + "/seed").session(session).with(csrf()).param("seed", "KS-1").param("witnesses", "吴文书"))
			.andExpect(redirectedUrl(page));
		mvc.perform(post(page + "/draw").session(session).with(csrf())).andExpect(redirectedUrl(page));
		mvc.perform(post(page + "/publish").session(session).with(csrf())).andExpect(redirectedUrl(page));
		String html = mvc.perform(get(page).session(session)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("id=\"targets\"", "KS-1", "吴文书");

		mvc.perform(get("/public/inspections").param("region", "320583"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("页面步骤测试计划")))
			.andExpect(content().string(containsString("SHA-256(")))
			.andExpect(content().string(not(containsString("吴文书"))))
			.andExpect(content().string(not(containsString("周管理"))))
			// readable to the public: a label, not the API's field name or a raw endpoint
			.andExpect(content().string(containsString("计划编号")))
			.andExpect(content().string(not(containsString("planId"))))
			.andExpect(content().string(not(containsString("POST /api"))));
		// linked from the public portal's navigation
		mvc.perform(get("/public/lookup"))
			.andExpect(content().string(containsString("href=\"/public/inspections\"")));
	}
}
