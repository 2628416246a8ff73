package org.youguan.licensing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.IntegrationTest;
import org.youguan.RandomDigits;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.registry.EnterpriseData;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.Enterprises;
import org.youguan.registry.LicenceData;
import org.youguan.registry.LicenceScope;
import org.youguan.registry.LicenceStatus;
import org.youguan.registry.OneLicence;
import org.youguan.registry.Registrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An attack on licensing: a past new licence imported in licensing did not count for the registry, which then recorded
 * a second licence by hand beside it (one enterprise, one licence: 快递业务经营许可管理办法); a change's approval was
 * worded as a new licence's grant and never said what it changed, its certificate's 服务地域 left blank; and a change
 * approved while the licence was being revoked came with a certificate of the revoked licence.
 */
@IntegrationTest
class ImportedGrantsAndChangeDecisionsIntegrationTest extends LicensingFixture {

	static final String IMPORTED = "/api/v1/licensing/applications/imported";

	@Autowired
	Enterprises enterprises;

	long registered(String code) {
		return tx.execute(s -> enterprises.register(DataScope.all(), new EnterpriseData("苏州导入并登记快递有限公司" + RandomDigits.of(5),
				code, EnterpriseType.EXPRESS, null, "王示例", "吴中区示例路8号", "320506", null, null), false));
	}

	/** The province records 省内 licence {@code number} for {@code enterpriseId} by hand, issued {@code issuedOn}. */
	long byHand(long enterpriseId, String number, LocalDate issuedOn) {
		return tx.execute(s -> licences.record(DataScope.all(), Registrar.platform(), new LicenceData(enterpriseId, number,
				LicenceScope.PROVINCE, "江苏省邮政管理局", null, issuedOn, null), false));
	}

	/** A past new licence approved {@code decidedOn} with {@code number}, as the province imports it. */
	static String pastGrant(String code, LocalDate decidedOn, String number) {
		return LicensingImportedLicenceNumbersIntegrationTest.past(code, "NEW", decidedOn, number);
	}

	static String number() {
		return "苏邮A45S" + RandomDigits.of(6);
	}

	long registryLicences(long enterpriseId) {
		return jdbc.sql("SELECT count(*) FROM express_licence WHERE enterprise_id = :id").param("id", enterpriseId)
			.query(Long.class).single();
	}

	static void refusedAsSecondLicence(Throwable e, String held) {
		assertThat(e).isInstanceOf(DomainException.class);
		assertThat(((DomainException) e).fieldErrors()).singleElement().satisfies(f -> {
			assertThat(f.field()).isEqualTo("creditCode");
			assertThat(f.rule()).isEqualTo(OneLicence.RULE);
			assertThat(f.message()).contains(held);
		});
	}

	/**
	 * A past application is numbered in the series of the bureau that handles its premises' city: 苏州's own (3205) for
	 * a holder in 吴中, the province's (32) for one in 南京, whose city has no bureau on the platform — never the 4 digits
	 * of a city no bureau numbers for.
	 */
	@Test
	void aPastApplicationIsNumberedByTheBureauHandlingItsCityNotByACityWithoutABureau() throws Exception {
		String nanjing = LicensingIntegrationTest.newCreditCode();
		tx.execute(s -> enterprises.register(DataScope.all(), new EnterpriseData("南京导入编号快递有限公司" + RandomDigits.of(5),
				nanjing, EnterpriseType.EXPRESS, null, "王示例", "玄武区示例路8号", "320102", null, null), false));
		String suzhou = LicensingIntegrationTest.newCreditCode();
		registered(suzhou);
		LocalDate decided = LocalDate.now(clock).minusDays(20);
		call(PROVINCE, IMPORTED, pastGrant(nanjing, decided, number())).andExpect(status().isCreated());
		call(PROVINCE, IMPORTED, pastGrant(suzhou, decided, number())).andExpect(status().isCreated());
		String year = String.valueOf(decided.minusDays(40).getYear());
		assertThat(applicationNumber(nanjing)).startsWith("许可申请-32-" + year + "-").doesNotContain("3201");
		assertThat(applicationNumber(suzhou)).startsWith("许可申请-3205-");
	}

	String applicationNumber(String applicant) {
		return jdbc.sql("SELECT number FROM licence_application WHERE applicant_credit_code = :c").param("c", applicant)
			.query(String.class).single();
	}

