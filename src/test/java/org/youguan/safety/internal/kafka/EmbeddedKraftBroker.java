package org.youguan.safety.internal.kafka;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * One embedded Kafka broker in KRaft mode (broker and controller in one process, no ZooKeeper, no Docker), started
 * with Kafka's own cluster test kit of the broker's version: spring-kafka-test 4.1.2's {@code EmbeddedKafkaKraftBroker}
 * wraps the same kit but calls a method Kafka 4.3 removed ({@code KafkaClusterTestKit.clientProperties()}), so the
 * tests set it up the way that class does.
 */
public final class EmbeddedKraftBroker implements AutoCloseable {

	private final KafkaClusterTestKit cluster;

	private EmbeddedKraftBroker(KafkaClusterTestKit cluster) {
		this.cluster = cluster;
	}

	/** Formats and starts the broker; returns once it accepts clients. */
	public static EmbeddedKraftBroker start() throws Exception {
		TestKitNodes nodes = new TestKitNodes.Builder().setCombined(true)
			.setNumBrokerNodes(1)
			.setNumControllerNodes(1)
			.build();
		KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
			.setConfigProp("offsets.topic.replication.factor", "1")
			.setConfigProp("offsets.topic.num.partitions", "4")
			.setConfigProp("transaction.state.log.replication.factor", "1")
			.setConfigProp("transaction.state.log.min.isr", "1")
			.setConfigProp("group.initial.rebalance.delay.ms", "0")
			.setConfigProp("auto.create.topics.enable", "false")
			.build();
		cluster.format();
		cluster.startup();
		cluster.waitForReadyBrokers();
		return new EmbeddedKraftBroker(cluster);
	}

	/** The bootstrap servers, {@code host:port}. */
	public String bootstrapServers() {
		return cluster.bootstrapServers();
	}

	@Override
	public void close() throws Exception {
		cluster.close();
	}
}
