package org.youguan.rules;

import static org.youguan.rules.LegalText.ADMINISTRATIVE_LICENSING_LAW;
import static org.youguan.rules.LegalText.ADMINISTRATIVE_LITIGATION_LAW;
import static org.youguan.rules.LegalText.ADMINISTRATIVE_PENALTY_LAW;
import static org.youguan.rules.LegalText.ADMINISTRATIVE_REVIEW_LAW;
import static org.youguan.rules.LegalText.CIVIL_PROCEDURE_LAW;
import static org.youguan.rules.LegalText.COMPLAINT_MEASURES;
import static org.youguan.rules.LegalText.COUNTER_TERRORISM_LAW;
import static org.youguan.rules.LegalText.DISCLOSURE_PRACTICE;
import static org.youguan.rules.LegalText.EXPRESS_CREDIT_MEASURES;
import static org.youguan.rules.LegalText.EXPRESS_LICENSING_MEASURES;
import static org.youguan.rules.LegalText.EXPRESS_MARKET_MEASURES;
import static org.youguan.rules.LegalText.EXPRESS_REGULATION;
import static org.youguan.rules.LegalText.LOCAL_PRACTICE;
import static org.youguan.rules.LegalText.OUTLET_FILING_PROVISIONS;
import static org.youguan.rules.LegalText.POSTAL_ENFORCEMENT_SUPERVISION;
import static org.youguan.rules.LegalText.POSTAL_LAW;
import static org.youguan.rules.LegalText.PRODUCT_RULE;
import static org.youguan.rules.LegalText.REAL_NAME_MEASURES;
import static org.youguan.rules.LegalText.STATISTICS_REPORTING_SYSTEM;
import static org.youguan.rules.LegalText.UNIVERSAL_SERVICE_STANDARD;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.youguan.kernel.Text;

/**
 * The catalogue of statutory rules: every deadline, limit and fine bound the product applies, with its legal basis
 * (one or more {@link Citation}s, each naming the text's version) and default. Article numbers live only here, so a
 * revision of the law is one edit: 快递暂行条例 is cited in its 2025 numbering (国务院 decision of 2025-04-13; outlet
 * filing art.19, complaint answered within 7 days art.29, penalties art.50–58). {@code confirmed} is false where the
 * figure is local practice or not confirmed (DOMAIN.md) — such values are especially meant to be set by each bureau.
 */
public enum StatutoryRule {

	/** 申诉前企业未答复的等待期（快递暂行条例(2025) 第29条） */
	COMPLAINT_PRIOR_COMPLAINT_WAIT("complaint.prior-complaint-wait", "申诉前企业未答复的等待期", "7", RuleUnit.CALENDAR_DAYS, true, Citation.of(EXPRESS_REGULATION, 29)),

	/** 申诉时效（自争议发生或交寄之日起）（邮政业用户申诉处理办法(2014)） */
	COMPLAINT_FILING_WINDOW("complaint.filing-window", "申诉时效（自争议发生或交寄之日起）", "1", RuleUnit.YEARS, true, Citation.of(COMPLAINT_MEASURES)),

	/** 申诉转办企业时限（邮政业用户申诉处理办法(2014)） */
	COMPLAINT_TRANSFER("complaint.transfer", "申诉转办企业时限", "2", RuleUnit.WORKING_DAYS, false, Citation.of(COMPLAINT_MEASURES)),

	/** 企业答复申诉时限（邮政业用户申诉处理办法(2014)） */
	COMPLAINT_ENTERPRISE_REPLY("complaint.enterprise-reply", "企业答复申诉时限", "7", RuleUnit.CALENDAR_DAYS, false, Citation.of(COMPLAINT_MEASURES)),

	/** 企业重新处理时限（退回重办）（邮政业用户申诉处理办法(2014)） */
	COMPLAINT_REDO("complaint.redo", "企业重新处理时限（退回重办）", "5", RuleUnit.CALENDAR_DAYS, false, Citation.of(COMPLAINT_MEASURES)),

	/** 回访用户时限（自企业答复）（邮政业用户申诉处理办法(2014)） */
	COMPLAINT_CALLBACK("complaint.callback", "回访用户时限（自企业答复）", "3", RuleUnit.WORKING_DAYS, false, Citation.of(COMPLAINT_MEASURES)),

	/** 回访未接通再次回访间隔（邮政业用户申诉处理办法(2014)） */
	COMPLAINT_CALLBACK_RETRY("complaint.callback-retry", "回访未接通再次回访间隔", "4", RuleUnit.HOURS, false, Citation.of(COMPLAINT_MEASURES)),

	/** 申诉处理答复期限（自收到申诉）（邮政法(2015) 第65条） */
	COMPLAINT_ANSWER_LIMIT("complaint.answer-limit", "申诉处理答复期限（自收到申诉）", "30", RuleUnit.CALENDAR_DAYS, true, Citation.of(POSTAL_LAW, 65)),

	/** 申诉案卷保存期限（邮政业用户申诉处理办法(2014)） */
	COMPLAINT_RECORD_RETENTION("complaint.record-retention", "申诉案卷保存期限", "3", RuleUnit.YEARS, true, Citation.of(COMPLAINT_MEASURES)),

	/**
	 * 同一电话号码每日经公众门户提交申诉的件数上限（北京时间自然日）：产品规则，非法律规定——匿名提交没有账号，
	 * 一个号码一日内成批提交会淹没受理队列，也会以他人号码冒名申诉。号码不经验证，故按号码和提交地址分别计数
	 * （{@code complaints.ComplaintIntake}）：他人从别处以该号码提交的，不占用号码本人的限额
	 */
	COMPLAINT_FILINGS_PER_PHONE("complaint.filings-per-phone", "同一电话号码每日网上申诉件数上限（产品规则，非法律规定）", "10", RuleUnit.COUNT, false, Citation.of(PRODUCT_RULE)),

	/**
	 * 同一访问地址每日经公众门户提交申诉的件数上限（北京时间自然日）：产品规则，非法律规定——换号码成批提交仍从同一地址发出；
	 * 单位、网吧共用一个地址，故高于每个号码的上限
	 */
	COMPLAINT_FILINGS_PER_ADDRESS("complaint.filings-per-address", "同一访问地址每日网上申诉件数上限（产品规则，非法律规定）", "20", RuleUnit.COUNT, false, Citation.of(PRODUCT_RULE)),

	/**
	 * 同一申诉编号每小时查询失败（编号与查询码或电话不符）的次数上限，不论从哪个地址查询：产品规则，非法律规定——
	 * 超过后，该编号再次输错的查询答复429；输入正确查询码（或电话）的查询和撤回不受此限，他人输错不会锁住申诉人。
	 * 试不出查询码靠的是每个地址的失败上限与查询码的长度：8位、31个字符，约8.5×10^11种，每地址每小时至多试100次
	 */
	COMPLAINT_LOOKUP_FAILURES("complaint.lookup-failures", "同一申诉编号每小时查询失败次数上限（产品规则，非法律规定）", "10", RuleUnit.COUNT, false, Citation.of(PRODUCT_RULE)),

	/**
	 * 同一访问地址每小时申诉查询失败的次数上限：产品规则，非法律规定——申诉编号连续，一个地址换着编号试也有上限；
	 * 单位、网吧共用一个地址，故高于每个编号的上限，使他人输错的次数不致锁住正确的查询
	 */
	COMPLAINT_LOOKUP_FAILURES_PER_ADDRESS("complaint.lookup-failures-per-address", "同一访问地址每小时申诉查询失败次数上限（产品规则，非法律规定）", "100", RuleUnit.COUNT, false, Citation.of(PRODUCT_RULE)),

	/**
	 * 同一许可证编号每小时核验失败（编号与验证码不符）的次数上限，不论从哪个地址核验：产品规则，非法律规定——与申诉查询的
	 * 失败上限相同；超过后该编号再次输错的核验答复429，输入正确验证码的核验不受此限
	 */
	LICENCE_VERIFY_FAILURES("licence.verify-failures", "同一许可证编号每小时核验失败次数上限（产品规则，非法律规定）", "10", RuleUnit.COUNT, false, Citation.of(PRODUCT_RULE)),

	/** 同一访问地址每小时许可证核验失败的次数上限：产品规则，非法律规定——换着编号试也有上限 */
	LICENCE_VERIFY_FAILURES_PER_ADDRESS("licence.verify-failures-per-address", "同一访问地址每小时许可证核验失败次数上限（产品规则，非法律规定）", "100", RuleUnit.COUNT, false, Citation.of(PRODUCT_RULE)),

