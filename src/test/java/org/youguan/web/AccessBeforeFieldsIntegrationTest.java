package org.youguan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.IntegrationTest;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;
import org.youguan.workplans.WorkPlans;
import org.youguan.workplans.internal.NoticeParserTest;

/**
 * Attack (fix-a1 A): a module API that takes the record or region a step is on in its data — a JSON body, where the
 * web's step access cannot see it — read the step's other fields first, so a caller who may not take the step was told
 * 400 and which fields were wrong. The record (or region) is found in the caller's scope and the caller's right to the
 * step decided before any other field: 404 for one not there to the caller, 403 for one it reads and may not act on.
 */
@IntegrationTest
class AccessBeforeFieldsIntegrationTest {

	static final String WUZHONG = "Bearer demo-wz-staff-token";

	static final String XIANGCHENG = "Bearer demo-xc-staff-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDirectory directory;

	@Autowired
	WorkPlans plans;

	ResultActions json(String token, String path, String body) throws Exception {
		return mvc.perform(post(path).header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	/** A licence in force held in a region {@code inside} (or outside when false) 吴中 320506, in 苏州. */
	String licence(boolean inside) {
		return jdbc.sql("""
				SELECT l.number FROM express_licence l WHERE l.state = 'ACTIVE' AND l.expires_on > current_date AND l.region_code LIKE '3205%'
				    AND (l.region_code LIKE '320506%') = :inside ORDER BY l.id LIMIT 1""")
			.param("inside", inside).query(String.class).single();
	}

	@Test
	void aCancellationIsDecidedOnTheLicenceBeforeItsGround() throws Exception {
		String cancel = "/api/v1/licensing/licences/cancellation";
		// another county's licence: not there to 吴中, whatever ground was sent
		json(WUZHONG, cancel, "{\"number\":\"" + licence(false) + "\",\"ground\":\"ZZZ\"}")
			.andExpect(status().isNotFound());
		// a number naming no licence
		json(WUZHONG, cancel, "{\"number\":\"苏邮NOSUCH9\",\"ground\":\"ZZZ\"}").andExpect(status().isNotFound());
		// 吴中's own licence: the county reads it and is not its issuing authority (the province is) — 403, not the ground
		json(WUZHONG, cancel, "{\"number\":\"" + licence(true) + "\",\"ground\":\"ZZZ\"}")
			.andExpect(status().isForbidden());
		// a malformed number is still told as the field it is (nothing to look up)
		json(WUZHONG, cancel, "{\"number\":\"苏邮<b>1\",\"ground\":\"ZZZ\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].field").value("number"));
	}

	@Test
	void aLeadOfAnotherRegionIsNotThereBeforeItsFields() throws Exception {
		for (String region : new String[] { "320507", "3205", "３２０５０７" }) {
			json(WUZHONG, "/api/v1/enforcement/leads", """
					{"source":"ZZZ","regionCode":"%s","summary":"","receivedOn":"abc"}""".formatted(region))
				.andExpect(status().isNotFound())
				.andExpect(content().string(containsString("行政区划")))
				// the field the API names, not the whole request (attack: field "request", rule "not-found")
				.andExpect(jsonPath("$.errors[0].field").value("regionCode"))
				.andExpect(jsonPath("$.errors[0].rule").value("scope"));
		}
		// the county's own region with the same bad fields: every field told, the region not among them
		json(WUZHONG, "/api/v1/enforcement/leads", """
				{"source":"ZZZ","regionCode":"320506","summary":"","receivedOn":"abc"}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'regionCode')]").isEmpty())
			.andExpect(jsonPath("$.errors[?(@.field == 'source')]").isNotEmpty());
	}

	/** An enterprise of the register in 相城 (320507), in force. */
	String xiangchengEnterprise() {
		return jdbc.sql("SELECT credit_code FROM enterprise WHERE region_code LIKE '320507%' AND status = 'NORMAL' ORDER BY id LIMIT 1")
			.query(String.class).single();
	}

	@Test
	void aLeadOrAHazardNamingAnotherCountysEnterpriseIsNotThereBeforeItsFields() throws Exception {
		String other = xiangchengEnterprise();
		// was 400: "当事人不在您辖区的企业名录中" beside the source and summary
		json(WUZHONG, "/api/v1/enforcement/leads", """
				{"source":"ZZZ","enterpriseCreditCode":"%s","summary":""}""".formatted(other))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString(other)));
		// was 400 with a "scope" error on enterpriseCreditCode beside the date and level
		json(WUZHONG, "/api/v1/safety/hazards", """
				{"enterpriseCreditCode":"%s","foundOn":"abc","level":"ZZZ","description":""}""".formatted(other))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString(other)));
	}

	@Test
	void onTheSpotDecisionsOfAPersonInAnotherRegionAreNotThereBeforeTheirFields() throws Exception {
		json(WUZHONG, "/api/v1/enforcement/cases/on-the-spot", """
				{"partyKind":"PERSON","personName":"","regionCode":"320507","facts":""}""")
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("行政区划")))
			.andExpect(jsonPath("$.errors[0].field").value("regionCode"))
			.andExpect(jsonPath("$.errors[0].rule").value("scope"));
	}

	@Test
	void aComplaintStaffEnterForAnotherRegionIsNotThereBeforeItsFields() throws Exception {
		json(XIANGCHENG, "/api/v1/complaints", """
				{"filerName":"","phone":"x","region":"320506","brand":""}""")
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("行政区划")))
			.andExpect(jsonPath("$.errors[0].field").value("region"))
			.andExpect(jsonPath("$.errors[0].rule").value("scope"));
		json(XIANGCHENG, "/api/v1/complaints", """
				{"filerName":"","phone":"x","region":"320507","brand":""}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'region')]").isEmpty());
	}

	@Test
	void aWorkPlansDepartmentMappingOfAnotherBureauIsNotThereBeforeTheNoticeIsRead() throws Exception {
		CurrentUser market = directory.principal("sz.market").orElseThrow();
		long other = jdbc.sql("SELECT id FROM department WHERE bureau_id <> :b ORDER BY id LIMIT 1")
			.param("b", market.bureauId()).query(Long.class).single();
		assertThatThrownBy(() -> plans.save(market, NoticeParserTest.sample().replace("2025", "2061"),
				Map.of("市邮政业安全中心", other), Set.of()))
			.isInstanceOfSatisfying(DomainException.class, ex -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.NOT_FOUND);
				assertThat(ex.getMessage()).contains("处室");
			});
	}

	@Test
	void aRegionOfAnotherFormIsReadAsItsCodeAndOnlyABureausScopeIsHeldToIt() {
		DataScope wuzhong = DataScope.region("320506");
		assertThatThrownBy(() -> wuzhong.refuseRegionOutside("regionCode", "320500")).isInstanceOf(DomainException.class);
		wuzhong.refuseRegionOutside("regionCode", "３２０５０６００１");
		wuzhong.refuseRegionOutside("regionCode", "no code");
		wuzhong.refuseRegionOutside("regionCode", null);
		DataScope.all().refuseRegionOutside("regionCode", "110101");
		DataScope.enterprise("91320506MA1XXXXXX0").refuseRegionOutside("regionCode", "110101");
	}
}
