package org.youguan.safety.internal.kafka;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.safety.ParcelRecord;
import org.youguan.safety.internal.ParcelChunk;
import org.youguan.safety.internal.ParcelSink;

/**
 * TEST FIXTURE, not the product's sink: a {@link ParcelSink} that keeps the contract the real one keeps — the chunk key
 * and the hourly rollups written in one PostgreSQL transaction, a key stored before skipped — without the Parquet
 * files, so the Kafka transport can be tested against real PostgreSQL while the real sink is built elsewhere.
 */
final class IdempotentPostgresTestSink implements ParcelSink {

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	IdempotentPostgresTestSink(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
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
			Map<HourKey, long[]> hours = chunk.records().stream().collect(Collectors.groupingBy(HourKey::of,
					Collectors.reducing(new long[5], IdempotentPostgresTestSink::counts, IdempotentPostgresTestSink::sum)));
			hours.forEach((key, c) -> jdbc.sql("""
					INSERT INTO safety_parcel_hour (hour, enterprise_id, outlet_filing_number, sender_region, parcels, exempt,
					  real_name, inspected, screened)
					VALUES (:hour, :enterprise, :outlet, :region, :p, :e, :r, :i, :s)
					ON CONFLICT (hour, enterprise_id, outlet_filing_number, sender_region) DO UPDATE SET
					  parcels = safety_parcel_hour.parcels + excluded.parcels,
					  exempt = safety_parcel_hour.exempt + excluded.exempt,
					  real_name = safety_parcel_hour.real_name + excluded.real_name,
					  inspected = safety_parcel_hour.inspected + excluded.inspected,
					  screened = safety_parcel_hour.screened + excluded.screened""")
				.param("hour", Timestamp.from(key.hour()))
				.param("enterprise", key.enterpriseId())
				.param("outlet", key.outlet())
				.param("region", key.region())
				.param("p", c[0]).param("e", c[1]).param("r", c[2]).param("i", c[3]).param("s", c[4])
				.update());
			return true;
		});
		return Boolean.TRUE.equals(stored);
	}

	private static long[] counts(ParcelRecord r) {
		return new long[] { 1, r.exempt() ? 1 : 0, r.realName() ? 1 : 0, r.inspected() ? 1 : 0, r.screened() ? 1 : 0 };
	}

	private static long[] sum(long[] a, long[] b) {
		long[] c = new long[a.length];
		for (int i = 0; i < a.length; i++) {
			c[i] = a[i] + b[i];
		}
		return c;
	}

	private record HourKey(Instant hour, long enterpriseId, String outlet, String region) {

		static HourKey of(ParcelRecord r) {
			return new HourKey(r.acceptedAt().truncatedTo(ChronoUnit.HOURS), r.enterpriseId(),
					r.outletFilingNumber() == null ? "" : r.outletFilingNumber(), r.senderRegion());
		}
	}
}
