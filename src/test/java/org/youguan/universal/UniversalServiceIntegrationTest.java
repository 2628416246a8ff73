package org.youguan.universal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.ExportedRows;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.TemplateExample;
import org.youguan.documents.ImportResult;
import org.youguan.inspections.InspectionRecordData.TeamMember;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.PageQuery;
import org.youguan.org.Bureaus;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.registry.Facilities;
import org.youguan.registry.FacilityData;
import org.youguan.registry.FacilityKind;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The universal-service module on the demo city: the 建制村 register is exactly the 村委会 rows of the shipped region
 * data, the village frequency standard is the province's, the figures equal hand-computed values, the postal
 * enterprise keeps only its own profiles and a county sees only its villages, and a profile sheet with bad rows imports
 * nothing and reports every bad row.
 */
@IntegrationTest
class UniversalServiceIntegrationTest {

	static final String CITY = "Bearer demo-sz-admin-token";

	static final String WUZHONG = "Bearer demo-wz-staff-token";

	static final String POSTAL = "Bearer demo-yz-sz-token";

	static final String SHUNFENG = "Bearer demo-sf-wz-token";

	static final List<String> PROFILE_HEADER = List.of("建制村代码", "通邮方式", "每周投递频次", "服务邮政局所", "局所设施编号", "交接点类型",
			"交接点地址");

	@Autowired
	MockMvc mvc;

	@Autowired
	Villages villages;

	@Autowired
	VillageChecks checks;

	@Autowired
	UniversalFigures figures;

	@Autowired
	DeliveryStandards standards;

	@Autowired
	VillageProfileImport imports;

	@Autowired
	StatutoryRules rules;

	@Autowired
	Bureaus bureaus;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Facilities facilities;

	@Autowired
	JdbcClient jdbc;

	/** 村委会 rows of the shipped demo region data (the source the acceptance check counts), in a region. */
	static long villageCommittees(String prefix) throws IOException {
		String csv = new ClassPathResource("demo/villages-3205.csv").getContentAsString(StandardCharsets.UTF_8);
		return csv.lines().skip(1).filter(l -> l.startsWith(prefix) && l.contains("村委会")).count();
	}

	@Test
	void theRegisterIsEveryVillageCommitteeOfTheRegionData() throws Exception {
		assertThat(villageCommittees("3205")).isEqualTo(934);
		assertThat(villages.count("3205")).isEqualTo(villageCommittees("3205"));
		for (String county : List.of("320505", "320506", "320507", "320508", "320509", "320581", "320582", "320583",
				"320585")) {
			assertThat(villages.count(county)).as(county).isEqualTo(villageCommittees(county));
		}
		mvc.perform(get("/api/v1/universal/figures?region=3205&from=2026-01-01&to=2026-12-31").header("Authorization", CITY))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.villages").value(934));
		// the demo gave every village a profile
		assertThat(villages.list(DataScope.region("3205"), new Villages.Filter(null, null, true, false),
				new PageQuery("", 0, 20, null, false)).total()).isZero();
	}

