package org.youguan.universal;

import java.time.LocalDate;
import java.util.List;

/**
 * A 通邮 check plan with its villages and how far it got.
 * @param method {@code RANDOM} or {@code CRITERIA}
 * @param criteria the criteria in Chinese (e.g. {@code 低于频次标准；6个月未检查}), {@code 全部建制村} when none
 * @param seed the seed of a random draw (null for criteria)
 * @param snapshotHash the SHA-256 of the population snapshot (one village code per line, sorted)
 * @param population the number of villages the criteria left to draw from
 * @param villages the planned villages in rank order
 * @param secretCommitment SHA-256 of the draw's secret (null for criteria, and for a plan drawn before secrets existed)
 * @param drawSecret the secret drawn after the seed was typed and before the draw: the villages are ranked by
 * SHA-256(seed ‖ secret ‖ code); shown only once every drawn village has been checked under the plan
 * ({@code VillageCheckPlans#drawRevealed}, as a 双随机 draw's secret is published with its results) — null until then,
 * and for criteria and a plan drawn before secrets existed (ranked by SHA-256(seed ‖ code))
 * @param otherDraws for a random plan, the other random plans of the same calendar year whose region overlaps (the
 * same region, one above or one below it) that the reader may see, oldest first: a plan is drawn when made and cannot
 * be withdrawn, so drawing the same villages again under another name shows here beside the first draw; empty for
 * criteria
 */
public record VillageCheckPlan(long id, String name, String regionCode, String regionName, String method,
		String criteria, Integer sampleCount, String seed, String snapshotHash, int population, LocalDate plannedOn,
		String createdBy, List<Planned> villages, String secretCommitment, String drawSecret, List<OtherDraw> otherDraws) {

	/**
	 * Another random draw over an overlapping region in the plan's year.
	 * @param villages how many villages it drew
	 */
	public record OtherDraw(long id, String name, String regionName, LocalDate plannedOn, String createdBy, int villages) {
	}

	/**
	 * A planned village and its check: the first check recorded on or after the plan's day (null fields until then).
	 */
	public record Planned(int rank, String code, String name, String streetName, Long checkId, LocalDate checkedOn,
			Boolean standardDelivery) {

		/** Whether the village has been checked under the plan. */
		public boolean checked() {
			return checkId != null;
		}
	}

	/** How many planned villages have been checked. */
	public long checked() {
		return villages.stream().filter(Planned::checked).count();
	}

	/** Whether the villages were drawn at random. */
	public boolean random() {
		return "RANDOM".equals(method);
	}
}
