package org.youguan.safety.internal.ledgers;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.Actors;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.Listing.Masked;
import org.youguan.kernel.Masking;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.rules.Audience;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;
import org.youguan.platform.ChinaTime;

/**
 * The 事故/突发事件 ledger. An incident is recorded against an enterprise (optionally one of its outlets) by the bureau or
 * by the enterprise itself; it must be reported to the bureau within the catalogue's period
 * ({@code safety.incident.report}, hours from its occurrence — unconfirmed: DOMAIN.md names no period, each bureau sets
 * its own; the basis is kept with the row). The follow-up (and the time it was reported, if not yet recorded) is added
 * by the enterprise or staff; the bureau closes it. Staff see their region, an enterprise its own; staff correct an open
 * incident's facts ({@link Corrections}). Audited ({@code safety.incident.*}).
 */
@Service
public class Incidents {

	/** What an enterprise asking to close (结案) an incident is told: the bureau closes it. */
	static final String CLOSE_REFUSAL = "事故/突发事件的结案由邮政管理部门办理";

	static final String AUDIT_TYPE = "SafetyIncident";

	private static final Corrections.Ledger LEDGER = new Corrections.Ledger("safety_incident", AUDIT_TYPE,
			"safety.incident.correct", "事故/突发事件", "closed_on", "结案", "description");

	private static final ZoneId CHINA = ChinaTime.ZONE;

	private static final Map<String, String> SORTS = Map.of("occurred_at", "x.occurred_at", "level", "x.level",
			"enterprise", "x.enterprise_name");

	/**
	 * The incident as read, with {@code report_late}: reported (or, unreported, now) after the due time, compared at the
	 * minute both are shown in (yyyy-MM-dd HH:mm) — a report within the due minute is on time: an enterprise's portal
	 * report takes the server's time with its seconds, and 11:00:30 against a limit shown as 11:00 is not 迟报.
	 */
	private static final String SELECT = """
			SELECT x.id, x.enterprise_credit_code, x.enterprise_name, x.outlet_id, x.outlet_name, x.region_code,
			    (SELECT r.name FROM region_name r WHERE r.code = x.region_code) AS region_name, x.occurred_at, x.kind,
			    x.level, x.description, x.report_due, x.report_basis, x.reported_at, x.follow_up, x.closed_on,
			    x.closure_note,
			    date_trunc('minute', COALESCE(x.reported_at, :now)) > date_trunc('minute', x.report_due) AS report_late""";

	private final JdbcClient jdbc;

	private final Placement placement;

	private final StatutoryRules rules;

	private final AuditTrail audit;

	private final Corrections corrections;

	private final Clock clock;

	/** The days an incident may have occurred on (not in the future, within the catalogue's look-back). */
	private final LedgerDays days;

	private final Submissions submissions;

