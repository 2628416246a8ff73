package org.youguan.org;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.Text;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Rows;

/**
 * Departments (处室) of bureaus, within the caller's scope.
 */
@Service
public class Departments {

	private static final String SELECT = """
			SELECT d.id, d.bureau_id, b.name AS bureau_name, b.region_code, d.name, d.duties, d.sort_order, d.active,
			       (SELECT count(*) FROM user_account u WHERE u.department_id = d.id) AS users
			FROM department d JOIN bureau b ON b.id = d.bureau_id""";

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

	public PageResult<DepartmentView> list(DataScope scope, Long bureauId, PageQuery page) {
		Map<String, Object> params = new HashMap<>(scope.params());
		params.put("q", page.likePattern());
		String where = " WHERE " + scope.regionPredicate("b.region_code")
				+ " AND (d.name LIKE :q ESCAPE '\\' OR b.name LIKE :q ESCAPE '\\')";
		if (bureauId != null) {
			where += " AND d.bureau_id = :bureau";
			params.put("bureau", bureauId);
		}
		long total = jdbc.sql("SELECT count(*) FROM department d JOIN bureau b ON b.id = d.bureau_id" + where)
			.params(params)
			.query(Long.class)
			.single();
		String order = switch (page.sortOr(java.util.Set.of("name", "bureau"), "bureau")) {
			case "name" -> "d.name " + page.direction();
			default -> "b.region_code " + page.direction() + ", d.sort_order, d.name";
		};
		List<DepartmentView> items = jdbc.sql(SELECT + where + " ORDER BY " + order + " LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(Rows.of(DepartmentView.class))
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	/** The active departments of one bureau, in display order. */
	public List<DepartmentView> ofBureau(long bureauId) {
		return jdbc.sql(SELECT + " WHERE d.bureau_id = :bureau AND d.active ORDER BY d.sort_order, d.name")
			.param("bureau", bureauId)
			.query(Rows.of(DepartmentView.class))
			.list();
	}

	public Optional<DepartmentView> find(DataScope scope, long id) {
		return jdbc.sql(SELECT + " WHERE d.id = :id AND " + scope.regionPredicate("b.region_code"))
			.params(scope.params())
			.param("id", id)
			.query(Rows.of(DepartmentView.class))
			.optional();
	}

	public DepartmentView get(DataScope scope, long id) {
		return find(scope, id).orElseThrow(() -> DomainException.notFound("处室", id));
	}

	@Transactional
	public long create(DataScope scope, long bureauId, String name, String duties, int sortOrder) {
		Bureau bureau = bureaus.load(scope, bureauId);
		validate(name, duties);
		if (departments.existsByBureauIdAndName(bureauId, name.strip())) {
			throw DomainException.duplicate("name", bureau.name() + "已有处室“" + name.strip() + "”");
		}
		Department d = departments.save(Department.create(bureauId, name.strip(), Text.blankToNull(duties),
				sortOrder, clock.instant()));
		audit.record(AuditEntry.of("department.create", "Department", d.id(),
				"在" + bureau.name() + "新建处室“" + d.name() + "”").states(null, d.snapshot()).inRegion(bureau.regionCode()));
		return d.id();
	}

	@Transactional
	public void update(DataScope scope, long id, String name, String duties, int sortOrder) {
		Department d = load(scope, id);
		validate(name, duties);
		if (!d.name().equals(name.strip()) && departments.existsByBureauIdAndName(d.bureauId(), name.strip())) {
			throw DomainException.duplicate("name", "本局已有处室“" + name.strip() + "”");
		}
		var before = d.snapshot();
		d.rename(name.strip(), Text.blankToNull(duties), sortOrder);
		departments.save(d);
		record(scope, d, "department.update", "修改处室“" + d.name() + "”", before);
	}

	@Transactional
	public void deactivate(DataScope scope, long id) {
		change(scope, id, Department::deactivate, "department.deactivate", "停用");
	}

	@Transactional
	public void activate(DataScope scope, long id) {
		change(scope, id, Department::activate, "department.activate", "启用");
	}

	private void change(DataScope scope, long id, java.util.function.Consumer<Department> transition, String action,
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

	private static void validate(String name, String duties) {
		new Validation().required("name", "处室名称", name)
			.maxLength("name", "处室名称", name, 60)
			.maxLength("duties", "职责", duties, 500)
			.throwIfInvalid();
	}
}
