package org.youguan.workplans.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the import recognised in a notice, before anything is saved. Department names are exactly as written
 * ("各处室" stays "各处室"); {@code unknownDepartments} are those the bureau does not have; {@code unparsedLines} are
 * the lines that matched nothing, with their numbers; {@code warnings} say what else the reader should check (a table
 * or numbering of a Word file that could not be read as tasks, a part without tasks, a notice imported before).
 */
public record PlanPreview(String title, Integer year, String documentNumber, String documentDate,
		String overallRequirement, String targets, List<String> keyTasks, List<Section> sections,
		List<Project> livelihoodProjects, List<String> unknownDepartments, List<Unparsed> unparsedLines,
		List<String> warnings) {

	/** The same preview with {@code more} warnings after its own. */
	public PlanPreview warn(List<String> more) {
		return withWarnings(warnings, more);
	}

	/** The same preview with {@code first} warnings before its own. */
	public PlanPreview warnFirst(List<String> first) {
		return withWarnings(first, warnings);
	}

	private PlanPreview withWarnings(List<String> first, List<String> then) {
		List<String> all = new ArrayList<>(first);
		all.addAll(then);
		return new PlanPreview(title, year, documentNumber, documentDate, overallRequirement, targets, keyTasks, sections,
				livelihoodProjects, unknownDepartments, unparsedLines, List.copyOf(all));
	}

	/** How many tasks and livelihood items were recognised. */
	public int taskCount() {
		return sections.stream().mapToInt(s -> s.tasks().size()).sum()
				+ livelihoodProjects.stream().mapToInt(p -> p.items().size()).sum();
	}

	/** Who answers for a task: a lead department, or departments sharing it by their duties. */
	public enum Responsibility {

		LEAD, SHARED

	}

	/**
	 * A task or livelihood item as recognised.
	 * @param due its 完成时限 as the notice writes it, or null when it gives none
	 * @param dueOn the date {@code due} names ({@link TaskDeadlines}), or null — the plan's year end then
	 */
	public record Task(int number, String text, List<String> departments, Responsibility responsibility, int line,
			String due, LocalDate dueOn) {

		Task(int number, String text, List<String> departments, Responsibility responsibility, int line) {
			this(number, text, departments, responsibility, line, null, null);
		}
	}

	public record Section(String heading, List<Task> tasks) {
	}

	public record Project(String title, List<Task> items) {
	}

	public record Unparsed(int line, String text) {
	}
}
