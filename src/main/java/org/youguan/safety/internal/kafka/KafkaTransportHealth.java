package org.youguan.safety.internal.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The Kafka transport under {@code /actuator/health} (component {@code safetyKafka}): DOWN when the brokers do not
 * answer within the timeout (uploads then fail with 503); UP otherwise, with the number of brokers and the consumer
 * group's lag on the parcel topic — the chunks published and not yet stored by any node (a backlog, not a failure).
 */
class KafkaTransportHealth extends AbstractHealthIndicator implements DisposableBean {

	private final Admin admin;

	private final String topic;

	private final String group;

	private final Duration timeout;

	KafkaTransportHealth(Map<String, Object> adminConfig, String topic, String group, Duration timeout) {
		super("Kafka transport health check failed");
		this.admin = Admin.create(adminConfig);
		this.topic = topic;
		this.group = group;
		this.timeout = timeout;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		int brokers = admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
		builder.withDetail("brokers", brokers).withDetail("topic", topic).withDetail("consumerGroup", group);
		builder.withDetail("lag", lag());
		builder.up();
	}

	/** Messages on the topic after the group's committed offsets (from the start of a partition it never committed). */
	long lag() throws Exception {
		long ms = timeout.toMillis();
		Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
			.partitionsToOffsetAndMetadata()
			.get(ms, TimeUnit.MILLISECONDS);
		Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
		Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
		admin.describeTopics(List.of(topic)).allTopicNames().get(ms, TimeUnit.MILLISECONDS).get(topic)
			.partitions()
			.forEach(p -> {
				TopicPartition tp = new TopicPartition(topic, p.partition());
				latest.put(tp, OffsetSpec.latest());
				earliest.put(tp, OffsetSpec.earliest());
			});
		Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(ms, TimeUnit.MILLISECONDS);
		Map<TopicPartition, ListOffsetsResultInfo> starts = admin.listOffsets(earliest).all().get(ms, TimeUnit.MILLISECONDS);
		long lag = 0;
		for (Map.Entry<TopicPartition, ListOffsetsResultInfo> end : ends.entrySet()) {
			OffsetAndMetadata at = committed.get(end.getKey());
			long from = at != null ? at.offset() : starts.get(end.getKey()).offset();
			lag += Math.max(0, end.getValue().offset() - from);
		}
		return lag;
	}

	@Override
	public void destroy() {
		admin.close(Duration.ofSeconds(5));
	}
}
