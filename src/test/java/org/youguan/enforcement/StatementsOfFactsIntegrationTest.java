package org.youguan.enforcement;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.registry.EnterpriseView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A legal document never prints an empty statement of facts (行政处罚法(2021) art.40, 59): a 调查终结报告 made only of
 * the opening phrase the documents strip ("查明", "经调查核实，") is refused at 调查终结 on {@code report} (rule
 * {@code no-facts}) and the case stays 调查取证; a lead's 线索内容 (the 立案审批表's facts) the same; the reasons the
 * documents print (撤案理由 on the 结案报告) hold words, not a full stop.
 */
@IntegrationTest
class StatementsOfFactsIntegrationTest extends ClockedSteps {

	static final String WUZHONG = PenaltyCaseIntegrationTest.WUZHONG;

	@Autowired
	CaseInvestigation caseInvestigation;

	@Autowired
	CaseDecisions caseDecisions;

	@Autowired
	Leads leads;

	@Test
	void aReportOfNothingButItsOpeningPhraseIsRefusedAtTheConclusion() throws Exception {
		EnterpriseView e = party.other();
		long id = party.filed(e, "DATA_NOT_REPORTED", LocalDate.now(clock));
		caseInvestigation.startInvestigation(PartyCases.ALL, id, PartyCases.TEAM);
		party.evidence(id);
		String path = "/api/v1/enforcement/cases/" + id + "/conclusion";
		for (String report : new String[] { "查明", "经调查核实，", "经查，查明：。", "  调查发现  ",
				// attack 4-B: other lead-ins, runs of them, and too little after them
				"经调查取证，", "现查明，", "经现场检查，", "经立案调查：", "据调查，", "查明：ab", "经查，取证。" }) {
			call(WUZHONG, path, """
					{"report":"%s","proposedPenalty":"WARNING"}""".formatted(report))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("report"))
				.andExpect(jsonPath("$.errors[0].rule").value("no-facts"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("没有写明事实")))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("第59条")));
		}
		assertThat(jdbc.sql("SELECT status FROM penalty_case WHERE id = :id").param("id", id).query(String.class).single())
			.isEqualTo("INVESTIGATING");
		// the facts after the phrase: concluded, and the report kept as typed
		call(WUZHONG, path, """
				{"report":"经调查核实，当事人未按规定报送统计数据","proposedPenalty":"WARNING"}""")
			.andExpect(status().isOk());
		assertThat(jdbc.sql("SELECT status FROM penalty_case WHERE id = :id").param("id", id).query(String.class).single())
			.isEqualTo("INVESTIGATED");
	}

	@Test
	void aLeadWhoseSummaryIsOnlyAnOpeningPhraseIsRefused() {
		EnterpriseView e = party.other();
		for (String summary : new String[] { "经查，", "经调查取证，", "现查明，", "经现场检查，", "经立案调查：", "据调查，",
				"查明：ab" }) {
			InvalidValueException refused = catchThrowableOfType(InvalidValueException.class, () -> leads.report(PartyCases.ALL,
					new Leads.ReportData("REPORT", "群众举报", e.creditCode(), null, summary, LocalDate.now(clock).toString()),
					false));
			assertThat(refused.fieldErrors()).as(summary).extracting(FieldError::field, FieldError::rule).containsExactly(
					org.assertj.core.groups.Tuple.tuple("summary", "no-facts"));
		}
		long lead = leads.report(PartyCases.ALL, new Leads.ReportData("REPORT", "群众举报", e.creditCode(), null,
				"经查，该企业未报送统计数据" + UUID.randomUUID(), LocalDate.now(clock).toString()), false);
		assertThat(lead).isPositive();
	}

	@Test
	void aReasonADocumentPrintsHoldsWords() {
		long id = party.filed(party.other(), "DATA_NOT_REPORTED", LocalDate.now(clock));
		InvalidValueException refused = catchThrowableOfType(InvalidValueException.class,
				() -> caseDecisions.withdraw(PartyCases.ALL, id, "。"));
		assertThat(refused.fieldErrors()).extracting(FieldError::field, FieldError::rule).containsExactly(
				org.assertj.core.groups.Tuple.tuple("reason", "words"));
	}

	/** Attack 4-B on the pages: the conclusion form and the on-the-spot form refuse a lead-in alone, beside the field. */
	@Test
	void thePagesRefuseALeadInAlone() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		long id = party.filed(party.other(), "DATA_NOT_REPORTED", LocalDate.now(clock));
		caseInvestigation.startInvestigation(PartyCases.ALL, id, PartyCases.TEAM);
		party.evidence(id);
		mvc.perform(post("/enforcement/cases/" + id + "/conclusion").session(staff).with(csrf()).param("report", "现查明，")
			.param("proposedPenalty", "WARNING"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("data-field=\"report\"")))
			.andExpect(content().string(containsString("调查终结报告没有写明事实")));
		mvc.perform(post("/enforcement/on-the-spot").session(staff).with(csrf()).param("partyKind", "ORGANISATION")
			.param("enterpriseCreditCode", party.other().creditCode()).param("violation", "DATA_NOT_REPORTED")
			.param("facts", "经现场检查，").param("place", "营业场所").param("decidedOn", LocalDate.now(clock).toString())
			.param("penalty", "WARNING").param("name", "陈吴中", "沈执法").param("certificateNumber", "32050601", "32050602"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("data-field=\"facts\"")))
			.andExpect(content().string(containsString("违法事实没有写明事实")));
	}
}
