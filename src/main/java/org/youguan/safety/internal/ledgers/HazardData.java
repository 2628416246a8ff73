package org.youguan.safety.internal.ledgers;

/**
 * A 隐患 as entered on the form or posted to the API (text as typed; {@link Hazards#report} checks it): the enterprise
 * by credit code (an enterprise user's own is taken instead), optional outlet or facility (registry ids), found on
 * (YYYY-MM-DD), found by, source, description, level, and an optional deadline date (blank: the level's period from the
 * rules catalogue, counted in working days from the day found).
 */
public record HazardData(String enterpriseCreditCode, Long outletId, Long facilityId, String foundOn, String foundBy,
		String source, String description, String level, String deadline) {
}
