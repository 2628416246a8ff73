package org.youguan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.org.CurrentUser;
import org.youguan.org.Bureaus;
import org.youguan.org.Role;
import org.youguan.org.UserData;
import org.youguan.org.UserDirectory;
import org.youguan.org.UserKind;
import org.youguan.org.Users;

/**
 * Remembered pages (issue 12, {@link PageMemory}): the staff complaint queue and 工作台 are answered from memory until
 * the next audited change, never to another user, scope or role, always with the requesting browser's own CSRF token,
 * and never when they carry a flash message.
 */
@IntegrationTest
class PageMemoryIntegrationTest {

	/** The layout's meta tag and every form's hidden field: the request's (masked) CSRF token. */
	private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" (?:content|value)=\"([^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	PageMemory pages;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditTrail audit;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	UserDirectory directory;

	@Autowired
	Users users;

	@Autowired
	Bureaus bureaus;

	static final String PASSWORD = "Jm5#tWq9!Rk2v";

	@Test
	void anAuditedChangeIsSeenAtTheNextReadOfARememberedPage() throws Exception {
		MockHttpSession session = SignIn.session(mvc, "sz.admin");
		settle();
		// a complaint of the city's open queue, shown on its first page
		long id = jdbc.sql("SELECT id FROM complaint WHERE region_code LIKE '3205%' ORDER BY id LIMIT 1")
			.query(Long.class)
			.single();
		String category = jdbc.sql("SELECT category FROM complaint WHERE id = :id").param("id", id)
			.query(String.class).single();
		String path = "/complaints?state=ALL&q=" + number(id);
		String first = page(session, path);
		assertThat(row(first, id)).contains("<span>" + category + "</span>");
		assertThat(withoutTokens(page(session, path))).as("the same page again").isEqualTo(withoutTokens(first));
		assertThat(fromMemory(session, path)).as("answered from memory").isTrue();
		// (an earlier test of this context may have had 工作台 remembered already: only the repeat is asserted)
		String dashboard = page(session, "/");
		long auditToday = count(dashboard, "count-audit");
		assertThat(fromMemory(session, "/")).as("工作台 answered from memory").isTrue();

		String changed = jdbc.sql("SELECT name FROM complaint_category WHERE name <> :c ORDER BY position LIMIT 1")
			.param("c", category)
			.query(String.class)
			.single();
		try {
			// a change and its audit event in one transaction, as every change YouGuan makes
			tx.executeWithoutResult(t -> {
				jdbc.sql("UPDATE complaint SET category = :c WHERE id = :id").param("c", changed).param("id", id).update();
				audit.record(AuditEntry.of("test.page-memory", "Test", id, "测试：页面记忆").inRegion("320506"));
			});
			settle();
			assertThat(row(page(session, path), id)).as("the next read shows the change")
				.contains("<span>" + changed + "</span>")
				.doesNotContain("<span>" + category + "</span>");
			assertThat(count(page(session, "/"), "count-audit")).as("工作台 counts the new event")
				.isEqualTo(auditToday + 1);
		}
		finally {
			tx.executeWithoutResult(t -> {
				jdbc.sql("UPDATE complaint SET category = :c WHERE id = :id").param("c", category).param("id", id)
					.update();
				audit.record(AuditEntry.of("test.page-memory", "Test", id, "测试：复原").inRegion("320506"));
			});
		}
	}

	@Test
	void usersOfAnotherScopeOrRoleNeverGetEachOthersPage() throws Exception {
		CurrentUser city = directory.principal("sz.admin").orElseThrow();
		CurrentUser county = directory.principal("wz.staff").orElseThrow();
		CurrentUser leader = directory.principal("sz.leader").orElseThrow();
		assertThat(county.scope()).isNotEqualTo(city.scope());
		assertThat(leader.roles()).isNotEqualTo(city.roles());
		MockHttpSession cityAdmin = SignIn.session(mvc, "sz.admin");
		MockHttpSession countyStaff = SignIn.session(mvc, "wz.staff");
		MockHttpSession cityLeader = SignIn.session(mvc, "sz.leader");
		settle();
		for (String path : new String[] { "/complaints", "/" }) {
			String cityPage = page(cityAdmin, path);
			page(cityAdmin, path);
			long served = pages.served();
			String countyPage = page(countyStaff, path);
			String leaderPage = page(cityLeader, path);
			assertThat(pages.served()).as(path + ": other users' first views are not from memory").isEqualTo(served);
			assertThat(userMenu(cityPage)).as(path).contains(city.displayName());
			assertThat(userMenu(countyPage)).as(path).contains(county.displayName()).doesNotContain(city.displayName());
			assertThat(userMenu(leaderPage)).as(path).contains(leader.displayName()).doesNotContain(city.displayName());
			if (path.equals("/")) {
				assertThat(count(countyPage, "count-users")).as("the county's users, not the city's")
					.isLessThan(count(cityPage, "count-users"));
			}
			// and each is what that user is shown the next time, from memory
			assertThat(withoutTokens(page(countyStaff, path))).as(path).isEqualTo(withoutTokens(countyPage));
			assertThat(withoutTokens(page(cityLeader, path))).as(path).isEqualTo(withoutTokens(leaderPage));
			assertThat(withoutTokens(page(cityAdmin, path))).as(path).isEqualTo(withoutTokens(cityPage));
			assertThat(pages.served()).as(path).isEqualTo(served + 3);
		}
	}

