package org.youguan.registry;

/**
 * Business status of an enterprise.
 */
public enum EnterpriseStatus {

	NORMAL("正常"), SUSPENDED("停业"), CANCELLED("注销");

	private final String label;

	EnterpriseStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
