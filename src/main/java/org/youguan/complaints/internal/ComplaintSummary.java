package org.youguan.complaints.internal;

import java.time.LocalDate;

import org.youguan.complaints.Channel;
import org.youguan.complaints.ComplaintStatus;
import org.youguan.complaints.ComplaintView;
import org.youguan.complaints.Satisfaction;
import org.youguan.kernel.Masking;

/**
 * A complaint as API lists carry it: personal data masked exactly as the queue page and its export show it (filer's
 * name as 张*, phone as 139****5678; a waybill number stored before it had to hold no ID or mobile number with that number
 * masked, and a landline as the public history masks it, {@link Masking#telephonesIn}: 0512-****1234). The full values come only from a single-record read by a role entitled to them,
 * which is audited ({@code GET /api/v1/complaints/{id}}).
 */
public record ComplaintSummary(long id, String number, Channel channel, String filerNameMasked,
		String filerPhoneMasked, String regionCode, String regionName, String brandName, String enterpriseName,
		String enterpriseCreditCode, String waybillNumber, String category, String reason, ComplaintStatus status,
		LocalDate receivedOn, LocalDate stepDue, LocalDate answerDue, boolean overdue, boolean dueSoon,
		boolean transferFlagged, Boolean validComplaint, Satisfaction satisfaction) {

	static ComplaintSummary of(ComplaintView c) {
		return new ComplaintSummary(c.id(), c.number(), c.channel(), Masking.name(c.filerName()), c.filerPhoneMasked(),
				c.regionCode(), c.regionName(), c.brandName(), c.enterpriseName(), c.enterpriseCreditCode(),
				Masking.telephonesIn(c.waybillNumber()), c.category(), c.reason(), c.status(), c.receivedOn(), c.stepDue(), c.answerDue(),
				c.overdue(), c.dueSoon(), c.transferFlagged(), c.validComplaint(), c.satisfaction());
	}
}
