package org.youguan.workplans.internal;

import java.util.List;

/**
 * What the import recognised in a notice, before anything is saved. Department names are exactly as written
 * ("各处室" stays "各处室"); {@code unknownDepartments} are those the bureau does not have; {@code unparsedLines} are
 * the lines that matched nothing, with their numbers.
 */
public record PlanPreview(String title, Integer year, String documentNumber, String documentDate,
		String overallRequirement, String targets, List<String> keyTasks, List<Section> sections,
		List<Project> livelihoodProjects, List<String> unknownDepartments, List<Unparsed> unparsedLines) {

	/** Who answers for a task: a lead department, or departments sharing it by their duties. */
	public enum Responsibility {

		LEAD, SHARED

	}

	public record Task(int number, String text, List<String> departments, Responsibility responsibility, int line) {
	}

	public record Section(String heading, List<Task> tasks) {
	}

	public record Project(String title, List<Task> items) {
	}

	public record Unparsed(int line, String text) {
	}
}
