package org.youguan.registry;

/**
 * Kind of enterprise.
 */
public enum EnterpriseType {

	POSTAL("邮政企业"), EXPRESS("快递企业"), OTHER("其他寄递企业");

	private final String label;

	EnterpriseType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
