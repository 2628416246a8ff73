package org.youguan.statistics.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.StepRefusal;
import org.youguan.kernel.Wording;
import org.youguan.statistics.Period;
import org.youguan.statistics.ReportStatus;

/**
 * One enterprise's report of one form for one period, in one revision. The status changes only through the intention
 * methods below, each guarded: values change only in a draft or a returned report; only a submitted report is decided;
 * an approved report is locked and corrected by a new revision.
 * <p>
 * Two copies of the values: the enterprise's working copy ({@link #values()}, with its {@code comment}), which it edits
 * in a draft and in a returned report, and the values as last submitted ({@link #submittedValues()},
 * {@link #submittedComment()}), copied at every submission — what the bureau reads, decides and approves. A returned
 * report edited and not sent again shows the bureau what was sent (finding: the bureau read the unsent edits).
 */
@Table("stat_report")
public class Report {

	@Id
	private Long id;

	private Long formId;

	private Long enterpriseId;

	private String enterpriseName;

	private String creditCode;

	private String regionCode;

	private Long brandId;

	private String period;

	private LocalDate periodStart;

	private LocalDate periodEnd;

	private int revision;

	private ReportStatus status;

	private LocalDate dueOn;

	private Instant firstSubmittedAt;

	private Instant submittedAt;

	private Boolean onTime;

	private String comment;

	private String returnReason;

	private Instant decidedAt;

	private String decidedBy;

	private String revisionReason;

	private boolean demo;

	private Instant createdAt;

	@Version
	private Integer version;

	@MappedCollection(idColumn = "report_id", keyColumn = "indicator_code")
	private Map<String, ReportValue> values = new HashMap<>();

	/** The 填报说明 as last submitted. */
	private String submittedComment;

	/** The values as last submitted: none until the revision is first submitted. */
	@MappedCollection(idColumn = "report_id", keyColumn = "indicator_code")
	private Map<String, SubmittedValue> submitted = new HashMap<>();

	public Report() {
	}

	public record Reporter(long enterpriseId, String name, String creditCode, String regionCode, Long brandId) {
	}

	public static Report draft(long formId, Reporter reporter, Period period, LocalDate dueOn, boolean demo, Instant now) {
		Report r = new Report();
		r.formId = formId;
		r.enterpriseId = reporter.enterpriseId();
		r.enterpriseName = reporter.name();
		r.creditCode = reporter.creditCode();
		r.regionCode = reporter.regionCode();
		r.brandId = reporter.brandId();
		r.period = period.code();
		r.periodStart = period.start();
		r.periodEnd = period.end();
		r.revision = 1;
		r.status = ReportStatus.DRAFT;
		r.dueOn = dueOn;
		r.demo = demo;
		r.createdAt = now;
		return r;
	}

	/** Refuses a correction of a report not 已审核 (409 on {@code status}, rule: its state). */
	public void requireApproved() {
		if (status != ReportStatus.APPROVED) {
			throw DomainException.illegalTransition("status", state(), Wording.of("statistics.refusal.correctApprovedOnly", status),
					"只有已审核的报表可以更正，当前为“" + status.label() + "”");
		}
	}

	/** A correction of this approved report: a new draft revision starting from its values. */
	public Report revise(String reason, Instant now) {
		requireApproved();
		Report r = new Report();
		r.formId = formId;
		r.enterpriseId = enterpriseId;
		r.enterpriseName = enterpriseName;
		r.creditCode = creditCode;
		r.regionCode = regionCode;
		r.brandId = brandId;
		r.period = period;
		r.periodStart = periodStart;
		r.periodEnd = periodEnd;
		r.revision = revision + 1;
		r.status = ReportStatus.DRAFT;
		r.dueOn = dueOn;
		r.firstSubmittedAt = firstSubmittedAt;
		r.onTime = onTime;
		r.revisionReason = reason;
		r.values = new HashMap<>(values);
		r.comment = comment;
		r.demo = demo;
		r.createdAt = now;
		return r;
	}

	/**
	 * Refuses a step that changes the report when its state does not allow it — before its fields are read: a report
	 * 已审核 or 已被更正 answers 409 on {@code status} (rule: its state, {@link #state}) whatever was typed.
	 * @param what the step ("再修改", "报送")
	 */
	public void requireEditable(String what) {
		if (!status.editable()) {
			// 已报送, 已审核 or 已被更正: the report has gone past its drafting
			throw StepRefusal.of("status", state(), "报表", "报表", status.label(), what, true);
		}
	}

	public void fill(Map<String, ReportValue> entered, String comment) {
		requireEditable("再修改");
		values = new HashMap<>(entered);
		this.comment = comment;
	}

	/**
	 * The due date counted again by the one rule of a period's due date ({@code ReportForms#dueOn}, as 报送进度 counts
	 * it): on a changed calendar (a year's holiday notice was loaded) and when the report is returned. Only while the
	 * report is owed as it stands — a draft, or a report returned (已退回) and not sent again, whose 逾期未报 is judged
	 * by this date — never while it stands sent or approved, whose first submission decided its timeliness against the
	 * date then in force (finding: a returned report kept its stored date while 报送进度 used the form's current one).
	 *
	 * @param newDueOn the date counted now; null when the enterprise owes no report of the period
	 *        ({@code ReportForms#owedDueOn}): then it has no due date and is never 逾期未报
	 * @return whether the date moved
	 */
	public boolean recountDue(LocalDate newDueOn) {
		if (!status.editable() || java.util.Objects.equals(newDueOn, dueOn)) {
			return false;
		}
		dueOn = newDueOn;
		return true;
	}

