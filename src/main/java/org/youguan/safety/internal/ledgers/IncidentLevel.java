package org.youguan.safety.internal.ledgers;

/** The four grades of an incident (一般、较大、重大、特别重大). */
public enum IncidentLevel {

	GENERAL("一般"), LARGER("较大"), MAJOR("重大"), GRAVE("特别重大");

	private final String label;

	IncidentLevel(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
