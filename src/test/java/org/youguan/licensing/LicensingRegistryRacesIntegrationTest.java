package org.youguan.licensing;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.RandomDigits;
import org.youguan.SignIn;
import org.youguan.IntegrationTest;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.registry.EnterpriseData;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.Enterprises;
import org.youguan.registry.LicenceData;
import org.youguan.registry.LicenceScope;
import org.youguan.registry.LicenceStatus;
import org.youguan.registry.Licences;
import org.youguan.registry.Registrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Where licensing and the registry meet after a decision: a licence recorded by hand in the registry while a licensing
 * grant is on its way there gave an enterprise two licences in force; a renewal approved here that the registry skipped
 * because the licence had been revoked meanwhile left 准予延续 standing with nothing to say it never took effect; the
 * premises of a renewal or branch application for a licence with none on record were taken without a word.
 */
@IntegrationTest
class LicensingRegistryRacesIntegrationTest extends LicensingFixture {

	@Autowired
	LicenceApplications applications;

	@Autowired
	Enterprises enterprises;

	@Autowired
	DataSource dataSource;

	long inForce(long enterpriseId) {
		return licences.list(DataScope.all(), new Licences.Filter(LicenceStatus.VALID, null, enterpriseId),
				org.youguan.kernel.PageQuery.of(null, 0, 10, "expires_on", "desc")).total();
	}

	/** A registered express enterprise of 吴中 without a licence; answers its id. */
	long registered(String code, String name) {
		return tx.execute(s -> enterprises.register(DataScope.all(), new EnterpriseData(name, code, EnterpriseType.EXPRESS, null,
				"王示例", "吴中区示例路8号", "320506", null, null), false));
	}

	/** The province records a 省内 licence for {@code enterpriseId} by hand, issued yesterday (the registry's form). */
	long recordedByHand(long enterpriseId) {
		return tx.execute(s -> licences.record(DataScope.all(), Registrar.platform(), new LicenceData(enterpriseId,
				"苏邮H" + RandomDigits.of(7), LicenceScope.PROVINCE, "江苏省邮政管理局", null, LocalDate.now(clock).minusDays(1), null),
				false));
	}

	/** A new licence's paper application of registered enterprise {@code enterpriseId}, verified and ready to decide. */
	long newLicenceToDecide(long enterpriseId) throws Exception {
		String code = enterprises.get(DataScope.all(), enterpriseId).creditCode();
		long id = LicensingIntegrationTest.id(call(CITY, "/api/v1/licensing/applications",
				LicensingIntegrationTest.application(code, null, "省内", "600000", "")).andExpect(status().isCreated()));
		verified(id);
		return id;
	}

	@Test
	void aLicenceRecordedByHandWhileALicensingGrantIsBeingRecordedIsRefusedAsASecondLicenceInForce() throws Exception {
		long enterpriseId = registered(LicensingIntegrationTest.newCreditCode(), "苏州手工登记并发快递有限公司" + RandomDigits.of(4));
		long id = newLicenceToDecide(enterpriseId);
		CompletableFuture<Long> byHand;
		try (Connection other = dataSource.getConnection()) {
			other.setAutoCommit(false);
			try (Statement lock = other.createStatement()) {
				// reads go on, writes to the licences wait: the grant's recording stops at its insert
				lock.execute("LOCK TABLE express_licence IN SHARE MODE");
			}
			long before = waiting();
			call(PROVINCE, "/api/v1/licensing/applications/" + id + "/approval", "{}").andExpect(status().isOk());
			// the registry hears the grant after the approval's commit and waits to write it
			await().atMost(Duration.ofSeconds(60)).until(() -> waiting() > before);
			long grantWaiting = waiting();
			// meanwhile the province records a licence by hand for the same enterprise
			byHand = CompletableFuture.supplyAsync(() -> recordedByHand(enterpriseId));
			await().atMost(Duration.ofSeconds(60)).until(() -> byHand.isDone() || waiting() > grantWaiting);
			other.commit();
		}
		assertThatThrownBy(() -> byHand.get(60, TimeUnit.SECONDS))
			.cause()
			.isInstanceOf(DomainException.class)
			.satisfies(e -> assertThat(((DomainException) e).fieldErrors()).anySatisfy(f -> {
				assertThat(f.field()).isEqualTo("creditCode");
				assertThat(f.rule()).isEqualTo("licence-held");
			}));
		await().atMost(Duration.ofSeconds(60)).until(() -> inForce(enterpriseId) > 0);
		assertThat(inForce(enterpriseId)).isEqualTo(1);
	}

