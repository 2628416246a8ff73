package org.youguan.notifications;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.kernel.DataScope;

import static org.assertj.core.api.Assertions.assertThat;

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

	private static String key() {
		return "count-test-" + UUID.randomUUID();
	}
}
