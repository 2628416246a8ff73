package org.youguan.safety.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.RandomDigits;
import org.youguan.org.UserDirectory;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An attack on the parcel-record body, end to end on PostgreSQL: a body in UTF-16 or UTF-32, compressed other than by
 * gzip, or sent with a Content-Encoding the ingest does not undo is refused at its head with nothing recorded and its
 * batch id free; gzip members one after another are read whole, bytes after them refused; a broken line keeps its
 * waybill number readable; a sender's ID number typed in blocks is the number, and is no passport number; a batch id
 * sent twice is named so, and one differing only in case is another batch whose records are all duplicates.
 */
@IntegrationTest
class ParcelBodyAttackIntegrationTest {

	static final String SHUNFENG = ParcelRecordsIntegrationTest.SHUNFENG;

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	ParcelReferences references;

	@Autowired
	Enterprises enterprises;

	@Autowired
	UserDirectory users;

	@Autowired
	JdbcClient jdbc;

	EnterpriseView shunfeng;

	String run;

	Instant at;

	@BeforeEach
	void setUp() {
		clock.reset();
		shunfeng = enterprises.findByCreditCode(users.principal("sf.wz").orElseThrow().enterpriseCreditCode())
			.orElseThrow();
		run = RandomDigits.of(10);
		at = clock.instant().minus(Duration.ofMinutes(30));
	}

	@AfterEach
	void forget() {
		references.forget();
	}

	String lines(String prefix, int count) {
		StringBuilder body = new StringBuilder();
		for (int i = 1; i <= count; i++) {
			body.append(ParcelRecordAttackIntegrationTest.line(prefix + run + i, at));
		}
		return body.toString();
	}

	ResultActions upload(String batch, String type, byte[] body, String... encoding) throws Exception {
		var request = post("/api/v1/safety/parcel-records").param("batchId", batch).header("Authorization", SHUNFENG)
			.contentType(type).content(body);
		for (String e : encoding) {
			request.header("Content-Encoding", e);
		}
		return mvc.perform(request);
	}

	long batches(String batch) {
		return jdbc.sql("SELECT count(*) FROM safety_parcel_batch WHERE enterprise_id = :e AND batch_id = :b")
			.param("e", shunfeng.id()).param("b", batch).query(Long.class).single();
	}

	long rejectedLines(String batch) {
		return jdbc.sql("SELECT count(*) FROM safety_parcel_rejected_line WHERE enterprise_id = :e AND batch_id = :b")
			.param("e", shunfeng.id()).param("b", batch).query(Long.class).single();
	}

	/** The UTF-8 body afterwards under the same id: taken in whole, the id was not used up. */
	void sentAgainInUtf8(String batch, String body, int records) throws Exception {
		upload(batch, "application/x-ndjson", body.getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(records))
			.andExpect(jsonPath("$.rejected").value(0));
	}

	/**
	 * Finding 1: NDJSON in UTF-16 or UTF-32, with or without a byte order mark, was "accepted 1, rejected 3" and burnt the
	 * batch id; now 400 body/encoding naming the encoding, as a CSV gets, nothing recorded.
	 */
	@Test
	void anNdjsonBodyInUtf16OrUtf32IsRefusedWholeAndItsBatchIdStaysFree() throws Exception {
		String body = lines("SFU", 3);
		String[][] encodings = { { "UTF-16LE", "" }, { "UTF-16BE", "" }, { "UTF-16LE", "\uFEFF" }, { "UTF-16BE", "\uFEFF" },
				{ "UTF-32LE", "" }, { "UTF-32BE", "" }, { "UTF-32LE", "\uFEFF" }, { "UTF-32BE", "\uFEFF" } };
		for (String[] e : encodings) {
			String batch = "wide-" + run + "-" + e[0] + (e[1].isEmpty() ? "" : "-bom");
			upload(batch, "application/x-ndjson", (e[1] + body).getBytes(Charset.forName(e[0])))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("body"))
				.andExpect(jsonPath("$.errors[0].rule").value("encoding"))
				.andExpect(jsonPath("$.detail").value(containsString(e[0])));
			assertThat(batches(batch)).as(batch).isZero();
			assertThat(rejectedLines(batch)).isZero();
		}
		// a gzipped UTF-16 body too
		String gz = "wide-gz-" + run;
		upload(gz, "text/csv", ParcelRecordAttackIntegrationTest.gzipBytes(body.getBytes(StandardCharsets.UTF_16LE)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].rule").value("encoding"));
		sentAgainInUtf8("wide-" + run + "-UTF-16LE", body, 3);
	}

