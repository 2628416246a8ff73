package org.youguan.org;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Listing;
import org.youguan.kernel.Masking;
import org.youguan.kernel.MobilePhone;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Text;
import org.youguan.kernel.TransactionLocks;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.region.Region;
import org.youguan.region.Regions;

/**
 * User accounts, managed by administrators within their scope. New and reset accounts get a temporary password that
 * must be changed at the next sign-in.
 *
 * <p>Rights (等保2.0 三级, 权限分离): nobody manages an account above their own rights — see {@link #manageableRoles}.
 * An enterprise account is bound to an enterprise registered inside the administrator's region. Disabling an account,
 * resetting its password or changing its roles or placement publishes {@link UserAccessChanged}, which ends the
 * account's live sessions.
 */
@Service
public class Users {

	static final Set<String> SORTS = Set.of("username", "display_name", "last_login_at", "created_at");

	private static final String SELECT = """
			SELECT u.id, u.username, u.display_name, u.kind, u.bureau_id, b.name AS bureau_name, u.department_id,
			       d.name AS department_name, u.enterprise_credit_code, u.region_code, u.phone AS phone_masked,
			       ARRAY(SELECT role FROM user_role r WHERE r.user_account = u.id) AS roles, u.enabled,
			       (u.locked_until IS NOT NULL AND u.locked_until > now()) AS locked, u.must_change_password, u.demo,
			       u.last_login_at, u.created_at, u.failed_attempts""";

	private static final String FROM = " FROM user_account u LEFT JOIN bureau b ON b.id = u.bureau_id"
			+ " LEFT JOIN department d ON d.id = u.department_id";

	private static final Map<String, String> SORT_COLUMNS = Map.of("username", "u.username", "display_name",
			"u.display_name", "last_login_at", "u.last_login_at", "created_at", "u.created_at");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final UserAccountRepository users;

	private final Bureaus bureaus;

	private final DepartmentRepository departments;

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	private final AuditTrail audit;

	private final Clock clock;

	private final EnterpriseDirectory enterprises;

	private final ApplicationEventPublisher events;

	private final Regions regions;

	private final SignInPauses pauses;

	Users(UserAccountRepository users, Bureaus bureaus, DepartmentRepository departments, EnterpriseDirectory enterprises,
			Regions regions, JdbcClient jdbc, PasswordEncoder encoder, AuditTrail audit, ApplicationEventPublisher events,
			Clock clock, SignInPauses pauses) {
		this.users = users;
		this.pauses = pauses;
		this.regions = regions;
		this.bureaus = bureaus;
		this.departments = departments;
		this.enterprises = enterprises;
		this.events = events;
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.audit = audit;
		this.clock = clock;
	}

	public record Filter(Long bureauId, Role role, UserKind kind) {

		public static final Filter NONE = new Filter(null, null, null);
	}

	/**
	 * One page of the accounts in the caller's region, searched by username, name or the digits of the phone the list
	 * shows ({@link Listing.Masked#phone}: 5678 of 139****5678, never the whole number), filtered by bureau, role and kind,
	 * sorted by one of {@link #SORTS} (then id).
	 * @throws org.youguan.kernel.AccessRefusedException (403, {@code bureau}) for a bureau outside the caller's scope
	 */
	public PageResult<UserView> list(DataScope scope, Filter filter, PageQuery page) {
		bureaus.requireFilter(scope, filter.bureauId(), "bureau");
		PageResult<UserView> found = Listing.from(FROM)
			.countFrom(" FROM user_account u")
			.scope(scope, "u.region_code")
			// the phone as the list shows it (139****5678): found by the digits shown, never typed whole
			.search(page, jdbc, "u.id", List.of(Listing.Masked.phone("u.phone").readInFullWhere("FALSE")), "u.username",
					"u.display_name", "u.enterprise_credit_code")
			.where(filter.bureauId() != null, "u.bureau_id = :bureau", "bureau", filter.bureauId())
			.where(filter.role() != null,
					"EXISTS (SELECT 1 FROM user_role r WHERE r.user_account = u.id AND r.role = :role)", "role",
					filter.role() == null ? null : filter.role().name())
			.where(filter.kind() != null, "u.kind = :kind", "kind", filter.kind() == null ? null : filter.kind().name())
			.sorts(SORT_COLUMNS, "username", "u.id")
			.page(jdbc, SELECT, page, this::view);
		// the pauses at client addresses, asked for the whole page at once
		Set<Long> paused = pauses.pausedAmong(found.items().stream().map(UserView::id).toList());
		return found.map(v -> v.pausedAtAnAddress(paused.contains(v.id())));
	}

