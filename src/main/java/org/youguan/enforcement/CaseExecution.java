package org.youguan.enforcement;

import org.youguan.rules.Provision;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import tools.jackson.databind.annotation.JsonDeserialize;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.documents.UploadedFile;
import org.youguan.enforcement.PenaltyCases.Handover;
import org.youguan.enforcement.PenaltyCases.Instalment;
import org.youguan.enforcement.PenaltyCases.Procedure;
import org.youguan.enforcement.internal.CaseClock;
import org.youguan.enforcement.internal.CaseDocumentKind;
import org.youguan.enforcement.internal.CaseDocuments;
import org.youguan.enforcement.internal.CaseInput;
import org.youguan.enforcement.internal.CaseStep;
import org.youguan.enforcement.internal.CaseWork;
import org.youguan.enforcement.internal.Execution;
import org.youguan.enforcement.internal.FinePayments;
import org.youguan.enforcement.internal.FinePayments.PaymentDue;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.Actors;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.NumberText;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.rules.StatutoryRule;

import static org.youguan.enforcement.internal.CaseInput.plain;
import static org.youguan.enforcement.internal.DecisionRules.ruleBroken;

/**
 * Carrying out a decision (行政处罚法(2021) art.61, 66–67, 72, 74): 送达, the fine paid (with 加处罚款, in instalments or
 * deferred as the head approved), what a confiscation takes handed over, and 结案 once all is carried out; with the
 * payment and handover deadlines in force. Each step is one transaction that locks the case, checks the step from its
 * state and its own rules, changes the case and writes its audit entry.
 */
@Service
public class CaseExecution {

	/** An instalment's position's label (its service's and the JSON reader's, {@code NumberText.Digits}). */
	public static final String INSTALMENT_NUMBER = "期次";

	/** The digits an instalment's position may have: a plan has far fewer than 1000 instalments. */
	public static final int INSTALMENT_DIGITS = 3;

	/** A payment's label (its service's and the JSON reader's, {@code NumberText.Digits}). */
	public static final String PAID = "缴款金额";

	/** A refund's label. */
	public static final String REFUNDED = "退还金额";

	/** An instalment's label, {@code {n}} its 1-based position. */
	public static final String INSTALMENT = "第{n}期金额";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final CaseDocuments documents;

	private final long maxScanBytes;

	private final CaseWork caseWork;

	private final FinePayments finePayments;

	private final ApplicationEventPublisher events;

	CaseExecution(JdbcClient jdbc, Clock clock, CaseDocuments documents,
			@Value("${youguan.enforcement.max-evidence-bytes:20971520}") long maxScanBytes, CaseWork caseWork,
			FinePayments finePayments, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.documents = documents;
		this.maxScanBytes = maxScanBytes;
		this.caseWork = caseWork;
		this.finePayments = finePayments;
		this.events = events;
	}

	/**
	 * How a decision was served: the day it was served — for 公告送达 the day the notice was published, the document
	 * being deemed served thirty days later (民事诉讼法(2023) art.95, {@link CaseClock#servedOn}) —, the method
	 * ({@link DeliveryMethod} name), the party's signed consent to electronic service ({@code consent}, 行政处罚法(2021)
	 * art.61 para.2 — only for {@link DeliveryMethod#ELECTRONIC}) and a note of the circumstances (at most 200 characters
	 * on one line; required where the method needs it, {@link DeliveryMethod#noteRequired}).
	 */
	public record Delivery(String deliveredOn, String method, Boolean consent, String note) {

		/** A decision handed to the party on {@code deliveredOn} (直接送达), nothing to note. */
		public static Delivery direct(String deliveredOn) {
			return new Delivery(deliveredOn, DeliveryMethod.DIRECT.name(), null, null);
		}
	}

	/**
	 * 送达 of the decision (行政处罚法(2021) art.61: within 7 working days when not handed over on the spot; a late
	 * delivery is recorded as late) by the method recorded, which the 送达回证 states; the 15-day payment period starts
	 * (a confiscation's handover period) — from the day the notice of a 公告送达 is deemed served, thirty days after its
	 * publication (民事诉讼法(2023) art.95), the publication day kept apart and judged against the 7 working days. The
	 * decision takes effect on the day served: {@link PenaltyDelivered} is published in the same transaction (a 吊销
	 * revokes the licence on it, the credit record enters the decision) — for a public notice deemed served after
	 * today, not now but on the deemed day, by the daily job ({@code internal.DeemedServices}), once. On a case ended with 不予处罚 the same step serves its
 * 不予行政处罚决定书 instead (its day not before the case ended, no period started; 409 rule {@code already-delivered}
 * once served).
	 * @throws InvalidValueException when the day is before the decision or in the future ({@code deliveredOn}); the
	 * method is missing or not one of {@link DeliveryMethod} ({@code method}, rule {@code required}/{@code one-of}); an
	 * electronic service lacks the party's confirmed consent ({@code consent}, rule {@code consent}) or consent is sent
	 * for another method ({@code consent}, rule {@code absent}); the note its method needs is missing or too long
	 * ({@code note}, rule {@code required}/{@code length}/{@code line-break})
	 * @throws DomainException (409) unless 已决定, or (rule {@code decision-annulled}) once revoked or confirmed invalid
	 */
	@Transactional
	public void deliver(DataScope scope, long id, Delivery delivery) {
		CaseView c = caseWork.lock(scope, id);
		if (c.status() == CaseStatus.NOT_PENALIZED) {
			deliverNoPenalty(c, delivery);
			return;
		}
		CaseStatus to = CaseStep.DELIVER.from(c.status());
		Execution.requireInForce(c, "deliveredOn", "送达");
		Validation v = new Validation();
		v.required("deliveredOn", "送达日期", delivery.deliveredOn());
		LocalDate on = v.date("deliveredOn", "送达日期", delivery.deliveredOn(), c.decidedOn(), caseWork.today());
		DeliveryMethod method = deliveryMethod(v, delivery);
		v.throwIfInvalid();
		String note = Text.isBlank(delivery.note()) ? null : Text.line(delivery.note());
		CaseClock caseClock = caseWork.clock(c);
		Served served = Served.of(caseClock, method, on);
		LocalDate due = caseClock.deliveryDue(c.decidedOn());
		// a 责令停业整顿 runs from the day after delivery for the days decided: its calendar days are known only now
		boolean suspends = c.suspensionDays() != null && c.penalty() == Penalty.SUSPENSION;
		LocalDate suspensionFrom = suspends ? served.on().plusDays(1) : c.suspensionFrom();
		LocalDate suspensionUntil = suspends ? served.on().plusDays(c.suspensionDays()) : c.suspensionUntil();
		Map<String, Object> p = served.params(method, note);
		p.put("suspensionFrom", suspensionFrom);
		p.put("suspensionUntil", suspensionUntil);
		// served today or before (a public notice published thirty days ago or more): the decision is in effect now;
		// a public notice deemed served later takes effect on that day (DeemedServices)
		boolean inEffect = !served.on().isAfter(caseWork.today());
		p.put("deemedTold", served.publishedOn() != null && inEffect ? caseWork.today() : null);
		caseWork.move(c, to, ", delivered_on = :on, delivery_published_on = :publishedOn, suspension_from = :suspensionFrom,"
				+ " suspension_until = :suspensionUntil, delivery_method = :method, delivery_note = :note,"
				+ " deemed_service_told_on = :deemedTold", p);
		caseWork.record(c, "case.deliver", "送达处罚决定书（" + served.told(method, due, note) + "）"
				+ (suspends ? "，停业整顿自" + ChineseText.day(suspensionFrom) + "至" + ChineseText.day(suspensionUntil) : "")
				+ (Execution.fine(c) != null ? "，缴款期限至" + ChineseText.day(caseClock.paymentDue(served.on())) : "")
				+ (Execution.confiscated(c) != null ? "，没收违法所得上缴期限至" + ChineseText.day(caseClock.handoverDue(served.on())) : ""));
		if (method == DeliveryMethod.PUBLIC_NOTICE) {
			// filled when decided, the decision says now from which day its periods run for a party served by 公告: the
			// version the notice serves, so made before the 送达回证 (the party's served version is the last before it)
			documents.restateServedByPublicNotice(id, CaseDocumentKind.DECISION);
		}
		caseWork.issue(id, CaseDocumentKind.DELIVERY_RECEIPT);
		// a public notice deemed served later: the party is told the notice now with the day to pay or hand over by,
		// counted from the deemed day — the day its portal shows with the decision from the publication on — and told
		// again on the deemed day that the decision is in effect (DeemedServices)
		caseWork.tellPartyServed(c, PenaltyStepServed.Step.DECISION_SERVED, served.on(), served.publishedOn(),
				caseWork.partyDue(c, served.on()), false);
		if (!c.imported() && inEffect) {
			// an imported decision is history, carried out off the platform (PenaltyDelivered)
			events.publishEvent(PenaltyDelivered.of(c, served.on()));
		}
	}

