package org.youguan.safety.internal.ledgers;

/** How a 隐患 came to light: the bureau's 监督检查, the enterprise's own 企业自查, or a 举报 (report from outside). */
public enum HazardSource {

	INSPECTION("监督检查"), SELF_CHECK("企业自查"), REPORT("举报");

	private final String label;

	HazardSource(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