	public Optional<UserView> find(DataScope scope, long id) {
		return jdbc.sql(SELECT + FROM + " WHERE u.id = :id AND " + scope.regionPredicate("u.region_code"))
			.params(scope.params())
			.param("id", id)
			.query(this::view)
			.optional()
			.map(v -> v.pausedAtAnAddress(pauses.pausedAnywhere(v.id())));
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
		return create(actor, data, List.of());
	}

	/**
	 * As {@link #create(CurrentUser, UserData)}, the checks continuing the failures of the form that read the values
	 * ({@link Validation#after}: a bureau, department, kind or role it could not read, null here), so one answer names
	 * every bad field — after the actor's rights (403), which are judged first.
	 * @param formErrors the form's failures ({@code kernel.FormBinding}), or an empty list
	 */
	@Transactional
	public CreatedUser create(CurrentUser actor, UserData data, List<FieldError> formErrors) {
		String temporary = temporaryPassword();
		long id = provision(actor.scope(), actor, data, temporary, true, false, formErrors);
		return new CreatedUser(id, UserDirectory.normalName(data.username()), temporary);
	}

	/**
	 * Creates an account with a known password: the first administrator of a new installation and the demo accounts.
	 * Not reachable from any page. The password must meet {@link PasswordPolicy}, except on demo accounts, which keep
	 * the published demo password.
	 */
	@Transactional
	public long provision(UserData data, String password, boolean mustChangePassword, boolean demo) {
		if (!demo) {
			String region = data.kind() == UserKind.ENTERPRISE
					? enterprises.regionOf(Text.strip(data.enterpriseCreditCode())).orElse(null)
					: data.bureauId() == null ? null
							: bureaus.find(DataScope.all(), data.bureauId()).map(BureauView::regionCode).orElse(null);
			PasswordPolicy.check("password", data.username(), data.displayName(),
					accountWords(data.displayName(), region, data.kind(), data.enterpriseCreditCode()), password);
		}
		return provision(DataScope.all(), null, data, password, mustChangePassword, demo, List.of());
	}

	private long provision(DataScope scope, CurrentUser actor, UserData data, String password, boolean mustChange,
			boolean demo, List<FieldError> formErrors) {
		String region = validate(scope, actor, data, null, formErrors);
		if (users.existsByUsername(UserDirectory.normalName(data.username()))) {
			throw DomainException.duplicate("username", Wording.of("org.refusal.usernameTaken", UserDirectory.normalName(data.username())),
					"用户名已存在：" + UserDirectory.normalName(data.username()));
		}
		UserAccount user = UserAccount.create(UserDirectory.normalName(data.username()), Text.name(data.displayName()), data.kind(),
				encoder.encode(password), mustChange, demo, clock.instant());
		place(scope, user, data, region);
		user = users.save(user);
		audit.record(AuditEntry.of("user.create", "User", user.id(),
				"新建用户" + user.username() + "（" + user.displayName() + "）").states(null, user.snapshot())
			.inRegion(user.regionCode()));
		return user.id();
	}

	/**
	 * Changes an account's name, phone (blank or the masked value unchanged keeps it), placement and roles. Refused (403) when the account or the new roles are above
	 * the actor's rights; a change of roles or placement ends the account's live sessions and revokes its API tokens
	 * ({@link UserAccessChanged}).
	 */
	@Transactional
	public void update(CurrentUser actor, long id, UserData data) {
		update(actor, id, data, List.of());
	}

