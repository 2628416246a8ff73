package org.youguan.universal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.inspections.InspectionKind;
import org.youguan.inspections.InspectionOutcome;
import org.youguan.inspections.InspectionRecordData.TeamMember;
import org.youguan.inspections.InspectionRecordData;
import org.youguan.inspections.InspectionRecords;
import org.youguan.inspections.Inspectors;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.Actors;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.FiguresQuery;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.Listing.Masked;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.RegionPrefix;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Text;
import org.youguan.kernel.TransactionLocks;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.region.Region;
import org.youguan.region.RegionCode;

/**
 * 建制村通邮现场监督检查: one record per village checked — the mode and the deliveries a week found on site, whether
 * the handover records were kept, whether delivery is 规范, the findings, the day and a team of at least two
 * (邮政法(2015) art.63; 行政处罚法(2021) art.42, as for every inspection). Bureau staff record checks of villages in
 * their region, and bring in past checks with their real dates ({@link #importChecks}, {@link VillageCheckImport}).
 */
@Service
public class VillageChecks {

	private static final String FROM = "FROM village_check c";

	/** The 抽查事项 a 通邮 check checks: 建制村通邮 (邮政法(2015) art.15, 19; migration V192). */
	static final String ITEM = "VILLAGE_DELIVERY";

	private static final String COLUMNS = """
			SELECT c.id, c.village_code, v.name AS village_name, c.checked_on, c.delivery_mode, c.deliveries_observed,
			    c.handover_records, c.standard_delivery, c.findings, c.inspectors, c.inspector_count, c.imported,
			    c.inspection_record_id""";

	private final JdbcClient jdbc;

	private final Villages villages;

	private final AuditTrail audit;

	private final Clock clock;

	private final InspectionRecords records;

	private final Inspectors roster;

	private final DeliveryStandards standards;

	VillageChecks(JdbcClient jdbc, Villages villages, AuditTrail audit, Clock clock, InspectionRecords records,
			Inspectors roster, DeliveryStandards standards) {
		this.standards = standards;
		this.records = records;
		this.roster = roster;
		this.jdbc = jdbc;
		this.villages = villages;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * A check's values after its check: what is stored, with the team as given (name and 执法证号, the certificate
	 * null for a past check known by names) and the inspection's outcome.
	 */
	public record Checked(String villageCode, String villageName, LocalDate checkedOn, DeliveryMode deliveryMode,
			int deliveriesObserved, boolean handoverRecords, boolean standardDelivery, String findings,
			String inspectors, int inspectorCount, List<TeamMember> team, InspectionOutcome outcome) {

		Map<String, Object> state() {
			Map<String, Object> s = new LinkedHashMap<>();
			s.put("villageCode", villageCode);
			s.put("checkedOn", checkedOn.toString());
			s.put("deliveryMode", deliveryMode.name());
			s.put("deliveriesObserved", deliveriesObserved);
			s.put("handoverRecords", handoverRecords);
			s.put("standardDelivery", standardDelivery);
			s.put("inspectors", inspectors);
			return s;
		}

		/** The check's identity in an import: the village and the day. */
		String key() {
			return villageCode + "|" + checkedOn;
		}
	}

