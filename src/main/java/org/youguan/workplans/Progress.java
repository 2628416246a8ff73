package org.youguan.workplans;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.documents.Attachment;
import org.youguan.documents.AttachmentDraft;
import org.youguan.documents.AttachmentOwner;
import org.youguan.documents.Attachments;
import org.youguan.documents.UploadedFile;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Masking;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.org.CurrentUser;
import org.youguan.workplans.internal.ProgressAttachmentAccess;
import org.youguan.workplans.internal.TaskStatus;
import org.youguan.workplans.internal.WorkPlanClock;
import org.youguan.workplans.internal.WorkPlanSettings;
import org.youguan.workplans.internal.WorkTask;
import org.youguan.platform.ChinaTime;

/**
 * Monthly progress by department and the task's status from it: a department edits only its own reports on the tasks
 * it answers for, on published plans; the lead department's report counts for a lead task, any responsible
 * department's for a shared one; 100 % from those who count makes the task 已完成. A task past its due date
 * unfinished, or without a counting report this month after the report day, becomes 滞后 (checked daily by
 * {@link WorkPlanClock}; every change the job makes is audited).
 */
@Service
public class Progress {

	/** A task completed, in percent. */
	public static final int DONE = 100;

	/**
	 * One report as the task page shows it to every reader in scope, with its attachments; its text with every ID and
	 * mobile number masked ({@link Masking#personalNumbersIn}), as the exports show it.
	 */
	public record Report(long id, String department, String month, String text, int percent, Instant reportedAt,
			String reportedBy, List<Attachment> attachments) {
	}

	/** The newest report that counts for a task, for the exports. */
	public record Latest(long taskId, String month, String department, String text, int percent) {
	}

	private record TaskRow(int number, boolean allDepartments, long bureauId, String regionCode, String planStatus,
			int planYear, String status) {
	}

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final WorkPlanSettings settings;

	private final Clock clock;

	private final Attachments attachments;

	/** The owning module and owner type of a progress report's files (see {@link ProgressAttachmentAccess}). */
	public static final String MODULE = "workplans";

	static final String OWNER_TYPE = "work_progress";

	/** The kind of every file a progress report carries. */
	static final String KIND = "PROGRESS";

