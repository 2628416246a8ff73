package org.youguan.workplans.internal;

import java.time.LocalDate;

/**
 * A task of a work plan as its status rule sees it, the one place its status changes: 100 % from the department(s)
 * whose report counts makes it 已完成; past its due date unfinished, or without a counting report this month after the
 * report day, it is 滞后; otherwise 推进中 once anyone counting has reported, else 未启动.
 */
public final class WorkTask {

	private final long id;

	private final LocalDate dueOn;

	private TaskStatus status;

	public WorkTask(long id, LocalDate dueOn, TaskStatus status) {
		this.id = id;
		this.dueOn = dueOn;
		this.status = status;
	}

	public long id() {
		return id;
	}

	public TaskStatus status() {
		return status;
	}

	/**
	 * Decides the status from the newest counting report's percentage ({@code latest}, null without one), whether a
	 * counting report came in this month, today and the month's report day; returns whether it changed.
	 */
	public boolean reassess(Integer latest, boolean reportedThisMonth, LocalDate today, int reportDay) {
		TaskStatus before = status;
		if (latest != null && latest == 100) {
			status = TaskStatus.DONE;
		}
		else if (today.isAfter(dueOn) || today.getDayOfMonth() > reportDay && !reportedThisMonth) {
			status = TaskStatus.LAGGING;
		}
		else {
			status = latest == null ? TaskStatus.NOT_STARTED : TaskStatus.IN_PROGRESS;
		}
		return status != before;
	}
}
