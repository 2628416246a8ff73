package org.youguan.workplans;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.kernel.AccessRefusedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.FiguresPeriod;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.Listing.Masked;
import org.youguan.kernel.Masking;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Text;
import org.youguan.kernel.UniqueIdentifiers;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.org.CurrentUser;
import org.youguan.org.DepartmentView;
import org.youguan.org.Departments;
import org.youguan.workplans.internal.MainTargetRules;
import org.youguan.workplans.internal.PlanPreview;
import org.youguan.workplans.internal.TargetParser;
import org.youguan.workplans.internal.WorkPlanImport;

/**
 * Annual plans: saved from a notice once every department name is mapped to one of the bureau's departments (or
 * created), listed and shown within the caller's scope.
 */
@Service
public class WorkPlans {

	/** A plan in lists; its title with every ID and mobile number in it masked ({@link Masking#personalNumbersIn}). */
	public record PlanSummary(long id, int year, String title, String bureauName, String status, long tasks) {

		PlanSummary masked() {
			return new PlanSummary(id, year, Masking.personalNumbersIn(title), bureauName, status, tasks);
		}

		public boolean draft() {
			return "DRAFT".equals(status);
		}
	}

	/** A task as the plan page shows it. */
	public record TaskLine(long id, int number, String text, String responsibility, boolean allDepartments,
			List<String> departments, LocalDate dueOn, String status) {

		/** The task with every ID and mobile number in its text masked ({@link Masking#personalNumbersIn}). */
		public TaskLine masked() {
			return new TaskLine(id, number, Masking.personalNumbersIn(text), responsibility, allDepartments, departments,
					dueOn, status);
		}

		/** The status in Chinese, as the plan's document writes it. */
		public String statusLabel() {
			return Progress.label(status);
		}

		/** The status as a page ({@code @labels.of}) and the export word it in the reader's language. */
		public Wording statusWords() {
			return Wording.of("enum.TaskStatus." + status);
		}
	}

	public record SectionLine(long id, String heading, String kind, List<TaskLine> tasks) {

		SectionLine masked() {
			return new SectionLine(id, Masking.personalNumbersIn(heading), kind,
					tasks.stream().map(TaskLine::masked).toList());
		}
	}

	/**
	 * A main target as the plan sets it; {@code indicatorCode} links it to the statistics indicator it names, the value
	 * then in the indicator's unit.
	 */
	public record MainTarget(String text, String indicatorCode, BigDecimal targetValue, BigDecimal targetGrowth) {

		MainTarget masked() {
			return new MainTarget(Masking.personalNumbersIn(text), indicatorCode, targetValue, targetGrowth);
		}
	}

	/** A whole plan; {@code targets} is the targets paragraph as written, {@code mainTargets} what was read from it. */
	public record Plan(long id, long bureauId, String regionCode, int year, String title, String documentNumber,
			LocalDate documentDate, String overallRequirement, String targets, String status, String bureauName,
			List<String> keyTasks, List<MainTarget> mainTargets, List<SectionLine> sections) {

		public boolean draft() {
			return "DRAFT".equals(status);
		}

		public List<TaskLine> tasks() {
			return sections.stream().flatMap(s -> s.tasks().stream()).toList();
		}

		/**
		 * The plan as its pages show it to every reader in scope (the plan page, the board, a department's list): every
		 * ID and mobile number typed into its texts — title, overall requirement, targets, key tasks, headings, tasks —
		 * masked ({@link Masking#personalNumbersIn}), as the plan list and the exports show them; the draft's edit forms
		 * read the plan as recorded.
		 */
		public Plan masked() {
			return new Plan(id, bureauId, regionCode, year, Masking.personalNumbersIn(title), documentNumber, documentDate,
					Masking.personalNumbersIn(overallRequirement), Masking.personalNumbersIn(targets), status, bureauName,
					keyTasks.stream().map(Masking::personalNumbersIn).toList(),
					mainTargets.stream().map(MainTarget::masked).toList(), sections.stream().map(SectionLine::masked).toList());
		}
	}

	static final String ALL = "各处室";

	private final WorkPlanImport imports;

	private final Departments departments;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Progress progress;

	private final Clock clock;

	private final MainTargetRules mainTargets;