	/**
	 * Records a check of a village in the caller's region and audits it; in the same transaction the check becomes an
	 * inspection record ({@link InspectionRecords#recordAt}: 普遍服务监督检查 of the postal enterprise serving the village,
	 * {@link Villages#servingEnterprise}, item 建制村通邮, the team, placed in the village; 规范 → outcome 无问题, else
	 * the findings with 约谈 or 责令改正) whose id the check keeps. Nothing is saved when either part is refused.
	 * @param bureauId the recording bureau (null for a system caller)
	 * @return the check's id
	 * @throws DomainException not found (404) when the village is no 建制村 in the caller's region; duplicate (409, field
	 *         checkedOn) when the village already has a check that day; rule violation (422, field villageCode) when the
	 *         village has no 通邮 profile, so no serving postal enterprise to inspect; (409) when the inspection record
	 *         refuses it as recorded already
	 * @throws InvalidValueException villageCode when none is named; then naming every field that fails: checkedOn (required, a date, not after today),
	 *         deliveryMode, deliveriesObserved (0–14), handoverRecords, standardDelivery (规范 only with the deliveries a week of
	 *         the province's 建制村 standard and handover records: rule {@code contradiction}), findings (required when not
	 *         规范, at most 1000 characters), inspectors (at least two different names), inspectors[i].certificateNumber
	 *         (required, on the roster 检查人员名录库), outcome (INTERVIEW or RECTIFICATION when not 规范); then as the
	 *         inspection record checks the team: inspectors[i].name (the roster's holder), inspectors[i].certificateNumber
	 *         (valid on the day, not repeated, of a bureau of the village's chain — its county, city or province: rule
	 *         {@code bureau}, 400; the form offers no other)
	 */
	/**
	 * Refuses the caller a 通邮 check of village {@code villageCode} before any of the check's values is read — what
	 * {@link #record} decides first, asked by the web shell before the check's form is read
	 * ({@link org.youguan.kernel.StepAccess}): a village's checks are its region's bureaus' (the county's, and the city's
	 * and province's above it), never an enterprise's.
	 * @throws DomainException not found (404) for an enterprise, a code that is no 建制村 or a village outside the
	 *         caller's region
	 */
	public void requireStep(DataScope scope, String villageCode) {
		if (scope.kind() == DataScope.Kind.ENTERPRISE) {
			throw DomainException.notFound("建制村", villageCode);
		}
		villages.get(scope, villageCode);
	}

	@Transactional
	public long record(DataScope scope, Long bureauId, VillageCheckData data, boolean demo) {
		if (scope.kind() == DataScope.Kind.ENTERPRISE) {
			throw DomainException.notFound("建制村", data.villageCode());
		}
		if (data.villageCode() == null || Text.isBlank(data.villageCode())) {
			throw new InvalidValueException("villageCode", "required", "请选择检查的建制村");
		}
		VillageView village = villages.get(scope, Text.strip(data.villageCode()));
		Checked c = checked(new Validation(), village.code(), village.name(), standards.villageMinimum(village.code()), data,
				scope);
		String enterprise = villages.servingEnterprise(village).orElseThrow(() -> new DomainException(
				ErrorCode.RULE_VIOLATION, "建制村“" + village.name() + "”尚无通邮信息（服务邮政局所和邮政企业），通邮检查须作为对其邮政企业的普遍服务监督检查登记：请先登记该村的通邮信息",
				List.of(new FieldError("villageCode", "serving-enterprise",
						"建制村“" + village.name() + "”尚未登记服务邮政局所和邮政企业，请先登记该村的通邮信息再登记通邮检查"))));
		// one check of a village a day, as the import holds it: a double click or a retried call (the lock orders two at
		// once) would count the village twice in 规范投递率
		TransactionLocks.hold(jdbc, "village_check:" + c.key());
		if (jdbc.sql("SELECT count(*) FROM village_check WHERE village_code = :v AND checked_on = :on")
			.param("v", c.villageCode()).param("on", c.checkedOn()).query(Long.class).single() > 0) {
			throw DomainException.duplicate("checkedOn", Wording.of("universal.refusal.villageCheckTwice", c.villageName(), c.checkedOn()),
					"建制村“" + c.villageName() + "”在" + ChineseText.day(c.checkedOn()) + "已有通邮检查记录，不能重复登记");
		}
		long record;
		try {
			record = records.recordAt(scope, bureauId, new InspectionRecordData(enterprise, c.checkedOn().toString(),
					InspectionKind.UNIVERSAL.name(), List.of(ITEM), c.team(), c.outcome().name(), c.findings(), null,
					"建制村" + c.villageName() + "（" + c.villageCode() + "）通邮检查"), c.villageCode(), demo);
		}
		catch (DomainException refused) {
			throw inCheckFields(refused);
		}
		long id = insert(c, bureauId, false, demo, record);
		Map<String, Object> after = c.state();
		after.put("inspectionRecordId", record);
		audit.record(AuditEntry.of("village.check.record", "VillageCheck", id, "登记建制村“" + c.villageName() + "”通邮检查（"
				+ ChineseText.day(c.checkedOn()) + "，" + (c.standardDelivery() ? "规范投递" : "投递不规范") + "），记为普遍服务监督检查记录" + record)
			.states(null, after)
			.inRegion(c.villageCode()));
		return id;
	}

