package org.youguan;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ContentDisposition;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.youguan.audit.SignInLog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * exports4: every export names its file in the reader's language with the place it covers in full and, for figures,
 * the period (处罚统计-江苏省苏州市-2026-01-01至2026-06-30.xlsx; "…-2026-01-01 to 2026-06-30.xlsx" in English); a figures
 * sheet's title names the area in full and the period (never a bare region code); an English export's own words in
 * its cells (按时, 迟报, the inspected party's type, the credit class, 检查记录35, sign-in reasons and browsers) are
 * English. Read back from the downloaded .xlsx with POI, the file name from Content-Disposition (RFC 5987 filename*).
 */
@IntegrationTest
class ExportNamesIntegrationTest {

	private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	/** Accounts of 苏州 (its city's bureau) tried in turn for an export: the first the export admits. */
	private static final List<String> CITY = List.of("sz.leader", "sz.admin", "sz.office", "sz.market", "sz.universal");

	@Autowired
	MockMvc mvc;

	@Autowired
	SignInLog signIns;

	private final Map<String, MockHttpSession> sessions = new LinkedHashMap<>();

	@Test
	void figuresExportsNameTheirAreaAndPeriodInTheFileAndTheTitle() throws Exception {
		String days = "region=3205&from=2026-01-01&to=2026-06-30";
		for (String words : List.of("/enforcement/figures.xlsx|处罚统计", "/inspections/figures.xlsx|检查统计",
				"/licensing/figures.xlsx|许可统计", "/filing/metrics.xlsx|备案统计")) {
			String path = words.split("\\|")[0] + "?" + days;
			String chinese = words.split("\\|")[1];
			Download zh = download(path, false);
			assertThat(zh.fileName()).as(path).isEqualTo(chinese + "-江苏省苏州市-2026-01-01至2026-06-30.xlsx");
			// the title names the city in full, never its code 3205 (licensing read 许可统计（3205，…）)
			assertThat(zh.rows().get(0).get(0)).as(path).isEqualTo(chinese + "（江苏省苏州市，2026年1月1日至2026年6月30日）");
			Download en = download(path, true);
			assertThat(en.fileName()).as(path).matches("[^\\p{IsHan}]+-江苏省苏州市-2026-01-01 to 2026-06-30\\.xlsx");
			assertThat(en.rows().get(0).get(0)).as(path).matches("[^\\p{IsHan}]+ \\(江苏省苏州市, 2026-01-01 to 2026-06-30\\)");
		}
		// complaints by county: its dimension in the reader's words (an English slug named the Chinese file), the months
		String months = "/complaints/figures/county.xlsx?region=3205&from=2026-01&to=2026-06";
		Download zh = download(months, false);
		assertThat(zh.fileName()).isEqualTo("申诉统计按县区-江苏省苏州市-2026-01至2026-06.xlsx");
		assertThat(zh.rows().get(0).get(0)).isEqualTo("申诉统计按县区（江苏省苏州市，2026年1月至2026年6月）");
		Download en = download(months, true);
		assertThat(en.fileName()).isEqualTo("Complaint figures by county-江苏省苏州市-2026-01 to 2026-06.xlsx");
		assertThat(en.rows().get(0).get(0)).isEqualTo("Complaint figures by county (江苏省苏州市, 2026-01 to 2026-06)");
		// the statistics trend: a city's and a county's no longer share one title
		String trend = "/statistics/export/trend.xlsx?indicator=express.volume&year=2025&through=12&region=";
		Download city = download(trend + "3205", false);
		Download county = download(trend + "320506", false);
		assertThat(city.fileName()).startsWith("月度走势-").endsWith("-江苏省苏州市-2025-01至2025-12.xlsx");
		assertThat(county.fileName()).endsWith("-江苏省苏州市吴中区-2025-01至2025-12.xlsx");
		assertThat(city.rows().get(0).get(0)).endsWith("，江苏省苏州市，2025年1月至2025年12月）");
		assertThat(county.rows().get(0).get(0)).endsWith("，江苏省苏州市吴中区，2025年1月至2025年12月）");
		Download english = download(trend + "3205", true);
		assertThat(english.fileName()).startsWith("Monthly trend-").endsWith("-江苏省苏州市-2025-01 to 2025-12.xlsx");
	}

	@Test
	void listExportsNameTheirPlaceAndEveryOwnWordInTheReadersLanguage() throws Exception {
		Download zh = download("/registry/enterprises/export.xlsx", false);
		assertThat(zh.fileName()).isEqualTo("企业-江苏省苏州市.xlsx");
		assertThat(download("/registry/enterprises/export.xlsx", true).fileName()).isEqualTo("Enterprises-江苏省苏州市.xlsx");
		// the outstanding annual reports: the year kept, the sheet's name whole (it read "Annual reports late or missing ")
		Download outstanding = download("/licensing/annual-reports/outstanding.xlsx?year=2025", true);
		assertThat(outstanding.fileName()).isEqualTo("Annual reports overdue-2025-江苏省苏州市.xlsx");
		assertThat(outstanding.sheetName()).isEqualTo("2025 annual reports overdue");
		assertThat(download("/licensing/annual-reports/outstanding.xlsx?year=2025", false).fileName())
			.isEqualTo("年度报告逾期未报名单-2025-江苏省苏州市.xlsx");
		// the reporting status: words first (it read 邮政行业运行情况月报2026-11报送情况.xlsx in English too)
		Download completeness = download("/statistics/completeness/export.xlsx", true);
		assertThat(completeness.fileName()).startsWith("Reporting status-").endsWith("-江苏省苏州市.xlsx");
		// the reports' list names each report's place in full beside its code
		Download reports = download("/statistics/reports/export.xlsx", false);
		int place = reports.rows().get(0).indexOf("所在地");
		int code = reports.rows().get(0).indexOf("行政区划代码");
		assertThat(place).isNotNegative();
		for (List<String> row : reports.rows().subList(1, reports.rows().size())) {
			assertThat(row.get(place)).startsWith("江苏省苏州市");
			assertThat(row.get(code)).startsWith("3205");
		}

		// an export's own words, by the Chinese export's header, read in English without a Han character
		Map<String, String> words = new LinkedHashMap<>();
		words.put("/statistics/completeness/export.xlsx", "按时");
		words.put("/statistics/reports/export.xlsx", "按时");
		words.put("/inspections/objects/export.xlsx", "信用等级");
		words.put("/inspections/records.xlsx", "检查对象类型");
		words.put("/universal/checks/export.xlsx", "执法检查记录");
		List<String> faults = new ArrayList<>();
		int read = 0;
		for (Map.Entry<String, String> w : words.entrySet()) {
			int column = download(w.getKey(), false).rows().get(0).indexOf(w.getValue());
			assertThat(column).as(w.getKey()).isNotNegative();
			List<List<String>> rows = download(w.getKey(), true).rows();
			for (List<String> row : rows.subList(1, rows.size())) {
				String cell = column < row.size() ? row.get(column) : "";
				read += cell.isEmpty() ? 0 : 1;
				if (HAN.matcher(cell).find()) {
					faults.add(w.getKey() + ": " + w.getValue() + " reads " + cell);
				}
			}
		}
		assertThat(faults).isEmpty();
		assertThat(read).as("words the demo's exports hold").isGreaterThan(5);
	}

	@Test
	void theSignInLogsExportWordsItsReasonsAndBrowsersInEnglish() throws Exception {
		String name = "exp4" + UUID.randomUUID().toString().substring(0, 8);
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("User-Agent", "python-requests/2.31.0");
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		try {
			signIns.recordKnown(name, 987654321L, "导出测试", "3205", SignInLog.Result.FAILURE,
					"密码错误，连续失败5次，账号锁定30分钟");
		}
		finally {
			RequestContextHolder.resetRequestAttributes();
		}
		String path = "/admin/signins/export.xlsx?q=" + name;
		List<String> chinese = download(path, false).rows().get(1);
		assertThat(chinese).contains("密码错误，连续失败5次，账号锁定30分钟", "python-requests · 其他");
		List<String> english = download(path, true).rows().get(1);
		assertThat(english).contains("Wrong password; 5 failures in a row, account locked for 30 minutes",
				"python-requests · Other");
		assertThat(english).filteredOn(c -> !c.equals("导出测试")).noneMatch(c -> HAN.matcher(c).find());
	}

	/** A downloaded workbook: its file name and its first sheet's name and rows as shown. */
	record Download(String fileName, String sheetName, List<List<String>> rows) {
	}

	/** The export at {@code path} for the first account of 苏州 it admits, in Chinese or in English. */
	private Download download(String path, boolean english) throws Exception {
		for (String account : CITY) {
			MockHttpSession session = sessions.get(account);
			if (session == null) {
				session = SignIn.session(mvc, account);
				sessions.put(account, session);
			}
			var call = get(path).session(session);
			MockHttpServletResponse file = mvc.perform(english ? call.param("lang", "en") : call.param("lang", "zh"))
				.andReturn().getResponse();
			if (file.getStatus() == 200) {
				String disposition = file.getHeader("Content-Disposition");
				assertThat(disposition).as(path).contains("filename*=UTF-8''");
				try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.getContentAsByteArray()))) {
					DataFormatter format = new DataFormatter();
					List<List<String>> rows = new ArrayList<>();
					for (Row row : book.getSheetAt(0)) {
						List<String> cells = new ArrayList<>();
						for (int c = 0; c < row.getLastCellNum(); c++) {
							cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
						}
						rows.add(cells);
					}
					return new Download(ContentDisposition.parse(disposition).getFilename(), book.getSheetName(0), rows);
				}
			}
		}
		throw new AssertionError(path + ": no account of 苏州 may export");
	}
}