	@Test
	void aCountySeesOnlyItsVillages() throws Exception {
		mvc.perform(get("/api/v1/universal/villages?size=5").header("Authorization", WUZHONG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(villageCommittees("320506")))
			.andExpect(jsonPath("$.items[0].code").value(startsWith("320506")));
		String xiangcheng = firstVillage("320507");
		mvc.perform(get("/api/v1/universal/villages/" + xiangcheng).header("Authorization", WUZHONG))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/universal/figures?region=3205").header("Authorization", WUZHONG))
			.andExpect(status().isForbidden());
	}

	@Test
	void theVillageStandardIsTheProvincesWithItsSource() throws Exception {
		String wuzhong = firstVillage("320506");
		assertThat(standards.villageMinimum(wuzhong)).as("catalogue default").isEqualTo(3);
		assertThat(standards.standard(AreaType.CITY, "3205").perWeek()).isEqualTo(7);
		assertThat(standards.standard(AreaType.TOWNSHIP, "3205").perWeek()).isEqualTo(5);
		long below3 = below("3205", 3);
		assertThat(villages.list(DataScope.region("3205"), new Villages.Filter(null, null, false, true),
				new PageQuery("", 0, 20, null, false)).total()).isEqualTo(below3).isPositive();
		long jiangsu = bureaus.findByRegion("32").orElseThrow().id();
		try {
			// the reason is free text: a zero-width space pasted into it is not stored
			rules.override(StatutoryRule.UNIVERSAL_DELIVERY_VILLAGE, jiangsu, "32", BigDecimal.valueOf(5),
					"江苏省邮政普遍服务实施办法\u200B 第12条：建制村每周投递不少于5次");
			assertThat(standards.villageMinimum(wuzhong)).isEqualTo(5);
			assertThat(standards.villageMinimum("330106001001")).as("another province keeps the default").isEqualTo(3);
			assertThat(standards.standard(AreaType.VILLAGE, "3205").source()).contains("江苏省邮政普遍服务实施办法 第12条");
			assertThat(villages.list(DataScope.region("3205"), new Villages.Filter(null, null, false, true),
					new PageQuery("", 0, 20, null, false)).total()).isEqualTo(below("3205", 5)).isGreaterThan(below3);
			mvc.perform(get("/api/v1/universal/standards").header("Authorization", WUZHONG))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[2].area").value("VILLAGE"))
				.andExpect(jsonPath("$[2].perWeek").value(5))
				.andExpect(jsonPath("$[2].basis").value("邮政法(2015) 第19条；地方实践（未确认）"))
				.andExpect(jsonPath("$[2].source").value(containsString("第12条")));
		}
		finally {
			rules.clearOverride(StatutoryRule.UNIVERSAL_DELIVERY_VILLAGE, "32");
		}
	}

	@Test
	void figuresEqualHandComputedValues() throws Exception {
		// 虎丘区: its 23 villages get known modes; three checks in 2020 (two villages, one not 规范)
		List<String> huqiu = codes("320505");
		assertThat(huqiu).hasSize((int) villageCommittees("320505"));
		String postal = postalCompany();
		for (int i = 0; i < huqiu.size(); i++) {
			villages.saveProfile(DataScope.region("3205"), new VillageProfileData(huqiu.get(i), i < 5 ? "村邮站" : "直接通邮",
					5, null, "虎丘邮政支局", i < 5 ? "村邮站" : null, i < 5 ? "虎丘区某村村邮站" : null, postal), false);
		}
		checks.record(DataScope.region("3205"), null, check(huqiu.get(0), "2020-03-02", true), false);
		checks.record(DataScope.region("3205"), null, check(huqiu.get(0), "2020-06-02", false), false);
		checks.record(DataScope.region("3205"), null, check(huqiu.get(1), "2020-09-30", true), false);
		checks.record(DataScope.region("3205"), null, check(huqiu.get(2), "2021-01-01", false), false);
		mvc.perform(get("/api/v1/universal/figures?region=320505&from=2020-01-01&to=2020-12-31").header("Authorization", CITY))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.villages").value(huqiu.size()))
			.andExpect(jsonPath("$.villagesDirectlyServed").value(huqiu.size() - 5))
			.andExpect(jsonPath("$.villagesChecked").value(2))
			.andExpect(jsonPath("$.standardDeliveryRate").value(66.6)) // 2 of 3, rounded down as every rate is
			.andExpect(jsonPath("$.postOfficeApprovals").value(0))
			.andExpect(jsonPath("$.confidentialChecks").value(0))
			.andExpect(jsonPath("$.partyPaperSameDayRate").value(nullValue()));
		mvc.perform(get("/api/v1/universal/figures?region=320505&from=2019-01-01&to=2019-12-31").header("Authorization", CITY))
			.andExpect(jsonPath("$.villagesChecked").value(0))
			.andExpect(jsonPath("$.standardDeliveryRate").value(nullValue()));
		mvc.perform(get("/api/v1/universal/figures?region=3205&from=2026-13-01").header("Authorization", CITY))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("from")));
	}

	@Test
	void checksNeedATeamOfTwoAndFindingsWhenNotStandard() throws Exception {
		String village = firstVillage("320506");
		long before = jdbc.sql("SELECT count(*) FROM village_check").query(Long.class).single();
		mvc.perform(post("/api/v1/universal/checks").header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"villageCode":"%s","checkedOn":"2026-03-01","deliveryMode":"DIRECT","deliveriesObserved":5,
					 "handoverRecords":true,"standardDelivery":false,"inspectors":["陈吴中"]}""".formatted(village)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("inspectors")))
			.andExpect(content().string(containsString("findings")))
			.andExpect(content().string(containsString("不得少于两人")));
		assertThat(jdbc.sql("SELECT count(*) FROM village_check").query(Long.class).single()).isEqualTo(before);
		mvc.perform(post("/api/v1/universal/checks").header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"villageCode":"%s","checkedOn":"2026-03-01","deliveryMode":"村邮站","deliveriesObserved":3,
					 "handoverRecords":false,"standardDelivery":false,"findings":"交接记录缺失",
					 "inspectors":[{"name":"陈吴中","certificateNumber":"32050601"},{"name":"沈执法","certificateNumber":"32050602"}]}""".formatted(village)))
			.andExpect(status().isCreated());
		// the same village on the same day again (a double click, a retried call): one check, as the import holds it
		mvc.perform(post("/api/v1/universal/checks").header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"villageCode":"%s","checkedOn":"2026-03-01","deliveryMode":"村邮站","deliveriesObserved":3,
					 "handoverRecords":false,"standardDelivery":false,"findings":"交接记录缺失",
					 "inspectors":[{"name":"陈吴中","certificateNumber":"32050601"},{"name":"沈执法","certificateNumber":"32050602"}]}""".formatted(village)))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("已有通邮检查记录")));
		mvc.perform(post("/api/v1/universal/checks").header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"villageCode":"%s","checkedOn":"2026-03-01","deliveryMode":"DIRECT","deliveriesObserved":5,
					 "handoverRecords":true,"standardDelivery":true,"inspectors":[{"name":"陈吴中","certificateNumber":"32050601"},{"name":"沈执法","certificateNumber":"32050602"}]}"""
				.formatted(firstVillage("320507"))))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/universal/checks").header("Authorization", POSTAL).contentType(MediaType.APPLICATION_JSON)
			.content("{}"))
			.andExpect(status().isForbidden());
		// a check naming no village is a 400 on the field, not a 404 for a village called null
		mvc.perform(post("/api/v1/universal/checks").header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("villageCode"));
		// a one-name team sent as text, or a fraction of a delivery, is refused rather than converted
		mvc.perform(post("/api/v1/universal/checks").header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"villageCode":"%s","checkedOn":"2026-03-01","deliveryMode":"DIRECT","deliveriesObserved":5,
					 "handoverRecords":true,"standardDelivery":true,"inspectors":{"name":"陈吴中","certificateNumber":"32050601"}}""".formatted(village)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("inspectors"));
		mvc.perform(post("/api/v1/universal/checks").header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"villageCode":"%s","checkedOn":"2026-03-01","deliveryMode":"DIRECT","deliveriesObserved":5.5,
					 "handoverRecords":true,"standardDelivery":true,"inspectors":[{"name":"陈吴中","certificateNumber":"32050601"},{"name":"沈执法","certificateNumber":"32050602"}]}""".formatted(village)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("deliveriesObserved"));
		// 规范投递 with no delivery seen contradicts itself (attack round 7: it counted toward the 规范投递率)
		mvc.perform(post("/api/v1/universal/checks").header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"villageCode":"%s","checkedOn":"2026-03-01","deliveryMode":"DIRECT","deliveriesObserved":0,
					 "handoverRecords":false,"standardDelivery":true,"inspectors":[{"name":"陈吴中","certificateNumber":"32050601"},{"name":"沈执法","certificateNumber":"32050602"}]}""".formatted(village)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("standardDelivery"))
			.andExpect(jsonPath("$.errors[0].rule").value("contradiction"));
		// 规范 below the province's 3 a week, or without handover records, is no 规范 either (attack round 20)
		standardCheck(village, 1, true).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("standardDelivery"))
			.andExpect(jsonPath("$.errors[0].rule").value("contradiction"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("低于本省建制村投递频次标准每周3次")));
		standardCheck(village, 5, false).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("standardDelivery"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("没有交接记录")));
		// and the import's rows are checked alike
		mvc.perform(post("/api/v1/universal/checks/import").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content("""
					[{"villageCode":"%s","checkedOn":"2019-03-02","deliveryMode":"DIRECT","deliveriesObserved":2,
					  "handoverRecords":true,"standardDelivery":true,"inspectors":["陈吴中","沈执法"]}]""".formatted(village)))
			.andExpect(status().is(422))
			.andExpect(jsonPath("$.errors[0].field").value("第1条·standardDelivery"));
		assertThat(jdbc.sql("SELECT count(*) FROM village_check").query(Long.class).single()).isEqualTo(before + 1);
	}

	@Test
	void thePostalEnterpriseKeepsOnlyItsOwnProfiles() throws Exception {
		String own = firstVillage("320507");
		mvc.perform(put("/api/v1/universal/villages/" + own + "/profile").header("Authorization", POSTAL)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"deliveryMode\":\"VILLAGE_POST\",\"deliveriesPerWeek\":6,\"handoverType\":\"村邮站\",\"handoverAddress\":\"相城区某村村邮站\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.deliveryMode").value("VILLAGE_POST"))
			.andExpect(jsonPath("$.deliveriesPerWeek").value(6));
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE object_type = 'VillageProfile' AND object_id = :id")
			.param("id", own).query(Long.class).single()).isGreaterThanOrEqualTo(2);
		// a profile kept by another postal enterprise: neither seen nor changed by yz.sz
		String other = codes("320507").get(1);
		String headquarters = enterprises.list(DataScope.all(), new Enterprises.Filter(EnterpriseType.POSTAL, null, null),
				new PageQuery("中国邮政集团有限公司", 0, 20, null, false)).items().stream()
			.filter(e -> e.legalName().equals("中国邮政集团有限公司")).map(EnterpriseView::creditCode).findFirst().orElseThrow();
		villages.saveProfile(DataScope.region("3205"), new VillageProfileData(other, "DIRECT", 5, null, null, null, null,
				headquarters), false);
		mvc.perform(put("/api/v1/universal/villages/" + other + "/profile").header("Authorization", POSTAL)
			.contentType(MediaType.APPLICATION_JSON).content("{\"deliveryMode\":\"DIRECT\",\"deliveriesPerWeek\":1}"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/universal/villages/" + other).header("Authorization", POSTAL))
			.andExpect(status().isNotFound());
		assertThat(villages.get(DataScope.all(), other).deliveriesPerWeek()).isEqualTo(5);
		// an express company is no postal enterprise
		mvc.perform(put("/api/v1/universal/villages/" + own + "/profile").header("Authorization", SHUNFENG)
			.contentType(MediaType.APPLICATION_JSON).content("{\"deliveryMode\":\"DIRECT\",\"deliveriesPerWeek\":1}"))
			.andExpect(status().isForbidden());
		// bad input names the field
		mvc.perform(put("/api/v1/universal/villages/" + own + "/profile").header("Authorization", POSTAL)
			.contentType(MediaType.APPLICATION_JSON).content("{\"deliveryMode\":\"飞鸽\",\"deliveriesPerWeek\":30}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("deliveryMode")))
			.andExpect(content().string(containsString("每周投递频次应在0至14次之间")));
		// 直接通邮 with no delivery a week contradicts itself (attack 71 B3); 1 a week, below the standard, is recorded
		mvc.perform(put("/api/v1/universal/villages/" + own + "/profile").header("Authorization", POSTAL)
			.contentType(MediaType.APPLICATION_JSON).content("{\"deliveryMode\":\"DIRECT\",\"deliveriesPerWeek\":0}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("deliveriesPerWeek"))
			.andExpect(jsonPath("$.errors[0].rule").value("direct-delivery"));
		assertThat(villages.get(DataScope.all(), own).deliveriesPerWeek()).as("nothing saved").isEqualTo(6);
		// the leader reads only
		mvc.perform(put("/api/v1/universal/villages/" + own + "/profile").header("Authorization", "Bearer demo-sz-leader-token")
			.contentType(MediaType.APPLICATION_JSON).content("{\"deliveryMode\":\"DIRECT\",\"deliveriesPerWeek\":5}"))
			.andExpect(status().isForbidden());
		// the portal page lists the enterprise's own village, not the other's
		MockHttpSession session = SignIn.session(mvc, "yz.sz");
		mvc.perform(get("/enterprise/villages").param("q", villages.get(DataScope.all(), own).name()).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(own)));
		mvc.perform(get("/enterprise/villages/" + other).session(session)).andExpect(status().isNotFound());
	}

	@Test
	void anEnterprisesSheetNamingAnotherEnterpriseIsRefusedNamingTheColumn() throws Exception {
		String village = codes("320507").get(3);
		String another = enterprises.list(DataScope.all(), new Enterprises.Filter(EnterpriseType.POSTAL, null, null),
				new PageQuery("中国邮政集团有限公司", 0, 20, null, false)).items().stream()
			.filter(e -> e.legalName().equals("中国邮政集团有限公司")).map(EnterpriseView::creditCode).findFirst().orElseThrow();
		DataScope own = DataScope.enterprise("91320500MA1OWN0001");
		List<String> header = new ArrayList<>(PROFILE_HEADER);
		header.add("邮政企业统一社会信用代码");
		ImportResult result = imports.importFile(own, Workbooks.sheet(header,
				List.of(List.of(village, "直接通邮", "5", "", "", "", "", another))));
		assertThat(result.rejected()).isTrue();
		assertThat(result.errors().get(0).errors()).anySatisfy(e -> {
			assertThat(e.field()).isEqualTo("邮政企业统一社会信用代码");
			assertThat(e.rule()).isEqualTo("own-enterprise");
			assertThat(e.message()).contains(another);
		});
	}

	@Test
	void aSheetWithBadRowsImportsNothingAndReportsEveryBadRow() throws Exception {
		List<String> wujiang = codes("320509");
		String a = wujiang.get(0);
		String b = wujiang.get(1);
		int before = villages.get(DataScope.all(), a).deliveriesPerWeek();
		byte[] bad = Workbooks.sheet(PROFILE_HEADER, List.of(List.of(a, "直接通邮", "7"), List.of("320509999999", "直接通邮", "5"),
				List.of(b, "飞鸽传书", "5"), List.of(b, "村邮站", "20"), List.of(a, "直接通邮", "6"),
				List.of(firstVillage("320506"), "村邮站", "5")));
		ImportResult rejected = imports.importFile(DataScope.region("320509"), bad);
		assertThat(rejected.rejected()).isTrue();
		assertThat(rejected.errors()).extracting(r -> r.number()).containsExactly(3, 4, 5, 6, 7);
		assertThat(rejected.errors().get(0).errors().get(0).field()).isEqualTo("建制村代码");
		assertThat(rejected.errors().get(1).errors().get(0).field()).isEqualTo("通邮方式");
		assertThat(rejected.errors().get(2).errors()).extracting(e -> e.field()).contains("每周投递频次", "交接点地址");
		// attack: a row with another error was not told it repeats an earlier row; every error of the row at once
		assertThat(rejected.errors().get(2).errors()).extracting(e -> e.field() + ":" + e.message())
			.contains("建制村代码:建制村代码与第4行重复");
		assertThat(rejected.errors().get(3).errors().get(0).message()).contains("与第2行重复");
		assertThat(rejected.errors().get(4).errors().get(0).rule()).isEqualTo("scope");
		assertThat(villages.get(DataScope.all(), a).deliveriesPerWeek()).as("nothing saved").isEqualTo(before);

		ImportResult good = imports.importFile(DataScope.region("320509"),
				Workbooks.sheet(PROFILE_HEADER, List.of(List.of(a, "直接通邮", "7"), List.of(b, "邮乐购站", "4", "吴江邮政支局", "", "邮乐购站", "吴江区某村邮乐购站"))));
		assertThat(good.errors()).isEmpty();
		assertThat(good.imported()).isEqualTo(2);
		assertThat(villages.get(DataScope.all(), a).deliveriesPerWeek()).isEqualTo(7);
		assertThat(villages.get(DataScope.all(), b).deliveryMode()).isEqualTo(DeliveryMode.POSTAL_SHOP);

		// the page answers 422 with the bad rows listed
		mvc.perform(multipart("/universal/villages/import").file(new MockMultipartFile("file", "v.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bad))
			.session(SignIn.session(mvc, "sz.universal")).with(csrf()))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("import-rejected")));
		// the template's example row is not data: refused as it is, imported with real values
		TemplateExample.refusedAsTheExample("建制村", imports.importFile(DataScope.region("3205"), imports.template()).errors());
		assertThat(imports.importFile(DataScope.region("3205"),
				TemplateExample.edited(imports.template(), "交接点地址", "吴中区木渎镇旺山村村委会二楼")).imported()).isEqualTo(1);
	}

	@Test
	void staffPagesListExportAndRecordAChecks() throws Exception {
		MockHttpSession session = SignIn.session(mvc, "sz.universal");
		mvc.perform(get("/universal/villages").param("region", "320506").param("below", "true").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"villages\"")));
		mvc.perform(get("/universal/villages/export.xlsx").param("region", "320505").session(session))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
		mvc.perform(get("/universal/villages").param("mode", "飞鸽").session(session)).andExpect(status().isBadRequest());
		String village = codes("320583").get(0);
		mvc.perform(get("/universal/villages/" + village).session(session)).andExpect(status().isOk());
		long before = checks.ofVillage(DataScope.all(), village).size();
		mvc.perform(post("/universal/villages/" + village + "/checks").session(session).with(csrf())
			.param("checkedOn", "2026-02-03").param("deliveryMode", "DIRECT").param("deliveriesObserved", "5")
			.param("handoverRecords", "true").param("standardDelivery", "true").param("inspector", "32058301"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("现场检查人员不得少于两人")));
		mvc.perform(post("/universal/villages/" + village + "/checks").session(session).with(csrf())
			.param("checkedOn", "9999-12-31").param("deliveryMode", "DIRECT").param("deliveriesObserved", "5")
			.param("handoverRecords", "true").param("standardDelivery", "true").param("inspector", "32058301", "32058302"))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/universal/villages/" + village + "/checks").session(session).with(csrf())
			.param("checkedOn", "2026-02-03").param("deliveryMode", "DIRECT").param("deliveriesObserved", "5")
			.param("handoverRecords", "true").param("standardDelivery", "true").param("inspector", "32058301", "32058302"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", "通邮检查已登记"));
		assertThat(checks.ofVillage(DataScope.all(), village)).hasSize((int) before + 1);
		mvc.perform(get("/universal/checks").session(session)).andExpect(status().isOk());
		mvc.perform(get("/universal/standards").session(session)).andExpect(status().isOk())
			.andExpect(content().string(containsString("邮政法(2015) 第19条")));
	}

	@Test
	void theChecksAreSearchedAndExportedAsListedInTheUsersRegionOnly() throws Exception {
		String marker = "导出检查" + UUID.randomUUID().toString().substring(0, 8);
		List<String> wuzhong = codes("320506");
		String village = wuzhong.get(wuzhong.size() - 1);
		List<String> kunshanVillages = codes("320583");
		String kunshan = kunshanVillages.get(kunshanVillages.size() - 1);
		String postal = postalCompany();
		// a day of its own for each run: one check per village and day
		LocalDate day = LocalDate.of(2021, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(300) * 3L);
		for (String code : List.of(village, kunshan)) {
			villages.saveProfile(DataScope.region("3205"), new VillageProfileData(code, "直接通邮", 5, null, "导出邮政支局",
					null, null, postal), false);
		}
		// a number typed in the findings is refused (rule personal-number); one stored before the rule is shown masked
		assertThatThrownBy(() -> checks.record(DataScope.region("3205"), null,
				notStandard(village, day, marker + "甲，联系13912345678"), false))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.anySatisfy(e -> assertThat(e.field() + ":" + e.rule()).isEqualTo("findings:personal-number")));
		checks.record(DataScope.region("3205"), null, notStandard(village, day, marker + "甲"), false);
		jdbc.sql("UPDATE village_check SET findings = :f WHERE findings = :was")
			.param("f", marker + "甲，联系13912345678").param("was", marker + "甲").update();
		checks.record(DataScope.region("3205"), null, notStandard(village, day.plusDays(1), marker + "乙"), false);
		checks.record(DataScope.region("3205"), null, notStandard(kunshan, day, marker + "昆山"), false);
		MockHttpSession county = SignIn.session(mvc, "wz.staff");

		String from = day.toString();
		String to = day.plusDays(1).toString();
		mvc.perform(get("/universal/checks").param("q", marker + "乙").param("from", from).param("to", to).session(county))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(marker + "乙")))
			.andExpect(content().string(not(containsString(marker + "甲"))))
			.andExpect(content().string(containsString("/universal/checks/export.xlsx")));
		List<List<String>> rows = ExportedRows.of(mvc, county, "/universal/checks/export.xlsx", "q", marker, "from", from,
				"to", to);
		assertThat(rows.get(0)).containsExactly("检查日期", "建制村", "建制村代码", "实际通邮方式", "实际每周投递", "规范投递", "问题",
				"检查人员", "执法检查记录");
		assertThat(ExportedRows.column(rows, 6)).as("the Kunshan check is outside the county; numbers masked as listed")
			.hasSize(2).allMatch(f -> f.startsWith(marker)).noneMatch(f -> f.contains("13912345678"));
		assertThat(rows.get(1)).startsWith(day.plusDays(1).toString()).contains(village, "否");
		assertThat(ExportedRows.column(ExportedRows.of(mvc, county, "/universal/checks/export.xlsx", "q", marker + "甲",
				"from", from, "to", to), 6))
			.as("the search narrows it").hasSize(1);
	}

	/**
	 * The checks page's period (and region) narrows the listed checks and their export as it narrows the figures: a
	 * check of a day before the period is neither listed nor exported, one within it is, and the default period (this
	 * year) leaves out a check of an earlier year.
	 */
	@Test
	void theChecksListAndItsExportFollowThePeriodOfTheFigures() throws Exception {
		String marker = "期间检查" + UUID.randomUUID().toString().substring(0, 8);
		LocalDate day = checksOnAndBefore(2, 2022, marker);
		MockHttpSession county = SignIn.session(mvc, "wz.staff");

		mvc.perform(get("/universal/checks").param("q", marker).param("from", day.toString())
				.param("to", day.plusDays(5).toString()).session(county))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(marker + "期内")))
			.andExpect(content().string(not(containsString(marker + "期前"))))
			.andExpect(content().string(containsString("from=" + day)));
		assertThat(ExportedRows.column(ExportedRows.of(mvc, county, "/universal/checks/export.xlsx", "q", marker, "from",
				day.toString(), "to", day.plusDays(5).toString()), 6))
			.as("the export holds the period's checks only").containsExactly(marker + "期内");
		assertThat(ExportedRows.column(ExportedRows.of(mvc, county, "/universal/checks/export.xlsx", "q", marker), 6))
			.as("by default this year: a check of %s is not listed", day.getYear()).isEmpty();
		mvc.perform(get("/universal/checks/export.xlsx").param("from", "2022-13-01").session(county))
			.andExpect(status().isBadRequest());
	}

	/**
	 * Attack round 17: the checks API takes the period as the checks page does — from and to narrow the checks by their
	 * day (either may be left out; neither: every check, as before), and a reversed period is the page's 400 on
	 * {@code to} (rule {@code after-from}), not every check.
	 */
	@Test
	void theChecksApiTakesThePeriodAsThePageDoes() throws Exception {
		String marker = "接口期间" + UUID.randomUUID().toString().substring(0, 8);
		LocalDate day = checksOnAndBefore(3, 2021, marker);

		mvc.perform(get("/api/v1/universal/checks").header("Authorization", WUZHONG).param("q", marker)
				.param("from", day.toString()).param("to", day.plusDays(5).toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].findings").value(marker + "期内"));
		mvc.perform(get("/api/v1/universal/checks").header("Authorization", WUZHONG).param("q", marker)
				.param("to", day.minusDays(1).toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].findings").value(marker + "期前"));
		mvc.perform(get("/api/v1/universal/checks").header("Authorization", WUZHONG).param("q", marker))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2));
		mvc.perform(get("/api/v1/universal/checks").header("Authorization", WUZHONG).param("from", "2026-10-01")
				.param("to", "2026-01-01"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("to"))
			.andExpect(jsonPath("$.errors[0].rule").value("after-from"));
		mvc.perform(get("/api/v1/universal/checks").header("Authorization", WUZHONG).param("from", "2022-13-01"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("from"));
	}

	/**
	 * The profile form offers the serving post office as a choice among those it may name — the registered post offices
	 * of the enterprise (on its portal) or of the bureau's region (for staff) in the village's city — and the server
	 * refuses any other id with a 400 naming {@code postOfficeFacilityId}: another city's post office, another
	 * enterprise's, or a facility that is no post office; a post office offered is saved with its name.
	 */
	@Test
	void theProfileFormOffersThePostOfficesItMayNameAndRefusesAnyOther() throws Exception {
		String postal = postalCompany();
		long postalId = enterprises.findByCreditCode(postal).orElseThrow().id();
		long headquarters = enterprises.list(DataScope.all(), new Enterprises.Filter(EnterpriseType.POSTAL, null, null),
				new PageQuery("中国邮政集团有限公司", 0, 20, null, false)).items().stream()
			.filter(e -> e.legalName().equals("中国邮政集团有限公司")).map(EnterpriseView::id).findFirst().orElseThrow();
		List<String> wuzhong = codes("320506");
		String village = wuzhong.get(wuzhong.size() - 3);
		villages.saveProfile(DataScope.region("3205"), new VillageProfileData(village, "直接通邮", 5, null, "选择测试支局",
				null, null, postal), false);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		long own = postOffice(postalId, street("320506"), "本市支局" + tag);
		long otherCity = postOffice(postalId, street("3206"), "外市支局" + tag);
		long others = postOffice(headquarters, street("320506"), "他企支局" + tag);
		long locker = facilities.register(DataScope.all(), new FacilityData(FacilityKind.PARCEL_LOCKER, "快件箱" + tag,
				postalId, street("320506"), "快件箱地址" + tag, 24, null, null, LocalDate.of(2020, 1, 1)), false);
		MockHttpSession enterprise = SignIn.session(mvc, "yz.sz");

		mvc.perform(get("/enterprise/villages/" + village).session(enterprise)).andExpect(status().isOk())
			.andExpect(content().string(containsString("<select class=\"form-select\" id=\"postOfficeFacilityId\"")))
			.andExpect(content().string(containsString("value=\"" + own + "\"")))
			.andExpect(content().string(containsString("本市支局" + tag)))
			.andExpect(content().string(not(containsString("外市支局" + tag))))
			.andExpect(content().string(not(containsString("他企支局" + tag))));
		for (long refused : List.of(otherCity, others, locker)) {
			mvc.perform(post("/enterprise/villages/" + village + "/profile").session(enterprise).with(csrf())
				.param("deliveryMode", "DIRECT").param("deliveriesPerWeek", "5")
				.param("postOfficeFacilityId", String.valueOf(refused)))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("data-field=\"postOfficeFacilityId\"")))
				.andExpect(content().string(containsString("不是可选的邮政普遍服务营业场所")));
		}
		assertThat(villages.get(DataScope.all(), village).postOfficeFacilityId()).isNull();
		mvc.perform(post("/enterprise/villages/" + village + "/profile").session(enterprise).with(csrf())
			.param("deliveryMode", "DIRECT").param("deliveriesPerWeek", "5").param("postOfficeFacilityId", String.valueOf(own)))
			.andExpect(status().is3xxRedirection());
		assertThat(villages.get(DataScope.all(), village).postOfficeFacilityId()).isEqualTo(own);
		assertThat(villages.get(DataScope.all(), village).postOfficeName()).isEqualTo("本市支局" + tag);

		// staff: the region's post offices, whichever enterprise runs them; another city's refused the same way
		MockHttpSession staff = SignIn.session(mvc, "sz.universal");
		mvc.perform(get("/universal/villages/" + village).session(staff)).andExpect(status().isOk())
			.andExpect(content().string(containsString("他企支局" + tag)))
			.andExpect(content().string(containsString("value=\"" + own + "\" selected")))
			.andExpect(content().string(not(containsString("外市支局" + tag))));
		mvc.perform(post("/universal/villages/" + village + "/profile").session(staff).with(csrf())
			.param("deliveryMode", "DIRECT").param("deliveriesPerWeek", "5")
			.param("postOfficeFacilityId", String.valueOf(otherCity)).param("enterpriseCreditCode", postal))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("data-field=\"postOfficeFacilityId\"")));
		mvc.perform(put("/api/v1/universal/villages/" + village + "/profile").header("Authorization", POSTAL)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"deliveryMode\":\"DIRECT\",\"deliveriesPerWeek\":5,\"postOfficeFacilityId\":" + others + "}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("postOfficeFacilityId")));
	}

	/** The postal enterprise's 建制村 list exports as .xlsx with the staff's columns: every village its list holds. */
	@Test
	void thePostalEnterpriseExportsItsVillagesAsListed() throws Exception {
		String postal = postalCompany();
		MockHttpSession enterprise = SignIn.session(mvc, "yz.sz");
		List<List<String>> rows = ExportedRows.of(mvc, enterprise, "/enterprise/villages/export.xlsx", "mode", "DIRECT");
		assertThat(rows.get(0)).startsWith("建制村代码", "建制村", "乡镇/街道");
		long listed = villages.list(DataScope.enterprise(postal), new Villages.Filter(null, DeliveryMode.DIRECT, false, false),
				new PageQuery("", 0, 1, null, false)).total();
		assertThat(listed).isPositive();
		assertThat(rows).as("every village its list holds with the mode filter").hasSize((int) listed + 1);
		assertThat(ExportedRows.column(rows, 4)).containsOnly("直接通邮");
		mvc.perform(get("/enterprise/villages").session(enterprise))
			.andExpect(content().string(containsString("/enterprise/villages/export.xlsx")));
	}

	private long postOffice(long enterpriseId, String street, String name) {
		return facilities.register(DataScope.all(), new FacilityData(FacilityKind.POST_OFFICE, name, enterpriseId, street,
				name + "地址", null, null, null, LocalDate.of(2001, 1, 1)), false);
	}

	/** A street (9 digits) of the region, or a county where the region list holds none (outside the demo city). */
	private String street(String region) {
		return jdbc.sql("SELECT code FROM region WHERE code LIKE :p AND length(code) IN (6, 9)"
				+ " ORDER BY length(code) DESC, code LIMIT 1")
			.param("p", region + "%").query(String.class).single();
	}

	/**
	 * Two checks of the {@code fromEnd}-th last village of 吴中 (its profile saved first): one on a random day of
	 * {@code year} (findings marker + 期内), one the day before (marker + 期前).
	 * @return the day of the first
	 */
	private LocalDate checksOnAndBefore(int fromEnd, int year, String marker) {
		List<String> wuzhong = codes("320506");
		String village = wuzhong.get(wuzhong.size() - fromEnd);
		villages.saveProfile(DataScope.region("3205"), new VillageProfileData(village, "直接通邮", 5, null, "期间邮政支局",
				null, null, postalCompany()), false);
		LocalDate day = LocalDate.of(year, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(300));
		checks.record(DataScope.region("3205"), null, notStandard(village, day, marker + "期内"), false);
		checks.record(DataScope.region("3205"), null, notStandard(village, day.minusDays(1), marker + "期前"), false);
		return day;
	}

	/** A check of 2026-03-02 found 规范 with {@code observed} deliveries a week seen, by the county's two inspectors. */
	private ResultActions standardCheck(String village, int observed, boolean handover) throws Exception {
		return mvc.perform(post("/api/v1/universal/checks").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"villageCode\":\"" + village + "\",\"checkedOn\":\"2026-03-02\",\"deliveryMode\":\"DIRECT\","
					+ "\"deliveriesObserved\":" + observed + ",\"handoverRecords\":" + handover + ",\"standardDelivery\":true,"
					+ "\"inspectors\":[{\"name\":\"陈吴中\",\"certificateNumber\":\"32050601\"},"
					+ "{\"name\":\"沈执法\",\"certificateNumber\":\"32050602\"}]}"));
	}

	private static VillageCheckData notStandard(String village, LocalDate on, String findings) {
		return new VillageCheckData(village, on.toString(), "DIRECT", 2, true, false, findings,
				List.of(new TeamMember("郑监管", "32050001"), new TeamMember("冯安全", "32050002")), null);
	}

	/**
	 * A check form with 1e309 or 1.5 typed as the deliveries a week: the village's page again (400) with the field's
	 * error beside it and what was typed — not the error page — and nothing recorded.
	 */
	@Test
	void aCheckFormWithAnImpossibleNumberIsShownAgainNamingTheField() throws Exception {
		MockHttpSession session = SignIn.session(mvc, "sz.universal");
		String village = codes("320583").get(0);
		long before = checks.ofVillage(DataScope.all(), village).size();
		for (String[] typed : new String[][] { { "1e309", "digits" }, { "1.5", "integer" }, { "1e-40000000", "integer" } }) {
			mvc.perform(post("/universal/villages/" + village + "/checks").session(session).with(csrf())
				.param("checkedOn", "2026-02-03").param("deliveryMode", "DIRECT").param("deliveriesObserved", typed[0])
				.param("handoverRecords", "true").param("standardDelivery", "true").param("inspector", "32058301", "32058302"))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("data-field=\"deliveriesObserved\"")))
				.andExpect(content().string(containsString("data-rule=\"" + typed[1] + "\"")))
				.andExpect(content().string(containsString("name=\"deliveriesObserved\"")))
				.andExpect(content().string(containsString("value=\"" + typed[0] + "\"")));
		}
		assertThat(checks.ofVillage(DataScope.all(), village)).hasSize((int) before);
	}

	@Test
	void aProfileCheckNamesEveryFieldInChinese() {
		assertThatThrownBy(() -> villages.check(DataScope.region("3205"),
				new VillageProfileData("12345", null, null, null, null, null, null, null)))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(FieldError::field)
				.containsExactly("villageCode", "enterpriseCreditCode", "deliveryMode", "deliveriesPerWeek"))
			.hasMessageContaining("建制村代码应为12位数字");
	}

	private long below(String region, int minimum) {
		return jdbc.sql("SELECT count(*) FROM village_profile WHERE village_code LIKE '" + region
				+ "%' AND deliveries_per_week < :m").param("m", minimum).query(Long.class).single();
	}

	/**
	 * Finding: the enterprise portal's profile form dropped a posted {@code enterpriseCreditCode} silently while the API
	 * and the import refuse a bad one. The portal checks it as they do: another enterprise's code or a malformed one is
	 * refused naming the field, nothing saved; its own code is taken.
	 */
	@Test
	void thePortalRefusesACreditCodeItWouldNotKeepInsteadOfDroppingIt() throws Exception {
		String village = villages.list(DataScope.all(), new Villages.Filter("320507", null, false, false),
				new PageQuery("", 0, 200, "code", false)).items().stream().map(VillageView::code).toList().get(4);
		String other = jdbc.sql("SELECT credit_code FROM enterprise WHERE legal_name = '中国邮政集团有限公司'")
			.query(String.class).single();
		String own = jdbc.sql("SELECT enterprise_credit_code FROM user_account WHERE username = 'yz.sz'")
			.query(String.class).single();
		MockHttpSession session = SignIn.session(mvc, "yz.sz");
		Integer before = villages.get(DataScope.all(), village).deliveriesPerWeek();
		mvc.perform(post("/enterprise/villages/" + village + "/profile").session(session).with(csrf())
			.param("deliveryMode", "DIRECT").param("deliveriesPerWeek", "9").param("enterpriseCreditCode", other))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("不是本企业的")));
		mvc.perform(post("/enterprise/villages/" + village + "/profile").session(session).with(csrf())
			.param("deliveryMode", "DIRECT").param("deliveriesPerWeek", "9").param("enterpriseCreditCode", "abc"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("统一社会信用代码")));
		assertThat(villages.get(DataScope.all(), village).deliveriesPerWeek()).isEqualTo(before);
		mvc.perform(post("/enterprise/villages/" + village + "/profile").session(session).with(csrf())
			.param("deliveryMode", "DIRECT").param("deliveriesPerWeek", "9").param("enterpriseCreditCode", own))
			.andExpect(status().is3xxRedirection());
		assertThat(villages.get(DataScope.all(), village).deliveriesPerWeek()).isEqualTo(9);
	}

	private List<String> codes(String county) {
		return villages.list(DataScope.all(), new Villages.Filter(county, null, false, false),
				new PageQuery("", 0, 200, "code", false)).items().stream().map(VillageView::code).toList();
	}

	private String firstVillage(String county) {
		return codes(county).get(0);
	}

	private String postalCompany() {
		return enterprises.list(DataScope.all(), new Enterprises.Filter(EnterpriseType.POSTAL, null, null),
				new PageQuery("苏州市分公司", 0, 5, null, false)).items().get(0).creditCode();
	}

	private static VillageCheckData check(String village, String on, boolean standard) {
		return new VillageCheckData(village, on, "DIRECT", standard ? 5 : 2, true, standard,
				standard ? null : "投递频次不足", List.of(new TeamMember("郑监管", "32050001"), new TeamMember("冯安全", "32050002")),
				null);
	}
}
