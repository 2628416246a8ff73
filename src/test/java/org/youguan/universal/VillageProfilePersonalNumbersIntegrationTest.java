package org.youguan.universal;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.ExportedRows;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.Enterprises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A village's profile is listed, exported and shown on its page: its serving post office, handover type and address
 * refuse an ID or mobile number (400 {@code personal-number}, as a post office's hours do), and a profile stored before
 * the rule is shown with the numbers masked on the village's API answer, the list, its page and its export, and a
 * piece of the number finds nothing (attack: "某邮局联系人13812345678", "村委会一楼，联系人身份证320506199001011234").
 */
@IntegrationTest
class VillageProfilePersonalNumbersIntegrationTest {

	static final String POSTAL = "Bearer demo-yz-sz-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	Enterprises enterprises;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aProfilesNameOrAddressRefusesAPersonalNumber() throws Exception {
		String village = village();
		store(village, "某邮局", "村委会一楼");
		for (String body : List.of("\"postOfficeName\":\"某邮局联系人13812345678\",\"handoverAddress\":\"村委会一楼\"",
				"\"handoverAddress\":\"村委会一楼，联系人身份证320506199001011234\"",
				"\"handoverType\":\"村邮站 138 1234 5678\",\"handoverAddress\":\"村委会一楼\"")) {
			String field = body.substring(1, body.indexOf('"', 1));
			mvc.perform(put("/api/v1/universal/villages/" + village + "/profile").header("Authorization", POSTAL)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"deliveryMode\":\"VILLAGE_POST\",\"deliveriesPerWeek\":6," + body + "}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[?(@.field == '" + field + "')].rule", hasItem("personal-number")));
		}
		assertThat(jdbc.sql("SELECT handover_address FROM village_profile WHERE village_code = :c").param("c", village)
			.query(String.class).single()).as("nothing saved").isEqualTo("村委会一楼");
		// a landline of an office stays allowed, as in the hours
		mvc.perform(put("/api/v1/universal/villages/" + village + "/profile").header("Authorization", POSTAL)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"deliveryMode\":\"VILLAGE_POST\",\"deliveriesPerWeek\":6,\"handoverAddress\":\"村委会一楼（电话0512-68881234）\"}"))
			.andExpect(status().isOk());
	}

	/**
	 * Attack (addr3, finding 3): the handover address had no region check, so a 吴中区 village's handover point could
	 * be "浙江省杭州市…"; it is read as every address beside its region (the village's county), and nothing is saved.
	 */
	@Test
	void aHandoverAddressInAnotherCountyIsRefused() throws Exception {
		String village = village();
		store(village, "某邮局", "村委会一楼");
		mvc.perform(put("/api/v1/universal/villages/" + village + "/profile").header("Authorization", POSTAL)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"deliveryMode\":\"VILLAGE_POST\",\"deliveriesPerWeek\":6,\"handoverAddress\":\"位于杭州市西湖区文三路1号\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'handoverAddress')].rule", hasItem("address-region")))
			.andExpect(jsonPath("$.errors[?(@.field == 'handoverAddress')].message",
					hasItem("交接点地址写的是“杭州市”，不在建制村所在县（区）（江苏省苏州市吴中区）内，请核对交接点地址")));
		assertThat(jdbc.sql("SELECT handover_address FROM village_profile WHERE village_code = :c").param("c", village)
			.query(String.class).single()).as("nothing saved").isEqualTo("村委会一楼");
		mvc.perform(put("/api/v1/universal/villages/" + village + "/profile").header("Authorization", POSTAL)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"deliveryMode\":\"VILLAGE_POST\",\"deliveriesPerWeek\":6,\"handoverAddress\":\"吴中区村委会一楼\"}"))
			.andExpect(status().isOk());
	}

	/**
	 * The serving post office and the handover address are listed, exported and printed: one beginning as a formula,
	 * or an address naming nothing, is refused as every printed text (Validation.documentText; attack: a licence's 住所
	 * "=cmd|' /C calc'!A0").
	 */
	@Test
	void aProfilesNameOrAddressRefusesAFormulaOrNoWords() throws Exception {
		String village = village();
		store(village, "某邮局", "村委会一楼");
		for (String[] bad : List.of(new String[] { "\"postOfficeName\":\"=HYPERLINK(1)\",\"handoverAddress\":\"村委会一楼\"", "formula" },
				new String[] { "\"handoverAddress\":\"@SUM(1)\"", "formula" },
				new String[] { "\"handoverAddress\":\"1\"", "address" })) {
			String field = bad[0].substring(1, bad[0].indexOf('"', 1));
			mvc.perform(put("/api/v1/universal/villages/" + village + "/profile").header("Authorization", POSTAL)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"deliveryMode\":\"VILLAGE_POST\",\"deliveriesPerWeek\":6," + bad[0] + "}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[?(@.field == '" + field + "')].rule", hasItem(bad[1])));
		}
		assertThat(jdbc.sql("SELECT handover_address FROM village_profile WHERE village_code = :c").param("c", village)
			.query(String.class).single()).as("nothing saved").isEqualTo("村委会一楼");
	}

	@Test
	void aProfileStoredWithPersonalNumbersIsShownMaskedEverywhere() throws Exception {
		String village = village();
		String tag = tag();
		store(village, "某邮局联系人13812345678", "村委会一楼" + tag + "，联系人身份证320506199001011234");
		String office = "某邮局联系人138****5678";
		String address = "村委会一楼" + tag + "，联系人身份证320506********1234";
		mvc.perform(get("/api/v1/universal/villages/" + village).header("Authorization", POSTAL))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.postOfficeName").value(office))
			.andExpect(jsonPath("$.handoverAddress").value(address));
		mvc.perform(get("/api/v1/universal/villages").header("Authorization", POSTAL).param("q", tag))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].postOfficeName").value(office))
			.andExpect(jsonPath("$.items[0].handoverAddress").value(address));
		// a piece of the masked number finds nothing, nor the number typed whole (every reader sees it masked); the
		// number as shown finds the row
		for (String hidden : List.of("19900101", "320506199001011234", "13812345678")) {
			mvc.perform(get("/api/v1/universal/villages").header("Authorization", POSTAL).param("q", hidden))
				.andExpect(jsonPath("$.items[*].code", not(hasItem(village))));
		}
		mvc.perform(get("/api/v1/universal/villages").header("Authorization", POSTAL).param("q", "138****5678 " + tag))
			.andExpect(jsonPath("$.items[*].code", hasItem(village)));
		MockHttpSession staff = SignIn.session(mvc, "sz.universal");
		mvc.perform(get("/universal/villages").param("q", tag).session(staff))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(office)))
			.andExpect(content().string(not(containsString("13812345678"))))
			.andExpect(content().string(not(containsString("320506199001011234"))));
		mvc.perform(get("/universal/villages/" + village).session(staff))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("13812345678"))))
			.andExpect(content().string(not(containsString("320506199001011234"))));
		List<List<String>> rows = ExportedRows.of(mvc, staff, "/universal/villages/export.xlsx", "q", tag);
		assertThat(rows).hasSize(2);
		assertThat(rows.get(1)).contains(office, address);
		MockHttpSession enterprise = SignIn.session(mvc, "yz.sz");
		assertThat(ExportedRows.of(mvc, enterprise, "/enterprise/villages/export.xlsx", "q", tag).get(1)).contains(office,
				address);
	}

	/**
	 * The profile form (staff page, enterprise API alike) shows the stored texts masked: saved back unchanged, with the
	 * masked texts it showed, the profile keeps the stored texts — never their masked form (the unchanged form used to
	 * store "某邮局联系人138****5678") — and passes, though such a number could not be typed now; a changed text is
	 * checked as typed.
	 */
	@Test
	void savingTheFormUnchangedKeepsTheStoredTextsNotTheirMaskedForm() throws Exception {
		String village = village();
		String tag = tag();
		String office = "某邮局联系人13812345678";
		String address = "村委会一楼" + tag + "，联系人身份证320506199001011234";
		store(village, office, address);
		String shownOffice = "某邮局联系人138****5678";
		String shownAddress = "村委会一楼" + tag + "，联系人身份证320506********1234";
		MockHttpSession staff = SignIn.session(mvc, "sz.universal");
		mvc.perform(get("/universal/villages/" + village).session(staff))
			.andExpect(content().string(containsString("value=\"" + shownAddress + "\"")));
		mvc.perform(post("/universal/villages/" + village + "/profile").session(staff).with(csrf())
			.param("deliveryMode", "VILLAGE_POST").param("deliveriesPerWeek", "5").param("postOfficeName", shownOffice)
			.param("handoverType", "村邮站").param("handoverAddress", shownAddress))
			.andExpect(status().is3xxRedirection());
		assertThat(stored(village)).containsExactly(office, address, 5);
		mvc.perform(put("/api/v1/universal/villages/" + village + "/profile").header("Authorization", POSTAL)
			.contentType(MediaType.APPLICATION_JSON).content("{\"deliveryMode\":\"VILLAGE_POST\",\"deliveriesPerWeek\":6,"
					+ "\"postOfficeName\":\"" + shownOffice + "\",\"handoverType\":\"村邮站\",\"handoverAddress\":\""
					+ shownAddress + "\"}"))
			.andExpect(status().isOk());
		assertThat(stored(village)).containsExactly(office, address, 6);
		// changed, it is checked as typed: a number typed in it is refused, the masked text edited is saved as typed
		mvc.perform(put("/api/v1/universal/villages/" + village + "/profile").header("Authorization", POSTAL)
			.contentType(MediaType.APPLICATION_JSON).content("{\"deliveryMode\":\"VILLAGE_POST\",\"deliveriesPerWeek\":6,"
					+ "\"handoverAddress\":\"村委会二楼，联系人13912345678\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'handoverAddress')].rule", hasItem("personal-number")));
		mvc.perform(put("/api/v1/universal/villages/" + village + "/profile").header("Authorization", POSTAL)
			.contentType(MediaType.APPLICATION_JSON).content("{\"deliveryMode\":\"VILLAGE_POST\",\"deliveriesPerWeek\":6,"
					+ "\"handoverAddress\":\"村委会一楼" + tag + "\"}"))
			.andExpect(status().isOk());
		assertThat(stored(village).get(1)).isEqualTo("村委会一楼" + tag);
	}

	private List<Object> stored(String village) {
		return jdbc.sql("SELECT post_office_name, handover_address, deliveries_per_week FROM village_profile WHERE village_code = :c")
			.param("c", village).query((rs, n) -> List.<Object>of(String.valueOf(rs.getString(1)), rs.getString(2), rs.getInt(3)))
			.single();
	}

	/** A village of 吴中 with a profile kept by the city's postal company, the profile written as stored before the rule. */
	private void store(String village, String office, String address) {
		jdbc.sql("""
				INSERT INTO village_profile (village_code, delivery_mode, deliveries_per_week, post_office_name,
				    handover_type, handover_address, enterprise_credit_code, updated_at, updated_by, demo)
				VALUES (:c, 'VILLAGE_POST', 6, :office, '村邮站', :address, :e, now(), 'test', false)
				ON CONFLICT (village_code) DO UPDATE SET post_office_name = EXCLUDED.post_office_name,
				    post_office_facility_id = NULL, handover_address = EXCLUDED.handover_address,
				    enterprise_credit_code = EXCLUDED.enterprise_credit_code, delivery_mode = EXCLUDED.delivery_mode""")
			.param("c", village).param("office", office).param("address", address).param("e", postal()).update();
	}

	private String postal() {
		return enterprises.list(DataScope.all(), new Enterprises.Filter(EnterpriseType.POSTAL, null, null),
				new PageQuery("苏州市分公司", 0, 5, null, false)).items().get(0).creditCode();
	}

	private String village() {
		return jdbc.sql("SELECT code FROM region_name WHERE level = 'VILLAGE' AND name LIKE '%村委会%' AND code LIKE '320506%'"
				+ " ORDER BY random() LIMIT 1").query(String.class).single();
	}

	private static String tag() {
		StringBuilder s = new StringBuilder("标记");
		for (int i = 0; i < 6; i++) {
			s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
		}
		return s.toString();
	}

	/**
	 * Attack (portal-text F5): on the enterprise's village page a 每周投递频次 "abc" answered a bare 400 that hid every
	 * other error; it is told on the form with the unreadable post office number and the address naming nothing, and
	 * nothing is saved.
	 */
	@Test
	void anUnreadableNumberOnTheProfileFormIsToldWithEveryOtherError() throws Exception {
		String village = village();
		store(village, "某邮局", "村委会一楼");
		String html = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/enterprise/villages/" + village + "/profile").header("Authorization", POSTAL)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("deliveryMode", "VILLAGE_POST").param("deliveriesPerWeek", "abc").param("postOfficeFacilityId", "x")
			.param("handoverAddress", "1"))
			.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("每周投递频次", "服务邮政局所编号", "交接点地址应填写完整的地址");
		assertThat(jdbc.sql("SELECT handover_address FROM village_profile WHERE village_code = :c").param("c", village)
			.query(String.class).single()).as("nothing saved").isEqualTo("村委会一楼");
	}
}