	WorkPlans(WorkPlanImport imports, Departments departments, MainTargetRules mainTargets, JdbcClient jdbc,
			AuditTrail audit, Clock clock, Progress progress) {
		this.progress = progress;
		this.imports = imports;
		this.mainTargets = mainTargets;
		this.departments = departments;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Every recognised part fits the column that keeps it (title 300, 文号 60, overall requirement and targets 2000, a key
	 * task 500, a heading 300, a task 2000 characters) — a notice pasted without line breaks would otherwise reach the
	 * database; each part too long is named with its line where it has one. The 文号 states the 印发日期's year and
	 * numbers from 1, as on publishing ({@link Validation#documentYear}), and the 印发日期 is a real day. A notice with a
	 * 文号 and no 印发日期 is published on the day it is imported, so its 文号 states today's year ({@link #numberLabel}).
	 * @param today the day the notice is imported on
	 * No part begins as a spreadsheet formula ({@link Validation#documentText}: "=HYPERLINK(…)", "@SUM(…)", "+1+1"; rule
	 * {@code formula}), as the forms that correct a part refuse it.
	 * @throws InvalidValueException field {@code text}, rule {@code max-length}, listing every part too long; {@code formula}; rules
	 *         {@code year}, {@code sequence}, {@code date}, {@code before-issue} (a task's 完成时限 before the stated
	 *         印发日期, {@link #dueBeforeIssue})
	 */
	public static void requireFits(PlanPreview p, LocalDate today) {
		Validation v = new Validation();
		LocalDate issued = today;
		String label = numberLabel(false);
		if (p.documentDate() != null) {
			label = numberLabel(true);
			try {
				issued = LocalDate.parse(p.documentDate());
			}
			catch (DateTimeParseException ex) {
				issued = null;
				v.require("text", false, "date", "印发日期不是有效日期：" + p.documentDate());
			}
		}
		// as publishing a draft checks it (PlanDrafts.publish)
		v.documentYear("text", label, p.documentNumber(), issued);
		// every text of the notice is printed on the plan and exported item by item: the one rule of document text
		// (no formula, Validation.documentText) as the forms that correct them hold (PlanDrafts, Progress)
		v.documentText("text", "标题", p.title(), 300).maxLength("text", "文号", p.documentNumber(), 60)
			.documentText("text", "总体工作要求", p.overallRequirement(), 2000)
			.documentText("text", "主要工作目标", p.targets(), 2000);
		p.keyTasks().forEach(k -> v.documentText("text", "重点工作“" + k.substring(0, Math.min(20, k.length())) + "…”", k, 500));
		List<PlanPreview.Task> tasks = new ArrayList<>();
		p.sections().forEach(s -> {
			v.documentText("text", "部分标题“" + s.heading().substring(0, Math.min(20, s.heading().length())) + "…”", s.heading(), 300);
			tasks.addAll(s.tasks());
		});
		p.livelihoodProjects().forEach(pr -> {
			v.documentText("text", "民生实事“" + pr.title().substring(0, Math.min(20, pr.title().length())) + "…”", pr.title(), 300);
			tasks.addAll(pr.items());
		});
		tasks.forEach(t -> v.documentText("text", "第" + t.line() + "行的任务", t.text(), 2000));
		if (p.documentDate() != null && issued != null) {
			for (PlanPreview.Task t : tasks) {
				String early = dueBeforeIssue("第" + t.line() + "行任务的", t.dueOn(), issued);
				v.require("text", early == null, "before-issue", early);
			}
		}
		v.throwIfInvalid();
	}

	/**
	 * Saves the notice as the bureau's plan. {@code mapping}: an unknown department name → the id of one of the
	 * bureau's departments; {@code create}: unknown names to create as departments. Any name left unmapped stops the
	 * save with the list of them; nothing is saved then. A notice the bureau has imported before (the same text, white
	 * space aside: the same document uploaded again, or the same preview confirmed twice) is refused and nothing is
	 * saved; the plan keeps the notice's fingerprint for that.
	 * @throws DomainException {@code DUPLICATE} (409) naming the plan imported from the same notice; not found (404,
	 *         before the notice is read) for a {@code mapping} naming a department that is not the caller's bureau's
	 * @throws InvalidValueException {@code mapping} ({@code unmapped}, {@code admin}), {@code text} (as the preview and
	 *         {@link #requireFits})
	 */
	@Transactional
	public long save(CurrentUser me, String text, Map<String, Long> mapping, Set<String> create) {
		long bureau = me.bureauId();
		List<DepartmentView> own = departments.ofBureau(bureau);
		// access before fields: a department the mapping names is one of the caller's bureau, or it is not there to
		// the caller (404) — another bureau's department, even one below, is not told as a name left unmapped (400)
		mapping.values().stream().filter(target -> target != null && own.stream().noneMatch(d -> d.id() == target))
			.findFirst().ifPresent(target -> {
				throw DomainException.notFound("处室", target);
			});
		PlanPreview preview = imports.preview(me, text);
		String fingerprint = imports.requireNotImported(me, text);
		Map<String, Long> ids = new HashMap<>();
		own.forEach(d -> ids.put(d.name(), d.id()));
		List<String> unmapped = new ArrayList<>();
		for (String name : preview.unknownDepartments()) {
			Long target = mapping.get(name);
			if (target != null && own.stream().anyMatch(d -> d.id() == target)) {
				ids.put(name, target);
			}
			else if (create.contains(name)) {
				if (!me.administrator()) {
					throw new InvalidValueException("mapping", "admin", "新建处室需由机构管理员操作；请选择对应的本局处室：" + name);
				}
				ids.put(name, departments.create(me.scope(), bureau, name, "导入工作目标任务时新增", own.size() + ids.size()));
			}
			else {
				unmapped.add(name);
			}
		}
		if (!unmapped.isEmpty()) {
			throw new InvalidValueException("mapping", "unmapped", "请为以下处室选择对应的本局处室或新建：" + String.join("、", unmapped));
		}
		if (preview.year() == null) {
			throw new InvalidValueException("text", "year", NO_YEAR);
		}
		requirePlanYear(preview.year(), LocalDate.now(clock));
		requireFits(preview, LocalDate.now(clock));
		requireIssuedBy(preview, LocalDate.now(clock));
		requirePlausibleTargets(preview.targets());
		// held to the statistics' rules of an annual target now, not only when adopted as one (PlanTargets.adopt)
		mainTargets.require(preview.targets(), preview.year());
		// a notice states its 文号: one without it (or not recognised) is kept as a draft, published (印发) with its 文号
		String status = preview.documentNumber() == null ? "DRAFT" : "ACTIVE";
		requireNumberFree(bureau, preview.documentNumber(), null);
		LocalDate due = LocalDate.of(preview.year(), 12, 31);
		long plan = numbered(preview.documentNumber(), () -> jdbc.sql("""
				INSERT INTO work_plan (bureau_id, region_code, year, title, document_number, document_date, overall_requirement,
				    targets, content_sha256, created_at, status)
				VALUES (:bureau, :region, :year, :title, :number, :date, :overall, :targets, :sha, :now, :status) RETURNING id""")
			.param("bureau", bureau)
			.param("region", me.regionCode())
			.param("year", preview.year())
			.param("title", preview.title())
			.param("number", preview.documentNumber())
			.param("date", preview.documentDate() == null ? null : Date.valueOf(preview.documentDate()))
			.param("overall", preview.overallRequirement())
			.param("targets", preview.targets())
			.param("sha", fingerprint)
			.param("now", Timestamp.from(clock.instant()))
			.param("status", status)
			.query(Long.class)
			.single());
		saveTargets(plan, preview.targets());
		for (int i = 0; i < preview.keyTasks().size(); i++) {
			jdbc.sql("INSERT INTO work_key_task (plan_id, position, text) VALUES (:plan, :position, :text)")
				.param("plan", plan).param("position", i + 1).param("text", preview.keyTasks().get(i)).update();
		}
		int position = 0;
		int tasks = 0;
		for (PlanPreview.Section s : preview.sections()) {
			tasks += section(plan, ++position, "TASKS", s.heading(), s.tasks(), ids, due);
		}
		for (PlanPreview.Project p : preview.livelihoodProjects()) {
			tasks += section(plan, ++position, "LIVELIHOOD", p.title(), p.items(), ids, due);
		}
		audit.record(AuditEntry.of("workplan.import", "WorkPlan", plan, "导入" + preview.title() + "（" + tasks + "项任务）")
			.inRegion(me.regionCode()));
		// imported as issued, its tasks are watched at once: one whose time limit has passed shows 滞后 now
		progress.reassess(plan, null);
		return plan;
	}

	private static final String NO_YEAR = "标题中未识别到年度";

	/**
	 * What 确认导入 ({@link #save}) would refuse in a preview — no year in the title or one out of range
	 * ({@link #requirePlanYear}), a part too long ({@link #requireFits}), a 印发日期 after today
	 * ({@link #requireIssuedBy}), an implausible target
	 * ({@link #requirePlausibleTargets}) — each as the refusal's own words after "确认导入将被拒绝：", for the preview to
	 * show before anyone confirms it; empty when the import would pass these checks.
	 * @param today the day the year's range is counted from
	 */
	public static List<String> importRefusals(PlanPreview p, LocalDate today) {
		List<String> refusals = new ArrayList<>();
		if (p.year() == null) {
			refusals.add(NO_YEAR);
		}
		else {
			refusal(refusals, () -> requirePlanYear(p.year(), today));
		}
		refusal(refusals, () -> requireFits(p, today));
		refusal(refusals, () -> requireIssuedBy(p, today));
		refusal(refusals, () -> requirePlausibleTargets(p.targets()));
		return refusals.stream().map(m -> "确认导入将被拒绝：" + m).toList();
	}

	private static void refusal(List<String> into, Runnable check) {
		try {
			check.run();
		}
		catch (InvalidValueException ex) {
			ex.fieldErrors().forEach(e -> into.add(e.message()));
		}
	}

	/**
	 * How a refusal of a 文号's year names the 文号: plainly when a 印发日期 is given, and saying that it is checked
	 * against today when none is — a plan published (or imported) without one is issued today, so 〔2027〕 typed in 2026
	 * numbers a document of a year that has not come.
	 * @param dated whether a 印发日期 is given
	 */
	/**
	 * Refuses a 文号 another plan of the bureau already carries: one 文号 names one document (GB/T 9704-2012 7.2.4), so
	 * a copied plan published again under it, or a second notice imported with it, would be two plans under one
	 * number. Compared as {@link Text#identifierKey} compares every identifier (spaces, dashes, case folded), under a
	 * lock on the key until the transaction ends ({@link UniqueIdentifiers#taken}), so two at once are ordered.
	 * @param bureau the plan's bureau
	 * @param number the 文号 as it will be stored ({@link Text#documentNumber}); null passes
	 * @param self the plan being published, left out; null for a new plan
	 * @throws DomainException {@code DUPLICATE} (409) on {@code documentNumber}, rule {@code unique}, naming the plan
	 */
	void requireNumberFree(long bureau, String number, Long self) {
		if (number == null || Text.isBlank(number)) {
			return;
		}
		if (UniqueIdentifiers.taken(jdbc, "work_plan", "document_number", number, "bureau_id = :bureau AND id <> :self",
				Map.of("bureau", bureau, "self", self == null ? -1L : self))) {
			String other = jdbc.sql("SELECT title FROM work_plan WHERE bureau_id = :bureau AND id <> :self AND "
					+ Text.identifierKeySql("document_number") + " = :key ORDER BY id LIMIT 1")
				.param("bureau", bureau).param("self", self == null ? -1L : self).param("key", Text.identifierKey(number))
				.query(String.class).optional().orElse("");
			throw DomainException.duplicate("documentNumber", Wording.of("workplans.refusal.numberTaken", number, Masking.personalNumbersIn(other)),
					"文号" + number + "已用于本局的工作计划《" + Masking.personalNumbersIn(other)
					+ "》，一个文号只能对应一份文件：请核对文号");
		}
	}

	/** The unique index of a 文号 within the bureau (V274), which a write meets when another took the 文号 meanwhile. */
	static final String NUMBER_INDEX = "work_plan_document_number_unique";

	/**
	 * Runs a write of a plan's 文号 — the import's insert, the publishing update — answering a 文号 another plan of the
	 * bureau was given meanwhile (the unique index V274 met: a writer that did not take {@link #requireNumberFree}'s
	 * lock, or committed between its check and this write) as that check answers it, never as an anonymous conflict.
	 * @param number the 文号 written
	 * @param write the write
	 * @return what the write returns
	 * @throws DomainException {@code DUPLICATE} (409) on {@code documentNumber}, rule {@code unique}, naming the 文号
	 */
	static <T> T numbered(String number, java.util.function.Supplier<T> write) {
		try {
			return write.get();
		}
		catch (DuplicateKeyException ex) {
			if (ex.getMessage() == null || !ex.getMessage().contains(NUMBER_INDEX)) {
				throw ex;
			}
			throw DomainException.duplicate("documentNumber", Wording.of("workplans.refusal.numberTakenMeanwhile", number),
					"文号" + number
					+ "已被同时保存的另一份本局工作计划使用，一个文号只能对应一份文件：请刷新后核对文号");
		}
	}

	static String numberLabel(boolean dated) {
		return !dated ? "文号（未填印发日期，按今天印发）" : "文号";
	}

	/**
	 * A plan is 印发 on a day that has come: a 印发日期 after today (2027-11-30 typed for 2026-11-30) dates a document
	 * that does not exist yet. Publishing a draft ({@link PlanDrafts#publish}, field {@code documentDate}) and importing
	 * a notice whose date line says so alike.
	 * @param issued the 印发日期, or null (none: nothing to check)
	 * @return the refusal's words, or null when the day has come
	 */
	static String issuedInFuture(LocalDate issued, LocalDate today) {
		return issued == null || !issued.isAfter(today) ? null : "印发日期（" + ChineseText.day(issued) + "）不能晚于今天（" + ChineseText.day(today) + "）";
	}

	/**
	 * A notice imported with its 文号 is published as it is ({@link #save}): its 印发日期 has come
	 * ({@link #issuedInFuture}). One without a 文号 is kept as a draft and dated when published; an unreadable date is
	 * {@link #requireFits}'s to name.
	 * @throws InvalidValueException 400 on {@code text}, rule {@code future}
	 */
	/**
	 * A task is not due before the plan assigning it is issued (a notice dated 2026-03-01 cannot set a 完成时限 of
	 * 2026-02-28): the refusal naming the 完成时限 and the 印发日期, or null when the task is due on or after it, or either
	 * date is unknown (a draft not yet issued, a task without its own time limit, due at the year's end).
	 * @param task how the message names the task ("第3项任务的", "" for the task being edited)
	 */
	static String dueBeforeIssue(String task, LocalDate dueOn, LocalDate issued) {
		return dueOn == null || issued == null || !dueOn.isBefore(issued) ? null
				: task + "完成时限（" + ChineseText.day(dueOn) + "）早于计划的印发日期（" + ChineseText.day(issued) + "），完成时限不能早于印发日期";
	}

	static void requireIssuedBy(PlanPreview p, LocalDate today) {
		if (p.documentNumber() == null) {
			return;
		}
		LocalDate issued;
		try {
			issued = p.documentDate() == null ? null : LocalDate.parse(p.documentDate());
		}
		catch (DateTimeParseException ex) {
			return;
		}
		String future = issuedInFuture(issued, today);
		if (future != null) {
			throw new InvalidValueException("text", "future", Wording.of("workplans.refusal.noticeIssuedInFuture",
					issued.toString(), today.toString()), "通知的" + future);
		}
	}

	/**
	 * A plan is of a year a query may ask for ({@link FiguresPeriod#year}: {@link FiguresPeriod#FIRST_YEAR} to the
	 * year after today's, the one rule of a year): a plan is made for this year or the next, an older one may be kept on record; a year further
	 * ahead is a typing error (2999年), whose due dates would run with it. Import, copy into the next year, the plan's
	 * title and the list's year filter alike.
	 * @throws InvalidValueException 400 on {@code year}, rule {@code range}
	 */
	static void requirePlanYear(int year, LocalDate today) {
		FiguresPeriod.year("year", "工作计划的年度", year, today);
	}

	/**
	 * The targets paragraph holds no quantity a plan cannot mean ({@link TargetParser#implausible}: a negative volume, a
	 * growth beyond ±1000 %); the import and the draft's head alike.
	 * @throws InvalidValueException 400 on {@code targets}, rule {@code range}, naming each such clause
	 */
	static void requirePlausibleTargets(String paragraph) {
		implausibleTargets(paragraph).ifPresent(e -> {
			throw new InvalidValueException(List.of(e));
		});
	}

	/** The refusal of {@link #requirePlausibleTargets}, if the paragraph holds a quantity a plan cannot mean. */
	private static Optional<FieldError> implausibleTargets(String paragraph) {
		List<String> wrong = TargetParser.implausible(paragraph);
		return wrong.isEmpty() ? Optional.empty()
				: Optional.of(new FieldError("targets", "range", "主要工作目标中的数值不合理（目标值不能为负数，增长幅度应在±1000%以内）："
						+ String.join("；", wrong)));
	}

	/**
	 * Everything saving the paragraph as a plan's main targets of {@code year} would refuse today: a quantity no plan can
	 * mean ({@link #requirePlausibleTargets}) and the statistics' rules of an annual target ({@link MainTargetRules#problems}).
	 * A draft copied from last year's plan ({@link PlanDrafts#copyToNextYear}) keeps its targets as they were written
	 * then; these are the problems it shows and that its publishing ({@link PlanDrafts#publish}) refuses.
	 * @param paragraph the targets paragraph (null: none)
	 * @return the problems on {@code targets} (or {@code year}), empty when the targets could be saved
	 */
	List<FieldError> targetProblems(String paragraph, int year) {
		List<FieldError> problems = new ArrayList<>();
		implausibleTargets(paragraph).ifPresent(problems::add);
		problems.addAll(mainTargets.problems(paragraph, year));
		return problems;
	}

	/**
	 * The main targets read from the paragraph ({@link MainTargetRules#read}: each linked to the statistics indicator it
	 * names where there is one, a value or growth its column cannot keep left in the text only), stored in order.
	 */
	void saveTargets(long plan, String paragraph) {
		int position = 0;
		for (MainTargetRules.Read t : mainTargets.read(paragraph)) {
			jdbc.sql("""
					INSERT INTO work_target (plan_id, position, text, indicator_code, target_value, target_growth)
					VALUES (:plan, :position, :text, :code, :value, :growth)""")
				.param("plan", plan)
				.param("position", ++position)
				.param("text", t.text().length() > 300 ? t.text().substring(0, 300) : t.text())
				.param("code", t.indicator() == null ? null : t.indicator().code())
				.param("value", t.value())
				.param("growth", t.growth())
				.update();
		}
	}

	/**
	 * Refuses main targets the statistics module would refuse as annual targets of the plan's year
	 * ({@link MainTargetRules#require}); a draft's head corrected ({@link PlanDrafts#updateHead}) as an import.
	 * @throws InvalidValueException 400 on {@code targets}
	 */
	void requireTargetRules(String paragraph, int year) {
		mainTargets.require(paragraph, year);
	}

	private int section(long plan, int position, String kind, String heading, List<PlanPreview.Task> tasks,
			Map<String, Long> ids, LocalDate due) {
		long section = jdbc.sql("INSERT INTO work_section (plan_id, position, kind, heading) VALUES (:plan, :position, :kind, :heading) RETURNING id")
			.param("plan", plan).param("position", position).param("kind", kind).param("heading", heading)
			.query(Long.class).single();
		for (PlanPreview.Task t : tasks) {
			boolean all = t.departments().contains(ALL);
			long task = jdbc.sql("""
					INSERT INTO work_task (plan_id, section_id, number, text, responsibility, all_departments, due_on)
					VALUES (:plan, :section, :number, :text, :responsibility, :all, :due) RETURNING id""")
				.param("plan", plan).param("section", section).param("number", t.number()).param("text", t.text())
				.param("responsibility", t.responsibility().name()).param("all", all)
				.param("due", t.dueOn() == null ? due : t.dueOn())
				.query(Long.class).single();
			int p = 0;
			for (String name : t.departments()) {
				if (!name.equals(ALL)) {
					jdbc.sql("INSERT INTO work_task_department (task_id, department_id, position) VALUES (:task, :department, :position) "
							+ "ON CONFLICT DO NOTHING")
						.param("task", task).param("department", ids.get(name)).param("position", ++p).update();
				}
			}
		}
		return tasks.size();
	}

	/** A task with its plan, for the task page (within the caller's scope). */
	public record TaskPage(long planId, long bureauId, String planTitle, boolean draft, String section, TaskLine task) {

		/**
		 * The task page as every reader in scope sees it: the plan's title, the heading and the task's text with every
		 * ID and mobile number masked ({@link Masking#personalNumbersIn}); the task's edit form reads it as recorded.
		 */
		public TaskPage masked() {
			return new TaskPage(planId, bureauId, Masking.personalNumbersIn(planTitle), draft,
					Masking.personalNumbersIn(section), task.masked());
		}
	}

	public TaskPage task(DataScope scope, long taskId) {
		long plan = jdbc.sql("SELECT t.plan_id FROM work_task t JOIN work_plan p ON p.id = t.plan_id WHERE t.id = :id AND "
				+ scope.regionPredicate("p.region_code"))
			.params(scope.params())
			.param("id", taskId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> DomainException.notFound("任务", taskId));
		Plan p = get(scope, plan);
		for (SectionLine s : p.sections()) {
			for (TaskLine t : s.tasks()) {
				if (t.id() == taskId) {
					return new TaskPage(plan, p.bureauId(), p.title(), p.draft(), s.heading(), t);
				}
			}
		}
		throw DomainException.notFound("任务", taskId);
	}

	/** Whether the caller changes the plans of this bureau: its own staff (not its leaders, not other bureaus). */
	public static boolean manages(CurrentUser me, long bureauId) {
		return me.writer() && me.bureauId() != null && me.bureauId() == bureauId;
	}

	/**
	 * Whether the caller corrects this task's text and due date. A draft's: its bureau's writing staff ({@link #manages}),
	 * the plan being prepared. An issued plan's: only those who answer for the task — the writing staff of its 牵头处室
	 * (of each 按职责分工负责 department of a shared task, of every department for a task of all departments: who is
	 * expected to report on it, {@link Supervision#DUTY}) — or the bureau's administrators (机构管理员), who keep the
	 * bureau's plans in place of the office that drafted it: a plan records no drafting office, and a 局领导's account
	 * reads only. A 配合 department, or another department of the bureau, does not rewrite another's task once issued.
	 */
	public boolean correctsTask(CurrentUser me, TaskPage task) {
		if (!manages(me, task.bureauId())) {
			return false;
		}
		if (task.draft() || me.administrator()) {
			return true;
		}
		Long department = me.departmentId();
		return department != null && jdbc.sql(Supervision.DUTY
				+ "SELECT EXISTS (SELECT 1 FROM duty WHERE task_id = :task AND department_id = :d AND expected)")
			.param("plan", task.planId()).param("task", task.task().id()).param("d", department)
			.query(Boolean.class).single();
	}

	/**
	 * Refuses the caller the correction of a task unless {@link #correctsTask}: another bureau's staff or a read-only
	 * account as every step of a plan ({@link #own}: 只能管理本局的工作计划), a department that does not answer for an issued
	 * plan's task naming who does.
	 * @throws AccessRefusedException 403
	 */
	public void requireTaskCorrector(CurrentUser me, TaskPage task) {
		if (!manages(me, task.bureauId())) {
			throw new AccessRefusedException("只能管理本局的工作计划");
		}
		if (!correctsTask(me, task)) {
			TaskLine t = task.task();
			String leads = t.allDepartments() ? "各处室" : "LEAD".equals(t.responsibility()) && !t.departments().isEmpty()
					? t.departments().get(0) : String.join("、", t.departments());
			throw new AccessRefusedException(null, Wording.of("workplans.refusal.taskDepartment", t.number(), leads),
					"已印发工作计划的第" + t.number() + "项任务只能由负责该任务的处室（" + leads
					+ "）或本局管理员修改");
		}
	}

	/** The plan, if the caller {@link #manages} its bureau. */
	public Plan own(CurrentUser me, long id) {
		Plan plan = get(me.scope(), id);
		if (!manages(me, plan.bureauId())) {
			throw new AccessRefusedException("只能管理本局的工作计划");
		}
		return plan;
	}

	/** Every plan in scope, newest year first. */
	public List<PlanSummary> list(DataScope scope) {
		return list(scope, PageQuery.of(null, 0, null, null, null).unpaged()).items();
	}

	/** One page of the plans in scope, searched by title, newest year first unless the user sorts by title. */
	public PageResult<PlanSummary> list(DataScope scope, PageQuery page) {
		return list(scope, Filter.NONE, page);
	}

	/** A plan's states: DRAFT (草稿) and ACTIVE (已印发). */
	public static final List<String> STATUSES = List.of("DRAFT", "ACTIVE");

	/**
	 * The plan list's filters, each null for all.
	 * @param year the plan's year
	 * @param status one of {@link #STATUSES}
	 */
	public record Filter(Integer year, String status) {

		/** Every plan of the scope. */
		public static final Filter NONE = new Filter(null, null);

		/**
		 * The filters as the page sends them, blank meaning all.
		 * @throws InvalidValueException (400) naming {@code status} when it is not one of {@link #STATUSES}
		 */
		public Filter {
			status = status == null || status.isBlank() ? null : status.strip();
			if (status != null && !STATUSES.contains(status)) {
				throw new InvalidValueException("status", "one-of", "状态只能是DRAFT（草稿）或ACTIVE（已印发）");
			}
		}
	}

	/**
	 * One page of the plans in scope that pass the filter (the page and its export alike): searched by title, sorted by
	 * year (default, newest first), title, status or the number of tasks, the titles' personal numbers masked.
	 * @throws InvalidValueException 400 on {@code year}, rule {@code range}, for a year no plan can be of
	 * ({@link #requirePlanYear}: the one year rule of the import, the copy and the statistics targets page — attack:
	 * {@code year=-1} and {@code 3000} listed nothing with 200)
	 */
	public PageResult<PlanSummary> list(DataScope scope, Filter filter, PageQuery page) {
		if (filter.year() != null) {
			requirePlanYear(filter.year(), LocalDate.now(clock));
		}
		return Listing.from("FROM work_plan p JOIN bureau_name b ON b.id = p.bureau_id")
			.countFrom("FROM work_plan p")
			.scope(scope, "p.region_code")
			.where(filter.year() != null, "p.year = :year", "year", filter.year())
			.where(filter.status() != null, "p.status = :status", "status", filter.status())
			.search(page, jdbc, "p.id", List.of(Masked.numbers("p.title")))
			.sorts(Map.of("year", "p.year", "title", "p.title", "status", "p.status", "tasks",
					"(SELECT count(*) FROM work_task t WHERE t.plan_id = p.id)"), "year", true, "p.id DESC")
			.page(jdbc, "SELECT p.id, p.year, p.title, b.name AS bureau_name, p.status, "
					+ "(SELECT count(*) FROM work_task t WHERE t.plan_id = p.id) AS tasks", page, Rows.of(PlanSummary.class))
			.map(PlanSummary::masked);
	}

	public Plan get(DataScope scope, long id) {
		Head head = jdbc.sql("""
				SELECT p.id, p.bureau_id, p.region_code, p.year, p.title, p.document_number, p.document_date,
				       p.overall_requirement, p.targets, p.status, b.name AS bureau_name
				FROM work_plan p JOIN bureau_name b ON b.id = p.bureau_id WHERE p.id = :id AND """ + " "
				+ scope.regionPredicate("p.region_code"))
			.params(scope.params())
			.param("id", id)
			.query(Rows.of(Head.class))
			.optional()
			.orElseThrow(() -> DomainException.notFound("工作计划", id));
		List<String> keyTasks = jdbc.sql("SELECT text FROM work_key_task WHERE plan_id = :id ORDER BY position")
			.param("id", id).query(String.class).list();
		List<MainTarget> mainTargets = jdbc.sql("""
				SELECT text, indicator_code, target_value, target_growth FROM work_target WHERE plan_id = :id ORDER BY position""")
			.param("id", id).query(Rows.of(MainTarget.class)).list();
		Map<Long, List<String>> names = new HashMap<>();
		jdbc.sql("""
				SELECT d.task_id, x.name FROM work_task_department d JOIN department_name x ON x.id = d.department_id
				JOIN work_task t ON t.id = d.task_id WHERE t.plan_id = :id ORDER BY d.task_id, d.position""")
			.param("id", id)
			.query((rs, i) -> names.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)))
			.list();
		Map<Long, SectionLine> sections = new LinkedHashMap<>();
		jdbc.sql("SELECT id, heading, kind FROM work_section WHERE plan_id = :id ORDER BY position")
			.param("id", id)
			.query((rs, i) -> sections.put(rs.getLong(1), new SectionLine(rs.getLong(1), rs.getString(2), rs.getString(3),
					new ArrayList<>())))
			.list();
		jdbc.sql("SELECT id, section_id, number, text, responsibility, all_departments, due_on, status FROM work_task "
				+ "WHERE plan_id = :id ORDER BY section_id, number, id")
			.param("id", id)
			.query((rs, i) -> sections.get(rs.getLong("section_id")).tasks().add(new TaskLine(rs.getLong("id"), rs.getInt("number"),
					rs.getString("text"), rs.getString("responsibility"), rs.getBoolean("all_departments"),
					rs.getBoolean("all_departments") ? List.of(ALL) : names.getOrDefault(rs.getLong("id"), List.of()),
					rs.getObject("due_on", LocalDate.class), rs.getString("status"))))
			.list();
		return new Plan(head.id(), head.bureauId(), head.regionCode(), head.year(), head.title(), head.documentNumber(),
				head.documentDate(), head.overallRequirement(), head.targets(), head.status(), head.bureauName(), keyTasks,
				mainTargets, new ArrayList<>(sections.values()));
	}

	/** The plan's row, for {@link #get}. */
	private record Head(long id, long bureauId, String regionCode, int year, String title, String documentNumber,
			LocalDate documentDate, String overallRequirement, String targets, String status, String bureauName) {
	}
}
