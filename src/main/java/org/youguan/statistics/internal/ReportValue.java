package org.youguan.statistics.internal;

import java.math.BigDecimal;

import org.springframework.data.relational.core.mapping.Table;

/**
 * One entered value of a report, with the reporter's explanation where one is needed.
 */
@Table("stat_report_value")
public record ReportValue(BigDecimal value, String note) {
}
