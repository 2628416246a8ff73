package org.youguan.org;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.MobilePhone;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.Text;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Validation;
import org.youguan.region.Regions;

/**
 * User accounts, managed by administrators within their scope. New and reset accounts get a temporary password that
 * must be changed at the next sign-in.
 */
@Service
public class Users {

	static final Set<String> SORTS = Set.of("username", "display_name", "last_login_at", "created_at");

	private static final String SELECT = """
			SELECT u.id, u.username, u.display_name, u.kind, u.bureau_id, b.name AS bureau_name, u.department_id,
			       d.name AS department_name, u.enterprise_credit_code, u.region_code, u.phone AS phone_masked,
			       ARRAY(SELECT role FROM user_role r WHERE r.user_account = u.id) AS roles, u.enabled,
			       (u.locked_until IS NOT NULL AND u.locked_until > now()) AS locked, u.must_change_password, u.demo,
			       u.last_login_at, u.created_at
			FROM user_account u LEFT JOIN bureau b ON b.id = u.bureau_id LEFT JOIN department d ON d.id = u.department_id""";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final UserAccountRepository users;

	private final Bureaus bureaus;

	private final DepartmentRepository departments;

	private final Regions regions;

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	private final AuditTrail audit;

	private final Clock clock;

	Users(UserAccountRepository users, Bureaus bureaus, DepartmentRepository departments, Regions regions,
			JdbcClient jdbc, PasswordEncoder encoder, AuditTrail audit, Clock clock) {
		this.users = users;
		this.bureaus = bureaus;
		this.departments = departments;
		this.regions = regions;
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.audit = audit;
		this.clock = clock;
	}

	public record Filter(Long bureauId, Role role, UserKind kind) {

		public static final Filter NONE = new Filter(null, null, null);
	}