	/**
	 * The inspection record's fields as the check's request calls them: a refusal of the record the check becomes
	 * names {@code checkedOn} (not the record's {@code inspectedOn}) and {@code villageCode} for the serving enterprise
	 * and the place (attack round 15: a client was told to fix {@code inspectedOn}, a field it never sent); the team's,
	 * the findings' and the outcome's names are the same in both.
	 */
	static DomainException inCheckFields(DomainException refused) {
		if (refused.fieldErrors().stream().noneMatch(e -> RECORD_FIELDS.containsKey(e.field()))) {
			return refused;
		}
		Map<FieldError, Wording> keyed = new HashMap<>();
		List<FieldError> errors = refused.fieldErrors().stream().map(e -> {
			String name = RECORD_FIELDS.get(e.field());
			FieldError renamed = name == null ? e
					: new FieldError(name, e.rule(), e.message().replace("（" + e.field() + "）", "（" + name + "）"));
			Wording words = refused.wording(e);
			if (words != null) {
				keyed.put(renamed, words);
			}
			return renamed;
		}).toList();
		// renamed, each failure's sentence's key kept (a page words it in the reader's language)
		return refused instanceof InvalidValueException ? new InvalidValueException(errors, keyed)
				: new DomainException(refused.code(), refused.wording(), refused.getMessage(), errors, keyed);
	}

	/** An inspection record's field → the village check's field that carries it. */
	private static final Map<String, String> RECORD_FIELDS = Map.of("inspectedOn", "checkedOn", "enterpriseCreditCode",
			"villageCode", "place", "villageCode", "objectType", "villageCode", "objectId", "villageCode", "items",
			"villageCode", "kind", "villageCode");

	/**
	 * Checks a past check without saving it, as an import row: the village (villageCode: required, a 建制村 of the
	 * region list, in the caller's region — named, where {@link #record} answers not found) and every field
	 * {@link #record} checks, all failures together.
	 * @throws InvalidValueException naming every field that fails
	 */
	public Checked check(DataScope scope, VillageCheckData data) {
		if (data == null) {
			throw new InvalidValueException("villageCode", "required", "请提交检查记录");
		}
		Validation v = new Validation();
		String code = RegionCode.typed(data.villageCode());
		Optional<Region> village = villages.committee(v, code);
		// a village outside the scope is not there (404), before any other field is told
		village.ifPresent(r -> scope.refuseWithin("villageCode", r.code(), "建制村" + r.code()));
		return checked(v, code, village.map(Region::name).orElse(null),
				village.map(r -> standards.villageMinimum(r.code())).orElse(null), data, null);
	}

	/**
	 * Every field of a check after the village, into {@code v}; throws with every failure of {@code v}. A check
	 * certified (recorded now, so an inspection record) needs each inspector's 执法证号 checked on its own: given, not
	 * twice (rule {@code duplicate}), on the roster and of the village's county, city or province bureau
	 * ({@link InspectionRecords.TeamBureaus}) — an unknown certificate and another bureau's are the one error
	 * {@code exists}, naming no holder; a past check may name its team only.
	 * @param minimum the deliveries a week the village's province requires of a 建制村 ({@link DeliveryStandards}), null
	 *        when the village is unknown (refused already)
	 * @param certifiedIn the caller's scope for a check recorded now, null for a past one
	 */
	/**
	 * The last day a check may be dated (today, China time); the first is {@link Validation#EARLIEST_ACT}. The one
	 * range of 检查日期, on the form, the API and a sheet's date cell alike ({@code VillageCheckImport}).
	 */
	LocalDate latestCheckDay() {
		return LocalDate.now(clock);
	}