	/**
	 * The due date (the form's due day of the month after the period, on or after a working day); null for a report of
	 * a period its enterprise owes none of ({@link #recountDue}).
	 */
	public LocalDate dueOn() {
		return dueOn;
	}

	/**
	 * Submits; the first submission decides timeliness (by the due date, inclusive). A report sent again after a return
	 * is undecided again: the return's reason, time and bureau ({@code decidedAt}, {@code decidedBy}) no longer describe
	 * it (they stay in the audit trail of the return), as the next decision will.
	 */
	public void submit(Instant now, LocalDate today) {
		requireEditable("报送");
		if (firstSubmittedAt == null) {
			firstSubmittedAt = now;
			onTime = !today.isAfter(dueOn);
		}
		submittedAt = now;
		status = ReportStatus.SUBMITTED;
		returnReason = null;
		decidedAt = null;
		decidedBy = null;
		// what the bureau reads from now on, until the next submission (a return leaves it as it was sent)
		submitted = new HashMap<>();
		values.forEach((code, v) -> submitted.put(code, new SubmittedValue(v.value(), v.note())));
		submittedComment = comment;
	}

	public void approve(String by, Instant now) {
		requireSubmitted("审核");
		status = ReportStatus.APPROVED;
		decidedBy = by;
		decidedAt = now;
	}

	public void returnForCorrection(String reason, String by, Instant now) {
		requireSubmitted("退回");
		status = ReportStatus.RETURNED;
		returnReason = reason;
		decidedBy = by;
		decidedAt = now;
	}

	/** A later revision was approved: this one stays on record but no longer counts. */
	public void supersede() {
		if (status != ReportStatus.APPROVED) {
			throw DomainException.illegalTransition("status", state(), "只有已审核的报表可以被更正版本替代");
		}
		status = ReportStatus.SUPERSEDED;
	}

	/** Refuses a decision ({@code what}: 审核, 退回) on a report not 已报送 (409 on {@code status}, rule: its state). */
	public void requireSubmitted(String what) {
		if (status != ReportStatus.SUBMITTED) {
			// decided already, or (草稿, 已退回) still to be sent: the decision comes after the sending
			throw StepRefusal.of("status", state(), "报表", "报表", status.label(), what,
					status == ReportStatus.APPROVED || status == ReportStatus.SUPERSEDED);
		}
	}

	/**
	 * The rule a step its state refuses names: the state in lower-case kebab ({@code approved}, {@code submitted},
	 * {@code superseded}, {@code returned}, {@code draft}), as every refusal's rule is written.
	 */
	private String state() {
		return status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

	/** The working copy's values that are filled in, by indicator code. */
	public Map<String, BigDecimal> numbers() {
		return numbers(values());
	}

	/** The values of {@code entries} that are filled in, by indicator code. */
	public static Map<String, BigDecimal> numbers(Map<String, ReportValue> entries) {
		Map<String, BigDecimal> m = new HashMap<>();
		entries.forEach((k, v) -> {
			if (v.value() != null) {
				m.put(k, v.value());
			}
		});
		return m;
	}

	/**
	 * The report's state as the audit trail records it before and after a step: period, revision, status, return
	 * reason, and the values (indicator code → plain number) — only those the bureau has been sent, as last submitted
	 * ({@link #submittedValues()}). A draft (草稿) is the enterprise's work, its own until submitted: its state names how
	 * many values are filled ({@code valuesFilled}) and not what they are. A returned report (已退回) is recorded with
	 * the values it was returned with, whatever the enterprise has typed since: the bureau's trail (its audit search,
	 * a report's 变更记录) never shows a figure the enterprise did not send.
	 */
	public Map<String, Object> snapshot() {
		var m = new LinkedHashMap<String, Object>();
		m.put("period", period);
		m.put("revision", revision);
		m.put("status", status);
		m.put("returnReason", returnReason);
		if (status == ReportStatus.DRAFT) {
			m.put("valuesFilled", values.values().stream().filter(x -> x.value() != null).count());
			return m;
		}
		var v = new TreeMap<String, Object>();
		submitted.forEach((k, x) -> v.put(k, x.value() == null ? null : x.value().toPlainString()));
		m.put("values", v);
		return m;
	}

	public Long id() {
		return id;
	}

	public long formId() {
		return formId;
	}

	public long enterpriseId() {
		return enterpriseId;
	}

	public String enterpriseName() {
		return enterpriseName;
	}

	public String creditCode() {
		return creditCode;
	}

	public String regionCode() {
		return regionCode;
	}

	public Long brandId() {
		return brandId;
	}

	public String period() {
		return period;
	}

	public LocalDate periodStart() {
		return periodStart;
	}

	public LocalDate periodEnd() {
		return periodEnd;
	}

	public int revision() {
		return revision;
	}

	ReportStatus status() {
		return status;
	}

	/** The enterprise's working copy: what it typed last, sent or not (its own form, API and sheet read it). */
	public Map<String, ReportValue> values() {
		return Map.copyOf(values);
	}

	/**
	 * The values and notes as last submitted (empty before the revision's first submission): what the bureau reads
	 * (its page, API and trail) and what an approval makes the period's facts.
	 */
	public Map<String, ReportValue> submittedValues() {
		Map<String, ReportValue> m = new HashMap<>();
		submitted.forEach((code, v) -> m.put(code, new ReportValue(v.value(), v.note())));
		return m;
	}

	/** The 填报说明 as last submitted. */
	public String submittedComment() {
		return submittedComment;
	}
}
