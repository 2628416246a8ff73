package org.youguan.statistics;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One reading of a reported value (statistics.internal.ReportedValue): the report page's form, the API and the uploaded
 * sheet give the same value, or the same 400 naming the indicator and the rule, for the same input; a sheet's number
 * cells are read as stored (floating noise gone, a percentage cell only for a rate); the downloaded report sheet holds
 * numeric cells with a number format; a big value is exact end to end; a row with only a 说明 keeps its note.
 */
@IntegrationTest
class ReportedValueReadingIntegrationTest {

	static final String TOKEN = "Bearer demo-sf-wz-token";

	static final List<String> SHEET = List.of("指标代码", "指标名称", "单位", "本期数值", "说明", "上期数值（参考）");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	/** A month of the years no other test uses, so the draft is (almost always) this test's own. */
	static String period() {
		return (2012 + ThreadLocalRandom.current().nextInt(4)) + "-"
				+ String.format("%02d", 1 + ThreadLocalRandom.current().nextInt(12));
	}

	/** A draft of the monthly form for a period, made through the API: its id. */
	long draft(String period) throws Exception {
		String location = mvc.perform(post("/api/v1/statistics/reports").header("Authorization", TOKEN)
			.contentType("application/json")
			.content("{\"form\":\"monthly\",\"period\":\"" + period + "\",\"values\":{\"express.volume.local\":1},\"submit\":false}"))
			.andReturn().getResponse().getHeader("Location");
		return EnterpriseReportPages.id(location);
	}

	/** The draft's value of an indicator set to a known value (through the API), so that each path is seen to store its own. */
	void reset(String period, long id, String code) throws Exception {
		mvc.perform(post("/api/v1/statistics/reports").header("Authorization", TOKEN).contentType("application/json")
			.content("{\"form\":\"monthly\",\"period\":\"" + period + "\",\"values\":{\"" + code + "\":\"7\"},\"submit\":false}"))
			.andExpect(status().isOk());
		assertThat(storedIn(id, code)).isEqualByComparingTo("7");
	}

	BigDecimal storedIn(long id, String code) {
		return jdbc.sql("SELECT value FROM stat_report_value WHERE report_id = :id AND indicator_code = :c")
			.param("id", id).param("c", code).query(BigDecimal.class).optional().orElse(null);
	}

	byte[] sheet(List<?>... rows) {
		TypedWorkbook book = new TypedWorkbook(SHEET);
		for (List<?> row : rows) {
			book.row(row);
		}
		return book.bytes();
	}

	MockHttpServletResponse upload(MockHttpSession session, long id, byte[] sheet) throws Exception {
		return mvc.perform(multipart("/enterprise/statistics/reports/" + id + "/upload")
			.file(new MockMultipartFile("file", "报表.xlsx", "application/octet-stream", sheet))
			.session(session).with(csrf()))
			.andReturn().getResponse();
	}

