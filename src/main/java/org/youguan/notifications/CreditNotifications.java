package org.youguan.notifications;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.youguan.credit.CreditEntry;
import org.youguan.credit.CreditEntryCorrected;
import org.youguan.credit.CreditEntryRecorded;
import org.youguan.credit.CreditObjection;
import org.youguan.credit.CreditObjectionReviewed;
import org.youguan.kernel.ChineseText;

/**
 * Tells an enterprise's users, on their portal, of what happens to its credit record (快递业信用管理暂行办法(2017)): an
 * entry recorded against it ({@link CreditEntryRecorded}), its objection decided — upheld with the correction owed, or
 * refused — with the review's reasons (art.18, {@link CreditObjectionReviewed}), and a correction made, the entry
 * changed or removed (arts.17–18, {@link CreditEntryCorrected}). Each links the entry's page on the portal. The key
 * names the entry or objection and, for a correction, what it made of the entry, so a redelivered event notifies once
 * and a later correction of the same entry notifies again.
 */
@Component
class CreditNotifications {

	private final Notifications notifications;

	CreditNotifications(Notifications notifications) {
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(CreditEntryRecorded e) {
		notifications.toEnterprise(e.enterpriseCreditCode(), "信用记录：记入" + e.kind().label() + "（"
				+ (e.sourceNumber() == null ? "" : e.sourceNumber() + "，") + ChineseText.day(e.occurredOn()) + "）：" + e.summary(), link(e.entryId()), "credit-entry-" + e.entryId());
	}

	@ApplicationModuleListener
	void on(CreditObjectionReviewed r) {
		String result = r.result() == CreditObjection.Status.UPHELD
				? "异议成立，记录将" + (r.correction() == null ? "更正" : r.correction().label().replace("记录", "")) + "："
				: "异议不成立：";
		notifications.toEnterprise(r.enterpriseCreditCode(), "信用异议：对信用记录" + number(r.sourceNumber()) + "提出的异议已于"
				+ ChineseText.day(r.reviewedOn()) + "复核，" + result + r.reason(), link(r.entryId()), "credit-objection-" + r.objectionId());
	}

	@ApplicationModuleListener
	void on(CreditEntryCorrected c) {
		String title = "信用记录" + number(c.sourceNumber()) + "已于" + ChineseText.day(c.correctedOn())
				+ (c.status() == CreditEntry.Status.REMOVED ? "撤销" : "变更为：" + c.summary()) + "（" + c.reason() + "）";
		notifications.toEnterprise(c.enterpriseCreditCode(), title, link(c.entryId()), "credit-corrected-" + c.entryId() + "-"
				+ c.status() + "-" + c.correctedOn() + "-" + Integer.toHexString(String.valueOf(c.summary()).hashCode()));
	}

	private static String link(long entryId) {
		return "/enterprise/credit/entries/" + entryId;
	}

	/** The origin's number in brackets, or "" when the entry has none. */
	private static String number(String sourceNumber) {
		return sourceNumber == null ? "" : "（" + sourceNumber + "）";
	}
}
