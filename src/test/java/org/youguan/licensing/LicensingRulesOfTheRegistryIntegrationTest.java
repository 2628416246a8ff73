package org.youguan.licensing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.youguan.IntegrationTest;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.org.BureauLevel;
import org.youguan.registry.Branches;
import org.youguan.registry.EnterpriseData;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.Enterprises;
import org.youguan.registry.LicenceData;
import org.youguan.registry.LicenceGranted;
import org.youguan.registry.LicenceScope;
import org.youguan.registry.LicenceView;
import org.youguan.registry.Registrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Licensing counts a licence's term, a branch filing's lateness and who cancels a licence with the registry's one
 * computation of each, so the two modules cannot disagree: the term the registry derives for a licence recorded without
 * an expiry is the one licensing's clock grants (29 February included); a branch filed on the working day after a
 * period ending on a day off is on time in the licensing filing and in the registry's branch alike; a bureau that is not
 * the issuing authority is refused licensing's 注销 with the registry's own 403 and words.
 */
@IntegrationTest
class LicensingRulesOfTheRegistryIntegrationTest extends LicensingFixture {

	@Autowired
	LicenceApplications applications;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Branches branches;

	@Autowired
	WorkingCalendar calendar;

	static final DataScope SUZHOU = DataScope.region("3205");

	/** A new 吴中 express enterprise without a licence; its id. */
	long unlicensed(String name) {
		return enterprises.register(SUZHOU, new EnterpriseData(name + UUID.randomUUID().toString().substring(0, 6),
				LicensingIntegrationTest.newCreditCode(), EnterpriseType.EXPRESS, null, "张三", "测试路1号", "320506", "李四",
				"13912345678"), false);
	}

	static String number() {
		return "快递许可-32-1993-" + org.youguan.RandomDigits.of(6);
	}

	@Test
	void aLicenceRecordedWithoutExpiryRunsTheTermLicensingGrants() {
		// a leap day: the anniversary of 2024-02-29 is 2029-02-28, so the last day is the 27th — both ways
		LocalDate issued = LocalDate.of(2024, 2, 29);
		long id = licences.record(SUZHOU, Registrar.bureau(BureauLevel.PROVINCE, "32"), new LicenceData(unlicensed("苏州闰日领证快递有限公司"),
				number(), LicenceScope.PROVINCE, "江苏省邮政管理局", null, issued, null), false);
		LocalDate recorded = licences.get(SUZHOU, id).expiresOn();
		assertThat(recorded).isEqualTo(LocalDate.of(2029, 2, 27))
			.isEqualTo(applications.clock("320506").validUntil(issued))
			.isEqualTo(licences.lastValidDay(issued, "320506"));
	}

	/** A 省内 licence in force of a new 吴中 enterprise, as the registry holds it. */
	LicenceView provinceLicence(String name, LicenceScope scope) {
		String code = LicensingIntegrationTest.newCreditCode();
		LocalDate today = LocalDate.now(clock);
		return granted(new LicenceGranted(-9, number(), new EnterpriseData(name, code, EnterpriseType.EXPRESS, null, null,
				"吴中区规则路1号", "320506", null, null), scope, scope == LicenceScope.PROVINCE ? "江苏省邮政管理局" : "国家邮政局",
				scope == LicenceScope.PROVINCE ? "32" : "0", today.minusYears(1), today.plusYears(4), false));
	}