	Incidents(JdbcClient jdbc, Placement placement, StatutoryRules rules, AuditTrail audit, Corrections corrections,
			Clock clock, LedgerDays days, Submissions submissions) {
		this.submissions = submissions;
		this.days = days;
		this.corrections = corrections;
		this.jdbc = jdbc;
		this.placement = placement;
		this.rules = rules;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * A page of incidents in the caller's scope (newest first), searched by enterprise, place or description;
	 * {@code openOnly} keeps those not closed.
	 */
	public PageResult<IncidentView> list(DataScope scope, boolean openOnly, PageQuery page) {
		return Listing.from("FROM safety_incident x")
			.scope(scope, "x.enterprise_credit_code", "x.region_code")
			.where(openOnly ? "x.closed_on IS NULL" : "TRUE")
			.bind("now", OffsetDateTime.now(clock))
			.search(page, jdbc, "x.id", List.of(Masked.numbers("x.description")), "x.enterprise_name", "x.enterprise_credit_code",
					"x.outlet_name")
			.sorts(SORTS, "occurred_at", true, "x.id")
			.page(jdbc, SELECT, page, Rows.of(IncidentView.class))
			.map(x -> x.masked().readBy(Hazards.reader(scope)));
	}

	/**
	 * One incident in the caller's scope.
	 * @throws DomainException not found (404) otherwise
	 */
	public IncidentView get(DataScope scope, long id) {
		return jdbc.sql(SELECT + " FROM safety_incident x WHERE x.id = :id AND "
				+ scope.enterprisePredicate("x.enterprise_credit_code", "x.region_code"))
			.params(scope.params())
			.param("id", id)
			.param("now", OffsetDateTime.now(clock))
			.query(Rows.of(IncidentView.class))
			.optional()
			.map(x -> x.readBy(Hazards.reader(scope)))
			.orElseThrow(() -> DomainException.notFound("事故/突发事件", id));
	}

	/**
	 * Records an incident; its report is due {@code safety.incident.report} hours after it occurred. Recorded by the
	 * enterprise (portal or token), the record is its report: reportedAt is the server's time of the submission, a time
	 * sent is ignored. Staff may enter an earlier report time (a report received by phone); the audit entry names it.
	 * @return its id
	 * @throws InvalidValueException naming every failing field: enterpriseCreditCode, outletId, occurredAt (required,
	 *         not in the future), kind, level, description, reportedAt (not before it occurred, not in the future)
	 */
	@Transactional
	public long record(DataScope scope, IncidentData data, boolean demo) {
		return record(scope, data, demo, List.of());
	}

	/**
	 * As {@link #record(DataScope, IncidentData, boolean)}, continuing the checks a form ran while reading its values
	 * (an outlet's number that is no number, {@code kernel.FormBinding}): one answer names those fields and every field
	 * these checks refuse, nothing saved while any is.
	 * @param formErrors the form's failures, or an empty list
	 */
	@Transactional
	public long record(DataScope scope, IncidentData data, boolean demo, List<FieldError> formErrors) {
		return corrections.record(LEDGER, "safety.incident.record", "登记",
				facts(scope, data, Placement.Kept.NONE, formErrors), demo, this::snapshot);
	}

	/**
	 * Corrects the facts of an open incident (staff of its region), checked as {@link #record}; its report is due again
	 * {@code safety.incident.report} hours after the corrected time. Audited ({@code safety.incident.correct}) with the
	 * changed facts before and after.
	 * @return the changed facts (empty: nothing changed)
	 * @throws DomainException not found (404) outside the caller's scope; 409 once closed (结案)
	 * @throws AccessRefusedException (403) for an enterprise user
	 * @throws InvalidValueException as {@link #record}
	 */
	@Transactional
	public Map<String, Object[]> correct(DataScope scope, long id, IncidentData data) {
		return correct(scope, id, data, List.of());
	}

	/**
	 * As {@link #correct(DataScope, long, IncidentData)}, continuing the checks the edit form ran while reading its
	 * values ({@code formErrors}, e.g. an outlet's number that is no number): all refused in one answer.
	 */
	@Transactional
	public Map<String, Object[]> correct(DataScope scope, long id, IncidentData data, List<FieldError> formErrors) {
		IncidentView now = get(scope, id);
		Placement.Kept kept = Placement.Kept.of(now.outletId(), null);
		return corrections.correct(scope, LEDGER, id, () -> facts(scope, data, kept, formErrors));
	}

	/** The checked facts; {@code kept} is the outlet the corrected incident names now (accepted once closed). */
	private Corrections.Facts facts(DataScope scope, IncidentData data, Placement.Kept kept, List<FieldError> formErrors) {
		Validation v = Validation.after(formErrors);
		var place = placement.resolve(scope, v, data.enterpriseCreditCode(), data.outletId(), null, kept);
		String region = place.map(Placement.Place::regionCode).orElse(null);
		Instant occurred = instant(v, "occurredAt", "发生时间", data.occurredAt(), true, region);
		IncidentKind kind = Hazards.parse(IncidentKind.class, data.kind(), IncidentKind::label);
		v.require("kind", kind != null, "dictionary", "类别应为生产安全事故（ACCIDENT）或突发事件（EMERGENCY）");
		IncidentLevel level = Hazards.parse(IncidentLevel.class, data.level(), IncidentLevel::label);
		v.require("level", level != null, "dictionary", "等级应为" + Arrays.stream(IncidentLevel.values())
			.map(l -> l.label() + "（" + l.name() + "）").collect(Collectors.joining("、")));
		String description = Hazards.freeText(data.description());
		v.required("description", "事件经过", description).maxLength("description", "事件经过", description, 1000);
		boolean byEnterprise = scope.kind() == DataScope.Kind.ENTERPRISE;
		// the enterprise's own record is its report: received now, whatever time it types (else 迟报 is a keystroke away)
		Instant reported = byEnterprise ? clock.instant() : instant(v, "reportedAt", "报告时间", data.reportedAt(), false, region);
		// an enterprise sends no report time (it is now): an occurrence in the future is its occurredAt's error alone
		if (!byEnterprise && reported != null && occurred != null) {
			v.require("reportedAt", !reported.isBefore(occurred), "range", "报告时间不能早于发生时间");
		}
		v.throwIfInvalid();
		var p = place.orElseThrow();
		StatutoryRule rule = StatutoryRule.SAFETY_INCIDENT_REPORT;
		int hours = rules.intValue(rule, p.regionCode());
		Map<String, Object> columns = Placement.columns(p, true, false);
		columns.put("occurred_at", occurred.atOffset(ZoneOffset.UTC));
		columns.put("kind", kind.name());
		columns.put("level", level.name());
		columns.put("description", description);
		columns.put("report_due", occurred.plus(Duration.ofHours(hours)).atOffset(ZoneOffset.UTC));
		// kept in the form a reader outside the bureau reads (the row read raw says no 地方实践（未确认）); IncidentView.readBy
		// states it for the reader
		columns.put("report_basis", rule.statedFor(BigDecimal.valueOf(hours), Audience.OUTSIDE));
		columns.put("reported_at", reported == null ? null : reported.atOffset(ZoneOffset.UTC));
		// the incident is its place, time, kind, level and description: the same sent again with another report time
		// (a retry, the enterprise's second click a minute later) is the same incident (attack round 17)
		return new Corrections.Facts(p.regionCode(), level.label() + kind.label() + "：" + p.enterpriseName() + "，"
				+ description + reportedNote(byEnterprise, reported), columns).withEntry("reported_at", "report_due",
						"report_basis");
	}

	/**
	 * The follow-up of an open incident (enterprise or staff): the follow-up text (required, ≤ 2000) and, if not yet
	 * recorded, when it was reported — from an enterprise, the time of this submission (a time sent is ignored); from
	 * staff, the time entered (a report received earlier by phone), named in the audit entry.
	 * @throws DomainException not found (404) outside the caller's scope; 409 when closed
	 * @throws AccessRefusedException (403) for staff of another bureau than the incident's owner
	 *         ({@link Corrections#requireOwn})
	 * @throws InvalidValueException on followUp or reportedAt
	 */
	@Transactional
	public void followUp(DataScope scope, long id, String followUp, String reportedAt) {
		IncidentView x = lockOpen(scope, id);
		corrections.requireOwn(LEDGER, id);
		Validation v = new Validation();
		// the page shows the stored text masked; sent back unchanged it keeps the stored text
		String text = Masking.keptIfSentBackMasked(Hazards.freeText(followUp), x.followUp());
		v.required("followUp", "后续处置情况", text).maxLength("followUp", "后续处置情况", text, 2000);
		boolean byEnterprise = scope.kind() == DataScope.Kind.ENTERPRISE;
		// a report not yet on record is, from the enterprise, this submission; staff may enter one received earlier
		Instant reported = x.reportedAt() != null ? null
				: byEnterprise ? clock.instant() : instant(v, "reportedAt", "报告时间", reportedAt, false, x.regionCode());
		if (reported != null) {
			v.require("reportedAt", !reported.isBefore(x.occurredAt()), "range", "报告时间不能早于发生时间");
		}
		v.throwIfInvalid();
		if (submissions.repeated(LEDGER.table(), id, text, List.of())) {
			// the same follow-up sent again at once (a double click, a retried call): already taken
			return;
		}
		Map<String, Object> before = snapshot(id);
		jdbc.sql("UPDATE safety_incident SET follow_up = :text, reported_at = COALESCE(reported_at, :reported) WHERE id = :id")
			.param("text", text)
			.param("reported", reported == null ? null : reported.atOffset(ZoneOffset.UTC))
			.param("id", id)
			.update();
		// each follow-up kept as sent: a later one no longer hides what was reported before (followUps)
		submissions.keep(LEDGER.table(), id, text, List.of());
		audit.record(AuditEntry.of("safety.incident.follow-up", AUDIT_TYPE, id, "事故/突发事件后续处置：" + text
				+ reportedNote(byEnterprise, reported))
			.states(before, snapshot(id))
			.inRegion(x.regionCode())
			.masked());
	}

	/**
	 * Every follow-up submitted on an incident in the caller's scope, oldest first, each with its time and author
	 * ({@link Submissions}): a later follow-up replaces the incident's 后续处置情况 but not the record of the earlier ones.
	 * @throws DomainException not found (404) outside the caller's scope
	 */
	public List<Submissions.Submission> followUps(DataScope scope, long id) {
		get(scope, id);
		return submissions.of(LEDGER.table(), id);
	}

	/**
	 * The bureau closes an incident: the day (not before it occurred, not in the future), a note; it must have been
	 * reported.
	 * @throws AccessRefusedException (403) for an enterprise user; for staff of another bureau than the incident's owner
	 *         ({@link Corrections#requireOwn})
	 * @throws InvalidValueException on closedOn, closureNote, or reportedAt when its report is not recorded
	 */
	@Transactional
	public void close(DataScope scope, long id, String closedOn, String note) {
		if (scope.kind() == DataScope.Kind.ENTERPRISE) {
			throw new AccessRefusedException("id", CLOSE_REFUSAL);
		}
		IncidentView x = lockOpen(scope, id);
		corrections.requireOwn(LEDGER, id);
		Validation v = new Validation();
		LocalDate day = v.date("closedOn", "结案日期", closedOn, x.occurredAt().atZone(CHINA).toLocalDate(),
				LocalDate.now(clock));
		v.require("closedOn", closedOn != null && !Text.isBlank(closedOn), "required", "请填写结案日期");
		String text = Hazards.freeText(note);
		v.required("closureNote", "结案意见", text).maxLength("closureNote", "结案意见", text, 1000);
		v.require("reportedAt", x.reportedAt() != null, "required", "尚未登记报告时间，不能结案");
		v.throwIfInvalid();
		Map<String, Object> before = snapshot(id);
		jdbc.sql("UPDATE safety_incident SET closed_on = :day, closure_note = :note WHERE id = :id")
			.param("day", day)
			.param("note", text)
			.param("id", id)
			.update();
		audit.record(AuditEntry.of("safety.incident.close", AUDIT_TYPE, id, "事故/突发事件结案：" + text)
			.states(before, snapshot(id))
			.inRegion(x.regionCode())
			.masked());
	}

	/** What the audit entry says about the report time recorded with a step (nothing when none was). */
	private String reportedNote(boolean byEnterprise, Instant reported) {
		if (reported == null) {
			return "";
		}
		String at = reported.atZone(CHINA).toLocalDateTime().withNano(0).toString().replace('T', ' ');
		return byEnterprise ? "；报告时间" + at + "（企业提交时间）"
				: "；报告时间" + at + "（工作人员" + Actors.shown(Actor.name()) + "登记" + (reported.isBefore(clock.instant().minusSeconds(60))
						? "，早于登记时间：电话等方式收到的报告" : "") + "）";
	}

	private IncidentView lockOpen(DataScope scope, long id) {
		get(scope, id);
		jdbc.sql("SELECT id FROM safety_incident WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).single();
		IncidentView x = get(scope, id);
		if (!x.open()) {
			throw DomainException.illegalTransition(Wording.of("safety.refusal.incidentClosed", x.closedOn()),
					"该事故/突发事件已于" + ChineseText.day(x.closedOn()) + "结案");
		}
		return x;
	}

	/**
	 * A moment typed as ISO date-time (China time without an offset), not in the future, on a day within the ledgers'
	 * look-back in the region ({@link LedgerDays}); null when blank.
	 */
	private Instant instant(Validation v, String field, String label, String text, boolean required, String region) {
		if (text == null || Text.isBlank(text)) {
			v.require(field, !required, "required", "请填写" + label);
			return null;
		}
		Instant at = v.moment(field, label, text, CHINA);
		if (at == null) {
			return null;
		}
		if (at.isAfter(clock.instant())) {
			v.require(field, false, "range", label + "不能晚于现在");
			return at;
		}
		days.within(v, field, label, at.atZone(CHINA).toLocalDate(), region);
		return at;
	}

	private Map<String, Object> snapshot(long id) {
		return jdbc.sql("SELECT reported_at, follow_up, closed_on, closure_note FROM safety_incident WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("reportedAt", rs.getString("reported_at"));
				m.put("followUp", rs.getString("follow_up"));
				m.put("closedOn", rs.getString("closed_on"));
				m.put("closureNote", rs.getString("closure_note"));
				return m;
			})
			.single();
	}
}
