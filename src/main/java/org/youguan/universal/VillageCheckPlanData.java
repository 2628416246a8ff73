package org.youguan.universal;

import org.youguan.kernel.WholeIn;

/**
 * A 通邮 check plan as the form or the API gives it (raw values; {@link VillageCheckPlans#create} checks them).
 * @param name the plan's name, e.g. {@code 2026年第二季度建制村通邮检查}
 * @param regionCode the region whose 建制村 form the population (a county, a city, a street…), inside the caller's
 *        region
 * @param method {@code RANDOM} (drawn with the seed) or {@code CRITERIA} (every village the criteria pick)
 * @param belowStandard only villages whose profile's deliveries a week are below the province's village standard
 * @param uncheckedMonths only villages not checked in the last so many months (1–120), or null
 * @param notDirect only villages not directly served (mode other than 直接通邮, or no profile)
 * @param sampleCount how many villages: required for a random draw; for criteria at most so many (null: all)
 * @param seed the seed of a random draw, fixed before the draw (blank: the system draws one and records it)
 */
public record VillageCheckPlanData(String name, String regionCode, String method, boolean belowStandard,
		@WholeIn(min = 1, max = VillageCheckPlans.MAX_UNCHECKED_MONTHS) Integer uncheckedMonths, boolean notDirect,
		@WholeIn(min = 1, max = VillageCheckPlans.MAX_SAMPLE) Integer sampleCount, String seed) {
}
