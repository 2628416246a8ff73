package org.youguan.notifications;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.MutableClock;
import org.youguan.kernel.DataScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The shell's badge count is remembered per audience (issue 12), yet a notification sent on this node shows at the
 * next page, in or out of a transaction, and one written by another node within the memory's ten seconds.
 */
@IntegrationTest
class NotificationCountIntegrationTest {

	/** A county of the demo city that no other test notifies. */
	static final String REGION = "320508";

	@Autowired
	Notifications notifications;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MutableClock clock;

	@AfterEach
	void cleanUp() {
		jdbc.sql("DELETE FROM notification WHERE dedupe_key LIKE 'count-test-%'").update();
		clock.reset();
	}

	@Test
	void aNotificationSentHereCountsAtOnceAndOneFromAnotherNodeWithinTheMemory() {
		DataScope county = DataScope.region(REGION);
		long before = notifications.countRecent(county, null);

		notifications.toRegion(REGION, "一", "/", key());
		assertThat(notifications.countRecent(county, null)).isEqualTo(before + 1);

		transactions.executeWithoutResult(t -> {
			notifications.toRegion(REGION, "二", "/", key());
			assertThat(notifications.countRecent(county, null)).as("inside the sending transaction").isEqualTo(before + 2);
		});
		assertThat(notifications.countRecent(county, null)).as("after its commit").isEqualTo(before + 2);

		// another node's notification: this node's memory does not know of it until it expires
		jdbc.sql("""
				INSERT INTO notification (audience_kind, audience, title, link, dedupe_key, created_at)
				VALUES ('REGION', :region, '三', '/', :key, :now)""")
			.param("region", REGION)
			.param("key", key())
			.param("now", Timestamp.from(clock.instant()))
			.update();
		assertThat(notifications.countRecent(county, null)).isEqualTo(before + 2);
		clock.advance(Duration.ofSeconds(11));
		assertThat(notifications.countRecent(county, null)).isEqualTo(before + 3);
	}

	@Autowired
	MockMvc mvc;

	@Test
	void theHeadersBadgeShowsANotificationAtTheNextPage() throws Exception {
		MockHttpSession session = SignIn.session(mvc, "sz.admin");
		long before = badge(session);

		notifications.toRegion(REGION, "四", "/", key());

		assertThat(badge(session)).isEqualTo(before + 1);
		assertThat(page(session)).contains("id=\"notification-link\"", "id=\"user-menu\"", "id=\"logout\"");
	}

	private long badge(MockHttpSession session) throws Exception {
		Matcher count = Pattern.compile("id=\"notification-count\">(\\d+)<").matcher(page(session));
		return count.find() ? Long.parseLong(count.group(1)) : 0;
	}

	private String page(MockHttpSession session) throws Exception {
		return mvc.perform(get("/complaints").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static String key() {
		return "count-test-" + UUID.randomUUID();
	}
}
