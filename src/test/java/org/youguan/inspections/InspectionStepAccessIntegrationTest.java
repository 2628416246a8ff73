package org.youguan.inspections;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.RandomDigits;
import org.youguan.SignIn;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.org.Bureaus;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Access before fields on inspections ({@code InspectionStepAccess}, {@code StepAccessFirst}): a record's order, an
 * order's steps and a plan's steps are the inspecting bureau's ({@link InspectingBureau}); the city's staff posting one
 * of 吴中's with a value that cannot be read ("abc" working days, a day "abc", a body that is no JSON) is told 403 naming
 * 吴中区局 — it was told 400 and the field first; a sibling county 404; 吴中's own staff the field (400). A roster entry
 * outside the caller's scope is not there (404) before its body is read. And the roster's update API (换发、延续执法证).
 */
@IntegrationTest
class InspectionStepAccessIntegrationTest {

	static final String CITY = "Bearer demo-sz-market-token";

	static final String WUZHONG = "Bearer demo-wz-staff-token";

	static final String XIANGCHENG = "Bearer demo-xc-staff-token";

	/** 苏州市局's administrator, who keeps the roster of the city and its counties. */
	static final String CITY_ADMIN = "Bearer demo-sz-admin-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	InspectionRecords records;

	@Autowired
	InspectionOrders orders;

	@Autowired
	InspectionPlans plans;

	@Autowired
	Inspectors inspectors;

	@Autowired
	Bureaus bureaus;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	UserDirectory directory;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	MutableClock clock;

	@Autowired
	AuditTrail audit;

