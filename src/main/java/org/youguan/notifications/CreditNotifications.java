package org.youguan.notifications;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.youguan.credit.CreditEntry;
import org.youguan.credit.CreditEntryCorrected;
import org.youguan.credit.CreditEntryRecorded;
import org.youguan.credit.CreditObjection;
import org.youguan.credit.CreditObjectionReviewed;
import org.youguan.kernel.EnumWords;
import org.youguan.kernel.Wording;

/**
 * Tells an enterprise's users, on their portal, of what happens to its credit record (快递业信用管理暂行办法(2017)): an
 * entry recorded against it ({@link CreditEntryRecorded}), its objection decided — upheld with the correction owed, or
 * refused — with the review's reasons (art.18, {@link CreditObjectionReviewed}), and a correction made, the entry
 * changed or removed (arts.17–18, {@link CreditEntryCorrected}). Each links the entry's page on the portal. The key
 * names the entry or objection and, for a correction, what it made of the entry, so a redelivered event notifies once
 * and a later correction of the same entry notifies again. Every title is sent as words ({@code notification.credit.*},
 * the kinds and corrections by their enum keys), its Chinese worded from them; the entry's summary and the reasons are
 * the record's own text, quoted as recorded.
 */
@Component
class CreditNotifications {

	private final Notifications notifications;

	CreditNotifications(Notifications notifications) {
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(CreditEntryRecorded e) {
		Wording kind = Wording.of(EnumWords.key(e.kind()));
		Wording words = e.sourceNumber() == null
				? Wording.of("notification.credit.recordedUnnumbered", kind, e.occurredOn(), e.summary())
				: Wording.of("notification.credit.recorded", kind, e.sourceNumber(), e.occurredOn(), e.summary());
		notifications.toEnterprise(e.enterpriseCreditCode(), words, link(e.entryId()), "credit-entry-" + e.entryId());
	}

	@ApplicationModuleListener
	void on(CreditObjectionReviewed r) {
		Wording result = r.result() == CreditObjection.Status.UPHELD
				? Wording.of("notification.credit.upheld." + (r.correction() == null ? "none" : r.correction().name()))
				: Wording.of("notification.credit.rejected");
		notifications.toEnterprise(r.enterpriseCreditCode(), Wording.of("notification.credit.reviewed",
				number(r.sourceNumber()), r.reviewedOn(), result, r.reason()), link(r.entryId()),
				"credit-objection-" + r.objectionId());
	}

	@ApplicationModuleListener
	void on(CreditEntryCorrected c) {
		Wording words = c.status() == CreditEntry.Status.REMOVED
				? Wording.of("notification.credit.removed", number(c.sourceNumber()), c.correctedOn(), c.reason())
				: Wording.of("notification.credit.changed", number(c.sourceNumber()), c.correctedOn(), c.summary(), c.reason());
		notifications.toEnterprise(c.enterpriseCreditCode(), words, link(c.entryId()), "credit-corrected-" + c.entryId() + "-"
				+ c.status() + "-" + c.correctedOn() + "-" + Integer.toHexString(String.valueOf(c.summary()).hashCode()));
	}

	private static String link(long entryId) {
		return "/enterprise/credit/entries/" + entryId;
	}

	/** The origin's number in brackets as words (（…） in Chinese), or nothing when the entry has none. */
	private static Wording number(String sourceNumber) {
		return sourceNumber == null ? Wording.of("notification.none") : Wording.of("notification.credit.number", sourceNumber);
	}
}
