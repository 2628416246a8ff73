package org.youguan.inspections;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.youguan.kernel.Masking;

/**
 * A 双随机 plan as stored and shown: its scope and sampling, its state, and what its draw used (snapshot, roster,
 * conflicts, seed) so that anyone can repeat the draw.
 *
 * @param status DRAFT → FROZEN (population snapshot taken) → SEEDED (seed recorded) → DRAWN → PUBLISHED
 * @param snapshot the population, one {@code key|creditClass|regionCode} line each, sorted
 * @param roster the inspectors that could be drawn, one {@code certificateNumber|regionCode} line each
 * @param conflicts the exclusions, one {@code candidateKey|certificateNumber} line each
 * @param objectType what the plan draws: ENTERPRISE (快递企业), BRANCH (分支机构) or OUTLET (末端网点)
 * @param brandId the population's brand, or null for every brand
 * @param creditClasses the population's credit classes, or null for all
 * @param resultsPublishedAt when results were last published, or null
 * @param regionName the name of the plan's region (the region_name view), for pages and the API
 * @param secretCommitment SHA-256 of the draw's secret ({@link RandomDraw#commitment}), published when the population
 * is frozen — before the seed is typed; null for a plan frozen before secrets existed (it draws by its seed alone)
 * @param committedAt when the commitment was made (the freeze)
 * @param drawSecret the secret, kept once the plan is drawn: null before the draw (it is never read out of the
 * database earlier) and for a plan without one; the public reads it once every target's result is published
 * ({@link #withheld})
 */
public record InspectionPlan(long id, long bureauId, String regionCode, String name, LocalDate periodFrom,
		LocalDate periodTo, List<String> items, String enterpriseType, Integer sampleCount, BigDecimal sampleRatio,
		String ratioByClass, int teamSize, String status, String snapshot, String snapshotHash, Integer population,
		String roster, String conflicts, String seed, String seedOperator, String seedWitnesses,
		OffsetDateTime seedRecordedAt, OffsetDateTime drawnAt, OffsetDateTime publishedAt, String objectType,
		Long brandId, List<String> creditClasses, OffsetDateTime resultsPublishedAt, String regionName,
		String secretCommitment, OffsetDateTime committedAt, String drawSecret) {

	/**
	 * The same plan with every ID and mobile number in its free text — name, seed operator and witnesses — masked
	 * ({@link Masking#personalNumbersIn}), as lists, the inbox, the API and the plan's page show it (new plans refuse
	 * such numbers there; older ones may hold them).
	 */
	public InspectionPlan masked() {
		return new InspectionPlan(id, bureauId, regionCode, Masking.personalNumbersIn(name), periodFrom, periodTo, items,
				enterpriseType, sampleCount, sampleRatio, ratioByClass, teamSize, status, snapshot, snapshotHash, population,
				roster, conflicts, seed, Masking.personalNumbersIn(seedOperator), Masking.personalNumbersIn(seedWitnesses),
				seedRecordedAt, drawnAt, publishedAt, objectType, brandId, creditClasses, resultsPublishedAt, regionName,
				secretCommitment, committedAt, drawSecret);
	}

	/**
	 * The plan as the public reads it while its draw is not yet to be repeated (a target's result is still unpublished,
	 * {@link InspectionPlans#drawRevealed}): without what would let anyone compute the targets before their checks —
	 * the secret of a committed plan (its SHA-256 commitment stays: the draw is verified by it afterwards), and for a
	 * plan frozen before secrets existed, which draws by its seed alone, the seed and the snapshot, roster and
	 * conflict lines (their SHA-256 digest stays).
	 */
	public InspectionPlan withheld() {
		boolean committed = secretCommitment != null;
		return new InspectionPlan(id, bureauId, regionCode, name, periodFrom, periodTo, items, enterpriseType, sampleCount,
				sampleRatio, ratioByClass, teamSize, status, committed ? snapshot : null, snapshotHash, population,
				committed ? roster : null, committed ? conflicts : null, committed ? seed : null, seedOperator,
				seedWitnesses, seedRecordedAt, drawnAt, publishedAt, objectType, brandId, creditClasses, resultsPublishedAt,
				regionName, secretCommitment, committedAt, null);
	}

	/**
	 * One drawn target with its team's certificate numbers, and its result once published.
	 * @param targetKey the snapshot key: {@code ENTERPRISE:<credit code>}, {@code BRANCH:<id>} or {@code OUTLET:<id>}
	 * @param enterpriseCreditCode the enterprise answering for the object (itself, a branch's enterprise, an outlet's
	 * operator)
	 * @param objectType ENTERPRISE, BRANCH or OUTLET
	 * @param objectName the branch's or outlet's name, null for an enterprise
	 * @param resultInspectedOn the day of the check, once its result is published
	 * @param resultOutcome the check's outcome (NONE, INTERVIEW, RECTIFICATION, LEAD), once published
	 * @param resultPublishedOn the day the result was published, or null
	 */
	public record Target(int rank, String targetKey, String enterpriseCreditCode, String enterpriseName,
			String regionCode, List<String> certificates, String objectType, String objectName,
			LocalDate resultInspectedOn, String resultOutcome, LocalDate resultPublishedOn) {
	}
}
