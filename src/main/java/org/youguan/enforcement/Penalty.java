package org.youguan.enforcement;

import java.math.BigDecimal;

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

	/**
	 * The kinds of a decision of this kind with its 并处 parts, as one name: 罚款; 没收违法所得并处罚款; 责令停业整顿、没收违法所得并处罚款
	 * (the public list's {@code penalty}: amounts travel apart).
	 * @param fine the fine (罚款), null or 0 when none
	 * @param confiscated the value confiscated (没收违法所得), null or 0 when none
	 */
	public String labelWith(BigDecimal fine, BigDecimal confiscated) {
		StringBuilder text = new StringBuilder(label);
		if (this != CONFISCATION && some(confiscated)) {
			text.append("、").append(CONFISCATION.label);
		}
		if (this != FINE && some(fine)) {
			text.append("并处罚款");
		}
		return text.toString();
	}

	/**
	 * The decision with every part and amount, as documents and pages state it: 罚款人民币15000元; 警告; 没收违法所得人民币9999元，
	 * 并处罚款人民币50000元; 责令停业整顿，没收违法所得人民币9999元，并处罚款人民币100000元.
	 * @param fine the fine (罚款), null or 0 when none
	 * @param confiscated the value confiscated (没收违法所得), null or 0 when none
	 */
	public String describe(BigDecimal fine, BigDecimal confiscated) {
		return describe(fine, confiscated, "");
	}

	/**
	 * As {@link #describe(BigDecimal, BigDecimal)}, with the period of a 责令停业整顿 right after it ("责令停业整顿（自…至…），
	 * 没收违法所得…，并处罚款…"), not at the end where it would read as the fine's.
	 * @param period the period as the documents write it, or "" for none
	 */
	public String describe(BigDecimal fine, BigDecimal confiscated, String period) {
		StringBuilder text = new StringBuilder();
		if (this == FINE && some(fine)) {
			text.append("罚款人民币").append(yuan(fine));
		}
		else if (this == CONFISCATION && some(confiscated)) {
			text.append(label).append("人民币").append(yuan(confiscated));
		}
		else {
			text.append(label);
			if (this == SUSPENSION && period != null) {
				text.append(period);
			}
			if (some(confiscated)) {
				text.append("，没收违法所得人民币").append(yuan(confiscated));
			}
		}
		if (this != FINE && some(fine)) {
			text.append("，并处罚款人民币").append(yuan(fine));
		}
		return text.toString();
	}

	private static boolean some(BigDecimal amount) {
		return amount != null && amount.signum() > 0;
	}

	private static String yuan(BigDecimal amount) {
		return amount.stripTrailingZeros().toPlainString() + "元";
	}

	/** Whether it carries the right to a hearing whatever the amount (art.63: 停业, 吊销许可证件). */
	public boolean givesHearingRight() {
		return this == SUSPENSION || this == REVOCATION;
	}
}
