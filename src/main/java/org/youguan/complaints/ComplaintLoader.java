package org.youguan.complaints;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.complaints.internal.ComplaintRollup;
import org.youguan.complaints.internal.FilerPhone;
import org.youguan.complaints.internal.QueryCodes;
import org.youguan.numbering.BusinessNumbers;
import org.youguan.platform.Secrets;
import org.youguan.registry.EnterpriseType;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;
import org.youguan.platform.ChinaTime;

/**
 * Loads complaints handled before (the demo city's past year, a generator for benchmarks) in batches, as the procedure
 * left them: closed with the reply, the call-back and the outcome, or not accepted — with the public history the
 * procedure writes at each step ({@code complaint_event}: received, transferred or not accepted with the condition and
 * reason, replied, called back, closed), so their status pages read as a handled complaint's do. Whether the reply was
 * late is worked out from the dates as the procedure does: after the reply's due date, the rule
 * {@code complaint.enterprise-reply} counted on the working-day calendar from the transfer. A complaint is closed after
 * its reply, never before. Numbers come from the same sequence as new complaints; the figures' roll-up is added to in
 * the same transaction; one audit event records the load. No query code is issued (a random hash is stored).
 */
@Service
public class ComplaintLoader {

	/**
	 * A past complaint: what was filed, when it was received, who answered and how it ended. Transferred the day after
	 * receipt, replied {@code daysToReply} days after that (late or not by the rule, {@link ComplaintLoader}), closed
	 * {@code daysToClose} days after receipt or the day after the reply, whichever is later; {@code rejection} not null:
	 * not accepted, on the day after receipt. {@code satisfaction} the filer's satisfaction with the bureau's handling,
	 * {@code companySatisfaction} with the company's (null: not asked), {@code respondentType} the respondent's type
	 * (a postal enterprise's count in 对邮政普遍服务满意率, {@link ComplaintFigures}).
	 */
	public record Past(ComplaintForm form, long brandId, LocalDate receivedOn, Long enterpriseId, String enterpriseName,
			String enterpriseCreditCode, EnterpriseType respondentType, Responsibility responsibility,
			BigDecimal compensation, Satisfaction satisfaction, Satisfaction companySatisfaction, int daysToReply,
			int daysToClose, AcceptanceCondition rejection) {
	}

	private static final ZoneId CHINA = ChinaTime.ZONE;

	private final JdbcTemplate jdbc;

	private final BusinessNumbers numbers;

	private final StatutoryRules rules;

	private final AuditTrail audit;

	private final Clock clock;

	private final Secrets secrets;

	private final ComplaintRollup rollup;

