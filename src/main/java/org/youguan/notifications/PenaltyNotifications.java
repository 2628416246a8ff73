package org.youguan.notifications;

import java.math.BigDecimal;
import java.util.Arrays;

import org.youguan.rules.Provision;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.youguan.enforcement.DecisionOutcomes;
import org.youguan.enforcement.PenaltyPaymentReminded;
import org.youguan.enforcement.PenaltyStepServed;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.EnumWords;
import org.youguan.kernel.Wording;

/**
 * Tells an enterprise's users, on their portal, of each step of a penalty case addressed to it
 * ({@link PenaltyStepServed}): the 事先告知书 with the last day to state its case (and to request a hearing when the
 * notice gave the right, 行政处罚法(2021) art.44, 63–64), the 听证通知书 with the hearing's day (art.64), the
 * 行政处罚决定书 served with the last day to pay or hand over (art.61, 67), and an approved deferral or instalments with
 * the next day due (art.66), a decision served and then changed (变更) with its new fine and the day to pay it, and the
 * 不予行政处罚决定书 served (art.33, 61) — one served by public notice (公告送达) told when the notice is published, with
 * that day, the later day it is deemed served and the day to pay counted from it (working days or days as the rule
 * catalogue counts them: the day the portal shows with the decision from the publication on), and told again on the
 * deemed day as served then, with the same day to pay ({@code DeemedServices}) —, and a decision served and then
 * revoked or declared invalid (no longer executed; told at once, a public notice still running included);
 * a change or annulment names who decided it (行政复议, 行政诉讼, 自行纠正) and what is to refund of what was paid. Amounts
 * as every text writes them ({@link ChineseText#yuanFigures} and 元: 1200.50元, never 1200.5元). Each last day is stated
 * with the day included, as the portal states it. The key holds the step and its days (and a change's fine), so a
 * redelivered event notifies once and a new notice (a hearing rescheduled, a notice after 退回调查, a second change)
 * notifies again. It also passes on the reminders to pay a fine ({@link PenaltyPaymentReminded}: a pay-by day near, or
 * passed with the 加处罚款 owed, art.72), each once per decision and pay-by day — every instalment and a deferred day on
 * its own. Every title is sent as words ({@code notification.penalty.*}), its Chinese worded from them, so an English
 * reader reads it in English (the documents, remedies and the article cited by their keys).
 */
@Component
class PenaltyNotifications {

	private final Notifications notifications;

