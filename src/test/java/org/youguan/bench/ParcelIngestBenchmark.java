package org.youguan.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.kernel.IdCardNumber;
import org.youguan.org.UserDirectory;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.safety.internal.ParcelBatchAnswer;
import org.youguan.safety.internal.ParcelIngest;
import org.youguan.safety.internal.ScreeningMachineFixture;
import org.youguan.safety.internal.SenderCountyFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 17's ingest targets: ≥ 200,000 records/s with full validation from gzip NDJSON through the ingest path minus
 * HTTP ({@link ParcelIngest}: gunzip, Jackson streaming parse, every rule, HMAC pseudonym, chunking, DuckDB Parquet
 * and the PostgreSQL rollups), the same through HTTP (MockMvc: the servlet stack and security, no socket), and in the
 * same run PostgreSQL {@code COPY} of the same records (CSV, no checks) into a table with two indexes — the ratio
 * ingest/COPY should be ≥ 4. The heap's peak after the warm-up is printed (run with {@code -Xmx1g} to prove the bound).
 * Run: {@code /work/bin/mvn-locked -Pbench test -Dtest=ParcelIngestBenchmark -Dbench.jvm.args=-Xmx1g}.
 */
@IntegrationTest
class ParcelIngestBenchmark {

	static final int RECORDS = Integer.getInteger("bench.parcels", 1_000_000);

	static final String[] COUNTIES = { "320506", "320505", "320583", "320507", "320508", "110105", "310115", "440305",
			"330106", "510107" };

	static final String[] METHODS = { "现场查验", "现场查验", "现场查验", "线上核验", "协议客户", "未实名" };

	@Autowired
	ParcelIngest ingest;

	@Autowired
	Enterprises enterprises;

	@Autowired
	UserDirectory users;

	@Autowired
	DataSource dataSource;

	@Autowired
	MockMvc mvc;

	@Autowired
	Clock clock;

	@Autowired
	ApplicationContext context;

