package org.youguan.complaints.internal;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.youguan.complaints.ComplaintQueries;
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

	/** A complaint's steps ({@code /complaints/{id}/…}): its handling bureau's staff's. */
	@Bean
	StepAccess complaintSteps(ComplaintQueries complaints, Bureaus bureaus) {
		return StepAccess.of(List.of("/complaints/{id}/**", "/api/v1/complaints/{id}/**"),
				(scope, id, rest) -> bureaus.requireHandling(complaints.regionOf(scope, id), "申诉"));
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
}
