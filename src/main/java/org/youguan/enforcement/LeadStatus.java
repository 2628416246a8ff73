package org.youguan.enforcement;

/**
 * Where a lead stands: waiting to be assessed, proposed for 立案 (awaiting the bureau head), filed as a case, or closed
 * with a reason.
 */
public enum LeadStatus {

	OPEN("待核查"), PROPOSED("待批准立案"), FILED("已立案"), CLOSED("不予立案");

	private final String label;

	LeadStatus(String label) {
		this.label = label;
	}

	/** The Chinese name shown on pages. */
	public String label() {
		return label;
	}
}
