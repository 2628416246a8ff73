package org.youguan.safety.internal.ledgers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.youguan.kernel.Percentages;

/**
 * One day of a 寄递安保期's summary: enterprises that reported of those expected (the registry's enterprises in
 * 正常 status in the period's region, within the reader's scope), the totals reported, the 过机率 in percent (one
 * decimal; null without parcels) and the enterprises whose report is missing. A day before the period was declared
 * owes no report ({@code required} false): none expected, none missing, though a report made for it still counts.
 */
public record PeriodDay(LocalDate day, boolean required, long reported, long expected, long parcels, long screened,
		List<String> missing) {

	public BigDecimal screeningRate() {
		return Percentages.rate(screened, parcels, 1);
	}
}
