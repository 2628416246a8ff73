package org.youguan.registry;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A 年度报告 as the enterprise's page shows it (the registry's copy of {@link AnnualReportFiled}).
 */
public record EnterpriseAnnualReport(int year, LocalDate filedOn, boolean late, long businessVolume, BigDecimal revenue,
		int outlets, int staff) {
}