	Progress(JdbcClient jdbc, AuditTrail audit, WorkPlanSettings settings, Clock clock, Attachments attachments) {
		this.attachments = attachments;
		this.jdbc = jdbc;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Reports (or corrects) this month's progress of the user's department on a task it answers for, with images or
	 * PDFs attached (added to those of an earlier report of the month). A second report of the month replaces the
	 * first explicitly: audited with the first as its before-state and "更新" with the earlier percentage in its summary.
	 * @return whether an earlier report of the month was replaced (the page then says 已更新, not 已填报)
	 * @throws InvalidValueException the text, the percentage or a file is refused (every problem at once); nothing saved
	 * @throws DomainException the plan is not published, the department does not answer for the task, this month lies
	 *         outside the plan's reporting window ({@link #requireReportMonth}: rule {@code plan-year}), or the task is
	 *         已完成 (409, rule {@code task-done}: a report never reopens a completed task). The refusals come in a fixed
	 *         order: access, then the task's state (已完成), then the fields sent (text, percentage, files), then the
	 *         plan (not issued, and this month — a field of the report the clock fills — outside its window); a
	 *         completed task of a closed plan is told 已完成.
	 */
	@Transactional
	public boolean report(CurrentUser me, long taskId, String text, Integer percent, List<UploadedFile> files) {
		List<FieldError> fileErrors = new ArrayList<>();
		for (UploadedFile f : files) {
			try {
				attachments.check(f, "attachments", "附件", settings.maxAttachmentBytes());
			}
			catch (InvalidValueException ex) {
				fileErrors.addAll(ex.fieldErrors());
			}
		}
		return record(me, taskId, text, percent, fileErrors, files, null);
	}

	/**
	 * As {@link #report(CurrentUser, long, String, Integer, List)}, with the files held for the form's draft
	 * ({@link #hold}) as its attachments (issue 13 item 9, as on the filing form): they become the report's files when
	 * it is saved, and stay held for the next submit when it is refused.
	 * @param fileErrors the problems of the files the form posted that {@link #hold} refused, reported with the others
	 * @return whether an earlier report of the month was replaced
	 * @throws InvalidValueException the text, the percentage or a file is refused (every problem at once); nothing saved
	 */
	@Transactional
	public boolean report(CurrentUser me, long taskId, String text, Integer percent, List<FieldError> fileErrors,
			AttachmentDraft draft) {
		return record(me, taskId, text, percent, fileErrors, List.of(), draft);
	}

	/** The draft of a department's progress form: its token (a hidden field; new when missing or malformed). */
	public static AttachmentDraft draft(String token, CurrentUser user) {
		return AttachmentDraft.of(MODULE, OWNER_TYPE, token, user.getUsername());
	}

	/**
	 * Holds the files a progress form posted, each checked by content and size, for the form's draft, so a form refused
	 * for another reason keeps them.
	 * @return the problems of the files that were refused (the others are held), on the field {@code attachments}
	 */
	public List<FieldError> hold(AttachmentDraft draft, List<UploadedFile> files) {
		List<FieldError> errors = new ArrayList<>();
		for (UploadedFile f : files) {
			try {
				attachments.hold(draft, KIND, f, "attachments", "附件", settings.maxAttachmentBytes());
			}
			catch (InvalidValueException ex) {
				errors.addAll(ex.fieldErrors());
			}
		}
		return errors;
	}

	/** The files held for a progress form's draft, oldest first. */
	public List<Attachment> held(AttachmentDraft draft) {
		return attachments.held(draft);
	}

	/** Removes one file held for a progress form's draft (its "remove" button). */
	public void release(AttachmentDraft draft, long attachmentId) {
		attachments.release(draft, attachmentId);
	}

	/**
	 * Whether {@code me} reports the progress of task {@code taskId}: staff who write (not a read-only 局领导) of a
	 * department the task names as lead or co-responsible, or of any department of the plan's bureau for a task of all
	 * departments ({@code all_departments}). The task page offers the progress form only to them.
	 */
	public boolean reporter(CurrentUser me, long taskId) {
		return me.writer() && findTask(taskId).filter(t -> answers(me, taskId, t)).isPresent();
	}

	/**
	 * Refuses {@code me} the progress report of task {@code taskId} unless {@link #reporter}: before anything the report
	 * was sent is read (the web shell's {@code StepAccess}) and inside the step. The task's scope is the caller's to
	 * check ({@link WorkPlans#task}).
	 * @throws DomainException 404 for a task not there
	 * @throws AccessRefusedException 403 for a read-only account or a department that does not answer for the task
	 */
	public void requireReporter(CurrentUser me, long taskId) {
		reported(me, taskId);
	}

	/** The task {@code me} reports on ({@link #requireReporter}). */
	private TaskRow reported(CurrentUser me, long taskId) {
		if (!me.writer()) {
			throw new AccessRefusedException("局领导查阅进展，由负责处室填报：您的账号只能查看，不能填报进展");
		}
		TaskRow task = findTask(taskId).orElseThrow(() -> DomainException.notFound("任务", taskId));
		if (!answers(me, taskId, task)) {
			throw new AccessRefusedException("request", "只能填报本处室负责的任务进展");
		}
		return task;
	}

	private Optional<TaskRow> findTask(long taskId) {
		return jdbc.sql("""
				SELECT t.number, t.all_departments, p.bureau_id, p.region_code, p.status AS plan_status, p.year AS plan_year,
				       t.status
				FROM work_task t
				JOIN work_plan p ON p.id = t.plan_id WHERE t.id = :id""")
			.param("id", taskId)
			.query(Rows.of(TaskRow.class))
			.optional();
	}

	/** Whether the user's department answers for the task (named on it, or of its bureau for a task of all departments). */
	private boolean answers(CurrentUser me, long taskId, TaskRow task) {
		Long department = me.departmentId();
		return department != null && (task.allDepartments() && me.bureauId() != null && task.bureauId() == me.bureauId()
				|| jdbc.sql("SELECT EXISTS (SELECT 1 FROM work_task_department WHERE task_id = :task AND department_id = :d)")
					.param("task", taskId).param("d", department).query(Boolean.class).single());
	}

	private boolean record(CurrentUser me, long taskId, String text, Integer percent, List<FieldError> fileErrors,
			List<UploadedFile> files, AttachmentDraft draft) {
		text = Text.freeText(text);
		TaskRow task = reported(me, taskId);
		// a completed task is not silently reopened by a later report (attack 3: 10 % made an 已完成 task 推进中 again):
		// its state is told before its fields
		if ("DONE".equals(task.status())) {
			throw DomainException.illegalTransition("percent", "task-done", Wording.of("workplans.invalid.taskDone",
					task.number()), "第" + task.number() + "项任务已完成，不能再填报进展");
		}
		Validation v = new Validation().required("text", "进展情况", text)
			.documentText("text", "进展情况", text, 2000)
			.given("percent", "完成进度", percent)
			.require("percent", percent == null || percent >= 0 && percent <= DONE, "range", "完成进度应为0至" + DONE);
		if (v.hasErrors() || !fileErrors.isEmpty()) {
			List<FieldError> errors = new ArrayList<>(v.errors());
			errors.addAll(fileErrors);
			throw new InvalidValueException(errors);
		}
		if (!task.planStatus().equals("ACTIVE")) {
			throw DomainException.rule("request", "not-issued", "工作计划尚未印发，不能填报进展");
		}
		Long department = me.departmentId();
		YearMonth thisMonth = YearMonth.now(clock);
		requireReportMonth(task.planYear(), thisMonth);
		String month = thisMonth.toString();
		Timestamp now = Timestamp.from(clock.instant());
		// a second report of the month replaces the first: the trail keeps what it replaced
		Map<String, Object> before = jdbc.sql("""
				SELECT text, percent FROM work_progress WHERE task_id = :task AND department_id = :department AND month = :month
				FOR UPDATE""")
			.param("task", taskId).param("department", department).param("month", month)
			.query((rs, i) -> reportState(me.departmentName(), month, rs.getString("text"), rs.getInt("percent")))
			.optional()
			.orElse(null);
		long report = jdbc.sql("""
				INSERT INTO work_progress (task_id, department_id, month, text, percent, reported_at, reported_by)
				VALUES (:task, :department, :month, :text, :percent, :now, :by)
				ON CONFLICT (task_id, department_id, month)
				DO UPDATE SET text = :text, percent = :percent, reported_at = :now, reported_by = :by RETURNING id""")
			.param("task", taskId).param("department", department).param("month", month).param("text", Text.strip(text))
			.param("percent", percent).param("now", now).param("by", me.displayName())
			.query(Long.class)
			.single();
		int attached = files.size();
		for (UploadedFile f : files) {
			attachments.store(new AttachmentOwner(MODULE, OWNER_TYPE, report), KIND, f, "attachments", "附件",
					settings.maxAttachmentBytes());
		}
		if (draft != null) {
			attached += attachments.attach(draft, new AttachmentOwner(MODULE, OWNER_TYPE, report)).size();
		}
		String status = status(taskId, LocalDate.now(clock));
		audit.record(AuditEntry.of("workplan.progress", "WorkTask", taskId, me.departmentName() + (before == null ? "填报" : "更新")
				+ "第" + task.number() + "项任务" + month + "进展（" + (before == null ? "" : "原填报" + before.get("percent") + "%，现为")
				+ percent + "%" + (attached == 0 ? "" : "，附件" + attached + "个")
				+ "），任务" + label(status)).states(before, reportState(me.departmentName(), month, Text.strip(text), percent))
			.inRegion(task.regionCode()));
		return before != null;
	}

	/**
	 * A plan's progress is reported for the months of its year and of the year after: none before the plan's year has
	 * begun (a 2027 plan published in December 2026 takes its first report in January 2027 — a report of 2026-12 would
	 * make a 2027 task 已完成 before its year); after the year's end for one more year, as a task may be due in the next
	 * year ({@link PlanDrafts#updateTask}) and an unfinished one is still reported until done (the daily check watches
	 * the plan as long, {@link #markLagging}). Later, the plan is closed for reports.
	 * @throws DomainException (422, field {@code month}, rule {@code plan-year}) for a month outside that window
	 */
	static void requireReportMonth(int planYear, YearMonth month) {
		if (month.getYear() < planYear) {
			throw DomainException.rule("month", "plan-year", Wording.of("workplans.refusal.progressTooEarly", planYear, planYear, month.getYear(), month.getMonthValue()),
					planYear + "年度工作计划自" + planYear + "年1月起填报进展，不能填报"
					+ month.getYear() + "年" + month.getMonthValue() + "月的进展");
		}
		if (month.getYear() > planYear + 1) {
			throw DomainException.rule("month", "plan-year", Wording.of("workplans.refusal.progressTooLate", planYear, (planYear + 1), month.getYear(), month.getMonthValue()),
					planYear + "年度工作计划的进展填报截至" + (planYear + 1)
					+ "年12月，不能填报" + month.getYear() + "年" + month.getMonthValue() + "月的进展");
		}
	}

	/** A department's report of a month as the audit trail records it (field names declared as audit.field.WorkTask.*). */
	private static Map<String, Object> reportState(String department, String month, String text, int percent) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("department", department);
		state.put("month", month);
		state.put("progress", text);
		state.put("percent", percent);
		return state;
	}

