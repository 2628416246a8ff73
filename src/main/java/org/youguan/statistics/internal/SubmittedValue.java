package org.youguan.statistics.internal;

import java.math.BigDecimal;

import org.springframework.data.relational.core.mapping.Table;

/**
 * One value of a report as its enterprise last submitted it (报送), with its note: what the bureau reads while the
 * enterprise edits its working copy ({@link ReportValue}) of a returned report.
 */
@Table("stat_report_submitted_value")
public record SubmittedValue(BigDecimal value, String note) {
}
