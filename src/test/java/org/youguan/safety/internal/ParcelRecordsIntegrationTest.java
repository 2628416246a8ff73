package org.youguan.safety.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.PageQuery;
import org.youguan.org.UserDirectory;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.registry.OutletView;
import org.youguan.registry.Outlets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The upload of parcel records end to end: the API contract, idempotent batches (repeated, concurrent, cut off
 * mid-way), the rollups equal to a recount of the Parquet files, and the clear ID number nowhere.
 */
@IntegrationTest
class ParcelRecordsIntegrationTest {

	static final String SHUNFENG = "Bearer demo-sf-wz-token";

	static final String ID = "11010519491231002X";

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	ParcelIngest ingest;

	@Autowired
	DuckDbParcelSink sink;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Outlets outlets;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDirectory users;

	EnterpriseView shunfeng;

	String outlet;

	@BeforeEach
	void setUp() {
		clock.reset();
		shunfeng = enterprises.findByCreditCode(users.principal("sf.wz").orElseThrow().enterpriseCreditCode())
			.orElseThrow();
		outlet = outlets.list(DataScope.enterprise(shunfeng.creditCode()), Outlets.Filter.NONE,
				new PageQuery("", 0, 200, null, false))
			.items()
			.stream()
			.filter(o -> o.enterpriseId() == shunfeng.id())
			.map(OutletView::filingNumber)
			.filter(f -> f != null)
			.findFirst()
			.orElseThrow();
	}

	static String line(String waybill, String sender, Instant at) {
		return "{\"waybillNumber\":\"" + waybill + "\",\"acceptedAt\":\"" + at + "\",\"senderIdType\":\"居民身份证\","
				+ "\"senderIdNumber\":\"" + ID + "\",\"senderRegion\":\"" + sender + "\",\"recipientRegion\":\"110105\","
				+ "\"itemCategory\":\"服装\",\"weightGrams\":800,\"realNameMethod\":\"现场查验\",\"inspected\":true,"
				+ "\"screened\":true}";
	}