	@Test
	void ingestAgainstCopy() throws Exception {
		EnterpriseView sf = enterprises.findByCreditCode(users.principal("sf.wz").orElseThrow().enterpriseCreditCode())
			.orElseThrow();
		Instant now = clock.instant();
		// a screened parcel names its machine (else it is refused): one of sf.wz's machines in service
		String machine = ScreeningMachineFixture.serial(context, sf.id(), "320506");
		// records are sent from counties where sf.wz does business (rule region-scope): a branch in each of them, so the
		// records keep their spread over provinces
		for (String county : COUNTIES) {
			SenderCountyFixture.branchIn(context, sf.id(), county);
		}
		// warm-up
		ingest.ingest(sf, "warm-" + UUID.randomUUID().toString().substring(0, 8), ParcelIngest.Format.NDJSON,
				new ByteArrayInputStream(ndjsonGzip(100_000, 1, now, machine)));
		byte[] body = ndjsonGzip(RECORDS, 2, now, machine);
		System.gc();
		resetPeaks();
		long t0 = System.nanoTime();
		ParcelBatchAnswer answer = ingest.ingest(sf, "bench-" + UUID.randomUUID().toString().substring(0, 8), ParcelIngest.Format.NDJSON,
				new ByteArrayInputStream(body)).answer();
		double ingestSeconds = (System.nanoTime() - t0) / 1e9;
		long peakHeap = peakHeap();
		assertThat(answer.accepted()).isEqualTo(RECORDS);

		byte[] httpBody = ndjsonGzip(RECORDS / 2, 3, now, machine);
		t0 = System.nanoTime();
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", "bench-http-" + UUID.randomUUID().toString().substring(0, 8))
			.header("Authorization", "Bearer demo-sf-wz-token").header("Content-Encoding", "gzip")
			.contentType("application/x-ndjson").content(httpBody))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(RECORDS / 2));
		double httpSeconds = (System.nanoTime() - t0) / 1e9;

		byte[] csv = csv(RECORDS, 2, now);
		double copySeconds;
		try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
			st.execute("DROP TABLE IF EXISTS bench_parcel_copy");
			st.execute("""
					CREATE TABLE bench_parcel_copy (enterprise_id bigint, waybill_number text, accepted_at timestamptz,
					    sender_id_type text, sender_id_number text, sender_region text, recipient_region text,
					    item_category text, weight_grams integer, real_name_method text, inspected boolean, screened boolean)""");
			st.execute("CREATE INDEX ON bench_parcel_copy (waybill_number)");
			st.execute("CREATE INDEX ON bench_parcel_copy (sender_region, accepted_at)");
			t0 = System.nanoTime();
			long copied = c.unwrap(PGConnection.class).getCopyAPI().copyIn(
					"COPY bench_parcel_copy FROM STDIN (FORMAT csv)", new ByteArrayInputStream(csv));
			copySeconds = (System.nanoTime() - t0) / 1e9;
			assertThat(copied).isEqualTo(RECORDS);
			st.execute("DROP TABLE bench_parcel_copy");
		}
		double ingestRate = RECORDS / ingestSeconds;
		double httpRate = RECORDS / 2 / httpSeconds;
		double copyRate = RECORDS / copySeconds;
		System.out.printf("""
				PARCEL INGEST BENCHMARK (%,d records, gzip NDJSON %,d bytes, max heap %,d MB)
				  ingest path minus HTTP : %,.0f records/s (%.2f s)   target >= 200,000/s
				  through HTTP (MockMvc) : %,.0f records/s (%,d records, %.2f s)
				  PostgreSQL COPY (2 idx): %,.0f records/s (%.2f s)
				  ratio ingest / COPY    : %.2f   target >= 4
				  peak heap used         : %,d MB
				%n""", RECORDS, body.length, Runtime.getRuntime().maxMemory() >> 20, ingestRate, ingestSeconds, httpRate,
				RECORDS / 2, httpSeconds, copyRate, copySeconds, ingestRate / copyRate, peakHeap >> 20);
	}

	static void resetPeaks() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			pool.resetPeakUsage();
		}
	}

	static long peakHeap() {
		long sum = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				sum += pool.getPeakUsage().getUsed();
			}
		}
		return sum;
	}

	/** Valid 居民身份证 numbers of Suzhou senders (a pool, as real senders repeat). */
	static String[] ids(Random random) {
		String[] ids = new String[20_000];
		for (int i = 0; i < ids.length; i++) {
			String first = "320506" + (1950 + random.nextInt(55)) + "%02d%02d%03d".formatted(1 + random.nextInt(12),
					1 + random.nextInt(28), random.nextInt(1000));
			ids[i] = first + IdCardNumber.checkCharacter(first);
		}
		return ids;
	}

	static byte[] ndjsonGzip(int n, int seed, Instant now, String machine) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (OutputStream gz = new GZIPOutputStream(bytes, 1 << 16)) {
			Random random = new Random(seed);
			String[] ids = ids(random);
			StringBuilder b = new StringBuilder(400);
			Item item;
			for (int i = 0; i < n; i++) {
				b.setLength(0);
				String method = METHODS[random.nextInt(METHODS.length)];
				boolean id = method.equals("现场查验") || method.equals("线上核验");
				b.append("{\"waybillNumber\":\"SF").append(seed).append(1_000_000_000L + i)
					.append("\",\"acceptedAt\":\"").append(at(now, i, n))
					.append('"');
				if (id) {
					b.append(",\"senderIdType\":\"居民身份证\",\"senderIdNumber\":\"").append(ids[random.nextInt(ids.length)])
						.append('"');
				}
				b.append(",\"senderRegion\":\"").append(COUNTIES[random.nextInt(COUNTIES.length)])
					.append("\",\"recipientRegion\":\"").append(COUNTIES[random.nextInt(COUNTIES.length)])
					.append("\",\"itemCategory\":\"").append((item = Item.draw(random)).category())
					.append("\",\"weightGrams\":").append(item.grams())
					.append(",\"realNameMethod\":\"").append(method)
					.append("\",\"inspected\":").append(random.nextInt(100) != 0)
					.append(",\"screened\":").append(random.nextInt(10) != 0 ? "true,\"screeningMachineSerial\":\"" + machine + '"' : "false")
					.append(",\"courierId\":\"C-").append(random.nextInt(500)).append("\"}\n");
				gz.write(b.toString().getBytes(StandardCharsets.UTF_8));
			}
		}
		return bytes.toByteArray();
	}

	/** What a parcel holds: one in twenty a letter up to 500 g (under the catalogue's letter limit), else 50 g to 20 kg. */
	record Item(String category, int grams) {

		static Item draw(Random random) {
			return random.nextInt(20) == 0 ? new Item("信件", 5 + random.nextInt(500))
					: new Item("日用品", 50 + random.nextInt(20_000));
		}
	}

	/** An enterprise's export in time order: the records of the last 24 hours, oldest first. */
	static Instant at(Instant now, int i, int n) {
		return now.minusSeconds(60 + 86_400L * (n - i) / n);
	}

	/** The same records as CSV for COPY (same seed, same values). */
	static byte[] csv(int n, int seed, Instant now) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(n * 120);
		Random random = new Random(seed);
		String[] ids = ids(random);
		StringBuilder b = new StringBuilder(400);
		Item item;
		for (int i = 0; i < n; i++) {
			b.setLength(0);
			String method = METHODS[random.nextInt(METHODS.length)];
			boolean id = method.equals("现场查验") || method.equals("线上核验");
			b.append("7,SF").append(seed).append(1_000_000_000L + i).append(',')
				.append(at(now, i, n)).append(',');
			if (id) {
				b.append("居民身份证,").append(ids[random.nextInt(ids.length)]).append(',');
			}
			else {
				b.append(",,");
			}
			b.append(COUNTIES[random.nextInt(COUNTIES.length)]).append(',')
				.append(COUNTIES[random.nextInt(COUNTIES.length)]).append(',')
				.append((item = Item.draw(random)).category()).append(',')
				.append(item.grams()).append(',').append(method).append(',')
				.append(random.nextInt(100) != 0).append(',').append(random.nextInt(10) != 0).append('\n');
			random.nextInt(500);
			byte[] line = b.toString().getBytes(StandardCharsets.UTF_8);
			bytes.write(line, 0, line.length);
		}
		return bytes.toByteArray();
	}
}
