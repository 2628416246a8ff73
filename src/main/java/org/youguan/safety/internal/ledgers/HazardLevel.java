package org.youguan.safety.internal.ledgers;

import org.youguan.rules.StatutoryRule;

/**
 * The level of a 隐患: 一般隐患 or 重大隐患, each with the catalogue rule that gives its rectification period when no date
 * is set (both unconfirmed local practice, set by each bureau: the postal law has no uniform period).
 */
public enum HazardLevel {

	GENERAL("一般隐患", StatutoryRule.SAFETY_HAZARD_GENERAL_RECTIFICATION),

	MAJOR("重大隐患", StatutoryRule.SAFETY_HAZARD_MAJOR_RECTIFICATION);

	private final String label;

	private final StatutoryRule rectification;

	HazardLevel(String label, StatutoryRule rectification) {
		this.label = label;
		this.rectification = rectification;
	}

	public String label() {
		return label;
	}

	/** The rule giving the rectification period of a hazard of this level. */
	public StatutoryRule rectification() {
		return rectification;
	}
}
