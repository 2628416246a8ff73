package org.youguan.statistics;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.platform.ChinaTime;
import org.youguan.statistics.internal.Coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attack 5: one rule for every output of a growth or share. The bulletin wrote 不可比 where regions.xlsx wrote 6.07
 * beside 「数据不完整：2026-11 已审核5/8家」: a growth whose period or last year's is incomplete, and a share of an
 * incomplete total, is no number in the .xlsx, the .docx or the API (null, complete false); the caveat writes its
 * month as 2026年11月; a last year without any figure is said once (上年同期无数据), not as 已审核0/81家.
 */
@IntegrationTest
class IncompleteGrowthOutputsIntegrationTest {

	@Autowired
	Coverage coverage;

	@Autowired
	Analysis analysis;

	@Autowired
	Indicators indicators;

	@Autowired
	MockMvc mvc;

	@Autowired
	ReportForms forms;

	@Autowired
	MutableClock clock;

	YearMonth open;

	MockHttpSession leader;

	@BeforeEach
	void theMonthBeingReported() throws Exception {
		clock.set(LocalDateTime.now(ChinaTime.ZONE));
		open = forms.currentPeriod(forms.byCode("monthly")).first();
		leader = SignIn.session(mvc, "sz.leader");
	}

	@Test
	void theRegionsExportWritesNoGrowthNorShareFromIncompleteData() throws Exception {
		Slice slice = new Slice("3205", null, YearMonth.of(open.getYear(), 1), open);
		assertThat(coverage.of(indicators.get("express.volume"), slice).complete()).as("the month being reported").isFalse();
		try (XSSFWorkbook book = xlsx("regions")) {
			// 排名 first, as the page's table (Analysis#ranked), then 名称, the figures, growth, share and the caveat
			Sheet sheet = book.getSheetAt(0);
			int notComparable = 0;
			for (int i = 1; i <= sheet.getLastRowNum(); i++) {
				Row row = sheet.getRow(i);
				String caveat = text(row.getCell(6));
				assertThat(caveat).as("the month as 2026年11月").doesNotContainPattern("\\d{4}-\\d{2}");
				if (caveat.startsWith("数据不完整")) {
					assertThat(caveat).matches("数据不完整：\\d{4}年\\d{1,2}月已审核\\d+/\\d+家");
					if (row.getCell(3) != null && row.getCell(3).getCellType() == CellType.NUMERIC) {
						// both years have figures: 不可比 where a number stood
						assertThat(row.getCell(4).getCellType()).as(text(row.getCell(1))).isEqualTo(CellType.STRING);
						assertThat(text(row.getCell(4))).isEqualTo("不可比");
						notComparable++;
					}
				}
				if (row.getCell(2) != null && row.getCell(2).getCellType() == CellType.NUMERIC) {
					// the city's total is incomplete: no county's share of it
					assertThat(text(row.getCell(5))).as(text(row.getCell(1))).isEqualTo("不可比");
				}
			}
			assertThat(notComparable).as("吴中 misses the demo enterprise's report").isPositive();
		}
		try (XSSFWorkbook book = xlsx("trend")) {
			Sheet sheet = book.getSheetAt(0);
			Row month = sheet.getRow(open.getMonthValue());
			assertThat(text(month.getCell(0))).isEqualTo(open.toString());
			assertThat(text(month.getCell(3))).isEqualTo("不可比");
			assertThat(text(month.getCell(4))).startsWith("数据不完整：" + StatisticsCompletenessIntegrationTest.words(open) + "已审核");
		}
		try (XSSFWorkbook book = xlsx("composition")) {
			Sheet sheet = book.getSheetAt(0);
			for (int i = 1; i <= sheet.getLastRowNum(); i++) {
				assertThat(text(sheet.getRow(i).getCell(4))).isEqualTo("不可比");
				assertThat(text(sheet.getRow(i).getCell(5))).isEqualTo("不可比");
			}
		}
	}

