package org.youguan.inspections;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.registry.Branches;
import org.youguan.registry.Outlets;
import org.youguan.registry.RegisteredPlace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A record names the branch or outlet inspected, not only the enterprise answering for it: taken (optionally) by the
 * records API, checked (registered, in the caller's region, the enterprise's own — each refusal a 400 on
 * {@code objectId}/{@code objectType}), kept in the record's region (the place's), and shown on the record's page,
 * in the list (with the region's name) and in the .xlsx export.
 */
@IntegrationTest
class InspectedObjectIntegrationTest {

	static final String WUZHONG = "Bearer demo-wz-staff-token";

	static final String XIANGCHENG = "Bearer demo-xc-staff-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	Outlets outlets;

	@Autowired
	Branches branches;

	@Autowired
	InspectionFieldRecords fieldRecords;

	@Autowired
	MutableClock clock;

	ResultActions record(String token, String creditCode, String objectType, Long objectId) throws Exception {
		String json = """
				{"enterpriseCreditCode":"%s","inspectedOn":"%s","kind":"SPECIAL","items":["REAL_NAME"],
				 "inspectors":[{"name":"陈吴中","certificateNumber":"32050601"},{"name":"某某","certificateNumber":"%s"}],
				 "outcome":"NONE","findings":null,"rectification":null,"objectType":%s,"objectId":%s}"""
			.formatted(creditCode, LocalDate.now(clock).minusDays(1), "OB" + UUID.randomUUID().toString().substring(0, 8),
					objectType == null ? "null" : "\"" + objectType + "\"", objectId == null ? "null" : objectId);
		return mvc.perform(post("/api/v1/inspections/records").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON).content(json));
	}

	@Test
	void aRecordNamesTheOutletInspectedOnItsPageListAndExport() throws Exception {
		List<RegisteredPlace> wuzhong = outlets.places("320506", null);
		RegisteredPlace outlet = wuzhong.get(wuzhong.size() / 2);
		String created = record(WUZHONG, outlet.enterpriseCreditCode(), "OUTLET", outlet.id())
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		long id = ((Number) JsonPath.read(created, "$.id")).longValue();

		InspectionFieldRecords.Detail detail = fieldRecords.get(DataScope.all(), id);
		assertThat(detail.objectType()).isEqualTo("OUTLET");
		assertThat(detail.objectId()).isEqualTo(outlet.id());
		assertThat(detail.objectName()).isEqualTo(outlet.name());
		assertThat(detail.regionCode()).as("the record is the outlet's region's").isEqualTo(outlet.regionCode());
		mvc.perform(get("/api/v1/inspections/records/" + id).header("Authorization", WUZHONG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.objectName").value(outlet.name()))
			.andExpect(jsonPath("$.regionName").isNotEmpty());

		MockHttpSession session = SignIn.session(mvc, "wz.staff");
		mvc.perform(get("/inspections/records/" + id).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(outlet.name())));
		mvc.perform(get("/inspections").param("q", outlet.name()).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(outlet.name())))
			.andExpect(content().string(containsString("吴中区")));
		byte[] xlsx = mvc.perform(get("/inspections/records.xlsx").param("q", outlet.name()).session(session))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Row header = book.getSheetAt(0).getRow(0);
			Row first = book.getSheetAt(0).getRow(1);
			assertThat(header.getCell(4).getStringCellValue()).isEqualTo("检查对象");
			assertThat(first.getCell(3).getStringCellValue()).isEqualTo("末端网点");
			assertThat(first.getCell(4).getStringCellValue()).isEqualTo(outlet.name());
		}
	}

	@Test
	void aBranchOfTheEnterpriseIsNamedAndItsRegionKept() throws Exception {
		RegisteredPlace branch = branches.places("320506", null).get(0);
		String created = record(WUZHONG, branch.enterpriseCreditCode(), "BRANCH", branch.id())
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		long id = ((Number) JsonPath.read(created, "$.id")).longValue();
		assertThat(fieldRecords.get(DataScope.region("320506"), id).objectName()).isEqualTo(branch.name());
	}

	@Test
	void aWrongObjectIsA400NamingItsField() throws Exception {
		List<RegisteredPlace> wuzhong = outlets.places("320506", null);
		RegisteredPlace outlet = wuzhong.get(0);
		RegisteredPlace another = wuzhong.stream()
			.filter(o -> !o.enterpriseCreditCode().equals(outlet.enterpriseCreditCode()))
			.findFirst().orElseThrow();
		record(WUZHONG, another.enterpriseCreditCode(), "OUTLET", outlet.id())
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("objectId"))
			.andExpect(jsonPath("$.errors[0].message", containsString("不属于被检查企业")));
		record(WUZHONG, outlet.enterpriseCreditCode(), "OUTLET", null)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("objectId"));
		record(WUZHONG, outlet.enterpriseCreditCode(), "SHOP", 1L)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'objectType')]").exists());
		// another county's outlet is not there (404 on objectId) before any field — it was a 400 beside the rest
		record(XIANGCHENG, outlet.enterpriseCreditCode(), "OUTLET", outlet.id())
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.errors[0].field").value("objectId"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("不存在或不在您的数据权限范围内")));
	}
}