	/**
	 * Finding 2: a body compressed other than by gzip was read as text, every line rejected and the id burnt; now 400
	 * wrong-kind naming the compression, nothing recorded, and the plain body is taken under the same id.
	 */
	@Test
	void aBodyCompressedOtherThanByGzipIsRefusedAsWrongKind() throws Exception {
		byte[] plain = lines("SFZ", 40).getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream zlib = new ByteArrayOutputStream();
		try (DeflaterOutputStream out = new DeflaterOutputStream(zlib)) {
			out.write(plain);
		}
		ByteArrayOutputStream raw = new ByteArrayOutputStream();
		try (DeflaterOutputStream out = new DeflaterOutputStream(raw, new Deflater(Deflater.DEFAULT_COMPRESSION, true))) {
			out.write(plain);
		}
		ByteArrayOutputStream bzip2 = new ByteArrayOutputStream();
		try (BZip2CompressorOutputStream out = new BZip2CompressorOutputStream(bzip2)) {
			out.write(plain);
		}
		byte[] xz = concat(new byte[] { (byte) 0xFD, '7', 'z', 'X', 'Z', 0, 0, 4, (byte) 0xE6, (byte) 0xD6, (byte) 0xB4, 0x46 },
				zlib.toByteArray());
		byte[] zstd = concat(new byte[] { 0x28, (byte) 0xB5, 0x2F, (byte) 0xFD, 0x24, 0x1A }, zlib.toByteArray());
		Object[][] bodies = { { "zlib", zlib.toByteArray(), "zlib" }, { "raw", raw.toByteArray(), "二进制" },
				{ "bz2", bzip2.toByteArray(), "bzip2" }, { "xz", xz, "xz" }, { "zst", zstd, "zstd" } };
		for (Object[] b : bodies) {
			String batch = "packed-" + b[0] + "-" + run;
			upload(batch, "application/x-ndjson", (byte[]) b[1])
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("body"))
				.andExpect(jsonPath("$.errors[0].rule").value("wrong-kind"))
				.andExpect(jsonPath("$.detail").value(containsString((String) b[2])));
			assertThat(batches(batch)).as(batch).isZero();
			assertThat(rejectedLines(batch)).isZero();
		}
		sentAgainInUtf8("packed-zlib-" + run, new String(plain, StandardCharsets.UTF_8), 40);
	}

	/** Finding 2: a Content-Encoding other than gzip is 415 before the body is read; gzip and identity are taken. */
	@Test
	void anUnsupportedContentEncodingIsRefusedWith415() throws Exception {
		byte[] plain = lines("SFE", 2).getBytes(StandardCharsets.UTF_8);
		for (String[] encoding : new String[][] { { "deflate" }, { "br" }, { "zstd" }, { "gzip, gzip" }, { "gzip", "br" } }) {
			String batch = "coding-" + encoding.length + encoding[encoding.length - 1].replaceAll("\\W", "") + "-" + run;
			upload(batch, "application/x-ndjson", plain, encoding)
				.andExpect(status().isUnsupportedMediaType())
				.andExpect(jsonPath("$.errors[0].field").value("Content-Encoding"))
				.andExpect(jsonPath("$.errors[0].rule").value("encoding"))
				.andExpect(jsonPath("$.detail").value(containsString("gzip")));
			assertThat(batches(batch)).isZero();
		}
		upload("coding-gzip-" + run, "application/x-ndjson", ParcelRecordAttackIntegrationTest.gzipBytes(plain), "GZIP")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(2));
		upload("coding-identity-" + run, "application/x-ndjson", lines("SFI", 1).getBytes(StandardCharsets.UTF_8), "identity")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1));
	}

	/**
	 * Finding 2: gzip members one after another are read whole (both members' records counted); bytes after the last
	 * member that are no member refuse the body (they were dropped silently), nothing recorded.
	 */
	@Test
	void concatenatedGzipMembersAreReadAndTrailingGarbageIsRefused() throws Exception {
		byte[] first = ParcelRecordAttackIntegrationTest.gzipBytes(lines("SFA", 3).getBytes(StandardCharsets.UTF_8));
		byte[] second = ParcelRecordAttackIntegrationTest.gzipBytes(lines("SFB", 2).getBytes(StandardCharsets.UTF_8));
		upload("members-" + run, "application/x-ndjson", concat(first, second))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(5))
			.andExpect(jsonPath("$.rejected").value(0));

		byte[] third = ParcelRecordAttackIntegrationTest.gzipBytes(lines("SFC", 2).getBytes(StandardCharsets.UTF_8));
		for (byte[] garbage : new byte[][] { "garbage\n".getBytes(StandardCharsets.UTF_8), new byte[] { 0, 0, 0, 0 },
				new byte[] { 0x1f }, new byte[] { 0x1f, 0x41 } }) {
			String batch = "trailing-" + garbage.length + "-" + garbage[0] + "-" + run;
			upload(batch, "application/x-ndjson", concat(third, garbage))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("body"))
				.andExpect(jsonPath("$.errors[0].rule").value("gzip-trailing"));
			// refused while its head was read (a small body) or later (FAILED): never DONE, no line kept
			assertThat(jdbc.sql("SELECT count(*) FROM safety_parcel_batch WHERE enterprise_id = :e AND batch_id = :b"
					+ " AND status <> 'FAILED'").param("e", shunfeng.id()).param("b", batch).query(Long.class).single()).isZero();
			assertThat(rejectedLines(batch)).isZero();
		}
		// the waybills of the refused bodies were not taken: the body without its garbage counts them
		upload("trailing-clean-" + run, "application/x-ndjson", third)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(2));
	}

	/**
	 * Finding 3: a broken line keeps its waybill number readable (it was SF42M***********), while an ID number is still
	 * masked; a long digit run that is no ID or mobile number (an order number) stays readable too (attack 71 A3: the
	 * kept line is masked by the one personal-number rule, not every run of 6 digits).
	 */
	@Test
	void aBrokenLineKeepsItsWaybillNumberReadable() throws Exception {
		String waybill = "SF42M" + "2" + RandomDigits.of(10);
		String digits = "77" + RandomDigits.of(13);
		String batch = "masked-" + run;
		String body = lines("SFM", 1) + "{\"waybillNumber\":\"" + waybill + "\",\"acceptedAt\":\"" + at
				+ "\",\"courierId\":\"110105 19491231 002X\",\"itemCategory\":\"单号" + digits + "\"\n"
				+ "{\"waybillNumber\":\"" + digits + "\",broken\n";
		upload(batch, "application/x-ndjson", body.getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1))
			.andExpect(jsonPath("$.rejected").value(2));
		String second = jdbc.sql("SELECT content FROM safety_parcel_rejected_line WHERE enterprise_id = :e AND batch_id = :b AND line = 2")
			.param("e", shunfeng.id()).param("b", batch).query(String.class).single();
		assertThat(second).contains(waybill).doesNotContain("19491231").contains("110105 ******** 002X").contains(digits);
		String third = jdbc.sql("SELECT content FROM safety_parcel_rejected_line WHERE enterprise_id = :e AND batch_id = :b AND line = 3")
			.param("e", shunfeng.id()).param("b", batch).query(String.class).single();
		assertThat(third).as("a 中通-style waybill of digits only").contains(digits);
		mvc.perform(get("/api/v1/safety/rejected-lines")
			.param("batchId", batch).header("Authorization", SHUNFENG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].content").value(containsString(waybill)));
	}

	/**
	 * Finding 4: a sender's ID number typed in blocks or in full-width digits is taken (it was refused as resident-id);
	 * a passport number that is a resident ID number is refused on its own rule.
	 */
	@Test
	void anIdNumberTypedInBlocksIsTakenAndIsNoPassportNumber() throws Exception {
		String plain = ParcelRecordAttackIntegrationTest.line("SFID" + run + "1", at);
		String body = plain
				+ ParcelRecordAttackIntegrationTest.line("SFID" + run + "2", at).replace(ParcelRecordsIntegrationTest.ID,
						"110105 19491231 002x")
				+ ParcelRecordAttackIntegrationTest.line("SFID" + run + "3", at).replace(ParcelRecordsIntegrationTest.ID,
						"１１０１０５１９４９１２３１００２Ｘ")
				+ ParcelRecordAttackIntegrationTest.line("SFID" + run + "4", at).replace("居民身份证", "外国人护照")
				+ ParcelRecordAttackIntegrationTest.line("SFID" + run + "5", at).replace("居民身份证", "外国人护照")
					.replace(ParcelRecordsIntegrationTest.ID, "13912345678");
		upload("ids-" + run, "application/x-ndjson", body.getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(3))
			.andExpect(jsonPath("$.rejected").value(2))
			.andExpect(jsonPath("$.errors[0].line").value(4))
			.andExpect(jsonPath("$.errors[0].field").value("senderIdNumber"))
			.andExpect(jsonPath("$.errors[0].rule").value("id-type-mismatch"))
			.andExpect(jsonPath("$.errors[1].rule").value("mobile-number"));
	}

	/**
	 * Finding 5: a batch id sent twice (query or header) is named so, not a malformed id; batch ids are compared exactly
	 * — a42-x after A42-X is another batch, whose records are all duplicates of A42-X's, so nothing counts twice.
	 */
	@Test
	void aBatchIdSentTwiceIsNamedAndOneDifferingInCaseCountsNothingTwice() throws Exception {
		byte[] body = lines("SFK", 2).getBytes(StandardCharsets.UTF_8);
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", "twice-" + run, "twice-" + run)
			.header("Authorization", SHUNFENG).contentType("application/x-ndjson").content(body))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("batchId"))
			.andExpect(jsonPath("$.errors[0].rule").value("repeated"));
		mvc.perform(post("/api/v1/safety/parcel-records").header("X-Batch-Id", "twice-" + run, "other-" + run)
			.header("Authorization", SHUNFENG).contentType("application/x-ndjson").content(body))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("X-Batch-Id"))
			.andExpect(jsonPath("$.errors[0].rule").value("repeated"));
		assertThat(batches("twice-" + run)).isZero();

		String upper = "A42-X" + run;
		upload(upper, "application/x-ndjson", body).andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(2));
		upload(upper.toLowerCase(), "application/x-ndjson", body)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(0))
			.andExpect(jsonPath("$.rejected").value(2))
			.andExpect(jsonPath("$.errors[0].rule").value("duplicate"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("批次" + upper)));
	}

	/**
	 * Attack (ingest ids) finding 4: a body declared in another charset than UTF-8 was read as UTF-8 all the same, every
	 * line rejected and the batch id used up; now 400 Content-Type/encoding naming the charset, nothing recorded, and the
	 * same records under the same id are taken. A declared UTF-8 (or US-ASCII) is taken.
	 */
	@Test
	void aDeclaredCharsetOtherThanUtf8IsRefusedAtTheHeadAndItsBatchIdStaysFree() throws Exception {
		String body = lines("SFG", 2);
		String[][] declared = { { "text/csv; charset=GBK", "GBK" }, { "application/x-ndjson; charset=gb18030", "gb18030" },
				{ "application/x-ndjson;charset=\"UTF-16\"", "UTF-16" } };
		for (int i = 0; i < declared.length; i++) {
			String batch = "charset-" + i + "-" + run;
			upload(batch, declared[i][0], body.getBytes(StandardCharsets.UTF_8))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("Content-Type"))
				.andExpect(jsonPath("$.errors[0].rule").value("encoding"))
				.andExpect(jsonPath("$.detail").value(containsString(declared[i][1])));
			assertThat(batches(batch)).as(batch).isZero();
		}
		sentAgainInUtf8("charset-1-" + run, body, 2);
		upload("charset-utf8-" + run, "application/x-ndjson; charset=utf-8", lines("SFH", 1).getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1));
		upload("charset-ascii-" + run, "application/x-ndjson; charset=US-ASCII", lines("SFV", 1).getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1));
	}

	/**
	 * Attack (ingest ids) finding 4: a JSON array was answered "1 rejected", a pretty-printed record "13 rejected", and
	 * the batch id used up; now 400 at the head (body/json-array, body/multiline-record), nothing recorded, and the
	 * records one a line under the same id are taken.
	 */
	@Test
	void aJsonArrayOrARecordSpreadOverLinesIsRefusedAtTheHead() throws Exception {
		String one = ParcelRecordAttackIntegrationTest.line("SFJ" + run + "1", at).strip();
		String two = ParcelRecordAttackIntegrationTest.line("SFJ" + run + "2", at).strip();
		byte[] array = ("  [" + one + ",\n" + two + "]\n").getBytes(StandardCharsets.UTF_8);
		Object[][] arrays = { { "application/x-ndjson", array }, { "text/csv", array },
				{ "application/x-ndjson", ParcelRecordAttackIntegrationTest.gzipBytes(array) } };
		for (int i = 0; i < arrays.length; i++) {
			String batch = "array-" + i + "-" + run;
			upload(batch, (String) arrays[i][0], (byte[]) arrays[i][1])
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("body"))
				.andExpect(jsonPath("$.errors[0].rule").value("json-array"));
			assertThat(batches(batch)).as(batch).isZero();
		}
		String pretty = one.replace("{", "{\n  ").replace(",\"", ",\n  \"").replace("}", "\n}") + "\n";
		String compact = one.replace(",\"", ",\n\"");
		for (String spread : new String[] { pretty, "\uFEFF\n\n" + pretty, compact + "\n" }) {
			String batch = "pretty-" + spread.length() + "-" + run;
			upload(batch, "application/x-ndjson", spread.getBytes(StandardCharsets.UTF_8))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("body"))
				.andExpect(jsonPath("$.errors[0].rule").value("multiline-record"));
			assertThat(batches(batch)).as(batch).isZero();
			assertThat(rejectedLines(batch)).isZero();
		}
		sentAgainInUtf8("array-0-" + run, one + "\n" + two + "\n", 2);
	}

	/** Attack (ingest ids) finding 5: identity listed twice was 415 "不支持的内容编码：identity"; it is no coding at all. */
	@Test
	void identityListedTwiceIsNoCoding() throws Exception {
		upload("identity2-" + run, "application/x-ndjson", lines("SFT", 1).getBytes(StandardCharsets.UTF_8), "identity, identity")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1));
		upload("identity3-" + run, "application/x-ndjson", lines("SFW", 1).getBytes(StandardCharsets.UTF_8), "identity", "IDENTITY")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1));
	}

	/**
	 * Attack (ingest ids) finding 1, end to end: a resident ID number with hyphens sent as a passport number was taken
	 * (a second pseudonym of the same person); now rejected id-type-mismatch, as without hyphens.
	 */
	@Test
	void aHyphenatedResidentIdNumberIsNoPassportNumber() throws Exception {
		String passport = ParcelRecordAttackIntegrationTest.line("SFHY" + run + "1", at).replace("居民身份证", "外国人护照");
		String body = passport.replace(ParcelRecordsIntegrationTest.ID, "110105-19491231-002X")
				+ ParcelRecordAttackIntegrationTest.line("SFHY" + run + "2", at).replace("居民身份证", "外国人护照")
					.replace(ParcelRecordsIntegrationTest.ID, "１１０１０５－１９４９１２３１－００２Ｘ")
				+ ParcelRecordAttackIntegrationTest.line("SFHY" + run + "3", at).replace(ParcelRecordsIntegrationTest.ID,
						"110105-19491231-002x");
		upload("hyphens-" + run, "application/x-ndjson", body.getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1))
			.andExpect(jsonPath("$.rejected").value(2))
			.andExpect(jsonPath("$.errors[0].rule").value("id-type-mismatch"))
			.andExpect(jsonPath("$.errors[1].rule").value("id-type-mismatch"));
	}

	static byte[] concat(byte[] a, byte[] b) {
		byte[] out = new byte[a.length + b.length];
		System.arraycopy(a, 0, out, 0, a.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}
}
