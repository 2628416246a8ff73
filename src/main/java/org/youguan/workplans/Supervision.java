package org.youguan.workplans;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.Masking;
import org.youguan.kernel.Percentages;
import org.youguan.org.CurrentUser;
import org.youguan.workplans.internal.WorkPlanSettings;

/**
 * The leadership's view of a plan: status counts by section and by department, lagging tasks first; a department's
 * own list with its latest reports; and reminders to departments whose report for the month is missing — sent by the
 * supervising staff at any time, and by the daily job once a month from the reminder day on.
 * <p>
 * A department answers for a task when it is named on it, or for every task "各处室按职责分工负责". It is expected to
 * report on the task each month while the task is unfinished when it leads it, shares it, or the task is everyone's;
 * a co-department of a lead task may report but is not chased.
 */
@Service
public class Supervision {

	/** Every (task, department) that answers for it, with whether a monthly report is expected and who leads. */
	public static final String DUTY = """
			WITH duty AS (
			    SELECT t.id AS task_id, d.department_id, (t.responsibility = 'SHARED' OR d.position = 1) AS expected,
			           (t.responsibility = 'LEAD' AND d.position = 1) AS leads
			    FROM work_task t JOIN work_task_department d ON d.task_id = t.id
			    WHERE t.plan_id = :plan AND NOT t.all_departments
			    UNION ALL
			    SELECT t.id, x.id, TRUE, FALSE FROM work_task t JOIN work_plan p ON p.id = t.plan_id
			    JOIN department_name x ON x.bureau_id = p.bureau_id AND x.active
			    WHERE t.plan_id = :plan AND t.all_departments)
			""";

	public static final String MISSING = "u.expected AND t.status <> 'DONE' AND NOT EXISTS (SELECT 1 FROM work_progress r "
			+ "WHERE r.task_id = t.id AND r.department_id = u.department_id AND r.month = :month)";

	private static final String COUNTS = """
			count(*) AS total, count(*) FILTER (WHERE t.status = 'NOT_STARTED') AS not_started,
			count(*) FILTER (WHERE t.status = 'IN_PROGRESS') AS in_progress, count(*) FILTER (WHERE t.status = 'DONE') AS done,
			count(*) FILTER (WHERE t.status = 'LAGGING') AS lagging""";

	/** Tasks by status. */
	public record Counts(long total, long notStarted, long inProgress, long done, long lagging) {

		/**
		 * Share of tasks done, in whole percent rounded down as every rate is ({@link Percentages#rate}): 100 only when
		 * every task is done (0 without tasks).
		 */
		public long donePercent() {
			return total == 0 ? 0 : Percentages.rate(done, total, 0).longValue();
		}
	}

	public record SectionCounts(long id, String heading, String kind, Counts counts) {
	}

	/** A department's tasks: how many it leads, by status, and how many monthly reports it still owes. */
	public record DepartmentCounts(long id, String name, long leads, Counts counts, long missing) {
	}

	/** The board of a plan; {@code month} is the month whose reports are chased (null when the plan is not this year's). */
	public record Board(WorkPlans.Plan plan, Counts total, List<SectionCounts> sections, List<DepartmentCounts> departments,
			List<WorkPlans.TaskLine> lagging, String month) {
	}

	/**
	 * A department's part in a task: it leads it (牵头), supports the lead departments (配合), or shares it within its
	 * remit (按职责分工负责: a task of every department, or of several without a lead). A page shows it through
	 * {@code @labels} and tells the parts apart by the constant, never by the wording.
	 */
	public enum DutyRole {

		LEAD("牵头"), SUPPORTING("配合"), BY_REMIT("按职责分工负责");

		private final String label;

		DutyRole(String label) {
			this.label = label;
		}

		/** The part's Chinese wording. */
		public String label() {
			return label;
		}
	}

	/** A task on a department's list, with the department's part in it and its latest report. */
	public record DepartmentTask(WorkPlans.TaskLine task, String section, DutyRole role, String lastMonth,
			Integer lastPercent, boolean owesReport) {
	}

	public record DepartmentList(WorkPlans.Plan plan, long departmentId, String departmentName, List<DepartmentTask> tasks,
			String month) {
	}

	private final WorkPlans plans;

	private final ApplicationEventPublisher events;

