package org.youguan.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.Listing;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageResult;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.platform.ChinaTime;

/**
 * 登录日志: every form sign-in (success or failure) and sign-out, with the client address and a summary of the
 * browser, kept apart from the audit trail of changes so sign-ins neither swamp the trail nor the dashboard (GB/T
 * 22239-2019 8.1.4.3: security-relevant events such as log-ins are recorded with date, time, user, type and result).
 * Append-only in the database. The security module records; administrators read it within their scope.
 */
@Service
public class SignInLog {

	/**
	 * What happened. {@code BLOCKED} is a sign-in refused before its password was checked (the address is paused for
	 * the account or altogether, or the account is locked): it is no guess, so the throttle never counts it as a
	 * failure — retrying during a pause neither extends it nor adds to the address's count. {@code DISABLED} is a
	 * sign-in to a disabled (停用) account, refused before its password was checked too: it is no guess at that
	 * account's password, so it counts neither towards the account's lock nor its pause at the address, but it is a
	 * guess from the address (the guesser is told only what a wrong password tells) and counts towards the address's
	 * limit as a name no account has does.
	 */
	public enum Result {
		SUCCESS("登录成功"), FAILURE("登录失败"), BLOCKED("暂停登录"), DISABLED("账号停用"), SIGN_OUT("退出登录");

		private final String label;

		Result(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/**
	 * One sign-in as recorded.
	 *
	 * @param username the name as typed for a known account; masked ({@link #maskUnknown}) for an unknown one
	 * @param displayName the account's name (null for an unknown account)
	 * @param userAgent a summary of the browser and system ("Chrome 120 · Windows"), or null
	 */
	public record Entry(long id, OffsetDateTime occurredAt, String username, Long userId, String displayName,
			String regionCode, Result result, String reason, String clientAddress, String userAgent) {
	}

	/** Filters of the list besides the search text: the result and a date range (inclusive, China time). */
	public record Filter(Result result, LocalDate from, LocalDate to) {

		/** @throws org.youguan.kernel.InvalidValueException (400 {@code to}, {@code after-from}) for a reversed period */
		public Filter {
			Validation.requirePeriod(from, to);
		}

		public static final Filter NONE = new Filter(null, null, null);
	}

	private static final Map<String, String> SORTS = Map.of("occurred_at", "occurred_at", "username", "username",
			"result", "result");

	private final JdbcClient jdbc;

	private final Clock clock;

	SignInLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records a sign-in, a failed one or a sign-out by a known account, in a transaction of its own (so a failed sign-in
	 * is recorded even when nothing else commits). The client address and browser come from the current request.
	 *
	 * @param regionCode the account's region, which decides which bureaus see the row
	 * @param reason why a sign-in failed (密码错误, 账号已锁定 …), or null
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordKnown(String username, long userId, String displayName, String regionCode, Result result,
			String reason) {
		insert(truncate(username, 60), userId, displayName, regionCode == null ? "0" : regionCode, result, reason);
	}

	/**
	 * Records a failed sign-in with a user name no account has: the name is stored masked ({@link #maskUnknown}) and
	 * only system administrators see the row.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordUnknown(String typedName, String reason) {
		recordUnknown(typedName, Result.FAILURE, reason);
	}

	/**
	 * Records a sign-in with a user name no account has, failed ({@code FAILURE}) or refused before any check
	 * ({@code BLOCKED}), as {@link #recordUnknown(String, String)}.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordUnknown(String typedName, Result result, String reason) {
		insert(maskUnknown(typedName), null, null, "0", result, reason);
	}

	/**
	 * A user name no account has, as the log keeps it: its first two characters (one when it has at most two) and
	 * {@code ***} — people type a password into the name field, which must not end up in a log.
	 */
	public static String maskUnknown(String typed) {
		String name = typed == null ? "" : Text.strip(typed);
		int keep = name.codePointCount(0, name.length()) > 2 ? 2 : Math.min(1, name.length());
		return name.substring(0, name.offsetByCodePoints(0, keep)) + "***";
	}

	private void insert(String username, Long userId, String displayName, String regionCode, Result result,
			String reason) {
		String client = null;
		String agent = null;
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
			HttpServletRequest request = attrs.getRequest();
			client = request.getRemoteAddr();
			agent = UserAgents.summary(request.getHeader("User-Agent"));
		}
		jdbc.sql("""
				INSERT INTO signin_log (occurred_at, username, user_id, display_name, region_code, result, reason,
				    client_address, user_agent)
				VALUES (:at, :username, :userId, :displayName, :region, :result, :reason, :client, :agent)""")
			.param("at", OffsetDateTime.now(clock))
			.param("username", username)
			.param("userId", userId)
			.param("displayName", truncate(displayName, 100))
			.param("region", regionCode)
			.param("result", result.name())
			.param("reason", truncate(reason, 200))
			.param("client", truncate(client, 64))
			.param("agent", truncate(agent, 120))
			.update();
	}

	/**
	 * Failed sign-ins from one client address, as the sign-in throttle weighs them. Refusals before the password check
	 * ({@link Result#BLOCKED}) are not failures and count in neither figure; sign-ins to a disabled account
	 * ({@link Result#DISABLED}) count for the address only.
	 *
	 * @param accountFromAddress the account's wrong passwords from this address since its last success from it or its
	 *        last unlock by an administrator (解除锁定, audited {@code user.unlock}), whichever is later (0 for an
	 *        unknown account)
	 * @param fromAddress the wrong passwords from this address under any names, known or not, and the sign-ins to
	 *        disabled accounts: each guess counts (counting accounts instead would let one address try every
	 *        password-paused account's next guesses)
	 */
	public record RecentFailures(long accountFromAddress, long fromAddress) {
	}

