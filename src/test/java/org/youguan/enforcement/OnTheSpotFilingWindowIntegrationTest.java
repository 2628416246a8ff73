package org.youguan.enforcement;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.IntegrationTest;
import org.youguan.RandomLetters;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.registry.Enterprises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An on-the-spot decision (简易程序) is recorded while its filing period runs (3 working days, 行政处罚法(2021)
 * art.52): one dated years back would be numbered, counted in a closed year's figures and surcharged as if new — it is
 * refused, naming {@code decidedOn}, and belongs to the import of past cases.
 */
@IntegrationTest
class OnTheSpotFilingWindowIntegrationTest extends ClockedSteps {

	@Autowired
	Enterprises enterprises;

	ResultActions decide(String decidedOn) throws Exception {
		return decide(decidedOn, "未按时报送月度数据");
	}

	ResultActions decide(String decidedOn, String facts) throws Exception {
		String creditCode = enterprises.list(DataScope.region("320506"), Enterprises.Filter.NONE,
				PageQuery.of(null, 0, 10, "legal_name", "asc")).items().get(5).creditCode();
		return mvc.perform(post("/api/v1/enforcement/cases/on-the-spot").header("Authorization", PenaltyCaseIntegrationTest.WUZHONG)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"partyKind":"ORGANISATION","enterpriseCreditCode":"%s","violation":"DATA_NOT_REPORTED","facts":"%s",
					 "place":"当事人营业场所","decidedOn":"%s","penalty":"WARNING","fine":null,
					 "team":[{"name":"陈吴中","certificateNumber":"32050601"},{"name":"沈执法","certificateNumber":"32050602"}]}"""
				.formatted(creditCode, facts, decidedOn)));
	}

	/**
	 * A city officer's decision on the spot on an enterprise of 吴中区 (which has its own bureau) is filed with the city
	 * bureau the officer belongs to (行政处罚法(2021) art.52: 报所属行政机关备案): the case is the city's — in its region,
	 * numbered in its series — not the county's; a county officer's stays the county's.
	 */
	@Test
	void aCityOfficersDecisionOnTheSpotIsTheCitysCaseNotTheCountys() throws Exception {
		String creditCode = enterprises.list(DataScope.region("320506"), Enterprises.Filter.NONE,
				PageQuery.of(null, 0, 10, "legal_name", "asc")).items().get(6).creditCode();
		String body = """
				{"partyKind":"ORGANISATION","enterpriseCreditCode":"%s","violation":"DATA_NOT_REPORTED","facts":"%s",
				 "place":"当事人营业场所","decidedOn":"%s","penalty":"WARNING","fine":null,"team":%s}""";
		String today = java.time.LocalDate.now(clock).toString();
		String city = mvc.perform(post("/api/v1/enforcement/cases/on-the-spot").header("Authorization", PenaltyCaseIntegrationTest.CITY)
			.contentType(MediaType.APPLICATION_JSON).content(body.formatted(creditCode, "市局检查发现未按时报送数据" + RandomLetters.of(10), today,
					"[{\"name\":\"郑监管\",\"certificateNumber\":\"32050001\"},{\"name\":\"冯安全\",\"certificateNumber\":\"32050002\"}]")))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long cityCase = ((Number) com.jayway.jsonpath.JsonPath.read(city, "$.id")).longValue();
		assertThat(jdbc.sql("SELECT region_code FROM penalty_case WHERE id = :id").param("id", cityCase).query(String.class).single())
			.isEqualTo("3205");
		assertThat(jdbc.sql("SELECT decision_number FROM penalty_case WHERE id = :id").param("id", cityCase).query(String.class)
			.single()).as("the city's 机关代字 on its 当场处罚 series").startsWith("苏苏邮管当罚〔");
		String county = decide(today, "区局检查发现未按时报送数据" + RandomLetters.of(10)).andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		long countyCase = ((Number) com.jayway.jsonpath.JsonPath.read(county, "$.id")).longValue();
		assertThat(jdbc.sql("SELECT region_code FROM penalty_case WHERE id = :id").param("id", countyCase).query(String.class).single())
			.isEqualTo("320506");
	}

	@Autowired
	org.youguan.org.Users users;

	@Autowired
	org.youguan.org.Bureaus bureaus;

	@Autowired
	org.youguan.org.UserDirectory directory;

	@Autowired
	OnTheSpotPenalties onTheSpot;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate tx;

	/**
	 * 国家邮政局's staff record no 当场处罚 on a party a local bureau handles: the case would be filed under region 0 —
	 * no local bureau's, numbered under no region —, while art.52 has the officers on the spot file with their own
	 * bureau. Refused (400 on the party's field, rule {@code deciding-bureau}) naming the bureau that handles the party
	 * and the article, and nothing is kept; the county's officer records the same decision. (The test database has no
	 * national bureau: it is created, with its officer, in a transaction rolled back.)
	 */
	@Test
	void aNationalOfficerRecordsNoOnTheSpotDecisionOnAPartyALocalBureauHandles() throws Exception {
		String creditCode = enterprises.list(DataScope.region("320506"), Enterprises.Filter.NONE,
				PageQuery.of(null, 0, 10, "legal_name", "asc")).items().get(7).creditCode();
		String facts = "国家局检查发现未按时报送数据" + RandomLetters.of(10);
		String today = java.time.LocalDate.now(clock).toString();
		tx.executeWithoutResult(status -> {
			status.setRollbackOnly();
			long national = bureaus.findByRegion("0").map(org.youguan.org.BureauView::id).orElseGet(() -> bureaus.create(
					DataScope.all(), new org.youguan.org.BureauData("国家邮政局", null, org.youguan.org.BureauLevel.NATIONAL,
							"0", null, null, null)));
			String name = "nat." + java.util.UUID.randomUUID().toString().substring(0, 8);
			users.provision(new org.youguan.org.UserData(name, "国家局执法", org.youguan.org.UserKind.STAFF, national, null,
					null, null, java.util.EnumSet.of(org.youguan.org.Role.STAFF)), "Kx9#mQ2vLp7w", false, false);
			org.youguan.org.CurrentUser officer = directory.principal(name).orElseThrow();
			assertThat(officer.scope().kind()).isEqualTo(DataScope.Kind.ALL);
			org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
					org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(officer,
							null, officer.getAuthorities()));
			try {
				org.assertj.core.api.Assertions.assertThatThrownBy(() -> onTheSpot.decideOnTheSpot(officer.scope(),
						new OnTheSpotPenalties.OnTheSpot("ORGANISATION", creditCode, null, null, "DATA_NOT_REPORTED", facts,
								"当事人营业场所", today, "WARNING", null, java.util.List.of(new CaseInvestigation.Member("国检一",
										"00000001"), new CaseInvestigation.Member("国检二", "00000002")))))
					.isInstanceOfSatisfying(org.youguan.kernel.DomainException.class, ex -> assertThat(ex.fieldErrors())
						.anySatisfy(e -> {
							assertThat(e.field()).isEqualTo("enterpriseCreditCode");
							assertThat(e.rule()).isEqualTo("deciding-bureau");
							assertThat(e.message()).contains("国家邮政局不作出当场处罚决定")
								.contains(bureaus.nearestName("320506"))
								.contains(org.youguan.rules.StatutoryRule.PENALTY_ON_THE_SPOT_FILING.basis());
						}));
			}
			finally {
				org.springframework.security.core.context.SecurityContextHolder.clearContext();
			}
		});
		assertThat(jdbc.sql("SELECT count(*) FROM penalty_case WHERE facts = :facts OR region_code = '0' AND procedure_kind = 'SIMPLE'")
			.param("facts", facts).query(Long.class).single()).isZero();
		decide(today, facts).andExpect(status().isCreated());
	}

	@Test
	void aDecisionPastItsFilingPeriodIsRefusedAndOneWithinItIsRecorded() throws Exception {
		// Wed 2026-06-10: three working days back is Fri 06-05 (the filing period of a decision made on 06-05 ends 06-10)
		clock.set(LocalDateTime.of(2026, 6, 10, 10, 0));
		for (String day : new String[] { "2019-01-02", "2026-06-04" }) {
			decide(day).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("decidedOn"))
				.andExpect(jsonPath("$.errors[0].rule").value("filing-window"));
		}
		decide("2026-06-05").andExpect(status().isCreated());
	}

	/** The facts are printed on the 当场处罚决定书: markup in them is refused, naming the field (rule {@code markup}). */
	@Test
	void markupInTheFactsIsRefused() throws Exception {
		clock.set(LocalDateTime.of(2026, 6, 10, 10, 0));
		decide("2026-06-10", "未按时报送<script>alert(1)</script>").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("facts"))
			.andExpect(jsonPath("$.errors[0].rule").value("markup"));
	}

	/**
	 * Attack round 15: one on-the-spot decision sent twice (a double click, a retried call) was made twice, two decision
	 * numbers for one act (一事不再罚, 行政处罚法(2021) art.29); the same facts written with other spaces or widths are
	 * the same act, other facts another one.
	 */
	@Test
	void theSameDecisionSentTwiceIsMadeOnce() throws Exception {
		clock.set(LocalDateTime.of(2026, 6, 17, 10, 0));
		String facts = "双击测试：未按时报送月度数据" + RandomLetters.of(10);
		decide("2026-06-16", facts).andExpect(status().isCreated());
		decide("2026-06-16", " " + facts.replace("：", ":") + " ").andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("facts"))
			.andExpect(jsonPath("$.errors[0].rule").value("unique"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("一事不再罚")));
		decide("2026-06-16", facts + "（另一网点）").andExpect(status().isCreated());
		decide("2026-06-17", facts).andExpect(status().isCreated());
	}
}
