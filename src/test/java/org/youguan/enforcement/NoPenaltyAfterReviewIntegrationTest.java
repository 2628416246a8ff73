package org.youguan.enforcement;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A 不予处罚 after the penalty proposal passed 法制审核 departs from the decision reviewed (行政处罚法(2021) art.58) as any
 * other departure does: the heads take it 集体讨论 (art.57 para.2), by the one rule of departures
 * ({@code DecisionRules#departures}) — before, it needed no discussion at all.
 */
@IntegrationTest
class NoPenaltyAfterReviewIntegrationTest extends ClockedSteps {

	@Autowired
	PenaltyCases cases;

	@Autowired
	CaseDecisions caseDecisions;

	/** WAYBILL_DATA, 20000 yuan proposed and agreed by the 法制审核 (party.concluded reviews from 10000). */
	long reviewed() {
		today("2026-06-10");
		return party.concluded(party.other(), "WAYBILL_DATA", "20000", LocalDate.of(2026, 6, 1));
	}

	@Test
	void noPenaltyAfterAReviewedProposalIsRefusedWithoutACollectiveDiscussion() throws Exception {
		long id = reviewed();
		LawfulStepsIntegrationTest.refused("discussedOn",
				() -> caseDecisions.notPenalize(PartyCases.ALL, id, "MINOR_CORRECTED", "情节轻微并及时改正"), "departs-from-review");
		call(PenaltyCaseIntegrationTest.HEAD, "/api/v1/enforcement/cases/" + id + "/no-penalty",
				"{\"ground\":\"MINOR_CORRECTED\",\"reason\":\"情节轻微并及时改正\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].rule", hasItem("departs-from-review")))
			.andExpect(jsonPath("$.errors[?(@.rule == 'departs-from-review')].message",
					hasItem(allOf(containsString("处罚种类由罚款改为不予行政处罚"), containsString("集体讨论")))));
		assertThat(cases.get(PartyCases.ALL, id).penaltyCase().status()).isEqualTo(CaseStatus.INVESTIGATED);
	}

	@Test
	void theHeadsDiscussionDecidesTheNoPenaltyAndIsKept() {
		long id = reviewed();
		caseDecisions.notPenalize(PartyCases.ALL, id, "MINOR_CORRECTED", "情节轻微并及时改正",
				new CaseDecisions.Discussion("2026-06-10", List.of("蒋局长", "王副局长", "李副局长"), "同意不予处罚"));
		CaseView c = cases.get(PartyCases.ALL, id).penaltyCase();
		assertThat(c.status()).isEqualTo(CaseStatus.NOT_PENALIZED);
		assertThat(c.discussedOn()).isEqualTo(LocalDate.of(2026, 6, 10));
		assertThat(c.discussionParticipants()).isEqualTo("蒋局长、王副局长、李副局长");
		assertThat(c.discussionConclusion()).isEqualTo("同意不予处罚");
		assertThat(jdbc.sql("SELECT count(*) FROM penalty_case_document WHERE case_id = :id AND kind = 'DISCUSSION_RECORD'")
			.param("id", id).query(Long.class).single()).isEqualTo(1L);
	}

	@Test
	void aDiscussionConclusionWithoutWordsIsRefusedAndNothingIsDecided() {
		long id = reviewed();
		// the 集体讨论记录 prints the conclusion: a full stop or a digit concludes nothing
		for (String conclusion : new String[] { "。", "1", "——" }) {
			LawfulStepsIntegrationTest.refused("discussionConclusion", () -> caseDecisions.notPenalize(PartyCases.ALL, id,
					"MINOR_CORRECTED", "情节轻微并及时改正", new CaseDecisions.Discussion("2026-06-10",
							List.of("蒋局长", "王副局长", "李副局长"), conclusion)), "words");
		}
		assertThat(cases.get(PartyCases.ALL, id).penaltyCase().status()).isEqualTo(CaseStatus.INVESTIGATED);
	}

	@Test
	void aDiscussionDatedBeforeTheReviewIsRefused() {
		long id = reviewed();
		LocalDate reviewedOn = cases.get(PartyCases.ALL, id).penaltyCase().reviewedOn();
		LawfulStepsIntegrationTest.refused("discussedOn", () -> caseDecisions.notPenalize(PartyCases.ALL, id, "MINOR_CORRECTED",
				"情节轻微并及时改正", new CaseDecisions.Discussion(reviewedOn.minusDays(1).toString(),
						List.of("蒋局长", "王副局长", "李副局长"), "同意不予处罚")), "before-review");
	}

	@Test
	void aCaseNeverReviewedNeedsNoDiscussion() {
		today("2026-06-10");
		// 3000 yuan for an unfiled outlet (up to 10000): below the review threshold, no 法制审核
		long id = party.concluded(party.other(), "OUTLET_UNFILED", "3000", LocalDate.of(2026, 6, 1));
		assertThat(cases.get(PartyCases.ALL, id).penaltyCase().reviewedOn()).isNull();
		caseDecisions.notPenalize(PartyCases.ALL, id, "MINOR_CORRECTED", "情节轻微并及时改正");
		assertThat(cases.get(PartyCases.ALL, id).penaltyCase().status()).isEqualTo(CaseStatus.NOT_PENALIZED);
	}
}
