package org.youguan.filing;

import java.math.BigDecimal;
import java.util.List;

/**
 * "完成备案N家，平均办结N天": outlet filings completed (approved, 末端网点备案) in a period and region, overall, by county
 * and by brand — what the 备案统计 page, its .xlsx and {@code GET /api/v1/filing/figures} show.
 *
 * @param total every filing completed in the period and region (key {@code all})
 * @param byCounty by county (key the county's code), in code order
 * @param byBrand by brand (key and label the brand's name, 其他 without one), most filings first
 */
public record FilingMetrics(Row total, List<Row> byCounty, List<Row> byBrand) {

	/**
	 * @param completed filings completed (家)
	 * @param averageWorkingDays mean working days from the start of the clock to completion
	 * @param maxWorkingDays the longest, in working days; null without a filing
	 * @param onTimeRate share completed by the due date, in percent, rounded down to 0.1 ({@code Percentages}); null
	 *        without a filing
	 * @param lateFilings filings of outlets filed after the statutory period since they opened (逾期备案)
	 */
	public record Row(String key, String label, long completed, BigDecimal averageWorkingDays, Integer maxWorkingDays,
			BigDecimal onTimeRate, long lateFilings) {
	}
}
