package org.youguan.safety.internal.kafka;

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
 * and the rollups ({@link ParcelRollups}) written in one PostgreSQL transaction, a key stored before skipped —
 * without the Parquet files, so the Kafka transport is tested against real PostgreSQL alone.
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

	@Override
	public boolean store(ParcelChunk chunk) {
		Boolean stored = transaction.execute(status -> {
			int inserted = jdbc.sql("""
					INSERT INTO safety_parcel_chunk (chunk_key, enterprise_id, province, records, stored_at)
					VALUES (:key, :enterprise, :province, :records, now()) ON CONFLICT (chunk_key) DO NOTHING""")
				.param("key", chunk.key())
				.param("enterprise", chunk.enterpriseId())
				.param("province", chunk.province())
				.param("records", chunk.records().size())
				.update();
			if (inserted == 0) {
				return false;
			}
			ParcelRollups rollups = new ParcelRollups(chunk.enterpriseId());
			chunk.records().forEach(rollups::count);
			rollups.writeTo(template);
			return true;
		});
		return Boolean.TRUE.equals(stored);
	}
}