	/**
	 * The token a page carries is its requester's. (MockMvc: once a test used Spring Security's {@code csrf()}, the
	 * CSRF filter keeps tokens in the session rather than in the application's cookie; either way a token is bound to
	 * one browser, and another browser's is refused.)
	 */
	@Test
	void aRememberedPageCarriesTheRequestingSessionsOwnTokenWhichAloneIsAccepted() throws Exception {
		MockHttpSession one = SignIn.session(mvc, "sz.admin");
		MockHttpSession other = SignIn.session(mvc, "sz.admin");
		settle();
		String oneToken = token(page(one, "/complaints"));
		long served = pages.served();
		// the other session of the same user: the same page, from memory
		String html = page(other, "/complaints");
		assertThat(pages.served()).as("from memory").isEqualTo(served + 1);
		assertThat(html).doesNotContain(PageMemory.CSRF_PLACEHOLDER).doesNotContain(oneToken);
		String otherToken = token(html);
		Matcher every = TOKEN.matcher(html);
		int tokens = 0;
		while (every.find()) {
			assertThat(every.group(1)).as("every token of the page is the request's").isEqualTo(otherToken);
			tokens++;
		}
		assertThat(tokens).as("the meta tag and the sign-out form").isGreaterThanOrEqualTo(2);

		// the first session's token is refused in the other session
		assertThat(mvc.perform(post("/logout").session(other).param("_csrf", oneToken)).andReturn().getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(mvc.perform(get("/complaints").session(other)).andReturn().getResponse().getStatus())
			.as("still signed in").isEqualTo(200);
		// its own is accepted: the sign-out form of the remembered page signs out, and that takes effect at once
		assertThat(mvc.perform(post("/logout").session(other).param("_csrf", otherToken)).andReturn().getResponse()
			.getRedirectedUrl()).endsWith("/login?logout");
		assertThat(mvc.perform(get("/complaints").session(other)).andReturn().getResponse().getRedirectedUrl())
			.endsWith("/login");
		assertThat(mvc.perform(get("/complaints").session(one)).andReturn().getResponse().getStatus())
			.as("the first session stays signed in").isEqualTo(200);
	}

	@Test
	void aPageWithAFlashMessageShowsItAndIsNotRemembered() throws Exception {
		String name = "memory." + UUID.randomUUID().toString().substring(0, 6);
		users.provision(new UserData(name, "测试", UserKind.STAFF, bureaus.findByRegion("320506").orElseThrow().id(), null,
				null, null, EnumSet.of(Role.STAFF)), PASSWORD, false, false);
		MockHttpSession session = (MockHttpSession) mvc
			.perform(post("/login").param("username", name).param("password", PASSWORD).with(csrf()))
			.andReturn()
			.getRequest()
			.getSession();
		// a step that redirects to 工作台 with a message (flash attribute)
		String to = mvc.perform(post("/account/password").session(session).with(csrf())
				.param("currentPassword", PASSWORD)
				.param("newPassword", PASSWORD + "y")
				.param("confirmPassword", PASSWORD + "y"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(to).isEqualTo("/");
		settle();
		long served = pages.served();
		assertThat(page(session, "/")).as("the message is shown").contains("id=\"flash\"").contains("密码已修改");
		assertThat(page(session, "/")).as("once, and not remembered with the page").doesNotContain("id=\"flash\"");
		assertThat(pages.served()).as("neither view came from memory").isEqualTo(served);
		page(session, "/");
		assertThat(pages.served()).as("the page without it is remembered").isEqualTo(served + 1);
	}

	/**
	 * Waits until no event waits for its seal and no writing transaction is open: the sealer's transaction after a
	 * sign-in makes the audit head {@code -1} for a moment, and nothing is remembered then.
	 */
	/**
	 * Whether a repeated view of {@code path} is answered from memory: at most three tries, as an audit event written
	 * meanwhile by a background job of another test's context (one database) starts the memory afresh once.
	 */
	private boolean fromMemory(MockHttpSession session, String path) throws Exception {
		for (int i = 0; i < 3; i++) {
			page(session, path);
			long served = pages.served();
			page(session, path);
			if (pages.served() == served + 1) {
				return true;
			}
			settle();
		}
		return false;
	}

	/** Waits (at most 5 s) until the audit chain has sealed what was written and no writer is open: a head to remember under. */
	private void settle() {
		await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
			.until(() -> jdbc.sql("SELECT count(*) FROM audit_unsealed").query(Long.class).single() == 0
					&& audit.latestEventId() >= 0);
	}

	private String page(MockHttpSession session, String path) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(path).session(session)).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		response.setCharacterEncoding("UTF-8");
		return response.getContentAsString();
	}

	private String number(long id) {
		return jdbc.sql("SELECT number FROM complaint WHERE id = :id").param("id", id).query(String.class).single();
	}

	private static long count(String dashboard, String id) {
		Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>(\\d+)<").matcher(dashboard);
		assertThat(m.find()).as(id).isTrue();
		return Long.parseLong(m.group(1));
	}

	/** The header's user menu: whose page it is. */
	private static String userMenu(String html) {
		Matcher m = Pattern.compile("id=\"user-menu\".*?</a>", Pattern.DOTALL).matcher(html);
		assertThat(m.find()).as("a user menu").isTrue();
		return m.group();
	}

	/** The queue's row of one complaint. */
	private static String row(String html, long id) {
		Matcher m = Pattern.compile("<tr(?:(?!</tr>).)*href=\"/complaints/" + id + "\"(?:(?!</tr>).)*</tr>", Pattern.DOTALL)
			.matcher(html);
		assertThat(m.find()).as("the row of complaint " + id).isTrue();
		return m.group();
	}

	private static String token(String html) {
		Matcher m = TOKEN.matcher(html);
		assertThat(m.find()).as("a CSRF token in the page").isTrue();
		return m.group(1);
	}

	private static String withoutTokens(String html) {
		return TOKEN.matcher(html).replaceAll("name=\"_csrf\" token");
	}
}
