package org.youguan.complaints.internal;

import java.util.Optional;

import org.youguan.complaints.AcceptanceCondition;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.Wording;
import org.youguan.rules.StatutoryRule;

/**
 * 申诉时效: a complaint is filed within the window (1 year) from the dispute or posting (邮政业用户申诉处理办法(2014));
 * later it is time-barred. Refused at filing, naming {@code postedOn}.
 */
final class FilingWindowRule implements AcceptanceRule {

	@Override
	public AcceptanceCondition condition() {
		return AcceptanceCondition.TIME_BARRED;
	}

	@Override
	public String basis() {
		return StatutoryRule.COMPLAINT_FILING_WINDOW.basis();
	}

	@Override
	public boolean refusedAtFiling() {
		return true;
	}

	@Override
	public Optional<Breach> check(Facts f, Limits limits) {
		if (!f.receivedOn().isAfter(limits.filingWindowEnds())) {
			return Optional.empty();
		}
		return Optional.of(new Breach(condition(), "交寄日期" + ChineseText.day(f.postedOn()) + "，已超过申诉时效",
				Wording.of("complaint.finding.timeBarred", f.postedOn()), basis(),
				new FieldError("postedOn", "time-barred",
						// the window as the catalogue has it for the county: 已超过申诉时效（争议发生或交寄之日起1年）
						"已" + condition().label(limits.filingWindow()) + "，不能受理")));
	}
}
