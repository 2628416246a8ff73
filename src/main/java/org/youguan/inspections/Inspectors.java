package org.youguan.inspections;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.RegionPrefix;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Text;
import org.youguan.kernel.UniqueIdentifiers;
import org.youguan.kernel.Wording;
import org.youguan.org.Bureaus;

/**
 * 检查人员名录库: staff holding an enforcement certificate (执法证), by bureau. Inspections need at least two of them,
 * each showing the certificate (邮政法(2015) art.63; 行政处罚法(2021) art.42); an expired certificate stays on the roster
 * but is never drawn.
 */
@Service
public class Inspectors {

	/**
	 * A roster entry to register.
	 * @param bureauId the inspector's bureau (inside the caller's scope)
	 * @param userId the staff member's account, or null
	 * @param name the name as on the certificate
	 * @param certificateNumber 执法证号 (unique)
	 * @param validUntil the certificate's last valid day
	 * @param avoidCreditCodes enterprises the inspector must not inspect (declared relations), or null
	 */
	public record InspectorData(Long bureauId, Long userId, String name, String certificateNumber, LocalDate validUntil,
			List<String> avoidCreditCodes) {
	}

	static final String COLUMNS = """
			SELECT i.id, i.bureau_id, b.name AS bureau_name, i.region_code, i.user_id, i.name, i.certificate_number,
			       i.valid_until, i.avoid_credit_codes""";

	static final String FROM = "FROM inspector i JOIN bureau_name b ON b.id = i.bureau_id";

	static final Map<String, String> SORTS = Map.of("name", "i.name", "region_code", "i.region_code", "valid_until",
			"i.valid_until");

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	private final Bureaus bureaus;

