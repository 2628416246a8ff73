package org.youguan.rules;

/**
 * An enclosing bureau reset a lower bureau's own value of a rule ({@link StatutoryRules#clearLowerOverride}); the
 * notifications module tells the lower bureau's staff (its title the bundle's {@code notification.rules.reset}).
 * @param ruleCode the rule's code, e.g. {@code complaint.redo}
 * @param ruleTitle the rule's Chinese title
 * @param regionCode the lower bureau's region, whose value was reset
 * @param byBureau the name of the bureau that reset it
 * @param key makes a redelivered event notify once
 */
public record RuleOverrideReset(String ruleCode, String ruleTitle, String regionCode, String byBureau, String key) {

	/** The rule's row on the rules page. */
	public String link() {
		return "/admin/rules#" + ruleCode;
	}
}
