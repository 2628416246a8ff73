package org.youguan.registry;

import org.youguan.kernel.Wording;
import org.youguan.rules.Provision;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.Collection;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.RegionPrefix;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Text;
import org.youguan.kernel.TransactionLocks;
import org.youguan.kernel.UniqueIdentifiers;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.Validation;
import org.youguan.region.RegionCode;
import org.youguan.region.Regions;
import org.youguan.registry.internal.enterprises.Enterprise;
import org.youguan.registry.internal.facilities.Facility;
import org.youguan.registry.internal.facilities.FacilityRepository;

/**
 * Post offices, parcel lockers and smart mailboxes, screening machines and care stations, within the caller's scope.
 */
@Service
public class Facilities {

	/** The most compartments a 智能快件箱 is registered with. */
	public static final int MAX_COMPARTMENTS = 10_000;

	/**
	 * The earliest 启用日期 a facility may have: 1896-03-20, when the national post (大清邮政官局) was founded — post
	 * offices still serving today opened long before 1949.
	 */
	public static final LocalDate EARLIEST_COMMISSIONED = LocalDate.of(1896, 3, 20);


	/**
	 * What a list of facilities is narrowed to; every part null for none.
	 * @param kind the facilities of this kind
	 * @param status the facilities of this status
	 * @param enterpriseId the owning enterprise's id (a form's choices among one enterprise's facilities)
	 */
	public record Filter(FacilityKind kind, FacilityStatus status, Long enterpriseId) {

		/** The filter of the list pages and the API, which do not narrow by enterprise. */
		public Filter(FacilityKind kind, FacilityStatus status) {
			this(kind, status, null);
		}

		/** Every facility of one enterprise (of any status), as far as the caller's scope reaches. */
		public static Filter ofEnterprise(long enterpriseId) {
			return new Filter(null, null, enterpriseId);
		}
	}

	/** The orders a list may ask for: request name → column. */
	static final Map<String, String> SORTS = Map.of("name", "f.name", "region_code", "f.region_code", "commissioned_on",
			"f.commissioned_on");

	private static final String COLUMNS = """
			SELECT f.id, f.kind, f.name, f.enterprise_id, e.legal_name AS enterprise_name, f.region_code,
			       r.name AS region_name, f.address, f.status, f.compartments, f.serial_number, f.services,
			       f.commissioned_on, f.demo""";

	private static final String FROM = """
			FROM facility f JOIN enterprise e ON e.id = f.enterprise_id JOIN region_name r
			    ON r.code = f.region_code COLLATE "default"
			""";

	private static final String SELECT = COLUMNS + " " + FROM;

	private final FacilityRepository facilities;

	private final Enterprises enterprises;