	/** 不配合申诉处理情节严重罚款上限（快递市场管理办法(2023) 第55条） */
	FINE_COMPLAINT_NON_COOPERATION_MAX("fine.complaint-non-cooperation.max", "不配合申诉处理情节严重罚款上限", "3000", RuleUnit.YUAN, true, Citation.of(EXPRESS_MARKET_MEASURES, 55)),

	/** 申请材料不全一次告知时限（行政许可法(2019) 第32条；期限以工作日计算，第82条） */
	LICENCE_MISSING_MATERIALS_NOTICE("licence.missing-materials-notice", "申请材料不全一次告知时限", "5", RuleUnit.WORKING_DAYS, true, Citation.of(ADMINISTRATIVE_LICENSING_LAW, 32)),

	/**
	 * 申请人补正期限：自出具补正通知之日起，申请人按通知补正材料的期限（行政许可法(2019) 第32条只规定机关一次告知，未规定补正期限；
	 * 默认10个工作日，未确认，由各局设置）。期限届满仍未补正的，才能以“经一次告知后未按要求补正”不予受理
	 */
	LICENCE_CORRECTION_PERIOD("licence.correction-period", "申请人补正期限（自补正通知）", "10", RuleUnit.WORKING_DAYS, false, Citation.of(ADMINISTRATIVE_LICENSING_LAW, 32), Citation.of(LOCAL_PRACTICE)),

	/** 快递业务经营许可决定时限（自受理）（邮政法(2015) 第53条） */
	LICENCE_DECISION("licence.decision", "快递业务经营许可决定时限（自受理）", "45", RuleUnit.CALENDAR_DAYS, true, Citation.of(POSTAL_LAW, 53)),

	/** 许可证颁发时限（自批准）（行政许可法(2019) 第44条；期限以工作日计算，第82条） */
	LICENCE_CERTIFICATE_ISSUE("licence.certificate-issue", "许可证颁发时限（自批准）", "10", RuleUnit.WORKING_DAYS, true, Citation.of(ADMINISTRATIVE_LICENSING_LAW, 44)),

	/** 委托现场核查报告时限（快递业务经营许可管理办法(2019)） */
	LICENCE_SITE_VERIFICATION_REPORT("licence.site-verification-report", "委托现场核查报告时限", "10", RuleUnit.WORKING_DAYS, false, Citation.of(EXPRESS_LICENSING_MEASURES)),

	/** 快递业务经营许可证有效期（快递业务经营许可管理办法(2019)） */
	LICENCE_VALIDITY("licence.validity", "快递业务经营许可证有效期", "5", RuleUnit.YEARS, true, Citation.of(EXPRESS_LICENSING_MEASURES)),

	/** 许可延续申请提前期（到期前）（快递业务经营许可管理办法(2019)） */
	LICENCE_RENEWAL_BEFORE_EXPIRY("licence.renewal-before-expiry", "许可延续申请提前期（到期前）", "30", RuleUnit.CALENDAR_DAYS, true, Citation.of(EXPRESS_LICENSING_MEASURES)),

	/**
	 * 准予延续决定期限：延续申请的决定应在许可证有效期届满前作出，逾期未作决定的，视为准予延续（行政许可法(2019) 第50条）。
	 * 数值为有效期最后一日之前的日数（0：最迟在有效期最后一日作出）；延续的决定期限取受理后45日与此日中较早者
	 */
	LICENCE_RENEWAL_DECISION("licence.renewal-decision", "准予延续决定期限（有效期届满前）", "0", RuleUnit.CALENDAR_DAYS, true, Citation.of(ADMINISTRATIVE_LICENSING_LAW, 50)),

	/**
	 * 许可延续申请最早提前期：有效期届满前多少个月起可以申请延续（快递业务经营许可管理办法只规定届满30日前提出，未规定最早日；
	 * 默认6个月，未确认，由各局设置）。更早的延续会把尚未开始的下一个有效期再叠加5年
	 */
	LICENCE_RENEWAL_EARLIEST("licence.renewal-earliest", "许可延续申请最早提前期（到期前）", "6", RuleUnit.MONTHS, false, Citation.of(EXPRESS_LICENSING_MEASURES), Citation.of(LOCAL_PRACTICE)),

	/**
	 * 取得许可后无正当理由未经营可予注销的期间：超过6个月未经营的，注销许可（快递业务经营许可管理办法）。许可证颁发未满这一期间的，
	 * 不能以此情形注销
	 */
	LICENCE_NO_OPERATION("licence.no-operation", "取得许可后未经营可予注销的期间", "6", RuleUnit.MONTHS, true, Citation.of(EXPRESS_LICENSING_MEASURES)),

	/** 注册资本下限：省内经营（邮政法(2015) 第52条） */
	LICENCE_CAPITAL_PROVINCE("licence.capital.province", "注册资本下限：省内经营", "500000", RuleUnit.YUAN, true, Citation.of(POSTAL_LAW, 52)),

	/** 注册资本下限：跨省经营（邮政法(2015) 第52条） */
	LICENCE_CAPITAL_INTER_PROVINCE("licence.capital.inter-province", "注册资本下限：跨省经营", "1000000", RuleUnit.YUAN, true, Citation.of(POSTAL_LAW, 52)),

	/** 注册资本下限：国际快递（邮政法(2015) 第52条） */
	LICENCE_CAPITAL_INTERNATIONAL("licence.capital.international", "注册资本下限：国际快递", "2000000", RuleUnit.YUAN, true, Citation.of(POSTAL_LAW, 52)),

	/** 年度报告报送期限（自次年1月1日起，默认至4月30日）（快递业务经营许可管理办法(2019)） */
	LICENCE_ANNUAL_REPORT_WINDOW("licence.annual-report-window", "年度报告报送期限（自次年1月1日起）", "4", RuleUnit.MONTHS, false, Citation.of(EXPRESS_LICENSING_MEASURES)),

	/** 年度报告催报起始（自次年1月1日起，默认3月1日）（快递业务经营许可管理办法(2019)；各局做法） */
	LICENCE_ANNUAL_REPORT_REMINDER("licence.annual-report-reminder", "年度报告催报起始（自次年1月1日起）", "2", RuleUnit.MONTHS, false, Citation.of(EXPRESS_LICENSING_MEASURES)),

	/** 分支机构备案时限（自领取营业执照）（快递业务经营许可管理办法(2019)） */
	BRANCH_FILING("branch.filing", "分支机构备案时限（自领取营业执照）", "20", RuleUnit.CALENDAR_DAYS, true, Citation.of(EXPRESS_LICENSING_MEASURES)),

	/** 末端网点开办后备案时限（快递暂行条例(2025) 第19条） */
	OUTLET_FILING_AFTER_OPENING("outlet.filing-after-opening", "末端网点开办后备案时限", "20", RuleUnit.CALENDAR_DAYS, true, Citation.of(EXPRESS_REGULATION, 19)),

	/** 邮政管理部门办理备案时限（快递末端网点备案暂行规定(2018)） */
	OUTLET_BUREAU_FILING("outlet.bureau-filing", "邮政管理部门办理备案时限", "5", RuleUnit.WORKING_DAYS, true, Citation.of(OUTLET_FILING_PROVISIONS)),

	/** 备案材料不全一次告知时限（快递末端网点备案暂行规定(2018)） */
	OUTLET_MISSING_ITEMS_NOTICE("outlet.missing-items-notice", "备案材料不全一次告知时限", "2", RuleUnit.WORKING_DAYS, true, Citation.of(OUTLET_FILING_PROVISIONS)),

	/** 网点信息变更备案时限（快递末端网点备案暂行规定(2018)） */
	OUTLET_CHANGE_FILING("outlet.change-filing", "网点信息变更备案时限", "10", RuleUnit.CALENDAR_DAYS, true, Citation.of(OUTLET_FILING_PROVISIONS)),

	/** 末端网点未备案罚款上限（快递暂行条例(2025) 第50条） */
	FINE_OUTLET_UNFILED_MAX("fine.outlet-unfiled.max", "末端网点未备案罚款上限", "10000", RuleUnit.YUAN, true, Citation.of(EXPRESS_REGULATION, 50)),

	/** 末端网点未备案情节严重罚款下限（快递暂行条例(2025) 第50条） */
	FINE_OUTLET_UNFILED_SERIOUS_MIN("fine.outlet-unfiled.serious.min", "末端网点未备案情节严重罚款下限", "10000", RuleUnit.YUAN, true, Citation.of(EXPRESS_REGULATION, 50)),

	/** 末端网点未备案情节严重罚款上限（快递暂行条例(2025) 第50条） */
	FINE_OUTLET_UNFILED_SERIOUS_MAX("fine.outlet-unfiled.serious.max", "末端网点未备案情节严重罚款上限", "50000", RuleUnit.YUAN, true, Citation.of(EXPRESS_REGULATION, 50)),

