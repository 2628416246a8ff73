package org.youguan.credit;

import java.time.LocalDate;

/**
 * One entry of an enterprise's credit record as lists and pages show it (its texts with ID and mobile numbers masked,
 * {@code CreditRecords#shown}).
 *
 * @param id the entry
 * @param enterpriseCreditCode the enterprise
 * @param enterpriseName its name as the origin named it
 * @param regionCode the region of the bureau that decided or inspected (the entry's scope)
 * @param bureau the bureau that recorded it (the one handling the region, {@code org.Bureaus#handling}) as named on the day
 * it recorded it — for an entry recorded where no bureau covered the region, the one handling it now
 * @param source where it came from
 * @param sourceNumber the 行政处罚决定书文号 or the 责令改正通知书文号
 * @param kind what it records
 * @param summary what it says (the violation and the penalty as decided, or the order overdue)
 * @param occurredOn the day of the decision, or the day the order's deadline passed unrectified
 * @param status in force, changed or removed
 * @param correctionKind the correction owed, or null when none is
 * @param correctionSummary the entry's text as the correction owed would make it (a change), or null
 * @param correctionReason why the correction is owed (the outcome of 复议/诉讼/纠正, or the objection upheld), kept
 * after the correction as its reason
 * @param correctionOrigin PENALTY (art.17) or OBJECTION (art.18), or null
 * @param correctionDueOn the last day to correct the entry, or null when no correction is owed
 * @param correctedOn the day of the last correction, or null
 * @param correctedBy who recorded it (to the enterprise: the bureau)
 * @param correctionOverdue whether a correction owed is past its due day
 */
public record CreditEntry(long id, String enterpriseCreditCode, String enterpriseName, String regionCode, String bureau,
		Source source, String sourceNumber, Kind kind, String summary, LocalDate occurredOn, Status status,
		CorrectionKind correctionKind, String correctionSummary, String correctionReason, String correctionOrigin,
		LocalDate correctionDueOn, LocalDate correctedOn, String correctedBy, boolean correctionOverdue) {

	/** Where an entry came from. */
	public enum Source {

		/** 行政处罚决定 (the enforcement module). */
		PENALTY("行政处罚决定"),
		/** 执法检查 (the inspections module). */
		INSPECTION("执法检查");

		private final String label;

		Source(String label) {
			this.label = label;
		}

		/** The Chinese name. */
		public String label() {
			return label;
		}
	}

	/** What an entry records. */
	public enum Kind {

		/** 行政处罚 decided against the enterprise. */
		PENALTY_DECISION("行政处罚"),
		/** 责令改正逾期未改正: a rectification order's deadline passed without the enterprise rectifying. */
		RECTIFICATION_OVERDUE("责令改正逾期未改正");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		/** The Chinese name. */
		public String label() {
			return label;
		}
	}

	/** An entry's state. */
	public enum Status {

		/** 有效. */
		IN_FORCE("有效"),
		/** 已变更: corrected to a changed content. */
		CHANGED("已变更"),
		/** 已撤销: removed from the record (the penalty revoked or invalid, or an objection upheld). */
		REMOVED("已撤销");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		/** The Chinese name. */
		public String label() {
			return label;
		}
	}

	/** A correction owed. */
	public enum CorrectionKind {

		/** 变更 the entry's content. */
		CHANGE("变更记录"),
		/** 撤销 the entry. */
		REMOVE("撤销记录");

		private final String label;

		CorrectionKind(String label) {
			this.label = label;
		}

		/** The Chinese name. */
		public String label() {
			return label;
		}
	}
}
