package org.youguan.licensing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.MutableClock;
import org.youguan.RandomDigits;
import org.youguan.TestImages;
import org.youguan.documents.PdfFiles;
import com.jayway.jsonpath.JsonPath;
import org.youguan.kernel.DataScope;
import org.youguan.org.Role;
import org.youguan.org.UserData;
import org.youguan.org.UserDirectory;
import org.youguan.org.UserKind;
import org.youguan.org.Users;
import org.youguan.security.ApiTokens;
import org.youguan.registry.EnterpriseData;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.LicenceGranted;
import org.youguan.registry.LicenceRevoked;
import org.youguan.registry.LicenceScope;
import org.youguan.registry.LicenceTerms;
import org.youguan.registry.LicenceView;
import org.youguan.registry.Licences;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the licensing module's API tests share: the demo accounts they call as, the API, the database, the registry's
 * licences, the test clock (set back after each test), a JSON POST in a caller's name, and a licence granted through the
 * registry's event.
 */
abstract class LicensingFixture {

	// the demo accounts' API tokens: 顺丰吴中营业部 (enterprise), 苏州 city bureau admin (also 处室工作人员), 吴中 and 相城
	// county staff; the provincial bureau's case handler is provisioned (PROVINCE)
	static final String ENTERPRISE = "Bearer demo-sf-wz-token";

	static final String CITY = "Bearer demo-sz-admin-token";

	static final String COUNTY = "Bearer demo-wz-staff-token";

	static final String OTHER_COUNTY = "Bearer demo-xc-staff-token";

	/**
	 * A 处室工作人员 of 江苏省邮政管理局 (the issuing authority of 同城 and 省内 licences): its Authorization header. The
	 * demo's provincial 系统管理员 manages accounts, not case work (kernel.CaseRoles), and the demo has no provincial staff.
	 */
	String PROVINCE;

	/** The provincial handler's header, provisioned once for the test JVM (its database). */
	private static String provinceHandler;

	@Autowired
	Users users;

	@Autowired
	UserDirectory directory;

	@Autowired
	ApiTokens tokens;

	@BeforeEach
	void provinceHandler() {
		synchronized (LicensingFixture.class) {
			if (provinceHandler == null) {
				String name = "js.handler." + UUID.randomUUID().toString().substring(0, 6);
				tx.executeWithoutResult(s -> users.provision(new UserData(name, "省局许可处", UserKind.STAFF,
						jdbc.sql("SELECT id FROM bureau WHERE region_code = '32'").query(Long.class).single(), null, null,
						null, EnumSet.of(Role.STAFF)), "Sheng#Ju-7Qx2Lm", false, false));
				var principal = directory.principal(name).orElseThrow();
				// stored like the demo's tokens, without an expiry: the tests move the clock years ahead
				String token = "test-js-handler-" + UUID.randomUUID();
				tx.executeWithoutResult(s -> tokens.storeKnownToken(principal, "省局许可测试", token));
				provinceHandler = "Bearer " + token;
			}
		}
		PROVINCE = provinceHandler;
	}

	/** What the tests upload as every material. */
	static final byte[] PDF = PdfFiles.blankPage();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Licences licences;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	MutableClock clock;

	/** Sets the clock back to the real time, for the tests that follow. */
	@AfterEach
	void resetClock() {
		clock.reset();
	}