	private final Regions regions;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	Facilities(FacilityRepository facilities, Enterprises enterprises, Regions regions, JdbcClient jdbc, AuditTrail audit,
			Clock clock) {
		this.facilities = facilities;
		this.enterprises = enterprises;
		this.regions = regions;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * A page of facilities in the caller's scope, of a kind and status when asked, searched by name, address or the region
	 * code the list shows (or a screening machine's exact serial number).
	 */
	public PageResult<FacilityView> list(DataScope scope, Filter filter, PageQuery page) {
		return Listing.from(FROM)
			.countFrom("FROM facility f")
			.scope(scope, "f.operator_credit_code", "f.region_code")
			.where(filter.kind() != null, "f.kind = :kind", "kind", filter.kind() == null ? "" : filter.kind().name())
			.where(filter.status() != null, "f.status = :status", "status", filter.status() == null ? "" : filter.status().name())
			.where(filter.enterpriseId() != null, "f.enterprise_id = :enterprise", "enterprise",
					filter.enterpriseId() == null ? 0L : filter.enterpriseId())
			.search(page, "f.serial_number = :exact", Map.of("exact", page.identifier()), "f.name", "f.address",
					"f.region_code")
			.sorts(SORTS, "region_code", "f.id")
			.page(jdbc, COLUMNS, page, Rows.of(FacilityView.class));
	}

	public FacilityView get(DataScope scope, long id) {
		return jdbc.sql(SELECT + " WHERE f.id = :id AND " + scope.enterprisePredicate("f.operator_credit_code", "f.region_code"))
			.params(scope.params())
			.param("id", id)
			.query(Rows.of(FacilityView.class))
			.optional()
			.orElseThrow(() -> DomainException.notFound("设施", id));
	}

	/**
	 * The post offices (邮政普遍服务营业场所) the caller may read within a region that are not removed, by region and
	 * name: what a form naming a serving post office offers to choose from (a bureau its region's, an enterprise its
	 * own).
	 * @param regionPrefix a region code: its post offices and those of the regions below it
	 * @throws org.youguan.kernel.InvalidValueException (field region) unless the code is 1–12 digits
	 */
	public List<FacilityView> postOffices(DataScope scope, String regionPrefix) {
		return jdbc.sql(SELECT + " WHERE f.kind = :kind AND f.status <> :removed AND "
				+ RegionPrefix.of(regionPrefix).predicate("f.region_code") + " AND "
				+ scope.enterprisePredicate("f.operator_credit_code", "f.region_code") + " ORDER BY f.region_code, f.name, f.id")
			.params(scope.params())
			.param("kind", FacilityKind.POST_OFFICE.name())
			.param("removed", FacilityStatus.REMOVED.name())
			.query(Rows.of(FacilityView.class))
			.list();
	}

	/**
	 * The facilities among {@code ids} the caller may read, by id, in one query (the audit trail titles a listed page
	 * with it); ids out of the caller's scope or unknown are left out.
	 */
	public Map<Long, FacilityView> readable(DataScope scope, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql(SELECT + " WHERE f.id IN (:ids) AND " + scope.enterprisePredicate("f.operator_credit_code", "f.region_code"))
			.params(scope.params())
			.param("ids", ids)
			.query(Rows.of(FacilityView.class))
			.list()
			.stream()
			.collect(Collectors.toMap(FacilityView::id, Function.identity()));
	}

	/**
	 * Registers a facility of an enterprise of the caller's region.
	 * @return the new facility's id
	 * @throws org.youguan.kernel.InvalidValueException on {@code enterpriseId} (required, exists: none of that id in the
	 *         caller's region, cancelled) or the kind's fields
	 */
	@Transactional
	public long register(DataScope scope, FacilityData data, boolean demo) {
		return register(scope, data, demo, List.of());
	}

	/**
	 * As {@link #register(DataScope, FacilityData, boolean)}, continuing the checks a form ran while reading its values
	 * (a number or date it could not read): the refusals come in the platform's order — the owner chosen (required, in
	 * the caller's region) and every bad field at once, the form's included; only then the owner's state (注销,
	 * {@link Enterprises#requireOpen}) — nothing saved while any fails.
	 * @param formErrors the form's failures, or an empty list
	 */
	@Transactional
	public long register(DataScope scope, FacilityData data, boolean demo, List<FieldError> formErrors) {
		// access before fields: a region outside the caller's is not there (404), whatever else was sent (an import row is
		// told it on its column instead: validate)
		scope.refuseRegionOutside("regionCode", data.regionCode());
		Validation v = Validation.after(formErrors);
		Enterprise owner = v.check("enterpriseId", () -> enterprises.chosen(scope, data.enterpriseId(), "enterpriseId"));
		FacilityData clean = validate(scope, data, null, v);
		enterprises.requireOpen(owner, "enterpriseId");
		Facility f = facilities.save(Facility.register(clean, owner.creditCode(), demo, clock.instant()));
		audit.record(AuditEntry.of("facility.register", "Facility", f.id(), "登记" + f.kind().label() + "“" + f.name() + "”")
			.states(null, f.snapshot())
			.inRegion(f.regionCode()));
		return f.id();
	}

	@Transactional
	public void update(DataScope scope, long id, FacilityData data) {
		update(scope, id, data, List.of());
	}

	/**
	 * As {@link #update(DataScope, long, FacilityData)}, continuing the checks a form ran while reading its values: one
	 * answer names those fields and every field these checks refuse.
	 * @param formErrors the form's failures, or an empty list
	 */
	@Transactional
	public void update(DataScope scope, long id, FacilityData data, List<FieldError> formErrors) {
		Facility f = load(scope, id);
		// access before fields: a region outside the caller's is not there (404), whatever else was sent (an import row is
		// told it on its column instead: validate)
		scope.refuseRegionOutside("regionCode", data.regionCode());
		FacilityData clean = validate(scope, new FacilityData(f.kind(), data.name(), data.enterpriseId(), data.regionCode(),
				data.address(), data.compartments(), data.serialNumber(), data.services(), data.commissionedOn()), id,
				Validation.after(formErrors));
		var before = f.snapshot();
		f.apply(clean);
		facilities.save(f);
		audit.record(AuditEntry.of("facility.update", "Facility", id, "修改" + f.kind().label() + "“" + f.name() + "”")
			.states(before, f.snapshot())
			.inRegion(f.regionCode()));
	}

	/**
	 * 停用: takes the facility out of service for a while, with the reason, kept in the audit entry. A 邮政普遍服务营业场所
	 * is not suspended here: its 临时停业 is the postal enterprise's to report to the bureau (邮政法(2015) art.15), on
	 * the universal service's 临时停业 report.
	 * @throws DomainException 404 outside the caller's scope; 422 (field {@code kind}, rule {@code universal-approval})
	 *         for a post office; 409 when not in service
	 * @throws org.youguan.kernel.InvalidValueException on {@code reason} ({@link StatusReason})
	 */
	@Transactional
	public void suspend(DataScope scope, long id, String reason) {
		Facility f = load(scope, id);
		requireNotPostOffice(f, "临时停业须由邮政企业按营业场所临时停业报告（" + Provision.POSTAL_OFFICE_SUSPENSION + "），请在“普遍服务—营业场所”中报告临时停业，不能在设施登记中直接停用");
		// access → state → fields: a facility not in use is 409 whatever reason was sent
		f.requireSuspendable();
		change(f, Facility::suspend, "facility.suspend", "停用", StatusReason.of(reason, "停用原因"));
	}

	@Transactional
	public void resume(DataScope scope, long id) {
		change(load(scope, id), Facility::resume, "facility.resume", "恢复使用", null);
	}

	/**
	 * 撤除: takes the facility off the register for good, with the reason, kept in the audit entry. A 邮政普遍服务营业场所
	 * is not removed here: its 撤销 (or 搬迁) needs the bureau's approval and a public notice (邮政法(2015) art.9), on the
	 * 营业场所撤销、搬迁审批.
	 * @throws DomainException 404 outside the caller's scope; 422 (field {@code kind}, rule {@code universal-approval})
	 *         for a post office; 409 when removed already
	 * @throws org.youguan.kernel.InvalidValueException on {@code reason} ({@link StatusReason})
	 */
	@Transactional
	public void remove(DataScope scope, long id, String reason) {
		Facility f = load(scope, id);
		requireNotPostOffice(f, "撤销邮政普遍服务营业场所须经邮政管理部门批准并向社会公告（" + Provision.POSTAL_OFFICE_CLOSURE + "），请通过“营业场所撤销、搬迁审批”办理，不能在设施登记中直接撤除");
		f.requireRemovable();
		change(f, Facility::remove, "facility.remove", "撤除", StatusReason.of(reason, "撤除原因"));
	}

	/** Refuses the direct status step on a 邮政普遍服务营业场所 (422), telling the procedure that takes it. */
	private static void requireNotPostOffice(Facility f, String refusal) {
		if (f.kind() == FacilityKind.POST_OFFICE) {
			throw DomainException.rule("kind", "universal-approval", refusal);
		}
	}

	private void change(Facility f, Consumer<Facility> transition, String action, String verb, String reason) {
		var before = f.snapshot();
		transition.accept(f);
		facilities.save(f);
		audit.record(AuditEntry.of(action, "Facility", f.id(), verb + f.kind().label() + "“" + f.name() + "”"
				+ (reason == null ? "" : "：" + reason))
			.states(before, f.snapshot())
			.inRegion(f.regionCode()));
	}

	private Facility load(DataScope scope, long id) {
		Facility f = facilities.findById(id).orElseThrow(() -> DomainException.notFound("设施", id));
		scope.requireRegion(f.regionCode(), "设施", id);
		return f;
	}

	/**
	 * Checks facility data as {@link #register} would, without saving: the owner in scope and not cancelled
	 * ({@link Enterprises#owner}, on {@code enterpriseId}) and the kind's rules — all of them, so an import row of a
	 * cancelled owner is told that with its other bad cells at once.
	 * @throws org.youguan.kernel.InvalidValueException every field error at once (the owner's: required, exists,
	 *         cancelled)
	 */
	public FacilityData check(DataScope scope, FacilityData data) {
		Validation owner = new Validation();
		owner.check("enterpriseId", () -> enterprises.owner(scope, data.enterpriseId(), "enterpriseId"));
		return validate(scope, data, null, owner);
	}

	/**
	 * The kind's rules for every field but the owner, for an import row whose owner cell already failed: the row's other
	 * bad cells are reported with it, not hidden behind it. The owner is not looked at; nothing is saved.
	 * @return the data cleaned, its enterprise as given — never to be registered
	 * @throws org.youguan.kernel.InvalidValueException every field error at once
	 */
	public FacilityData checkFields(DataScope scope, FacilityData data) {
		return validate(scope, data, null);
	}

	/**
	 * One facility of a kind and name at an address, for every path that registers or corrects one (page form, API,
	 * import): another of the same kind whose name is a twin ({@link Text#textKey}: "吴中测试设施。" and "吴中 测试 设施")
	 * at the same address ({@link Text#folded}) is refused on {@code name} (rule {@code unique}). Two requests at once are
	 * ordered by a transaction lock on the key, so the second one's check sees the first one's row.
	 */
	private void refuseTwin(Validation v, FacilityKind kind, String name, String address, Long selfId) {
		TransactionLocks.hold(jdbc, "facility:" + kind.name() + "|" + Text.textKey(name) + "|" + Text.folded(address));
		boolean twin = jdbc.sql("SELECT EXISTS (SELECT 1 FROM facility WHERE kind = :kind AND text_key(name) = text_key(:name) "
				+ "AND folded(address) = folded(:address) AND id <> :self)")
			.param("kind", kind.name())
			.param("name", name)
			.param("address", address)
			.param("self", selfId == null ? 0L : selfId)
			.query(Boolean.class)
			.single();
		v.require("name", !twin, "unique", Wording.of("registry.refusal.facilityTwin", kind), "该地址已有同名" + kind.label());
	}

	/**
	 * Whether another facility than {@code selfId} carries this serial or a look-alike of it
	 * ({@link UniqueIdentifiers}: letter case, spaces, dashes and underscores folded).
	 */
	private boolean serialTaken(String serial, Long selfId) {
		return UniqueIdentifiers.taken(jdbc, "facility", "serial_number", serial, "id <> :self",
				Map.of("self", selfId == null ? 0L : selfId));
	}

	private FacilityData validate(DataScope scope, FacilityData d, Long selfId) {
		return validate(scope, d, selfId, new Validation());
	}

	/** The kind's rules, added to {@code v} (which may hold the owner's failure already); throws them all at once. */
	private FacilityData validate(DataScope scope, FacilityData d, Long selfId, Validation v) {
		v.require("kind", d.kind() != null, "required", Wording.of("refusal.please.83"), "请选择设施类型");
		v.name("name", "名称", d.name(), 200);
		v.required("address", "地址", d.address()).address("address", "地址", d.address(), 300);
		RegionCode region = v.check("regionCode", () -> regions.require("regionCode", d.regionCode()));
		if (region != null) {
			v.require("regionCode", region.value().length() >= 6, "county-level", Wording.of("registry.refusal.facilityCountyLevel"), "设施所在地应具体到县（6位）或更细");
			// an import row's error on its column, beside its other cells (a step refused such a region before: 404)
			scope.requireWithin(v, "regionCode", region.value(), "设施所在地");
			regions.addressWithin(v, "address", "地址", d.address(), region.value(), "设施所在地");
		}
		v.within("commissionedOn", "启用日期", d.commissionedOn(), EARLIEST_COMMISSIONED, Validation.LATEST_RECORD);
		v.require("commissionedOn", d.commissionedOn() == null || !d.commissionedOn().isAfter(LocalDate.now(clock)),
				"not-future", Wording.of("registry.refusal.commissionedOnFuture"), "启用日期不能晚于今天");
		if (d.kind() != null && d.kind().hasCompartments()) {
			v.given("compartments", "格口数", d.compartments());
			v.require("compartments", d.compartments() == null || d.compartments() > 0
					&& d.compartments() <= MAX_COMPARTMENTS, "range", Wording.of("registry.refusal.compartmentsRange", String.valueOf(MAX_COMPARTMENTS)),
					"格口数应为1至" + MAX_COMPARTMENTS);
		}
		if (d.kind() == FacilityKind.SCREENING_MACHINE) {
			v.required("serialNumber", "设备序列号", d.serialNumber()).maxLength("serialNumber", "设备序列号", d.serialNumber(), 60)
				.serialNumber("serialNumber", "设备序列号", d.serialNumber());
			// compared by its key, so the serial typed in full-width, another letter case or with other separators
			// ("XR 320506 4", "xr-320506-4") is the same machine; a correction may keep the facility's own
			String serial = Text.identifier(d.serialNumber());
			if (serial != null && serialTaken(serial, selfId)) {
				v.require("serialNumber", false, "unique", Wording.of("registry.refusal.serialTaken", serial), "该序列号的安检机已登记：" + serial);
			}
		}
		if (d.kind() == FacilityKind.CARE_STATION) {
			v.required("services", "服务内容", d.services()).maxLength("services", "服务内容", d.services(), 300);
		}
		if (d.kind() != null && !v.hasError("name") && !v.hasError("address")) {
			refuseTwin(v, d.kind(), Text.name(d.name()), Text.line(d.address()), selfId);
		}
		v.throwIfInvalid();
		return new FacilityData(d.kind(), Text.name(d.name()), d.enterpriseId(), region.value(), Text.line(d.address()),
				d.compartments(), Text.identifier(d.serialNumber()), Text.blankToNull(d.services()),
				d.commissionedOn());
	}
}
