package org.youguan.workplans.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.youguan.kernel.Masking;
import org.youguan.org.CurrentUser;
import org.youguan.org.WorkQueue;
import org.youguan.org.WorkQueueProvider;
import org.youguan.workplans.Supervision;

/**
 * The work-plan queue of the inbox: the tasks of this year's published plans of the user's bureau on which the user's
 * own department owes this month's progress report (the same rule the reminders follow, {@link Supervision}), due on
 * the report day; past it they are overdue (the task is 滞后).
 */
@Component
class WorkPlanWorkQueues implements WorkQueueProvider {

	private final JdbcClient jdbc;

	private final WorkPlanSettings settings;

	private final Clock clock;

	WorkPlanWorkQueues(JdbcClient jdbc, WorkPlanSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public List<WorkQueue> queuesFor(CurrentUser user) {
		// those who report progress (WorkPlanController.WRITERS), not leaders who read it
		if (!user.isStaff() || !user.writer() || user.departmentId() == null || user.bureauId() == null) {
			return List.of();
		}
		LocalDate today = LocalDate.now(clock);
		YearMonth month = YearMonth.from(today);
		List<Long> plans = jdbc.sql("SELECT id FROM work_plan WHERE status = 'ACTIVE' AND year = :year AND bureau_id = :bureau ORDER BY id")
			.param("year", today.getYear())
			.param("bureau", user.bureauId())
			.query(Long.class)
			.list();
		if (plans.isEmpty()) {
			return List.of();
		}
		LocalDate due = month.atDay(Math.min(settings.reportDay(), month.lengthOfMonth()));
		boolean overdue = today.isAfter(due);
		long count = 0;
		String link = "/workplans/" + plans.get(0) + "/departments/" + user.departmentId();
		List<WorkQueue.Item> items = new ArrayList<>();
		for (long plan : plans) {
			List<WorkQueue.Item> owed = jdbc.sql(Supervision.DUTY + "SELECT t.id, t.number, t.text FROM duty u "
					+ "JOIN work_task t ON t.id = u.task_id WHERE u.department_id = :department AND " + Supervision.MISSING
					+ " ORDER BY t.section_id, t.number")
				.param("plan", plan)
				.param("department", user.departmentId())
				.param("month", month.toString())
				.query((rs, i) -> new WorkQueue.Item(rs.getInt("number") + ". " + abbreviate(rs.getString("text")), null,
						"/workplans/tasks/" + rs.getLong("id"), due, overdue))
				.list();
			if (!owed.isEmpty() && count == 0) {
				link = "/workplans/" + plan + "/departments/" + user.departmentId();
			}
			count += owed.size();
			items.addAll(owed);
		}
		return List.of(WorkQueue.action("workplan.report", link, count, overdue ? count : 0, count == 0 ? null : due, items));
	}

	@Override
	public Optional<String> linkFor(CurrentUser user, String objectType, String objectId) {
		if (objectId == null || !user.isStaff()) {
			return Optional.empty();
		}
		return switch (objectType) {
			case "WorkPlan" -> Optional.of("/workplans/" + objectId);
			case "WorkTask" -> Optional.of("/workplans/tasks/" + objectId);
			default -> Optional.empty();
		};
	}

	/** The task's first 40 characters, its personal numbers masked before the cut ({@link Masking#personalNumbersIn}). */
	private static String abbreviate(String text) {
		String shown = Masking.personalNumbersIn(text, 40);
		return text.length() <= 40 ? shown : shown + "…";
	}
}
