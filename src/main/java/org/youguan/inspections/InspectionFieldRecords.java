package org.youguan.inspections;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.documents.Attachment;
import org.youguan.documents.AttachmentDraft;
import org.youguan.documents.AttachmentOwner;
import org.youguan.documents.Attachments;
import org.youguan.documents.UploadedFile;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.Decimals;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Masking;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Text;
import org.youguan.kernel.TransactionLocks;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.org.CurrentUser;

/**
 * The field record (现场检查记录) made on the platform, on a phone at the inspected site: the inspection as
 * {@link InspectionRecords#record} takes it, plus the time of day, the result of every checklist line of every item
 * checked (符合 / 不符合 / 不涉及), the enterprise representative, the photos and the signatures. Photos and signatures
 * are content-checked by the documents module ({@link Attachments}) and held for the form's draft, so a form refused
 * for another reason keeps them; they become the record's attachments when it is saved. Read back with
 * {@link #get}, photos and signatures through the scoped download.
 */
@Service
public class InspectionFieldRecords {

	/** The documents module's name for this module's attachments. */
	public static final String MODULE = "inspections";

	/** The owner type of a record's photos and signatures. */
	public static final String RECORD = "inspection_record";

	/** Attachment kind: a photo taken on site. */
	public static final String PHOTO = "PHOTO";

	/** Attachment kind: a drawn signature (PNG) or an uploaded signed scan of the record. */
	public static final String SIGNATURE = "SIGNATURE";

	/** The result of one checklist line. */
	public enum LineResult {

		/** 符合 */
		COMPLIANT("符合"),
		/** 不符合 */
		NONCOMPLIANT("不符合"),
		/** 不涉及 */
		NOT_APPLICABLE("不涉及");

		private final String label;

		LineResult(String label) {
			this.label = label;
		}

		/** The Chinese name shown on pages and in the order. */
		public String label() {
			return label;
		}
	}

	/**
	 * The field record form as posted.
	 * @param enterpriseCreditCode the inspected enterprise
	 * @param planId the 双随机 plan of a drawn target (kind RANDOM), else null
	 * @param kind RANDOM (a drawn target), SPECIAL, SUPERVISION or COMPLAINT (ad hoc, no draw)
	 * @param inspectedOn the day (YYYY-MM-DD)
	 * @param inspectedAt the time of day (HH:mm)
	 * @param place where
	 * @param certificates the team's 执法证号 from the roster (at least two)
	 * @param items the item codes checked
	 * @param lines the result of each checklist line: key {@code CODE.i} (i from 0) → a {@link LineResult} name
	 * @param findings what was found
	 * @param representative the enterprise's representative present
	 * @param outcome NONE, INTERVIEW, RECTIFICATION or LEAD
	 * @param object the branch or outlet inspected as {@code BRANCH:<id>} or {@code OUTLET:<id>} (a drawn target's key),
	 * blank or {@code ENTERPRISE} for the enterprise itself
	 */
	public record FieldForm(String enterpriseCreditCode, Long planId, String kind, String inspectedOn,
			String inspectedAt, String place, List<String> certificates, List<String> items, Map<String, String> lines,
			String findings, String representative, String outcome, String object) {
	}

	/** One checklist line's result as recorded. */
	public record Line(String itemCode, String itemName, int position, String line, LineResult result) {
	}

	/** One inspector of the team as shown on site. */
	public record Member(String name, String certificateNumber) {
	}

	/**
	 * A record as its page shows it: everything recorded, the object inspected ({@code objectType} ENTERPRISE, BRANCH
	 * or OUTLET; for a branch or outlet its registry id and name), the region by code and name, the team with
	 * certificate numbers, the line results, the photos and signatures, and the order if one was issued.
	 */
	public record Detail(long id, String regionCode, String regionName, String enterpriseCreditCode,
			String enterpriseName, String objectType, Long objectId, String objectName, InspectionKind kind, Long planId,
			LocalDate inspectedOn, String inspectedAt, String place, InspectionOutcome outcome, String findings,
			String representative, boolean imported, String createdBy, List<Member> team, List<String> items,
			List<Line> lines, List<Attachment> photos, List<Attachment> signatures, Long orderId) {
	}

	private final JdbcClient jdbc;

	private final InspectionRecords records;

	private final InspectionItems items;

	private final Inspectors inspectors;

