package org.youguan.safety.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
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
import org.youguan.safety.ParcelRecord;

import com.zaxxer.hikari.HikariDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
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
	JdbcTemplate jdbcTemplate;

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
		// the lines of two provinces: sf.wz does business in 北京朝阳 too (rule region-scope)
		SenderCountyFixture.branchIn(context, shunfeng.id(), "110105");
	}

	static String line(String waybill, String sender, Instant at) {
		return "{\"waybillNumber\":\"" + waybill + "\",\"acceptedAt\":\"" + at + "\",\"senderIdType\":\"居民身份证\","
				+ "\"senderIdNumber\":\"" + ID + "\",\"senderRegion\":\"" + sender + "\",\"recipientRegion\":\"110105\","
				+ "\"itemCategory\":\"服装\",\"weightGrams\":800,\"realNameMethod\":\"现场查验\",\"inspected\":true,"
				+ "\"screened\":false}";
	}

	@Test
	void theCheckScriptsRecordIsAcceptedAndAnUnknownRegionRejectedOnItsLine() throws Exception {
		Instant hourAgo = clock.instant().minus(Duration.ofHours(1));
		String batch = "check-" + UUID.randomUUID().toString().substring(0, 8);
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
			.andExpect(jsonPath("$.errors[0].rule").value("unknown"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("寄件地区（senderRegion）")));
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
			// the same contract as the upload's answer: rule the code, message the Chinese reason
			.andExpect(jsonPath("$.items[0].rule").value("unknown"))
			.andExpect(jsonPath("$.items[0].message").value(containsString("寄件地区（senderRegion）")))
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
		// two different ids for one upload: refused, not one of them taken silently (attack round 9); the same id twice is one
		long before = parcels();
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", "q-" + batch).header("X-Batch-Id", "h-" + batch)
			.header("Authorization", SHUNFENG).contentType("application/x-ndjson").content(body))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("batchId"))
			.andExpect(jsonPath("$.errors[0].rule").value("header-differs"));
		assertThat(parcels()).isEqualTo(before);
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", batch).header("X-Batch-Id", batch)
			.header("Authorization", SHUNFENG).contentType("application/x-ndjson").content(body))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Batch-Replayed", "true"));
	}

	/** The Parquet file keeps the instant a parcel was accepted at to the microsecond (the column's precision). */
	@Test
	void theAcceptedAtInstantIsStoredToTheMicrosecond() throws Exception {
		Instant at = clock.instant().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS)
			.plusNanos(123_456_789);
		String waybill = "AT" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", "micros-" + UUID.randomUUID().toString().substring(0, 8))
			.header("Authorization", SHUNFENG).contentType("application/x-ndjson").content(line(waybill, "320506", at)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1));
		try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement();
				ResultSet rs = st.executeQuery("SELECT epoch_us(accepted_at) FROM read_parquet('" + sink.root()
						+ "/**/*.parquet') WHERE waybill_number = '" + waybill + "'")) {
			assertThat(rs.next()).isTrue();
			assertThat(rs.getLong(1)).isEqualTo(at.getEpochSecond() * 1_000_000L + 123_456);
			assertThat(rs.next()).isFalse();
		}
	}

	@Test
	void onlyAnEnterpriseUploadsAndAnotherBodyTypeIs415AndABadBatchIdIsA400() throws Exception {
		String body = line("SF0003", "320506", clock.instant());
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", "staff-1")
			.header("Authorization", "Bearer demo-sz-admin-token").contentType("application/x-ndjson").content(body))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", "x-1").header("Authorization", SHUNFENG)
			.contentType("application/json").content(body))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.errors[0].field").value("Content-Type"))
			.andExpect(jsonPath("$.errors[0].rule").value("media-type"))
			.andExpect(content("text/csv"));
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", "x-2").header("Authorization", SHUNFENG)
			.content(body))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.errors[0].field").value("Content-Type"));
		// the type is read without regard to case or parameters
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", "x-3").header("Authorization", SHUNFENG)
			.contentType("Application/X-NDJSON; charset=UTF-8").content(line("SF0003C", "320506", clock.instant())))
			.andExpect(status().isOk());
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

	/**
	 * A CSV row with more cells than the header (an unquoted comma in a value shifted it) is rejected whole on its line,
	 * rule {@code columns}, with a Chinese message — in the answer and in the rejected lines —, never taken in with the
	 * extra cells dropped.
	 */
	@Test
	void aCsvRowWithMoreColumnsThanTheHeaderIsRejectedOnItsLine() throws Exception {
		Instant at = clock.instant().minus(Duration.ofMinutes(30));
		String run = UUID.randomUUID().toString().substring(0, 8);
		String batch = "cols-" + run;
		String csv = "waybillNumber,acceptedAt,senderRegion,recipientRegion,itemCategory,weightGrams,realNameMethod,"
				+ "inspected,screened\n"
				+ "SFK1" + run + "," + at + ",320506,110105,文件,20,协议客户,false,false\n"
				+ "SFK2" + run + "," + at + ",320506,110105,文件,资料,20,协议客户,false,false\n";
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", batch).header("Authorization", SHUNFENG)
			.contentType("text/csv").content(csv))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1))
			.andExpect(jsonPath("$.rejected").value(1))
			.andExpect(jsonPath("$.errors[0].line").value(2))
			.andExpect(jsonPath("$.errors[0].field").value("line"))
			.andExpect(jsonPath("$.errors[0].rule").value("columns"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("该行有10列，多于表头的9列")));
		mvc.perform(get("/api/v1/safety/rejected-lines").param("batchId", batch).header("Authorization", SHUNFENG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].line").value(2))
			.andExpect(jsonPath("$.items[0].rule").value("columns"))
			.andExpect(jsonPath("$.items[0].message").value(containsString("多于表头")))
			.andExpect(jsonPath("$.items[0].content").value(containsString("资料")));
	}

	/**
	 * Issue 17 findings, end to end: a line breaking several rules answers one error per fault under its line number
	 * (not its first fault alone) and is kept once with every reason; an NDJSON line with a misspelt key is rejected
	 * naming it (field the key, rule {@code unknown-field}) beside its other faults, its clear ID number kept nowhere;
	 * the batch sent again answers the same, counting nothing; a CSV with a misspelt column is 400 naming it, nothing
	 * counted, and its batch id stays free for the corrected file.
	 */
	@Test
	void everyFaultOfALineIsAnsweredAndAnUnknownKeyOrColumnIsRefused() throws Exception {
		Instant at = clock.instant().minus(Duration.ofMinutes(30));
		String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		String batch = "faults-" + run;
		String bad = line("SFE2" + run, "999998", at).replace("\"weightGrams\":800", "\"weightGrams\":0")
			.replace("\"inspected\":true", "\"inspected\":\"maybe\"");
		String misspelt = line("SFE3" + run, "320506", at).replace("\"senderIdNumber\"", "\"senderIDNumber\"");
		String body = line("SFE1" + run, "320506", at) + "\n" + bad + "\n" + misspelt + "\n";
		long before = parcels();
		String answer = mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", batch)
			.header("Authorization", SHUNFENG).contentType("application/x-ndjson").content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1))
			.andExpect(jsonPath("$.rejected").value(2))
			.andExpect(jsonPath("$.errorsTruncated").value(false))
			.andExpect(jsonPath("$.errors.length()").value(5))
			.andExpect(jsonPath("$.errors[0].line").value(2))
			.andExpect(jsonPath("$.errors[0].field").value("senderRegion"))
			.andExpect(jsonPath("$.errors[0].rule").value("unknown"))
			.andExpect(jsonPath("$.errors[1].line").value(2))
			.andExpect(jsonPath("$.errors[1].field").value("weightGrams"))
			.andExpect(jsonPath("$.errors[1].rule").value("range"))
			.andExpect(jsonPath("$.errors[2].line").value(2))
			.andExpect(jsonPath("$.errors[2].field").value("inspected"))
			.andExpect(jsonPath("$.errors[2].rule").value("boolean"))
			.andExpect(jsonPath("$.errors[3].line").value(3))
			.andExpect(jsonPath("$.errors[3].field").value("senderIDNumber"))
			.andExpect(jsonPath("$.errors[3].rule").value("unknown-field"))
			.andExpect(jsonPath("$.errors[3].message").value(containsString("senderIdNumber")))
			.andExpect(jsonPath("$.errors[4].line").value(3))
			.andExpect(jsonPath("$.errors[4].field").value("senderIdNumber"))
			.andExpect(jsonPath("$.errors[4].rule").value("required-for-method"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(answer).doesNotContain(ID);
		assertThat(parcels()).isEqualTo(before + 1);
		// each rejected line kept once: the first fault's field and rule, every reason in its message
		assertThat(jdbc.sql("SELECT field || '/' || rule || ':' || message FROM safety_parcel_rejected_line "
				+ "WHERE batch_id = :b ORDER BY line").param("b", batch).query(String.class).list())
			.satisfiesExactly(
					l2 -> assertThat(l2).startsWith("senderRegion/unknown:").contains("重量（weightGrams）", "是否验视（inspected）"),
					l3 -> assertThat(l3).startsWith("senderIDNumber/unknown-field:").contains("senderIdNumber"));
		assertThat(jdbc.sql("SELECT string_agg(coalesce(content, ''), '|') FROM safety_parcel_rejected_line WHERE batch_id = :b")
			.param("b", batch).query(String.class).single()).contains("SFE3" + run).doesNotContain(ID);
		// the same batch again: the same answer, nothing counted twice
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", batch).header("Authorization", SHUNFENG)
			.contentType("application/x-ndjson").content(body))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Batch-Replayed", "true"))
			.andExpect(MockMvcResultMatchers.content().json(answer));
		assertThat(parcels()).isEqualTo(before + 1);

		// a CSV whose header misspells a column: refused whole, naming it and the contract's name
		String header = "waybillNumber,acceptedAt,senderIdType,senderIDNumber,senderRegion,recipientRegion,itemCategory,"
				+ "weightGrams,realNameMethod,inspected,screened\n";
		String row = "SFE4" + run + "," + at + ",居民身份证," + ID + ",320506,110105,服装,800,现场查验,true,false\n";
		String csvBatch = "faults-csv-" + run;
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", csvBatch).header("Authorization", SHUNFENG)
			.contentType("text/csv").content(header + row))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("body"))
			.andExpect(jsonPath("$.errors[0].rule").value("csv-unknown-column"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("senderIDNumber")))
			.andExpect(jsonPath("$.detail").value(containsString("senderIdNumber")))
			.andExpect(MockMvcResultMatchers.content().string(not(containsString(ID))));
		assertThat(parcels()).isEqualTo(before + 1);
		// the corrected file under the same batch id is taken in
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", csvBatch).header("Authorization", SHUNFENG)
			.contentType("text/csv").content(header.replace("senderIDNumber", "senderIdNumber") + row))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1))
			.andExpect(jsonPath("$.rejected").value(0));
		assertThat(parcels()).isEqualTo(before + 2);
	}

	@Test
	void aGzippedCsvIsTakenInWithDataLinesCountedFromOne() throws Exception {
		Instant at = clock.instant().minus(Duration.ofMinutes(30));
		String csv = "waybillNumber,acceptedAt,senderIdType,senderIdNumber,senderRegion,recipientRegion,itemCategory,"
				+ "weightGrams,realNameMethod,inspected,screened,outletFilingNumber\n"
				+ "SFC1," + at + ",居民身份证," + ID + ",320506,110105,食品,300,现场查验,true,false," + outlet + "\n"
				+ "SFC2," + at + ",,,320506,110105,文件,20,协议客户,false,false,\n"
				+ "SFC3," + at + ",,,320506,110105,文件,20,协议客户,false,false,NOT-OURS\n";
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", "csv-" + UUID.randomUUID().toString().substring(0, 8))
			.header("Authorization", SHUNFENG).header("Content-Encoding", "gzip").contentType("text/csv")
			.content(gzip(csv)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(2))
			.andExpect(jsonPath("$.errors[0].line").value(3))
			.andExpect(jsonPath("$.errors[0].field").value("outletFilingNumber"));
	}

	@Test
	void concurrentUploadsOfOneBatchAreTakenInOnce() throws Exception {
		String batch = "concurrent-" + UUID.randomUUID().toString().substring(0, 8);
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
		String batch = "cut-" + UUID.randomUUID().toString().substring(0, 8);
		String body = lines(12_000, 3);
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		Map<String, long[]> hoursBefore = rollups("hour");
		Map<String, long[]> daysBefore = rollups("day");
		// the connection breaks after two thirds of the body (two chunks of 5,000 were claimed by then, their group not
		// yet stored): the upload is given up whole — nothing counted, no chunk, no file, no rejected line kept — and the batch is FAILED
		assertThatThrownBy(() -> ingest.ingest(shunfeng, batch, ParcelIngest.Format.NDJSON,
				new Failing(new ByteArrayInputStream(bytes), bytes.length * 2 / 3)))
			.isInstanceOf(InvalidValueException.class);
		assertThat(jdbc.sql("SELECT status FROM safety_parcel_batch WHERE batch_id = :b").param("b", batch)
			.query(String.class).single()).isEqualTo("FAILED");
		assertThat(jdbc.sql("SELECT count(*) FROM safety_parcel_chunk WHERE chunk_key LIKE :k")
			.param("k", shunfeng.id() + ":" + batch + ":%").query(Long.class).single()).isZero();
		assertThat(delta(hoursBefore, rollups("hour"))).as("nothing of the failed upload counted").isEmpty();
		assertThat(files(batch)).as("no Parquet file of the failed upload").isEmpty();
		ParcelIngest.Outcome again = ingest.ingest(shunfeng, batch, ParcelIngest.Format.NDJSON,
				new ByteArrayInputStream(bytes));
		assertThat(again.answer().accepted()).isEqualTo(12_000);
		assertThat(jdbc.sql("SELECT attempt FROM safety_parcel_batch WHERE batch_id = :b").param("b", batch)
			.query(Integer.class).single()).isEqualTo(2);
		for (String grain : new String[] { "hour", "day" }) {
			Map<String, long[]> delta = delta(grain.equals("hour") ? hoursBefore : daysBefore, rollups(grain));
			Map<String, long[]> recount = recount(batch, grain);
			assertThat(recount.values().stream().mapToLong(c -> c[0]).sum()).isEqualTo(12_000);
			assertThat(delta.keySet()).as(grain).isEqualTo(recount.keySet());
			recount.forEach((k, c) -> assertThat(delta.get(k)).as(grain + " " + k).containsExactly(c));
		}
	}

	@Test
	void aBatchOfMoreChunksThanAFileHoldsIsStoredInGroupsWhoseFilesRecountToItsRollups() throws Exception {
		String batch = "groups-" + UUID.randomUUID().toString().substring(0, 8);
		// 60,000 records: 45,000 of province 32 (9 chunks of 5,000), 15,000 of 11 (3) — 12 chunks, two groups of at
		// most 10 (youguan.safety.chunks-per-file)
		StringBuilder body = new StringBuilder();
		for (int seed = 20; seed < 25; seed++) {
			body.append(lines(12_000, seed));
		}
		Map<String, long[]> hoursBefore = rollups("hour");
		Map<String, long[]> daysBefore = rollups("day");
		ParcelIngest.Outcome outcome = ingest.ingest(shunfeng, batch, ParcelIngest.Format.NDJSON,
				new ByteArrayInputStream(body.toString().getBytes(StandardCharsets.UTF_8)));
		assertThat(outcome.answer().accepted()).isEqualTo(60_000);
		List<String> keys = jdbc.sql("SELECT chunk_key FROM safety_parcel_chunk WHERE batch_id = :b ORDER BY chunk_key")
			.param("b", batch).query(String.class).list();
		assertThat(keys).hasSize(12);
		List<String> listed = jdbc.sql("SELECT DISTINCT unnest(files) FROM safety_parcel_chunk WHERE batch_id = :b")
			.param("b", batch).query(String.class).list();
		List<Path> onDisk = files(batch);
		// a file per group, province and day — not per chunk
		assertThat(onDisk).hasSameSizeAs(listed).hasSizeLessThan(keys.size());
		assertThat(onDisk.stream().map(f -> sink.root().relativize(f).toString()).toList())
			.containsExactlyInAnyOrderElementsOf(listed);
		for (String grain : new String[] { "hour", "day" }) {
			Map<String, long[]> delta = delta(grain.equals("hour") ? hoursBefore : daysBefore, rollups(grain));
			Map<String, long[]> recount = recount(batch, grain);
			assertThat(recount.values().stream().mapToLong(c -> c[0]).sum()).isEqualTo(60_000);
			assertThat(delta.keySet()).as(grain).isEqualTo(recount.keySet());
			recount.forEach((k, c) -> assertThat(delta.get(k)).as(grain + " " + k).containsExactly(c));
		}
		// the chunks handed on again (a repeat): skipped by their keys, nothing written or counted again
		List<ParcelChunk> again = keys.stream()
			.map(k -> new ParcelChunk(k, shunfeng.id(), k.split(":")[3], List.of()))
			.toList();
		assertThat(sink.storeAll(again)).isZero();
		assertThat(files(batch)).hasSameSizeAs(listed);
		assertThat(recount(batch, "hour").values().stream().mapToLong(c -> c[0]).sum()).isEqualTo(60_000);
	}

	@Test
	void aFailedUploadSentAgainCorrectedCountsOnlyTheCorrectedRecordsUnderTheSameOrANewBatchId() throws Exception {
		Instant at = clock.instant().minus(Duration.ofMinutes(30));
		String good = line("SFF1", "320506", at) + "\n" + line("SFF2", "320506", at) + "\n";
		long before = parcels();
		// a CSV broken after its valid rows: 400, nothing counted
		String brokenCsv = "waybillNumber,acceptedAt,senderIdType,senderIdNumber,senderRegion,recipientRegion,itemCategory,"
				+ "weightGrams,realNameMethod,inspected,screened\nSFC1," + at + ",居民身份证," + ID
				+ ",320506,110105,服装,800,现场查验,true,false\nSFC2,\"" + at + ",broken";
		String batch = "fix-" + UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", batch).header("Authorization", SHUNFENG)
			.contentType("text/csv").content(brokenCsv))
			.andExpect(status().isBadRequest());
		assertThat(parcels()).isEqualTo(before);
		// the same id, corrected content: its two records, once
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", batch).header("Authorization", SHUNFENG)
			.contentType("application/x-ndjson").content(good))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(2));
		assertThat(parcels()).isEqualTo(before + 2);
		// a new id after a failure under another: counted once too
		String other = "fix-" + UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", other).header("Authorization", SHUNFENG)
			.contentType("text/csv").content(brokenCsv))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", other + "-b").header("Authorization", SHUNFENG)
			.contentType("application/x-ndjson").content(good.replace("SFF", "SFG")))
			.andExpect(status().isOk());
		assertThat(parcels()).isEqualTo(before + 4);
	}

	@Test
	void aBatchWhoseUploaderDiedIsTakenOverAndItsEarlierAttemptForgotten() throws Exception {
		Instant at = clock.instant().minus(Duration.ofMinutes(30));
		String batch = "dead-" + UUID.randomUUID().toString().substring(0, 8);
		long before = parcels();
		// attempt 1 stored a chunk, then its node died: RUNNING under a lease that ran out, the chunk staged only
		ParcelChunk chunk = new ParcelChunk(ParcelChunk.key(shunfeng.id(), batch, 1, "32", 1), shunfeng.id(), "32",
				List.of(validator().validate(fields(line("SFD1", "320506", at)))));
		jdbc.sql("""
				INSERT INTO safety_parcel_batch (enterprise_id, batch_id, status, format, started_at, attempt, lease_until)
				VALUES (:e, :b, 'RUNNING', 'NDJSON', now(), 1, now() + interval '1 hour')""")
			.param("e", shunfeng.id()).param("b", batch).update();
		assertThat(sink.store(chunk)).isTrue();
		assertThat(parcels()).as("staged, not counted").isEqualTo(before);
		jdbc.sql("UPDATE safety_parcel_batch SET lease_until = now() - interval '1 second' WHERE batch_id = :b")
			.param("b", batch).update();
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", batch).header("Authorization", SHUNFENG)
			.contentType("application/x-ndjson").content(line("SFD2", "320506", at) + "\n" + line("SFD3", "320506", at)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(2));
		assertThat(parcels()).as("attempt 2's two records, not attempt 1's").isEqualTo(before + 2);
		assertThat(recount(batch, "hour").values().stream().mapToLong(c -> c[0]).sum()).isEqualTo(2);
		// a chunk of the dead attempt arriving late (a Kafka redelivery) is not stored
		assertThat(sink.store(new ParcelChunk(ParcelChunk.key(shunfeng.id(), batch, 1, "32", 2), shunfeng.id(), "32",
				chunk.records()))).isFalse();
		assertThat(parcels()).isEqualTo(before + 2);
		assertThat(recount(batch, "hour").values().stream().mapToLong(c -> c[0]).sum()).isEqualTo(2);
	}

	@Test
	void aDoneBatchIsCountedByTheConsumerThatStoresItsLastChunk() {
		// with Kafka the upload is answered (DONE) before the consumers stored every chunk
		Instant at = clock.instant().minus(Duration.ofMinutes(30));
		String batch = "late-" + UUID.randomUUID().toString().substring(0, 8);
		long before = parcels();
		jdbc.sql("""
				INSERT INTO safety_parcel_batch (enterprise_id, batch_id, status, format, started_at, attempt, chunks, answer,
				    finished_at) VALUES (:e, :b, 'DONE', 'NDJSON', now(), 1, 2, '{}', now())""")
			.param("e", shunfeng.id()).param("b", batch).update();
		ParcelRecord r = validator().validate(fields(line("SFL1", "320506", at)));
		assertThat(sink.store(new ParcelChunk(ParcelChunk.key(shunfeng.id(), batch, 1, "32", 1), shunfeng.id(), "32",
				List.of(r)))).isTrue();
		assertThat(parcels()).as("one of two chunks: not counted yet").isEqualTo(before);
		assertThat(sink.store(new ParcelChunk(ParcelChunk.key(shunfeng.id(), batch, 1, "11", 1), shunfeng.id(), "11",
				List.of(r, r)))).isTrue();
		assertThat(parcels()).isEqualTo(before + 3);
		assertThat(jdbc.sql("SELECT counted_at IS NOT NULL FROM safety_parcel_batch WHERE batch_id = :b").param("b", batch)
			.query(Boolean.class).single()).isTrue();
	}

	@Test
	void garbageAndPersonalNumbersInAnyFieldAreRejectedLineByLineAndKeptMasked() throws Exception {
		Instant at = clock.instant().minus(Duration.ofMinutes(30));
		String batch = "mask-" + UUID.randomUUID().toString().substring(0, 8);
		String clear = "320506199001010018";
		String body = line("SFM1", "320506", at) + "\n"
				+ "garbage\u0000 line \u0001\n"
				+ line("SFM2", clear, at) + "\n"
				+ line("SFM3", "320506", at).replace("\"senderIdNumber\":\"" + ID + "\"", "\"senderIdPseudonym\":\"" + clear + "\"") + "\n"
				+ line("SFM4", "320506", at).replace("}", ",\"courierId\":\"" + clear + "\"}") + "\n"
				+ line("SFM5", "320506", at).replace("\"itemCategory\":\"服装\",\"weightGrams\":800",
						"\"itemCategory\":\"信件\",\"weightGrams\":30000") + "\n";
		String answer = mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", batch)
			.header("Authorization", SHUNFENG).contentType("application/x-ndjson").content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1))
			.andExpect(jsonPath("$.rejected").value(5))
			.andExpect(jsonPath("$.errors[0].field").value("line"))
			.andExpect(jsonPath("$.errors[1].field").value("senderRegion"))
			.andExpect(jsonPath("$.errors[2].field").value("senderIdPseudonym"))
			.andExpect(jsonPath("$.errors[3].field").value("courierId"))
			.andExpect(jsonPath("$.errors[4].field").value("itemCategory"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(answer).doesNotContain(clear);
		String kept = mvc.perform(get("/api/v1/safety/rejected-lines").param("batchId", batch)
			.header("Authorization", SHUNFENG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(5))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(kept).doesNotContain(clear).contains("320506********0018").doesNotContain("\\u0000");
	}

	@Test
	void onlyTheFirstTenThousandRejectedLinesAreKeptButAllAreCounted() throws Exception {
		String batch = "flood-" + UUID.randomUUID().toString().substring(0, 8);
		ParcelIngest.Outcome outcome = ingest.ingest(shunfeng, batch, ParcelIngest.Format.NDJSON,
				new ByteArrayInputStream(gzip("{}\n".repeat(12_000))));
		assertThat(outcome.answer().rejected()).isEqualTo(12_000);
		assertThat(jdbc.sql("SELECT count(*) FROM safety_parcel_rejected_line WHERE batch_id = :b").param("b", batch)
			.query(Long.class).single()).isEqualTo(ParcelIngest.MAX_KEPT_REJECTED);
	}

	@Test
	void aSecondRejectionOfTheSameLineFailsLoudlyInsteadOfBeingDropped() throws Exception {
		String batch = "twice-" + UUID.randomUUID().toString().substring(0, 8);
		ParcelIngest.Outcome outcome = ingest.ingest(shunfeng, batch, ParcelIngest.Format.NDJSON,
				new ByteArrayInputStream(gzip("{}\n")));
		assertThat(outcome.answer().rejected()).isEqualTo(1);
		String firstRule = jdbc.sql("SELECT rule FROM safety_parcel_rejected_line WHERE batch_id = :b AND line = 1")
			.param("b", batch).query(String.class).single();

		// the same line of the same attempt rejected again (another reason): refused, not silently dropped
		assertThatThrownBy(() -> ParcelIngest.writeRejected(jdbcTemplate, List.<Object[]>of(new Object[] { shunfeng.id(),
				batch, 1, 1L, "waybillNumber", "duplicate", "运单号重复", null })))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining(batch);
		// and twice within one write
		String other = "twice-" + UUID.randomUUID().toString().substring(0, 8);
		ingest.ingest(shunfeng, other, ParcelIngest.Format.NDJSON, new ByteArrayInputStream(gzip("{}\n")));
		Object[] line2 = { shunfeng.id(), other, 1, 2L, "waybillNumber", "required", "运单号不能为空", null };
		assertThatThrownBy(() -> ParcelIngest.writeRejected(jdbcTemplate, List.of(line2, line2.clone())))
			.isInstanceOf(IllegalStateException.class);

		assertThat(jdbc.sql("SELECT rule FROM safety_parcel_rejected_line WHERE batch_id = :b").param("b", batch)
			.query(String.class).list()).containsExactly(firstRule);
	}

	@Test
	void aCsvCellLongerThanALineOrATwiceNamedColumnIsA400() throws Exception {
		String header = "waybillNumber,acceptedAt,itemCategory\n";
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", "long-" + UUID.randomUUID().toString().substring(0, 8))
			.header("Authorization", SHUNFENG).contentType("text/csv")
			.content(gzip(header + "SF1,\"" + "x".repeat(1_000_000))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("单元格超过64KB")));
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", "dup-" + UUID.randomUUID().toString().substring(0, 8))
			.header("Authorization", SHUNFENG).contentType("text/csv")
			.content("waybillNumber,senderIdNumber,senderIdNumber\nSF1,1,2\n"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("senderIdNumber出现了两次")));
	}

	@Test
	void anUploadStreamingInHoldsNoDatabaseConnection() throws Exception {
		Instant at = clock.instant().minus(Duration.ofMinutes(30));
		CountDownLatch halfway = new CountDownLatch(1);
		CountDownLatch go = new CountDownLatch(1);
		byte[] first = (line("SFH1", "320506", at) + "\n").getBytes(StandardCharsets.UTF_8);
		byte[] second = (line("SFH2", "320506", at) + "\n").getBytes(StandardCharsets.UTF_8);
		InputStream slow = new SequenceInputStream(new ByteArrayInputStream(first), new InputStream() {
			boolean waited;

			int i;

			@Override
			public int read() {
				if (!waited) {
					waited = true;
					halfway.countDown();
					try {
						go.await();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}
				return i < second.length ? second[i++] & 0xff : -1;
			}
		});
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			Future<ParcelIngest.Outcome> upload = pool.submit(() -> ingest.ingest(shunfeng, "slow-" + UUID.randomUUID().toString().substring(0, 8),
					ParcelIngest.Format.NDJSON, slow));
			halfway.await();
			// the upload stays blocked here until released, so a connection it held would keep the pool busy for good;
			// other tests' background work (event listeners, scheduled jobs) on the shared pool ends within moments
			await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> assertThat(
					hikari.getHikariPoolMXBean().getActiveConnections()).as("connections in use mid-upload").isZero());
			go.countDown();
			assertThat(upload.get().answer().accepted()).isEqualTo(2);
		}
		finally {
			go.countDown();
			pool.shutdown();
		}
	}

	@Autowired
	HikariDataSource hikari;

	/** The batch's Parquet files under the records' root. */
	List<Path> files(String batch) throws IOException {
		String prefix = shunfeng.id() + "_" + batch + "_";
		if (!Files.isDirectory(sink.root())) {
			return List.of();
		}
		try (Stream<Path> all = Files.walk(sink.root())) {
			return all.filter(f -> f.getFileName().toString().startsWith(prefix)).toList();
		}
	}

	/** A validator of the demo enterprise as the ingest path builds it. */
	ParcelValidator validator() {
		return validator(shunfeng.id(), pseudonyms, clock.instant());
	}

	/** A validator of an enterprise (counties 320506 and 110105, no outlet or machine) as the ingest path builds it. */
	static ParcelValidator validator(long enterprise, Pseudonyms pseudonyms, Instant now) {
		return new ParcelValidator(enterprise, Set.of("320506", "110105"), Map.of(), Set.of(),
				Map.of(), new ParcelValidator.SenderScope(Set.of("320506", "110105"), Map.of()), pseudonyms, now, Duration.ofDays(30), Duration.ofMinutes(5), 2000);
	}

	@Autowired
	Pseudonyms pseudonyms;

	/** A line's fields as the reader hands them over. */
	static String[] fields(String json) {
		String[][] out = new String[1][];
		ParcelLines.Sink sink = new ParcelLines.Sink() {
			@Override
			public void record(long line, String[] f) {
				out[0] = f.clone();
			}

			@Override
			public void broken(long line, ParcelRejection why, String content) {
				throw new IllegalArgumentException(why.message());
			}
		};
		try {
			ParcelLines.ndjson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), sink);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out[0];
	}

	/** The rows that changed between two reads of the rollups, with what was added to each. */
	private static Map<String, long[]> delta(Map<String, long[]> before, Map<String, long[]> after) {
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
		return delta;
	}

	@Test
	void theClearIdNumberIsInNoParquetFileNoTableAndNoLog() throws Exception {
		Instant at = clock.instant().minus(Duration.ofMinutes(10));
		String batch = "clear-" + UUID.randomUUID().toString().substring(0, 8);
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

	/** One of the enterprise's screening machines in service. */
	String machine() {
		return ScreeningMachineFixture.serial(context, shunfeng.id(), "320506");
	}

	@Autowired
	ApplicationContext context;

	/** NDJSON lines over several hours, counties of two provinces (three of Jiangsu to one of Beijing), outlets and methods. */
	String lines(int n, int seed) {
		StringBuilder b = new StringBuilder();
		Instant base = clock.instant().minus(Duration.ofHours(20));
		// sf.wz's counties: its seat's (吴中, where its outlet is: every fourth line names it) and its Beijing branch's
		String[] counties = { "320506", "320506", "110105", "320506" };
		String machine = machine();
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
			if (i % 3 != 0) {
				// a screened parcel names its machine
				b.append(",\"screeningMachineSerial\":\"").append(machine).append('"');
			}
			if (i % 4 == 0) {
				b.append(",\"outletFilingNumber\":\"").append(outlet).append('"');
			}
			b.append("}\n");
		}
		return b.toString();
	}

	/**
	 * The enterprise's hourly or daily rollups: "hour (epoch seconds) or China day|outlet|county" → parcels, exempt,
	 * real_name, inspected, screened.
	 */
	Map<String, long[]> rollups(String grain) {
		Map<String, long[]> out = new HashMap<>();
		String key = grain.equals("hour") ? "extract(epoch FROM hour)::bigint::text" : "day::text";
		jdbc.sql("SELECT " + key + " AS h, outlet_filing_number, sender_region, parcels, exempt, "
				+ "real_name, inspected, screened FROM safety_parcel_" + grain + " WHERE enterprise_id = :e")
			.param("e", shunfeng.id())
			.query((rs, i) -> out.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3), new long[] {
					rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8) }))
			.list();
		return out;
	}

	/**
	 * The same counts recounted by DuckDB from the batch's Parquet files (hive partitions day/province): per hour, or
	 * per day partition (the China-time day).
	 */
	Map<String, long[]> recount(String batch, String grain) throws Exception {
		Map<String, long[]> out = new HashMap<>();
		String glob = sink.root() + "/*/*/" + shunfeng.id() + "_" + batch + "_*.parquet";
		try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement();
				ResultSet rs = st.executeQuery("""
						SELECT %s AS h, coalesce(outlet_filing_number, '') AS o,
						       sender_region, count(*), count(*) FILTER (WHERE exempt), count(*) FILTER (WHERE real_name),
						       count(*) FILTER (WHERE inspected), count(*) FILTER (WHERE screened)
						FROM read_parquet('%s', hive_partitioning = true)
						GROUP BY ALL""".formatted(grain.equals("hour")
						? "epoch(date_trunc('hour', accepted_at))::BIGINT::VARCHAR" : "CAST(day AS VARCHAR)", glob))) {
			while (rs.next()) {
				out.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3), new long[] { rs.getLong(4),
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
