package org.youguan.universal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.Actors;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.org.Bureaus;
import org.youguan.org.Role;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.Listing.Masked;
import org.youguan.kernel.Masking;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.RegionPrefix;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Text;
import org.youguan.kernel.TransactionLocks;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.region.RegionCode;
import org.youguan.region.Regions;

/**
 * The simple 普遍服务监督 records of a bureau — 机要通信 checks, 党报当日见报 checks, 政务服务大厅 postal windows,
 * 农村网点 on-site visits and the 社会监督员 register (邮政法(2015) arts.8, 15) — kept by one check, one table and
 * one list, each kind using the fields {@link SupervisionKind} names. Records lie in a county (or city) of the caller's
 * region: a county bureau sees and edits only its own, every change is audited, a 社会监督员's name is masked wherever
 * records are listed. Past records come in through {@link #importRecords} (JSON) or {@link SupervisionImport} (.xlsx),
 * checked by the same check, all or nothing.
 */
@Service
public class SupervisionRecords {

	private static final String AUDIT_TYPE = "UniversalSupervision";

	/**
	 * Who keeps a region's records: the 处室工作人员 ({@code UniversalAccess.WRITERS}) of the bureau handling the region
	 * ({@link Bureaus#staffed}) — a county bureau on the platform with none enabled (苏州市虎丘区邮政管理局 set up without
	 * accounts) keeps nothing, its city's bureau records and corrects the county's records, as outlet filings and
	 * complaints of such a county are the city's.
	 */
	static final Set<Role> TAKERS = Bureaus.CASE_HANDLERS;

	private static final String COLUMNS = """
			SELECT s.id, s.kind, s.region_code, r.name AS region_name, s.day, s.until_on AS until, s.subject, s.place,
			    s.detail, s.inspectors, s.inspector_count, s.flag, s.findings, s.imported,
			    (SELECT count(*) FROM universal_supervisor_report p WHERE p.supervisor_id = s.id) AS reports""";

	/** A record's values after its check: what is stored. */
	public record Checked(SupervisionKind kind, String region, LocalDate day, LocalDate until, String subject,
			String place, String detail, String inspectors, Integer inspectorCount, Boolean flag, String findings) {

		Map<String, Object> state() {
			Map<String, Object> s = new LinkedHashMap<>();
			s.put("region", region);
			s.put("day", day.toString());
			if (until != null) {
				s.put("until", until.toString());
			}
			s.put("subject", kind.personal() ? Masking.name(subject) : subject);
			s.put("place", place);
			s.put("detail", detail);
			s.put("inspectors", inspectors);
			s.put("flag", flag);
			s.put("findings", findings);
			return s;
		}
	}

	/** A report a 社会监督员 handed in. */
	public record Report(long id, LocalDate receivedOn, String summary, String recordedBy) {
	}

	/**
	 * A list's filters.
	 * @param region a region code within the caller's scope, or blank for all of it
	 * @param from the first day (inclusive), or null
	 * @param to the last day (inclusive), or null
	 */
	public record Filter(String region, LocalDate from, LocalDate to) {
	}

	private final JdbcClient jdbc;

	private final Regions regions;

	private final AuditTrail audit;

	private final Clock clock;

	private final Bureaus bureaus;

