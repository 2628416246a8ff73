package org.youguan.universal;

import org.youguan.rules.StatutoryRule;

/**
 * The area types the delivery-frequency standard distinguishes (邮政法(2015) art.19): cities, 乡、镇人民政府所在地 and
 * 建制村, each with its catalogue rule (a province sets its own value with the rule's source on the rules page).
 */
public enum AreaType {

	CITY("城市", StatutoryRule.UNIVERSAL_DELIVERY_CITY), TOWNSHIP("乡镇人民政府所在地", StatutoryRule.UNIVERSAL_DELIVERY_TOWNSHIP),
	VILLAGE("建制村", StatutoryRule.UNIVERSAL_DELIVERY_VILLAGE);

	private final String label;

	private final StatutoryRule rule;

	AreaType(String label, StatutoryRule rule) {
		this.label = label;
		this.rule = rule;
	}

	public String label() {
		return label;
	}

	/** The catalogue rule holding the minimum deliveries per week. */
	public StatutoryRule rule() {
		return rule;
	}
}