	/**
	 * Each input, typed on the page, sent by the API (as text) and typed into a text cell of the uploaded sheet: the
	 * same value stored, or the same refusal (the API's rule and message; the page and the sheet show that message).
	 */
	@ParameterizedTest(name = "{0} for {1}: {2}")
	@CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
			"99.5%          | green.ewaybill.rate  | =99.5",
			"'99.5 ％'      | green.ewaybill.rate  | =99.5",
			"99.5%          | express.volume.local | percent",
			"2.4e6          | express.volume.local | exponent",
			"1.0E3          | express.revenue      | exponent",
			"1e17           | express.volume.local | digits",
			"'1,234'        | express.volume.local | =1234",
			"１２３         | express.volume.local | =123",
			"' 12 '         | express.volume.local | =12",
			"-0             | express.volume.local | =0",
			"-3             | express.volume.local | non-negative",
			"1.5            | express.volume.local | integer",
			"99.555         | green.ewaybill.rate  | decimals",
			"1.23456        | express.revenue      | digits",
			"12345.6789     | express.revenue      | =12345.6789",
			"abc            | express.volume.local | number",
			"'1,23'         | express.volume.local | thousands-separator",
			"¥12            | express.revenue      | currency",
			"12345678901234 | express.volume.local | =12345678901234" })
	void theFormTheApiAndTheSheetReadAValueAlike(String input, String code, String expected) throws Exception {
		String period = period();
		long id = draft(period);
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		boolean good = expected.startsWith("=");
		// the API
		reset(period, id, code);
		MockHttpServletResponse api = mvc.perform(post("/api/v1/statistics/reports").header("Authorization", TOKEN)
			.contentType("application/json")
			.content("{\"form\":\"monthly\",\"period\":\"" + period + "\",\"values\":{\"" + code + "\":\""
					+ input.replace("\"", "\\\"") + "\"},\"submit\":false}"))
			.andReturn().getResponse();
		String message = null;
		if (good) {
			assertThat(api.getStatus()).as("API %s", input).isEqualTo(200);
			assertThat(storedIn(id, code)).as("API %s", input).isEqualByComparingTo(expected.substring(1));
		}
		else {
			assertThat(api.getStatus()).as("API %s", input).isEqualTo(400);
			String body = api.getContentAsString();
			assertThat((String) JsonPath.read(body, "$.errors[0].field")).isEqualTo("values." + code);
			assertThat((String) JsonPath.read(body, "$.errors[0].rule")).as("API %s", input).isEqualTo(expected);
			assertThat((List<?>) JsonPath.read(body, "$.errors")).hasSize(1);
			message = JsonPath.read(body, "$.errors[0].message");
		}
		// the page's form (only this value: the form saves the whole draft)
		reset(period, id, code);
		MockHttpServletResponse form = mvc.perform(post("/enterprise/statistics/reports/" + id).session(sf).with(csrf())
			.param("action", "save").param("values." + code, input))
			.andReturn().getResponse();
		if (good) {
			assertThat(form.getStatus()).as("form %s", input).isEqualTo(302);
			assertThat(storedIn(id, code)).as("form %s", input).isEqualByComparingTo(expected.substring(1));
		}
		else {
			assertThat(form.getStatus()).as("form %s", input).isEqualTo(400);
			assertThat(form.getContentAsString()).as("form %s", input).contains(message);
			assertThat(storedIn(id, code)).isEqualByComparingTo("7");
		}
		// the uploaded sheet, the value typed into a text cell
		reset(period, id, code);
		MockHttpServletResponse sheet = upload(sf, id, sheet(List.of(code, "", "", input, "", "")));
		if (good) {
			assertThat(sheet.getStatus()).as("sheet %s", input).isEqualTo(302);
			assertThat(storedIn(id, code)).as("sheet %s", input).isEqualByComparingTo(expected.substring(1));
		}
		else {
			assertThat(sheet.getStatus()).as("sheet %s", input).isEqualTo(400);
			assertThat(sheet.getContentAsString()).as("sheet %s", input)
				.contains("第2行“本期数值”：" + message);
			assertThat(storedIn(id, code)).isEqualByComparingTo("7");
		}
	}

	/**
	 * A sheet's number cells are their stored values: 0.1+0.2 is 0.3 (Excel's 15 digits, not the double's noise), a
	 * number stored in exponent form is no typed notation (2400000), a cell shown as a percentage is that percentage
	 * for a rate and refused on a count (rule percent, as "99.5%" typed is), a 14-digit count exact.
	 */
	@Test
	void numberCellsAreReadAsStored() throws Exception {
		String period = period();
		long id = draft(period);
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		MockHttpServletResponse refused = upload(sf, id, sheet(
				List.of("express.volume.local", "", "", TypedWorkbook.format(0.995, "0.00%"), "", "")));
		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(refused.getContentAsString()).contains("第2行“本期数值”：快递业务量（同城）的单位是件，不能填百分数");
		MockHttpServletResponse taken = upload(sf, id, sheet(
				List.of("express.revenue", "", "", 0.1 + 0.2, "", ""),
				List.of("express.volume.intercity", "", "", 2.4e6, "", ""),
				List.of("green.ewaybill.rate", "", "", TypedWorkbook.format(0.995, "0.00%"), "", ""),
				List.of("express.volume.local", "", "", 12345678901234d, "", "")));
		assertThat(taken.getStatus()).as(taken.getContentAsString()).isEqualTo(302);
		assertThat(storedIn(id, "express.revenue")).isEqualByComparingTo("0.3");
		assertThat(storedIn(id, "express.volume.intercity")).isEqualByComparingTo("2400000");
		assertThat(storedIn(id, "green.ewaybill.rate")).isEqualByComparingTo("99.5");
		assertThat(storedIn(id, "express.volume.local")).isEqualByComparingTo("12345678901234");
	}

	/**
	 * A big value is exact end to end: 14-digit counts and 万元 with four decimals stored as sent, answered by the API
	 * as exact JSON numbers (never 1.2345678901234E13), written to the report sheet as numeric cells with the
	 * indicator's number format (text of the exact digits beyond the 15 a numeric cell holds), and the downloaded sheet
	 * uploaded again gives the same values.
	 */
	@Test
	void aBigValueIsExactInTheApiAndTheSheetAndTheSheetHoldsNumericCells() throws Exception {
		String period = period();
		long id = draft(period);
		mvc.perform(post("/api/v1/statistics/reports").header("Authorization", TOKEN).contentType("application/json")
			.content("{\"form\":\"monthly\",\"period\":\"" + period + "\",\"values\":{\"express.volume.local\":99999999999999,"
					+ "\"express.volume.international\":0,"
					+ "\"express.volume.intercity\":12345678901234,\"express.revenue\":99999999999999.9999,"
					+ "\"green.ewaybill.rate\":98.25},\"submit\":false}"))
			.andExpect(status().isOk());
		assertThat(storedIn(id, "express.volume.local")).isEqualByComparingTo("99999999999999");
		assertThat(storedIn(id, "express.revenue")).isEqualByComparingTo("99999999999999.9999");
		String json = mvc.perform(get("/api/v1/statistics/reports/" + id).header("Authorization", TOKEN))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(json).contains("\"express.volume.local\":99999999999999")
			.contains("\"express.volume.intercity\":12345678901234")
			.contains("\"express.revenue\":99999999999999.9999")
			// the derived sum, computed exactly
			.contains("\"express.volume\":112345678901233");
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		byte[] book = mvc.perform(get("/enterprise/statistics/reports/" + id + "/sheet.xlsx").session(sf))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(book))) {
			Sheet sheet = workbook.getSheetAt(0);
			Map<String, Row> rows = new java.util.HashMap<>();
			for (Row row : sheet) {
				if (row.getRowNum() > 0) {
					rows.put(row.getCell(0).getStringCellValue(), row);
				}
			}
			var intercity = rows.get("express.volume.intercity").getCell(3);
			assertThat(intercity.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(new BigDecimal(String.valueOf(intercity.getNumericCellValue()))).isEqualByComparingTo("12345678901234");
			assertThat(intercity.getCellStyle().getDataFormatString()).isEqualTo("#,##0");
			var rate = rows.get("green.ewaybill.rate").getCell(3);
			assertThat(rate.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(rate.getNumericCellValue()).isEqualTo(98.25);
			assertThat(rate.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
			// 18 significant digits: no numeric cell holds them, so the exact digits as text
			var revenue = rows.get("express.revenue").getCell(3);
			assertThat(revenue.getCellType()).isEqualTo(CellType.STRING);
			assertThat(revenue.getStringCellValue()).isEqualTo("99999999999999.9999");
		}
		// the sheet as downloaded, uploaded again: the same values
		jdbc.sql("UPDATE stat_report_value SET value = 1 WHERE report_id = :id").param("id", id).update();
		assertThat(upload(sf, id, book).getStatus()).isEqualTo(302);
		assertThat(storedIn(id, "express.volume.intercity")).isEqualByComparingTo("12345678901234");
		assertThat(storedIn(id, "express.volume.local")).isEqualByComparingTo("99999999999999");
		assertThat(storedIn(id, "express.revenue")).isEqualByComparingTo("99999999999999.9999");
		assertThat(storedIn(id, "green.ewaybill.rate")).isEqualByComparingTo("98.25");
	}

	/**
	 * A row with a 说明 and no value keeps the note (alone in the sheet too: it is no empty sheet); a row with a 说明
	 * and neither code nor value is refused naming its row — never dropped without a word.
	 */
	@Test
	void aRowWithOnlyANoteKeepsItOrIsRefusedNamingItsRow() throws Exception {
		String period = period();
		long id = draft(period);
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		assertThat(upload(sf, id, sheet(List.of("express.revenue", "", "", "", "本月新开两个网点", ""))).getStatus())
			.isEqualTo(302);
		assertThat(jdbc.sql("SELECT note FROM stat_report_value WHERE report_id = :id AND indicator_code = 'express.revenue'")
			.param("id", id).query(String.class).single()).isEqualTo("本月新开两个网点");
		assertThat(storedIn(id, "express.volume.local")).isEqualByComparingTo("1");
		MockHttpServletResponse refused = upload(sf, id, sheet(List.of("express.volume.local", "", "", 5, "", ""),
				List.of("", "", "", "", "春节前业务量增加", "")));
		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(refused.getContentAsString()).contains("第3行“指标代码”");
		assertThat(storedIn(id, "express.volume.local")).isEqualByComparingTo("1");
	}

	/**
	 * The analysis pages' {@code through} (截至月份) is refused as the other period parameters are: 400 naming it with
	 * a Chinese message — text, a month outside 1–12, a month not ended — never a 500 nor ignored.
	 */
	@Test
	void throughIsRefusedAsEveryPeriodParameterIs() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "sz.market");
		List<String> answers = new ArrayList<>();
		for (String through : new String[] { "abc", "13", "0", "-1", "1.5", "٣" }) {
			for (String path : new String[] { "/statistics", "/statistics/export/trend.xlsx", "/statistics/bulletin.docx" }) {
				MockHttpServletResponse answer = mvc.perform(get(path).session(staff).param("year", "2025")
					.param("through", through)).andReturn().getResponse();
				answers.add(path + "?through=" + through + " → " + answer.getStatus());
				assertThat(answer.getStatus()).as(path + " through=" + through).isEqualTo(400);
				assertThat(answer.getContentAsString()).as(path + " through=" + through).contains("截至月份");
			}
		}
		mvc.perform(get("/statistics").session(staff).param("year", "2025").param("through", "6"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("1–6月")));
	}
}
