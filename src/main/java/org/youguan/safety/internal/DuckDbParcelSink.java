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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.safety.ParcelRecord;
import org.youguan.safety.internal.alerts.ParcelFiles;

/**
 * The {@link ParcelSink} (one node, or each Kafka consumer): DuckDB in-process writes the chunk's records as Parquet
 * (ZSTD level 1: 13 % faster ingest than DuckDB's default level 3, docs/performance.md) under {@code <data dir>/safety/parcels/day=YYYY-MM-DD/province=NN/<chunk key>.parquet} — one file per chunk
 * key and China-time day, so a chunk written again overwrites its own file and never adds a second one — and then one
 * PostgreSQL transaction records the chunk key with its files and stages its counts for its batch
 * ({@link ParcelRollups#stageTo}); they reach the rollups when the whole batch is stored ({@link ParcelBatchAttempts}).
 * A key stored before is found first and nothing is written; two nodes storing the same chunk at once write the same
 * bytes to the same file and only one of them inserts the key. A chunk of an attempt given up or taken over is not
 * stored, and the files just written for it are deleted.
 * <p>
 * Files are per stored group of chunks, not per batch: a batch's chunks are stored as the upload streams in. On one
 * node ({@link DirectParcelTransport}) the upload hands over groups of several chunks of one batch attempt
 * ({@link #storeAll}: one DuckDB table, one file per province and day named after the group's first chunk of that
 * province, one PostgreSQL transaction for all their keys — the group is stored whole or not at all); a Kafka
 * consumer stores each chunk it receives on its own ({@link #store}), so that a chunk delivered again is skipped or
 * rewritten whole under its own file names. A later compaction can merge small files of a day without changing the
 * layout readers see.
 */
@Component
class DuckDbParcelSink implements ParcelSink, AutoCloseable {

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

	/** Set by {@link #close}: no base connection is opened again. */
	private volatile boolean closed;

	private final ParcelBatchAttempts attempts;

	DuckDbParcelSink(ParcelFiles files, JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock,
			ParcelBatchAttempts attempts) {
		this.root = files.root().normalize();
		this.attempts = attempts;
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
		return storeAll(List.of(chunk)) == 1;
	}

	@Override
	public int storeAll(List<ParcelChunk> chunks) {
		if (chunks.isEmpty()) {
			return 0;
		}
		ParcelChunk first = chunks.get(0);
		String batch = first.batchId();
		for (ParcelChunk chunk : chunks) {
			if (chunk.batchId() == null) {
				throw new IllegalArgumentException("寄递记录分块不属于任何上报批次：" + chunk.key());
			}
			if (!chunk.province().matches("[0-9]{2}")) {
				// it names a directory and is written into the COPY statement
				throw new IllegalArgumentException("寄递记录分块的省份代码应为2位数字：" + chunk.key());
			}
			if (chunk.enterpriseId() != first.enterpriseId() || !chunk.batchId().equals(batch)
					|| chunk.attempt() != first.attempt()) {
				throw new IllegalArgumentException("一并保存的寄递记录分块应属于同一批次的同一次上报：" + chunk.key());
			}
		}
		List<ParcelChunk> group = unstored(chunks);
		if (group.isEmpty()) {
			return 0;
		}
		long enterprise = first.enterpriseId();
		int attempt = first.attempt();
		// counted while the records are appended (one pass over them), before the transaction: the PostgreSQL
		// connection is held only for the statements
		ParcelRollups rollups = new ParcelRollups(enterprise);
		Map<String, List<String>> files = writeParquet(group, rollups);
		List<String> all = files.values().stream().flatMap(List::stream).toList();
		Stored outcome = transactions.execute(status -> {
			if (!attempts.lockOpen(enterprise, batch, attempt)) {
				return Stored.ATTEMPT_CLOSED;
			}
			Timestamp now = Timestamp.from(clock.instant());
			// one statement for the group's keys: its count says how many were new
			List<Object> values = new ArrayList<>(group.size() * 8);
			for (ParcelChunk c : group) {
				values.addAll(Arrays.asList(c.key(), enterprise, c.province(), c.records().size(), now, batch, attempt,
						files.get(c.province()).toArray(String[]::new)));
			}
			int inserted = jdbc.update("""
					INSERT INTO safety_parcel_chunk (chunk_key, enterprise_id, province, records, stored_at, batch_id, attempt,
					    files)
					VALUES """ + String.join(", ", Collections.nCopies(group.size(), "(?, ?, ?, ?, ?, ?, ?, ?)"))
					+ " ON CONFLICT DO NOTHING", values.toArray());
			if (inserted == 0) {
				return Stored.BEFORE;
			}
			if (inserted != group.size()) {
				// another node stored some of them meanwhile: their counts would be staged twice
				throw new IllegalStateException("寄递记录分块部分已由另一节点保存，本组回滚后重新保存：" + group.get(0).key());
			}
			rollups.stageTo(jdbc, batch, attempt);
			return Stored.NOW;
		});
		if (outcome == Stored.ATTEMPT_CLOSED) {
			// the attempt was given up or taken over: its files must not stay among the records
			delete(all);
			return 0;
		}
		if (outcome == Stored.NOW) {
			attempts.countIfComplete(enterprise, batch, attempt);
			return group.size();
		}
		return 0;
	}

