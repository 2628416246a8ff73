package org.youguan.inspections;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.calendar.CalendarYearsLoaded;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.documents.Attachment;
import org.youguan.documents.AttachmentOwner;
import org.youguan.documents.Attachments;
import org.youguan.documents.DeclaresTemplates;
import org.youguan.documents.DocumentTemplate;
import org.youguan.documents.DocumentTemplates;
import org.youguan.documents.UploadedFile;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Text;
import org.youguan.kernel.TransactionLocks;
import org.youguan.kernel.UniqueIdentifiers;
import org.youguan.kernel.Validation;
import org.youguan.numbering.BusinessNumbers;
import org.youguan.org.Bureaus;
import org.youguan.org.DocumentAgency;
import org.youguan.rules.Citation;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;
import org.youguan.rules.ViolationType;
import org.youguan.kernel.Masking;
import org.youguan.kernel.Wording;

/**
 * The 责令改正 procedure: the bureau issues an order for an inspection that found problems (文号 from the numbering
 * module, deadline set per case in working days by the working-day calendar); the enterprise replies with its
 * rectification report; the bureau accepts (the order counts as rectified on the day of the reply) or rejects it (the
 * enterprise replies again); a re-inspection (复查) is scheduled before the deadline. An order still unrectified after
 * its deadline becomes a case lead ({@link RectificationDeadlines}), and so does one whose re-inspection finds it not
 * rectified ({@link InspectionLeadRaised}). The order as issued is a .docx (template {@code inspections/rectification-order},
 * built in as {@code documents/rectification-order.docx} and replaceable by the administrator: 文号, findings, the non-compliant checklist lines, the legal basis —
 * the articles laying down the duties breached, each once, law only — the deadline) kept in the documents module with the order; the enterprise's
 * evidence files are the order's attachments too. Every step is one transaction with its audit entry.
 */
@Service
public class InspectionOrders implements DeclaresTemplates {

	/** The series type of orders issued on the platform, numbered 苏吴邮管责改〔2026〕3号 ({@code numbering.OfficialNumbers}; earlier {@code 责令改正-<region>-<year>-<sequence>}). */
	public static final String NUMBER_TYPE = "责令改正";

	/** The owner type of an order's document and evidence in the documents module. */
	public static final String OWNER_TYPE = "rectification_order";

	/** Attachment kind: the order as issued (.docx). */
	public static final String DOCUMENT = "ORDER_DOCUMENT";

	/** Attachment kind: an evidence file of the enterprise's reply. */
	public static final String EVIDENCE = "EVIDENCE";

	static final DocumentTemplate TEMPLATE = DocumentTemplate
		.of("inspections/rectification-order", "责令改正通知书", "documents/rectification-order.docx")
		.withFields("bureau", "number", "enterprise", "creditCode", "inspectedOn", "inspectors", "place", "kind", "findings",
				"basis", "power", "dueOn", "workingDays", "issuedOn")
		.withList("lines", "item", "line", "result")
		// an order states what to correct, on which basis and by when
		.withRequired("bureau", "number", "enterprise", "findings", "basis", "dueOn");

	/**
	 * An order as staff and the enterprise see it; {@code objectName} is the branch or outlet its inspection named (null
	 * when the enterprise itself was inspected); {@code dueOnProvisional} that its deadline lies in a year whose holiday
	 * notice is not loaded ({@link WorkingCalendar#isProvisional(LocalDate)}): 暂定.
	 */
	public record Order(long id, long recordId, String regionCode, String enterpriseCreditCode, String enterpriseName,
			String objectName, String number, LocalDate issuedOn, LocalDate dueOn, boolean dueOnProvisional,
			Integer workingDays, String status, String reply,
			LocalDate repliedOn, LocalDate decidedOn, String decisionNote, LocalDate rectifiedOn,
			LocalDate reinspectionOn, LocalDate leadRaisedOn, String findings, String basis, LocalDate reinspectedOn,
			String reinspectionResult, String reinspectionNote) {

		/**
		 * The same order with every ID and mobile number in its free text — the enterprise's reply, the decision note,
		 * the record's findings, the re-inspection's result and note — masked ({@link Masking#personalNumbersIn}), as
		 * lists, the API list and the enterprise show it; the order's page for staff reads it as recorded.
		 */
		public Order masked() {
			return new Order(id, recordId, regionCode, enterpriseCreditCode, enterpriseName, objectName, number, issuedOn,
					dueOn, dueOnProvisional, workingDays, status, Masking.personalNumbersIn(reply), repliedOn, decidedOn, Masking.personalNumbersIn(decisionNote), rectifiedOn, reinspectionOn,
					leadRaisedOn, Masking.personalNumbersIn(findings), basis, reinspectedOn, Masking.personalNumbersIn(reinspectionResult), Masking.personalNumbersIn(reinspectionNote));
		}

		/** The same order with {@code dueOnProvisional} as {@code calendar} counts its deadline. */
		Order counted(WorkingCalendar calendar) {
			return new Order(id, recordId, regionCode, enterpriseCreditCode, enterpriseName, objectName, number, issuedOn,
					dueOn, dueOn != null && calendar.isProvisional(dueOn), workingDays, status, reply, repliedOn, decidedOn,
					decisionNote, rectifiedOn, reinspectionOn, leadRaisedOn, findings, basis, reinspectedOn,
					reinspectionResult, reinspectionNote);
		}

		/** Whether the enterprise may reply now: issued or rejected, not yet a lead. */
		public boolean awaitsReply() {
			return (status.equals("ISSUED") || status.equals("REJECTED")) && leadRaisedOn == null;
		}
	}

	private static final String COLUMNS = """
			SELECT o.id, o.record_id, o.region_code, o.enterprise_credit_code, r.enterprise_name, r.object_name, o.number,
			       o.issued_on,
			       o.due_on, o.working_days, o.status, o.reply, o.replied_on, o.decided_on, o.decision_note, o.rectified_on,
			       o.reinspection_on, o.lead_raised_on, r.findings, o.basis, o.reinspected_on, o.reinspection_result,
			       o.reinspection_note""";

	private static final String FROM = "FROM rectification_order o JOIN inspection_record r ON r.id = o.record_id";

	private final JdbcClient jdbc;

	private final BusinessNumbers numbers;

	private final WorkingCalendar calendar;

	private final AuditTrail audit;

	private final Clock clock;

	private final Attachments attachments;

	private final DocumentTemplates templates;

	private final Bureaus bureaus;

	private final InspectionFieldRecords fieldRecords;

