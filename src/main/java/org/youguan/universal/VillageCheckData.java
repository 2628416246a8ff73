package org.youguan.universal;

import java.util.List;

/**
 * An on-site 通邮 check of one 建制村 as a form or the API gives it (raw values; {@link VillageChecks#record} checks
 * them).
 * @param checkedOn the day of the check, YYYY-MM-DD (or as people type dates)
 * @param deliveryMode the mode found on site, a {@link DeliveryMode} code or its Chinese name
 * @param deliveriesObserved deliveries a week found on site (from the delivery records), 0–14
 * @param handoverRecords whether the handover records (交接记录) were kept
 * @param standardDelivery whether delivery was found 规范 (standard)
 * @param findings what was found; required when delivery is not 规范
 * @param inspectors the names of the inspectors on site, at least two
 */
public record VillageCheckData(String villageCode, String checkedOn, String deliveryMode, Integer deliveriesObserved,
		Boolean handoverRecords, Boolean standardDelivery, String findings, List<String> inspectors) {
}
