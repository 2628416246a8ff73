package org.youguan.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.RandomLetters;
import org.youguan.SignIn;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FlashedValues;
import org.youguan.kernel.PageSteps;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.PageQuery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class FacilityIntegrationTest {

	static final DataScope SUZHOU = DataScope.region("3205");

	@Autowired
	Facilities facilities;

	@Autowired
	Enterprises enterprises;

	@Autowired
	AuditTrail audit;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	long owner() {
		return enterprises.list(DataScope.region("320506"), Enterprises.Filter.NONE, new PageQuery("吴中中通", 0, 1, null, false))
			.items()
			.get(0)
			.id();
	}

	/** Another enterprise of 吴中 than {@link #owner}: the one a look-alike serial would credit wrongly. */
	long other() {
		return enterprises.findByCreditCode(RegistryIntegrationTest.DemoCodes.SF_WUZHONG).orElseThrow().id();
	}

	/**
	 * Finding: a list showing a code searches it — the facility list and its export show the 行政区划代码, and typing
	 * a street's 9-digit code found nothing; it finds the facilities there (and a city's prefix those under it).
	 */
	@Test
	void theFacilityListIsSearchedByTheRegionCodeItShows() {
		String street = jdbc.sql("SELECT region_code FROM facility WHERE length(region_code) >= 9 AND region_code LIKE '3205%' "
				+ "ORDER BY id LIMIT 1").query(String.class).single();
		var found = facilities.list(SUZHOU, new Facilities.Filter(null, null), new PageQuery(street, 0, 200, null, false)).items();
		assertThat(found).isNotEmpty().allSatisfy(f -> assertThat(f.regionCode()).contains(street));
	}

	@Test
	void theDemoCityHasEveryKind() {
		for (FacilityKind kind : FacilityKind.values()) {
			assertThat(facilities.list(SUZHOU, new Facilities.Filter(kind, null), new PageQuery("", 0, 1, null, false)).total())
				.as(kind.label())
				.isPositive();
		}
	}

	/**
	 * A facility of a kind, name and address registered twice — by the form, the API or a correction — is one facility:
	 * the second is refused on 名称 (rule unique), whatever punctuation or spaces tell the names apart.
	 */
	@Test
	void aTwinFacilityIsRefusedOnRegisterAndOnCorrection() {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		String address = "吴中区孪生路" + tag + "号";
		long first = facilities.register(SUZHOU, new FacilityData(FacilityKind.CARE_STATION, "吴中测试设施" + tag, owner(),
				"320506001", address, null, null, "休息", null), false);
		for (String twin : List.of("吴中测试设施" + tag, "吴中测试设施" + tag + "。", "吴中 测试 设施" + tag)) {
			assertThatThrownBy(() -> facilities.register(SUZHOU, new FacilityData(FacilityKind.CARE_STATION, twin, owner(),
					"320506001", address, null, null, "休息", null), false))
				.as(twin)
				.isInstanceOf(InvalidValueException.class)
				.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors())
					.extracting(FieldError::field, FieldError::rule)
					.containsExactly(tuple("name", "unique")));
		}
		long second = facilities.register(SUZHOU, new FacilityData(FacilityKind.CARE_STATION, "吴中另一设施" + tag, owner(),
				"320506001", address, null, null, "休息", null), false);
		assertThatThrownBy(() -> facilities.update(SUZHOU, second, new FacilityData(FacilityKind.CARE_STATION,
				"吴中测试设施" + tag + "!", owner(), "320506001", address, null, null, "休息", null)))
			.isInstanceOf(InvalidValueException.class);
		// a correction keeping the facility's own name is no twin of itself
		facilities.update(SUZHOU, first, new FacilityData(FacilityKind.CARE_STATION, "吴中测试设施" + tag, owner(), "320506001",
				address, null, null, "休息、饮水", null));
	}

	@Test
	void eachKindChecksItsOwnFields() {
		assertThatThrownBy(() -> facilities.register(SUZHOU, new FacilityData(FacilityKind.PARCEL_LOCKER, "无格口的柜", owner(),
				"320506001", "吴中区测试路1号", null, null, null, null), false))
			.isInstanceOf(InvalidValueException.class)
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors()).extracting(FieldError::field)
				.containsExactly("compartments"));
		assertThatThrownBy(() -> facilities.register(SUZHOU, new FacilityData(FacilityKind.CARE_STATION, "驿站", owner(),
				"3205", "吴中区测试路1号", null, null, " ", LocalDate.of(2099, 1, 1)), false))
			.isInstanceOf(InvalidValueException.class)
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors()).extracting(FieldError::field)
				.contains("services", "regionCode", "commissionedOn"));
		long locker = facilities.register(SUZHOU, new FacilityData(FacilityKind.PARCEL_LOCKER, "测试柜", owner(), "320506001",
				"测试路1号", 48, "ignored", "ignored", null), false);
		FacilityView view = facilities.get(SUZHOU, locker);
		assertThat(view.compartments()).isEqualTo(48);
		assertThat(view.serialNumber()).as("fields of other kinds are not kept").isNull();
	}

	@Test
	void aScreeningMachineSerialIsUnique() {
		String serial = "XR-T-" + UUID.randomUUID().toString().substring(0, 6);
		facilities.register(SUZHOU, new FacilityData(FacilityKind.SCREENING_MACHINE, "安检机甲", owner(), "320506001", "吴中区分拨中心",
				null, serial, null, null), false);
		assertThatThrownBy(() -> facilities.register(SUZHOU, new FacilityData(FacilityKind.SCREENING_MACHINE, "安检机乙", owner(),
				"320506001", "吴中区分拨中心", null, serial, null, null), false)).hasMessageContaining("已登记");
	}

	/** A serial typed in full-width characters is stored in ASCII and is the machine registered so: no second one. */
	@Test
	void aScreeningMachineSerialTypedInFullWidthIsTheSameMachine() {
		String serial = "XR-W-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		StringBuilder wide = new StringBuilder();
		serial.chars().forEach(c -> wide.append((char) (c - 0x21 + 0xFF01)));
		long id = facilities.register(SUZHOU, new FacilityData(FacilityKind.SCREENING_MACHINE, "安检机丙", owner(), "320506001",
				"吴中区分拨中心", null, wide.toString(), null, null), false);
		assertThat(facilities.get(SUZHOU, id).serialNumber()).isEqualTo(serial);
		assertThatThrownBy(() -> facilities.register(SUZHOU, new FacilityData(FacilityKind.SCREENING_MACHINE, "安检机丁", owner(),
				"320506001", "吴中区分拨中心", null, serial, null, null), false)).hasMessageContaining("已登记");
	}

	/**
	 * A serial typed in another letter case or with other separators (spaces, U+3000, an underscore, a dash) is the
	 * machine registered: refused for another enterprise, as the screening coverage would credit the wrong one (attack
	 * round 10: xr-320506-4 and XR 320506 4 were accepted beside XR-320506-4); a genuinely different serial passes, and
	 * a correction cannot take a look-alike either.
	 */
	@Test
	void aScreeningMachineSerialInAnotherCaseOrWithOtherSeparatorsIsTheSameMachine() {
		String tail = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		String serial = "XR-L-" + tail;
		facilities.register(SUZHOU, new FacilityData(FacilityKind.SCREENING_MACHINE, "安检机壬", owner(), "320506001", "吴中区分拨中心",
				null, serial, null, null), false);
		for (String lookAlike : List.of(serial.toLowerCase(), "XR L " + tail, "XR　L　" + tail, "XR_L_" + tail,
				"XR—L—" + tail, "xrl" + tail.toLowerCase())) {
			assertThatThrownBy(() -> facilities.register(SUZHOU, new FacilityData(FacilityKind.SCREENING_MACHINE, "安检机癸",
					other(), "320506001", "吴中区分拨中心", null, lookAlike, null, null), false))
				.as(lookAlike)
				.isInstanceOf(InvalidValueException.class)
				.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors())
					.extracting(FieldError::field, FieldError::rule)
					.contains(tuple("serialNumber", "unique")));
		}
		long other = facilities.register(SUZHOU, new FacilityData(FacilityKind.SCREENING_MACHINE, "安检机子", other(), "320506001",
				"吴中区分拨中心", null, "XR-L-" + tail + "-2", null, null), false);
		assertThatThrownBy(() -> facilities.update(SUZHOU, other, new FacilityData(FacilityKind.SCREENING_MACHINE, "安检机子",
				other(), "320506001", "吴中区分拨中心", null, "xr l " + tail, null, null)))
			.isInstanceOf(InvalidValueException.class)
			.hasMessageContaining("已登记");
		facilities.update(SUZHOU, other, new FacilityData(FacilityKind.SCREENING_MACHINE, "安检机子", other(), "320506001",
				"吴中区分拨中心", null, "xr-l-" + tail.toLowerCase() + "-2", null, null));
		assertThat(facilities.get(SUZHOU, other).serialNumber()).isEqualTo("xr-l-" + tail.toLowerCase() + "-2");
	}

	/**
	 * A serial with a zero-width space inside looks like the machine registered and is refused rather than kept as a
	 * second one; a machine's name with one inside is refused too (the name rule).
	 */
	@Test
	void aScreeningMachineSerialOrNameWithAZeroWidthSpaceInsideIsRefused() {
		String serial = "XR-Z-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		facilities.register(SUZHOU, new FacilityData(FacilityKind.SCREENING_MACHINE, "安检机戊", owner(), "320506001", "吴中区分拨中心",
				null, serial, null, null), false);
		assertThatThrownBy(() -> facilities.register(SUZHOU, new FacilityData(FacilityKind.SCREENING_MACHINE, "安检机己", owner(),
				"320506001", "吴中区分拨中心", null, serial.substring(0, 3) + "\u200B" + serial.substring(3), null, null), false))
			.isInstanceOf(InvalidValueException.class)
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors())
				.extracting(FieldError::field, FieldError::rule)
				.contains(tuple("serialNumber", "invisible-character")));
		assertThatThrownBy(() -> facilities.register(SUZHOU, new FacilityData(FacilityKind.SCREENING_MACHINE, "安检\u2060机庚", owner(),
				"320506001", "吴中区分拨中心", null, serial + "-2", null, null), false))
			.isInstanceOf(InvalidValueException.class)
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors())
				.extracting(FieldError::field, FieldError::rule)
				.containsExactly(tuple("name", "invisible-character")));
	}

	/**
	 * A 设备序列号 is written only with what a nameplate prints (rule {@code serial-number}, naming the field and the
	 * character) on every path — the service the API and the import call, and the page form — where the identifier rule
	 * alone let "XR&lt;b&gt;1" and quotes through; nothing is registered.
	 */
	@Test
	void aScreeningMachineSerialWithMarkupOrQuotesIsRefusedOnEveryPath() throws Exception {
		String tail = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		for (String bad : List.of("XR<b>" + tail, "XR\"" + tail + "\"", "XR;" + tail)) {
			assertThatThrownBy(() -> facilities.register(SUZHOU, new FacilityData(FacilityKind.SCREENING_MACHINE, "安检机丑",
					owner(), "320506001", "吴中区分拨中心", null, bad, null, null), false))
				.as(bad)
				.isInstanceOf(InvalidValueException.class)
				.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors())
					.extracting(FieldError::field, FieldError::rule)
					.containsExactly(tuple("serialNumber", "serial-number")))
				.hasMessageContaining("设备序列号只能由");
		}
		mvc.perform(post("/registry/facilities/new").session(SignIn.session(mvc, "sz.market")).with(csrf())
			.param("kind", "SCREENING_MACHINE").param("enterpriseId", String.valueOf(owner())).param("name", "页面安检机")
			.param("regionCode", "320506001").param("address", "页面路2号").param("serialNumber", "XR<b>" + tail))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("设备序列号只能由")));
		assertThat(facilities.list(SUZHOU, new Facilities.Filter(FacilityKind.SCREENING_MACHINE, null),
				new PageQuery(tail, 0, 10, null, false)).total()).isZero();
	}

	@Test
	void statusChangesAreGuardedAuditedWithTheirReasonAndScoped() {
		long id = facilities.register(SUZHOU, new FacilityData(FacilityKind.PARCEL_LOCKER, "测试快件箱" + RandomLetters.of(10), owner(),
				"320506001", "测试路2号", 10, null, null, null), false);
		assertThatThrownBy(() -> facilities.suspend(SUZHOU, id, " ")).isInstanceOf(InvalidValueException.class)
			.hasMessageContaining("停用原因");
		assertThatThrownBy(() -> facilities.remove(SUZHOU, id, null)).isInstanceOf(InvalidValueException.class)
			.hasMessageContaining("撤除原因");
		facilities.suspend(SUZHOU, id, "设备故障待修");
		assertThatThrownBy(() -> facilities.suspend(SUZHOU, id, "再停")).hasMessageContaining("停用");
		facilities.resume(SUZHOU, id);
		facilities.remove(SUZHOU, id, "场地收回");
		assertThatThrownBy(() -> facilities.resume(SUZHOU, id)).hasMessageContaining("已撤除");
		assertThat(audit.history(DataScope.region("320506"), "Facility", id)).extracting(e -> e.action())
			.containsExactly("facility.remove", "facility.resume", "facility.suspend", "facility.register");
		assertThat(audit.history(DataScope.region("320506"), "Facility", id)).extracting(e -> e.summary())
			.anyMatch(t -> t.contains("设备故障待修")).anyMatch(t -> t.contains("场地收回"));
		assertThatThrownBy(() -> facilities.get(DataScope.region("320507"), id)).hasMessageContaining("不存在");
		assertThatThrownBy(() -> facilities.remove(DataScope.region("320507"), id, "越权")).hasMessageContaining("不存在");
	}

	/**
	 * A 邮政普遍服务营业场所 leaves service only through the universal service's procedures: its 撤销 needs the bureau's
	 * approval and a notice (邮政法(2015) art.9), its 临时停业 the enterprise's report (art.15) — the register's direct 撤除
	 * and 停用 are refused (422) on the page and in the service, and the post office stays in service.
	 */
	@Test
	void aUniversalPostOfficeIsNeitherRemovedNorSuspendedDirectly() throws Exception {
		long id = facilities.register(SUZHOU, new FacilityData(FacilityKind.POST_OFFICE, "测试邮政所" + RandomLetters.of(10), owner(),
				"320506001", "测试路2号", null, null, null, null), false);
		assertThatThrownBy(() -> facilities.remove(SUZHOU, id, "撤销")).isInstanceOf(DomainException.class)
			.hasMessageContaining("邮政法(2015) 第9条").hasMessageContaining("营业场所撤销、搬迁审批");
		assertThatThrownBy(() -> facilities.suspend(SUZHOU, id, "停业")).isInstanceOf(DomainException.class)
			.hasMessageContaining("邮政法(2015) 第15条");
		MockHttpSession staff = SignIn.session(mvc, "sz.market");
		mvc.perform(post("/registry/facilities/" + id + "/remove").session(staff).with(csrf()).param("reason", "撤销"))
			.andExpect(status().is3xxRedirection());
		assertThat(facilities.get(SUZHOU, id).status().name()).isEqualTo("IN_SERVICE");
		// the page offers neither step for it (a new session: no refusal shown, which names the address posted)
		mvc.perform(get("/registry/facilities/" + id).session(SignIn.session(mvc, "sz.market")))
			.andExpect(content().string(not(containsString("/registry/facilities/" + id + "/remove"))))
			.andExpect(content().string(not(containsString("/registry/facilities/" + id + "/suspend"))))
			.andExpect(content().string(containsString("邮政法(2015) 第9条")));
	}

	/**
	 * Attack E1: a refused page step flashed every posted parameter into the session, 1.9 MB of junk a post. Only the
	 * form's declared fields are flashed, each capped at {@link FlashedValues#MAX_CHARS}; the CSRF token and unknown
	 * parameters never.
	 */
	@Test
	void aRefusedStepFlashesOnlyItsDeclaredFieldsCapped() throws Exception {
		long id = facilities.register(SUZHOU, new FacilityData(FacilityKind.PARCEL_LOCKER, "闪存测试柜" + RandomLetters.of(10), owner(),
				"320506001", "测试路3号", 10, null, null, null), false);
		var result = mvc.perform(post("/registry/facilities/" + id + "/suspend").session(SignIn.session(mvc, "sz.market"))
			.with(csrf()).param("reason", "长".repeat(FlashedValues.MAX_CHARS + 500)).param("junk", "x".repeat(100_000))
			.param("other", "y"))
			.andExpect(status().is3xxRedirection()).andReturn();
		@SuppressWarnings("unchecked")
		var typed = (java.util.Map<String, List<String>>) result.getFlashMap().get(PageSteps.TYPED);
		assertThat(typed).containsOnlyKeys("reason");
		assertThat(typed.get("reason").get(0)).hasSize(FlashedValues.MAX_CHARS);
	}

	@Test
	void thePagesListCreateAndExport() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "sz.market");
		mvc.perform(get("/registry/facilities").param("kind", "PARCEL_LOCKER").session(staff))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("格口数")));
		mvc.perform(post("/registry/facilities/new").session(staff).with(csrf()).param("kind", "PARCEL_LOCKER")
			.param("enterpriseId", String.valueOf(owner())).param("name", "页面柜").param("regionCode", "320506001")
			.param("address", "页面路1号"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("格口数不能为空")));
		mvc.perform(post("/registry/facilities/new").session(staff).with(csrf()).param("kind", "PARCEL_LOCKER")
			.param("enterpriseId", String.valueOf(owner())).param("name", "页面柜").param("regionCode", "320506001")
			.param("address", "页面路1号").param("compartments", "0"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("1至10000")));
		mvc.perform(post("/registry/facilities/new").session(staff).with(csrf()).param("kind", "PARCEL_LOCKER")
			.param("enterpriseId", String.valueOf(owner())).param("name", "页面柜").param("regionCode", "320506001")
			.param("address", "页面路1号").param("compartments", "60"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/registry/facilities/export.xlsx").param("kind", "SCREENING_MACHINE").session(staff))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
	}
}
