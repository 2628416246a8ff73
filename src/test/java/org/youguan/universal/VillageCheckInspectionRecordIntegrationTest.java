package org.youguan.universal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.inspections.InspectionFigures;
import org.youguan.inspections.InspectionRecordData.TeamMember;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.PageQuery;
import org.youguan.registry.Enterprises;
import org.youguan.registry.Facilities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A 通邮 check recorded on the platform is also an inspection record (issue 18: "records reuse the inspection record"):
 * one 普遍服务监督检查 of the postal enterprise serving the village, with the check's team and the item 建制村通邮, counted
 * in 检查企业N家 / 出检N人次; a team member whose 执法证号 is not on the roster is refused naming the field, and when either
 * part is refused nothing is saved; a village without a serving enterprise is refused (422, villageCode) while its past
 * checks still import (without an inspection record); the check and its record link to each other.
 */
@IntegrationTest
class VillageCheckInspectionRecordIntegrationTest {

	static final String WUZHONG = "Bearer demo-wz-staff-token";

	static final DataScope WUZHONG_SCOPE = DataScope.region("320506");

	static final String TEAM = """
			[{"name":"陈吴中","certificateNumber":"32050601"},{"name":"沈执法","certificateNumber":"32050602"}]""";

	static final LocalDate DAY = LocalDate.of(2017, 8, 8);

	/** A day no other test records an inspection in 吴中区 (the figures test counts from zero). */
	static final LocalDate FIGURES_DAY = LocalDate.of(2017, 8, 7);

	@Autowired
	MockMvc mvc;

	@Autowired
	VillageChecks checks;

	@Autowired
	Villages villages;

	@Autowired
	InspectionFigures figures;

	@Autowired
	Facilities facilities;