	/**
	 * As {@link #update(CurrentUser, long, UserData)}, the checks continuing the failures of the form that read the
	 * values ({@link Validation#after}), so one answer names every bad field — after the access: the account found in the
	 * actor's scope (404) and not above the actor's rights (403) before any field is judged.
	 * @param formErrors the form's failures ({@code kernel.FormBinding}), or an empty list
	 */
	@Transactional
	public void update(CurrentUser actor, long id, UserData data, List<FieldError> formErrors) {
		UserAccount user = manage(actor, id);
		// the phone is shown masked: blank, or the masked value sent back, keeps the recorded number
		UserData fixed = new UserData(user.username(), data.displayName(), user.kind(), data.bureauId(),
				data.departmentId(), data.enterpriseCreditCode(),
				Masking.keptUnlessRetyped(data.phone(), user.phone(), Masking::phone), data.roles());
		String region = validate(actor.scope(), actor, fixed, user, formErrors);
		var before = user.snapshot();
		String phoneBefore = user.phone();
		Set<Role> rolesBefore = user.roleSet();
		keepAdministration(actor, user, fixed);
		String placeBefore = user.bureauId() + "/" + user.departmentId() + "/" + user.enterpriseCreditCode();
		place(actor.scope(), user, fixed, region);
		if (before.equals(user.snapshot()) && Objects.equals(phoneBefore, user.phone())) {
			// the form saved as it was shown: nothing changed, nothing to audit
			return;
		}
		users.save(user);
		audit.record(AuditEntry.of("user.update", "User", id, "修改用户" + user.username())
			.states(before, user.snapshot())
			.inRegion(user.regionCode()));
		if (!rolesBefore.equals(user.roleSet())
				|| !placeBefore.equals(user.bureauId() + "/" + user.departmentId() + "/" + user.enterpriseCreditCode())) {
			events.publishEvent(new UserAccessChanged(id, user.username(), "角色或所属单位变更", user.regionCode(), true, true));
		}
	}

	/**
	 * A new temporary password, shown once; the account's live sessions end and its API tokens are revoked
	 * ({@link UserAccessChanged}). Refused (403) above the actor's rights, and (422 on {@code id}, rule {@code self})
	 * for one's own account: its session would end before the password is seen — one changes one's own password.
	 */
	@Transactional
	public CreatedUser resetPassword(CurrentUser actor, long id) {
		if (actor.id() == id) {
			// the reset would end the very session its one-time password is shown in: the administrator would be locked out
			throw DomainException.rule("id", "self", "不能重置自己的密码（重置会立即结束本次登录，临时密码无从看到）：请在“修改密码”中修改");
		}
		UserAccount user = manage(actor, id);
		String temporary = temporaryPassword();
		rememberReplacedPassword(user);
		user.resetPassword(encoder.encode(temporary), clock.instant());
		users.save(user);
		audit.record(AuditEntry.of("user.reset-password", "User", id, "重置用户" + user.username() + "的密码（须首次登录修改）")
			.inRegion(user.regionCode()));
		events.publishEvent(new UserAccessChanged(id, user.username(), "密码重置", user.regionCode(), true, true));
		return new CreatedUser(id, user.username(), temporary);
	}

	/**
	 * 解除锁定 (GB/T 22239-2019 8.1.4.1 c, 登录失败处理): lifts the account's lock, its count of consecutive wrong
	 * passwords and its pauses at client addresses ({@link SignInPauses}: the throttle counts only the wrong passwords
	 * after this audited {@code user.unlock}). Refused (403) above the actor's rights; 409 when nothing applies — the
	 * account is neither locked, nor counting wrong passwords, nor paused at any address.
	 */
	@Transactional
	public void unlock(CurrentUser actor, long id) {
		change(actor, id, account -> account.unlock(pauses.pausedAnywhere(id)), "user.unlock", "解除锁定");
	}

	/**
	 * Disables an account: its sessions end and its API tokens are revoked, each audited ({@code token.revoke},
	 * {@link UserAccessChanged}) — enabling it again brings none back. Refused (403) above
	 * the actor's rights; 422 on {@code id} for one's own account ({@code self}) and for the last enabled 系统管理员
	 * ({@code last-admin}).
	 */
	@Transactional
	public void disable(CurrentUser actor, long id) {
		if (actor.id() == id) {
			throw DomainException.rule("id", "self", "不能停用自己的账号");
		}
		UserAccount user = change(actor, id, account -> {
			if (account.roleSet().contains(Role.SYSTEM_ADMIN)) {
				requireAnotherSystemAdministrator(id, "id");
			}
			account.disable();
		}, "user.disable", "停用");
		events.publishEvent(new UserAccessChanged(id, user.username(), "账号停用", user.regionCode(), true, true));
	}

