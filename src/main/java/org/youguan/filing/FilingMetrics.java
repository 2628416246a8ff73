package org.youguan.filing.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * "完成备案N家，平均办结N天": filings completed (approved) in a period, overall and by county and by brand.
 */
public record FilingMetrics(Row total, List<Row> byCounty, List<Row> byBrand) {

	/**
	 * @param averageWorkingDays mean working days from the start of the clock to completion
	 * @param onTimeRate share completed by the due date, in percent
	 */
	public record Row(String key, String label, long completed, BigDecimal averageWorkingDays, Integer maxWorkingDays,
			BigDecimal onTimeRate, long lateFilings) {
	}
}