	@Autowired
	Enterprises enterprises;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Test
	void aRecordedCheckIsOneInspectionOfTheServingEnterpriseCountedInTheFigures() throws Exception {
		List<String> wuzhong = codes("320506");
		String first = wuzhong.get(40);
		String second = wuzhong.get(41);
		InspectionFigures.Figures before = figures.figures(WUZHONG_SCOPE, "320506", FIGURES_DAY, FIGURES_DAY, FIGURES_DAY);
		assertThat(before.inspections()).isZero();
		mvc.perform(post("/api/v1/universal/checks").header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content(json(first, FIGURES_DAY, false, TEAM)))
			.andExpect(status().isCreated());
		long record = recordOf(first, FIGURES_DAY);
		Map<String, Object> r = jdbc.sql("""
				SELECT enterprise_credit_code, kind, region_code, outcome, findings, imported, bureau_id
				FROM inspection_record WHERE id = :id""").param("id", record).query().singleRow();
		assertThat(r).containsEntry("enterprise_credit_code", serving(first))
			.containsEntry("kind", "UNIVERSAL")
			.containsEntry("region_code", first)
			.containsEntry("outcome", "INTERVIEW")
			.containsEntry("findings", "交接记录缺失")
			.containsEntry("imported", false);
		assertThat(jdbc.sql("SELECT name, certificate_number FROM inspection_record_inspector WHERE record_id = :id ORDER BY position")
			.param("id", record).query((rs, n) -> tuple(rs.getString(1), rs.getString(2))).list())
			.containsExactly(tuple("陈吴中", "32050601"), tuple("沈执法", "32050602"));
		assertThat(jdbc.sql("SELECT item_code FROM inspection_record_item WHERE record_id = :id").param("id", record)
			.query(String.class).list()).containsExactly("VILLAGE_DELIVERY");
		InspectionFigures.Figures one = figures.figures(WUZHONG_SCOPE, "320506", FIGURES_DAY, FIGURES_DAY, FIGURES_DAY);
		assertThat(one.inspections()).isEqualTo(1);
		assertThat(one.inspectedEnterprises()).isEqualTo(1);
		assertThat(one.inspectorVisits()).isEqualTo(2);
		// the same team checks a second village of the same enterprise that day: a second inspection, not a duplicate;
		// the enterprise counts once (检查企业), the inspectors twice each (出检人次)
		mvc.perform(post("/api/v1/universal/checks").header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content(json(second, FIGURES_DAY, true, TEAM)))
			.andExpect(status().isCreated());
		assertThat(jdbc.sql("SELECT outcome FROM inspection_record WHERE id = :id").param("id", recordOf(second, FIGURES_DAY))
			.query(String.class).single()).isEqualTo("NONE");
		InspectionFigures.Figures two = figures.figures(WUZHONG_SCOPE, "320506", FIGURES_DAY, FIGURES_DAY, FIGURES_DAY);
		assertThat(two.inspections()).isEqualTo(2);
		assertThat(two.inspectedEnterprises()).isEqualTo(serving(first).equals(serving(second)) ? 1 : 2);
		assertThat(two.inspectorVisits()).isEqualTo(4);
		mvc.perform(get("/api/v1/universal/checks").param("village", first).header("Authorization", WUZHONG))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("\"inspectionRecordId\":" + record)));
	}

	@Test
	void anUncertifiedInspectorIsRefusedNamingTheFieldAndNothingIsHalfSaved() throws Exception {
		String village = codes("320506").get(42);
		long checksBefore = count("village_check");
		long recordsBefore = count("inspection_record");
		mvc.perform(post("/api/v1/universal/checks").header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content(json(village, DAY, true, """
					[{"name":"陈吴中","certificateNumber":"32050601"},{"name":"王普服","certificateNumber":"99990001"}]""")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("inspectors[1].certificateNumber"))
			.andExpect(content().string(containsString("不在检查人员名录库中")));
		// names only: the past checks' form, not a check recorded now
		mvc.perform(post("/api/v1/universal/checks").header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content(json(village, DAY, true, "[\"陈吴中\",\"沈执法\"]")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("inspectors[0].certificateNumber")))
			.andExpect(content().string(containsString("inspectors[1].certificateNumber")));
		// the check itself is in order, the inspection record refuses its team (the roster's holder of 32050601 is
		// 陈吴中): neither is saved
		mvc.perform(post("/api/v1/universal/checks").header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content(json(village, DAY, true, """
					[{"name":"张冒名","certificateNumber":"32050601"},{"name":"沈执法","certificateNumber":"32050602"}]""")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("inspectors[0].name"));
		// an outcome that does not fit 规范投递
		mvc.perform(post("/api/v1/universal/checks").header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content(withOutcome(json(village, DAY, true, TEAM), "RECTIFICATION")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("outcome"));
		assertThat(count("village_check")).isEqualTo(checksBefore);
		assertThat(count("inspection_record")).isEqualTo(recordsBefore);
	}

	/**
	 * The form offers the roster of the village's chain of bureaus only (its county, city, province): another county's
	 * inspector posted by hand — by the county or by the city, whose scope holds both counties — is refused (400 naming
	 * the field and the rule), nothing saved; the city's own inspectors may go.
	 */
	@Test
	void anInspectorOfAnotherCountyIsRefusedNamingTheFieldAndTheRule() throws Exception {
		String village = codes("320506").get(45);
		long checksBefore = count("village_check");
		long recordsBefore = count("inspection_record");
		String otherCounty = """
				[{"name":"陈吴中","certificateNumber":"32050601"},{"name":"褚相城","certificateNumber":"32050701"}]""";
		for (String token : List.of(WUZHONG, "Bearer demo-sz-admin-token")) {
			mvc.perform(post("/api/v1/universal/checks").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
				.content(json(village, DAY, true, otherCounty)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("inspectors[1].certificateNumber"))
				.andExpect(jsonPath("$.errors[0].rule").value("exists"))
				.andExpect(content().string(containsString("所在县、市、省邮政管理局的检查人员")))
				.andExpect(content().string(not(containsString("相城区邮政管理局"))))
				.andExpect(content().string(not(containsString("褚相城"))));
		}
		// a certificate named twice is refused on the second, not read as naming the inspector once
		mvc.perform(post("/api/v1/universal/checks").header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content(json(village, DAY, true, """
					[{"name":"陈吴中","certificateNumber":"32050601"},{"name":"陈吴中","certificateNumber":"32050601"},
					 {"name":"郑监管","certificateNumber":"32050001"}]""")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("inspectors[1].certificateNumber"))
			.andExpect(jsonPath("$.errors[0].rule").value("duplicate"));
		assertThat(count("village_check")).isEqualTo(checksBefore);
		assertThat(count("inspection_record")).isEqualTo(recordsBefore);
		mvc.perform(post("/api/v1/universal/checks").header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content(json(village, DAY, true, """
					[{"name":"陈吴中","certificateNumber":"32050601"},{"name":"郑监管","certificateNumber":"32050001"}]""")))
			.andExpect(status().isCreated());
	}

	@Test
	void aVillageWithoutAServingEnterpriseIsRefusedWhileItsPastChecksImport() throws Exception {
		String village = codes("320506").get(43);
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		tx.executeWithoutResult(status -> {
			jdbc.sql("DELETE FROM village_profile WHERE village_code = :v").param("v", village).update();
			assertThatThrownBy(() -> checks.record(WUZHONG_SCOPE, null, data(village, DAY), false))
				.isInstanceOfSatisfying(DomainException.class, ex -> {
					assertThat(ex.code().status()).isEqualTo(422);
					assertThat(ex.fieldErrors()).extracting(FieldError::field).containsExactly("villageCode");
					assertThat(ex.getMessage()).contains("尚无通邮信息");
				});
			try {
				mvc.perform(get("/universal/villages/" + village).session(staff))
					.andExpect(status().isOk())
					.andExpect(content().string(containsString("id=\"no-serving-enterprise\"")));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			// a past check may still come in, and it is no inspection record
			assertThat(checks.importChecks(WUZHONG_SCOPE, null, List.of(VillageCheckData.named(village, "2017-08-09",
					"DIRECT", 5, true, true, null, List.of("王普服", "陈吴中"))))).isEqualTo(1);
			assertThat(jdbc.sql("SELECT inspection_record_id FROM village_check WHERE village_code = :v AND checked_on = :d")
				.param("v", village).param("d", LocalDate.of(2017, 8, 9)).query((rs, n) -> rs.getObject(1)).list())
				.containsExactly((Object) null);
			status.setRollbackOnly();
		});
	}

	@Test
	void theCheckAndItsInspectionRecordLinkToEachOther() throws Exception {
		String village = codes("320506").get(44);
		VillageCheckData data = new VillageCheckData(village, DAY.plusDays(2).toString(), "DIRECT", 2, false, false, "投递频次不足",
				List.of(new TeamMember("陈吴中", "32050601"), new TeamMember("沈执法", "32050602")), "RECTIFICATION");
		long check = checks.record(WUZHONG_SCOPE, null, data, false);
		long record = recordOf(village, DAY.plusDays(2));
		assertThat(jdbc.sql("SELECT outcome FROM inspection_record WHERE id = :id").param("id", record).query(String.class)
			.single()).isEqualTo("RECTIFICATION");
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		mvc.perform(get("/universal/villages/" + village).session(staff))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"check-" + check + "\"")))
			.andExpect(content().string(containsString("/inspections/records/" + record + "\"")));
		mvc.perform(get("/inspections/records/" + record).session(staff))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("普遍服务监督检查")))
			.andExpect(content().string(containsString("/universal/checks/by-inspection/" + record + "\"")));
		mvc.perform(get("/universal/checks/by-inspection/" + record).session(staff))
			.andExpect(redirectedUrl("/universal/villages/" + village + "#check-" + check));
		mvc.perform(get("/universal/checks/by-inspection/999999999").session(staff)).andExpect(status().isNotFound());
	}

	/** The enterprise operating the village's serving post office, read from the registry (else the profile's). */
	private String serving(String village) {
		VillageView v = villages.get(DataScope.all(), village);
		if (v.postOfficeFacilityId() == null) {
			return v.enterpriseCreditCode();
		}
		long enterprise = facilities.get(DataScope.all(), v.postOfficeFacilityId()).enterpriseId();
		return enterprises.find(DataScope.all(), enterprise).orElseThrow().creditCode();
	}

	private long recordOf(String village, LocalDate day) {
		return jdbc.sql("SELECT inspection_record_id FROM village_check WHERE village_code = :v AND checked_on = :d")
			.param("v", village).param("d", day).query(Long.class).single();
	}

	private long count(String table) {
		return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	private static VillageCheckData data(String village, LocalDate day) {
		return new VillageCheckData(village, day.toString(), "DIRECT", 5, true, true, null,
				List.of(new TeamMember("陈吴中", "32050601"), new TeamMember("沈执法", "32050602")), null);
	}

	private static String json(String village, LocalDate day, boolean standard, String team) {
		return """
				{"villageCode":"%s","checkedOn":"%s","deliveryMode":"DIRECT","deliveriesObserved":%d,"handoverRecords":%s,
				 "standardDelivery":%s,"findings":%s,"inspectors":%s}""".formatted(village, day, standard ? 5 : 2, standard,
				standard, standard ? "null" : "\"交接记录缺失\"", team);
	}

	private static String withOutcome(String json, String outcome) {
		return json.substring(0, json.lastIndexOf('}')) + ",\"outcome\":\"" + outcome + "\"}";
	}

	private List<String> codes(String county) {
		return villages.list(DataScope.all(), new Villages.Filter(county, null, false, false),
				new PageQuery("", 0, 200, "code", false)).items().stream().map(VillageView::code).toList();
	}
}
