package org.youguan.safety;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import org.youguan.ExportedRows;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.RegionPrefix;
import org.youguan.safety.internal.ParcelRollups;
import org.youguan.safety.internal.Pseudonyms;
import org.youguan.safety.internal.alerts.AlertDetection;
import org.youguan.safety.internal.alerts.AlertRule;
import org.youguan.safety.internal.alerts.AlertView;
import org.youguan.safety.internal.alerts.Alerts;
import org.youguan.safety.internal.alerts.ParcelFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each anomaly rule on crafted data (Parquet records written in the writer's layout, rollup rows) raises its alert on
 * the right subject and none on the near miss; the detection runs again without duplicates; staff dismiss or refer an
 * alert (the referral becomes an enforcement lead, the alert a notification); a county sees only its region's alerts
 * and an enterprise none; the courier roster keeps no clear ID number.
 */
@IntegrationTest
class SafetyAlertsIntegrationTest {

	static final String SHUNFENG = "Bearer demo-sf-wz-token";

	/** Working days (Tuesday 4 … Monday 10 March 2025) and a Saturday; one per rule, outside other tests' data. */
	static final LocalDate A = LocalDate.of(2025, 3, 4), B = LocalDate.of(2025, 3, 5), C = LocalDate.of(2025, 3, 6),
			D = LocalDate.of(2025, 3, 7), E = LocalDate.of(2025, 3, 10), SATURDAY = LocalDate.of(2025, 3, 8);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	AlertDetection detection;

	@Autowired
	Alerts alerts;

	@Autowired
	ParcelFiles files;

	@Autowired
	Pseudonyms pseudonyms;

	@Autowired
	Clock clock;

	long shunfeng;

	@BeforeEach
	void setUp() throws IOException {
		clean();
		shunfeng = jdbc.sql("SELECT e.id FROM enterprise e JOIN user_account u ON u.enterprise_credit_code = e.credit_code "
				+ "WHERE u.username = 'sf.wz'").query(Long.class).single();
	}

	@AfterEach
	void clean() throws IOException {
		jdbc.sql("DELETE FROM inspection_key_target WHERE source_ref IN (SELECT 'safety-alert:' || id FROM safety_alert "
				+ "WHERE day BETWEEN '2025-03-01' AND '2025-03-31')").update();
		jdbc.sql("DELETE FROM safety_alert WHERE day BETWEEN '2025-03-01' AND '2025-03-31'").update();
		jdbc.sql("DELETE FROM safety_parcel_hour WHERE hour >= '2025-03-02' AND hour < '2025-04-01'").update();
		jdbc.sql("DELETE FROM safety_parcel_day WHERE day >= '2025-03-02' AND day < '2025-04-01'").update();
		jdbc.sql("DELETE FROM safety_machine_day WHERE day BETWEEN '2025-03-01' AND '2025-03-31'").update();
		for (LocalDate d = LocalDate.of(2025, 3, 1); d.isBefore(LocalDate.of(2025, 3, 31)); d = d.plusDays(1)) {
			delete(files.day(d));
		}
	}

	private static void delete(Path dir) throws IOException {
		if (Files.exists(dir)) {
			try (Stream<Path> all = Files.walk(dir)) {
				for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(p);
				}
			}
		}
	}

	private static String pseudonym(char c) {
		return String.valueOf(c).repeat(64);
	}

	/**
	 * Courier {@code onRoster} (as the roster is sent) of shunfeng accepting, on {@code day}, one parcel sent under his own
	 * ID number as the records name him ({@code onRecords}); the day's rules run.
	 */
	private void courierSendingHisOwn(String onRoster, String onRecords, LocalDate day) throws Exception {
		String clear = "320506198001010013";
		mvc.perform(post("/api/v1/safety/couriers").header("Authorization", SHUNFENG).contentType("application/json")
			.content("{\"courierId\":\"" + onRoster + "\",\"idNumber\":\"" + clear + "\"}"))
			.andExpect(status().isOk());
		ParcelFilesFixture.write(files.root(),
				ParcelFilesFixture.records(shunfeng, pseudonyms.of(clear), day, onRecords, 1, onRecords + "-"));
		detection.detect(day, RegionPrefix.of(""));
	}

	private List<AlertView> alertsOf(AlertRule rule, LocalDate day) {
		return alerts.list(DataScope.all(), rule, null, PageQuery.of(null, 0, 200, null, null))
			.items()
			.stream()
			.filter(a -> a.day().equals(day))
			.toList();
	}

	@Test
	void ruleAOnePseudonymThroughThreeEnterprisesOnOneDay() throws Exception {
		ParcelFilesFixture.write(files.root(), ParcelFilesFixture.records(9001, pseudonym('a'), A, null, 1, "A1-"),
				ParcelFilesFixture.records(9002, pseudonym('a'), A, null, 1, "A2-"),
				ParcelFilesFixture.records(shunfeng, pseudonym('a'), A, null, 2, "A3-"),
				// two enterprises only: no alert
				ParcelFilesFixture.records(9001, pseudonym('b'), A, null, 1, "B1-"),
				ParcelFilesFixture.records(9002, pseudonym('b'), A, null, 1, "B2-"));
		assertThat(detection.detect(A, RegionPrefix.of(""))).isEqualTo(1);
		List<AlertView> found = alertsOf(AlertRule.PSEUDONYM_ENTERPRISES, A);
		assertThat(found).extracting(AlertView::subject).containsExactly(pseudonym('a') + "@320506");
		assertThat(found.get(0).regionCode()).isEqualTo("320506");
		assertThat(found.get(0).subjectShown()).isEqualTo("aaaaaaaa…aaaa");
		assertThat(found.get(0).detail()).contains("3 家企业").contains("aaaaaaaa…aaaa").doesNotContain(pseudonym('a'));
		assertThat(detection.detect(A, RegionPrefix.of(""))).as("a second run raises nothing again").isZero();
		assertThat(alertsOf(AlertRule.PSEUDONYM_ENTERPRISES, A)).hasSize(1);
	}

	/**
	 * Finding (English mode): an English reader read an alert's list of enterprises joined by 、 with unregistered ones
	 * as 企业9001, its .xlsx 情况 column and its notification in Chinese. Each now words the alert from its key in the
	 * reader's language — the list joined by the language's separator, an unregistered enterprise by its keyed name —
	 * and a Chinese reader reads what was stored.
	 */
	@Test
	void anEnglishReaderReadsAnAlertsListExportAndNotificationInEnglish() throws Exception {
		ParcelFilesFixture.write(files.root(), ParcelFilesFixture.records(9001, pseudonym('e'), A, null, 1, "E1-"),
				ParcelFilesFixture.records(9002, pseudonym('e'), A, null, 1, "E2-"),
				ParcelFilesFixture.records(shunfeng, pseudonym('e'), A, null, 2, "E3-"));
		detection.detect(A, RegionPrefix.of(""));
		AlertView alert = alertsOf(AlertRule.PSEUDONYM_ENTERPRISES, A).get(0);
		assertThat(alert.detail()).contains("企业9001、企业9002");
		MockHttpSession staff = SignIn.session(mvc, "sz.safety");
		String english = mvc.perform(get("/safety/alerts/" + alert.id()).param("lang", "en").session(staff))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(english).contains("Enterprise 9001, Enterprise 9002").doesNotContain("企业9001").doesNotContain("9001、");
		mvc.perform(get("/safety/alerts/" + alert.id()).session(staff))
			.andExpect(content().string(Matchers.containsString("企业9001、企业9002")));

		String slug = "/safety/alerts/rules/" + AlertRule.PSEUDONYM_ENTERPRISES.slug() + "/export.xlsx";
		List<String> row = ExportedRows.of(mvc, staff, slug, "lang", "en").stream()
			.filter(r -> r.size() > 3 && r.get(2).equals(alert.subjectShown()) && r.get(0).equals(A.toString()))
			.findFirst().orElseThrow();
		assertThat(row.get(3)).startsWith("Sender (ID pseudonym " + alert.subjectShown() + ")")
			.contains("Enterprise 9001, Enterprise 9002").doesNotContain("企业9001").doesNotContain("、");
		List<String> chinese = ExportedRows.of(mvc, staff, slug).stream()
			.filter(r -> r.size() > 3 && r.get(2).equals(alert.subjectShown()) && r.get(0).equals(A.toString()))
			.findFirst().orElseThrow();
		assertThat(chinese.get(3)).isEqualTo(alert.detail());

		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT count(*) FROM notification WHERE dedupe_key = :k")
			.param("k", "safety-alert-" + alert.id()).query(Long.class).single() == 1);
		String notifications = mvc.perform(get("/notifications").param("lang", "en").param("q", alert.subjectShown())
			.session(staff)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(notifications).contains("Safety alert (").contains(A + "): Sender (ID pseudonym " + alert.subjectShown())
			.contains("Enterprise 9001, Enterprise 9002").doesNotContain("安全监管预警（");
		mvc.perform(get("/notifications").param("q", alert.subjectShown()).session(staff))
			.andExpect(content().string(Matchers.containsString("安全监管预警（")));
	}

	/**
	 * One sender through three enterprises whose parcels were accepted in 吴中, 姑苏 and 相城: every one of those counties
	 * sees the alert — it went to the smallest code only (虎丘 320505), so 吴中's staff did not see an alert about
	 * a 吴中 enterprise.
	 */
	@Test
	void ruleAIsSeenByEveryCountyWhoseParcelsItInvolves() throws Exception {
		ParcelFilesFixture.write(files.root(), ParcelFilesFixture.records(9001, pseudonym('f'), A, null, 1, "F1-", "320505"),
				ParcelFilesFixture.records(9002, pseudonym('f'), A, null, 1, "F2-", "320507"),
				ParcelFilesFixture.records(shunfeng, pseudonym('f'), A, null, 2, "F3-", "320506"));
		assertThat(detection.detect(A, RegionPrefix.of(""))).isEqualTo(3);
		assertThat(alertsOf(AlertRule.PSEUDONYM_ENTERPRISES, A)).extracting(AlertView::regionCode)
			.containsExactlyInAnyOrder("320505", "320506", "320507");
		assertThat(alerts.list(DataScope.region("320506"), AlertRule.PSEUDONYM_ENTERPRISES, null,
				PageQuery.of(null, 0, 200, null, null)).items())
			.as("吴中's staff see the alert about the 吴中 enterprise's sender")
			.filteredOn(a -> a.day().equals(A))
			.singleElement()
			.satisfies(a -> {
				assertThat(a.detail()).contains("3 家企业");
				assertThat(a.subjectShown()).isEqualTo("ffffffff…ffff");
			});
	}

	@Test
	void ruleBMoreThanFiftyParcelsOfOnePseudonymAtOneEnterprise() throws Exception {
		ParcelFilesFixture.write(files.root(), ParcelFilesFixture.records(shunfeng, pseudonym('c'), B, null, 51, "C-"),
				ParcelFilesFixture.records(shunfeng, pseudonym('d'), B, null, 50, "D-"));
		detection.detect(B, RegionPrefix.of(""));
		List<AlertView> found = alertsOf(AlertRule.PSEUDONYM_VOLUME, B);
		assertThat(found).extracting(AlertView::subject).containsExactly(pseudonym('c') + "@" + shunfeng + "@320506");
		assertThat(found.get(0).measure()).isEqualByComparingTo("51");
		assertThat(found.get(0).enterpriseId()).isEqualTo(shunfeng);
		assertThat(found.get(0).subjectShown()).isEqualTo("cccccccc…cccc");
	}

	@Test
	void ruleCACourierAcceptingParcelsSentUnderHisOwnId() throws Exception {
		String clear = "11010519491231002X";
		mvc.perform(post("/api/v1/safety/couriers").header("Authorization", SHUNFENG)
			.contentType("application/x-ndjson")
			.content("{\"courierId\":\"C-T-1\",\"idNumber\":\"" + clear.toLowerCase() + "\"}\n"
					+ "{\"courierId\":\"C-T-2\",\"idNumber\":\"320506198001010013\"}\n"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(2))
			.andExpect(content().string(Matchers.not(Matchers.containsString(clear))));
		assertThat(jdbc.sql("SELECT id_pseudonym FROM safety_courier WHERE courier_id = 'C-T-1'").query(String.class).single())
			.as("the roster keeps the pseudonym, the same for x and X").isEqualTo(pseudonyms.of(clear));
		// the whole row, not a fragment: a 64-hex-digit pseudonym may contain "1949" by chance (a flaky CI run did)
		assertThat(jdbc.sql("SELECT count(*) FROM safety_courier s WHERE s::text ILIKE :clear")
			.param("clear", "%" + clear.substring(0, 17) + "%")
			.query(Long.class)
			.single()).as("no roster row holds the clear ID number").isZero();
		String self = pseudonyms.of(clear);
		ParcelFilesFixture.write(files.root(), ParcelFilesFixture.records(shunfeng, self, C, "C-T-1", 2, "SELF-"),
				// the same sender through another courier, and the courier for another sender: no alert
				ParcelFilesFixture.records(shunfeng, self, C, "C-T-2", 1, "OTHER-"),
				ParcelFilesFixture.records(shunfeng, pseudonym('e'), C, "C-T-1", 3, "E-"));
		detection.detect(C, RegionPrefix.of(""));
		List<AlertView> found = alertsOf(AlertRule.COURIER_SELF, C);
		assertThat(found).extracting(AlertView::subject).containsExactly(shunfeng + ":C-T-1@320506");
		assertThat(found.get(0).subjectShown()).as("the enterprise by its name, not its internal id")
			.isEqualTo(found.get(0).enterpriseName() + " 快递员C-T-1");
		assertThat(found.get(0).measure()).isEqualByComparingTo("2");
		assertThat(found.get(0).detail()).contains("SELF-0", "SELF-1").doesNotContain("OTHER-").doesNotContain(clear);
	}

	/**
	 * An alert about a courier is found by the courier's enterprise: its name as the registry has it today and its credit
	 * code — the subject holds the enterprise's id, the detail the name it was detected under (here one the enterprise
	 * no longer bears), and a row kept without the enterprise's id names it in its subject.
	 */
	@Test
	void aCourierAlertIsFoundByTheCouriersEnterprise() throws Exception {
		courierSendingHisOwn("C-S-9", "C-S-9", D);
		assertThat(alertsOf(AlertRule.COURIER_SELF, D)).hasSize(1);
		String name = jdbc.sql("SELECT legal_name FROM enterprise WHERE id = :id").param("id", shunfeng).query(String.class).single();
		String code = jdbc.sql("SELECT credit_code FROM enterprise WHERE id = :id").param("id", shunfeng).query(String.class).single();
		// detected under a name the enterprise has changed since, and kept without its id
		jdbc.sql("UPDATE safety_alert SET detail = replace(detail, :name, '旧名称快递公司'), enterprise_id = NULL "
				+ "WHERE rule = 'COURIER_SELF' AND day = :day").param("name", name).param("day", D).update();
		for (String q : List.of(name, code)) {
			assertThat(alerts.list(DataScope.all(), null, null, PageQuery.of(q, 0, 200, null, null)).items())
				.extracting(AlertView::subject).contains(shunfeng + ":C-S-9@320506");
		}
	}

	/**
	 * A roster declared in another charset than UTF-8 (a GBK file) is refused before it is read, as the parcel upload
	 * is: 400 on {@code Content-Type}, rule {@code encoding}, nothing saved; declared UTF-8 it is taken.
	 */
	@Test
	void aRosterDeclaredInAnotherCharsetIsRefusedAsTheParcelUploadIs() throws Exception {
		byte[] gbk = "{\"courierId\":\"C-GBK-1\",\"idType\":\"居民身份证\",\"idNumber\":\"320506198001010013\"}"
			.getBytes(java.nio.charset.Charset.forName("GBK"));
		mvc.perform(post("/api/v1/safety/couriers").header("Authorization", SHUNFENG)
			.contentType("application/json;charset=GBK").content(gbk))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("Content-Type"))
			.andExpect(jsonPath("$.errors[0].rule").value("encoding"))
			.andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("GBK")));
		assertThat(jdbc.sql("SELECT count(*) FROM safety_courier WHERE courier_id = 'C-GBK-1'").query(Long.class).single()).isZero();
		mvc.perform(post("/api/v1/safety/couriers").header("Authorization", SHUNFENG)
			.contentType("application/json;charset=UTF-8")
			.content("{\"courierId\":\"C-GBK-1\",\"idType\":\"居民身份证\",\"idNumber\":\"320506198001010013\"}"
				.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
			.andExpect(status().isOk());
		assertThat(jdbc.sql("SELECT count(*) FROM safety_courier WHERE courier_id = 'C-GBK-1'").query(Long.class).single()).isOne();
	}

	/** A roster line typed k-t-7 and records of K-T-7 are one courier: the rule fires (ids were compared by case). */
	@Test
	void ruleCComparesCourierIdsWhateverTheirCase() throws Exception {
		courierSendingHisOwn("c-t-7", "C-T-7", C);
		assertThat(jdbc.sql("SELECT count(*) FROM safety_courier WHERE enterprise_id = :e AND upper(courier_id) = 'C-T-7'")
			.param("e", shunfeng).query(Long.class).single()).isOne();
		assertThat(alertsOf(AlertRule.COURIER_SELF, C)).extracting(AlertView::subject).contains(shunfeng + ":C-T-7@320506");
	}

	@Test
	void aRosterWithABadLineSavesNothing() throws Exception {
		mvc.perform(post("/api/v1/safety/couriers").header("Authorization", SHUNFENG)
			.contentType(MediaType.APPLICATION_JSON)
			.content("[{\"courierId\":\"C-OK\",\"idNumber\":\"320506198001010013\"},{\"courierId\":\"bad id!\",\"idNumber\":\"\"}]"))
			.andExpect(status().isBadRequest());
		assertThat(jdbc.sql("SELECT count(*) FROM safety_courier WHERE courier_id = 'C-OK'").query(Long.class).single()).isZero();
		// a field the roster does not take is refused by its line, not dropped ("type" would have left the default type)
		mvc.perform(post("/api/v1/safety/couriers").header("Authorization", SHUNFENG)
			.contentType("application/x-ndjson")
			.content("{\"courierId\":\"C-OK\",\"idNumber\":\"320506198001010013\"}\n"
					+ "{\"courierId\":\"C-OK2\",\"type\":\"港澳居民来往内地通行证\",\"idNumber\":\"H12345678\"}\n"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].field").value("type"))
			.andExpect(jsonPath("$.errors[0].rule").value("unknown"))
			.andExpect(jsonPath("$.errors[0].message").value(Matchers.startsWith("第2行：不认识的字段“type”")));
		assertThat(jdbc.sql("SELECT count(*) FROM safety_courier WHERE courier_id IN ('C-OK', 'C-OK2')").query(Long.class).single())
			.isZero();
		mvc.perform(post("/api/v1/safety/couriers").header("Authorization", "Bearer demo-sz-admin-token")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"courierId\":\"C-OK\",\"idNumber\":\"320506198001010013\"}"))
			.andExpect(status().isForbidden());
	}

	/** A courierId that is a mobile or ID number is refused as on the parcel records (it would be kept in the clear). */
	@Test
	void aRosterCourierIdIsNoPersonalNumber() throws Exception {
		mvc.perform(post("/api/v1/safety/couriers").header("Authorization", SHUNFENG)
			.contentType(MediaType.APPLICATION_JSON)
			.content("[{\"courierId\":\"13987654321\",\"idNumber\":\"320506198001010013\"},"
					+ "{\"courierId\":\"139-8765-4321\",\"idNumber\":\"320506198001010013\"},"
					+ "{\"courierId\":\"WZ-139-8765-4321\",\"idNumber\":\"320506198001010013\"},"
					+ "{\"courierId\":\"C-T-0151\",\"idNumber\":\"320506198001010013\"}]"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(3))
			.andExpect(jsonPath("$.errors[0].rule").value("personal-number"))
			.andExpect(jsonPath("$.errors[1].rule").value("personal-number"))
			.andExpect(jsonPath("$.errors[2].rule").value("personal-number"))
			.andExpect(content().string(Matchers.not(Matchers.containsString("8765"))));
		assertThat(jdbc.sql("SELECT count(*) FROM safety_courier WHERE courier_id = 'C-T-0151'").query(Long.class).single())
			.isZero();
	}

	@Test
	void aRosterIdNumberIsCheckedLikeASenderIdNumberAndEveryBadLineIsListed() throws Exception {
		// a wrong GB 11643 check character, a phone number, a company's credit code as a courier's document: each named
		mvc.perform(post("/api/v1/safety/couriers").header("Authorization", SHUNFENG)
			.contentType(MediaType.APPLICATION_JSON)
			.content("[{\"courierId\":\"C-V1\",\"idNumber\":\"320506199001010019\"},"
					+ "{\"courierId\":\"C-V2\",\"idNumber\":\"13812345678\"},"
					+ "{\"courierId\":\"C-V3\",\"idNumber\":\"320506199001010018\"},"
					+ "{\"courierId\":\"C-V4\",\"idType\":\"统一社会信用代码\",\"idNumber\":\"91320506MA1ND7K3Q3\"},"
					+ "{\"courierId\":\"C-V5\",\"idType\":\"护照\",\"idNumber\":\"E1234567!\"}]"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(4))
			.andExpect(jsonPath("$.errors[0].field").value("idNumber"))
			.andExpect(jsonPath("$.errors[0].rule").value("resident-id"))
			.andExpect(jsonPath("$.errors[0].message").value(Matchers.startsWith("第1行")))
			.andExpect(jsonPath("$.errors[1].message").value(Matchers.startsWith("第2行")))
			.andExpect(jsonPath("$.errors[2].field").value("idType"))
			.andExpect(jsonPath("$.errors[2].message").value(Matchers.startsWith("第4行")))
			.andExpect(jsonPath("$.errors[3].message").value(Matchers.startsWith("第5行")))
			.andExpect(content().string(Matchers.not(Matchers.containsString("13812345678"))));
		assertThat(jdbc.sql("SELECT count(*) FROM safety_courier WHERE courier_id LIKE 'C-V%'").query(Long.class).single())
			.as("the valid third line is not saved either").isZero();
		mvc.perform(post("/api/v1/safety/couriers").header("Authorization", SHUNFENG)
			.contentType(MediaType.APPLICATION_JSON)
			.content("[{\"courierId\":\"C-V3\",\"idNumber\":\"320506199001010018\"},"
					+ "{\"courierId\":\"C-V5\",\"idType\":\"护照\",\"idNumber\":\"E1234567\"}]"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(2));
	}

	/**
	 * Attack finding 3: the roster reads and checks a number as the parcel records do (one code, IdNumbers): a resident
	 * ID number in full-width digits or typed in blocks is taken under the records' pseudonym (it was refused); a
	 * passport number that is a resident ID number, a hyphenated mobile number or a lone hyphen is refused (they were
	 * taken).
	 */
	@Test
	void aRosterIdNumberIsReadAndCheckedAsTheRecordsRead() throws Exception {
		String clear = "11010519491231002X";
		mvc.perform(post("/api/v1/safety/couriers").header("Authorization", SHUNFENG)
			.contentType(MediaType.APPLICATION_JSON)
			.content("[{\"courierId\":\"C-N1\",\"idNumber\":\"１１０１０５１９４９１２３１００２Ｘ\"},"
					+ "{\"courierId\":\"C-N2\",\"idNumber\":\"110105 19491231 002X\"},"
					+ "{\"courierId\":\"C-N3\",\"idNumber\":\"110105-19491231-002x\"}]"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(3));
		assertThat(jdbc.sql("SELECT DISTINCT id_pseudonym FROM safety_courier WHERE enterprise_id = :e AND courier_id LIKE 'C-N_'")
			.param("e", shunfeng).query(String.class).list()).as("one pseudonym, the records' one").containsExactly(pseudonyms.of(clear));
		mvc.perform(post("/api/v1/safety/couriers").header("Authorization", SHUNFENG)
			.contentType(MediaType.APPLICATION_JSON)
			.content("[{\"courierId\":\"C-P1\",\"idType\":\"外国人护照\",\"idNumber\":\"" + clear + "\"},"
					+ "{\"courierId\":\"C-P2\",\"idType\":\"外国人护照\",\"idNumber\":\"139-1234-5678\"},"
					+ "{\"courierId\":\"C-P3\",\"idType\":\"外国人护照\",\"idNumber\":\"-\"},"
					+ "{\"courierId\":\"C-P4\",\"idType\":\"外国人护照\",\"idNumber\":\"E12345678\"}]"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(3))
			.andExpect(jsonPath("$.errors[0].field").value("idNumber"))
			.andExpect(jsonPath("$.errors[0].rule").value("id-type-mismatch"))
			.andExpect(jsonPath("$.errors[0].message").value(Matchers.startsWith("第1行：证件号码（idNumber）")))
			.andExpect(jsonPath("$.errors[1].rule").value("mobile-number"))
			.andExpect(jsonPath("$.errors[2].rule").value("format"))
			.andExpect(content().string(Matchers.not(Matchers.containsString("19491231"))));
		assertThat(jdbc.sql("SELECT count(*) FROM safety_courier WHERE courier_id LIKE 'C-P_'").query(Long.class).single()).isZero();
	}

	@Test
	void ruleDAnOutletBelowTheRealNameThreshold() {
		hour(D, shunfeng, "TEST-OUT-80", 100, 0, 80);
		hour(D, shunfeng, "TEST-OUT-99", 100, 0, 99);
		hour(D, shunfeng, "TEST-OUT-SMALL", 12, 2, 5);
		detection.detect(D, RegionPrefix.of(""));
		List<AlertView> found = alertsOf(AlertRule.OUTLET_REAL_NAME, D);
		assertThat(found).extracting(AlertView::subject).containsExactly("TEST-OUT-80");
		assertThat(found.get(0).measure()).isEqualByComparingTo("80.00");
		assertThat(found.get(0).threshold()).isEqualByComparingTo("95");
	}

	/**
	 * An enterprise cannot escape rule (d) by naming no outlet: its parcels without {@code outletFilingNumber} are its
	 * own group (未注明网点) per sender county, judged by the same threshold and minimum in each county, with that
	 * county's figures (attack M3: every county was given the enterprise's figures for all counties).
	 */
	/**
	 * Finding (an alert's detail stored as Chinese text): the detection stores the detail as its key with its values,
	 * and the alert's page and list word it in the reader's language — English for an English reader, the Chinese as
	 * stored for a Chinese one.
	 */
	@Test
	void anAlertsDetailIsStoredAsItsKeyAndReadInTheReadersLanguage() throws Exception {
		hour(D, shunfeng, "TEST-OUT-9499", 1999, 0, 1899);
		detection.detect(D, RegionPrefix.of(""));
		AlertView rate = alertsOf(AlertRule.OUTLET_REAL_NAME, D).get(0);
		assertThat(rate.detailKey()).isEqualTo("safety.alert.detail.outletRealName");
		assertThat(rate.detailArgs()).containsExactly("", "TEST-OUT-9499", D.toString(), "94.99", "1999", "1899");
		assertThat(rate.detail()).isEqualTo("网点 （备案编号 TEST-OUT-9499）" + ChineseText.day(D) + " 实名率 94.99%（应实名 1999 件，实名 1899 件）");
		MockHttpSession staff = SignIn.session(mvc, "sz.safety");
		mvc.perform(get("/safety/alerts/" + rate.id() + "?lang=en").session(staff))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Outlet (filing number TEST-OUT-9499) had a real-name rate of 94.99% on "
					+ D + " (1899 of 1999 parcels subject to it)")))
			.andExpect(content().string(Matchers.not(Matchers.containsString("实名率 94.99%"))));
		mvc.perform(get("/safety/alerts?lang=en&q=TEST-OUT-9499").session(staff))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("had a real-name rate of 94.99%")));
		mvc.perform(get("/safety/alerts/" + rate.id() + "?lang=zh-CN").session(staff))
			.andExpect(content().string(Matchers.containsString(rate.detail())));
	}

	/**
	 * The migration that keyed the details (V372) reads an existing alert's Chinese detail back into its key and values
	 * as each rule wrote it — so it reads in English as a new one does — and leaves a detail of another shape without a
	 * key, shown as stored; it runs again without harm.
	 */
	@Test
	void theMigrationKeysTheDetailsOfExistingAlerts() throws Exception {
		String insert = "INSERT INTO safety_alert (rule, subject, day, region_code, measure, threshold, detail, status, created_at) "
				+ "VALUES (?, ?, ?, '320506', 1, 1, ?, 'OPEN', now()) RETURNING id";
		Long machine = jdbcTemplate.queryForObject(insert, Long.class, "MACHINE_IDLE", "SN-OLD", E,
				"安检机 1号机（序列号 SN-OLD）工作日 " + E + " 无过机记录");
		Long courier = jdbcTemplate.queryForObject(insert, Long.class, "COURIER_SELF", "1:C-1@320506", E,
				"某快递公司快递员 C-1 " + E + " 收寄本人证件寄出的快件 2 件（运单 SF1、SF2）");
		Long share = jdbcTemplate.queryForObject(insert, Long.class, "EXEMPT_SHARE", "X（未注明网点）@320506", E,
				"某快递公司 未注明网点的收寄记录" + E + " 豁免实名收寄件（协议客户、信件）占比 60.00%（收寄 100 件，豁免 60 件）");
		Long other = jdbcTemplate.queryForObject(insert, Long.class, "MACHINE_IDLE", "SN-ODD", E, "旧格式的情况");
		String sql = new String(getClass().getResourceAsStream("/db/migration/safety/V372__alert_detail_key.sql").readAllBytes(),
				java.nio.charset.StandardCharsets.UTF_8);
		jdbcTemplate.execute(sql);
		jdbcTemplate.execute(sql);
		DataScope all = DataScope.all();
		assertThat(alerts.get(all, machine).detailArgs()).containsExactly("1号机", "SN-OLD", E.toString());
		assertThat(alerts.get(all, courier).detailKey()).isEqualTo("safety.alert.detail.courierSelf");
		assertThat(alerts.get(all, courier).detailArgs()).containsExactly("某快递公司", "C-1", E.toString(), "2", "SF1、SF2");
		assertThat(alerts.get(all, share).detailKey()).isEqualTo("safety.alert.detail.noOutletExemptShare");
		assertThat(alerts.get(all, share).detailArgs()).containsExactly("某快递公司", E.toString(), "60.00", "100", "60");
		assertThat(alerts.get(all, other).detailKey()).isNull();
		MockHttpSession staff = SignIn.session(mvc, "sz.safety");
		mvc.perform(get("/safety/alerts/" + machine + "?lang=en").session(staff))
			.andExpect(content().string(Matchers.containsString("Screening machine 1号机 (serial number SN-OLD) screened no parcel")));
		mvc.perform(get("/safety/alerts/" + other + "?lang=en").session(staff))
			.andExpect(content().string(Matchers.containsString("旧格式的情况")));
	}

	/**
	 * An alert states the rate as it was compared: 1899 of 1999 (94.997 %) is below 95 % and reads 94.99 %, not the
	 * half-up 95.00 % that contradicted the alert; a share above its bound reads above it (5001 of 10001 = 50.005 %
	 * reads 50.01 %, not 50.00 %, over 50 %).
	 */
	@Test
	void anAlertStatesTheRateOnTheSideOfTheThresholdItWasComparedOn() throws Exception {
		hour(D, shunfeng, "TEST-OUT-9499", 1999, 0, 1899);
		hour(D, shunfeng, "TEST-OUT-EX5000", 10001, 5001, 5000);
		detection.detect(D, RegionPrefix.of(""));
		AlertView rate = alertsOf(AlertRule.OUTLET_REAL_NAME, D).get(0);
		assertThat(rate.subject()).isEqualTo("TEST-OUT-9499");
		assertThat(rate.measure()).isEqualByComparingTo("94.99");
		assertThat(rate.detail()).contains("实名率 94.99%（应实名 1999 件，实名 1899 件）").doesNotContain("95.00%");
		AlertView share = alertsOf(AlertRule.EXEMPT_SHARE, D).get(0);
		assertThat(share.subject()).isEqualTo("TEST-OUT-EX5000");
		assertThat(share.measure()).isEqualByComparingTo("50.01");
		assertThat(share.detail()).contains("占比 50.01%");
		mvc.perform(get("/safety/alerts/" + rate.id()).session(SignIn.session(mvc, "sz.safety")))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("实名率 94.99%")));
	}

	/**
	 * The detection runs for yesterday (China time) at the latest: today's parcels are still arriving and an alert is
	 * never raised twice, so a part-day count would stand. The service refuses a later day (400 {@code day}/{@code not-over});
	 * the page offers yesterday as its latest and a refused day shows the alerts page again with the error, not the
	 * error page.
	 */
	@Test
	void theDetectionRunsForYesterdayAtTheLatestAndARefusedDayShowsTheAlertsPageAgain() throws Exception {
		LocalDate today = LocalDate.now(clock.withZone(ParcelRecord.CHINA));
		assertThat(detection.latestDay()).isEqualTo(today.minusDays(1));
		assertThatThrownBy(() -> detection.detect(today, RegionPrefix.of(""))).isInstanceOf(InvalidValueException.class)
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors()).singleElement()
				.satisfies(e -> assertThat(e.field() + "/" + e.rule()).isEqualTo("day/not-over")));
		MockHttpSession staff = SignIn.session(mvc, "sz.safety");
		mvc.perform(get("/safety/alerts").session(staff))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("max=\"" + today.minusDays(1) + "\"")));
		for (LocalDate day : List.of(today, today.plusDays(1))) {
			mvc.perform(post("/safety/alerts/detect").param("day", day.toString()).session(staff).with(csrf()))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(Matchers.containsString("检测日期最迟为昨天（" + ChineseText.day(today.minusDays(1)) + "）")))
				.andExpect(content().string(Matchers.containsString("id=\"alerts\"")))
				.andExpect(content().string(Matchers.containsString("value=\"" + day + "\"")));
		}
		for (String typed : new String[] { "", "2025-13-40" }) {
			mvc.perform(post("/safety/alerts/detect").param("day", typed).session(staff).with(csrf()))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(Matchers.containsString("id=\"alerts\"")));
		}
		mvc.perform(post("/safety/alerts/detect").param("day", today.minusDays(1).toString()).session(staff).with(csrf()))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void ruleDJudgesTheParcelsNamingNoOutletAsTheEnterprisesOwnGroupPerCounty() {
		String code = creditCode(shunfeng);
		// 30 subject parcels at 50 % in 吴中; 12 at 0 % in 姑苏, under the minimum of 20 there
		hour(D, shunfeng, "", "320506", 30, 0, 15);
		hour(D, shunfeng, "", "320505", 14, 2, 0);
		detection.detect(D, RegionPrefix.of(""));
		List<AlertView> found = alertsOf(AlertRule.OUTLET_REAL_NAME, D);
		assertThat(found).extracting(AlertView::subject).containsExactly(code + "（未注明网点）@320506");
		assertThat(found).extracting(AlertView::regionCode).containsExactly("320506");
		assertThat(found.get(0).measure()).isEqualByComparingTo("50.00");
		assertThat(found.get(0).subjectShown()).isEqualTo(code + "（未注明网点）");
		assertThat(found.get(0).detail()).contains("未注明网点", "应实名 30 件，实名 15 件");
		// the near miss: the same enterprise another day at 96 %
		hour(E, shunfeng, "", "320506", 100, 0, 96);
		detection.detect(E, RegionPrefix.of(""));
		assertThat(alertsOf(AlertRule.OUTLET_REAL_NAME, E)).isEmpty();
	}

	/**
	 * Rule (f): the exemptions are the enterprise's own word (协议客户, 信件), so an outlet whose day is mostly exempt is
	 * flagged above the rule catalogue's threshold (50 % by default, at least 20 parcels); its page states it.
	 */
	@Test
	void ruleFAnOutletWhoseDayIsMostlyExemptFromRealName() throws Exception {
		hour(D, shunfeng, "TEST-OUT-EX60", 100, 60, 40);
		hour(D, shunfeng, "TEST-OUT-EX50", 100, 50, 50);
		hour(D, shunfeng, "TEST-OUT-EXSMALL", 10, 10, 0);
		detection.detect(D, RegionPrefix.of(""));
		List<AlertView> found = alertsOf(AlertRule.EXEMPT_SHARE, D);
		assertThat(found).extracting(AlertView::subject).containsExactly("TEST-OUT-EX60");
		assertThat(found.get(0).measure()).isEqualByComparingTo("60.00");
		assertThat(found.get(0).threshold()).isEqualByComparingTo("50");
		assertThat(found.get(0).detail()).contains("豁免", "收寄 100 件，豁免 60 件");
		assertThat(alertsOf(AlertRule.OUTLET_REAL_NAME, D)).as("its real-name rate is 100 % of the rest").isEmpty();
		mvc.perform(get("/safety/alerts/rules/exempt-share").session(SignIn.session(mvc, "sz.safety")))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("日豁免件占比 &gt; 50%")))
			.andExpect(content().string(Matchers.containsString("TEST-OUT-EX60")));
	}

	/**
	 * Rule (f) for parcels naming no outlet judges each sender county's own share (attack M3: 吴中's 60 % exempt day
	 * was hidden in the enterprise's 30 % over all counties, and a county's alert carried the others' figures).
	 */
	@Test
	void ruleFJudgesTheParcelsNamingNoOutletPerCounty() {
		String code = creditCode(shunfeng);
		hour(D, shunfeng, "", "320506", 100, 60, 40);
		hour(D, shunfeng, "", "320505", 100, 0, 100);
		detection.detect(D, RegionPrefix.of(""));
		List<AlertView> found = alertsOf(AlertRule.EXEMPT_SHARE, D);
		assertThat(found).extracting(AlertView::subject).containsExactly(code + "（未注明网点）@320506");
		assertThat(found.get(0).measure()).isEqualByComparingTo("60.00");
		assertThat(found.get(0).detail()).contains("收寄 100 件，豁免 60 件");
	}

	/**
	 * Rule (e) judges a machine by its registered duty: its owner uploading nothing that day does not keep it off the
	 * alert once records of its county have arrived from another enterprise.
	 */
	@Test
	void ruleEJudgesAMachineWhoseOwnerUploadedNothingThatDay() {
		record Machine(String serial, long enterpriseId, String county) {
		}
		Machine machine = jdbc.sql("""
				SELECT serial_number, enterprise_id, rpad(substr(region_code, 1, 6), 6, '0') FROM screening_machine
				WHERE status = 'IN_SERVICE' AND (commissioned_on IS NULL OR commissioned_on <= :day)
				ORDER BY serial_number LIMIT 1""")
			.param("day", E)
			.query((rs, n) -> new Machine(rs.getString(1), rs.getLong(2), rs.getString(3)))
			.single();
		// another enterprise's parcels of the machine's county arrived; its owner uploaded nothing that day
		long other = jdbc.sql("SELECT min(id) FROM enterprise WHERE id <> :owner").param("owner", machine.enterpriseId())
			.query(Long.class).single();
		hour(E, other, "", machine.county(), 10, 0, 10);
		detection.detect(E, RegionPrefix.of(""));
		assertThat(alertsOf(AlertRule.MACHINE_IDLE, E)).extracting(AlertView::subject).contains(machine.serial());
	}

	@Test
	void ruleEAnIdleScreeningMachineOnAWorkingDayOnly() {
		record Machine(String serial, long enterpriseId) {
		}
		List<Machine> machines = jdbc.sql("""
				SELECT serial_number, enterprise_id FROM facility WHERE kind = 'SCREENING_MACHINE' AND status = 'IN_SERVICE'
				  AND enterprise_id = (SELECT enterprise_id FROM facility WHERE kind = 'SCREENING_MACHINE'
				                       AND status = 'IN_SERVICE' GROUP BY enterprise_id HAVING count(*) >= 2
				                       ORDER BY enterprise_id LIMIT 1)
				ORDER BY serial_number""")
			.query((rs, n) -> new Machine(rs.getString(1), rs.getLong(2)))
			.list();
		Machine idle = machines.get(0);
		Machine busy = machines.get(1);
		for (LocalDate day : List.of(E, SATURDAY)) {
			hour(day, busy.enterpriseId(), "", 10, 0, 10);
			jdbc.sql("INSERT INTO safety_machine_day (day, enterprise_id, machine_serial, parcels) VALUES (:d, :e, :m, 10)")
				.params(Map.of("d", day, "e", busy.enterpriseId(), "m", busy.serial()))
				.update();
		}
		detection.detect(E, RegionPrefix.of(""));
		detection.detect(SATURDAY, RegionPrefix.of(""));
		assertThat(alertsOf(AlertRule.MACHINE_IDLE, E)).extracting(AlertView::subject).contains(idle.serial())
			.doesNotContain(busy.serial());
		assertThat(alertsOf(AlertRule.MACHINE_IDLE, SATURDAY)).as("not a working day").isEmpty();
	}

	@Test
	void staffReferAnAlertAsACaseLeadAndTheRegionIsNotified() throws Exception {
		hour(D, shunfeng, "TEST-OUT-80", 100, 0, 80);
		MockHttpSession staff = SignIn.session(mvc, "sz.safety");
		mvc.perform(post("/safety/alerts/detect").param("day", D.toString()).session(staff).with(csrf()))
			.andExpect(status().is3xxRedirection());
		AlertView alert = alertsOf(AlertRule.OUTLET_REAL_NAME, D).get(0);
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT count(*) FROM notification WHERE dedupe_key = :k")
			.param("k", "safety-alert-" + alert.id()).query(Long.class).single() == 1);
		mvc.perform(get("/safety/alerts/rules/outlet-real-name").session(staff))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("TEST-OUT-80")));
		// the kernel's text checks, as every free text has them: stacked combining marks refused, and the length counted
		// in characters — 250 characters outside the BMP are 500 UTF-16 units, within the 500 characters allowed
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> alerts.refer(DataScope.all(), alert.id(),
				"偏低a" + "\u0301".repeat(9), "test"))
			.isInstanceOfSatisfying(org.youguan.kernel.InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(org.youguan.kernel.FieldError::rule).containsExactly("combining-marks"));
		String reason = "实名率明显偏低，立案调查" + "\uD840\uDC00".repeat(250);
		mvc.perform(post("/safety/alerts/" + alert.id() + "/refer").param("reason", reason).session(staff).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(alerts.get(DataScope.all(), alert.id()).status()).isEqualTo("REFERRED");
		assertThat(alerts.get(DataScope.all(), alert.id()).reason()).isEqualTo(reason);
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
				"SELECT count(*) FROM penalty_lead WHERE source = 'SAFETY' AND source_ref = :r")
			.param("r", "safety-alert:" + alert.id()).query(Long.class).single() == 1);
		assertThat(jdbc.sql("SELECT enterprise_credit_code FROM penalty_lead WHERE source_ref = :r")
			.param("r", "safety-alert:" + alert.id()).query(String.class).single()).isNotBlank();
		Assertions.assertThrows(DomainException.class,
				() -> alerts.dismiss(DataScope.all(), alert.id(), "重复处理", "test"));
	}

	@Test
	void staffListAnAlertsEnterpriseAsAnInspectionTargetThatTheInspectionsPageShowsWithItsSourceAlert() throws Exception {
		hour(D, shunfeng, "TEST-OUT-80", 100, 0, 80);
		detection.detect(D, RegionPrefix.of(""));
		AlertView alert = alertsOf(AlertRule.OUTLET_REAL_NAME, D).get(0);
		MockHttpSession leader = SignIn.session(mvc, "sz.leader");
		mvc.perform(get("/safety/alerts/" + alert.id()).session(leader))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.not(
					Matchers.containsString("/safety/alerts/" + alert.id() + "/target"))));
		MockHttpSession staff = SignIn.session(mvc, "sz.safety");
		mvc.perform(get("/safety/alerts/" + alert.id()).session(staff))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("/safety/alerts/" + alert.id() + "/target")));
		mvc.perform(post("/safety/alerts/" + alert.id() + "/target").param("reason", "网点实名率偏低，列入专项检查")
			.session(leader).with(csrf())).andExpect(redirectedUrl("/safety/alerts/" + alert.id()))
			.andExpect(flash().attribute(org.youguan.kernel.PageSteps.REFUSED_STATUS, 403));
		mvc.perform(post("/safety/alerts/" + alert.id() + "/target").param("reason", "网点实名率偏低，列入专项检查")
			.session(staff).with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(alerts.get(DataScope.all(), alert.id()).status()).isEqualTo("TARGETED");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'safety.alert.target' AND object_id = :id")
			.param("id", Long.toString(alert.id())).query(Long.class).single()).isEqualTo(1);
		String ref = "safety-alert:" + alert.id();
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
				"SELECT count(*) FROM inspection_key_target WHERE source_ref = :r").param("r", ref).query(Long.class).single() == 1);
		long target = jdbc.sql("SELECT id FROM inspection_key_target WHERE source_ref = :r").param("r", ref)
			.query(Long.class).single();
		String creditCode = jdbc.sql("SELECT credit_code FROM enterprise WHERE id = :id").param("id", shunfeng)
			.query(String.class).single().strip();
		assertThat(jdbc.sql("SELECT enterprise_credit_code FROM inspection_key_target WHERE id = :id").param("id", target)
			.query(String.class).single()).isEqualTo(creditCode);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'inspection.key-target.add' AND object_id = :id")
			.param("id", Long.toString(target)).query(Long.class).single()).isEqualTo(1);

		mvc.perform(get("/inspections/key-targets").session(staff))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("href=\"/safety/alerts/" + alert.id() + "\"")))
			.andExpect(content().string(Matchers.containsString("网点实名率偏低，列入专项检查")))
			.andExpect(content().string(Matchers.containsString("/inspections/records/new?keyTarget=" + target)));
		mvc.perform(get("/inspections/key-targets").session(SignIn.session(mvc, "ks.admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.not(Matchers.containsString("keyTarget=" + target))));
		List<List<String>> exported = ExportedRows.of(mvc, staff, "/inspections/key-targets/export.xlsx", "q", creditCode);
		assertThat(exported.get(0)).containsExactly("列入日期", "企业", "统一社会信用代码", "区域", "来源", "情况", "列入说明", "列入人",
				"状态", "检查日期");
		assertThat(exported).anySatisfy(row -> assertThat(row).contains(creditCode, "待检查")
			.anyMatch(c -> c.contains("网点实名率偏低，列入专项检查")));
		assertThat(ExportedRows.of(mvc, SignIn.session(mvc, "ks.admin"), "/inspections/key-targets/export.xlsx", "q",
				creditCode)).as("another region's export holds none of them").hasSize(1);
		mvc.perform(get("/inspections/records/new").param("keyTarget", Long.toString(target)).session(staff))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("value=\"" + creditCode + "\"")));

		// a second step on the alert is refused: 409, nothing changed
		DomainException again = Assertions.assertThrows(
				DomainException.class, () -> alerts.target(DataScope.all(), alert.id(), "再次列入", "test"));
		assertThat(again.code().status()).isEqualTo(409);
		mvc.perform(post("/safety/alerts/" + alert.id() + "/dismiss").param("reason", "重复处理").session(staff).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(MockMvcResultMatchers.flash().attributeExists("errors"));
		assertThat(alerts.get(DataScope.all(), alert.id()).status()).isEqualTo("TARGETED");

		// an inspection of the enterprise recorded since the listing makes the target inspected
		LocalDate listedOn = jdbc.sql("SELECT listed_on FROM inspection_key_target WHERE id = :id").param("id", target)
			.query(LocalDate.class).single();
		long record = jdbc.sql("""
				INSERT INTO inspection_record (region_code, enterprise_id, enterprise_credit_code, enterprise_name, kind,
				    inspected_on, outcome, created_by, created_at)
				VALUES ('320506', :e, :code, '测试', 'SPECIAL', :on, 'NONE', 'test', now()) RETURNING id""")
			.param("e", shunfeng).param("code", creditCode).param("on", listedOn).query(Long.class).single();
		try {
			mvc.perform(get("/inspections/key-targets").session(staff))
				.andExpect(status().isOk())
				.andExpect(content().string(Matchers.containsString("/inspections/records/" + record + "\"")))
				.andExpect(content().string(Matchers.not(
						Matchers.containsString("/inspections/records/new?keyTarget=" + target))));
		}
		finally {
			jdbc.sql("DELETE FROM inspection_record WHERE id = :id").param("id", record).update();
		}
	}

	@Test
	void anAlertOfNoSingleEnterpriseCannotBecomeAnInspectionTarget() throws Exception {
		long id = jdbc.sql("""
				INSERT INTO safety_alert (rule, subject, day, region_code, measure, threshold, detail, status, created_at)
				VALUES ('PSEUDONYM_ENTERPRISES', :s, :d, '320506', 3, 3, '同一寄件人经3家企业寄递', 'OPEN', now()) RETURNING id""")
			.param("s", pseudonym('c')).param("d", A).query(Long.class).single();
		DomainException refused = Assertions.assertThrows(
				DomainException.class, () -> alerts.target(DataScope.all(), id, "列入", "test"));
		assertThat(refused.code().status()).isEqualTo(422);
		assertThat(alerts.get(DataScope.all(), id).status()).isEqualTo("OPEN");
		mvc.perform(get("/safety/alerts/" + id).session(SignIn.session(mvc, "sz.safety")))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.not(
					Matchers.containsString("/safety/alerts/" + id + "/target"))))
			.andExpect(content().string(Matchers.containsString("不能列为检查对象")));
	}

	@Test
	void aCountySeesOnlyItsRegionsAlertsAndAnEnterpriseNone() throws Exception {
		hour(D, shunfeng, "TEST-OUT-80", 100, 0, 80);
		detection.detect(D, RegionPrefix.of(""));
		AlertView alert = alertsOf(AlertRule.OUTLET_REAL_NAME, D).get(0);
		assertThat(alerts.list(DataScope.region("320506"), null, null, PageQuery.of(null, 0, 200, null, null)).items())
			.extracting(AlertView::id).contains(alert.id());
		assertThat(alerts.list(DataScope.region("320583"), null, null, PageQuery.of(null, 0, 200, null, null)).items())
			.extracting(AlertView::id).doesNotContain(alert.id());
		mvc.perform(get("/safety/alerts/" + alert.id()).session(SignIn.session(mvc, "wz.staff"))).andExpect(status().isOk());
		mvc.perform(get("/safety/alerts/" + alert.id()).session(SignIn.session(mvc, "ks.admin"))).andExpect(status().isNotFound());
		mvc.perform(get("/safety/alerts").session(SignIn.session(mvc, "sf.wz"))).andExpect(status().isForbidden());
	}

	@Test
	void theAlertExportHoldsTheListsColumnsOnlyTheUsersRegionAndFollowsTheFilters() throws Exception {
		String marker = "导出预警" + UUID.randomUUID();
		for (String region : List.of("320506", "320583")) {
			jdbc.sql("""
					INSERT INTO safety_alert (rule, subject, day, region_code, measure, threshold, detail, status, created_at)
					VALUES ('OUTLET_REAL_NAME', :s, :d, :r, 80, 95, :detail, 'OPEN', now())""")
				.param("s", marker + region).param("d", A).param("r", region).param("detail", marker + "实名率80%")
				.update();
		}
		MockHttpSession county = SignIn.session(mvc, "wz.staff");

		List<List<String>> rows = ExportedRows.of(mvc, county, "/safety/alerts/export.xlsx", "q", marker);
		assertThat(rows.get(0)).containsExactly("日期", "规则", "对象", "情况", "区域", "状态");
		assertThat(rows).as("the Wuzhong alert only: the Kunshan one is outside the county").hasSize(2);
		assertThat(rows.get(1)).startsWith(A.toString(), AlertRule.OUTLET_REAL_NAME.label(), marker + "320506",
				marker + "实名率80%").endsWith("待处理");
		assertThat(ExportedRows.of(mvc, county, "/safety/alerts/export.xlsx", "q", marker, "status", "DISMISSED"))
			.as("the status filter").hasSize(1);
		assertThat(ExportedRows.of(mvc, county,
				"/safety/alerts/rules/" + AlertRule.PSEUDONYM_ENTERPRISES.slug() + "/export.xlsx", "q", marker))
			.as("another rule's page").hasSize(1);
		assertThat(ExportedRows.of(mvc, county,
				"/safety/alerts/rules/" + AlertRule.OUTLET_REAL_NAME.slug() + "/export.xlsx", "q", marker))
			.as("the rule's own page").hasSize(2);
		mvc.perform(get("/safety/alerts").session(county))
			.andExpect(content().string(Matchers.containsString("/safety/alerts/export.xlsx")));
	}

	private String creditCode(long enterprise) {
		return jdbc.sql("SELECT credit_code FROM enterprise WHERE id = :id").param("id", enterprise)
			.query(String.class).single().strip();
	}

	private void hour(LocalDate day, long enterprise, String outlet, long parcels, long exempt, long realName) {
		hour(day, enterprise, outlet, "320506", parcels, exempt, realName);
	}

	private void hour(LocalDate day, long enterprise, String outlet, String county, long parcels, long exempt,
			long realName) {
		new ParcelRollups(enterprise).add(day.atTime(10, 0).atZone(ParcelRecord.CHINA).toInstant(), outlet, county, parcels,
				exempt, realName, parcels, parcels).writeTo(jdbcTemplate);
	}
}
