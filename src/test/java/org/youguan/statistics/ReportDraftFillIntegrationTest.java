package org.youguan.statistics;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.documents.TypedWorkbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Filling a draft with some of its values — an uploaded sheet, an enterprise system's call — keeps the others: a
 * header-only sheet erased all 9 values ("已从Excel读入0项数值"), a partial one the values it left out (attack round).
 */
@IntegrationTest
class ReportDraftFillIntegrationTest {

	static final String TOKEN = "Bearer demo-sf-wz-token";

	static final List<String> SHEET = List.of("指标代码", "指标名称", "单位", "本期数值", "说明", "上期数值（参考）");

	static final String ALL = "{\"postal.total\":90,\"postal.revenue\":100,\"postal.delivery.volume\":0,"
			+ "\"postal.delivery.revenue\":0,\"express.volume.local\":10,\"express.volume.intercity\":20,"
			+ "\"express.volume.international\":1,\"express.revenue\":50,\"green.ewaybill.rate\":99}";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	/** A month of a year the other tests leave alone, so the draft is this test's. */
	static String period() {
		return (2008 + ThreadLocalRandom.current().nextInt(4)) + "-" + String.format("%02d", 1 + ThreadLocalRandom.current().nextInt(12));
	}

	long draftWithAllValues(String period) throws Exception {
		String location = mvc.perform(post("/api/v1/statistics/reports").header("Authorization", TOKEN)
			.contentType("application/json")
			.content("{\"form\":\"monthly\",\"period\":\"" + period + "\",\"values\":" + ALL + ",\"submit\":false}"))
			.andReturn().getResponse().getHeader("Location");
		long id = EnterpriseReportPages.id(location);
		assertThat(values(id)).hasSize(9);
		return id;
	}

	Map<String, BigDecimal> values(long id) {
		Map<String, BigDecimal> values = new HashMap<>();
		jdbc.sql("SELECT indicator_code, value FROM stat_report_value WHERE report_id = :id AND value IS NOT NULL")
			.param("id", id)
			.query((rs, n) -> values.put(rs.getString(1), rs.getBigDecimal(2)))
			.list();
		return values;
	}

	@Test
	void anUploadedSheetFillsTheValuesItHoldsAndKeepsTheOthersAndOneWithoutValuesIsRefused() throws Exception {
		String period = period();
		long id = draftWithAllValues(period);
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		String location = "/enterprise/statistics/reports/" + id;
		mvc.perform(multipart(location + "/upload")
			.file(new MockMultipartFile("file", "报表.xlsx", "application/octet-stream", new TypedWorkbook(SHEET)
				.row(List.of("express.volume.local", "快递业务量（同城）", "件", "", "", "")).bytes()))
			.session(sf).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("没有填写任何本期数值")));
		assertThat(values(id)).hasSize(9);
		mvc.perform(multipart(location + "/upload")
			.file(new MockMultipartFile("file", "报表.xlsx", "application/octet-stream", new TypedWorkbook(SHEET)
				.row(List.of("express.volume.local", "快递业务量（同城）", "件", 777, "", "")).bytes()))
			.session(sf).with(csrf()))
			.andExpect(status().is3xxRedirection());
		Map<String, BigDecimal> after = values(id);
		assertThat(after).hasSize(9);
		assertThat(after.get("express.volume.local")).isEqualByComparingTo("777");
		assertThat(after.get("express.revenue")).isEqualByComparingTo("50");
	}

	@Test
	void anApiCallFillsTheValuesItGivesAndKeepsTheOthers() throws Exception {
		String period = period();
		long id = draftWithAllValues(period);
		mvc.perform(post("/api/v1/statistics/reports").header("Authorization", TOKEN).contentType("application/json")
			.content("{\"form\":\"monthly\",\"period\":\"" + period + "\",\"values\":{\"express.revenue\":60},\"submit\":false}"))
			.andExpect(status().isOk());
		Map<String, BigDecimal> after = values(id);
		assertThat(after).hasSize(9);
		assertThat(after.get("express.revenue")).isEqualByComparingTo("60");
		assertThat(after.get("postal.revenue")).isEqualByComparingTo("100");
		// and the report read back through the API carries its values
		mvc.perform(get("/api/v1/statistics/reports/" + id).header("Authorization", TOKEN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DRAFT"))
			.andExpect(jsonPath("$.period").value(period))
			.andExpect(jsonPath("$.values['express.revenue']").value(60))
			.andExpect(jsonPath("$.values['express.volume']").value(31));
	}

	/** Attack 3: a bad period hid every value's error; every field is told at once, nothing saved. */
	@Test
	void aBadPeriodIsToldWithTheValuesErrors() throws Exception {
		mvc.perform(post("/api/v1/statistics/reports").header("Authorization", TOKEN).contentType("application/json")
			.content("{\"form\":\"monthly\",\"period\":\"2025-13\",\"values\":{\"express.revenue\":-5,"
					+ "\"no.such.code\":1},\"submit\":false}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("period",
					"values.express.revenue", "values.no.such.code")));
	}

	/** Attack: the export said 迟报 否 for a draft years past its due date. */
	@Test
	void theExportSaysADraftPastItsDueDateIsOverdue() throws Exception {
		String period = period();
		long id = draftWithAllValues(period);
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		byte[] book = mvc.perform(get("/enterprise/statistics/export.xlsx").session(sf).param("status", "DRAFT"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(book))) {
			Sheet sheet = workbook.getSheetAt(0);
			List<String> header = new ArrayList<>();
			sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
			int periodColumn = header.indexOf("报告期");
			int lateColumn = header.indexOf("迟报");
			boolean found = false;
			for (Row row : sheet) {
				if (row.getRowNum() > 0 && period.equals(row.getCell(periodColumn).getStringCellValue())) {
					assertThat(row.getCell(lateColumn).getStringCellValue()).isEqualTo("逾期未报");
					found = true;
				}
			}
			assertThat(found).as("draft %s (report %s) exported", period, id).isTrue();
		}
	}

	/**
	 * The page says what the export says: a draft past its due date is 逾期未报 in 我的报表 and on its own page (the
	 * page showed only a 迟报 badge, for a report sent late, and nothing for one never sent while the export said
	 * 逾期未报); a report sent on time shows neither.
	 */
	@Test
	void thePagesSayADraftPastItsDueDateIsOverdueAsTheExportDoes() throws Exception {
		String period = period();
		long id = draftWithAllValues(period);
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		String overdue = "class=\"badge bg-red-lt\">逾期未报</span>";
		mvc.perform(get("/enterprise/statistics/reports/" + id).session(sf)).andExpect(status().isOk())
			.andExpect(content().string(containsString(overdue)));
		mvc.perform(get("/enterprise/statistics").session(sf).param("status", "DRAFT").param("sort", "period")
			.param("dir", "asc")).andExpect(status().isOk())
			.andExpect(content().string(containsString(overdue)));
	}
}
