package org.youguan.enforcement;

import org.youguan.kernel.ChineseText;
import org.youguan.rules.Provision;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.documents.Attachment;
import org.youguan.documents.AttachmentAccess;
import org.youguan.documents.AttachmentOwner;
import org.youguan.documents.Attachments;
import org.youguan.documents.UploadedFile;
import org.youguan.enforcement.internal.CaseDocuments;
import org.youguan.enforcement.internal.CaseStep;
import org.youguan.enforcement.internal.CaseTeam;
import org.youguan.enforcement.internal.CaseWork;
import org.youguan.inspections.Inspector;
import org.youguan.inspections.Inspectors;
import org.youguan.kernel.Actors;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

/**
 * 调查取证: the evidence list of a penalty case (行政处罚法(2021) art.46 kinds of evidence; art.42, 55: at least two
 * investigators with enforcement certificates). While the case is under investigation each item is recorded with its
 * kind, title, day, the investigators who collected it — at least {@code inspection.min-inspectors} of the case's
 * investigators, named by certificate number, each certificate valid on the day entered — and its file: a scan
 * (书证, PDF or image), a photo (照片, JPEG/PNG), or for 音频/视频 the recording itself (MP3, M4A, WAV, AMR / MP4, MOV,
 * 3GP, recognised by content, up to {@code youguan.enforcement.max-media-bytes}) or its transcript or still, checked by
 * content and limited to {@code youguan.enforcement.max-evidence-bytes} by the documents module's {@link Attachments};
 * audio and video are also described with their original storage medium (the original stays with the case file).
 * A 询问笔录 or 现场检查（勘验）笔录 makes the platform issue the record (.docx with 文号) from what was entered. One
 * transaction with its audit entry; all errors at once, each naming its field in Chinese; nothing half-saved.
 */
@Service
public class CaseEvidence {

	/** Attachment kind of an evidence file. */
	public static final String EVIDENCE = "EVIDENCE";

	/**
	 * An item of the evidence list; {@code attachmentId} null when no file was attached.
	 * @param fileWithheld a file is attached that this reader may not read: one no mask reaches (a photo, a PDF scan)
	 *        for a reader who reads the case masked ({@link AttachmentAccess#readableMasked}) — only its handlers read it
	 */
	public record EvidenceItem(long id, long caseId, EvidenceKind kind, String title, String content, String place,
			String subject, LocalDate collectedOn, String collectedBy, Long attachmentId, String createdBy,
			boolean fileWithheld) {

		/** The address serving the file, or null (none attached, or {@link #fileWithheld}). */
		@JsonProperty
		public String href() {
			return attachmentId == null || fileWithheld ? null : "/attachments/" + attachmentId;
		}

		/**
		 * The same item with the personal numbers in its texts (title, content — a 询问笔录 names the person asked and
		 * his ID number —, place, subject) masked as {@link CaseView#masked} masks the case's, for a reader who does not
		 * handle the case.
		 */
		public EvidenceItem masked(String contentType) {
			return new EvidenceItem(id, caseId, kind, LeadView.masked(title), LeadView.masked(content), LeadView.masked(place),
					LeadView.masked(subject), collectedOn, collectedBy, attachmentId, createdBy,
					attachmentId != null && !AttachmentAccess.readableMasked(contentType));
		}
	}

	/**
	 * What an investigator enters for an item.
	 * @param kind INQUIRY_RECORD, SITE_RECORD, DOCUMENTARY, PHOTO, AUDIO or VIDEO
	 * @param content the record's text (询问笔录: questions and answers; 现场检查笔录: what was found), or the storage
	 * medium of audio and video, or a description
	 * @param place where it was collected (required for records)
	 * @param subject the person questioned (询问笔录) or present (现场检查笔录)
	 * @param collectors the certificate numbers of the investigators who collected it
	 */
	public record EvidenceData(String kind, String title, String content, String place, String subject,
			String collectedOn, List<String> collectors) {
		/** The long free text (content) as stored, searched and compared: {@link Text#freeText}. */
		public EvidenceData {
			content = Text.freeText(content);
		}
	}

	private final JdbcClient jdbc;

	private final PenaltyCases cases;

	private final CaseDocuments documents;

	private final Attachments attachments;

	private final Inspectors inspectors;

	private final StatutoryRules rules;

	private final AuditTrail audit;

	private final Clock clock;

	private final long maxBytes;

	private final long maxMediaBytes;

	private final CaseWork caseWork;

	private final CaseTeam caseTeam;

