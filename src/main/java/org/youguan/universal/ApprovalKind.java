package org.youguan.universal;

import java.util.Arrays;
import org.youguan.kernel.Text;

/** What a post-office approval asks for (邮政法(2015) art.9): 撤销 (closing) or 搬迁 (moving) the post office. */
public enum ApprovalKind {

	CLOSURE("撤销"), RELOCATION("搬迁");

	private final String label;

	ApprovalKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** The kind from its code or Chinese label; null when it is neither. */
	public static ApprovalKind parse(String text) {
		if (text == null || Text.isBlank(text)) {
			return null;
		}
		String t = Text.strip(text);
		return Arrays.stream(values()).filter(k -> k.name().equalsIgnoreCase(t) || k.label.equals(t)).findFirst().orElse(null);
	}
}