	/** A report recorded elsewhere, for {@link #load}. */
	public record Recorded(long taskId, long departmentId, YearMonth month, String text, int percent, String reportedBy) {
	}

	/**
	 * Loads reports kept before the plan came into the system (paper or another system — and the demo city's year so
	 * far) in one go, then decides the status of the plan's tasks as of today; one audit event. The same checks as a
	 * report: the department answers for the task, the plan is published, the percentage 0–100, the month within the
	 * plan's window ({@link #requireReportMonth}) and not ahead of this one.
	 */
	@Transactional
	public int load(long planId, List<Recorded> reports) {
		record PlanRow(String regionCode, int year) {
		}
		PlanRow plan = jdbc.sql("SELECT region_code, year FROM work_plan WHERE id = :id AND status = 'ACTIVE'")
			.param("id", planId)
			.query(Rows.of(PlanRow.class))
			.optional()
			.orElseThrow(() -> DomainException.rule("只能向已印发的工作计划载入进展"));
		String region = plan.regionCode();
		YearMonth thisMonth = YearMonth.now(clock);
		for (Recorded r : reports) {
			// a month of the plan's window (as a report, requireReportMonth) that has come
			requireReportMonth(plan.year(), r.month());
			if (r.month().isAfter(thisMonth)) {
				throw DomainException.rule("month", "future", Wording.of("workplans.refusal.progressFuture", r.taskId(), r.month()),
						"第" + r.taskId() + "号任务的进展不能载入：" + ChineseText.month(r.month()) + "尚未到来");
			}
			boolean answers = jdbc.sql(Supervision.DUTY + "SELECT EXISTS (SELECT 1 FROM duty WHERE task_id = :task AND department_id = :d)")
				.param("plan", planId).param("task", r.taskId()).param("d", r.departmentId()).query(Boolean.class).single();
			if (!answers || r.percent() < 0 || r.percent() > 100) {
				throw DomainException.rule(Wording.of("workplans.refusal.progressNotLoaded", r.taskId()),
						"第" + r.taskId() + "号任务的进展不能载入：处室不负责该任务或进度不在0至100之间");
			}
			jdbc.sql("""
					INSERT INTO work_progress (task_id, department_id, month, text, percent, reported_at, reported_by)
					VALUES (:task, :department, :month, :text, :percent, :now, :by)
					ON CONFLICT (task_id, department_id, month) DO UPDATE SET text = :text, percent = :percent""")
				.param("task", r.taskId()).param("department", r.departmentId()).param("month", r.month().toString())
				.param("text", r.text()).param("percent", r.percent()).param("now", reportedAt(r.month()))
				.param("by", r.reportedBy())
				.update();
		}
		LocalDate today = LocalDate.now(clock);
		jdbc.sql("SELECT id FROM work_task WHERE plan_id = :plan").param("plan", planId).query(Long.class).list()
			.forEach(id -> status(id, today));
		audit.record(AuditEntry.of("workplan.progress.load", "WorkPlan", planId, "载入进展" + reports.size() + "条").inRegion(region));
		return reports.size();
	}