	private final InspectionItems items;

	private final ApplicationEventPublisher events;

	private final StatutoryRules rules;

	private final long maxEvidenceBytes;

	private final int maxEvidence;

	private final long maxEvidenceTotalBytes;

	InspectionOrders(JdbcClient jdbc, BusinessNumbers numbers, WorkingCalendar calendar, AuditTrail audit, Clock clock,
			Attachments attachments, DocumentTemplates templates, Bureaus bureaus, InspectionFieldRecords fieldRecords,
			InspectionItems items, ApplicationEventPublisher events, StatutoryRules rules,
			@Value("${youguan.inspections.max-evidence-bytes:10485760}") long maxEvidenceBytes,
			@Value("${youguan.inspections.max-evidence-files:10}") int maxEvidence,
			@Value("${youguan.inspections.max-evidence-total-bytes:52428800}") long maxEvidenceTotalBytes) {
		if (maxEvidence < 1 || maxEvidenceBytes < 1 || maxEvidenceTotalBytes < maxEvidenceBytes) {
			throw new IllegalArgumentException("youguan.inspections.max-evidence-files应为正整数，max-evidence-total-bytes不小于"
					+ "max-evidence-bytes：" + maxEvidence + "，" + maxEvidenceTotalBytes + "，" + maxEvidenceBytes);
		}
		this.maxEvidenceTotalBytes = maxEvidenceTotalBytes;
		this.attachments = attachments;
		this.templates = templates;
		this.bureaus = bureaus;
		this.fieldRecords = fieldRecords;
		this.items = items;
		this.events = events;
		this.rules = rules;
		this.maxEvidenceBytes = maxEvidenceBytes;
		this.maxEvidence = maxEvidence;
		this.jdbc = jdbc;
		this.numbers = numbers;
		this.calendar = calendar;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The 文号 of the latest 责令改正通知书 issued to enterprise {@code creditCode} about one of the duties
	 * {@code duties} that it did not carry out: its deadline passed before the act punished ended ({@code due_on} before
	 * {@code actEnded} — the party went on after the term it was given), and the order turned into a lead (its term passed
	 * unrectified, or a re-inspection found it unrectified) on or before {@code by}. About the duty: the order cites one
	 * of the articles as issued on the platform ({@link Citation#formal()} in its basis), or — an order brought with a
	 * past inspection, which cites nothing — its inspection checked an item citing one. What an article punishing only
	 * "经责令改正拒不改正" asks a case to rest on (enforcement, rules.ViolationType#punishesOnlyUncorrected and
	 * #correctionDuties): not an order about another duty (a 收寄验视 order does not ground a packaging case), nor one
	 * issued after the act (attack B1).
	 * @param creditCode the party's 统一社会信用代码; null has none
	 * @param duties the articles laying down the duty the case punishes; empty: no order is about it
	 * @param actEnded the day the act punished ended (违法行为终了日期, or the filing day standing for it)
	 * @param by the last day counted (the step's day)
	 * @return empty when the enterprise has no such order
	 */
	public Optional<String> uncorrectedOrder(String creditCode, List<Citation> duties, LocalDate actEnded, LocalDate by) {
		return uncorrectedOrders(creditCode, duties, actEnded, by, null).stream().findFirst();
	}

	/**
	 * Whether order {@code number} (compared by its key, {@link UniqueIdentifiers}) is on the platform at all, in any
	 * region: a past case naming an order the platform holds is judged by that order ({@link #uncorrectedOrder}), one
	 * naming an order it does not hold names a paper order.
	 */
	public boolean onPlatform(String number) {
		return UniqueIdentifiers.taken(jdbc, "rectification_order", "number", number, "", Map.of());
	}

	/**
	 * {@link #uncorrectedOrder} for order {@code number} only (compared by its key): whether that order of the party is one
	 * such a case may rest on.
	 */
	public boolean uncorrected(String creditCode, List<Citation> duties, LocalDate actEnded, LocalDate by, String number) {
		return !uncorrectedOrders(creditCode, duties, actEnded, by, Text.identifierKey(number)).isEmpty();
	}

	private List<String> uncorrectedOrders(String creditCode, List<Citation> duties, LocalDate actEnded, LocalDate by,
			String numberKey) {
		if (creditCode == null || duties.isEmpty() || actEnded == null || by == null) {
			return List.of();
		}
		String[] cited = duties.stream().map(c -> "%" + c.formal() + "%").toArray(String[]::new);
		String[] items = duties.stream().map(c -> c.text().name() + ":" + c.article()).toArray(String[]::new);
		return jdbc.sql("""
				SELECT o.number FROM rectification_order o
				WHERE o.enterprise_credit_code = :code AND o.lead_raised_on IS NOT NULL AND o.lead_raised_on <= :by
				  AND o.due_on < :ended
				  AND (o.basis LIKE ANY (CAST(:cited AS text[]))
				       OR o.basis IS NULL AND EXISTS (SELECT 1 FROM inspection_record_item ri
				           JOIN inspection_item i ON i.code = ri.item_code
				           WHERE ri.record_id = o.record_id AND (i.legal_text || ':' || i.article) = ANY (CAST(:items AS text[]))))
				  AND (CAST(:numberKey AS text) IS NULL OR\s""" + Text.identifierKeySql("o.number") + """
				 = :numberKey)
				ORDER BY o.lead_raised_on DESC, o.id DESC""")
			.param("code", creditCode).param("by", by).param("ended", actEnded).param("cited", cited)
			.param("items", items).param("numberKey", numberKey)
			.query(String.class).list();
	}

	/**
	 * The longest deadline an order of an inspection in {@code regionCode} may set, in working days after its issue day:
	 * the catalogue's {@link StatutoryRule#INSPECTION_RECTIFICATION_MAX} there ({@link RectificationTerm}).
	 */
	public int longestTerm(String regionCode) {
		return RectificationTerm.maxWorkingDays(rules, regionCode);
	}

	/**
	 * Issues the order of an inspection concluded 责令改正 that has none yet: numbered in the issuing bureau's region,
	 * due {@code workingDays} working days after today, citing as its legal basis the articles that lay down the duties
	 * of the items whose lines did not comply (all the record's items when no line was recorded), each article once and
	 * only law ({@link #basis}); the .docx is generated and kept with the order, and the enterprise is told
	 * ({@link RectificationOrdered}).
	 * @param bureauRegion the caller's region, used for the number only when the record names no inspecting bureau: the number
	 * and the document are the inspecting bureau's ({@link InspectingBureau#OF_RECORD}), the one that may issue it
	 * @return the order
	 * @throws DomainException not-found outside the caller's scope; a conflict (409, field {@code status}, rule
	 * {@code ordered}) when the record has an order already; a rule violation when the record's outcome is not
	 * 责令改正, when lines were recorded and none failed (rule {@code no-noncompliant-line}),
	 * or when no item concerned cites a duty's article (rule {@code basis-article}: a penalty article or a procedural
	 * law is no duty, {@link Citation#isDuty()});
	 * InvalidValueException for a deadline outside 1 to {@link StatutoryRule#INSPECTION_RECTIFICATION_MAX} (180 by
	 * default) working days in the record's region ({@link RectificationTerm})
	 */
	/**
	 * As {@link #issue(DataScope, long, String, Integer)} with the deadline as typed in the issue form, read by
	 * {@link RectificationTerm#workingDays}: a whole number out of range is refused as the API's is (rule
	 * {@code range}), what is no whole number of working days (1.5, text) on {@code workingDays} (rule {@code format})
	 * stating the range the record's region takes (1 to {@link StatutoryRule#INSPECTION_RECTIFICATION_MAX}), not an int's.
	 */
	@Transactional
	public Order issue(DataScope scope, long recordId, String bureauRegion, String workingDaysTyped, List<String> items) {
		String region = jdbc.sql("SELECT region_code FROM inspection_record WHERE id = :id")
			.param("id", recordId).query(String.class).optional()
			.orElse(bureauRegion);
		return issue(scope, recordId, bureauRegion,
				RectificationTerm.workingDays(workingDaysTyped, RectificationTerm.maxWorkingDays(rules, region)), items);
	}

	/** As {@link #issue(DataScope, long, String, Integer, List)} without items picked. */
	@Transactional
	public Order issue(DataScope scope, long recordId, String bureauRegion, Integer workingDays) {
		return issue(scope, recordId, bureauRegion, workingDays, null);
	}

	/**
	 * As described above, the order about the items {@code items} picked by the clerk (codes among the record's items;
	 * among its items with a line found not to comply when lines were recorded) — required when the record kept no line
	 * per checklist entry and checked more than one item: the order cites only the articles of the items its findings
	 * are about, never every item checked ({@link #basis}).
	 * @param items the items the order is about; null or empty: those whose lines did not comply, or the record's one item
	 */
	@Transactional
	public Order issue(DataScope scope, long recordId, String bureauRegion, Integer workingDays, List<String> items) {
		record Target(String regionCode, String enterpriseCreditCode, String outcome, Long orderId, String orderNumber) {
		}
		// one order per record: a second issue at once waits for the first and then finds its order (a state refusal,
		// never the unique key's bare conflict)
		TransactionLocks.hold(jdbc, "rectification_order:" + recordId);
		Target t = jdbc.sql("""
				SELECT r.region_code, r.enterprise_credit_code, r.outcome,
				       (SELECT o.id FROM rectification_order o WHERE o.record_id = r.id) AS order_id,
				       (SELECT o.number FROM rectification_order o WHERE o.record_id = r.id) AS order_number
				FROM inspection_record r WHERE r.id = :id AND\s""" + scope.regionPredicate("r.region_code"))
			.params(scope.params()).param("id", recordId)
			.query(Rows.of(Target.class)).optional()
			.orElseThrow(() -> DomainException.notFound("检查记录", recordId));
		// the inspecting bureau issues the order (a city's inspection of a county's outlet is the city's to follow up)
		String issuer = inspectingRegion(recordId);
		bureaus.requireHandling(issuer, "检查");
		// its number and document are the issuing bureau's (苏苏邮管责改〔…〕 for the city's order), whatever region the
		// caller passed (attack finding 8: the demo's city orders carried 320506)
		String issuing = issuer != null ? issuer : Text.isBlank(bureauRegion) ? t.regionCode() : bureauRegion;
		if (!"RECTIFICATION".equals(t.outcome())) {
			throw DomainException.rule("只有检查结果为责令改正的检查才能下达责令改正通知书");
		}
		if (t.orderId() != null) {
			// the record's state, not the form's input: a conflict (409), as a repeated or raced submission meets it
			throw DomainException.illegalTransition("status", "ordered",
					"该检查已下达责令改正通知书（" + t.orderNumber() + "），不能再次下达");
		}
		RectificationTerm.requireWorkingDays(workingDays, RectificationTerm.maxWorkingDays(rules, t.regionCode()));
		Basis basis = basis(recordId, items);
		LocalDate today = LocalDate.now(clock);
		// the 文号 in the official form, of the issuing bureau's series (苏吴邮管责改〔2026〕3号, OfficialNumbers), passing
		// over one a paper order recorded with an inspection bears already (the bureau's paper orders bore that form)
		DocumentAgency agency = bureaus.documentAgency(issuing);
		String number = numbers.nextOfficial(NUMBER_TYPE, agency.code(), agency.seriesRegion(), today.getYear(),
				n -> UniqueIdentifiers.taken(jdbc, "rectification_order", "number", n, "", Map.of()));
		LocalDate due = calendar.plusWorkingDays(today, workingDays);
		long id = jdbc.sql("""
				INSERT INTO rectification_order (record_id, region_code, enterprise_credit_code, number, issued_on, due_on,
				    working_days, status)
				VALUES (:record, :region, :code, :number, :today, :due, :days, 'ISSUED') RETURNING id""")
			.param("record", recordId).param("region", t.regionCode()).param("code", t.enterpriseCreditCode())
			.param("number", number).param("today", today).param("due", due).param("days", workingDays)
			.query(Long.class).single();
		jdbc.sql("UPDATE rectification_order SET basis = :basis WHERE id = :id").param("basis", basis.text()).param("id", id)
			.update();
		byte[] docx = document(recordId, number, basis, today, due, workingDays, issuing);
		attachments.storeGenerated(new AttachmentOwner(InspectionFieldRecords.MODULE, OWNER_TYPE, id), DOCUMENT,
				"责令改正通知书-" + number + ".docx", docx);
		audit.record(AuditEntry.of("inspection.order.issue", "inspection", recordId, "下达" + BusinessNumbers.named("责令改正通知书", NUMBER_TYPE, number) + "，限"
				+ workingDays + "个工作日内（" + calendar.messageDay(due) + "前）整改").inRegion(t.regionCode()));
		events.publishEvent(new RectificationOrdered(id, number, t.regionCode(), t.enterpriseCreditCode(), today, due,
				workingDays, false));
		return get(scope, id);
	}

	/** An open order's deadline as issued: the day, the working days it counts and where it was issued. */
	record IssuedDeadline(long id, long recordId, String number, String regionCode, String enterpriseCreditCode,
			LocalDate issuedOn, LocalDate dueOn, int workingDays) {
	}

	/**
	 * Counts again, after years of the holiday notice were loaded ({@code first}–{@code last}, as the calendar's
	 * {@code CalendarYearsLoaded} gives them), the deadlines of the open orders (issued, replied or rejected, not yet a
	 * case lead) that run into those years: the order's working days from its issue day, on the calendar as it now
	 * stands. The 责令改正通知书 printed its day, so a deadline only moves later, never earlier. Imported orders (no
	 * working days kept) keep their day. Each moved day is audited ({@code inspection.order.recount}) and told the
	 * enterprise ({@link RectificationOrdered}, moved).
	 * @return how many orders had their deadline moved
	 */
	@Transactional
	public int recountDeadlines(LocalDate first, LocalDate last) {
		List<IssuedDeadline> open = jdbc.sql("""
				SELECT id, record_id, number, region_code, enterprise_credit_code, issued_on, due_on, working_days
				FROM rectification_order
				WHERE working_days IS NOT NULL AND lead_raised_on IS NULL AND status IN ('ISSUED', 'REPLIED', 'REJECTED')
				  AND issued_on <= :last AND due_on >= :first
				ORDER BY id FOR UPDATE""")
			.param("first", first).param("last", last)
			.query(Rows.of(IssuedDeadline.class)).list();
		int moved = 0;
		for (IssuedDeadline o : open) {
			LocalDate due = calendar.plusWorkingDays(o.issuedOn(), o.workingDays());
			if (!due.isAfter(o.dueOn())) {
				continue;
			}
			jdbc.sql("UPDATE rectification_order SET due_on = :due WHERE id = :id").param("due", due).param("id", o.id()).update();
			audit.record(AuditEntry.of("inspection.order.recount", "inspection", o.recordId(), CalendarYearsLoaded.loaded(first, last) + "，" + BusinessNumbers.named("责令改正通知书", NUMBER_TYPE, o.number())
					+ "的整改期限（" + o.workingDays() + "个工作日）由" + ChineseText.day(o.dueOn()) + "改为" + ChineseText.day(due)).inRegion(o.regionCode()));
			events.publishEvent(new RectificationOrdered(o.id(), o.number(), o.regionCode(), o.enterpriseCreditCode(),
					o.issuedOn(), due, o.workingDays(), true));
			moved++;
		}
		return moved;
	}

	/**
	 * The enterprise's rectification report on an order that awaits it (issued, or its earlier reply rejected).
	 * @throws DomainException not-found unless the order is the caller's enterprise's; illegal transition otherwise
	 */
	@Transactional
	public Order reply(DataScope enterprise, long id, String report) {
		return reply(enterprise, id, report, List.of());
	}

	/**
	 * The enterprise's rectification report with its evidence (photos or PDFs, each checked by content, of at most
	 * {@code youguan.inspections.max-evidence-bytes} each; the order's evidence in all, kept and sent, at most
	 * {@code youguan.inspections.max-evidence-files} files of {@code youguan.inspections.max-evidence-total-bytes}, rules
	 * {@code count} and {@code total-size}, {@link Attachments#requireRoom}) on an order
	 * that awaits it: issued, or its earlier reply rejected — a reply after a rejection only until the deadline.
	 * @throws DomainException not-found unless the order is the caller's enterprise's; illegal transition otherwise;
	 * InvalidValueException naming {@code report} or {@code evidence}; nothing is saved then
	 */
	@Transactional
	public Order reply(DataScope enterprise, long id, String report, List<UploadedFile> evidence) {
		report = Text.freeText(report);
		Order o = forStep(enterprise, id);
		if (!o.status().equals("ISSUED") && !o.status().equals("REJECTED") || o.leadRaisedOn() != null) {
			throw DomainException.illegalTransition(o.leadRaisedOn() != null ? "该通知书已转为案件线索，不能再答复"
					: "该通知书已答复或已验收，不能再次答复");
		}
		if (o.status().equals("REJECTED") && LocalDate.now(clock).isAfter(o.dueOn())) {
			throw DomainException.illegalTransition(Wording.of("inspections.refusal.replyAfterDue", o.dueOn()),
					"整改期限（" + calendar.messageDay(o.dueOn()) + "）已过，不能再次答复");
		}
		Validation v = new Validation();
		v.required("report", "整改情况报告", report).maxLength("report", "整改情况报告", report, 2000);
		AttachmentOwner owner = new AttachmentOwner(InspectionFieldRecords.MODULE, OWNER_TYPE, id);
		for (UploadedFile f : evidence) {
			v.check("evidence", () -> attachments.check(f, "evidence", "整改证明材料", maxEvidenceBytes));
		}
		// the order's evidence in all, kept and sent, by count and bytes (the order row is locked: forStep), as every
		// record's files are capped — not its generated 通知书
		if (!v.hasError("evidence")) {
			v.check("evidence", () -> {
				attachments.requireRoom(owner, EVIDENCE, evidence, "evidence", "整改证明材料", "责令改正通知书", maxEvidence,
						maxEvidenceTotalBytes);
				return null;
			});
		}
		v.throwIfInvalid();
		evidence.forEach(f -> attachments.store(owner, EVIDENCE, f, "evidence", "整改证明材料", maxEvidenceBytes));
		jdbc.sql("UPDATE rectification_order SET status = 'REPLIED', reply = :reply, replied_on = :today WHERE id = :id")
			.param("reply", Text.strip(report)).param("today", LocalDate.now(clock)).param("id", id).update();
		audit.record(AuditEntry.of("inspection.order.reply", "inspection", o.recordId(), "企业答复" + BusinessNumbers.named("责令改正通知书", NUMBER_TYPE, o.number())
				+ (evidence.isEmpty() ? "" : "，附整改证明材料" + evidence.size() + "个"))
			.inRegion(o.regionCode()));
		return get(enterprise, id);
	}

	/**
	 * The bureau's decision on the enterprise's reply: accepted (rectified on the day of the reply) or rejected with a
	 * reason (the enterprise replies again). An order is rectified or not, never both: a reply is not accepted once a
	 * re-inspection found the order not rectified (it is a case lead), and an accepted order takes no re-inspection.
	 * @throws DomainException not-found outside the caller's region; illegal transition unless a reply awaits a decision,
	 * or (accepting) when the re-inspection found it not rectified
	 */
	@Transactional
	public Order decide(DataScope scope, long id, boolean accept, String note) {
		note = Text.freeText(note);
		Order o = forStep(scope, id);
		if (!o.status().equals("REPLIED")) {
			throw DomainException.illegalTransition("只有企业已答复的通知书才能验收");
		}
		if (accept && "NOT_RECTIFIED".equals(o.reinspectionResult())) {
			throw DomainException.illegalTransition(Wording.of("inspections.refusal.uncorrectedToLead", o.reinspectedOn()),
					"复查（" + ChineseText.day(o.reinspectedOn()) + "）发现未整改，已转为案件线索，不能再验收整改");
		}
		if (!accept) {
			Validation v = new Validation();
			v.required("note", "不予验收的理由", note);
			v.maxLength("note", "不予验收的理由", note, 500);
			v.throwIfInvalid();
		}
		jdbc.sql("""
				UPDATE rectification_order SET status = :status, decided_on = :today, decision_note = :note,
				    rectified_on = CASE WHEN :accept THEN replied_on END WHERE id = :id""")
			.param("status", accept ? "ACCEPTED" : "REJECTED").param("today", LocalDate.now(clock))
			.param("note", note == null || Text.isBlank(note) ? null : Text.strip(note)).param("accept", accept).param("id", id)
			.update();
		audit.record(AuditEntry.of(accept ? "inspection.order.accept" : "inspection.order.reject", "inspection", o.recordId(),
				(accept ? "验收整改：" : "整改不予验收：") + o.number() + (accept ? "" : "（" + Text.strip(note) + "）"))
			.inRegion(o.regionCode()));
		return get(scope, id);
	}

	/**
	 * Schedules the re-inspection (复查) of an order, on a day from its issue to its deadline — not of an order already
	 * accepted as rectified, nor once a re-inspection's result is recorded; a working day ({@link #checkReinspectionDay}).
	 * @throws InvalidValueException when the day lies outside that span or is no working day
	 * @throws DomainException illegal transition when the order was accepted or its re-inspection's result recorded
	 */
	@Transactional
	public Order scheduleReinspection(DataScope scope, long id, LocalDate on) {
		Order o = forStep(scope, id);
		requireNotConcluded(o);
		checkReinspectionDay(o, on);
		jdbc.sql("UPDATE rectification_order SET reinspection_on = :on WHERE id = :id").param("on", on).param("id", id).update();
		audit.record(AuditEntry.of("inspection.order.reinspection", "inspection", o.recordId(), "安排复查：" + o.number() + "，"
				+ ChineseText.day(on)).inRegion(o.regionCode()));
		return get(scope, id);
	}

	/**
	 * The day a re-inspection of the order may be scheduled on: from its issue to its deadline, and a working day on the
	 * working-day calendar (inspectors do not visit on a weekend or holiday; attack round 16: a Sunday was taken).
	 * @return the day
	 * @throws InvalidValueException on {@code on}: rule {@code required} without a day, {@code range} outside the span, {@code working-day} on a day off
	 */
	public LocalDate checkReinspectionDay(Order o, LocalDate on) {
		if (on == null) {
			throw new InvalidValueException("on", "required", "复查日期不能为空");
		}
		if (on.isBefore(o.issuedOn()) || on.isAfter(o.dueOn())) {
			throw new InvalidValueException("on", "range", "复查日期应在" + ChineseText.day(o.issuedOn()) + "至整改期限" + calendar.messageDay(o.dueOn()) + "之间");
		}
		if (!calendar.isWorkingDay(on)) {
			throw new InvalidValueException("on", "working-day", "复查日期" + ChineseText.day(on) + "不是工作日（休息日或法定节假日），请选择工作日");
		}
		return on;
	}

	/**
	 * Records the re-inspection's result (复查) of an order whose re-inspection was scheduled, on or after that day:
	 * rectified (the order is accepted as rectified today, unless it was already) or not rectified (a note is required;
	 * the order becomes a case lead today and {@link InspectionLeadRaised} is published for the enforcement module) —
	 * not rectified only once the deadline ({@code dueOn}, as stored from the working-day calendar) has passed, or
	 * earlier where the enterprise's report awaits the bureau (status REPLIED: it declared the correction done, the
	 * re-inspection found it was not); before that the enterprise may still correct, and a 未整改 is refused (422, field
	 * {@code result}, rule {@code before-due}, naming the deadline).
	 * @throws DomainException not-found outside the caller's region; illegal transition when no re-inspection was
	 * scheduled, it is still to come, its result is recorded or the order was accepted as rectified on the enterprise's
	 * reply (a 未整改 then would make it both rectified on time and a lead); InvalidValueException for a missing note
	 */
	@Transactional
	public Order recordReinspection(DataScope scope, long id, boolean rectified, String note) {
		note = Text.freeText(note);
		Order o = forStep(scope, id);
		LocalDate today = LocalDate.now(clock);
		if (o.reinspectionOn() == null) {
			throw DomainException.illegalTransition("请先安排复查");
		}
		requireNotConcluded(o);
		if (today.isBefore(o.reinspectionOn())) {
			throw DomainException.illegalTransition(Wording.of("inspections.refusal.followUpNotDue", o.reinspectionOn()),
					"复查日期（" + ChineseText.day(o.reinspectionOn()) + "）未到，不能登记复查结果");
		}
		if (!rectified && !today.isAfter(o.dueOn()) && !o.status().equals("REPLIED")) {
			// 拒不改正 only once the term given has run out: until its last day the enterprise may still correct (a
			// rejected report may be sent again) — save where its report, awaiting the bureau, declares the correction
			// done and the re-inspection finds it is not (attack B2: 未整改 on the day of issue closed the reply)
			throw DomainException.rule("result", "before-due", Wording.of("inspections.refusal.unrectifiedBeforeDue", o.dueOn()),
					"整改期限（" + calendar.messageDay(o.dueOn()) + "）未届满，企业也未报告整改完成，不能登记复查未整改：期限届满后仍未整改的方可登记");
		}
		Validation v = new Validation();
		if (!rectified) {
			v.required("note", "复查发现的问题", note);
		}
		v.maxLength("note", "复查发现的问题", note, 500);
		v.throwIfInvalid();
		String clean = note == null || Text.isBlank(note) ? null : Text.strip(note);
		jdbc.sql("""
				UPDATE rectification_order SET reinspected_on = :today, reinspection_result = :result,
				    reinspection_note = :note,
				    status = CASE WHEN :rectified THEN 'ACCEPTED' ELSE status END,
				    decided_on = CASE WHEN :rectified AND rectified_on IS NULL THEN :today ELSE decided_on END,
				    rectified_on = CASE WHEN :rectified THEN coalesce(rectified_on, :today) ELSE rectified_on END,
				    lead_raised_on = CASE WHEN :rectified THEN lead_raised_on ELSE coalesce(lead_raised_on, :today) END
				WHERE id = :id""")
			.param("today", today).param("result", rectified ? "RECTIFIED" : "NOT_RECTIFIED").param("note", clean)
			.param("rectified", rectified).param("id", id).update();
		audit.record(AuditEntry.of(rectified ? "inspection.order.reinspected" : "inspection.order.unrectified", "inspection",
				o.recordId(), rectified ? "复查：" + o.number() + "已整改" : "复查：" + o.number() + "未整改，转为案件线索（" + clean + "）")
			.inRegion(o.regionCode()));
		if (!rectified && o.leadRaisedOn() == null) {
			events.publishEvent(new InspectionLeadRaised(o.recordId(), o.regionCode(), o.enterpriseCreditCode(),
					"复查未整改（" + o.number() + "）：" + clean, today, false));
		}
		return get(scope, id);
	}

	/** Refuses a re-inspection step of an order whose outcome is known: accepted as rectified, or re-inspected. */
	private static void requireNotConcluded(Order o) {
		if (o.reinspectionResult() != null) {
			throw DomainException.illegalTransition("复查结果已登记");
		}
		if (o.status().equals("ACCEPTED")) {
			throw DomainException.illegalTransition(Wording.of("inspections.refusal.correctionChecked", o.decidedOn()),
					"该通知书已于" + ChineseText.day(o.decidedOn()) + "验收整改，不能再安排复查或登记复查结果");
		}
	}

	/**
	 * The order read for a step, its row locked until the step commits: a second submission of the same step (a
	 * double click, a retried call) waits for the first and then finds the order already moved on. The bureau's steps
	 * (验收, 不予验收, 安排复查, 复查结果) are the handling bureau's ({@link Bureaus#requireHandling}: a bureau above reads
	 * the order, 403 naming the handling bureau; a sibling does not see it, 404); the enterprise replies on its portal.
	 */
	private Order forStep(DataScope scope, long id) {
		jdbc.sql("SELECT id FROM rectification_order WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional();
		Order o = get(scope, id);
		bureaus.requireHandling(inspectingRegion(o.recordId()), "责令改正通知书");
		return o;
	}

	/**
	 * Refuses the signed-in caller the bureau's steps of order {@code id} as {@link #forStep} does, without the lock —
	 * for {@link InspectionStepAccess}, before the step's form or body is read.
	 * @throws DomainException not-found outside the caller's scope
	 * @throws org.youguan.kernel.AccessRefusedException (403) naming the bureau that inspected, for staff of another
	 */
	void requireStep(DataScope scope, long id) {
		bureaus.requireHandling(inspectingRegion(get(scope, id).recordId()), "责令改正通知书");
	}

	/**
	 * Refuses the signed-in caller the steps of inspection record {@code recordId} (issuing its order) as
	 * {@link #issue(DataScope, long, String, Integer, List)} does — for {@link InspectionStepAccess}, before the step's
	 * form or body is read.
	 * @throws DomainException not-found for a record not there or outside the caller's scope
	 * @throws org.youguan.kernel.AccessRefusedException (403) naming the bureau that inspected, for staff of another
	 */
	void requireRecordStep(DataScope scope, long recordId) {
		jdbc.sql("SELECT r.id FROM inspection_record r WHERE r.id = :id AND " + scope.regionPredicate("r.region_code"))
			.params(scope.params()).param("id", recordId).query(Long.class).optional()
			.orElseThrow(() -> DomainException.notFound("检查记录", recordId));
		bureaus.requireHandling(inspectingRegion(recordId), "检查");
	}

	/**
	 * Whether the signed-in caller may take the bureau's steps of order {@code o} ({@link #forStep}): what the order's
	 * page offers forms to — not to a bureau above, which reads it.
	 */
	public boolean stepsOpenToCaller(Order o) {
		return stepsOpenToCallerOnRecord(o.recordId());
	}

	/**
	 * Whether the signed-in caller may issue or take the steps of the order of record {@code recordId}: staff of the
	 * bureau that inspected ({@link InspectingBureau}, {@link Bureaus#outsider}) — what the record's page offers the
	 * issue form to.
	 */
	public boolean stepsOpenToCallerOnRecord(long recordId) {
		return bureaus.outsider(inspectingRegion(recordId)).isEmpty();
	}

	/**
	 * The region of the bureau that inspected record {@code recordId} ({@link InspectingBureau#OF_RECORD}), whose staff
	 * issue its order and take the order's steps; a record not there has none (nobody's outsider is decided on it: the
	 * caller's scope answers 404 first).
	 */
	private String inspectingRegion(long recordId) {
		return jdbc.sql("SELECT " + InspectingBureau.OF_RECORD + " FROM inspection_record r WHERE r.id = :id")
			.param("id", recordId).query(String.class).optional().orElse(null);
	}

	/** The order as issued (.docx) kept with it, if any (orders imported with a history have none). */
	public Optional<Attachment> document(DataScope scope, long id) {
		get(scope, id);
		return attachments.list(new AttachmentOwner(InspectionFieldRecords.MODULE, OWNER_TYPE, id))
			.stream()
			.filter(a -> a.kind().equals(DOCUMENT))
			.findFirst();
	}

	/** The evidence files of the enterprise's replies, oldest first. */
	public List<Attachment> evidence(DataScope scope, long id) {
		get(scope, id);
		return attachments.list(new AttachmentOwner(InspectionFieldRecords.MODULE, OWNER_TYPE, id))
			.stream()
			.filter(a -> a.kind().equals(EVIDENCE))
			.toList();
	}

	/**
	 * What an order cites and covers: the breached articles, each (text, article) once and cited formally as the notice
	 * issued to the enterprise cites them ({@link Citation#formal()}), with the items that breach it
	 * ("《中华人民共和国邮政法》第十九条（建制村通邮）"), and the codes of those items. The items are those the findings are
	 * about: the items whose lines did not comply, or those the clerk picked ({@code picked}: among the items with a
	 * noncompliant line when lines were recorded, else among the record's items); a record without lines that checked
	 * one item is about that item, one that checked several names none by itself and the clerk must pick — the order
	 * never cites every item checked. Each item cites the article that lays down its own duty
	 * ({@link InspectionItem#citation()}, from the item catalogue) and no other's. Only law is cited (an existing article
	 * of a legal text, {@link Citation#isLaw()}): the rule catalogue's entry an item is linked to is a deadline or a fine
	 * (or a local practice, 地方实践（未确认）), never the norm breached, and is not cited; an item whose basis is no article
	 * (a text cited as a whole, such as 服务公示 under 快递市场管理办法) is not a ground of the order — its lines stay in the
	 * record, out of the order.
	 * @throws InvalidValueException on {@code items}: rule {@code required} when a record without lines checked several
	 *         items and none was picked, {@code one-of} for a pick that is not among the record's (noncompliant) items
	 * @throws DomainException rule violation (field {@code items}, rule {@code basis-article}) when no item concerned
	 * cites an article: an order must name the norm it enforces
	 */
	private Basis basis(long recordId, List<String> picked) {
		List<String> codes = jdbc.sql("""
				SELECT DISTINCT item_code FROM inspection_record_line WHERE record_id = :id AND result = 'NONCOMPLIANT'""")
			.param("id", recordId).query(String.class).list();
		boolean linesRecorded = jdbc.sql("SELECT EXISTS (SELECT 1 FROM inspection_record_line WHERE record_id = :id)")
			.param("id", recordId).query(Boolean.class).single();
		if (codes.isEmpty() && linesRecorded) {
			// every line recorded complied (or did not apply): nothing was found to correct
			throw DomainException.rule("items", "no-noncompliant-line",
					"检查记录的检查内容没有不符合项，不能下达责令改正通知书：责令改正须针对检查发现的不符合项");
		}
		if (!linesRecorded) {
			codes = jdbc.sql("SELECT item_code FROM inspection_record_item WHERE record_id = :id ORDER BY item_code")
				.param("id", recordId).query(String.class).list();
		}
		Map<String, String> itemNames = fieldRecords.itemNames();
		List<String> found = List.copyOf(codes);
		List<String> named = found.stream().map(c -> itemNames.getOrDefault(c, c)).toList();
		List<String> chosen = picked == null ? List.of() : picked.stream().filter(c -> c != null && !Text.isBlank(c))
			.map(Text::strip).distinct().toList();
		if (!chosen.isEmpty()) {
			List<String> others = chosen.stream().filter(c -> !found.contains(c)).toList();
			if (!others.isEmpty()) {
				throw new InvalidValueException("items", "one-of", "责令改正的事项应为检查记录中"
						+ (linesRecorded ? "检查内容不符合的" : "检查的") + "事项（" + String.join("、", named) + "），"
						+ String.join("、", others) + "不在其中");
			}
			codes = chosen;
		}
		else if (!linesRecorded && codes.size() > 1) {
			throw new InvalidValueException("items", "required", "检查记录未逐项登记检查内容，请选择本通知书责令改正的事项（检查发现问题的事项："
					+ String.join("、", named) + "中的一项或几项）：通知书只援引这些事项的条款");
		}
		Set<String> concerned = new LinkedHashSet<>(codes);
		Map<Citation, List<String>> byArticle = new LinkedHashMap<>();
		Set<String> covered = new LinkedHashSet<>();
		List<String> without = new ArrayList<>();
		for (InspectionItem item : items.list(DataScope.all())) {
			if (!concerned.contains(item.code())) {
				continue;
			}
			if (item.citation().isDuty()) {
				byArticle.computeIfAbsent(item.citation(), c -> new ArrayList<>()).add(item.name());
				covered.add(item.code());
			}
			else {
				without.add(item.name() + Text.bracketed(item.basis()));
			}
		}
		if (byArticle.isEmpty()) {
			String items = without.isEmpty() ? "无" : String.join("、", without);
			throw DomainException.rule("items", "basis-article", Wording.of("inspections.refusal.noArticleBroken", items),
					"检查发现问题的事项没有列明被违反的具体法律条款（" + items + "），不能据以下达责令改正通知书：责令改正须援引被违反的条款，可约谈或书面提醒");
		}
		List<String> parts = new ArrayList<>();
		byArticle.forEach((citation, names) -> parts.add(citation.formal() + "（" + String.join("、", names) + "）"));
		String basis = String.join("、", parts);
		return new Basis(basis.length() > 1000 ? basis.substring(0, 999) + "…" : basis, covered, List.copyOf(byArticle.keySet()));
	}

	/** An order's basis as cited, the items it covers, and the duty articles it cites. */
	private record Basis(String text, Set<String> items, List<Citation> duties) {
	}

	/**
	 * The clause giving the power to order the correction, for "${power}现责令你单位…": the articles that punish the
	 * breach of the duties the order cites and order its correction (由邮政管理部门责令改正…), from the rule catalogue
	 * ({@link ViolationType#duties()} → {@link ViolationType#citations()}), cited formally — "依据《快递暂行条例》第五十六条的
	 * 规定，"; empty when the catalogue holds no penalty article for those duties: the duty article lays the duty down, it
	 * gives no power to order, and is never cited as such.
	 */
	static String power(List<Citation> duties) {
		List<String> articles = Arrays.stream(ViolationType.values())
			.filter(t -> t.duties().stream().anyMatch(duties::contains))
			.flatMap(t -> t.citations().stream())
			.filter(Citation::isLaw)
			.map(Citation::formal)
			.distinct()
			.toList();
		return articles.isEmpty() ? "" : "依据" + String.join("、", articles) + "的规定，";
	}

	private byte[] document(long recordId, String number, Basis basis, LocalDate issued, LocalDate due, int days,
			String bureauRegion) {
		InspectionFieldRecords.Detail r = fieldRecords.get(DataScope.all(), recordId);
		Map<String, String> names = fieldRecords.itemNames();
		List<Map<String, String>> lines = new ArrayList<>();
		for (InspectionFieldRecords.Line l : r.lines()) {
			if (l.result() == InspectionFieldRecords.LineResult.NONCOMPLIANT && basis.items().contains(l.itemCode())) {
				lines.add(Map.of("item", l.itemName(), "line", l.line(), "result", l.result().label()));
			}
		}
		if (lines.isEmpty()) {
			// a record kept without a line per checklist entry (the API, an import, the short form): each item checked
			// with what it checks and the record's findings, so 检查内容 and 检查结果 are never left blank
			Map<String, InspectionItem> byCode = new HashMap<>();
			items.list(DataScope.all()).forEach(i -> byCode.put(i.code(), i));
			String result = r.findings() == null || Text.isBlank(r.findings()) ? r.outcome().label() : r.findings();
			for (String c : r.items()) {
				if (!basis.items().contains(c)) {
					continue;
				}
				InspectionItem item = byCode.get(c);
				String content = item == null || item.checklist().isEmpty() ? names.getOrDefault(c, c)
						: String.join("；", item.checklist());
				lines.add(Map.of("item", names.getOrDefault(c, c), "line", content, "result", result));
			}
		}
		Map<String, String> fields = new HashMap<>();
		fields.put("bureau", bureaus.nearestName(bureauRegion));
		fields.put("number", number);
		fields.put("enterprise", r.enterpriseName());
		fields.put("creditCode", r.enterpriseCreditCode());
		fields.put("inspectedOn", ChineseText.day(r.inspectedOn()));
		fields.put("inspectors", String.join("、", r.team().stream().map(m -> m.name() + "（执法证号" + m.certificateNumber()
				+ "）").toList()));
		fields.put("place", r.place() == null ? "" : r.place());
		fields.put("kind", r.kind().label());
		fields.put("findings", r.findings() == null ? "" : r.findings());
		fields.put("basis", basis.text());
		fields.put("power", power(basis.duties()));
		fields.put("dueOn", calendar.documentDay(due));
		fields.put("workingDays", String.valueOf(days));
		fields.put("issuedOn", ChineseText.day(issued));
		Map<String, List<Map<String, String>>> tables = new LinkedHashMap<>();
		tables.put("lines", lines);
		// served on the enterprise: the findings and lines may hold an employee's or a sender's ID or mobile number
		return templates.fillForParty(TEMPLATE, fields, tables, r.enterpriseCreditCode());
	}

	/** The 责令改正通知书 it fills. */
	@Override
	public List<DocumentTemplate> templates() {
		return List.of(TEMPLATE);
	}

	/**
	 * An order the caller may see: staff in their region, as recorded; an enterprise its own, with every ID and mobile
	 * number in its free text masked ({@link Order#masked}) — the findings may name a sender or a courier, who is not
	 * the enterprise, as the notice served on it masks them.
	 * @throws DomainException not-found
	 */
	public Order get(DataScope scope, long id) {
		return jdbc.sql(COLUMNS + " " + FROM + " WHERE o.id = :id AND "
				+ scope.enterprisePredicate("o.enterprise_credit_code", "o.region_code"))
			.params(scope.params()).param("id", id)
			.query(Rows.of(Order.class)).optional()
			.map(o -> (scope.kind() == DataScope.Kind.ENTERPRISE ? o.masked() : o).counted(calendar))
			.orElseThrow(() -> DomainException.notFound("责令改正通知书", id));
	}

	/** A page of the orders the caller may see, newest first; searched by number or enterprise. */
	public PageResult<Order> list(DataScope scope, PageQuery page) {
		return list(scope, null, page);
	}

	/** {@link #list(DataScope, State, boolean, PageQuery)} of every order the caller may see (not only its bureau's). */
	public PageResult<Order> list(DataScope scope, State state, PageQuery page) {
		return list(scope, state, false, page);
	}

	/**
	 * Where an order stands, as the lists and the inbox select it: awaiting the enterprise's report (issued, or its
	 * report rejected; not a lead), replied and awaiting the bureau's decision, or overdue (not rectified, its deadline
	 * passed without a report sent by then, and no re-inspection result recorded yet — whether or not it became a case
	 * lead, the 复查 is still to be recorded).
	 */
	public enum State {
		/** 待企业答复 */
		AWAITING_REPLY("o.status IN ('ISSUED', 'REJECTED') AND o.lead_raised_on IS NULL"),
		/** 企业已答复，待验收 */
		REPLIED("o.status = 'REPLIED'"),
		/** 逾期未整改 */
		OVERDUE("o.rectified_on IS NULL AND o.status <> 'ACCEPTED' AND o.due_on < :today AND o.reinspection_result IS NULL"
				+ " AND NOT (o.status = 'REPLIED' AND o.replied_on <= o.due_on)");

		private final String predicate;

		State(String predicate) {
			this.predicate = predicate;
		}

		/** The state's SQL over {@code rectification_order o} (parameter {@code :today}), for the figures that count it. */
		String predicate() {
			return predicate;
		}

		/** The state named in a request ({@code state=REPLIED}), or null for none or an unknown name. */
		public static State parse(String text) {
			for (State s : values()) {
				if (s.name().equalsIgnoreCase(text == null ? "" : Text.strip(text))) {
					return s;
				}
			}
			return null;
		}
	}

	/**
	 * How many orders the caller may see are in a state and past their due day (due before today): the enterprise
	 * inbox's 逾期 figure, counted in the database however many there are.
	 * @param state the state the orders are in
	 * @return the number of such orders (件)
	 */
	public long countPastDue(DataScope scope, State state) {
		LocalDate today = LocalDate.now(clock);
		return Listing.from(FROM)
			.scope(scope, "o.enterprise_credit_code", "o.region_code")
			.where(true, state.predicate, "today", today)
			.where(true, "o.due_on < :today", "today", today)
			.count(jdbc);
	}

	/**
	 * A page of the orders the caller may see in a state ({@code null}: all), newest first by default (sorts
	 * {@code issued_on}, {@code due_on}); searched by number or enterprise.
	 * @param handling only the orders of the caller's own bureau's inspections ({@link InspectingBureau}: the inbox's
	 *        queues and their links, {@code handling=true}) — not those of a bureau below, which the caller reads and
	 *        takes no step of; an enterprise's list is not narrowed
	 */
	public PageResult<Order> list(DataScope scope, State state, boolean handling, PageQuery page) {
		return Listing.from(FROM)
			.scope(scope, "o.enterprise_credit_code", "o.region_code")
			.where(state != null, state == null ? "" : state.predicate, "today", LocalDate.now(clock))
			.where(handling ? InspectingBureau.ownedHere(bureaus, scope, InspectingBureau.OF_RECORD) : "TRUE")
			.search(page, "o.number", "r.enterprise_name", "o.enterprise_credit_code")
			.sorts(Map.of("issued_on", "o.issued_on", "due_on", "o.due_on"), "issued_on", true, "o.id")
			.page(jdbc, COLUMNS, page, Rows.of(Order.class))
			.map(o -> o.masked().counted(calendar));
	}
}