	/**
	 * The failed sign-ins from {@code clientAddress} recorded at or after {@code since} ({@link RecentFailures}).
	 *
	 * @param userId the account typed (null: none, or a name no account has)
	 */
	public RecentFailures recentFailures(Long userId, String clientAddress, Instant since) {
		return jdbc.sql("""
				SELECT (SELECT count(*) FROM signin_log f
				        WHERE f.user_id = :user AND f.client_address = :address AND f.result = 'FAILURE'
				          AND f.occurred_at >= :since AND\s""" + SINCE_RESET + """
				       ) AS account,
				       (SELECT count(*) FROM signin_log f
				        WHERE f.client_address = :address AND f.result IN ('FAILURE', 'DISABLED')
				          AND f.occurred_at >= :since) AS address""")
			.param("user", userId == null ? -1L : userId)
			.param("address", truncate(clientAddress, 64))
			.param("since", OffsetDateTime.ofInstant(since, ChinaTime.ZONE))
			.query((rs, i) -> new RecentFailures(rs.getLong("account"), rs.getLong("address")))
			.single();
	}

	/**
	 * When the {@code n}-th newest failure from {@code clientAddress} since {@code since} was recorded, counted as
	 * {@link #recentFailures} counts them — the failure whose ageing out of the lock period frees a pause reached at
	 * {@code n} failures (the one that ends it: after it fewer than {@code n} remain).
	 * @param userId the account, for its failures at the address ({@link RecentFailures#accountFromAddress}); null for
	 *        the address's under any names ({@link RecentFailures#fromAddress})
	 * @param n the failures that pause (1 or more)
	 * @return the time it was recorded, empty when fewer than {@code n} are logged
	 */
	public Optional<Instant> nthNewestFailure(Long userId, String clientAddress, Instant since, int n) {
		String which = userId == null ? "f.result IN ('FAILURE', 'DISABLED')"
				: "f.user_id = :user AND f.result = 'FAILURE' AND " + SINCE_RESET;
		return jdbc.sql("SELECT f.occurred_at FROM signin_log f WHERE f.client_address = :address AND f.occurred_at >= :since AND "
				+ which + " ORDER BY f.occurred_at DESC, f.id DESC OFFSET :skip LIMIT 1")
			.param("user", userId == null ? -1L : userId)
			.param("address", truncate(clientAddress, 64))
			.param("since", OffsetDateTime.ofInstant(since, ChinaTime.ZONE))
			.param("skip", Math.max(0, n - 1))
			.query((rs, i) -> rs.getObject(1, OffsetDateTime.class).toInstant())
			.optional();
	}

	/**
	 * The accounts among {@code userIds} with at least {@code maxFailures} wrong passwords from one client address
	 * recorded at or after {@code since}, counted as {@link RecentFailures#accountFromAddress} counts them (since the
	 * account's last success from that address and its last unlock): those the sign-in throttle pauses at some
	 * address, which an administrator's 解除锁定 lifts.
	 *
	 * @param userIds the accounts asked about (none: none paused)
	 * @param since the start of the lock period
	 * @param maxFailures the wrong passwords from one address that pause it for the account
	 * @return the paused ones among {@code userIds}
	 */
	public Set<Long> pausedAtSomeAddress(Collection<Long> userIds, Instant since, int maxFailures) {
		if (userIds.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(jdbc.sql("""
				SELECT DISTINCT f.user_id FROM signin_log f
				WHERE f.user_id IN (:users) AND f.result = 'FAILURE' AND f.occurred_at >= :since AND\s""" + SINCE_RESET + """
				GROUP BY f.user_id, f.client_address HAVING count(*) >= :max""")
			.param("users", List.copyOf(userIds))
			.param("since", OffsetDateTime.ofInstant(since, ChinaTime.ZONE))
			.param("max", maxFailures)
			.query(Long.class)
			.list());
	}

	/**
	 * A failure {@code f} counts for its account at its address only after the account's last success from that
	 * address and after its last unlock by an administrator (解除锁定, audited {@code user.unlock}).
	 */
	private static final String SINCE_RESET = """
			f.id > coalesce((SELECT max(s.id) FROM signin_log s WHERE s.user_id = f.user_id
			                 AND s.client_address = f.client_address AND s.result = 'SUCCESS'), 0)
			AND f.occurred_at > coalesce((SELECT max(u.occurred_at) FROM audit_event u
			                              WHERE u.object_type = 'User' AND u.object_id = f.user_id::text
			                                AND u.action = 'user.unlock'), '-infinity')
			""";

	/**
	 * The log within the caller's scope, newest first by default: the search text matches the user name, the name or
	 * the client address; sortable by time, user name and result.
	 */
	public PageResult<Entry> list(DataScope scope, Filter filter, PageQuery page) {
		return Listing.from("FROM signin_log")
			.scope(scope, "region_code")
			.search(page, "username", "display_name", "client_address")
			.where(filter.result() != null, "result = :result", "result", filter.result() == null ? "" : filter.result().name())
			.where(filter.from() != null, "occurred_at >= :from", "from", startOf(filter.from()))
			.where(filter.to() != null, "occurred_at < :to", "to", startOf(filter.to() == null ? null : filter.to().plusDays(1)))
			.sorts(SORTS, "occurred_at", true, "id DESC")
			.page(jdbc, "SELECT id, occurred_at, username, user_id, display_name, region_code, result, reason, client_address, user_agent",
					page, Rows.of(Entry.class));
	}

	private static Object startOf(LocalDate day) {
		return day == null ? "" : day.atStartOfDay(ChinaTime.ZONE).toOffsetDateTime();
	}

	private static String truncate(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}
}
