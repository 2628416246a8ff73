package org.youguan.complaints;

/**
 * The procedure's states. 待受理 → 不予受理 | 已转办 → 企业已答复 → (退回重办 → 企业已答复)* → 回访 → 办结; 撤回 by the
 * filer before closure.
 */
public enum ComplaintStatus {

	RECEIVED("待受理"), REJECTED("不予受理"), TRANSFERRED("已转办企业"), REPLIED("企业已答复"), RETURNED("退回重办"),
	CALLBACK("回访调解中"), CLOSED("办结"), WITHDRAWN("已撤回");

	private final String label;

	ComplaintStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Whether the procedure has ended. */
	public boolean finished() {
		return this == REJECTED || this == CLOSED || this == WITHDRAWN;
	}
}
