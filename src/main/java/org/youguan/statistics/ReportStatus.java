package org.youguan.statistics;

/**
 * Where a report stands. An approved report is locked; a correction is a new revision, and the approved one it
 * replaces becomes superseded when the correction is approved.
 */
public enum ReportStatus {

	DRAFT("草稿"), SUBMITTED("已报送"), RETURNED("已退回"), APPROVED("已审核"), SUPERSEDED("已被更正");

	private final String label;

	ReportStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Whether the reporter may still change the values. */
	public boolean editable() {
		return this == DRAFT || this == RETURNED;
	}
}
