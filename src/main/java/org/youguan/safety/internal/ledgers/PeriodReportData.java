package org.youguan.safety.internal.ledgers;

/** An enterprise's daily report in a 寄递安保期, as entered: the day, parcels taken in, parcels screened, issues. */
public record PeriodReportData(String day, Long parcels, Long screened, String issues) {
}
