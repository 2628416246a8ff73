package org.youguan.safety.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.IdCardNumber;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.PageQuery;
import org.youguan.org.UserDirectory;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.registry.OutletData;
import org.youguan.registry.Outlets;
import org.youguan.safety.ParcelRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Two findings of the attack on parcel ingestion, end to end on PostgreSQL: a record naming a closed outlet is refused
 * from the outlet's closing day on (earlier ones, uploaded late, are kept), and one waybill of one enterprise counts
 * once across batches — refused as a duplicate in a second batch, in the same batch, under another acceptance day in
 * another month — while a repeated batch still answers its first answer and a batch sent again after a failed upload
 * does not trip over its own earlier attempt.
 */
@IntegrationTest
class ParcelRecordAttackIntegrationTest {

	static final String SHUNFENG = ParcelRecordsIntegrationTest.SHUNFENG;

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	ParcelIngest ingest;

	@Autowired
	ParcelReferences references;

	@Autowired
	WaybillClaims claims;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Outlets outlets;

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
		shunfeng = enterprises.findByCreditCode(users.principal("sf.wz").orElseThrow().enterpriseCreditCode())
			.orElseThrow();
		run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
		references.forget();
	}

	static String line(String waybill, Instant at) {
		return ParcelRecordsIntegrationTest.line(waybill, "320506", at) + "\n";
	}

	static String withOutlet(String line, String outlet) {
		return line.replace("}\n", ",\"outletFilingNumber\":\"" + outlet + "\"}\n");
	}

	long parcels() {
		return jdbc.sql("SELECT coalesce(sum(parcels), 0) FROM safety_parcel_hour WHERE enterprise_id = :e")
			.param("e", shunfeng.id()).query(Long.class).single();
	}

	ParcelBatchAnswer upload(String batch, String body) {
		return ingest.ingest(shunfeng, batch, ParcelIngest.Format.NDJSON,
				new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))).answer();
	}

	@Test
	void aClosedOutletsRecordsAreRefusedFromItsClosingDayAndEarlierOnesUploadedLateAreKept() throws Exception {
		// an outlet of the enterprise, filed, then closed by the bureau on 2026-03-10
		clock.set(LocalDateTime.of(2026, 3, 1, 9, 0));
		String first17 = "32050619800101" + "%03d".formatted((int) (Math.random() * 1000));
		long id = outlets.register(DataScope.region("3205"), new OutletData("关闭测试网点" + run, shunfeng.id(), null,
				"FRANCHISE", "吴中区关闭路" + run, "320506001", null, null, "王五", first17 + IdCardNumber.checkCharacter(first17),
				"13812345678", BigDecimal.TEN, true, true, true, true, LocalDate.of(2026, 2, 1)), false);
		String filing = "HIST-" + run;
		outlets.recordFiled(DataScope.region("3205"), id, filing);
		clock.set(LocalDateTime.of(2026, 3, 10, 15, 0));
		outlets.close(DataScope.region("3205"), id, "网点停止经营");
		assertThat(outlets.filedOutlets(shunfeng.creditCode()).get(filing)).contains(LocalDate.of(2026, 3, 10));

		// two days later the enterprise uploads the week's records, two before the closing day and two from it on
		clock.set(LocalDateTime.of(2026, 3, 12, 10, 0));
		references.forget();
		String body = withOutlet(line("SFO" + run + "1", china(2026, 3, 8, 11, 0)), filing)
				+ withOutlet(line("SFO" + run + "2", china(2026, 3, 9, 23, 59)), filing)
				+ withOutlet(line("SFO" + run + "3", china(2026, 3, 10, 0, 0)), filing)
				+ withOutlet(line("SFO" + run + "4", china(2026, 3, 11, 9, 30)), filing);
		long before = parcels();
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", "closed-" + run)
			.header("Authorization", SHUNFENG).contentType("application/x-ndjson").content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(2))
			.andExpect(jsonPath("$.rejected").value(2))
			.andExpect(jsonPath("$.errors[0].line").value(3))
			.andExpect(jsonPath("$.errors[0].field").value("outletFilingNumber"))
			.andExpect(jsonPath("$.errors[0].code").value("outlet-closed"))
			.andExpect(jsonPath("$.errors[0].rule").value("outlet-closed"))
			.andExpect(jsonPath("$.errors[0].message").value(allOf(containsString("2026年3月10日关闭"), containsString(filing))))
			.andExpect(jsonPath("$.errors[1].line").value(4))
			.andExpect(jsonPath("$.errors[1].code").value("outlet-closed"));
		assertThat(parcels() - before).isEqualTo(2);
		assertThat(jdbc.sql("SELECT rule FROM safety_parcel_rejected_line WHERE batch_id = :b ORDER BY line")
			.param("b", "closed-" + run).query(String.class).list()).containsExactly("outlet-closed", "outlet-closed");
	}

	@Test
	void aWaybillCountsOnceAcrossBatchesAndARepeatedBatchStillAnswersItsFirstAnswer() throws Exception {
		Instant at = clock.instant().minusSeconds(3600);
		String w1 = "SFW" + run + "1";
		String w2 = "SFW" + run + "2";
		String w3 = "SFW" + run + "3";
		long before = parcels();
		String first = "dup-a-" + run;
		String second = "dup-b-" + run;
		String bodyA = line(w1, at) + line(w2, at);
		String bodyB = line(w2, at.plusSeconds(60)) + line(w3, at) + line(w3, at);

		assertThat(upload(first, bodyA).accepted()).isEqualTo(2);
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", second).header("Authorization", SHUNFENG)
			.contentType("application/x-ndjson").content(bodyB))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Batch-Replayed", "false"))
			.andExpect(jsonPath("$.accepted").value(1))
			.andExpect(jsonPath("$.rejected").value(2))
			.andExpect(jsonPath("$.errors[0].line").value(1))
			.andExpect(jsonPath("$.errors[0].field").value("waybillNumber"))
			.andExpect(jsonPath("$.errors[0].code").value("duplicate"))
			.andExpect(jsonPath("$.errors[0].message").value(allOf(containsString("批次" + first), containsString(w2.toUpperCase()))))
			.andExpect(jsonPath("$.errors[1].line").value(3))
			.andExpect(jsonPath("$.errors[1].code").value("duplicate"))
			.andExpect(jsonPath("$.errors[1].message").value(containsString("本批次")));
		assertThat(parcels() - before).as("w1, w2, w3 once each").isEqualTo(3);
		assertThat(jdbc.sql("SELECT content FROM safety_parcel_rejected_line WHERE batch_id = :b AND line = 1")
			.param("b", second).query(String.class).single()).contains(w2.toUpperCase()).doesNotContain(ParcelRecordsIntegrationTest.ID);

		// both batches again: each answers its first answer, neither reports its own lines as duplicates
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", first).header("Authorization", SHUNFENG)
			.contentType("application/x-ndjson").content(bodyA))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Batch-Replayed", "true"))
			.andExpect(jsonPath("$.accepted").value(2))
			.andExpect(jsonPath("$.rejected").value(0));
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", second).header("Authorization", SHUNFENG)
			.contentType("application/x-ndjson").content(bodyB))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Batch-Replayed", "true"))
			.andExpect(jsonPath("$.accepted").value(1))
			.andExpect(jsonPath("$.errors[0].code").value("duplicate"));
		assertThat(parcels() - before).isEqualTo(3);

		// another enterprise may carry the same waybill number: the set is per enterprise
		// (one of 吴中, as the line is sent from there: a record's county is one where its enterprise does business)
		EnterpriseView other = enterprises.list(DataScope.region("320506"),
				new Enterprises.Filter(EnterpriseType.EXPRESS, null, null), new PageQuery("", 0, 50, null, false))
			.items().stream().filter(e -> e.id() != shunfeng.id() && e.regionCode() != null
					&& e.regionCode().startsWith("320506")).findFirst().orElseThrow();
		assertThat(ingest.ingest(other, "dup-other-" + run, ParcelIngest.Format.NDJSON,
				new ByteArrayInputStream(line(w1, at).getBytes(StandardCharsets.UTF_8))).answer().accepted()).isEqualTo(1);
	}

	@Test
	void aWaybillSentAgainUnderAnotherDayOfAnotherMonthIsStillADuplicateUntilItsClaimLeavesTheWindow() {
		clock.set(LocalDateTime.of(2026, 4, 2, 12, 0));
		String w = "7" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L);
		String first = "month-a-" + run;
		assertThat(upload(first, line(w, china(2026, 3, 20, 8, 0))).accepted()).isEqualTo(1);
		ParcelBatchAnswer again = upload("month-b-" + run, line(w, china(2026, 4, 1, 8, 0)));
		assertThat(again.accepted()).isZero();
		assertThat(again.errors()).singleElement().satisfies(e -> {
			assertThat(e.code()).isEqualTo("duplicate");
			assertThat(e.message()).contains("批次" + first);
		});

		// once the window has passed March 20, that claim goes (the nightly purge) and the number may serve again
		clock.set(LocalDateTime.of(2026, 4, 25, 12, 0));
		assertThat(claims.purge()).isPositive();
		assertThat(jdbc.sql("SELECT count(*) FROM safety_waybill_claim WHERE accepted_day < DATE '2026-03-26'")
			.query(Long.class).single()).isZero();
		assertThat(upload("month-c-" + run, line(w, china(2026, 4, 24, 8, 0))).accepted()).isEqualTo(1);
	}

	@Test
	void anUploadThatFailedAfterClaimingReleasesItsWaybillsToAnotherBatch() {
		Instant at = clock.instant().minusSeconds(3 * 3600);
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < 6_000; i++) {
			body.append(line("SFR" + run + "-" + i, at.plusSeconds(i)));
		}
		byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
		long before = parcels();
		// the connection breaks after the first chunk of 5,000 claimed its waybills: the attempt is given up
		String failed = "given-up-" + run;
		Assertions.assertThatThrownBy(() -> ingest.ingest(shunfeng, failed, ParcelIngest.Format.NDJSON,
				new ParcelRecordsIntegrationTest.Failing(new ByteArrayInputStream(bytes), bytes.length * 11L / 12)))
			.isInstanceOf(InvalidValueException.class);
		assertThat(jdbc.sql("SELECT count(*) FROM safety_waybill_claim c JOIN safety_parcel_batch b ON b.ref = c.batch_ref "
				+ "WHERE b.enterprise_id = :e AND b.batch_id = :b").param("e", shunfeng.id()).param("b", failed)
			.query(Long.class).single()).as("the failed attempt had claimed its first chunk").isEqualTo(5_000);
		// the enterprise sends the records under a new batch id: every one taken in, none a duplicate of the failed upload
		String next = "given-up-next-" + run;
		assertThat(upload(next, body.toString()).accepted()).isEqualTo(6_000);
		assertThat(parcels() - before).isEqualTo(6_000);
		// and now they are held by the new batch
		assertThat(upload("given-up-third-" + run, line("SFR" + run + "-17", at)).errors()).singleElement()
			.satisfies(e -> assertThat(e.message()).contains("批次" + next));
	}

	/**
	 * A batch beyond the line cap (the attack: a 214 KB gzip of 73 million lines) is refused whole with 413 naming the
	 * rule — nothing of it counted, its waybills not held — and the same batch id goes through with a smaller body.
	 */
	@Test
	void aBatchBeyondTheLineCapIsRefusedWholeAndCanBeSentAgainSmaller() throws Exception {
		Instant at = clock.instant().minus(Duration.ofMinutes(30));
		String batch = "cap-" + run;
		String records = line("SFCAP" + run + "1", at) + line("SFCAP" + run + "2", at);
		long before = parcels();
		// two records, then blank lines up to the cap (2,000,000), then a line beyond it
		String body = records + "\n".repeat(2_000_000 - 2) + line("SFCAP" + run + "3", at);
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", batch).header("Authorization", SHUNFENG)
			.contentType("application/x-ndjson").content(gzip(body)).header("Content-Encoding", "gzip"))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.errors[0].field").value("body"))
			.andExpect(jsonPath("$.errors[0].rule").value("batch-lines"))
			.andExpect(jsonPath("$.detail").value(containsString("2000000行")));
		assertThat(parcels()).as("nothing of the refused batch is counted").isEqualTo(before);
		assertThat(jdbc.sql("SELECT status FROM safety_parcel_batch WHERE enterprise_id = :e AND batch_id = :b")
			.param("e", shunfeng.id()).param("b", batch).query(String.class).single()).isEqualTo("FAILED");
		ParcelBatchAnswer again = upload(batch, records);
		assertThat(again.accepted()).as("its waybills are free: the batch goes through smaller").isEqualTo(2);
		assertThat(parcels()).isEqualTo(before + 2);
	}

	/**
	 * A waybill refused as held by an earlier batch and repeated in the same upload: the repeat duplicates the earlier
	 * batch's record too — nothing of this batch was kept, so "本批次中已有同一运单号的记录" was untrue; a waybill whose
	 * first line was taken in keeps the in-batch reason.
	 */
	@Test
	void aRepeatOfAWaybillHeldByAnEarlierBatchNamesThatBatch() {
		Instant at = clock.instant().minus(Duration.ofMinutes(30));
		String first = "dup-first-" + run;
		assertThat(upload(first, line("SFDUP" + run + "1", at)).accepted()).isEqualTo(1);
		ParcelBatchAnswer again = upload("dup-again-" + run, line("SFDUP" + run + "1", at) + line("SFDUP" + run + "2", at)
				+ line("sfdup" + run + "1", at) + line("SFDUP" + run + "2", at));
		assertThat(again.accepted()).isEqualTo(1);
		assertThat(again.errors()).extracting(ParcelBatchAnswer.LineError::line).containsExactly(1L, 3L, 4L);
		assertThat(again.errors().get(0).message()).contains("批次" + first);
		assertThat(again.errors().get(1).message()).as("the repeat of a waybill held by the earlier batch")
			.contains("批次" + first).doesNotContain("本批次");
		assertThat(again.errors().get(2).message()).contains("本批次");
	}

	/**
	 * Blank lines count toward the line cap (README: "blank lines skipped but counted"): records followed by 2.5 million
	 * blank lines were taken in as a batch of two; now the upload stops at the cap with 413, nothing counted.
	 */
	@Test
	void blankLinesCountTowardTheLineCap() throws Exception {
		Instant at = clock.instant().minus(Duration.ofMinutes(30));
		String body = line("SFBLK" + run + "1", at) + line("SFBLK" + run + "2", at) + "\n".repeat(2_500_000);
		long before = parcels();
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", "blank-cap-" + run).header("Authorization", SHUNFENG)
			.contentType("application/x-ndjson").content(gzip(body)).header("Content-Encoding", "gzip"))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.errors[0].field").value("body"))
			.andExpect(jsonPath("$.errors[0].rule").value("batch-lines"));
		assertThat(parcels()).isEqualTo(before);
	}

	/** A gzip body cut short is refused saying in Chinese that the compressed file is incomplete, no exception's name. */
	@Test
	void aTruncatedGzipBodyIsRefusedAsIncomplete() throws Exception {
		Instant at = clock.instant().minus(Duration.ofMinutes(30));
		byte[] whole = gzip(line("SFCUT" + run + "1", at).repeat(200));
		mvc.perform(post("/api/v1/safety/parcel-records").param("batchId", "cut-" + run).header("Authorization", SHUNFENG)
			.contentType("application/x-ndjson").content(Arrays.copyOf(whole, whole.length / 2)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("body"))
			.andExpect(jsonPath("$.errors[0].rule").value("read"))
			.andExpect(jsonPath("$.detail").value(containsString("压缩文件不完整")))
			.andExpect(jsonPath("$.detail").value(not(containsString("Exception"))));
	}

	/** "SF1" and " sf1" are one waybill, in one batch and across batches. */
	@Test
	void waybillNumbersDifferingOnlyByCaseOrSurroundingSpaceCountOnce() {
		Instant at = clock.instant().minus(Duration.ofMinutes(30));
		String w = "SFCASE" + run.toUpperCase();
		ParcelBatchAnswer first = upload("case-a-" + run, line(w, at) + line(" " + w.toLowerCase() + "\u3000", at));
		assertThat(first.accepted()).isEqualTo(1);
		assertThat(first.errors()).singleElement().satisfies(e -> {
			assertThat(e.line()).isEqualTo(2);
			assertThat(e.code()).isEqualTo("duplicate");
		});
		ParcelBatchAnswer second = upload("case-b-" + run, line(w.toLowerCase(), at));
		assertThat(second.accepted()).isZero();
		assertThat(second.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("case-a-" + run));
	}

	/**
	 * A batch's chunks go per province, so a later line's province may be claimed first: still the first line of a
	 * waybill wins and the later one is refused under its own line number.
	 */
	@Test
	void theFirstLineOfAWaybillInABatchWinsWhateverItsProvince() {
		// sf.wz may accept parcels in Beijing only where it does business there: a branch in 朝阳 (rule region-scope)
		SenderCountyFixture.branchIn(context, shunfeng.id(), "110105");
		Instant at = clock.instant().minus(Duration.ofMinutes(30));
		String w = "SFPROV" + run;
		String body = ParcelRecordsIntegrationTest.line("SFPROVA" + run, "110105", at) + "\n"
				+ ParcelRecordsIntegrationTest.line(w, "320506", at) + "\n"
				+ ParcelRecordsIntegrationTest.line(w, "110105", at) + "\n";
		long jiangsu = parcelsFrom("320506");
		long beijing = parcelsFrom("110105");
		ParcelBatchAnswer answer = upload("prov-" + run, body);
		assertThat(answer.accepted()).isEqualTo(2);
		assertThat(answer.errors()).singleElement().satisfies(e -> {
			assertThat(e.line()).as("the later line is the duplicate").isEqualTo(3);
			assertThat(e.code()).isEqualTo("duplicate");
		});
		assertThat(parcelsFrom("320506")).as("the Jiangsu line, the first, is counted").isEqualTo(jiangsu + 1);
		assertThat(parcelsFrom("110105")).isEqualTo(beijing + 1);
	}

	/**
	 * The rates are counted by the sender's county: 顺丰吴中 (seat, outlets and branches in 吴中) sent records from 相城 and
	 * 东城 and lowered their rates. Those lines are refused (rule region-scope) and counted nowhere; its own county's
	 * line is taken.
	 */
	@Test
	void anEnterpriseCannotAddParcelsToACountyWhereItDoesNoBusiness() {
		Instant at = clock.instant().minus(Duration.ofMinutes(30));
		long xiangcheng = parcelsFrom("320507");
		long dongcheng = parcelsFrom("110101");
		long wuzhong = parcelsFrom("320506");
		String body = ParcelRecordsIntegrationTest.line("SFSCOPE1" + run, "320507", at) + "\n"
				+ ParcelRecordsIntegrationTest.line("SFSCOPE2" + run, "110101", at) + "\n"
				+ ParcelRecordsIntegrationTest.line("SFSCOPE3" + run, "320506", at) + "\n";
		ParcelBatchAnswer answer = upload("scope-" + run, body);
		assertThat(answer.accepted()).isEqualTo(1);
		assertThat(answer.errors()).extracting(ParcelBatchAnswer.LineError::line, ParcelBatchAnswer.LineError::field,
				ParcelBatchAnswer.LineError::code)
			.containsExactly(Assertions.tuple(1L, "senderRegion", "region-scope"),
					Assertions.tuple(2L, "senderRegion", "region-scope"));
		assertThat(answer.errors().get(0).message()).contains("寄件地区", "分支机构", "末端网点");
		assertThat(parcelsFrom("320507")).isEqualTo(xiangcheng);
		assertThat(parcelsFrom("110101")).isEqualTo(dongcheng);
		assertThat(parcelsFrom("320506")).isEqualTo(wuzhong + 1);
	}

	long parcelsFrom(String county) {
		return jdbc.sql("SELECT coalesce(sum(parcels), 0) FROM safety_parcel_hour WHERE enterprise_id = :e AND sender_region = :r")
			.param("e", shunfeng.id()).param("r", county).query(Long.class).single();
	}

	static byte[] gzip(String text) throws IOException {
		return gzipBytes(text.getBytes(StandardCharsets.UTF_8));
	}

	/** The bytes as one gzip member. */
	static byte[] gzipBytes(byte[] content) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
			gz.write(content);
		}
		return bytes.toByteArray();
	}

	static Instant china(int year, int month, int day, int hour, int minute) {
		return LocalDateTime.of(year, month, day, hour, minute).atZone(ParcelRecord.CHINA).toInstant();
	}
}
