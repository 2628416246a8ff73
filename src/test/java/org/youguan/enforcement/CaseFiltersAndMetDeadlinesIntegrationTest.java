package org.youguan.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.youguan.enforcement.EnterprisePenaltyIntegrationTest.SF;
import static org.youguan.enforcement.EnterprisePenaltyIntegrationTest.WUZHONG;
import static org.youguan.enforcement.PartyCases.ALL;

import java.time.Clock;
import java.time.LocalDate;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.youguan.ExportedRows;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.PageQuery;

/**
 * Attack (fix-a1 C): a decision served by public notice whose deemed day is ahead (公告送达中) was found under no status
 * filter but 全部 — not 办理中, not 已送达, not 已决定 — on the page, in the API or the export; it has a filter of its own
 * ({@code NOTICE_PENDING}) and is listed under 办理中, one rule for the three. And a deadline met shows as met: a fine
 * paid in full no longer has a 缴款期限 demanded, a decision made no longer has a 暂定 决定期限.
 */
@IntegrationTest
class CaseFiltersAndMetDeadlinesIntegrationTest {

	@Autowired
	PartyCases party;

	@Autowired
	CaseExecution caseExecution;

	@Autowired
	PenaltyCases cases;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	Clock clock;

	String number(long id) {
		return jdbc.sql("SELECT number FROM penalty_case WHERE id = :id").param("id", id).query(String.class).single();
	}

	String page(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	/** Two decisions of 顺丰吴中 made today: one whose public notice runs (公告送达中), one served directly. */
	long[] pendingAndServed() {
		LocalDate today = LocalDate.now(clock);
		long pending = party.decided(party.sfWuzhong(), "DATA_NOT_REPORTED", "FINE", "2000", today);
		PublicNoticeTakesEffectWhenDeemedServedIntegrationTest.publish(caseExecution, pending, today);
		return new long[] { pending, party.delivered(party.sfWuzhong(), "DATA_NOT_REPORTED", "FINE", "2000", today) };
	}

	@Test
	void aDecisionWhosePublicNoticeRunsIsListedUnderItsOwnFilterAndUnderOpenOnPageApiAndExport() throws Exception {
		long[] made = pendingAndServed();
		long pending = made[0];
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		for (long id : made) {
			String number = number(id);
			boolean listed = id == pending;
			assertThat(page(get("/enforcement/cases").param("status", "NOTICE_PENDING").param("q", number).session(staff)))
				.as("the page filtered 公告送达中").matches(html -> html.contains("class=\"case-status\"") == listed);
			assertThat(page(get("/enforcement/cases").param("q", number).session(staff)))
				.as("the page's 办理中 (its default)").matches(html -> html.contains("class=\"case-status\"") == listed);
			mvc.perform(get("/api/v1/enforcement/cases").param("status", "notice_pending").param("q", number)
				.header("Authorization", WUZHONG)).andExpect(jsonPath("$.total").value(listed ? 1 : 0));
			mvc.perform(get("/api/v1/enforcement/cases").param("open", "true").param("q", number)
				.header("Authorization", WUZHONG)).andExpect(jsonPath("$.total").value(listed ? 1 : 0));
			assertThat(ExportedRows.of(mvc, staff, "/enforcement/cases/export.xlsx", "q", number))
				.as("the export's 办理中 (its default)").hasSize(listed ? 2 : 1);
			assertThat(ExportedRows.of(mvc, staff, "/enforcement/cases/export.xlsx", "status", "NOTICE_PENDING", "q", number))
				.as("the export filtered 公告送达中").hasSize(listed ? 2 : 1);
		}
		assertThat(page(get("/enforcement/cases").session(staff))).contains("value=\"NOTICE_PENDING\"");
		assertThat(cases.list(ALL, CaseFilter.parse("NOTICE_PENDING"), false, PageQuery.of(number(pending), 0, 10, "filed_on", "desc"))
			.items()).singleElement().satisfies(k -> assertThat(k.shownStatus()).startsWith("公告送达中"));
		mvc.perform(get("/api/v1/enforcement/cases").param("status", "PENDING").header("Authorization", WUZHONG))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("status"));
	}

