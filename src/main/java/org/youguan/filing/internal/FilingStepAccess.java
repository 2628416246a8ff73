package org.youguan.filing.internal;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.youguan.filing.OutletFilings;
import org.youguan.kernel.StepAccess;
import org.youguan.registry.Outlets;

/**
 * A filing's steps and an enterprise's steps on its filed outlet are decided before the step's form, files or body are
 * read ({@link StepAccess}), as each step decides inside: a filing outside the caller's scope (another county's for the
 * bureau, another enterprise's on the portal) or an outlet not the enterprise's is not there (404) — a 准予备案 with a
 * 1001-character opinion sent to a filing that does not exist was told the opinion's length (400).
 */
@Configuration(proxyBeanMethods = false)
class FilingStepAccess {

	/**
	 * A filing's steps: the bureau's 准予, 一次性告知, 不予备案 ({@code /filing/{id}/…}) and the enterprise's 补正
	 * ({@code /enterprise/filings/{id}/supplement}, {@code /api/v1/enterprise/filings/{id}/supplement}).
	 */
	@Bean
	StepAccess filingSteps(OutletFilings filings) {
		return StepAccess.of(List.of("/filing/{id}/**", "/enterprise/filings/{id}/**", "/api/v1/enterprise/filings/{id}/**"),
				(scope, id, rest) -> filings.get(scope, id));
	}

	/** An enterprise's change and closure filing of its filed outlet ({@code /enterprise/outlets/{id}/…}): its own. */
	@Bean
	StepAccess outletFilingSteps(Outlets outlets) {
		return StepAccess.of(List.of("/enterprise/outlets/{id}/**"), (scope, id, rest) -> outlets.get(scope, id));
	}
}
