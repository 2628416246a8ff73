package org.youguan.credit;

import java.time.LocalDate;

/**
 * An enterprise's objection (异议) to an entry of its credit record (快递业信用管理暂行办法(2017) art.18) as lists and
 * pages show it: the review's reason and the entry's text with ID and mobile numbers masked wherever shown, the
 * enterprise's reason in lists; {@code reviewedBy} is the bureau when the enterprise reads it — the entry's
 * ({@code bureau}), the one name the entry shows too.
 *
 * @param id the objection
 * @param entryId the entry objected to
 * @param enterpriseCreditCode the enterprise that filed it
 * @param enterpriseName its name as the entry names it
 * @param regionCode the entry's region (who reviews it)
 * @param entrySummary what the entry says
 * @param sourceNumber the entry's origin number
 * @param reason why the enterprise objects
 * @param filedOn the day it was received
 * @param filedBy the enterprise user who filed it
 * @param reviewDueOn the last day to review it ({@code credit.objection-review})
 * @param status under review, upheld or rejected
 * @param reviewedOn the day reviewed, or null
 * @param reviewedBy who reviewed it
 * @param reviewReason the review's reasons
 * @param reviewOverdue whether it is still under review past its due day
 * @param bureau the bureau that recorded the entry, as the entry names it ({@link CreditEntry#bureau})
 */
public record CreditObjection(long id, long entryId, String enterpriseCreditCode, String enterpriseName, String regionCode,
		String entrySummary, String sourceNumber, String reason, LocalDate filedOn, String filedBy, LocalDate reviewDueOn,
		Status status, LocalDate reviewedOn, String reviewedBy, String reviewReason, boolean reviewOverdue, String bureau) {

	/** An objection's state. */
	public enum Status {

		/** 待复核. */
		FILED("待复核"),
		/** 异议成立: the entry is to be corrected ({@code credit.objection-correction}). */
		UPHELD("异议成立"),
		/** 异议不成立. */
		REJECTED("异议不成立");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		/** The Chinese name. */
		public String label() {
			return label;
		}
	}
}
