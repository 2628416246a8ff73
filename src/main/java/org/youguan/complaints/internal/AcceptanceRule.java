package org.youguan.complaints.internal;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.youguan.complaints.AcceptanceCondition;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.Wording;

/**
 * One condition of law under which a complaint is not accepted, checked by the system from the filed facts. Each rule
 * names the {@link AcceptanceCondition} it finds and cites its legal basis (from the rule catalogue, with the text's
 * version); the figures it needs (waiting period, filing window) are resolved by {@link AcceptanceRules} for the
 * complaint's county, so a rule is a pure function of the facts and is unit-tested as such.
 */
public interface AcceptanceRule {

	/** The facts a rule reads: as filed, and the day of receipt (the filing day, or today at pre-check). */
	record Facts(LocalDate receivedOn, LocalDate postedOn, LocalDate priorComplainedOn, boolean companyAnswered,
			String duplicateOf) {
	}

	/**
	 * The figures of the rule catalogue for the complaint's county: the waiting period in calendar days, the day the
	 * company's answer period ends for a complaint made to it on a given day (the rule catalogue's deadline on the
	 * working-day calendar: a last day falling on a day off moves to the next working day), a day as a message states it
	 * (with （暂定） on a provisional calendar), the filing window's last day and the window as the catalogue states it
	 * ("1年").
	 */
	record Limits(int priorComplaintWaitDays, UnaryOperator<LocalDate> priorAnswerDue, Function<LocalDate, String> dayShown,
			LocalDate filingWindowEnds, String filingWindow) {

		/** Limits on a calendar without days off (every day a working day), a 1-year window: for the rules' unit tests. */
		Limits(int priorComplaintWaitDays, LocalDate filingWindowEnds) {
			this(priorComplaintWaitDays, d -> d.plusDays(priorComplaintWaitDays), ChineseText::day, filingWindowEnds, "1年");
		}
	}

	/**
	 * What a rule found: the condition, the staff's finding, the legal basis, and — for a rule refused at filing — what
	 * the filer is told, naming the field, with that sentence's bundle key and values (null where it has none) so the
	 * public form words it in the reader's language.
	 */
	record Breach(AcceptanceCondition condition, String finding, Wording findingWording, String basis, FieldError toFiler,
			Wording toFilerWording) {

		/** A breach whose finding carries its key and whose words to the filer carry none. */
		Breach(AcceptanceCondition condition, String finding, Wording findingWording, String basis, FieldError toFiler) {
			this(condition, finding, findingWording, basis, toFiler, null);
		}

		/** A breach whose words to the filer carry their key and whose finding carries none. */
		Breach(AcceptanceCondition condition, String finding, String basis, FieldError toFiler, Wording toFilerWording) {
			this(condition, finding, null, basis, toFiler, toFilerWording);
		}

		/** A breach whose finding and words to the filer carry no key. */
		Breach(AcceptanceCondition condition, String finding, String basis, FieldError toFiler) {
			this(condition, finding, null, basis, toFiler, null);
		}
	}

	AcceptanceCondition condition();

	/** The legal basis as cited, e.g. {@code 快递暂行条例(2025) 第29条}. */
	String basis();

	/** Whether a breach refuses the filing at once (the filer is told why), or is only shown to the handler. */
	boolean refusedAtFiling();

	/** The breach, if the facts break the rule. */
	Optional<Breach> check(Facts facts, Limits limits);
}
