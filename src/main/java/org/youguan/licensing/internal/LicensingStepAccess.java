package org.youguan.licensing.internal;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.youguan.kernel.StepAccess;
import org.youguan.licensing.Clerk;
import org.youguan.licensing.LicenceApplications;
import org.youguan.org.CurrentUser;

/**
 * A licence application's steps on the bureau's and the enterprise's pages and on the API ({@code …/{id}/review},
 * {@code …/{id}/approval}, {@code …/{id}/materials} …) are decided before the step's form, body or files are read
 * ({@link StepAccess}), as each step decides inside ({@link LicenceApplications#requireStep}): an application outside the
 * caller's scope is not there (404), a bureau that does not take the step is refused it (403) — another city's staff
 * sending a 初审 with a bad opinion were told which field was wrong (400), or that JSON was not the type (415).
 */
@Configuration(proxyBeanMethods = false)
class LicensingStepAccess {

	/** An application's steps: the signed-in user as the procedure's {@link Clerk}. */
	@Bean
	StepAccess applicationSteps(LicenceApplications applications) {
		return StepAccess.of(List.of("/licensing/applications/{id}/**", "/api/v1/licensing/applications/{id}/**"),
				(scope, id, rest) -> CurrentUser.signedIn().ifPresent(me -> applications.requireStep(Clerk.of(me), id, rest)));
	}

	/**
	 * A branch's filing by staff ({@code POST /licensing/branch-filings}, {@code regionCode}) and a paper application
	 * recorded by staff ({@code POST /api/v1/licensing/applications}, {@code regionCode}: the premises' county): a
	 * region outside the caller's scope is not there (404) before any field is read; an enterprise's filing or
	 * application is left to the step.
	 */
	@Bean
	StepAccess branchFilingRegionSteps() {
		return StepAccess.ofRegionInScope(List.of("/licensing/branch-filings", "/api/v1/licensing/branch-filings",
				"/api/v1/licensing/applications"), "regionCode");
	}
}
