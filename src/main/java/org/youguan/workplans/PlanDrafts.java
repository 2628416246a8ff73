package org.youguan.workplans;

import java.sql.Date;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;
import org.youguan.kernel.TransactionLocks;
import org.youguan.kernel.Validation;
import org.youguan.org.CurrentUser;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Wording;

/**
 * Next year's plan prepared from this year's: copied as a draft (sections, tasks and their departments, key tasks and
 * targets; no progress, due dates at the new year's end), edited — the head, a task's text and due date, tasks
 * removed — and published, after which it takes progress. A published plan's tasks may still be corrected (text,
 * due date), never removed.
 */
@Service
public class PlanDrafts {

	/** The year a plan's title states first ("2027年工作目标"), as the import reads it: four digits, not part of more. */
	/** The refusal of a second publication (a double click, two tabs, a replayed request): 422. */
	static final String ALREADY_PUBLISHED = "该工作计划已印发，不能重复印发";

	private static final Pattern TITLE_YEAR = Pattern.compile("(?<!\\d)(\\d{4})年");

	private final WorkPlans plans;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	private final Progress progress;

	PlanDrafts(WorkPlans plans, JdbcClient jdbc, AuditTrail audit, Clock clock, Progress progress) {
		this.plans = plans;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.progress = progress;
	}

	/**
	 * Copies the caller's bureau's plan into the next year as a draft; returns the draft's id. A bureau has one plan a
	 * year: two copies at once (a double click) are ordered by a lock on the bureau and year, so the second is refused.
	 * The main targets are copied as written and read again as a save reads them today; a target last year's rules let
	 * through and today's refuse (a rate above 100 %, a count not whole: {@link WorkPlans#targetProblems}) does not stop
	 * the copy — the draft is there to be edited — but is one of the draft's {@link #targetProblems}, which its page
	 * shows and {@link #publish} refuses until the targets are corrected.
	 * @throws DomainException a rule violation when the bureau already has a plan of the next year
	 */
	@Transactional
	public long copyToNextYear(CurrentUser me, long planId) {
		WorkPlans.Plan source = plans.own(me, planId);
		int year = source.year() + 1;
		WorkPlans.requirePlanYear(year, LocalDate.now(clock));
		TransactionLocks.hold(jdbc, "work_plan_year:" + source.bureauId() + "|" + year);
		boolean exists = jdbc.sql("SELECT EXISTS (SELECT 1 FROM work_plan WHERE bureau_id = :bureau AND year = :year)")
			.param("bureau", source.bureauId())
			.param("year", year)
			.query(Boolean.class)
			.single();
		if (exists) {
			throw DomainException.rule(Wording.of("workplans.refusal.planExists", year),
					"本局" + year + "年已有工作计划，不能再复制");
		}
		String title = source.title().replace(Integer.toString(source.year()), Integer.toString(year));
		long draft = jdbc.sql("""
				INSERT INTO work_plan (bureau_id, region_code, year, title, overall_requirement, targets, created_at, status,
				    copied_from)
				SELECT bureau_id, region_code, :year, :title, overall_requirement, targets, :now, 'DRAFT', id
				FROM work_plan WHERE id = :source RETURNING id""")
			.param("year", year)
			.param("title", title)
			.param("now", Timestamp.from(clock.instant()))
			.param("source", planId)
			.query(Long.class)
			.single();
		jdbc.sql("INSERT INTO work_key_task (plan_id, position, text) SELECT :draft, position, text FROM work_key_task WHERE plan_id = :source")
			.param("draft", draft).param("source", planId).update();
		// linked to the indicators as a save links them today, as the draft's head corrected would be
		plans.saveTargets(draft, source.targets());
		List<SectionRow> sections = jdbc.sql("SELECT id, position, kind, heading FROM work_section WHERE plan_id = :source ORDER BY position")
			.param("source", planId).query(Rows.of(SectionRow.class)).list();
		LocalDate due = LocalDate.of(year, 12, 31);
		for (SectionRow s : sections) {
			long section = jdbc.sql("INSERT INTO work_section (plan_id, position, kind, heading) VALUES (:plan, :position, :kind, :heading) RETURNING id")
				.param("plan", draft).param("position", s.position()).param("kind", s.kind()).param("heading", s.heading())
				.query(Long.class).single();
			List<Long> tasks = jdbc.sql("SELECT id FROM work_task WHERE section_id = :section ORDER BY number, id")
				.param("section", s.id()).query(Long.class).list();
			for (long task : tasks) {
				long copy = jdbc.sql("""
						INSERT INTO work_task (plan_id, section_id, number, text, responsibility, all_departments, due_on)
						SELECT :plan, :section, number, text, responsibility, all_departments, :due FROM work_task WHERE id = :task
						RETURNING id""")
					.param("plan", draft).param("section", section).param("due", Date.valueOf(due)).param("task", task)
					.query(Long.class).single();
				jdbc.sql("""
						INSERT INTO work_task_department (task_id, department_id, position)
						SELECT :copy, department_id, position FROM work_task_department WHERE task_id = :task""")
					.param("copy", copy).param("task", task).update();
			}
		}
		int problems = plans.targetProblems(source.targets(), year).size();
		audit.record(AuditEntry.of("workplan.copy", "WorkPlan", draft, "由" + source.title() + "复制为" + year + "年草稿"
				+ (problems == 0 ? "" : "（" + problems + "项主要工作目标不符合现行规则，待修改）"))
			.inRegion(source.regionCode()));
		return draft;
	}

