package org.youguan.safety.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.org.UserDirectory;
import org.youguan.registry.Enterprises;
import org.youguan.safety.ParcelRecord;
import org.youguan.safety.internal.alerts.ParcelFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A group of chunks whose PostgreSQL step fails — an error, or another node storing part of the group meanwhile —
 * leaves no Parquet file that readers globbing the day would count, and never touches a file another node committed
 * under the same name; a file left staged by a node lost after its commit is moved into place by the next sink.
 */
@IntegrationTest
class ParcelFilesStagingIntegrationTest {

	@Autowired
	DuckDbParcelSink sink;

	@Autowired
	ParcelFiles files;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	ParcelBatchAttempts attempts;

	@Autowired
	MutableClock clock;

	@Autowired
	Pseudonyms pseudonyms;

	@Autowired
	Enterprises enterprises;

	@Autowired
	UserDirectory users;

	long enterprise;

	String batch;

	Instant at;

	@BeforeEach
	void setUp() {
		clock.reset();
		enterprise = enterprises.findByCreditCode(users.principal("sf.wz").orElseThrow().enterpriseCreditCode())
			.orElseThrow()
			.id();
		batch = "staged-" + UUID.randomUUID().toString().substring(0, 8);
		at = clock.instant().minus(Duration.ofMinutes(30));
		jdbc.update("""
				INSERT INTO safety_parcel_batch (enterprise_id, batch_id, status, format, started_at, attempt, lease_until)
				VALUES (?, ?, 'RUNNING', 'NDJSON', now(), 1, now() + interval '1 hour')""", enterprise, batch);
	}

	@Test
	void aGroupWhosePostgresqlTransactionFailsLeavesNoFileTheReadersCount() throws Exception {
		List<ParcelChunk> group = List.of(chunk("32", 1, 3), chunk("11", 2, 2), chunk("32", 3, 4));
		long before = readersTotal();
		TransactionTemplate failing = new TransactionTemplate(transactionManager) {
			@Override
			public <T> T execute(TransactionCallback<T> action) {
				return super.execute(status -> {
					action.doInTransaction(status);
					throw new IllegalStateException("PostgreSQL failed (test)");
				});
			}
		};
		DuckDbParcelSink node = new DuckDbParcelSink(files, jdbc, failing, clock, attempts);
		assertThatThrownBy(() -> node.storeAll(group)).hasMessageContaining("PostgreSQL failed (test)");
		assertThat(readersTotal()).as("the readers' total").isEqualTo(before);
		assertThat(batchFiles()).as("files of the batch under the root").isEmpty();
		assertThat(staged()).as("staged files left behind").isEmpty();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM safety_parcel_chunk WHERE batch_id = ?", Long.class, batch))
			.isZero();
		// stored again (here by the application's sink): every record once, every file listed
		assertThat(sink.storeAll(group)).isEqualTo(3);
		assertThat(readersTotal()).isEqualTo(before + 9);
		assertThat(batchFiles()).containsExactlyInAnyOrderElementsOf(listed());
	}

