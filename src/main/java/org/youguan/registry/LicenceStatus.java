package org.youguan.registry;

/**
 * Status of a licence as shown: derived from its dates and from what happened to it.
 */
public enum LicenceStatus {

	VALID("有效"), EXPIRED("已过期"), CANCELLED("已注销"), REVOKED("已吊销");

	private final String label;

	LicenceStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
