package org.youguan.enforcement;

import java.math.BigDecimal;
import java.util.function.Function;

import org.youguan.kernel.ChineseText;

/**
 * The kind of penalty a case proposes or decides (行政处罚法(2021) art.9), in order of severity; the stable values of
 * the import contract. A decision may not be heavier than the penalty notified (art.44–45).
 */
public enum Penalty {

	/**
	 * No penalty (imported cases only), named as the law names the decision: 不予行政处罚 (行政处罚法(2021) art.33, 57(二)
	 * — the 不予行政处罚决定书), in the 处罚种类 of an export and wherever a decision's kind is stated.
	 */
	NONE("不予行政处罚", 0),
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
		return describe(fine, confiscated, period, Penalty::yuan);
	}

	/**
	 * As {@link #describe(BigDecimal, BigDecimal, String)}, every amount as a document states it, in figures and in
	 * capitals ({@link ChineseText#yuanStated}): 罚款人民币80000元（大写：捌万元整）; 责令停业整顿30日（…），并处罚款人民币
	 * 2500.50元（大写：贰仟伍佰元伍角）.
	 */
	public String stated(BigDecimal fine, BigDecimal confiscated, String period) {
		return describe(fine, confiscated, period, amount -> ChineseText.yuanStated(amount).substring("人民币".length()));
	}

	private String describe(BigDecimal fine, BigDecimal confiscated, String period, Function<BigDecimal, String> yuan) {
		StringBuilder text = new StringBuilder();
		if (this == FINE && some(fine)) {
			text.append("罚款人民币").append(yuan.apply(fine));
		}
		else if (this == CONFISCATION && some(confiscated)) {
			text.append(label).append("人民币").append(yuan.apply(confiscated));
		}
		else {
			text.append(label);
			if (this == SUSPENSION && period != null) {
				text.append(period);
			}
			if (some(confiscated)) {
				text.append("，没收违法所得人民币").append(yuan.apply(confiscated));
			}
		}
		if (this != FINE && some(fine)) {
			text.append("，并处罚款人民币").append(yuan.apply(fine));
		}
		return text.toString();
	}

	/**
	 * The length of a 责令停业整顿 as the 事先告知书 and the 决定书 state it — both printed before delivery, so as calendar
	 * days counted from the day after the decision is delivered: "30日（自行政处罚决定书送达之日的次日起计算）"; empty for null.
	 * @param days calendar days, or null
	 */
	public static String suspensionDays(Integer days) {
		return days == null ? "" : days + "日（自行政处罚决定书送达之日的次日起计算）";
	}

	private static boolean some(BigDecimal amount) {
		return amount != null && amount.signum() > 0;
	}

	/** An amount in figures, with both decimals where it has 角 or 分 (2500.50元, 80000元: {@link ChineseText#yuan}). */
	private static String yuan(BigDecimal amount) {
		return ChineseText.yuan(amount);
	}

	/** Whether it carries the right to a hearing whatever the amount (art.63: 停业, 吊销许可证件). */
	public boolean givesHearingRight() {
		return this == SUSPENSION || this == REVOCATION;
	}
}
