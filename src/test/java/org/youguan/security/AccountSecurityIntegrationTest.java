package org.youguan.security;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.ClientAddress;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.audit.SignInLog;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.PageQuery;
import org.youguan.org.Bureaus;
import org.youguan.org.CurrentUser;
import org.youguan.org.Role;
import org.youguan.org.UserData;
import org.youguan.org.UserDirectory;
import org.youguan.org.UserKind;
import org.youguan.org.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attack round 18 on one's own account: its pages are for a person signed in with their password, never for an API
 * token (a token minted a non-expiring token); a token needs the password typed again and always expires; a password
 * change renews the session id and keeps no password hash in the stored session; the last five passwords are not
 * taken again.
 */
@IntegrationTest
class AccountSecurityIntegrationTest {

	static final String FIRST = "Xk9#qTr7mPz2";

	@Autowired
	MockMvc mvc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	Users users;

	@Autowired
	Bureaus bureaus;

	@Autowired
	UserDirectory directory;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	SignInLog signInLog;

	private String newUser() {
		String name = "acct" + UUID.randomUUID().toString().substring(0, 8);
		long bureau = bureaus.findByRegion("320506").orElseThrow().id();
		users.provision(new UserData(name, "账户测试", UserKind.STAFF, bureau, null, null, null, EnumSet.of(Role.STAFF)),
				FIRST, false, false);
		return name;
	}

	private CurrentUser principal(String name) {
		return directory.principal(name).orElseThrow();
	}

	private static MockHttpServletRequestBuilder bearer(MockHttpServletRequestBuilder request, String token) {
		return request.header("Authorization", "Bearer " + token);
	}

	@Test
	void anApiTokenCannotMintRevokeOrChangeThePassword() throws Exception {
		String name = newUser();
		ApiTokens.NewToken token = tx.execute(s -> tokens.create(principal(name), "对接", 30));
		for (MockHttpServletRequestBuilder request : List.of(
				post("/account/tokens").param("name", "minted").param("validDays", ""),
				post(URI.create("/%61ccount/tokens")).param("name", "minted").param("validDays", ""),
				post("/account/tokens/" + token.id() + "/revoke"),
				post("/account/password").param("currentPassword", FIRST).param("newPassword", "Tr0ub4dor&Zq9")
					.param("confirmPassword", "Tr0ub4dor&Zq9"),
				get("/account/tokens"))) {
			mvc.perform(bearer(request, token.token()))
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.errors[0].rule").value("session-required"));
		}
		assertThat(tokens.list(principal(name))).singleElement().satisfies(t -> assertThat(t.revokedAt()).isNull());
		mvc.perform(bearer(get("/api/v1/me"), token.token())).andExpect(status().isOk());
	}

