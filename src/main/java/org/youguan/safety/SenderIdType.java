package org.youguan.safety;

import org.youguan.kernel.Choice;
import org.youguan.kernel.Text;

/**
 * The sender's identity document (快递暂行条例(2025) art.23; 邮件快件实名收寄管理办法): the personal documents DOMAIN.md
 * lists, or the 统一社会信用代码 when the sender is a company.
 */
public enum SenderIdType {

	RESIDENT_ID("居民身份证"), TEMPORARY_ID("临时居民身份证"), MILITARY_ID("军人、武警身份证件"),
	HK_MO_TW_RESIDENCE("港澳台居民居住证"), HK_MO_TW_PERMIT("往来港澳台通行证"), FOREIGN_PASSPORT("外国人护照"),
	CREDIT_CODE("统一社会信用代码");

	private final String label;

	SenderIdType(String label) {
		this.label = label;
	}

	/** The Chinese name, which is also the value of the {@code senderIdType} field of the ingestion contract. */
	public String label() {
		return label;
	}

	/**
	 * The accepted values as a refusal lists them: each Chinese name (the contract's value) with its code in brackets,
	 * which the field takes too — 居民身份证（RESIDENT_ID）、临时居民身份证（TEMPORARY_ID）、… (kernel {@code Choice.listed}).
	 */
	public static String accepted() {
		return Choice.listed(SenderIdType.class);
	}

	/**
	 * Whether numbers of this type are 18-character resident ID numbers checked by GB 11643-1999 (居民身份证, 临时居民身份证,
	 * 港澳台居民居住证 — the residence permit carries a number of the same form).
	 */
	public boolean residentIdFormat() {
		return this == RESIDENT_ID || this == TEMPORARY_ID || this == HK_MO_TW_RESIDENCE;
	}

	/**
	 * The type by its Chinese name or its code (case-insensitive), or null when the text names none; common short forms
	 * (身份证, 临时身份证, 护照, 通行证, 居住证) are understood.
	 */
	public static SenderIdType parse(String text) {
		if (text == null) {
			return null;
		}
		String t = Text.strip(text);
		for (SenderIdType type : values()) {
			if (type.label.equals(t) || type.name().equalsIgnoreCase(t)) {
				return type;
			}
		}
		return switch (t) {
			case "身份证" -> RESIDENT_ID;
			case "临时身份证" -> TEMPORARY_ID;
			case "军官证", "士兵证", "武警证", "军人身份证件" -> MILITARY_ID;
			case "居住证" -> HK_MO_TW_RESIDENCE;
			case "通行证", "往来港澳通行证", "往来台湾通行证", "港澳通行证", "台湾通行证" -> HK_MO_TW_PERMIT;
			case "护照" -> FOREIGN_PASSPORT;
			case "信用代码" -> CREDIT_CODE;
			default -> null;
		};
	}
}
