package org.youguan.registry;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An express enterprise's 年度报告 (快递业务经营许可管理办法: 经营快递业务的企业应当按年度报告经营情况), published by the
 * licensing module when the report is filed and applied by the registry when it hears it (after commit): the
 * enterprise's page shows it. Like {@link LicenceGranted}, the registry's inbound contract (the registry must not depend
 * on the licensing module). A repeated delivery writes the same row again.
 *
 * @param creditCode the reporting enterprise
 * @param year the year reported on
 * @param filedOn the day it was filed
 * @param late whether filed after the window closed (04-30 by default)
 * @param businessVolume 业务量 (件) of the year
 * @param revenue 业务收入 (元) of the year
 * @param outlets 营业网点 (and terminal outlets) at the year's end
 * @param staff 从业人员 at the year's end
 */
public record AnnualReportFiled(String creditCode, int year, LocalDate filedOn, boolean late, long businessVolume,
		BigDecimal revenue, int outlets, int staff) {
}
