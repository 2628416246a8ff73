package org.youguan.complaints.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Wording;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

/**
 * The acceptance conditions the system can check, composed in one place and used by both the pre-check at filing
 * (what the filer is told at once) and the handler's assessment before acceptance: prior complaint to the company
 * ({@link PriorComplaintRule}), filing window ({@link FilingWindowRule}), duplicate ({@link DuplicateRule}). The
 * other conditions (scope, party, proceedings elsewhere) need the handler's judgement and are named by the handler.
 */
@Component
public class AcceptanceRules {

	static final List<AcceptanceRule> ALL = List.of(new PriorComplaintRule(), new FilingWindowRule(), new DuplicateRule());

	private final StatutoryRules rules;

	private final WorkingCalendar calendar;

	AcceptanceRules(StatutoryRules rules, WorkingCalendar calendar) {
		this.rules = rules;
		this.calendar = calendar;
	}

	/** Every breach of the rules by the facts of a complaint in {@code county}, in the rules' order. */
	public List<AcceptanceRule.Breach> breaches(AcceptanceRule.Facts facts, String county) {
		AcceptanceRule.Limits limits = limits(facts.postedOn(), county);
		return ALL.stream().flatMap(r -> r.check(facts, limits).stream()).toList();
	}

	/**
	 * The pre-check at filing: every rule refused at filing that the facts break, reported at once.
	 * @throws InvalidValueException naming each field ({@code priorComplaint} precondition, {@code postedOn} time-barred)
	 */
	public void requireFileable(AcceptanceRule.Facts facts, String county) {
		AcceptanceRule.Limits limits = limits(facts.postedOn(), county);
		var breaches = ALL.stream()
			.filter(AcceptanceRule::refusedAtFiling)
			.flatMap(r -> r.check(facts, limits).stream())
			.toList();
		if (!breaches.isEmpty()) {
			// each failure with its sentence's key where it has one: the public form words it in the reader's language
			Map<FieldError, Wording> wordings = new HashMap<>();
			breaches.stream().filter(b -> b.toFilerWording() != null).forEach(b -> wordings.put(b.toFiler(), b.toFilerWording()));
			throw new InvalidValueException(breaches.stream().map(AcceptanceRule.Breach::toFiler).toList(), wordings);
		}
	}

	private AcceptanceRule.Limits limits(LocalDate postedOn, String county) {
		return new AcceptanceRule.Limits(rules.intValue(StatutoryRule.COMPLAINT_PRIOR_COMPLAINT_WAIT, county),
				prior -> rules.deadline(StatutoryRule.COMPLAINT_PRIOR_COMPLAINT_WAIT, prior, county), calendar::messageDay,
				rules.deadline(StatutoryRule.COMPLAINT_FILING_WINDOW, postedOn, county),
				rules.stated(StatutoryRule.COMPLAINT_FILING_WINDOW, county));
	}
}
