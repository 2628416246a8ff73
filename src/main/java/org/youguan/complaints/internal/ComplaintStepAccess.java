package org.youguan.complaints.internal;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.youguan.complaints.ComplaintProcedure;
import org.youguan.complaints.ComplaintQueries;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.StepAccess;
import org.youguan.org.Bureaus;

/**
 * A complaint's steps on the bureau's pages and API ({@code /complaints/{id}/transfer}, {@code /api/v1/complaints/{id}/close} …)
 * are its handling bureau's staff's ({@link Bureaus#requireHandling}), decided before the step's form or body is read
 * ({@link StepAccess}): out of the caller's scope 404, a bureau above 403 naming the handling bureau — as the step
 * itself decides ({@code ComplaintProcedure}). The enterprise replies on its own addresses, not these.
 */
@Configuration(proxyBeanMethods = false)
class ComplaintStepAccess {

	/**
	 * A complaint's steps ({@code /complaints/{id}/…}): its handling bureau's staff's, then the step's state
	 * ({@link ComplaintProcedure#requireStepState}, 409) — before any field is bound (access → state → fields).
	 */
	@Bean
	StepAccess complaintSteps(ComplaintQueries complaints, ComplaintProcedure procedure, Bureaus bureaus) {
		return StepAccess.of(List.of("/complaints/{id}/**", "/api/v1/complaints/{id}/**"),
				(scope, id, rest) -> {
					bureaus.requireHandling(complaints.regionOf(scope, id), "申诉", Bureaus.CASE_HANDLERS);
					procedure.requireStepState(scope, id, rest);
				});
	}

	/**
	 * The enterprise's reply on its portal and API ({@code /enterprise/complaints/{id}/reply},
	 * {@code /api/v1/enterprise/complaints/{id}/reply}): a complaint not transferred to the enterprise (another's, one not
	 * there) is not found (404) before the reply's fields are read, as the step itself decides.
	 */
	@Bean
	StepAccess enterpriseReplySteps(ComplaintQueries complaints) {
		return StepAccess.of(List.of("/enterprise/complaints/{id}/**", "/api/v1/enterprise/complaints/{id}/**"),
				(scope, id, rest) -> complaints.regionOf(scope, id));
	}

	/**
	 * A complaint entered by staff ({@code POST /api/v1/complaints}, {@code region} of its JSON body): a region outside
	 * the caller's scope is not there (404) before any field is bound, as {@code ComplaintIntake} decides it first.
	 */
	@Bean
	StepAccess intakeRegionSteps() {
		return StepAccess.ofRegionInScope(List.of("/api/v1/complaints"), "region");
	}

	/**
	 * Publishing a period's 申诉通告 ({@code POST /complaints/figures/publish}) is a step on the region its {@code region}
	 * parameter names, in any accepted form ({@code ３２０５}, {@code 320500}; blank: the caller's own, left to the step):
	 * a region outside the caller's scope is not there (404), a value that is no region code is 400 naming its format,
	 * both before the period is read.
	 */
	@Bean
	StepAccess noticePublicationSteps() {
		return StepAccess.ofRegion(List.of("/complaints/figures/publish"), "region", (scope, code, rest) -> {
			if (!scope.containsRegion(code)) {
				throw DomainException.notFound("行政区划", code);
			}
		});
	}
}
