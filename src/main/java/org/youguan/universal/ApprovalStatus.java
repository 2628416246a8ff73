package org.youguan.universal;

/**
 * Where a post-office closure/relocation approval stands: applied for, site checked and consulted, approved or refused,
 * and (approved ones) announced to the public (邮政法(2015) art.9).
 */
public enum ApprovalStatus {

	SUBMITTED("待现场核查", true), CHECKED("待决定", true), APPROVED("已批准待公告", false), REFUSED("不予批准", false),
	ANNOUNCED("已公告", false);

	private final String label;

	private final boolean open;

	ApprovalStatus(String label, boolean open) {
		this.label = label;
		this.open = open;
	}

	public String label() {
		return label;
	}

	/** Whether the decision is still to be taken (the decision clock runs). */
	public boolean open() {
		return open;
	}
}
