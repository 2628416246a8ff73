package org.youguan.enforcement;

/**
 * The kind of penalty a case proposes or decides (行政处罚法(2021) art.9), in order of severity; the stable values of
 * the import contract. A decision may not be heavier than the penalty notified (art.44–45).
 */
public enum Penalty {

	/** No penalty (不予处罚; imported cases only). */
	NONE("不予处罚", 0),
	/** 警告. */
	WARNING("警告", 1),
	/** 罚款. */
	FINE("罚款", 2),
	/** 没收违法所得、没收非法财物. */
	CONFISCATION("没收违法所得", 3),
	/** 责令停业整顿. */
	SUSPENSION("责令停业整顿", 4),
	/** 吊销快递业务经营许可证. */
	REVOCATION("吊销许可证件", 5);

	private final String label;

	private final int severity;

	Penalty(String label, int severity) {
		this.label = label;
		this.severity = severity;
	}

	/** The Chinese name shown on pages and in published decisions. */
	public String label() {
		return label;
	}

	/** Whether this penalty is heavier than {@code other}. */
	public boolean heavierThan(Penalty other) {
		return severity > other.severity;
	}

	/** Whether it carries the right to a hearing whatever the amount (art.63: 停业, 吊销许可证件). */
	public boolean givesHearingRight() {
		return this == SUSPENSION || this == REVOCATION;
	}
}
