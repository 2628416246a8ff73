package org.youguan.universal;

import java.time.LocalDate;
import org.youguan.kernel.Masking;

/**
 * A recorded 通邮 check as lists and pages show it.
 * @param inspectors the names of the inspectors, separated by 、
 * @param imported whether it is a past check brought in by an import (历史导入) with its real date
 * @param inspectionRecordId the inspection record the check is (普遍服务监督检查 of the serving postal enterprise), null
 *        for a past check of the import, which is not one
 */
public record VillageCheck(long id, String villageCode, String villageName, LocalDate checkedOn,
		DeliveryMode deliveryMode, int deliveriesObserved, boolean handoverRecords, boolean standardDelivery,
		String findings, String inspectors, int inspectorCount, boolean imported, Long inspectionRecordId) {

	/** The same check with every ID and mobile number in its findings masked ({@link Masking#personalNumbersIn}), as lists show it. */
	public VillageCheck masked() {
		return new VillageCheck(id, villageCode, villageName, checkedOn, deliveryMode, deliveriesObserved, handoverRecords,
				standardDelivery, Masking.personalNumbersIn(findings), inspectors, inspectorCount, imported, inspectionRecordId);
	}
}