	Inspectors(JdbcClient jdbc, AuditTrail audit, Clock clock, Bureaus bureaus) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.bureaus = bureaus;
	}

	/**
	 * Adds a certified inspector to the roster of a bureau in the caller's scope; audited.
	 * @return the roster entry's id
	 * @throws InvalidValueException naming the field for a missing or malformed value, or {@code validUntil} (rule
	 * {@code expired}) for a certificate no longer valid today ({@link #requireUnexpired})
	 * @throws DomainException (duplicate) when the certificate number is already on the roster; not found (404, before
	 * any field) for a {@code bureauId} unknown or outside the caller's scope
	 */
	@Transactional
	public long register(DataScope scope, InspectorData data) {
		return register(scope, data, List.of());
	}

	/**
	 * As {@link #register(DataScope, InspectorData)} for a form that read its values first: its failures
	 * ({@code formErrors}) are answered together with every failure of these checks, nothing saved while any exists.
	 */
	@Transactional
	public long register(DataScope scope, InspectorData data, List<FieldError> formErrors) {
		return register(scope, data, formErrors, LocalDate.now(clock));
	}

	/**
	 * As {@link #register(DataScope, InspectorData)} for an entry the roster took on an earlier day {@code enteredOn}
	 * (the demo's roster, which shows a certificate that has run out since): the certificate must have been valid on
	 * that day, not today. No request reaches it.
	 * @throws InvalidValueException as {@link #register(DataScope, InspectorData)}, {@code validUntil} judged on
	 * {@code enteredOn}
	 */
	@Transactional
	public long registerEnteredOn(DataScope scope, InspectorData data, LocalDate enteredOn) {
		return register(scope, data, List.of(), enteredOn);
	}

	/**
	 * Refuses a new roster entry of the bureau {@code bureauId} names (as sent: a form field or a JSON body's, before
	 * the rest is bound) when that bureau is unknown or outside the caller's scope: 404 naming 所属单位, as
	 * {@link #register} decides first. A value that is no record number is left to the step (its field's format).
	 * @throws DomainException 404 for a bureau not there to the caller
	 */
	public void requireBureau(DataScope scope, String bureauId) {
		if (bureauId != null && bureauId.matches("[0-9]{1,18}")) {
			bureauRegion(scope, Long.parseLong(bureauId));
		}
	}

	/** The region of the bureau {@code bureauId} (null: none named), else 404 when unknown or outside the scope. */
	private String bureauRegion(DataScope scope, Long bureauId) {
		String region = bureauId == null ? null
				: jdbc.sql("SELECT region_code FROM bureau_name WHERE id = :id").param("id", bureauId)
					.query(String.class).optional().orElse(null);
		if (bureauId != null && (region == null || !scope.containsRegion(region))) {
			throw DomainException.notFound("所属单位", bureauId);
		}
		return region;
	}

	private long register(DataScope scope, InspectorData data, List<FieldError> formErrors, LocalDate enteredOn) {
		// access before fields: the bureau the inspector is registered with is found in the caller's scope first — one
		// unknown or outside it is not there (404), whatever else was sent
		String region = bureauRegion(scope, data.bureauId());
		Validation v = Validation.after(formErrors);
		List<String> avoid = validate(v, data);
		requireUnexpired(v, data.validUntil(), enteredOn);
		v.require("bureauId", region != null, "required", "所属单位不能为空");
		v.throwIfInvalid();
		String certificate = certificateNumber(data.certificateNumber());
		if (certificateTaken(certificate, 0)) {
			throw DomainException.duplicate("certificateNumber", Wording.of("inspections.refusal.certificateTaken", certificate),
					"执法证号已在检查人员名录库中：" + certificate);
		}
		long id = jdbc.sql("""
				INSERT INTO inspector (bureau_id, region_code, user_id, name, certificate_number, valid_until,
				    avoid_credit_codes, created_at)
				VALUES (:bureau, :region, :user, :name, :certificate, :validUntil, :avoid, :now) RETURNING id""")
			.param("bureau", data.bureauId())
			.param("region", region)
			.param("user", data.userId())
			.param("name", Text.name(data.name()))
			.param("certificate", certificate)
			.param("validUntil", data.validUntil())
			.param("avoid", avoid.toArray(String[]::new))
			.param("now", OffsetDateTime.now(clock))
			.query(Long.class)
			.single();
		audit.record(AuditEntry.of("inspector.register", "inspector", id, "检查人员入库：" + Text.name(data.name()) + "（执法证号"
				+ certificate + "，有效期至" + ChineseText.day(data.validUntil()) + "）").inRegion(region));
		return id;
	}

	/** A page of the roster in the caller's scope, searched by name or certificate number. */
	public PageResult<Inspector> list(DataScope scope, PageQuery page) {
		return list(scope, null, null, page);
	}

	/** What the roster's validity filter accepts: certificates valid today, or expired. */
	public static final List<String> VALIDITIES = List.of("valid", "expired");

	/**
	 * A page of the roster in the caller's scope (the page, the API list and the export alike): of one bureau when
	 * {@code bureauId} is given, of valid or expired certificates (today, {@link #VALIDITIES}) when {@code validity} is
	 * given, searched by name or certificate number, sorted by region (default), name or valid-until.
	 * @throws InvalidValueException (400) naming {@code validity} when it is not one of {@link #VALIDITIES}
	 * @throws org.youguan.kernel.AccessRefusedException (403, {@code bureau}) for a bureau outside the caller's scope
	 *         ({@link Bureaus#requireFilter}), not the caller's own roster
	 */
	public PageResult<Inspector> list(DataScope scope, Long bureauId, String validity, PageQuery page) {
		bureaus.requireFilter(scope, bureauId, "bureau");
		String chosen = Text.blankToNull(validity);
		if (chosen != null && !VALIDITIES.contains(chosen)) {
			throw new InvalidValueException("validity", "one-of", "执法证状态只能是valid（有效）或expired（已过期）");
		}
		LocalDate today = LocalDate.now(clock);
		return Listing.from(FROM)
			.scope(scope, "i.region_code")
			.where("i.active")
			.where(bureauId != null, "i.bureau_id = :bureau", "bureau", bureauId == null ? 0L : bureauId)
			.where("valid".equals(chosen), "i.valid_until >= :today", "today", today)
			.where("expired".equals(chosen), "i.valid_until < :today", "today", today)
			.search(page, "i.name", "i.certificate_number")
			.sorts(SORTS, "region_code", "i.id")
			.page(jdbc, COLUMNS, page, Rows.of(Inspector.class));
	}

	/** A roster entry in the caller's scope. @throws DomainException not-found otherwise */
	public Inspector get(DataScope scope, long id) {
		return jdbc.sql(COLUMNS + " " + FROM + " WHERE i.id = :id AND i.active AND " + scope.regionPredicate("i.region_code"))
			.params(scope.params())
			.param("id", id)
			.query(Rows.of(Inspector.class))
			.optional()
			.orElseThrow(() -> DomainException.notFound("检查人员", id));
	}

	/**
	 * Corrects a roster entry in the caller's scope — name, certificate number, valid-until (a renewed certificate) and
	 * the avoidance list (declared relations); the bureau and the account stay. Audited with what changed.
	 * @throws InvalidValueException naming the field for a missing or malformed value, or {@code validUntil} (rule
	 * {@code expired}) when it changes to a day before today, or the certificate number changes (a reissued
	 * certificate) while the day is before today ({@link #requireUnexpired}, as on registration); an entry whose
	 * certificate stays (a corrected name, the relations) keeps its day whatever it is
	 * @throws DomainException not-found out of scope; duplicate when another entry holds the certificate number
	 */
	@Transactional
	public void update(DataScope scope, long id, InspectorData data) {
		update(scope, id, data, List.of());
	}

	/**
	 * As {@link #update(DataScope, long, InspectorData)} for a form that read its values first: its failures
	 * ({@code formErrors}) are answered together with every failure of these checks, nothing saved while any exists.
	 */
	@Transactional
	public void update(DataScope scope, long id, InspectorData data, List<FieldError> formErrors) {
		Inspector old = get(scope, id);
		Validation v = Validation.after(formErrors);
		List<String> avoid = validate(v, data);
		String typedCertificate = data.certificateNumber() == null || Text.isBlank(data.certificateNumber()) ? null
				: certificateNumber(data.certificateNumber());
		if (!old.validUntil().equals(data.validUntil())
				|| typedCertificate != null && !typedCertificate.equals(old.certificateNumber())) {
			// a renewal, a reissued certificate (a new number) or a correction of the day enters a certificate as a
			// registration does: valid today; an entry left as it stood (its name, its relations) keeps its expired day
			requireUnexpired(v, data.validUntil(), LocalDate.now(clock));
		}
		v.throwIfInvalid();
		String certificate = certificateNumber(data.certificateNumber());
		if (certificateTaken(certificate, id)) {
			throw DomainException.duplicate("certificateNumber", Wording.of("inspections.refusal.certificateTaken", certificate),
					"执法证号已在检查人员名录库中：" + certificate);
		}
		jdbc.sql("""
				UPDATE inspector SET name = :name, certificate_number = :certificate, valid_until = :validUntil,
				    avoid_credit_codes = :avoid WHERE id = :id""")
			.param("name", Text.name(data.name()))
			.param("certificate", certificate)
			.param("validUntil", data.validUntil())
			.param("avoid", avoid.toArray(String[]::new))
			.param("id", id)
			.update();
		List<String> changes = new ArrayList<>();
		if (!old.name().equals(Text.name(data.name()))) {
			changes.add("姓名 " + old.name() + " → " + Text.name(data.name()));
		}
		if (!old.certificateNumber().equals(certificate)) {
			changes.add("执法证号 " + old.certificateNumber() + " → " + certificate);
		}
		if (!old.validUntil().equals(data.validUntil())) {
			changes.add("有效期 " + ChineseText.day(old.validUntil()) + " → " + ChineseText.day(data.validUntil()));
		}
		if (!old.avoidCreditCodes().equals(avoid)) {
			changes.add("回避企业 " + (avoid.isEmpty() ? "无" : String.join("、", avoid)));
		}
		audit.record(AuditEntry.of("inspector.update", "inspector", id, "修改检查人员：" + Text.name(data.name()) + "（"
				+ (changes.isEmpty() ? "无变化" : String.join("；", changes)) + "）").inRegion(old.regionCode()));
	}

	/**
	 * A certificate entered or renewed on the roster is valid today (邮政法(2015) art.63 and 行政处罚法(2021) art.42:
	 * inspections by holders of a valid 执法证): a last valid day before {@code today} is refused (rule {@code expired}) —
	 * the roster would hold a holder no inspection may take. A day outside the record range is already refused.
	 */
	private static void requireUnexpired(Validation v, LocalDate validUntil, LocalDate today) {
		if (validUntil != null && !validUntil.isBefore(Validation.EARLIEST_RECORD)) {
			v.require("validUntil", !validUntil.isBefore(today), "expired",
					"执法证有效期至" + ChineseText.day(validUntil) + "，已过期：只能登记今天（" + ChineseText.day(today) + "）仍有效的执法证");
		}
	}

	private static List<String> validate(Validation v, InspectorData data) {
		v.name("name", "姓名", data.name(), 50).personName("name", "姓名", data.name());
		v.required("certificateNumber", "执法证号", data.certificateNumber())
			.maxLength("certificateNumber", "执法证号", data.certificateNumber(), 40)
			.voucherNumber("certificateNumber", "执法证号", data.certificateNumber());
		v.require("validUntil", data.validUntil() != null, "required", "执法证有效期至不能为空");
		v.within("validUntil", "执法证有效期至", data.validUntil(), Validation.EARLIEST_RECORD, Validation.LATEST_RECORD);
		List<String> avoid = new ArrayList<>();
		if (data.avoidCreditCodes() != null) {
			for (String code : data.avoidCreditCodes()) {
				if (code == null || Text.isBlank(code)) {
					continue;
				}
				String c = v.check("avoidCreditCodes", () -> CreditCode.of(code).value());
				if (c != null && !avoid.contains(c)) {
					avoid.add(c);
				}
			}
		}
		return avoid;
	}

	/**
	 * The inspectors that may be drawn for inspections in the region {@code prefix} on {@code day}: active, with a
	 * certificate valid that day, of a bureau inside the region or above it (a city's inspectors serve its
	 * counties); in certificate order, so a draw over them is reproducible.
	 */
	public List<Inspector> drawable(String prefix, LocalDate day) {
		return drawable(prefix, day, "");
	}

	/**
	 * The inspectors that may be drawn as {@link #drawable(String, LocalDate)}, of the bureau of region {@code owner}
	 * and those below it only: a county's plan draws from the county's own roster, a city's from the city's and its
	 * counties'.
	 */
	public List<Inspector> drawable(String prefix, LocalDate day, String owner) {
		return jdbc.sql(COLUMNS + " " + FROM + " WHERE i.active AND i.valid_until >= :day AND ("
				+ RegionPrefix.of(prefix).predicate("i.region_code") + " OR :prefix LIKE i.region_code || '%') AND "
				+ RegionPrefix.of(owner).predicate("i.region_code") + " ORDER BY i.certificate_number")
			.param("day", day)
			.param("prefix", prefix)
			.query(Rows.of(Inspector.class))
			.list();
	}

	/**
	 * A team named on a request — each member's name and the 执法证号 shown — checked against the roster (邮政法(2015)
	 * art.63; 行政处罚法(2021) art.42): at least {@code min} members; each with a name and a certificate number; no
	 * certificate twice (rule {@code duplicate}); each certificate on the roster and of a bureau {@code bureaus} allows —
	 * an unknown certificate and another bureau's are the one error {@code exists}, which names no holder (no certificate
	 * is enumerated for a name); then the holder's name as the roster has it ({@code matches}) and the certificate valid
	 * on {@code day} ({@code valid}). Errors on {@code list} and {@code list[i].name} / {@code list[i].certificateNumber}.
	 * @param who the members in Chinese for the messages (核查人员, 调查人员)
	 * @param basis the articles the minimum cites, in Chinese
	 * @return the roster entries of the members found, in the order given (every member when {@code v} holds no error)
	 */
	public List<Inspector> team(Validation v, String list, String who, List<InspectionRecordData.TeamMember> team, int min,
			String basis, InspectionRecords.TeamBureaus bureaus, LocalDate day) {
		List<InspectionRecordData.TeamMember> given = team == null ? List.of() : team.stream().filter(m -> m != null
				&& (!Text.isBlank(m.name()) || !Text.isBlank(m.certificateNumber()))).toList();
		v.require(list, given.size() >= min, "min", who + "不得少于" + min + "人，并应出示执法证件（" + basis + "）");
		List<Inspector> found = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < given.size(); i++) {
			InspectionRecordData.TeamMember m = given.get(i);
			String field = list + "[" + i + "]";
			v.required(field + ".name", who + "姓名", m.name()).name(field + ".name", who + "姓名", m.name())
				.personName(field + ".name", who + "姓名", m.name())
				.required(field + ".certificateNumber", "执法证号", m.certificateNumber())
				.maxLength(field + ".certificateNumber", "执法证号", m.certificateNumber(), 40)
				.voucherNumber(field + ".certificateNumber", "执法证号", m.certificateNumber());
			if (Text.isBlank(m.name()) || Text.isBlank(m.certificateNumber())) {
				continue;
			}
			String certificate = certificateNumber(m.certificateNumber());
			if (!seen.add(certificate)) {
				v.require(field + ".certificateNumber", false, "duplicate", "执法证号" + certificate + "重复，每名" + who + "只能填写一次");
				continue;
			}
			Optional<Inspector> known = findByCertificate(certificate).filter(bureaus::allows);
			if (known.isEmpty()) {
				v.require(field + ".certificateNumber", false, "exists", "执法证号" + certificate + "不在检查人员名录库中，或不是"
						+ bureaus.rule());
				continue;
			}
			v.require(field + ".name", Text.name(known.get().name()).equals(Text.name(m.name())), "matches",
					who + "姓名与名录库中执法证号" + certificate + "的持证人不符");
			v.require(field + ".certificateNumber", known.get().validOn(day), "valid",
					"执法证" + certificate + "在" + ChineseText.day(day) + "已过有效期（至" + ChineseText.day(known.get().validUntil()) + "）");
			found.add(known.get());
		}
		return found;
	}

	/**
	 * The roster entry holding this certificate number, if any (whatever its validity): the number as typed, read as
	 * {@link #certificateNumber} writes it (full-width digits and letters, other dashes, lower-case letters), the form
	 * the roster stores it in.
	 */
	public Optional<Inspector> findByCertificate(String certificateNumber) {
		String c = certificateNumber(certificateNumber);
		// compared as every identifier is (Text.identifierKey): 苏a 001 typed is the holder of 苏A-001
		return jdbc.sql(COLUMNS + " " + FROM + " WHERE " + Text.identifierKeySql("i.certificate_number") + " = :c ORDER BY i.id LIMIT 1")
			.param("c", c == null ? "" : Text.identifierKey(c))
			.query(Rows.of(Inspector.class))
			.optional();
	}

	/**
	 * Whether a roster entry other than {@code selfId} holds this certificate number or a look-alike of it
	 * ({@link UniqueIdentifiers}: letter case, spaces, dashes and underscores folded — "JS 0001" is "JS-0001").
	 */
	private boolean certificateTaken(String certificate, long selfId) {
		return UniqueIdentifiers.taken(jdbc, "inspector", "certificate_number", certificate, "id <> :self",
				Map.of("self", selfId));
	}

	/**
	 * A 执法证号 as the roster stores and looks it up, and as every copy of it is stored — a case's investigators, an
	 * inspection record's team, a plan's drawn team: {@link Text#identifier} (NFKC: full-width digits and letters
	 * become ASCII; an automatic number's dashes and padding as the series writes them), its Latin letters in upper
	 * case — the letters of a certificate number are a code (苏JS-0001), so js-0001 typed on a case team is the same
	 * certificate and cannot pass as another one.
	 * @param typed the number as typed
	 * @return the written form, null when blank
	 */
	public static String certificateNumber(String typed) {
		String n = Text.identifier(typed);
		return n == null ? null : n.toUpperCase(Locale.ROOT);
	}
}
