package org.youguan.universal;

import java.time.OffsetDateTime;

import org.youguan.kernel.Masking;

/**
 * A 邮政普遍服务营业场所 with its recorded opening days and hours and the standard of its area.
 * @param openingHours as recorded, any mobile or ID number in it masked ({@link Masking#personalNumbersIn}: hours
 * recorded before such numbers were refused there are listed and exported so)
 * @param standardDays the fewest opening days a week the area's standard asks (province's value or the default)
 * @param belowStandard opening days fewer than the standard
 */
public record PostOfficeView(long facilityId, String facilityName, String regionCode, String enterpriseCreditCode,
		PostOfficeArea areaType, int daysPerWeek, String openingHours, int standardDays, boolean belowStandard,
		OffsetDateTime updatedAt, String updatedBy) {

	public PostOfficeView {
		openingHours = Masking.personalNumbersIn(openingHours);
	}
}
