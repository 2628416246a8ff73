package org.youguan.org;

/**
 * Bureau staff or a user of an enterprise (enterprise portal).
 */
public enum UserKind {

	STAFF("监管人员"), ENTERPRISE("企业用户");

	private final String label;

	UserKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
