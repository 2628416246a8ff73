package org.youguan.registry;

import java.time.LocalDate;

/**
 * One enterprise holds one express licence in force (快递业务经营许可管理办法): what changes is changed on it (变更), its
 * validity extended (延续) — never a second licence beside it. The words both the registry and licensing refuse with.
 */
public final class OneLicence {

	/** The rule name of the refusal ({@code errors[].rule}). */
	public static final String RULE = "licence-held";

	/** The rule as a refusal states it. */
	public static final String STATED = "一个企业只持有一份许可证（快递业务经营许可管理办法）";

	private OneLicence() {
	}

	/** "已持有有效的快递业务经营许可证N（省内，有效期至D）": the licence in force that stands in the way. */
	public static String held(String number, LicenceScope scope, LocalDate until) {
		return "已持有有效的快递业务经营许可证" + number + "（" + scope.label() + "，有效期至" + until + "）";
	}
}