	/** When a loaded month's report is taken to have come in: the 20th of the month, or now if that is still ahead. */
	private Timestamp reportedAt(YearMonth month) {
		Instant twentieth = month.atDay(20).atTime(10, 0).atZone(ChinaTime.ZONE).toInstant();
		return Timestamp.from(twentieth.isAfter(clock.instant()) ? clock.instant() : twentieth);
	}

	public List<Report> reports(long taskId) {
		List<Report> reports = jdbc.sql("""
				SELECT r.id, d.name AS department, r.month, r.text, r.percent, r.reported_at, r.reported_by FROM work_progress r
				JOIN department_name d ON d.id = r.department_id WHERE r.task_id = :task ORDER BY r.month DESC, r.reported_at DESC""")
			.param("task", taskId)
			.query((rs, i) -> new Report(rs.getLong("id"), rs.getString("department"), rs.getString("month"),
					rs.getString("text"), rs.getInt("percent"), rs.getTimestamp("reported_at").toInstant(),
					rs.getString("reported_by"), List.of()))
			.list();
		Map<Long, List<Attachment>> files = attachments.list(MODULE, OWNER_TYPE, reports.stream().map(Report::id).toList());
		return reports.stream()
			.map(r -> new Report(r.id(), r.department(), r.month(), Masking.personalNumbersIn(r.text()), r.percent(),
					r.reportedAt(), r.reportedBy(),
					files.getOrDefault(r.id(), List.of())))
			.toList();
	}

