package org.youguan.inspections;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A 双随机 plan as stored and shown: its scope and sampling, its state, and what its draw used (snapshot, roster,
 * conflicts, seed) so that anyone can repeat the draw.
 *
 * @param status DRAFT → FROZEN (population snapshot taken) → SEEDED (seed recorded) → DRAWN → PUBLISHED
 * @param snapshot the population, one {@code key|creditClass|regionCode} line each, sorted
 * @param roster the inspectors that could be drawn, one {@code certificateNumber|regionCode} line each
 * @param conflicts the exclusions, one {@code candidateKey|certificateNumber} line each
 */
public record InspectionPlan(long id, long bureauId, String regionCode, String name, LocalDate periodFrom,
		LocalDate periodTo, List<String> items, String enterpriseType, Integer sampleCount, BigDecimal sampleRatio,
		String ratioByClass, int teamSize, String status, String snapshot, String snapshotHash, Integer population,
		String roster, String conflicts, String seed, String seedOperator, String seedWitnesses,
		OffsetDateTime seedRecordedAt, OffsetDateTime drawnAt, OffsetDateTime publishedAt) {

	/** One drawn target with its team's certificate numbers. */
	public record Target(int rank, String targetKey, String enterpriseCreditCode, String enterpriseName,
			String regionCode, List<String> certificates) {
	}
}