	/**
	 * What in a draft's main targets today's rules refuse ({@link WorkPlans#targetProblems}: those of a draft copied
	 * from last year, {@link #copyToNextYear}) — to be corrected ({@link #updateHead}) before it is published; empty for
	 * a published plan, whose targets are issued as they stand.
	 * @return the problems on {@code targets} (or {@code year}), each message naming the clause and the rule
	 */
	public List<FieldError> targetProblems(WorkPlans.Plan plan) {
		return plan.draft() ? plans.targetProblems(plan.targets(), plan.year()) : List.of();
	}

	/**
	 * Corrects a draft's head; the targets paragraph is read again into main targets. A year the title states is the
	 * plan's year; the targets hold no negative quantity or growth of 1000 % or more, and those of a statistics
	 * indicator meet its rules as an annual target (a rate at most 100 %, a count whole: {@link WorkPlans#requireTargetRules}).
	 * @throws InvalidValueException on {@code title} (rules {@code required}, {@code max-length}, {@code year}) or
	 *         {@code targets} (rules {@code max-length}, {@code range}, and the statistics' rules such as
	 *         {@code rate}, {@code integer}, {@code positive})
	 */
	@Transactional
	public void updateHead(CurrentUser me, long planId, String title, String overallRequirement, String targets) {
		overallRequirement = Text.freeText(overallRequirement);
		targets = Text.freeText(targets);
		WorkPlans.Plan plan = draft(me, planId);
		Map<String, Object> before = headState(plan.title(), plan.overallRequirement(), plan.targets());
		new Validation().required("title", "标题", title)
			.line("title", "标题", title, 300)
			.documentText("overallRequirement", "总体工作要求", overallRequirement, 2000)
			.documentText("targets", "主要工作目标", targets, 2000)
			.throwIfInvalid();
		// full-width digits (２０２６年) state a year as ASCII ones do
		Matcher stated = TITLE_YEAR.matcher(Normalizer.normalize(Text.line(title), Normalizer.Form.NFKC));
		if (stated.find()) {
			int year = Integer.parseInt(stated.group(1));
			new Validation().require("title", year == plan.year(), "year", "标题中的年度（" + year + "年）应与计划的年度（"
					+ plan.year() + "年）一致").throwIfInvalid();
		}
		WorkPlans.requirePlausibleTargets(targets);
		plans.requireTargetRules(blankToNull(targets), plan.year());
		jdbc.sql("UPDATE work_plan SET title = :title, overall_requirement = :overall, targets = :targets, version = version + 1 WHERE id = :id")
			.param("title", Text.line(title))
			.param("overall", blankToNull(overallRequirement))
			.param("targets", blankToNull(targets))
			.param("id", planId)
			.update();
		jdbc.sql("DELETE FROM work_target WHERE plan_id = :id").param("id", planId).update();
		plans.saveTargets(planId, blankToNull(targets));
		audit.record(AuditEntry.of("workplan.edit", "WorkPlan", planId, "修改草稿：" + Text.strip(title))
			.states(before, headState(Text.line(title), blankToNull(overallRequirement), blankToNull(targets)))
			.inRegion(plan.regionCode()));
	}

