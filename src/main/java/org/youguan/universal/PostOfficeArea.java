package org.youguan.universal;

import java.util.Arrays;

import org.youguan.kernel.Text;
import org.youguan.rules.StatutoryRule;

/**
 * Where a 邮政普遍服务营业场所 lies, which sets the fewest opening days a week it must keep (邮政法(2015) art.19 and the
 * 邮政普遍服务 standard: 城市 ≥ 6 days, 乡、镇人民政府所在地 ≥ 5 days; DOMAIN.md "Universal service"), each with its
 * catalogue rule so a province may set its own value with its source.
 */
public enum PostOfficeArea {

	CITY("城市", StatutoryRule.UNIVERSAL_OPENING_CITY), TOWNSHIP("乡镇人民政府所在地", StatutoryRule.UNIVERSAL_OPENING_TOWNSHIP);

	private final String label;

	private final StatutoryRule rule;

	PostOfficeArea(String label, StatutoryRule rule) {
		this.label = label;
		this.rule = rule;
	}

	public String label() {
		return label;
	}

	/** The catalogue rule holding the fewest opening days a week. */
	public StatutoryRule rule() {
		return rule;
	}

	/** The area from its code or Chinese label (城市, 乡镇 or 乡镇人民政府所在地); null when it is neither. */
	public static PostOfficeArea parse(String text) {
		if (text == null || Text.isBlank(text)) {
			return null;
		}
		String t = Text.strip(text);
		if (t.equals("乡镇")) {
			return TOWNSHIP;
		}
		return Arrays.stream(values()).filter(a -> a.name().equalsIgnoreCase(t) || a.label.equals(t)).findFirst().orElse(null);
	}
}
