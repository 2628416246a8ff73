package org.youguan.credit;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.youguan.kernel.StepAccess;

/**
 * The bureau's steps on credit records, on the pages and the API, are the handling bureau's staff's
 * ({@link CreditRecords#requireHandlingBureau}), decided before the step's form or body is read ({@link StepAccess}):
 * out of the caller's scope 404, a bureau above 403 — as the steps themselves decide. The enterprise files its objection
 * at another address ({@code /entries/{id}/objections}), not guarded here.
 */
@Configuration(proxyBeanMethods = false)
class CreditStepAccess {

	/** An entry's correction (更正). */
	@Bean
	StepAccess creditEntrySteps(CreditRecords records) {
		return StepAccess.of(List.of("/credit/entries/{id}/correction", "/api/v1/credit/entries/{id}/correction"),
				(scope, id, rest) -> records.requireHandlingBureau(records.get(scope, id).regionCode()));
	}

	/** An objection's review (复核). */
	@Bean
	StepAccess creditObjectionSteps(CreditRecords records, CreditObjections objections) {
		return StepAccess.of(List.of("/credit/objections/{id}/review", "/api/v1/credit/objections/{id}/review"),
				(scope, id, rest) -> records.requireHandlingBureau(objections.get(scope, id).regionCode()));
	}
}
