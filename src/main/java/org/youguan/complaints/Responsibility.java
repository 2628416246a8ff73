package org.youguan.complaints;

/**
 * The enterprise's finding on its responsibility; 有责 and 部分有责 make the complaint a valid one (有效申诉).
 */
public enum Responsibility {

	RESPONSIBLE("有责"), NOT_RESPONSIBLE("无责"), PARTIAL("部分有责");

	private final String label;

	Responsibility(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public boolean valid() {
		return this != NOT_RESPONSIBLE;
	}
}
