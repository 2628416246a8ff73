package org.youguan.inspections;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Validation;
import org.youguan.numbering.BusinessNumbers;

/**
 * The 责令改正 procedure: the bureau issues an order for an inspection that found problems (文号 from the numbering
 * module, deadline set per case in working days by the working-day calendar); the enterprise replies with its
 * rectification report; the bureau accepts (the order counts as rectified on the day of the reply) or rejects it (the
 * enterprise replies again); a re-inspection (复查) is scheduled before the deadline. An order still unrectified after
 * its deadline becomes a case lead ({@link RectificationDeadlines}). Every step is audited.
 */
@Service
public class InspectionOrders {

	/** The number type of orders issued on the platform: {@code 责令改正-<region>-<year>-<sequence>}. */
	public static final String NUMBER_TYPE = "责令改正";

	/** An order as staff and the enterprise see it. */
	public record Order(long id, long recordId, String regionCode, String enterpriseCreditCode, String enterpriseName,
			String number, LocalDate issuedOn, LocalDate dueOn, Integer workingDays, String status, String reply,
			LocalDate repliedOn, LocalDate decidedOn, String decisionNote, LocalDate rectifiedOn,
			LocalDate reinspectionOn, LocalDate leadRaisedOn, String findings) {
	}

	private static final String COLUMNS = """
			SELECT o.id, o.record_id, o.region_code, o.enterprise_credit_code, r.enterprise_name, o.number, o.issued_on,
			       o.due_on, o.working_days, o.status, o.reply, o.replied_on, o.decided_on, o.decision_note, o.rectified_on,
			       o.reinspection_on, o.lead_raised_on, r.findings""";

	private static final String FROM = "FROM rectification_order o JOIN inspection_record r ON r.id = o.record_id";

	private final JdbcClient jdbc;

	private final BusinessNumbers numbers;

	private final WorkingCalendar calendar;

	private final AuditTrail audit;

	private final Clock clock;

	InspectionOrders(JdbcClient jdbc, BusinessNumbers numbers, WorkingCalendar calendar, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.numbers = numbers;
		this.calendar = calendar;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Issues the order of an inspection concluded 责令改正 that has none yet: numbered in the issuing bureau's region,
	 * due {@code workingDays} working days after today.
	 * @param bureauRegion the issuing bureau's region (the number's region part)
	 * @return the order
	 * @throws DomainException not-found outside the caller's scope; a rule violation when the record's outcome is not
	 * 责令改正 or it has an order already; InvalidValueException for a deadline outside 1–180 working days
	 */
	@Transactional
	public Order issue(DataScope scope, long recordId, String bureauRegion, Integer workingDays) {
		record Target(String regionCode, String enterpriseCreditCode, String outcome, Long orderId) {
		}
		Target t = jdbc.sql("""
				SELECT r.region_code, r.enterprise_credit_code, r.outcome,
				       (SELECT o.id FROM rectification_order o WHERE o.record_id = r.id) AS order_id
				FROM inspection_record r WHERE r.id = :id AND\s""" + scope.regionPredicate("r.region_code"))
			.params(scope.params()).param("id", recordId)
			.query(Rows.of(Target.class)).optional()
			.orElseThrow(() -> DomainException.notFound("检查记录", recordId));
		if (!"RECTIFICATION".equals(t.outcome())) {
			throw DomainException.rule("只有检查结果为责令改正的检查才能下达责令改正通知书");
		}
		if (t.orderId() != null) {
			throw DomainException.rule("该检查已下达责令改正通知书");
		}
		if (workingDays == null || workingDays < 1 || workingDays > 180) {
			throw new InvalidValueException("workingDays", "range", "整改期限（workingDays）应为1至180个工作日");
		}
		LocalDate today = LocalDate.now(clock);
		String number = numbers.next(NUMBER_TYPE, bureauRegion == null || bureauRegion.isBlank() ? t.regionCode() : bureauRegion,
				today.getYear());
		LocalDate due = calendar.plusWorkingDays(today, workingDays);
		long id = jdbc.sql("""
				INSERT INTO rectification_order (record_id, region_code, enterprise_credit_code, number, issued_on, due_on,
				    working_days, status)
				VALUES (:record, :region, :code, :number, :today, :due, :days, 'ISSUED') RETURNING id""")
			.param("record", recordId).param("region", t.regionCode()).param("code", t.enterpriseCreditCode())
			.param("number", number).param("today", today).param("due", due).param("days", workingDays)
			.query(Long.class).single();
		audit.record(AuditEntry.of("inspection.order.issue", "inspection", recordId, "下达责令改正通知书" + number + "，限"
				+ workingDays + "个工作日内（" + due + "前）整改").inRegion(t.regionCode()));
		return get(scope, id);
	}

