package org.youguan.safety.internal.ledgers;

/**
 * A 隐患 as entered on the form or posted to the API (text as typed; {@link Hazards#report} checks it): the enterprise
 * by credit code (an enterprise user's own is taken instead), optional outlet or facility (registry ids), found on
 * (YYYY-MM-DD), found by, source, description, level, and an optional deadline date (blank: the level's period from the
 * rules catalogue, counted in working days from the day found).
 * @param backFilled true for a hazard of the past entered now (历史补录): its deadline, as it was set then, may have
 *        passed; null or false for a hazard found now, whose deadline entered is a working day still to come. Kept as
 *        recorded when the hazard is corrected.
 */
public record HazardData(String enterpriseCreditCode, Long outletId, Long facilityId, String foundOn, String foundBy,
		String source, String description, String level, String deadline, Boolean backFilled) {

	/** A hazard found now (not back-filled). */
	public HazardData(String enterpriseCreditCode, Long outletId, Long facilityId, String foundOn, String foundBy,
			String source, String description, String level, String deadline) {
		this(enterpriseCreditCode, outletId, facilityId, foundOn, foundBy, source, description, level, deadline, null);
	}
}