	@Test
	void aLicenceRecordedByHandIsRefusedWhileALicensingGrantOfTheEnterpriseIsNotRecordedYet() throws Exception {
		long enterpriseId = registered(LicensingIntegrationTest.newCreditCode(), "苏州待登记许可快递有限公司" + RandomDigits.of(4));
		long id = newLicenceToDecide(enterpriseId);
		String number = LicensingIntegrationTest.text(call(PROVINCE, "/api/v1/licensing/applications/" + id + "/approval", "{}")
			.andExpect(status().isOk()), "$.number");
		await().atMost(Duration.ofSeconds(60)).until(() -> licences.findByNumber(DataScope.all(), number).isPresent());
		// the grant as it stands before the registry hears it: decided here, not in the registry's records
		jdbc.sql("DELETE FROM express_licence WHERE number = :n").param("n", number).update();
		assertThatThrownBy(() -> recordedByHand(enterpriseId))
			.isInstanceOf(DomainException.class)
			.satisfies(e -> assertThat(((DomainException) e).fieldErrors()).singleElement().satisfies(f -> {
				assertThat(f.field()).isEqualTo("creditCode");
				assertThat(f.rule()).isEqualTo("licence-held");
				assertThat(f.message()).contains(number).contains("正在登记入企业名录");
			}));
		assertThat(jdbc.sql("SELECT count(*) FROM express_licence WHERE enterprise_id = :id").param("id", enterpriseId)
			.query(Long.class).single()).isZero();
	}

	@Test
	void aRenewalApprovedWhileTheLicenceIsBeingRevokedIsMarkedNotInEffectWithTheReasonAndAudited() throws Exception {
		String code = LicensingIntegrationTest.newCreditCode();
		String name = "苏州延续吊销快递有限公司" + RandomDigits.of(4);
		String number = licensedUntil(code, name, LocalDate.now(clock).plusDays(75));
		long id = LicensingIntegrationTest.id(submitted("RENEWAL", code, "").andExpect(status().isCreated()));
		verified(id);
		// a penalty decision revokes the licence while the province approves the renewal, reading it as still in force
		String decision = approvedWhileRevoked(id, number);
		assertThat(licences.findByNumber(DataScope.all(), number).orElseThrow().status()).isEqualTo(LicenceStatus.REVOKED);
		LicenceApplications.ApplicationDetail d = applications.get(DataScope.all(), id);
		assertThat(d.application().status()).isEqualTo(ApplicationStatus.APPROVED);
		assertThat(d.notInEffect().reason()).contains(number).contains("吊销").contains(decision).contains("准予延续决定")
			.contains("未生效");
		mvc.perform(get("/api/v1/licensing/applications/" + id).header("Authorization", CITY))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.notInEffect.reason", containsString("未生效")));
		mvc.perform(get("/licensing/applications/" + id).session(SignIn.session(mvc, "sz.admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"not-in-effect\"")));
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'licensing.not-in-effect' AND object_id = :id")
			.param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
		// the renewal that never took effect does not count as the licence's term any more
		assertThat(jdbc.sql("SELECT count(*) FROM licence_application WHERE licence_number = :n AND kind = 'RENEWAL' "
				+ "AND status = 'APPROVED' AND not_in_effect_on IS NULL").param("n", number).query(Long.class).single()).isZero();
	}

	@Test
	void theRenewalOrBranchOfALicenceWithoutPremisesOnRecordSaysWhereItsPremisesComeFrom() throws Exception {
		String code = LicensingIntegrationTest.newCreditCode();
		licensedUntil(code, "苏州场所来源快递有限公司" + RandomDigits.of(4), LocalDate.now(clock).plusDays(75));
		// left blank: the holder's registered address, said so
		long renewal = LicensingIntegrationTest.id(submitted("RENEWAL", code, "").andExpect(status().isCreated()));
		LicenceApplications.ApplicationDetail r = applications.get(DataScope.all(), renewal);
		assertThat(r.premisesTaken()).isEqualTo(PremisesTaken.REGISTERED_ADDRESS);
		assertThat(r.application().premisesAddress()).isEqualTo("吴中区分支路1号");
		// stated: the application's, said so
		long branch = LicensingIntegrationTest.id(submitted("BRANCH", code,
				",\"branches\":[\"相城分部\"],\"premisesAddress\":\"吴中区申报路2号\",\"regionCode\":\"320506\"")
			.andExpect(status().isCreated()));
		assertThat(applications.get(DataScope.all(), branch).premisesTaken()).isEqualTo(PremisesTaken.STATED);
		mvc.perform(get("/api/v1/licensing/applications/" + branch).header("Authorization", CITY))
			.andExpect(jsonPath("$.premisesTaken").value("STATED"))
			.andExpect(jsonPath("$.application.premisesAddress").value("吴中区申报路2号"));
		String page = mvc.perform(get("/licensing/applications/" + branch).session(SignIn.session(mvc, "sz.admin")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"premises-taken\"").contains(PremisesTaken.STATED.label());
		assertThat(jdbc.sql("SELECT summary FROM audit_event WHERE action = 'licensing.submit' AND object_id = :id")
			.param("id", String.valueOf(renewal)).query(String.class).single()).contains(PremisesTaken.REGISTERED_ADDRESS.label());

		// a new licence's premises are its own: nothing to say
		String other = LicensingIntegrationTest.newCreditCode();
		long fresh = LicensingIntegrationTest.id(call(CITY, "/api/v1/licensing/applications",
				LicensingIntegrationTest.application(other, "苏州场所新设快递有限公司" + RandomDigits.of(4), "省内", "600000", ""))
			.andExpect(status().isCreated()));
		assertThat(applications.get(DataScope.all(), fresh).premisesTaken()).isNull();
	}
}
