package org.youguan.statistics;

/**
 * Published when a bureau returns (退回) an enterprise's submitted report of a form's period, in the transaction that
 * records it: the report is owed again unless an approved revision of the period stands (a returned correction), so
 * the notifications module reopens the period's 催报 notifications it marked done on {@link ReportFiled} — the
 * enterprise's to-do stands again until it sends the report once more.
 *
 * @param enterpriseId the reporting enterprise
 * @param creditCode its 统一社会信用代码 (the audience of its notifications)
 * @param formId the form
 * @param period the period's code ({@code 2026-11}, {@code 2026-Q3})
 */
public record ReportReturned(long enterpriseId, String creditCode, long formId, String period) {

	/** The start every key of the period's reminder notifications of the enterprise share ({@link ReportFiled}). */
	public String reminderKeyPrefix() {
		return ReportFiled.reminderKeyPrefix(formId, period, enterpriseId);
	}
}