	/** The chunks whose keys were not stored before, in the order given. */
	private List<ParcelChunk> unstored(List<ParcelChunk> chunks) {
		if (chunks.size() == 1) {
			return stored(chunks.get(0).key()) ? List.of() : chunks;
		}
		Set<String> stored = new HashSet<>(jdbc.queryForList("SELECT chunk_key FROM safety_parcel_chunk WHERE chunk_key = ANY(?)",
				String.class, (Object) chunks.stream().map(ParcelChunk::key).toArray(String[]::new)));
		return stored.isEmpty() ? chunks : chunks.stream().filter(c -> !stored.contains(c.key())).toList();
	}

	/** What storing a chunk did. */
	private enum Stored {
		/** stored now, its counts staged */
		NOW,
		/** stored before under the same key (its files were just rewritten with the same records) */
		BEFORE,
		/** its batch attempt was given up or taken over: nothing stored */
		ATTEMPT_CLOSED
	}

	private void delete(List<String> relative) {
		for (String f : relative) {
			try {
				Files.deleteIfExists(root.resolve(f));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	private boolean stored(String key) {
		return !jdbc.queryForList("SELECT 1 FROM safety_parcel_chunk WHERE chunk_key = ?", Integer.class, key).isEmpty();
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

	/**
	 * Writes the files of a group of chunks — one per province and China-time day, named after the group's first chunk
	 * of that province ({@link #file}) — and counts their records into the rollups; returns each province's files
	 * relative to {@link #root()}.
	 */
	private Map<String, List<String>> writeParquet(List<ParcelChunk> group, ParcelRollups rollups) {
		Map<String, List<String>> written = new LinkedHashMap<>();
		String table = "chunk_" + TABLES.incrementAndGet();
		try (DuckDBConnection c = connection(); Statement st = c.createStatement()) {
			// one DuckDB transaction per group: the appended rows stay in its local storage and are never merged into
			// a committed table (5–10 % less time per chunk than a commit per statement, measured apart); a failure
			// rolls it all back when the connection closes
			c.setAutoCommit(false);
			st.execute("CREATE TABLE " + table + " (day DATE, province VARCHAR, " + COLUMNS + ")");
			try {
				// each province's days, and the chunk its files are named after (the group's first of the province)
				Map<String, TreeSet<LocalDate>> days = new LinkedHashMap<>();
				Map<String, ParcelChunk> named = new HashMap<>();
				try (DuckDBAppender a = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
					for (ParcelChunk chunk : group) {
						named.putIfAbsent(chunk.province(), chunk);
						append(a, chunk, rollups, days.computeIfAbsent(chunk.province(), p -> new TreeSet<>()));
					}
				}
				for (Map.Entry<String, TreeSet<LocalDate>> province : days.entrySet()) {
					List<String> files = new ArrayList<>();
					for (LocalDate day : province.getValue()) {
						Path target = file(named.get(province.getKey()), day);
						Files.createDirectories(target.getParent());
						Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
						st.execute("COPY (SELECT * EXCLUDE (day, province) FROM " + table + " WHERE day = DATE '" + day
								+ "' AND province = '" + province.getKey() + "') TO '" + temp.toString().replace("'", "''")
								+ "' (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1)");
						Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
						files.add(root.relativize(target).toString());
					}
					written.put(province.getKey(), files);
				}
			}
			finally {
				st.execute("DROP TABLE IF EXISTS " + table);
			}
			c.commit();
			return written;
		}
		catch (SQLException ex) {
			// not the driver's message: it may quote the values being written
			throw new IllegalStateException("寄递记录Parquet文件写入失败（" + group.get(0).key() + "）：" + ex.getClass().getSimpleName());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Appends a chunk's records (with their day and province) and counts them; adds the days they fall on. */
	private static void append(DuckDBAppender a, ParcelChunk chunk, ParcelRollups rollups, Set<LocalDate> days)
			throws SQLException {
		// China's offset is whole hours: one zone look-up per hour of records, not per record
		long lastHour = Long.MIN_VALUE;
		LocalDate day = null;
		String province = chunk.province();
		for (ParcelRecord r : chunk.records()) {
			rollups.count(r);
			long hour = Math.floorDiv(r.acceptedAt().getEpochSecond(), 3600);
			if (hour != lastHour) {
				lastHour = hour;
				day = r.day();
				days.add(day);
			}
			a.beginRow();
			a.append(day);
			a.append(province);
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

	private static void text(DuckDBAppender a, String value) throws SQLException {
		if (value == null) {
			a.appendNull();
		}
		else {
			a.append(value);
		}
	}

	/**
	 * A connection of its own to the one in-memory DuckDB database (DuckDB connections are not thread-safe).
	 *
	 * @throws IllegalStateException once the sink is closed ({@link #close})
	 */
	DuckDBConnection connection() throws SQLException {
		DuckDBConnection base = duck;
		if (base == null || closed) {
			synchronized (this) {
				if (closed) {
					throw new IllegalStateException("寄递记录存储已关闭（应用正在停止），该分块未写入");
				}
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

	/** The base DuckDB connection the chunks' connections are duplicated from; null until the first chunk. */
	DuckDBConnection base() {
		return duck;
	}

	/**
	 * Closes the base DuckDB connection when the application stops (a chunk being written keeps its own connection, and
	 * DuckDB frees the database when the last one closes); a chunk stored after this fails instead of opening another
	 * database.
	 */
	@Override
	public synchronized void close() throws SQLException {
		closed = true;
		DuckDBConnection base = duck;
		duck = null;
		if (base != null) {
			base.close();
		}
	}
}