	/** 执法检查最少执法人员数（邮政法(2015) 第63条；行政处罚法(2021) 第42条） */
	INSPECTION_MIN_INSPECTORS("inspection.min-inspectors", "执法检查最少执法人员数", "2", RuleUnit.COUNT, true, Citation.of(POSTAL_LAW, 63), Citation.of(ADMINISTRATIVE_PENALTY_LAW, 42)),

	/**
	 * 责令改正通知书整改期限上限（自下达）: a product rule, not law — 行政处罚法(2021) art.28 and the postal texts order
	 * 责令改正 / 限期改正 without a span, and DOMAIN.md names none; without a ceiling an order could leave a violation
	 * uncorrected for years. An order's deadline is at most this many working days after its issue day (about nine months
	 * by default), set by each bureau.
	 */
	INSPECTION_RECTIFICATION_MAX("inspection.rectification-max", "责令改正整改期限上限（自下达；产品规则，非法律规定）", "180", RuleUnit.WORKING_DAYS, false, Citation.of(PRODUCT_RULE)),

	/** 双随机抽查结果公示时限（地方实践，未确认） */
	INSPECTION_RESULT_PUBLICATION("inspection.result-publication", "双随机抽查结果公示时限", "20", RuleUnit.WORKING_DAYS, false, Citation.of(LOCAL_PRACTICE)),

	/**
	 * 申请听证期限（自告知）（行政处罚法(2021) 第64条）: 五日 — working days, because art.85 says the law's 二日, 三日, 五日 and
	 * 七日 are 工作日 without statutory holidays.
	 */
	PENALTY_HEARING_REQUEST("penalty.hearing-request", "申请听证期限（自告知）", "5", RuleUnit.WORKING_DAYS, true, Citation.of(ADMINISTRATIVE_PENALTY_LAW, 64), Citation.of(ADMINISTRATIVE_PENALTY_LAW, 85)),

	/** 听证通知提前期（行政处罚法(2021) 第64条）: 七日, working days by art.85. */
	PENALTY_HEARING_NOTICE("penalty.hearing-notice", "听证通知提前期", "7", RuleUnit.WORKING_DAYS, true, Citation.of(ADMINISTRATIVE_PENALTY_LAW, 64), Citation.of(ADMINISTRATIVE_PENALTY_LAW, 85)),

	/**
	 * 听证举行最迟期限（自听证通知）: a product rule, not law — 行政处罚法(2021) art.64(二) sets only the minimum (the notice
	 * 七日前, {@link #PENALTY_HEARING_NOTICE}) and no latest day, but a hearing scheduled years ahead would hold the case
	 * (its decision clock paused from the request until the hearing, 邮政行政执法监督办法(2021) art.17) for as long. The
	 * hearing is to be held within this many working days of the notice; 30 by default, set by each bureau. A new notice
	 * (改期) counts from the round's first notice, not from itself: notices given again cannot push the hearing, and the
	 * paused clock, further out than the first one could; and the hearing is held on a working day.
	 */
	PENALTY_HEARING_LATEST("penalty.hearing-latest", "听证举行最迟期限（自听证通知；产品规则，非法律规定）", "30", RuleUnit.WORKING_DAYS, false, Citation.of(PRODUCT_RULE)),

	/**
	 * 行政处罚决定期限（自立案）（行政处罚法(2021) 第60条；邮政行政执法监督办法(2021) 第17条）: 九十日 — calendar days (art.85
	 * makes only the 2-, 3-, 5- and 7-day periods working days); suspension, hearing, public notice, testing and
	 * appraisal periods do not count (监督办法 art.17).
	 */
	PENALTY_DECISION("penalty.decision", "行政处罚决定期限（自立案）", "90", RuleUnit.CALENDAR_DAYS, true, Citation.of(ADMINISTRATIVE_PENALTY_LAW, 60), Citation.of(POSTAL_ENFORCEMENT_SUPERVISION, 17)),

	/** 处罚决定期限延长，经负责人批准一次（邮政行政执法监督办法(2021) 第17条）: calendar days. */
	PENALTY_DECISION_EXTENSION("penalty.decision-extension", "处罚决定期限延长（经负责人批准，限一次）", "30", RuleUnit.CALENDAR_DAYS, true, Citation.of(POSTAL_ENFORCEMENT_SUPERVISION, 17)),

	/**
	 * 中止计时的开始日期最多早于登记（负责人批准）之日的天数: a product rule, not law. 邮政行政执法监督办法(2021) art.17
	 * leaves the suspension, public notice, testing and appraisal periods out of the decision limit; the pause is approved
	 * by the bureau's head when its ground arises (as the extension is), so it is recorded promptly, not written back
	 * months later to push the limit out. 7 calendar days by default, set by each bureau within 30.
	 */
	PENALTY_SUSPENSION_START_LOOKBACK("penalty.suspension-start-lookback", "中止计时开始日期最多早于登记之日（负责人批准中止时登记；产品规则，非法律规定）", "7", RuleUnit.CALENDAR_DAYS, false, Citation.of(POSTAL_ENFORCEMENT_SUPERVISION, 17), Citation.of(PRODUCT_RULE)),

	/** 处罚决定期限临近提示（剩余天数）: the case queue highlights cases this close to their limit; local practice. */
	PENALTY_DECISION_WARNING("penalty.decision-warning", "处罚决定期限临近提示（剩余天数）", "10", RuleUnit.CALENDAR_DAYS, false, Citation.of(LOCAL_PRACTICE)),

	/** 线索及时立案预警（自收到线索）（行政处罚法(2021) 第54条 "及时立案"; the number of days is local practice）. */
	PENALTY_LEAD_FILING_WARNING("penalty.lead-filing-warning", "线索及时立案预警（自收到线索）", "15", RuleUnit.CALENDAR_DAYS, false, Citation.of(ADMINISTRATIVE_PENALTY_LAW, 54)),

	/** 申请行政复议期限（行政复议法(2023) 第20条: 自知道该行政行为之日起六十日内）, stated in every adverse decision. */
	REMEDY_ADMINISTRATIVE_REVIEW("remedy.administrative-review", "申请行政复议期限（自收到决定书）", "60", RuleUnit.CALENDAR_DAYS, true, Citation.of(ADMINISTRATIVE_REVIEW_LAW, 20)),

	/** 提起行政诉讼期限（行政诉讼法(2017) 第46条: 自知道作出行政行为之日起六个月内）, stated in every adverse decision. */
	REMEDY_LITIGATION("remedy.litigation", "提起行政诉讼期限（自收到决定书）", "6", RuleUnit.MONTHS, true, Citation.of(ADMINISTRATIVE_LITIGATION_LAW, 46)),

	/** 法制审核：罚款数额达到此值须审核（行政处罚法(2021) 第58条; the threshold is each bureau's rule）. */
	PENALTY_LEGAL_REVIEW_FINE("penalty.legal-review.fine", "法制审核：罚款数额达到（元）", "10000", RuleUnit.YUAN, false, Citation.of(ADMINISTRATIVE_PENALTY_LAW, 58)),

	/** 集体讨论最少参加负责人数（行政处罚法(2021) 第57条 "行政机关负责人应当集体讨论决定"; the number is each bureau's rule）. */
	PENALTY_DISCUSSION_MIN_PARTICIPANTS("penalty.discussion-min-participants", "集体讨论最少参加负责人数", "3", RuleUnit.COUNT, false, Citation.of(ADMINISTRATIVE_PENALTY_LAW, 57)),

	/** 听证：较大数额罚款（行政处罚法(2021) 第63条; the amount is set by each province's or ministry's rule）. */
	PENALTY_HEARING_FINE("penalty.hearing.fine", "听证：较大数额罚款（元）", "10000", RuleUnit.YUAN, false, Citation.of(ADMINISTRATIVE_PENALTY_LAW, 63)),

	/** 处罚决定书送达期限（行政处罚法(2021) 第61条）: 七日, working days by art.85. */
	PENALTY_DELIVERY("penalty.delivery", "处罚决定书送达期限", "7", RuleUnit.WORKING_DAYS, true, Citation.of(ADMINISTRATIVE_PENALTY_LAW, 61), Citation.of(ADMINISTRATIVE_PENALTY_LAW, 85)),

	/**
	 * 公告送达视为送达的期间（民事诉讼法(2023) 第95条 "自发出公告之日起，经过三十日，即视为送达", applied to a 行政处罚 document by
	 * 行政处罚法(2021) 第61条）: thirty calendar days after the day the notice is published, the publication day not counted;
	 * a last day on a day off moves to the next working day, as every calendar-day period of the catalogue does (民事诉讼法
	 * art.85). Every period running from service — payment (art.67), 陈述申辩 and 听证 after a 事先告知书, 行政复议 and 行政诉讼
	 * — runs from that deemed day.
	 */
	PENALTY_PUBLIC_NOTICE_SERVICE("penalty.public-notice-service", "公告送达视为送达的期间（自发出公告之日起）", "30", RuleUnit.CALENDAR_DAYS, true, Citation.of(CIVIL_PROCEDURE_LAW, 95), Citation.of(ADMINISTRATIVE_PENALTY_LAW, 61)),

