package org.youguan.complaints.internal;

import java.util.Optional;

import org.youguan.complaints.AcceptanceCondition;
import org.youguan.kernel.Wording;
import org.youguan.numbering.BusinessNumbers;
import org.youguan.rules.Citation;
import org.youguan.rules.LegalText;

/**
 * 重复申诉: a complaint with the same phone, waybill and category as one filed within 90 days is a duplicate unless it
 * brings new content (邮政业用户申诉处理办法(2014)); one marked for the same text on the same day (ComplaintIntake) is
 * shown the same way, its breach naming both reasons a complaint is marked for. Only the handler can judge new content,
 * so it is filed, marked and shown to the handler, never refused at filing.
 */
final class DuplicateRule implements AcceptanceRule {

	@Override
	public AcceptanceCondition condition() {
		return AcceptanceCondition.DUPLICATE;
	}

	@Override
	public String basis() {
		return Citation.of(LegalText.COMPLAINT_MEASURES).toString();
	}

	@Override
	public boolean refusedAtFiling() {
		return false;
	}

	@Override
	public Optional<Breach> check(Facts f, Limits limits) {
		return f.duplicateOf() == null ? Optional.empty()
				: Optional.of(duplicateOf(BusinessNumbers.named("申诉", "申诉", f.duplicateOf())));
	}

	/** The breach naming the earlier complaint once: its number (申诉-320506-2026-000073) already says it is a 申诉. */
	private Breach duplicateOf(String earlier) {
		return new Breach(condition(), "疑似与" + earlier + "重复（同一手机号、运单号和类别，或当日对同一品牌内容相同）",
				Wording.of("complaint.finding.duplicate", earlier), basis(), null);
	}
}
