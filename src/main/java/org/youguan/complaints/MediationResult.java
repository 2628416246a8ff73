package org.youguan.complaints;

/**
 * How the bureau's mediation (调解) between the filer and the company ended (邮政业用户申诉处理办法(2014): the bureau may
 * mediate a complaint's dispute): 调解成功 — the two agreed a remedy — or 调解不成功.
 */
public enum MediationResult {

	SUCCEEDED("调解成功"), FAILED("调解不成功");

	private final String label;

	MediationResult(String label) {
		this.label = label;
	}

	/** The result in Chinese, as pages, the history and the audit trail name it. */
	public String label() {
		return label;
	}
}
