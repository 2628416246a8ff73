package org.youguan.safety.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.safety.ParcelRecord;
import org.youguan.safety.RealNameMethod;
import org.youguan.safety.SenderIdType;
import org.youguan.safety.internal.alerts.ParcelFiles;

/**
 * The {@link ParcelSink} (one node, or each Kafka consumer): DuckDB in-process writes the chunk's records as Parquet
 * (ZSTD level 1: 13 % faster ingest than DuckDB's default level 3, docs/performance.md) under {@code <data dir>/safety/parcels/day=YYYY-MM-DD/province=NN/<chunk key>.parquet} — one file per chunk
 * key and China-time day, so a chunk written again overwrites its own file and never adds a second one — and then one
 * PostgreSQL transaction records the chunk key with its files and stages its counts for its batch
 * ({@link ParcelRollups#stageTo}); they reach the rollups when the whole batch is stored ({@link ParcelBatchAttempts}).
 * The files are written into a hidden staging directory and moved into place only after that commit, so a
 * reader globbing a day never counts a file whose chunk is not stored: when the transaction fails, finds the keys
 * stored by another node, or finds the attempt given up or taken over, the staged files are deleted and whatever is
 * under the root (another node's committed file of the same name included) stays as it was. A key stored before is
 * found first and nothing is written; two nodes storing the same chunk at once both write, and only the one that
 * inserts the key moves its files into place. A node lost between its commit and the move leaves its staging
 * directory behind; the next sink on the data directory moves the files its stored chunks list into place
 * ({@link #recoverLeftovers}).
 * <p>
 * Files are per stored group of chunks, not per batch: a batch's chunks are stored as the upload streams in. On one
 * node ({@link DirectParcelTransport}) the upload hands over groups of several chunks of one batch attempt
 * ({@link #storeAll}: one DuckDB table, one file per province and day named after the group's first chunk of that
 * province, one PostgreSQL transaction for all their keys — the group is stored whole or not at all); a Kafka
 * consumer stores a poll's consecutive chunks of one batch attempt the same way, and a chunk delivered again is
 * skipped by its key (the group's other chunks are stored, under the name of the first of them). A later compaction can merge small files of a day without changing the
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

	/** The ending of a file's name while it is staged. */
	private static final String STAGED = ".staged";

	private static final Logger log = LoggerFactory.getLogger(DuckDbParcelSink.class);

	private final Path root;

	/**
	 * Where groups' files are written before their commit: {@code <root>/.staging}, a hidden directory (Spark and Trino
	 * skip it, no {@code day=*} glob matches it) on the root's file system, so the move into place is a rename.
	 */
	private final Path staging;

	/** This sink's own prefix for its staging directories. */
	private final String run = UUID.randomUUID().toString();

	/** Numbers this sink's staging directories ({@code <run>-<n>}). */
	private final AtomicLong stagingDirs = new AtomicLong();

	/**
	 * This sink's staging directories not in use, each emptied of files but kept with its {@code day=}/{@code province=}
	 * subdirectories for the next group (creating and deleting them per group took ~8 % of the storing thread,
	 * docs/performance.md); at most one per group stored at once. Their subdirectories unused for an hour are pruned
	 * with the hourly recovery ({@link #recoverLeftovers}).
	 */
	private final Deque<Path> idleStaging = new ConcurrentLinkedDeque<>();

	/** When {@link #recoverLeftovers} looks at the staging directories next (epoch milliseconds). */
	private volatile long nextRecovery;

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
		this.staging = root.resolve(".staging");
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
		recoverLeftovers();
		long enterprise = first.enterpriseId();
		int attempt = first.attempt();
		// counted while the records are appended (one pass over them), before the transaction: the PostgreSQL
		// connection is held only for the statements
		ParcelRollups rollups = new ParcelRollups(enterprise);
		Staged staged = writeParquet(group, rollups);
		Stored outcome;
		try {
			outcome = transactions.execute(status -> {
				if (!attempts.lockOpen(enterprise, batch, attempt)) {
					return Stored.ATTEMPT_CLOSED;
				}
				Timestamp now = Timestamp.from(clock.instant());
				// one statement for the group's keys: its count says how many were new
				List<Object> values = new ArrayList<>(group.size() * 8);
				for (ParcelChunk c : group) {
					values.addAll(Arrays.asList(c.key(), enterprise, c.province(), c.records().size(), now, batch, attempt,
							staged.files().getOrDefault(c.province(), List.of()).toArray(String[]::new)));
				}
				int inserted = jdbc.update("""
						INSERT INTO safety_parcel_chunk (chunk_key, enterprise_id, province, records, stored_at, batch_id,
						    attempt, files)
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
		}
		catch (RuntimeException ex) {
			// nothing of the group committed: its files never reach the records (a file of the same name committed by
			// another node stays as that node wrote it)
			staged.discard();
			throw ex;
		}
		if (outcome != Stored.NOW) {
			// stored before by another node (its files are the ones that count), or the attempt was given up or taken
			// over: the files written here never reach the records
			staged.recycle();
			return 0;
		}
		staged.publish();
		if (!allStored(group)) {
			// the attempt was given up right after the commit and its chunks forgotten, possibly before the files were
			// in place for it to delete: they must not stay among the records
			delete(staged.all());
			return 0;
		}
		attempts.countIfComplete(enterprise, batch, attempt);
		return group.size();
	}

	/**
	 * At the first store and then at most hourly: the staging directories a sink lost between its commit and the move
	 * left behind (another process's — this one's are its own groups in flight or kept for the next group). A file that
	 * a stored chunk lists is moved into place when it is missing there; the others are deleted once the file itself is
	 * an hour old (a group that never committed; a group being stored right now by another node has young files, in a
	 * directory that node may have kept for hours). A directory is removed once it is empty and was not changed for an
	 * hour (a live node's kept directories change with every group it stores). This sink's own idle directories lose
	 * the subdirectories unused for an hour (a day past, a province no longer sent).
	 */
	private void recoverLeftovers() {
		// the file system's times: the wall clock, not the application's
		long now = System.currentTimeMillis();
		if (now < nextRecovery) {
			return;
		}
		nextRecovery = now + 3_600_000;
		long hourAgo = now - 3_600_000;
		if (!Files.isDirectory(staging)) {
			return;
		}
		List<Path> dirs;
		try (Stream<Path> list = Files.list(staging)) {
			dirs = list.toList();
		}
		catch (IOException ex) {
			log.warn("Staged parcel files not recovered ({})", ex.getClass().getSimpleName());
			return;
		}
		// every other sink's directory with its staged files, looked at before one query asks which of them stored
		// chunks list (one query per recovery, not one per file: the files column has no index, each query scans)
		Map<Path, Map<Path, Long>> modifiedByDir = new LinkedHashMap<>();
		Map<Path, List<Path>> filesByDir = new LinkedHashMap<>();
		Set<String> names = new HashSet<>();
		for (Path dir : dirs) {
			if (dir.getFileName().toString().startsWith(run)) {
				continue;
			}
			try {
				// the directories' times before anything is moved out of them: a move is not a use
				Map<Path, Long> modified = modified(dir);
				List<Path> files;
				try (Stream<Path> all = Files.walk(dir)) {
					files = all.filter(Files::isRegularFile).toList();
				}
				for (Path f : files) {
					String relative = relative(dir, f);
					if (!relative.isEmpty()) {
						names.add(relative);
					}
				}
				modifiedByDir.put(dir, modified);
				filesByDir.put(dir, files);
			}
			catch (IOException | UncheckedIOException ex) {
				// a file moved or deleted meanwhile by its live node: looked at again in an hour
				log.warn("Staged parcel files not recovered: {} ({})", dir.getFileName(), ex.getClass().getSimpleName());
			}
		}
		Set<String> listed = names.isEmpty() ? Set.of() : new HashSet<>(jdbc.queryForList("""
				SELECT DISTINCT f FROM safety_parcel_chunk, unnest(files) f
				WHERE files && ?::text[] AND f = ANY(?::text[])""", String.class, names.toArray(String[]::new),
				names.toArray(String[]::new)));
		for (Map.Entry<Path, List<Path>> dir : filesByDir.entrySet()) {
			try {
				recover(dir.getKey(), dir.getValue(), modifiedByDir.get(dir.getKey()), listed, hourAgo);
			}
			catch (IOException | UncheckedIOException ex) {
				// a file moved or deleted meanwhile by its live node: looked at again in an hour
				log.warn("Staged parcel files not recovered: {} ({})", dir.getKey().getFileName(),
						ex.getClass().getSimpleName());
			}
		}
		// this sink's own idle directories, taken out of use while pruned (a group needing one meanwhile makes another)
		List<Path> idle = new ArrayList<>();
		for (Path dir = idleStaging.poll(); dir != null; dir = idleStaging.poll()) {
			idle.add(dir);
		}
		for (Path dir : idle) {
			try {
				removeUnused(dir, modified(dir), hourAgo, false);
				idleStaging.push(dir);
			}
			catch (IOException | UncheckedIOException ex) {
				// not used again: deleted whole instead
				new Staged(dir).discard();
			}
		}
	}

	/**
	 * Recovers another sink's staging directory (see {@link #recoverLeftovers}): its files as walked, its directories'
	 * times as read before, and which staged files (relative to the root) stored chunks list.
	 */
	private void recover(Path dir, List<Path> files, Map<Path, Long> modified, Set<String> listedFiles, long hourAgo)
			throws IOException {
		for (Path f : files) {
			String relative = relative(dir, f);
			boolean listed = !relative.isEmpty() && listedFiles.contains(relative);
			Path target = root.resolve(relative);
			if (listed && !Files.exists(target)) {
				Files.createDirectories(target.getParent());
				Files.move(f, target, StandardCopyOption.ATOMIC_MOVE);
				log.info("Parcel file of a stored chunk moved into place after a lost node: {}", relative);
			}
			else if (listed || Files.getLastModifiedTime(f).toMillis() < hourAgo) {
				Files.deleteIfExists(f);
			}
		}
		removeUnused(dir, modified, hourAgo, true);
	}

	/** A staged file's name under the root (relative), or "" for a file that is not a staged one. */
	private static String relative(Path dir, Path file) {
		String name = dir.relativize(file).toString();
		return name.endsWith(STAGED) ? name.substring(0, name.length() - STAGED.length()) : "";
	}

	/** The last-modified times of a directory and every directory under it. */
	private static Map<Path, Long> modified(Path dir) throws IOException {
		Map<Path, Long> modified = new HashMap<>();
		try (Stream<Path> all = Files.walk(dir)) {
			for (Path d : all.filter(Files::isDirectory).toList()) {
				modified.put(d, Files.getLastModifiedTime(d).toMillis());
			}
		}
		return modified;
	}

	/**
	 * Removes the directories under {@code dir} (and {@code dir} itself if {@code withTop}) that are empty and were last
	 * modified before {@code before} (as {@code modified} recorded them), deepest first; a directory that something was
	 * written into meanwhile is not empty and stays.
	 */
	private static void removeUnused(Path dir, Map<Path, Long> modified, long before, boolean withTop) {
		List<Path> deepestFirst = new ArrayList<>(modified.keySet());
		deepestFirst.sort(Comparator.reverseOrder());
		for (Path d : deepestFirst) {
			if ((withTop || !d.equals(dir)) && modified.get(d) < before) {
				try {
					Files.deleteIfExists(d);
				}
				catch (IOException ex) {
					// not empty (a file or a younger directory in it): kept
				}
			}
		}
	}

	/** Whether every chunk of the group is (still) recorded as stored. */
	private boolean allStored(List<ParcelChunk> group) {
		Integer n = jdbc.queryForObject("SELECT count(*) FROM safety_parcel_chunk WHERE chunk_key = ANY(?)", Integer.class,
				(Object) group.stream().map(ParcelChunk::key).toArray(String[]::new));
		return n != null && n == group.size();
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
		/** stored before under the same key (by another node: the files just written are discarded) */
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
	 * Writes the files of a group of chunks into a staging directory of their own, outside the records' root — one per
	 * province and China-time day, named after the group's first chunk of that province ({@link #file}) — and counts
	 * their records into the rollups. One {@code COPY … PARTITION_BY (day, province)} writes them all (one pass over
	 * the rows, DuckDB on one thread: one file per partition). Readers see the files only once
	 * {@link Staged#publish} moves them into place, after the PostgreSQL commit.
	 */
	private Staged writeParquet(List<ParcelChunk> group, ParcelRollups rollups) {
		String table = "chunk_" + TABLES.incrementAndGet();
		Path dir = idleStaging.poll();
		Staged staged = new Staged(dir != null ? dir : staging.resolve(run + "-" + stagingDirs.incrementAndGet()));
		try (DuckDBConnection c = connection(); Statement st = c.createStatement()) {
			// one DuckDB transaction per group: the appended rows stay in its local storage and are never merged into
			// a committed table (5–10 % less time per chunk than a commit per statement, measured apart); a failure
			// rolls it all back when the connection closes
			c.setAutoCommit(false);
			st.execute("CREATE TABLE " + table + " (day DATE, province VARCHAR, " + COLUMNS + ")");
			// each province's days, and the chunk its files are named after (the group's first of the province)
			Map<String, TreeSet<LocalDate>> days = new LinkedHashMap<>();
			Map<String, ParcelChunk> named = new HashMap<>();
			try {
				TextBytes texts = new TextBytes();
				try (DuckDBAppender a = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
					for (ParcelChunk chunk : group) {
						named.putIfAbsent(chunk.province(), chunk);
						append(a, chunk, rollups, days.computeIfAbsent(chunk.province(), p -> new TreeSet<>()), texts);
					}
				}
				Files.createDirectories(staged.dir().getParent());
				// the partition columns are not written into the files (as SELECT * EXCLUDE (day, province) did): the
				// file's columns are COLUMNS, in order
				st.execute("COPY " + table + " TO '" + staged.dir().toString().replace("'", "''")
						+ "' (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, PARTITION_BY (day, province), "
						+ "FILENAME_PATTERN 'part', FILE_EXTENSION 'staged')");
			}
			finally {
				st.execute("DROP TABLE IF EXISTS " + table);
			}
			c.commit();
			for (Map.Entry<String, TreeSet<LocalDate>> province : days.entrySet()) {
				for (LocalDate day : province.getValue()) {
					staged.name(root.relativize(file(named.get(province.getKey()), day)));
				}
			}
			return staged;
		}
		catch (SQLException ex) {
			staged.discard();
			// not the driver's message: it may quote the values being written
			throw new IllegalStateException("寄递记录Parquet文件写入失败（" + group.get(0).key() + "）：" + ex.getClass().getSimpleName());
		}
		catch (IOException | RuntimeException ex) {
			staged.discard();
			throw ex instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) ex;
		}
	}

	/**
	 * A group's files in its staging directory ({@code <root>/.staging/<run>-<n>/}, laid out as under the root, each
	 * file's name ending in {@value #STAGED} so that not even a {@code **}{@code /*.parquet} glob matches it):
	 * published after the PostgreSQL commit, else deleted. The directory is kept for the sink's next group once its
	 * files are gone ({@link #recycle}), and deleted whole after a failure.
	 */
	private final class Staged {

		private final Path dir;

		/** Each province's files, relative to the records' root (and to the staging directory). */
		private final Map<String, List<String>> files = new LinkedHashMap<>();

		Staged(Path dir) {
			this.dir = dir;
		}

		Path dir() {
			return dir;
		}

		Map<String, List<String>> files() {
			return files;
		}

		List<String> all() {
			return files.values().stream().flatMap(List::stream).toList();
		}

		/** Renames DuckDB's file of a partition to the name it gets under the root (one file per partition). */
		void name(Path relative) throws IOException {
			Path partition = dir.resolve(relative).getParent();
			List<Path> written;
			try (Stream<Path> list = Files.list(partition)) {
				written = list.toList();
			}
			if (written.size() != 1) {
				throw new IllegalStateException("寄递记录Parquet分区应只有一个文件：" + relative.getParent());
			}
			Files.move(written.get(0), dir.resolve(relative + STAGED), StandardCopyOption.ATOMIC_MOVE);
			files.computeIfAbsent(relative.getParent().getFileName().toString().substring("province=".length()),
					p -> new ArrayList<>()).add(relative.toString());
		}

		/**
		 * Moves the files into place under the root (replacing a file of the same name) and keeps the directory, now
		 * empty of files, for the next group.
		 */
		void publish() {
			try {
				for (String f : all()) {
					Path target = root.resolve(f);
					Files.createDirectories(target.getParent());
					try {
						Files.move(dir.resolve(f + STAGED), target, StandardCopyOption.REPLACE_EXISTING,
								StandardCopyOption.ATOMIC_MOVE);
					}
					catch (NoSuchFileException ex) {
						// moved into place already by another node's recovery (recoverLeftovers), after the commit
						if (!Files.exists(target)) {
							throw ex;
						}
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			idleStaging.push(dir);
		}

		/**
		 * Deletes the group's files and keeps the directory for the next group (deletes it whole when a file cannot be
		 * deleted).
		 */
		void recycle() {
			try {
				for (String f : all()) {
					Files.deleteIfExists(dir.resolve(f + STAGED));
				}
			}
			catch (IOException ex) {
				discard();
				return;
			}
			idleStaging.push(dir);
		}

		/** Deletes the staging directory and whatever is left in it. */
		void discard() {
			if (!Files.exists(dir)) {
				return;
			}
			try (Stream<Path> all = Files.walk(dir)) {
				for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
					Files.deleteIfExists(p);
				}
			}
			catch (IOException ex) {
				log.warn("Staged parcel files not deleted: {} ({})", dir.getFileName(), ex.getClass().getSimpleName());
			}
		}
	}

	/** The UTF-8 bytes of each {@link SenderIdType}'s name, by ordinal. */
	private static final byte[][] SENDER_ID_TYPES = Arrays.stream(SenderIdType.values())
		.map(t -> t.name().getBytes(StandardCharsets.UTF_8))
		.toArray(byte[][]::new);

	/** The UTF-8 bytes of each {@link RealNameMethod}'s name, by ordinal. */
	private static final byte[][] REAL_NAME_METHODS = Arrays.stream(RealNameMethod.values())
		.map(m -> m.name().getBytes(StandardCharsets.UTF_8))
		.toArray(byte[][]::new);

	/**
	 * Appends a chunk's records (with their day and province) and counts them; adds the days they fall on. The text
	 * columns with few distinct values are handed over as bytes encoded once per group ({@code texts}): the appender
	 * would encode the same few strings to UTF-8 for every record (the largest Java cost of the storing thread in a
	 * flight recording, docs/performance.md).
	 */
	private static void append(DuckDBAppender a, ParcelChunk chunk, ParcelRollups rollups, Set<LocalDate> days,
			TextBytes texts) throws SQLException {
		// China's offset is whole hours: one zone look-up per hour of records, not per record
		long lastHour = Long.MIN_VALUE;
		LocalDate day = null;
		byte[] province = chunk.province().getBytes(StandardCharsets.UTF_8);
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
			// as epoch microseconds: no OffsetDateTime and no zone rules per record (a flight recording showed them)
			Instant at = r.acceptedAt();
			a.appendEpochMicros(at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000);
			bytes(a, r.senderIdType() == null ? null : SENDER_ID_TYPES[r.senderIdType().ordinal()]);
			text(a, r.senderIdPseudonym());
			a.append(texts.of(r.senderRegion()));
			a.append(texts.of(r.recipientRegion()));
			a.append(texts.of(r.itemCategory()));
			a.append(r.weightGrams());
			a.append(REAL_NAME_METHODS[r.realNameMethod().ordinal()]);
			a.append(r.inspected());
			a.append(r.screened());
			bytes(a, texts.of(r.screeningMachineSerial()));
			bytes(a, texts.of(r.outletFilingNumber()));
			bytes(a, texts.of(r.courierId()));
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

	private static void bytes(DuckDBAppender a, byte[] utf8) throws SQLException {
		if (utf8 == null) {
			a.appendNull();
		}
		else {
			a.append(utf8);
		}
	}

	/**
	 * The UTF-8 bytes of a group's text values, each encoded once (a VARCHAR column takes them as they are); at most
	 * {@value #MAX} distinct values are kept, any further one is encoded each time, so a group of many distinct values
	 * (courier ids, item categories) holds no more than that.
	 */
	private static final class TextBytes {

		private static final int MAX = 4_096;

		private final Map<String, byte[]> bytes = new HashMap<>();

		/** The value's UTF-8 bytes, or null for null. */
		byte[] of(String value) {
			if (value == null) {
				return null;
			}
			byte[] b = bytes.get(value);
			if (b == null) {
				b = value.getBytes(StandardCharsets.UTF_8);
				if (bytes.size() < MAX) {
					bytes.put(value, b);
				}
			}
			return b;
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
					try (Statement st = base.createStatement()) {
						// one thread per statement: the storing thread shares two cores with reading and claiming, and a
						// partitioned COPY writes one file per partition
						st.execute("SET threads = 1");
					}
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
		for (Path dir = idleStaging.poll(); dir != null; dir = idleStaging.poll()) {
			new Staged(dir).discard();
		}
		DuckDBConnection base = duck;
		duck = null;
		if (base != null) {
			base.close();
		}
	}
}
