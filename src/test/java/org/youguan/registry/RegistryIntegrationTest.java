package org.youguan.registry;

import org.youguan.org.BureauLevel;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.IdCardNumber;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.PageQuery;
import org.youguan.platform.StoredNumbers;
import org.youguan.registry.internal.licences.ExpressLicence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class RegistryIntegrationTest {

	static final DataScope SUZHOU = DataScope.region("3205");

	/** The provincial bureau, the issuing authority of 同城 and 省内 licences (邮政法(2015) art.53). */
	static final Registrar JIANGSU = Registrar.bureau(BureauLevel.PROVINCE, "32");

	static final DataScope WUZHONG = DataScope.region("320506");

	@Autowired
	DataSource dataSource;

	@Autowired
	org.springframework.test.web.servlet.MockMvc mvc;

	@Autowired
	List<StoredNumbers> storedNumbers;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Licences licences;

	@Autowired
	Branches branches;

	@Autowired
	Outlets outlets;

	@Autowired
	Brands brands;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	static String creditCode() {
		String base = "91320506MA" + org.youguan.RandomDigits.of(7);
		return base + CreditCode.checkCharacter(base);
	}

	/** The credit code of a new 吴中 express enterprise holding no licence (one enterprise holds one licence in force). */
	static String unlicensed(Enterprises enterprises) {
		String code = creditCode();
		enterprises.register(SUZHOU, new EnterpriseData("无证测试快递有限公司" + UUID.randomUUID().toString().substring(0, 6), code,
				EnterpriseType.EXPRESS, null, "张三", "测试路1号", "320506", "李四", "13912345678"), false);
		return code;
	}

	static String idNumber() {
		String first17 = "32050619800101" + String.format("%03d", (int) (Math.random() * 1000));
		return first17 + IdCardNumber.checkCharacter(first17);
	}

	long newEnterprise(String region) {
		return enterprises.register(SUZHOU, new EnterpriseData("测试快递有限公司" + UUID.randomUUID().toString().substring(0, 6),
				creditCode(), EnterpriseType.EXPRESS, brands.findByShortName("中通").orElseThrow().id(), "张三", "测试路1号",
				region, "李四", "13912345678"), false);
	}

	OutletData outlet(long enterprise, String name, String region) {
		return new OutletData(name, enterprise, null, "FRANCHISE", "吴中区测试路" + UUID.randomUUID().toString().substring(0, 4) + "号",
				region, new BigDecimal("120.6"), new BigDecimal("31.2"), "王五", idNumber(), "13812345678",
				new BigDecimal("30"), true, true, true, true, LocalDate.of(2026, 11, 1));
	}

	@Test
	void theDemoCityHasTheRegistry() {
		assertThat(brands.all()).extracting(Brands.BrandView::shortName)
			.startsWith("中国邮政", "顺丰", "京东", "中通", "圆通", "申通", "韵达", "极兔", "德邦");
		// the demo's own (other tests register enterprises in the city too, in the shared database)
		assertThat(jdbc.sql("SELECT count(*) FROM enterprise WHERE demo AND region_code LIKE '3205%'").query(Long.class)
			.single()).isBetween(80L, 120L);
		assertThat(enterprises.list(SUZHOU, Enterprises.Filter.NONE, new PageQuery("", 0, 1, null, false)).total())
			.isGreaterThanOrEqualTo(80L);
		assertThat(branches.list(SUZHOU, null, new PageQuery("", 0, 1, null, false)).total()).isBetween(90L, 120L);
		var city = outlets.list(SUZHOU, Outlets.Filter.NONE, new PageQuery("", 0, 1, null, false));
		assertThat(city.capped()).as("more than the count cap: the list says so instead of counting").isTrue();
		assertThat(city.total()).isEqualTo(Outlets.COUNT_CAP);
		assertThat(outlets.list(DataScope.region("320581"), Outlets.Filter.NONE, new PageQuery("", 0, 1, null, false)).total())
			.as("300 demo outlets in 常熟市").isEqualTo(300);
		for (LicenceStatus status : LicenceStatus.values()) {
			assertThat(licences.list(SUZHOU, new Licences.Filter(status, null, null), new PageQuery("", 0, 1, null, false))
				.total()).as(status.label()).isPositive();
		}
		assertThat(enterprises.findByCreditCode(DemoCodes.SF_WUZHONG)).get()
			.satisfies(e -> assertThat(e.legalName()).isEqualTo("苏州吴中顺丰快递服务有限公司"));
		// the credit code typed full-width with a Chinese input method, in lower case, finds the enterprise
		String fullWidth = DemoCodes.SF_WUZHONG.toLowerCase().chars().mapToObj(c -> String.valueOf((char) (c + 0xFEE0)))
			.collect(Collectors.joining());
		assertThat(enterprises.list(SUZHOU, Enterprises.Filter.NONE, new PageQuery(fullWidth, 0, 5, null, false)).items())
			.extracting(EnterpriseView::creditCode).containsExactly(DemoCodes.SF_WUZHONG);
	}

	@Test
	void registersAnEnterpriseAndRejectsADuplicateCreditCode() {
		String code = creditCode();
		long id = enterprises.register(SUZHOU, new EnterpriseData("苏州测试物流有限公司", code, EnterpriseType.OTHER, null, null,
				null, "320506", null, "0512-65551234"), false);
		assertThat(enterprises.get(SUZHOU, id).creditCode()).isEqualTo(code);
		assertThatThrownBy(() -> enterprises.register(SUZHOU, new EnterpriseData("另一家", code, EnterpriseType.OTHER, null,
				null, null, "320506", null, null), false)).isInstanceOf(DomainException.class).hasMessageContaining("已登记");
		assertThat(audit.history(WUZHONG, "Enterprise", id)).extracting(e -> e.action()).containsExactly("enterprise.register");
	}

	@Test
	void reportsEveryBadFieldOfAnEnterprise() {
		assertThatThrownBy(() -> enterprises.register(SUZHOU, new EnterpriseData(" ", "91350100M000100Y44", null, 99999L,
				null, null, "3205999", null, "123"), false))
			.isInstanceOf(InvalidValueException.class)
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors()).extracting(FieldError::field)
				.contains("legalName", "creditCode", "type", "regionCode", "brandId", "contactPhone"));
	}

	@Test
	void enterpriseStatusChangesAreGuarded() {
		long id = newEnterprise("320506");
		assertThatThrownBy(() -> enterprises.suspend(SUZHOU, id, ""))
			.isInstanceOf(org.youguan.kernel.InvalidValueException.class).hasMessageContaining("停业原因");
		enterprises.suspend(SUZHOU, id, "经营场所装修");
		assertThat(audit.history(SUZHOU, "Enterprise", id)).extracting(e -> e.summary()).anyMatch(t -> t.contains("经营场所装修"));
		assertThatThrownBy(() -> enterprises.suspend(SUZHOU, id, "再停")).hasMessageContaining("正常");
		enterprises.resume(SUZHOU, id);
		enterprises.cancel(SUZHOU, id, "企业已办理市场主体注销登记");
		assertThatThrownBy(() -> enterprises.resume(SUZHOU, id)).hasMessageContaining("停业");
		assertThat(enterprises.get(SUZHOU, id).status()).isEqualTo(EnterpriseStatus.CANCELLED);
	}

	/**
	 * 注销 takes a reason as 停业 and 撤除 do: none (blank, from the API or the page's form) is refused naming the field
	 * and nothing changes; a stated one is kept in the audit entry and shown in the enterprise's history.
	 */
	@Test
	void aCancelledOrSuspendedEnterpriseIsToldItsStateBeforeABlankReason() {
		long id = newEnterprise("320506");
		enterprises.suspend(SUZHOU, id, "经营场所装修");
		// access → state → fields: 409 on the state, not 400 on the blank reason
		assertThatThrownBy(() -> enterprises.suspend(SUZHOU, id, " "))
			.isInstanceOfSatisfying(org.youguan.kernel.DomainException.class,
					ex -> assertThat(ex.code()).isEqualTo(org.youguan.kernel.ErrorCode.ILLEGAL_TRANSITION));
		enterprises.cancel(SUZHOU, id, "企业已办理市场主体注销登记");
		assertThatThrownBy(() -> enterprises.cancel(SUZHOU, id, " "))
			.isInstanceOfSatisfying(org.youguan.kernel.DomainException.class,
					ex -> assertThat(ex.code()).isEqualTo(org.youguan.kernel.ErrorCode.ILLEGAL_TRANSITION));
	}

	@Test
	void cancellingAnEnterpriseRequiresAReasonKeptAndShown() throws Exception {
		long id = newEnterprise("320506");
		assertThatThrownBy(() -> enterprises.cancel(SUZHOU, id, " "))
			.isInstanceOf(InvalidValueException.class).hasMessageContaining("注销原因");
		var staff = org.youguan.SignIn.session(mvc, "sz.market");
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/registry/enterprises/" + id + "/cancel")
			.session(staff).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is3xxRedirection());
		assertThat(enterprises.get(SUZHOU, id).status()).isEqualTo(EnterpriseStatus.NORMAL);
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/registry/enterprises/" + id + "/cancel")
			.session(staff).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("reason", "已办理市场主体注销登记（吴中区市场监管局）"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is3xxRedirection());
		assertThat(enterprises.get(SUZHOU, id).status()).isEqualTo(EnterpriseStatus.CANCELLED);
		assertThat(audit.history(SUZHOU, "Enterprise", id)).filteredOn(e -> e.action().equals("enterprise.cancel"))
			.extracting(e -> e.summary()).singleElement().asString().contains("注销原因：已办理市场主体注销登记（吴中区市场监管局）");
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/registry/enterprises/" + id).session(staff))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("注销原因：已办理市场主体注销登记（吴中区市场监管局）")));
	}

	@Test
	void aLicenceRunsFiveYearsAndItsStatusFollowsDatesAndEvents() {
		long enterprise = newEnterprise("320506");
		long id = licences.record(SUZHOU, JIANGSU, new LicenceData(enterprise, "苏邮T" + (100000 + (int) (Math.random() * 800000)),
				LicenceScope.PROVINCE, "江苏省邮政管理局", "32", LocalDate.of(2021, 6, 1), null), false);
		LicenceView licence = licences.get(SUZHOU, id);
		assertThat(licence.expiresOn()).isEqualTo(LocalDate.of(2026, 5, 31));
		assertThat(licence.status()).isEqualTo(LicenceStatus.EXPIRED);
		LocalDate issued = LocalDate.of(2021, 6, 1);
		assertThat(ExpressLicence.status(ExpressLicence.State.ACTIVE, issued, LocalDate.of(2026, 5, 31), null, LocalDate.of(2026, 5, 31)))
			.isEqualTo(LicenceStatus.VALID);
		// past the expiry: valid only while a renewal accepted on or before the last valid day is undecided (art.50)
		assertThat(ExpressLicence.status(ExpressLicence.State.ACTIVE, issued, LocalDate.of(2026, 5, 31), LocalDate.of(2026, 5, 31),
				LocalDate.of(2026, 6, 1))).isEqualTo(LicenceStatus.VALID);
		assertThat(ExpressLicence.status(ExpressLicence.State.ACTIVE, issued, LocalDate.of(2026, 5, 31), LocalDate.of(2026, 6, 1),
				LocalDate.of(2026, 6, 2))).isEqualTo(LicenceStatus.EXPIRED);
		// ... and accepted in this term: one of an earlier term (before the issue, or before the day after the previous
		// expiry) renewed that term (note 37)
		assertThat(ExpressLicence.status(ExpressLicence.State.ACTIVE, issued, LocalDate.of(2026, 5, 31), LocalDate.of(2021, 5, 1),
				LocalDate.of(2026, 6, 1))).isEqualTo(LicenceStatus.EXPIRED);
		assertThat(ExpressLicence.status(ExpressLicence.State.ACTIVE, LocalDate.of(2016, 6, 1), LocalDate.of(2026, 5, 31),
				LocalDate.of(2021, 5, 20), LocalDate.of(2026, 6, 1))).isEqualTo(LicenceStatus.EXPIRED);
		assertThat(ExpressLicence.status(ExpressLicence.State.ACTIVE, LocalDate.of(2016, 6, 1), LocalDate.of(2026, 5, 31),
				LocalDate.of(2021, 6, 1), LocalDate.of(2026, 6, 1))).isEqualTo(LicenceStatus.VALID);
		licences.revoke(SUZHOU, JIANGSU, id, "苏邮罚〔2026〕1号", "违法经营");
		assertThat(licences.get(SUZHOU, id).status()).isEqualTo(LicenceStatus.REVOKED);
		assertThat(licences.get(SUZHOU, id).stateReason()).isEqualTo("依据行政处罚决定书苏邮罚〔2026〕1号吊销：违法经营");
		assertThatThrownBy(() -> licences.cancel(SUZHOU, JIANGSU, id, "STOPPED", "申请注销")).hasMessageContaining("已吊销");
	}

	@Test
	void rejectsALicenceNumberOutsideThePattern() {
		long enterprise = newEnterprise("320506");
		assertThatThrownBy(() -> licences.record(SUZHOU, JIANGSU, new LicenceData(enterprise, "no spaces allowed", LicenceScope.CITY,
				"江苏省邮政管理局", "32", LocalDate.of(2024, 1, 1), null), false)).hasMessageContaining("格式");
	}

	/**
	 * A 吴中 branch or outlet of an enterprise registered in 姑苏 is 吴中's to read, its enterprise is not: the county's
	 * pages name the enterprise without the link that would answer 404; the city's, which opens it, link it.
	 */
	@Test
	void aCountyReadsItsBranchesAndOutletsOfAnotherCountysEnterpriseWithoutALinkTo404() throws Exception {
		long enterprise = newEnterprise("320508");
		String name = "链接测试分公司" + UUID.randomUUID().toString().substring(0, 6);
		long branch = branches.file(SUZHOU, new BranchData(enterprise, null, name, "320506001", "测试路9号", "赵六",
				LocalDate.now(clock).minusDays(3), LocalDate.now(clock)), false);
		long outlet = outlets.register(SUZHOU, outlet(enterprise, name + "驿站", "320506001"), false);
		String link = "/registry/enterprises/" + enterprise + "\"";
		for (String page : List.of("/registry/branches/" + branch, "/registry/branches?q=" + name, "/registry/outlets/" + outlet)) {
			String county = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(page)
				.header("Authorization", "Bearer demo-wz-staff-token")).andReturn().getResponse().getContentAsString();
			assertThat(county).as(page).contains(enterprises.get(SUZHOU, enterprise).legalName()).doesNotContain(link);
			String city = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(page)
				.header("Authorization", "Bearer demo-sz-admin-token")).andReturn().getResponse().getContentAsString();
			assertThat(city).as(page).contains(link);
		}
		assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/registry/enterprises/" + enterprise).header("Authorization", "Bearer demo-wz-staff-token"))
			.andReturn().getResponse().getStatus()).as("the page the link would open").isEqualTo(404);
	}

	@Test
	void aBranchFiledAfterTwentyDaysIsFlagged() {
		long enterprise = newEnterprise("320506");
		// business licence 2026-09-10; 20 days end on 09-30, a working day: filing on 10-08 is late
		long late = branches.file(SUZHOU, new BranchData(enterprise, null, "测试分公司甲", "320506001", "测试路2号", "赵六",
				LocalDate.of(2026, 9, 10), LocalDate.of(2026, 10, 8)), false);
		// business licence 2026-09-15; 20 days end on 10-05 (国庆), moved to 10-08: filing on 10-08 is on time
		long onTime = branches.file(SUZHOU, new BranchData(enterprise, null, "测试分公司乙", "320506001", "测试路3号", "赵六",
				LocalDate.of(2026, 9, 15), LocalDate.of(2026, 10, 8)), false);
		var list = branches.list(SUZHOU, null, new PageQuery("测试分公司", 0, 50, null, false)).items();
		assertThat(list).filteredOn(b -> b.id() == late).singleElement().satisfies(b -> assertThat(b.filedLate()).isTrue());
		assertThat(list).filteredOn(b -> b.id() == onTime).singleElement().satisfies(b -> assertThat(b.filedLate()).isFalse());
	}

	@Test
	void anOutletIsRegisteredPendingThenFiledWithANumber() {
		long enterprise = newEnterprise("320506");
		long id = outlets.register(SUZHOU, outlet(enterprise, "测试驿站（长桥店）", "320506001"), false);
		assertThat(outlets.get(SUZHOU, id).status()).isEqualTo(OutletStatus.PENDING);
		String issued = outlets.reserveNew("320506001", LocalDate.of(2026, 11, 20)).filingNumber();
		assertThat(issued).startsWith("网点备案-320506-2026-");
		assertThatThrownBy(() -> outlets.recordFiled(SUZHOU, id, issued))
			.as("a number in the form the platform issues is not typed in: the sequence would issue it again")
			.hasMessageContaining("只能由系统在备案通过时生成");
		String number = "苏邮网备〔2024〕" + id;
		outlets.recordFiled(SUZHOU, id, number);
		OutletView view = outlets.get(SUZHOU, id);
		assertThat(view.status()).isEqualTo(OutletStatus.FILED);
		assertThat(view.managerIdMasked()).matches("320506\\*{8}\\d{3}[\\dX]");
		assertThat(view.managerPhoneMasked()).isEqualTo("138****5678");
		assertThat(view.brandName()).isEqualTo("中通");
		assertThatThrownBy(() -> outlets.recordFiled(SUZHOU, id, number + "X")).hasMessageContaining("待备案");
		assertThat(audit.history(WUZHONG, "TerminalOutlet", id).get(0).afterState()).doesNotContain("13812345678");
	}

	/**
	 * A number of the series typed without its padding, with other dashes, spaces or full-width digits is the series'
	 * number: refused as the form only the series issues, and found by the search.
	 */
	@Test
	void aFilingNumberTypedWithoutPaddingOrWithOtherDashesIsTheSeriesNumber() {
		long enterprise = newEnterprise("320506");
		long id = outlets.register(SUZHOU, outlet(enterprise, "测试驿站（补零店）", "320506001"), false);
		String issued = outlets.reserveNew("320506001", LocalDate.of(2026, 11, 20)).filingNumber();
		long sequence = Long.parseLong(issued.substring(issued.lastIndexOf('-') + 1));
		List<String> typed = List.of("网点备案-320506-2026-" + sequence, "网点备案\u2010320506\u20102026\u2010" + sequence,
				"网点备案 - 320506 - 2026 - 0" + sequence, "网点备案－３２０５０６－２０２６－" + sequence);
		for (String t : typed) {
			assertThatThrownBy(() -> outlets.recordFiled(SUZHOU, id, t)).as(t).hasMessageContaining("只能由系统在备案通过时生成");
		}
		jdbc.sql("UPDATE terminal_outlet SET filing_number = :n, status = 'FILED' WHERE id = :id").param("n", issued)
			.param("id", id).update();
		for (String t : List.of(typed.get(0), typed.get(1), typed.get(3))) {
			assertThat(outlets.list(WUZHONG, Outlets.Filter.NONE, new PageQuery(t, 0, 20, null, false)).items()).as(t)
				.extracting(OutletView::id).containsExactly(id);
		}
	}

	/** V231 writes a 备案编号 recorded unpadded or with other dashes before as the series writes it. */
	@Test
	void aFilingNumberRecordedUnpaddedIsWrittenAsTheSeriesWritesItByV231() throws Exception {
		long enterprise = newEnterprise("320506");
		long id = outlets.register(SUZHOU, outlet(enterprise, "测试驿站（旧号店）", "320506001"), false);
		String county = String.valueOf(100000 + new SecureRandom().nextInt(800000));
		jdbc.sql("UPDATE terminal_outlet SET filing_number = :n, status = 'FILED' WHERE id = :id")
			.param("n", "网点备案\u2013" + county + "-2019-75").param("id", id).update();
		try (Connection connection = dataSource.getConnection()) {
			for (StoredNumbers s : storedNumbers) {
				s.normalise(connection);
			}
		}
		assertThat(outlets.get(SUZHOU, id).filingNumber()).isEqualTo("网点备案-" + county + "-2019-000075");
	}

	@Test
	void aReservedFilingNumberPassesOverANumberAlreadyRecorded() {
		long enterprise = newEnterprise("320506");
		long id = outlets.register(SUZHOU, outlet(enterprise, "测试驿站（抢号店）", "320506001"), false);
		String last = outlets.reserveNew("320506001", LocalDate.of(2026, 11, 20)).filingNumber();
		long next = Long.parseLong(last.substring(last.lastIndexOf('-') + 1)) + 1;
		String taken = "网点备案-320506-2026-%06d".formatted(next);
		// as recorded by hand before such numbers were refused
		jdbc.sql("UPDATE terminal_outlet SET filing_number = :n, status = 'FILED' WHERE id = :id")
			.param("n", taken)
			.param("id", id)
			.update();
		assertThat(outlets.reserveNew("320506001", LocalDate.of(2026, 11, 20)).filingNumber())
			.isEqualTo("网点备案-320506-2026-%06d".formatted(next + 1));
	}

	@Test
	void anOutletNeedsAStreetLevelRegionAValidManagerAndNoTwin() {
		long enterprise = newEnterprise("320506");
		assertThatThrownBy(() -> outlets.register(SUZHOU, new OutletData("缺项网点", enterprise, null, "NONE", "地址", "320506",
				null, null, "王五", "110105194912310021", "123", BigDecimal.ZERO, true, true, true, true,
				LocalDate.of(2030, 1, 1)), false))
			.isInstanceOf(InvalidValueException.class)
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors()).extracting(FieldError::field)
				.contains("cooperation", "regionCode", "managerIdNumber", "managerPhone", "storageArea", "openedOn"));
		OutletData data = outlet(enterprise, "孪生网点", "320506001");
		outlets.register(SUZHOU, data, false);
		assertThatThrownBy(() -> outlets.register(SUZHOU, data, false)).hasMessageContaining("同名网点");
		// the address is one line: a twin at "the same address" with a zero-width character or a pasted line break inside
		// would pass the twin rule as another address; spaces inside are stored as one, so a twin typed with two is found
		for (String[] bad : new String[][] { { "吴中区越溪\u200B路26号", "invisible-character" }, { "吴中区越溪路26号\n二楼", "line-break" } }) {
			assertThatThrownBy(() -> outlets.register(SUZHOU, new OutletData("孪生网点", enterprise, null, "FRANCHISE", bad[0],
					"320506001", new BigDecimal("120.6"), new BigDecimal("31.2"), "王五", idNumber(), "13812345678",
					new BigDecimal("30"), true, true, true, true, LocalDate.of(2026, 11, 1)), false))
				.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
					.anySatisfy(e -> assertThat(e.field() + "/" + e.rule()).isEqualTo("address/" + bad[1])));
		}
		String spaced = data.address().replace("测试路", "测试路　 ");
		long spacedId = outlets.register(SUZHOU, new OutletData("间隔网点", enterprise, null, "FRANCHISE", spaced, "320506001",
				new BigDecimal("120.6"), new BigDecimal("31.2"), "王五", idNumber(), "13812345678", new BigDecimal("30"), true,
				true, true, true, LocalDate.of(2026, 11, 1)), false);
		assertThat(outlets.get(SUZHOU, spacedId).address()).isEqualTo(data.address().replace("测试路", "测试路 "));
		assertThatThrownBy(() -> outlets.register(SUZHOU, new OutletData("间隔网点", enterprise, null, "FRANCHISE",
				data.address().replace("测试路", "测试路  "), "320506001", new BigDecimal("120.6"), new BigDecimal("31.2"), "王五",
				idNumber(), "13812345678", new BigDecimal("30"), true, true, true, true, LocalDate.of(2026, 11, 1)), false))
			.hasMessageContaining("同名网点");
		// the area is kept to the hundredth: more is refused (999999.999 would round past the column's limit: a 500)
		for (String area : new String[] { "999999.999", "12.345" }) {
			assertThatThrownBy(() -> outlets.register(SUZHOU, new OutletData("面积网点" + area, enterprise, null, "NONE", "地址",
					"320506001", null, null, "王五", "110105194912310021", "13800000000", new BigDecimal(area), true, true, true,
					true, LocalDate.of(2020, 1, 1)), false))
				.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
					.anySatisfy(e -> assertThat(e.field() + "/" + e.rule()).isEqualTo("storageArea/scale")));
		}
	}

	@Test
	void theSearchReadsBrandAndPlaceWords() {
		var found = outlets.list(SUZHOU, Outlets.Filter.NONE, new PageQuery("中通 吴中", 0, 200, null, false));
		assertThat(found.total()).isPositive();
		assertThat(found.items()).allSatisfy(o -> {
			assertThat(o.brandName()).isEqualTo("中通");
			assertThat(o.regionCode()).startsWith("320506");
		});
		var cainiao = outlets.list(SUZHOU, Outlets.Filter.NONE, new PageQuery("菜鸟驿站", 0, 50, null, false));
		assertThat(cainiao.total()).isPositive();
		assertThat(cainiao.items()).allSatisfy(o -> assertThat(o.name()).contains("菜鸟驿站"));
	}

	/**
	 * Words of one or two characters (no trigram) and of more: the same outlets as a plain LIKE over the scope's rows,
	 * also once PostgreSQL plans the statement once for every word (after five executions).
	 */
	@Test
	void shortAndLongWordsFindEveryOutletWhoseNameHoldsThem() {
		for (String word : List.of("菜鸟", "驿", "号店", "菜鸟驿站", "菜鸟", "驿", "号店", "菜鸟驿站", "菜鸟", "驿", "菜鸟")) {
			long expected = jdbc.sql("SELECT count(*) FROM terminal_outlet WHERE region_code LIKE '320506%' AND name LIKE :p")
				.param("p", "%" + word + "%")
				.query(Long.class)
				.single();
			var found = outlets.list(WUZHONG, Outlets.Filter.NONE, new PageQuery(word, 0, 20, null, false));
			assertThat(found.total()).as(word).isEqualTo(Math.min(expected, 1_000));
			assertThat(found.items()).as(word).isNotEmpty().allSatisfy(o -> assertThat(o.name()).contains(word));
		}
		String number = jdbc.sql("SELECT filing_number FROM terminal_outlet WHERE region_code LIKE '320506%' "
				+ "AND filing_number IS NOT NULL ORDER BY id LIMIT 1").query(String.class).single();
		assertThat(outlets.list(WUZHONG, Outlets.Filter.NONE, new PageQuery(number, 0, 20, null, false)).items())
			.extracting(OutletView::filingNumber)
			.containsExactly(number);
	}

	/**
	 * A search's pages are the pages of all its matches in the list's order, each with the (capped) count, past the
	 * last page too; each outlet carries its region's name, which is read by a subquery (issue 12).
	 */
	@Test
	void aSearchPagesEveryMatchInOrderWithItsCountAndRegionNames() {
		for (String word : List.of("菜鸟", "驿", "菜鸟", "驿", "菜鸟", "驿", "菜鸟")) {
			List<Long> all = jdbc.sql("SELECT id FROM terminal_outlet WHERE region_code LIKE '3205%' AND name LIKE :p "
					+ "ORDER BY region_code COLLATE \"C\", id")
				.param("p", "%" + word + "%")
				.query(Long.class)
				.list();
			assertThat(all).as(word).hasSizeGreaterThan(7);
			int pages = (all.size() + 6) / 7;
			for (int page : new int[] { 0, 1, pages - 1, pages + 3 }) {
				var found = outlets.list(SUZHOU, Outlets.Filter.NONE, new PageQuery(word, page, 7, null, false));
				assertThat(found.total()).as(word + " page " + page).isEqualTo(Math.min(all.size(), 1_000));
				assertThat(found.capped()).isEqualTo(all.size() > 1_000);
				assertThat(found.items()).extracting(OutletView::id)
					.as(word + " page " + page)
					.isEqualTo(all.subList(Math.min(page * 7, all.size()), Math.min(page * 7 + 7, all.size())));
				for (OutletView o : found.items()) {
					assertThat(o.regionName()).isEqualTo(jdbc.sql("SELECT name FROM region WHERE code = :c")
						.param("c", o.regionCode()).query(String.class).single());
				}
			}
		}
	}

	/**
	 * What a search word names (a brand? a place?) is remembered (issue 12), but a brand created under that word is
	 * audited, so the very next search reads the word as the brand.
	 */
	@Test
	void aSearchWordBecomesABrandFilterAsSoonAsTheBrandIsCreated() {
		String word = "记" + org.youguan.RandomDigits.of(6);
		long mine = outlets.register(SUZHOU, outlet(newEnterprise("320506"), word + "驿站", "320506001"), false);
		for (int i = 0; i < 2; i++) {
			assertThat(outlets.list(WUZHONG, Outlets.Filter.NONE, new PageQuery(word, 0, 20, null, false)).items())
				.as("a text word, also when remembered").extracting(OutletView::id).containsExactly(mine);
		}
		brands.create(new Brands.BrandData(word + "快递", word, null), false);
		assertThat(outlets.list(WUZHONG, Outlets.Filter.NONE, new PageQuery(word, 0, 20, null, false)).total())
			.as("now the brand's outlets: none (the outlet is 中通's)").isZero();
	}

	@Autowired
	MutableClock clock;

	/**
	 * A browsed page (the outlet list page and the API) is remembered until the next audited change (issue 12): an
	 * outlet registered or filed shows in the next page read at once; a change that writes no audit entry shows after
	 * the memory's time to live (20 s) and not before; {@link Outlets#list} reads every time.
	 */
	@Test
	void aBrowsedPageShowsEveryAuditedChangeAtOnceAndAnUnauditedOneAfterItsTimeToLive() {
		String word = "览" + org.youguan.RandomDigits.of(6);
		PageQuery search = new PageQuery(word, 0, 20, null, false);
		assertThat(outlets.browse(WUZHONG, Outlets.Filter.NONE, search).total()).isZero();
		long id = outlets.register(SUZHOU, outlet(newEnterprise("320506"), word + "驿站", "320506001"), false);
		assertThat(outlets.browse(WUZHONG, Outlets.Filter.NONE, search).items()).as("registered: audited, seen at once")
			.extracting(OutletView::id, OutletView::status)
			.containsExactly(Tuple.tuple(id, OutletStatus.PENDING));

		// a change without an audit event is not seen while the page is remembered — tried up to three times, since an
		// audit event or an open writer of another test context (one database) may start the memory afresh meanwhile
		String unaudited = null;
		boolean remembered = false;
		for (int attempt = 0; attempt < 3 && !remembered; attempt++) {
			await().atMost(Duration.ofSeconds(5)).until(() -> audit.latestEventId() >= 0);
			outlets.browse(WUZHONG, Outlets.Filter.NONE, search);
			unaudited = "未审计的地址" + attempt;
			jdbc.sql("UPDATE terminal_outlet SET address = :a WHERE id = :id").param("a", unaudited).param("id", id).update();
			remembered = !unaudited.equals(outlets.browse(WUZHONG, Outlets.Filter.NONE, search).items().get(0).address());
		}
		assertThat(remembered).as("not seen while remembered").isTrue();
		try {
			assertThat(outlets.list(WUZHONG, Outlets.Filter.NONE, search).items().get(0).address())
				.as("list reads every time").isEqualTo(unaudited);
			clock.advance(Duration.ofSeconds(21));
			assertThat(outlets.browse(WUZHONG, Outlets.Filter.NONE, search).items().get(0).address())
				.as("seen after the time to live").isEqualTo(unaudited);
		}
		finally {
			clock.reset();
		}

		outlets.recordFiled(SUZHOU, id, "苏邮网备〔2024〕" + id);
		assertThat(outlets.browse(WUZHONG, Outlets.Filter.NONE, search).items()).as("filed: audited, seen at once")
			.extracting(OutletView::status)
			.containsExactly(OutletStatus.FILED);
	}

	@Test
	void scopesFollowRegionAndEnterprise() {
		var wuzhong = outlets.list(WUZHONG, Outlets.Filter.NONE, new PageQuery("", 0, 200, null, false));
		assertThat(wuzhong.items()).allSatisfy(o -> assertThat(o.regionCode()).startsWith("320506"));
		var own = outlets.list(DataScope.enterprise(DemoCodes.SF_WUZHONG), Outlets.Filter.NONE,
				new PageQuery("", 0, 200, null, false));
		assertThat(own.total()).isPositive();
		assertThat(own.items()).allSatisfy(o -> assertThat(o.enterpriseName()).isEqualTo("苏州吴中顺丰快递服务有限公司"));
		long other = enterprises.findByCreditCode(DemoCodes.SF_WUZHONG).orElseThrow().id();
		assertThat(enterprises.find(DataScope.region("320507"), other)).isEmpty();
		assertThat(enterprises.find(DataScope.enterprise(DemoCodes.SF_WUZHONG), other)).isPresent();
	}

	@Test
	void thePublicSeesLicencesAndFiledOutletsWithoutPersonalData() {
		var found = licences.publicSearch("顺丰", 50);
		assertThat(found).isNotEmpty().allSatisfy(l -> assertThat(l.enterpriseName()).contains("顺丰"));
		assertThat(licences.publicSearch(DemoCodes.SF_WUZHONG, 50)).singleElement()
			.satisfies(l -> assertThat(l.scope()).isEqualTo("省内"));
		assertThat(licences.publicSearch("顺", 50)).as("one character is too little").isEmpty();
		var filed = outlets.publicList("320506", "顺丰", new PageQuery("", 0, 20, null, false));
		assertThat(filed.total()).isPositive();
		assertThat(filed.items()).allSatisfy(o -> {
			assertThat(o.brand()).isEqualTo("顺丰");
			assertThat(o.filingNumber()).isNotBlank();
			assertThat(o.toString()).doesNotContainPattern("1[3-9]\\d{9}");
		});
		// a brand that is not registered is refused, naming the field (attack: it answered an empty list)
		assertThatThrownBy(() -> outlets.publicList("320506", "不存在的品牌", new PageQuery("", 0, 20, null, false)))
			.isInstanceOfSatisfying(InvalidValueException.class,
					ex -> assertThat(ex.fieldErrors()).extracting(FieldError::field).containsExactly("brand"));
	}

	/** The fixed demo codes. */
	/**
	 * Note 37: the registry read any renewal acceptance dated on or before the expiry as keeping the licence in force past
	 * it, so one of an earlier term — recorded before the guard on {@link Licences#renewalAccepted} — kept a renewed licence
	 * 有效 for ever. Only an acceptance within the current term counts, in the lists' SQL as in the record; V281 clears the
	 * old ones and keeps the current term's.
	 */
	@Test
	void aRenewalAcceptedInAnEarlierTermKeepsNoRenewedLicenceInForce() throws Exception {
		LocalDate today = LocalDate.now(clock);
		String stale = renewedUntil(today.minusDays(3));
		String current = renewedUntil(today.minusDays(3));
		LocalDate expiry = licences.findByNumber(SUZHOU, stale).orElseThrow().expiresOn();
		LocalDate previousExpiry = Licences.lastValidDay(expiry.plusDays(1), -5);
		acceptedOn(stale, previousExpiry.minusDays(10));
		acceptedOn(current, expiry.minusDays(10));
		assertThat(licences.findByNumber(SUZHOU, stale).orElseThrow().status()).isEqualTo(LicenceStatus.EXPIRED);
		assertThat(licences.findByNumber(SUZHOU, current).orElseThrow().status()).isEqualTo(LicenceStatus.VALID);
		assertThat(licences.list(SUZHOU, new Licences.Filter(LicenceStatus.VALID, null, null), new PageQuery(stale, 0, 5, null, false))
			.total()).isZero();
		// the migration clears the acceptance of the earlier term and keeps the current term's
		String migration = new String(getClass().getResourceAsStream(
				"/db/migration/registry/V281__licence_acceptance_of_an_earlier_term_cleared.sql").readAllBytes(),
				java.nio.charset.StandardCharsets.UTF_8);
		jdbc.sql(migration.replaceAll("(?m)^--.*$", "")).update();
		assertThat(acceptedOn(stale)).isNull();
		assertThat(acceptedOn(current)).isEqualTo(expiry.minusDays(10));
	}

	/**
	 * Note 37 (forget-on-correction, untested): correcting a licence to a later term forgets a renewal acceptance dated
	 * before that term began — it renewed the term the record no longer holds; a correction that keeps the term keeps it.
	 */
	@Test
	void correctingALicenceToALaterTermForgetsTheAcceptanceOfTheEarlierOne() {
		LocalDate today = LocalDate.now(clock);
		long holder = newEnterprise("320506");
		String number = "苏邮T" + (100000 + (int) (Math.random() * 800000));
		long id = licences.record(SUZHOU, JIANGSU, new LicenceData(holder, number, LicenceScope.PROVINCE, "江苏省邮政管理局", "32",
				today.minusYears(5).plusDays(20), null), false);
		licences.renewalAccepted(new RenewalAccepted(-9, number, today.minusDays(5)));
		assertThat(acceptedOn(number)).isEqualTo(today.minusDays(5));
		LicenceView l = licences.get(SUZHOU, id);
		String renamed = "苏邮T" + (100000 + (int) (Math.random() * 800000));
		licences.correct(SUZHOU, JIANGSU, id, new LicenceData(holder, renamed, l.scope(), l.issuingBureauName(), "32", l.issuedOn(),
				l.expiresOn()));
		assertThat(acceptedOn(renamed)).as("the same term: kept").isEqualTo(today.minusDays(5));
		licences.correct(SUZHOU, JIANGSU, id, new LicenceData(holder, renamed, l.scope(), l.issuingBureauName(), "32",
				today.minusDays(2), null));
		assertThat(acceptedOn(renamed)).as("a term begun after it: forgotten").isNull();
		assertThat(licences.get(SUZHOU, id).expiresOn()).isEqualTo(Licences.lastValidDay(today.minusDays(2), 5));
	}

	/**
	 * A renewal delivered while a revocation of the licence is being committed waits for it and then leaves the licence
	 * revoked with its expiry as it was: it read ACTIVE before the lock, and wrote the later expiry over the revocation.
	 */
	@Test
	void aRenewalWaitingOnARevocationLeavesTheLicenceRevoked() throws Exception {
		LocalDate today = LocalDate.now(clock);
		String number = "苏邮T" + (100000 + (int) (Math.random() * 800000));
		long id = licences.record(SUZHOU, JIANGSU, new LicenceData(newEnterprise("320506"), number, LicenceScope.PROVINCE,
				"江苏省邮政管理局", "32", today.minusYears(4), null), false);
		LocalDate expiry = licences.get(SUZHOU, id).expiresOn();
		try (Connection revoking = dataSource.getConnection()) {
			revoking.setAutoCommit(false);
			try (var revoke = revoking.prepareStatement(
					"UPDATE express_licence SET state = 'REVOKED', version = version + 1 WHERE id = ?")) {
				revoke.setLong(1, id);
				assertThat(revoke.executeUpdate()).isEqualTo(1);
			}
			java.util.concurrent.CompletableFuture<Void> renewal = java.util.concurrent.CompletableFuture.runAsync(
					() -> licences.renew(new LicenceRenewed(-9, number, "测试延续决定", today, expiry.plusYears(5))));
			// the renewal waits for the revocation's row lock
			await().atMost(Duration.ofSeconds(20)).until(() -> renewal.isDone() || jdbc.sql("""
					SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE '%express_licence%'""")
				.query(Long.class).single() > 0);
			assertThat(renewal).isNotDone();
			revoking.commit();
			renewal.get(20, java.util.concurrent.TimeUnit.SECONDS);
		}
		LicenceView l = licences.get(SUZHOU, id);
		assertThat(l.status()).isEqualTo(LicenceStatus.REVOKED);
		assertThat(l.expiresOn()).isEqualTo(expiry);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'licence.renew' AND object_id = :id")
			.param("id", String.valueOf(id)).query(Long.class).single()).isZero();
	}

	/** A licence of a new enterprise first issued ten years ago, renewed once to {@code until}; its number. */
	private String renewedUntil(LocalDate until) {
		LocalDate previousExpiry = Licences.lastValidDay(until.plusDays(1), -5);
		LocalDate issued = previousExpiry.plusDays(1).minusYears(5);
		String number = "苏邮T" + (100000 + (int) (Math.random() * 800000));
		licences.record(SUZHOU, JIANGSU, new LicenceData(newEnterprise("320506"), number, LicenceScope.PROVINCE, "江苏省邮政管理局",
				"32", issued, previousExpiry), false);
		licences.renew(new LicenceRenewed(-9, number, "测试延续决定", previousExpiry.minusDays(20), until));
		assertThat(licences.findByNumber(SUZHOU, number).orElseThrow().expiresOn()).isEqualTo(until);
		return number;
	}

	/** Records a renewal acceptance as an older row may hold one: written straight, past the registry's guard. */
	private void acceptedOn(String number, LocalDate day) {
		jdbc.sql("UPDATE express_licence SET renewal_accepted_on = :day WHERE number = :n").param("day", day).param("n", number)
			.update();
	}

	private LocalDate acceptedOn(String number) {
		return jdbc.sql("SELECT renewal_accepted_on FROM express_licence WHERE number = :n").param("n", number)
			.query(LocalDate.class).optional().orElse(null);
	}

	static final class DemoCodes {

		static final String SF_WUZHONG = "91320506MA1ND7K3Q" + CreditCode.checkCharacter("91320506MA1ND7K3Q");
	}
}
