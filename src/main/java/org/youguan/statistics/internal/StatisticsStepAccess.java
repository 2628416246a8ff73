package org.youguan.statistics.internal;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.youguan.kernel.StepAccess;
import org.youguan.statistics.Reports;

/**
 * A statistical report's steps, decided before the step's form or body is read ({@link StepAccess}), as the steps
 * themselves decide: the bureau's decision (审核通过, 退回: {@code /statistics/reports/{id}/approve|return}) is the
 * deciding bureau's ({@link Reports#requireDeciding}: out of the caller's scope 404, a bureau above 403 in
 * {@code Bureaus#refusal}'s words); the enterprise's steps on its report (save, 报送, upload, 更正:
 * {@code /enterprise/statistics/reports/{id}/…}) are its own ({@link Reports#get}: another enterprise's report 404).
 * A caller who may not take the step is told so before a bad field (a reason too long, a value that is no number).
 */
@Configuration(proxyBeanMethods = false)
class StatisticsStepAccess {

	/** The bureau's decisions on a report (审核通过, 退回): the deciding bureau's. */
	@Bean
	StepAccess reportDecisionSteps(Reports reports) {
		return StepAccess.of(List.of("/statistics/reports/{id}/**", "/api/v1/statistics/reports/{id}/**"),
				(scope, id, rest) -> reports.requireDeciding(scope, id));
	}

	/** The enterprise's steps on its own report (save, 报送, upload, 更正): another enterprise's report is not there. */
	@Bean
	StepAccess enterpriseReportSteps(Reports reports) {
		return StepAccess.of(List.of("/enterprise/statistics/reports/{id}/**"),
				(scope, id, rest) -> reports.get(scope, id));
	}
}
