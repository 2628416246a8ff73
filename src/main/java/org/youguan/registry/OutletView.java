package org.youguan.registry;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An outlet as staff see it (manager ID and phone masked); a closed one with the day it closed and why
 * ({@code closedReason}: null for one closed before the reason was kept, V279).
 */
public record OutletView(long id, String name, long enterpriseId, String enterpriseName, Long branchId,
		String branchName, Long brandId, String brandName, String cooperation, String cooperationLabel, String address,
		String regionCode, String regionName, BigDecimal longitude, BigDecimal latitude, String managerName,
		String managerIdMasked, String managerPhoneMasked, BigDecimal storageArea, boolean hasCommunications,
		boolean hasShelving, boolean hasSurveillance, boolean hasSignage, LocalDate openedOn, String filingNumber,
		OutletStatus status, boolean demo, LocalDate closedOn, String closedReason) {

	/** The five facilities a filed outlet must have (快递末端网点备案暂行规定(2018)). */
	public boolean facilitiesComplete() {
		return storageArea != null && storageArea.signum() > 0 && hasCommunications && hasShelving && hasSurveillance
				&& hasSignage;
	}

	/**
	 * Why the outlet closed as the pages and the .xlsx exports show it (关闭原因): the reason kept, 未记录 for one closed
	 * before the reason was kept (V279), null while it is open.
	 */
	public String closedReasonShown() {
		return status != OutletStatus.CLOSED ? null : closedReason == null ? "未记录" : closedReason;
	}
}