	ResultActions call(String token, String path, String json) throws Exception {
		return mvc.perform(post(path).header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	/** An inspection of sf.wz's enterprise (吴中) today by 吴中区局, concluded 责令改正. */
	long wuzhongInspection() {
		CurrentUser u = directory.principal("wz.staff").orElseThrow();
		String sf = directory.principal("sf.wz").map(CurrentUser::enterpriseCreditCode).orElseThrow();
		return tx.execute(s -> records.record(u.scope(), u.bureauId(), new InspectionRecordData(sf,
				LocalDate.now(clock).toString(), "SPECIAL", List.of("REAL_NAME"),
				List.of(new InspectionRecordData.TeamMember("陈吴中", "32050601"),
						new InspectionRecordData.TeamMember("某某", "PR" + RandomDigits.of(8))),
				"RECTIFICATION", "实名收寄登记不全" + InspectionHandlingBureauIntegrationTest.tag(), null, "吴中营业部"), false, false));
	}

	@Test
	void aRecordsAndAnOrdersStepsRefuseTheCityBeforeTheirFields() throws Exception {
		long record = wuzhongInspection();
		// issuing the order: the city with a deadline that is no number, on the API and on the page
		call(CITY, "/api/v1/inspections/records/" + record + "/order", "{\"workingDays\":\"abc\"}")
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("吴中区邮政管理局")));
		mvc.perform(post("/inspections/records/" + record + "/order").session(SignIn.session(mvc, "sz.market")).with(csrf())
			.param("workingDays", "abc"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute(org.youguan.kernel.PageSteps.REFUSED_STATUS, 403));
		call(XIANGCHENG, "/api/v1/inspections/records/" + record + "/order", "{\"workingDays\":\"abc\"}")
			.andExpect(status().isNotFound());
		call(WUZHONG, "/api/v1/inspections/records/" + record + "/order", "{\"workingDays\":\"abc\"}")
			.andExpect(status().isBadRequest());
		String issued = call(WUZHONG, "/api/v1/inspections/records/" + record + "/order", "{\"workingDays\":10}")
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long order = ((Number) JsonPath.read(issued, "$.id")).longValue();

		// the order's steps: a day "abc", a result that is none, a body that is no JSON
		call(CITY, "/api/v1/inspections/orders/" + order + "/reinspection", "{\"on\":\"abc\"}")
			.andExpect(status().isForbidden());
		call(CITY, "/api/v1/inspections/orders/" + order + "/reject", "{\"note\": ").andExpect(status().isForbidden());
		MockHttpSession city = SignIn.session(mvc, "sz.market");
		mvc.perform(post("/inspections/orders/" + order + "/reinspection").session(city).with(csrf()).param("on", "abc"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute(org.youguan.kernel.PageSteps.REFUSED_STATUS, 403))
			.andExpect(mvcResult -> assertThat(String.valueOf(mvcResult.getFlashMap().get("errors"))).contains("吴中区邮政管理局"));
		mvc.perform(post("/inspections/orders/" + order + "/reinspection/result").session(city).with(csrf())
			.param("result", "PERHAPS"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute(org.youguan.kernel.PageSteps.REFUSED_STATUS, 403));
		call(XIANGCHENG, "/api/v1/inspections/orders/" + order + "/reinspection", "{\"on\":\"abc\"}")
			.andExpect(status().isNotFound());
		call(WUZHONG, "/api/v1/inspections/orders/" + order + "/reinspection", "{\"on\":\"abc\"}")
			.andExpect(status().isBadRequest());
		assertThat(orders.get(DataScope.region("320506"), order).reinspectionOn()).isNull();
	}

	@Test
	void aPlansStepsRefuseTheCityBeforeTheirFields() throws Exception {
		LocalDate today = LocalDate.now(clock);
		CurrentUser wz = directory.principal("wz.staff").orElseThrow();
		long plan = plans.create(wz.scope(), wz.bureauId(), "320506", "陈吴中", new InspectionPlans.PlanData(
				"区局抽查吴中网点" + InspectionHandlingBureauIntegrationTest.tag(), today, today.plusMonths(2), List.of("REAL_NAME"), "320506", null, 3, null, null,
				2, "OUTLET", null, null), false);
		call(CITY, "/api/v1/inspections/plans/" + plan + "/seed", "{\"seed\": ").andExpect(status().isForbidden());
		call(XIANGCHENG, "/api/v1/inspections/plans/" + plan + "/seed", "{\"seed\": ").andExpect(status().isNotFound());
		call(WUZHONG, "/api/v1/inspections/plans/" + plan + "/seed", "{\"seed\": ").andExpect(status().isBadRequest());
		assertThat(plans.get(wz.scope(), plan).status()).isEqualTo("DRAFT");
	}

	long wuzhongInspector(LocalDate validUntil) {
		long bureau = bureaus.findByRegion("320506").orElseThrow().id();
		long id = inspectors.register(DataScope.region("3205"), new Inspectors.InspectorData(bureau, null, "路检查",
				"WZ" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), validUntil, null));
		registered.add(id);
		return id;
	}

	/** The roster entries this class registered. */
	private final java.util.List<Long> registered = new java.util.ArrayList<>();

	/**
	 * Off the roster again, so no later draw in the shared database picks them (an entry expiring days ago was drawn
	 * by another class's plan and refused at its check).
	 */
	@org.junit.jupiter.api.AfterEach
	void offTheRoster() {
		for (long id : registered) {
			jdbc.sql("UPDATE inspector SET active = false WHERE id = :id").param("id", id).update();
		}
		registered.clear();
	}

	ResultActions update(String token, long id, String json) throws Exception {
		return mvc.perform(put("/api/v1/inspections/inspectors/" + id).header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON).content(json));
	}

	@Test
	void aRosterEntryOutsideTheScopeIsNotThereBeforeItsBodyIsRead() throws Exception {
		long id = wuzhongInspector(LocalDate.now(clock).plusYears(1));
		// 昆山's administrator does not see 吴中's roster: 404 for a body with a day that is none, on the API and the page
		MockHttpSession kunshan = SignIn.session(mvc, "ks.admin");
		mvc.perform(put("/api/v1/inspections/inspectors/" + id).session(kunshan).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"certificateNumber\":\"X1\",\"validUntil\":\"abc\"}"))
			.andExpect(status().isNotFound());
		mvc.perform(post("/inspections/inspectors/" + id + "/edit").session(kunshan).with(csrf())
			.param("name", "路检查").param("certificateNumber", "X1").param("validUntil", "abc"))
			.andExpect(status().isNotFound());
		// staff who are no administrators are refused by role first
		update(WUZHONG, id, "{\"certificateNumber\":\"X1\",\"validUntil\":\"abc\"}").andExpect(status().isForbidden());
		// the city's administrator is told the field
		update(CITY_ADMIN, id, "{\"certificateNumber\":\"X1\",\"validUntil\":\"abc\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("validUntil")));
	}

	@Test
	void theApiRenewsACertificateAuditedAndRefusesAnExpiredOneAsRegistrationDoes() throws Exception {
		LocalDate today = LocalDate.now(clock);
		long id = wuzhongInspector(today.plusDays(10));
		Inspector before = inspectors.get(DataScope.all(), id);
		String renewed = "WZ" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		update(CITY_ADMIN, id, "{\"certificateNumber\":\"" + renewed.toLowerCase() + "\",\"validUntil\":\""
				+ today.plusYears(3) + "\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.certificateNumber").value(renewed))
			.andExpect(jsonPath("$.validUntil").value(today.plusYears(3).toString()))
			.andExpect(jsonPath("$.name").value("路检查"));
		assertThat(audit.history(DataScope.all(), "inspector", id)).anySatisfy(e -> assertThat(e.summary())
			.contains("执法证号 " + before.certificateNumber() + " → " + renewed).contains("有效期 " + ChineseText.day(today.plusDays(10))));

		// an expired day is refused as on registration, naming the field in Chinese; nothing saved
		update(CITY_ADMIN, id, "{\"certificateNumber\":\"" + renewed + "\",\"validUntil\":\"" + today.minusDays(1) + "\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'validUntil')].rule", hasItem("expired")))
			.andExpect(jsonPath("$.errors[?(@.field == 'validUntil')].message", hasItem(containsString("已过期"))));
		// a missing certificate number is named
		update(CITY_ADMIN, id, "{\"validUntil\":\"" + today.plusYears(1) + "\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("certificateNumber")));
		assertThat(inspectors.get(DataScope.all(), id).validUntil()).isEqualTo(today.plusYears(3));
	}

	@Test
	void aNewCertificateNumberOnAnExpiredEntryIsRefusedAsARegistrationOfIt() {
		LocalDate today = LocalDate.now(clock);
		long bureau = bureaus.findByRegion("320506").orElseThrow().id();
		long id = inspectors.registerEnteredOn(DataScope.region("3205"), new Inspectors.InspectorData(bureau, null, "旧证人",
				"WZ" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), today.minusDays(5), null),
				today.minusYears(1));
		registered.add(id);
		Inspector old = inspectors.get(DataScope.all(), id);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> inspectors.update(DataScope.region("3205"), id,
				new Inspectors.InspectorData(bureau, null, "旧证人", "NEW" + RandomDigits.of(6), old.validUntil(), null)))
			.isInstanceOfSatisfying(org.youguan.kernel.InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.anySatisfy(e -> assertThat(e.rule()).isEqualTo("expired")));
		// correcting the name alone keeps the entry as it stands
		inspectors.update(DataScope.region("3205"), id, new Inspectors.InspectorData(bureau, null, "旧证人甲",
				old.certificateNumber(), old.validUntil(), null));
		assertThat(inspectors.get(DataScope.all(), id).name()).isEqualTo("旧证人甲");
	}
}