	CaseEvidence(JdbcClient jdbc, PenaltyCases cases, CaseDocuments documents, Attachments attachments,
			Inspectors inspectors, StatutoryRules rules, AuditTrail audit, Clock clock,
			@Value("${youguan.enforcement.max-evidence-bytes:20971520}") long maxBytes,
			@Value("${youguan.enforcement.max-media-bytes:52428800}") long maxMediaBytes, CaseWork caseWork,
			CaseTeam caseTeam) {
		this.caseWork = caseWork;
		this.caseTeam = caseTeam;
		this.jdbc = jdbc;
		this.cases = cases;
		this.documents = documents;
		this.attachments = attachments;
		this.inspectors = inspectors;
		this.rules = rules;
		this.audit = audit;
		this.clock = clock;
		this.maxBytes = maxBytes;
		this.maxMediaBytes = maxMediaBytes;
	}

	/**
	 * Records an item of the evidence list of a case under investigation, with its file if any.
	 * @param file the scan, photo or transcript, or null
	 * @return the item
	 * @throws DomainException not-found outside the caller's scope; (409) unless the case is 调查取证; duplicate (409, field
	 * {@code title}) for an item the list holds already ({@link #refuseTwin}); (422, field {@code collectedOn}, rule
	 * {@code inside-suspension}) for a day inside a pause of the decision clock ({@link CaseWork#requireOutsidePauses})
	 * @throws org.youguan.kernel.AccessRefusedException (403, field {@code collectors}) for a signed-in account that is
	 * not one of the case's investigators ({@link CaseTeam#requireInvestigator}) — asked after the state, before the fields
	 * @throws InvalidValueException naming {@code kind}, {@code title}, {@code content}, {@code place},
	 * {@code subject}, {@code collectedOn}, {@code collectors} / {@code collectors[i]} or {@code file}
	 */
	@Transactional
	public EvidenceItem add(DataScope scope, long caseId, EvidenceData data, UploadedFile file) {
		// locked, in scope and the handling bureau's own step (CaseWork#lock)
		CaseView c = caseWork.lock(scope, caseId);
		CaseStep.ADD_EVIDENCE.from(c.status());
		// evidence is collected and entered by the case's investigators, as its 调查终结报告 is written by them
		caseTeam.require(CaseTeam.TeamStep.EVIDENCE, caseId);
		LocalDate today = LocalDate.now(clock);
		Validation v = new Validation();
		EvidenceKind kind = null;
		if (Text.isBlank(data.kind())) {
			v.require("kind", false, "required", "证据种类不能为空");
		}
		else {
			try {
				kind = EvidenceKind.valueOf(Text.strip(data.kind()));
			}
			catch (IllegalArgumentException ex) {
				v.require("kind", false, "one-of", "证据种类应为INQUIRY_RECORD（询问笔录）、SITE_RECORD（现场检查笔录）、"
						+ "DOCUMENTARY（书证）、PHOTO（照片）、AUDIO（音频）、VIDEO（视频）之一");
			}
		}
		v.name("title", "证据名称", data.title(), 200);
		v.maxLength("content", "证据内容", data.content(), 4000);
		v.line("place", "收集地点", data.place(), 200);
		v.maxLength("subject", "被询问人/在场人", data.subject(), 100)
			.name("subject", "被询问人/在场人", data.subject())
			.personName("subject", "被询问人/在场人", data.subject());
		if (kind == EvidenceKind.INQUIRY_RECORD || kind == EvidenceKind.SITE_RECORD) {
			String label = kind == EvidenceKind.INQUIRY_RECORD ? "询问内容" : "检查（勘验）情况";
			// printed as the 询问笔录's or 现场笔录's body: words, never "。" alone
			v.required("content", label, data.content()).words("content", label, data.content());
			v.required("place", "地点", data.place());
		}
		if (kind == EvidenceKind.INQUIRY_RECORD) {
			v.required("subject", "被询问人", data.subject());
		}
		if (kind == EvidenceKind.AUDIO || kind == EvidenceKind.VIDEO) {
			v.required("content", "存储介质及编号", data.content());
		}
		v.required("collectedOn", "收集日期", data.collectedOn());
		LocalDate on = v.date("collectedOn", "收集日期", data.collectedOn(), LocalDate.MIN, LocalDate.MAX);
		if (on != null) {
			collectedWithin(v, c, on, today);
		}
		String collectedBy = collectors(v, c, data.collectors(), today);
		if (kind != null && kind.fileRequired()) {
			v.require("file", file != null, "required", (kind == EvidenceKind.PHOTO ? "照片" : "书证扫描件") + "不能为空");
		}
		if (file != null) {
			String type = v.check("file", () -> attachments.checkWithMedia(file, "file", "证据文件", maxBytes, maxMediaBytes));
			if (type != null && kind != null) {
				v.require("file", kind.accepts(type), "content-type", kind.label() + "应为" + kind.files());
			}
		}
		v.throwIfInvalid();
		// 邮政行政执法监督办法 art.17: no investigation while the decision clock is paused
		caseWork.requireOutsidePauses(caseId, "collectedOn", "收集证据", on);
		refuseTwin(caseId, kind, data, on, collectedBy, file);
		Attachment stored = file == null ? null
				: attachments.storeWithMedia(new AttachmentOwner(CaseDocuments.MODULE, CaseDocuments.OWNER_TYPE, caseId),
						EVIDENCE, file, "file", "证据文件", maxBytes, maxMediaBytes);
		long id = jdbc.sql("""
				INSERT INTO penalty_case_evidence (case_id, kind, title, content, place, subject, collected_on, collected_by,
				    attachment_id, created_by, created_at)
				VALUES (:case, :kind, :title, :content, :place, :subject, :on, :by, :attachment, :creator, :now) RETURNING id""")
			.param("case", caseId).param("kind", kind.name()).param("title", Text.name(data.title()))
			.param("content", Text.isBlank(data.content()) ? null : Text.strip(data.content()))
			.param("place", Text.line(data.place()))
			.param("subject", Text.isBlank(data.subject()) ? null : Text.name(data.subject()))
			.param("on", on).param("by", collectedBy)
			.param("attachment", stored == null ? null : stored.id()).param("creator", Actors.currentName())
			.param("now", OffsetDateTime.now(clock))
			.query(Long.class).single();
		if (kind.record() != null) {
			documents.issue(caseId, kind.record(), id, Map.of());
		}
		audit.record(AuditEntry.of("case.evidence", "penalty_case", caseId, c.number() + "：登记证据（" + kind.label() + "）"
				+ Text.name(data.title()) + "，收集人员：" + collectedBy + (stored == null ? "" : "，附件" + stored.fileName()))
			.inRegion(c.regionCode()));
		return find(caseId, id).orElseThrow();
	}

