package org.youguan.security;

import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.youguan.ClientAddress;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.audit.SignInLog;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.PageQuery;
import org.youguan.org.Bureaus;
import org.youguan.org.Role;
import org.youguan.org.UserData;
import org.youguan.org.UserDirectory;
import org.youguan.org.UserKind;
import org.youguan.org.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class SignInIntegrationTest {

	static final String PASSWORD = "Kq8#vN3!wZp5";

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Bureaus bureaus;

	@Autowired
	SignInLog signIns;

	@Autowired
	MutableClock clock;

	@Autowired
	UserDirectory directory;

	/** This test's own client address: wrong passwords from 127.0.0.1 would pause every other test's sign-ins. */
	final String here = ClientAddress.newAddress();

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	String newUser(boolean mustChange) {
		String name = "t" + UUID.randomUUID().toString().substring(0, 8);
		long bureau = bureaus.findByRegion("320506").orElseThrow().id();
		users.provision(new UserData(name, "测试用户", UserKind.STAFF, bureau, null, null, null,
				EnumSet.of(Role.STAFF)), PASSWORD, mustChange, false);
		return name;
	}

	MvcResult signIn(String username, String password) throws Exception {
		return signIn(username, password, here);
	}

	MvcResult signIn(String username, String password, String address) throws Exception {
		return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf())
			.with(ClientAddress.from(address))).andReturn();
	}

	@Test
	void theSignInPageIsChineseAndPublic() throws Exception {
		mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(content().string(
				containsString("用户登录")));
	}

	@Test
	void signsInAndIsLogged() throws Exception {
		String name = newUser(false);
		MvcResult result = signIn(name, PASSWORD);
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
		assertThat(events(SignInLog.Result.SUCCESS, name)).isNotEmpty();
	}

	/**
	 * A sign-in sent from the English page ({@code /login?lang=en}) fails to the English failure message: the failure
	 * page keeps the language asked for, without the language cookie (it went back to {@code /login?error}, Chinese).
	 */
	@Test
	void aFailedSignInInEnglishShowsTheEnglishError() throws Exception {
		String name = newUser(false);
		MvcResult result = mvc.perform(post("/login").queryParam("lang", "en").param("username", name)
			.param("password", "Wrong#2026a").with(csrf()).with(ClientAddress.from(here))).andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login?error&lang=en");
		assertThat(result.getResponse().getCookie("youguan-lang")).isNull();
		mvc.perform(get("/login").param("error", "").param("lang", "en"))
			.andExpect(content().string(containsString("Sign-in failed: wrong user name or password")))
			.andExpect(content().string(not(containsString("用户名或密码错误"))));
	}

	@Test
	void aWrongPasswordShowsTheChineseErrorAndIsLogged() throws Exception {
		String name = newUser(false);
		MvcResult result = signIn(name, "Wrong#2026a");
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
		MockHttpSession session = (MockHttpSession) result.getRequest().getSession();
		mvc.perform(get("/login").param("error", "").session(session))
			.andExpect(content().string(containsString("用户名或密码错误")));
		assertThat(events(SignInLog.Result.FAILURE, name)).extracting(SignInLog.Entry::reason)
			.anySatisfy(s -> assertThat(s).contains("密码错误"));
	}

	@Test
	void fiveFailuresFromOneAddressStopItSigningInToTheAccountForFifteenMinutes() throws Exception {
		String name = newUser(false);
		for (int i = 0; i < 5; i++) {
			signIn(name, "Wrong#2026a");
		}
		MvcResult locked = signIn(name, PASSWORD);
		assertThat(locked.getResponse().getRedirectedUrl()).as("even the right password is refused").isEqualTo("/login?error");
		String lockedPage = mvc.perform(get("/login").param("error", "")
			.session((MockHttpSession) locked.getRequest().getSession())).andReturn().getResponse().getContentAsString();
		MvcResult unknown = signIn("no.such." + name, "Wrong#2026a");
		String unknownPage = mvc.perform(get("/login").param("error", "")
			.session((MockHttpSession) unknown.getRequest().getSession())).andReturn().getResponse().getContentAsString();
		assertThat(loginError(lockedPage)).as("a locked account is not told apart from an unknown one")
			.isEqualTo(loginError(unknownPage))
			.contains("锁定");
		assertThat(events(SignInLog.Result.BLOCKED, name)).extracting(SignInLog.Entry::reason)
			.anySatisfy(s -> assertThat(s).contains("暂停该账号从此地址登录"));

		clock.advance(Duration.ofMinutes(16));
		assertThat(signIn(name, PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/");
	}

	/**
	 * The throttle knows the sign-in form by its path as routed: the form posted to {@code /%6Cogin}, which Spring
	 * Security takes as {@code /login}, is throttled too, never a way around it.
	 */
	@Test
	void theThrottleCannotBeWalkedAroundByAnEscapedPath() throws Exception {
		String name = newUser(false);
		String address = ClientAddress.newAddress();
		for (int i = 0; i < 5; i++) {
			signIn(name, "Wrong#2026a", address);
		}
		MvcResult escaped = mvc.perform(post(URI.create("/%6Cogin")).param("username", name).param("password", PASSWORD)
			.with(csrf()).with(ClientAddress.from(address))).andReturn();
		assertThat(escaped.getResponse().getRedirectedUrl()).as("even the right password is refused").isEqualTo("/login?error");
	}

	/**
	 * Attack 69 L12: "SZ.Test9" was refused on creation while "sz.test9 " was trimmed and taken. A user name is read
	 * one way on creation and at sign-in: blanks around it dropped, A–Z folded to lower case; other characters stay
	 * refused.
	 */
	@Test
	void aUserNameIsTrimmedAndFoldedToLowerCaseOnCreationAndAtSignIn() throws Exception {
		String name = "t" + UUID.randomUUID().toString().substring(0, 8);
		long bureau = bureaus.findByRegion("320506").orElseThrow().id();
		String typed = " " + name.toUpperCase(java.util.Locale.ROOT).replace("T", "T.") + " ";
		users.provision(new UserData(typed, "测试用户", UserKind.STAFF, bureau, null, null, null, EnumSet.of(Role.STAFF)),
				PASSWORD, false, false);
		String stored = name.replace("t", "t.");
		assertThat(directory.principal(stored)).isPresent();
		for (String signIn : List.of(stored, stored.toUpperCase(java.util.Locale.ROOT), " " + stored + " ",
				Character.toUpperCase(stored.charAt(0)) + stored.substring(1))) {
			assertThat(signIn(signIn, PASSWORD).getResponse().getRedirectedUrl()).as(signIn).isEqualTo("/");
		}
		assertThatThrownBy(() -> users.provision(new UserData(stored.toUpperCase(java.util.Locale.ROOT), "测试用户",
				UserKind.STAFF, bureau, null, null, null, EnumSet.of(Role.STAFF)), PASSWORD, false, false))
			.isInstanceOfSatisfying(org.youguan.kernel.DomainException.class,
					ex -> assertThat(ex.getMessage()).contains("用户名已存在"));
		// a letter of another script that lower-cases to an ASCII one (the Kelvin sign) is no user name
		assertThatThrownBy(() -> users.provision(new UserData("\u212A" + name, "测试用户", UserKind.STAFF, bureau, null,
				null, null, EnumSet.of(Role.STAFF)), PASSWORD, false, false))
			.isInstanceOfSatisfying(org.youguan.kernel.InvalidValueException.class,
					ex -> assertThat(ex.fieldErrors()).extracting(org.youguan.kernel.FieldError::field).contains("username"));
		assertThat(signIn("\u212A" + stored.substring(1), PASSWORD).getResponse().getRedirectedUrl())
			.isEqualTo("/login?error");
	}

	@Test
	void anAccountCreatedByAnAdministratorMustChangeItsPasswordFirst() throws Exception {
		String name = newUser(true);
		MockHttpSession session = (MockHttpSession) signIn(name, PASSWORD).getRequest().getSession();
		mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/password"));
		mvc.perform(get("/api/v1/me").session(session)).andExpect(status().isForbidden());
		mvc.perform(post("/account/password").session(session).with(csrf()).param("currentPassword", PASSWORD)
			.param("newPassword", "short").param("confirmPassword", "short"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("10位")));
		mvc.perform(post("/account/password").session(session).with(csrf()).param("currentPassword", PASSWORD)
			.param("newPassword", "Pd3#nY7!sGv8").param("confirmPassword", "Pd3#nY7!sGv8"))
			.andExpect(redirectedUrl("/"));
		mvc.perform(get("/").session(session)).andExpect(status().isOk());
		assertThat(signIn(name, "Pd3#nY7!sGv8").getResponse().getRedirectedUrl()).isEqualTo("/");
	}

	/** A refused token (kernel.FormSteps): 400 naming the rule, the tokens page again with the name as typed. */
	@Test
	void aTokenOfAnImpossibleLifetimeIsRefusedIn400WithItsNameKept() throws Exception {
		MockHttpSession session = (MockHttpSession) signIn("sz.admin", "Demo@2026").getRequest().getSession();
		String name = "拒绝令牌" + UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(post("/account/tokens").session(session).with(csrf()).param("name", name).param("validDays", "0")
			.param("currentPassword", "Demo@2026"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("有效期应为1至365天")))
			.andExpect(content().string(containsString("value=\"" + name + "\"")));
	}

	@Test
	void sessionPostsNeedTheCsrfToken() throws Exception {
		MockHttpSession session = (MockHttpSession) signIn("sz.admin", "Demo@2026").getRequest().getSession();
		mvc.perform(post("/account/tokens").session(session).param("name", "无令牌")).andExpect(status().isForbidden());
		mvc.perform(post("/account/tokens").session(session).with(csrf()).param("name", "有令牌")
			.param("currentPassword", "Demo@2026"))
			.andExpect(redirectedUrl("/account/tokens"));
	}

	@Test
	void pagesCarrySecurityHeaders() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"));
	}

	/**
	 * The page kept in the {@code REDIRECT_URI} cookie is taken back after sign-in only when it is a printable path of
	 * this application: a cookie altered to hold CR/LF (a 500 "Invalid characters (CR/LF) in header Location"), an ESC,
	 * a TAB or a backslash lands on the home page instead, and the cookie is cleared.
	 */
	@Test
	void aTamperedSignInDestinationLandsOnTheHomePage() throws Exception {
		String name = newUser(false);
		for (String tampered : List.of("/a\r\nX-Evil: 1", "/\u001bvil", "/\t/evil.com", "/\\evil.com", "//evil.com",
				"/工作", "/logout", "/login?error", "/login", "/LOGIN?logout")) {
			MvcResult result = mvc.perform(post("/login").param("username", name).param("password", PASSWORD).with(csrf())
				.with(ClientAddress.from(here)).cookie(destination(tampered))).andReturn();
			assertThat(result.getResponse().getStatus()).as(tampered).isEqualTo(302);
			assertThat(result.getResponse().getRedirectedUrl()).as(tampered).isEqualTo("/");
			assertThat(result.getResponse().getCookie("REDIRECT_URI")).as(tampered).isNotNull()
				.extracting(jakarta.servlet.http.Cookie::getMaxAge).isEqualTo(0);
		}
		MvcResult kept = mvc.perform(post("/login").param("username", name).param("password", PASSWORD).with(csrf())
			.with(ClientAddress.from(here)).cookie(destination("/account/tokens?page=2"))).andReturn();
		assertThat(kept.getResponse().getRedirectedUrl()).endsWith("/account/tokens?page=2");
	}

	/**
	 * A destination whose query is Chinese is kept after sign-in, percent-encoded for the {@code Location} header —
	 * whether the client sent it encoded (a browser) or not.
	 */
	@Test
	void aSignInDestinationWithAChineseQueryIsKept() throws Exception {
		String name = newUser(false);
		for (String target : List.of("/complaints?q=中文", "/complaints?q=%E4%B8%AD%E6%96%87")) {
			MvcResult kept = mvc.perform(post("/login").param("username", name).param("password", PASSWORD).with(csrf())
				.with(ClientAddress.from(here)).cookie(destination(target))).andReturn();
			assertThat(kept.getResponse().getRedirectedUrl()).as(target).endsWith("/complaints?q=%E4%B8%AD%E6%96%87");
		}
	}

	private static jakarta.servlet.http.Cookie destination(String target) {
		return new jakarta.servlet.http.Cookie("REDIRECT_URI",
				java.util.Base64.getEncoder().encodeToString(target.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
	}

	@Test
	void anonymousPagesRedirectToSignIn() throws Exception {
		mvc.perform(get("/admin/users")).andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", Matchers.endsWith("/login")));
	}

	private List<SignInLog.Entry> events(SignInLog.Result result, String username) {
		return signIns.list(DataScope.all(), new SignInLog.Filter(result, null, null), new PageQuery(username, 0, 50, null, true))
			.items();
	}

	private static String loginError(String page) {
		int start = page.indexOf("id=\"login-error\"");
		return start < 0 ? "" : page.substring(start, page.indexOf("</div>", start));
	}

	@Test
	void someoneElsesWrongGuessesDoNotLockTheOwnerOutAtTheirOwnAddress() throws Exception {
		String name = newUser(false);
		String guesser = ClientAddress.newAddress();
		for (int i = 0; i < 5; i++) {
			signIn(name, "Wrong#2026a", guesser);
		}
		assertThat(signIn(name, PASSWORD, guesser).getResponse().getRedirectedUrl()).isEqualTo("/login?error");
		assertThat(signIn(name, PASSWORD, ClientAddress.newAddress()).getResponse().getRedirectedUrl()).isEqualTo("/");
	}

	@Test
	void anAddressGuessingManyAccountsIsStoppedEvenWithARightPassword() throws Exception {
		String name = newUser(false);
		String guesser = ClientAddress.newAddress();
		for (int i = 0; i < 30; i++) {
			signIn("guess" + i + "." + name, "Wrong#2026a", guesser);
		}
		assertThat(signIn(name, PASSWORD, guesser).getResponse().getRedirectedUrl()).isEqualTo("/login?error");
		assertThat(events(SignInLog.Result.BLOCKED, name)).extracting(SignInLog.Entry::reason)
			.anySatisfy(s -> assertThat(s).contains("分钟内登录失败"));
		assertThat(signIn(name, PASSWORD, ClientAddress.newAddress()).getResponse().getRedirectedUrl()).isEqualTo("/");
	}

	@Test
	void guessesSpreadOverManyAddressesLockTheAccountAfterThirty() throws Exception {
		String name = newUser(false);
		for (int address = 1; address <= 6; address++) {
			String guesser = ClientAddress.newAddress();
			for (int i = 0; i < 5; i++) {
				signIn(name, "Wrong#2026a", guesser);
			}
		}
		assertThat(signIn(name, PASSWORD, ClientAddress.newAddress()).getResponse().getRedirectedUrl())
			.isEqualTo("/login?error");
		assertThat(events(SignInLog.Result.FAILURE, name)).extracting(SignInLog.Entry::reason)
			.anySatisfy(s -> assertThat(s).contains("连续失败30次，账号锁定"));
	}

	/**
	 * Attack round 18: 30 wrong passwords for one account from one address were all logged as failures — the 25 refused
	 * unchecked too — so the address stopped for everyone behind it (an office's NAT) and each retry extended the pause.
	 * A refusal is logged BLOCKED and counts for nothing.
	 */
	@Test
	void retryingOneAccountPausesThatAccountAloneAndNeverExtendsThePause() throws Exception {
		String name = newUser(false);
		String colleague = newUser(false);
		String address = ClientAddress.newAddress();
		for (int i = 0; i < 30; i++) {
			signIn(name, "Wrong#2026a", address);
		}
		assertThat(events(SignInLog.Result.FAILURE, name)).as("only the checked passwords are failures").hasSize(5);
		assertThat(events(SignInLog.Result.BLOCKED, name)).hasSize(25);
		assertThat(signIn(colleague, PASSWORD, address).getResponse().getRedirectedUrl())
			.as("a colleague behind the same address signs in").isEqualTo("/");

		clock.advance(Duration.ofMinutes(10));
		for (int i = 0; i < 5; i++) {
			assertThat(signIn(name, PASSWORD, address).getResponse().getRedirectedUrl()).isEqualTo("/login?error");
		}
		clock.advance(Duration.ofMinutes(6));
		assertThat(signIn(name, PASSWORD, address).getResponse().getRedirectedUrl())
			.as("the pause ends 15 minutes after the last wrong password, retries notwithstanding").isEqualTo("/");
	}

	/** Attack round 18: 解除锁定 reset the account's counters but not its pause at the address it was guessed from. */
	@Test
	void anAdministratorsUnlockLiftsThePauseAtTheAddress() throws Exception {
		String name = newUser(false);
		String address = ClientAddress.newAddress();
		for (int i = 0; i < 5; i++) {
			signIn(name, "Wrong#2026a", address);
		}
		assertThat(signIn(name, PASSWORD, address).getResponse().getRedirectedUrl()).isEqualTo("/login?error");
		long id = directory.principal(name).orElseThrow().id();
		clock.advance(Duration.ofSeconds(1));
		users.unlock(directory.principal("sys.admin").orElseThrow(), id);
		clock.advance(Duration.ofSeconds(1));
		assertThat(signIn(name, PASSWORD, address).getResponse().getRedirectedUrl()).isEqualTo("/");
	}

	/**
	 * Attack round 21: the address limit counted failing accounts, so one address could try 5 passwords on each of 29
	 * accounts — 145 checked guesses in 15 minutes instead of 30. It counts wrong passwords again, whichever accounts.
	 */
	@Test
	void anAddressIsPausedAfterThirtyWrongPasswordsWhicheverAccounts() throws Exception {
		String address = ClientAddress.newAddress();
		for (int account = 0; account < 6; account++) {
			String guessed = newUser(false);
			for (int i = 0; i < 5; i++) {
				signIn(guessed, "Wrong#2026a", address);
			}
		}
		String name = newUser(false);
		assertThat(signIn(name, PASSWORD, address).getResponse().getRedirectedUrl()).isEqualTo("/login?error");
		assertThat(events(SignInLog.Result.BLOCKED, name)).singleElement()
			.satisfies(e -> assertThat(e.reason()).contains("分钟内登录失败30次"));
		assertThat(signIn(name, PASSWORD, ClientAddress.newAddress()).getResponse().getRedirectedUrl())
			.isEqualTo("/");
	}

	/**
	 * A sign-in to a disabled account was logged as a failure and counted as a wrong password for the account at the
	 * address. It is logged DISABLED: refused before its password is checked, it counts for the address's limit (a
	 * guesser at a disabled account still guesses) but not for the account, and the answer is the one a wrong password
	 * for a name no account has gets — nothing tells the guesser the account exists, let alone that it is disabled.
	 */
	@Test
	void aSignInToADisabledAccountIsLoggedAsSuchCountsForTheAddressOnlyAndTellsNothing() throws Exception {
		String name = newUser(false);
		long id = directory.principal(name).orElseThrow().id();
		users.disable(directory.principal("sys.admin").orElseThrow(), id);
		String address = ClientAddress.newAddress();

		MvcResult disabled = signIn(name, PASSWORD, address);
		MvcResult unknown = signIn("no.such." + name, "Wrong#2026a", ClientAddress.newAddress());
		assertThat(disabled.getResponse().getRedirectedUrl()).isEqualTo(unknown.getResponse().getRedirectedUrl());
		assertThat(loginError(errorPage(disabled))).as("a disabled account is not told apart from an unknown name")
			.isNotEmpty()
			.isEqualTo(loginError(errorPage(unknown)));

		assertThat(events(SignInLog.Result.DISABLED, name)).singleElement()
			.satisfies(e -> assertThat(e.reason()).isEqualTo("账号已停用"));
		assertThat(events(SignInLog.Result.FAILURE, name)).isEmpty();
		SignInLog.RecentFailures failures = signIns.recentFailures(id, address, clock.instant().minus(Duration.ofMinutes(15)));
		assertThat(failures.fromAddress()).as("the address's limit counts it").isEqualTo(1);
		assertThat(failures.accountFromAddress()).as("no password of the account was checked").isZero();
	}

	/**
	 * 解除锁定 refused (该用户未被锁定) an account whose counters a success at another address had reset, though it was
	 * still paused at the address it was guessed from. It is accepted and lifts that pause; with nothing to lift, it is
	 * refused.
	 */
	@Test
	void anAdministratorsUnlockLiftsAPauseThatASuccessElsewhereLeft() throws Exception {
		String name = newUser(false);
		long id = directory.principal(name).orElseThrow().id();
		String guessed = ClientAddress.newAddress();
		for (int i = 0; i < 5; i++) {
			signIn(name, "Wrong#2026a", guessed);
		}
		assertThat(signIn(name, PASSWORD, ClientAddress.newAddress()).getResponse().getRedirectedUrl()).isEqualTo("/");
		assertThat(signIn(name, PASSWORD, guessed).getResponse().getRedirectedUrl()).isEqualTo("/login?error");
		assertThat(users.get(DataScope.all(), id).unlockable()).as("the user page offers 解除锁定").isTrue();
		assertThat(users.list(DataScope.all(), Users.Filter.NONE, new PageQuery(name, 0, 10, null, true)).items())
			.singleElement().satisfies(u -> assertThat(u.pausedAtAnAddress()).isTrue());

		clock.advance(Duration.ofSeconds(1));
		users.unlock(directory.principal("sys.admin").orElseThrow(), id);
		clock.advance(Duration.ofSeconds(1));
		assertThat(signIn(name, PASSWORD, guessed).getResponse().getRedirectedUrl()).isEqualTo("/");
		assertThat(users.get(DataScope.all(), id).unlockable()).isFalse();
		assertThatThrownBy(() -> users.unlock(directory.principal("sys.admin").orElseThrow(), id))
			.isInstanceOf(DomainException.class)
			.hasMessageContaining("未被锁定");
	}

	private String errorPage(MvcResult result) throws Exception {
		return mvc.perform(get("/login").param("error", "").session((MockHttpSession) result.getRequest().getSession()))
			.andReturn().getResponse().getContentAsString();
	}
}
