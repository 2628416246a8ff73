package org.youguan.safety.internal.ledgers;

/** 生产安全事故 or 突发事件. */
public enum IncidentKind {

	ACCIDENT("生产安全事故"), EMERGENCY("突发事件");

	private final String label;

	IncidentKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
