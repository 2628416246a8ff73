package org.youguan.workplans.internal;

/** Where a task of a work plan stands: 未启动, 推进中, 已完成, 滞后 (the column work_task.status). */
public enum TaskStatus {

	NOT_STARTED("未启动"), IN_PROGRESS("推进中"), DONE("已完成"), LAGGING("滞后");

	private final String label;

	TaskStatus(String label) {
		this.label = label;
	}

	/** The Chinese name the pages and documents show. */
	public String label() {
		return label;
	}
}