	@Test
	void aGroupPartlyStoredByAnotherNodeLeavesThatNodesFileOfTheSameNameAsItWasCommitted() throws Exception {
		ParcelChunk first = chunk("32", 1, 2);
		List<ParcelChunk> group = List.of(first, chunk("32", 2, 5));
		long before = readersTotal();
		// another node stores the group's first chunk on its own right after this node found none of the group stored,
		// before this node writes the group's files: both name their province-32 file after that chunk
		boolean[] raced = { false };
		JdbcTemplate racing = new JdbcTemplate(jdbc.getDataSource()) {
			@Override
			public <T> List<T> queryForList(String sql, Class<T> elementType, Object... args) {
				List<T> found = super.queryForList(sql, elementType, args);
				if (sql.contains("chunk_key = ANY") && !raced[0]) {
					raced[0] = true;
					assertThat(sink.store(first)).isTrue();
				}
				return found;
			}
		};
		DuckDbParcelSink node = new DuckDbParcelSink(files, racing, new TransactionTemplate(transactionManager), clock,
				attempts);
		assertThatThrownBy(() -> node.storeAll(group)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("另一节点");
		assertThat(readersTotal()).as("the other node's two records, not the group's seven").isEqualTo(before + 2);
		List<String> listed = listed();
		assertThat(listed).hasSize(1);
		assertThat(batchFiles()).containsExactlyElementsOf(listed);
		assertThat(count("'" + files.root().resolve(listed.get(0)) + "'")).isEqualTo(2);
		assertThat(raced[0]).isTrue();
		assertThat(staged()).isEmpty();
	}

	@Test
	void aFileLeftStagedByANodeLostAfterItsCommitIsMovedIntoPlaceByTheNextSink() throws Exception {
		long before = readersTotal();
		assertThat(sink.storeAll(List.of(chunk("32", 1, 3)))).isEqualTo(1);
		String file = listed().get(0);
		// as if the node was lost between the commit and the move: the file still staged, none under the root
		Path staged = files.root().resolve(".staging").resolve("lost-node-1").resolve(file + ".staged");
		Files.createDirectories(staged.getParent());
		Files.move(files.root().resolve(file), staged);
		assertThat(readersTotal()).isEqualTo(before);
		// the next sink on the data directory, at its first store
		assertThat(storeOnNewSink(chunk("32", 2, 2))).isEqualTo(1);
		assertThat(readersTotal()).isEqualTo(before + 5);
		assertThat(batchFiles()).containsExactlyInAnyOrderElementsOf(listed());
		assertThat(staged()).isEmpty();
	}

	@Test
	void filesLeftStagedByTwoLostNodesAreRecoveredWithOneQueryForAllOfThem() throws Exception {
		long before = readersTotal();
		assertThat(sink.storeAll(List.of(chunk("32", 1, 3)))).isEqualTo(1);
		assertThat(sink.storeAll(List.of(chunk("11", 2, 4)))).isEqualTo(1);
		List<String> stored = listed();
		assertThat(stored).hasSize(2);
		// two nodes lost between their commits and their moves, each leaving one stored chunk's file staged
		for (int i = 0; i < stored.size(); i++) {
			Path staged = files.root().resolve(".staging").resolve("lost-node-" + UUID.randomUUID())
				.resolve(stored.get(i) + ".staged");
			Files.createDirectories(staged.getParent());
			Files.move(files.root().resolve(stored.get(i)), staged);
		}
		assertThat(readersTotal()).isEqualTo(before);
		int[] lookUps = { 0 };
		JdbcTemplate counting = new JdbcTemplate(jdbc.getDataSource()) {
			@Override
			public <T> List<T> queryForList(String sql, Class<T> elementType, Object... args) {
				if (sql.contains("files")) {
					lookUps[0]++;
				}
				return super.queryForList(sql, elementType, args);
			}
		};
		try (DuckDbParcelSink next = new DuckDbParcelSink(files, counting, new TransactionTemplate(transactionManager),
				clock, attempts)) {
			assertThat(next.storeAll(List.of(chunk("32", 3, 2)))).isEqualTo(1);
		}
		assertThat(lookUps[0]).as("queries asking which staged files stored chunks list").isEqualTo(1);
		assertThat(readersTotal()).isEqualTo(before + 9);
		assertThat(batchFiles()).containsExactlyInAnyOrderElementsOf(listed());
		assertThat(staged()).isEmpty();
	}

	@Test
	void aSinkKeepsItsStagingDirectoryWithItsSubdirectoriesForItsNextGroup() throws Exception {
		long before = readersTotal();
		List<Path> dirsBefore = stagingDirs();
		List<Path> kept;
		DuckDbParcelSink node = newSink();
		try {
			assertThat(node.storeAll(List.of(chunk("32", 1, 3), chunk("11", 2, 2)))).isEqualTo(2);
			kept = stagingDirs().stream().filter(d -> !dirsBefore.contains(d)).toList();
			assertThat(kept).as("the sink's staging directory, kept").hasSize(1);
			String day = "day=" + at.atZone(ParcelRecord.CHINA).toLocalDate();
			Path province = kept.get(0).resolve(day).resolve("province=32");
			assertThat(province).isDirectory();
			// the next groups reuse it: no second directory, no file left in it
			assertThat(node.storeAll(List.of(chunk("32", 3, 4)))).isEqualTo(1);
			assertThat(node.storeAll(List.of(chunk("11", 4, 1), chunk("32", 5, 1)))).isEqualTo(2);
			assertThat(stagingDirs().stream().filter(d -> !dirsBefore.contains(d)).toList()).isEqualTo(kept);
			assertThat(province).isDirectory();
			assertThat(kept.get(0).resolve(day).resolve("province=11")).isDirectory();
			assertThat(staged()).isEmpty();
			assertThat(readersTotal()).isEqualTo(before + 11);
			assertThat(batchFiles()).containsExactlyInAnyOrderElementsOf(listed());
		}
		finally {
			node.close();
		}
		assertThat(kept.get(0)).as("the kept directory, deleted when the sink closes").doesNotExist();
	}

	@Test
	void theRecoveryJudgesAnotherNodesStagedFilesByTheirOwnAgeAndKeepsALiveNodesDirectories() throws Exception {
		Path staging = files.root().resolve(".staging");
		String partition = "day=" + at.atZone(ParcelRecord.CHINA).toLocalDate() + "/province=32/";
		long hoursAgo = System.currentTimeMillis() - 7_200_000;
		// a live node that kept its directory for hours is writing a group into it right now: a young file, old dirs
		Path young = staging.resolve("live-node-" + UUID.randomUUID()).resolve(partition + "young.parquet.staged");
		// a lost node's file of a group that never committed, an hour old, in a directory made recently
		Path old = staging.resolve("lost-node-" + UUID.randomUUID()).resolve(partition + "old.parquet.staged");
		// a lost node's emptied directory, unused for hours; and a live node's idle one, used a moment ago
		Path deserted = staging.resolve("lost-node-" + UUID.randomUUID()).resolve(partition);
		Path idle = staging.resolve("live-node-" + UUID.randomUUID()).resolve(partition);
		for (Path f : List.of(young, old)) {
			Files.createDirectories(f.getParent());
			Files.writeString(f, "staged");
		}
		Files.createDirectories(deserted);
		Files.createDirectories(idle);
		Files.setLastModifiedTime(old, FileTime.fromMillis(hoursAgo));
		for (Path dir : List.of(young.getParent(), deserted)) {
			for (Path d = dir; !d.equals(staging); d = d.getParent()) {
				Files.setLastModifiedTime(d, FileTime.fromMillis(hoursAgo));
			}
		}
		try {
			assertThat(storeOnNewSink(chunk("32", 1, 2))).isEqualTo(1);
			assertThat(young).as("a live node's young file in its old directory").exists();
			assertThat(old).as("a lost node's hour-old file in a young directory").doesNotExist();
			assertThat(stagingRoot(deserted)).as("a lost node's directory unused for an hour").doesNotExist();
			assertThat(idle).as("a live node's directory used a moment ago").isDirectory();
		}
		finally {
			for (Path f : List.of(young, old, deserted, idle)) {
				FileSystemUtils.deleteRecursively(stagingRoot(f));
			}
		}
	}

	/** Another node's sink on the data directory (its first store recovers what lost nodes left staged). */
	DuckDbParcelSink newSink() {
		return new DuckDbParcelSink(files, jdbc, new TransactionTemplate(transactionManager), clock, attempts);
	}

	/** Stores one chunk on a new sink (as the next node to start would), then closes it. */
	int storeOnNewSink(ParcelChunk chunk) throws Exception {
		try (DuckDbParcelSink next = newSink()) {
			return next.storeAll(List.of(chunk));
		}
	}

	/** The directory directly under the staging root that holds {@code p}. */
	Path stagingRoot(Path p) {
		Path staging = files.root().resolve(".staging");
		return staging.resolve(staging.relativize(p).getName(0));
	}

	/** The directories directly under the staging root. */
	List<Path> stagingDirs() throws Exception {
		Path staging = files.root().resolve(".staging");
		if (!Files.isDirectory(staging)) {
			return List.of();
		}
		try (Stream<Path> list = Files.list(staging)) {
			return list.sorted().toList();
		}
	}

	/** A chunk of the batch's attempt 1 with n records of a county of the province. */
	ParcelChunk chunk(String province, int sequence, int n) {
		ParcelValidator validator = ParcelRecordsIntegrationTest.validator(enterprise, pseudonyms, clock.instant());
		String county = province.equals("32") ? "320506" : "110105";
		List<ParcelRecord> records = IntStream.range(0, n)
			.mapToObj(i -> validator.validate(ParcelRecordsIntegrationTest
				.fields(ParcelRecordsIntegrationTest.line("SFS" + sequence + "-" + i, county, at))))
			.toList();
		return new ParcelChunk(ParcelChunk.key(enterprise, batch, 1, province, sequence), enterprise, province, records);
	}

	/** The records a reader counts on the records' day (every province's files of the day, as the readers glob). */
	long readersTotal() throws Exception {
		LocalDate day = at.atZone(ParcelRecord.CHINA).toLocalDate();
		return files.hasDay(day) ? count(files.readDay(day)) : 0;
	}

	long count(String from) throws Exception {
		try (Connection duck = files.duckdb(); Statement st = duck.createStatement();
				ResultSet rs = st.executeQuery("SELECT count(*) FROM " + from)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** The batch's Parquet files under the root, relative to it. */
	List<String> batchFiles() throws Exception {
		String prefix = enterprise + "_" + batch + "_";
		try (Stream<Path> all = Files.walk(files.root())) {
			return all.filter(f -> f.getFileName().toString().startsWith(prefix))
				.map(f -> files.root().relativize(f).toString())
				.toList();
		}
	}

	/** The files the batch's stored chunks list. */
	List<String> listed() {
		return jdbc.queryForList("SELECT DISTINCT unnest(files) FROM safety_parcel_chunk WHERE batch_id = ?", String.class,
				batch);
	}

	/** Files left in the staging directories. */
	List<Path> staged() throws Exception {
		Path staging = files.root().resolve(".staging");
		if (!Files.isDirectory(staging)) {
			return List.of();
		}
		try (Stream<Path> all = Files.walk(staging)) {
			return all.filter(Files::isRegularFile).toList();
		}
	}
}
