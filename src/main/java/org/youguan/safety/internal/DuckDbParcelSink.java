package org.youguan.safety.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.platform.PlatformSettings;
import org.youguan.safety.ParcelRecord;

/**
 * The one-node {@link ParcelSink}: DuckDB in-process writes the chunk's records as Parquet (ZSTD) under
 * {@code <data dir>/safety/parcels/day=YYYY-MM-DD/province=NN/<chunk key>.parquet} — one file per chunk key and
 * China-time day, so a chunk written again overwrites its own file and never adds a second one — and then one
 * PostgreSQL transaction records the chunk key and adds the chunk to {@code safety_parcel_hour} and
 * {@code safety_machine_day}. A key stored before is found first and nothing is written; two nodes storing the same
 * chunk at once write the same bytes to the same file and only one of them inserts the key and counts.
 * <p>
 * Files are per chunk (≤ {@code youguan.safety.chunk-records} records), not per batch: a batch's chunks are stored
 * one by one as the upload streams in, so a node lost mid-batch keeps what it stored and the batch sent again skips
 * it by key. A later compaction can merge small files of a day without changing the layout readers see.
 */
@Component
class DuckDbParcelSink implements ParcelSink {

	/** The Parquet columns in file order (the layout contract, README "Safety — parcel records"). */
	static final String COLUMNS = """
			enterprise_id BIGINT, waybill_number VARCHAR, accepted_at TIMESTAMP WITH TIME ZONE, sender_id_type VARCHAR,
			sender_id_pseudonym VARCHAR, sender_region VARCHAR, recipient_region VARCHAR, item_category VARCHAR,
			weight_grams INTEGER, real_name_method VARCHAR, inspected BOOLEAN, screened BOOLEAN,
			screening_machine_serial VARCHAR, outlet_filing_number VARCHAR, courier_id VARCHAR, exempt BOOLEAN,
			real_name BOOLEAN""";

	private static final AtomicLong TABLES = new AtomicLong();

	private final Path root;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private volatile DuckDBConnection duck;