	@Test
	void aBureauThatDidNotIssueTheLicenceIsRefusedLicensingsCancellationWithTheRegistrysAnswer() throws Exception {
		LicenceView l = provinceLicence("苏州注销权限快递有限公司" + UUID.randomUUID().toString().substring(0, 4), LicenceScope.PROVINCE);
		// the city bureau: refused by licensing and by the registry with the same refusal, word for word
		Clerk city = Clerk.system("苏州市局", BureauLevel.CITY, "3205");
		AccessRefusedException byLicensing = catchThrowableOfType(AccessRefusedException.class,
				() -> applications.cancelLicence(city, l.number(), "STOPPED", null));
		AccessRefusedException byRegistry = catchThrowableOfType(AccessRefusedException.class,
				() -> licences.cancel(SUZHOU, Registrar.bureau(BureauLevel.CITY, "3205"), l.id(), "STOPPED", null));
		assertThat(byLicensing).isNotNull();
		assertThat(byRegistry).isNotNull();
		assertThat(byLicensing.getMessage()).isEqualTo(byRegistry.getMessage()).contains("行政许可法(2019) 第70条");
		// 国家邮政局 does not cancel a province's 省内 licence either
		Clerk national = Clerk.system("国家邮政局", BureauLevel.NATIONAL, "0");
		assertThat(catchThrowableOfType(AccessRefusedException.class,
				() -> applications.cancelLicence(national, l.number(), "STOPPED", null)).getMessage())
			.isEqualTo(catchThrowableOfType(AccessRefusedException.class,
					() -> licences.cancel(DataScope.all(), Registrar.bureau(BureauLevel.NATIONAL, "0"), l.id(), "STOPPED", null))
				.getMessage());
		// over the API: the provincial administrator may not cancel a 跨省 licence (国家邮政局's) — the registry's 403
		LicenceView national2 = provinceLicence("苏州跨省注销快递有限公司" + UUID.randomUUID().toString().substring(0, 4),
				LicenceScope.INTER_PROVINCE);
		String expected = catchThrowableOfType(AccessRefusedException.class,
				() -> licences.requireMayCancel(Registrar.bureau(BureauLevel.PROVINCE, "32"), national2)).getMessage();
		mvc.perform(post("/api/v1/licensing/licences/cancellation").header("Authorization", PROVINCE)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"number\":\"" + national2.number() + "\",\"ground\":\"STOPPED\",\"note\":\"企业书面申请\"}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(expected));
		// the issuing authority may
		applications.cancelLicence(Clerk.system("江苏省局", BureauLevel.PROVINCE, "32"), l.number(), "STOPPED", null);
	}

	@Test
	void anEndedLicenceIsToldItsStateBeforeAnUnknownGround() {
		Clerk province = Clerk.system("江苏省局", BureauLevel.PROVINCE, "32");
		LicenceView l = provinceLicence("苏州二次注销快递有限公司" + UUID.randomUUID().toString().substring(0, 4), LicenceScope.PROVINCE);
		applications.cancelLicence(province, l.number(), "STOPPED", null);
		// access → state → fields: cancelled already is 409 whatever ground was sent (was 400 on "ZZZ")
		assertThat(catchThrowableOfType(DomainException.class,
				() -> applications.cancelLicence(province, l.number(), "ZZZ", null)).code())
			.isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
		// the registry's own 注销 of a licence ended there: the same order
		LicenceView other = provinceLicence("苏州登记注销快递有限公司" + UUID.randomUUID().toString().substring(0, 4), LicenceScope.PROVINCE);
		Registrar registrar = Registrar.bureau(BureauLevel.PROVINCE, "32");
		licences.cancel(DataScope.region("32"), registrar, other.id(), "STOPPED", null);
		assertThat(catchThrowableOfType(DomainException.class,
				() -> licences.cancel(DataScope.region("32"), registrar, other.id(), "ZZZ", null)).code())
			.isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
		assertThat(catchThrowableOfType(DomainException.class,
				() -> licences.revoke(DataScope.region("32"), registrar, other.id(), "", "")).code())
			.isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
	}

	@Test
	void aBranchFiledOnTheWorkingDayAfterAPeriodEndingOnADayOffIsOnTimeInLicensingAndInTheRegistry() throws Exception {
		String code = LicensingIntegrationTest.newCreditCode();
		String parent = "苏州节后备案快递有限公司" + UUID.randomUUID().toString().substring(0, 4);
		LocalDate today = LocalDate.now(clock);
		granted(new LicenceGranted(-8, number(), new EnterpriseData(parent, code, EnterpriseType.EXPRESS, null, null,
				"吴中区分支路1号", "320506", null, null), LicenceScope.PROVINCE, "江苏省邮政管理局", "32", today.minusYears(1),
				today.plusYears(4), false));
		// a business licence whose 20th day is a day off: the period ends on the next working day (DOMAIN.md)
		LocalDate licensed = today.minusDays(120);
		while (calendar.isWorkingDay(licensed.plusDays(20))) {
			licensed = licensed.plusDays(1);
		}
		LocalDate due = branches.filingDue(licensed, "320506");
		assertThat(due).isAfter(licensed.plusDays(20)).isEqualTo(calendar.onOrNextWorkingDay(licensed.plusDays(20)));
		String onTime = parent + "吴中分公司";
		String late = parent + "相城分公司";
		file(code, onTime, "320506", "吴中区分支路9号", licensed, due);
		// the branch's premises lie in the county chosen (address-region)
		file(code, late, "320507", "相城区分支路9号", licensed, calendar.plusWorkingDays(due, 1));
		await().atMost(Duration.ofSeconds(60)).until(() -> recordedLate(code, onTime) != null && recordedLate(code, late) != null);
		assertThat(recordedLate(code, onTime)).isFalse();
		assertThat(filingLate(onTime)).isFalse();
		assertThat(recordedLate(code, late)).isTrue();
		assertThat(filingLate(late)).isTrue();
		assertThat(jdbc.sql("SELECT due_on FROM branch_filing WHERE name = :n").param("n", onTime).query(LocalDate.class)
			.single()).isEqualTo(due);
	}

	void file(String code, String name, String region, String address, LocalDate licensed, LocalDate filedOn)
			throws Exception {
		mvc.perform(post("/api/v1/licensing/branch-filings").header("Authorization", CITY).contentType(MediaType.APPLICATION_JSON)
			.characterEncoding(StandardCharsets.UTF_8)
			.content("""
					{"parentCreditCode":"%s","name":"%s","regionCode":"%s","address":"%s","headName":"陈负责",
					 "businessLicenceDate":"%s","filedOn":"%s"}""".formatted(code, name, region, address, licensed, filedOn)))
			.andExpect(status().isCreated());
	}

	Boolean recordedLate(String code, String name) {
		return jdbc.sql("SELECT b.filed_late FROM branch b JOIN enterprise e ON e.id = b.enterprise_id WHERE e.credit_code = :c AND b.name = :n")
			.param("c", code).param("n", name).query(Boolean.class).optional().orElse(null);
	}

	Boolean filingLate(String name) {
		return jdbc.sql("SELECT late FROM branch_filing WHERE name = :n").param("n", name).query(Boolean.class).single();
	}
}