	/**
	 * 罚款缴纳期限（自收到决定书）（行政处罚法(2021) 第67条）: 十五日, calendar days (not one of art.85's periods). A deferral
	 * or instalments approved under art.66 only extend it: no day they set lies before it (the first instalment is due
	 * on it at the earliest), so 加处罚款 (art.72) never runs before it.
	 */
	PENALTY_PAYMENT("penalty.payment", "罚款缴纳期限（自收到决定书）", "15", RuleUnit.CALENDAR_DAYS, true, Citation.of(ADMINISTRATIVE_PENALTY_LAW, 67)),

	/**
	 * 延期或分期缴纳罚款的最长期限（行政处罚法(2021) 第66条）: the law sets none; how far past the ordinary payment deadline
	 * a deferral or the last instalment may be approved is the bureau's practice (unconfirmed).
	 */
	PENALTY_PAYMENT_DEFERRAL_MAX("penalty.payment-deferral-max", "延期或分期缴纳罚款的最长期限（自原缴款期限届满之日）", "180", RuleUnit.CALENDAR_DAYS, false, Citation.of(ADMINISTRATIVE_PENALTY_LAW, 66)),

	/**
	 * 责令停业整顿最长期限（自决定书送达之日的次日）: a product rule, not law — 行政处罚法(2021) art.9 names 责令停产停业 and
	 * the postal texts (邮政法(2015) art.72, 76; 快递暂行条例(2025) art.52, 54) provide 责令停业整顿 without any span, so a
	 * decision could order a business closed for centuries (attack 27 M1). A 停业整顿 is proposed and decided as at most this
	 * many calendar days (180, about six months, by default), set by each bureau; never longer than the period the
	 * 事先告知书 stated (art.44–45).
	 */
	PENALTY_SUSPENSION_MAX("penalty.suspension-max", "责令停业整顿最长期限（自决定书送达之日的次日起算；产品规则，非法律规定）", "180", RuleUnit.CALENDAR_DAYS, false, Citation.of(PRODUCT_RULE)),

	/**
	 * 没收违法所得上缴期限（自收到决定书）: 行政处罚法(2021) gives no period for handing over what a confiscation takes (art.74
	 * only says it goes to the treasury); the decision states one by analogy with the fine's 十五日 (art.67), calendar days —
	 * local practice (unconfirmed), kept apart from {@link #PENALTY_PAYMENT} so that neither changes the other. No
	 * 加处罚款 follows it: art.72 provides that for fines only.
	 */
	PENALTY_CONFISCATION_HANDOVER("penalty.confiscation-handover", "没收违法所得上缴期限（自收到决定书）", "15", RuleUnit.CALENDAR_DAYS, false, Citation.of(ADMINISTRATIVE_PENALTY_LAW, 67), Citation.of(ADMINISTRATIVE_PENALTY_LAW, 74), Citation.of(LOCAL_PRACTICE)),

	/** 逾期缴纳罚款每日加处罚款比例（行政处罚法(2021) 第72条）: 3 % of the fine per day, the total capped at the fine. */
	PENALTY_LATE_SURCHARGE("penalty.late-surcharge", "逾期缴纳罚款每日加处罚款比例（加处罚款总额不超过罚款数额）", "3", RuleUnit.PERCENT, true, Citation.of(ADMINISTRATIVE_PENALTY_LAW, 72)),

	/**
	 * 加处罚款总额上限，占所加处的罚款数额的比例（行政处罚法(2021) 第72条第1款第1项：加处罚款的数额不得超出罚款的数额）: 100 %
	 * of the amount it is charged on — the whole fine, or an instalment's amount on its own day (art.66) — so the
	 * surcharge of {@link #PENALTY_LATE_SURCHARGE} stops growing once it equals that amount.
	 */
	PENALTY_LATE_SURCHARGE_CAP("penalty.late-surcharge-cap", "加处罚款总额上限（占罚款数额的比例）", "100", RuleUnit.PERCENT, true, Citation.of(ADMINISTRATIVE_PENALTY_LAW, 72)),

	/** 违法行为追责时效（行政处罚法(2021) 第36条）: counted from the day the violation ended when it continued. */
	PENALTY_LIMITATION("penalty.limitation", "违法行为追责时效（自违法行为终了之日）", "2", RuleUnit.YEARS, true, Citation.of(ADMINISTRATIVE_PENALTY_LAW, 36)),

	/**
	 * 违法行为追责时效，涉及公民生命健康安全、金融安全且有危害后果的（行政处罚法(2021) 第36条第1款但书）: five years, counted as
	 * {@link #PENALTY_LIMITATION}.
	 */
	PENALTY_LIMITATION_HARM("penalty.limitation-harm", "违法行为追责时效（涉及公民生命健康安全、金融安全且有危害后果的）", "5", RuleUnit.YEARS, true, Citation.of(ADMINISTRATIVE_PENALTY_LAW, 36)),

	/** 处罚决定变更后撤回公开期限（行政处罚法(2021) 第48条）: 三日, working days by art.85. */
	PENALTY_PUBLICATION_WITHDRAWAL("penalty.publication-withdrawal", "处罚决定变更后撤回公开期限", "3", RuleUnit.WORKING_DAYS, true, Citation.of(ADMINISTRATIVE_PENALTY_LAW, 48), Citation.of(ADMINISTRATIVE_PENALTY_LAW, 85)),

	/** 当场处罚罚款上限：自然人（行政处罚法(2021) 第51条） */
	PENALTY_ON_THE_SPOT_PERSON_MAX("penalty.on-the-spot.person.max", "当场处罚罚款上限：自然人", "200", RuleUnit.YUAN, true, Citation.of(ADMINISTRATIVE_PENALTY_LAW, 51)),

	/** 当场处罚罚款上限：法人或其他组织（行政处罚法(2021) 第51条） */
	PENALTY_ON_THE_SPOT_ORGANISATION_MAX("penalty.on-the-spot.organisation.max", "当场处罚罚款上限：法人或其他组织", "3000", RuleUnit.YUAN, true, Citation.of(ADMINISTRATIVE_PENALTY_LAW, 51)),

	/**
	 * 当场处罚决定报所属行政机关备案期限（行政处罚法(2021) 第52条: 备案 required, the number of days is each bureau's
	 * practice）: working days from the decision on the spot.
	 */
	PENALTY_ON_THE_SPOT_FILING("penalty.on-the-spot.filing", "当场处罚决定报所属行政机关备案期限", "3", RuleUnit.WORKING_DAYS, false, Citation.of(ADMINISTRATIVE_PENALTY_LAW, 52)),

	/**
	 * 双公示：许可和处罚决定公示时限（双公示制度（全国通行做法））: a penalty decision's period runs from its delivery, when it
	 * takes effect (行政处罚法(2021) art.61) and may first be published.
	 */
	DISCLOSURE_PUBLICATION("disclosure.publication", "双公示：许可和处罚决定公示时限（处罚决定自送达之日起算）", "7", RuleUnit.WORKING_DAYS, false, Citation.of(DISCLOSURE_PRACTICE)),

	/** 未经许可经营快递业务罚款下限（邮政法(2015) 第72条） */
	FINE_UNLICENSED_MIN("fine.unlicensed.min", "未经许可经营快递业务罚款下限", "50000", RuleUnit.YUAN, true, Citation.of(POSTAL_LAW, 72)),

	/** 未经许可经营快递业务罚款上限（邮政法(2015) 第72条） */
	FINE_UNLICENSED_MAX("fine.unlicensed.max", "未经许可经营快递业务罚款上限", "100000", RuleUnit.YUAN, true, Citation.of(POSTAL_LAW, 72)),

	/** 未经许可经营情节严重罚款上限（邮政法(2015) 第72条） */
	FINE_UNLICENSED_SERIOUS_MAX("fine.unlicensed.serious.max", "未经许可经营情节严重罚款上限", "200000", RuleUnit.YUAN, true, Citation.of(POSTAL_LAW, 72)),

	/** 分支机构未备案罚款上限（邮政法(2015) 第73条） */
	FINE_BRANCH_UNFILED_MAX("fine.branch-unfiled.max", "分支机构未备案罚款上限", "10000", RuleUnit.YUAN, true, Citation.of(POSTAL_LAW, 73)),