	/**
	 * Disables every enabled account bound to an enterprise that ceased to be (注销 on the register): nobody acts any
	 * more for a company that no longer exists — no sign-in, its sessions end, its API tokens are revoked
	 * ({@link UserAccessChanged}) — each audited as a disabling with the reason. Called by the registry when the
	 * cancellation commits (organisations know no regulated company: the registry tells them).
	 * @param creditCode the enterprise's 统一社会信用代码
	 * @param reason why, in Chinese, e.g. "企业已于2026-12-04注销"
	 * @return how many accounts were disabled (0 when none was enabled: a redelivery changes nothing)
	 */
	@Transactional
	public int disableEnterpriseAccounts(String creditCode, String reason) {
		List<Long> ids = jdbc.sql("""
				SELECT id FROM user_account WHERE kind = 'ENTERPRISE' AND enterprise_credit_code = :code AND enabled
				ORDER BY id""")
			.param("code", creditCode)
			.query(Long.class)
			.list();
		for (long id : ids) {
			UserAccount user = users.findById(id).orElseThrow();
			changed(user, UserAccount::disable, "user.disable", "停用用户" + user.username() + "（" + reason + "）");
			events.publishEvent(new UserAccessChanged(id, user.username(), reason, user.regionCode(), true, true));
		}
		return ids.size();
	}

	/**
	 * Enables a disabled account the actor may manage, audited.
	 * @throws DomainException 422 on {@code enterpriseCreditCode} ({@code cancelled}) for an account of an enterprise
	 * cancelled (注销) on the register — its accounts were disabled with the cancellation and stay so; 422 on
	 * {@code departmentId} ({@code inactive}) for an account whose department is deactivated
	 */
	@Transactional
	public void enable(CurrentUser actor, long id) {
		UserAccount user = manage(actor, id);
		if (user.kind() == UserKind.ENTERPRISE && user.enterpriseCreditCode() != null
				&& enterprises.isCancelled(user.enterpriseCreditCode())) {
			throw DomainException.rule("enterpriseCreditCode", "cancelled", CANCELLED_ENTERPRISE);
		}
		if (user.departmentId() != null) {
			// the same lock as Departments.deactivate: an account enabled while its department is deactivated would
			// belong to a department no form offers (attack f8 item 6)
			TransactionLocks.hold(jdbc, Departments.lockKey(user.departmentId()));
			departments.findById(user.departmentId()).filter(d -> !d.active()).ifPresent(d -> {
				throw DomainException.rule("departmentId", "inactive", Wording.of("org.refusal.departmentDisabled", d.name()),
						"所属处室“" + d.name()
						+ "”已停用，不能启用该账号：请先将账号调整到启用的处室（编辑用户），或先启用该处室");
			});
		}
		change(actor, id, UserAccount::enable, "user.enable", "启用");
	}

	private static final String CANCELLED_ENTERPRISE = "该企业已注销，不能为其开设或启用账号";

	/**
	 * Moves the accounts of the enterprise with this credit code to the region it is now registered in (the registry
	 * moved it to another county): an enterprise account's region is its enterprise's, which decides which bureau's
	 * administrators manage it. Each moved account audited with the reason.
	 * @param region the enterprise's new region code
	 * @return how many accounts moved
	 */
	@Transactional
	public int moveEnterpriseAccounts(String creditCode, String region, String reason) {
		List<Long> ids = jdbc.sql("""
				SELECT id FROM user_account WHERE kind = 'ENTERPRISE' AND enterprise_credit_code = :code
				AND region_code IS DISTINCT FROM :region ORDER BY id""")
			.param("code", creditCode)
			.param("region", region)
			.query(Long.class)
			.list();
		for (long id : ids) {
			UserAccount user = users.findById(id).orElseThrow();
			changed(user, u -> u.bindToEnterprise(creditCode, region), "user.update",
					"用户" + user.username() + "随企业迁至" + regions.fullName(region) + "（" + reason + "）");
		}
		return ids.size();
	}

