package org.youguan.enforcement;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.platform.ChinaTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The demo city shows the procedure: demo cases in every state ({@link CaseStatus}: 听证 requested, 已决定 not yet
 * delivered, 已执行 not yet closed, 撤案 too), decisions published on the public API (one fine
 * paid and closed, one delivered and unpaid past its deadline with its surcharge growing), one transferred and one
 * decided on the spot, each decision with its document, and the leads waiting.
 */
@IntegrationTest
class EnforcementDemoIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	PenaltyCases cases;

	@Test
	void theDemoCityHasCasesInEveryStateTwoPublishedDecisionsAndAnInstalmentPlan() throws Exception {
		List<String> states = jdbc.sql("SELECT DISTINCT status FROM penalty_case WHERE demo").query(String.class).list();
		// every state a case can be in, each reached through the services' own steps
		assertThat(states).containsExactlyInAnyOrder(Arrays.stream(CaseStatus.values()).map(Enum::name).toArray(String[]::new));
		assertThat(jdbc.sql("""
				SELECT count(*) FROM penalty_case_document d JOIN penalty_case c ON c.id = d.case_id
				WHERE c.demo AND c.status = 'WITHDRAWN' AND d.kind = 'CLOSING_REPORT'""").query(Long.class).single())
			.as("the withdrawn case carries its 结案报告").isEqualTo(1);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM audit_event a JOIN penalty_case c ON a.object_id = CAST(c.id AS varchar)
				WHERE c.demo AND a.object_type = 'penalty_case' AND a.action = 'case.hearing-request'""").query(Long.class).single())
			.as("the hearing request is audited").isEqualTo(1);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM penalty_case_document d JOIN penalty_case c ON c.id = d.case_id
				WHERE c.demo AND d.kind IN ('DECISION', 'ON_THE_SPOT_DECISION')""").query(Long.class).single())
			.as("the demo's decisions carry their documents").isEqualTo(7);
		assertThat(jdbc.sql("""
				SELECT e.kind FROM penalty_case_evidence e JOIN penalty_case c ON c.id = e.case_id WHERE c.demo""")
			.query(String.class).list()).as("the demo's evidence lists")
			.contains("SITE_RECORD", "INQUIRY_RECORD", "PHOTO", "DOCUMENTARY");
		assertThat(jdbc.sql("""
				SELECT count(*) FROM penalty_case_document d JOIN penalty_case c ON c.id = d.case_id
				WHERE c.demo AND d.kind IN ('INQUIRY_RECORD', 'SITE_RECORD')""").query(Long.class).single())
			.as("a record entered as evidence issues its document").isEqualTo(2);
		long photo = jdbc.sql("""
				SELECT e.attachment_id FROM penalty_case_evidence e JOIN penalty_case c ON c.id = e.case_id
				WHERE c.demo AND e.kind = 'PHOTO'""").query(Long.class).single();
		// served to the handling bureau's staff; the city's, who read a county's case masked, are refused the photo
		String region = jdbc.sql("""
				SELECT c.region_code FROM penalty_case_evidence e JOIN penalty_case c ON c.id = e.case_id
				WHERE c.demo AND e.kind = 'PHOTO'""").query(String.class).single();
		String handler = region.startsWith("320506") ? "wz.staff" : region.startsWith("320507") ? "xc.staff" : "sz.admin";
		mvc.perform(get("/attachments/" + photo).session(SignIn.session(mvc, handler))).andExpect(status().isOk())
			.andExpect(content().contentType("image/png"));
		if (!handler.equals("sz.admin")) {
			mvc.perform(get("/attachments/" + photo).session(SignIn.session(mvc, "sz.admin"))).andExpect(status().isForbidden());
		}
		assertThat(jdbc.sql("SELECT count(*) FROM penalty_case WHERE demo AND procedure_kind = 'SIMPLE'").query(Long.class)
			.single()).isEqualTo(1);
		// the fine paid and closed, the one unpaid past its deadline, the one paid and not yet closed
		assertThat(jdbc.sql("SELECT count(*) FROM penalty_case WHERE demo AND published_on IS NOT NULL").query(Long.class)
			.single()).isEqualTo(3);
		String body = mvc.perform(get("/api/v1/public/penalties?region=3205&size=200")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<List<String>>read(body, "$[*].penalty")).contains("罚款");
		assertThat(JsonPath.<List<Object>>read(body, "$[*].publishedOn")).hasSizeGreaterThanOrEqualTo(2);

		long unpaid = jdbc.sql("""
				SELECT id FROM penalty_case WHERE demo AND status = 'DELIVERED' AND penalty = 'FINE'
				AND payment_arrangement IS NULL""").query(Long.class).single();
		PenaltyCases.CaseDetail d = cases.get(DataScope.all(), unpaid);
		assertThat(d.deadlines().paymentDue()).isBefore(LocalDate.now(ChinaTime.ZONE));
		assertThat(d.deadlines().surchargeToday()).isPositive().isLessThanOrEqualTo(d.penaltyCase().fine());
		assertThat(jdbc.sql("SELECT count(*) FROM penalty_case WHERE demo AND paid_on IS NOT NULL").query(Long.class).single())
			.isEqualTo(2);
		// a fine paid in two instalments (art.66): its deadline in force is the first instalment's, not yet come
		long instalments = jdbc.sql("SELECT id FROM penalty_case WHERE demo AND payment_arrangement = 'INSTALMENTS'")
			.query(Long.class).single();
		PenaltyCases.CaseDetail i = cases.get(DataScope.all(), instalments);
		assertThat(cases.procedure(DataScope.all(), instalments).instalments()).hasSize(2);
		assertThat(i.deadlines().paymentDue()).isAfter(LocalDate.now(ChinaTime.ZONE));
		assertThat(jdbc.sql("SELECT count(*) FROM penalty_lead WHERE demo AND status = 'OPEN'").query(Long.class).single())
			.isGreaterThanOrEqualTo(2);
	}

	/**
	 * 并处: the demo holds a decision that confiscates 违法所得 beside a fine, delivered — its handover due within the
	 * days the decision fixed, its fine to pay —, and no demo statement is a waiver typed as one: waivers are recorded
	 * as waivers, and every statement made was reviewed by the decision (行政处罚法(2021) art.45).
	 */
	@Test
	void theDemoCityHasACombinedDecisionWhoseConfiscationIsDueForHandover() {
		long combined = jdbc.sql("""
				SELECT id FROM penalty_case WHERE demo AND penalty = 'CONFISCATION' AND confiscated > 0 AND fine > 0""")
			.query(Long.class).single();
		PenaltyCases.CaseDetail d = cases.get(DataScope.all(), combined);
		assertThat(d.penaltyCase().status().name()).isEqualTo("DELIVERED");
		assertThat(d.deadlines().handoverDue()).isAfterOrEqualTo(LocalDate.now(ChinaTime.ZONE));
		assertThat(d.deadlines().paymentDue()).isAfterOrEqualTo(LocalDate.now(ChinaTime.ZONE));
		assertThat(d.handover()).isNull();
		assertThat(jdbc.sql("""
				SELECT count(*) FROM penalty_case WHERE demo AND statement_on IS NOT NULL AND decided_on IS NOT NULL
				AND (statement_review IS NULL OR statement_adopted IS NULL)""").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM penalty_case WHERE demo AND statement LIKE '%放弃陈述申辩%'")
			.query(Long.class).single()).isZero();
	}
}
