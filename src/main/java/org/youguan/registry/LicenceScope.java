package org.youguan.registry;

/**
 * Business scope of an express licence (快递业务经营许可).
 */
public enum LicenceScope {

	CITY("同城"), PROVINCE("省内"), INTER_PROVINCE("跨省"), INTERNATIONAL("国际");

	private final String label;

	LicenceScope(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
