package org.youguan.workplans;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.Validation;
import org.youguan.org.CurrentUser;

/**
 * Monthly progress by department and the task's status from it: a department edits only its own reports on the tasks
 * it answers for; the lead department's report counts for a lead task, any responsible department's for a shared one;
 * 100 % from those who count makes the task 已完成. A task past its due date unfinished, or without a counting report
 * this month after the report day, becomes 滞后 (checked daily by {@link WorkPlanClock}).
 */
@Service
public class Progress {

	/** One report as the task page shows it. */
	public record Report(String department, String month, String text, int percent, java.time.Instant reportedAt,
			String reportedBy) {
	}

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final WorkPlanSettings settings;

	private final Clock clock;

	Progress(JdbcClient jdbc, AuditTrail audit, WorkPlanSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
	}

	/** Reports (or corrects) this month's progress of the user's department on a task it answers for. */
	@Transactional
	public void report(CurrentUser me, long taskId, String text, Integer percent) {
		new Validation().required("text", "进展情况", text).maxLength("text", "进展情况", text, 2000)
			.require("percent", percent != null && percent >= 0 && percent <= 100, "range", "完成进度应为0至100")
			.throwIfInvalid();
		var task = jdbc.sql("""
				SELECT t.id, t.all_departments, t.number, p.bureau_id, p.region_code FROM work_task t
				JOIN work_plan p ON p.id = t.plan_id WHERE t.id = :id""")
			.param("id", taskId)
			.query((rs, i) -> new Object[] { rs.getBoolean("all_departments"), rs.getInt("number"), rs.getLong("bureau_id"),
					rs.getString("region_code") })
			.optional()
			.orElseThrow(() -> DomainException.notFound("任务", taskId));
		Long department = me.departmentId();
		boolean own = department != null && ((Boolean) task[0] && ((Long) task[2]).equals(me.bureauId())
				|| jdbc.sql("SELECT EXISTS (SELECT 1 FROM work_task_department WHERE task_id = :task AND department_id = :d)")
					.param("task", taskId).param("d", department).query(Boolean.class).single());
		if (!own) {
			throw DomainException.rule("只能填报本处室负责的任务进展");
		}
		String month = YearMonth.now(clock).toString();
		jdbc.sql("""
				INSERT INTO work_progress (task_id, department_id, month, text, percent, reported_at, reported_by)
				VALUES (:task, :department, :month, :text, :percent, :now, :by)
				ON CONFLICT (task_id, department_id, month)
				DO UPDATE SET text = :text, percent = :percent, reported_at = :now, reported_by = :by""")
			.param("task", taskId).param("department", department).param("month", month).param("text", text.strip())
			.param("percent", percent).param("now", Timestamp.from(clock.instant())).param("by", me.displayName())
			.update();
		String status = status(taskId, LocalDate.now(clock));
		audit.record(AuditEntry.of("workplan.progress", "WorkTask", taskId, me.departmentName() + "填报第" + task[1] + "项任务"
				+ month + "进展（" + percent + "%），任务" + label(status)).inRegion((String) task[3]));
	}

	public List<Report> reports(long taskId) {
		return jdbc.sql("""
				SELECT d.name AS department, r.month, r.text, r.percent, r.reported_at, r.reported_by FROM work_progress r
				JOIN department d ON d.id = r.department_id WHERE r.task_id = :task ORDER BY r.month DESC, r.reported_at DESC""")
			.param("task", taskId)
			.query(Report.class)
			.list();
	}

	/** Decides the status of every unfinished task of this year's and last year's plans; returns how many changed. */
	@Transactional
	public int markLagging() {
		LocalDate today = LocalDate.now(clock);
		List<Long> tasks = jdbc.sql("""
				SELECT t.id FROM work_task t JOIN work_plan p ON p.id = t.plan_id
				WHERE p.year >= :year AND t.status <> 'DONE'""")
			.param("year", today.getYear() - 1)
			.query(Long.class)
			.list();
		int changed = 0;
		for (long id : tasks) {
			String before = jdbc.sql("SELECT status FROM work_task WHERE id = :id").param("id", id).query(String.class).single();
			String after = status(id, today);
			if (!after.equals(before)) {
				changed++;
				if (after.equals("LAGGING")) {
					String region = jdbc.sql("SELECT p.region_code FROM work_task t JOIN work_plan p ON p.id = t.plan_id WHERE t.id = :id")
						.param("id", id).query(String.class).single();
					audit.record(AuditEntry.of("workplan.lagging", "WorkTask", id, "任务滞后（" + today + "）").inRegion(region));
				}
			}
		}
		return changed;
	}

	/** Decides and stores the task's status from its counting reports and dates. */
	private String status(long taskId, LocalDate today) {
		var t = jdbc.sql("SELECT responsibility, all_departments, due_on FROM work_task WHERE id = :id")
			.param("id", taskId)
			.query((rs, i) -> new Object[] { rs.getString(1), rs.getBoolean(2), rs.getObject(3, LocalDate.class) })
			.single();
		boolean lead = "LEAD".equals(t[0]) && !(Boolean) t[1];
		String counting = lead ? "r.department_id = (SELECT department_id FROM work_task_department WHERE task_id = :task ORDER BY position LIMIT 1)"
				: "TRUE";
		Integer latest = jdbc.sql("SELECT max(r.percent) FROM work_progress r WHERE r.task_id = :task AND " + counting
				+ " AND r.month = (SELECT max(month) FROM work_progress x WHERE x.task_id = :task)")
			.param("task", taskId).query(Integer.class).optional().orElse(null);
		boolean reportedThisMonth = jdbc.sql("SELECT EXISTS (SELECT 1 FROM work_progress r WHERE r.task_id = :task AND "
				+ counting + " AND r.month = :month)")
			.param("task", taskId).param("month", YearMonth.from(today).toString()).query(Boolean.class).single();
		String status;
		if (latest != null && latest == 100) {
			status = "DONE";
		}
		else if (today.isAfter((LocalDate) t[2]) || today.getDayOfMonth() > settings.reportDay() && !reportedThisMonth) {
			status = "LAGGING";
		}
		else {
			status = latest == null ? "NOT_STARTED" : "IN_PROGRESS";
		}
		jdbc.sql("UPDATE work_task SET status = :status WHERE id = :id").param("status", status).param("id", taskId).update();
		return status;
	}

	static String label(String status) {
		return switch (status) {
			case "IN_PROGRESS" -> "推进中";
			case "DONE" -> "已完成";
			case "LAGGING" -> "滞后";
			default -> "未启动";
		};
	}
}
