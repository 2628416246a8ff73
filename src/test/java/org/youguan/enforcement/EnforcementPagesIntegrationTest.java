package org.youguan.enforcement;

import java.time.LocalDate;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.youguan.ExportedRows;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.PageSteps;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The staff pages: a lead entered, proposed and (only by the bureau head) approved from its page, the case's steps run
 * from the case page (a broken step flashes its errors and goes back), the queue shows remaining days; a county sees
 * only its own cases and an enterprise user none of these pages.
 */
@IntegrationTest
class EnforcementPagesIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Clock clock;

	@Autowired
	PartyCases party;

	@Test
	void aLeadBecomesACaseWhoseStepsRunFromItsPage() throws Exception {
		LocalDate today = LocalDate.now(clock);
		EnterpriseView e = enterprises.list(DataScope.region("320506"), Enterprises.Filter.NONE,
				PageQuery.of(null, 0, 10, "legal_name", "desc")).items().get(0);
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		mvc.perform(get("/enforcement/leads/new").session(staff)).andExpect(status().isOk());
		// refused: the form again in the 400 with the error beside the field and what was typed (kernel.FormSteps)
		mvc.perform(post("/enforcement/leads").session(staff).with(csrf()).param("source", "TRANSFER")
			.param("sourceDetail", "市局移交回填").param("regionCode", "320506").param("summary", "")
			.param("receivedOn", today.toString()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("data-field=\"summary\"")))
			.andExpect(content().string(containsString("value=\"市局移交回填\"")))
			.andExpect(content().string(containsString("value=\"" + today + "\"")))
			.andExpect(content().string(containsString("value=\"TRANSFER\" selected=\"selected\"")));
		String summary = "页面登记线索" + UUID.randomUUID();
		MvcResult created = mvc.perform(post("/enforcement/leads").session(staff).with(csrf()).param("source", "REPORT")
			.param("sourceDetail", "12345热线转来").param("enterpriseCreditCode", e.creditCode()).param("summary", summary)
			.param("receivedOn", today.toString())).andExpect(flash().attribute("message", "线索已登记")).andReturn();
		String lead = created.getResponse().getRedirectedUrl();
		// found by its text: other tests' leads received today may fill the first page
		mvc.perform(get("/enforcement/leads").param("q", summary).session(staff)).andExpect(status().isOk())
			.andExpect(content().string(containsString(summary)));
		mvc.perform(post(lead + "/propose").session(staff).with(csrf()).param("violation", "DELIVERY_WITHOUT_CONSENT")
			.param("endedOn", today.toString())).andExpect(redirectedUrl(lead));
		// a head's step refused to the staff member: back to the lead's page with the 403 flashed
		mvc.perform(post(lead + "/approve").session(staff).with(csrf())).andExpect(redirectedUrl(lead))
			.andExpect(flash().attribute(PageSteps.REFUSED_STATUS, 403));
		MockHttpSession head = SignIn.session(mvc, "wz.leader");
		mvc.perform(get(lead).session(head)).andExpect(content().string(containsString("id=\"approve\"")));
		String page = mvc.perform(post(lead + "/approve").session(head).with(csrf()))
			.andExpect(flash().attribute("message", "已批准立案")).andReturn().getResponse().getRedirectedUrl();
		assertThat(page).startsWith("/enforcement/cases/");

		mvc.perform(get(page).session(staff)).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"investigation-form\"")))
			.andExpect(content().string(containsString("id=\"remaining\"")));
		mvc.perform(post(page + "/investigation").session(staff).with(csrf()).param("name", "陈吴中", "", "")
			.param("certificateNumber", "32050601", "", "")).andExpect(status().isBadRequest())
			.andExpect(model().attributeExists("errors"))
			.andExpect(content().string(containsString("value=\"32050601\"")));
		mvc.perform(post(page + "/investigation").session(staff).with(csrf()).param("name", "陈吴中", "沈执法", "")
			.param("certificateNumber", "32050601", "32050602", "")).andExpect(redirectedUrl(page))
			.andExpect(flash().attribute("message", "已开始调查取证"));
		PartyCases.evidence(jdbc, Long.parseLong(page.substring(page.lastIndexOf('/') + 1)));
		mvc.perform(post(page + "/conclusion").session(staff).with(csrf()).param("report", "未经同意投递智能快件箱")
			.param("proposedPenalty", "FINE").param("proposedFine", "3000").param("concludedOn", today.toString()))
			.andExpect(flash().attribute("message", "调查终结"));
		mvc.perform(post(page + "/notice").session(staff).with(csrf()).param("on", today.toString()))
			.andExpect(flash().attribute("message", "已事先告知"));
		// the decision, 不予处罚, 撤案 and 移送 are the head's (行政处罚法第57条): staff see none of their buttons, a post goes back to the page with the 403 flashed
		mvc.perform(get(page).session(staff)).andExpect(content().string(not(containsString("id=\"decision-form\""))))
			.andExpect(content().string(not(containsString("id=\"no-penalty-form\""))))
			.andExpect(content().string(containsString("id=\"statement-form\"")))
			// ¥3,000 carries no hearing right (art.63): nothing to request or waive
			.andExpect(content().string(not(containsString("id=\"hearing-waiver-form\""))))
			.andExpect(content().string(not(containsString("id=\"hearing-request-form\""))));
		mvc.perform(post(page + "/decision").session(staff).with(csrf()).param("decidedOn", today.toString())
			.param("penalty", "FINE").param("fine", "3000")).andExpect(redirectedUrl(page))
			.andExpect(flash().attribute(PageSteps.REFUSED_STATUS, 403));
		mvc.perform(post(page + "/no-penalty").session(staff).with(csrf()).param("ground", "FIRST_MINOR").param("reason", "首违不罚"))
			.andExpect(redirectedUrl(page)).andExpect(flash().attribute(PageSteps.REFUSED_STATUS, 403));
		mvc.perform(get(page).session(SignIn.session(mvc, "wz.leader"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"decision-form\"")))
			.andExpect(content().string(containsString("id=\"no-penalty-form\"")))
			.andExpect(content().string(not(containsString("id=\"statement-form\""))));
		assertThat(jdbc.sql("SELECT status FROM penalty_case WHERE id = :id").param("id",
				Long.parseLong(page.substring(page.lastIndexOf('/') + 1))).query(String.class).single()).isEqualTo("NOTIFIED");
		// found by its number: other tests' cases filed today may fill the first page
		String number = jdbc.sql("SELECT number FROM penalty_case WHERE id = :id")
			.param("id", Long.parseLong(page.substring(page.lastIndexOf('/') + 1))).query(String.class).single();
		mvc.perform(get("/enforcement/cases").param("q", number).session(staff)).andExpect(status().isOk())
			.andExpect(content().string(containsString(page)));
		mvc.perform(get(page).session(SignIn.session(mvc, "xc.staff"))).andExpect(status().isNotFound());
		mvc.perform(get("/enforcement/cases").session(SignIn.session(mvc, "sf.wz"))).andExpect(status().isForbidden());
	}

	@Test
	void theLeadExportHoldsTheListsColumnsOnlyTheUsersRegionMaskedAndFollowsTheFilters() throws Exception {
		String today = LocalDate.now(clock).toString();
		String marker = "导出线索" + UUID.randomUUID();
		String code = party.sfWuzhong().creditCode();
		party.leads().report(PartyCases.ALL, new Leads.ReportData("REPORT", "群众举报", code, null,
				marker + "举报人电话13912345678", today), false);
		long kunshan = party.leads().report(PartyCases.ALL, new Leads.ReportData("REPORT", "群众举报", code, null,
				marker + "昆山", today), false);
		jdbc.sql("UPDATE penalty_lead SET region_code = '320583' WHERE id = :id").param("id", kunshan).update();
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");

		List<List<String>> rows = ExportedRows.of(mvc, staff, "/enforcement/leads/export.xlsx", "q", marker);
		assertThat(rows.get(0)).containsExactly("收到日期", "来源", "来源说明", "当事人", "统一社会信用代码", "线索内容", "状态", "案件编号");
		assertThat(rows).as("the Wuzhong lead only, the Kunshan one is outside the user's region").hasSize(2);
		assertThat(rows.get(1)).startsWith(today, LeadSource.REPORT.label(), "群众举报").contains(code, "待核查");
		assertThat(rows.get(1).get(5)).startsWith(marker).doesNotContain("13912345678");
		assertThat(ExportedRows.of(mvc, staff, "/enforcement/leads/export.xlsx", "q", marker, "status", "FILED"))
			.as("the status filter").hasSize(1);
		mvc.perform(get("/enforcement/leads").session(staff))
			.andExpect(content().string(containsString("/enforcement/leads/export.xlsx")));
	}

	@Test
	void theCaseExportHoldsTheListsColumnsOnlyTheUsersRegionAndFollowsTheFilters() throws Exception {
		LocalDate today = LocalDate.now(clock);
		long mine = party.filed(party.sfWuzhong(), "DELIVERY_WITHOUT_CONSENT", today);
		long kunshan = party.filed(party.sfWuzhong(), "DELIVERY_WITHOUT_CONSENT", today);
		jdbc.sql("UPDATE penalty_case SET region_code = '320583' WHERE id = :id").param("id", kunshan).update();
		String number = number(mine);
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");

		List<List<String>> rows = ExportedRows.of(mvc, staff, "/enforcement/cases/export.xlsx");
		assertThat(rows.get(0)).startsWith("案件编号", "当事人", "统一社会信用代码", "违法行为", "立案日期", "状态", "剩余天数");
		assertThat(ExportedRows.column(rows, 0)).contains(number).doesNotContain(number(kunshan));
		assertThat(rows.stream().filter(r -> r.get(0).equals(number)).findFirst().orElseThrow())
			.contains(today.toString(), "已立案");
		assertThat(ExportedRows.of(mvc, staff, "/enforcement/cases/export.xlsx", "q", number)).hasSize(2);
		assertThat(ExportedRows.column(ExportedRows.of(mvc, staff, "/enforcement/cases/export.xlsx", "status", "DECIDED"), 0))
			.as("the status filter").doesNotContain(number);
		mvc.perform(get("/enforcement/cases").session(staff))
			.andExpect(content().string(containsString("/enforcement/cases/export.xlsx")));
	}

	private String number(long caseId) {
		return jdbc.sql("SELECT number FROM penalty_case WHERE id = :id").param("id", caseId).query(String.class).single();
	}
}
