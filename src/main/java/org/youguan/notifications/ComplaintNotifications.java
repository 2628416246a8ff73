package org.youguan.notifications;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.youguan.complaints.ComplaintClosed;
import org.youguan.complaints.ComplaintMediated;
import org.youguan.complaints.ComplaintReceived;
import org.youguan.complaints.ComplaintReferred;
import org.youguan.complaints.ComplaintReplied;
import org.youguan.complaints.ComplaintReturned;
import org.youguan.complaints.ComplaintStepDue;
import org.youguan.complaints.ComplaintTransferred;
import org.youguan.kernel.Actors;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.EnumWords;
import org.youguan.kernel.Masking;
import org.youguan.kernel.Wording;
import org.youguan.numbering.BusinessNumbers;

/**
 * What the complaint procedure tells people, each after its step commits, from the event publication registry (a
 * failure is retried, not lost; the keys make a redelivered event notify once):
 * <ul>
 * <li>a new complaint ({@link ComplaintReceived}): the bureau of its county (and the bureaus above it), to accept and
 * transfer or refuse it by the due date;</li>
 * <li>a transfer ({@link ComplaintTransferred}): the enterprise it was transferred to, with the reply's due date (not
 * the bureau's transfer reason);</li>
 * <li>a reply ({@link ComplaintReplied}, first or redone): the bureau of the complaint's county (and above), to call
 * the filer back by the due date;</li>
 * <li>a return for redoing ({@link ComplaintReturned}): the enterprise, with the new due date (it reads the reason on
 * its page);</li>
 * <li>a step due within a working day or overdue ({@link ComplaintStepDue}): the bureau of the complaint's county (and
 * the bureaus above it) and, while the reply is awaited, the enterprise it was transferred to;</li>
 * <li>a mediation's result ({@link ComplaintMediated}, each one recorded): the enterprise it was transferred to, with
 * 调解成功 or 调解不成功 and the amount agreed — it carries out the remedy, which it reads on its page;</li>
 * <li>a closed complaint ({@link ComplaintClosed}): the enterprise it was transferred to, with the outcome (有效申诉 or
 * not) — it answers for valid complaints in its figures; the filer follows the public status page instead;</li>
 * <li>a referral to enforcement ({@link ComplaintReferred}): the staff of the complaint's region (the county bureau and
 * the bureaus above it, where enforcement takes up leads) — never the enterprise, which is not told of a lead.</li>
 * </ul>
 * A title quoting typed text (the referral's reason) shows every ID or mobile number in it masked
 * ({@link Masking#personalNumbersIn}); {@link Notifications} masks and bounds every title again as it stores it. A
 * complaint's category is worded by its bundle key where the catalogue name has one ({@link #category}).
 */
@Component
class ComplaintNotifications {

	private final Notifications notifications;

	private final MessageSource messages;

	ComplaintNotifications(Notifications notifications, MessageSource messages) {
		this.notifications = notifications;
		this.messages = messages;
	}

	/** The bundle's prefix of a complaint category's words (its catalogue name after it: 延误 → Delay). */
	static final String CATEGORY = "complaint.category.";

	/**
	 * A complaint's category as words each reader reads in their language: the bundle's {@code complaint.category.*} of
	 * its catalogue name where the bundle has one (延误 → Delay), else the name as the catalogue holds it (a category a
	 * bureau added, its own data).
	 */
	Object category(String category) {
		if (category == null) {
			return "";
		}
		String key = CATEGORY + category;
		return messages.getMessage(key, null, null, Locale.ENGLISH) == null ? category : Wording.of(key);
	}

	@ApplicationModuleListener
	void on(ComplaintReceived received) {
		notifications.toRegion(county(received.regionCode()), "收到新申诉：" + received.number() + "（" + received.brandName()
				+ "，" + received.category() + "），请于" + ChineseText.day(received.transferDue()) + "之前（含当日）审查受理",
				Wording.of("notification.complaint.received", received.number(), received.brandName(), category(received.category()),
						received.transferDue()),
				"/complaints/" + received.complaintId(), "complaint-received-" + received.complaintId());
	}

	@ApplicationModuleListener
	void on(ComplaintTransferred transferred) {
		notifications.toEnterprise(transferred.enterpriseCreditCode(), BusinessNumbers.named("申诉", "申诉", transferred.number())
				+ "已转办本企业，请于" + ChineseText.day(transferred.replyDue()) + "之前（含当日）答复",
				Wording.of("notification.complaint.transferred", number(transferred.number()), transferred.replyDue()),
				"/enterprise/complaints/" + transferred.complaintId(),
				"complaint-transferred-" + transferred.complaintId());
	}

