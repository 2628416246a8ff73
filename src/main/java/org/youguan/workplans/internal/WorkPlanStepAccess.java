package org.youguan.workplans.internal;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.StepAccess;
import org.youguan.org.CurrentUser;
import org.youguan.workplans.Progress;
import org.youguan.workplans.WorkPlans;

/**
 * A work plan's and a task's steps on the bureau's pages are decided before the step's form is read ({@link StepAccess}),
 * as each step decides inside: a plan or task outside the caller's scope is not there (404); a plan's steps (印发, 复制,
 * 修改标题, 催报, 设为统计目标) and a task's removal are its own bureau's writing staff's ({@link WorkPlans#own},
 * 403), a task's correction also — the plan issued — its responsible department's or the bureau administrators'
 * ({@link WorkPlans#requireTaskCorrector}, 403); a task's progress is reported only by a department that answers for it ({@link Progress#requireReporter}, 403)
 * — a province's staff sending a bad 完成时限 or a percentage of 999 to a city's task were told which field was wrong.
 */
@Configuration(proxyBeanMethods = false)
class WorkPlanStepAccess {

	/** The progress report's address segment. */
	private static final String PROGRESS = "progress";

	/** A plan's steps ({@code /workplans/{id}/…}): its bureau's. */
	@Bean
	StepAccess planSteps(WorkPlans plans) {
		return StepAccess.of(List.of("/workplans/{id}/**"),
				(scope, id, rest) -> CurrentUser.signedIn().ifPresent(me -> plans.own(me, id)));
	}

	/** A task's steps ({@code /workplans/tasks/{id}}, {@code …/progress}, {@code …/remove}). */
	@Bean
	StepAccess taskSteps(WorkPlans plans, Progress progress) {
		return StepAccess.of(List.of("/workplans/tasks/{id}/**"), (scope, id, rest) -> {
			WorkPlans.TaskPage task = plans.task(scope, id);
			CurrentUser.signedIn().ifPresent(me -> {
				if (PROGRESS.equals(rest)) {
					progress.requireReporter(me, id);
				}
				else if (rest == null || rest.isEmpty()) {
					// the task's correction: an issued plan's task is its responsible department's
					plans.requireTaskCorrector(me, task);
				}
				else if (!WorkPlans.manages(me, task.bureauId())) {
					throw new AccessRefusedException("只能管理本局的工作计划");
				}
			});
		});
	}
}
