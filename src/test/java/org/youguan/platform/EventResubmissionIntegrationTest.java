package org.youguan.platform;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With republication at start-up off (a cluster), a failed module event is delivered again by the guarded job, up to
 * the attempt limit.
 */
@IntegrationTest
class EventResubmissionIntegrationTest {

	@Autowired
	EventResubmission resubmission;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aFailedPublicationIsDeliveredAgainUntilTheAttemptLimit() {
		List<UUID> calendarLoads = jdbc.sql("""
				SELECT id FROM event_publication WHERE event_type LIKE '%CalendarYearsLoaded' AND completion_date IS NOT NULL
				ORDER BY publication_date LIMIT 2""").query(UUID.class).list();
		assertThat(calendarLoads).as("the shipped calendar's load was published to its listeners").hasSize(2);
		UUID retried = calendarLoads.get(0);
		UUID exhausted = calendarLoads.get(1);
		fail(retried, 1);
		fail(exhausted, 5);
		jdbc.sql("UPDATE shedlock SET lock_until = timezone('utc', now()) - interval '1 second' WHERE name = :name")
			.param("name", "platform.events.resubmit")
			.update();

		try {
			resubmission.resubmitFailed();

			await().atMost(Duration.ofSeconds(20)).until(() -> completed(retried));
			assertThat(completed(exhausted)).as("given up after 5 attempts, left for an operator").isFalse();
		}
		finally {
			jdbc.sql("UPDATE event_publication SET completion_date = now(), status = 'COMPLETED' WHERE id = :id")
				.param("id", exhausted)
				.update();
		}
	}

	private void fail(UUID id, int attempts) {
		jdbc.sql("""
				UPDATE event_publication SET completion_date = NULL, status = 'FAILED', completion_attempts = :attempts,
				    publication_date = now() - interval '10 minutes' WHERE id = :id""")
			.param("id", id)
			.param("attempts", attempts)
			.update();
	}

	private boolean completed(UUID id) {
		return jdbc.sql("SELECT completion_date IS NOT NULL FROM event_publication WHERE id = :id").param("id", id)
			.query(Boolean.class).single();
	}
}