	private final Attachments attachments;

	private final long maxPhotoBytes;

	private final int maxPhotos;

	private final TransactionTemplate tx;

	InspectionFieldRecords(JdbcClient jdbc, InspectionRecords records, InspectionItems items, Inspectors inspectors,
			Attachments attachments, TransactionTemplate tx,
			@Value("${youguan.inspections.max-photo-bytes:5242880}") long maxPhotoBytes,
			@Value("${youguan.inspections.max-photos:12}") int maxPhotos) {
		this.jdbc = jdbc;
		this.records = records;
		this.items = items;
		this.inspectors = inspectors;
		this.attachments = attachments;
		this.maxPhotoBytes = maxPhotoBytes;
		this.maxPhotos = maxPhotos;
		this.tx = tx;
	}

	/** The draft of a field record form: its token (a hidden field; new when missing or malformed), for this user. */
	public static AttachmentDraft draft(String token, CurrentUser user) {
		return AttachmentDraft.of(MODULE, RECORD, token, user.getUsername());
	}

	/**
	 * Holds the files a field record form posted for its draft, each checked by content and size: photos (JPEG or
	 * PNG, at most {@code youguan.inspections.max-photos}, each within {@code youguan.inspections.max-photo-bytes}), the
	 * signature drawn on the page (a PNG data URL) and an uploaded signed scan (JPEG, PNG or PDF).
	 * @return the problems of the refused files, on the fields {@code photos}, {@code signature} and
	 * {@code signatureScan}; the other files are held
	 */
	@Transactional
	public List<FieldError> hold(AttachmentDraft draft, List<UploadedFile> photos, List<UploadedFile> scans,
			String drawnSignature) {
		List<FieldError> errors = new ArrayList<>();
		long held = attachments.held(draft).stream().filter(a -> a.kind().equals(PHOTO)).count();
		for (UploadedFile photo : photos) {
			if (held >= maxPhotos) {
				errors.add(new FieldError("photos", "count", "现场照片最多" + maxPhotos + "张"));
				break;
			}
			try {
				if (!attachments.check(photo, "photos", "现场照片", maxPhotoBytes).startsWith("image/")) {
					throw new InvalidValueException("photos", "content-type",
							"现场照片“" + photo.fileName() + "”不是JPEG或PNG图片（按文件内容判断）");
				}
				attachments.hold(draft, PHOTO, photo, "photos", "现场照片", maxPhotoBytes);
				held++;
			}
			catch (InvalidValueException ex) {
				errors.addAll(ex.fieldErrors());
			}
		}
		for (UploadedFile scan : scans) {
			try {
				attachments.hold(draft, SIGNATURE, scan, "signatureScan", "签字的检查记录扫描件", maxPhotoBytes);
			}
			catch (InvalidValueException ex) {
				errors.addAll(ex.fieldErrors());
			}
		}
		if (Text.blankToNull(drawnSignature) != null) {
			try {
				UploadedFile png = new UploadedFile("现场签名.png", dataUrl(drawnSignature));
				if (!"image/png".equals(attachments.check(png, "signature", "手写签名", maxPhotoBytes))) {
					throw new InvalidValueException("signature", "content-type", "手写签名应为PNG图片");
				}
				attachments.hold(draft, SIGNATURE, png, "signature", "手写签名", maxPhotoBytes);
			}
			catch (InvalidValueException ex) {
				errors.addAll(ex.fieldErrors());
			}
		}
		return errors;
	}

	/**
	 * Holds the files posted with a field record form ({@link #hold}) and records it ({@link #record}) in one
	 * transaction, one post of a draft at a time: the files are the step's, so a post refused as a duplicate (409, the
	 * same draft sent twice at once) or for a state leaves nothing — neither its files held nor them attached to the
	 * record the other post saved; a post refused for its fields (400) keeps its files held for the draft, so the form
	 * shown again lists them and the next submit takes them.
	 * @param otherErrors problems the page found before (the plan's id), reported with the others
	 * @return the record's id
	 * @throws InvalidValueException (400) naming each field that breaks a rule, the files held and nothing else saved
	 * @throws DomainException (409) the inspection recorded already; nothing saved
	 */
	public long submit(CurrentUser me, FieldForm form, AttachmentDraft draft, List<UploadedFile> photos,
			List<UploadedFile> scans, String drawnSignature, List<FieldError> otherErrors) {
		long[] id = new long[1];
		InvalidValueException refused = tx.execute(status -> {
			// the same draft posted twice at once: the second waits, then finds the first one's record (409)
			TransactionLocks.hold(jdbc, "inspection_record_draft:" + draft.token());
			List<FieldError> errors = new ArrayList<>(otherErrors);
			errors.addAll(hold(draft, photos, scans, drawnSignature));
			Object beforeRecord = status.createSavepoint();
			try {
				id[0] = record(me, form, draft, errors);
				return null;
			}
			catch (InvalidValueException ex) {
				// refused for its fields: the record's rows go, the files stay held for the form shown again
				status.rollbackToSavepoint(beforeRecord);
				return ex;
			}
		});
		if (refused != null) {
			throw refused;
		}
		return id[0];
	}