	/**
	 * The same for an administrator's token: it resets no password (shown in the page's flash); it may open an account
	 * (provisioning) but is never shown its temporary password.
	 */
	@Test
	void anAdministratorsApiTokenIssuesNoPassword() throws Exception {
		String name = newUser();
		long id = principal(name).id();
		ApiTokens.NewToken token = tx.execute(s -> tokens.create(principal("sz.admin"), "管理对接", 1));
		String hash = passwordHash(name);
		mvc.perform(bearer(post("/admin/users/" + id + "/reset-password"), token.token()))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.errors[0].rule").value("session-required"));
		var opened = mvc.perform(bearer(post("/admin/users/new").param("username", "minted" + id)
			.param("displayName", "对接开设").param("kind", "STAFF").param("roles", "STAFF")
			.param("bureauId", String.valueOf(principal("sz.admin").bureauId())), token.token()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(String.valueOf(opened.getFlashMap().get("secret"))).contains("minted" + id)
			.contains("临时密码不向API令牌显示").doesNotContain("临时密码：");
		// a token keeps no session: what is flashed for it is never saved in one (web.TokenFlashMaps)
		assertThat(opened.getRequest().getSession(false)).isNull();
		assertThat(passwordHash(name)).isEqualTo(hash);
		mvc.perform(bearer(get("/admin/users/" + id), token.token())).andExpect(status().isOk());
	}

	@Test
	void creatingATokenNeedsTheCurrentPasswordAgain() throws Exception {
		String name = newUser();
		MockHttpSession session = SignIn.session(mvc, name, FIRST);
		mvc.perform(post("/account/tokens").session(session).with(csrf()).param("name", "无密码"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("当前密码不正确")));
		mvc.perform(post("/account/tokens").session(session).with(csrf()).with(ClientAddress.fromANewAddress())
			.param("name", "错密码").param("currentPassword", "Wrong#2026zz"))
			.andExpect(status().isBadRequest());
		assertThat(tokens.list(principal(name))).isEmpty();
		mvc.perform(post("/account/tokens").session(session).with(csrf()).param("name", "有密码")
			.param("currentPassword", FIRST))
			.andExpect(redirectedUrl("/account/tokens"));
		assertThat(tokens.list(principal(name))).hasSize(1);
	}

	@Test
	void everyTokenExpiresNinetyDaysByDefaultAndAYearAtMost() {
		String name = newUser();
		tx.execute(s -> tokens.create(principal(name), "默认有效期", null));
		OffsetDateTime now = OffsetDateTime.now(clock);
		assertThat(tokens.list(principal(name))).singleElement().satisfies(t -> assertThat(t.expiresAt())
			.isNotNull()
			.isAfter(now.plusDays(89))
			.isBefore(now.plusDays(91)));
		assertThatThrownBy(() -> tx.execute(s -> tokens.create(principal(name), "太久", 366)))
			.isInstanceOf(InvalidValueException.class)
			.hasMessageContaining("1至365天");
	}

	@Test
	void changingOnesPasswordRenewsTheSessionIdAndStoresNoPasswordHash() throws Exception {
		String name = newUser();
		MockHttpSession session = SignIn.session(mvc, name, FIRST);
		List<String> before = sessionIds(name);
		assertThat(before).isNotEmpty();

		mvc.perform(post("/account/password").session(session).with(csrf()).param("currentPassword", FIRST)
			.param("newPassword", "Tr0ub4dor&Zq9").param("confirmPassword", "Tr0ub4dor&Zq9"))
			.andExpect(redirectedUrl("/"));

		List<String> after = sessionIds(name);
		assertThat(after).as("the session goes on under a new id").isNotEmpty().doesNotContainAnyElementsOf(before);
		String hash = passwordHash(name);
		List<byte[]> stored = jdbc.sql("""
				SELECT a.attribute_bytes FROM spring_session_attributes a
				JOIN spring_session s ON s.primary_id = a.session_primary_id WHERE s.principal_name = :name""")
			.param("name", name)
			.query((rs, i) -> rs.getBytes(1))
			.list();
		assertThat(stored).isNotEmpty()
			.allSatisfy(bytes -> assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain(hash));
	}

	@Test
	void noneOfTheLastFivePasswordsIsTakenAgain() {
		String name = newUser();
		users.changeOwnPassword(principal(name), FIRST, "Tr0ub4dor&Zq9");
		users.changeOwnPassword(principal(name), "Tr0ub4dor&Zq9", "Wq7$hLm2Vn8c");
		for (String earlier : List.of(FIRST, "Tr0ub4dor&Zq9")) {
			assertThatThrownBy(() -> users.changeOwnPassword(principal(name), "Wq7$hLm2Vn8c", earlier))
				.isInstanceOf(InvalidValueException.class)
				.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors())
					.anySatisfy(e -> assertThat(e.rule()).isEqualTo("reused")));
		}
		assertThat(jdbc.sql("SELECT h.password_hash FROM password_history h JOIN user_account u ON u.id = h.user_account "
				+ "WHERE u.username = :name").param("name", name).query(String.class).list())
			.as("hashes only").hasSize(2).allSatisfy(h -> assertThat(h).doesNotContain(FIRST));
	}

