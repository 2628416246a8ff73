package org.youguan.web;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attack round 27: a whole number beyond its type — a 20-digit 计划编号 in a JSON body, a form or a page parameter —
 * was told "应为整数" without what a number there may be (the form's: FieldRecordPagesIntegrationTest); and the field {@code report} was 调查终结报告 in every message,
 * also on the enterprise's 整改情况报告.
 */
@IntegrationTest
class IntegerRangeAndRouteLabelIntegrationTest {

	static final String WUZHONG = "Bearer demo-wz-staff-token";

	static final String SF = "Bearer demo-sf-wz-token";

	static final String HUGE = "99999999999999999999";

	@Autowired
	MockMvc mvc;

	/**
	 * A record's number beyond its type (a 20-digit {@code planId}) is told it is one, in the platform's one wording of
	 * ids ("应为正整数（至多19位）") — not a long's −9223372036854775808 to 9223372036854775807, which no clerk reads.
	 */
	@Test
	void aRecordNumberBeyondItsTypeInAJsonBodyIsToldItIsARecordNumber() throws Exception {
		mvc.perform(post("/api/v1/inspections/records").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content("{\"planId\": " + HUGE + "}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("planId"))
			.andExpect(jsonPath("$.errors[0].message", containsString("应为正整数（至多19位）")))
			.andExpect(jsonPath("$.errors[0].message", not(containsString("9223372036854775807"))));
	}

	@Test
	void aPageBeyondAnIntIsToldTheRangeOfPages() throws Exception {
		mvc.perform(get("/api/v1/complaints").param("page", HUGE).header("Authorization", WUZHONG))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("page"))
			.andExpect(jsonPath("$.errors[0].message", containsString("0至2147483647")));
		mvc.perform(get("/api/v1/complaints").param("size", HUGE).header("Authorization", WUZHONG))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("size"))
			.andExpect(jsonPath("$.errors[0].message", containsString("1至200")));
	}

	/**
	 * The enterprise's reply to an order names its {@code report} as the page does, 整改情况报告 — the case's
	 * conclusion keeps 调查终结报告 — in the messages no service words (a control character refused before any handler).
	 */
	@Test
	void theReportIsNamedAsItsRouteNamesIt() throws Exception {
		mvc.perform(multipart("/api/v1/enterprise/inspections/orders/1").param("report", "已整改\u0007")
			.header("Authorization", SF))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("report"))
			.andExpect(jsonPath("$.errors[0].message", containsString("整改情况报告")))
			.andExpect(content().string(not(containsString("调查终结报告"))));
		for (Map.Entry<String, String> route : Map.of("/enterprise/inspections/orders/5/reply", "整改情况报告",
				"/api/v1/enterprise/inspections/orders/5", "整改情况报告", "/enforcement/cases/3/conclusion", "调查终结报告",
				"/api/v1/enforcement/cases/3/conclusion", "调查终结报告", "/enterprise/inspections/ordersX", "报告").entrySet()) {
			assertThat(FieldLabels.of("report", route.getKey())).as(route.getKey()).isEqualTo(route.getValue());
		}
	}
}
