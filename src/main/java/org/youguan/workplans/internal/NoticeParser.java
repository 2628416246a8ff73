package org.youguan.workplans.internal;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.youguan.kernel.Text;

/**
 * Reads the notice "关于印发20XX年工作目标任务分解方案和…民生实事分工安排的通知" line by line: the notice's title, 文号 and
 * date; the plan's overall requirement, targets and key tasks; sections "一、…" (numbering in real notices repeats and
 * skips — tolerated) with tasks "N. …（X牵头）", "（X牵头，Y配合，Z参与）", "（牵头：X；配合：Y）" or "（A、B按职责分工负责）", full- or half-width brackets, a task text
 * that itself contains brackets, a task broken over lines; then the livelihood part, whose items restart at 1. Numbers
 * may be typed in full-width digits ("１．", {@link #clean}). A line that fits nowhere is returned with its number, never
 * dropped, and named in a warning.
 * <p>
 * The parts are told apart by structure, not by their titles' wording: the plan starts at its title line (ending in
 * 方案) or at the first line of its body (总体要求, 主要目标, the key tasks or a heading 一、); the livelihood part starts at
 * a heading line of its own (one or two lines that are neither a heading nor a numbered task) after which the section
 * numbering restarts at 一、 — whatever the heading says ("…民生实事分工安排", "…更贴近民生八件实事分工安排",
 * "为民办实事项目清单").
 */
public final class NoticeParser {

	/** The roles of departments that help a lead one, not answering for the task: 配合, 参与, 协同, 协办, 协助. */
	private static final String CO_ROLES = "配合|参与|协同|协办|协助";

	private static final Pattern HEADING = Pattern.compile("^[一二三四五六七八九十百]+[、．.]\\s*(.+)$");

	private static final Pattern FIRST_HEADING = Pattern.compile("^一[、．.]\\s*(.+)$");

	private static final Pattern NUMBERED = Pattern.compile("^(\\d{1,3})\\s*[\\.．、]\\s*(.+)$");

	/** A task's closing bracket, after which only punctuation may follow; group 1 the text before, 2 its content. */
	private static final Pattern LAST_BRACKET = Pattern.compile("^(.*)[（(]([^（）()]+)[）)]\\s*[。；;，,]?\\s*$");

	/**
	 * A part of a bracket naming departments with their role after them: "综合科牵头", "A、B按职责分工负责", "B配合"
	 * (co-departments: 配合, 参与, 协同, 协办, 协助); group 1 the names, 2 the role.
	 */
	private static final Pattern ROLE_AFTER = Pattern.compile("^\\s*([^：:]+?)\\s*(牵头|按职责分工负责|分工负责|负责|" + CO_ROLES + ")\\s*$");

	/**
	 * A part of a bracket naming its role first, as a label: "牵头：办公室", "牵头单位：办公室", "配合处室：A、B",
	 * "责任处室：A"; group 1 the role, 2 the names.
	 */
	private static final Pattern ROLE_LABEL = Pattern.compile(
			"^\\s*(牵头|主办|责任|负责|" + CO_ROLES + ")(?:单位|处室|部门|科室|处|科)?\\s*[：:]\\s*([^：:]+?)\\s*$");

	/** A role word followed by 、: the end of one part of the bracket, not of one name. */
	private static final Pattern ROLE_THEN_LIST_MARK = Pattern.compile("(牵头|负责|" + CO_ROLES + ")\\s*、");

	/** What separates the names of one role: "市场监管处、普遍服务处配合". */
	private static final Pattern NAME_SEPARATOR = Pattern.compile("\\s*[、,，/／]\\s*");

	/**
	 * A part of a bracket naming a deadline: labelled ("完成时限：6月底前", "时限：年底", "完成时间：9月30日", 截止时间, 期限)
	 * or written as one ("6月底前", "9月30日前完成"); group 1 or 2 the deadline.
	 */
	private static final Pattern DEADLINE_PART = Pattern.compile(
			"^\\s*(?:(?:完成时限|完成时间|完成期限|办结时限|时限|期限|截止时间|截止日期)\\s*[：:]\\s*(.+?)|(.+?前)(?:完成|办结)?)\\s*$");

