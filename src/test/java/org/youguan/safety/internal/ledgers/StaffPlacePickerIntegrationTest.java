package org.youguan.safety.internal.ledgers;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.IdCardNumber;
import org.youguan.kernel.PageQuery;
import org.youguan.registry.EnterpriseData;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.Enterprises;
import org.youguan.registry.Facilities;
import org.youguan.registry.FacilityData;
import org.youguan.registry.FacilityKind;
import org.youguan.registry.OutletData;
import org.youguan.registry.Outlets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Staff forms name the enterprise, its outlets and its facilities the way the inspection record does — the credit
 * code with the region's enterprises suggested, the outlets and facilities chosen among the named enterprise's in the
 * region — never by a typed registry id: the hazard and incident forms, the screening contract's covered outlets, the
 * responsibility letter and the facility's owner. The server refuses, in a 4xx naming the field in Chinese, an
 * enterprise or outlet outside the staff member's region, a cancelled enterprise, a closed outlet, a removed facility
 * and one that does not exist.
 */
@IntegrationTest
class StaffPlacePickerIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Outlets outlets;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Facilities facilities;

	@Autowired
	MutableClock clock;

	/** An enterprise of Wuzhong (wz.staff's region) with its open, closed and Xiangcheng outlets and a removed facility. */
	String wuzhong;

	long wuzhongId;

	long openOutlet;

	long secondOutlet;

	long closedOutlet;

	long xiangchengOutlet;

	long removedFacility;

	/** A cancelled Wuzhong enterprise and one of Xiangcheng, outside wz.staff's region. */
	String cancelled;

	long cancelledId;

	String xiangcheng;

	long xiangchengId;

	MockHttpSession staff;

	@BeforeEach
	void enterprisesOfTwoRegions() throws Exception {
		clock.reset();
		wuzhong = creditCode();
		wuzhongId = enterprise("吴中选择测试快递", wuzhong, "320506");
		cancelled = creditCode();
		cancelledId = enterprise("注销选择测试快递", cancelled, "320506");
		enterprises.cancel(DataScope.all(), cancelledId, "企业已办理市场主体注销登记");
		xiangcheng = creditCode();
		xiangchengId = enterprise("相城选择测试快递", xiangcheng, "320507");
		openOutlet = outlets.register(DataScope.all(), outlet("在营", street("320506")), false);
		secondOutlet = outlets.register(DataScope.all(), outlet("在营乙", street("320506")), false);
		xiangchengOutlet = outlets.register(DataScope.all(), outlet("相城", street("320507")), false);
		String closedName = "已关闭网点" + UUID.randomUUID().toString().substring(0, 6);
		outlets.load(DataScope.all(), List.of(new Outlets.Loaded(outlet(closedName, street("320506")), LocalDate.of(2024, 1, 5),
				true)), false, "测试");
		closedOutlet = jdbc.sql("SELECT id FROM terminal_outlet WHERE name LIKE :name")
			.param("name", "%" + closedName + "%")
			.query(Long.class)
			.single();
		removedFacility = facilities.register(DataScope.all(), new FacilityData(FacilityKind.PARCEL_LOCKER,
				"撤除测试柜" + UUID.randomUUID().toString().substring(0, 6), wuzhongId, street("320506"), "吴中测试路1号", 10,
				null, null, LocalDate.of(2020, 1, 1)), false);
		facilities.remove(DataScope.all(), removedFacility, "测试撤除");
		staff = SignIn.session(mvc, "wz.staff");
	}

	@Test
	void theStaffFormsSuggestOnlyTheRegionsEnterprisesThatAreNotCancelled() throws Exception {
		Set<String> codes = Set.copyOf(jdbc.sql("SELECT credit_code FROM enterprise WHERE region_code LIKE '320506%' "
				+ "AND status <> 'CANCELLED'").query(String.class).list());
		for (String form : List.of("/safety/hazards/new", "/safety/incidents", "/safety/contractors/new", "/safety/letters/new")) {
			Document page = page(get(form));
			assertThat(page.select("#enterpriseCreditCode").attr("list")).as(form).isEqualTo("enterprise-list");
			Set<String> listed = page.select("#enterprise-list option").stream().map(o -> o.attr("value"))
				.collect(Collectors.toSet());
			assertThat(listed).as(form).isEqualTo(codes).contains(wuzhong).doesNotContain(cancelled, xiangcheng);
			assertThat(page.select("input[name=outletId], input[name=facilityId], input[name=outletIds]"))
				.as(form + ": no typed registry id").isEmpty();
		}
		Set<String> ids = Set.copyOf(jdbc.sql("SELECT id::text FROM enterprise WHERE region_code LIKE '320506%' "
				+ "AND status <> 'CANCELLED'").query(String.class).list());
		Element owner = page(get("/registry/facilities/new")).selectFirst("select#enterpriseId");
		assertThat(owner).as("the facility's owner is chosen, not typed").isNotNull();
		assertThat(owner.select("option").stream().map(o -> o.attr("value")).filter(v -> !v.isEmpty())
			.collect(Collectors.toSet())).isEqualTo(ids).contains(Long.toString(wuzhongId))
			.doesNotContain(Long.toString(cancelledId), Long.toString(xiangchengId));
	}

	@Test
	void theNamedEnterprisesOutletsAndFacilitiesInTheRegionAreOffered() throws Exception {
		for (String list : List.of("outletId", "outletIds")) {
			Set<String> offered = options(list, wuzhong);
			assertThat(offered).as(list).contains(Long.toString(openOutlet))
				.doesNotContain(Long.toString(closedOutlet), Long.toString(xiangchengOutlet));
		}
		assertThat(options("facilityId", wuzhong)).doesNotContain(Long.toString(removedFacility));
		assertThat(options("outletId", xiangcheng)).as("another region's enterprise offers nothing").isEmpty();
		Document again = page(post("/safety/hazards").with(csrf()).param("enterpriseCreditCode", wuzhong)
			.param("outletId", Long.toString(openOutlet)).param("foundOn", "")
			.param("foundBy", "").param("description", "").param("level", "GENERAL"), 400);
		assertThat(again.select("select#outletId option[selected]").attr("value"))
			.as("the refused form comes back with the outlet chosen").isEqualTo(Long.toString(openOutlet));
	}

	@Test
	void aLedgerNamingAnEnterpriseOrOutletOutsideTheRegionClosedOrUnknownIsRefusedAtTheField() throws Exception {
		// another region's enterprise is not there (404, one rule with a record of another region), before any field
		assertThat(mvc.perform(hazard(xiangcheng, null, null).session(staff)).andReturn().getResponse().getStatus())
			.isEqualTo(404);
		refused(hazard(cancelled, null, null), "enterpriseCreditCode", "已注销");
		// a well-formed code nobody has is told so; a malformed one (its check character wrong) by the rule it breaks
		refused(hazard("91320506MA0000000K", null, null), "enterpriseCreditCode", "没有统一社会信用代码为");
		refused(hazard("91320506MA00000000", null, null), "enterpriseCreditCode", "校验位错误");
		refused(hazard(wuzhong, xiangchengOutlet, null), "outletId", "不存在，或不是");
		refused(hazard(wuzhong, closedOutlet, null), "outletId", "已关闭");
		refused(hazard(wuzhong, null, removedFacility), "facilityId", "已撤除");
		refused(post("/safety/incidents").with(csrf()).param("enterpriseCreditCode", wuzhong)
			.param("outletId", Long.toString(closedOutlet)).param("occurredAt", LocalDate.now(clock).minusDays(1) + "T08:00")
			.param("kind", "ACCIDENT").param("level", "GENERAL").param("description", "测试"), "outletId", "已关闭");
		refused(contract(Long.toString(xiangchengOutlet)), "outletIds", "不存在，或不是");
		refused(contract(Long.toString(closedOutlet)), "outletIds", "已关闭");
		refused(contract(openOutlet + "," + closedOutlet), "outletIds", "已关闭");
		// a facility's owner of another region is not there (404) as well, no longer a 400 at the field
		assertThat(mvc.perform(facility(xiangchengId).session(staff)).andReturn().getResponse().getStatus()).isEqualTo(404);
		refused(facility(cancelledId), "enterpriseId", "已注销");
		refused(facility(987_654_321L), "enterpriseId", "不在您的辖区内或不存在");
		refused(post("/registry/facilities/new").with(csrf()).param("kind", "PARCEL_LOCKER").param("name", "无主柜")
			.param("regionCode", street("320506")).param("address", "吴中测试路3号").param("compartments", "5"),
				"enterpriseId", "请选择所属企业");
	}

	@Test
	void aFacilityOfAnotherCountyIsRefusedEvenBesideAnOutletInTheRegion() throws Exception {
		long elsewhere = facilities.register(DataScope.all(), new FacilityData(FacilityKind.PARCEL_LOCKER,
				"相城测试柜" + UUID.randomUUID().toString().substring(0, 6), wuzhongId, street("320507"), "相城测试路1号", 10,
				null, null, LocalDate.of(2020, 1, 1)), false);
		long hazards = count();
		String body = refused(hazard(wuzhong, openOutlet, elsewhere), "facilityId", "不存在，或不是");
		assertThat(body).doesNotContain("相城测试柜");
		mvc.perform(post("/api/v1/safety/hazards").header("Authorization", "Bearer demo-wz-staff-token")
			.contentType("application/json").content("{\"enterpriseCreditCode\":\"" + wuzhong + "\",\"outletId\":" + openOutlet
					+ ",\"facilityId\":" + elsewhere + ",\"foundOn\":\"" + LocalDate.now(clock) + "\",\"foundBy\":\"检查组\","
					+ "\"source\":\"INSPECTION\",\"level\":\"GENERAL\",\"description\":\"消防通道堵塞\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("facilityId"))
			.andExpect(jsonPath("$.errors[0].rule").value("exists"));
		// the finder is named, not reached: a mobile number beside the name is refused, not shown whole (attack round 20)
		mvc.perform(post("/api/v1/safety/hazards").header("Authorization", "Bearer demo-wz-staff-token")
			.contentType("application/json").content("{\"enterpriseCreditCode\":\"" + wuzhong + "\",\"outletId\":" + openOutlet
					+ ",\"foundOn\":\"" + LocalDate.now(clock) + "\",\"foundBy\":\"沈执法 13912345678\","
					+ "\"source\":\"INSPECTION\",\"level\":\"GENERAL\",\"description\":\"消防通道堵塞\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'foundBy')].rule").value(hasItem("personal-number")));
		assertThat(count()).as("nothing recorded").isEqualTo(hazards);
	}

	/**
	 * An id out of the region is answered exactly as an unknown one — one error, rule exists, no name — even when it is
	 * closed; a list naming one outlet twice is refused.
	 */
	@Test
	void anOutOfRegionIdIsAnsweredAsAnUnknownOneWithoutItsName() throws Exception {
		String closedName = "相城关闭网点" + UUID.randomUUID().toString().substring(0, 6);
		outlets.load(DataScope.all(), List.of(new Outlets.Loaded(outlet(closedName, street("320507")), LocalDate.of(2024, 1, 5),
				true)), false, "测试");
		long closedElsewhere = jdbc.sql("SELECT id FROM terminal_outlet WHERE name LIKE :name")
			.param("name", "%" + closedName + "%")
			.query(Long.class)
			.single();
		String outletName = jdbc.sql("SELECT name FROM terminal_outlet WHERE id = :id").param("id", xiangchengOutlet)
			.query(String.class).single();
		for (long id : List.of(xiangchengOutlet, closedElsewhere, 987_654_321L)) {
			for (var request : List.of(hazard(wuzhong, id, null), contract(openOutlet + "," + id))) {
				String body = refused(request, "outletIds|outletId", "（编号" + id + "）不存在，或不是");
				assertThat(body).doesNotContain(outletName, closedName, "已关闭", "不在您的管辖范围内");
			}
		}
		String api = mvc.perform(post("/api/v1/safety/contractors").header("Authorization", "Bearer demo-wz-staff-token")
			.contentType("application/json").content("{\"name\":\"某安检技术有限公司\",\"creditCode\":\"" + creditCode()
					+ "\",\"enterpriseCreditCode\":\"" + wuzhong + "\",\"contractFrom\":\"2026-01-01\",\"contractTo\":\"2026-12-31\","
					+ "\"outletIds\":[" + openOutlet + "," + xiangchengOutlet + "]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].field").value("outletIds"))
			.andExpect(jsonPath("$.errors[0].rule").value("exists"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(api).doesNotContain(outletName);
		refused(contract(openOutlet + "," + openOutlet), "outletIds", "重复");
	}

	@Test
	void aCancelledEnterpriseOffersNoOutlets() throws Exception {
		String code = creditCode();
		long id = enterprise("注销网点测试快递", code, "320506");
		long outlet = outlets.register(DataScope.all(), outlet("注销企业的", street("320506"), id), false);
		assertThat(options("outletId", code)).as("before the cancellation").contains(Long.toString(outlet));
		enterprises.cancel(DataScope.all(), id, "企业已办理市场主体注销登记");
		for (String list : List.of("outletId", "outletIds", "facilityId")) {
			assertThat(options(list, code)).as(list).isEmpty();
		}
		mvc.perform(get("/safety/places").header("HX-Request", "true").param("list", "BOGUS").param("enterpriseCreditCode", wuzhong).session(staff))
			.andExpect(status().isBadRequest());
	}

	private long count() {
		return jdbc.sql("SELECT count(*) FROM safety_hazard").query(Long.class).single();
	}

	/**
	 * The correction pages of the hazard and the screening contract offer the same choices, the recorded ones chosen,
	 * and the outlets covered come back several at once.
	 */
	@Test
	void theCorrectionFormsChooseTheOutletsAsTheRecordingFormsDo() throws Exception {
		String hazardPage = mvc.perform(hazard(wuzhong, openOutlet, null).session(staff))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		Document edit = page(get(hazardPage + "/edit"));
		assertThat(edit.select("select#outletId option[selected]").attr("value")).isEqualTo(Long.toString(openOutlet));
		assertThat(edit.select("#enterpriseCreditCode").attr("list")).isEqualTo("enterprise-list");
		assertThat(edit.select("input[name=outletId], input[name=facilityId]")).isEmpty();

		String contract = mvc.perform(contract(Long.toString(openOutlet)).session(staff))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		edit = page(get(contract + "/edit"));
		assertThat(edit.select("select#outletIds[multiple] option[selected]").eachAttr("value"))
			.containsExactly(Long.toString(openOutlet));
		Map<String, String> values = edit.select("#edit-form input[name]").stream()
			.collect(Collectors.toMap(e -> e.attr("name"), e -> e.attr("value"), (a, b) -> a));
		MockHttpServletRequestBuilder correct = post(contract + "/edit").with(csrf())
			.param("outletIds", Long.toString(openOutlet), Long.toString(secondOutlet));
		values.forEach(correct::param);
		mvc.perform(correct.session(staff)).andExpect(status().is3xxRedirection());
		assertThat(page(get(contract + "/edit")).select("select#outletIds option[selected]").eachAttr("value"))
			.containsExactlyInAnyOrder(Long.toString(openOutlet), Long.toString(secondOutlet));
	}

	/** The choices are read by enterprise in the registry's query, not picked out of the region's outlets. */
	@Test
	void theRegistryListsOneEnterprisesOutletsAndFacilitiesByItsFilter() {
		PageQuery all = PageQuery.of(null, 0, null, "region_code", "asc").unpaged();
		var listed = outlets.list(DataScope.region("3205"), Outlets.Filter.ofEnterprise(wuzhongId), all).items();
		assertThat(listed).extracting(o -> o.enterpriseId()).containsOnly(wuzhongId);
		assertThat(listed).extracting(o -> o.id()).contains(openOutlet, secondOutlet, closedOutlet, xiangchengOutlet);
		assertThat(outlets.list(DataScope.region("320506"), Outlets.Filter.ofEnterprise(wuzhongId), all).items())
			.extracting(o -> o.id()).as("still within the caller's scope").doesNotContain(xiangchengOutlet);
		assertThat(outlets.list(DataScope.region("3205"), Outlets.Filter.ofEnterprise(cancelledId), all).items()).isEmpty();
		var owned = facilities.list(DataScope.region("3205"), Facilities.Filter.ofEnterprise(wuzhongId), all).items();
		assertThat(owned).extracting(f -> f.id()).containsExactly(removedFacility);
	}

	/**
	 * A hazard's outlet and facility that closed and were removed after it was recorded stay listed on its correction
	 * page, chosen and marked, and a correction of another field keeps them; choosing another closed outlet is still
	 * refused, and a new form does not offer them.
	 */
	@Test
	void aCorrectionKeepsTheRecordsOutletAndFacilityThatClosedSince() throws Exception {
		long facility = facilities.register(DataScope.all(), new FacilityData(FacilityKind.PARCEL_LOCKER,
				"在用测试柜" + UUID.randomUUID().toString().substring(0, 6), wuzhongId, street("320506"), "吴中测试路4号", 10,
				null, null, LocalDate.of(2020, 1, 1)), false);
		String hazardPage = mvc.perform(hazard(wuzhong, secondOutlet, facility).session(staff))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		outlets.close(DataScope.all(), secondOutlet, "网点停止经营");
		facilities.remove(DataScope.all(), facility, "测试撤除");

		Document edit = page(get(hazardPage + "/edit"));
		Element outlet = edit.selectFirst("select#outletId option[selected]");
		assertThat(outlet.attr("value")).isEqualTo(Long.toString(secondOutlet));
		assertThat(outlet.text()).contains("已关闭");
		Element chosen = edit.selectFirst("select#facilityId option[selected]");
		assertThat(chosen.attr("value")).isEqualTo(Long.toString(facility));
		assertThat(chosen.text()).contains("已撤除");
		assertThat(edit.select("select#outletId option").eachAttr("value")).as("no other closed outlet")
			.doesNotContain(Long.toString(closedOutlet));
		assertThat(options("outletId", wuzhong)).as("a new form").doesNotContain(Long.toString(secondOutlet));
		assertThat(options("facilityId", wuzhong)).as("a new form").doesNotContain(Long.toString(facility));

		MockHttpServletRequestBuilder correct = post(hazardPage + "/edit").with(csrf());
		formOf(edit).forEach((name, value) -> correct.param(name, name.equals("description") ? "消防通道堵塞（已更正）" : value));
		mvc.perform(correct.session(staff)).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT description || '|' || outlet_id || '|' || facility_id FROM safety_hazard WHERE id = :id")
			.param("id", Long.parseLong(hazardPage.replaceAll("\\D", "")))
			.query(String.class)
			.single()).isEqualTo("消防通道堵塞（已更正）|" + secondOutlet + "|" + facility);

		MockHttpServletRequestBuilder another = post(hazardPage + "/edit").with(csrf());
		formOf(edit).forEach((name, value) -> another.param(name, name.equals("outletId") ? Long.toString(closedOutlet) : value));
		refused(another, "outletId", "已关闭");
	}

	/** The outlets a screening contract covers that closed since stay covered through a correction of its period. */
	@Test
	void aContractCorrectionKeepsTheOutletsItCoversThatClosedSince() throws Exception {
		String contract = mvc.perform(contract(openOutlet + "," + secondOutlet).session(staff))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		outlets.close(DataScope.all(), secondOutlet, "网点停止经营");
		Document edit = page(get(contract + "/edit"));
		assertThat(edit.select("select#outletIds option[selected]").eachAttr("value"))
			.containsExactlyInAnyOrder(Long.toString(openOutlet), Long.toString(secondOutlet));
		MockHttpServletRequestBuilder correct = post(contract + "/edit").with(csrf());
		formOf(edit).forEach((name, value) -> correct.param(name, name.equals("contractTo") ? "2026-11-30" : value));
		correct.param("outletIds", Long.toString(openOutlet), Long.toString(secondOutlet));
		mvc.perform(correct.session(staff)).andExpect(status().is3xxRedirection());
		assertThat(page(get(contract + "/edit")).select("select#outletIds option[selected]").eachAttr("value"))
			.containsExactlyInAnyOrder(Long.toString(openOutlet), Long.toString(secondOutlet));
	}

	/** The single values an edit form sends as shown: its inputs, text areas and selects (a multiple select left out). */
	private static Map<String, String> formOf(Document edit) {
		Map<String, String> values = new LinkedHashMap<>();
		edit.select("#edit-form input[name]").forEach(e -> values.putIfAbsent(e.attr("name"), e.attr("value")));
		edit.select("#edit-form textarea[name]").forEach(e -> values.put(e.attr("name"), e.text()));
		edit.select("#edit-form select[name]:not([multiple])").forEach(e -> {
			Element picked = e.selectFirst("option[selected]");
			values.put(e.attr("name"), picked == null ? "" : picked.attr("value"));
		});
		return values;
	}

	private MockHttpServletRequestBuilder hazard(String code, Long outlet, Long facility) {
		MockHttpServletRequestBuilder request = post("/safety/hazards").with(csrf()).param("enterpriseCreditCode", code)
			.param("foundOn", LocalDate.now(clock).toString()).param("foundBy", "检查组").param("source", "INSPECTION")
			.param("level", "GENERAL").param("description", "消防通道堵塞");
		if (outlet != null) {
			request.param("outletId", outlet.toString());
		}
		if (facility != null) {
			request.param("facilityId", facility.toString());
		}
		return request;
	}

	private MockHttpServletRequestBuilder contract(String outletIds) {
		return post("/safety/contractors").with(csrf()).param("name", "某安检技术有限公司").param("creditCode", creditCode())
			.param("enterpriseCreditCode", wuzhong).param("contractFrom", "2026-01-01").param("contractTo", "2026-12-31")
			.param("outletIds", outletIds.split(","));
	}

	private MockHttpServletRequestBuilder facility(long owner) {
		return post("/registry/facilities/new").with(csrf()).param("kind", "PARCEL_LOCKER").param("name", "选择测试柜")
			.param("enterpriseId", Long.toString(owner)).param("regionCode", street("320506")).param("address", "吴中测试路2号")
			.param("compartments", "5");
	}

	/**
	 * The form refused in a 4xx with the error at the field (one of {@code fields}, separated by |), its message
	 * containing the text; its body.
	 */
	private String refused(MockHttpServletRequestBuilder request, String fields, String message) throws Exception {
		var response = mvc.perform(request.session(staff)).andReturn().getResponse();
		String body = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(response.getStatus()).as(fields + ": " + message).isBetween(400, 499);
		assertThat(List.of(fields.split("\\|"))).as(fields).anyMatch(f -> body.contains("data-field=\"" + f + "\""));
		assertThat(body).as(fields).contains(message);
		return body;
	}

	private Set<String> options(String list, String code) throws Exception {
		String html = mvc.perform(get("/safety/places").header("HX-Request", "true").param("list", list).param("enterpriseCreditCode", code).session(staff))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		return Jsoup.parseBodyFragment("<select>" + html + "</select>").select("option").stream().map(o -> o.attr("value"))
			.filter(v -> !v.isEmpty()).collect(Collectors.toSet());
	}

	private Document page(MockHttpServletRequestBuilder request) throws Exception {
		return page(request, 200);
	}

	private Document page(MockHttpServletRequestBuilder request, int expected) throws Exception {
		return Jsoup.parse(mvc.perform(request.session(staff)).andExpect(status().is(expected)).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

	private long enterprise(String name, String code, String region) {
		return enterprises.register(DataScope.all(), new EnterpriseData(name + UUID.randomUUID().toString().substring(0, 6)
				+ "有限公司", code, EnterpriseType.EXPRESS, null, "张三", "测试路1号", region, "李四", "13912345678"), false);
	}

	private OutletData outlet(String name, String street) {
		return outlet(name, street, wuzhongId);
	}

	private OutletData outlet(String name, String street, long enterprise) {
		String first17 = "32050619800101" + String.format("%03d", (int) (Math.random() * 1000));
		return new OutletData("选择测试网点" + name + UUID.randomUUID().toString().substring(0, 6), enterprise, null, "FRANCHISE",
				"测试路" + UUID.randomUUID().toString().substring(0, 4) + "号", street, null, null, "王五",
				first17 + IdCardNumber.checkCharacter(first17), "13812345678", BigDecimal.TEN, true, true, true, true,
				LocalDate.of(2024, 1, 1));
	}

	private String street(String county) {
		return jdbc.sql("SELECT code FROM region WHERE code LIKE :p AND length(code) = 9 ORDER BY code LIMIT 1")
			.param("p", county + "%")
			.query(String.class)
			.single();
	}

	private static String creditCode() {
		String base = "91320506MA" + org.youguan.RandomDigits.of(7);
		return base + CreditCode.checkCharacter(base);
	}
}
