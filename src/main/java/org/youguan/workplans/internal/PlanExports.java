package org.youguan.workplans.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.youguan.documents.Column;
import org.youguan.documents.DeclaresTemplates;
import org.youguan.documents.DocumentTemplate;
import org.youguan.documents.DocumentTemplates;
import org.youguan.documents.Spreadsheets;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.Masking;
import org.youguan.workplans.Progress;
import org.youguan.workplans.WorkPlans;

/**
 * The whole plan with each task's latest progress: an .xlsx list (one row per task) and the .docx 任务推进情况表 (template
 * {@code workplans/progress}, built in as {@code documents/workplan-progress.docx} and replaceable by the administrator:
 * a summary line and one table, section rows "一、…" followed by their tasks).
 */
@Service
class PlanExports implements DeclaresTemplates {

	static final DocumentTemplate TEMPLATE = DocumentTemplate
		.of("workplans/progress", "任务推进情况表", "documents/workplan-progress.docx")
		.withFields("title", "bureau", "date", "summary")
		.withList("tasks", "number", "text", "responsible", "due", "progress", "status");

	/**
	 * A task with its section and latest report, as both exports list it, of a plan read as its pages show it
	 * ({@link WorkPlans.Plan#masked}: heading and task text masked); the report's text with every ID and mobile number
	 * in it masked ({@link Masking#personalNumbersIn}), as every export of typed text.
	 */
	record Row(String section, WorkPlans.TaskLine task, Progress.Latest latest) {

		String responsible() {
			return String.join("、", task.departments()) + ("LEAD".equals(task.responsibility()) ? "牵头" : "按职责分工负责");
		}

		String text() {
			return task.text();
		}

		/** The latest report by its department, masked; null when none. */
		String report() {
			return latest == null ? null : latest.department() + "：" + Masking.personalNumbersIn(latest.text());
		}

		String progress() {
			return latest == null ? "" : latest.month() + " " + report();
		}
	}

	private final WorkPlans plans;

	private final Progress progress;

	private final Spreadsheets spreadsheets;

	private final DocumentTemplates templates;

	private final Clock clock;

	PlanExports(WorkPlans plans, Progress progress, Spreadsheets spreadsheets, DocumentTemplates templates, Clock clock) {
		this.plans = plans;
		this.progress = progress;
		this.spreadsheets = spreadsheets;
		this.templates = templates;
		this.clock = clock;
	}

	/**
	 * The .xlsx list of the plan in scope, one row per task, every typed text as the plan page shows it (personal
	 * numbers masked, {@link WorkPlans.Plan#masked}).
	 */
	public byte[] xlsx(DataScope scope, long planId) {
		WorkPlans.Plan plan = plans.get(scope, planId).masked();
		List<Column<Row>> columns = List.of(Column.of("部分", Row::section, 24), Column.of("序号", r -> r.task().number(), 6),
				Column.of("工作任务", Row::text, 60), Column.of("责任处室", Row::responsible, 24),
				Column.of("完成时限", r -> r.task().dueOn(), 12), Column.of("状态", r -> r.task().statusWords(), 8),
				Column.of("最新进展月份", r -> r.latest() == null ? null : r.latest().month(), 12),
				Column.of("最新进展", Row::report, 60),
				Column.of("完成进度（%）", r -> r.latest() == null ? null : r.latest().percent(), 10));
		return spreadsheets.write(plan.year() + "年任务推进情况", columns, rows(plan));
	}

	/**
	 * The .docx 任务推进情况表 of the plan in scope, every typed text — title, headings, tasks, reports — as the plan
	 * page shows it (personal numbers masked, {@link WorkPlans.Plan#masked}; attack round 19).
	 */
	public byte[] docx(DataScope scope, long planId) {
		WorkPlans.Plan plan = plans.get(scope, planId).masked();
		Map<Long, Progress.Latest> latest = progress.latest(planId);
		List<Map<String, String>> lines = new ArrayList<>();
		int position = 0;
		for (WorkPlans.SectionLine s : plan.sections()) {
			lines.add(line(ChineseText.numeral(++position), heading(s), "", "", "", ""));
			for (WorkPlans.TaskLine t : s.tasks()) {
				Row row = new Row(heading(s), t, latest.get(t.id()));
				lines.add(line(Integer.toString(t.number()), row.text(), row.responsible(), t.dueOn().toString(), row.progress(),
						t.statusLabel() + (row.latest() == null ? "" : "（" + row.latest().percent() + "%）")));
			}
		}
		List<WorkPlans.TaskLine> tasks = plan.tasks();
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("title", plan.title());
		fields.put("bureau", plan.bureauName());
		fields.put("date", ChineseText.day(LocalDate.now(clock)));
		fields.put("summary", "共" + tasks.size() + "项任务：已完成" + count(tasks, "DONE") + "项，推进中" + count(tasks, "IN_PROGRESS")
				+ "项，未启动" + count(tasks, "NOT_STARTED") + "项，滞后" + count(tasks, "LAGGING") + "项。");
		return templates.fill(TEMPLATE, fields, Map.of("tasks", lines));
	}

	@Override
	public List<DocumentTemplate> templates() {
		return List.of(TEMPLATE);
	}

	private List<Row> rows(WorkPlans.Plan plan) {
		Map<Long, Progress.Latest> latest = progress.latest(plan.id());
		List<Row> rows = new ArrayList<>();
		for (WorkPlans.SectionLine s : plan.sections()) {
			for (WorkPlans.TaskLine t : s.tasks()) {
				rows.add(new Row(heading(s), t, latest.get(t.id())));
			}
		}
		return rows;
	}

	private static String heading(WorkPlans.SectionLine s) {
		return (s.kind().equals("LIVELIHOOD") ? "民生实事：" : "") + s.heading();
	}

	private static long count(List<WorkPlans.TaskLine> tasks, String status) {
		return tasks.stream().filter(t -> t.status().equals(status)).count();
	}

	private static Map<String, String> line(String number, String text, String responsible, String due, String progress,
			String status) {
		return Map.of("number", number, "text", text, "responsible", responsible, "due", due, "progress", progress, "status",
				status);
	}
}