	private Checked checked(Validation v, String code, String name, Integer minimum, VillageCheckData data,
			DataScope certifiedIn) {
		boolean certified = certifiedIn != null;
		InspectionRecords.TeamBureaus bureaus = certified ? new InspectionRecords.TeamBureaus(certifiedIn, code, true) : null;
		Set<String> certificates = new HashSet<>();
		LocalDate on = v.date("checkedOn", "检查日期", data.checkedOn(), Validation.EARLIEST_ACT, latestCheckDay());
		v.require("checkedOn", data.checkedOn() != null && !Text.isBlank(data.checkedOn()), "required", "请填写检查日期");
		DeliveryMode mode = DeliveryMode.parse(data.deliveryMode());
		v.require("deliveryMode", mode != null, "dictionary", "请选择实际通邮方式（直接通邮、邮乐购站、村邮站、其他交接点）");
		Integer observed = data.deliveriesObserved();
		v.given("deliveriesObserved", "实际每周投递频次", observed);
		v.require("deliveriesObserved", observed == null || observed >= 0 && observed <= Villages.MAX_DELIVERIES_PER_WEEK,
				"range", "实际每周投递频次应在0至" + Villages.MAX_DELIVERIES_PER_WEEK + "次之间");
		v.require("handoverRecords", data.handoverRecords() != null, "required", "请选择是否有交接记录");
		v.require("standardDelivery", data.standardDelivery() != null, "required", "请选择是否规范投递");
		standardDelivery(v, data, observed, minimum);
		String findings = Villages.clean(data.findings());
		v.require("findings", !Boolean.FALSE.equals(data.standardDelivery()) || findings != null, "required",
				"投递不规范时请填写检查发现的问题");
		v.maxLength("findings", "检查发现的问题", findings, 1000);
		// the findings go to the list, the export and the inspection record's documents: no personal number, form and
		// sheet alike (kernel's one rule; checks stored before it are shown masked)
		PersonalNumbers.refuse(v, "findings", "检查发现的问题", findings);
		// one person typed twice ("张三", "张 三", "張三") is one inspector: the team is counted by the name key
		Map<String, String> team = new LinkedHashMap<>();
		List<TeamMember> members = new ArrayList<>();
		List<TeamMember> given = data.inspectors() == null ? List.of() : data.inspectors();
		for (int i = 0; i < given.size(); i++) {
			TeamMember m = given.get(i);
			String clean = m == null ? null : Text.name(Villages.clean(m.name()));
			String certificate = m == null ? null : Villages.clean(m.certificateNumber());
			if (clean != null) {
				team.putIfAbsent(PersonNames.key(clean), clean);
				v.name("inspectors", "检查人员姓名", clean).personName("inspectors", "检查人员姓名", clean);
			}
			if (certified) {
				String field = "inspectors[" + i + "].certificateNumber";
				String who = clean == null ? "第" + (i + 1) + "名检查人员" : "检查人员“" + clean + "”";
				if (certificate == null) {
					v.require(field, false, "required", "请填写" + who + "的执法证号（通邮检查即执法检查，检查人员须持执法证）");
				}
				else if (!certificates.add(Inspectors.certificateNumber(certificate))) {
					v.require(field, false, "duplicate", "执法证号" + certificate + "重复，每名检查人员只能选择一次");
				}
				else {
					// the position, not the name: the page fills names in from the roster, so an out-of-scope
					// certificate's holder would be told
					v.require(field, roster.findByCertificate(certificate).filter(bureaus::allows).isPresent(), "exists",
							"第" + (i + 1) + "名检查人员的执法证号" + certificate + "不在检查人员名录库中，或不是" + bureaus.rule()
									+ "：通邮检查须由名录库中的持证检查人员进行");
				}
			}
			if (m != null) {
				members.add(new TeamMember(clean, certificate));
			}
		}
		v.require("inspectors", team.size() >= 2, "min-team", "现场检查人员不得少于两人（请填写至少两名不同的检查人员）");
		InspectionOutcome outcome = outcome(v, data);
		String inspectors = String.join("、", team.values());
		v.maxLength("inspectors", "检查人员", inspectors, 400);
		v.throwIfInvalid();
		if (findings != null) {
			Text.requireClean("findings", "检查发现的问题", findings);
		}
		return new Checked(code, name, on, mode, observed, data.handoverRecords(), data.standardDelivery(), findings,
				inspectors, team.size(), List.copyOf(members), outcome);
	}