	/** 分支机构未备案情节严重罚款上限（邮政法(2015) 第73条） */
	FINE_BRANCH_UNFILED_SERIOUS_MAX("fine.branch-unfiled.serious.max", "分支机构未备案情节严重罚款上限", "50000", RuleUnit.YUAN, true, Citation.of(POSTAL_LAW, 73)),

	/** 泄露用户信息罚款下限（邮政法(2015) 第76条） */
	FINE_USER_INFORMATION_LEAK_MIN("fine.user-information-leak.min", "泄露用户信息罚款下限", "10000", RuleUnit.YUAN, true, Citation.of(POSTAL_LAW, 76)),

	/** 泄露用户信息罚款上限（邮政法(2015) 第76条） */
	FINE_USER_INFORMATION_LEAK_MAX("fine.user-information-leak.max", "泄露用户信息罚款上限", "50000", RuleUnit.YUAN, true, Citation.of(POSTAL_LAW, 76)),

	/** 违反实名收寄规定罚款下限（邮件快件实名收寄管理办法(2018)） */
	FINE_REAL_NAME_MIN("fine.real-name.min", "违反实名收寄规定罚款下限", "5000", RuleUnit.YUAN, true, Citation.of(REAL_NAME_MEASURES)),

	/** 违反实名收寄规定罚款上限（邮件快件实名收寄管理办法(2018)） */
	FINE_REAL_NAME_MAX("fine.real-name.max", "违反实名收寄规定罚款上限", "10000", RuleUnit.YUAN, true, Citation.of(REAL_NAME_MEASURES)),

	/** 违反实名收寄规定情节严重罚款上限（邮件快件实名收寄管理办法(2018)） */
	FINE_REAL_NAME_SERIOUS_MAX("fine.real-name.serious.max", "违反实名收寄规定情节严重罚款上限", "30000", RuleUnit.YUAN, true, Citation.of(REAL_NAME_MEASURES)),

	/** 未对加盟企业统一管理罚款下限（快递暂行条例(2025) 第51条） */
	FINE_BRAND_UNMANAGED_MIN("fine.brand-unmanaged.min", "未对使用同一商标的企业统一管理罚款下限", "10000", RuleUnit.YUAN, true, Citation.of(EXPRESS_REGULATION, 51)),

	/** 未对加盟企业统一管理罚款上限（快递暂行条例(2025) 第51条） */
	FINE_BRAND_UNMANAGED_MAX("fine.brand-unmanaged.max", "未对使用同一商标的企业统一管理罚款上限", "50000", RuleUnit.YUAN, true, Citation.of(EXPRESS_REGULATION, 51)),

	/** 未对加盟企业统一管理情节严重罚款上限（快递暂行条例(2025) 第51条） */
	FINE_BRAND_UNMANAGED_SERIOUS_MAX("fine.brand-unmanaged.serious.max", "未对使用同一商标的企业统一管理情节严重罚款上限", "100000", RuleUnit.YUAN, true, Citation.of(EXPRESS_REGULATION, 51)),

	/** 私自开拆、隐匿、毁弃、倒卖快件罚款下限（快递暂行条例(2025) 第52条） */
	FINE_PARCEL_TAMPERING_MIN("fine.parcel-tampering.min", "私自开拆、隐匿、毁弃、倒卖快件罚款下限", "50000", RuleUnit.YUAN, true, Citation.of(EXPRESS_REGULATION, 52)),

	/** 私自开拆、隐匿、毁弃、倒卖快件罚款上限（快递暂行条例(2025) 第52条） */
	FINE_PARCEL_TAMPERING_MAX("fine.parcel-tampering.max", "私自开拆、隐匿、毁弃、倒卖快件罚款上限", "100000", RuleUnit.YUAN, true, Citation.of(EXPRESS_REGULATION, 52)),

	/** 私自开拆、隐匿、毁弃、倒卖快件情节严重罚款上限（快递暂行条例(2025) 第52条） */
	FINE_PARCEL_TAMPERING_SERIOUS_MAX("fine.parcel-tampering.serious.max", "私自开拆、隐匿、毁弃、倒卖快件情节严重罚款上限", "200000", RuleUnit.YUAN, true, Citation.of(EXPRESS_REGULATION, 52)),

	/** 未执行收寄验视、实名收寄、过机安检制度罚款下限（快递暂行条例(2025) 第53条；反恐怖主义法(2018) 第85条） */
	FINE_SECURITY_CHECKS_MIN("fine.security-checks.min", "未执行验视、实名、安检制度罚款下限", "100000", RuleUnit.YUAN, true, Citation.of(EXPRESS_REGULATION, 53), Citation.of(COUNTER_TERRORISM_LAW, 85)),

	/** 未执行收寄验视、实名收寄、过机安检制度罚款上限（快递暂行条例(2025) 第53条；反恐怖主义法(2018) 第85条） */
	FINE_SECURITY_CHECKS_MAX("fine.security-checks.max", "未执行验视、实名、安检制度罚款上限", "500000", RuleUnit.YUAN, true, Citation.of(EXPRESS_REGULATION, 53), Citation.of(COUNTER_TERRORISM_LAW, 85)),

	/** 运单和用户信息管理违规罚款下限（快递暂行条例(2025) 第54条） */
	FINE_WAYBILL_DATA_MIN("fine.waybill-data.min", "运单和用户信息管理违规罚款下限", "10000", RuleUnit.YUAN, true, Citation.of(EXPRESS_REGULATION, 54)),

	/** 运单和用户信息管理违规罚款上限（快递暂行条例(2025) 第54条） */
	FINE_WAYBILL_DATA_MAX("fine.waybill-data.max", "运单和用户信息管理违规罚款上限", "50000", RuleUnit.YUAN, true, Citation.of(EXPRESS_REGULATION, 54)),

	/** 运单和用户信息管理违规情节严重罚款上限（快递暂行条例(2025) 第54条） */
	FINE_WAYBILL_DATA_SERIOUS_MAX("fine.waybill-data.serious.max", "运单和用户信息管理违规情节严重罚款上限", "100000", RuleUnit.YUAN, true, Citation.of(EXPRESS_REGULATION, 54)),

	/** 未按规定制定或执行快递包装规定、拒不改正罚款下限（快递暂行条例(2025) 第56条） */
	FINE_PACKAGING_MIN("fine.packaging.min", "违反快递包装规定拒不改正罚款下限", "5000", RuleUnit.YUAN, true, Citation.of(EXPRESS_REGULATION, 56)),

	/** 未按规定制定或执行快递包装规定、拒不改正罚款上限（快递暂行条例(2025) 第56条） */
	FINE_PACKAGING_MAX("fine.packaging.max", "违反快递包装规定拒不改正罚款上限", "20000", RuleUnit.YUAN, true, Citation.of(EXPRESS_REGULATION, 56)),

	/** 委托未取得快递业务经营许可的企业经营罚款下限（快递市场管理办法(2023) 第48条） */
	FINE_UNLICENSED_CONTRACTOR_MIN("fine.unlicensed-contractor.min", "委托无证企业经营快递业务罚款下限", "5000", RuleUnit.YUAN, true, Citation.of(EXPRESS_MARKET_MEASURES, 48)),

	/** 委托未取得快递业务经营许可的企业经营罚款上限（快递市场管理办法(2023) 第48条） */
	FINE_UNLICENSED_CONTRACTOR_MAX("fine.unlicensed-contractor.max", "委托无证企业经营快递业务罚款上限", "10000", RuleUnit.YUAN, true, Citation.of(EXPRESS_MARKET_MEASURES, 48)),

	/** 委托未取得快递业务经营许可的企业经营情节严重罚款上限（快递市场管理办法(2023) 第48条） */
	FINE_UNLICENSED_CONTRACTOR_SERIOUS_MAX("fine.unlicensed-contractor.serious.max", "委托无证企业经营快递业务情节严重罚款上限", "30000", RuleUnit.YUAN, true, Citation.of(EXPRESS_MARKET_MEASURES, 48)),

	/** 未经同意代签、使用智能快件箱或驿站投递、抛扔快件罚款上限（快递市场管理办法(2023) 第54条） */
	FINE_DELIVERY_WITHOUT_CONSENT_MAX("fine.delivery-without-consent.max", "未经同意代签、箱驿投递或抛扔快件罚款上限", "10000", RuleUnit.YUAN, true, Citation.of(EXPRESS_MARKET_MEASURES, 54)),

	/** 未经同意代签、使用智能快件箱或驿站投递、抛扔快件情节严重罚款上限（快递市场管理办法(2023) 第54条） */
	FINE_DELIVERY_WITHOUT_CONSENT_SERIOUS_MAX("fine.delivery-without-consent.serious.max", "未经同意代签、箱驿投递或抛扔快件情节严重罚款上限", "30000", RuleUnit.YUAN, true, Citation.of(EXPRESS_MARKET_MEASURES, 54)),

