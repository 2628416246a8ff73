package org.youguan.enforcement;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.IntegrationTest;
import org.youguan.RandomDigits;
import org.youguan.SignIn;
import org.youguan.enforcement.internal.DecisionNumbers;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.numbering.OfficialNumbers;
import org.youguan.org.BureauView;
import org.youguan.org.Bureaus;
import org.youguan.org.CurrentUser;
import org.youguan.org.WorkQueue;
import org.youguan.org.WorkQueueProvider;
import org.youguan.registry.EnterpriseData;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.Enterprises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A lead referred to a county whose bureau is on the platform with no 处室工作人员 (the demo's 苏州市虎丘区邮政管理局), and
 * the case filed from it, are the city's bureau's to handle ({@code Bureaus#handling}) as that county's outlet filings
 * are: in the city's lead queue (its page and its inbox count alike), the city's staff take its steps, the province
 * reads it and is refused naming the city, and the case's documents carry the city's 机关代字. Before, the lead was
 * routed by the nearest bureau alone — the county's, where nobody could act on it while its clock ran.
 */
@IntegrationTest
class UnstaffedCountyLeadsAndCasesIntegrationTest extends ClockedSteps {

	/** 虎丘区: its bureau is on the platform with no account. */
	static final String HUQIU = "320505";

	static final String CITY = "Bearer demo-sz-market-token";

	static final String PROVINCE = "Bearer demo-js-market-token";

	@Autowired
	Leads leads;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Bureaus bureaus;

	@Autowired
	List<WorkQueueProvider> providers;

	/** The ids in the user's lead queue as its page lists them, and the count its inbox shows. */
	record Queue(List<String> listed, long counted) {
	}

	Queue leadQueue(String username) throws Exception {
		CurrentUser u = accounts.principal(username).orElseThrow();
		long counted = providers.stream().flatMap(p -> p.queuesFor(u).stream())
			.filter(q -> q.queue().equals("enforcement.leads")).mapToLong(WorkQueue::count).sum();
		String page = mvc.perform(get("/enforcement/queues/enforcement.leads").session(SignIn.session(mvc, username)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		return new Queue(Pattern.compile("href=\"/enforcement/leads/(\\d+)\"").matcher(page).results()
			.map(m -> m.group(1)).toList(), counted);
	}

	@Test
	void aLeadAndItsCaseInACountyWhoseBureauHasNoStaffAreTheCitysToHandle() throws Exception {
		BureauView huqiu = bureaus.findByRegion(HUQIU).orElseThrow();
		assertThat(jdbc.sql("SELECT count(*) FROM user_account WHERE bureau_id = :b AND enabled").param("b", huqiu.id())
			.query(Long.class).single()).as("precondition: 虎丘's bureau has no account").isZero();
		assertThat(bureaus.nearest(HUQIU)).as("the place's bureau").contains(huqiu);
		assertThat(bureaus.handling(HUQIU).map(BureauView::name)).as("the bureau taking its steps").contains("苏州市邮政管理局");

		LocalDate today = LocalDate.now(clock);
		String digits = RandomDigits.of(7);
		String base = "91" + HUQIU + "MA" + digits;
		String code = base + CreditCode.checkCharacter(base);
		String name = "虎丘测试快递有限公司" + digits;
		enterprises.register(PartyCases.ALL, new EnterpriseData(name, code, EnterpriseType.EXPRESS, null, "张三", "测试路1号",
				HUQIU, "李四", "13912345678"), false);
		// letters only: a run of digits in a summary may be read as a phone number and masked in lists
		String tag = digits.chars().mapToObj(c -> String.valueOf((char) ('k' + c - '0'))).reduce("", String::concat);
		long id = leads.intake(new Leads.Intake(LeadSource.REPORT, "unstaffed-county-lead:" + digits, "群众举报", HUQIU, code,
				name, "虎丘网点未报送数据" + tag, today, false)).orElseThrow();
		assertThat(leads.handlingRegion(leads.get(PartyCases.ALL, id))).as("kept under its place").isEqualTo(HUQIU);

		Queue city = leadQueue("sz.market");
		assertThat(city.listed()).as("in the city's lead queue").contains(String.valueOf(id)).hasSize((int) city.counted());
		Queue province = leadQueue("js.market");
		assertThat(province.listed()).as("not the province's").doesNotContain(String.valueOf(id))
			.hasSize((int) province.counted());
		assertThat(leads.handles(accounts.principal("sz.market").orElseThrow(), leads.get(PartyCases.ALL, id))).isTrue();

		String path = "/api/v1/enforcement/leads/" + id;
		String proposal = "{\"violation\":\"DATA_NOT_REPORTED\",\"endedOn\":\"" + today.minusDays(10) + "\"}";
		call(PROVINCE, path + "/proposal", proposal).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("苏州市邮政管理局")));
		call(CITY, path + "/proposal", proposal).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PROPOSED"));

		long caseId = leads.approve(PartyCases.ALL, id, PartyCases.HEAD, today, false);
		assertThat(jdbc.sql("SELECT region_code FROM penalty_case WHERE id = :id").param("id", caseId).query(String.class)
			.single()).isEqualTo(HUQIU);
		assertThat(bureaus.takesSteps(accounts.principal("sz.market").orElseThrow(), HUQIU)).isTrue();
		assertThat(bureaus.takesSteps(accounts.principal("js.market").orElseThrow(), HUQIU)).isFalse();
		call(PROVINCE, "/api/v1/enforcement/cases/" + caseId + "/investigation", PenaltyCaseIntegrationTest.TEAM)
			.andExpect(status().isForbidden()).andExpect(jsonPath("$.detail", containsString("本案由苏州市邮政管理局办理")));

		// its 立案审批表 was issued by the city: the city's 机关代字, not 虎丘's
		String number = jdbc.sql("SELECT number FROM penalty_case_document WHERE case_id = :id AND kind = 'FILING_APPROVAL'")
			.param("id", caseId).query(String.class).single();
		assertThat(OfficialNumbers.parse("立案审批", number).map(OfficialNumbers.Parsed::agency))
			.contains(bureaus.documentAgency("3205").code());
		assertThat(bureaus.documentAgency("3205").code()).isNotEqualTo(bureaus.documentAgency(HUQIU).code());
		assertThat(bureaus.handledHere(DataScope.region("3205"), "'" + HUQIU + "'")).as("in the city's queues")
			.satisfies(sql -> assertThat(jdbc.sql("SELECT " + sql).query(Boolean.class).single()).isTrue());
	}

	@Autowired
	DecisionNumbers decisionNumbers;

	/**
	 * A decided penalty names its 处罚机关 by the 机关代字 its 文号 bears — the city's for a 虎丘 case the city decided —,
	 * not by whichever bureau handles the region when the decision is published or read; a number of the earlier form
	 * names the bureau of the case's region.
	 */
	@Test
	void aDecisionNamesTheBureauWhoseNumberItBears() {
		String cityNumber = OfficialNumbers.format(bureaus.documentAgency("3205").code(), "行政处罚决定", 2026, 7);
		assertThat(decisionNumbers.decidedBy(cityNumber, HUQIU)).isEqualTo("苏州市邮政管理局");
		String countyNumber = OfficialNumbers.format(bureaus.documentAgency(HUQIU).code(), "行政处罚决定", 2026, 7);
		assertThat(decisionNumbers.decidedBy(countyNumber, HUQIU)).isEqualTo(bureaus.nearestName(HUQIU))
			.isNotEqualTo("苏州市邮政管理局");
		assertThat(decisionNumbers.decidedBy("行政处罚决定-320505-2026-000001", HUQIU)).isEqualTo(bureaus.nearestName(HUQIU));
	}
}
