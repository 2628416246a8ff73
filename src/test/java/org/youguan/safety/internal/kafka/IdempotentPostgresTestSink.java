package org.youguan.safety.internal.kafka;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.safety.internal.ParcelChunk;
import org.youguan.safety.internal.ParcelRollups;
import org.youguan.safety.internal.ParcelSink;

/**
 * TEST FIXTURE, not the product's sink: a {@link ParcelSink} that keeps the contract the real one keeps — the chunk key
 * and the rollups ({@link ParcelRollups}) written in one PostgreSQL transaction (a group's keys in one), a key stored
 * before skipped — without the Parquet files, so the Kafka transport is tested against real PostgreSQL alone.
 */
final class IdempotentPostgresTestSink implements ParcelSink {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final TransactionTemplate transaction;

	IdempotentPostgresTestSink(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
		this.template = new JdbcTemplate(dataSource);
		this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	/**
	 * Stores a group as the real sink does: the keys not stored before, with their rollups, in one transaction.
	 *
	 * @return the keys stored now
	 */
	List<String> storeGroup(List<ParcelChunk> chunks) {
		return transaction.execute(status -> {
			List<String> now = new ArrayList<>();
			for (ParcelChunk chunk : chunks) {
				if (insertKey(chunk)) {
					ParcelRollups rollups = new ParcelRollups(chunk.enterpriseId());
					chunk.records().forEach(rollups::count);
					rollups.writeTo(template);
					now.add(chunk.key());
				}
			}
			return now;
		});
	}

	private boolean insertKey(ParcelChunk chunk) {
		return jdbc.sql("""
				INSERT INTO safety_parcel_chunk (chunk_key, enterprise_id, province, records, stored_at)
				VALUES (:key, :enterprise, :province, :records, now()) ON CONFLICT (chunk_key) DO NOTHING""")
			.param("key", chunk.key())
			.param("enterprise", chunk.enterpriseId())
			.param("province", chunk.province())
			.param("records", chunk.records().size())
			.update() == 1;
	}

	@Override
	public int storeAll(List<ParcelChunk> chunks) {
		return storeGroup(chunks).size();
	}

	@Override
	public boolean store(ParcelChunk chunk) {
		return !storeGroup(List.of(chunk)).isEmpty();
	}
}
