package org.youguan.inspections;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.youguan.inspections.InspectionImportIntegrationTest.HEADERS;
import static org.youguan.inspections.InspectionImportIntegrationTest.book;
import static org.youguan.inspections.InspectionImportIntegrationTest.row;

/**
 * The inspection figures of a half-year against values computed by hand, on inspections recorded through the
 * migration API and the .xlsx import alike (the only inspections of 2018: the demo city's are of this year): the
 * stable figures, re-inspections, inspections by item and outcome on the page and in its .xlsx; and the region scope
 * — a county cannot ask for another county's figures (403 on the API, the page and the export).
 */
@IntegrationTest
class InspectionFiguresIntegrationTest {

	static final String WUZHONG = "Bearer demo-wz-staff-token";

	static final String CITY = "Bearer demo-sz-admin-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	Enterprises enterprises;

	@Autowired
	JdbcClient jdbc;

	static String certificate() {
		return "FIG" + UUID.randomUUID().toString().substring(0, 10);
	}

	void api(String code, String day, String kind, String items, String outcome, String findings) throws Exception {
		mvc.perform(post("/api/v1/inspections/records").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"enterpriseCreditCode":"%s","inspectedOn":"%s","kind":"%s","items":%s,
					 "inspectors":[{"name":"甲","certificateNumber":"%s"},{"name":"乙","certificateNumber":"%s"}],
					 "outcome":"%s","findings":%s,"rectification":null}"""
				.formatted(code, day, kind, items, certificate(), certificate(), outcome, findings)))
			.andExpect(status().isCreated());
	}

	String figures(String token, String region) throws Exception {
		return mvc.perform(get("/api/v1/inspections/figures").header("Authorization", token)
			.param("region", region).param("from", "2018-01-01").param("to", "2018-06-30"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}

	static long n(String json, String field) {
		return ((Number) JsonPath.read(json, "$." + field)).longValue();
	}

	@Test
	void theHalfYearsFiguresAreTheHandComputedOnesAndACountySeesOnlyItsOwn() throws Exception {
		List<EnterpriseView> wuzhong = enterprises.list(DataScope.region("320506"), Enterprises.Filter.NONE,
				PageQuery.of(null, 0, 5, null, null)).items();
		String a = wuzhong.get(0).creditCode();
		String b = wuzhong.get(1).creditCode();
		String onTime = "吴邮管责改〔2018〕T" + UUID.randomUUID().toString().substring(0, 6);
		String overdue = "吴邮管责改〔2018〕T" + UUID.randomUUID().toString().substring(0, 6);
		// through the API: R1 a NONE (实名收寄, 过机安检), R4 b LEAD (投诉处理), R6 a INTERVIEW (实名收寄), and one in July
		api(a, "2018-02-01", "SPECIAL", "[\"REAL_NAME\",\"SCREENING\"]", "NONE", "null");
		api(b, "2018-05-01", "COMPLAINT", "[\"COMPLAINT\"]", "LEAD", "\"拒不整改\"");
		api(a, "2018-06-01", "SPECIAL", "[\"REAL_NAME\"]", "INTERVIEW", "\"登记不全\"");
		api(b, "2018-07-01", "SPECIAL", "[\"REAL_NAME\"]", "NONE", "null");
		// through the import: R2 a, a team of three, an order rectified in time; R3 b, an order never rectified
		byte[] sheet = book(List.of(HEADERS), List.of(
				row(a, LocalDate.of(2018, 3, 1), "督导检查", "实名收寄", "丙", certificate(), "丁", certificate(), "戊", certificate(),
						"责令改正", "实名登记不全", null, onTime, LocalDate.of(2018, 3, 1), LocalDate.of(2018, 3, 15),
						LocalDate.of(2018, 3, 10)),
				row(b, LocalDate.of(2018, 4, 1), "专项检查", "过机安检", "丙", certificate(), "丁", certificate(), null, null, "责令改正",
						"安检机未开启", null, overdue, LocalDate.of(2018, 4, 1), LocalDate.of(2018, 4, 10), null)),
				0);
		mvc.perform(multipart("/api/v1/inspections/records/import")
			.file(new MockMultipartFile("file", "历史.xlsx", "application/octet-stream", sheet)).header("Authorization", WUZHONG))
			.andExpect(status().isCreated());
		long order = jdbc.sql("SELECT id FROM rectification_order WHERE number = :n").param("n", overdue).query(Long.class).single();
		mvc.perform(post("/api/v1/inspections/orders/" + order + "/reinspection").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content("{\"on\":\"2018-04-08\"}"))
			.andExpect(status().isOk());

		// by hand: enterprises a and b; 2 + 3 + 2 + 2 + 2 inspector-visits; five inspections in the half-year; two orders,
		// one rectified by its deadline, one overdue with a 复查 scheduled but never done (no re-inspection); one lead
		for (String json : List.of(figures(WUZHONG, "320506"), figures(CITY, "3205"))) {
			assertThat(n(json, "inspectedEnterprises")).isEqualTo(2);
			assertThat(n(json, "inspectorVisits")).isEqualTo(11);
			assertThat(n(json, "inspections")).isEqualTo(5);
			assertThat(n(json, "rectificationOrders")).isEqualTo(2);
			assertThat(n(json, "rectifiedOnTime")).isEqualTo(1);
			assertThat(n(json, "overdueOrders")).isEqualTo(1);
			assertThat(n(json, "reinspections")).isZero();
			assertThat(n(json, "leads")).isEqualTo(1);
		}
		assertThat(n(figures("Bearer demo-xc-staff-token", "320507"), "inspections")).isZero();

		// by item and outcome: 实名收寄 R1 无问题, R2 责令改正, R6 约谈; 过机安检 R1 无问题, R3 责令改正; 投诉处理 R4 立案线索
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		String page = mvc.perform(get("/inspections/figures").session(staff).param("region", "320506")
			.param("from", "2018-01-01").param("to", "2018-06-30"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"inspections\">5<", "id=\"reinspections\">0<", "id=\"overdue-orders\">1<");
		var download = mvc.perform(get("/inspections/figures.xlsx").session(staff).param("region", "320506")
			.param("from", "2018-01-01").param("to", "2018-06-30"))
			.andExpect(status().isOk())
			.andReturn().getResponse();
		// the file names the area by its name, not its code (exports2 finding 1); its days ISO as file names keep them
		assertThat(org.springframework.http.ContentDisposition.parse(download.getHeader("Content-Disposition")).getFilename())
			.isEqualTo("检查统计-江苏省苏州市吴中区-2018-01-01至2018-06-30.xlsx");
		byte[] xlsx = download.getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet s = book.getSheetAt(0);
			assertThat(line(s.getRow(0))).containsExactly("检查统计（江苏省苏州市吴中区，2018年1月1日至2018年6月30日）", "检查事项", "检查（次）", "无问题", "约谈", "责令改正", "立案线索");
			assertThat(line(s.getRow(1))).containsExactly("REAL_NAME", "实名收寄", "3", "1", "1", "1", "0");
			assertThat(line(s.getRow(2))).containsExactly("SCREENING", "过机安检", "2", "1", "0", "1", "0");
			assertThat(line(s.getRow(3))).containsExactly("COMPLAINT", "投诉处理", "1", "0", "0", "0", "1");
			assertThat(line(s.getRow(4))).containsExactly("", "全部检查", "5", "1", "1", "2", "1");
			assertThat(s.getLastRowNum()).isEqualTo(4);
			// the counts whose header names no unit (无问题 … 立案线索) are formatted as 检查（次） is
			for (int c = 2; c < 7; c++) {
				assertThat(s.getRow(1).getCell(c).getCellStyle().getDataFormatString()).as(s.getRow(0).getCell(c).toString())
					.isEqualTo("#,##0");
			}
		}

		mvc.perform(get("/api/v1/inspections/figures/items").header("Authorization", WUZHONG).param("region", "320506")
			.param("from", "2018-01-01").param("to", "2018-06-30"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].code").value("REAL_NAME"))
			.andExpect(jsonPath("$[0].inspections").value(3))
			.andExpect(jsonPath("$[3].name").value("全部检查"))
			.andExpect(jsonPath("$[3].rectification").value(2));

		// a county asks for another county: refused on the API, the page and the export
		mvc.perform(get("/api/v1/inspections/figures").header("Authorization", WUZHONG).param("region", "320507"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/inspections/figures/items").header("Authorization", WUZHONG).param("region", "320507"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/inspections/figures").session(staff).param("region", "320507")).andExpect(status().isForbidden());
		mvc.perform(get("/inspections/figures.xlsx").session(staff).param("region", "320507")).andExpect(status().isForbidden());
		mvc.perform(get("/inspections/figures").session(staff).param("region", "3205")).andExpect(status().isForbidden());
		// a region is digits, whoever asks: a LIKE pattern is a 400, not a wider region
		mvc.perform(get("/api/v1/inspections/figures").header("Authorization", "Bearer demo-sys-admin-token")
			.param("region", "32%"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("region"));
		// leaders read figures
		mvc.perform(get("/inspections/figures").session(SignIn.session(mvc, "sz.leader")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"by-item\"")));
	}

	@Autowired
	MutableClock clock;

	String wuzhongFigures(String from, String to) throws Exception {
		return mvc.perform(get("/api/v1/inspections/figures").header("Authorization", WUZHONG)
			.param("region", "320506").param("from", from).param("to", to))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}

	/**
	 * 复查（次） counts the re-inspections done — a 复查 result recorded — in the period, by the day recorded: one
	 * scheduled in June and done in July is not June's half-year's but July's.
	 */
	@Test
	void reinspectionsAreThoseDoneInThePeriodNotThoseScheduled() throws Exception {
		String b = enterprises.list(DataScope.region("320506"), Enterprises.Filter.NONE, PageQuery.of(null, 0, 5, null, null))
			.items().get(1).creditCode();
		String number = "吴邮管责改〔2016〕R" + UUID.randomUUID().toString().substring(0, 6);
		byte[] sheet = book(List.of(HEADERS), List.of(row(b, LocalDate.of(2016, 6, 1), "专项检查", "过机安检", "丙",
				certificate(), "丁", certificate(), null, null, "责令改正", "安检机未开启", null, number,
				LocalDate.of(2016, 6, 1), LocalDate.of(2016, 6, 30), null)), 0);
		mvc.perform(multipart("/api/v1/inspections/records/import")
			.file(new MockMultipartFile("file", "历史.xlsx", "application/octet-stream", sheet)).header("Authorization", WUZHONG))
			.andExpect(status().isCreated());
		long order = jdbc.sql("SELECT id FROM rectification_order WHERE number = :n").param("n", number).query(Long.class).single();
		long firstHalf = n(wuzhongFigures("2016-01-01", "2016-06-30"), "reinspections");
		long secondHalf = n(wuzhongFigures("2016-07-01", "2016-12-31"), "reinspections");
		mvc.perform(post("/api/v1/inspections/orders/" + order + "/reinspection").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content("{\"on\":\"2016-06-20\"}"))
			.andExpect(status().isOk());
		assertThat(n(wuzhongFigures("2016-01-01", "2016-06-30"), "reinspections")).isEqualTo(firstHalf);
		try {
			clock.set(LocalDateTime.of(2016, 7, 5, 10, 0));
			mvc.perform(post("/api/v1/inspections/orders/" + order + "/reinspection/result").header("Authorization", WUZHONG)
				.contentType(MediaType.APPLICATION_JSON).content("{\"result\":\"RECTIFIED\"}"))
				.andExpect(status().isOk());
		}
		finally {
			clock.reset();
		}
		assertThat(n(wuzhongFigures("2016-01-01", "2016-06-30"), "reinspections")).isEqualTo(firstHalf);
		assertThat(n(wuzhongFigures("2016-07-01", "2016-12-31"), "reinspections")).isEqualTo(secondHalf + 1);
	}

	static List<String> line(Row row) {
		List<String> cells = new ArrayList<>();
		for (int c = 0; c < 7; c++) {
			var cell = row.getCell(c);
			cells.add(cell == null ? "" : switch (cell.getCellType()) {
				case NUMERIC -> String.valueOf((long) cell.getNumericCellValue());
				case STRING -> cell.getStringCellValue();
				default -> "";
			});
		}
		return cells;
	}
}