	private static final Pattern KEY_TASKS = Pattern.compile("^\\d*\\s*项?重点工作[：:]?$");

	private static final Pattern DATE = Pattern.compile("^(\\d{4})年(\\d{1,2})月(\\d{1,2})日$");

	private static final Pattern DOC_NUMBER = Pattern.compile("[\\p{IsHan}]+[〔\\[（(](\\d{4})[〕\\]）)]\\d+号");

	private static final Pattern YEAR = Pattern.compile("(\\d{4})年");

	/** The opening of a covering text or a plan's preamble, never of a title ({@link #endsTitle}). */
	private static final Pattern PREAMBLE = Pattern.compile("^(为|根据|按照|依据|现将|经.{0,12}研究)");

	private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\u3000]+");

	/** How many of the lines not recognised the warning names (the page lists them all). */
	private static final int UNPARSED_NAMED = 5;

	private enum Part {

		NOTICE, PLAN_TITLE, PLAN, KEY_TASKS, SECTIONS, LIVELIHOOD

	}

	private NoticeParser() {
	}

	/** Parses the notice; {@code knownDepartment} says which names the bureau has. */
	static PlanPreview parse(String text, Predicate<String> knownDepartment) {
		String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
		String title = null;
		StringBuilder titleBuffer = new StringBuilder();
		String documentNumber = null;
		String documentDate = null;
		String overall = null;
		String targets = null;
		List<String> keyTasks = new ArrayList<>();
		List<PlanPreview.Section> sections = new ArrayList<>();
		List<PlanPreview.Project> projects = new ArrayList<>();
		List<PlanPreview.Unparsed> unparsed = new ArrayList<>();
		Set<String> departments = new LinkedHashSet<>();
		Part part = Part.NOTICE;
		List<PlanPreview.Task> tasks = null;
		Builder open = null;
		for (int i = 0; i < lines.length; i++) {
			int lineNumber = i + 1;
			String line = clean(lines[i]);
			if (line.isEmpty()) {
				if (part == Part.NOTICE && title == null && titleBuffer.length() > 0) {
					title = titleBuffer.toString();
				}
				continue;
			}
			Matcher doc = DOC_NUMBER.matcher(line);
			if (documentNumber == null && doc.find() && line.length() < 40) {
				documentNumber = Text.documentNumber(doc.group());
				continue;
			}
			Matcher date = DATE.matcher(line);
			if (date.matches()) {
				documentDate = "%s-%02d-%02d".formatted(date.group(1), Integer.parseInt(date.group(2)), Integer.parseInt(date.group(3)));
				continue;
			}
			if (part == Part.NOTICE) {
				if (title == null) {
					if (titleBuffer.length() == 0 || !endsTitle(line)) {
						titleBuffer.append(line);
						if (!closesTitle(line)) {
							continue;
						}
						title = titleBuffer.toString();
						continue;
					}
					// no empty line after the title (paragraph spacing, not empty paragraphs): this line is the next part
					title = titleBuffer.toString();
				}
				if (!startsPlanBody(line)) {
					if (line.endsWith("方案") || line.endsWith("工作") && i + 1 < lines.length && Text.strip(lines[i + 1]).endsWith("方案")) {
						part = line.endsWith("方案") ? Part.PLAN : Part.PLAN_TITLE;
					}
					// the addressees, the covering text and the signature belong to the notice
					continue;
				}
				// a plan whose title did not end in 方案: its body starts here
				part = Part.PLAN;
			}
			if (part == Part.PLAN_TITLE) {
				part = Part.PLAN;
				continue;
			}
			if (line.startsWith("总体工作要求") || line.startsWith("总体要求")) {
				overall = afterColon(line);
				continue;
			}
			if (line.startsWith("主要工作目标") || line.startsWith("主要目标")) {
				targets = afterColon(line);
				continue;
			}
			if (KEY_TASKS.matcher(line).matches()) {
				part = Part.KEY_TASKS;
				continue;
			}
			int headingLines = part == Part.SECTIONS ? partHeading(lines, i, open) : 0;
			if (headingLines > 0) {
				// the livelihood part's own heading: numbering restarts at 一、 below it
				open = finish(open, tasks, departments);
				part = Part.LIVELIHOOD;
				i += headingLines - 1;
				continue;
			}
			Matcher heading = HEADING.matcher(line);
			if (heading.matches()) {
				open = finish(open, tasks, departments);
				tasks = new ArrayList<>();
				if (part == Part.LIVELIHOOD) {
					projects.add(new PlanPreview.Project(Text.strip(heading.group(1)), tasks));
				}
				else {
					part = Part.SECTIONS;
					sections.add(new PlanPreview.Section(Text.strip(heading.group(1)), tasks));
				}
				continue;
			}
			Matcher numbered = NUMBERED.matcher(line);
			if (part == Part.KEY_TASKS && numbered.matches()) {
				keyTasks.add(trimEnd(numbered.group(2)));
				continue;
			}
			if (numbered.matches() && tasks != null) {
				open = finish(open, tasks, departments);
				open = new Builder(Integer.parseInt(numbered.group(1)), numbered.group(2), lineNumber);
				if (open.complete()) {
					open = finish(open, tasks, departments);
				}
				continue;
			}
			if (open != null && !open.complete()) {
				// a task broken over lines
				open.append(line);
				if (open.complete()) {
					open = finish(open, tasks, departments);
				}
				continue;
			}
			unparsed.add(new PlanPreview.Unparsed(lineNumber, line));
		}
		open = finish(open, tasks, departments);
		if (title == null) {
			title = titleBuffer.toString();
		}
		// a year typed in full-width digits (２０２６年) is that year, as the draft's title check reads it
		Matcher y = YEAR.matcher(Normalizer.normalize(title, Normalizer.Form.NFKC));
		Integer year = y.find() ? Integer.valueOf(y.group(1)) : null;
		List<String> unknown = departments.stream().filter(d -> !d.equals("各处室") && !knownDepartment.test(d)).toList();
		List<String> warnings = new ArrayList<>();
		List<PlanPreview.Section> dated = sections.stream()
			.map(s -> new PlanPreview.Section(s.heading(), deadlines(s.heading(), s.tasks(), year, warnings)))
			.toList();
		List<PlanPreview.Project> datedProjects = projects.stream()
			.map(p -> new PlanPreview.Project(p.title(), deadlines(p.title(), p.items(), year, warnings)))
			.toList();
		if (!unparsed.isEmpty()) {
			// listed apart on the page; named here too, so a reader of the warnings alone (the API) sees them
			warnings.add(unparsed.size() + "行未能识别为部分标题“一、……”或编号任务“1. ……（××处牵头）”，不会导入："
					+ String.join("、", unparsed.stream().limit(UNPARSED_NAMED)
						.map(u -> "第" + u.line() + "行“" + Text.excerpt(u.text(), 20) + "”").toList())
					+ (unparsed.size() > UNPARSED_NAMED ? "等" : "") + "，请核对原文");
		}
		return new PlanPreview(title, year, documentNumber, documentDate, overall, targets, keyTasks, dated, datedProjects,
				unknown, unparsed, warnings);
	}

	/**
	 * The tasks with the deadline each one's text gives ({@link TaskDeadlines}): a 完成时限 bracket taken out of the
	 * text, a closing "…前完成" phrase left in it; a deadline that names no date of the plan's year or the next is
	 * named in {@code warnings} (the task is then due at the year's end, as one without a deadline); so is a number
	 * given twice in the part (a task typed twice, or one missing its own number — both imported as written).
	 */
	private static List<PlanPreview.Task> deadlines(String part, List<PlanPreview.Task> tasks, Integer year,
			List<String> warnings) {
		List<PlanPreview.Task> dated = new ArrayList<>();
		Map<Integer, Integer> firstLine = new HashMap<>();
		for (PlanPreview.Task t : tasks) {
			Integer earlier = firstLine.putIfAbsent(t.number(), t.line());
			if (earlier != null) {
				warnings.add("“" + part + "”第" + t.number() + "项编号重复（第" + earlier + "行、第" + t.line()
						+ "行）：请核对原文是否重复或漏编了任务");
			}
			var written = TaskDeadlines.in(t.text());
			if (written.isEmpty()) {
				dated.add(t);
				continue;
			}
			String due = written.get().deadline();
			Optional<LocalDate> on = year == null ? Optional.empty() : TaskDeadlines.resolve(due, year);
			if (on.isEmpty() && year != null) {
				warnings.add("“" + part + "”第" + t.number() + "项的完成时限“" + due + "”未能识别为" + year + "年或"
						+ (year + 1) + "年的日期，按年底计，请导入后在任务页核对");
			}
			dated.add(new PlanPreview.Task(t.number(), written.get().text(), t.departments(), t.responsibility(), t.line(),
					due, on.orElse(null)));
		}
		return dated;
	}

	/**
	 * Whether a line cannot be part of the notice's title, so the title ends before it even without an empty line
	 * between them (documents are typeset with paragraph spacing, not empty paragraphs): the addressees or any line
	 * ending in a colon (机关各处室：), the opening of the covering text or of a plan's preamble (为…, 根据…, 按照…, 经…研究,
	 * 现将…), the plan's body ({@link #startsPlanBody}), a section heading 一、… or a numbered task.
	 */
	private static boolean endsTitle(String line) {
		return line.endsWith("：") || line.endsWith(":") || PREAMBLE.matcher(line).find() || startsPlanBody(line)
				|| HEADING.matcher(line).matches() || NUMBERED.matcher(line).matches();
	}

	/**
	 * Whether a title line is the title's last: a notice's title ends with 通知 (关于印发…的通知), whatever follows it.
	 */
	private static boolean closesTitle(String line) {
		return line.endsWith("通知");
	}

	/** Whether a line can only belong to the plan's body: the overall requirement, the targets, key tasks or 一、. */
	private static boolean startsPlanBody(String line) {
		return line.startsWith("总体工作要求") || line.startsWith("总体要求") || line.startsWith("主要工作目标")
				|| line.startsWith("主要目标") || KEY_TASKS.matcher(line).matches() || restartsNumbering(line);
	}

	/** A heading numbered 一 (the first section of a part). */
	private static boolean restartsNumbering(String line) {
		return FIRST_HEADING.matcher(line).matches();
	}

	/**
	 * How many lines from {@code at} form the heading of a new part — one or two lines that are neither headings nor
	 * numbered tasks, followed by a heading 一、 — or 0. A line that completes a task broken over lines stays the task's.
	 */
	private static int partHeading(String[] lines, int at, Builder open) {
		List<Integer> heading = new ArrayList<>();
		for (int j = at; j < lines.length && heading.size() <= 2; j++) {
			String line = clean(lines[j]);
			if (line.isEmpty()) {
				continue;
			}
			if (restartsNumbering(line)) {
				break;
			}
			if (HEADING.matcher(line).matches() || NUMBERED.matcher(line).matches()
					|| assignment(line) != null) {
				return 0;
			}
			heading.add(j);
		}
		if (heading.isEmpty() || heading.size() > 2 || !nextIsFirstHeading(lines, heading.get(heading.size() - 1))) {
			return 0;
		}
		if (open != null && !open.complete() && assignment(open.text + clean(lines[at])) != null) {
			return 0;
		}
		return heading.get(heading.size() - 1) - at + 1;
	}

	private static boolean nextIsFirstHeading(String[] lines, int after) {
		for (int j = after + 1; j < lines.length; j++) {
			String line = clean(lines[j]);
			if (!line.isEmpty()) {
				return restartsNumbering(line);
			}
		}
		return false;
	}

	/**
	 * A line as the parser reads it: full-width digits (０–９, as an input method or a Word document types them) as the
	 * ASCII digits they show, so "１．", "（２）", "２０２６年６月３０日" and "５项重点工作" read as their half-width forms; tabs,
	 * ideographic and no-break spaces, and runs of them, as one space; the invisible format characters a copied text
	 * carries (zero-width space and joiners, word joiner, byte order mark, soft hyphen — Unicode category Cf) dropped, so
	 * a task's text holds nothing its reader cannot see; no white space at either end.
	 */
	static String clean(String raw) {
		StringBuilder line = new StringBuilder(raw.length());
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (Character.getType(c) != Character.FORMAT) {
				line.append(c);
			}
		}
		return Text.strip(SPACES.matcher(Text.halfWidthDigits(line.toString())).replaceAll(" "));
	}

	/** A task being read: complete once its department bracket has been seen. */
	private static final class Builder {

		final int number;

		final int line;

		final StringBuilder text;

		Builder(int number, String text, int line) {
			this.number = number;
			this.text = new StringBuilder(Text.strip(text));
			this.line = line;
		}

		void append(String more) {
			text.append(Text.strip(more));
		}

		boolean complete() {
			return assignment(text.toString()) != null;
		}
	}

	/** Adds the open task (with or without departments) to the list; returns null. */
	private static Builder finish(Builder open, List<PlanPreview.Task> tasks, Set<String> departments) {
		if (open == null || tasks == null) {
			return null;
		}
		Assignment assigned = assignment(open.text.toString());
		if (assigned != null) {
			departments.addAll(assigned.names());
			tasks.add(new PlanPreview.Task(open.number, assigned.before(), assigned.names(), assigned.responsibility(),
					open.line));
		}
		else {
			tasks.add(new PlanPreview.Task(open.number, open.text.toString(), List.of(), PlanPreview.Responsibility.SHARED,
					open.line));
		}
		return null;
	}

	/**
	 * A task's text with a closing bracket that names both its departments and its deadline written as two brackets,
	 * the deadline's first: "开展检查（综合科牵头，完成时限：6月底前）" → "开展检查（完成时限：6月底前）（综合科牵头）", so the
	 * departments are read ({@link #assignment}) and the deadline too ({@link TaskDeadlines#BRACKET}); the parts are
	 * separated by ，,；; in either order, the departments' in the order written. A
	 * bracket whose parts are not all departments or deadlines, or that has no department part, is left as written
	 * (the task then has no responsible department, and the preview warns).
	 */
	static String separated(String text) {
		Matcher last = LAST_BRACKET.matcher(text);
		if (!last.matches()) {
			return text;
		}
		List<String> departmentParts = new ArrayList<>();
		String deadline = deadlineAndDepartments(last.group(2), departmentParts);
		if (deadline == null) {
			return text;
		}
		String before = Text.strip(last.group(1));
		if (departmentParts.isEmpty()) {
			// "（综合科牵头）（完成时限：6月底前）": the deadline's bracket after the departments' goes before it
			Matcher previous = LAST_BRACKET.matcher(before);
			if (!previous.matches() || deadlineAndDepartments(previous.group(2), departmentParts) != null
					|| departmentParts.isEmpty()) {
				return text;
			}
			before = Text.strip(previous.group(1));
		}
		return before + "（完成时限：" + deadline + "）（" + String.join("，", departmentParts) + "）";
	}

	/**
	 * Reads a bracket's parts (separated by ，,；;) into its department parts, added to {@code departmentParts}, and
	 * its deadline.
	 * @return the deadline as written, or null when the bracket names none, names two, or has a part that is neither
	 */
	private static String deadlineAndDepartments(String bracket, List<String> departmentParts) {
		String deadline = null;
		Roles roles = new Roles();
		for (String part : parts(bracket)) {
			Matcher due = DEADLINE_PART.matcher(part);
			if (roles.namesARole(part) && roles.read(part)) {
				departmentParts.add(Text.strip(part));
			}
			else if (deadline == null && due.matches()) {
				deadline = Text.strip(due.group(1) != null ? due.group(1) : due.group(2));
			}
			else if (deadline == null && part.length() <= 16 && TaskDeadlines.namesADeadline(part)) {
				// a deadline written bare: "年底", "长期", "三季度"
				deadline = Text.strip(part);
			}
			else if (roles.read(part)) {
				// more names of a labelled role: "配合：市场监管处，普遍服务处"
				departmentParts.add(Text.strip(part));
			}
			else {
				return null;
			}
		}
		return deadline;
	}

	/**
	 * A bracket's parts, separated by ，,；; — and by 、 after a role ("A牵头、B配合" is two parts, as the department
	 * bracket always read it).
	 */
	private static String[] parts(String bracket) {
		return ROLE_THEN_LIST_MARK.matcher(bracket).replaceAll("$1，").split("\\s*[，,；;]\\s*");
	}

	/**
	 * The departments a task's closing bracket names, and the task's text before it: those answering for the task
	 * (牵头, 负责, 按职责分工负责) first, then those helping (配合, 参与, 协同, 协办, 协助), each in the order written —
	 * "（A牵头，B配合，C参与）", "（办公室牵头，市场监管处、普遍服务处配合）", "（B配合，A牵头）", "（牵头：办公室；配合：A、B）",
	 * "（牵头单位：办公室，配合单位：A，B）"; a deadline in the same bracket is read as {@link #separated} says. A role word
	 * is never part of a name ("B配合" was read as a department called so).
	 * @param text a task's text, its department bracket last
	 * @return the task's departments, or null when its last bracket names none, names only helping ones, or has a part
	 * that is neither departments nor a deadline
	 */
	static Assignment assignment(String text) {
		Matcher last = LAST_BRACKET.matcher(separated(text));
		if (!last.matches()) {
			return null;
		}
		Roles roles = new Roles();
		for (String part : parts(last.group(2))) {
			if (!roles.read(part)) {
				return null;
			}
		}
		if (roles.answering.isEmpty()) {
			return null;
		}
		List<String> names = new ArrayList<>(roles.answering);
		roles.helping.stream().filter(n -> !names.contains(n)).forEach(names::add);
		return new Assignment(Text.strip(last.group(1)), List.copyOf(names),
				roles.led ? PlanPreview.Responsibility.LEAD : PlanPreview.Responsibility.SHARED);
	}

	/**
	 * A task's departments as its bracket names them.
	 * @param before the task's text before the bracket
	 * @param names the departments, those answering for the task first
	 * @param responsibility LEAD when one leads (牵头: the first name), SHARED when they answer alike (负责)
	 */
	record Assignment(String before, List<String> names, PlanPreview.Responsibility responsibility) {
	}

	/** The departments of one bracket read part by part, by their roles. */
	private static final class Roles {

		final List<String> answering = new ArrayList<>();

		final List<String> helping = new ArrayList<>();

		boolean led;

		/** The names a labelled part ("配合：A") was adding to: a following part of bare names ("B") adds to them. */
		List<String> labelled;

		/** Whether the part names departments and their role, without reading it. */
		boolean namesARole(String part) {
			return ROLE_LABEL.matcher(part).matches() || ROLE_AFTER.matcher(part).matches();
		}

		/** Reads one part of the bracket; false when it is no department part. */
		boolean read(String part) {
			Matcher label = ROLE_LABEL.matcher(part);
			if (label.matches()) {
				labelled = names(label.group(1));
				return add(label.group(2), labelled);
			}
			Matcher after = ROLE_AFTER.matcher(part);
			if (after.matches()) {
				labelled = null;
				return add(after.group(1), names(after.group(2)));
			}
			return labelled != null && !part.contains("：") && !part.contains(":") && add(part, labelled);
		}

		private List<String> names(String role) {
			if (role.matches(CO_ROLES)) {
				return helping;
			}
			led |= role.equals("牵头") || role.equals("主办");
			return answering;
		}

		private static boolean add(String names, List<String> into) {
			List<String> read = NAME_SEPARATOR.splitAsStream(names).map(Text::strip).filter(n -> !n.isEmpty()).toList();
			into.addAll(read);
			return !read.isEmpty();
		}
	}

	private static String afterColon(String line) {
		int colon = Math.max(line.indexOf('：'), line.indexOf(':'));
		return colon < 0 ? line : Text.strip(line.substring(colon + 1));
	}

	private static String trimEnd(String text) {
		return Text.strip(text).replaceAll("[；;。，,]+$", "");
	}
}