	/**
	 * Returns normally when a progress report lies in a plan within the caller's scope (whose files the caller may
	 * then read).
	 * @throws DomainException not found otherwise (existence not revealed)
	 */
	public void requireReadable(DataScope scope, long reportId) {
		String region = jdbc.sql("""
				SELECT p.region_code FROM work_progress r JOIN work_task t ON t.id = r.task_id
				JOIN work_plan p ON p.id = t.plan_id WHERE r.id = :id""")
			.param("id", reportId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> DomainException.notFound("附件", reportId));
		scope.requireRegion(region, "附件", reportId);
	}

	/**
	 * The newest report of each task of the plan that counts (the lead's for a lead task, as {@link #status} decides
	 * the task's status from it), else the newest of any department's, for the exports — so a 配合 department's later
	 * report never shows beside a task its lead finished as if it were the task's progress.
	 */
	public Map<Long, Latest> latest(long planId) {
		Map<Long, Latest> result = new HashMap<>();
		jdbc.sql("""
				SELECT DISTINCT ON (r.task_id) r.task_id, r.month, d.name AS department, r.text, r.percent
				FROM work_progress r JOIN work_task t ON t.id = r.task_id JOIN department_name d ON d.id = r.department_id
				LEFT JOIN work_task_department l ON l.task_id = t.id AND l.position = 1 AND t.responsibility = 'LEAD'
				WHERE t.plan_id = :plan
				ORDER BY r.task_id, (l.department_id = r.department_id) DESC NULLS LAST, r.month DESC, r.percent DESC""")
			.param("plan", planId)
			.query(Rows.of(Latest.class))
			.list()
			.forEach(l -> result.put(l.taskId(), l));
		return result;
	}

	/**
	 * Decides the status of every unfinished task of this year's and last year's published plans; audits each change
	 * and returns how many changed.
	 */
	@Transactional
	public int markLagging() {
		return reassessWatched(null, null);
	}

