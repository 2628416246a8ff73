package org.youguan.credit;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.youguan.kernel.StepAccess;

/**
 * The bureau's steps on credit records, on the pages and the API, are the handling bureau's staff's
 * ({@link CreditRecords#requireHandlingBureau}), decided before the step's form or body is read ({@link StepAccess}):
 * out of the caller's scope 404, a bureau above 403 — as the steps themselves decide. The enterprise's objection to its own
 * entry is decided first too: another enterprise's entry is not found (404) whatever reason was sent.
 */
@Configuration(proxyBeanMethods = false)
class CreditStepAccess {

	/** An entry's correction (更正). */
	@Bean
	StepAccess creditEntrySteps(CreditRecords records) {
		return StepAccess.of(List.of("/credit/entries/{id}/correction", "/api/v1/credit/entries/{id}/correction"),
				(scope, id, rest) -> {
					CreditEntry e = records.get(scope, id);
					records.requireHandlingBureau(e.regionCode(), e.bureau());
				});
	}

	/** An objection's review (复核). */
	@Bean
	StepAccess creditObjectionSteps(CreditRecords records, CreditObjections objections) {
		return StepAccess.of(List.of("/credit/objections/{id}/review", "/api/v1/credit/objections/{id}/review"),
				(scope, id, rest) -> {
					CreditObjection o = objections.get(scope, id);
					records.requireHandlingBureau(o.regionCode(), o.bureau());
				});
	}

	/** An enterprise's objection (异议) to its own entry, on the portal and the API. */
	@Bean
	StepAccess creditObjectionFiling(CreditObjections objections) {
		return StepAccess.of(List.of("/enterprise/credit/entries/{id}/objections", "/api/v1/credit/entries/{id}/objections"),
				(scope, id, rest) -> objections.requireFiler(scope, id));
	}
}