	PenaltyNotifications(Notifications notifications) {
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(PenaltyStepServed served) {
		boolean changed = served.step() == PenaltyStepServed.Step.DECISION_CHANGED;
		Wording words = Wording.of("notification.penalty.step", served.caseNumber(),
				Wording.of("notification.penalty.document." + served.step().name()), done(served), asked(served),
				served.refund() == null ? none() : Wording.of("notification.penalty.refund", figures(served.refund())));
		// a public notice's publication and its deemed day tell the same service day and deadline: the publication day
		// keeps them two notifications
		String key = "penalty-" + served.caseId() + "-" + served.step() + "-" + served.servedOn() + "-" + served.dueOn()
				+ (changed ? "-" + served.fine() : "") + (served.publishedOn() == null ? "" : "-notice-" + served.publishedOn());
		notifications.toEnterprise(served.enterpriseCreditCode(), words, link(served.caseId()), key);
	}

	/**
	 * What became of the document: revoked or declared invalid (by whom), published as a public notice — both days, the
	 * service not claimed before the day it is deemed (民事诉讼法(2023) art.95: 自发出公告之日起，经过三十日，即视为送达) —,
	 * issued (a payment arrangement, a change with the fine after it) or served.
	 */
	private static Wording done(PenaltyStepServed served) {
		if (served.step() == PenaltyStepServed.Step.DECISION_ANNULLED) {
			return served.remedy() == null ? Wording.of("notification.penalty.annulled", served.servedOn())
					: Wording.of("notification.penalty.annulledBy", served.servedOn(), remedy(served.remedy()));
		}
		if (served.publishedOn() != null) {
			return Wording.of("notification.penalty.publicNotice", served.publishedOn(), served.servedOn());
		}
		if (served.step() == PenaltyStepServed.Step.DECISION_CHANGED) {
			return Wording.of("notification.penalty.changed", served.servedOn(),
					served.remedy() == null ? none() : Wording.of("notification.penalty.byRemedy", remedy(served.remedy())),
					served.fine() == null ? Wording.of("notification.penalty.noFine")
							: Wording.of("notification.penalty.fine", figures(served.fine())));
		}
		return Wording.of(served.step() == PenaltyStepServed.Step.PAYMENT_ARRANGED ? "notification.penalty.issued"
				: "notification.penalty.served", served.servedOn());
	}

	/**
	 * Who decided a remedy's outcome and what it did, as words: the event carries them as one Chinese text, 行政复议变更
	 * ({@link DecisionOutcomes.Kind} and {@link DecisionOutcomes.Result} labels), read back into their keys; a text of
	 * another shape as it is.
	 */
	static Object remedy(String remedy) {
		for (DecisionOutcomes.Kind kind : DecisionOutcomes.Kind.values()) {
			if (remedy.startsWith(kind.label())) {
				String rest = remedy.substring(kind.label().length());
				return Arrays.stream(DecisionOutcomes.Result.values())
					.filter(r -> r.label().equals(rest))
					.findFirst()
					.<Object>map(r -> Wording.of("notification.penalty.remedy", Wording.of(EnumWords.key(kind)),
							Wording.of(EnumWords.key(r))))
					.orElse(remedy);
			}
		}
		return remedy;
	}

	/**
	 * A reminder to pay: what is due (the fine, or an instalment of it with its position and amount) and its day —
	 * before it "缴纳期限至…（含当日）"; past it, the 加处罚款 owed as of the reminder's day with its rate and cap as the
	 * catalogue gave them (行政处罚法(2021) art.72(1)) and the total to pay then. Keyed by the day reminded, so each
	 * instalment and a deferred day are told once each, and a redelivered event once. A reminder published before V256
	 * (redelivered from the event registry) carries no amount nor 加处罚款: it is told as it was then, under its key then.
	 */
	@ApplicationModuleListener
	void on(PenaltyPaymentReminded reminded) {
		boolean before = reminded.kind() == PenaltyPaymentReminded.Kind.BEFORE;
		if (reminded.amount() == null || reminded.surcharge() == null) {
			notifications.toEnterprise(reminded.enterpriseCreditCode(), before
					? Wording.of("notification.penalty.legacyBefore", reminded.caseNumber(), reminded.decisionNumber(),
							figures(reminded.fine()), reminded.dueOn())
					: Wording.of("notification.penalty.legacyOverdue", reminded.caseNumber(), reminded.decisionNumber(),
							figures(reminded.fine()), reminded.dueOn(), provision(Provision.PENALTY_SURCHARGE)),
					link(reminded.caseId()), "penalty-" + reminded.caseId() + "-PAYMENT_" + reminded.kind());
			return;
		}
		boolean instalment = reminded.instalment() != null;
		Wording due = instalment
				? Wording.of("notification.penalty.dueInstalment", figures(reminded.fine()),
						String.valueOf(reminded.instalment()), figures(reminded.amount()))
				: Wording.of("notification.penalty.dueFine", figures(reminded.amount()));
		Wording words = before
				? Wording.of("notification.penalty.remindBefore", reminded.caseNumber(), reminded.decisionNumber(), due,
						reminded.dueOn())
				: Wording.of("notification.penalty.remindOverdue", reminded.caseNumber(), reminded.decisionNumber(), due,
						reminded.dueOn(), reminded.asOf(), figures(reminded.surcharge()),
						Wording.of(instalment ? "notification.penalty.ofInstalment" : "notification.penalty.ofFine"),
						reminded.surchargePercent().stripTrailingZeros().toPlainString(), figures(reminded.surchargeCap()),
						provision(Provision.PENALTY_SURCHARGE), figures(reminded.amount().add(reminded.surcharge())));
		notifications.toEnterprise(reminded.enterpriseCreditCode(), words, link(reminded.caseId()),
				"penalty-" + reminded.caseId() + "-PAYMENT_" + reminded.kind() + "-" + reminded.dueOn());
	}

	/** The case's page on the enterprise portal. */
	private static String link(long caseId) {
		return "/enterprise/penalties/" + caseId;
	}

	/** An amount in figures as every text writes it before 元 / yuan (1200.50, 80000). */
	private static String figures(BigDecimal amount) {
		return ChineseText.yuanFigures(amount);
	}

	/** An article cited as each reader's language cites it: 《中华人民共和国行政处罚法》第七十二条, Article 72 of …. */
	private static Wording provision(Provision provision) {
		return Wording.of("notification.penalty.provision", provision.formal(), provision.english());
	}

	/** Nothing: a part of a title that does not apply. */
	private static Wording none() {
		return Wording.of("notification.none");
	}

	/** What the step asks of the party by its day (nothing when it asks nothing). */
	private static Wording asked(PenaltyStepServed served) {
		if (served.dueOn() == null) {
			return none();
		}
		return switch (served.step()) {
			case PRIOR_NOTICE -> Wording.of(served.hearingRight() ? "notification.penalty.askedStatementHearing"
					: "notification.penalty.askedStatement", served.dueOn());
			case HEARING_NOTICE -> Wording.of("notification.penalty.askedHearing", served.dueOn());
			case DECISION_SERVED, DECISION_CHANGED -> Wording.of("notification.penalty.askedPay", served.dueOn());
			case NO_PENALTY_SERVED, DECISION_ANNULLED -> none();
			case PAYMENT_ARRANGED -> Wording.of("notification.penalty.askedNextPayment", served.dueOn());
		};
	}
}
