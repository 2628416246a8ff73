package org.youguan.inspections;

import java.time.LocalDate;
import java.util.List;

/**
 * One certified inspector of the roster (检查人员名录库).
 *
 * @param id the roster entry
 * @param bureauId the bureau the inspector belongs to
 * @param bureauName its name
 * @param regionCode the bureau's region
 * @param userId the staff member's account, or null for an inspector without one
 * @param name the inspector's name as on the certificate
 * @param certificateNumber 执法证号
 * @param validUntil the last day the certificate is valid (expired certificates are not drawn)
 * @param avoidCreditCodes the avoidance list: enterprises this inspector must not inspect (declared relations)
 */
public record Inspector(long id, long bureauId, String bureauName, String regionCode, Long userId, String name,
		String certificateNumber, LocalDate validUntil, List<String> avoidCreditCodes) {

	/** Whether the certificate is valid on {@code day}. */
	public boolean validOn(LocalDate day) {
		return !validUntil.isBefore(day);
	}
}