	/**
	 * A service as recorded: the day the document counts as served ({@code on}, {@link CaseClock#servedOn}: for 公告送达
	 * thirty days after publication, 民事诉讼法(2023) art.95) and, for 公告送达, the day the notice was published
	 * ({@code publishedOn}, else null) — the day the service was done, by which art.61's 7 working days are judged.
	 */
	record Served(LocalDate on, LocalDate publishedOn) {

		/** The service as the case page and audit tell it: method, note and, for a public notice, both days. */
		static String described(DeliveryMethod method, String note, LocalDate on, LocalDate publishedOn) {
			return method.label() + (note == null ? "" : "（" + note + "）")
					+ (publishedOn != null ? "，" + ChineseText.day(publishedOn) + "发出公告，视为" + ChineseText.day(on) + "送达" : "");
		}

		/** The service done on {@code day} by {@code method}. */
		static Served of(CaseClock clock, DeliveryMethod method, LocalDate day) {
			return new Served(clock.servedOn(method, day), method == DeliveryMethod.PUBLIC_NOTICE ? day : null);
		}

		/** The day the service was done: the publication of a public notice, else the day served. */
		LocalDate doneOn() {
			return publishedOn != null ? publishedOn : on;
		}

		/** The columns' parameters: {@code on}, {@code publishedOn}, {@code method}, {@code note}. */
		Map<String, Object> params(DeliveryMethod method, String note) {
			Map<String, Object> p = new HashMap<>();
			p.put("on", on);
			p.put("publishedOn", publishedOn);
			p.put("method", method.name());
			p.put("note", note);
			return p;
		}

		/** The service as the audit entry tells it: method, day(s), late past {@code due}, the note. */
		String told(DeliveryMethod method, LocalDate due, String note) {
			return method.label() + "，" + (publishedOn != null ? ChineseText.day(publishedOn) + "发出公告，视为" + ChineseText.day(on) + "送达" : ChineseText.day(on))
					+ (doneOn().isAfter(due) ? "，超过送达期限" + ChineseText.day(due) : "") + (note == null ? "" : "，" + note);
		}
	}

	/**
	 * 送达 of the 不予行政处罚决定书 (行政处罚法(2021) art.33, 57, 61), the step {@link #deliver} takes on a case ended
	 * with 不予处罚: served as the penalty decision is — the day (not before the decision, the day the case ended, nor
	 * after today), the method and its note, recorded on the case, late past art.61's 7 working days, its own 送达回证
	 * issued and the party told ({@link PenaltyStepServed.Step#NO_PENALTY_SERVED}). Nothing is carried out after it:
	 * the case's 结案报告 is made with the service (never at the 不予处罚 itself, before the decision was served).
	 * @throws InvalidValueException as {@link #deliver} does, the day bounded by the decision's
	 * @throws DomainException (409, field {@code deliveredOn}, rule {@code already-delivered}) once served
	 */
	private void deliverNoPenalty(CaseView c, Delivery delivery) {
		CaseStep.DELIVER_NO_PENALTY.from(c.status());
		if (c.deliveredOn() != null) {
			throw DomainException.illegalTransition("deliveredOn", "already-delivered",
					Wording.of("enforcement.refusal.noPenaltyDelivered", c.deliveredOn()), "不予行政处罚决定书已于" + ChineseText.day(c.deliveredOn()) + "送达，不能再次送达");
		}
		Validation v = new Validation();
		v.required("deliveredOn", "送达日期", delivery.deliveredOn());
		LocalDate on = v.date("deliveredOn", "送达日期", delivery.deliveredOn(), c.closedOn(), caseWork.today());
		DeliveryMethod method = deliveryMethod(v, delivery);
		v.throwIfInvalid();
		String note = Text.isBlank(delivery.note()) ? null : Text.line(delivery.note());
		CaseClock caseClock = caseWork.clock(c);
		Served served = Served.of(caseClock, method, on);
		LocalDate due = caseClock.deliveryDue(c.closedOn());
		caseWork.move(c, c.status(), ", delivered_on = :on, delivery_published_on = :publishedOn, delivery_method = :method,"
				+ " delivery_note = :note", served.params(method, note));
		caseWork.record(c, "case.deliver", "送达不予行政处罚决定书（" + served.told(method, due, note) + "）");
		if (method == DeliveryMethod.PUBLIC_NOTICE) {
			documents.restateServedByPublicNotice(c.id(), CaseDocumentKind.NO_PENALTY_DECISION);
		}
		caseWork.issue(c.id(), CaseDocumentKind.DELIVERY_RECEIPT);
		// the case ends (结案) once its decision is served: its 结案报告 is made now, not at the 不予处罚 — a case ended
		// before this kept one made then, which this one replaces
		documents.issueAnew(c.id(), CaseDocumentKind.CLOSING_REPORT, "不予行政处罚决定书送达后结案");
		caseWork.tellPartyServed(c, PenaltyStepServed.Step.NO_PENALTY_SERVED, served.on(), served.publishedOn(), null, false);
	}