	/**
	 * The day evidence was collected lies between the day the violation was discovered and today: evidence gathered
	 * before 立案 — the 现场检查笔录 and photos of the inspection that produced the lead, what a complaint's or report's
	 * verification found — is evidence of the case (行政处罚法(2021) art.46, 54–55), so the bound is the lead's day
	 * received (for an inspection's lead, the day inspected; the day the limitation is counted to), not 立案; never
	 * earlier, nor in the future. A case without a lead is bound by its 立案.
	 * Records an error on {@code collectedOn} (rule {@code range}) saying which bound and why.
	 */
	private void collectedWithin(Validation v, CaseView c, LocalDate on, LocalDate today) {
		LocalDate received = c.leadId() == null ? null
				: jdbc.sql("SELECT received_on FROM penalty_lead WHERE id = :id").param("id", c.leadId())
					.query(LocalDate.class).optional().orElse(null);
		boolean byLead = received != null && received.isBefore(c.filedOn());
		LocalDate earliest = byLead ? received : c.filedOn();
		v.within("collectedOn", on, earliest, "收集日期不能早于" + ChineseText.day(earliest) + (byLead
				? "（发现违法行为、收到线索之日；立案前检查、核查中收集的证据可以登记，但不早于该日）"
				: "（立案日期）"), today, Wording.of("enforcement.refusal.collectedOnFuture", today.toString()), "收集日期不能晚于今天（" + ChineseText.day(today) + "）");
	}

	/**
	 * Refuses an item the evidence list holds already: the same kind, title, content, place, subject, day and collectors
	 * (texts by {@code Text.textKey}: spaces, widths, case and punctuation aside; the collectors folded) and the same file by name and size, or none — a form sent twice (a
	 * double click, a retried call) would list one piece of evidence twice in the 证据清单 and its record twice among the
	 * case's documents. The case's row is locked by the caller, so two requests at once are ordered.
	 * @throws DomainException duplicate (409, field {@code title}, rule {@code unique}) naming the item
	 */
	private void refuseTwin(long caseId, EvidenceKind kind, EvidenceData data, LocalDate on, String collectedBy,
			UploadedFile file) {
		List<Long> sameFacts = jdbc.sql("""
				SELECT e.attachment_id FROM penalty_case_evidence e
				WHERE e.case_id = :case AND e.kind = :kind AND text_key(e.title) = text_key(:title)
				    AND text_key(coalesce(e.content, '')) = text_key(:content) AND text_key(coalesce(e.place, '')) = text_key(:place)
				    AND text_key(coalesce(e.subject, '')) = text_key(:subject) AND e.collected_on = :on
				    AND folded(e.collected_by) = folded(:by)
				ORDER BY e.id""")
			.param("case", caseId).param("kind", kind.name()).param("title", Text.name(data.title()))
			.param("content", Text.isBlank(data.content()) ? "" : Text.strip(data.content()))
			.param("place", Text.isBlank(data.place()) ? "" : Text.line(data.place()))
			.param("subject", Text.isBlank(data.subject()) ? "" : Text.name(data.subject()))
			.param("on", on).param("by", collectedBy)
			.query((rs, n) -> rs.getObject(1, Long.class)).list();
		if (sameFacts.isEmpty()) {
			return;
		}
		// the file compared through the documents module (its table is its own): by name and size, or none
		Map<Long, Attachment> files = file == null ? Map.of()
				: attachments.list(new AttachmentOwner(CaseDocuments.MODULE, CaseDocuments.OWNER_TYPE, caseId)).stream()
					.collect(Collectors.toMap(Attachment::id, a -> a));
		boolean twin = sameFacts.stream()
			.anyMatch(attachment -> file == null ? attachment == null
					: attachment != null && files.containsKey(attachment)
							&& files.get(attachment).fileName().equals(file.fileName())
							&& files.get(attachment).sizeBytes() == file.content().length);
		if (twin) {
			throw DomainException.duplicate("title", Wording.of("enforcement.refusal.evidenceTwice", kind, Text.name(data.title()), on),
					"证据清单中已有该证据（" + kind.label() + "“" + Text.name(data.title())
					+ "”，" + ChineseText.day(on) + "收集），不能重复登记：表单可能提交了两次，请在证据清单中查看");
		}
	}

