package org.youguan.universal;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.registry.Facilities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A list that shows a code searches it: the village register by its 12-digit code, a county's prefix and the
 * post-office enterprise's credit code; the post offices and their approvals by facility number, region and credit code.
 */
@IntegrationTest
class UniversalCodeSearchIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Villages villages;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Facilities facilities;

	@Test
	void theVillageRegisterIsSearchedByItsCodeAndTheEnterprisesCreditCode() {
		List<String> codes = villages.list(DataScope.all(), new Villages.Filter("320505", null, false, false),
				new PageQuery("", 0, 5, "code", false)).items().stream().map(VillageView::code).toList();
		String village = codes.get(codes.size() - 1);
		String postal = jdbc.sql("SELECT e.credit_code FROM enterprise e JOIN facility f ON f.enterprise_id = e.id "
				+ "WHERE f.kind = 'POST_OFFICE' AND f.demo ORDER BY f.id LIMIT 1").query(String.class).single();
		villages.saveProfile(DataScope.region("3205"), new VillageProfileData(village, "DIRECT", 5, null, null, null, null,
				postal), false);
		assertThat(found(village)).containsExactly(village);
		assertThat(found("320505")).contains(codes.get(0)).allMatch(c -> c.contains("320505"));
		assertThat(found(postal)).contains(village);
		assertThat(found(postal.toLowerCase())).contains(village);
	}

	@Test
	void postOfficesAndTheirApprovalsAreSearchedByNumberRegionAndCreditCode() throws Exception {
		ApprovalFixture fixture = new ApprovalFixture(mvc, jdbc, facilities);
		long office = fixture.newPostOffice("320506");
		mvc.perform(put("/api/v1/universal/post-offices/" + office + "/hours").header("Authorization", ApprovalFixture.WUZHONG)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"areaType\":\"CITY\",\"daysPerWeek\":6,\"openingHours\":\"周一至周六 8:30-17:30\"}"))
			.andExpect(status().isOk());
		String credit = jdbc.sql("SELECT enterprise_credit_code FROM post_office_hours WHERE facility_id = :id")
			.param("id", office).query(String.class).single();
		mvc.perform(get("/api/v1/universal/post-offices?size=200&q={q}", Long.toString(office))
			.header("Authorization", ApprovalFixture.WUZHONG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].facilityId", hasItem((int) office)));
		mvc.perform(get("/api/v1/universal/post-offices?size=200&q={q}", credit).header("Authorization", ApprovalFixture.WUZHONG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].facilityId", hasItem((int) office)));
		long id = fixture.apply(ApprovalFixture.POSTAL, office, "CLOSURE", "检索测试撤销", null);
		mvc.perform(get("/api/v1/universal/post-office-approvals?size=200&q={q}", Long.toString(office))
			.header("Authorization", ApprovalFixture.WUZHONG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].id", hasItem((int) id)));
		mvc.perform(get("/api/v1/universal/post-office-approvals?size=200&q={q} 320506", credit)
			.header("Authorization", ApprovalFixture.WUZHONG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].id", hasItem((int) id)));
	}

	private List<String> found(String q) {
		return villages.list(DataScope.region("3205"), new Villages.Filter(null, null, false, false),
				new PageQuery(q, 0, 200, "code", false)).items().stream().map(VillageView::code).toList();
	}
}
