package org.youguan.enforcement.internal;

import java.util.List;

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
 * refused to the bureau's other staff here too (403). The case's 法制审核 ({@code review}), which a reviewer of a bureau above may take
 * ({@link CaseWork#lockForReview}), is left to its step. The party's steps are on its portal's addresses, not these.
 */
@Configuration(proxyBeanMethods = false)
class EnforcementStepAccess {

	/** The one step a bureau above the handling one may take: the 法制审核 (CaseWork#lockForReview). */
	private static final String REVIEW = "review";

	/** A case's steps ({@code /enforcement/cases/{id}/…}). */
	@Bean
	StepAccess caseSteps(CaseWork caseWork, CaseTeam caseTeam) {
		return StepAccess.of(List.of("/enforcement/cases/{id}/**", "/api/v1/enforcement/cases/{id}/**"),
				(scope, id, rest) -> {
					var c = caseWork.inScope(scope, id);
					if (!REVIEW.equals(rest)) {
						caseWork.requireHandlingBureau(c.regionCode());
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
