package org.youguan.enforcement.internal;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.youguan.kernel.StepAccess;

/**
 * The party's steps on its penalty case — 陈述申辩, 申请听证 and their waivers, on the portal's pages and API
 * ({@code /enterprise/penalties/{id}/…}, {@code /api/v1/enterprise/penalties/{id}/…}) — are decided before the step's
 * form or body is read ({@link StepAccess}): a case that is not the enterprise's own (another's, one not there) is not
 * found (404), staff are refused (403) — a malformed statement sent to another enterprise's case was answered 400.
 * The rule is the steps' own ({@link EnterprisePenalties#requireOwn}).
 */
@Configuration(proxyBeanMethods = false)
class PartyStepAccess {

	/** A party's steps on its case. */
	@Bean
	StepAccess partySteps(EnterprisePenalties penalties) {
		return StepAccess.of(List.of("/enterprise/penalties/{id}/**", "/api/v1/enterprise/penalties/{id}/**"),
				(scope, id, rest) -> penalties.requireOwn(scope, id));
	}
}
