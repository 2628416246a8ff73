package org.youguan.statistics;

/**
 * Published when an enterprise submits (报送) its report of a form's period — the first time or after a return or
 * correction — in the transaction that records it; the notifications module marks that period's 催报 notifications of
 * the enterprise done, so a reminder does not stay standing once the report is in.
 *
 * @param enterpriseId the reporting enterprise
 * @param creditCode its 统一社会信用代码 (the audience of its notifications)
 * @param formId the form
 * @param period the period's code ({@code 2026-11}, {@code 2026-Q3})
 */
public record ReportFiled(long enterpriseId, String creditCode, long formId, String period) {

	/**
	 * The start every key of the period's reminder notifications of the enterprise share
	 * ({@code stat-remind:<form>:<period>:<enterprise>:}).
	 */
	public String reminderKeyPrefix() {
		return reminderKeyPrefix(formId, period, enterpriseId);
	}

	/** The start of the keys of an enterprise's reminder notifications of a form's period. */
	public static String reminderKeyPrefix(long formId, String period, long enterpriseId) {
		return "stat-remind:" + formId + ":" + period + ":" + enterpriseId + ":";
	}
}