	/**
	 * 规范投递 is a finding the check's own figures must bear out, else it counts toward the 规范投递率 unearned: with
	 * fewer deliveries a week seen than the province's 建制村 standard (邮政法(2015) art.19 and the province's setting,
	 * {@link DeliveryStandards}; 0 a week since attack round 7, any number below the standard since attack round 20) or
	 * without the handover records (交接记录) it is refused as a contradiction on {@code standardDelivery}.
	 */
	private static void standardDelivery(Validation v, VillageCheckData data, Integer observed, Integer minimum) {
		if (!Boolean.TRUE.equals(data.standardDelivery())) {
			return;
		}
		if (observed != null && observed == 0) {
			v.require("standardDelivery", false, "contradiction",
					"实际每周投递频次为0次，不能判定为规范投递：请核对投递频次，或选择投递不规范并填写发现的问题");
		}
		else if (observed != null && minimum != null && observed < minimum) {
			v.require("standardDelivery", false, "contradiction", "实际每周投递频次" + observed + "次，低于本省建制村投递频次标准每周"
					+ minimum + "次，不能判定为规范投递：请核对投递频次，或选择投递不规范并填写发现的问题");
		}
		if (Boolean.FALSE.equals(data.handoverRecords())) {
			v.require("standardDelivery", false, "contradiction",
					"没有交接记录，不能判定为规范投递：请核对交接记录，或选择投递不规范并填写发现的问题");
		}
	}

	/**
	 * The inspection's outcome: 规范投递 → 无问题 (blank or NONE); not 规范 → 约谈 (blank or INTERVIEW) or 责令改正
	 * (RECTIFICATION), the order then issued from the inspection record's page ({@code InspectionOrders}).
	 */
	private static InspectionOutcome outcome(Validation v, VillageCheckData data) {
		String given = Villages.clean(data.outcome());
		InspectionOutcome outcome = null;
		for (InspectionOutcome o : InspectionOutcome.values()) {
			if (given != null && (o.name().equalsIgnoreCase(given) || o.label().equals(given))) {
				outcome = o;
			}
		}
		if (Boolean.FALSE.equals(data.standardDelivery())) {
			outcome = given == null ? InspectionOutcome.INTERVIEW : outcome;
			v.require("outcome", outcome == InspectionOutcome.INTERVIEW || outcome == InspectionOutcome.RECTIFICATION,
					"one-of", "投递不规范时检查结果应为约谈（INTERVIEW）或责令改正（RECTIFICATION）");
		}
		else {
			v.require("outcome", given == null || outcome == InspectionOutcome.NONE, "absent",
					"规范投递时检查结果为无问题，不填或填NONE");
			outcome = InspectionOutcome.NONE;
		}
		return outcome;
	}

	/**
	 * Records past checks given as JSON with their real dates, all or nothing ({@link PastImport}): every row is
	 * checked as {@link #check} checks one, and a row naming the same village and day as an earlier row or as a check
	 * already stored is refused naming it; with any bad row nothing is saved and every bad row's failures are reported
	 * (field {@code 第N条·field}); else each is saved (marked imported, audited) and the import audited once. A village's
	 * last check and the figures follow from the checks' real dates: an older imported check changes neither.
	 * @param bureauId the importing bureau (null for a system caller)
	 * @return the count saved
	 * @throws InvalidValueException (field records) when no row or more than 10,000 rows are given
	 * @throws DomainException IMPORT_REJECTED (422) listing every bad row
	 */
	@Transactional
	public int importChecks(DataScope scope, Long bureauId, List<VillageCheckData> rows) {
		List<String> codes = rows == null ? List.of()
				: rows.stream().filter(r -> r != null && r.villageCode() != null).map(r -> Text.strip(r.villageCode())).toList();
		// a row refused for something else is still compared by its village and day as typed (Checked.key)
		List<Checked> valid = PastImport.checkAll(rows, data -> check(scope, data), VillageChecks::typedKey, duplicates(codes));
		saveImported(bureauId, valid);
		return valid.size();
	}

