package org.youguan.safety.internal.kafka;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/** The transport's health is DOWN when no broker answers (uploads would fail with 503). */
class KafkaTransportHealthTest {

	@Test
	void isDownWhenNoBrokerAnswersWithinTheTimeout() {
		KafkaTransportHealth health = new KafkaTransportHealth(
				Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1"), "parcels", "group",
				Duration.ofMillis(500));
		try {
			assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
		}
		finally {
			health.destroy();
		}
	}
}
