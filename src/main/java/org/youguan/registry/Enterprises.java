package org.youguan.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.Collection;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.Masking;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Telephone;
import org.youguan.kernel.Text;
import org.youguan.kernel.TransactionLocks;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.platform.ChinaTime;
import org.youguan.region.RegionCode;
import org.youguan.region.Regions;
import org.youguan.registry.internal.brands.BrandRepository;
import org.youguan.registry.internal.enterprises.Enterprise;
import org.youguan.registry.internal.enterprises.EnterpriseRepository;

/**
 * Enterprises, within the caller's scope: staff by region, an enterprise user its own enterprise.
 */
@Service
public class Enterprises {

	public record Filter(EnterpriseType type, Long brandId, EnterpriseStatus status) {

		public static final Filter NONE = new Filter(null, null, null);
	}

	/** The orders a list may ask for: request name → column. */
	static final Map<String, String> SORTS = Map.of("legal_name", "e.legal_name", "credit_code", "e.credit_code",
			"region_code", "e.region_code", "created_at", "e.created_at");

	private static final String FROM = "FROM enterprise e JOIN region_name r ON r.code = e.region_code LEFT JOIN brand b ON b.id = e.brand_id";

	/**
	 * The enterprise columns, with its outlets counted within the caller's scope (an enterprise registered in a county
	 * may run outlets elsewhere: a county sees only its own); an enterprise user counts all of its own.
	 */
	private static String select(DataScope scope) {
		return columns(scope) + " " + FROM;
	}

	private static String columns(DataScope scope) {
		String outletScope = scope.kind() == DataScope.Kind.ENTERPRISE ? "TRUE" : scope.regionPredicate("o.region_code");
		return """
				SELECT e.id, e.legal_name, e.credit_code, e.type, e.brand_id, b.name AS brand_name, e.legal_representative,
				       e.address, e.region_code, r.name AS region_name, e.contact_name, e.contact_phone AS contact_phone_masked,
				       e.status, e.demo,
				       (SELECT count(*) FROM express_licence l WHERE l.enterprise_id = e.id) AS licences,
				       (SELECT count(*) FROM terminal_outlet o WHERE o.enterprise_id = e.id AND %s) AS outlets"""
			.formatted(outletScope);
	}

	private final EnterpriseRepository enterprises;

	private final BrandRepository brands;