	/** 未按规定报送数据罚款上限（快递市场管理办法(2023) 第56条） */
	FINE_DATA_NOT_REPORTED_MAX("fine.data-not-reported.max", "未按规定报送数据罚款上限", "3000", RuleUnit.YUAN, true, Citation.of(EXPRESS_MARKET_MEASURES, 56)),

	/**
	 * 普遍服务营业场所撤销、搬迁审批决定时限（自受理）（邮政法(2015) 第9条: approval required; 行政许可法(2019) 第42条:
	 * 二十日, 第82条: 以工作日计算）
	 */
	UNIVERSAL_CLOSURE_DECISION("universal.closure-decision", "普遍服务营业场所撤销、搬迁审批决定时限（自受理）", "20", RuleUnit.WORKING_DAYS, true, Citation.of(POSTAL_LAW, 9), Citation.of(ADMINISTRATIVE_LICENSING_LAW, 42), Citation.of(ADMINISTRATIVE_LICENSING_LAW, 82)),

	/** 审批决定期限延长，经负责人批准一次（行政许可法(2019) 第42条: 十日, 第82条: 工作日） */
	UNIVERSAL_CLOSURE_EXTENSION("universal.closure-extension", "普遍服务营业场所撤销、搬迁审批延长期限（经负责人批准，限一次）", "10", RuleUnit.WORKING_DAYS, true, Citation.of(ADMINISTRATIVE_LICENSING_LAW, 42), Citation.of(ADMINISTRATIVE_LICENSING_LAW, 82)),

	/**
	 * 批准撤销、搬迁后向社会公告时限（自决定）（邮政法(2015) 第9条 "向社会公告"; 十日 as 行政许可法(2019) 第44条, 工作日 by
	 * 第82条）
	 */
	UNIVERSAL_CLOSURE_NOTICE("universal.closure-notice", "批准撤销、搬迁后向社会公告时限（自决定）", "10", RuleUnit.WORKING_DAYS, true, Citation.of(POSTAL_LAW, 9), Citation.of(ADMINISTRATIVE_LICENSING_LAW, 44), Citation.of(ADMINISTRATIVE_LICENSING_LAW, 82)),

	/**
	 * 营业场所临时停业最长天数（邮政法(2015) 第15条：因不可抗力或者其他特殊原因暂时停止办理的，及时公告并报告；未经批准不得
	 * 停止办理，撤销须经批准（第9条）。法律未规定“暂时”的天数：更长的停业不按临时停业报告，由各局设置）
	 */
	UNIVERSAL_SUSPENSION_MAX_LENGTH("universal.suspension.max-length", "营业场所临时停业最长天数（更长的停止办理须经批准）", "30", RuleUnit.CALENDAR_DAYS, false, Citation.of(POSTAL_LAW, 15), Citation.of(POSTAL_LAW, 9), Citation.of(LOCAL_PRACTICE)),

	/** 临时停业开始日期最多早于报告当日的天数（邮政法(2015) 第15条“及时…报告”：补报已开始的停业；未规定天数，由各局设置） */
	UNIVERSAL_SUSPENSION_START_LOOKBACK("universal.suspension.start-lookback", "临时停业开始日期最多早于报告日", "10", RuleUnit.CALENDAR_DAYS, false, Citation.of(POSTAL_LAW, 15), Citation.of(LOCAL_PRACTICE)),

	/** 临时停业开始日期最多晚于报告当日的天数（提前报告已安排的停业；未规定天数，由各局设置） */
	UNIVERSAL_SUSPENSION_START_LEAD("universal.suspension.start-lead", "临时停业开始日期最多晚于报告日", "92", RuleUnit.CALENDAR_DAYS, false, Citation.of(POSTAL_LAW, 15), Citation.of(LOCAL_PRACTICE)),

	/** 城市邮政普遍服务营业场所每周营业天数下限（邮政法(2015) 第19条；邮政普遍服务标准） */
	UNIVERSAL_OPENING_CITY("universal.opening.city", "城市普遍服务营业场所每周营业天数下限", "6", RuleUnit.DAYS_PER_WEEK, true, Citation.of(POSTAL_LAW, 19), Citation.of(UNIVERSAL_SERVICE_STANDARD)),

	/** 乡、镇人民政府所在地邮政普遍服务营业场所每周营业天数下限（邮政法(2015) 第19条；邮政普遍服务标准） */
	UNIVERSAL_OPENING_TOWNSHIP("universal.opening.township", "乡镇普遍服务营业场所每周营业天数下限", "5", RuleUnit.DAYS_PER_WEEK, true, Citation.of(POSTAL_LAW, 19), Citation.of(UNIVERSAL_SERVICE_STANDARD)),

	/** 擅自撤销普遍服务营业场所罚款上限（邮政法(2015) 第68条） */
	FINE_UNIVERSAL_CLOSURE_MAX("fine.universal-closure.max", "擅自撤销普遍服务营业场所罚款上限", "20000", RuleUnit.YUAN, true, Citation.of(POSTAL_LAW, 68)),

	/** 擅自撤销普遍服务营业场所情节严重罚款上限（邮政法(2015) 第68条） */
	FINE_UNIVERSAL_CLOSURE_SERIOUS_MAX("fine.universal-closure.serious.max", "擅自撤销普遍服务营业场所情节严重罚款上限", "100000", RuleUnit.YUAN, true, Citation.of(POSTAL_LAW, 68)),

	/**
	 * 行政处罚决定被变更或撤销后信用记录变更时限（自变更或撤销决定生效之日；快递业信用管理暂行办法(2017) 第17条）. The
	 * text says 10日, not 工作日: calendar days, a last day on a day off moved to the next working day by the calendar.
	 */
	CREDIT_RECORD_UPDATE("credit.record-update", "处罚变更或撤销后信用记录变更时限（自变更或撤销决定生效之日）", "10", RuleUnit.CALENDAR_DAYS, true, Citation.of(EXPRESS_CREDIT_MEASURES, 17)),

	/** 信用信息异议复核时限（自收到异议申请之日；快递业信用管理暂行办法(2017) 第18条；10日，日历日） */
	CREDIT_OBJECTION_REVIEW("credit.objection-review", "信用异议复核时限（自收到异议申请之日）", "10", RuleUnit.CALENDAR_DAYS, true, Citation.of(EXPRESS_CREDIT_MEASURES, 18)),

	/** 异议成立后信用记录变更时限（自核实之日；快递业信用管理暂行办法(2017) 第18条；10日，日历日） */
	CREDIT_OBJECTION_CORRECTION("credit.objection-correction", "异议成立后信用记录变更时限（自核实之日）", "10", RuleUnit.CALENDAR_DAYS, true, Citation.of(EXPRESS_CREDIT_MEASURES, 18)),

	/**
	 * 年度信用信息归集截止（DOMAIN.md: a year's data closes by 15 February of the next year; the 办法's article is not in
	 * the catalogue, so the text is cited as a whole): counted from 1 January of the next year, 45 calendar days reach
	 * 15 February; a last day on a day off moved to the next working day by the calendar. A bureau may close earlier,
	 * never later.
	 */
	CREDIT_YEAR_CLOSE("credit.year-close", "年度信用信息归集截止（自次年1月1日起算，即次年2月15日）", "45", RuleUnit.CALENDAR_DAYS, true, Citation.of(EXPRESS_CREDIT_MEASURES)),

	/** 城市投递频次下限：每日至少一次（邮政法(2015) 第19条） */
	UNIVERSAL_DELIVERY_CITY("universal.delivery.city", "城市投递频次下限", "7", RuleUnit.PER_WEEK, true, Citation.of(POSTAL_LAW, 19)),

	/** 乡、镇人民政府所在地投递频次下限：每周至少五次（邮政法(2015) 第19条） */
	UNIVERSAL_DELIVERY_TOWNSHIP("universal.delivery.township", "乡镇人民政府所在地投递频次下限", "5", RuleUnit.PER_WEEK, true, Citation.of(POSTAL_LAW, 19)),

	/** 建制村投递频次下限（邮政法(2015) 第19条授权的规定；各省标准不一，常见每周2–3次，由省局按本省规定设置） */
	UNIVERSAL_DELIVERY_VILLAGE("universal.delivery.village", "建制村投递频次下限（按省规定）", "3", RuleUnit.PER_WEEK, false, Citation.of(POSTAL_LAW, 19), Citation.of(LOCAL_PRACTICE)),

