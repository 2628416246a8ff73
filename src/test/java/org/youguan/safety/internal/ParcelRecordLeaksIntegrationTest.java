package org.youguan.safety.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.org.UserDirectory;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.registry.Facilities;
import org.youguan.registry.OutletStatus;
import org.youguan.registry.OutletView;
import org.youguan.registry.Outlets;
import org.youguan.safety.ParcelRecord;
import org.youguan.safety.internal.ledgers.ScreeningCoverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The third attack on parcel ingestion, end to end on PostgreSQL: an ID number written in blocks or JSON-escaped is
 * nowhere in clear (answer, rejected-lines API, both pages, both exports, the Parquet files) and a valid one is no
 * waybill number; an empty body is refused and leaves its batch id free; a machine counts only screened parcels;
 * records without a newline between them count as consecutive lines; the machine the coverage page counts for an outlet is one its records may name;
 * the batch pages show a failed batch as failed.
 */
@IntegrationTest
class ParcelRecordLeaksIntegrationTest {

	static final String SHUNFENG = ParcelRecordsIntegrationTest.SHUNFENG;

	/** A valid resident ID number (check digit right), and the same written in blocks. */
	static final String ID = ParcelRecordsIntegrationTest.ID;

	static final String SPACED = "110105 19491231 002X";

	static final String HYPHENED = "110105-19491231-002X";

	/** The part of the number no kept copy may show. */
	static final String MIDDLE = "19491231";

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	DuckDbParcelSink sink;

	@Autowired
	ParcelReferences references;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Outlets outlets;

	@Autowired
	Facilities facilities;

	@Autowired
	ScreeningCoverage coverage;

	@Autowired
	UserDirectory users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	EnterpriseView shunfeng;

	String run;

	@BeforeEach
	void setUp() {
		clock.reset();
		references.forget();
		shunfeng = enterprises.findByCreditCode(users.principal("sf.wz").orElseThrow().enterpriseCreditCode())
			.orElseThrow();
		// letters only: the tests assert that no digit sequence of a personal number is shown, and a random hex run
		// could carry one ("1949") by chance
		run = UUID.randomUUID().toString().replace("-", "").substring(0, 10).chars()
			.mapToObj(c -> String.valueOf((char) (Character.isDigit(c) ? 'g' + (c - '0') : c)))
			.collect(Collectors.joining());
	}

	@AfterEach
	void forget() {
		references.forget();
	}

	String line(String waybill) {
		return ParcelRecordsIntegrationTest.line(waybill, "320506", clock.instant().minus(Duration.ofMinutes(20)));
	}

