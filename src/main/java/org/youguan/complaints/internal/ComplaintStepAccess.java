package org.youguan.complaints.internal;

import java.util.List;

import org.springframework.stereotype.Component;
import org.youguan.complaints.ComplaintQueries;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.StepAccess;
import org.youguan.org.Bureaus;

/**
 * A complaint's steps on the bureau's pages and API ({@code /complaints/{id}/transfer}, {@code /api/v1/complaints/{id}/close} …)
 * are its handling bureau's staff's ({@link Bureaus#requireHandling}), decided before the step's form or body is read
 * ({@link StepAccess}): out of the caller's scope 404, a bureau above 403 naming the handling bureau — as the step
 * itself decides ({@code ComplaintProcedure}). The enterprise replies on its own addresses, not these.
 */
@Component
class ComplaintStepAccess implements StepAccess {

	private final ComplaintQueries complaints;

	private final Bureaus bureaus;

	ComplaintStepAccess(ComplaintQueries complaints, Bureaus bureaus) {
		this.complaints = complaints;
		this.bureaus = bureaus;
	}

	@Override
	public List<String> steps() {
		return List.of("/complaints/{id}/**", "/api/v1/complaints/{id}/**");
	}

	@Override
	public void requireStep(DataScope scope, long id, String rest) {
		bureaus.requireHandling(complaints.regionOf(scope, id), "申诉");
	}
}
