package org.youguan.complaints;

/**
 * Who may complain: the sender, the recipient, or someone they authorised.
 */
public enum FilerRole {

	SENDER("寄件人"), RECIPIENT("收件人"), AGENT("受委托人");

	private final String label;

	FilerRole(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
