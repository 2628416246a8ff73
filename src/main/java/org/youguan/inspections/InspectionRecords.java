package org.youguan.inspections;

import org.youguan.kernel.ChineseText;
import org.youguan.numbering.OfficialNumbers;
import org.youguan.org.Bureaus;
import org.youguan.org.DocumentAgency;
import org.youguan.rules.Provision;
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

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.kernel.Actors;
import org.youguan.kernel.Choice;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.Decimals;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Rows;
import org.youguan.kernel.StepAccess;
import org.youguan.kernel.Text;
import org.youguan.kernel.UniqueIdentifiers;
import org.youguan.kernel.TransactionLocks;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.registry.Branches;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.registry.Outlets;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

/**
 * Inspection records: who was inspected, when, by which team, against which items, with which outcome — and the
 * 责令改正通知书 when one was issued. Every record is validated the same way whether typed on the platform or brought
 * with a bureau's history (then marked imported), placed in the inspected enterprise's region, and audited.
 */
@Service
public class InspectionRecords {

	/** The earliest inspection day a record may carry. */
	static final LocalDate EARLIEST = Validation.EARLIEST_ACT;

	private final JdbcClient jdbc;

	private final Enterprises enterprises;

	private final InspectionItems items;

	private final Inspectors inspectors;

	private final StatutoryRules rules;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Branches branches;

	private final Outlets outlets;

	/** Tells an order's provisional deadline (暂定) in the lists. */
	private final WorkingCalendar calendar;

	/** Checks that a 双随机 record is the check of a drawn target of the plan it names. */
	private final InspectionPlans plans;

	private final Bureaus bureaus;

