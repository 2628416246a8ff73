package org.youguan.safety.internal.alerts;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.safety.SafetyAlertReferred;
import org.youguan.safety.SafetyAlertTargeted;

/**
 * The anomaly alerts: the lists (per rule, per status, within the caller's region — an enterprise sees none), one
 * alert, and the staff's steps on an open alert: dismiss it with a reason (排除), turn it into a case lead (转为立案线索,
 * {@link SafetyAlertReferred}) or list its enterprise as an inspection target (列为检查对象, {@link SafetyAlertTargeted}).
 * Each step is one transaction with its audit entry; a step on an alert no longer open is
 * refused (409).
 */
@Service
public class Alerts {

	static final String SELECT = """
			SELECT a.id, a.rule, a.subject, a.day, a.region_code, r.name AS region_name, a.enterprise_id,
			    e.legal_name AS enterprise_name, a.measure, a.threshold, a.detail, a.detail_key, a.detail_args, a.status, a.reason, a.decided_by,
			    a.decided_at, a.created_at""";

	static final String NAMES = "LEFT JOIN region_name r ON r.code = a.region_code COLLATE \"default\" "
			+ "LEFT JOIN enterprise_name e ON e.id = a.enterprise_id";

	/**
	 * The enterprise an alert is about, as the registry names it today, for the search: its own ({@code enterprise_id}),
	 * or for an alert about a courier the courier's enterprise — the subject {@code <enterprise id>:<courier id>@<county>}
	 * names it where the row carries none — its legal name and credit code. A courier alert's subject holds an id and
	 * its detail the name it was detected under, so a search by the enterprise's name (renamed since, or the row without
	 * one) missed it.
	 */
	static final String ENTERPRISE_SEARCHED = """
			(SELECT n.legal_name || ' ' || n.credit_code FROM enterprise_name n
			 WHERE n.id = coalesce(a.enterprise_id, CASE WHEN a.rule = 'COURIER_SELF' AND a.subject ~ '^[0-9]{1,18}:'
			     THEN CAST(split_part(a.subject, ':', 1) AS bigint) END))""";

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Alerts(JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * One page of alerts in the caller's region, newest day first (sorts {@code day}, {@code measure},
	 * {@code region_code}); searchable by subject, detail, or the name or credit code of the enterprise it is about —
	 * a courier's alert by the courier's enterprise ({@link #ENTERPRISE_SEARCHED}).
	 * @param rule one rule, or null for all
	 * @param status OPEN, DISMISSED or REFERRED, or null for all
	 */
	public PageResult<AlertView> list(DataScope scope, AlertRule rule, String status, PageQuery page) {
		return Listing.from("FROM safety_alert a")
			.scope(scope, "a.region_code")
			.where(rule != null, "a.rule = :rule", "rule", rule == null ? "" : rule.name())
			.where(status != null && !Text.isBlank(status), "a.status = :status", "status", status == null ? "" : status)
			.search(page, "a.subject", "a.detail", ENTERPRISE_SEARCHED)
			.sorts(Map.of("day", "a.day", "measure", "a.measure", "region_code", "a.region_code"), "day", true, "a.id")
			.joinedToPage(NAMES)
			.page(jdbc, SELECT, page, Rows.of(AlertView.class))
			.map(AlertView::masked);
	}

	/** Open alerts in the caller's region (the inbox queue's count). */
	public long countOpen(DataScope scope) {
		return jdbc.sql("SELECT count(*) FROM safety_alert a WHERE a.status = 'OPEN' AND " + scope.regionPredicate("a.region_code"))
			.params(scope.params())
			.query(Long.class)
			.single();
	}

	/** An alert in the caller's region; not found (404) otherwise. */
	public AlertView get(DataScope scope, long id) {
		return jdbc.sql(SELECT + " FROM safety_alert a " + NAMES + " WHERE a.id = :id AND " + scope.regionPredicate("a.region_code"))
			.params(scope.params())
			.param("id", id)
			.query(Rows.of(AlertView.class))
			.optional()
			.orElseThrow(() -> DomainException.notFound("预警", id));
	}

	/**
	 * Dismisses an open alert (排除: e.g. a family's parcels, a machine under repair) with the reason.
	 * @throws InvalidValueException (reason) when the reason is blank or longer than 500 characters
	 * @throws DomainException 404 outside the scope; 409 when the alert is no longer open
	 */
	@Transactional
	public AlertView dismiss(DataScope scope, long id, String reason, String actor) {
		AlertView a = decide(scope, id, "DISMISSED", reason, actor);
		audit.record(AuditEntry.of("safety.alert.dismiss", "SafetyAlert", id, "排除预警（" + a.rule().label() + "，" + ChineseText.day(a.day())
				+ "）：" + a.reason()).states("OPEN", "DISMISSED").inRegion(a.regionCode()));
		return a;
	}

	/**
	 * Turns an open alert into a case lead (转为立案线索): the enforcement module opens the lead from the published
	 * {@link SafetyAlertReferred} after this commits (行政处罚法(2021) art.54).
	 * @throws InvalidValueException (reason) when the reason is blank or too long
	 * @throws DomainException 404 outside the scope; 409 when the alert is no longer open
	 */
	@Transactional
	public AlertView refer(DataScope scope, long id, String reason, String actor) {
		AlertView a = decide(scope, id, "REFERRED", reason, actor);
		events.publishEvent(new SafetyAlertReferred(a.id(), a.rule().label(), a.regionCode(), creditCode(a),
				a.enterpriseName(), a.day(), a.detail(), a.reason(), a.decidedAt(), actor));
		audit.record(AuditEntry.of("safety.alert.refer", "SafetyAlert", id, "预警转为立案线索（" + a.rule().label() + "，"
				+ ChineseText.day(a.day()) + "）：" + a.reason()).states("OPEN", "REFERRED").inRegion(a.regionCode()));
		return a;
	}

	/**
	 * Lists an open alert's enterprise as an inspection target (列为检查对象): the inspections module puts it on its
	 * key-target list from the published {@link SafetyAlertTargeted} after this commits, for a special inspection
	 * (快递暂行条例(2025) art.47).
	 * @throws InvalidValueException (reason) when the reason is blank or too long
	 * @throws DomainException 404 outside the scope; 409 when the alert is no longer open; 422 when the alert concerns
	 *     no single enterprise (a sender shipping through several)
	 */
	@Transactional
	public AlertView target(DataScope scope, long id, String reason, String actor) {
		AlertView current = get(scope, id);
		if (current.open() && current.enterpriseId() == null) {
			throw DomainException.rule(Wording.of("safety.refusal.alertNoEnterprise", current.rule()),
					"该预警不涉及单一企业（" + current.rule().label() + "），不能列为检查对象");
		}
		AlertView a = decide(scope, id, "TARGETED", reason, actor);
		events.publishEvent(new SafetyAlertTargeted(a.id(), a.rule().label(), a.regionCode(), creditCode(a),
				a.enterpriseName(), a.day(), a.detail(), a.reason(), a.decidedAt(), actor));
		audit.record(AuditEntry.of("safety.alert.target", "SafetyAlert", id, "预警企业列为检查对象（" + a.rule().label() + "，"
				+ ChineseText.day(a.day()) + "，" + a.enterpriseName() + "）：" + a.reason()).states("OPEN", "TARGETED").inRegion(a.regionCode()));
		return a;
	}

	/** The credit code of the alert's enterprise, or null when it names none. */
	private String creditCode(AlertView a) {
		return a.enterpriseId() == null ? null
				: jdbc.sql("SELECT credit_code FROM enterprise_name WHERE id = :id")
					.param("id", a.enterpriseId())
					.query(String.class)
					.optional()
					.map(Text::strip)
					.orElse(null);
	}

	private AlertView decide(DataScope scope, long id, String status, String reason, String actor) {
		// an alert outside the scope is not there (404) whatever reason was sent: the record before its fields
		AlertView before = get(scope, id);
		String r = reason == null ? "" : Text.strip(reason);
		if (r.isEmpty()) {
			throw new InvalidValueException("reason", "required", Wording.of("refusal.alertReason"), "请填写处理说明");
		}
		// shown on the alert's page and list and carried into the lead as typed: the kernel's text checks (characters
		// counted as characters, not UTF-16 units; no stacked combining marks; no markup)
		new Validation().maxLength("reason", "处理说明", r, 500).throwIfInvalid();
		int changed = jdbc.sql("""
				UPDATE safety_alert SET status = :status, reason = :reason, decided_by = :actor, decided_at = :now,
				    version = version + 1
				WHERE id = :id AND status = 'OPEN'""")
			.param("status", status)
			.param("reason", r)
			.param("actor", actor)
			.param("now", OffsetDateTime.now(clock))
			.param("id", before.id())
			.update();
		if (changed == 0) {
			throw DomainException.illegalTransition(Wording.of("safety.refusal.alertHandled", before.statusLabel()),
					"该预警已处理（" + before.statusLabel() + "），不能再次处理");
		}
		Instant now = clock.instant();
		return new AlertView(before.id(), before.rule(), before.subject(), before.day(), before.regionCode(),
				before.regionName(), before.enterpriseId(), before.enterpriseName(), before.measure(), before.threshold(),
				before.detail(), before.detailKey(), before.detailArgs(), status, r, actor, now, before.createdAt());
	}
}