	/**
	 * The party's list reads the same filter (attack 2, A3): its 公告送达中 case was found under none of the portal's
	 * eleven statuses, on the page, in the API and the export.
	 */
	@Test
	void thePartyFindsItsDecisionWhosePublicNoticeRunsUnderTheSameFilter() throws Exception {
		long[] made = pendingAndServed();
		long pending = made[0];
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		for (long id : made) {
			String number = number(id);
			boolean listed = id == pending;
			assertThat(page(get("/enterprise/penalties").param("status", "NOTICE_PENDING").param("q", number).session(sf)))
				.as("the portal's page filtered 公告送达中").matches(html -> html.contains("class=\"party-case-status\"") == listed);
			assertThat(page(get("/enterprise/penalties").param("status", "DELIVERED").param("q", number).session(sf)))
				.as("the portal's page filtered 已送达").matches(html -> html.contains("class=\"party-case-status\"") != listed);
			mvc.perform(get("/api/v1/enterprise/penalties").param("status", "notice_pending").param("q", number)
				.header("Authorization", SF)).andExpect(jsonPath("$.total").value(listed ? 1 : 0));
			assertThat(ExportedRows.of(mvc, sf, "/enterprise/penalties/export.xlsx", "status", "NOTICE_PENDING", "q", number))
				.as("the portal's export filtered 公告送达中").hasSize(listed ? 2 : 1);
		}
		assertThat(page(get("/enterprise/penalties").session(sf))).contains("value=\"NOTICE_PENDING\"");
		mvc.perform(get("/api/v1/enterprise/penalties").param("status", "PENDING").header("Authorization", SF))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("status"));
	}

	@Test
	void aFinePaidInFullAndADecisionMadeShowTheirDeadlinesAsMet() throws Exception {
		LocalDate today = LocalDate.now(clock);
		long id = party.delivered(party.sfWuzhong(), "DATA_NOT_REPORTED", "FINE", "2000", today.minusDays(2));
		String due = JsonPath.read(mvc.perform(get("/api/v1/enforcement/cases/" + id)
			.header("Authorization", WUZHONG)).andReturn().getResponse().getContentAsString(), "$.deadlines.paymentDue");
		assertThat(page(get("/enforcement/cases/" + id).session(SignIn.session(mvc, "wz.staff"))))
			.contains("缴款期限至" + ChineseText.day(LocalDate.parse(due)) + "（含当日）").doesNotContain("id=\"paid-up\"");
		mvc.perform(get("/api/v1/enforcement/cases/" + id).header("Authorization", WUZHONG))
			.andExpect(jsonPath("$.deadlines.paymentDue").isNotEmpty())
			.andExpect(jsonPath("$.deadlines.paidUpOn").isEmpty())
			.andExpect(jsonPath("$.deadlines.decisionMadeOn").value(today.minusDays(2).toString()))
			.andExpect(jsonPath("$.deadlines.decisionDueProvisional").value(false));
		caseExecution.pay(ALL, id, today.toString(), "2000");
		mvc.perform(get("/api/v1/enforcement/cases/" + id).header("Authorization", WUZHONG))
			.andExpect(jsonPath("$.deadlines.paymentDue").isEmpty())
			.andExpect(jsonPath("$.deadlines.paymentDueProvisional").value(false))
			.andExpect(jsonPath("$.deadlines.paidUpOn").value(today.toString()));
		String html = page(get("/enforcement/cases/" + id).session(SignIn.session(mvc, "wz.staff")));
		// the deadline line is gone (the case's history still tells the 送达 with the day it set)
		assertThat(html).doesNotContain("缴款期限至" + ChineseText.day(LocalDate.parse(due)) + "（含当日）").contains("id=\"paid-up\"")
			.contains("已于" + ChineseText.day(today) + "缴清，缴款期限已履行")
			.contains("id=\"decision-made\"");
	}
}