	/**
	 * Finding (the page ranked what the bulletin did not): the page's 分地区排名 numbered every row 1–10 (昆山市 2 with
	 * 5/8 approved) where the bulletin ranks only the complete ones. One rule (Analysis#ranked) for the page's table,
	 * regions.xlsx (排名) and the bulletin's 业务量排名: a row whose period is incomplete is "—" in all three.
	 */
	@Test
	void thePageTheExportAndTheBulletinRankTheSameRegionsByOneRule() throws Exception {
		List<Analysis.Row> rows = analysis.byRegion(indicators.get("express.volume"),
				new Slice("3205", null, YearMonth.of(open.getYear(), 1), open));
		assertThat(rows).as("a county with a figure and an incomplete month").anyMatch(r -> r.value() != null && !r.rankable());
		Map<String, String> expected = new LinkedHashMap<>();
		int place = 0;
		boolean ranks = rows.stream().filter(Analysis.Row::rankable).count() >= 2;
		for (Analysis.Row r : rows) {
			expected.put(r.name(), ranks && r.rankable() ? String.valueOf(++place) : "—");
		}
		String html = mvc.perform(get("/statistics").session(leader).param("indicator", "express.volume")
			.param("region", "3205").param("year", String.valueOf(open.getYear()))
			.param("through", String.valueOf(open.getMonthValue())))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		String table = html.substring(html.indexOf("id=\"table-regions\""));
		table = table.substring(0, table.indexOf("</table>"));
		Map<String, String> page = new LinkedHashMap<>();
		Matcher cells = Pattern.compile("<tr><td>([^<]*)</td><td>([^<]*)</td>").matcher(table);
		while (cells.find()) {
			page.put(cells.group(2), cells.group(1));
		}
		assertThat(page).as("the page's table").containsExactlyEntriesOf(expected);
		Map<String, String> sheet = new LinkedHashMap<>();
		try (XSSFWorkbook book = xlsx("regions")) {
			Sheet s = book.getSheetAt(0);
			assertThat(text(s.getRow(0).getCell(0))).isEqualTo("排名");
			for (int i = 1; i <= s.getLastRowNum(); i++) {
				Cell rank = s.getRow(i).getCell(0);
				sheet.put(text(s.getRow(i).getCell(1)), rank.getCellType() == CellType.NUMERIC
						? String.valueOf((int) rank.getNumericCellValue()) : rank.getStringCellValue());
			}
		}
		assertThat(sheet).as("regions.xlsx").containsExactlyEntriesOf(expected);
		Map<String, String> bulletin = new LinkedHashMap<>();
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bulletin(open.getYear(), open.getMonthValue())))) {
			for (XWPFTable t : doc.getTables()) {
				for (XWPFTableRow r : t.getRows()) {
					String name = r.getCell(0).getText();
					if (expected.containsKey(name)) {
						bulletin.put(name, r.getCell(r.getTableCells().size() - 1).getText());
					}
				}
			}
		}
		assertThat(bulletin).as("the bulletin's 业务量排名").containsExactlyEntriesOf(expected);
	}

	@Test
	void theApiAnswersNoGrowthForIncompleteData() throws Exception {
		mvc.perform(get("/api/v1/statistics/aggregate").header("Authorization", "Bearer demo-sz-market-token")
			.param("indicator", "express.volume").param("region", "3205").param("from", open.toString())
			.param("to", open.toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.complete").value(false))
			.andExpect(jsonPath("$.value").isNumber())
			.andExpect(jsonPath("$.previousYearValue").isNumber())
			.andExpect(jsonPath("$.growth").doesNotExist())
			.andExpect(jsonPath("$.caveat").value(org.hamcrest.Matchers.startsWith("数据不完整："
					+ StatisticsCompletenessIntegrationTest.words(open) + "已审核")));
	}

	@Test
	void theBulletinHasNoSubtitleAndWritesTheCaveatsMonthAsADocumentDoes() throws Exception {
		String xml = documentXml(bulletin(open.getYear(), open.getMonthValue()));
		String title = open.getYear() + "年" + (open.getMonthValue() == 1 ? "1月" : "1–" + open.getMonthValue() + "月");
		assertThat(xml).contains(title).doesNotContain("（" + title + "）")
			.containsPattern("数据不完整：\\d{4}年\\d{1,2}月已审核").doesNotContainPattern("\\d{4}-\\d{2} ?已审核")
			.contains("业务量排名");
	}

	/**
	 * 2024's last year (2023) has no figure at all: the sentences say 上年同期无数据 and nothing else says 已审核0/81家,
	 * nor a growth 不可比 where there is nothing to compare (the bulletin's sentences, the export's growth column).
	 */
	@Test
	void aLastYearWithoutAnyFigureIsSaidOnce() throws Exception {
		int year = open.getYear() - 2;
		String xml = documentXml(bulletin(year, 10));
		// no growth is 不可比 without last year's figure; a county's share may be (other tests' units can leave one
		// county's period incomplete while the city's stays above the completeness share), so only growths are checked
		assertThat(xml).contains("上年同期无数据").doesNotContain("已审核0/").doesNotContain("同比不可比");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(mvc.perform(get("/statistics/export/regions.xlsx")
			.session(leader).param("indicator", "express.volume").param("year", String.valueOf(year)).param("through", "10"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()))) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isPositive();
			for (int i = 1; i <= sheet.getLastRowNum(); i++) {
				assertThat(text(sheet.getRow(i).getCell(6))).doesNotContain("已审核0/");
				assertThat(text(sheet.getRow(i).getCell(4))).isNotEqualTo("不可比");
			}
		}
	}

	private byte[] bulletin(int year, int through) throws Exception {
		return mvc.perform(get("/statistics/bulletin.docx").session(leader).param("year", String.valueOf(year))
			.param("through", String.valueOf(through)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
	}

	private XSSFWorkbook xlsx(String view) throws Exception {
		return new XSSFWorkbook(new ByteArrayInputStream(mvc.perform(get("/statistics/export/" + view + ".xlsx")
			.session(leader).param("indicator", "express.volume").param("region", "3205")
			.param("year", String.valueOf(open.getYear())).param("through", String.valueOf(open.getMonthValue())))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()));
	}

	private static String text(Cell cell) {
		return cell == null ? "" : cell.getCellType() == CellType.NUMERIC ? String.valueOf(cell.getNumericCellValue())
				: cell.getStringCellValue();
	}

	/** The .docx's word/document.xml as it is stored. */
	static String documentXml(byte[] docx) throws IOException {
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
			for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
				if (e.getName().equals("word/document.xml")) {
					return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
				}
			}
		}
		throw new AssertionError("no word/document.xml");
	}
}