	/** POSTs {@code json} to {@code path} with {@code token} as its Authorization header. */
	ResultActions call(String token, String path, String json) throws Exception {
		return mvc.perform(post(path).header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	/** The city bureau uploads material {@code m} of application {@code id} (a blank PDF). */
	void uploaded(long id, Material m) throws Exception {
		mvc.perform(multipart("/api/v1/licensing/applications/" + id + "/materials")
			.file(new MockMultipartFile("file", m.name() + ".pdf", "application/pdf", PDF))
			.param("kind", m.name())
			.header("Authorization", CITY)).andExpect(status().isOk());
	}

	/**
	 * The city bureau uploads every material of paper application {@code id} but the branch list, accepts it and reviews
	 * it (材料齐全).
	 */
	void acceptedAndReviewed(long id) throws Exception {
		for (Material m : Material.values()) {
			if (m != Material.BRANCH_LIST) {
				uploaded(id, m);
			}
		}
		call(CITY, "/api/v1/licensing/applications/" + id + "/acceptance", "{}").andExpect(status().isOk());
		call(CITY, "/api/v1/licensing/applications/" + id + "/review", "{\"opinion\":\"材料齐全\"}").andExpect(status().isOk());
	}

	/** Accepts, reviews and verifies (passed) a paper application with every material, ready to be decided. */
	void verified(long id) throws Exception {
		for (Material m : Material.values()) {
			uploaded(id, m);
		}
		call(CITY, "/api/v1/licensing/applications/" + id + "/acceptance", "{}").andExpect(status().isOk());
		call(CITY, "/api/v1/licensing/applications/" + id + "/review", "{\"opinion\":\"材料齐全\"}").andExpect(status().isOk());
		String data = """
				{"inspectors":[{"name":"林执法","certificateNumber":"32050004"},{"name":"冯安全","certificateNumber":"32050002"}],
				 "checklist":[{"item":"经营场所与申请材料一致","passed":true}],"passed":true,
				 "conclusion":"符合条件"}""";
		mvc.perform(multipart("/api/v1/licensing/applications/" + id + "/verification")
			.file(new MockMultipartFile("data", "", "application/json", data.getBytes(StandardCharsets.UTF_8)))
			.file(new MockMultipartFile("photos", "site.png", "image/png", TestImages.png(40, 30)))
			.header("Authorization", CITY)).andExpect(status().isOk());
	}

	/** A licence valid until {@code expiresOn} granted through the registry's event to a new holder (one branch listed). */
	String licensedUntil(String code, String name, LocalDate expiresOn) {
		LocalDate today = LocalDate.now(clock);
		LocalDate issued = expiresOn.minusYears(5).plusDays(1);
		return granted(new LicenceGranted(-5, "快递许可-32-1995-" + LicensingChangeRenewalIntegrationTest.unpadded(code),
				new EnterpriseData(name, code, EnterpriseType.EXPRESS, null, "孙原任", "吴中区分支路1号", "320506", null, null),
				LicenceScope.PROVINCE, "江苏省邮政管理局", "32", issued.isAfter(today) ? today : issued, expiresOn, false,
				new LicenceTerms(new BigDecimal("600000"), "苏州市吴中区", List.of("吴中分部")))).number();
	}

	/** A paper application of {@code kind} for {@code code} stating only the systems, the contact and the branches. */
	ResultActions submitted(String kind, String code, String extra) throws Exception {
		return call(CITY, "/api/v1/licensing/applications", """
				{"kind":"%s","applicantCreditCode":"%s","safetySystem":"实名收寄、验视、安检制度","serviceSystem":"服务承诺和投诉处理制度",
				 "personnel":"从业人员20人","contactName":"李联系","contactPhone":"13912345678"%s}""".formatted(kind, code, extra));
	}

	/** The .docx of the document of {@code kind} kept with application {@code id}, as the city bureau downloads it. */
	byte[] documentFile(long id, String kind) throws Exception {
		String detail = mvc.perform(get("/api/v1/licensing/applications/" + id).header("Authorization", CITY))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		List<Number> ids = JsonPath.read(detail, "$.attachments[?(@.kind == '" + kind + "')].id");
		return mvc.perform(get("/attachments/" + ids.get(0)).header("Authorization", CITY)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
	}

	/** Backends of this database waiting on a lock (a row, a table or an advisory lock). */
	long waiting() {
		return jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()")
			.query(Long.class).single();
	}

	/**
	 * Runs {@code work} in a transaction on another thread and keeps that transaction open, its locks held, until
	 * {@code release} counts down; answers once {@code work} has run, with the transaction's end.
	 */
	CompletableFuture<Void> heldOpen(Runnable work, CountDownLatch release) throws InterruptedException {
		CountDownLatch done = new CountDownLatch(1);
		CompletableFuture<Void> open = CompletableFuture.runAsync(() -> tx.executeWithoutResult(s -> {
			work.run();
			done.countDown();
			try {
				release.await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}));
		if (!done.await(60, TimeUnit.SECONDS)) {
			throw new AssertionError("the held transaction did not run its work within 60 s");
		}
		return open;
	}

	/**
	 * The province approves verified application {@code id} (a renewal or change of licence {@code number}) while a
	 * penalty decision revoking the licence holds the licence's row: the approval reads the licence as still in force, the
	 * registry hears it and waits for the row, the revocation commits, and the registry tells licensing the decision was
	 * not applied. Returns once the application is marked so; answers the revoking decision's number.
	 */
	String approvedWhileRevoked(long id, String number) throws Exception {
		String decision = "苏邮罚〔2026〕" + RandomDigits.of(5) + "号";
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Void> revocation = heldOpen(() -> licences.revokeByDecision(new LicenceRevoked(number, decision,
				"依据行政处罚决定书" + decision + "吊销：违法收寄")), release);
		long before = waiting();
		call(PROVINCE, "/api/v1/licensing/applications/" + id + "/approval", "{}").andExpect(status().isOk());
		await().atMost(Duration.ofSeconds(60)).until(() -> waiting() > before);
		release.countDown();
		revocation.get(60, TimeUnit.SECONDS);
		await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
				"SELECT not_in_effect_on IS NOT NULL FROM licence_application WHERE id = :id").param("id", id)
			.query(Boolean.class).single());
		return decision;
	}

	/** The text of the document of {@code kind} kept with application {@code id}, as the city bureau downloads it. */
	String document(long id, String kind) throws Exception {
		byte[] docx = documentFile(id, kind);
		try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx))) {
			return new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc).getText();
		}
	}

	/**
	 * Publishes {@code grant} in a transaction, as the licensing module does when the competent bureau decides, and waits
	 * until the registry has recorded the licence; answers the licence as the registry holds it.
	 */
	LicenceView granted(LicenceGranted grant) {
		tx.executeWithoutResult(s -> events.publishEvent(grant));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> licences.findByNumber(DataScope.all(), grant.licenceNumber()).isPresent());
		return licences.findByNumber(DataScope.all(), grant.licenceNumber()).orElseThrow();
	}
}
