package org.youguan.workplans.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.youguan.audit.AuditObjects;
import org.youguan.workplans.WorkPlans;

/**
 * Work plans in the audit trail by their titles, and their tasks by number and text ("任务 3：推行快递业务经营许可…"),
 * linked to the plan's and the task's pages — only those in the reader's scope.
 */
@Configuration(proxyBeanMethods = false)
class WorkPlanAuditObjects {

	/** How much of a task's text its title keeps. */
	static final int TASK_TEXT = 24;

	@Bean
	AuditObjects workPlanTitles(WorkPlans plans) {
		return AuditObjects.of("WorkPlan",
				(scope, id) -> new AuditObjects.Title(plans.get(scope, id).title(), "/workplans/" + id));
	}

	@Bean
	AuditObjects workTaskTitles(WorkPlans plans) {
		return AuditObjects.of("WorkTask", (scope, id) -> {
			WorkPlans.TaskLine task = plans.task(scope, id).task();
			String text = task.text().codePointCount(0, task.text().length()) <= TASK_TEXT ? task.text()
					: task.text().substring(0, task.text().offsetByCodePoints(0, TASK_TEXT)) + "…";
			return new AuditObjects.Title("任务 " + task.number() + "：" + text, "/workplans/tasks/" + id);
		});
	}
}
