package org.youguan.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A region outside the caller's scope sent to a list or export that takes no region is refused as where one is taken
 * (attack: {@code /statistics/completeness/export.xlsx?region=320583} and {@code /statistics/reports/export.xlsx} as a
 * 相城 user answered 200 with 相城's rows); the caller's own region, or one inside it, is no refusal, and a city's
 * user may name any of its counties.
 */
@IntegrationTest
class RegionParameterScopeIntegrationTest {

	static final String XIANGCHENG = "Bearer demo-xc-staff-token";

	static final String CITY = "Bearer demo-sz-admin-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anotherCountysRegionIsRefusedOnListsAndExportsThatTakeNoRegion() throws Exception {
		for (String path : new String[] { "/statistics/completeness/export.xlsx", "/statistics/reports/export.xlsx",
				"/statistics/reports", "/statistics/completeness" }) {
			mvc.perform(get(path).param("region", "320583").header("Authorization", XIANGCHENG))
				.andExpect(status().isForbidden())
				.andExpect(content().string(containsString("该区域不在您的数据权限范围内")));
			mvc.perform(get(path).param("region", "320507").header("Authorization", XIANGCHENG))
				.andExpect(status().isOk());
			mvc.perform(get(path).param("region", "320583").header("Authorization", CITY))
				.andExpect(status().isOk());
		}
		// full-width digits and the six-digit city form are the same codes
		mvc.perform(get("/statistics/reports/export.xlsx").param("region", "３２０５８３").header("Authorization", XIANGCHENG))
			.andExpect(status().isForbidden());
		mvc.perform(get("/statistics/reports/export.xlsx").param("region", "320500").header("Authorization", XIANGCHENG))
			.andExpect(status().isForbidden());
	}

	/**
	 * Finding (one behaviour for one value): a page that takes no region ignored {@code region=abc} but refused
	 * {@code region=999999} (403); now every region value is judged as where a region is taken — no code or no region:
	 * 400 naming {@code region}, the page shown again with the message; outside the scope: 403 — for every caller.
	 */
	@Test
	void aRegionSentToAPageThatTakesNoneIsJudgedAsWhereOneIsTaken() throws Exception {
		for (String auth : new String[] { XIANGCHENG, CITY }) {
			for (String region : new String[] { "abc", "32050", "329999" }) {
				mvc.perform(get("/statistics/reports").param("region", region).header("Authorization", auth)
					.accept(MediaType.TEXT_HTML))
					.andExpect(status().isBadRequest())
					.andExpect(content().string(containsString("data-field=\"region\"")))
					.andExpect(content().string(containsString("行政区划代码")));
			}
		}
		// the same values on a list that binds its region are refused alike
		mvc.perform(get("/safety/hazards").param("region", "329999").header("Authorization", CITY))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("行政区划代码不存在")));
		mvc.perform(get("/statistics/reports").param("region", "320583").header("Authorization", XIANGCHENG))
			.andExpect(status().isForbidden());
	}

	/**
	 * Attack: lists whose handler binds {@code region} itself (so the interceptor leaves it to them) answered another
	 * county 200 with an empty list — the outlets' page, export and API, the hazards'; and a {@code bureau} filter
	 * outside the caller's scope (another county's, or none) answered 200 with the caller's own roster. Now 403.
	 */
	@Test
	void listsThatBindTheirRegionOrBureauRefuseOneOutsideTheCallersScope() throws Exception {
		for (String path : new String[] { "/api/v1/outlets", "/registry/outlets", "/registry/outlets/export.xlsx",
				"/api/v1/safety/hazards", "/safety/hazards" }) {
			mvc.perform(get(path).param("region", "320506").header("Authorization", XIANGCHENG))
				.andExpect(status().isForbidden())
				.andExpect(content().string(containsString("该区域不在您的数据权限范围内")));
			mvc.perform(get(path).param("region", "３２０５０７").header("Authorization", XIANGCHENG))
				.andExpect(status().isOk());
		}
		long wuzhong = jdbc.sql("SELECT id FROM bureau WHERE region_code = '320506'").query(Long.class).single();
		long own = jdbc.sql("SELECT id FROM bureau WHERE region_code = '320507'").query(Long.class).single();
		for (String path : new String[] { "/inspections/inspectors", "/inspections/inspectors/export.xlsx",
				"/api/v1/inspections/inspectors" }) {
			for (String bureau : new String[] { Long.toString(wuzhong), "999999" }) {
				mvc.perform(get(path).param("bureau", bureau).header("Authorization", XIANGCHENG))
					.andExpect(status().isForbidden())
					.andExpect(content().string(containsString("该机构不在您的数据权限范围内")));
			}
			mvc.perform(get(path).param("bureau", Long.toString(own)).header("Authorization", XIANGCHENG))
				.andExpect(status().isOk());
		}
	}
}
