package org.youguan.filing.internal;

/**
 * What a filing asks for.
 */
public enum FilingKind {

	NEW("新设备案"), CHANGE("变更备案"), CLOSURE("撤销备案");

	private final String label;

	FilingKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
