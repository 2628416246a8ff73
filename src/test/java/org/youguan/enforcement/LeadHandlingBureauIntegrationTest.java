package org.youguan.enforcement;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.IntegrationTest;
import org.youguan.RandomDigits;
import org.youguan.SignIn;
import org.youguan.audit.AuditEvent;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;
import org.youguan.org.WorkQueue;
import org.youguan.org.WorkQueueProvider;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A lead is seen and queued by the region of the bureau that may act on it ({@link Leads#handlingRegion}), not by the
 * region it came to: a complaint or report the city received (lead region 3205) about an enterprise of 吴中区, which
 * has its own bureau, is 吴中区局's to act on — before, the county could not even open it (its scope did not hold
 * 3205) and the city's queue left it out as the county's, so it was in no one's queue. The county now reads it, has it
 * in its queue and proposes it; the city reads it and is refused its steps; a sibling county does not see it.
 */
@IntegrationTest
class LeadHandlingBureauIntegrationTest extends ClockedSteps {

	static final String WUZHONG = "Bearer demo-wz-staff-token";

	static final String CITY = "Bearer demo-sz-market-token";

	static final String SIBLING = "Bearer demo-xc-staff-token";

	@Autowired
	Leads leads;

	@Autowired
	Enterprises enterprises;

	@Autowired
	UserDirectory directory;

	@Autowired
	List<WorkQueueProvider> providers;

	@Autowired
	AuditTrail audit;

	/** The lead queue of the user's inbox. */
	WorkQueue leadQueue(String username) {
		CurrentUser u = directory.principal(username).orElseThrow();
		return providers.stream().flatMap(p -> p.queuesFor(u).stream())
			.filter(q -> q.queue().equals("enforcement.leads")).findFirst().orElseThrow();
	}

	/** The ids of the leads in the user's lead queue (its page lists them all). */
	List<String> queued(String username) throws Exception {
		String page = mvc.perform(get("/enforcement/queues/enforcement.leads").session(SignIn.session(mvc, username)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		return Pattern.compile("href=\"/enforcement/leads/(\\d+)\"").matcher(page).results().map(m -> m.group(1)).toList();
	}

	@Test
	void aLeadTheCityReceivedAboutAWuzhongEnterpriseIsWuzhongsToSeeQueueAndAct() throws Exception {
		EnterpriseView wuzhong = enterprises.list(DataScope.region("320506"), Enterprises.Filter.NONE,
				PageQuery.of(null, 0, 1, "legal_name", "asc")).items().get(0);
		LocalDate today = LocalDate.now(clock);
		// letters only: a run of digits in a summary may be read as a phone number and masked in lists
		String tag = RandomDigits.of(8).chars().mapToObj(c -> String.valueOf((char) ('k' + c - '0')))
			.reduce("", String::concat);
		long id = leads.intake(new Leads.Intake(LeadSource.REPORT, "lead-handling-test:" + tag, "市局接到举报", "3205",
				wuzhong.creditCode(), wuzhong.legalName(), "市局接到举报线索" + tag, today, false)).orElseThrow();
		String path = "/api/v1/enforcement/leads/" + id;

		// seen by the bureau handling it and those above it, not by a sibling county
		mvc.perform(get(path).header("Authorization", WUZHONG)).andExpect(status().isOk())
			.andExpect(jsonPath("$.regionCode").value("3205"));
		mvc.perform(get(path).header("Authorization", CITY)).andExpect(status().isOk());
		mvc.perform(get(path).header("Authorization", SIBLING)).andExpect(status().isNotFound());
		mvc.perform(get("/enforcement/leads/" + id).session(SignIn.session(mvc, "wz.staff"))).andExpect(status().isOk());
		mvc.perform(get("/api/v1/enforcement/leads?q=" + tag).header("Authorization", WUZHONG))
			.andExpect(jsonPath("$.total").value(1));
		mvc.perform(get("/api/v1/enforcement/leads?q=" + tag).header("Authorization", CITY))
			.andExpect(jsonPath("$.total").value(1));
		mvc.perform(get("/api/v1/enforcement/leads?q=" + tag).header("Authorization", SIBLING))
			.andExpect(jsonPath("$.total").value(0));

		// in the handling bureau's queue (its count and its page), not the city's
		assertThat(queued("wz.staff")).contains(String.valueOf(id)).hasSize((int) leadQueue("wz.staff").count());
		assertThat(queued("sz.market")).doesNotContain(String.valueOf(id)).hasSize((int) leadQueue("sz.market").count());

		// the city reads and takes no step; the county proposes
		String proposal = "{\"violation\":\"DATA_NOT_REPORTED\",\"endedOn\":\"" + today.minusDays(10) + "\"}";
		call(CITY, path + "/proposal", proposal).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("苏州市吴中区邮政管理局")));
		call(WUZHONG, path + "/proposal", proposal).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PROPOSED"));

		// its history is the county's to read: recorded where it is handled
		assertThat(audit.history(DataScope.region("320506"), "penalty_lead", id)).extracting(AuditEvent::action)
			.contains("lead.intake", "lead.propose");
	}

	/**
	 * Attack finding 9: a lead about a place in a township (the filing module raises one with the outlet's township
	 * code) becomes a case of the bureau handling the township — 吴中区局, 320506 — never of the township itself.
	 */
	@Test
	void aLeadFromATownshipBecomesACaseOfTheBureauHandlingIt() {
		EnterpriseView wuzhong = enterprises.list(DataScope.region("320506"), Enterprises.Filter.NONE,
				PageQuery.of(null, 0, 1, "legal_name", "asc")).items().get(0);
		String township = jdbc.sql("SELECT code FROM region WHERE code LIKE '320506___' ORDER BY code LIMIT 1")
			.query(String.class).single();
		LocalDate today = LocalDate.now(clock);
		long lead = leads.intake(new Leads.Intake(LeadSource.REPORT, "township-lead-test:" + RandomDigits.of(8), "网点检查",
				township, wuzhong.creditCode(), wuzhong.legalName(), "网点未按规定报送数据", today, false)).orElseThrow();
		leads.propose(PartyCases.ALL, lead, "DATA_NOT_REPORTED", today.minusDays(10).toString(), null, false, null);
		long caseId = leads.approve(PartyCases.ALL, lead, PartyCases.HEAD, today, false);
		assertThat(jdbc.sql("SELECT region_code FROM penalty_case WHERE id = :id").param("id", caseId).query(String.class)
			.single()).isEqualTo("320506");
	}

	@Autowired
	EnforcementFigures figures;

	@Autowired
	org.youguan.org.Bureaus bureaus;

	/**
	 * A lead from a township (a 9-digit code) is handled, queued and counted by the nearest bureau's region — the one its
	 * case is filed in (s46) —, in SQL ({@link Leads#HANDLING_REGION_SQL}: the figures, the queues, the lists) as in
	 * Java ({@link Leads#handlingRegion}). In 吴中 (its own county bureau) that is 320506. In a county of 江苏 without a
	 * bureau on the platform it is the nearest bureau's above (its city's or the province's): before, the SQL kept the
	 * township's own code, so the lead counted in that county's figures while its case (the bureau above's) did not.
	 */
	@Test
	void aTownshipLeadIsHandledAndCountedByTheNearestBureausRegionAsItsCaseIs() throws Exception {
		LocalDate today = LocalDate.now(clock);
		String wuzhongTownship = jdbc.sql("SELECT code FROM region WHERE code LIKE '320506___' ORDER BY code LIMIT 1")
			.query(String.class).single();
		// a county of 江苏 without a bureau on the platform: its leads are the nearest bureau's above it (city or province)
		String county = jdbc.sql("SELECT code FROM region WHERE code LIKE '32____' AND length(code) = 6 ORDER BY code")
			.query(String.class).list().stream()
			.filter(c -> bureaus.findByRegion(c).isEmpty()).findFirst().orElseThrow();
		String above = bureaus.nearestRegion(county);
		assertThat(above).hasSizeLessThan(6);
		// the streets are imported by an administrator: the test database holds 吴中's; one of this county's is added
		String township = county + "998";
		jdbc.sql("INSERT INTO region (code, name, parent_code, level) VALUES (:code, '测试镇', :county, 'STREET')"
				+ " ON CONFLICT (code) DO NOTHING").param("code", township).param("county", county).update();
		assertThat(bureaus.nearestRegion(township)).isEqualTo(above);

		// 吴中's township: the county's to see, queue and count
		long wzBefore = figures.figures(DataScope.all(), "320506", today, today).leads();
		long wz = leads.intake(new Leads.Intake(LeadSource.REPORT, "township-handling-test:" + RandomDigits.of(8), "网点检查",
				wuzhongTownship, null, null, "乡镇网点检查发现线索", today, false)).orElseThrow();
		assertThat(leads.handlingRegion(leads.get(PartyCases.ALL, wz))).isEqualTo("320506");
		assertThat(figures.figures(DataScope.all(), "320506", today, today).leads()).isEqualTo(wzBefore + 1);
		assertThat(queued("wz.staff")).contains(String.valueOf(wz));
		assertThat(queued("sz.market")).doesNotContain(String.valueOf(wz));

		// a township of a county without a bureau: the bureau above's, in SQL as in Java
		long countyBefore = figures.figures(DataScope.all(), county, today, today).leads();
		long cityBefore = figures.figures(DataScope.all(), above, today, today).leads();
		long cityCasesBefore = figures.figures(DataScope.all(), above, today, today).casesFiled();
		long countyCasesBefore = figures.figures(DataScope.all(), county, today, today).casesFiled();
		long id = leads.intake(new Leads.Intake(LeadSource.REPORT, "township-handling-test:" + RandomDigits.of(8), "网点检查",
				township, null, null, "乡镇网点检查发现线索", today, false)).orElseThrow();
		assertThat(leads.handlingRegion(leads.get(PartyCases.ALL, id))).isEqualTo(above);
		assertThat(figures.figures(DataScope.all(), county, today, today).leads()).as("not the county's: it has no bureau")
			.isEqualTo(countyBefore);
		assertThat(figures.figures(DataScope.all(), above, today, today).leads()).isEqualTo(cityBefore + 1);
		assertThat(queued("wz.staff")).doesNotContain(String.valueOf(id));

		// its case: filed in the same region, counted where the lead was
		String digits = RandomDigits.of(7);
		String base = "91" + county + "MA" + digits;
		String code = base + org.youguan.kernel.CreditCode.checkCharacter(base);
		enterprises.register(PartyCases.ALL, new org.youguan.registry.EnterpriseData("乡镇测试快递有限公司" + digits, code,
				org.youguan.registry.EnterpriseType.EXPRESS, null, "张三", "测试路1号", county, "李四", "13912345678"), false);
		leads.propose(PartyCases.ALL, id, "DATA_NOT_REPORTED", today.minusDays(10).toString(), code, false, null);
		assertThat(leads.handlingRegion(leads.get(PartyCases.ALL, id))).isEqualTo(above);
		assertThat(figures.figures(DataScope.all(), above, today, today).leads()).isEqualTo(cityBefore + 1);
		long caseId = leads.approve(PartyCases.ALL, id, PartyCases.HEAD, today, false);
		assertThat(jdbc.sql("SELECT region_code FROM penalty_case WHERE id = :id").param("id", caseId).query(String.class)
			.single()).isEqualTo(above);
		assertThat(figures.figures(DataScope.all(), above, today, today).casesFiled()).isEqualTo(cityCasesBefore + 1);
		assertThat(figures.figures(DataScope.all(), county, today, today).casesFiled()).isEqualTo(countyCasesBefore);
	}
}