	/**
	 * The evidence list of a case in the caller's scope, by day collected — its texts masked unless the signed-in account
	 * handles the case ({@link CaseWork#readsInFull}), as the case page reads the facts.
	 * @throws DomainException not-found
	 */
	public List<EvidenceItem> list(DataScope scope, long caseId) {
		boolean full = caseWork.readsInFull(cases.get(scope, caseId).penaltyCase().handledIn());
		List<EvidenceItem> items = jdbc.sql("""
				SELECT id, case_id, kind, title, content, place, subject, collected_on, collected_by, attachment_id, created_by
				FROM penalty_case_evidence WHERE case_id = :id ORDER BY collected_on, id""")
			.param("id", caseId).query(Rows.of(EvidenceItem.class)).list();
		if (full) {
			return items;
		}
		Map<Long, String> types = attachments.list(new AttachmentOwner(CaseDocuments.MODULE, CaseDocuments.OWNER_TYPE, caseId))
			.stream().collect(Collectors.toMap(Attachment::id, Attachment::contentType));
		return items.stream().map(e -> e.masked(types.get(e.attachmentId()))).toList();
	}

	private Optional<EvidenceItem> find(long caseId, long id) {
		return jdbc.sql("""
				SELECT id, case_id, kind, title, content, place, subject, collected_on, collected_by, attachment_id, created_by
				FROM penalty_case_evidence WHERE case_id = :case AND id = :id""")
			.param("case", caseId).param("id", id).query(Rows.of(EvidenceItem.class)).optional();
	}

	/** The collectors as the record names them (姓名（执法证号）、…), checked against the case's investigators. */
	private String collectors(Validation v, CaseView c, List<String> given, LocalDate today) {
		int min = rules.intValue(StatutoryRule.INSPECTION_MIN_INSPECTORS, c.regionCode());
		List<String> certificates = given == null ? List.of()
				: given.stream().filter(s -> !Text.isBlank(s)).map(Inspectors::certificateNumber).toList();
		v.require("collectors", certificates.size() >= min, "min", Wording.of("enforcement.refusal.evidenceCollectors", min),
				"收集证据的执法人员不得少于" + min
				+ "人，并应出示执法证件（" + Provision.cite(Provision.PENALTY_TWO_OFFICERS, Provision.PENALTY_OFFICERS_IDENTIFIED) + "）");
		record Member(String name, String certificateNumber) {
		}
		List<Member> team = jdbc.sql("SELECT name, certificate_number FROM penalty_case_investigator WHERE case_id = :id ORDER BY position")
			.param("id", c.id()).query(Rows.of(Member.class)).list();
		Set<String> seen = new HashSet<>();
		List<String> names = new ArrayList<>();
		for (int i = 0; i < certificates.size(); i++) {
			String cert = certificates.get(i);
			String field = "collectors[" + i + "]";
			// certificate numbers compared as every identifier is (Text.identifierKey): 苏A-001 and 苏a 001 are one
			String key = Text.identifierKey(cert);
			v.require(field, seen.add(key), "unique", "执法证号重复：" + cert);
			Optional<Member> m = team.stream().filter(t -> Text.identifierKey(t.certificateNumber()).equals(key)).findFirst();
			if (m.isEmpty()) {
				v.require(field, false, "investigator", "执法证号" + cert + "不是本案调查人员的执法证号");
				continue;
			}
			Optional<Inspector> known = inspectors.findByCertificate(cert);
			v.require(field, known.isPresent() && known.get().validOn(today), "valid", "执法证" + cert + "已失效，不能据此收集证据");
			names.add(m.get().name() + "（" + cert + "）");
		}
		return String.join("、", names);
	}

}
