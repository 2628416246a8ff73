package org.youguan.org;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.Decimals;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.Listing;
import org.youguan.kernel.Masking;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Text;
import org.youguan.kernel.TransactionLocks;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;

/**
 * Departments (处室) of bureaus, within the caller's scope.
 */
@Service
public class Departments {

	private static final String SELECT = """
			SELECT d.id, d.bureau_id, b.name AS bureau_name, b.region_code, d.name, d.duties, d.sort_order, d.active,
			       (SELECT count(*) FROM user_account u WHERE u.department_id = d.id) AS users""";

	private static final String FROM = " FROM department d JOIN bureau b ON b.id = d.bureau_id";

	private final DepartmentRepository departments;

	private final Bureaus bureaus;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	Departments(DepartmentRepository departments, Bureaus bureaus, JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.departments = departments;
		this.bureaus = bureaus;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * One page of the departments of the bureaus in the caller's region (of one bureau when {@code bureauId} is given),
	 * searched by department or bureau name, by bureau (region, then display order) or by name. The duties, free text
	 * a person typed, are shown with personal numbers and landlines masked ({@link Masking#telephonesIn}, as the
	 * complaints' lists mask their free text): a duties text is no contact field, so a number in it is whatever a person
	 * typed — often someone's direct line — while the bureau's published office number is its own field
	 * ({@code bureau.phone}), shown as recorded. The department's own form reads them as recorded ({@link #get}).
	 * @throws org.youguan.kernel.AccessRefusedException (403, {@code bureau}) for a bureau outside the caller's scope
	 */
	public PageResult<DepartmentView> list(DataScope scope, Long bureauId, PageQuery page) {
		bureaus.requireFilter(scope, bureauId, "bureau");
		return Listing.from(FROM)
			.scope(scope, "b.region_code")
			.search(page, "d.name", "b.name")
			.where(bureauId != null, "d.bureau_id = :bureau", "bureau", bureauId)
			.sorts(Map.of("name", "d.name", "bureau", "b.region_code"), "bureau", "d.sort_order, d.name, d.id")
			.page(jdbc, SELECT, page, Rows.of(DepartmentView.class))
			.map(d -> new DepartmentView(d.id(), d.bureauId(), d.bureauName(), d.regionCode(), d.name(),
					d.duties() == null ? null : Masking.telephonesIn(d.duties()), d.sortOrder(), d.active(), d.users()));
	}

	/** The active departments of one bureau, in display order. */
	public List<DepartmentView> ofBureau(long bureauId) {
		return jdbc.sql(SELECT + FROM + " WHERE d.bureau_id = :bureau AND d.active ORDER BY d.sort_order, d.name")
			.param("bureau", bureauId)
			.query(Rows.of(DepartmentView.class))
			.list();
	}

	public Optional<DepartmentView> find(DataScope scope, long id) {
		return jdbc.sql(SELECT + FROM + " WHERE d.id = :id AND " + scope.regionPredicate("b.region_code"))
			.params(scope.params())
			.param("id", id)
			.query(Rows.of(DepartmentView.class))
			.optional();
	}

	public DepartmentView get(DataScope scope, long id) {
		return find(scope, id).orElseThrow(() -> DomainException.notFound("处室", id));
	}

	/** The greatest display order (排序) a department takes; the lists sort by it, then by name. */
	public static final int MAX_SORT_ORDER = 9999;

	/**
	 * Creates a department of a bureau in the caller's scope (its own bureau or one below it).
	 * @throws AccessRefusedException 403 on {@code bureauId} for a bureau outside the caller's scope (a sibling, a
	 *         parent): nobody manages above their own rights
	 * @throws DomainException 404 for no such bureau; 400 for the field errors; 409 for a name the bureau already has
	 */
	@Transactional
	public long create(DataScope scope, long bureauId, String name, String duties, int sortOrder) {
		return create(scope, bureauId, name, duties, sortOrder, List.of());
	}

	/**
	 * As {@link #create(DataScope, long, String, String, int)}, the checks continuing the failures of the form that read
	 * the values ({@link Validation#after}: a bureau or order it could not read, null here), so one answer names every
	 * bad field — after the access: a bureau outside the caller's scope is refused (403) before any field is judged.
	 * @param bureauId the bureau, null when not chosen (400 {@code bureauId}, rule {@code required}) or unreadable
	 * @param sortOrder the display order, 0 to {@link #MAX_SORT_ORDER} (400 rule {@code range}); null for 0
	 * @param formErrors the form's failures ({@code kernel.FormBinding}), or an empty list
	 */
	@Transactional
	public long create(DataScope scope, Long bureauId, String name, String duties, Integer sortOrder,
			List<FieldError> formErrors) {
		Bureau bureau = bureauId == null ? null : bureaus.load(DataScope.all(), bureauId);
		if (bureau != null && !scope.containsRegion(bureau.regionCode())) {
			throw new AccessRefusedException("bureauId", Wording.of("org.refusal.departmentBureauOutside", bureau.name()),
					"所属机构“" + bureau.name() + "”不在您的管辖范围内：只能为本机构及其下级机构新建处室");
		}
		// the duties are free text: stored as every free text is (Text.freeText), the name is held to the name rule
		duties = Text.blankToNull(Text.freeText(duties));
		Validation v = Validation.after(formErrors);
		v.require("bureauId", bureau != null, "required", "请选择所属机构");
		int order = validate(v, name, duties, sortOrder);
		// two twins submitted at once: the second waits for the first and is refused beside the name, not by the index
		TransactionLocks.hold(jdbc, nameLockKey(bureauId, name));
		departments.findTwinName(bureauId, Text.name(name)).ifPresent(twin -> {
			throw DomainException.duplicate("name", Wording.of("org.refusal.departmentTaken", bureau.name(), twin),
					bureau.name() + "已有处室“" + twin + "”");
		});
		Department d = departments.save(Department.create(bureauId, Text.name(name), duties,
				order, clock.instant()));
		audit.record(AuditEntry.of("department.create", "Department", d.id(),
				"在" + bureau.name() + "新建处室“" + d.name() + "”").states(null, d.snapshot()).inRegion(bureau.regionCode()));
		return d.id();
	}

	@Transactional
	public void update(DataScope scope, long id, String name, String duties, int sortOrder) {
		update(scope, id, name, duties, sortOrder, List.of());
	}

	/**
	 * Changes a department's name, duties and display order, the checks continuing the form's failures as
	 * {@link #create(DataScope, Long, String, String, Integer, List)} does — after the access (404 for a department
	 * outside the caller's scope).
	 * @param sortOrder the display order, 0 to {@link #MAX_SORT_ORDER}; null for 0
	 * @param formErrors the form's failures ({@code kernel.FormBinding}), or an empty list
	 */
	@Transactional
	public void update(DataScope scope, long id, String name, String duties, Integer sortOrder, List<FieldError> formErrors) {
		Department d = load(scope, id);
		duties = Text.blankToNull(Text.freeText(duties));
		int order = validate(Validation.after(formErrors), name, duties, sortOrder);
		if (!Text.textKey(d.name()).equals(Text.textKey(name))) {
			TransactionLocks.hold(jdbc, nameLockKey(d.bureauId(), name));
			departments.findTwinName(d.bureauId(), Text.name(name)).ifPresent(twin -> {
				throw DomainException.duplicate("name", Wording.of("org.refusal.ownDepartmentTaken", twin),
					"本局已有处室“" + twin + "”");
			});
		}
		var before = d.snapshot();
		d.rename(Text.name(name), duties, order);
		departments.save(d);
		record(scope, d, "department.update", "修改处室“" + d.name() + "”", before);
	}

	/**
	 * Deactivates a department that no enabled account belongs to: a deactivated department is no choice on the user
	 * form, so its accounts could no longer be edited (a disabled account may stay; it is edited when enabled again).
	 * Work-plan tasks it answers for keep its name.
	 * @throws DomainException 409 on {@code id}, rule {@code has-users}, saying how many accounts to move first
	 */
	@Transactional
	public void deactivate(DataScope scope, long id) {
		TransactionLocks.hold(jdbc, lockKey(id));
		Department d = load(scope, id);
		long users = jdbc.sql("SELECT count(*) FROM user_account WHERE department_id = :id AND enabled")
			.param("id", id)
			.query(Long.class)
			.single();
		if (users > 0) {
			throw DomainException.illegalTransition("id", "has-users", Wording.of("org.refusal.departmentHasUsers", d.name(), users),
					"处室“" + d.name() + "”还有" + users
					+ "个启用的用户，请先将他们调整到其他处室（或停用账号），再停用该处室");
		}
		change(scope, id, Department::deactivate, "department.deactivate", "停用");
	}

	/** The transaction lock on a department name of a bureau, as its unique index compares names (text_key). */
	private static String nameLockKey(long bureauId, String name) {
		return "department_name:" + bureauId + "|" + Text.textKey(name);
	}

	/**
	 * The transaction lock that orders a department's deactivation with the enabling of its accounts
	 * ({@link Users#enable}), so no account is enabled into a department being deactivated.
	 */
	static String lockKey(long departmentId) {
		return "department:" + departmentId;
	}

	@Transactional
	public void activate(DataScope scope, long id) {
		change(scope, id, Department::activate, "department.activate", "启用");
	}

	private void change(DataScope scope, long id, Consumer<Department> transition, String action,
			String verb) {
		Department d = load(scope, id);
		var before = d.snapshot();
		transition.accept(d);
		departments.save(d);
		record(scope, d, action, verb + "处室“" + d.name() + "”", before);
	}

	private void record(DataScope scope, Department d, String action, String summary, Map<String, Object> before) {
		String region = bureaus.load(scope, d.bureauId()).regionCode();
		audit.record(AuditEntry.of(action, "Department", d.id(), summary).states(before, d.snapshot()).inRegion(region));
	}

	Department load(DataScope scope, long id) {
		Department d = departments.findById(id).orElseThrow(() -> DomainException.notFound("处室", id));
		bureaus.load(scope, d.bureauId());
		return d;
	}

	/**
	 * The department's fields checked into {@code v}, which is then thrown when any failed (400, every field named).
	 * @return the display order, 0 when none was given
	 */
	private static int validate(Validation v, String name, String duties, Integer sortOrder) {
		v.name("name", "处室名称", name, 60)
			.maxLength("duties", "职责", duties, 500);
		v.require("sortOrder", sortOrder == null || sortOrder >= 0 && sortOrder <= MAX_SORT_ORDER, "range",
				"排序" + Decimals.wholeIn(0, MAX_SORT_ORDER, null));
		v.throwIfInvalid();
		return sortOrder == null ? 0 : sortOrder;
	}
}