	String upload(String batch, String body) throws Exception {
		return mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", batch).header("Authorization", SHUNFENG)
			.contentType("application/x-ndjson").content(body))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void anIdNumberWrittenInBlocksOrEscapedIsKeptNowhereInClear() throws Exception {
		String batch = "leak-" + run;
		StringBuilder escaped = new StringBuilder();
		for (char c : ID.toCharArray()) {
			escaped.append("\\u%04x".formatted((int) c));
		}
		String body = line("SFL" + run + "1").replace("\"senderIdNumber\":\"" + ID + "\"", "\"senderIdPseudonym\":\"" + SPACED + "\"") + "\n"
				+ line("SFL" + run + "2").replace("}", ",\"courierId\":\"" + SPACED + "\"}") + "\n"
				+ line("SFL" + run + "3").replace("\"itemCategory\":\"服装\"", "\"itemCategory\":\"" + HYPHENED + "\"") + "\n"
				+ line(ID) + "\n"
				+ line(HYPHENED) + "\n"
				+ "{\"waybillNumber\":\"SFL" + run + "6\",\"courierId\":\"" + escaped + "\", broken\n"
				+ line("SFL" + run + "7") + "\n";
		String answer = mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", batch)
			.header("Authorization", SHUNFENG).contentType("application/x-ndjson").content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1))
			.andExpect(jsonPath("$.rejected").value(6))
			.andExpect(jsonPath("$.errors[0].field").value("senderIdPseudonym"))
			.andExpect(jsonPath("$.errors[1].code").value("personal-number"))
			.andExpect(jsonPath("$.errors[1].field").value("courierId"))
			.andExpect(jsonPath("$.errors[2].field").value("itemCategory"))
			.andExpect(jsonPath("$.errors[2].code").value("personal-number"))
			.andExpect(jsonPath("$.errors[3].field").value("waybillNumber"))
			.andExpect(jsonPath("$.errors[3].code").value("personal-number"))
			.andExpect(jsonPath("$.errors[4].code").value("personal-number"))
			.andExpect(jsonPath("$.errors[5].field").value("line"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		List<String> kept = new ArrayList<>();
		kept.add(answer);
		kept.add(mvc.perform(get("/api/v1/safety/rejected-lines").param("batchId", batch).header("Authorization", SHUNFENG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(6))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		kept.add(mvc.perform(get("/enterprise/safety/batches/lines").param("batchId", batch).session(sf))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		kept.add(cells(mvc.perform(get("/enterprise/safety/batches/lines.xlsx").param("batchId", batch).session(sf))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()));
		MockHttpSession city = SignIn.session(mvc, "sz.leader");
		String enterprise = Long.toString(shunfeng.id());
		kept.add(mvc.perform(get("/safety/parcel-batches/lines").param("enterprise", enterprise).param("batchId", batch)
			.session(city)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		kept.add(cells(mvc.perform(get("/safety/parcel-batches/lines.xlsx").param("enterprise", enterprise)
			.param("batchId", batch).session(city)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()));
		for (String text : kept) {
			assertThat(text).doesNotContain(MIDDLE).doesNotContain(ID).doesNotContain("\\u0031\\u0039");
		}
		assertThat(kept.get(1)).contains("110105 ******** 002X").contains("110105-********-002X");
		// the stored rows themselves, and the batch's Parquet file
		assertThat(jdbc.sql("SELECT count(*) FROM safety_parcel_rejected_line WHERE batch_id = :b AND content LIKE :m")
			.param("b", batch).param("m", "%" + MIDDLE + "%").query(Long.class).single()).isZero();
		List<Path> files = files(batch);
		assertThat(files).hasSize(1);
		for (Path p : files) {
			assertThat(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1)).doesNotContain(MIDDLE);
		}
		try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement();
				ResultSet rs = st.executeQuery("SELECT count(*), count(*) FILTER (WHERE t::VARCHAR LIKE '%" + MIDDLE
						+ "%') FROM read_parquet('" + files.get(0) + "') t")) {
			rs.next();
			assertThat(rs.getLong(1)).isEqualTo(1);
			assertThat(rs.getLong(2)).isZero();
		}
	}

	/**
	 * A number that a cut runs through: a field kept to 200 characters and a reason that echoes 30 characters of the
	 * value are masked before they are cut, so neither the kept line nor the reason shows the number's middle digits
	 * (was: 1391234 kept, 13912345 echoed).
	 */
	@Test
	void aNumberCutByTheKeptFieldOrTheEchoedReasonShowsNoMoreThanItsMask() throws Exception {
		String batch = "cut-" + run;
		String body = line("SFC" + run + "1").replace("}", ",\"courierId\":\"" + "C".repeat(193) + "13912345678\"}") + "\n"
				+ line("SFC" + run + "2").replace("\"senderRegion\":\"320506\"",
						"\"senderRegion\":\"" + "x".repeat(22) + "13912345678\"") + "\n"
				+ line("SFC" + run + "3").replace("\"senderRegion\":\"320506\"",
						"\"senderRegion\":\"" + "y".repeat(13) + "110105 19491231 002X\"") + "\n";
		String answer = mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", batch)
			.header("Authorization", SHUNFENG).contentType("application/x-ndjson").content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rejected").value(3))
			.andExpect(jsonPath("$.errors[1].field").value("senderRegion"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		String lines = mvc.perform(get("/api/v1/safety/rejected-lines").param("batchId", batch).header("Authorization", SHUNFENG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(3))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		// a batch id is listed and audited as sent: a mobile number is refused as one
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", "139-8765-4321").header("Authorization", SHUNFENG)
			.contentType("application/x-ndjson").content(body))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("batchId"))
			.andExpect(jsonPath("$.errors[0].rule").value("personal-number"));
		// the kept line and the echoed reason, both masked
		assertThat(lines).contains("C".repeat(193) + "139****").contains("：" + "x".repeat(22) + "139****");
		for (String text : List.of(answer, lines)) {
			// the lines' acceptedAt is the clock's, whose nanoseconds may hold any four digits (CI: 15:15:16.319497211)
			String withoutTimes = text.replaceAll("\\\\?\"acceptedAt\\\\?\":\\\\?\"[^\"\\\\]*", "");
			assertThat(withoutTimes).doesNotContain("1391234").doesNotContain("1949").doesNotContain("194912");
		}
	}

	/**
	 * An empty body (nothing, blank lines, a CSV header alone) is refused (400 body/empty) and leaves the batch failed,
	 * not done: the real body sent next under the same batch id is taken in, not answered "0 of 0". The batch pages
	 * show the failed attempt's status.
	 */
	@Test
	void anEmptyBodyIsRefusedAndTheBatchIdStaysFreeForTheRealBody() throws Exception {
		String batch = "empty-" + run;
		for (String empty : new String[] { "", "\n\n  \n\r\n" }) {
			mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", batch).header("Authorization", SHUNFENG)
				.contentType("application/x-ndjson").content(empty))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("body"))
				.andExpect(jsonPath("$.errors[0].rule").value("empty"));
		}
		// a CSV header alone, and a CSV body with nothing at all or blank lines only: the same rule as NDJSON's
		for (String csv : new String[] { "waybillNumber,acceptedAt\n", "", "\r\n\r\n" }) {
			mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", "csv-" + batch).header("Authorization", SHUNFENG)
				.contentType("text/csv").content(csv))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("body"))
				.andExpect(jsonPath("$.errors[0].rule").value("empty"));
		}
		// a CSV saved as UTF-16 (Excel's "Unicode text") is named an encoding fault, not a header without known names
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", "utf16-" + batch).header("Authorization", SHUNFENG)
			.contentType("text/csv").content("waybillNumber,acceptedAt\nSF1,2026-01-01T00:00:00Z\n".getBytes(StandardCharsets.UTF_16LE)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("body"))
			.andExpect(jsonPath("$.errors[0].rule").value("encoding"));
		assertThat(jdbc.sql("SELECT status FROM safety_parcel_batch WHERE enterprise_id = :e AND batch_id = :b")
			.param("e", shunfeng.id()).param("b", batch).query(String.class).single()).isEqualTo("FAILED");
		mvc.perform(get("/enterprise/safety/batches").param("q", batch).session(SignIn.session(mvc, "sf.wz")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("失败（未记录，可重新上报）")));
		mvc.perform(get("/safety/parcel-batches").param("q", batch).session(SignIn.session(mvc, "sz.leader")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("失败（未记录，可重新上报）")));

		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", batch).header("Authorization", SHUNFENG)
			.contentType("application/x-ndjson").content(line("SFE" + run) + "\n"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1));
		mvc.perform(get("/enterprise/safety/batches").param("q", batch).session(SignIn.session(mvc, "sf.wz")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已完成")));
	}

	/**
	 * A batch id sent again answers its first answer only for the same body (gzipped or not: the digest is of the
	 * records as read); another body under it is a 409 naming the rule, and nothing of it is counted.
	 */
	@Test
	void aReplayWithAnotherBodyIsRefusedAndTheSameBodyGzippedIsAReplay() throws Exception {
		String batch = "digest-" + run;
		String body = line("SFD" + run + "1") + "\n";
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", batch).header("Authorization", SHUNFENG)
			.contentType("application/x-ndjson").content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1));
		ByteArrayOutputStream zipped = new ByteArrayOutputStream();
		try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
			gz.write(body.getBytes(StandardCharsets.UTF_8));
		}
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", batch).header("Authorization", SHUNFENG)
			.contentType("application/x-ndjson").content(zipped.toByteArray()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1));
		long claims = jdbc.sql("SELECT count(*) FROM safety_parcel_batch WHERE enterprise_id = :e AND batch_id = :b "
				+ "AND body_sha256 IS NOT NULL").param("e", shunfeng.id()).param("b", batch).query(Long.class).single();
		assertThat(claims).isEqualTo(1);
		// the same bytes as CSV are other records (here none a CSV header names): the format is part of the batch
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", batch).header("Authorization", SHUNFENG)
			.contentType("text/csv").content(body))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].rule").value("batch-differs"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("NDJSON")));
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", batch).header("Authorization", SHUNFENG)
			.contentType("application/x-ndjson").content(body + line("SFD" + run + "2") + "\n"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("body"))
			.andExpect(jsonPath("$.errors[0].rule").value("batch-differs"));
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", "digest2-" + run).header("Authorization", SHUNFENG)
			.contentType("application/x-ndjson").content(line("SFD" + run + "2") + "\n"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1));
	}

	/** A serial on an unscreened record counts no parcel for that machine (the idle-machine rule sees it idle). */
	@Test
	void aMachineCountsOnlyTheParcelsScreenedOnIt() throws Exception {
		String serial = ScreeningMachineFixture.serial(context, shunfeng.id(), "320506");
		LocalDate day = clock.instant().minus(Duration.ofMinutes(20)).atZone(ParcelRecord.CHINA).toLocalDate();
		long before = machineParcels(serial, day);
		String unscreened = line("SFU" + run).replace("}", ",\"screeningMachineSerial\":\"" + serial + "\"}");
		assertThat(upload("unscreened-" + run, unscreened + "\n")).contains("\"accepted\":1");
		assertThat(machineParcels(serial, day)).isEqualTo(before);
		String screened = line("SFS" + run).replace("\"screened\":false", "\"screened\":true")
			.replace("}", ",\"screeningMachineSerial\":\"" + serial + "\"}");
		assertThat(upload("screened-" + run, screened + "\n")).contains("\"accepted\":1");
		assertThat(machineParcels(serial, day)).isEqualTo(before + 1);
	}

	long machineParcels(String serial, LocalDate day) {
		return jdbc.sql("SELECT coalesce(sum(parcels), 0) FROM safety_machine_day WHERE machine_serial = :s AND day = :d")
			.param("s", serial).param("d", day).query(Long.class).single();
	}

	/**
	 * Records written one after another on a line ({…}{…}) count as consecutive lines, as the contract's check expects;
	 * each rejection is counted under its own number — and kept under it: two rejections on one physical line are two
	 * rows of the rejected lines, each with its rule (not the first alone).
	 */
	@Test
	void recordsWithoutANewlineBetweenThemCountAsConsecutiveLines() throws Exception {
		String bad = line("SFN" + run + "1").replace("\"senderRegion\":\"320506\"", "\"senderRegion\":\"000000\"");
		String body = bad + bad.replace("SFN" + run + "1", "SFN" + run + "2") + "\n"
				+ line("SFN" + run + "3") + "{\n"
				+ line("SFN" + run + "4").replace("\"weightGrams\":800", "\"weightGrams\":0") + "\n";
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", "lines-" + run).header("Authorization", SHUNFENG)
			.contentType("application/x-ndjson").content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1))
			.andExpect(jsonPath("$.rejected").value(4))
			.andExpect(jsonPath("$.errors[0].line").value(1))
			.andExpect(jsonPath("$.errors[1].line").value(2))
			.andExpect(jsonPath("$.errors[2].line").value(4))
			.andExpect(jsonPath("$.errors[3].line").value(5))
			.andExpect(jsonPath("$.errors[3].field").value("weightGrams"));
		mvc.perform(get("/api/v1/safety/rejected-lines").param("batchId", "lines-" + run).header("Authorization", SHUNFENG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(4))
			.andExpect(jsonPath("$.items[*].line").value(contains(1, 2, 4, 5)))
			.andExpect(jsonPath("$.items[*].field").value(contains("senderRegion", "senderRegion", "line", "weightGrams")));
	}

	/**
	 * The coverage page's rule and the upload's are one: a machine of an enterprise of the same brand in the county of
	 * one of sf.wz's outlets covers that outlet and is a serial sf.wz's records may name.
	 */
	@Test
	void aSameBrandMachineThatCoversAnOutletIsOneItsRecordsMayName() throws Exception {
		ScreeningMachineIndex index = ScreeningMachineIndex.load(facilities, enterprises);
		String brandMachine = null;
		for (OutletView o : outlets.list(DataScope.enterprise(shunfeng.creditCode()), Outlets.Filter.NONE,
				new PageQuery("", 0, 200, null, false)).items()) {
			if (o.enterpriseId() != shunfeng.id() || o.status() == OutletStatus.CLOSED) {
				continue;
			}
			for (String serial : index.serials(o.regionCode(), o.enterpriseId(), o.brandId())) {
				if (ScreeningMachineIndex.unnamed(serial)) {
					continue;
				}
				long owner = jdbc.sql("SELECT enterprise_id FROM facility WHERE serial_number = :s LIMIT 1").param("s", serial)
					.query(Long.class).single();
				if (owner != shunfeng.id()) {
					brandMachine = serial;
					assertThat(coverage.outlets(DataScope.enterprise(shunfeng.creditCode()), shunfeng.id()))
						.filteredOn(c -> c.outletId() == o.id()).singleElement()
						.satisfies(c -> assertThat(c.machine()).isNotNull());
				}
			}
		}
		assertThat(brandMachine).as("the demo city has a same-brand machine in one of sf.wz's outlets' counties").isNotNull();
		String record = line("SFB" + run).replace("\"screened\":false", "\"screened\":true")
			.replace("}", ",\"screeningMachineSerial\":\"" + brandMachine + "\"}");
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", "brand-" + run).header("Authorization", SHUNFENG)
			.contentType("application/x-ndjson").content(record + "\n"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1));
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", "foreign-" + run).header("Authorization", SHUNFENG)
			.contentType("application/x-ndjson").content(record.replace(brandMachine, "XR-NOWHERE-1").replace("SFB", "SFF") + "\n"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.errors[0].code").value("not-registered"));
	}

	/** Every cell of every sheet of an .xlsx, as one text. */
	static String cells(byte[] xlsx) throws IOException {
		StringBuilder out = new StringBuilder();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			for (int s = 0; s < book.getNumberOfSheets(); s++) {
				for (Row row : book.getSheetAt(s)) {
					for (Cell cell : row) {
						out.append(cell).append('\t');
					}
				}
			}
		}
		return out.toString();
	}

	/** The batch's Parquet files under the records' root. */
	List<Path> files(String batch) throws IOException {
		String prefix = shunfeng.id() + "_" + batch + "_";
		try (Stream<Path> all = Files.walk(sink.root())) {
			return all.filter(f -> f.getFileName().toString().startsWith(prefix)).toList();
		}
	}
}
