package org.youguan.web;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.PageSteps;
import org.youguan.org.Bureaus;
import org.youguan.org.Role;
import org.youguan.org.UserData;
import org.youguan.org.UserDirectory;
import org.youguan.org.UserKind;
import org.youguan.org.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A step whose record another transaction changed between the step's read and its write (a double click, an
 * integration's retry: the record's {@code @Version} moved on) answers 409 naming the rule, never 500, and saves nothing
 * of the second submission; posted from a page, the conflict lands in the page's error box as a state conflict. The race is made certain: the other change holds the record's row until the step waits
 * for it, then commits.
 */
@IntegrationTest
class ConcurrentChangeIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	UserDirectory directory;

	@Autowired
	Bureaus bureaus;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aStepOnARecordChangedMeanwhileIsAConflictNamingTheRuleAndSavesNothing() throws Exception {
		String name = "race." + UUID.randomUUID().toString().substring(0, 6);
		users.provision(new UserData(name, "并发测试", UserKind.STAFF, bureaus.findByRegion("3205").orElseThrow().id(), null,
				null, null, EnumSet.of(Role.STAFF)), "Qv7#mT2!pLx9", false, false);
		long id = directory.principal(name).orElseThrow().id();
		MockHttpSession admin = SignIn.session(mvc, "sz.admin");

		MvcResult answer;
		try (Connection other = dataSource.getConnection()) {
			other.setAutoCommit(false);
			try (PreparedStatement change = other.prepareStatement(
					"UPDATE user_account SET version = version + 1 WHERE id = ?")) {
				change.setLong(1, id);
				assertThat(change.executeUpdate()).isEqualTo(1);
			}
			CompletableFuture<MvcResult> step = CompletableFuture.supplyAsync(() -> {
				try {
					return mvc.perform(post("/admin/users/" + id + "/reset-password").session(admin).with(csrf()))
						.andReturn();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
			// the step has read the record as it was and now waits for the other change's row lock to write it
			await().atMost(Duration.ofSeconds(20)).until(() -> step.isDone() || jdbc.sql("""
					SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'
					    AND query ~* '^\\s*update\\s+"?user_account"?\\s'""").query(Long.class).single() > 0);
			assertThat(step).isNotDone();
			other.commit();
			answer = step.get();
		}

		// a page's step: back to the page, the conflict in its one error box (never the bare error page)
		assertThat(answer.getResponse().getStatus()).isEqualTo(302);
		assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/admin/users/" + id);
		assertThat((java.util.Map<String, Object>) answer.getFlashMap()).containsEntry(PageSteps.CONFLICT, true)
			.containsEntry(PageSteps.REFUSED_STATUS, 409);
		assertThat(answer.getFlashMap().get("errors")).asString().contains("concurrent-change");
		MvcResult page = mvc.perform(get("/admin/users/" + id).session(admin).flashAttrs(answer.getFlashMap())).andReturn();
		assertThat(page.getResponse().getStatus()).isEqualTo(409);
		assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("data-kind=\"conflict\"")
			.contains("该记录刚被同时进行的另一次操作修改");
		assertThat(directory.principal(name).orElseThrow().mustChangePassword()).isFalse();
	}
}