	/** A check's key ({@link Checked#key}) as typed: the village code and an ISO day; null when either is not so. */
	private static String typedKey(VillageCheckData data) {
		String code = Text.strip(data.villageCode());
		String on = Text.strip(data.checkedOn());
		if (code == null || on == null) {
			return null;
		}
		try {
			return code + "|" + LocalDate.parse(on);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * What makes an imported check a duplicate: the same village and day ({@link Checked#key}) as an earlier row or as a
	 * check already stored (of the villages named, read once, when this is made).
	 */
	PastImport.Duplicates<Checked> duplicates(Collection<String> villageCodes) {
		Set<String> stored = new HashSet<>();
		List<String> codes = villageCodes.stream().filter(c -> c != null && c.matches("\\d{12}")).distinct().toList();
		for (int from = 0; from < codes.size(); from += 1000) {
			stored.addAll(jdbc.sql("SELECT village_code, checked_on FROM village_check WHERE village_code IN (:codes)")
				.param("codes", codes.subList(from, Math.min(codes.size(), from + 1000)))
				.query((rs, n) -> rs.getString(1) + "|" + rs.getObject(2, LocalDate.class))
				.list());
		}
		return new PastImport.Duplicates<>(Checked::key, c -> stored.contains(c.key()), "checkedOn",
				"同一建制村和检查日期的检查", Wording.of("import.twin.villageCheck"),
				c -> "建制村" + c.villageCode() + "（" + c.villageName() + "）在" + ChineseText.day(c.checkedOn()) + "已有通邮检查记录，不能重复导入",
				c -> Wording.of("import.refused.villageChecked", c.villageCode(), c.villageName(), c.checkedOn().toString()));
	}

	/** Saves checked past checks (marked imported), each audited, and audits the import once. */
	void saveImported(Long bureauId, List<Checked> valid) {
		List<Long> ids = new ArrayList<>();
		for (Checked c : valid) {
			long id = insert(c, bureauId, true, false, null);
			ids.add(id);
			audit.record(AuditEntry.of("village.check.record", "VillageCheck", id, "导入建制村“" + c.villageName()
					+ "”历史通邮检查（" + ChineseText.day(c.checkedOn()) + "，" + (c.standardDelivery() ? "规范投递" : "投递不规范") + "）")
				.states(null, c.state())
				.inRegion(c.villageCode()));
		}
		if (!valid.isEmpty()) {
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("rows", ids.size());
			after.put("checkIds", ids);
			audit.record(AuditEntry.of("village.check.import", "VillageCheck", null, "批量导入历史建制村通邮检查" + ids.size() + "条")
				.states(null, after));
		}
	}

	private long insert(Checked c, Long bureauId, boolean imported, boolean demo, Long inspectionRecordId) {
		return jdbc.sql("""
				INSERT INTO village_check (village_code, checked_on, delivery_mode, deliveries_observed, handover_records,
				    standard_delivery, findings, inspectors, inspector_count, bureau_id, recorded_at, recorded_by, imported,
				    demo, inspection_record_id)
				VALUES (:code, :on, :mode, :observed, :handover, :standard, :findings, :inspectors, :count, :bureau, :at,
				    :by, :imported, :demo, :record) RETURNING id""")
			.param("record", inspectionRecordId)
			.param("code", c.villageCode())
			.param("on", c.checkedOn())
			.param("mode", c.deliveryMode().name())
			.param("observed", c.deliveriesObserved())
			.param("handover", c.handoverRecords())
			.param("standard", c.standardDelivery())
			.param("findings", c.findings())
			.param("inspectors", c.inspectors())
			.param("count", c.inspectorCount())
			.param("bureau", bureauId)
			.param("at", OffsetDateTime.now(clock))
			.param("by", Actors.currentName())
			.param("imported", imported)
			.param("demo", demo)
			.query(Long.class)
			.single();
	}

	/**
	 * The checks in the caller's region (optionally of one village), newest first; the search box finds a check by its
	 * village's name or code, its findings or its inspectors ({@link Listing#search}).
	 */
	public PageResult<VillageCheck> list(DataScope scope, String villageCode, PageQuery page) {
		return inRegion(scope, null, villageCode, null, null, page);
	}

	/**
	 * The checks of a region the caller may read (blank: all of the caller's region), optionally of one village,
	 * checked on a day from {@code from} to {@code to} (inclusive; either null for no bound), newest first, searched as
	 * {@link #list(DataScope, String, PageQuery)}.
	 * @param from the period's first day, checked already (a reversed period is the caller's 400), or null
	 * @param to the period's last day, or null
	 * @throws InvalidValueException (400) for a region that is no whole region (field {@code region}) or a village code
	 *         that is not 12 digits (field {@code village})
	 * @throws AccessRefusedException (403) for a region or village outside the caller's region ({@link DataScope#regionFilter})
	 */
	public PageResult<VillageCheck> inRegion(DataScope scope, String region, String villageCode, LocalDate from,
			LocalDate to, PageQuery page) {
		String within = scope.regionFilter(region, "region");
		if (scope.kind() == DataScope.Kind.ENTERPRISE) {
			return new PageResult<>(List.of(), page.page(), page.size(), 0);
		}
		return page(scope, villageCode, within, from, to, page);
	}

	/**
	 * The checks in the caller's region of a region and period — the one the checks page's figures count
	 * ({@link UniversalFigures#figures(FiguresQuery)}: checked on a day from {@code period.from()} to
	 * {@code period.to()}, the village within {@code period.region()}) — optionally of one village, newest first,
	 * searched as {@link #list(DataScope, String, PageQuery)}.
	 * @param period already checked against the caller's scope ({@link FiguresQuery#of}); null for every check
	 */
	public PageResult<VillageCheck> list(DataScope scope, String villageCode, FiguresQuery period, PageQuery page) {
		if (scope.kind() == DataScope.Kind.ENTERPRISE) {
			return new PageResult<>(List.of(), page.page(), page.size(), 0);
		}
		return page(scope, villageCode, period == null ? "" : period.region(), period == null ? null : period.from(),
				period == null ? null : period.to(), page);
	}

	/**
	 * The checks of the caller's region in {@code region} (checked already), of one village and checked from
	 * {@code from} to {@code to} (inclusive) if given.
	 */
	private PageResult<VillageCheck> page(DataScope scope, String villageCode, String region, LocalDate from,
			LocalDate to, PageQuery page) {
		String village = RegionCode.typed(villageCode);
		if (village != null) {
			if (!village.matches("\\d{12}")) {
				throw new InvalidValueException("village", "format", "建制村代码应为12位行政区划代码");
			}
			scope.requireReadable(village, "village");
		}
		return Listing.from(FROM)
			.scope(scope, "c.village_code")
			.where(village != null, "c.village_code = :village", "village", village == null ? "" : village)
			.where(RegionPrefix.of(region).predicate("c.village_code"))
			.where(from != null, "c.checked_on >= :from", "from", from == null ? LocalDate.MIN : from)
			.where(to != null, "c.checked_on <= :to", "to", to == null ? LocalDate.MAX : to)
			// the village's name is read from the region view: the page's join only names the rows shown
			.search(page, jdbc, "c.id", List.of(Masked.numbers("c.findings")),
					"(SELECT n.name FROM region_name n WHERE n.code = c.village_code)", "c.village_code", "c.inspectors")
			.sorts(Map.of("checked_on", "c.checked_on"), "checked_on", true, "c.id DESC")
			.joinedToPage("JOIN region_name v ON v.code = c.village_code")
			.page(jdbc, COLUMNS, page, Rows.of(VillageCheck.class))
			.map(VillageCheck::masked);
	}

	/**
	 * One check in the caller's region, as the list shows it (findings masked); an enterprise reads none.
	 * @throws DomainException not found (404) otherwise
	 */
	public VillageCheck get(DataScope scope, long id) {
		return (scope.kind() == DataScope.Kind.ENTERPRISE ? Optional.<VillageCheck>empty()
				: jdbc.sql(COLUMNS + " " + FROM + " JOIN region_name v ON v.code = c.village_code"
						+ " WHERE c.id = :id AND " + scope.regionPredicate("c.village_code"))
					.params(scope.params())
					.param("id", id)
					.query(Rows.of(VillageCheck.class))
					.optional())
			.map(VillageCheck::masked)
			.orElseThrow(() -> DomainException.notFound("通邮检查", id));
	}

	/** The check of the caller's region that an inspection record stands for, if any. */
	public Optional<VillageCheck> byInspectionRecord(DataScope scope, long inspectionRecordId) {
		if (scope.kind() == DataScope.Kind.ENTERPRISE) {
			return Optional.empty();
		}
		return jdbc.sql(COLUMNS + " " + FROM + " JOIN region_name v ON v.code = c.village_code"
				+ " WHERE c.inspection_record_id = :record AND " + scope.regionPredicate("c.village_code"))
			.params(scope.params())
			.param("record", inspectionRecordId)
			.query(Rows.of(VillageCheck.class))
			.optional();
	}

	/** The checks of one village, newest first (at most 50), for its page. */
	public List<VillageCheck> ofVillage(DataScope scope, String villageCode) {
		return new ArrayList<>(list(scope, villageCode, new PageQuery("", 0, 50, "checked_on", true)).items());
	}

}