	private final WorkPlanSettings settings;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	Supervision(WorkPlans plans, ApplicationEventPublisher events, WorkPlanSettings settings, JdbcClient jdbc,
			AuditTrail audit, Clock clock) {
		this.plans = plans;
		this.events = events;
		this.settings = settings;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** The plan's board, its texts masked as the plan page shows them ({@link WorkPlans.Plan#masked}). */
	public Board board(DataScope scope, long planId) {
		WorkPlans.Plan plan = plans.get(scope, planId).masked();
		String month = chasedMonth(plan);
		Map<Long, Counts> bySection = jdbc.sql("SELECT t.section_id, " + COUNTS + " FROM work_task t WHERE t.plan_id = :plan GROUP BY t.section_id")
			.param("plan", planId)
			.query((rs, i) -> Map.entry(rs.getLong(1), counts(rs)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		Counts empty = new Counts(0, 0, 0, 0, 0);
		List<SectionCounts> sections = plan.sections().stream()
			.map(s -> new SectionCounts(s.id(), s.heading(), s.kind(), bySection.getOrDefault(s.id(), empty)))
			.toList();
		Counts total = jdbc.sql("SELECT " + COUNTS + " FROM work_task t WHERE t.plan_id = :plan")
			.param("plan", planId)
			.query((rs, i) -> counts(rs))
			.single();
		List<DepartmentCounts> departments = jdbc.sql(DUTY + """
				SELECT x.id, x.name, count(*) FILTER (WHERE u.leads) AS leads, """ + COUNTS + ", count(*) FILTER (WHERE "
				+ MISSING + """
				) AS missing
				FROM duty u JOIN work_task t ON t.id = u.task_id JOIN department_name x ON x.id = u.department_id
				GROUP BY x.id, x.name, x.sort_order
				ORDER BY count(*) FILTER (WHERE t.status = 'LAGGING') DESC, x.sort_order, x.id""")
			.param("plan", planId)
			.param("month", month == null ? "" : month)
			.query((rs, i) -> new DepartmentCounts(rs.getLong("id"), rs.getString("name"), rs.getLong("leads"), counts(rs),
					month == null ? 0 : rs.getLong("missing")))
			.list();
		List<WorkPlans.TaskLine> lagging = plan.tasks().stream().filter(t -> t.status().equals("LAGGING")).toList();
		return new Board(plan, total, sections, departments, lagging, month);
	}

	/**
	 * The tasks a department of the plan's bureau answers for, with its part and its latest report; the texts masked
	 * as the plan page shows them ({@link WorkPlans.Plan#masked}).
	 */
	public DepartmentList department(DataScope scope, long planId, long departmentId) {
		WorkPlans.Plan plan = plans.get(scope, planId).masked();
		String name = jdbc.sql("SELECT name FROM department_name WHERE id = :id AND bureau_id = :bureau")
			.param("id", departmentId)
			.param("bureau", plan.bureauId())
			.query(String.class)
			.optional()
			.orElseThrow(() -> DomainException.notFound("处室", departmentId));
		String month = chasedMonth(plan);
		Map<Long, WorkPlans.TaskLine> tasks = plan.tasks().stream()
			.collect(Collectors.toMap(WorkPlans.TaskLine::id, Function.identity()));
		Map<Long, String> sections = plan.sections().stream()
			.flatMap(s -> s.tasks().stream().map(t -> Map.entry(t.id(), s.heading())))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		List<DepartmentTask> list = jdbc.sql(DUTY + """
				SELECT u.task_id, u.expected, u.leads, t.responsibility, t.all_departments,
				       (""" + MISSING + """
				) AS owes,
				       (SELECT r.month FROM work_progress r WHERE r.task_id = t.id AND r.department_id = u.department_id
				        ORDER BY r.month DESC LIMIT 1) AS last_month,
				       (SELECT r.percent FROM work_progress r WHERE r.task_id = t.id AND r.department_id = u.department_id
				        ORDER BY r.month DESC LIMIT 1) AS last_percent
				FROM duty u JOIN work_task t ON t.id = u.task_id WHERE u.department_id = :department
				ORDER BY CASE t.status WHEN 'LAGGING' THEN 0 ELSE 1 END, t.section_id, t.number""")
			.param("plan", planId)
			.param("department", departmentId)
			.param("month", month == null ? "" : month)
			.query((rs, i) -> new DepartmentTask(tasks.get(rs.getLong("task_id")), sections.get(rs.getLong("task_id")),
					rs.getBoolean("all_departments") ? DutyRole.BY_REMIT : rs.getBoolean("leads") ? DutyRole.LEAD
							: rs.getString("responsibility").equals("LEAD") ? DutyRole.SUPPORTING : DutyRole.BY_REMIT,
					rs.getString("last_month"), (Integer) rs.getObject("last_percent"), month != null && rs.getBoolean("owes")))
			.list();
		return new DepartmentList(plan, departmentId, name, list, month);
	}

	/**
	 * Reminds every department that owes a report this month; at most once a day per department and plan, whatever
	 * sent it (this or the daily job, {@link #remindMissing}: both keep the reminder under the key of the plan, the
	 * department and the day in {@code work_plan_reminder}, so a department already reminded today by the job is not
	 * reminded again). Returns how many departments were reminded.
	 */
	@Transactional
	public int remind(CurrentUser me, long planId) {
		WorkPlans.Plan plan = plans.own(me, planId);
		if (chasedMonth(plan) == null) {
			throw DomainException.rule("只能对本年度已印发的工作计划催报");
		}
		int sent = send(plan, null);
		audit.record(AuditEntry.of("workplan.remind", "WorkPlan", planId, "催报本月进展，通知" + sent + "个处室")
			.inRegion(plan.regionCode()));
		return sent;
	}

	/**
	 * From the reminder day on, reminds once a month every department that owes this month's reports on this year's
	 * published plans: a department reminded of a plan since this month's reminder day (by the job or by hand,
	 * {@link #remind}) is skipped, and a reminder by hand later the same day is not sent again (one reminder per plan
	 * and department a day, whatever sent it). Returns how many reminders were sent.
	 */
	@Transactional
	public int remindMissing() {
		LocalDate today = LocalDate.now(clock);
		if (today.getDayOfMonth() < settings.remindDay()) {
			return 0;
		}
		List<Long> ids = jdbc.sql("SELECT id FROM work_plan WHERE status = 'ACTIVE' AND year = :year")
			.param("year", today.getYear())
			.query(Long.class)
			.list();
		int sent = 0;
		for (long id : ids) {
			sent += send(plans.get(DataScope.all(), id),
					OffsetDateTime.now(clock).with(today.withDayOfMonth(settings.remindDay())).truncatedTo(ChronoUnit.DAYS));
		}
		return sent;
	}

	/**
	 * Sends the plan's reminders, each kept under the key of the plan, the department and today (the key of both the
	 * button and the job); {@code since}, when given, skips a department reminded of the plan from then on.
	 */
	private int send(WorkPlans.Plan plan, OffsetDateTime since) {
		String month = chasedMonth(plan);
		List<Map.Entry<Long, Long>> owing = jdbc.sql(DUTY + "SELECT u.department_id, count(*) FROM duty u "
				+ "JOIN work_task t ON t.id = u.task_id WHERE " + MISSING + " GROUP BY u.department_id")
			.param("plan", plan.id())
			.param("month", month)
			.query((rs, i) -> Map.entry(rs.getLong(1), rs.getLong(2)))
			.list();
		int sent = 0;
		for (var e : owing) {
			String planTitle = Masking.personalNumbersIn(plan.title());
			String title = "《" + planTitle + "》：本处室有" + e.getValue() + "项任务尚未填报" + ChineseText.month(YearMonth.parse(month))
					+ "进展，请于" + settings.reportDay() + "日前填报";
			String key = "workplan-remind:" + plan.id() + ":" + e.getKey() + ":" + LocalDate.now(clock);
			int recorded = jdbc.sql("""
					INSERT INTO work_plan_reminder (key, plan_id, department_id, sent_at)
					SELECT :key, :plan, :department, :now WHERE NOT EXISTS (SELECT 1 FROM work_plan_reminder r
					    WHERE r.plan_id = :plan AND r.department_id = :department AND r.sent_at >= :since)
					ON CONFLICT (key) DO NOTHING""")
				.param("key", key).param("plan", plan.id()).param("department", e.getKey())
				.param("now", OffsetDateTime.now(clock))
				.param("since", since == null ? OffsetDateTime.now(clock).plusYears(1) : since).update();
			if (recorded == 1) {
				events.publishEvent(new WorkPlanReminderSent(plan.id(), e.getKey(), title,
						"/workplans/" + plan.id() + "/departments/" + e.getKey(), key, planTitle, e.getValue(), month,
						settings.reportDay()));
				sent++;
			}
		}
		return sent;
	}

	/** This month, if the plan is published and of this year; otherwise nothing is chased. */
	private String chasedMonth(WorkPlans.Plan plan) {
		YearMonth now = YearMonth.now(clock);
		return !plan.draft() && plan.year() == now.getYear() ? now.toString() : null;
	}

	private static Counts counts(ResultSet rs) throws SQLException {
		return new Counts(rs.getLong("total"), rs.getLong("not_started"), rs.getLong("in_progress"), rs.getLong("done"),
				rs.getLong("lagging"));
	}
}