	InspectionRecords(JdbcClient jdbc, Enterprises enterprises, InspectionItems items, Inspectors inspectors,
			StatutoryRules rules, AuditTrail audit, ApplicationEventPublisher events, Clock clock, Branches branches,
			Outlets outlets, WorkingCalendar calendar, InspectionPlans plans, Bureaus bureaus) {
		this.bureaus = bureaus;
		this.calendar = calendar;
		this.plans = plans;
		this.branches = branches;
		this.outlets = outlets;
		this.jdbc = jdbc;
		this.enterprises = enterprises;
		this.items = items;
		this.inspectors = inspectors;
		this.rules = rules;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Refuses a new inspection record (the API's {@code POST /api/v1/inspections/records}, the page form's
	 * {@code POST /inspections/records}) that names what was inspected outside a bureau's region, before any field is
	 * read or bound — every way the request names it: a branch or an outlet ({@code objectType} BRANCH or OUTLET with
	 * {@code objectId}; the page form's {@code object}, {@code BRANCH:<id>}) outside the caller's region is not there
	 * (404 on {@code objectId}), one inside it places the record there whoever the enterprise is (the step checks that
	 * it is the enterprise's); otherwise — the enterprise itself, whatever else is sent ({@code place}, the 检查地点, is
	 * free text and places nothing; an {@code objectId} with no branch or outlet type names none) — an enterprise
	 * registered outside the caller's region is not there (404 on {@code enterpriseCreditCode},
	 * {@link Enterprises#refuseOutside}). A national, an enterprise's or the public's scope, values that name nothing
	 * (a code no enterprise has, an id that is no whole number) are left to the step's own rules, which name the field.
	 * @param scope the caller's scope
	 * @param sent what the request sends under each field's name
	 * @throws DomainException not found (404) for a branch, outlet or enterprise outside {@code scope}'s region
	 */
	public void refuseOutside(DataScope scope, StepAccess.Sent sent) {
		if (scope.kind() != DataScope.Kind.REGION) {
			return;
		}
		List<String> types = new ArrayList<>(sent.values("objectType").stream().map(InspectionRecords::objectType).toList());
		List<String> ids = new ArrayList<>(sent.values("objectId"));
		for (String object : sent.values("object")) {
			// the page form's one field: ENTERPRISE (or blank), BRANCH:<id>, OUTLET:<id>
			String[] parts = Text.isBlank(object) ? new String[] { "ENTERPRISE" } : Text.strip(object).split(":", 2);
			types.add(objectType(parts[0]));
			if (parts.length == 2) {
				ids.add(parts[1]);
			}
		}
		List<Long> numbers = ids.stream().map(Decimals::whole).toList();
		boolean placed = !types.isEmpty() && !numbers.isEmpty() && !numbers.contains(null)
				&& types.stream().allMatch(t -> t.equals("BRANCH") || t.equals("OUTLET"));
		if (placed) {
			for (String type : types) {
				for (Long id : numbers) {
					requireObjectWithin(scope, type, id);
				}
			}
			return;
		}
		for (String code : sent.values("enterpriseCreditCode")) {
			enterprises.refuseOutside(scope, code);
		}
	}

	/** An object type as sent, as the step reads it: stripped, upper case; ENTERPRISE for blank. */
	private static String objectType(String typed) {
		return Text.isBlank(typed) ? "ENTERPRISE" : Text.strip(typed).toUpperCase(Locale.ROOT);
	}

	/** Refuses a branch or outlet not in the caller's scope: not there (404 on {@code objectId}), its name untold. */
	private void requireObjectWithin(DataScope scope, String type, long id) {
		String label = type.equals("BRANCH") ? "分支机构" : "末端网点";
		try {
			if (type.equals("BRANCH")) {
				branches.get(scope, id);
			}
			else {
				outlets.get(scope, id);
			}
		}
		catch (DomainException outside) {
			String message = label + id + "不存在或不在您的数据权限范围内";
			throw new DomainException(ErrorCode.NOT_FOUND, message, List.of(new FieldError("objectId", "scope", message)));
		}
	}

	/**
	 * Records an inspection after checking every field (all errors at once, each naming its field in Chinese): the
	 * enterprise registered and inside the caller's scope; the day not in the future; a team of at least
	 * {@link StatutoryRule#INSPECTION_MIN_INSPECTORS} (邮政法(2015) art.63; 行政处罚法(2021) art.42) with distinct
	 * certificate numbers, each matching the roster's name and valid on the day when the roster knows it, and of a
	 * bureau the form offers — above the inspected place or inside the caller's region, never another county's or
	 * city's ({@code inspectors[i].certificateNumber}, rule {@code bureau}) — (inspectors not, or no longer, on the
	 * roster are kept by name and certificate number); the items from the catalogue; an
	 * order when the outcome is 责令改正 (required for an imported record; a record made on the platform may leave it to
	 * {@link InspectionOrders#issue}, which numbers it), its dates in order and its deadline a working day 1 to
	 * {@link org.youguan.rules.StatutoryRule#INSPECTION_RECTIFICATION_MAX} (180) working days after its issue day in the
	 * record's region ({@link RectificationTerm}, as an order issued on the platform), none for another outcome; the object
	 * inspected, when a branch or an outlet is named, registered, inside the caller's scope and the enterprise's own
	 * (the record then takes the branch's or outlet's region: the bureau of that place inspected it). A lead outcome
	 * publishes {@link InspectionLeadRaised}.
	 * @param bureauId the recording bureau (null for a national or system caller)
	 * @param imported a past inspection brought with the bureau's history
	 * @param demo part of the demo city
	 * @return the record's id
	 * @throws InvalidValueException (400) naming each field that breaks a rule
	 * @throws DomainException (409) when the order's 文号 is already used in the region, or the same inspection
	 *         (enterprise, day, type, team by certificate number) is recorded already
	 */
	@Transactional
	public long record(DataScope scope, Long bureauId, InspectionRecordData data, boolean imported, boolean demo) {
		return save(scope, bureauId, data, check(scope, data, imported, null, bureauId), imported, demo);
	}

	/**
	 * Records an inspection that took place at a place of a region rather than at the enterprise's seat — the on-site
	 * 通邮 check of a 建制村 is the inspection of the postal enterprise serving the village (邮政法(2015) art.15, 19): the
	 * record is placed in {@code regionCode} (the bureau of that place inspected it, so its lists and its 检查企业N家 /
	 * 出检N人次 count it), and the enterprise may be registered outside the caller's scope (a city's postal company
	 * serves the villages of its counties). Everything else is checked as {@link #record} checks it, but the team's
	 * roster entries must be of the bureaus above the place only (a village's county, city and province: rule
	 * {@code bureau}); the object is the enterprise itself.
	 * @param regionCode the region the inspection took place in (a village code for a 通邮 check), inside the
	 *        caller's scope
	 * @return the record's id
	 * @throws InvalidValueException (400) naming each field that breaks a rule ({@code objectType} when a branch or an
	 *         outlet is named)
	 * @throws DomainException not found (404) when {@code regionCode} is not digits inside the caller's scope; (409) as
	 *         {@link #record}
	 */
	@Transactional
	public long recordAt(DataScope scope, Long bureauId, InspectionRecordData data, String regionCode, boolean demo) {
		if (regionCode == null || !regionCode.matches("\\d{1,12}") || !scope.containsRegion(regionCode)) {
			throw DomainException.notFound("地区", regionCode);
		}
		return save(scope, bureauId, data, check(scope, data, false, regionCode, bureauId), false, demo);
	}

	/**
	 * The region of the enterprise a credit code as typed names ({@link CreditCode#written}), when it is registered in
	 * the caller's scope — where an inspection of it is recorded ({@link Checked#region}) —; null otherwise. For an
	 * import comparing a row its check refused with the others.
	 */
	String enterpriseRegion(DataScope scope, String typedCreditCode) {
		String code = CreditCode.written(typedCreditCode);
		return code == null ? null : enterprises.findByCreditCode(code).map(EnterpriseView::regionCode)
			.filter(scope::containsRegion).orElse(null);
	}

	/**
	 * Whether a rectification order of the region bears this 文号 or a look-alike of it ({@link UniqueIdentifiers}:
	 * letter case, spaces, dashes and underscores folded).
	 */
	boolean orderNumberUsed(String region, String number) {
		return UniqueIdentifiers.taken(jdbc, "rectification_order", "number", number, "region_code = :region",
				Map.of("region", region));
	}

	private long save(DataScope scope, Long bureauId, InspectionRecordData data, Checked c, boolean imported,
			boolean demo) {
		// one inspection is one record: the same inspection sent twice (a double click, a retried call, two at once —
		// the lock orders them) would double 检查企业N家 and 出检N人次
		TransactionLocks.hold(jdbc, "inspection_record:" + c.enterprise().creditCode() + ":" + c.inspectedOn());
		if (recordedAlready(c, Text.blankToNull(data.findings()) == null ? null : Text.strip(data.findings()))) {
			throw DomainException.duplicate("enterpriseCreditCode",
					"该检查已有记录（同一检查对象、检查日期、检查类型、检查人员、检查事项和结果），不能重复登记");
		}
		if (c.order() != null && orderNumberUsed(c.region(), c.order().number())) {
			throw DomainException.duplicate("rectification.number", Wording.of("inspections.refusal.orderNumberTaken", c.order().number()),
					"责令改正通知书文号已被使用："
					+ c.order().number());
		}
		String actor = Actors.currentName();
		long id = jdbc.sql("""
				INSERT INTO inspection_record (bureau_id, region_code, enterprise_id, enterprise_credit_code,
				    enterprise_name, kind, inspected_on, place, outcome, findings, imported, demo, created_by, created_at,
				    object_type, object_id, object_name, plan_id)
				VALUES (:bureau, :region, :enterprise, :code, :name, :kind, :on, :place, :outcome, :findings, :imported,
				    :demo, :actor, :now, :objectType, :objectId, :objectName, :plan) RETURNING id""")
			.param("bureau", bureauId)
			.param("plan", c.kind() == InspectionKind.RANDOM ? data.planId() : null)
			.param("region", c.region())
			.param("objectType", c.object().type())
			.param("objectId", c.object().id())
			.param("objectName", c.object().name())
			.param("enterprise", c.enterprise().id())
			.param("code", c.enterprise().creditCode())
			.param("name", c.enterprise().legalName())
			.param("kind", c.kind().name())
			.param("on", c.inspectedOn())
			.param("place", Text.line(data.place()))
			.param("outcome", c.outcome().name())
			.param("findings", Text.blankToNull(data.findings()) == null ? null : Text.strip(data.findings()))
			.param("imported", imported)
			.param("demo", demo)
			.param("actor", actor)
			.param("now", OffsetDateTime.now(clock))
			.query(Long.class)
			.single();
		for (String item : c.items()) {
			jdbc.sql("INSERT INTO inspection_record_item (record_id, item_code) VALUES (:id, :item)")
				.param("id", id).param("item", item).update();
		}
		for (int i = 0; i < c.team().size(); i++) {
			Member m = c.team().get(i);
			jdbc.sql("""
					INSERT INTO inspection_record_inspector (record_id, position, inspector_id, name, certificate_number)
					VALUES (:id, :pos, :inspector, :name, :certificate)""")
				.param("id", id).param("pos", i + 1).param("inspector", m.inspectorId()).param("name", m.name())
				.param("certificate", m.certificateNumber()).update();
		}
		if (c.order() != null) {
			Order o = c.order();
			jdbc.sql("""
					INSERT INTO rectification_order (record_id, region_code, enterprise_credit_code, number, issued_on,
					    due_on, rectified_on, status)
					VALUES (:id, :region, :code, :number, :issued, :due, :rectified, :status)""")
				.param("id", id).param("region", c.region()).param("code", c.enterprise().creditCode())
				.param("number", o.number()).param("issued", o.issuedOn()).param("due", o.dueOn())
				.param("rectified", o.rectifiedOn()).param("status", o.rectifiedOn() == null ? "ISSUED" : "ACCEPTED").update();
		}
		audit.record(AuditEntry.of(imported ? "inspection.import" : "inspection.record", "inspection", id,
				(imported ? "导入历史检查记录：" : "登记检查记录：") + c.enterprise().legalName()
						+ (c.object().name() == null ? "" : "·" + c.object().name()) + "，" + ChineseText.day(c.inspectedOn()) + "，"
						+ c.kind().label() + "，" + c.outcome().label() + (c.order() == null ? "" : "（" + c.order().number() + "）"))
			.inRegion(c.region()));
		if (c.outcome() == InspectionOutcome.LEAD) {
			events.publishEvent(new InspectionLeadRaised(id, c.region(), c.enterprise().creditCode(),
					Text.strip(data.findings()), c.inspectedOn(), imported));
		}
		return id;
	}

	/**
	 * Whether this very inspection is recorded already: the same object (enterprise, branch or outlet) and region, day,
	 * type, team by certificate, items, outcome and findings — a request sent twice, not a second visit that day (nor
	 * the same team's check of another village served by the same enterprise, {@link #recordAt}).
	 */
	private boolean recordedAlready(Checked c, String findings) {
		List<String> certificates = c.team().stream().map(Member::certificateNumber).sorted().toList();
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM inspection_record r WHERE r.enterprise_credit_code = :code
				    AND r.inspected_on = :on AND r.kind = :kind AND r.outcome = :outcome AND r.region_code = :region
				    AND r.object_type IS NOT DISTINCT FROM :objectType AND r.object_id IS NOT DISTINCT FROM :objectId
				    AND r.findings IS NOT DISTINCT FROM :findings
				    AND (SELECT array_agg(t.certificate_number::text ORDER BY t.certificate_number::text)
				         FROM inspection_record_inspector t WHERE t.record_id = r.id) = CAST(:certificates AS text[])
				    AND (SELECT coalesce(array_agg(i.item_code::text ORDER BY i.item_code::text), '{}')
				         FROM inspection_record_item i WHERE i.record_id = r.id) = CAST(:items AS text[]))""")
			.param("code", c.enterprise().creditCode())
			.param("on", c.inspectedOn())
			.param("kind", c.kind().name())
			.param("outcome", c.outcome().name())
			.param("region", c.region())
			.param("objectType", c.object().type())
			.param("objectId", c.object().id())
			.param("findings", findings)
			.param("certificates", certificates.toArray(String[]::new))
			.param("items", c.items().stream().sorted().toArray(String[]::new))
			.query(Boolean.class)
			.single();
	}

	/** Whether the same inspection (enterprise, day, type and team by certificate) is recorded already. */
	boolean recorded(Checked c) {
		List<String> certificates = c.team().stream().map(Member::certificateNumber).sorted().toList();
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM inspection_record r WHERE r.enterprise_credit_code = :code
				    AND r.inspected_on = :on AND r.kind = :kind
				    AND (SELECT array_agg(t.certificate_number::text ORDER BY t.certificate_number::text)
				         FROM inspection_record_inspector t WHERE t.record_id = r.id) = CAST(:certificates AS text[]))""")
			.param("code", c.enterprise().creditCode())
			.param("on", c.inspectedOn())
			.param("kind", c.kind().name())
			.param("certificates", certificates.toArray(String[]::new))
			.query(Boolean.class)
			.single();
	}

	/**
	 * One inspection in a list: who (the enterprise, and the branch or outlet inspected: {@code objectType} ENTERPRISE,
	 * BRANCH or OUTLET, {@code objectName} null for the enterprise itself), where (region code and name), when, what
	 * kind, the outcome, the team size and the order if one was issued ({@code dueOnProvisional}: its deadline lies in a
	 * year whose holiday notice is not loaded, {@link WorkingCalendar#isProvisional(LocalDate)}, 暂定).
	 */
	public record RecordSummary(long id, LocalDate inspectedOn, String enterpriseName, String enterpriseCreditCode,
			String regionCode, String regionName, String objectType, String objectName, InspectionKind kind,
			InspectionOutcome outcome, boolean imported, long inspectors, String orderNumber, LocalDate dueOn,
			boolean dueOnProvisional, LocalDate rectifiedOn, LocalDate leadRaisedOn) {

		/** The same inspection with {@code dueOnProvisional} as {@code calendar} counts its order's deadline. */
		RecordSummary counted(WorkingCalendar calendar) {
			return new RecordSummary(id, inspectedOn, enterpriseName, enterpriseCreditCode, regionCode, regionName,
					objectType, objectName, kind, outcome, imported, inspectors, orderNumber, dueOn,
					dueOn != null && calendar.isProvisional(dueOn), rectifiedOn, leadRaisedOn);
		}

		/** What was inspected as one line: the enterprise, or "enterprise · branch/outlet name". */
		public String objectTitle() {
			return objectName == null ? enterpriseName : enterpriseName + " · " + objectName;
		}
	}

	static final Map<String, String> SORTS = Map.of("inspected_on", "r.inspected_on", "enterprise_name",
			"r.enterprise_name", "outcome", "r.outcome");

	/**
	 * A page of inspections the caller may see — staff those in their region, an enterprise its own — searched by
	 * enterprise name, credit code, the branch's or outlet's name or the order number, newest first by default (an
	 * export passes {@link org.youguan.kernel.ListRequest#toExport()}'s page).
	 */
	public PageResult<RecordSummary> list(DataScope scope, PageQuery page) {
		return Listing.from("FROM inspection_record r LEFT JOIN rectification_order o ON o.record_id = r.id"
				+ " LEFT JOIN region_name rn ON rn.code = r.region_code")
			.countFrom("FROM inspection_record r LEFT JOIN rectification_order o ON o.record_id = r.id")
			.scope(scope, "r.enterprise_credit_code", "r.region_code")
			.search(page, "r.enterprise_name", "r.enterprise_credit_code", "r.object_name", "o.number")
			.sorts(SORTS, "inspected_on", true, "r.id")
			.page(jdbc, """
					SELECT r.id, r.inspected_on, r.enterprise_name, r.enterprise_credit_code, r.region_code,
					       coalesce(rn.name, r.region_code) AS region_name, r.object_type, r.object_name, r.kind,
					       r.outcome, r.imported,
					       (SELECT count(*) FROM inspection_record_inspector t WHERE t.record_id = r.id) AS inspectors,
					       o.number AS order_number, o.due_on, o.rectified_on, o.lead_raised_on""", page,
					Rows.of(RecordSummary.class))
			.map(r -> r.counted(calendar));
	}


	record Member(Long inspectorId, String name, String certificateNumber) {
	}

	record Order(String number, LocalDate issuedOn, LocalDate dueOn, LocalDate rectifiedOn) {
	}

	/** The object inspected: the enterprise itself (type ENTERPRISE, no id, no name), or a branch or an outlet. */
	record InspectedObject(String type, Long id, String name, String regionCode) {

		static final InspectedObject ENTERPRISE = new InspectedObject("ENTERPRISE", null, null, null);
	}

	record Checked(EnterpriseView enterprise, LocalDate inspectedOn, InspectionKind kind, List<String> items,
			List<Member> team, InspectionOutcome outcome, Order order, InspectedObject object) {

		/** The record's region: the branch's or outlet's when one is named, else the enterprise's. */
		String region() {
			return object.regionCode() != null ? object.regionCode() : enterprise.regionCode();
		}
	}

	Checked check(DataScope scope, InspectionRecordData data, boolean imported) {
		return check(scope, data, imported, null, null);
	}

	/**
	 * As {@link #check(DataScope, InspectionRecordData, boolean)}, the record placed in {@code at} when not null, kept by
	 * bureau {@code bureauId} (null: the caller's), whose 机关代字 an order's 文号 bears.
	 */
	private Checked check(DataScope scope, InspectionRecordData data, boolean imported, String at, Long bureauId) {
		Validation v = new Validation();
		LocalDate today = LocalDate.now(clock);
		EnterpriseView enterprise = null;
		String objectType = Text.blankToNull(data.objectType()) == null ? "ENTERPRISE"
				: Text.strip(data.objectType()).toUpperCase(Locale.ROOT);
		boolean place = objectType.equals("BRANCH") || objectType.equals("OUTLET") || at != null;
		if (at != null && !objectType.equals("ENTERPRISE")) {
			v.require("objectType", false, "one-of", "在建制村等地点检查时，检查对象为企业本身");
		}
		else if (!place && !objectType.equals("ENTERPRISE")) {
			v.require("objectType", false, "one-of", InspectionPlans.OBJECT_TYPES_LISTED);
		}
		if (Text.blankToNull(data.enterpriseCreditCode()) == null) {
			v.require("enterpriseCreditCode", false, "required", "被检查企业统一社会信用代码不能为空");
		}
		else {
			String code = v.check("enterpriseCreditCode", () -> CreditCode.of(data.enterpriseCreditCode()).value());
			if (code != null) {
				// a branch or outlet in the caller's region may belong to an enterprise registered elsewhere
				enterprise = enterprises.findByCreditCode(code).filter(e -> place || scope.containsRegion(e.regionCode()))
					.orElse(null);
				v.require("enterpriseCreditCode", enterprise != null, "exists",
						"被检查企业不在您辖区的企业名录中：" + code);
			}
		}
		InspectedObject object = at != null ? new InspectedObject("ENTERPRISE", null, null, at)
				: object(v, scope, objectType, data.objectId(), enterprise);
		v.required("inspectedOn", "检查日期", data.inspectedOn());
		LocalDate on = v.date("inspectedOn", "检查日期", data.inspectedOn(), EARLIEST, today);
		InspectionKind kind = parse(v, "kind", "检查类型", data.kind(), InspectionKind.class);
		InspectionOutcome outcome = parse(v, "outcome", "检查结果", data.outcome(), InspectionOutcome.class);
		List<String> chosen = null;
		try {
			chosen = items.require(scope, data.items(), "items");
		}
		catch (InvalidValueException ex) {
			ex.fieldErrors().forEach(e -> v.require(e.field(), false, e.rule(), e.message()));
		}
		String placed = at != null ? at : object.regionCode() != null ? object.regionCode()
				: enterprise == null ? null : enterprise.regionCode();
		List<Member> team = team(v, data.inspectors(), on, enterprise == null ? "" : enterprise.regionCode(),
				new TeamBureaus(scope, placed, at != null));
		if (outcome != null && outcome != InspectionOutcome.NONE) {
			v.required("findings", "检查发现的问题", data.findings());
		}
		drawnTarget(v, scope, data, kind, enterprise, object, on, team);
		v.maxLength("findings", "检查发现的问题", data.findings(), 2000);
		v.line("place", "检查地点", data.place(), 200);
		Order order = null;
		if (outcome == InspectionOutcome.RECTIFICATION && (imported || data.rectification() != null)) {
			order = order(v, data.rectification(), on, today, calendar, RectificationTerm.maxWorkingDays(rules, placed));
			// an order the recording bureau issued bears its own 机关代字 and 责改 (attack A2: another bureau's code, a
			// two-digit year): the recording bureau's, else the caller's, else (a national caller) the bureau handling
			// the place's records (the city's for a county whose bureau has no 处室工作人员, not the nearest's)
			String placeBureau = placed == null ? null : bureaus.handlingRegion(placed);
			String issuing = bureauId != null ? jdbc.sql("SELECT region_code FROM bureau_name WHERE id = :id")
				.param("id", bureauId).query(String.class).optional().orElse(placeBureau)
					: scope.regionPrefix() != null && !scope.regionPrefix().isEmpty() ? scope.regionPrefix() : placeBureau;
			if (order != null && issuing != null) {
				DocumentAgency agency = bureaus.documentAgency(issuing);
				OfficialNumbers.checkTyped(v, "rectification.number", "责令改正通知书文号", InspectionOrders.NUMBER_TYPE,
						agency.code(), code -> bureaus.seriesRegionOf(code).isPresent(), order.number());
			}
		}
		else if (data.rectification() != null) {
			v.require("rectification", false, "absent", Wording.of("inspections.invalid.rectificationOnlyOrdered"),
					"只有检查结果为责令改正时才填写责令改正通知书");
		}
		v.throwIfInvalid();
		return new Checked(enterprise, on, kind, chosen, team, outcome, order, object);
	}

	/**
	 * A 双随机 record (kind RANDOM) names the plan that drew what it inspected, and is that target's check
	 * ({@link InspectionPlans#drawnRecordProblems}: drawn by the plan, in its period and not before its draw, by the
	 * drawn team free of conflicts, by the plan's bureau or one above) — whether made on site, sent by the API or
	 * imported: a "random" check of a freely chosen enterprise is not 双随机 (国办发〔2015〕58号) and would count towards
	 * the plan's results. Any other kind names no plan ({@code planId}, rule {@code absent}).
	 */
	private void drawnTarget(Validation v, DataScope scope, InspectionRecordData data, InspectionKind kind,
			EnterpriseView enterprise, InspectedObject object, LocalDate on, List<Member> team) {
		if (kind != InspectionKind.RANDOM) {
			v.require("planId", kind == null || data.planId() == null, "absent", "只有双随机抽查（kind=RANDOM）才填写抽查计划");
			return;
		}
		if (data.planId() == null) {
			v.require("planId", false, "required",
					"双随机抽查（kind=RANDOM）须注明抽中该对象的抽查计划：双随机抽查的对象和检查人员由抽查计划随机抽取");
			return;
		}
		if (enterprise == null) {
			return;
		}
		String objectKey = object.id() == null ? null : object.type() + ":" + object.id();
		plans.drawnRecordProblems(scope, data.planId(), enterprise.creditCode(), objectKey, on,
				team.stream().map(Member::certificateNumber).toList())
			.forEach(e -> v.require(e.field(), false, e.rule(), e.message()));
	}

	/**
	 * The branch or outlet named: registered, readable in the caller's scope and the enterprise's own; the enterprise
	 * itself when no object type (or ENTERPRISE) is given, and then no id.
	 */
	private InspectedObject object(Validation v, DataScope scope, String type, Long id, EnterpriseView enterprise) {
		if (type.equals("ENTERPRISE")) {
			v.require("objectId", id == null, "absent", "检查对象为企业本身时不填写分支机构或网点编号");
			return InspectedObject.ENTERPRISE;
		}
		String label = type.equals("BRANCH") ? "分支机构" : type.equals("OUTLET") ? "末端网点" : null;
		if (label == null) {
			return InspectedObject.ENTERPRISE;
		}
		if (id == null) {
			v.require("objectId", false, "required", "被检查的" + label + "编号不能为空");
			return InspectedObject.ENTERPRISE;
		}
		long enterpriseId;
		InspectedObject found;
		try {
			if (type.equals("BRANCH")) {
				var b = branches.get(scope, id);
				enterpriseId = b.enterpriseId();
				found = new InspectedObject(type, id, b.name(), b.regionCode());
			}
			else {
				var o = outlets.get(scope, id);
				enterpriseId = o.enterpriseId();
				found = new InspectedObject(type, id, o.name(), o.regionCode());
			}
		}
		catch (DomainException ex) {
			v.require("objectId", false, "exists", "被检查的" + label + "不在您辖区的名录中：" + id);
			return InspectedObject.ENTERPRISE;
		}
		if (enterprise != null) {
			v.require("objectId", enterpriseId == enterprise.id(), "belongs", "被检查的" + label + "不属于被检查企业"
					+ enterprise.legalName());
		}
		return found;
	}

	/**
	 * Whose roster entries may inspect: those of the bureaus above the place (the county, city and province of a village
	 * or of the inspected enterprise, branch or outlet); for a record not placed at a village also those of the
	 * bureaus inside the caller's region (a city's team may take its counties' inspectors, as its plans draw them) —
	 * what the forms offer ({@link Inspectors#drawable}). A hand-posted certificate of another county or city is
	 * refused.
	 * @param place the region the inspection took place in, or null when unknown (then only the caller's region counts)
	 * @param atPlace a record placed at a village ({@link #recordAt}): the place's chain only
	 * Also the rule for a penalty case's investigators (the enforcement module), where the place is the case's region.
	 */
	public record TeamBureaus(DataScope scope, String place, boolean atPlace) {

		/** Whether the roster entry's bureau may take part (true or false, nothing raised). */
		public boolean allows(Inspector inspector) {
			String bureau = inspector.regionCode() == null ? "" : inspector.regionCode();
			boolean above = place != null && place.startsWith(bureau);
			return above || !atPlace && scope.containsRegion(bureau);
		}

		/** The rule in words, for the refusal's message ("…的检查人员"). */
		public String rule() {
			return atPlace ? "该地（" + place + "）所在县、市、省邮政管理局的检查人员"
					: "本单位及下级单位、或被检查对象所在地上级邮政管理局的检查人员";
		}
	}

	private List<Member> team(Validation v, List<InspectionRecordData.TeamMember> members, LocalDate on, String region,
			TeamBureaus bureaus) {
		int min = rules.intValue(StatutoryRule.INSPECTION_MIN_INSPECTORS, region.isEmpty() ? "0" : region);
		List<Member> team = new ArrayList<>();
		if (members == null || members.size() < min) {
			v.require("inspectors", false, "min", Wording.of("inspections.refusal.inspectorsMin", min), "检查人员不得少于" + min + "人（" + Provision.POSTAL_INSPECTORS + "、" + Provision.PENALTY_TWO_OFFICERS + "）");
			return team;
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < members.size(); i++) {
			InspectionRecordData.TeamMember m = members.get(i);
			String field = "inspectors[" + i + "]";
			// the member as a person reads the list: 第2名检查人员, not inspectors[1]
			String who = "第" + (i + 1) + "名检查人员";
			if (m == null) {
				v.require(field, false, "required", who + "不能为空");
				continue;
			}
			v.name(field + ".name", who + "的姓名", m.name(), 50).personName(field + ".name", who + "的姓名", m.name());
			v.required(field + ".certificateNumber", who + "的执法证号", m.certificateNumber())
				.maxLength(field + ".certificateNumber", who + "的执法证号", m.certificateNumber(), 40)
				.voucherNumber(field + ".certificateNumber", who + "的执法证号", m.certificateNumber());
			if (Text.blankToNull(m.name()) == null || Text.blankToNull(m.certificateNumber()) == null) {
				continue;
			}
			String certificate = Inspectors.certificateNumber(m.certificateNumber());
			v.require(field + ".certificateNumber", seen.add(certificate), "unique",
					Wording.of("inspections.invalid.certificateTwice", i + 1, certificate), who + "的执法证号在同一检查组中重复：" + certificate);
			Optional<Inspector> known = inspectors.findByCertificate(certificate);
			if (known.isPresent()) {
				v.require(field + ".name", Text.name(known.get().name()).equals(Text.name(m.name())), "matches",
						who + "的姓名与检查人员名录库中该执法证号的持证人不符");
				v.require(field + ".certificateNumber", on == null || known.get().validOn(on), "valid",
						who + "的执法证在检查日已过有效期（有效期至" + ChineseText.day(known.get().validUntil()) + "）");
				v.require(field + ".certificateNumber", bureaus.allows(known.get()), "bureau",
						who + "不能参加此次检查：检查组只能由" + bureaus.rule() + "组成");
			}
			team.add(new Member(known.map(Inspector::id).orElse(null), Text.name(m.name()), certificate));
		}
		return team;
	}

	/**
	 * The order brought with a record: its 文号, its issue day (from the inspection to today), its deadline — held to
	 * the rule of the orders issued on the platform ({@link RectificationTerm}: a working day, 1 to
	 * {@code maxWorkingDays} working days after the issue day) — and the day it was rectified, if it was.
	 */
	private static Order order(Validation v, InspectionRecordData.Rectification r, LocalDate on, LocalDate today,
			WorkingCalendar calendar, int maxWorkingDays) {
		if (r == null) {
			v.require("rectification", false, "required", "检查结果为责令改正时，责令改正通知书不能为空");
			return null;
		}
		String number = Text.documentNumber(r.number());
		v.required("rectification.number", "责令改正通知书文号", number)
			.maxLength("rectification.number", "责令改正通知书文号", number, 60)
			.documentNumber("rectification.number", "责令改正通知书文号", number);
		v.required("rectification.issuedOn", "下达日期", r.issuedOn());
		v.required("rectification.dueOn", "整改期限", r.dueOn());
		LocalDate issued = v.date("rectification.issuedOn", "下达日期", r.issuedOn(),
				on == null ? EARLIEST : on, today);
		v.documentYear("rectification.number", "责令改正通知书文号", number, issued);
		LocalDate due = v.date("rectification.dueOn", "整改期限", r.dueOn(),
				issued == null ? EARLIEST : issued, Validation.LATEST_RECORD);
		if (due != null && issued != null && !due.isBefore(issued)) {
			RectificationTerm.checkDueOn(v, calendar, "rectification.dueOn", "整改期限", issued, due,
					maxWorkingDays);
		}
		LocalDate rectified = v.date("rectification.rectifiedOn", "整改完成日期",
				r.rectifiedOn(), issued == null ? EARLIEST : issued, today);
		return number == null ? null : new Order(number, issued, due, rectified);
	}

	private static <E extends Enum<E>> E parse(Validation v, String field, String label, String text, Class<E> type) {
		if (text == null || Text.isBlank(text)) {
			v.require(field, false, "required", label + "不能为空");
			return null;
		}
		try {
			return Enum.valueOf(type, Text.strip(text).toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			v.require(field, false, "one-of", Choice.oneOf(label, type), label + "应为" + Choice.listed(type) + "之一");
			return null;
		}
	}
}