	/**
	 * The user changes their own password after proving the current one; the account's API tokens are revoked in the
	 * same transaction, each audited ({@link UserAccessChanged}, {@code endsSessions} false: the caller ends the other
	 * sessions and keeps the one the change was made in) — a token is no key that outlives the password it was issued
	 * under.
	 * @throws InvalidValueException 400 on currentPassword (matches) or newPassword (the {@link PasswordPolicy}; changed
	 * for the current password, reused for one of the {@link PasswordPolicy#REMEMBERED} latest)
	 */
	@Transactional
	public void changeOwnPassword(CurrentUser actor, String currentPassword, String newPassword) {
		UserAccount user = ownAccount(actor, currentPassword);
		PasswordPolicy.check("newPassword", user.username(), user.displayName(),
				accountWords(user.displayName(), user.regionCode(), user.kind(), user.enterpriseCreditCode()), newPassword);
		if (encoder.matches(newPassword, user.passwordHash())) {
			throw new InvalidValueException("newPassword", "changed", PasswordPolicy.message("changed"));
		}
		if (previousPasswordHashes(user.id()).stream().anyMatch(hash -> encoder.matches(newPassword, hash))) {
			throw new InvalidValueException("newPassword", "reused", PasswordPolicy.message("reused", PasswordPolicy.REMEMBERED));
		}
		rememberReplacedPassword(user);
		user.changePassword(encoder.encode(newPassword), clock.instant());
		users.save(user);
		audit.record(AuditEntry.of("user.change-password", "User", user.id(), user.username() + "修改了自己的密码")
			.inRegion(user.regionCode()));
		events.publishEvent(new UserAccessChanged(user.id(), user.username(), "本人修改密码", user.regionCode(), true, false));
	}

	/**
	 * Checks that the signed-in user knows their current password, before a step that needs it proved again (creating
	 * an API token: a session left open, or taken over, must not mint a key that outlives it). A guess like a sign-in's:
	 * the web step that calls this or {@link #changeOwnPassword} weighs it by the sign-in limits and counts a wrong one
	 * as a failed sign-in (security.PasswordGuesses) — no caller checks it unweighed.
	 * @throws InvalidValueException 400 on {@code currentPassword} ({@code matches}) for a wrong or missing password
	 */
	public void confirmOwnPassword(CurrentUser actor, String currentPassword) {
		ownAccount(actor, currentPassword);
	}

	private UserAccount ownAccount(CurrentUser actor, String currentPassword) {
		UserAccount user = users.findById(actor.id()).orElseThrow(() -> DomainException.notFound("用户", actor.id()));
		if (currentPassword == null || !encoder.matches(currentPassword, user.passwordHash())) {
			throw new InvalidValueException("currentPassword", "matches", PasswordPolicy.message("current"));
		}
		return user;
	}

	/** The hashes of the account's passwords before its current one, newest first ({@link PasswordPolicy#REMEMBERED}). */
	private List<String> previousPasswordHashes(long userId) {
		return jdbc.sql("SELECT password_hash FROM password_history WHERE user_account = :user ORDER BY id DESC LIMIT :n")
			.param("user", userId)
			.param("n", PasswordPolicy.REMEMBERED - 1)
			.query(String.class)
			.list();
	}

	/**
	 * Keeps the hash of the password about to be replaced, and forgets those older than the last
	 * {@link PasswordPolicy#REMEMBERED} but one (the current password is the account's own).
	 */
	private void rememberReplacedPassword(UserAccount user) {
		jdbc.sql("INSERT INTO password_history (user_account, password_hash, replaced_at) VALUES (:user, :hash, :at)")
			.param("user", user.id())
			.param("hash", user.passwordHash())
			.param("at", OffsetDateTime.now(clock))
			.update();
		jdbc.sql("""
				DELETE FROM password_history WHERE user_account = :user AND id NOT IN
				    (SELECT id FROM password_history WHERE user_account = :user ORDER BY id DESC LIMIT :n)""")
			.param("user", user.id())
			.param("n", PasswordPolicy.REMEMBERED - 1)
			.update();
	}

	/**
	 * The account's own words for the password rule ({@link PasswordPolicy#accountWords}): the person's name, the
	 * places from the province down to the account's region (its bureau's, or its enterprise's), an enterprise
	 * account's enterprise name, then the places around it, nearest first: the regions just below each of those
	 * places from the account's own up — a county's fellow counties of its city, then its province's cities (the
	 * capital among them) — and last the regions below the account's own (a county's streets).
	 */
	private List<String> accountWords(String displayName, String regionCode, UserKind kind, String creditCode) {
		List<String> places = new ArrayList<>();
		List<String> nearby = new ArrayList<>();
		if (regionCode != null) {
			List<Region> path = regions.path(regionCode);
			path.forEach(place -> places.add(place.name()));
			for (int up = path.size() - 2; up >= 0; up--) {
				regions.children(path.get(up).code()).forEach(r -> nearby.add(r.name()));
			}
			regions.children(regionCode).forEach(r -> nearby.add(r.name()));
		}
		String enterprise = kind == UserKind.ENTERPRISE && creditCode != null
				? enterprises.nameOf(Text.strip(creditCode)).orElse(null) : null;
		return PasswordPolicy.accountWords(displayName, places, enterprise, nearby);
	}