	/**
	 * The method a delivery names, checked with what it needs: one of {@link DeliveryMethod}; 电子送达 only with the
	 * party's consent confirmed in writing (行政处罚法(2021) art.61 para.2), consent sent for no other method; the note
	 * the method needs (one line, at most 200 characters). Errors are recorded in {@code v}; null when the method is
	 * unreadable.
	 */
	static DeliveryMethod deliveryMethod(Validation v, Delivery delivery) {
		DeliveryMethod method = null;
		if (Text.isBlank(delivery.method())) {
			v.require("method", false, "required", "送达方式不能为空");
		}
		else {
			try {
				method = DeliveryMethod.valueOf(Text.strip(delivery.method()).toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				v.require("method", false, "one-of", "送达方式应为DIRECT（直接送达）、LEFT_AT_ADDRESS（留置送达）、POSTAL（邮寄送达）、"
						+ "ELECTRONIC（电子送达）、ENTRUSTED（委托送达）、PUBLIC_NOTICE（公告送达）之一");
			}
		}
		v.line("note", "送达说明", delivery.note(), 200);
		if (method == DeliveryMethod.ELECTRONIC) {
			v.require("consent", Boolean.TRUE.equals(delivery.consent()), "consent",
					"电子送达须经当事人同意并签订确认书（" + Provision.PENALTY_ELECTRONIC_DELIVERY.formal() + "），请确认已取得当事人的书面同意");
		}
		else if (method != null) {
			v.require("consent", delivery.consent() == null || !delivery.consent(), "absent", "只有电子送达需要当事人同意的确认书，"
					+ method.label() + "不填写");
		}
		if (method != null && method.noteRequired()) {
			v.require("note", !Text.isBlank(delivery.note()), "required", method.noteNeeded());
		}
		return method;
	}

	/**
	 * 罚款缴纳 of a fine without instalments: {@link #pay(DataScope, long, String, String, String)} naming none.
	 */
	@Transactional
	public void pay(DataScope scope, long id, String paidOn, String amount) {
		pay(scope, id, paidOn, amount, null);
	}

	/**
	 * 罚款缴纳 (行政处罚法(2021) art.67): the amount paid must be the fine plus 加处罚款 of 3 % a day after the 15-day
	 * period, capped at the fine (art.72). With instalments (art.66) the payment names the instalment it pays
	 * ({@code instalment}, its 1-based position — required), which must be the next unpaid one: a repeated request (a
	 * double click, a client's retry) for an instalment already paid is refused instead of being booked as the next.
	 * The fine paid in full (the last instalment), the case becomes 已执行 unless what a confiscation beside it takes is
	 * still to hand over ({@link #executedOnce}): it stays 已送达 until then.
	 * @throws InvalidValueException when the day is before delivery or in the future, the amount is not what is due, or
	 * {@code instalment} is missing, not a number or not the next unpaid one (rule {@code not-next})
	 * @throws DomainException (422) when the decision has no fine; (409, rule {@code decision-annulled}) once revoked or
	 * confirmed invalid; (409) unless 已送达, or when the fine was paid in full already or the instalment named was
	 * paid already (rule {@code already-paid})
	 */
	@Transactional
	public void pay(DataScope scope, long id, String paidOn, String amount, String instalment) {
		CaseView c = caseWork.lock(scope, id);
		Execution.requireInForce(c, "amount", "登记缴纳罚款");
		if (c.decidedOn() == null) {
			// no decision yet: the step is out of order (409 naming the status), not "the decision has no fine"
			CaseStep.PAY.from(c.status());
		}
		if (Execution.fine(c) == null) {
			throw ruleBroken("amount", "no-fine", Execution.confiscated(c) != null
					? "该处罚决定没收违法所得，应登记上缴，不是缴纳罚款"
					: "该处罚决定没有罚款，无需登记缴纳，可直接结案");
		}
		Validation v = new Validation();
		v.required("paidOn", "缴款日期", paidOn).required("amount", "缴款金额", amount);
		Procedure proc = caseWork.procedure(id);
		PaymentDue payment = finePayments.paymentDue(c, proc);
		BigDecimal owed = FinePayments.stillOwed(c, proc);
		boolean cutShort = proc.instalments().stream().anyMatch(i -> i.paidOn() == null);
		if (c.deliveredOn() != null && payment == null && cutShort) {
			// instalments whose plan demands more than the fine a 变更 left: paid up (and settled: 已执行) — said so
			// rather than refused for the status alone
			String fine = plain(Execution.fine(c));
			String paidUp = plain(Execution.fine(c).subtract(owed));
			String paidUpText = "罚款经变更为" + fine + "元，已缴纳" + paidUp + "元，已缴足，不再缴纳";
			// paid more than the changed fine or just that: the sentence's key and its Chinese text chosen together
			throw owed.signum() < 0
					? DomainException.illegalTransition("amount", "above-fine",
							Wording.of("enforcement.refusal.paidUpAfterChange.refund", fine, paidUp, plain(owed.negate())),
							paidUpText + "；多缴的" + plain(owed.negate()) + "元应予退还")
					: DomainException.illegalTransition("amount", "above-fine",
							Wording.of("enforcement.refusal.paidUpAfterChange", fine, paidUp), paidUpText);
		}
		// paid before a public notice's deemed day or beside a confiscation still to hand over, the case stays 已送达:
		// its status lets the step pass again, the payment recorded (under the row lock) does not
		Execution.requireUnpaid(c, "paidOn", "登记缴纳罚款");
		CaseStatus to = CaseStep.PAY.from(c.status());
		if (payment.instalment() == null) {
			// no instalments approved: a position named would be booked against nothing
			v.require("instalment", Text.isBlank(instalment), "absent", "本案未批准分期缴纳，不填写期次");
		}
		else {
			v.required("instalment", INSTALMENT_NUMBER, instalment);
			Long named = v.whole("instalment", INSTALMENT_NUMBER, instalment, INSTALMENT_DIGITS);
			int next = payment.instalment().position();
			if (named != null && named != next) {
				boolean paidAlready = proc.instalments().stream().anyMatch(i -> i.position() == named && i.paidOn() != null);
				if (paidAlready) {
					String message = "第" + named + "期罚款已于" + ChineseText.day(proc.instalments().get(named.intValue() - 1).paidOn())
							+ "登记缴纳，不能重复登记；下一期为第" + next + "期";
					throw new DomainException(ErrorCode.DUPLICATE, message, List.of(new FieldError("instalment", "already-paid", message)));
				}
				v.require("instalment", false, "not-next", "期次应为下一期未缴纳的第" + next + "期");
			}
		}
		Instalment last = proc.instalments().stream().filter(i -> i.paidOn() != null).reduce((a, b) -> b).orElse(null);
		LocalDate on = v.date("paidOn", "缴款日期", paidOn, last != null ? last.paidOn() : c.deliveryActOn(), caseWork.today());
		BigDecimal paid = v.decimal("amount", PAID, amount, CaseInput.YUAN_INTEGER, CaseInput.YUAN_FRACTION);
		v.money("amount", PAID, paid);
		BigDecimal surcharge = null;
		if (on != null && paid != null) {
			CaseClock caseClock = caseWork.clock(c);
			surcharge = caseClock.surcharge(payment.amount(), payment.due(), on);
			BigDecimal due = payment.amount().add(surcharge);
			if (payment.instalment() != null && paid.subtract(surcharge).compareTo(owed) > 0) {
				throw ruleBroken("amount", "above-fine", "罚款经变更为" + plain(Execution.fine(c)) + "元，已缴纳"
						+ plain(Execution.fine(c).subtract(owed)) + "元，尚欠" + plain(owed) + "元：应缴" + plain(due) + "元"
						+ (surcharge.signum() > 0 ? "（含加处罚款" + plain(surcharge) + "元）" : "") + "，登记的" + plain(paid)
						+ "元超过了变更后的罚款");
			}
			String what = payment.instalment() == null ? "罚款" : "第" + payment.instalment().position() + "期罚款";
			v.require("amount", paid.compareTo(due) == 0, "amount", "应缴" + plain(due) + "元（" + what
					+ plain(payment.amount()) + "元" + (surcharge.signum() > 0 ? "＋加处罚款" + plain(surcharge)
							// the rate the decision fixed and the article, from the case's clock and the catalogue
							+ "元，每日" + plain(caseClock.surchargePercent()) + "%且不超过罚款数额，"
							+ StatutoryRule.PENALTY_LATE_SURCHARGE.basis() : "") + "），登记的是" + plain(paid) + "元");
		}
		v.throwIfInvalid();
		if (payment.instalment() != null) {
			jdbc.sql("""
					UPDATE penalty_case_instalment SET paid_on = :on, paid_amount = :paid, surcharge = :surcharge
					WHERE case_id = :id AND position = :pos""")
				.param("on", on).param("paid", paid).param("surcharge", surcharge).param("id", id)
				.param("pos", payment.instalment().position()).update();
			// what is still owed after this payment: a fine lowered by a 变更 may be paid up before the plan's end
			if (!settleInstalments(c)) {
				caseWork.move(c, c.status(), "", Map.of());
				caseWork.record(c, "case.pay-instalment", "第" + payment.instalment().position() + "期罚款已缴纳" + plain(paid) + "元（" + ChineseText.day(on)
						+ "）" + (surcharge.signum() > 0 ? "，含加处罚款" + plain(surcharge) + "元" : ""));
			}
			return;
		}
		caseWork.move(c, executedOnce(c, to, true, caseWork.handover(id).isPresent(), caseWork.today()),
				", paid_on = :on, paid_amount = :amount, surcharge = :surcharge",
				Map.of("on", on, "amount", paid, "surcharge", surcharge));
		caseWork.record(c, "case.pay", "罚款已缴纳" + plain(paid) + "元（" + ChineseText.day(on) + "）"
				+ (surcharge.signum() > 0 ? "，含加处罚款" + plain(surcharge) + "元" : ""));
	}

	/**
	 * An instalment plan paid up (行政处罚法(2021) art.66): once what its instalments paid as the fine covers the fine now
	 * owed — every instalment paid, or a 变更 (or an annulment) leaving less owed than was paid — the case is paid as a
	 * fine paid at once is: 已执行 (from 已送达) unless a confiscation is still to hand over, paid on its last payment's
	 * day, the amount paid and the 加处罚款 the instalments' sums. The one way both a payment and an outcome settle a plan (the 结案报告, the refund and the queue
	 * read the case's payment). Audited {@code case.pay}.
	 * @param c the case as it now stands (after the payment or outcome), locked by the caller
	 * @return whether it settled the plan (false when it is no plan, was settled, nothing was paid or more is owed)
	 */
	boolean settleInstalments(CaseView c) {
		List<Instalment> instalments = caseWork.procedure(c.id()).instalments();
		List<Instalment> paid = instalments.stream().filter(i -> i.paidOn() != null).toList();
		if (c.paidOn() != null || paid.isEmpty() || !FinePayments.demanded(c, instalments).isEmpty()) {
			return false;
		}
		BigDecimal amount = paid.stream().map(Instalment::paidAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal surcharge = Execution.paidSurcharge(c, instalments);
		LocalDate on = paid.stream().map(Instalment::paidOn).max(LocalDate::compareTo).orElseThrow();
		caseWork.move(c, c.status() == CaseStatus.DELIVERED
				? executedOnce(c, CaseStep.PAY.from(c.status()), true, caseWork.handover(c.id()).isPresent(), caseWork.today())
				: c.status(),
				", paid_on = :on, paid_amount = :amount, surcharge = :surcharge",
				Map.of("on", on, "amount", amount, "surcharge", surcharge));
		caseWork.record(c, "case.pay", "罚款已缴纳" + plain(amount) + "元（分" + paid.size() + "期，末次" + ChineseText.day(on) + "）"
				+ (surcharge.signum() > 0 ? "，含加处罚款" + plain(surcharge) + "元" : "")
				+ (paid.size() < instalments.size() ? "，罚款经变更或处罚决定被撤销、确认无效后已缴足，其余各期不再缴纳" : ""));
		return true;
	}

	/**
	 * A closed case an outcome ({@link DecisionOutcomes}: a 变更 lowering or removing the fine, a 撤销 or 确认无效) left
	 * with something paid to refund is reopened to 已执行: a refund is recorded only on an open case, and the case closes
	 * again once it is refunded, with a new 结案报告 that states it. Audited {@code case.reopen}.
	 * @param c the case as it now stands, locked by the caller
	 * @param outcome the outcome that left the refund ("行政复议变更")
	 */
	void reopenForRefund(CaseView c, String outcome) {
		PenaltyCases.Refund refund = caseWork.refund(c);
		if (c.status() != CaseStatus.CLOSED || refund == null || !refund.open()) {
			return;
		}
		caseWork.move(c, CaseStatus.EXECUTED, ", closed_on = NULL, closing_reason = NULL", Map.of());
		caseWork.record(c, "case.reopen", "已于" + ChineseText.day(c.closedOn()) + "结案的案件经" + outcome + "后尚有多缴的罚款" + plain(refund.due())
				+ "元应予退还，恢复为已执行，退还后重新结案");
	}

	/**
	 * The state a delivered case is in after a part of its decision is carried out: 已执行 only once every executable
	 * part is — the fine paid in full (every instalment, art.66–67) and what a confiscation takes handed over (art.74) —,
	 * else {@code stays} (已送达: 执行中; attack: paying the fine of a 没收违法所得并处罚款 marked it 已执行 while nothing was
	 * handed over). A warning, 停业整顿 or 吊销 beside them is carried out by its delivery. A decision served by public
	 * notice and not yet deemed served ({@link CaseView#deemedServedAfter}) is not in effect: what the party paid or
	 * handed over early is recorded, the case stays 已送达 and becomes 已执行 on the deemed day ({@code DeemedServices}).
	 * @param c the case as it stood before the part now carried out
	 * @param stays the state the step leaves it in when more is left to carry out
	 * @param finePaid whether the fine (if any) is paid in full once the step is recorded
	 * @param handedOver whether what a confiscation (if any) takes is handed over once the step is recorded
	 * @param today the current day
	 */
	private static CaseStatus executedOnce(CaseView c, CaseStatus stays, boolean finePaid, boolean handedOver,
			LocalDate today) {
		boolean more = Execution.fine(c) != null && !finePaid || Execution.confiscated(c) != null && !handedOver
				|| c.deemedServedAfter(today) != null;
		return more ? stays : CaseStatus.EXECUTED;
	}

	/**
	 * 结案 once every executable part of the decision is carried out: the fine paid (with its 加处罚款, or every
	 * instalment), what a confiscation takes handed over; a warning (停业整顿, 吊销) is carried out by its delivery.
	 * A decision served by public notice takes effect on the day it is deemed served (民事诉讼法(2023) art.95): before
	 * it the case is not closed, whatever was paid early.
	 * @throws DomainException (422, field {@code execution}, rule {@code not-executed}) naming what is still to carry
	 * out; (422, rule {@code not-in-effect}) naming the deemed day of a public notice not yet reached; (409) unless
	 * 已送达 or 已执行
	 */
	@Transactional
	public void close(DataScope scope, long id, String note) {
		note = Text.freeText(note);
		CaseView c = caseWork.lock(scope, id);
		// a decision revoked or void before it was served has nothing left to serve or carry out (DecisionOutcomes)
		CaseStatus to = c.status() == CaseStatus.DECIDED && c.annulled() ? CaseStatus.CLOSED : CaseStep.CLOSE.from(c.status());
		LocalDate deemed = c.annulled() ? null : c.deemedServedAfter(caseWork.today());
		if (deemed != null) {
			throw ruleBroken("execution", "not-in-effect", "处罚决定于" + ChineseText.day(c.deliveryPublishedOn())
					+ "公告送达，自公告之日起经过" + caseWork.clock(c).publicNoticeDays() + "日视为送达，视为送达日为" + ChineseText.day(deemed) + "，处罚决定自该日起生效，生效前不能结案"
					+ "（" + StatutoryRule.PENALTY_PUBLIC_NOTICE_SERVICE.citations().get(0).formal() + "）");
		}
		List<String> missing = Execution.outstanding(c, caseWork.procedure(id).instalments(), caseWork.handover(id).orElse(null));
		if (!missing.isEmpty()) {
			throw ruleBroken("execution", "not-executed", "处罚决定尚未执行完毕，不能结案：" + String.join("；", missing));
		}
		PenaltyCases.Refund refund = caseWork.refund(c);
		if (refund != null && refund.open()) {
			// what was paid beyond what the decision now demands is returned before the case ends (its 结案报告 says so)
			throw ruleBroken("refund", "refund-due", "尚有多缴的罚款" + plain(refund.due()) + "元应予退还（"
					+ Execution.refundBasis(c, Execution.overpaid(c, caseWork.procedure(id).instalments()), refund.amounts())
					+ "），应先登记退还，方可结案");
		}
		new Validation().maxLength("note", "结案说明", note, 500).throwIfInvalid();
		Map<String, Object> p = new HashMap<>();
		p.put("on", caseWork.today());
		p.put("note", Text.blankToNull(note) != null ? Text.strip(note) : c.annulled() ? "处罚决定已被撤销或确认无效" : "执行完毕");
		caseWork.move(c, to, ", closed_on = :on, closing_reason = :note", p);
		caseWork.record(c, "case.close", "结案：" + p.get("note"));
		// closed again after an outcome reopened it (reopenForRefund): the earlier 结案报告 stays as its predecessor
		documents.issueAnew(id, CaseDocumentKind.CLOSING_REPORT, "复议、诉讼结果或纠正后退还多缴罚款，重新结案");
	}

	/**
	 * 没收违法所得上缴 (行政处罚法(2021) art.74; period {@link StatutoryRule#PENALTY_CONFISCATION_HANDOVER} from delivery):
	 * the day, the amount — the confiscated amount the decision states ({@link Execution#confiscated}) — and the receipt:
	 * its number or a note ({@code receipt}) and/or its scan ({@code scan}, kept with the case as an attachment), at
	 * least one. A handover after its period is recorded as late (no 加处罚款: art.72 is for fines). The case becomes
	 * 已执行 unless a fine is still unpaid in full ({@link #executedOnce}).
	 * @throws InvalidValueException naming {@code handedOverOn} (missing, before delivery, in the future), {@code amount}
	 * (missing, malformed, not the confiscated amount), {@code receipt} (both it and the scan missing, or too long) or
	 * {@code file}
	 * @throws DomainException (422) when the decision confiscates nothing; (409, rule {@code decision-annulled}) once
	 * revoked or confirmed invalid; (409) unless 已送达 or 已执行, or when handed
	 * over already (field {@code handedOverOn}, rule {@code already-handed-over})
	 */
	@Transactional
	public void handOver(DataScope scope, long id, String handedOverOn, String amount, String receipt, UploadedFile scan) {
		CaseView c = caseWork.lock(scope, id);
		CaseStep.HAND_OVER.from(c.status());
		Execution.requireInForce(c, "amount", "登记没收违法所得上缴");
		BigDecimal confiscated = Execution.confiscated(c);
		if (confiscated == null) {
			throw ruleBroken("amount", "no-confiscation", "该处罚决定没有没收违法所得，无需登记上缴");
		}
		Optional<Handover> done = caseWork.handover(id);
		if (done.isPresent()) {
			String message = "没收的违法所得已于" + ChineseText.day(done.get().handedOverOn()) + "登记上缴，不能重复登记";
			throw DomainException.illegalTransition("handedOverOn", "already-handed-over", message);
		}
		Validation v = new Validation();
		v.required("handedOverOn", "上缴日期", handedOverOn).required("amount", "上缴金额", amount);
		LocalDate on = v.date("handedOverOn", "上缴日期（不早于送达、不晚于今天）", handedOverOn, c.deliveryActOn(),
				caseWork.today());
		BigDecimal handed = v.decimal("amount", "上缴金额", amount, 12, 2);
		v.money("amount", "上缴金额", handed);
		if (handed != null) {
			v.require("amount", handed.compareTo(confiscated) == 0, "amount", "上缴金额应为处罚决定没收的违法所得" + plain(confiscated)
					+ "元，登记的是" + plain(handed) + "元");
		}
		v.require("receipt", !Text.isBlank(receipt) || scan != null, "required",
				"上缴凭证（缴款书号或说明）与凭证扫描件至少填写一项");
		// a 缴款书号 or a short note, printed on one line of the 结案报告 ("（凭证：…）"): no line break nor hidden character
		v.line("receipt", "上缴凭证", receipt, 500);
		v.throwIfInvalid();
		Long attachment = scan == null ? null
				: documents.keepScan(c, CaseDocuments.HANDOVER_RECEIPT, scan, "没收违法所得上缴凭证", maxScanBytes);
		jdbc.sql("""
				INSERT INTO penalty_case_handover (case_id, handed_over_on, amount, receipt, attachment_id, recorded_by,
				                                   recorded_at)
				VALUES (:id, :on, :amount, :receipt, :attachment, :by, :now)""")
			.param("id", id).param("on", on).param("amount", handed).param("receipt", Text.blankToNull(receipt) == null ? null
					: Text.strip(receipt))
			.param("attachment", attachment).param("by", Actors.currentName()).param("now", OffsetDateTime.now(clock)).update();
		caseWork.move(c, executedOnce(c, c.status(), Execution.paidUp(c, caseWork.procedure(id).instalments()), true,
				caseWork.today()), "",
				Map.of());
		LocalDate due = caseWork.clock(c).handoverDue(c.deliveredOn());
		caseWork.record(c, "case.handover", "没收的违法所得已上缴" + plain(handed) + "元（" + ChineseText.day(on) + (on.isAfter(due) ? "，超过上缴期限" + ChineseText.day(due) : "")
				+ (attachment != null ? "，凭证扫描件已存档" : "") + "）");
	}

	/**
	 * 罚款退还 made: what was paid beyond what the decision now demands ({@link Execution#overpaid}: the fine paid less
	 * the fine as a 变更 lowered it — 0 when a 变更 removed it or the decision was revoked or confirmed invalid — and then
	 * the 加处罚款 paid too, which falls with the fine; a fine only lowered keeps its 加处罚款) is refunded in one or several
	 * refunds, each at most what remains due after the refunds made (a second 变更 may leave more), on a day from the
	 * last payment to today, by staff who record payments; the basis at its time (paid, owed, refunded, due) is kept
	 * with it. Audited {@code case.refund}; the figures' fines collected are net of its fine part.
	 *
	 * <p>A refund of the day and amount of one the case has recorded is that refund entered twice (a double click, a
	 * retried call; the case's lock orders them) unless it names its own voucher: it is refused as a duplicate, as a
	 * second 通邮 check of a village and day is.
	 * @param receipt the voucher's number (退付凭证号, optional, at most 100 characters, once a case, stored as
	 *        {@link Text#identifier} writes it): what tells a second
	 *        refund of the same day and amount from the first entered again
	 * @throws InvalidValueException naming {@code refundedOn} (missing, before the payment, in the future) or
	 * {@code amount} (missing, not money; 0 or less: rule {@code positive}; more than remains due: rule {@code amount})
	 * or {@code receipt} (too long; invisible or look-alike characters, a formula, an ID or mobile number — rule
	 * {@code personal-number} —, as every identifier: {@link Validation#identifier}; a character no voucher number is
	 * printed with — markup, quotes, semicolons —: rule {@code voucher-number}, {@link Validation#voucherNumber})
	 * @throws DomainException (422, field {@code amount}, rule {@code no-refund-due}) when nothing was to be refunded;
	 * (409, rule {@code already-refunded}) when all that was due was refunded; (409, rule {@code unique}) on field
	 * {@code receipt} when the case has a refund of that voucher, on field {@code amount} when it has one of the day and
	 * amount and no voucher is named
	 */
	@Transactional
	public void refund(DataScope scope, long id, String refundedOn, String amount, String receipt) {
		CaseView c = caseWork.lock(scope, id);
		PenaltyCases.Refund refund = caseWork.refund(c);
		List<Instalment> instalments = caseWork.procedure(id).instalments();
		Execution.Overpaid overpaid = Execution.overpaid(c, instalments);
		BigDecimal refunded = refund == null ? BigDecimal.ZERO : refund.amounts();
		if (refund != null && !refund.open()) {
			String message = "多缴的罚款已全部退还（最近一次于" + ChineseText.day(refund.refundedOn()) + "退还" + plain(refund.amount()) + "元），没有应退还的余额"
					+ (overpaid == null ? "" : "：" + Execution.refundBasis(c, overpaid, refunded));
			throw DomainException.illegalTransition("amount", "already-refunded", message);
		}
		if (refund == null) {
			throw ruleBroken("amount", "no-refund-due", "本案没有应退还的罚款：只有缴纳后罚款经变更降低或取消、或处罚决定被撤销或确认无效的，才退还多缴的部分");
		}
		if (c.status() == CaseStatus.CLOSED) {
			// a 结案报告 states what was refunded; a case closes only once all is refunded (close)
			throw DomainException.illegalTransition("refundedOn", "case-closed", Wording.of("enforcement.refusal.refundAfterClosing", c.closedOn()),
					"案件已于" + ChineseText.day(c.closedOn())
					+ "结案，不能再登记退还：结案时应退还的罚款均应已退还，结案报告据此制作");
		}
		Validation v = new Validation();
		v.required("refundedOn", "退还日期", refundedOn).required("amount", "退还金额", amount);
		LocalDate lastPaid = c.paidOn() != null ? c.paidOn() : instalments.stream().map(Instalment::paidOn)
			.filter(Objects::nonNull).max(LocalDate::compareTo).orElse(null);
		// nothing was overpaid before the outcome that lowered or ended the fine: the refund is not dated before it
		LocalDate lowered = caseWork.fineLoweredOn(id);
		LocalDate earliest = lowered != null && (lastPaid == null || lowered.isAfter(lastPaid)) ? lowered : lastPaid;
		LocalDate on = v.date("refundedOn", "退还日期（不早于" + (Objects.equals(earliest, lastPaid) ? "缴款" : ChineseText.day(earliest)
				+ "变更、撤销或确认无效处罚决定") + "、不晚于今天）", refundedOn, earliest, caseWork.today());
		BigDecimal refunding = v.decimal("amount", REFUNDED, amount, CaseInput.YUAN_INTEGER, CaseInput.YUAN_FRACTION);
		v.money("amount", REFUNDED, refunding);
		// an identifier as every 文号 and 编号 is: stored NFKC (Ｒ００１ is R001), no invisible, look-alike or personal
		// number in it (a filer's ID or mobile typed as the voucher would be shown in full), written only with what a
		// voucher number is printed with (no markup, quotes or control characters: it is shown on the page and the report)
		String voucher = Text.identifier(Text.strip(receipt));
		v.maxLength("receipt", "退付凭证号", voucher, 100).voucherNumber("receipt", "退付凭证号", receipt);
		String basis = Execution.refundBasis(c, overpaid, refunded);
		if (refunding != null) {
			v.require("amount", refunding.signum() > 0, "positive", "退还金额应大于0，填写的是" + plain(refunding) + "元");
			v.require("amount", refunding.signum() <= 0 || refunding.compareTo(refund.due()) <= 0, "amount",
					basis + "，登记的是" + plain(refunding) + "元");
		}
		v.throwIfInvalid();
		refusedAsTwin(id, on, refunding, voucher);
		// the fine's part first, the 加处罚款 (refunded only with a fine removed or annulled) after it
		BigDecimal fineRefunded = refund.refunds().stream().map(r -> r.amount().subtract(r.surcharge()))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal finePart = refunding.min(overpaid.fine().subtract(fineRefunded).max(BigDecimal.ZERO));
		jdbc.sql("""
				INSERT INTO penalty_case_refund (case_id, refunded_on, amount, surcharge, basis, receipt, recorded_by,
				                                 recorded_by_user_id, created_at)
				VALUES (:id, :on, :amount, :surcharge, :basis, :receipt, :by, :user, :now)""")
			.param("id", id).param("on", on).param("amount", refunding).param("surcharge", refunding.subtract(finePart))
			.param("receipt", voucher)
			.param("basis", basis + "，本次退还" + plain(refunding) + "元").param("by", Actors.currentName())
			.param("user", CaseWork.actorId()).param("now", OffsetDateTime.now(clock)).update();
		caseWork.move(c, c.status(), "", Map.of());
		caseWork.record(c, "case.refund", "退还多缴罚款" + plain(refunding) + "元（" + ChineseText.day(on) + (voucher == null ? "" : "，退付凭证号" + voucher)
				+ "）：" + basis);
	}

	/**
	 * Refuses (409, rule {@code unique}) a refund the case has recorded already: one of the voucher {@code receipt}
	 * (compared by {@link Text#identifierKey}: case, full-width forms, spaces, dashes and underscores folded), or —
	 * without a voucher — one of the same day and amount (attack round 20: three clicks made two refunds of one; a real
	 * second refund of the day and amount names its voucher).
	 */
	private void refusedAsTwin(long id, LocalDate on, BigDecimal amount, String receipt) {
		if (receipt != null) {
			// compared as every identifier is (Text.identifierKey: R001, r001 and R-001 are one voucher); the case's lock
			// orders two refunds of it
			if (jdbc.sql("SELECT count(*) FROM penalty_case_refund WHERE case_id = :id AND "
					+ Text.identifierKeySql("receipt") + " = :key")
				.param("id", id).param("key", Text.identifierKey(receipt)).query(Long.class).single() > 0) {
				throw DomainException.duplicate("receipt", Wording.of("enforcement.refusal.refundReceiptTwice", receipt),
						"退付凭证号" + receipt + "的退还已登记，不能重复登记");
			}
			return;
		}
		if (jdbc.sql("SELECT count(*) FROM penalty_case_refund WHERE case_id = :id AND refunded_on = :on AND amount = :amount")
			.param("id", id).param("on", on).param("amount", amount).query(Long.class).single() > 0) {
			throw DomainException.duplicate("amount", Wording.of("enforcement.refusal.refundTwice", on, plain(amount)),
					"本案" + ChineseText.day(on) + "已登记退还" + plain(amount) + "元，不能重复登记；同日同额确有另一笔退还的，"
					+ "请填写其退付凭证号");
		}
	}

	/**
	 * The last day to hand over what a delivered decision confiscates ({@link CaseClock#handoverDue}, the period the
	 * decision fixed, a last day on a rest day moved to the next working day).
	 * @return the day, or empty when the decision confiscates nothing, is not delivered, or was handed over
	 * @throws DomainException (404) when there is no such case
	 */
	public Optional<LocalDate> handoverDue(long caseId) {
		CaseView c = caseWork.find(caseId);
		if (c.deliveredOn() == null || Execution.confiscated(c) == null || caseWork.handover(caseId).isPresent()) {
			return Optional.empty();
		}
		return Optional.of(caseWork.clock(c).handoverDue(c.deliveredOn()));
	}

	/** An instalment as entered: the day it is due and its amount (¥). */
	public record InstalmentTerm(String dueOn, @JsonDeserialize(using = NumberText.class) @NumberText.Digits(
			label = INSTALMENT, integer = CaseInput.YUAN_INTEGER, fraction = CaseInput.YUAN_FRACTION) String amount) {
	}

	/**
	 * 延期或分期缴纳罚款 as the party asked (行政处罚法(2021) art.66).
	 * @param kind DEFERRAL (one later deadline) or INSTALMENTS
	 * @param appliedOn the day the party applied in writing (required; the application is judged timely on it, not on
	 * the day the head approves)
	 * @param deferredUntil the new deadline (DEFERRAL)
	 * @param instalments the instalments (INSTALMENTS: at least two, in date order, summing to the fine)
	 */
	public record PaymentTerms(String kind, String appliedOn, String deferredUntil, String reason,
			List<InstalmentTerm> instalments) {
		/** The long free text (reason) as stored, searched and compared: {@link Text#freeText}. */
		public PaymentTerms {
			reason = Text.freeText(reason);
		}
	}

	/**
	 * Approves, on the party's request, a deferral or instalments of a delivered, unpaid fine (行政处罚法(2021) art.66),
	 * once per case, by the bureau head: the payment deadline becomes the deferred day, or each instalment's day, and
	 * 加处罚款 runs from it (3 % a day of what is late, capped at it, art.72). The application must have been made within
	 * the payment period — judged on the day the party applied ({@code appliedOn}, kept on the case), so an application
	 * made in time may be approved after the period ended, and a late one is refused whenever it is entered. No day of
	 * the arrangement lies before the statutory deadline ({@link StatutoryRule#PENALTY_PAYMENT}, art.67): a deferral is
	 * to a day after it, the first instalment due on it at the earliest — art.66 grants time beyond the fifteen days,
	 * never less, so 加处罚款 never runs before the law lets it. Issues the
	 * 延期（分期）缴纳罚款批准书.
	 * @throws InvalidValueException naming {@code appliedOn} (missing, in the future, before delivery), {@code kind},
	 * {@code deferredUntil}, {@code instalments[i].dueOn}, {@code instalments[i].amount}, {@code instalments} or
	 * {@code reason}; (422) {@code appliedOn} with rule {@code after-due} when applied after the payment deadline
	 * @throws DomainException (409) unless delivered, or (rule {@code decision-annulled}) once revoked or confirmed
	 * invalid, or (rule {@code already-paid}) once the fine is paid; (422) without a fine, or when already arranged
	 */
	@Transactional
	public void arrangePayment(DataScope scope, long id, Officer head, PaymentTerms terms) {
		CaseView c = caseWork.lock(scope, id);
		CaseStep.ARRANGE_PAYMENT.from(c.status());
		Execution.requireInForce(c, "kind", "批准延期（分期）缴纳罚款");
		caseWork.requireHandlingHead(c.handledIn(), "批准延期（分期）缴纳罚款");
		if (Execution.fine(c) == null) {
			throw ruleBroken("kind", "no-fine", "该处罚决定没有罚款，无需延期或分期缴纳");
		}
		Execution.requireUnpaid(c, "kind", "批准延期（分期）缴纳罚款");
		if (caseWork.procedure(id).paymentArrangement() != null) {
			throw DomainException.illegalTransition("kind", "already-arranged", "本案已批准延期（分期）缴纳罚款，不能再次批准");
		}
		CaseClock caseClock = caseWork.clock(c);
		LocalDate originalDue = caseClock.paymentDue(c.deliveredOn());
		Validation v = new Validation();
		v.required("appliedOn", "申请日期", terms.appliedOn());
		LocalDate appliedOn = v.date("appliedOn", "申请日期（不早于送达、不晚于今天）", terms.appliedOn(),
				c.deliveryActOn(), caseWork.today());
		if (appliedOn != null && appliedOn.isAfter(originalDue) && !appliedOn.isAfter(caseWork.today())) {
			// art.66: the party applies while the fine is due; granted on a late application, a deferral would wipe out
			// the 加处罚款 already owed (art.72). Judged on the day it applied, not the day the head decides.
			throw ruleBroken("appliedOn", "after-due", "当事人于" + ChineseText.day(appliedOn) + "申请，缴款期限已于" + ChineseText.day(originalDue)
					+ "届满，逾期申请不能批准延期或分期缴纳罚款（当事人应在缴款期限内申请，" + StatutoryRule.PENALTY_PAYMENT_DEFERRAL_MAX.basis()
					+ "；已发生的加处罚款依" + StatutoryRule.PENALTY_LATE_SURCHARGE.basis() + "照常计算）");
		}
		// the longest deferral bounds a day the head chooses: counted unmoved, never pushed past a rest day
		LocalDate latestDue = caseClock.deferralLimit(originalDue);
		String kind = Text.isBlank(terms.kind()) ? null : Text.strip(terms.kind()).toUpperCase(Locale.ROOT);
		v.require("kind", "DEFERRAL".equals(kind) || "INSTALMENTS".equals(kind), "one-of",
				"缴纳方式应为DEFERRAL（延期）或INSTALMENTS（分期）");
		v.required("reason", "申请理由", terms.reason()).maxLength("reason", "申请理由", terms.reason(), 500)
			.words("reason", "申请理由", terms.reason());
		LocalDate deferred = null;
		List<Instalment> parts = new ArrayList<>();
		// each kind states only its own terms: a deferral's instalments, or instalments' deferred day, would be approved
		// as the head never saw them
		List<InstalmentTerm> typed = terms.instalments() == null ? List.of() : terms.instalments().stream()
			.filter(t -> t != null && (!Text.isBlank(t.dueOn()) || !Text.isBlank(t.amount()))).toList();
		if ("DEFERRAL".equals(kind)) {
			v.require("instalments", typed.isEmpty(), "absent", "延期缴纳不填写分期：分期缴纳请选择INSTALMENTS");
		}
		else if ("INSTALMENTS".equals(kind)) {
			v.require("deferredUntil", Text.isBlank(terms.deferredUntil()), "absent",
					"分期缴纳不填写延期至：各期的缴纳期限填写在instalments中");
		}
		if ("DEFERRAL".equals(kind)) {
			v.required("deferredUntil", "延期至", terms.deferredUntil());
			// after the original deadline, and not before the day of approval: a day already past would make the party
			// owe 加处罚款 for days before it was told of the deferral (instalment days are held to the same)
			LocalDate earliest = originalDue.plusDays(1).isAfter(caseWork.today()) ? originalDue.plusDays(1) : caseWork.today();
			deferred = v.date("deferredUntil", "延期至（晚于原缴款期限" + ChineseText.day(originalDue) + "且不早于今天）",
					terms.deferredUntil(), earliest, latestDue);
			workingDay(v, caseClock, "deferredUntil", "延期至", deferred);
		}
		else if ("INSTALMENTS".equals(kind)) {
			List<InstalmentTerm> given = typed;
			v.require("instalments", given.size() >= 2, "min", "分期缴纳至少分2期");
			// no instalment falls due before the statutory deadline (art.67, StatutoryRule.PENALTY_PAYMENT): art.66 grants
			// time beyond the fifteen days, never less — an instalment due earlier would start 加处罚款 (art.72) before the
			// law does. The first is due on the deadline at the earliest (and not before today); the party may pay it sooner.
			LocalDate previous = (originalDue.isAfter(caseWork.today()) ? originalDue : caseWork.today()).minusDays(1);
			BigDecimal sum = BigDecimal.ZERO;
			for (int i = 0; i < given.size(); i++) {
				String f = "instalments[" + i + "]";
				v.required(f + ".dueOn", "第" + (i + 1) + "期缴纳期限", given.get(i).dueOn())
					.required(f + ".amount", "第" + (i + 1) + "期金额", given.get(i).amount());
				LocalDate due = v.date(f + ".dueOn", "第" + (i + 1) + "期缴纳期限（" + (i == 0 ? "不早于原缴款期限"
						+ ChineseText.day(originalDue) + "，" + StatutoryRule.PENALTY_PAYMENT.basis() : "应晚于上一期") + "）", given.get(i).dueOn(), previous.plusDays(1),
						latestDue);
				workingDay(v, caseClock, f + ".dueOn", "第" + (i + 1) + "期缴纳期限", due);
				String label = INSTALMENT.replace("{n}", String.valueOf(i + 1));
				BigDecimal amount = v.decimal(f + ".amount", label, given.get(i).amount(), CaseInput.YUAN_INTEGER,
						CaseInput.YUAN_FRACTION);
				v.money(f + ".amount", label, amount);
				if (amount != null) {
					v.require(f + ".amount", amount.signum() > 0, "positive", "第" + (i + 1) + "期金额应大于0");
					sum = sum.add(amount);
				}
				if (due != null) {
					previous = due;
				}
				parts.add(new Instalment(i + 1, due, amount, null, null, null));
			}
			// the sum is judged over valid amounts only: over an amount refused (0.001, text) it names a figure nobody
			// entered, a second error for the one already told
			boolean amountsValid = v.errors().stream().noneMatch(e -> e.field().startsWith("instalments[")
					&& e.field().endsWith(".amount"));
			if (given.size() >= 2 && amountsValid) {
				v.require("instalments", sum.compareTo(c.fine()) == 0, "sum", "各期金额合计" + plain(sum) + "元，应等于罚款"
						+ plain(c.fine()) + "元");
			}
		}
		v.throwIfInvalid();
		for (Instalment i : parts) {
			jdbc.sql("INSERT INTO penalty_case_instalment (case_id, position, due_on, amount) VALUES (:id, :pos, :due, :amount)")
				.param("id", id).param("pos", i.position()).param("due", i.dueOn()).param("amount", i.amount()).update();
		}
		Map<String, Object> p = new HashMap<>();
		p.put("kind", kind);
		p.put("until", deferred);
		p.put("reason", Text.strip(terms.reason()));
		p.put("head", head.name());
		p.put("applied", appliedOn);
		caseWork.move(c, c.status(), """
				, payment_arrangement = :kind, payment_deferred_until = :until, payment_arrangement_reason = :reason,
				  payment_arranged_by = :head, payment_applied_on = :applied""", p);
		caseWork.record(c, "case.payment-arrangement", head.name() + "批准当事人" + ChineseText.day(appliedOn) + "的申请，" + ("DEFERRAL".equals(kind)
				? "延期缴纳罚款至" + ChineseText.day(deferred) : "分期缴纳罚款（" + parts.size() + "期，末期" + ChineseText.day(parts.get(parts.size() - 1).dueOn()) + "）")
				+ "：" + Text.strip(terms.reason()));
		caseWork.issue(id, CaseDocumentKind.PAYMENT_APPROVAL);
		caseWork.tellParty(c, PenaltyStepServed.Step.PAYMENT_ARRANGED, caseWork.today(),
				"DEFERRAL".equals(kind) ? deferred : parts.get(0).dueOn(), false);
	}

	/**
	 * Every day a payment arrangement carries (the deferred day, each instalment's day) must be a working day of the
	 * calendar (rule {@code working-day}, the code a hearing day and an inspection day refused for the same reason
	 * carry): the payment deadline in force is always a working day — the 15 days of art.67 move past a rest day (DOMAIN: a calendar-day deadline ending on a day off moves to the next working day) — so a day
	 * the head approves is refused rather than silently moved, and the 批准书 states the day that is in force. A day
	 * already refused (out of range) is not judged again.
	 */
	private static void workingDay(Validation v, CaseClock caseClock, String field, String label, LocalDate day) {
		boolean refusedAlready = v.errors().stream().anyMatch(e -> e.field().equals(field));
		if (day != null && !refusedAlready) {
			v.require(field, caseClock.isWorkingDay(day), "working-day", label + ChineseText.day(day) + "是休息日（周末或法定节假日），批准的缴款期限应为"
					+ "工作日（其后第一个工作日为" + ChineseText.day(caseClock.onOrNextWorkingDay(day)) + "）");
		}
	}

	/**
	 * The payment deadline in force for a fine delivered and not yet paid — the approved deferral's day, the next unpaid
	 * instalment's (行政处罚法(2021) art.66), or the catalogue's period from delivery ({@link StatutoryRule#PENALTY_PAYMENT},
	 * art.67, a last day falling on a rest day moved to the next working day) — the same day the case page shows.
	 * @param caseId the case's id
	 * @return the day, or empty when the case imposes no fine, is not delivered, or is paid
	 * @throws DomainException (404) when there is no such case
	 */
	public Optional<LocalDate> paymentDue(long caseId) {
		CaseView c = caseWork.find(caseId);
		if (c.paidOn() != null) {
			return Optional.empty();
		}
		return Optional.ofNullable(finePayments.paymentDue(c, caseWork.procedure(caseId))).map(PaymentDue::due);
	}

	/**
	 * {@link #paymentDue(long)} of every case of a list (a queue's page, a job's run), read for the whole list at once —
	 * the cases and their instalments in two queries ({@link CaseWork#withProcedures}), each rule's value once per region
	 * ({@link CaseWork#clocks}) — never a query per case.
	 * @param caseIds the cases
	 * @return each case's payment deadline in force; a case without one (no fine, not delivered, paid, no such case) is
	 * not in the map
	 */
	public Map<Long, LocalDate> paymentsDue(List<Long> caseIds) {
		Map<Long, LocalDate> due = new HashMap<>();
		unpaid(caseIds).forEach((id, u) -> due.put(id, u.due()));
		return due;
	}

	/**
	 * A fine delivered and not paid as a list shows it: the payment deadline in force ({@link #paymentDue(long)}) and
	 * the 加处罚款 accrued on it to today (行政处罚法(2021) art.72: at the rate the decision fixed, a day from the day
	 * after the deadline, capped by {@code penalty.late-surcharge-cap} at the amount charged on; with instalments the
	 * sum over every overdue one) — the amount the case page shows as {@code surchargeToday}.
	 * @param due the payment deadline in force
	 * @param surchargeToday ¥ (scale 2), zero while the deadline has not passed
	 */
	public record Unpaid(LocalDate due, BigDecimal surchargeToday) {
	}

	/**
	 * {@link Unpaid} of every case of a list (a queue, the party's list), read for the whole list at once — the cases and
	 * their instalments in two queries ({@link CaseWork#withProcedures}), each rule's value once per region
	 * ({@link CaseWork#clocks}) — never a query per case.
	 * @param caseIds the cases
	 * @return each unpaid fine's deadline and 加处罚款 today; a case without one (no fine, not delivered, paid up, no
	 * such case) is not in the map
	 */
	public Map<Long, Unpaid> unpaid(List<Long> caseIds) {
		var clocks = caseWork.clocks();
		LocalDate today = caseWork.today();
		Map<Long, Unpaid> unpaid = new HashMap<>();
		for (CaseWork.CaseWithProcedure read : caseWork.withProcedures(caseIds)) {
			CaseView c = read.penaltyCase();
			if (c.paidOn() != null || Execution.paidUp(c, read.procedure().instalments())) {
				continue;
			}
			CaseClock caseClock = clocks.apply(c);
			PaymentDue payment = FinePayments.paymentDue(c, read.procedure(), caseClock);
			if (payment != null) {
				unpaid.put(c.id(), new Unpaid(payment.due(),
						FinePayments.owedSurcharge(c, read.procedure(), today, caseClock)));
			}
		}
		return unpaid;
	}

	/**
	 * {@link #handoverDue(long)} of every case of a list (the 逾期未上缴 queue), read for the whole list at once: the
	 * cases in one query, their handovers in one ({@link CaseWork#handedOver}), each rule's value once per region —
	 * never a query per case.
	 * @param caseIds the cases
	 * @return each case's last day to hand over; a case without one (nothing confiscated, not delivered, handed over,
	 * no such case) is not in the map
	 */
	public Map<Long, LocalDate> handoversDue(List<Long> caseIds) {
		var clocks = caseWork.clocks();
		var handed = caseWork.handedOver(caseIds);
		Map<Long, LocalDate> due = new HashMap<>();
		for (CaseWork.CaseWithProcedure read : caseWork.withProcedures(caseIds)) {
			CaseView c = read.penaltyCase();
			if (c.deliveredOn() != null && Execution.confiscated(c) != null && !handed.contains(c.id())) {
				due.put(c.id(), clocks.apply(c).handoverDue(c.deliveredOn()));
			}
		}
		return due;
	}
}