	@Test
	void theCheckScriptsRecordIsAcceptedAndAnUnknownRegionRejectedOnItsLine() throws Exception {
		Instant hourAgo = clock.instant().minus(Duration.ofHours(1));
		String batch = "check-" + UUID.randomUUID();
		String body = line("SF0001", "320506", hourAgo) + "\n" + line("SF0002", "999999", hourAgo) + "\n";
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", batch).header("Authorization", SHUNFENG)
			.contentType("application/x-ndjson").content(body))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Batch-Replayed", "false"))
			.andExpect(jsonPath("$.batchId").value(batch))
			.andExpect(jsonPath("$.accepted").value(1))
			.andExpect(jsonPath("$.rejected").value(1))
			.andExpect(jsonPath("$.errors[0].line").value(2))
			.andExpect(jsonPath("$.errors[0].field").value("senderRegion"))
			.andExpect(jsonPath("$.errors[0].rule").value(containsString("寄件地区（senderRegion）")));
		// the same batch again: the first answer, nothing counted twice
		long parcels = parcels();
		mvc.perform(post("/api/v1/safety/parcel-records").header("X-Batch-Id", batch).header("Authorization", SHUNFENG)
			.contentType("application/x-ndjson").content(body))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Batch-Replayed", "true"))
			.andExpect(jsonPath("$.accepted").value(1))
			.andExpect(jsonPath("$.errors[0].line").value(2));
		assertThat(parcels()).isEqualTo(parcels);
		// the batch taken in is audited once, with its counts; the replay is not a second change
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'safety.parcels.upload' AND summary LIKE :b")
			.param("b", "%" + batch + "%接收1条，拒收1条%").query(Long.class).single()).isEqualTo(1);
		// its batches and rejected lines, the clear number removed
		mvc.perform(get("/api/v1/safety/parcel-batches").param("q", batch).header("Authorization", SHUNFENG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].batchId").value(batch))
			.andExpect(jsonPath("$.items[0].rejected").value(1));
		mvc.perform(get("/api/v1/safety/rejected-lines").param("batchId", batch).header("Authorization", SHUNFENG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].line").value(2))
			.andExpect(jsonPath("$.items[0].content").value(containsString("999999")))
			.andExpect(jsonPath("$.items[0].content").value(not(containsString(ID))));
		// a batch id the enterprise never used lists nothing; a malformed id in the header is named as the header
		mvc.perform(get("/api/v1/safety/rejected-lines").param("batchId", "never-" + batch).header("Authorization", SHUNFENG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(0));
		mvc.perform(post("/api/v1/safety/parcel-records").header("X-Batch-Id", "k".repeat(150))
			.header("Authorization", SHUNFENG).contentType("application/x-ndjson").content(body))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("X-Batch-Id"));
	}

	@Test
	void onlyAnEnterpriseUploadsAndAnotherBodyTypeOrABadBatchIdIsA4xx() throws Exception {
		String body = line("SF0003", "320506", clock.instant());
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", "staff-1")
			.header("Authorization", "Bearer demo-sz-admin-token").contentType("application/x-ndjson").content(body))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", "x-1").header("Authorization", SHUNFENG)
			.contentType("application/json").content(body))
			.andExpect(status().isBadRequest())
			.andExpect(content("Content-Type"));
		mvc.perform(post("/api/v1/safety/parcel-records").header("Authorization", SHUNFENG)
			.contentType("application/x-ndjson").content(body))
			.andExpect(status().isBadRequest())
			.andExpect(content("batchId"));
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", "a b").header("Authorization", SHUNFENG)
			.contentType("application/x-ndjson").content(body))
			.andExpect(status().isBadRequest());
	}

	static ResultMatcher content(String text) {
		return MockMvcResultMatchers.content().string(containsString(text));
	}

	@Test
	void aGzippedCsvIsTakenInWithDataLinesCountedFromOne() throws Exception {
		Instant at = clock.instant().minus(Duration.ofMinutes(30));
		String csv = "waybillNumber,acceptedAt,senderIdType,senderIdNumber,senderRegion,recipientRegion,itemCategory,"
				+ "weightGrams,realNameMethod,inspected,screened,outletFilingNumber\n"
				+ "SFC1," + at + ",居民身份证," + ID + ",320506,110105,食品,300,现场查验,true,false," + outlet + "\n"
				+ "SFC2," + at + ",,,320506,110105,文件,20,协议客户,false,false,\n"
				+ "SFC3," + at + ",,,320506,110105,文件,20,协议客户,false,false,NOT-OURS\n";
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", "csv-" + UUID.randomUUID())
			.header("Authorization", SHUNFENG).header("Content-Encoding", "gzip").contentType("text/csv")
			.content(gzip(csv)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(2))
			.andExpect(jsonPath("$.errors[0].line").value(3))
			.andExpect(jsonPath("$.errors[0].field").value("outletFilingNumber"));
	}

	@Test
	void concurrentUploadsOfOneBatchAreTakenInOnce() throws Exception {
		String batch = "concurrent-" + UUID.randomUUID();
		String body = lines(3000, 0);
		long before = parcels();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<ParcelIngest.Outcome>> results = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				results.add(pool.submit(() -> ingest.ingest(shunfeng, batch, ParcelIngest.Format.NDJSON,
						new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))));
			}
			ParcelIngest.Outcome a = results.get(0).get();
			ParcelIngest.Outcome b = results.get(1).get();
			assertThat(a.answer()).isEqualTo(b.answer());
			assertThat(a.replayed() ^ b.replayed()).as("one took it in, the other got its answer").isTrue();
			assertThat(a.answer().accepted()).isEqualTo(3000);
		}
		finally {
			pool.shutdown();
		}
		assertThat(parcels() - before).isEqualTo(3000);
	}

	@Test
	void aBatchCutOffMidwayCanBeSentAgainAndCountsEveryRecordOnceEqualToTheParquetRecount() throws Exception {
		String batch = "cut-" + UUID.randomUUID();
		String body = lines(12_000, 3);
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		Map<String, long[]> before = rollups();
		// the node "dies" after two thirds of the body: the chunks stored so far stay, the batch row does not
		assertThatThrownBy(() -> ingest.ingest(shunfeng, batch, ParcelIngest.Format.NDJSON,
				new Failing(new ByteArrayInputStream(bytes), bytes.length * 2 / 3)))
			.isInstanceOf(InvalidValueException.class);
		assertThat(jdbc.sql("SELECT count(*) FROM safety_parcel_batch WHERE batch_id = :b").param("b", batch)
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM safety_parcel_chunk WHERE chunk_key LIKE :k")
			.param("k", shunfeng.id() + ":" + batch + ":%").query(Long.class).single()).as("chunks stored before the cut")
			.isPositive();
		ParcelIngest.Outcome again = ingest.ingest(shunfeng, batch, ParcelIngest.Format.NDJSON,
				new ByteArrayInputStream(bytes));
		assertThat(again.answer().accepted()).isEqualTo(12_000);
		Map<String, long[]> after = rollups();
		Map<String, long[]> delta = new HashMap<>();
		after.forEach((k, v) -> {
			long[] b = before.getOrDefault(k, new long[5]);
			long[] d = new long[5];
			boolean any = false;
			for (int i = 0; i < 5; i++) {
				d[i] = v[i] - b[i];
				any |= d[i] != 0;
			}
			if (any) {
				delta.put(k, d);
			}
		});
		Map<String, long[]> recount = recount(batch);
		assertThat(recount.values().stream().mapToLong(c -> c[0]).sum()).isEqualTo(12_000);
		assertThat(delta.keySet()).isEqualTo(recount.keySet());
		recount.forEach((k, c) -> assertThat(delta.get(k)).as(k).containsExactly(c));
	}

	@Test
	void theClearIdNumberIsInNoParquetFileNoTableAndNoLog() throws Exception {
		Instant at = clock.instant().minus(Duration.ofMinutes(10));
		String batch = "clear-" + UUID.randomUUID();
		String body = line("SFX1", "320506", at) + "\n" + line("SFX2", "999999", at) + "\n{\"senderIdNumber\":\"" + ID
				+ "\", broken\n";
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", batch).header("Authorization", SHUNFENG)
			.contentType("application/x-ndjson").content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1))
			.andExpect(jsonPath("$.rejected").value(2))
			.andExpect(jsonPath("$.errors[1].field").value("line"));
		// every Parquet file, read back as text by DuckDB, and its raw bytes
		try (Stream<Path> files = Files.walk(sink.root())) {
			List<Path> parquet = files.filter(p -> p.toString().endsWith(".parquet")).toList();
			assertThat(parquet).isNotEmpty();
			for (Path p : parquet) {
				assertThat(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1)).doesNotContain(ID);
			}
		}
		try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement();
				ResultSet rs = st.executeQuery("SELECT count(*) FROM read_parquet('" + sink.root() + "/**/*.parquet', "
						+ "hive_partitioning = true) t WHERE t::VARCHAR LIKE '%" + ID + "%' OR t::VARCHAR LIKE '%"
						+ ID.toLowerCase() + "%'")) {
			rs.next();
			assertThat(rs.getLong(1)).isZero();
		}
		// every text of every table
		List<String> tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
				+ "AND table_type = 'BASE TABLE'").query(String.class).list();
		for (String table : tables) {
			long hits = jdbc.sql("SELECT count(*) FROM \"" + table + "\" t WHERE t::text LIKE :id").param("id", "%" + ID + "%")
				.query(Long.class).single();
			assertThat(hits).as(table).isZero();
		}
		Path log = Path.of("target/test-data/logs/youguan.log");
		if (Files.exists(log)) {
			assertThat(Files.readString(log)).doesNotContain(ID);
		}
	}

	long parcels() {
		return jdbc.sql("SELECT coalesce(sum(parcels), 0) FROM safety_parcel_hour WHERE enterprise_id = :e")
			.param("e", shunfeng.id()).query(Long.class).single();
	}

	/** NDJSON lines over several hours, counties of two provinces, outlets and methods. */
	String lines(int n, int seed) {
		StringBuilder b = new StringBuilder();
		Instant base = clock.instant().minus(Duration.ofHours(20));
		String[] counties = { "320506", "320505", "110105", "320583" };
		String[] methods = { "现场查验", "现场查验", "线上核验", "协议客户", "未实名" };
		for (int i = 0; i < n; i++) {
			String method = methods[(i + seed) % methods.length];
			boolean id = method.equals("现场查验") || method.equals("线上核验");
			b.append("{\"waybillNumber\":\"SFB").append(seed).append('-').append(i)
				.append("\",\"acceptedAt\":\"").append(base.plusSeconds(i * 5L))
				.append("\",\"senderIdType\":").append(id ? "\"居民身份证\"" : "null")
				.append(",\"senderIdPseudonym\":").append(id ? "\"" + "%064x".formatted(i) + "\"" : "null")
				.append(",\"senderRegion\":\"").append(counties[i % counties.length])
				.append("\",\"recipientRegion\":\"110105\",\"itemCategory\":\"").append(i % 11 == 0 ? "信件" : "日用品")
				.append("\",\"weightGrams\":").append(100 + i % 900)
				.append(",\"realNameMethod\":\"").append(method)
				.append("\",\"inspected\":").append(i % 7 != 0)
				.append(",\"screened\":").append(i % 3 != 0);
			if (i % 4 == 0) {
				b.append(",\"outletFilingNumber\":\"").append(outlet).append('"');
			}
			b.append("}\n");
		}
		return b.toString();
	}

	/** The enterprise's rollups: "hour|outlet|county" → parcels, exempt, real_name, inspected, screened. */
	Map<String, long[]> rollups() {
		Map<String, long[]> out = new HashMap<>();
		jdbc.sql("SELECT extract(epoch FROM hour)::bigint AS h, outlet_filing_number, sender_region, parcels, exempt, "
				+ "real_name, inspected, screened FROM safety_parcel_hour WHERE enterprise_id = :e")
			.param("e", shunfeng.id())
			.query((rs, i) -> out.put(rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getString(3), new long[] {
					rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8) }))
			.list();
		return out;
	}

	/** The same counts recounted by DuckDB from the batch's Parquet files (hive partitions day/province). */
	Map<String, long[]> recount(String batch) throws Exception {
		Map<String, long[]> out = new HashMap<>();
		String glob = sink.root() + "/*/*/" + shunfeng.id() + "_" + batch + "_*.parquet";
		try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement();
				ResultSet rs = st.executeQuery("""
						SELECT epoch(date_trunc('hour', accepted_at))::BIGINT AS h, coalesce(outlet_filing_number, '') AS o,
						       sender_region, count(*), count(*) FILTER (WHERE exempt), count(*) FILTER (WHERE real_name),
						       count(*) FILTER (WHERE inspected), count(*) FILTER (WHERE screened)
						FROM read_parquet('%s', hive_partitioning = true)
						GROUP BY ALL""".formatted(glob))) {
			while (rs.next()) {
				out.put(rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getString(3), new long[] { rs.getLong(4),
						rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8) });
			}
		}
		return out;
	}

	static byte[] gzip(String text) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
			gz.write(text.getBytes(StandardCharsets.UTF_8));
		}
		return bytes.toByteArray();
	}

	/** A body whose connection breaks after some bytes. */
	static final class Failing extends FilterInputStream {

		private long left;

		Failing(InputStream in, long bytes) {
			super(in);
			this.left = bytes;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			if (left <= 0) {
				throw new IOException("connection reset");
			}
			int n = super.read(b, off, (int) Math.min(len, left));
			left -= Math.max(n, 0);
			return n;
		}
	}
}
