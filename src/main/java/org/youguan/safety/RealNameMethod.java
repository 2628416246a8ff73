package org.youguan.safety;


import org.youguan.kernel.Text;
/**
 * How the sender's identity was checked when the parcel was accepted (实名查验方式, 邮件快件实名收寄管理办法): on site
 * against the ID document, online through an identity-verification service, or not at all because the sender is a
 * filed agreement customer (协议客户, exempt by 管理办法: its identity is on file with the contract) — and {@link #NONE}
 * for a parcel accepted without a real-name check, which the enterprise must still report honestly: it counts as a
 * parcel subject to real-name that was not real-name (the rate's numerator misses it).
 */
public enum RealNameMethod {

	ON_SITE("现场查验"), ONLINE("线上核验"), AGREEMENT_CUSTOMER("协议客户"), NONE("未实名");

	private final String label;

	RealNameMethod(String label) {
		this.label = label;
	}

	/** The Chinese name, which is also the value of the {@code realNameMethod} field of the ingestion contract. */
	public String label() {
		return label;
	}

	/** Whether the method claims a checked identity, so an ID type and number (or pseudonym) must come with it. */
	public boolean checksIdentity() {
		return this == ON_SITE || this == ONLINE;
	}

	/** The method by its Chinese name or its code (case-insensitive), or null when the text names none. */
	public static RealNameMethod parse(String text) {
		if (text == null) {
			return null;
		}
		String t = Text.strip(text);
		for (RealNameMethod m : values()) {
			if (m.label.equals(t) || m.name().equalsIgnoreCase(t)) {
				return m;
			}
		}
		return null;
	}
}
