package org.youguan.inspections;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.ExportedRows;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.org.Bureaus;
import org.youguan.platform.ChinaTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 检查人员名录库 in the full list idiom: search, bureau and certificate-state filters, whitelisted sorts, the API list and
 * the .xlsx export read alike — another county's inspectors never appear.
 */
@IntegrationTest
class InspectorRosterListIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Inspectors inspectors;

	@Autowired
	Bureaus bureaus;

	@Autowired
	JdbcClient jdbc;

	String token;

	@BeforeEach
	void threeInspectorsInTwoCounties() {
		token = "R" + Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT);
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		register("320506", "A" + token + "甲", "1", today.plusYears(2));
		register("320506", "B" + token + "乙", "2", today.minusYears(2));
		register("320507", "C" + token + "丙", "3", today.plusYears(2));
	}

	/** Off the roster again, so no later draw in the shared database picks them. */
	@AfterEach
	void offTheRoster() {
		jdbc.sql("UPDATE inspector SET active = false WHERE certificate_number LIKE :token").param("token", token + "%").update();
	}

	private void register(String region, String name, String suffix, LocalDate validUntil) {
		// an expired certificate was entered while it was still valid (a day past is refused today)
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		inspectors.registerEnteredOn(DataScope.all(), new Inspectors.InspectorData(bureaus.findByRegion(region).orElseThrow()
			.id(), null, name, token + suffix, validUntil, null), validUntil.isBefore(today) ? validUntil : today);
	}

	@Test
	void anotherCountysInspectorsAppearNeitherOnThePageNorInTheApiNorInTheExport() throws Exception {
		MockHttpSession wuzhong = SignIn.session(mvc, "wz.staff");
		mvc.perform(get("/inspections/inspectors").param("q", token).session(wuzhong))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("A" + token)))
			.andExpect(content().string(not(containsString("C" + token))))
			.andExpect(content().string(containsString("id=\"inspectors-export\" href=\"/inspections/inspectors/export.xlsx")));
		mvc.perform(get("/api/v1/inspections/inspectors").param("q", token)
			.header("Authorization", "Bearer demo-wz-staff-token"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items", hasSize(2)));
		List<List<String>> rows = ExportedRows.of(mvc, wuzhong, "/inspections/inspectors/export.xlsx", "q", token, "sort",
				"name");
		assertThat(rows.get(0)).containsExactly("所属单位", "姓名", "执法证号", "执法证有效期至", "状态", "回避企业数");
		assertThat(ExportedRows.column(rows, 1)).containsExactly("A" + token + "甲", "B" + token + "乙");
		assertThat(ExportedRows.column(rows, 4)).containsExactly("有效", "已过期");
		assertThat(ExportedRows.column(ExportedRows.of(mvc, SignIn.session(mvc, "xc.staff"),
				"/inspections/inspectors/export.xlsx", "q", token), 1)).containsExactly("C" + token + "丙");
	}

	@Test
	void theCertificateStateFilterAndWhitelistedSortsAreTheSameOnThePageInTheApiAndInTheExport() throws Exception {
		MockHttpSession city = SignIn.session(mvc, "sz.admin");
		String export = "/inspections/inspectors/export.xlsx";
		assertThat(ExportedRows.column(ExportedRows.of(mvc, city, export, "q", token, "sort", "name", "dir", "desc"), 1))
			.containsExactly("C" + token + "丙", "B" + token + "乙", "A" + token + "甲");
		assertThat(ExportedRows.column(ExportedRows.of(mvc, city, export, "q", token, "validity", "expired"), 1))
			.containsExactly("B" + token + "乙");
		assertThat(ExportedRows.column(ExportedRows.of(mvc, city, export, "q", token, "validity", "valid", "sort",
				"name"), 1)).containsExactly("A" + token + "甲", "C" + token + "丙");
		// a sort outside the whitelist is refused naming the allowed ones, never SQL
		mvc.perform(get(export).param("q", token).param("sort", "certificate_number;drop").session(city))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/inspections/inspectors").param("q", token).param("validity", "expired").session(city))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("B" + token)))
			.andExpect(content().string(not(containsString("A" + token))));
		mvc.perform(get("/api/v1/inspections/inspectors").param("q", token).param("validity", "expired")
			.header("Authorization", "Bearer demo-wz-staff-token"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items", hasSize(1)));
		mvc.perform(get("/api/v1/inspections/inspectors").param("validity", "soon")
			.header("Authorization", "Bearer demo-wz-staff-token"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("validity")))
			.andExpect(content().string(containsString("执法证状态只能是")));
	}
}