	/**
	 * Publishes a draft under its document number and date; from now on it takes progress. The 文号 is written as
	 * {@link Text#documentNumber} writes every typed 文号 (GB/T 9704-2012: 〔2033〕1号 for [2033]01号) and states the
	 * year of the 印发日期, or of today when no 印发日期 is given (the plan is issued today; {@link Validation#documentYear}).
	 * @throws InvalidValueException on {@code documentNumber} (rules {@code required}: a plan is published under its
	 *         文号, {@code max-length}, {@code year}, {@code sequence})
	 *         or {@code documentDate} (rule {@code range}: the plan's year or the year before; rule {@code future}: not
	 *         after today, {@link WorkPlans#issuedInFuture}), and every problem of its main targets on {@code targets}
	 *         (or {@code year}; {@link #targetProblems}: a draft copied with a target today's rules refuse)
	 * @throws DomainException {@code DUPLICATE} (409) on {@code documentNumber} when another plan of the bureau carries
	 *         the 文号 ({@link WorkPlans#requireNumberFree})
	 * @throws DomainException a rule violation (422, {@link #ALREADY_PUBLISHED}) when the plan is published already,
	 *         also when two publications of one draft arrive at once (the draft's row is locked: one publishes, one
	 *         audit event is written, the others are refused)
	 */
	@Transactional
	public void publish(CurrentUser me, long planId, String documentNumber, LocalDate documentDate) {
		WorkPlans.Plan plan = draft(me, planId, ALREADY_PUBLISHED);
		String number = Text.documentNumber(documentNumber);
		String future = WorkPlans.issuedInFuture(documentDate, LocalDate.now(clock));
		// a plan is issued only with targets a save would accept today: a copy's are checked here, not when copied
		Validation v = Validation.after(targetProblems(plan));
		// a task is not due before the plan assigning it is issued
		for (WorkPlans.TaskLine t : plan.tasks()) {
			String early = WorkPlans.dueBeforeIssue("第" + t.number() + "项任务的", t.dueOn(), documentDate);
			v.require("documentDate", early == null, "before-issue", early);
		}
		v.require("documentNumber", number != null && !Text.isBlank(number), "required", "印发须填写文号")
			.maxLength("documentNumber", "文号", number, 60)
			.documentYear("documentNumber", WorkPlans.numberLabel(documentDate != null), number,
					documentDate == null ? LocalDate.now(clock) : documentDate)
			.require("documentDate", documentDate == null || documentDate.getYear() >= plan.year() - 1
					&& documentDate.getYear() <= plan.year(), "range", "印发日期应在" + (plan.year() - 1) + "年或" + plan.year() + "年")
			.require("documentDate", future == null, "future", documentDate == null ? null
				: Wording.of("workplans.refusal.issuedInFuture", documentDate.toString(), LocalDate.now(clock).toString()), future)
			.throwIfInvalid();
		plans.requireNumberFree(plan.bureauId(), number, planId);
		// only a draft is published: the row is locked by draft(), and the condition holds even for a path without it
		int published = WorkPlans.numbered(number, () -> jdbc.sql("""
				UPDATE work_plan SET status = 'ACTIVE', document_number = :number, document_date = :date, version = version + 1
				WHERE id = :id AND status = 'DRAFT'""")
			.param("number", number)
			.param("date", documentDate == null ? null : Date.valueOf(documentDate))
			.param("id", planId)
			.update());
		if (published != 1) {
			throw DomainException.rule(Wording.of("refusal.workPlanPublished"), ALREADY_PUBLISHED);
		}
		audit.record(AuditEntry.of("workplan.publish", "WorkPlan", planId, "印发" + plan.title() + (number == null ? "" : "（" + number + "）"))
			.inRegion(plan.regionCode()));
		// issued, its tasks are watched from now on: a time limit already passed shows 滞后 at once, not the next morning
		progress.reassess(planId, null);
	}