	/**
	 * Decides anew, as the daily check ({@link #markLagging}) would, the status of a plan's tasks (or of one task) when an
	 * input of that status changed — a 完成时限 corrected ({@link PlanDrafts#updateTask}), a plan published or imported as
	 * issued — so the board and the exports agree with the task at once, in either direction (滞后 → 推进中 when the time
	 * limit moves later, 推进中 → 滞后 when it moves before today), not from the next morning's check. The tasks the daily
	 * check watches only: unfinished tasks of a published plan of this year or last year. Each change audited as the
	 * check audits it.
	 * @param planId the plan
	 * @param taskId one of its tasks, or null for all of them
	 * @return how many tasks changed status
	 */
	int reassess(long planId, Long taskId) {
		return reassessWatched(planId, taskId);
	}

	private int reassessWatched(Long planId, Long taskId) {
		LocalDate today = LocalDate.now(clock);
		record Unfinished(long id, String status, String regionCode, int number, String planTitle) {
		}
		List<Unfinished> tasks = jdbc.sql("""
				SELECT t.id, t.status, p.region_code, t.number, p.title AS plan_title FROM work_task t
				JOIN work_plan p ON p.id = t.plan_id
				WHERE p.year BETWEEN :year - 1 AND :year AND p.status = 'ACTIVE' AND t.status <> 'DONE'
				  AND (CAST(:plan AS bigint) IS NULL OR p.id = :plan) AND (CAST(:task AS bigint) IS NULL OR t.id = :task)
				ORDER BY t.id""")
			.param("year", today.getYear())
			.param("plan", planId)
			.param("task", taskId)
			.query(Rows.of(Unfinished.class))
			.list();
		int changed = 0;
		for (Unfinished t : tasks) {
			String after = status(t.id(), today);
			if (!after.equals(t.status())) {
				changed++;
				audit.record(AuditEntry.of("workplan.status", "WorkTask", t.id(), t.planTitle() + "第" + t.number() + "项任务由"
						+ label(t.status()) + "转为" + label(after) + "（" + ChineseText.day(today) + "）").inRegion(t.regionCode()));
			}
		}
		return changed;
	}

	/**
	 * Loads the task, lets it decide its status from its counting reports and today ({@link WorkTask#reassess}) and
	 * stores the status when it changed; returns the status.
	 */
	private String status(long taskId, LocalDate today) {
		record Row(String responsibility, boolean allDepartments, LocalDate dueOn, String status) {
		}
		Row t = jdbc.sql("SELECT responsibility, all_departments, due_on, status FROM work_task WHERE id = :id")
			.param("id", taskId)
			.query(Rows.of(Row.class))
			.single();
		WorkTask task = new WorkTask(taskId, t.dueOn(), TaskStatus.valueOf(t.status()));
		boolean lead = "LEAD".equals(t.responsibility()) && !t.allDepartments();
		String counting = lead ? "r.department_id = (SELECT department_id FROM work_task_department WHERE task_id = :task ORDER BY position LIMIT 1)"
				: "TRUE";
		// the newest month of a counting report: a 配合 department's later report neither counts nor hides the lead's
		Integer latest = jdbc.sql("WITH counted AS (SELECT r.month, r.percent FROM work_progress r WHERE r.task_id = :task AND "
				+ counting + ") SELECT max(percent) FROM counted WHERE month = (SELECT max(month) FROM counted)")
			.param("task", taskId).query(Integer.class).optional().orElse(null);
		boolean reportedThisMonth = jdbc.sql("SELECT EXISTS (SELECT 1 FROM work_progress r WHERE r.task_id = :task AND "
				+ counting + " AND r.month = :month)")
			.param("task", taskId).param("month", YearMonth.from(today).toString()).query(Boolean.class).single();
		if (task.reassess(latest, reportedThisMonth, today, settings.reportDay())) {
			save(task);
		}
		return task.status().name();
	}

	/** Stores the status the task decided. */
	private void save(WorkTask task) {
		jdbc.sql("UPDATE work_task SET status = :status WHERE id = :id")
			.param("status", task.status().name())
			.param("id", task.id())
			.update();
	}

	static String label(String status) {
		return TaskStatus.valueOf(status).label();
	}
}
