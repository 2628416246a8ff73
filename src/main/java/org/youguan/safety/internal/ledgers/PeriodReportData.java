package org.youguan.safety.internal.ledgers;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.youguan.kernel.WholeIn;

/**
 * An enterprise's daily report in a 寄递安保期, as entered: the day, parcels taken in, parcels screened (each 0 to 10亿
 * 件, {@link SecurityPeriods#MAX_PARCELS}: the bound {@code SecurityPeriods} checks, declared here so that a value that is
 * no whole number is told this range and unit, on the page form and in a JSON body alike — not a long's), issues.
 */
public record PeriodReportData(String day,
		@Min(0) @Max(SecurityPeriods.MAX_PARCELS) @WholeIn(min = 0, max = SecurityPeriods.MAX_PARCELS, detail = "单位：件") Long parcels,
		@Min(0) @Max(SecurityPeriods.MAX_PARCELS) @WholeIn(min = 0, max = SecurityPeriods.MAX_PARCELS, detail = "单位：件") Long screened, String issues) {
}