	/**
	 * 按信件豁免实名收寄的单件重量上限：信件是信函和明信片（邮政法(2015) 第84条），信函单件限重2000克（邮政普遍服务
	 * 的通行标准，未确认）；更重的“信件”不是信件，不豁免实名收寄
	 */
	SAFETY_LETTER_MAX_WEIGHT("safety.letter.max-weight", "按信件豁免实名收寄的单件重量上限", "2000", RuleUnit.GRAMS, false, Citation.of(POSTAL_LAW, 84), Citation.of(LOCAL_PRACTICE)),

	/**
	 * 豁免实名收寄件（协议客户件和信件）一日占网点或企业收寄件数的预警阈值：豁免由企业自报（实名查验方式“协议客户”、物品类别
	 * “信件”），占比异常偏高的可能以豁免规避实名收寄（快递暂行条例(2025) 第23条）；监管选择，非法定值：未确认，由各局设置
	 */
	SAFETY_EXEMPT_SHARE_MAX("safety.alerts.exempt-share", "豁免实名收寄件日占比预警阈值", "50", RuleUnit.PERCENT, false, Citation.of(LOCAL_PRACTICE)),

	/** 豁免实名收寄件占比预警的最小收寄件数：件数太少不成比率（监管选择，非法定值：未确认，由各局设置） */
	SAFETY_EXEMPT_SHARE_MIN_PARCELS("safety.alerts.exempt-share.min-parcels", "豁免实名收寄件占比预警的最小日收寄件数", "20", RuleUnit.COUNT, false, Citation.of(LOCAL_PRACTICE)),

	/** 一般隐患整改期限（各地安全生产隐患排查治理实践，邮政业无统一规定：未确认，由各局设置） */
	SAFETY_HAZARD_GENERAL_RECTIFICATION("safety.hazard.general-rectification", "一般隐患整改期限", "10", RuleUnit.WORKING_DAYS, false, Citation.of(LOCAL_PRACTICE)),

	/** 重大隐患整改期限（各地安全生产隐患排查治理实践，邮政业无统一规定：未确认，由各局设置） */
	SAFETY_HAZARD_MAJOR_RECTIFICATION("safety.hazard.major-rectification", "重大隐患整改期限", "30", RuleUnit.WORKING_DAYS, false, Citation.of(LOCAL_PRACTICE)),

	/** 事故/突发事件报告时限（自发生）（邮政业无统一规定，DOMAIN.md未载：未确认，由各局设置） */
	SAFETY_INCIDENT_REPORT("safety.incident.report", "事故/突发事件报告时限（自发生）", "1", RuleUnit.HOURS, false, Citation.of(LOCAL_PRACTICE)),

	/** 寄递安保期最长天数（重大活动安保期通常数日至数周；邮政业无统一规定：未确认，由各局设置） */
	SAFETY_PERIOD_MAX_LENGTH("safety.period.max-length", "寄递安保期最长天数", "92", RuleUnit.CALENDAR_DAYS, false, Citation.of(LOCAL_PRACTICE)),

	/** 寄递安保期开始日期最多早于设立当日的天数（补登已开始的安保期；未确认，由各局设置） */
	SAFETY_PERIOD_START_LOOKBACK("safety.period.start-lookback", "寄递安保期开始日期最多早于设立日", "30", RuleUnit.CALENDAR_DAYS, false, Citation.of(LOCAL_PRACTICE)),

	/** 寄递安保期开始日期最多晚于设立当日的天数（提前部署；未确认，由各局设置） */
	SAFETY_PERIOD_START_LEAD("safety.period.start-lead", "寄递安保期开始日期最多晚于设立日", "366", RuleUnit.CALENDAR_DAYS, false, Citation.of(LOCAL_PRACTICE)),

	/**
	 * 寄递安保期日报的报送时限，自报送日（所报的那一日）0时（北京时间）起的小时数：默认36小时，即次日12时前（重大活动安保期
	 * 每日报送、节假日照常，故以小时计而非工作日；邮政业无统一规定：未确认，由各局设置）。逾时首次报送的记为迟报，逾时不能再修改。
	 */
	SAFETY_PERIOD_DAILY_REPORT("safety.period.daily-report", "寄递安保期日报报送时限（自报送日0时起）", "36", RuleUnit.HOURS, false, Citation.of(LOCAL_PRACTICE)),

	/**
	 * 安全台账（隐患、事故和突发事件、安全培训、联合执法查获、安全生产责任书）所记日期最多早于今天的年数（补登往年的记录；
	 * 更早的日期多是年份输错，且会计入往年的台账数字；邮政业无统一规定：未确认，由各局设置）
	 */
	SAFETY_LEDGER_LOOKBACK("safety.ledger.lookback", "安全台账日期最多早于今天的年数", "10", RuleUnit.YEARS, false, Citation.of(LOCAL_PRACTICE)),

	/** 统计报表报送截止日（次月）（邮政行业统计报表制度，未确认，可配置） */
	STATISTICS_REPORT_DUE_DAY("statistics.report-due-day", "统计报表报送截止日（次月）", "5", RuleUnit.DAY_OF_MONTH, false, Citation.of(STATISTICS_REPORTING_SYSTEM)),

	/**
	 * 同一企业同一报告期两次催报的最短间隔：1日即每日至多催报一次（自然日，北京时间）；产品规则，非法律规定——催报是提醒，
	 * 一日内反复点击会让企业收到成串的相同通知
	 */
	STATISTICS_REMINDER_INTERVAL("statistics.reminder-interval", "同一企业同一报告期催报最短间隔（产品规则，非法律规定）", "1", RuleUnit.CALENDAR_DAYS, false, Citation.of(PRODUCT_RULE));

	private final String code;

	private final String title;

	private final List<Citation> citations;

	private final BigDecimal defaultValue;

	private final RuleUnit unit;

	private final boolean confirmed;

	StatutoryRule(String code, String title, String defaultValue, RuleUnit unit, boolean confirmed,
			Citation... citations) {
		this.code = code;
		this.title = title;
		this.citations = List.of(citations);
		this.defaultValue = new BigDecimal(defaultValue);
		this.unit = unit;
		this.confirmed = confirmed;
	}

	public String code() {
		return code;
	}

	public String title() {
		return title;
	}

	/** The legal basis: at least one citation, each with the version of its text. */
	public List<Citation> citations() {
		return citations;
	}

	/** The legal basis as shown: the citations joined by "；", e.g. {@code 邮政法(2015) 第63条；行政处罚法(2021) 第42条}. */
	public String basis() {
		return citations.stream().map(Citation::toString).collect(Collectors.joining("；"));
	}

	/**
	 * The legal basis in English, for a page in English: each citation as "Article 32 of the Administrative Licensing
	 * Law (2019)" (a whole text: "the Postal Law (2015)"), joined by "; " — the English titles of the texts.
	 */
	public String basisEnglish() {
		return citations.stream().map(c -> (c.article() == 0 ? "the " : "Article " + c.article() + " of the ")
				+ c.text().englishTitle() + (c.version() == null ? "" : " (" + c.version() + ")"))
			.collect(Collectors.joining("; "));
	}

	/**
	 * The legal basis as {@code audience} may read it. The bureau reads {@link #basis()}; a reader outside it (an
	 * enterprise, the public) reads only the citations of legal texts — never the catalogue's marks of practice such as
	 * 地方实践（未确认） — and {@link Audience#OWN_RULE} (按本局规定) where the figure is the bureau's own: where the rule rests
	 * on no legal text at all, and where the catalogue marks it as resting on a practice or product rule beside a text
	 * (the text frames the duty, the figure is the bureau's setting — to cite the text alone would tell the reader the
	 * text fixes the figure). E.g. {@link #LICENCE_RENEWAL_EARLIEST} (快递业务经营许可管理办法 says only "30 days before
	 * expiry"; the 6 months are a local default): {@code 按本局规定} outside; {@link #LICENCE_VALIDITY}:
	 * {@code 快递业务经营许可管理办法(2019)}; {@link #SAFETY_LEDGER_LOOKBACK}: {@code 按本局规定}.
	 * @param audience who reads the text the basis goes into
	 * @return the citations joined by "；", never empty
	 */
	public String basisFor(Audience audience) {
		if (audience == Audience.BUREAU) {
			return basis();
		}
		if (ownSetting()) {
			return Audience.OWN_RULE;
		}
		return citations.stream().map(Citation::toString).collect(Collectors.joining("；"));
	}

	/**
	 * Whether the figure is the bureau's own setting rather than a legal text's: one of the citations is no legal text
	 * ({@link LegalText#isText()} false: 地方实践（未确认）, 产品规则…), alone or beside a text.
	 */
	public boolean ownSetting() {
		return citations.stream().anyMatch(c -> !c.text().isText());
	}