	private static byte[] dataUrl(String text) {
		String prefix = "data:image/png;base64,";
		if (!text.startsWith(prefix)) {
			throw new InvalidValueException("signature", "content-type", "手写签名应为签名板生成的PNG图片");
		}
		try {
			return Base64.getDecoder().decode(text.substring(prefix.length()).strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidValueException("signature", "image", "手写签名不是有效的图片数据");
		}
	}

	/** The files held for a field record form's draft (only its holder's), oldest first. */
	public List<Attachment> held(AttachmentDraft draft) {
		return attachments.held(draft);
	}

	/** Lets go of one file held for a field record form's draft (its "remove" button). */
	@Transactional
	public void release(AttachmentDraft draft, long attachmentId) {
		attachments.release(draft, attachmentId);
	}

	/**
	 * Records a field inspection in one transaction, every problem reported at once, each naming its field in
	 * Chinese: the checks of {@link InspectionRecords#record} (enterprise in scope, day, team of at least two — 邮政法(2015)
	 * art.63, 行政处罚法(2021) art.42 —, items, findings unless no problem), plus: the team taken from the roster by
	 * certificate number; the time of day; the representative; a result for every checklist line of every item
	 * checked, and no outcome 无问题 when a line does not comply; at least one signature (drawn or scanned) held for
	 * the draft; a drawn target (kind RANDOM) only from a plan the caller sees that drew the enterprise, in the plan's period
	 * and not before its draw, by the drawn team free of the plan's conflicts and by the plan's bureau or one above — the
	 * check {@link InspectionRecords#record} makes of every 双随机 record ({@link InspectionPlans#drawnRecordProblems}: fields
	 * {@code planId}, {@code enterpriseCreditCode}, {@code object}, {@code inspectedOn}, {@code inspectors}). The held
	 * photos and signatures become the record's attachments.
	 * @param fileErrors the problems of the files {@link #hold} refused, reported with the others
	 * @return the record's id
	 * @throws InvalidValueException (400) naming each field that breaks a rule; nothing is saved then
	 */
	@Transactional
	public long record(CurrentUser me, FieldForm form, AttachmentDraft draft, List<FieldError> fileErrors) {
		DataScope scope = me.scope();
		Validation v = new Validation();
		fileErrors.forEach(e -> v.require(e.field(), false, e.rule(), e.message()));
		List<InspectionRecordData.TeamMember> team = new ArrayList<>();
		List<String> certificates = form.certificates() == null ? List.of()
				: form.certificates().stream().filter(c -> Text.blankToNull(c) != null).map(Inspectors::certificateNumber).toList();
		for (int i = 0; i < certificates.size(); i++) {
			String c = certificates.get(i);
			var known = inspectors.findByCertificate(c);
			v.require("inspectors[" + i + "]", known.isPresent(), "exists",
					"第" + (i + 1) + "名检查人员不在检查人员名录库中：执法证号" + (c.length() > 40 ? c.substring(0, 40) : c));
			team.add(new InspectionRecordData.TeamMember(known.map(Inspector::name).orElse(c), c));
		}
		LocalTime at = null;
		if (Text.blankToNull(form.inspectedAt()) == null) {
			v.require("inspectedAt", false, "required", "检查时间不能为空");
		}
		else {
			try {
				at = LocalTime.parse(Text.strip(form.inspectedAt()));
			}
			catch (DateTimeParseException ex) {
				v.require("inspectedAt", false, "format", "检查时间应为“时:分”，如09:30");
			}
		}
		v.name("representative", "企业现场负责人", form.representative(), 50)
			.personName("representative", "企业现场负责人", form.representative());
		boolean random = "RANDOM".equalsIgnoreCase(Text.blankToNull(form.kind()) == null ? "" : Text.strip(form.kind()));
		Long planId = random ? form.planId() : null;
		String objectType = null;
		Long objectId = null;
		String object = Text.blankToNull(form.object()) == null ? "ENTERPRISE" : Text.strip(form.object());
		if (!object.equals("ENTERPRISE")) {
			String[] parts = object.split(":", 2);
			objectType = parts[0];
			// ASCII or full-width digits only: Long.valueOf would read an Arabic-Indic ٣ as 3
			objectId = parts.length == 2 ? Decimals.whole(parts[1]) : null;
			if (!(objectType.equals("BRANCH") || objectType.equals("OUTLET")) || objectId == null) {
				v.require("object", false, "format", "检查对象应为企业本身、分支机构或末端网点");
				objectType = null;
				objectId = null;
			}
		}
		List<LineValue> lines = lines(v, scope, form);
		boolean noncompliant = lines.stream().anyMatch(l -> l.result() == LineResult.NONCOMPLIANT);
		v.require("outcome", !(noncompliant && "NONE".equalsIgnoreCase(Text.strip(String.valueOf(form.outcome())))), "consistent",
				"有不符合的检查内容时，检查结果不能为无问题");
		v.require("outcome", noncompliant || lines.isEmpty()
				|| !"RECTIFICATION".equalsIgnoreCase(Text.strip(String.valueOf(form.outcome()))), "consistent",
				"检查内容没有不符合项时，检查结果不能为责令改正：责令改正须针对检查发现的不符合项");
		boolean signed = attachments.held(draft).stream().anyMatch(a -> a.kind().equals(SIGNATURE));
		v.require("signature", signed, "required", Wording.of("inspections.refusal.signatureRequired"), "签名：请企业现场负责人在签名板上签名，或上传签字的检查记录扫描件");
		long id = 0;
		try {
			id = records.record(scope, me.bureauId(), new InspectionRecordData(form.enterpriseCreditCode(),
					form.inspectedOn(), form.kind(), form.items(), team, form.outcome(), form.findings(), null,
					form.place(), objectType, objectId, planId), false, false);
		}
		catch (InvalidValueException ex) {
			// the form has one field for the object inspected: the API's objectType/objectId are its "object"
			ex.fieldErrors().forEach(e -> v.require(e.field().startsWith("object") ? "object" : e.field(), false, e.rule(),
					e.message()));
		}
		v.throwIfInvalid();
		jdbc.sql("UPDATE inspection_record SET inspected_at = :at, representative = :rep WHERE id = :id")
			.param("at", at).param("rep", Text.name(form.representative())).param("id", id).update();
		for (LineValue l : lines) {
			jdbc.sql("""
					INSERT INTO inspection_record_line (record_id, item_code, position, line, result)
					VALUES (:id, :item, :pos, :line, :result)""")
				.param("id", id).param("item", l.itemCode()).param("pos", l.position()).param("line", l.line())
				.param("result", l.result().name()).update();
		}
		attachments.attach(draft, new AttachmentOwner(MODULE, RECORD, id));
		return id;
	}

	private record LineValue(String itemCode, int position, String line, LineResult result) {
	}

	private List<LineValue> lines(Validation v, DataScope scope, FieldForm form) {
		List<LineValue> result = new ArrayList<>();
		if (form.items() == null) {
			return result;
		}
		Map<String, InspectionItem> catalogue = new LinkedHashMap<>();
		items.list(scope).forEach(i -> catalogue.put(i.code(), i));
		Map<String, String> posted = form.lines() == null ? Map.of() : form.lines();
		for (String code : form.items().stream().map(c -> c == null ? "" : Text.strip(c).toUpperCase()).distinct().toList()) {
			InspectionItem item = catalogue.get(code);
			if (item == null) {
				continue;
			}
			for (int i = 0; i < item.checklist().size(); i++) {
				String field = "lines." + code + "." + i;
				String value = posted.get(code + "." + i);
				LineResult r = null;
				try {
					r = value == null || Text.isBlank(value) ? null : LineResult.valueOf(Text.strip(value));
				}
				catch (IllegalArgumentException ex) {
					// reported below as not chosen
				}
				v.require(field, r != null, "required", "“" + item.name() + "”第" + (i + 1) + "项“" + item.checklist().get(i)
						+ "”请选择符合、不符合或不涉及");
				if (r != null) {
					result.add(new LineValue(code, i + 1, item.checklist().get(i), r));
				}
			}
		}
		return result;
	}

	/**
	 * A record the caller may see — staff in their region, an enterprise its own — with everything recorded; for an
	 * enterprise the ID and mobile numbers in the findings and the place are masked ({@link Masking#personalNumbersIn}):
	 * the findings may name a sender or a courier, who is not the enterprise, as the notice served on it masks them; for
	 * the same reason the record's photos and signatures are not listed to it (nor served, {@code InspectionAttachmentAccess}).
	 * @throws DomainException not-found otherwise
	 */
	public Detail get(DataScope scope, long id) {
		record Head(long id, String regionCode, String regionName, String enterpriseCreditCode, String enterpriseName,
				String objectType, Long objectId, String objectName, InspectionKind kind, Long planId,
				LocalDate inspectedOn, String inspectedAt, String place, InspectionOutcome outcome, String findings,
				String representative, boolean imported, String createdBy, Long orderId) {
		}
		Head h = jdbc.sql("""
				SELECT r.id, r.region_code, coalesce(rn.name, r.region_code) AS region_name, r.enterprise_credit_code,
				       r.enterprise_name, r.object_type, r.object_id, r.object_name, r.kind, r.plan_id, r.inspected_on,
				       to_char(r.inspected_at, 'HH24:MI') AS inspected_at, r.place, r.outcome, r.findings, r.representative, r.imported, r.created_by,
				       (SELECT o.id FROM rectification_order o WHERE o.record_id = r.id) AS order_id
				FROM inspection_record r LEFT JOIN region_name rn ON rn.code = r.region_code WHERE r.id = :id AND\s"""
				+ scope.enterprisePredicate("r.enterprise_credit_code", "r.region_code"))
			.params(scope.params()).param("id", id)
			.query(Rows.of(Head.class)).optional()
			.orElseThrow(() -> DomainException.notFound("检查记录", id));
		List<Member> team = jdbc.sql("""
				SELECT name, certificate_number FROM inspection_record_inspector WHERE record_id = :id ORDER BY position""")
			.param("id", id).query(Rows.of(Member.class)).list();
		List<String> codes = jdbc.sql("SELECT item_code FROM inspection_record_item WHERE record_id = :id ORDER BY item_code")
			.param("id", id).query(String.class).list();
		List<Line> lines = jdbc.sql("""
				SELECT l.item_code, coalesce(i.name, l.item_code) AS item_name, l.position, l.line, l.result
				FROM inspection_record_line l LEFT JOIN inspection_item i ON i.code = l.item_code
				WHERE l.record_id = :id ORDER BY i.sort_order, l.item_code, l.position""")
			.param("id", id).query(Rows.of(Line.class)).list();
		List<Attachment> files = attachments.list(new AttachmentOwner(MODULE, RECORD, id));
		boolean party = scope.kind() == DataScope.Kind.ENTERPRISE;
		return new Detail(h.id(), h.regionCode(), h.regionName(), h.enterpriseCreditCode(), h.enterpriseName(),
				h.objectType(), h.objectId(), h.objectName(), h.kind(), h.planId(), h.inspectedOn(), h.inspectedAt(),
				party ? Masking.personalNumbersIn(h.place()) : h.place(), h.outcome(),
				party ? Masking.personalNumbersIn(h.findings()) : h.findings(), h.representative(), h.imported(),
				h.createdBy(), team, codes, lines,
				// the files are the bureau's staff's alone (InspectionAttachmentAccess): none listed to the enterprise
				party ? List.of() : files.stream().filter(a -> a.kind().equals(PHOTO)).toList(),
				party ? List.of() : files.stream().filter(a -> a.kind().equals(SIGNATURE)).toList(), h.orderId());
	}

	/** Item names by code (the whole catalogue), for pages and the order document. */
	public Map<String, String> itemNames() {
		Map<String, String> names = new LinkedHashMap<>();
		jdbc.sql("SELECT code, name FROM inspection_item ORDER BY sort_order, code")
			.query((rs, i) -> names.put(rs.getString(1), rs.getString(2)))
			.list();
		return names;
	}
}
