package org.youguan.enforcement.internal;

import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.youguan.enforcement.Leads;
import org.youguan.kernel.StepAccess;
import org.youguan.registry.Enterprises;

/**
 * A case's and a lead's steps, on the pages and the API, are the handling bureau's ({@link CaseWork#lock},
 * {@link CaseWork#requireHandlingBureau}), decided before the step's form or body is read ({@link StepAccess}): out of
 * the caller's scope 404, staff of a bureau above 403 (a head of another bureau the head rule, 422) — as every step
 * decides inside; the investigators' own steps (evidence, 陈述申辩, 调查终结报告: {@link CaseTeam.TeamStep}) are
 * refused to the bureau's other staff here too (403). The case's 法制审核 ({@code review}) is the handling bureau's too:
 * its opinion is headed by that bureau and signed by its reviewer. The party's steps are on its portal's addresses, not these.
 */
@Configuration(proxyBeanMethods = false)
class EnforcementStepAccess {

	/** The 法制审核's address (the handling bureau's, as every step). */
	private static final String REVIEW = "review";

	/**
	 * The steps whose address names one {@link CaseStep} — each asked its state ({@link CaseStep#from}, 409) before the
	 * case team and the fields: a step the case's state no longer allows (evidence on a closed case) is answered that,
	 * not who may take it nor which field is wrong. Addresses whose state rule depends on more than the state (送达 of
	 * either decision, 缴纳, 结案 of an annulled decision, 退款) are left to their step.
	 */
	static final Map<String, CaseStep> STATE_FIRST = Map.ofEntries(Map.entry("investigation", CaseStep.START_INVESTIGATION),
			Map.entry("team", CaseStep.CHANGE_TEAM),
			Map.entry("evidence", CaseStep.ADD_EVIDENCE), Map.entry("conclusion", CaseStep.CONCLUDE_INVESTIGATION),
			Map.entry(REVIEW, CaseStep.REVIEW), Map.entry("notice", CaseStep.NOTIFY),
			Map.entry("statement", CaseStep.RECORD_STATEMENT), Map.entry("hearing-request", CaseStep.REQUEST_HEARING),
			Map.entry("hearing-waiver", CaseStep.WAIVE_HEARING), Map.entry("hearing-notice", CaseStep.NOTICE_HEARING),
			Map.entry("hearing", CaseStep.HOLD_HEARING), Map.entry("return-to-investigation", CaseStep.RETURN_TO_INVESTIGATION),
			Map.entry("decision", CaseStep.DECIDE), Map.entry("no-penalty", CaseStep.NOT_PENALIZE),
			Map.entry("withdrawal", CaseStep.WITHDRAW), Map.entry("transfer", CaseStep.TRANSFER),
			Map.entry("payment-arrangement", CaseStep.ARRANGE_PAYMENT), Map.entry("handover", CaseStep.HAND_OVER),
			Map.entry("extension", CaseStep.EXTEND), Map.entry("suspension", CaseStep.SUSPEND),
			Map.entry("resumption", CaseStep.RESUME), Map.entry("publication", CaseStep.PUBLISH),
			Map.entry("publication-withdrawal", CaseStep.WITHDRAW_PUBLICATION),
			Map.entry("remedy-outcome", CaseStep.RECORD_OUTCOME), Map.entry("remedy-outcomes", CaseStep.RECORD_OUTCOME));

	/**
	 * A case's steps ({@code /enforcement/cases/{id}/…}), in the one order of every step: access (scope 404, handling
	 * bureau 403) → the case's state for the step ({@link #STATE_FIRST}, 409) → the case team (403) → the fields.
	 */
	@Bean
	StepAccess caseSteps(CaseWork caseWork, CaseTeam caseTeam) {
		return StepAccess.of(List.of("/enforcement/cases/{id}/**", "/api/v1/enforcement/cases/{id}/**"),
				(scope, id, rest) -> {
					var c = caseWork.inScope(scope, id);
					caseWork.requireHandlingBureau(c.handledIn());
					CaseStep step = STATE_FIRST.get(rest);
					if (step != null) {
						step.from(c.status());
					}
					// the investigators' own steps: a colleague of the bureau is refused before any field is read
					caseTeam.requireForAddress(id, rest);
				});
	}

	/** A lead's steps ({@code /enforcement/leads/{id}/…}): its handling bureau's as a case's are. */
	@Bean
	StepAccess leadSteps(Leads leads, CaseWork caseWork) {
		return StepAccess.of(List.of("/enforcement/leads/{id}/**", "/api/v1/enforcement/leads/{id}/**"),
				(scope, id, rest) -> caseWork.requireHandlingBureau(leads.handlingRegion(leads.get(scope, id)), "线索"));
	}

	/**
	 * A new lead or on-the-spot decision recorded in a region ({@code regionCode}, the 违法行为发生地): a region outside
	 * the caller's scope is not there (404) before any field is read.
	 */
	@Bean
	StepAccess recordingRegionSteps() {
		return StepAccess.ofRegionInScope(List.of("/enforcement/leads", "/enforcement/on-the-spot",
				"/api/v1/enforcement/leads", "/api/v1/enforcement/cases/on-the-spot"), "regionCode");
	}

	/**
	 * A new lead, on-the-spot decision or imported past case naming its party ({@code enterpriseCreditCode}) — on the
	 * staff's page forms ({@code POST /enforcement/leads}, {@code /enforcement/on-the-spot}) as on the API: an
	 * enterprise registered outside the caller's region is not there (404) before any field is read or bound
	 * ({@link Enterprises#refuseOutside}), as each step refuses it ({@link CaseWork#enterprise}).
	 */
	@Bean
	StepAccess partyEnterpriseSteps(Enterprises enterprises) {
		return StepAccess.ofValue(List.of("/enforcement/leads", "/enforcement/on-the-spot", "/api/v1/enforcement/leads",
				"/api/v1/enforcement/cases/on-the-spot", "/api/v1/enforcement/cases/imported"), "enterpriseCreditCode",
				(scope, code, rest) -> enterprises.refuseOutside(scope, code));
	}
}