	/**
	 * Corrects a task's text and due date (which may run into the next year, not before the plan's year, nor before the
	 * plan's 印发日期: a task is not due before it is assigned). The task's status (推进中/滞后…) follows the new due date
	 * in the same transaction ({@link Progress#reassess}), either way.
	 * @throws InvalidValueException on {@code text} or {@code dueOn} (rules {@code required}, {@code range},
	 *         {@code before-issue})
	 * @throws org.youguan.kernel.AccessRefusedException 403 for another bureau's staff, a read-only account, and — the
	 *         plan issued — a department that does not answer for the task ({@link WorkPlans#requireTaskCorrector})
	 */
	@Transactional
	public void updateTask(CurrentUser me, long taskId, String text, LocalDate dueOn) {
		text = Text.freeText(text);
		WorkPlans.TaskPage task = plans.task(me.scope(), taskId);
		WorkPlans.Plan plan = plans.own(me, task.planId());
		// an issued plan's task is its responsible department's (or the bureau administrators'), before its fields
		plans.requireTaskCorrector(me, task);
		new Validation().required("text", "任务内容", text)
			.documentText("text", "任务内容", text, 2000)
			.require("dueOn", dueOn != null, "required", "请填写完成时限")
			.require("dueOn", dueOn == null || dueOn.getYear() >= plan.year() && dueOn.getYear() <= plan.year() + 1, "range",
					"完成时限应在" + plan.year() + "年或" + (plan.year() + 1) + "年内")
			.require("dueOn", WorkPlans.dueBeforeIssue("", dueOn, plan.documentDate()) == null, "before-issue",
					WorkPlans.dueBeforeIssue("", dueOn, plan.documentDate()))
			.throwIfInvalid();
		jdbc.sql("UPDATE work_task SET text = :text, due_on = :due WHERE id = :id")
			.param("text", Text.strip(text)).param("due", Date.valueOf(dueOn)).param("id", taskId).update();
		// the task's text and due date as they were and are: a correction of a published plan's task shows what it replaced
		audit.record(AuditEntry.of("workplan.task.edit", "WorkTask", taskId, "修改第" + task.task().number() + "项任务，完成时限"
				+ ChineseText.day(dueOn)).states(taskState(task.task().text(), task.task().dueOn()), taskState(Text.strip(text), dueOn))
			.inRegion(plan.regionCode()));
		progress.reassess(plan.id(), taskId);
	}

	/** Removes a task from a draft (a published plan's tasks stay, with their history). */
	@Transactional
	public long removeTask(CurrentUser me, long taskId) {
		WorkPlans.TaskPage task = plans.task(me.scope(), taskId);
		WorkPlans.Plan plan = draft(me, task.planId());
		jdbc.sql("DELETE FROM work_task WHERE id = :id").param("id", taskId).update();
		audit.record(AuditEntry.of("workplan.task.remove", "WorkTask", taskId, "从草稿中删除第" + task.task().number() + "项任务："
				+ task.task().text()).inRegion(plan.regionCode()));
		return plan.id();
	}

	private WorkPlans.Plan draft(CurrentUser me, long planId) {
		return draft(me, planId, "该工作计划已印发，不能再修改标题、目标或删除任务");
	}

	/**
	 * The caller's draft, its row locked until the step's transaction ends: two publications of one draft (a double
	 * click, two tabs), or a publication and an edit, run one after the other, and the later one reads 已印发 and is
	 * refused with {@code refusal} (422) instead of publishing twice or editing an issued plan.
	 */
	private WorkPlans.Plan draft(CurrentUser me, long planId, String refusal) {
		jdbc.sql("SELECT id FROM work_plan WHERE id = :id FOR UPDATE").param("id", planId).query(Long.class).optional();
		WorkPlans.Plan plan = plans.own(me, planId);
		if (!plan.draft()) {
			throw DomainException.rule(refusal);
		}
		return plan;
	}

	/** A task's state as the audit trail records it (field names declared as audit.field.WorkTask.*). */
	private static Map<String, Object> taskState(String text, LocalDate dueOn) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("text", text);
		state.put("dueOn", dueOn == null ? null : dueOn.toString());
		return state;
	}

	/** A plan's head as the audit trail records it (field names declared as audit.field.WorkPlan.*). */
	private static Map<String, Object> headState(String title, String overallRequirement, String targets) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("title", title);
		state.put("overallRequirement", overallRequirement);
		state.put("targets", targets);
		return state;
	}

	private static String blankToNull(String s) {
		return s == null || Text.isBlank(s) ? null : Text.strip(s);
	}

	private record SectionRow(long id, int position, String kind, String heading) {
	}
}