	private UserAccount change(CurrentUser actor, long id, Consumer<UserAccount> transition,
			String action, String verb) {
		UserAccount user = manage(actor, id);
		changed(user, transition, action, verb + "用户" + user.username());
		return user;
	}

	/** Applies the transition to the account, saves it and audits the change with its states before and after. */
	private void changed(UserAccount user, Consumer<UserAccount> transition, String action, String summary) {
		var before = user.snapshot();
		transition.accept(user);
		users.save(user);
		audit.record(AuditEntry.of(action, "User", user.id(), summary)
			.states(before, user.snapshot())
			.inRegion(user.regionCode()));
	}

	/**
	 * Keeps the installation administrable: nobody moves their own account to another bureau (its region is the
	 * account's scope: an administrator moved below their region could not come back nor manage it) or takes an
	 * administrator role (系统管理员, 机构管理员) off it — another administrator must, as nobody disables their own —
	 * and the last enabled 系统管理员 keeps the role, whoever edits it (the only role that grants 系统管理员 and manages
	 * every account).
	 * @throws DomainException 422 on {@code bureauId} ({@code self}) or {@code roles} ({@code own-admin},
	 * {@code last-admin})
	 */
	private void keepAdministration(CurrentUser actor, UserAccount user, UserData changed) {
		if (actor.id() == user.id() && user.bureauId() != null && !user.bureauId().equals(changed.bureauId())) {
			throw DomainException.rule("bureauId", "self", "不能把自己的账号调到其他机构：请由有权管理两处机构的管理员操作");
		}
		Set<Role> newRoles = changed.roles();
		Set<Role> dropped = EnumSet.of(Role.SYSTEM_ADMIN, Role.BUREAU_ADMIN);
		dropped.retainAll(user.roleSet());
		dropped.removeAll(newRoles == null ? Set.of() : newRoles);
		if (dropped.isEmpty()) {
			if (user.roleSet().contains(Role.SYSTEM_ADMIN) && user.enabled() && user.bureauId() != null
					&& !user.bureauId().equals(changed.bureauId()) && topBureau(user.bureauId())
					&& !topBureau(changed.bureauId())) {
				requireAnotherSystemAdministrator(user.id(), "bureauId");
			}
			return;
		}
		if (actor.id() == user.id()) {
			throw DomainException.rule("roles", "own-admin", Wording.of("org.refusal.ownAdminRole", dropped),
					"不能取消自己的管理员角色（"
					+ dropped.stream().map(Role::label).collect(Collectors.joining("、")) + "）：请由其他管理员操作");
		}
		if (dropped.contains(Role.SYSTEM_ADMIN) && user.enabled()) {
			requireAnotherSystemAdministrator(user.id(), "roles");
		}
	}

	/**
	 * Refuses a change that would take the account {@code id} out of the installation's administrators when no other
	 * would be left: an account of a top-level bureau (one without a parent, whose region is the whole installation's)
	 * needs another enabled 系统管理员 of a top-level bureau — a 系统管理员 of a county manages only the county —, any
	 * other account another enabled 系统管理员 anywhere. Checked under a lock held to the end of the transaction, so two
	 * administrators removing each other at once cannot both pass.
	 * @throws DomainException 422 on {@code field}, rule {@code last-admin}
	 */
	private void requireAnotherSystemAdministrator(long id, String field) {
		TransactionLocks.hold(jdbc, "user_account:system-admins");
		boolean top = jdbc.sql("SELECT bureau_id FROM user_account WHERE id = :id").param("id", id)
			.query((rs, i) -> rs.getObject(1, Long.class)).optional().map(this::topBureau).orElse(false);
		long others = jdbc.sql("""
				SELECT count(*) FROM user_account u JOIN user_role r ON r.user_account = u.id
				LEFT JOIN bureau b ON b.id = u.bureau_id
				WHERE r.role = 'SYSTEM_ADMIN' AND u.enabled AND u.id <> :id
				  AND (NOT :top OR (b.id IS NOT NULL AND b.parent_id IS NULL))""")
			.param("id", id)
			.param("top", top)
			.query(Long.class)
			.single();
		if (others == 0) {
			throw DomainException.rule(field, "last-admin", top
					? "最高一级机构至少须保留一名启用的系统管理员（管理下级机构的账号须在其上级）：请先为该机构的其他账号授予系统管理员角色"
					: "系统中至少须保留一名启用的系统管理员：请先为其他账号授予系统管理员角色");
		}
	}

