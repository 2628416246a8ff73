package org.youguan.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.Rows;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserAccessChanged;
import org.youguan.org.UserDirectory;

/**
 * Personal API tokens for integrations ({@code Authorization: Bearer …}). Only a SHA-256 hash is stored; the token is
 * shown once when created. A token acts as its user, with the user's roles and scope, until revoked or expired.
 */
@Service
public class ApiTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final UserDirectory directory;

	private final AuditTrail audit;

	private final Clock clock;

	private final Cache<String, Authenticated> cache;

	private final SecuritySettings settings;

	ApiTokens(JdbcClient jdbc, UserDirectory directory, AuditTrail audit, Clock clock, SecuritySettings settings) {
		this.settings = settings;
		this.jdbc = jdbc;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
		// the clock bean is the cache's time, so tests can move past the TTL
		this.cache = Caffeine.newBuilder()
			.maximumSize(10_000)
			.expireAfterWrite(settings.tokenCacheTtl())
			.ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
			.build();
	}

	public record TokenView(long id, String name, String hint, OffsetDateTime createdAt, OffsetDateTime expiresAt,
			OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {

		public boolean active(OffsetDateTime now) {
			return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
		}
	}

	public record NewToken(long id, String token) {
	}

	/**
	 * Creates a token for the user, audited ({@code token.create}). Every token expires: the caller's session has
	 * already proved the user's current password ({@code AccountController}); the token itself never can make another.
	 *
	 * @param name what the token is for, at most 60 characters
	 * @param validDays days until it expires, 1 to {@code youguan.security.token-max-days} (365); null: the default
	 *        {@code youguan.security.token-default-days} (90)
	 * @return the token, shown once (only its SHA-256 hash is kept)
	 * @throws org.youguan.kernel.InvalidValueException 400 on {@code name} or on {@code validDays} ({@code range})
	 */
	@Transactional
	public NewToken create(CurrentUser user, String name, Integer validDays) {
		int max = settings.tokenMaxDays();
		new Validation().ownName("name", "令牌名称", name, 60)
			.require("validDays", validDays == null || (validDays >= 1 && validDays <= max), "range",
					"有效期应为1至" + max + "天，留空为" + settings.tokenDefaultDays() + "天")
			.throwIfInvalid();
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = "yg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		OffsetDateTime expires = OffsetDateTime.now(clock)
			.plusDays(validDays == null ? settings.tokenDefaultDays() : validDays);
		long id = store(user, Text.name(name), token, expires);
		return new NewToken(id, token);
	}

	/** Days a new token is valid when none is given ({@code youguan.security.token-default-days}, 90). */
	public int defaultDays() {
		return settings.tokenDefaultDays();
	}

	/** The most days a new token may be valid ({@code youguan.security.token-max-days}, 365). */
	public int maxDays() {
		return settings.tokenMaxDays();
	}

	/** Stores a token chosen by the caller: only the demo data uses this, for its documented demo tokens. */
	@Transactional
	public long storeKnownToken(CurrentUser user, String name, String token) {
		return store(user, name, token, null);
	}

	private long store(CurrentUser user, String name, String token, OffsetDateTime expires) {
		long id = jdbc.sql("""
				INSERT INTO api_token (user_account, name, token_hash, hint, created_at, expires_at)
				VALUES (:user, :name, :hash, :hint, :now, :expires) RETURNING id""")
			.param("user", user.id())
			.param("name", name)
			.param("hash", hash(token))
			.param("hint", "…" + token.substring(token.length() - 4))
			.param("now", OffsetDateTime.now(clock))
			.param("expires", expires)
			.query(Long.class)
			.single();
		audit.record(AuditEntry.of("token.create", "ApiToken", id, user.getUsername() + "创建API令牌“" + name + "”")
			.inRegion(user.regionCode()));
		return id;
	}

	public List<TokenView> list(CurrentUser user) {
		return jdbc.sql("""
				SELECT id, name, hint, created_at, expires_at, last_used_at, revoked_at FROM api_token
				WHERE user_account = :user ORDER BY id DESC""")
			.param("user", user.id())
			.query(Rows.of(TokenView.class))
			.list();
	}

	@Transactional
	public void revoke(CurrentUser user, long id) {
		int n = jdbc.sql("UPDATE api_token SET revoked_at = :now WHERE id = :id AND user_account = :user AND revoked_at IS NULL")
			.param("now", OffsetDateTime.now(clock))
			.param("id", id)
			.param("user", user.id())
			.update();
		if (n == 0) {
			throw DomainException.notFound("有效的API令牌", id);
		}
		audit.record(AuditEntry.of("token.revoke", "ApiToken", id, user.getUsername() + "吊销了API令牌")
			.inRegion(user.regionCode()));
		cache.asMap().values().removeIf(a -> a.tokenId() == id);
	}

	/**
	 * The user a token acts for, if the token is known, not revoked, not expired and its account enabled. A lock after
	 * wrong passwords ({@link SignInEvents}) does not stop it: a token is a credential of its own, and anyone guessing
	 * the password must not cut an integration off until an administrator unlocks the account. A node keeps
	 * the answer for {@code youguan.security.token-cache-ttl} (5 s): a revocation or an account change made on this node
	 * takes effect at once, one made on another node within that time. Runs without a transaction: a cached answer
	 * touches no connection.
	 */
	public Optional<CurrentUser> authenticate(String token) {
		String hash = hash(token);
		Authenticated cached = cache.getIfPresent(hash);
		if (cached != null && (cached.expiresAt() == null || cached.expiresAt().isAfter(clock.instant()))) {
			return Optional.of(cached.user());
		}
		record Hit(long id, long userAccount, Instant expiresAt) {
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		Optional<Hit> hit = jdbc.sql("""
				SELECT id, user_account, expires_at FROM api_token WHERE token_hash = :hash AND revoked_at IS NULL
				AND (expires_at IS NULL OR expires_at > :now)""")
			.param("hash", hash)
			.param("now", now)
			.query(Rows.of(Hit.class))
			.optional();
		if (hit.isEmpty()) {
			return Optional.empty();
		}
		jdbc.sql("UPDATE api_token SET last_used_at = :now WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :recent)")
			.param("now", now)
			.param("recent", now.minusMinutes(5))
			.param("id", hit.get().id())
			.update();
		Optional<CurrentUser> user = directory.principal(hit.get().userAccount())
			.filter(CurrentUser::isEnabled);
		// the principal of a request holds no password hash, as a form sign-in's does not (Spring erases it there)
		user.ifPresent(CurrentUser::eraseCredentials);
		user.ifPresent(u -> cache.put(hash, new Authenticated(hit.get().id(), u, hit.get().expiresAt())));
		return user;
	}

	/** A cached authentication: the token's id, its principal and when the token expires (null: never). */
	private record Authenticated(long tokenId, CurrentUser user, Instant expiresAt) {
	}

	/**
	 * Revokes the account's live API tokens when it was disabled, its password was reset or changed by the user or its
	 * roles, bureau, department or enterprise changed ({@link UserAccessChanged#endsApiTokens()}), in the transaction of the change, one audit entry
	 * ({@code token.revoke}) for each: a token issued before stays no key to the account's new rights or scope, nor
	 * outlives the password that guarded its issue, and enabling a disabled account again brings none of its old tokens back.
	 * The user creates new tokens after signing in.
	 */
	@EventListener
	void revokeOn(UserAccessChanged changed) {
		if (!changed.endsApiTokens()) {
			return;
		}
		record Revoked(long id, String name) {
		}
		List<Revoked> revoked = jdbc.sql("""
				UPDATE api_token SET revoked_at = :now WHERE user_account = :user AND revoked_at IS NULL
				RETURNING id, name""")
			.param("now", OffsetDateTime.now(clock))
			.param("user", changed.userId())
			.query(Rows.of(Revoked.class))
			.list();
		for (Revoked r : revoked) {
			audit.record(AuditEntry.of("token.revoke", "ApiToken", r.id(),
					"因" + changed.reason() + "吊销用户" + changed.username() + "的API令牌“" + r.name() + "”")
				.inRegion(changed.regionCode()));
		}
	}

	/** Forgets the cached principals of an account whose access changed on this node (other nodes: within the TTL). */
	@TransactionalEventListener(fallbackExecution = true)
	void on(UserAccessChanged changed) {
		cache.asMap().values().removeIf(a -> a.user().id() == changed.userId());
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
