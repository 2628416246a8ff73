package org.youguan.enforcement;

import org.youguan.kernel.ChineseText;
import org.youguan.rules.Provision;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditEvent;
import org.youguan.audit.AuditTrail;
import org.youguan.enforcement.internal.CaseClock;
import org.youguan.enforcement.internal.CaseDocumentKind;
import org.youguan.enforcement.internal.CaseInput;
import org.youguan.enforcement.internal.CaseWork;
import org.youguan.enforcement.internal.DecisionRules;
import org.youguan.kernel.Actors;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.Listing.Masked;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Text;
import org.youguan.kernel.TransactionLocks;
import org.youguan.kernel.Validation;
import org.youguan.numbering.BusinessNumbers;
import org.youguan.org.Bureaus;
import org.youguan.org.CurrentUser;
import org.youguan.region.Regions;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.rules.ViolationType;
import org.youguan.kernel.Masking;
import org.youguan.kernel.Wording;

/**
 * Leads (线索): taken in from the inspections and complaints modules' events (idempotently, one lead per origin) or
 * entered by staff (a report by the public or another agency, a transfer from another bureau); assessed and either
 * proposed for 立案 and filed as a case by the bureau head ({@link #approve}), or closed with a reason. Every step is
 * one transaction with its audit entry.
 */
@Service
public class Leads {

	/**
	 * A lead from another module's event.
	 * @param sourceRef the origin, unique ({@code complaint:12}); a second intake of the same origin does nothing
	 * @param sourceDetail the origin as shown (申诉-320506-2026-000001)
	 * @param imported the origin came with a bureau's history: the lead is recorded as closed off the platform
	 */
	public record Intake(LeadSource source, String sourceRef, String sourceDetail, String regionCode,
			String enterpriseCreditCode, String enterpriseName, String summary, LocalDate receivedOn, boolean imported) {
	}

	/**
	 * A lead entered by staff.
	 * @param source REPORT (public, other agency) or TRANSFER (another postal bureau)
	 * @param sourceDetail who reported or transferred it (e.g. 市市场监管局来函)
	 * @param enterpriseCreditCode the enterprise concerned, if known (registered in the caller's region)
	 * @param regionCode where the violation took place when no enterprise is named (inside the caller's region)
	 * @param summary what was reported
	 * @param receivedOn the day it was received (YYYY-MM-DD, not in the future)
	 */
	public record ReportData(String source, String sourceDetail, String enterpriseCreditCode, String regionCode,
			String summary, String receivedOn) {
		/**
		 * The free text (summary; sourceDetail, refused when not on one line) as stored, searched and compared:
		 * {@link Text#freeText}.
		 */
		public ReportData {
			sourceDetail = Text.freeText(sourceDetail);
			summary = Text.freeText(summary);
		}
	}

	static final String COLUMNS = """
			SELECT l.id, l.region_code, l.source, l.source_ref, l.source_detail, l.enterprise_credit_code,
			       l.enterprise_name, l.summary, l.received_on, l.status, l.proposed_violation, l.proposed_ended_on,
			       l.proposed_harm, l.proposed_harm_reason,
			       l.proposed_by, l.closed_reason, l.closed_on, l.case_id, c.number AS case_number, l.imported""";

	/**
	 * The leads ({@code l}) with their enterprise's registered region ({@code e}), for {@link #HANDLING_REGION_SQL}: what a
	 * count or list of leads by the region handling them reads from (the figures, the breakdown).
	 */
	public static final String FROM_WITH_ENTERPRISE = "FROM penalty_lead l"
			+ " LEFT JOIN enterprise_name e ON e.credit_code = l.enterprise_credit_code";

	/** The leads with their case and their enterprise's registered region ({@code e}, for {@link #HANDLING_REGION_SQL}). */
	static final String FROM = "FROM penalty_lead l LEFT JOIN penalty_case c ON c.id = l.case_id"
			+ " LEFT JOIN enterprise_name e ON e.credit_code = l.enterprise_credit_code";

	static final Map<String, String> SORTS = Map.of("received_on", "l.received_on", "status", "l.status",
			"enterprise_name", "l.enterprise_name");

	private final JdbcClient jdbc;

	private final Enterprises enterprises;

	private final BusinessNumbers numbers;

	private final CaseWork caseWork;

	private final AuditTrail audit;

	private final Clock clock;

	private final Regions regions;

	/** Who takes a lead's steps ({@link Bureaus#takesSteps}). */
	private final Bureaus bureaus;