	/**
	 * The rule as a message names it in brackets for {@code audience}: its title without its bracketed qualifiers and
	 * {@link #basisFor basis}, e.g. {@code 许可延续申请最早提前期，按本局规定} outside the bureau, {@code 快递业务经营许可证有效期，
	 * 快递业务经营许可管理办法(2019)} — never its catalogue code, which is the admin's handle on the rule catalogue page, not
	 * words for the reader of a refusal. The title's own brackets (许可延续申请最早提前期（到期前）) are left out: a message
	 * puts the citation in brackets with {@link Text#bracketed}, where they could only be written as commas and read as
	 * part of the basis ({@code （许可延续申请最早提前期，到期前，快递业务经营许可管理办法(2019)）} said the measures set the
	 * figure "到期前"); the message states the figure itself.
	 */
	public String citedFor(Audience audience) {
		String title = citedTitleFor(audience).replaceAll("（[^（）]*）", "").strip();
		return (title.isEmpty() ? titleFor(audience) : title) + "，" + basisFor(audience);
	}

	/**
	 * The title as a citation beside its basis names it ({@link #citedFor}): {@link #titleFor} without a working mark the
	 * basis states anyway — for the bureau {@link #INSPECTION_RECTIFICATION_MAX} is cited
	 * {@code 责令改正整改期限上限（自下达），产品规则（非法律规定，可配置）}, never with "产品规则，非法律规定" twice (attack
	 * finding 7: the title carries its kind, the basis says it again).
	 * @param audience who reads the text the citation goes into
	 */
	public String citedTitleFor(Audience audience) {
		String t = titleFor(audience);
		String basis = flat(basisFor(audience));
		for (String mark : TITLE_MARKS) {
			if (t.contains(mark) && basis.contains(flat(mark))) {
				t = t.replace("；" + mark, "").replace("，" + mark, "").replace(mark, "");
			}
		}
		return t.replace("（）", "");
	}

	/** {@code text} with its brackets as commas, so a mark is found however it is bracketed. */
	private static String flat(String text) {
		return text.replace("（", "，").replace("）", "");
	}

	/**
	 * The working marks a title may carry that only the bureau reads: 产品规则，非法律规定 and the titles of the bases that
	 * are no legal text (地方实践（未确认）…), 未确认 last (it is part of the others).
	 */
	private static final List<String> TITLE_MARKS = Stream.concat(
			Stream.concat(Stream.of("产品规则，非法律规定"),
					Arrays.stream(LegalText.values()).filter(t -> !t.isText()).map(LegalText::title)),
			Stream.of("未确认")).toList();

	/**
	 * The title as {@code audience} may read it. The bureau reads {@link #title()}; a reader outside it reads the title
	 * without the catalogue's working marks, which say to the bureau that the figure rests on no legal text (the basis
	 * {@link #basisFor} says {@link Audience#OWN_RULE} instead): {@link #INSPECTION_RECTIFICATION_MAX}
	 * {@code 责令改正整改期限上限（自下达；产品规则，非法律规定）} is {@code 责令改正整改期限上限（自下达）} outside,
	 * {@link #COMPLAINT_FILINGS_PER_PHONE} {@code 同一电话号码每日网上申诉件数上限}.
	 * @param audience who reads the text the title goes into
	 * @return the title, never blank
	 */
	public String titleFor(Audience audience) {
		if (audience == Audience.BUREAU) {
			return title;
		}
		String t = title;
		for (String mark : TITLE_MARKS) {
			t = t.replace("；" + mark, "").replace("，" + mark, "").replace(mark, "");
		}
		return t.replace("（）", "");
	}

	/**
	 * A period or limit of this rule as a record keeps and shows it: the title, the value with its unit and the basis
	 * for {@code audience} in brackets ({@link Text#bracketed}: never brackets in brackets), e.g.
	 * {@code 一般隐患整改期限10个工作日（按本局规定）} outside the bureau, {@code 一般隐患整改期限10个工作日（地方实践，未确认）}
	 * for it (it read 地方实践（未确认） in a second pair of brackets).
	 * @param value the value that applied (in {@link #unit()})
	 * @param audience who reads it
	 */
	public String statedFor(BigDecimal value, Audience audience) {
		return title + unit.stated(value) + Text.bracketed(basisFor(audience));
	}

	/**
	 * A text {@link #statedFor} wrote — for either audience, at any value, as a record kept it when it was made — as
	 * {@code audience} reads it: so that a stored 地方实践（未确认） of a record made before bases were cited for their
	 * reader never reaches an enterprise, and the bureau reads its catalogue's marks on a record kept in the form the
	 * enterprise reads. Any other text (a date someone set, "指定日期…") is returned as it is — outside the bureau with
	 * the rule's bracketed catalogue basis, should it hold one, read as {@link #basisFor} that reader.
	 * @param stated the text as kept, or null
	 * @param audience who reads it
	 * @return the text for {@code audience}; null for null
	 */
	public String restatedFor(String stated, Audience audience) {
		if (stated == null) {
			return null;
		}
		for (Audience form : Audience.values()) {
			// as statedFor writes it, or as it wrote it before its brackets were flattened (地方实践（未确认） in brackets)
			for (String tail : List.of(unit.label() + Text.bracketed(basisFor(form)), unit.label() + "（" + basisFor(form) + "）")) {
				if (stated.startsWith(title) && stated.endsWith(tail) && stated.length() > title.length() + tail.length()) {
					String value = stated.substring(title.length(), stated.length() - tail.length());
					if (value.matches("\\d+(\\.\\d+)?")) {
						return statedFor(new BigDecimal(value), audience);
					}
				}
			}
		}
		// not in the form statedFor wrote: still never the catalogue's marks outside the bureau, never nested brackets
		String flat = stated.replace("（" + basis() + "）", Text.bracketed(basis()));
		return audience == Audience.BUREAU ? flat : flat.replace(Text.bracketed(basis()), Text.bracketed(basisFor(audience)));
	}

	public BigDecimal defaultValue() {
		return defaultValue;
	}

	public RuleUnit unit() {
		return unit;
	}

	public boolean confirmed() {
		return confirmed;
	}

	/**
	 * Whether the value is fixed by national law for the whole country and not meant to be varied locally: only the
	 * national bureau (region {@code 0}) may set it — when the law itself changes — and a provincial, city or county
	 * override is refused ({@link StatutoryRules#override}) and never read. These are the remedies every adverse decision
	 * states (行政复议法(2023) art.20, 行政诉讼法(2017) art.46) and the periods and limits 行政处罚法(2021), 邮政法(2015),
	 * 行政许可法(2019) and 快递暂行条例(2025) fix without leaving room to a bureau: the penalty procedure's hearing, decision,
	 * delivery, payment, surcharge, limitation and withdrawal periods and the on-the-spot limits; the licence's decision,
	 * notice and certificate periods; the complaint answer limit; the outlet filing period; the approval periods for
	 * closing a post office; the two inspectors; the licence's registered-capital minimums (邮政法(2015) art.52). Fine ranges stay overridable (a bureau's 裁量基准 narrows them), and so do
	 * local thresholds and practice periods ({@code confirmed} false).
	 */
	public boolean nationalOnly() {
		return switch (this) {
			case REMEDY_ADMINISTRATIVE_REVIEW, REMEDY_LITIGATION,
					PENALTY_HEARING_REQUEST, PENALTY_HEARING_NOTICE, PENALTY_DECISION, PENALTY_DECISION_EXTENSION,
					PENALTY_DELIVERY, PENALTY_PUBLIC_NOTICE_SERVICE, PENALTY_PAYMENT, PENALTY_LATE_SURCHARGE, PENALTY_LATE_SURCHARGE_CAP, PENALTY_LIMITATION, PENALTY_LIMITATION_HARM,
					PENALTY_PUBLICATION_WITHDRAWAL, PENALTY_ON_THE_SPOT_PERSON_MAX, PENALTY_ON_THE_SPOT_ORGANISATION_MAX,
					LICENCE_DECISION, LICENCE_RENEWAL_DECISION, LICENCE_MISSING_MATERIALS_NOTICE, LICENCE_CERTIFICATE_ISSUE,
					LICENCE_NO_OPERATION,
					COMPLAINT_ANSWER_LIMIT,
					OUTLET_FILING_AFTER_OPENING, UNIVERSAL_CLOSURE_DECISION, UNIVERSAL_CLOSURE_EXTENSION,
					INSPECTION_MIN_INSPECTORS, LICENCE_CAPITAL_PROVINCE, LICENCE_CAPITAL_INTER_PROVINCE,
					LICENCE_CAPITAL_INTERNATIONAL -> true;
			default -> false;
		};
	}

	/** The region of the national bureau, the only one that may set a {@link #nationalOnly()} rule. */
	public static final String NATIONAL_REGION = "0";

	public static Optional<StatutoryRule> byCode(String code) {
		return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
	}
}