	/**
	 * The enterprise's rectification report on an order that awaits it (issued, or its earlier reply rejected).
	 * @throws DomainException not-found unless the order is the caller's enterprise's; illegal transition otherwise
	 */
	@Transactional
	public Order reply(DataScope enterprise, long id, String report) {
		Order o = get(enterprise, id);
		if (!o.status().equals("ISSUED") && !o.status().equals("REJECTED")) {
			throw DomainException.illegalTransition("该通知书已答复或已验收，不能再次答复");
		}
		Validation v = new Validation();
		v.required("report", "整改情况报告（report）", report).maxLength("report", "整改情况报告（report）", report, 2000);
		v.throwIfInvalid();
		jdbc.sql("UPDATE rectification_order SET status = 'REPLIED', reply = :reply, replied_on = :today WHERE id = :id")
			.param("reply", report.strip()).param("today", LocalDate.now(clock)).param("id", id).update();
		audit.record(AuditEntry.of("inspection.order.reply", "inspection", o.recordId(), "企业答复责令改正通知书" + o.number())
			.inRegion(o.regionCode()));
		return get(enterprise, id);
	}

	/**
	 * The bureau's decision on the enterprise's reply: accepted (rectified on the day of the reply) or rejected with a
	 * reason (the enterprise replies again).
	 * @throws DomainException not-found outside the caller's region; illegal transition unless a reply awaits a decision
	 */
	@Transactional
	public Order decide(DataScope scope, long id, boolean accept, String note) {
		Order o = get(scope, id);
		if (!o.status().equals("REPLIED")) {
			throw DomainException.illegalTransition("只有企业已答复的通知书才能验收");
		}
		if (!accept) {
			Validation v = new Validation();
			v.required("note", "不予验收的理由（note）", note);
			v.maxLength("note", "不予验收的理由（note）", note, 500);
			v.throwIfInvalid();
		}
		jdbc.sql("""
				UPDATE rectification_order SET status = :status, decided_on = :today, decision_note = :note,
				    rectified_on = CASE WHEN :accept THEN replied_on END WHERE id = :id""")
			.param("status", accept ? "ACCEPTED" : "REJECTED").param("today", LocalDate.now(clock))
			.param("note", note == null || note.isBlank() ? null : note.strip()).param("accept", accept).param("id", id)
			.update();
		audit.record(AuditEntry.of(accept ? "inspection.order.accept" : "inspection.order.reject", "inspection", o.recordId(),
				(accept ? "验收整改：" : "整改不予验收：") + o.number() + (accept ? "" : "（" + note.strip() + "）"))
			.inRegion(o.regionCode()));
		return get(scope, id);
	}

	/**
	 * Schedules the re-inspection (复查) of an order, on a day from its issue to its deadline.
	 * @throws InvalidValueException when the day lies outside that span
	 */
	@Transactional
	public Order scheduleReinspection(DataScope scope, long id, LocalDate on) {
		Order o = get(scope, id);
		if (on == null || on.isBefore(o.issuedOn()) || on.isAfter(o.dueOn())) {
			throw new InvalidValueException("on", "range", "复查日期（on）应在" + o.issuedOn() + "至整改期限" + o.dueOn() + "之间");
		}
		jdbc.sql("UPDATE rectification_order SET reinspection_on = :on WHERE id = :id").param("on", on).param("id", id).update();
		audit.record(AuditEntry.of("inspection.order.reinspection", "inspection", o.recordId(), "安排复查：" + o.number() + "，"
				+ on).inRegion(o.regionCode()));
		return get(scope, id);
	}

	/** An order the caller may see: staff in their region, an enterprise its own. @throws DomainException not-found */
	public Order get(DataScope scope, long id) {
		return jdbc.sql(COLUMNS + " " + FROM + " WHERE o.id = :id AND "
				+ scope.enterprisePredicate("o.enterprise_credit_code", "o.region_code"))
			.params(scope.params()).param("id", id)
			.query(Rows.of(Order.class)).optional()
			.orElseThrow(() -> DomainException.notFound("责令改正通知书", id));
	}

	/** A page of the orders the caller may see, newest first; searched by number or enterprise. */
	public PageResult<Order> list(DataScope scope, PageQuery page) {
		return Listing.from(FROM)
			.scope(scope, "o.enterprise_credit_code", "o.region_code")
			.search(page, "o.number", "r.enterprise_name")
			.sorts(Map.of("issued_on", "o.issued_on", "due_on", "o.due_on"), "issued_on", true, "o.id")
			.page(jdbc, COLUMNS, page, Rows.of(Order.class));
	}
}