	ComplaintLoader(JdbcTemplate jdbc, BusinessNumbers numbers, StatutoryRules rules, AuditTrail audit, Clock clock,
			Secrets secrets, ComplaintRollup rollup) {
		this.rollup = rollup;
		this.secrets = secrets;
		this.jdbc = jdbc;
		this.numbers = numbers;
		this.rules = rules;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public int load(List<Past> past, boolean demo, String note) {
		List<Object[]> rows = new ArrayList<>();
		List<String> loaded = new ArrayList<>();
		List<Object[]> history = new ArrayList<>();
		Timestamp now = Timestamp.from(clock.instant());
		for (Past p : past) {
			ComplaintForm f = p.form();
			String county = f.region().substring(0, 6);
			LocalDate received = p.receivedOn();
			String number = numbers.next(ComplaintIntake.NUMBER_TYPE, county, received.getYear());
			loaded.add(number);
			boolean rejected = p.rejection() != null;
			LocalDate transferred = received.plusDays(1);
			LocalDate replied = rejected ? null : transferred.plusDays(p.daysToReply());
			// late as the procedure judges a reply: after the due date set at the transfer (ComplaintProcedure.reply)
			boolean late = !rejected
					&& replied.isAfter(rules.deadline(StatutoryRule.COMPLAINT_ENTERPRISE_REPLY, transferred, county));
			LocalDate closed = rejected ? null : latest(received.plusDays(p.daysToClose()), replied.plusDays(1));
			String condition = rejected ? p.rejection().label(rules.stated(StatutoryRule.COMPLAINT_FILING_WINDOW, county)) : null;
			String rejectionReason = rejected ? "经审查，" + condition + "，依照《邮政业用户申诉处理办法》不予受理" : null;
			history.add(event(number, received.atTime(9, 30), ComplaintStatus.RECEIVED,
					"已收到您的申诉（" + Channel.WEB.label() + "），申诉编号" + number + "。邮政管理部门将在规定时限内审查是否受理。"));
			if (rejected) {
				history.add(event(number, transferred.atTime(10, 0), ComplaintStatus.REJECTED,
						"经审查，不予受理：" + condition + "。" + rejectionReason));
			}
			else {
				history.add(event(number, transferred.atTime(10, 0), ComplaintStatus.TRANSFERRED,
						"申诉已受理，并转" + p.enterpriseName() + "处理。"));
				history.add(event(number, replied.atTime(15, 0), ComplaintStatus.REPLIED, "企业已答复，邮政管理部门将回访核实。"));
				history.add(event(number, closed.atTime(9, 0), ComplaintStatus.CALLBACK, "已回访。"));
				history.add(event(number, closed.atTime(16, 0), ComplaintStatus.CLOSED, "申诉已办结。"));
			}
			FilerPhone phone = FilerPhone.of(secrets, f.phone());
			rows.add(new Object[] { number, QueryCodes.hash(QueryCodes.generate()), Channel.WEB.name(), f.filerName(),
					phone.cipher(), phone.index(), phone.masked(), f.filerRole().name(), f.region(), p.brandId(), f.brand(), rejected ? null : p.enterpriseId(),
					rejected ? null : p.enterpriseName(), rejected ? null : p.enterpriseCreditCode(), ComplaintIntake.waybill(f.waybillNumber()),
					Date.valueOf(f.postedOn()), Date.valueOf(f.priorComplaintDate()), f.priorChannel(), f.companyAnswer(),
					f.category(), f.reason(), f.amountClaimed(), f.description(),
					rejected ? ComplaintStatus.REJECTED.name() : ComplaintStatus.CLOSED.name(),
					Timestamp.from(received.atTime(9, 30).atZone(CHINA).toInstant()), Date.valueOf(received),
					Date.valueOf(rules.deadline(StatutoryRule.COMPLAINT_ANSWER_LIMIT, received, county)),
					Date.valueOf(rules.deadline(StatutoryRule.COMPLAINT_TRANSFER, received, county)),
					rejected ? p.rejection().name() : null, rejectionReason,
					rejected ? null : Date.valueOf(transferred), rejected ? null : "经核实情况属实",
					rejected ? null : p.responsibility().name(), rejected ? null : "按规定处理",
					rejected ? null : p.compensation(), rejected ? null : Boolean.TRUE, rejected ? null : Boolean.TRUE,
					rejected ? null : "客服专员", rejected ? null : "13800000000", replied == null ? null : Date.valueOf(replied),
					late, rejected ? 0 : 1, rejected ? null : p.satisfaction() == null ? null : p.satisfaction().name(),
					rejected ? null : Boolean.TRUE, closed == null ? null : Date.valueOf(closed),
					rejected ? null : p.responsibility().valid(), rejected ? null : p.compensation(), demo, now,
					rejected || p.respondentType() == null ? null : p.respondentType().name(),
					rejected || p.companySatisfaction() == null ? null : p.companySatisfaction().name() });
		}
		jdbc.batchUpdate("""
				INSERT INTO complaint (number, query_code_hash, channel, filer_name, filer_phone_cipher, filer_phone_index,
				    filer_phone_masked, filer_role, region_code, brand_id,
				    brand_name, enterprise_id, enterprise_name, enterprise_credit_code, waybill_number, posted_on,
				    prior_complained_on, prior_channel, prior_answer, category, reason, amount_claimed, description, status,
				    received_at, received_on, answer_due, transfer_due, rejection_condition, rejection_reason, transferred_on,
				    reply_findings, reply_responsibility, reply_solution, reply_compensation, reply_apology, reply_user_agrees,
				    reply_handler, reply_handler_phone, replied_on, reply_late, callback_attempts, satisfaction, solved,
				    closed_on, valid_complaint, compensation_paid, demo, created_at, respondent_type, company_satisfaction)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
				        ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
		jdbc.batchUpdate("""
				INSERT INTO complaint_event (complaint_id, occurred_at, status, public_text)
				SELECT id, ?, ?, ? FROM complaint WHERE number = ?""", history);
		rollup.addNumbers(loaded);
		audit.record(AuditEntry.of("complaint.load", "Complaint", null, "批量载入已办结的申诉" + past.size() + "件（" + note + "）"));
		return past.size();
	}

	/** A line of a loaded complaint's public history, as {@code ComplaintRecords.history} writes one. */
	private static Object[] event(String number, LocalDateTime at, ComplaintStatus status, String text) {
		return new Object[] { Timestamp.from(at.atZone(CHINA).toInstant()), status.name(), text, number };
	}

	private static LocalDate latest(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}
}