	/**
	 * Attack round 21 (high): with a session open anyone could guess the account's password without limit through the
	 * current password of 创建令牌 or 修改密码 — 400 each time, nothing logged, the 14th right one minted a token. A wrong
	 * current password now is a failed sign-in of the account from the address, and once the account is paused there
	 * the check is refused unchecked, at both pages and at the sign-in form alike.
	 */
	@Test
	void wrongCurrentPasswordsCountAsFailedSignInsAndPauseTheCheck() throws Exception {
		String name = newUser();
		String address = ClientAddress.newAddress();
		RequestPostProcessor from = ClientAddress.from(address);
		MockHttpSession session = (MockHttpSession) mvc.perform(post("/login").param("username", name)
			.param("password", FIRST).with(csrf()).with(from)).andReturn().getRequest().getSession();
		String hash = passwordHash(name);
		for (int i = 0; i < 3; i++) {
			mvc.perform(post("/account/tokens").session(session).with(csrf()).with(from).param("name", "猜" + i)
				.param("currentPassword", "Wrong#2026zz" + i))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("当前密码不正确")));
		}
		for (int i = 0; i < 2; i++) {
			mvc.perform(post("/account/password").session(session).with(csrf()).with(from)
				.param("currentPassword", "Wrong#2026yy" + i).param("newPassword", "Tr0ub4dor&Zq9")
				.param("confirmPassword", "Tr0ub4dor&Zq9"))
				.andExpect(status().isBadRequest());
		}
		assertThat(signIns(name, SignInLog.Result.FAILURE)).as("each a failed sign-in from the address").hasSize(5)
			.allSatisfy(e -> {
				assertThat(e.reason()).contains(PasswordGuesses.WRONG_CURRENT_PASSWORD);
				assertThat(e.clientAddress()).isEqualTo(address);
			});

		mvc.perform(post("/account/tokens").session(session).with(csrf()).with(from).param("name", "对的")
			.param("currentPassword", FIRST))
			.andExpect(status().isTooManyRequests())
			.andExpect(content().string(containsString("暂停")));
		mvc.perform(post("/account/password").session(session).with(csrf()).with(from).param("currentPassword", FIRST)
			.param("newPassword", "Tr0ub4dor&Zq9").param("confirmPassword", "Tr0ub4dor&Zq9"))
			.andExpect(status().isTooManyRequests());
		assertThat(tokens.list(principal(name))).as("the right password is not even checked").isEmpty();
		assertThat(passwordHash(name)).isEqualTo(hash);
		assertThat(signIns(name, SignInLog.Result.BLOCKED)).hasSize(2)
			.allSatisfy(e -> assertThat(e.reason()).contains("确认当前密码").contains("暂停该账号从此地址登录"));
		assertThat(signIns(name, SignInLog.Result.FAILURE)).as("a refusal is no failure").hasSize(5);
		assertThat(mvc.perform(post("/login").param("username", name).param("password", FIRST).with(csrf()).with(from))
			.andReturn().getResponse().getRedirectedUrl()).as("the same pause as the sign-in form's").isEqualTo("/login?error");
		assertThat(mvc.perform(post("/login").param("username", name).param("password", FIRST).with(csrf())
			.with(ClientAddress.fromANewAddress())).andReturn().getResponse().getRedirectedUrl())
			.as("elsewhere the owner still signs in").isEqualTo("/");
	}

	/**
	 * Finding (a 429 without a real wait): a paused current-password check said 「请15分钟后再试」 whatever was left of
	 * the pause, and sent no {@code Retry-After}. It now says the time left — the pause lifts when the failure that makes
	 * it ages out of the lock period — in its words and, in seconds, in {@code Retry-After}.
	 */
	@Test
	void aPausedCurrentPasswordCheckSaysTheRealTimeLeftAndRetryAfter() throws Exception {
		clock.reset();
		try {
			String name = newUser();
			RequestPostProcessor from = ClientAddress.from(ClientAddress.newAddress());
			MockHttpSession session = (MockHttpSession) mvc.perform(post("/login").param("username", name)
				.param("password", FIRST).with(csrf()).with(from)).andReturn().getRequest().getSession();
			for (int i = 0; i < 5; i++) {
				mvc.perform(post("/account/tokens").session(session).with(csrf()).with(from).param("name", "猜" + i)
					.param("currentPassword", "Wrong#2026zz" + i))
					.andExpect(status().isBadRequest());
			}
			clock.advance(Duration.ofMinutes(10));
			mvc.perform(post("/account/tokens").session(session).with(csrf()).with(from).param("name", "对的")
				.param("currentPassword", FIRST))
				.andExpect(status().isTooManyRequests())
				.andExpect(header().string("Retry-After", "300"))
				.andExpect(content().string(containsString("请5分钟后再试")))
				.andExpect(content().string(org.hamcrest.Matchers.not(containsString("请15分钟后再试"))));
			clock.advance(Duration.ofSeconds(270));
			mvc.perform(post("/account/password").session(session).with(csrf()).with(from).param("currentPassword", FIRST)
				.param("newPassword", "Tr0ub4dor&Zq9").param("confirmPassword", "Tr0ub4dor&Zq9"))
				.andExpect(status().isTooManyRequests())
				.andExpect(header().string("Retry-After", "30"))
				.andExpect(content().string(containsString("请30秒后再试")));
			assertThat(tokens.list(principal(name))).isEmpty();
		}
		finally {
			clock.reset();
		}
	}

	/** While the account is locked (30 wrong passwords from all addresses) its session checks no current password. */
	@Test
	void aLockedAccountsSessionChecksNoCurrentPassword() throws Exception {
		String name = newUser();
		MockHttpSession session = SignIn.session(mvc, name, FIRST);
		assertThat(Boolean.TRUE.equals(tx.execute(s -> directory.recordFailedSignIn(name, 1, Duration.ofMinutes(15))))).isTrue();
		mvc.perform(post("/account/tokens").session(session).with(csrf()).param("name", "锁定")
			.param("currentPassword", FIRST))
			.andExpect(status().isTooManyRequests())
			// the lock's real end (15 minutes from its last failure), in its words and in Retry-After
			.andExpect(header().string("Retry-After", "900"))
			.andExpect(content().string(containsString("请15分钟后再试")));
		assertThat(tokens.list(principal(name))).isEmpty();
		assertThat(signIns(name, SignInLog.Result.BLOCKED)).singleElement()
			.satisfies(e -> assertThat(e.reason()).contains("账号已锁定"));
	}

	private List<SignInLog.Entry> signIns(String name, SignInLog.Result result) {
		return signInLog.list(DataScope.all(), new SignInLog.Filter(result, null, null), new PageQuery(name, 0, 50, null, true))
			.items();
	}

	private String passwordHash(String name) {
		return jdbc.sql("SELECT password_hash FROM user_account WHERE username = :name").param("name", name)
			.query(String.class).single();
	}

	private List<String> sessionIds(String name) {
		return jdbc.sql("SELECT session_id FROM spring_session WHERE principal_name = :name").param("name", name)
			.query(String.class).list();
	}
}