	@Test
	void aLicenceRecordedByHandBesideANewLicenceImportedInLicensingIsRefusedAndTheImportedOneItselfIsRecorded() throws Exception {
		String code = LicensingIntegrationTest.newCreditCode();
		long enterpriseId = registered(code);
		LocalDate decided = LocalDate.now(clock).minusDays(20);
		String imported = number();
		call(PROVINCE, IMPORTED, pastGrant(code, decided, imported)).andExpect(status().isCreated());
		// a second licence by hand: refused naming the imported one, nothing saved
		assertThatThrownBy(() -> byHand(enterpriseId, number(), LocalDate.now(clock).minusDays(1)))
			.satisfies(e -> refusedAsSecondLicence(e, imported));
		assertThat(registryLicences(enterpriseId)).isZero();
		// the imported licence itself is what the registry records by hand (its import publishes nothing)
		byHand(enterpriseId, imported, decided);
		assertThat(registryLicences(enterpriseId)).isEqualTo(1);
	}

	@Test
	void aNewLicenceImportedBesideOneRecordedByHandIsRefused() throws Exception {
		String code = LicensingIntegrationTest.newCreditCode();
		long enterpriseId = registered(code);
		String held = number();
		byHand(enterpriseId, held, LocalDate.now(clock).minusDays(1));
		call(PROVINCE, IMPORTED, pastGrant(code, LocalDate.now(clock).minusDays(20), number()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].rule").value(OneLicence.RULE));
		assertThat(jdbc.sql("SELECT count(*) FROM licence_application WHERE applicant_credit_code = :c").param("c", code)
			.query(Long.class).single()).isZero();
	}

	@Test
	void anImportAndARecordByHandAtOnceLeaveOneLicenceTheOtherRefused() throws Exception {
		String code = LicensingIntegrationTest.newCreditCode();
		long enterpriseId = registered(code);
		CountDownLatch release = new CountDownLatch(1);
		// the holder's lock taken first, so that both start and wait for it together
		CompletableFuture<Void> holder = heldOpen(() -> OneLicence.hold(jdbc, code), release);
		long before = waiting();
		CompletableFuture<Integer> importing = CompletableFuture.supplyAsync(() -> {
			try {
				return call(PROVINCE, IMPORTED, pastGrant(code, LocalDate.now(clock).minusDays(20), number())).andReturn()
					.getResponse().getStatus();
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		});
		CompletableFuture<Long> recording = CompletableFuture.supplyAsync(() -> byHand(enterpriseId, number(),
				LocalDate.now(clock).minusDays(1)));
		await().atMost(Duration.ofSeconds(60)).until(() -> waiting() >= before + 2);
		release.countDown();
		holder.get(60, TimeUnit.SECONDS);
		int imported = importing.get(60, TimeUnit.SECONDS);
		boolean recorded;
		try {
			recording.get(60, TimeUnit.SECONDS);
			recorded = true;
		}
		catch (java.util.concurrent.ExecutionException e) {
			assertThat(e.getCause()).isInstanceOf(DomainException.class);
			assertThat(((DomainException) e.getCause()).fieldErrors()).anySatisfy(f -> assertThat(f.rule()).isEqualTo(OneLicence.RULE));
			recorded = false;
		}
		// exactly one of the two: the import (201) or the licence by hand, the other refused as a second licence
		assertThat(imported == 201).isNotEqualTo(recorded);
		assertThat(imported).isIn(201, 409);
		long importedRows = jdbc.sql("SELECT count(*) FROM licence_application WHERE applicant_credit_code = :c")
			.param("c", code).query(Long.class).single();
		assertThat(importedRows + registryLicences(enterpriseId)).isEqualTo(1);
	}

	/** The text of word/document.xml of the document of {@code kind} of application {@code id}, tags taken out. */
	String documentXml(long id, String kind) throws Exception {
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(documentFile(id, kind)))) {
			for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
				if (e.getName().equals("word/document.xml")) {
					String xml = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
					// paragraphs a line each, runs joined
					return xml.replaceAll("</w:p>", "\n").replaceAll("<[^>]+>", "");
				}
			}
		}
		throw new AssertionError("no word/document.xml");
	}

	/** A 省内 licence held by a new enterprise (capital 600000, area 苏州市吴中区) and its capital-only change, verified. */
	long capitalChange(String code) throws Exception {
		licensedUntil(code, "苏州注册资本变更快递有限公司" + RandomDigits.of(5), LocalDate.now(clock).plusYears(3));
		return verifiedCapitalChange(code);
	}

	/** The capital-only change (to 2000000) of the licence {@code code}'s holder holds, verified. */
	long verifiedCapitalChange(String code) throws Exception {
		long id = LicensingIntegrationTest.id(submitted("CHANGE", code, ",\"registeredCapital\":\"2000000\"")
			.andExpect(status().isCreated()));
		verified(id);
		return id;
	}

	@Test
	void aChangeDecisionApprovesTheChangeListingWhatChangedAndItsCertificateKeepsTheLicencesArea() throws Exception {
		String code = LicensingIntegrationTest.newCreditCode();
		long id = capitalChange(code);
		call(PROVINCE, "/api/v1/licensing/applications/" + id + "/approval", "{}").andExpect(status().isOk());

		String decision = documentXml(id, "decision");
		assertThat(decision).contains("准予变更快递业务经营许可决定书").contains("决定准予变更")
			.contains("注册资本由600000元变更为2000000元").contains("行政许可法》第四十九条")
			// not a new licence's grant, no label left without its value
			.doesNotContain("第五十二条").doesNotContain("第五十三条").doesNotContain("准予许可：")
			.doesNotContain("服务地域。").doesNotContain("服务地域，").doesNotContain("${");
		String certificate = documentXml(id, "certificate");
		assertThat(certificate).contains("服务地域\n苏州市吴中区").doesNotContain("服务地域\n\n").doesNotContain("${");
	}

	@Test
	void theCertificateOfAChangeToALicenceWithNoAreaOnRecordLeavesNoBlankAfterItsLabel() throws Exception {
		String code = LicensingIntegrationTest.newCreditCode();
		long enterpriseId = registered(code);
		byHand(enterpriseId, number(), LocalDate.now(clock).minusDays(30));
		long id = verifiedCapitalChange(code);
		call(PROVINCE, "/api/v1/licensing/applications/" + id + "/approval", "{}").andExpect(status().isOk());
		assertThat(documentXml(id, "decision")).contains("准予变更").contains("注册资本变更为2000000元")
			.doesNotContain("服务地域");
		// no area on record: the certificate prints the 省内 licence's territory, never a bare label or a dash
		assertThat(documentXml(id, "certificate")).contains("服务地域\n江苏省").doesNotContain("服务地域\n—")
			.doesNotContain("服务地域\n\n");
	}

	@Test
	void aChangeApprovedWhileTheLicenceIsBeingRevokedComesWithNoCertificate() throws Exception {
		String code = LicensingIntegrationTest.newCreditCode();
		long id = capitalChange(code);
		String number = jdbc.sql("SELECT licence_number FROM licence_application WHERE id = :id").param("id", id)
			.query(String.class).single();
		approvedWhileRevoked(id, number);
		List<Number> issued = jdbc.sql("""
				SELECT id FROM attachment WHERE module = 'licensing' AND owner_type = 'application' AND owner_id = :id AND kind = 'certificate'""")
			.param("id", id).query(Number.class).list();
		String code2 = jdbc.sql("SELECT verification_code FROM licence_application WHERE id = :id").param("id", id)
			.query(String.class).single();
		assertThat(licences.findByNumber(DataScope.all(), number).orElseThrow().status()).isEqualTo(LicenceStatus.REVOKED);

		// the decision stands, marked not in effect; its certificate is void: not listed, not downloaded, not verified
		mvc.perform(get("/api/v1/licensing/applications/" + id).header("Authorization", CITY))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.notInEffect.reason").exists())
			.andExpect(jsonPath("$.attachments[?(@.kind == 'decision')]").isNotEmpty())
			.andExpect(jsonPath("$.attachments[?(@.kind == 'certificate')]").isEmpty());
		mvc.perform(get("/api/v1/licensing/applications/" + id + "/certificate").header("Authorization", CITY))
			.andExpect(status().isNotFound());
		assertThat(issued).hasSize(1);
		mvc.perform(get("/attachments/" + issued.get(0)).header("Authorization", CITY)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/public/licences/verify").param("number", number).param("code", code2))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(false))
			.andExpect(jsonPath("$.status").value("UNKNOWN"));
	}
}