	DuckDbParcelSink(PlatformSettings settings, JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
		this.root = settings.dataDir().resolve("safety").resolve("parcels").toAbsolutePath().normalize();
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** The root of the Parquet layout ({@code <data dir>/safety/parcels}). */
	Path root() {
		return root;
	}

	@Override
	public boolean store(ParcelChunk chunk) {
		if (stored(chunk.key())) {
			return false;
		}
		writeParquet(chunk);
		Boolean counted = transactions.execute(status -> {
			int inserted = jdbc.update("""
					INSERT INTO safety_parcel_chunk (chunk_key, enterprise_id, province, records, stored_at)
					VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", chunk.key(), chunk.enterpriseId(),
					chunk.province(), chunk.records().size(), Timestamp.from(clock.instant()));
			if (inserted == 0) {
				return false;
			}
			rollUp(chunk);
			return true;
		});
		return Boolean.TRUE.equals(counted);
	}

	private boolean stored(String key) {
		return !jdbc.queryForList("SELECT 1 FROM safety_parcel_chunk WHERE chunk_key = ?", Integer.class, key).isEmpty();
	}

	/** Hour × outlet × county counts and machine × day counts, upserted in key order (no deadlock between nodes). */
	private void rollUp(ParcelChunk chunk) {
		Map<String, long[]> hours = new TreeMap<>();
		Map<String, long[]> machines = new TreeMap<>();
		for (ParcelRecord r : chunk.records()) {
			Instant hour = r.acceptedAt().truncatedTo(ChronoUnit.HOURS);
			String outlet = r.outletFilingNumber() == null ? "" : r.outletFilingNumber();
			long[] c = hours.computeIfAbsent(hour.getEpochSecond() + "\u0000" + outlet + "\u0000" + r.senderRegion(),
					k -> new long[5]);
			c[0]++;
			if (r.exempt()) {
				c[1]++;
			}
			if (r.realName()) {
				c[2]++;
			}
			if (r.inspected()) {
				c[3]++;
			}
			if (r.screened()) {
				c[4]++;
			}
			if (r.screeningMachineSerial() != null) {
				machines.computeIfAbsent(r.day() + "\u0000" + r.screeningMachineSerial(), k -> new long[1])[0]++;
			}
		}
		List<Object[]> hourRows = new ArrayList<>(hours.size());
		hours.forEach((k, c) -> {
			String[] parts = k.split("\u0000", -1);
			hourRows.add(new Object[] { Timestamp.from(Instant.ofEpochSecond(Long.parseLong(parts[0]))),
					chunk.enterpriseId(), parts[1], parts[2], c[0], c[1], c[2], c[3], c[4] });
		});
		jdbc.batchUpdate("""
				INSERT INTO safety_parcel_hour (hour, enterprise_id, outlet_filing_number, sender_region, parcels, exempt,
				    real_name, inspected, screened)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (hour, enterprise_id, outlet_filing_number, sender_region) DO UPDATE SET
				    parcels = safety_parcel_hour.parcels + EXCLUDED.parcels,
				    exempt = safety_parcel_hour.exempt + EXCLUDED.exempt,
				    real_name = safety_parcel_hour.real_name + EXCLUDED.real_name,
				    inspected = safety_parcel_hour.inspected + EXCLUDED.inspected,
				    screened = safety_parcel_hour.screened + EXCLUDED.screened""", hourRows);
		if (!machines.isEmpty()) {
			List<Object[]> machineRows = new ArrayList<>(machines.size());
			machines.forEach((k, c) -> {
				String[] parts = k.split("\u0000", -1);
				machineRows.add(new Object[] { LocalDate.parse(parts[0]), chunk.enterpriseId(), parts[1], c[0] });
			});
			jdbc.batchUpdate("""
					INSERT INTO safety_machine_day (day, enterprise_id, machine_serial, parcels) VALUES (?, ?, ?, ?)
					ON CONFLICT (day, enterprise_id, machine_serial) DO UPDATE SET
					    parcels = safety_machine_day.parcels + EXCLUDED.parcels""", machineRows);
		}
	}

	/** The chunk's file name: its key with every character other than letters, digits, '.', '-' replaced. */
	static String fileName(String key) {
		StringBuilder name = new StringBuilder(key.length() + 8);
		boolean changed = false;
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			boolean plain = c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '.' || c == '-';
			name.append(plain ? c : '_');
			changed |= !plain && c != ':';
		}
		if (changed) {
			// two keys differing only in replaced characters must not share a file
			name.append('_').append(HexFormat.of().formatHex(sha(key), 0, 4));
		}
		return name.append(".parquet").toString();
	}

	private static byte[] sha(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The file a chunk's records of one day are written to. */
	Path file(ParcelChunk chunk, LocalDate day) {
		return root.resolve("day=" + day).resolve("province=" + chunk.province()).resolve(fileName(chunk.key()));
	}

	private void writeParquet(ParcelChunk chunk) {
		String table = "chunk_" + TABLES.incrementAndGet();
		try (DuckDBConnection c = connection(); Statement st = c.createStatement()) {
			st.execute("CREATE TABLE " + table + " (day DATE, " + COLUMNS + ")");
			try {
				TreeSet<LocalDate> days = new TreeSet<>();
				try (DuckDBAppender a = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
					for (ParcelRecord r : chunk.records()) {
						LocalDate day = r.day();
						days.add(day);
						a.beginRow();
						a.append(day);
						a.append(r.enterpriseId());
						a.append(r.waybillNumber());
						a.append(r.acceptedAt().atOffset(ZoneOffset.UTC));
						text(a, r.senderIdType() == null ? null : r.senderIdType().name());
						text(a, r.senderIdPseudonym());
						a.append(r.senderRegion());
						a.append(r.recipientRegion());
						a.append(r.itemCategory());
						a.append(r.weightGrams());
						a.append(r.realNameMethod().name());
						a.append(r.inspected());
						a.append(r.screened());
						text(a, r.screeningMachineSerial());
						text(a, r.outletFilingNumber());
						text(a, r.courierId());
						a.append(r.exempt());
						a.append(r.realName());
						a.endRow();
					}
				}
				for (LocalDate day : days) {
					Path target = file(chunk, day);
					Files.createDirectories(target.getParent());
					Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
					st.execute("COPY (SELECT * EXCLUDE (day) FROM " + table + " WHERE day = DATE '" + day
							+ "') TO '" + temp.toString().replace("'", "''")
							+ "' (FORMAT parquet, COMPRESSION zstd)");
					Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
				}
			}
			finally {
				st.execute("DROP TABLE IF EXISTS " + table);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("寄递记录Parquet文件写入失败（" + chunk.key() + "）：" + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void text(DuckDBAppender a, String value) throws SQLException {
		if (value == null) {
			a.appendNull();
		}
		else {
			a.append(value);
		}
	}

	/** A connection of its own to the one in-memory DuckDB database (DuckDB connections are not thread-safe). */
	private DuckDBConnection connection() throws SQLException {
		DuckDBConnection base = duck;
		if (base == null) {
			synchronized (this) {
				base = duck;
				if (base == null) {
					Connection opened = DriverManager.getConnection("jdbc:duckdb:");
					base = opened.unwrap(DuckDBConnection.class);
					duck = base;
				}
			}
		}
		return (DuckDBConnection) base.duplicate();
	}
}