	Leads(JdbcClient jdbc, Enterprises enterprises, BusinessNumbers numbers, CaseWork caseWork, AuditTrail audit, Clock clock,
			Regions regions, Bureaus bureaus) {
		this.regions = regions;
		this.bureaus = bureaus;
		this.jdbc = jdbc;
		this.enterprises = enterprises;
		this.numbers = numbers;
		this.caseWork = caseWork;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Takes in a lead from another module's event, once per origin: a redelivered event finds its lead and does
	 * nothing.
	 * @return the new lead's id, or empty when the origin was already taken in
	 */
	@Transactional
	public Optional<Long> intake(Intake in) {
		String name = in.enterpriseName() != null || in.enterpriseCreditCode() == null ? in.enterpriseName()
				: enterprises.findByCreditCode(in.enterpriseCreditCode()).map(EnterpriseView::legalName).orElse(null);
		String summary = in.summary() == null || Text.isBlank(in.summary()) ? in.source().label() : Text.strip(in.summary());
		Optional<Long> id = jdbc.sql("""
				INSERT INTO penalty_lead (region_code, source, source_ref, source_detail, enterprise_credit_code,
				    enterprise_name, summary, received_on, status, closed_reason, closed_on, imported, created_by,
				    created_at)
				VALUES (:region, :source, :ref, :detail, :code, :name, :summary, :received, :status, :closedReason,
				    :closedOn, :imported, 'system', :now)
				ON CONFLICT (source_ref) DO NOTHING RETURNING id""")
			.param("region", in.regionCode())
			.param("source", in.source().name())
			.param("ref", in.sourceRef())
			.param("detail", cut(in.sourceDetail(), 200))
			.param("code", in.enterpriseCreditCode())
			.param("name", cut(name, 200))
			.param("summary", cut(summary, 2000))
			.param("received", in.receivedOn())
			.param("status", in.imported() ? LeadStatus.CLOSED.name() : LeadStatus.OPEN.name())
			.param("closedReason", in.imported() ? "历史记录导入：线索已在平台外办理" : null)
			.param("closedOn", in.imported() ? in.receivedOn() : null)
			.param("imported", in.imported())
			.param("now", OffsetDateTime.now(clock))
			.query(Long.class)
			.optional();
		// recorded where the lead is handled (inside the region it came to): the handling bureau reads its history
		id.ifPresent(lead -> audit.record(AuditEntry.of("lead.intake", "penalty_lead", lead,
				"收到案件线索（" + in.source().label() + "，" + in.sourceDetail() + "）" + (name == null ? "" : "：" + name))
			.inRegion(handlingRegion(lead))));
		return id;
	}

	/**
	 * Records a lead reported by the public or another agency, or transferred from another bureau.
	 * @return the lead's id
	 * @throws InvalidValueException naming each field that breaks a rule (source not REPORT/TRANSFER, enterprise not
	 * registered in the caller's region, region outside it, summary blank or over 2000 characters, day malformed or in
	 * the future; rule {@code limitation-back} on {@code receivedOn} for a day further back than the limitation period
	 * ({@code penalty.limitation}, 2 years, 行政处罚法(2021) art.36) before today — the day received is the day the
	 * violation was discovered, so a backdated one would defeat the limitation check of {@link #approve})
	 * @throws DomainException duplicate (409, field {@code summary}) for the same lead entered again ({@link #refuseTwin});
	 * not found (404, before any field) for a {@code regionCode} outside the caller's region ({@link DataScope#refuseRegionOutside})
	 */
	@Transactional
	public long report(DataScope scope, ReportData data, boolean demo) {
		// access before fields: the place of the violation outside the caller's region is not there (404), whatever else
		// was sent — only read when no enterprise is named (the enterprise's region is then the lead's)
		if (Text.isBlank(data.enterpriseCreditCode())) {
			scope.refuseRegionOutside("regionCode", data.regionCode());
		}
		Validation v = new Validation();
		LeadSource source = null;
		if (Text.isBlank(data.source())) {
			v.require("source", false, "required", "线索来源不能为空");
		}
		else {
			try {
				source = LeadSource.valueOf(Text.strip(data.source()).toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				// told below
			}
			v.require("source", source == LeadSource.REPORT || source == LeadSource.TRANSFER, "one-of",
					Wording.of("enforcement.refusal.leadSource"), "线索来源应为REPORT（举报、其他机关移送）或TRANSFER（邮政管理部门移交）；检查和申诉线索由相应模块自动转入");
		}
		EnterpriseView enterprise = enterprise(v, scope, data.enterpriseCreditCode());
		String region = enterprise != null ? enterprise.regionCode() : Text.blankToNull(data.regionCode());
		if (enterprise == null && Text.isBlank(data.enterpriseCreditCode())) {
			v.require("regionCode", region != null, "required", Wording.of("enforcement.refusal.leadPlaceRequired"), "未指明企业时须填写违法行为发生地");
			if (region != null) {
				String typed = Text.strip(region);
				// a code of no region (or longer than any) is named here, never left to the database's column limit
				region = v.check("regionCode", () -> regions.require("regionCode", typed).value());
				if (region != null) {
					// another county's place is not there (404), before any other field is told
					scope.refuseWithin("regionCode", region, "行政区划" + region);
				}
			}
		}
		v.required("summary", "线索内容", data.summary()).maxLength("summary", "线索内容", data.summary(), 2000);
		// the case's facts the 立案审批表 prints: more than a lead-in
		CaseInput.facts(v, "summary", "线索内容", data.summary());
		// one line: shown in one cell of the leads list and in the lead's audit summary (rule line-break)
		v.line("sourceDetail", "来源说明", data.sourceDetail(), 200);
		v.required("receivedOn", "收到日期", data.receivedOn());
		LocalDate today = LocalDate.now(clock);
		// the form first; the range after, stated as it really is: one message names both ends allowed
		LocalDate received = v.date("receivedOn", "收到日期", data.receivedOn(), LocalDate.MIN, LocalDate.MAX);
		// the region a rule is read in: the enterprise's, or the region typed once checked (not after a bad credit code)
		if (received != null && region != null && (enterprise != null || Text.isBlank(data.enterpriseCreditCode()))) {
			// the day received is the day the violation was discovered, to which the limitation is counted (art.36): a
			// lead recorded now is not dated further back than the limitation period, or a backdated day would let a
			// time-barred violation be filed
			LocalDate earliest = caseWork.clock(region).limitationStart(today);
			if (received.isAfter(today)) {
				v.require("receivedOn", false, "range", Wording.of("enforcement.refusal.receivedOnFuture", earliest.toString(),
						today.toString()), "收到日期应在" + ChineseText.day(earliest) + "至" + ChineseText.day(today) + "之间，不能晚于今天");
			}
			else if (received.isBefore(earliest)) {
				v.require("receivedOn", false, "limitation-back", Wording.of("enforcement.refusal.leadReceivedTooEarly", earliest, today),
						"收到日期应在" + ChineseText.day(earliest) + "至" + ChineseText.day(today)
						+ "之间：补录的线索收到日期最早为登记之日前追责时效期间（" + Provision.PENALTY_LIMITATION + "，2年）以内，线索收到日期即发现违法行为之日，决定能否追责");
			}
		}
		else if (received != null) {
			// the limitation's bound is not known without the region: the days a record may carry at all
			v.within("receivedOn", "收到日期", received, Validation.EARLIEST_RECORD, today);
		}
		v.throwIfInvalid();
		refuseTwin(region, source, enterprise == null ? null : enterprise.creditCode(), received, data);
		long id = jdbc.sql("""
				INSERT INTO penalty_lead (region_code, source, source_detail, enterprise_credit_code, enterprise_name,
				    summary, received_on, status, demo, created_by, created_at)
				VALUES (:region, :source, :detail, :code, :name, :summary, :received, 'OPEN', :demo, :by, :now)
				RETURNING id""")
			.param("region", region)
			.param("source", source.name())
			.param("detail", Text.line(data.sourceDetail()))
			.param("code", enterprise == null ? null : enterprise.creditCode())
			.param("name", enterprise == null ? null : enterprise.legalName())
			.param("summary", Text.strip(data.summary()))
			.param("received", received)
			.param("demo", demo)
			.param("by", Actors.currentName())
			.param("now", OffsetDateTime.now(clock))
			.query(Long.class)
			.single();
		audit.record(AuditEntry.of("lead.report", "penalty_lead", id, "登记案件线索（" + source.label() + "）"
				+ (enterprise == null ? "" : "：" + enterprise.legalName())).inRegion(region));
		return id;
	}

	/**
	 * Refuses a lead entered a second time: a lead of the same region, source, enterprise (or none), day received and
	 * report ({@code Text.textKey}: spaces, widths, case and punctuation aside, its origin note too) — a form sent twice (a double click)
	 * or the API call retried would make two leads of one report, each to be assessed and filed or closed, as the
	 * on-the-spot decision refuses its twin ({@link OnTheSpotPenalties}). Two requests at once are ordered by a
	 * transaction lock on the region; another report that day (other words) passes.
	 * @throws DomainException duplicate (409, field {@code summary}, rule {@code unique}) naming the lead already there
	 */
	private void refuseTwin(String region, LeadSource source, String creditCode, LocalDate received, ReportData data) {
		TransactionLocks.hold(jdbc, "penalty_lead:report:" + region);
		String detail = Text.blankToNull(data.sourceDetail()) == null ? "" : Text.strip(data.sourceDetail());
		jdbc.sql("""
				SELECT id FROM penalty_lead
				WHERE region_code = :region AND source = :source AND received_on = :received
				    AND enterprise_credit_code IS NOT DISTINCT FROM CAST(:code AS text)
				    AND text_key(summary) = text_key(:summary) AND text_key(coalesce(source_detail, '')) = text_key(:detail)
				ORDER BY id LIMIT 1""")
			.param("region", region).param("source", source.name()).param("received", received).param("code", creditCode)
			.param("summary", Text.strip(data.summary())).param("detail", detail)
			.query(Long.class).optional()
			.ifPresent(lead -> {
				throw DomainException.duplicate("summary", Wording.of("enforcement.refusal.leadTwice", lead),
						"该线索已登记（同一来源、当事人、收到日期和线索内容，线索编号" + lead
						+ "），不能重复登记：表单可能提交了两次，请在案件线索列表中查看");
			});
	}

	/**
	 * Proposes an open lead for 立案 with the violation type and the day the violation ended (which starts the 2-year
	 * limitation, 行政处罚法(2021) art.36 — 5 years when {@code harm}: it concerns citizens' life and health or financial
	 * safety and had harmful consequences, and {@code harmReason} says why); names the enterprise when the lead did not —
	 * a lead that names one keeps it, and a proposal naming another is refused ({@link #sameParty}).
	 * @param harmReason why the 5-year limitation applies (required with {@code harm}, up to 500 characters; ignored
	 * without it)
	 * @throws InvalidValueException naming the field (violation unknown, not in force on the day, or — rule
	 * {@code uncorrected-order-required} — under an article punishing only "经责令改正拒不改正" without an unrectified
	 * 责令改正通知书 of the party ({@link CaseWork#requireUncorrectedOrder}); day malformed or in the future, enterprise
	 * missing or not registered in the caller's region, or another than the one the lead names — rule {@code fixed} —,
	 * reason too long)
	 * @throws DomainException (409) when the lead is not open; (422, field {@code harmReason}, rule {@code required})
	 * when {@code harm} is set without a reason
	 * @throws org.youguan.kernel.AccessRefusedException (403) for staff of another bureau than the one
	 * handling the lead ({@link #handles}: a superior bureau reads a county's lead, takes none of its steps), checked
	 * before the lead's state
	 */
	@Transactional
	public void propose(DataScope scope, long id, String violation, String endedOn, String enterpriseCreditCode,
			boolean harm, String harmReason) {
		harmReason = Text.freeText(harmReason);
		LeadView lead = lock(scope, id);
		// a lead's steps are its handling bureau's as a case's are (CaseWork#requireHandlingBureau)
		caseWork.requireHandlingBureau(handlingRegion(lead), "线索");
		if (lead.status() != LeadStatus.OPEN) {
			throw noLongerApplies(lead, "提请立案");
		}
		Validation v = new Validation();
		ViolationType type = ViolationType.byCodeOrTitle(violation).orElse(null);
		v.require("violation", type != null, "one-of", "违法行为类型应为违法行为目录中的代码或名称");
		v.required("endedOn", "违法行为终了日期", endedOn);
		LocalDate ended = v.date("endedOn", "违法行为终了日期", endedOn, Validation.EARLIEST_RECORD, LocalDate.now(clock));
		if (type != null && ended != null) {
			// the law of the act's day applies (行政处罚法 art.37): an act no article then punished is no case under a later one
			v.require("violation", type.inForceOn(ended), "not-in-force", type.notInForce(ended, "违法行为终了日期"));
		}
		EnterpriseView enterprise = null;
		if (lead.enterpriseCreditCode() == null) {
			v.required("enterpriseCreditCode", "当事人统一社会信用代码", enterpriseCreditCode);
			enterprise = enterprise(v, scope, enterpriseCreditCode);
		}
		else {
			sameParty(v, lead, enterpriseCreditCode);
		}
		// 快递暂行条例(2025) art.56 punishes only "经责令改正拒不改正": no such case without the order the party did not carry out
		if (!v.hasError("violation")) {
			caseWork.requireUncorrectedOrder(v, "violation", type,
					enterprise != null ? enterprise.creditCode() : lead.enterpriseCreditCode(), ended, LocalDate.now(clock));
		}
		String reason = harm ? Text.blankToNull(harmReason) : null;
		v.maxLength("harmReason", "适用5年追责时效的理由", reason, 500);
		v.throwIfInvalid();
		if (harm && reason == null) {
			// art.36: the 5-year limitation is an exception the proposal has to ground, not a box to tick
			String message = "提请按5年追责时效立案的，应说明违法行为如何涉及公民生命健康安全、金融安全并有危害后果（" + Provision.PENALTY_LIMITATION + "）";
			throw new DomainException(ErrorCode.RULE_VIOLATION, message, List.of(new FieldError("harmReason", "required", message)));
		}
		jdbc.sql("""
				UPDATE penalty_lead SET status = 'PROPOSED', proposed_violation = :violation, proposed_ended_on = :ended,
				    proposed_harm = :harm, proposed_harm_reason = :harmReason, proposed_by = :by, enterprise_credit_code = coalesce(enterprise_credit_code, :code),
				    enterprise_name = coalesce(enterprise_name, :name), region_code = coalesce(:region, region_code)
				WHERE id = :id""")
			.param("violation", type.name())
			.param("ended", ended)
			.param("harm", harm)
			.param("harmReason", reason == null ? null : Text.strip(reason))
			.param("by", Actors.currentName())
			.param("code", enterprise == null ? null : enterprise.creditCode())
			.param("name", enterprise == null ? null : enterprise.legalName())
			.param("region", enterprise == null ? null : enterprise.regionCode())
			.param("id", id)
			.update();
		audit.record(AuditEntry.of("lead.propose", "penalty_lead", id, "提请立案：" + type.title() + "（违法行为终了于" + ChineseText.day(ended)
				+ (harm ? "，涉及生命健康安全或金融安全且有危害后果：" + Text.strip(reason) : "") + "）").inRegion(handlingRegion(id)));
	}

	/**
	 * 立案: the bureau head approves a proposed lead and it becomes a case (行政处罚法(2021) art.54), unless the
	 * violation is time-barred — discovered (the lead received) more than 2 years after it ended, 5 for one proposed as
	 * concerning life and health or financial safety with harmful consequences (art.36).
	 * @param head the approving bureau head: a head (局领导) of the bureau handling the lead ({@link #headsHandlingBureau})
	 * @param filedOn the day of the signed 立案审批表 when recorded afterwards (not before the lead was received, not in
	 * the future), or null for today
	 * @return the case's id
	 * @throws DomainException (422, field {@code head}, rule {@code not-handling-bureau-head}) for a signed-in account
	 * that is not a head of the handling bureau, checked before the lead's state; (409) when the lead is not proposed;
	 * (422) when time-barred or the enterprise is not registered
	 * @throws InvalidValueException (field {@code filedOn}) for a day before the lead or in the future
	 */
	@Transactional
	public long approve(DataScope scope, long id, Officer head, LocalDate filedOn, boolean demo) {
		LeadView lead = lock(scope, id);
		// who may decide first: a lead's state is not for an account that may not take the step to learn
		caseWork.requireHandlingHead(handlingRegion(lead), "批准立案");
		if (lead.status() != LeadStatus.PROPOSED) {
			throw lead.status() == LeadStatus.OPEN
					? DomainException.illegalTransition(Wording.of("enforcement.refusal.leadNotProposed", lead.status()),
							"线索当前状态为“" + lead.status().label() + "”，尚未提请立案：须先提请立案才能批准立案")
					: noLongerApplies(lead, "批准立案");
		}
		LocalDate filed = filedOn == null ? LocalDate.now(clock) : filedOn;
		new Validation().within("filedOn", "立案日期", filed, lead.receivedOn(), LocalDate.now(clock)).throwIfInvalid();
		EnterpriseView enterprise = enterprises.findByCreditCode(lead.enterpriseCreditCode())
			.orElseThrow(() -> DecisionRules.ruleBroken("enterpriseCreditCode", "exists", "当事人（" + lead.enterpriseCreditCode() + "）不在企业名录中，请先登记企业"));
		CaseClock caseClock = caseWork.clock(caseRegion(enterprise, lead));
		LocalDate barred = caseClock.limitationEnds(lead.proposedEndedOn(), lead.proposedHarm());
		if (lead.receivedOn().isAfter(barred)) {
			throw DecisionRules.ruleBroken("endedOn", "limitation", "违法行为终了于" + ChineseText.day(lead.proposedEndedOn()) + "，至" + ChineseText.day(lead.receivedOn()) + "收到线索时已超过"
					+ "追责时效（至" + ChineseText.day(barred) + "），不再给予行政处罚（" + Provision.PENALTY_LIMITATION + "），请以此理由不予立案");
		}
		long caseId = file(enterprise, lead, head, filed, demo);
		jdbc.sql("UPDATE penalty_lead SET status = 'FILED', case_id = :case WHERE id = :id")
			.param("case", caseId)
			.param("id", id)
			.update();
		audit.record(AuditEntry.of("lead.file", "penalty_lead", id, head.name() + "批准立案").inRegion(handlingRegion(lead)));
		return caseId;
	}

	/**
	 * Closes an open or proposed lead with its reason (不予立案: no violation, time-barred, transferred elsewhere…). The
	 * decision not to open a case is the mirror of the decision to open one (立案, {@link #approve}): both are the
	 * approval of the head (行政机关负责人) of the bureau that would handle the case (行政处罚法(2021) art.54 — 立案 is
	 * 经行政机关负责人批准; declining it disposes of the same lead in the head's stead, so it is the same head's; and
	 * 邮政行政执法监督办法 requires every lead to be either filed or closed with the approval recorded), checked as
	 * {@link #approve} checks it — a lead's handling bureau being the one its case would have ({@link #handlingRegion}).
	 * @throws InvalidValueException (reason blank or over 500 characters)
	 * @throws DomainException (422, field {@code head}, rule {@code not-handling-bureau-head}) for a signed-in account
	 * that is not a head of the handling bureau, checked before the lead's state; (409) when the lead is already filed
	 * or closed
	 */
	@Transactional
	public void close(DataScope scope, long id, String reason) {
		reason = Text.freeText(reason);
		LeadView lead = lock(scope, id);
		// who may decide first, as for 立案: a lead's state is not for an account that may not take the step to learn
		caseWork.requireHandlingHead(handlingRegion(lead), "不予立案");
		if (lead.status() == LeadStatus.FILED || lead.status() == LeadStatus.CLOSED) {
			throw noLongerApplies(lead, "不予立案");
		}
		new Validation().required("reason", "不予立案理由", reason)
			.maxLength("reason", "不予立案理由", reason, 500)
			.throwIfInvalid();
		jdbc.sql("UPDATE penalty_lead SET status = 'CLOSED', closed_reason = :reason, closed_on = :today WHERE id = :id")
			.param("reason", Text.strip(reason))
			.param("today", LocalDate.now(clock))
			.param("id", id)
			.update();
		audit.record(AuditEntry.of("lead.close", "penalty_lead", id, "不予立案：" + Text.strip(reason)).inRegion(handlingRegion(lead)));
	}

	/**
	 * {@link #caseRegion} as a SQL expression (the region of the bureau handling a lead {@code l}, its enterprise
	 * {@code e} joined from the registry's {@code enterprise_name} by credit code, null when none is named or
	 * registered), by which the leads are seen ({@link #get}, {@link #list}: the handling bureau and those above it,
	 * the region lying inside the lead's own) and the leads' work queue keeps the leads its bureau handles
	 * ({@code Bureaus#handledHere}) — the nearest bureau's region ({@link Bureaus#nearestRegionSql}): a lead from a
	 * township (a 9- or 12-digit code) is its county's, counted there as its case is filed there. Who acts on it is
	 * the bureau handling that region ({@code Bureaus#handling}): the county's bureau, or its city's where the county's
	 * has no 处室工作人员 — the queue rule and the step checks say so, not this region.
	 */
	public static final String HANDLING_REGION_SQL = Bureaus.nearestRegionSql("(CASE WHEN l.source <> 'TRANSFER'"
			+ " AND e.region_code IS NOT NULL AND (l.region_code = '0' OR e.region_code LIKE l.region_code || '%')"
			+ " THEN e.region_code ELSE l.region_code END)");

	/**
	 * The region a case filed from {@code lead} belongs to: the bureau that handles the lead. A case handed over by
	 * another postal bureau (source TRANSFER: 移送 sideways, 报请上级管辖 upwards, 指定管辖 downwards) stays with the
	 * bureau that received it — the lead's region, even when the enterprise lies inside it (a county handing a
	 * serious case up to its city must not get it back). Any other lead goes to the enterprise's own bureau when the
	 * enterprise lies inside the lead's region (属地管辖), otherwise it stays in the lead's. Either is then the region of
	 * the nearest bureau ({@link Bureaus#nearest}): a case is a bureau's — county or above —, never a township's or a
	 * village's (attack finding 9: a lead the filing module raised about an outlet in township 320506006 became a case
	 * of region 320506006). {@code enterprise} null (none registered named yet): the lead's region's bureau. The case is
	 * kept under that region; the bureau taking its steps is the one handling it ({@code Bureaus#handling}: a county's
	 * bureau without 处室工作人员 leaves its cases to its city's, whose 机关代字 its documents then carry).
	 */
	String caseRegion(EnterpriseView enterprise, LeadView lead) {
		// HANDLING_REGION_SQL says the same in SQL for the work queue: keep the two alike
		String region = enterprise == null || lead.source() == LeadSource.TRANSFER
				|| !DataScope.region(lead.regionCode()).containsRegion(enterprise.regionCode()) ? lead.regionCode()
						: enterprise.regionCode();
		return bureaus.nearestRegion(region);
	}

	/**
	 * Creates the case of an approved lead (立案), numbered 处罚案件-地区-年份-序号, its clock started; it belongs to the
	 * bureau that handles the lead ({@link #caseRegion}), whose number and documents it carries.
	 */
	private long file(EnterpriseView enterprise, LeadView lead, Officer head, LocalDate filedOn, boolean demo) {
		String region = caseRegion(enterprise, lead);
		String number = numbers.next("处罚案件", region.length() > 6 ? region.substring(0, 6) : region, filedOn.getYear());
		LocalDate due = caseWork.clock(region).decisionDue(filedOn, false, List.of(), filedOn);
		long id = jdbc.sql("""
				INSERT INTO penalty_case (number, lead_id, region_code, source, enterprise_credit_code, enterprise_name,
				    violation_code, violation_ended_on, facts, status, filed_on, filing_approved_by, decision_due_on, demo,
				    created_by, created_at, updated_at, handling_region)
				VALUES (:number, :lead, :region, :source, :code, :name, :violation, :ended, :facts, 'FILED', :filed,
				    :head, :due, :demo, :by, :now, :now, :handling) RETURNING id""")
			.param("number", number)
			// the 办案机关 fixed on filing: the bureau handling the lead now keeps every step of the case
			.param("handling", bureaus.handlingRegion(region, Bureaus.CASE_DECIDERS))
			.param("lead", lead.id())
			.param("region", region)
			.param("source", lead.source().name())
			.param("code", enterprise.creditCode())
			.param("name", enterprise.legalName())
			.param("violation", lead.proposedViolation().name())
			.param("ended", lead.proposedEndedOn())
			.param("facts", lead.summary())
			.param("filed", filedOn)
			.param("head", head.name())
			.param("due", due)
			.param("demo", demo)
			.param("by", Actors.currentName())
			.param("now", OffsetDateTime.now(clock))
			.query(Long.class)
			.single();
		audit.record(AuditEntry.of("case.file", "penalty_case", id, "立案：" + number + "，" + enterprise.legalName() + "，"
				+ lead.proposedViolation().shortName() + "（" + head.name() + "批准；决定期限" + caseWork.messageDay(due) + "）")
			.inRegion(region));
		caseWork.issue(id, CaseDocumentKind.FILING_APPROVAL);
		return id;
	}

	/**
	 * The region of the bureau that handles a lead: the region its case would have once filed
	 * ({@link #caseRegion}: the registered enterprise's own bureau inside the lead's region, the lead's region
	 * for a transfer), or the lead's own region while no registered enterprise is named — either the region of the
	 * bureau nearest to it ({@link Bureaus#nearestRegion}): a lead from a township is its county bureau's, as
	 * {@link #HANDLING_REGION_SQL} counts and queues it.
	 */
	public String handlingRegion(LeadView lead) {
		EnterpriseView enterprise = lead.enterpriseCreditCode() == null ? null
				: enterprises.findByCreditCode(lead.enterpriseCreditCode()).orElse(null);
		return caseRegion(enterprise, lead);
	}

	/**
	 * Whether {@code u} takes a lead's 处室工作人员 steps (提请立案): staff of the bureau handling it
	 * ({@link #handlingRegion}, {@link Bureaus#takesSteps} as for a case) — the lead's page offers the form to no one else.
	 */
	public boolean handles(CurrentUser u, LeadView lead) {
		return bureaus.takesSteps(u, handlingRegion(lead), Bureaus.CASE_DECIDERS);
	}

	/**
	 * Whether {@code u} is a head (局领导) of the bureau handling the lead, who alone decides to file it (立案) or not
	 * (不予立案): the lead's page offers those forms to no one else.
	 */
	public boolean headsHandlingBureau(CurrentUser u, LeadView lead) {
		return caseWork.headsHandlingBureau(u, handlingRegion(lead));
	}

	/**
	 * One lead in the caller's scope: the scope holds the region of the bureau handling it ({@link #handlingRegion}) —
	 * a lead the city received about an enterprise of a county with its own bureau is the county's to act on and to
	 * read, and the city's and the province's to read (the handling region lies inside the lead's own region, so
	 * whoever saw the lead by that region still does).
	 * @throws DomainException not-found (404) outside it
	 */
	public LeadView get(DataScope scope, long id) {
		LeadView lead = jdbc.sql(COLUMNS + " " + FROM + " WHERE l.id = :id")
			.param("id", id)
			.query(Rows.of(LeadView.class))
			.optional()
			.orElseThrow(() -> DomainException.notFound("案件线索", id));
		scope.requireRegion(handlingRegion(lead), "案件线索", id);
		return lead;
	}

	/**
	 * One lead as {@code reader} may read it: its summary and origin note — free text that may hold a reporter's phone
	 * or ID number — in full only for the staff who take its steps ({@link #readsInFull}), with every such number masked
	 * for anyone else who reads it (a leader, a superior bureau's staff on a county's lead), as a complaint's filer's
	 * data is ({@code ComplaintQueries#readsInFull}).
	 * @throws DomainException not-found (404) outside the reader's scope ({@link #get})
	 */
	public LeadView read(CurrentUser reader, DataScope scope, long id) {
		LeadView lead = get(scope, id);
		return readsInFull(reader, lead) ? lead : lead.masked();
	}

	/**
	 * Whether {@code reader} reads the personal numbers in a lead's text in full: a 处室工作人员 of the bureau handling it
	 * ({@link #handles}, {@link Bureaus#takesSteps}) — the one rule complaints read their filer's data by.
	 */
	public boolean readsInFull(CurrentUser reader, LeadView lead) {
		return handles(reader, lead);
	}

	/**
	 * The history of a lead the reader may read ({@link #get} checked that): every audit entry on it, newest first, in
	 * whichever region it was recorded — an entry stays in the region of the bureau that handled the lead when it was
	 * written (the audit is append-only), so a lead the city registered without an enterprise and then proposed against
	 * a county's enterprise (its region and handling bureau become the county's) keeps its registration in the city's
	 * region; the county, which now handles it, reads its whole history. Read by the lead alone, masked as the audit
	 * shows every entry.
	 */
	public List<AuditEvent> history(LeadView lead) {
		return audit.history(DataScope.all(), "penalty_lead", lead.id());
	}

	/** {@link #handlingRegion(LeadView)} of the lead {@code id}, as it is stored now. */
	private String handlingRegion(long id) {
		return handlingRegion(jdbc.sql(COLUMNS + " " + FROM + " WHERE l.id = :id").param("id", id)
			.query(Rows.of(LeadView.class)).single());
	}

	/**
	 * A page of the leads in the caller's scope — by the region of the bureau handling each ({@link #HANDLING_REGION_SQL},
	 * as {@link #get}) —, optionally of one status, searched by enterprise, summary or origin;
	 * newest first by default. An ID or phone number in a summary or origin note (a reporter's own, typed in by staff) is
	 * masked, as lists mask personal data, and searched as each reader may read it
	 * ({@link Listing.Masked#readInFullWhere}): everyone finds it by the digits the list shows (the 5678 of
	 * 139****5678), never by those the mask hides; typed whole, only the 处室工作人员 of the bureau handling the lead
	 * ({@code personalSearch} on the leads {@link Bureaus#handledHere}, who read it in full on its page,
	 * {@link #readsInFull}) find it — for anyone else a match would confirm the masked number.
	 * @param personalSearch the reader is staff who handle leads ({@link CurrentUser#caseHandler})
	 */
	public PageResult<LeadView> list(DataScope scope, LeadStatus status, PageQuery page, boolean personalSearch) {
		String handled = personalSearch ? bureaus.handledHere(scope, HANDLING_REGION_SQL, Bureaus.CASE_DECIDERS) : "FALSE";
		List<Masked> masked = List.of("l.summary", "l.source_detail").stream()
			.map(column -> Masked.telephones(column).readInFullWhere(handled))
			.toList();
		return Listing.from(FROM)
			.scope(scope, HANDLING_REGION_SQL)
			.where(status != null, "l.status = :status", "status", status == null ? "" : status.name())
			.search(page, jdbc, "l.id", masked, "l.enterprise_name", "l.enterprise_credit_code")
			.sorts(SORTS, "received_on", true, "l.id")
			.page(jdbc, COLUMNS, page, Rows.of(LeadView.class))
			.map(LeadView::masked);
	}

	private LeadView lock(DataScope scope, long id) {
		jdbc.sql("SELECT id FROM penalty_lead WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional();
		return get(scope, id);
	}

	/**
	 * The refusal (409) of a step a lead has gone past: its state, and that the step no longer applies — a lead proposed
	 * waits for the head's decision, a lead filed or closed is done with.
	 */
	private static DomainException noLongerApplies(LeadView lead, String step) {
		String why = switch (lead.status()) {
			case PROPOSED -> "已提请立案，待局领导批准或不予立案";
			case FILED -> "已立案" + (lead.caseId() == null ? "" : "，请在案件中继续办理");
			case CLOSED -> "已作不予立案处理";
			case OPEN -> "尚待核查";
		};
		return DomainException.illegalTransition(Wording.of("enforcement.refusal.leadPast", lead.status(), why, step),
				"线索当前状态为“" + lead.status().label() + "”（" + why + "），" + step + "已不适用");
	}

	/**
	 * A lead that names its party already keeps it: a proposal may repeat the party's credit code (in any width or case,
	 * {@link CreditCode#of}), never name another — a value the record fixes is not silently ignored. Records rule
	 * {@code fixed} on {@code enterpriseCreditCode} (400), or the code's own rule when it is no credit code.
	 */
	private static void sameParty(Validation v, LeadView lead, String creditCode) {
		if (Text.isBlank(creditCode)) {
			return;
		}
		String code = v.check("enterpriseCreditCode", () -> CreditCode.of(creditCode).value());
		if (code != null) {
			v.require("enterpriseCreditCode", code.equals(lead.enterpriseCreditCode()), "fixed", "线索已确定当事人（"
					+ (lead.enterpriseName() == null ? "" : lead.enterpriseName() + "，") + lead.enterpriseCreditCode() + "），提请立案不能更换为"
					+ code + "：当事人有误的，请作不予立案处理后就该当事人重新登记线索");
		}
	}

	private EnterpriseView enterprise(Validation v, DataScope scope, String creditCode) {
		if (Text.isBlank(creditCode)) {
			return null;
		}
		String code = v.check("enterpriseCreditCode", () -> CreditCode.of(creditCode).value());
		if (code == null) {
			return null;
		}
		EnterpriseView e = enterprises.findByCreditCode(code).orElse(null);
		v.require("enterpriseCreditCode", e != null, "exists", "当事人不在您辖区的企业名录中：" + code);
		if (e != null) {
			// another county's enterprise is not there (404), before any other field is told
			scope.refuseWithin("enterpriseCreditCode", e.regionCode(), "企业" + code);
		}
		return e;
	}

	/** At most {@code max} characters; a longer text is cut with its ID and mobile numbers masked, so no part of one stays. */
	private static String cut(String s, int max) {
		return s == null || s.length() <= max ? s : Masking.personalNumbersIn(s, max);
	}

}