	/** Whether the bureau is a top-level one of the installation (no parent bureau); false for null. */
	private boolean topBureau(Long bureauId) {
		return bureauId != null && jdbc.sql("SELECT parent_id IS NULL FROM bureau WHERE id = :id").param("id", bureauId)
			.query(Boolean.class).optional().orElse(false);
	}

	/**
	 * The roles an actor may grant and whose holders the actor may manage: every role for a system administrator;
	 * otherwise the actor's own roles, plus 处室工作人员 and 企业用户 for a bureau administrator — never 系统管理员.
	 * So a bureau administrator cannot reset, disable or edit a 系统管理员 (or a 局领导 unless also one), and nobody
	 * grants a role above their own.
	 */
	public static Set<Role> manageableRoles(CurrentUser actor) {
		if (actor.has(Role.SYSTEM_ADMIN)) {
			return EnumSet.allOf(Role.class);
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		roles.addAll(actor.roles());
		if (actor.has(Role.BUREAU_ADMIN)) {
			roles.add(Role.STAFF);
			roles.add(Role.ENTERPRISE);
		}
		roles.remove(Role.SYSTEM_ADMIN);
		return roles;
	}

	/** Whether the actor may manage an account holding these roles (the page hides the actions otherwise). */
	public static boolean mayManage(CurrentUser actor, Set<Role> heldRoles) {
		return manageableRoles(actor).containsAll(heldRoles);
	}

	/**
	 * Refuses {@code actor} the steps on account {@code id} as each step does: out of the actor's scope 404, an account
	 * holding a role above the actor's 403 — also asked before a step's form is bound ({@code OrgStepAccess}).
	 */
	public void requireManageable(CurrentUser actor, long id) {
		manage(actor, id);
	}

	/** Loads an account in the actor's scope for a change, refusing (403) one that holds a role above the actor's. */
	private UserAccount manage(CurrentUser actor, long id) {
		UserAccount user = load(actor.scope(), id);
		if (!mayManage(actor, user.roleSet())) {
			throw new AccessRefusedException(null, Wording.of("org.refusal.userHasHigherRolesNamed", user.username(), user.roleSet().stream().filter(r -> !manageableRoles(actor).contains(r)).toList()),
					"用户" + user.username() + "拥有您不具备的角色（"
					+ user.roleSet().stream().filter(r -> !manageableRoles(actor).contains(r)).map(Role::label)
						.collect(Collectors.joining("、"))
					+ "），您无权管理该账号");
		}
		return user;
	}

	UserAccount load(DataScope scope, long id) {
		UserAccount user = users.findById(id).orElseThrow(() -> DomainException.notFound("用户", id));
		scope.requireRegion(user.regionCode(), "用户", id);
		return user;
	}

	private void place(DataScope scope, UserAccount user, UserData data, String enterpriseRegion) {
		user.describe(Text.name(data.displayName()), Text.blankToNull(data.phone()) == null ? null
				: MobilePhone.of(data.phone()).value());
		if (data.kind() == UserKind.STAFF) {
			Bureau bureau = bureaus.load(scope, data.bureauId());
			user.placeInBureau(bureau.id(), data.departmentId(), bureau.regionCode());
		}
		else {
			user.bindToEnterprise(CreditCode.of(data.enterpriseCreditCode()).value(), enterpriseRegion);
		}
		user.grant(data.roles());
	}

	/**
	 * Checks the form (all field errors at once, 400) and the actor's rights (403); returns the registered region of an
	 * enterprise account's enterprise (null for staff).
	 */
	private String validate(DataScope scope, CurrentUser actor, UserData data, UserAccount existing,
			List<FieldError> formErrors) {
		Validation v = Validation.after(formErrors);
		if (existing == null) {
			v.required("username", "用户名", data.username());
			v.require("username", data.username() == null || UserDirectory.normalName(data.username()).matches("[a-z0-9][a-z0-9._-]{2,39}"),
					"format", Wording.of("org.invalid.username"), "用户名应为3-40位英文字母、数字、点、下划线或连字符，且以字母或数字开头（字母一律存为小写）");
		}
		v.name("displayName", "姓名", data.displayName(), 60).personName("displayName", "姓名", data.displayName());
		v.require("kind", data.kind() != null, "required", Wording.of("refusal.userKind"), "请选择用户类型");
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
				if (bureau.isEmpty() && bureaus.find(DataScope.all(), data.bureauId()).isPresent()) {
					throw new AccessRefusedException("bureauId", "所属机构不在您的管理范围内");
				}
				v.require("bureauId", bureau.isPresent(), "exists", "所属机构不存在");
				if (data.departmentId() != null) {
					// ordered with the department's deactivation (Departments.lockKey), as enabling an account is
					TransactionLocks.hold(jdbc, Departments.lockKey(data.departmentId()));
					v.require("departmentId", departments.findById(data.departmentId())
						.filter(d -> d.bureauId().equals(data.bureauId()) && d.active())
						.isPresent(), "belongs", "所选处室不属于该机构或已停用");
				}
			}
		}
		String enterpriseRegion = null;
		if (data.kind() == UserKind.ENTERPRISE) {
			v.require("roles", roles.equals(EnumSet.of(Role.ENTERPRISE)), "enterprise-role", "企业用户只能拥有企业用户角色");
			CreditCode code = v.check("enterpriseCreditCode", () -> CreditCode.of(data.enterpriseCreditCode()));
			if (code != null) {
				enterpriseRegion = enterprises.regionOf(code.value()).orElse(null);
				v.require("enterpriseCreditCode", enterpriseRegion != null, "registered",
						"登记库中没有该统一社会信用代码的企业，请先登记企业");
				v.require("enterpriseCreditCode", enterpriseRegion == null || !enterprises.isCancelled(code.value()),
						"cancelled", CANCELLED_ENTERPRISE);
			}
		}
		if (actor != null) {
			Set<Role> above = EnumSet.noneOf(Role.class);
			above.addAll(roles);
			above.removeAll(manageableRoles(actor));
			if (!above.isEmpty()) {
				String adminOnly = above.contains(Role.SYSTEM_ADMIN) ? "（只有系统管理员可以授予系统管理员角色）" : "";
				throw new AccessRefusedException("roles", Wording.of("org.refusal.rolesAbove", above, adminOnly),
						"您无权授予角色：" + above.stream().map(Role::label).collect(Collectors.joining("、")) + adminOnly);
			}
		}
		if (enterpriseRegion != null && !scope.containsRegion(enterpriseRegion)) {
			// access before fields: refused (403) whatever else was sent; named, never a bare region code (attack f8 item
			// 11: "（320506）")
			throw new AccessRefusedException("enterpriseCreditCode", Wording.of("org.refusal.enterpriseOutside", regions.fullName(enterpriseRegion)),
					"该企业登记在您的管理范围以外（"
					+ regions.fullName(enterpriseRegion) + "），不能为其开设账号");
		}
		v.throwIfInvalid();
		return enterpriseRegion;
	}

	private UserView view(ResultSet rs, int row) throws SQLException {
		String[] roles = (String[]) rs.getArray("roles").getArray();
		Set<Role> roleSet = EnumSet.noneOf(Role.class);
		for (String r : roles) {
			roleSet.add(Role.valueOf(r));
		}
		return new UserView(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				UserKind.valueOf(rs.getString("kind")), (Long) rs.getObject("bureau_id"), rs.getString("bureau_name"),
				(Long) rs.getObject("department_id"), rs.getString("department_name"),
				rs.getString("enterprise_credit_code"), rs.getString("region_code"),
				Masking.phone(rs.getString("phone_masked")), roleSet, rs.getBoolean("enabled"),
				rs.getBoolean("locked"), rs.getBoolean("must_change_password"), rs.getBoolean("demo"),
				rs.getObject("last_login_at", OffsetDateTime.class),
				rs.getObject("created_at", OffsetDateTime.class), rs.getInt("failed_attempts"), false);
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
		List<Character> chars = new ArrayList<>(sb.chars().mapToObj(c -> (char) c).toList());
		Collections.shuffle(chars, RANDOM);
		StringBuilder out = new StringBuilder();
		chars.forEach(out::append);
		return out.toString();
	}
}