	private final Regions regions;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Enterprises(EnterpriseRepository enterprises, BrandRepository brands, Regions regions, JdbcClient jdbc,
			AuditTrail audit, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.enterprises = enterprises;
		this.brands = brands;
		this.regions = regions;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The day each enterprise began to operate as the register knows it: the issue day of its first express licence
	 * (快递业务经营许可: no express business before it), or — an enterprise without one, a postal enterprise — the day it
	 * was registered here. A statistics report is owed only for periods ending on or after that day.
	 * @param ids enterprises (ids not on the register are left out)
	 * @return the day by enterprise id
	 */
	public Map<Long, LocalDate> operatingSince(Collection<Long> ids) {
		Map<Long, LocalDate> since = new HashMap<>();
		if (ids.isEmpty()) {
			return since;
		}
		jdbc.sql("""
				SELECT e.id, coalesce((SELECT min(l.issued_on) FROM express_licence l WHERE l.enterprise_id = e.id),
				       CAST(e.created_at AT TIME ZONE 'Asia/Shanghai' AS date))
				FROM enterprise e WHERE e.id IN (:ids)""")
			.param("ids", ids)
			.query((rs, i) -> since.put(rs.getLong(1), rs.getObject(2, LocalDate.class)))
			.list();
		return since;
	}

	/**
	 * A page of enterprises in the caller's scope (an enterprise user sees itself), searched by name, exact credit code
	 * or the digits of the contact phone the list shows ({@link Listing.Masked#phone}: 5678 of 139****5678, never the
	 * whole number), filtered by type, brand and status.
	 */
	public PageResult<EnterpriseView> list(DataScope scope, Filter filter, PageQuery page) {
		return Listing.from(FROM)
			.countFrom("FROM enterprise e")
			.scope(scope, "e.credit_code", "e.region_code")
			// the contact phone as the list shows it (139****5678): found by the digits shown, never typed whole
			.search(page, "e.credit_code = :code", Map.of("code", page.identifier().toUpperCase()), jdbc, "e.id",
					List.of(Listing.Masked.phone("e.contact_phone").readInFullWhere("FALSE")), "e.legal_name", "e.credit_code",
					"e.region_code")
			.where(filter.type() != null, "e.type = :type", "type", filter.type() == null ? "" : filter.type().name())
			.where(filter.brandId() != null, "e.brand_id = :brand", "brand", filter.brandId() == null ? 0L : filter.brandId())
			.where(filter.status() != null, "e.status = :status", "status", filter.status() == null ? "" : filter.status().name())
			.sorts(SORTS, "region_code", "e.id")
			.page(jdbc, columns(scope), page, (rs, i) -> view(rs));
	}

	public Optional<EnterpriseView> find(DataScope scope, long id) {
		return jdbc.sql(select(scope) + " WHERE e.id = :id AND " + scope.enterprisePredicate("e.credit_code", "e.region_code"))
			.params(scope.params())
			.param("id", id)
			.query((rs, i) -> view(rs))
			.optional();
	}

	public EnterpriseView get(DataScope scope, long id) {
		return find(scope, id).orElseThrow(() -> DomainException.notFound("企业", id));
	}

	/**
	 * The enterprises among {@code ids} the caller may read, by id, in one query (the audit trail titles a listed page
	 * with it); ids out of the caller's scope or unknown are left out.
	 */
	public Map<Long, EnterpriseView> readable(DataScope scope, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql(select(scope) + " WHERE e.id IN (:ids) AND " + scope.enterprisePredicate("e.credit_code", "e.region_code"))
			.params(scope.params())
			.param("ids", ids)
			.query((rs, i) -> view(rs))
			.list()
			.stream()
			.collect(Collectors.toMap(EnterpriseView::id, Function.identity()));
	}

	/**
	 * Refuses a step that names, as typed ({@code enterpriseCreditCode} of a form or JSON body), an enterprise registered
	 * outside a bureau's region: not there (404, 企业…不存在或不在您的数据权限范围内, field {@code enterpriseCreditCode}) before
	 * any other field is read ({@code StepAccess.ofValue}). A code no enterprise has, a national or an enterprise's
	 * scope are left to the step's own rules, which name the field.
	 * @param scope the caller's scope
	 * @param creditCode the code as typed
	 * @throws DomainException not found for an enterprise outside {@code scope}'s region
	 */
	public void refuseOutside(DataScope scope, String creditCode) {
		if (scope.kind() != DataScope.Kind.REGION) {
			return;
		}
		findByCreditCode(creditCode)
			.ifPresent(e -> scope.refuseWithin("enterpriseCreditCode", e.regionCode(), "企业" + e.creditCode()));
	}

	/**
	 * The enterprise of a credit code as typed anywhere (a form, an API parameter or JSON field, a sheet, an enterprise's
	 * token): written as stored first ({@link CreditCode#written}: NFKC, invisible characters dropped, trimmed, upper
	 * case — "９１３２…" finds 9132…); empty for a blank code or none registered.
	 */
	public Optional<EnterpriseView> findByCreditCode(String creditCode) {
		String code = CreditCode.written(creditCode);
		if (code == null) {
			return Optional.empty();
		}
		return jdbc.sql(select(DataScope.all()) + " WHERE e.credit_code = :code")
			.param("code", code)
			.query((rs, i) -> view(rs))
			.optional();
	}

	/**
	 * The id of the enterprise with this credit code inside the caller's scope — how forms and sheets name an
	 * enterprise. A code that cannot be one is told on {@code field} by the rule it breaks ({@link CreditCode#checked}:
	 * 应为18位, 校验位错误 …), not as no enterprise of the region. One registered outside the scope is not there (404
	 * naming {@code field}, rule {@code scope}), as a record of another region is, whatever the form's other fields hold;
	 * an import row meeting it is told on its column.
	 * @throws InvalidValueException on {@code field} for a malformed code, or (rule {@code exists}) a code no enterprise has
	 * @throws DomainException not found for an enterprise outside {@code scope}
	 */
	public long idInScope(DataScope scope, String creditCode, String field) {
		Validation format = new Validation();
		CreditCode.checked(format, field, creditCode);
		format.throwIfInvalid();
		EnterpriseView e = findByCreditCode(creditCode)
			.orElseThrow(() -> new InvalidValueException(field, "exists", Wording.of("import.refused.noEnterpriseInScope"), "辖区内没有该统一社会信用代码的企业"));
		scope.refuseWithin(field, e.regionCode(), "企业" + e.creditCode());
		return e.id();
	}

	/**
	 * Registers an enterprise: its credit code not registered yet, its name held by no other enterprise that is not
	 * cancelled ({@link #nameHolder}).
	 * @throws InvalidValueException the fields that fail, all at once
	 * @throws DomainException duplicate (409) on {@code creditCode} or {@code legalName}; not found (404, before any
	 *         field) for a region outside the caller's scope ({@link DataScope#refuseRegionOutside})
	 */
	@Transactional
	public long register(DataScope scope, EnterpriseData data, boolean demo) {
		return register(scope, data, demo, List.of());
	}

	/**
	 * As {@link #register(DataScope, EnterpriseData, boolean)}, continuing the checks a form ran while reading its values
	 * (a brand's number that is no number, {@code kernel.FormBinding}): one answer names those fields and every field
	 * these checks refuse, nothing saved while any is.
	 * @param formErrors the form's failures, or an empty list
	 */
	@Transactional
	public long register(DataScope scope, EnterpriseData data, boolean demo, List<FieldError> formErrors) {
		// access before fields: a region outside the caller's is not there (404), whatever else was sent (an import row is
		// told it on its column instead: validate)
		scope.refuseRegionOutside("regionCode", data.regionCode());
		EnterpriseData clean = validate(scope, data, formErrors);
		if (enterprises.existsByCreditCode(clean.creditCode())) {
			throw DomainException.duplicate("creditCode", Wording.of("registry.refusal.creditCodeTaken", clean.creditCode()),
					"统一社会信用代码已登记：" + clean.creditCode());
		}
		refuseHeldName(clean.legalName(), clean.creditCode(), true);
		Enterprise e = enterprises.save(Enterprise.register(clean, demo, clock.instant()));
		audit.record(AuditEntry.of("enterprise.register", "Enterprise", e.id(), "登记企业“" + e.legalName() + "”")
			.states(null, e.snapshot())
			.inRegion(e.regionCode()));
		return e.id();
	}

	/**
	 * Corrects an enterprise's entry (everything but its credit code). The contact phone is shown masked: a blank one,
	 * or the masked value sent back unchanged, keeps the recorded number ({@link Masking#keptUnlessRetyped}). A new
	 * region publishes {@link EnterpriseMoved} (the enterprise's accounts follow it). A new name (another under
	 * {@link Text#enterpriseNameKey}) must not be held by another enterprise that is not cancelled ({@link #nameHolder}); the name
	 * kept is never refused.
	 * @throws InvalidValueException the fields that fail, all at once
	 * @throws DomainException duplicate (409) on {@code legalName}; not found (404, before any field) for the enterprise
	 *         or a new region outside the caller's scope
	 */
	@Transactional
	public void update(DataScope scope, long id, EnterpriseData data) {
		update(scope, id, data, List.of());
	}

	/**
	 * As {@link #update(DataScope, long, EnterpriseData)}, continuing the checks a form ran while reading its values, as
	 * {@link #register(DataScope, EnterpriseData, boolean, List)} does.
	 * @param formErrors the form's failures, or an empty list
	 */
	@Transactional
	public void update(DataScope scope, long id, EnterpriseData data, List<FieldError> formErrors) {
		Enterprise e = load(scope, id);
		// access before fields: a region outside the caller's is not there (404), whatever else was sent (an import row is
		// told it on its column instead: validate)
		scope.refuseRegionOutside("regionCode", data.regionCode());
		EnterpriseData clean = validate(scope, new EnterpriseData(data.legalName(), e.creditCode(), data.type(),
				data.brandId(), data.legalRepresentative(), data.address(), data.regionCode(), data.contactName(),
				Masking.keptUnlessRetyped(data.contactPhone(), e.contactPhone(), Masking::phone)), formErrors);
		if (!sameName(e.legalName(), clean.legalName())) {
			refuseHeldName(clean.legalName(), e.creditCode(), true);
		}
		var before = e.snapshot();
		String from = e.regionCode();
		e.apply(clean);
		enterprises.save(e);
		audit.record(AuditEntry.of("enterprise.update", "Enterprise", id, "修改企业“" + e.legalName() + "”")
			.states(before, e.snapshot())
			.inRegion(e.regionCode()));
		if (!from.equals(e.regionCode())) {
			events.publishEvent(new EnterpriseMoved(id, e.creditCode(), from, e.regionCode()));
		}
	}

	/**
	 * 登记停业, with the reason, kept in the audit entry.
	 * @throws DomainException 404 outside the caller's scope; 409 unless 正常
	 * @throws org.youguan.kernel.InvalidValueException on {@code reason} ({@link StatusReason})
	 */
	@Transactional
	public void suspend(DataScope scope, long id, String reason) {
		// access → state → fields: a suspended or cancelled enterprise is 409 whatever reason was sent
		load(scope, id).requireSuspendable();
		String why = StatusReason.of(reason, "停业原因");
		change(scope, id, Enterprise::suspend, "enterprise.suspend", "登记停业", "（停业原因：" + why + "）");
	}

	@Transactional
	public void resume(DataScope scope, long id) {
		change(scope, id, Enterprise::resume, "enterprise.resume", "恢复营业");
	}

	/**
	 * Cancels (注销) the enterprise, audited, and publishes {@link EnterpriseCancelled} so the modules keeping its records
	 * follow (the filing module closes its filed outlets).
	 * The reason is required as for 登记停业 and 撤除 ({@link StatusReason}) and kept in the audit entry, shown on the
	 * enterprise's history.
	 * @param reason why the enterprise leaves the register (注销原因), one line of at most 200 characters
	 * @throws DomainException NOT_FOUND outside the caller's scope, ILLEGAL_TRANSITION when cancelled already
	 * @throws org.youguan.kernel.InvalidValueException on {@code reason} ({@link StatusReason}): blank, too long, markup
	 */
	@Transactional
	public void cancel(DataScope scope, long id, String reason) {
		// access → state → fields: a cancelled enterprise is 409 whatever reason was sent (a blank one too)
		load(scope, id).requireCancellable();
		String why = StatusReason.of(reason, "注销原因");
		change(scope, id, Enterprise::cancel, "enterprise.cancel", "注销", "（注销原因：" + why + "）");
		Enterprise e = load(scope, id);
		events.publishEvent(new EnterpriseCancelled(id, e.creditCode(), e.legalName(),
				LocalDate.ofInstant(clock.instant(), ChinaTime.ZONE)));
	}

	private void change(DataScope scope, long id, Consumer<Enterprise> transition, String action,
			String verb) {
		change(scope, id, transition, action, verb, "");
	}

	private void change(DataScope scope, long id, Consumer<Enterprise> transition, String action, String verb,
			String why) {
		Enterprise e = load(scope, id);
		var before = e.snapshot();
		transition.accept(e);
		enterprises.save(e);
		audit.record(AuditEntry.of(action, "Enterprise", id, verb + "：" + e.legalName() + why)
			.states(before, e.snapshot())
			.inRegion(e.regionCode()));
	}

	/**
	 * Changes the holder's name and legal representative as an approved licence change (变更) states them (null:
	 * unchanged), audited before → after under {@code basis} (the decision). A new name held by another enterprise that
	 * is not cancelled is refused as on {@link #update} (the licensing module refuses such a change when it is applied
	 * for and again when it is approved; this is the last guard).
	 * @throws DomainException duplicate (409) on {@code legalName}
	 */
	@Transactional
	void changeByLicensing(long id, String legalName, String legalRepresentative, String basis) {
		Enterprise e = load(DataScope.all(), id);
		if (legalName != null && !sameName(e.legalName(), legalName)) {
			refuseHeldName(legalName, e.creditCode(), true);
		}
		var before = e.snapshot();
		jdbc.sql("""
				UPDATE enterprise SET legal_name = coalesce(:name, legal_name),
				    legal_representative = coalesce(:rep, legal_representative), version = version + 1 WHERE id = :id""")
			.param("name", legalName)
			.param("rep", legalRepresentative)
			.param("id", id)
			.update();
		Enterprise after = load(DataScope.all(), id);
		audit.record(AuditEntry.of("enterprise.licence-change", "Enterprise", id, "按" + basis + "变更企业名称或法定代表人：" + after.legalName())
			.states(before, after.snapshot())
			.inRegion(after.regionCode()));
	}

	/**
	 * Moves the holder to the premises an approved licence change (变更经营场所) states: its address ({@code address}, null:
	 * unchanged) and county {@code region}, audited before → after under {@code basis} (the decision); a new county
	 * publishes {@link EnterpriseMoved} as a correction on the register does (its accounts follow it). Nothing happens
	 * when both are as recorded.
	 */
	@Transactional
	void moveByLicensing(long id, String address, String region, String basis) {
		Enterprise e = load(DataScope.all(), id);
		var before = e.snapshot();
		String from = e.regionCode();
		int moved = jdbc.sql("""
				UPDATE enterprise SET address = coalesce(:address, address), region_code = :region, version = version + 1
				WHERE id = :id AND (region_code <> :region OR address IS DISTINCT FROM coalesce(:address, address))""")
			.param("address", address)
			.param("region", region)
			.param("id", id)
			.update();
		if (moved == 0) {
			return;
		}
		Enterprise after = load(DataScope.all(), id);
		audit.record(AuditEntry.of("enterprise.licence-move", "Enterprise", id, "按" + basis + "变更经营场所：" + after.legalName()
				+ "迁至" + (address == null ? "" : address) + "（" + after.regionCode() + "）")
			.states(before, after.snapshot())
			.inRegion(after.regionCode()));
		if (!from.equals(after.regionCode())) {
			events.publishEvent(new EnterpriseMoved(id, after.creditCode(), from, after.regionCode()));
		}
	}

	/**
	 * The enterprises a staff form offers to name (a select or a typed credit code's suggestions): those in the
	 * caller's scope that are not cancelled (注销), by name — what {@link #owner} and the ledgers accept.
	 */
	public List<EnterpriseView> choosable(DataScope scope) {
		return list(scope, Filter.NONE, PageQuery.of(null, 0, null, "legal_name", "asc").unpaged()).items()
			.stream()
			.filter(e -> e.status() != EnterpriseStatus.CANCELLED)
			.toList();
	}

	/**
	 * The enterprise a new record is registered to, chosen on a form by its id (a facility's owner): one of the caller's
	 * region and not cancelled.
	 * @param field the form's field, named in the error
	 * @throws InvalidValueException on {@code field}: required (none chosen), exists (no enterprise of that id),
	 *         cancelled (注销)
	 * @throws DomainException not found (404) for one registered outside the caller's region ({@link #chosen})
	 */
	Enterprise owner(DataScope scope, Long id, String field) {
		Enterprise e = chosen(scope, id, field);
		requireOpen(e, field);
		return e;
	}

	/**
	 * The enterprise chosen on a form by its id, whatever its state ({@link #owner} without {@link #requireOpen}), so a
	 * step tells every bad field before the owner's state.
	 * @throws InvalidValueException on {@code field}: required, exists (no enterprise of that id)
	 * @throws DomainException not found (404 naming {@code field}) for one registered outside the caller's scope, as a
	 *         record of another region is, whatever the form's other fields hold
	 */
	Enterprise chosen(DataScope scope, Long id, String field) {
		if (id == null) {
			throw new InvalidValueException(field, "required", Wording.of("refusal.please.57"), "请选择所属企业");
		}
		Enterprise e = enterprises.findById(id)
			.orElseThrow(() -> new InvalidValueException(field, "exists", Wording.of("registry.refusal.ownerUnknown", String.valueOf(id)), "所属企业（编号" + id + "）不在您的辖区内或不存在"));
		scope.refuseWithin(field, e.regionCode(), "企业" + e.creditCode());
		return e;
	}

	/**
	 * Refuses a chosen owner that is cancelled (注销); none (null: its choice was refused already) passes.
	 * @throws InvalidValueException on {@code field}, rule cancelled
	 */
	void requireOpen(Enterprise e, String field) {
		if (e != null && e.status() == EnterpriseStatus.CANCELLED) {
			throw new InvalidValueException(field, "cancelled", Wording.of("registry.refusal.ownerCancelled", e.legalName()), "所属企业" + e.legalName() + "已注销，不能再登记其设施");
		}
	}

	Enterprise load(DataScope scope, long id) {
		Enterprise e = enterprises.findById(id).orElseThrow(() -> DomainException.notFound("企业", id));
		scope.requireRegion(e.regionCode(), "企业", id);
		return e;
	}

	/**
	 * Checks an enterprise as {@link #register} would, including that its credit code is not registered yet and that its
	 * name is held by no other enterprise that is not cancelled.
	 * @throws DomainException duplicate (409) on {@code creditCode} or {@code legalName}
	 */
	public EnterpriseData check(DataScope scope, EnterpriseData data) {
		EnterpriseData clean = validate(scope, data);
		if (enterprises.existsByCreditCode(clean.creditCode())) {
			throw DomainException.duplicate("creditCode", Wording.of("registry.refusal.creditCodeTaken", clean.creditCode()),
					"统一社会信用代码已登记：" + clean.creditCode());
		}
		refuseHeldName(clean.legalName(), clean.creditCode(), false);
		return clean;
	}

	/**
	 * The enterprise other than the one with credit code {@code creditCode} that holds the name {@code legalName}
	 * (compared by {@link Text#enterpriseNameKey}, SQL {@code enterprise_name_key} of V253: full-width letters or digits,
	 * spaces, Latin case, punctuation, brackets, traditional characters and 有限责任公司 for 有限公司 make no other name)
	 * and is not cancelled (注销) — two enterprises that are not cancelled cannot hold one name (企业名称登记管理规定); a
	 * cancelled enterprise's name may be taken again. The query probes the unique index {@code enterprise_name_key}.
	 * @param creditCode the enterprise the name is for (it does not hold it against itself); null: none
	 * @return the holder, if any (the first registered)
	 */
	public Optional<EnterpriseView> nameHolder(String legalName, String creditCode) {
		if (Text.isBlank(legalName)) {
			return Optional.empty();
		}
		return jdbc.sql(select(DataScope.all()) + " WHERE enterprise_name_key(e.legal_name) = enterprise_name_key(:name)"
				+ " AND e.status <> 'CANCELLED'"
				+ " AND e.credit_code <> :code ORDER BY e.id LIMIT 1")
			.param("name", legalName)
			.param("code", creditCode == null ? "" : creditCode)
			.query((rs, i) -> view(rs))
			.optional();
	}

	/**
	 * Whether two enterprise names are one name under the rule "one name, one enterprise" ({@link Text#enterpriseNameKey}):
	 * a correction or change from one to the other renames nothing the rule looks at.
	 */
	public static boolean sameName(String a, String b) {
		return Text.enterpriseNameKey(a).equals(Text.enterpriseNameKey(b));
	}

	/**
	 * Why an enterprise name another enterprise that is not cancelled holds ({@link #nameHolder}) is refused, naming the
	 * holder's credit code — the message of the duplicate on {@code legalName} here and on {@code applicantName} in
	 * licensing.
	 */
	public static String nameHeldMessage(String legalName, EnterpriseView holder) {
		return "企业名称“" + Text.name(legalName) + "”已由统一社会信用代码为" + holder.creditCode() + "的企业（"
				+ holder.status().label() + "）登记：未注销的两家企业不能使用同一名称（企业名称登记管理规定），请核对企业名称";
	}

	/**
	 * Why an enterprise name another enterprise (or applicant) holds is refused, told to an enterprise itself: that the
	 * name is taken, and nothing about who holds it — another enterprise's credit code and status are not the asking
	 * enterprise's to read ({@link #nameHeldMessage} is the staff's wording).
	 */
	public static String nameTakenMessage(String legalName) {
		return "企业名称“" + Text.name(legalName) + "”已被其他企业使用：未注销的两家企业不能使用同一名称（企业名称登记管理规定），请核对企业名称";
	}

	/**
	 * Refuses {@code legalName} when another enterprise that is not cancelled holds it. With {@code lock}, two requests
	 * for one name at once are first ordered by a transaction lock on the name's key, so the second one sees the first
	 * one's row (and the unique index {@code enterprise_name_key} is the last word).
	 */
	private void refuseHeldName(String legalName, String creditCode, boolean lock) {
		if (lock) {
			TransactionLocks.hold(jdbc, "enterprise_name:" + Text.enterpriseNameKey(legalName));
		}
		nameHolder(legalName, creditCode).ifPresent(holder -> {
			throw DomainException.duplicate("legalName", nameHeldMessage(legalName, holder));
		});
	}

	private EnterpriseData validate(DataScope scope, EnterpriseData d) {
		return validate(scope, d, List.of());
	}

	/** Every field's checks, after the form's own failures ({@link Validation#after}). */
	private EnterpriseData validate(DataScope scope, EnterpriseData d, List<FieldError> formErrors) {
		Validation v = Validation.after(formErrors);
		v.name("legalName", "企业名称", d.legalName(), 200);
		CreditCode code = v.check("creditCode", () -> CreditCode.of(d.creditCode()));
		v.require("type", d.type() != null, "required", Wording.of("refusal.please.51"), "请选择企业类型");
		RegionCode region = v.check("regionCode", () -> regions.require("regionCode", d.regionCode()));
		if (region != null) {
			// an import row's error on its column, beside its other cells (a step refused such a region before: 404)
			scope.requireWithin(v, "regionCode", region.value(), "企业所在地");
		}
		if (d.brandId() != null) {
			v.require("brandId", brands.existsById(d.brandId()), "exists", Wording.of("registry.refusal.brandUnknown"), "品牌不存在");
		}
		v.maxLength("legalRepresentative", "法定代表人", d.legalRepresentative(), 60)
			.name("legalRepresentative", "法定代表人", d.legalRepresentative())
			.personName("legalRepresentative", "法定代表人", d.legalRepresentative());
		v.address("address", "地址", d.address(), 300);
		if (region != null) {
			regions.addressWithin(v, "address", "地址", d.address(), region.value(), "企业所在地");
		}
		v.maxLength("contactName", "联系人", d.contactName(), 60).name("contactName", "联系人", d.contactName())
			.personName("contactName", "联系人", d.contactName());
		String phone = Text.blankToNull(d.contactPhone());
		if (phone != null) {
			// an enterprise's contact: any telephone (mobile, landline with extension, 400/800)
			v.check("contactPhone", () -> Telephone.of(phone, "联系电话"));
		}
		v.throwIfInvalid();
		return new EnterpriseData(Text.name(d.legalName()), code.value(), d.type(), d.brandId(),
				Text.blankToNull(d.legalRepresentative()), Text.line(d.address()), region.value(),
				Text.blankToNull(d.contactName()), phone == null ? null : Telephone.of(phone).value());
	}


	private static EnterpriseView view(ResultSet rs) throws SQLException {
		return new EnterpriseView(rs.getLong("id"), rs.getString("legal_name"), rs.getString("credit_code"),
				EnterpriseType.valueOf(rs.getString("type")), (Long) rs.getObject("brand_id"), rs.getString("brand_name"),
				rs.getString("legal_representative"), rs.getString("address"), rs.getString("region_code"),
				rs.getString("region_name"), rs.getString("contact_name"), Masking.phone(rs.getString("contact_phone_masked")),
				EnterpriseStatus.valueOf(rs.getString("status")), rs.getBoolean("demo"), rs.getLong("licences"),
				rs.getLong("outlets"));
	}
}