	public PageResult<UserView> list(DataScope scope, Filter filter, PageQuery page) {
		Map<String, Object> params = new HashMap<>(scope.params());
		params.put("q", page.likePattern());
		StringBuilder where = new StringBuilder(" WHERE ").append(scope.regionPredicate("u.region_code"))
			.append(" AND (u.username LIKE :q ESCAPE '\\' OR u.display_name LIKE :q ESCAPE '\\')");
		if (filter.bureauId() != null) {
			where.append(" AND u.bureau_id = :bureau");
			params.put("bureau", filter.bureauId());
		}
		if (filter.role() != null) {
			where.append(" AND EXISTS (SELECT 1 FROM user_role r WHERE r.user_account = u.id AND r.role = :role)");
			params.put("role", filter.role().name());
		}
		if (filter.kind() != null) {
			where.append(" AND u.kind = :kind");
			params.put("kind", filter.kind().name());
		}
		long total = jdbc.sql("SELECT count(*) FROM user_account u" + where).params(params).query(Long.class).single();
		String sort = page.sortOr(SORTS, "username");
		List<UserView> items = jdbc
			.sql(SELECT + where + " ORDER BY u." + sort + " " + page.direction() + " NULLS LAST, u.id LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(this::view)
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	public Optional<UserView> find(DataScope scope, long id) {
		return jdbc.sql(SELECT + " WHERE u.id = :id AND " + scope.regionPredicate("u.region_code"))
			.params(scope.params())
			.param("id", id)
			.query(this::view)
			.optional();
	}

	public UserView get(DataScope scope, long id) {
		return find(scope, id).orElseThrow(() -> DomainException.notFound("用户", id));
	}

	public long count(DataScope scope) {
		return jdbc.sql("SELECT count(*) FROM user_account u WHERE " + scope.regionPredicate("u.region_code"))
			.params(scope.params())
			.query(Long.class)
			.single();
	}

	/** An administrator creates an account; the temporary password is returned once. */
	@Transactional
	public CreatedUser create(CurrentUser actor, UserData data) {
		String temporary = temporaryPassword();
		long id = provision(actor.scope(), actor, data, temporary, true, false);
		return new CreatedUser(id, data.username().strip(), temporary);
	}

	/**
	 * Creates an account with a known password: the first administrator of a new installation and the demo accounts.
	 * Not reachable from any page.
	 */
	@Transactional
	public long provision(UserData data, String password, boolean mustChangePassword, boolean demo) {
		PasswordPolicy.check("password", data.username(), password);
		return provision(DataScope.all(), null, data, password, mustChangePassword, demo);
	}

	private long provision(DataScope scope, CurrentUser actor, UserData data, String password, boolean mustChange,
			boolean demo) {
		validate(scope, actor, data, null);
		if (users.existsByUsername(data.username().strip())) {
			throw DomainException.duplicate("username", "用户名已存在：" + data.username().strip());
		}
		UserAccount user = UserAccount.create(data.username().strip(), data.displayName().strip(), data.kind(),
				encoder.encode(password), mustChange, demo, clock.instant());
		place(scope, user, data);
		user = users.save(user);
		audit.record(AuditEntry.of("user.create", "User", user.id(),
				"新建用户" + user.username() + "（" + user.displayName() + "）").states(null, user.snapshot())
			.inRegion(user.regionCode()));
		return user.id();
	}

	@Transactional
	public void update(CurrentUser actor, long id, UserData data) {
		UserAccount user = load(actor.scope(), id);
		UserData fixed = new UserData(user.username(), data.displayName(), user.kind(), data.bureauId(),
				data.departmentId(), data.enterpriseCreditCode(), data.enterpriseRegion(), data.phone(), data.roles());
		validate(actor.scope(), actor, fixed, user);
		var before = user.snapshot();
		place(actor.scope(), user, fixed);
		users.save(user);
		audit.record(AuditEntry.of("user.update", "User", id, "修改用户" + user.username())
			.states(before, user.snapshot())
			.inRegion(user.regionCode()));
	}

	@Transactional
	public CreatedUser resetPassword(CurrentUser actor, long id) {
		UserAccount user = load(actor.scope(), id);
		String temporary = temporaryPassword();
		user.resetPassword(encoder.encode(temporary), clock.instant());
		users.save(user);
		audit.record(AuditEntry.of("user.reset-password", "User", id, "重置用户" + user.username() + "的密码（须首次登录修改）")
			.inRegion(user.regionCode()));
		return new CreatedUser(id, user.username(), temporary);
	}

	@Transactional
	public void unlock(CurrentUser actor, long id) {
		change(actor, id, UserAccount::unlock, "user.unlock", "解除锁定");
	}

	@Transactional
	public void disable(CurrentUser actor, long id) {
		if (actor.id() == id) {
			throw DomainException.rule("不能停用自己的账号");
		}
		change(actor, id, UserAccount::disable, "user.disable", "停用");
	}

	@Transactional
	public void enable(CurrentUser actor, long id) {
		change(actor, id, UserAccount::enable, "user.enable", "启用");
	}

	/** The user changes their own password after proving the current one. */
	@Transactional
	public void changeOwnPassword(CurrentUser actor, String currentPassword, String newPassword) {
		UserAccount user = users.findById(actor.id()).orElseThrow(() -> DomainException.notFound("用户", actor.id()));
		if (currentPassword == null || !encoder.matches(currentPassword, user.passwordHash())) {
			throw new InvalidValueException("currentPassword", "matches", "当前密码不正确");
		}
		PasswordPolicy.check("newPassword", user.username(), newPassword);
		if (encoder.matches(newPassword, user.passwordHash())) {
			throw new InvalidValueException("newPassword", "changed", "新密码不能与当前密码相同");
		}
		user.changePassword(encoder.encode(newPassword), clock.instant());
		users.save(user);
		audit.record(AuditEntry.of("user.change-password", "User", user.id(), user.username() + "修改了自己的密码")
			.inRegion(user.regionCode()));
	}

	private void change(CurrentUser actor, long id, java.util.function.Consumer<UserAccount> transition, String action,
			String verb) {
		UserAccount user = load(actor.scope(), id);
		var before = user.snapshot();
		transition.accept(user);
		users.save(user);
		audit.record(AuditEntry.of(action, "User", id, verb + "用户" + user.username())
			.states(before, user.snapshot())
			.inRegion(user.regionCode()));
	}

	UserAccount load(DataScope scope, long id) {
		UserAccount user = users.findById(id).orElseThrow(() -> DomainException.notFound("用户", id));
		scope.requireRegion(user.regionCode(), "用户", id);
		return user;
	}

	private void place(DataScope scope, UserAccount user, UserData data) {
		user.describe(data.displayName().strip(), Text.blankToNull(data.phone()) == null ? null
				: MobilePhone.of(data.phone()).value());
		if (data.kind() == UserKind.STAFF) {
			Bureau bureau = bureaus.load(scope, data.bureauId());
			user.placeInBureau(bureau.id(), data.departmentId(), bureau.regionCode());
		}
		else {
			user.bindToEnterprise(CreditCode.of(data.enterpriseCreditCode()).value(), data.enterpriseRegion().strip());
		}
		user.grant(data.roles());
	}

	private void validate(DataScope scope, CurrentUser actor, UserData data, UserAccount existing) {
		Validation v = new Validation();
		if (existing == null) {
			v.required("username", "用户名", data.username());
			v.require("username", data.username() == null || data.username().strip().matches("[a-z0-9][a-z0-9._-]{2,39}"),
					"format", "用户名应为3-40位小写字母、数字、点、下划线或连字符，且以字母或数字开头");
		}
		v.required("displayName", "姓名", data.displayName()).maxLength("displayName", "姓名", data.displayName(), 60);
		v.require("kind", data.kind() != null, "required", "请选择用户类型");
		if (Text.blankToNull(data.phone()) != null) {
			v.check("phone", () -> MobilePhone.of(data.phone()));
		}
		Set<Role> roles = data.roles() == null ? Set.of() : data.roles();
		v.require("roles", !roles.isEmpty(), "required", "请至少选择一个角色");
		if (data.kind() == UserKind.STAFF) {
			v.require("roles", roles.stream().allMatch(Role::isStaffRole), "staff-roles", "监管人员不能拥有企业用户角色");
			v.require("bureauId", data.bureauId() != null, "required", "请选择所属机构");
			if (data.bureauId() != null) {
				Optional<BureauView> bureau = bureaus.find(scope, data.bureauId());
				v.require("bureauId", bureau.isPresent(), "scope", "所属机构不存在或不在您的管理范围内");
				if (data.departmentId() != null) {
					v.require("departmentId", departments.findById(data.departmentId())
						.filter(d -> d.bureauId().equals(data.bureauId()) && d.active())
						.isPresent(), "belongs", "所选处室不属于该机构或已停用");
				}
			}
		}
		else if (data.kind() == UserKind.ENTERPRISE) {
			v.require("roles", roles.equals(EnumSet.of(Role.ENTERPRISE)), "enterprise-role", "企业用户只能拥有企业用户角色");
			v.check("enterpriseCreditCode", () -> CreditCode.of(data.enterpriseCreditCode()));
			var region = v.check("enterpriseRegion", () -> regions.require("enterpriseRegion", data.enterpriseRegion()));
			if (region != null) {
				v.require("enterpriseRegion", scope.containsRegion(region.value()), "scope", "企业所在地区不在您的管理范围内");
			}
		}
		if (actor != null && !actor.has(Role.SYSTEM_ADMIN)) {
			v.require("roles", !roles.contains(Role.SYSTEM_ADMIN), "grant", "只有系统管理员可以授予系统管理员角色");
		}
		v.throwIfInvalid();
	}

	private UserView view(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		String[] roles = (String[]) rs.getArray("roles").getArray();
		Set<Role> roleSet = EnumSet.noneOf(Role.class);
		for (String r : roles) {
			roleSet.add(Role.valueOf(r));
		}
		return new UserView(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				UserKind.valueOf(rs.getString("kind")), (Long) rs.getObject("bureau_id"), rs.getString("bureau_name"),
				(Long) rs.getObject("department_id"), rs.getString("department_name"),
				rs.getString("enterprise_credit_code"), rs.getString("region_code"),
				org.youguan.kernel.Masking.phone(rs.getString("phone_masked")), roleSet, rs.getBoolean("enabled"),
				rs.getBoolean("locked"), rs.getBoolean("must_change_password"), rs.getBoolean("demo"),
				rs.getObject("last_login_at", java.time.OffsetDateTime.class),
				rs.getObject("created_at", java.time.OffsetDateTime.class));
	}

	static String temporaryPassword() {
		String upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
		String lower = "abcdefghijkmnpqrstuvwxyz";
		String digits = "23456789";
		String symbols = "!@#$%&*?";
		String all = upper + lower + digits + symbols;
		StringBuilder sb = new StringBuilder();
		sb.append(upper.charAt(RANDOM.nextInt(upper.length())));
		sb.append(lower.charAt(RANDOM.nextInt(lower.length())));
		sb.append(digits.charAt(RANDOM.nextInt(digits.length())));
		sb.append(symbols.charAt(RANDOM.nextInt(symbols.length())));
		for (int i = 0; i < 8; i++) {
			sb.append(all.charAt(RANDOM.nextInt(all.length())));
		}
		List<Character> chars = new java.util.ArrayList<>(sb.chars().mapToObj(c -> (char) c).toList());
		java.util.Collections.shuffle(chars, RANDOM);
		StringBuilder out = new StringBuilder();
		chars.forEach(out::append);
		return out.toString();
	}
}
