package org.youguan.licensing;

import java.time.LocalDate;

/**
 * Published by the daily licensing clock from 03-01 (rule {@code licence.annual-report-reminder}) for every holder of a
 * licence in force at the end of the past year that has not filed its 年度报告 yet: the notifications module tells the
 * enterprise and the bureau of its region. Once per enterprise and year.
 *
 * @param creditCode the enterprise
 * @param enterpriseName its name
 * @param regionCode its licence's region
 * @param year the year to report on
 * @param dueOn the last day of the window (04-30 by default)
 */
public record AnnualReportDue(String creditCode, String enterpriseName, String regionCode, int year, LocalDate dueOn) {
}
