package org.youguan.complaints.internal;

import java.time.LocalDate;
import java.util.Optional;

import org.youguan.complaints.AcceptanceCondition;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.Wording;
import org.youguan.rules.StatutoryRule;

/**
 * 先向企业投诉: a complaint to the regulator comes after a complaint to the company, which has the waiting period
 * (7 days, 快递暂行条例(2025) 第29条 — counted as the rule catalogue counts calendar days: ending on a day off, it runs to
 * the next working day) to answer; with the company's answer (which the filer disputes) it may come at once.
 * Refused at filing, naming {@code priorComplaint}.
 */
final class PriorComplaintRule implements AcceptanceRule {

	@Override
	public AcceptanceCondition condition() {
		return AcceptanceCondition.NO_PRIOR_COMPLAINT;
	}

	@Override
	public String basis() {
		return StatutoryRule.COMPLAINT_PRIOR_COMPLAINT_WAIT.basis();
	}

	@Override
	public boolean refusedAtFiling() {
		return true;
	}

	@Override
	public Optional<Breach> check(Facts f, Limits limits) {
		// the company's answer period ends as every calendar-day deadline does (a day off at its end extends it)
		LocalDate mayComplain = limits.priorAnswerDue().apply(f.priorComplainedOn());
		if (f.companyAnswered() || !f.receivedOn().isBefore(mayComplain)) {
			return Optional.empty();
		}
		return Optional.of(new Breach(condition(), "向企业投诉于" + ChineseText.day(f.priorComplainedOn()) + "，尚在企业答复期内（至"
				+ limits.dayShown().apply(mayComplain) + "）",
				Wording.of("complaint.finding.priorComplaint", f.priorComplainedOn(), mayComplain), basis(),
				new FieldError("priorComplaint", "precondition", "向企业投诉后企业尚在答复期内（" + limits.priorComplaintWaitDays()
						+ "日）：请等待企业答复；如企业到" + limits.dayShown().apply(mayComplain) + "仍未答复或您对答复不满意，可再提出申诉"),
				Wording.of("complaint.refusal.priorAnswerPending", limits.priorComplaintWaitDays(), mayComplain)));
	}
}
