package org.youguan.enforcement;

/**
 * Periods that do not count towards the decision limit (邮政行政执法监督办法(2021) art.17).
 */
public enum SuspensionKind {

	SUSPENSION("案件中止"), HEARING("听证"), PUBLIC_NOTICE("公告"), TESTING("检测、检验"), APPRAISAL("鉴定");

	private final String label;

	SuspensionKind(String label) {
		this.label = label;
	}

	/** The Chinese name shown on pages. */
	public String label() {
		return label;
	}
}