	SupervisionRecords(JdbcClient jdbc, Regions regions, AuditTrail audit, Clock clock, Bureaus bureaus) {
		this.bureaus = bureaus;
		this.jdbc = jdbc;
		this.regions = regions;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Checks a record of a kind without saving it, naming every field that fails: region (blank is the caller's own;
	 * an existing county — for 党报 and 社会监督员 — or city or county code inside the caller's region), day (required,
	 * a date not after today; a 社会监督员's term may start later), until (社会监督员: required, not before day), subject
	 * (required, at most 200 characters), place and detail (政务服务大厅: required, at most 200 and 500), inspectors
	 * (机要通信: at least one name, at most 400 characters; their count is the check's 人次), flag (机要通信, 党报, 网点:
	 * required), findings (required when an incident or a 督办 is recorded; at most 1000 characters).
	 * @throws InvalidValueException with every failing field
	 */
	public Checked check(DataScope scope, SupervisionKind kind, SupervisionData data) {
		return check(scope, kind, data, null);
	}

	/**
	 * {@link #check(DataScope, SupervisionKind, SupervisionData)} of a correction: the unit and place as stored pass
	 * unchanged (a record stored before personal numbers were refused in them is corrected without retyping them —
	 * the edit form reads them as recorded); a changed one is checked.
	 * @param stored the record as stored, null for a new one
	 */
	private Checked check(DataScope scope, SupervisionKind kind, SupervisionData data, Checked stored) {
		if (data == null) {
			throw new InvalidValueException("subject", "required", "请提交" + kind.title() + "记录");
		}
		LocalDate today = LocalDate.now(clock);
		Validation v = new Validation();
		String region = RegionCode.typed(data.region());
		if (region == null && scope.kind() == DataScope.Kind.REGION && !scope.regionPrefix().isEmpty()) {
			region = scope.regionPrefix();
		}
		boolean county = region != null && region.matches("\\d{6}") && !region.endsWith("00");
		boolean city = region != null && (region.matches("\\d{4}") || region.matches("\\d{4}00"));
		if (region == null) {
			v.require("region", false, "required", "请选择所属县（市、区）");
		}
		else if (!(county || (!kind.county() && city))) {
			v.require("region", false, "format", kind.county() ? "所属县（市、区）应为6位县级行政区划代码"
					: "所属地区应为4位市级或6位县级行政区划代码");
		}
		else if (!scope.containsRegion(region)) {
			// a region outside the scope is not there (404), before any other field is told
			scope.refuseWithin("region", region, "行政区划" + region);
		}
		else if (regions.find(region).isEmpty()) {
			v.require("region", false, "exists", "所属地区行政区划代码不存在：" + region);
		}
		LocalDate latest = kind.term() ? Validation.LATEST_RECORD : today;
		v.required("day", kind.dayLabel(), data.day());
		// a check, a visit, an appointment by the bureau: its own act, from 2000 as every act it keeps (1949 let a year
		// typed 1950 for 2050 stand and count in that year's figures)
		LocalDate day = v.date("day", kind.dayLabel(), data.day(), Validation.EARLIEST_ACT, latest);
		LocalDate until = null;
		if (kind.term()) {
			v.required("until", kind.untilLabel(), data.until());
			until = v.date("until", kind.untilLabel(), data.until());
			v.require("until", day == null || until == null || !until.isBefore(day), "after-from",
					kind.untilLabel() + "不能早于" + kind.dayLabel());
		}
		String subject = Text.name(text(v, "subject", kind.subjectLabel(), data.subject(), 200, true));
		v.name("subject", kind.subjectLabel(), subject);
		String place = kind.placeLabel() == null ? null : Text.line(text(v, "place", kind.placeLabel(), data.place(), 200, true));
		v.name("place", kind.placeLabel(), place);
		// the unit, newspaper, hall or 网点 and its place are listed, exported and searched: no contact's number in them
		// (older records are shown masked, #masked)
		PersonalNumbers.refuse(v, "subject", kind.subjectLabel(), subject, stored == null ? null : stored.subject());
		PersonalNumbers.refuse(v, "place", kind.placeLabel(), place, stored == null ? null : stored.place());
		String detail = kind.detailLabel() == null ? null
				: text(v, "detail", kind.detailLabel(), Text.freeText(data.detail()), 500, true);
		String inspectors = null;
		Integer count = null;
		if (kind.inspectors()) {
			// one person typed twice ("张三", "张 三", "張三") is one 检查人次: counted by the name key
			Map<String, String> team = new LinkedHashMap<>();
			for (String name : data.inspectors() == null ? List.<String>of() : data.inspectors()) {
				String n = Text.name(clean(name));
				if (n != null) {
					team.putIfAbsent(PersonNames.key(n), n);
					v.name("inspectors", "检查人员姓名", n).personName("inspectors", "检查人员姓名", n);
				}
			}
			v.require("inspectors", !team.isEmpty(), "required", "请填写检查人员（以顿号分隔，人数即检查人次）");
			inspectors = team.isEmpty() ? null : String.join("、", team.values());
			v.maxLength("inspectors", "检查人员", inspectors, 400);
			v.require("inspectors", inspectors == null || Text.forbiddenAt(inspectors) < 0, "control-character",
					"检查人员含有不允许的字符");
			count = team.isEmpty() ? null : team.size();
		}
		Boolean flag = kind.flagLabel() == null ? null : data.flag();
		if (kind.flagLabel() != null) {
			v.require("flag", flag != null, "required", "请选择“" + kind.flagLabel() + "”（是或否）");
		}
		String findings = text(v, "findings", kind.findingsLabel(), Text.freeText(data.findings()), 1000, false);
		if (kind.findingsWhenFlagged()) {
			v.require("findings", !Boolean.TRUE.equals(flag) || findings != null, "required",
					"选择“" + kind.flagLabel() + "”为是时请填写" + kind.findingsLabel());
		}
		v.throwIfInvalid();
		return new Checked(kind, region, day, until, subject, place, detail, inspectors, count, flag, findings);
	}

	/**
	 * Records a checked-and-valid record and audits it.
	 * @param bureauId the recording bureau (null for a system caller)
	 * @param imported whether it is a past record brought in by an import
	 * @return the record's id
	 * @throws InvalidValueException as {@link #check}
	 * @throws DomainException duplicate (409, field {@code subject}) when the region has a record of the kind with the
	 *         same day and subject ({@link #key}, the subject folded: spaces, widths and case aside) — the import's rule
	 *         ({@link #duplicates}): a form sent twice (a double click, a retried call) would count one check twice
	 */
	@Transactional
	public long record(DataScope scope, Long bureauId, SupervisionKind kind, SupervisionData data, boolean imported,
			boolean demo) {
		Checked c = check(scope, kind, data);
		refuseTwin(c, null);
		long id = insert(c, bureauId, imported, demo);
		audit.record(AuditEntry.of("universal.supervision.record", AUDIT_TYPE, id,
				"登记" + kind.title() + "“" + shown(c) + "”（" + ChineseText.day(c.day()) + "）").states(null, c.state()).inRegion(c.region()).masked());
		return id;
	}

	/**
	 * Refuses a record the region already has ({@link #key}: kind, region, day and subject folded), on recording and on
	 * correction alike — a record corrected into another's day and subject would be its twin, counted twice. Two
	 * requests at once are ordered, so the second one's check sees the first one's row.
	 * @param self the record being corrected (null: a new one)
	 * @throws DomainException duplicate (409, field {@code subject}, rule {@code unique})
	 */
	private void refuseTwin(Checked c, Long self) {
		TransactionLocks.hold(jdbc, "universal_supervision:" + c.kind().name() + ":" + c.region());
		if (jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM universal_supervision WHERE kind = :kind AND region_code = :region
				    AND day = :day AND text_key(subject) = text_key(:subject) AND id <> :self)""")
			.param("kind", c.kind().name()).param("region", c.region()).param("day", c.day()).param("subject", c.subject())
			.param("self", self == null ? 0L : self)
			.query(Boolean.class).single()) {
			throw DomainException.duplicate("subject", Wording.of("universal.refusal.supervisionTwice", c.region(), c.day(), c.kind().title(), shown(c)),
					"地区" + c.region() + "已有" + ChineseText.day(c.day()) + "的" + c.kind().title() + "记录“"
					+ shown(c) + "”，不能重复登记：表单可能提交了两次，请在列表中查看");
		}
	}

	private long insert(Checked c, Long bureauId, boolean imported, boolean demo) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		return jdbc.sql("""
				INSERT INTO universal_supervision (kind, region_code, day, until_on, subject, place, detail, inspectors,
				    inspector_count, flag, findings, bureau_id, imported, recorded_at, recorded_by, updated_at, updated_by,
				    demo)
				VALUES (:kind, :region, :day, :until, :subject, :place, :detail, :inspectors, :count, :flag, :findings,
				    :bureau, :imported, :at, :by, :at, :by, :demo) RETURNING id""")
			.param("kind", c.kind().name())
			.param("region", c.region())
			.param("day", c.day())
			.param("until", c.until())
			.param("subject", c.subject())
			.param("place", c.place())
			.param("detail", c.detail())
			.param("inspectors", c.inspectors())
			.param("count", c.inspectorCount())
			.param("flag", c.flag())
			.param("findings", c.findings())
			.param("bureau", bureauId)
			.param("imported", imported)
			.param("at", now)
			.param("by", Actors.currentName())
			.param("demo", demo)
			.query(Long.class)
			.single();
	}

	/**
	 * Corrects a record in the caller's region and audits the change (before and after): the owning bureau's step —
	 * the bureau handling the record's region ({@link Bureaus#requireHandling(String, String, Set)} with {@link #TAKERS}:
	 * the county's, else — a county bureau without a 处室工作人员 — its city's); a bureau above reads it.
	 * @throws DomainException not found (404) when no record of this kind with this id lies in the caller's region
	 * @throws org.youguan.kernel.AccessRefusedException (403) naming the owning bureau, for staff of a bureau above
	 * @throws InvalidValueException as {@link #check}
	 * @throws DomainException duplicate (409, field {@code subject}, rule {@code unique}) when the corrected record is
	 *         one the region already has (same kind, day and subject), as on recording
	 */
	@Transactional
	public void update(DataScope scope, SupervisionKind kind, long id, SupervisionData data) {
		SupervisionRecord r = raw(scope, kind, id);
		bureaus.requireHandling(r.regionCode(), kind.title(), TAKERS);
		Checked old = new Checked(kind, r.regionCode(), r.day(), r.until(), r.subject(), r.place(), r.detail(),
				r.inspectors(), r.inspectorCount(), r.flag(), r.findings());
		Checked c = check(scope, kind, data, old);
		refuseTwin(c, id);
		if (kind == SupervisionKind.SUPERVISOR) {
			keepsReports(id, c);
		}
		jdbc.sql("""
				UPDATE universal_supervision SET region_code = :region, day = :day, until_on = :until, subject = :subject,
				    place = :place, detail = :detail, inspectors = :inspectors, inspector_count = :count, flag = :flag,
				    findings = :findings, updated_at = :at, updated_by = :by WHERE id = :id""")
			.param("region", c.region())
			.param("day", c.day())
			.param("until", c.until())
			.param("subject", c.subject())
			.param("place", c.place())
			.param("detail", c.detail())
			.param("inspectors", c.inspectors())
			.param("count", c.inspectorCount())
			.param("flag", c.flag())
			.param("findings", c.findings())
			.param("at", OffsetDateTime.now(clock))
			.param("by", Actors.currentName())
			.param("id", id)
			.update();
		audit.record(AuditEntry.of("universal.supervision.update", AUDIT_TYPE, id,
				"修改" + kind.title() + "“" + shown(c) + "”").states(old.state(), c.state()).inRegion(c.region()).masked());
	}

	/**
	 * Records past records given as JSON, all or nothing ({@link PastImport}): every row is checked as {@link #check}
	 * checks one, and a row that is the same record ({@link #key}) as an earlier row or as a record already stored is
	 * refused naming it; with any bad row nothing is saved and every bad row's failures are reported (field
	 * {@code 第N条·field}); else each is saved (marked imported, audited) and the import audited once.
	 * @return the count saved
	 * @throws InvalidValueException (field records) when no row or more than 10,000 rows are given
	 * @throws DomainException IMPORT_REJECTED (422) listing every bad row
	 */
	@Transactional
	public int importRecords(DataScope scope, Long bureauId, SupervisionKind kind, List<SupervisionData> rows) {
		// a row refused for something else is still compared by its region, day and subject as typed (#key)
		List<Checked> valid = PastImport.checkAll(rows, data -> check(scope, kind, data), data -> typedKey(scope, data),
				duplicates(scope, kind));
		saveImported(bureauId, valid);
		return valid.size();
	}

	/**
	 * What makes an imported record a duplicate: the same kind, region, day and subject ({@link #key}) — the same unit,
	 * newspaper, hall or 网点 checked on the same day, the same 社会监督员 appointed from the same day — as an earlier
	 * row or as a record of the caller's region already stored (read once, when this is made).
	 */
	PastImport.Duplicates<Checked> duplicates(DataScope scope, SupervisionKind kind) {
		Set<String> stored = new HashSet<>(jdbc.sql("SELECT region_code, day, subject FROM universal_supervision"
				+ " WHERE kind = :kind AND " + scope.regionPredicate("region_code"))
			.params(scope.params())
			.param("kind", kind.name())
			.query((rs, n) -> rs.getString(1) + "|" + rs.getObject(2, LocalDate.class) + "|" + rs.getString(3))
			.list());
		return new PastImport.Duplicates<>(SupervisionRecords::key, c -> stored.contains(key(c)), "subject",
				"同一地区、" + kind.dayLabel() + "和" + kind.subjectLabel() + "的记录",
				Wording.of("import.twin.supervision", Wording.of("enum.SupervisionKind." + kind.name() + ".dayLabel"),
						Wording.of("enum.SupervisionKind." + kind.name() + ".subjectLabel")),
				c -> "地区" + c.region() + "已有" + ChineseText.day(c.day()) + "的" + kind.title() + "记录“" + shown(c) + "”，不能重复导入",
				c -> Wording.of("import.refused.supervisionRecorded", c.region(), c.day().toString(),
						Wording.of("enum.SupervisionKind." + kind.name() + ".title"), shown(c)));
	}

	/**
	 * A record's identity ({@link #key}) as typed, cleaned as {@link #check} cleans it — the region (the caller's own
	 * when blank), an ISO day and the subject —, to compare a row {@link #check} refused with the others; null when a part
	 * is blank or the day no ISO date.
	 */
	static String typedKey(DataScope scope, SupervisionData data) {
		String region = RegionCode.typed(data.region());
		if (region == null && scope.kind() == DataScope.Kind.REGION && !scope.regionPrefix().isEmpty()) {
			region = scope.regionPrefix();
		}
		String subject = Text.name(clean(data.subject()));
		String day = clean(data.day());
		if (region == null || subject == null || day == null) {
			return null;
		}
		try {
			return region + "|" + LocalDate.parse(day) + "|" + subject;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** A record's identity for imports: its region, day and subject (within one kind). */
	static String key(Checked c) {
		return c.region() + "|" + c.day() + "|" + c.subject();
	}

	/** Saves checked past records (marked imported), each audited, and audits the import once. */
	void saveImported(Long bureauId, List<Checked> valid) {
		List<Long> ids = new ArrayList<>();
		for (Checked c : valid) {
			long id = insert(c, bureauId, true, false);
			ids.add(id);
			audit.record(AuditEntry.of("universal.supervision.record", AUDIT_TYPE, id,
					"导入" + c.kind().title() + "“" + shown(c) + "”（" + ChineseText.day(c.day()) + "）").states(null, c.state())
				.inRegion(c.region())
				.masked());
		}
		if (!valid.isEmpty()) {
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("kind", valid.get(0).kind().name());
			after.put("rows", ids.size());
			after.put("ids", ids);
			audit.record(AuditEntry.of("universal.supervision.import", AUDIT_TYPE, null,
					"批量导入" + valid.get(0).kind().title() + ids.size() + "条").states(null, after));
		}
	}

	/**
	 * The records of a kind in the caller's region, newest first by default (sorts: day, subject, region); the search
	 * box looks in the subject, the address and the findings; a 社会监督员's name is masked.
	 * @throws InvalidValueException (field {@code region}) for a region filter that is no whole region
	 * @throws AccessRefusedException (403, field {@code region}) for a region outside the caller's ({@link DataScope#regionFilter})
	 */
	public PageResult<SupervisionRecord> list(DataScope scope, SupervisionKind kind, Filter filter, PageQuery page) {
		if (scope.kind() == DataScope.Kind.ENTERPRISE || scope.kind() == DataScope.Kind.NONE) {
			return new PageResult<>(List.of(), page.page(), page.size(), 0);
		}
		String region = filter == null ? null : RegionCode.typed(filter.region());
		if (region != null && !region.matches("\\d{1,12}")) {
			throw new InvalidValueException("region", "format", "地区应为1至12位行政区划代码");
		}
		String within = region == null ? "TRUE" : RegionPrefix.of(scope.regionFilter(region, "region")).predicate("s.region_code");
		PageResult<SupervisionRecord> result = Listing.from("FROM universal_supervision s")
			.scope(scope, "s.region_code")
			.where("s.kind = :kind", Map.of("kind", kind.name()))
			.where(within)
			.where(filter != null && filter.from() != null, "s.day >= :from", "from",
					filter == null || filter.from() == null ? LocalDate.MIN : filter.from())
			.where(filter != null && filter.to() != null, "s.day <= :to", "to",
					filter == null || filter.to() == null ? LocalDate.MAX : filter.to())
			.search(page, jdbc, "s.id", kind.personal()
					? List.of(Masked.name("s.subject"), Masked.numbers("s.place"), Masked.numbers("s.findings"))
					: List.of(Masked.numbers("s.subject"), Masked.numbers("s.place"), Masked.numbers("s.findings")))
			.sorts(Map.of("day", "s.day", "subject", "s.subject", "region", "s.region_code"), "day", true, "s.id DESC")
			.joinedToPage("LEFT JOIN region_name r ON r.code = s.region_code")
			.page(jdbc, COLUMNS, page, Rows.of(SupervisionRecord.class));
		return new PageResult<>(result.items().stream().map(SupervisionRecords::masked).toList(), result.page(),
				result.size(), result.total());
	}

	/**
	 * One record of a kind as lists show it (a 社会监督员's name masked).
	 * @throws DomainException not found (404) unless it lies in the caller's region
	 */
	public SupervisionRecord get(DataScope scope, SupervisionKind kind, long id) {
		return masked(raw(scope, kind, id));
	}

	/**
	 * A record's own values, for its edit form: the owning bureau's writer corrects the name itself, unmasked; a bureau
	 * above reads the record masked ({@link #get}) and edits nothing ({@link #editable}).
	 * @throws DomainException not found (404) unless it lies in the caller's region
	 * @throws org.youguan.kernel.AccessRefusedException (403) naming the owning bureau, for staff of a bureau above
	 */
	public SupervisionData form(DataScope scope, SupervisionKind kind, long id) {
		SupervisionRecord r = raw(scope, kind, id);
		bureaus.requireHandling(r.regionCode(), kind.title(), TAKERS);
		return new SupervisionData(r.regionCode(), r.day().toString(), r.until() == null ? null : r.until().toString(),
				r.subject(), r.place(), r.detail(), r.flag(), r.findings(),
				Text.personNames(r.inspectors()));
	}

	/**
	 * Whether the signed-in caller may correct record {@code r} and log its reports: staff of the bureau handling its
	 * region (the owning bureau, {@link Bureaus#outsider(String, Set)} with {@link #TAKERS}), not a bureau above, which
	 * reads it masked — what the record's
	 * page offers its forms to.
	 */
	public boolean editable(SupervisionRecord r) {
		return bureaus.outsider(r.regionCode(), TAKERS).isEmpty();
	}

	/**
	 * Refuses the signed-in caller the steps of record {@code id} (of any kind: correction, a 社会监督员's report) as
	 * {@link #update} and {@link #addReport} do — for the web shell, before the step's form or body is read
	 * ({@link org.youguan.kernel.StepAccess}).
	 * @throws DomainException not found (404) unless it lies in the caller's region
	 * @throws org.youguan.kernel.AccessRefusedException (403) naming the owning bureau, for staff of a bureau above
	 */
	public void requireStep(DataScope scope, long id) {
		String region = scope.kind() == DataScope.Kind.ENTERPRISE || scope.kind() == DataScope.Kind.NONE ? null
				: jdbc.sql("SELECT s.region_code FROM universal_supervision s WHERE s.id = :id AND "
						+ scope.regionPredicate("s.region_code"))
					.params(scope.params()).param("id", id).query(String.class).optional().orElse(null);
		if (region == null) {
			throw DomainException.notFound("普遍服务监督记录", id);
		}
		bureaus.requireHandling(region, "记录", TAKERS);
	}

	private SupervisionRecord raw(DataScope scope, SupervisionKind kind, long id) {
		if (scope.kind() == DataScope.Kind.ENTERPRISE || scope.kind() == DataScope.Kind.NONE) {
			throw DomainException.notFound(kind.title(), id);
		}
		return jdbc.sql(COLUMNS + " FROM universal_supervision s LEFT JOIN region_name r ON r.code = s.region_code"
				+ " WHERE s.id = :id AND s.kind = :kind AND " + scope.regionPredicate("s.region_code"))
			.params(scope.params())
			.param("id", id)
			.param("kind", kind.name())
			.query(Rows.of(SupervisionRecord.class))
			.optional()
			.orElseThrow(() -> DomainException.notFound(kind.title(), id));
	}

	/**
	 * Logs a report a 社会监督员 of the caller's region handed in, and audits it.
	 * @param receivedOn YYYY-MM-DD, required, within the appointment (from its first to its last day) and not after
	 *        today: a report is received from a 社会监督员 serving then
	 * @param summary what the report was about, required, at most 500 characters
	 * @throws DomainException not found (404) unless the 社会监督员 lies in the caller's region
	 * @throws org.youguan.kernel.AccessRefusedException (403) naming the owning bureau, for staff of a bureau above
	 * @throws InvalidValueException naming receivedOn and summary
	 */
	@Transactional
	public long addReport(DataScope scope, long supervisorId, String receivedOn, String summary, boolean demo) {
		SupervisionRecord supervisor = raw(scope, SupervisionKind.SUPERVISOR, supervisorId);
		bureaus.requireHandling(supervisor.regionCode(), SupervisionKind.SUPERVISOR.title(), TAKERS);
		Validation v = new Validation();
		v.required("receivedOn", "收到日期", receivedOn);
		// within the supervisor's appointment: a report is received from one serving (not before its first day, not
		// after its last — a report of 2026 from one appointed for the first half of 2025 is no supervisor's report)
		LocalDate on = v.date("receivedOn", "收到日期", receivedOn, supervisor.day(), LocalDate.now(clock));
		v.require("receivedOn", on == null || supervisor.until() == null || !on.isAfter(supervisor.until()), "appointment",
				"收到日期不能晚于该社会监督员的聘期结束日期" + ChineseText.day(supervisor.until()) + "：聘期结束后不再以社会监督员身份反映情况");
		String text = text(v, "summary", "反映内容", Text.freeText(summary), 500, true);
		v.throwIfInvalid();
		long id = jdbc.sql("""
				INSERT INTO universal_supervisor_report (supervisor_id, received_on, summary, recorded_at, recorded_by, demo)
				VALUES (:supervisor, :on, :summary, :at, :by, :demo) RETURNING id""")
			.param("supervisor", supervisorId)
			.param("on", on)
			.param("summary", text)
			.param("at", OffsetDateTime.now(clock))
			.param("by", Actors.currentName())
			.param("demo", demo)
			.query(Long.class)
			.single();
		audit.record(AuditEntry.of("universal.supervisor.report", AUDIT_TYPE, supervisorId,
				"登记社会监督员“" + Masking.name(supervisor.subject()) + "”反映情况（" + ChineseText.day(on) + "）")
			.states(null, Map.of("reportId", id, "receivedOn", on.toString(), "summary", text))
			.inRegion(supervisor.regionCode())
			.masked());
		return id;
	}

	/**
	 * Refuses a 社会监督员's corrected appointment that would leave reports already logged outside it: a first day after
	 * the earliest report (400 on {@code day}) or a last day before the latest (400 on {@code until}), rule
	 * {@code reports}, as {@link #addReport} refuses a report outside the appointment.
	 */
	private void keepsReports(long supervisorId, Checked c) {
		Map<String, Object> span = jdbc.sql("SELECT min(received_on) AS first, max(received_on) AS last"
				+ " FROM universal_supervisor_report WHERE supervisor_id = :id")
			.param("id", supervisorId)
			.query()
			.singleRow();
		LocalDate first = span.get("first") == null ? null : ((java.sql.Date) span.get("first")).toLocalDate();
		LocalDate last = span.get("last") == null ? null : ((java.sql.Date) span.get("last")).toLocalDate();
		new Validation()
			.require("day", first == null || c.day() == null || !c.day().isAfter(first), "reports",
					"聘任日期不能晚于已登记的最早反映情况的收到日期" + ChineseText.day(first) + "：请先核对反映情况的日期")
			.require("until", last == null || c.until() == null || !c.until().isBefore(last), "reports",
					"聘期结束日期不能早于已登记的最晚反映情况的收到日期" + ChineseText.day(last) + "：请先核对反映情况的日期")
			.throwIfInvalid();
	}

	/**
	 * The reports of a 社会监督员 of the caller's region, newest first, every ID and mobile number in their summaries
	 * masked ({@link Masking#personalNumbersIn}): a report may quote the person it is about.
	 * @throws DomainException not found (404) unless the 社会监督员 lies in the caller's region
	 */
	public List<Report> reports(DataScope scope, long supervisorId) {
		raw(scope, SupervisionKind.SUPERVISOR, supervisorId);
		return jdbc.sql("""
				SELECT id, received_on, summary, recorded_by FROM universal_supervisor_report WHERE supervisor_id = :id
				ORDER BY received_on DESC, id DESC""")
			.param("id", supervisorId)
			.query(Rows.of(Report.class))
			.list()
			.stream()
			.map(r -> new Report(r.id(), r.receivedOn(), Masking.personalNumbersIn(r.summary()), r.recordedBy()))
			.toList();
	}

	/**
	 * A record as lists and its page show it: a 社会监督员's name masked, and every ID and mobile number in the free text
	 * (another kind's subject, place, detail, findings) masked ({@link Masking#personalNumbersIn}); the edit form reads it as recorded
	 * ({@link #form}).
	 */
	private static SupervisionRecord masked(SupervisionRecord r) {
		return new SupervisionRecord(r.id(), r.kind(), r.regionCode(), r.regionName(), r.day(), r.until(),
				r.kind().personal() ? Masking.name(r.subject()) : Masking.personalNumbersIn(r.subject()),
				Masking.personalNumbersIn(r.place()),
				Masking.personalNumbersIn(r.detail()), r.inspectors(), r.inspectorCount(), r.flag(),
				Masking.personalNumbersIn(r.findings()), r.imported(), r.reports());
	}

	private static String shown(Checked c) {
		return c.kind().personal() ? Masking.name(c.subject()) : c.subject();
	}

	private static String text(Validation v, String field, String label, String value, int max, boolean required) {
		String clean = clean(value);
		if (required) {
			v.required(field, label, clean);
		}
		v.maxLength(field, label, clean, max);
		if (clean != null) {
			int at = Text.forbiddenAt(clean);
			v.require(field, at < 0, "control-character",
					at < 0 ? "" : label + "含有不允许的字符（" + Text.codePoint(clean, at) + "），请删除后重试");
		}
		return clean;
	}

	static String clean(String s) {
		return Villages.clean(s);
	}

}
