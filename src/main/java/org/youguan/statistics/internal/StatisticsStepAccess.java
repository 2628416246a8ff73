package org.youguan.statistics.internal;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.youguan.kernel.StepAccess;
import org.youguan.org.CurrentUser;
import org.youguan.statistics.ReportForms;
import org.youguan.statistics.Reports;
import org.youguan.statistics.Targets;

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

	/**
	 * 催报 ({@code POST /statistics/completeness/remind}): its record is the form its {@code form} parameter names, not
	 * the address — a form of a region apart from the caller's is 404 ({@link ReportForms#get(org.youguan.kernel.DataScope, long)})
	 * before its period is read.
	 */
	@Bean
	StepAccess reminderSteps(ReportForms forms) {
		return StepAccess.of(List.of("/statistics/completeness/remind"), "form", "报表", (scope, id, rest) -> forms.get(scope, id));
	}

	/**
	 * A form's settings ({@code POST /statistics/catalogue/forms/{id}}): a form of a region apart 404, one the
	 * administrator reads and does not configure (a national form, to a bureau's) 403
	 * ({@link ReportForms#requireConfigurable}) — before its due day or types are read.
	 */
	@Bean
	StepAccess formSettingSteps(ReportForms forms) {
		return StepAccess.of(List.of("/statistics/catalogue/forms/{id}"),
				(scope, id, rest) -> CurrentUser.signedIn().ifPresent(me -> forms.requireConfigurable(me, id)));
	}

	/**
	 * Setting a year's target ({@code POST /statistics/targets}): its record is the region its {@code region}
	 * parameter names, in any accepted form ({@code ３２０５}, {@code 320500}; blank: the caller's own, left to the step) —
	 * another region's 403 ({@link Targets#requireSettable}), a value that is no region code ({@code +3205},
	 * {@code 3205,}) 404, before the year, indicator and value are read.
	 */
	@Bean
	StepAccess targetSteps(Targets targets) {
		return StepAccess.ofRegion(List.of("/statistics/targets"), "region",
				(scope, code, rest) -> CurrentUser.signedIn().ifPresent(me -> targets.requireSettable(me, code)));
	}

	/** The enterprise's steps on its own report (save, 报送, upload, 更正): another enterprise's report is not there. */
	@Bean
	StepAccess enterpriseReportSteps(Reports reports) {
		return StepAccess.of(List.of("/enterprise/statistics/reports/{id}/**"),
				(scope, id, rest) -> reports.get(scope, id));
	}
}
