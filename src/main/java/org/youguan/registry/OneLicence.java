package org.youguan.registry;

import java.time.LocalDate;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.TransactionLocks;

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

	/**
	 * Waits for and holds the lock of the licences of the enterprise with credit code {@code creditCode} until the
	 * transaction ends ({@link TransactionLocks}): every path that checks what the enterprise holds and then gives it a
	 * licence — the registry recording one by hand or importing one ({@link Licences#record}, {@link Licences#correct}),
	 * the registry recording a licensing grant ({@link Licences#issue}), and the licensing procedure's own steps (a
	 * submission, an approval, an import, a branch filing, an annual report) — takes this one lock first, so that two at
	 * once are ordered and the second sees the first's licence, or its grant on the way ({@link PendingLicenceGrants}).
	 * Nothing for a null code. Must be called inside a transaction.
	 */
	public static void hold(JdbcClient jdbc, String creditCode) {
		if (creditCode != null) {
			TransactionLocks.hold(jdbc, "licence-holder:" + creditCode.strip().toUpperCase(Locale.ROOT));
		}
	}

	/** "已持有有效的快递业务经营许可证N（省内，有效期至D）": the licence in force that stands in the way. */
	public static String held(String number, LicenceScope scope, LocalDate until) {
		return "已持有有效的快递业务经营许可证" + number + "（" + scope.label() + "，有效期至" + ChineseText.day(until) + "）";
	}
}
