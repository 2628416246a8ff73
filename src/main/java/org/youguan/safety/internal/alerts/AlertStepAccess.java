package org.youguan.safety.internal.alerts;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.youguan.kernel.StepAccess;

/**
 * An alert's steps (排除, 转为立案线索, 列为检查对象: {@code /safety/alerts/{id}/…}) are decided before the step's form is
 * read ({@link StepAccess}): an alert outside the caller's region is not there (404) — another city's staff dismissing it
 * with an empty reason were told "请填写处理说明" (400), which says the alert is there. An alert is its region's and
 * every bureau above's, as {@link Alerts#get} reads it; each step keeps its own rules.
 */
@Configuration(proxyBeanMethods = false)
class AlertStepAccess {

	/** An alert's steps: the scope alone. */
	@Bean
	StepAccess alertSteps(Alerts alerts) {
		return StepAccess.of(List.of("/safety/alerts/{id}/**"), (scope, id, rest) -> alerts.get(scope, id));
	}
}
