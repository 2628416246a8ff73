package org.youguan.enforcement.internal;

import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.youguan.complaints.ComplaintReferred;
import org.youguan.enforcement.LeadSource;
import org.youguan.enforcement.Leads;
import org.youguan.filing.OutletFiled;
import org.youguan.inspections.InspectionLeadRaised;
import org.youguan.inspections.RectificationOverdue;
import org.youguan.kernel.ChineseText;
import org.youguan.numbering.BusinessNumbers;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;
import org.youguan.rules.ViolationType;
import org.youguan.safety.SafetyAlertReferred;
import org.youguan.platform.ChinaTime;

/**
 * Leads from the other modules' events, each after its step commits (from the event publication registry: a failure is
 * retried, not lost); one lead per origin, so a redelivered event adds nothing: a complaint referred to enforcement, an
 * inspection concluded as 立案线索, a 责令改正 order left unrectified, a safety anomaly alert turned into a lead, a
 * new outlet filed after the statutory period from opening (逾期备案) (行政处罚法(2021) art.54: 及时立案).
 */
@Component
class LeadIntake {

	private static final ZoneId CHINA = ChinaTime.ZONE;

	private final Leads leads;

	private final StatutoryRules rules;

	LeadIntake(Leads leads, StatutoryRules rules) {
		this.leads = leads;
		this.rules = rules;
	}

	@ApplicationModuleListener
	void on(ComplaintReferred e) {
		String complaint = BusinessNumbers.named("申诉", "申诉", e.number());
		String summary = complaint + "（" + e.brandName() + "，" + e.category() + "，" + e.complaintReason() + "，"
				+ (e.valid() ? "有效申诉" : "非有效申诉") + "）移送：" + e.referralReason();
		leads.intake(new Leads.Intake(LeadSource.COMPLAINT, "complaint:" + e.complaintId(), complaint,
				e.regionCode(), e.enterpriseCreditCode(), e.enterpriseName(), summary,
				LocalDate.ofInstant(e.referredAt(), CHINA), false));
	}

	@ApplicationModuleListener
	void on(InspectionLeadRaised e) {
		leads.intake(new Leads.Intake(LeadSource.INSPECTION, "inspection:" + e.recordId(), "检查记录" + e.recordId(),
				e.regionCode(), e.enterpriseCreditCode(), null, "执法检查发现：" + e.findings(), e.raisedOn(), e.imported()));
	}

	@ApplicationModuleListener
	void on(RectificationOverdue e) {
		String order = BusinessNumbers.named("责令改正通知书", "责令改正", e.number());
		leads.intake(new Leads.Intake(LeadSource.INSPECTION, "rectification:" + e.orderId(), order, e.regionCode(),
				e.enterpriseCreditCode(), null, order + "整改期限" + ChineseText.day(e.dueOn()) + "已过，逾期未整改", e.raisedOn(), false));
	}

	@ApplicationModuleListener
	void on(SafetyAlertReferred e) {
		leads.intake(new Leads.Intake(LeadSource.SAFETY, "safety-alert:" + e.alertId(), "安全监管预警" + e.alertId(),
				e.regionCode(), e.enterpriseCreditCode(), e.enterpriseName(),
				"安全监管预警（" + e.rule() + "，" + ChineseText.day(e.day()) + "）：" + e.summary() + "。移送说明：" + e.reason(),
				LocalDate.ofInstant(e.referredAt(), CHINA), false));
	}

	/**
	 * A new outlet whose filing the bureau completed although it was filed more than the catalogue's period after
	 * opening ({@link StatutoryRule#OUTLET_FILING_AFTER_OPENING}, 快递暂行条例(2025) art.19): a lead under the article
	 * that punishes it ({@link ViolationType#OUTLET_UNFILED}, art.50), one per filing, received the day the filing was
	 * completed. A filing in time is no lead.
	 */
	@ApplicationModuleListener
	void on(OutletFiled e) {
		if (!e.lateFiling()) {
			return;
		}
		StatutoryRule period = StatutoryRule.OUTLET_FILING_AFTER_OPENING;
		String outlet = "末端网点“" + e.outletName() + "”（备案编号" + e.filingNumber() + "）";
		String summary = outlet + "于" + ChineseText.day(e.openedOn()) + "开办，" + ChineseText.day(e.submittedOn())
				+ "方提交备案，超过开办后" + rules.intValue(period, e.regionCode()) + "日内备案的规定（"
				+ period.citations().get(0) + "），逾期备案；涉嫌" + ViolationType.OUTLET_UNFILED.title() + "（"
				+ ViolationType.OUTLET_UNFILED.citations().get(0) + "）。";
		// the application's number says 备案申请 already: "备案申请-320506-2026-000002", not "网点备案备案申请-…"
		leads.intake(new Leads.Intake(LeadSource.FILING, "outlet-filing:" + e.filingId(),
				BusinessNumbers.named("网点备案申请", "备案申请", e.applicationNumber()),
				e.regionCode(), e.enterpriseCreditCode(), null, summary, e.completedOn(), false));
	}

}