	@ApplicationModuleListener
	void on(ComplaintReplied replied) {
		notifications.toRegion(county(replied.regionCode()), BusinessNumbers.named("申诉", "申诉", replied.number()) + "："
				+ replied.enterpriseName() + (replied.redoCount() > 0 ? "已重新答复" : "已答复") + "（"
				+ replied.responsibility().label() + (replied.late() ? "，逾期答复" : "") + "），请于" + ChineseText.day(replied.callbackDue())
				+ "之前（含当日）回访",
				Wording.of(replied.redoCount() > 0 ? "notification.complaint.repliedAgain" : "notification.complaint.replied",
						number(replied.number()), replied.enterpriseName(), Wording.of(EnumWords.key(replied.responsibility())),
						Wording.of(replied.late() ? "notification.complaint.late" : "notification.none"), replied.callbackDue()),
				"/complaints/" + replied.complaintId(),
				"complaint-replied-" + replied.complaintId() + "-" + replied.redoCount());
	}

	@ApplicationModuleListener
	void on(ComplaintReturned returned) {
		notifications.toEnterprise(returned.enterpriseCreditCode(), BusinessNumbers.named("申诉", "申诉", returned.number())
				+ "的答复被退回重办，请于" + ChineseText.day(returned.redoDue()) + "之前（含当日）重新答复",
				Wording.of("notification.complaint.returned", number(returned.number()), returned.redoDue()),
				"/enterprise/complaints/" + returned.complaintId(),
				"complaint-returned-" + returned.complaintId() + "-" + returned.redoCount());
	}

	@ApplicationModuleListener
	void on(ComplaintStepDue due) {
		String title = BusinessNumbers.named("申诉", "申诉", due.number()) + "（" + due.status().label() + "）" + (due.overdue() ? "已超期" : "即将到期")
				+ "，时限" + ChineseText.day(due.stepDue());
		String key = "complaint-" + due.complaintId() + "-" + due.status() + "-" + due.day();
		Wording words = Wording.of(due.overdue() ? "notification.complaint.overdue" : "notification.complaint.dueSoon",
				number(due.number()), Wording.of(EnumWords.key(due.status())), due.stepDue());
		notifications.toRegion(county(due.regionCode()), title, words, "/complaints/" + due.complaintId(), key);
		if (due.awaitingReply() && due.enterpriseCreditCode() != null) {
			notifications.toEnterprise(due.enterpriseCreditCode(), title + "，请及时答复",
					Wording.of("notification.complaint.replyInTime", words), "/enterprise/complaints/" + due.complaintId(),
					key + "-enterprise");
		}
	}

	@ApplicationModuleListener
	void on(ComplaintMediated mediated) {
		if (mediated.enterpriseCreditCode() == null) {
			return;
		}
		notifications.toEnterprise(mediated.enterpriseCreditCode(), BusinessNumbers.named("申诉", "申诉", mediated.number())
				+ "：邮政管理部门已组织调解，" + mediated.result().label()
				+ (mediated.agreedAmount() == null ? "" : "，约定赔偿" + ChineseText.yuan(mediated.agreedAmount())),
				Wording.of("notification.complaint.mediated", number(mediated.number()),
						Wording.of(EnumWords.key(mediated.result())), mediated.agreedAmount() == null
								? Wording.of("notification.none")
								: Wording.of("notification.complaint.agreed", mediated.agreedAmount().stripTrailingZeros().toPlainString())),
				"/enterprise/complaints/" + mediated.complaintId(),
				"complaint-mediated-" + mediated.complaintId() + "-" + mediated.mediatedOn() + "-" + mediated.result() + "-"
						+ mediated.agreedAmount());
	}

	@ApplicationModuleListener
	void on(ComplaintClosed closed) {
		if (closed.enterpriseCreditCode() == null) {
			return;
		}
		// the bureau's 有效申诉 decision is its own, as in the enterprise's view of the complaint (EnterpriseComplaintView)
		notifications.toEnterprise(closed.enterpriseCreditCode(), BusinessNumbers.named("申诉", "申诉", closed.number()) + "已办结",
				Wording.of("notification.complaint.closed", number(closed.number())), "/enterprise/complaints/" + closed.complaintId(),
				"complaint-closed-" + closed.complaintId());
	}

	@ApplicationModuleListener
	void on(ComplaintReferred referred) {
		String title = BusinessNumbers.named("申诉", "申诉", referred.number()) + "（" + referred.brandName() + "，" + referred.enterpriseName()
				+ "）已由" + Actors.shown(referred.referredBy()) + "移送执法线索：" + Masking.personalNumbersIn(referred.referralReason());
		notifications.toRegion(county(referred.regionCode()), Masking.personalNumbersIn(title, 300),
				Wording.of("notification.complaint.referred", number(referred.number()), referred.brandName(),
						referred.enterpriseName(), Actors.shown(referred.referredBy()),
						Masking.personalNumbersIn(referred.referralReason())),
				"/complaints/" + referred.complaintId(), "complaint-referred-" + referred.complaintId());
	}

	/**
	 * The complaint's number as titles show it, without the kind's word: the Chinese sentence says 申诉{0}, the English
	 * "Complaint 申诉{0}" — the number whole as the complaint's pages show it (申诉-320506-2026-000071), never cut to
	 * "-320506-…".
	 */
	private static String number(String number) {
		String named = BusinessNumbers.named("", "申诉", number);
		return named.startsWith("申诉") ? named.substring(2).strip() : named;
	}

	private static String county(String regionCode) {
		return regionCode.length() > 6 ? regionCode.substring(0, 6) : regionCode;
	}
}
