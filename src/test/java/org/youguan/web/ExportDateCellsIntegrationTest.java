package org.youguan.web;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.ExportedRows;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every module's list export holds its dates and times as date cells (a clerk sorts and filters them as dates in
 * Excel or WPS), shown in a Chinese format — {@code 2026-03-05}, {@code 2026-03-05 14:30:00}, a provisional due date
 * {@code 2027-01-18（暂定）} — and its amounts and counts as numeric cells, while personal numbers stay masked as in the
 * lists. Each export is read back with POI: cell type, date format and value.
 */
@IntegrationTest
class ExportDateCellsIntegrationTest {

	/** How a date or a date-time cell shows: the day, the time to the second, the 暂定 mark. */
	private static final String SHOWN = "\\d{4}-\\d{2}-\\d{2}( \\d{2}:\\d{2}:\\d{2})?(（暂定）)?";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest(name = "{0}: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			registry    | /registry/outlets/export.xlsx          | 开办日期
			licensing   | /licensing/applications/export.xlsx    | 收到日期
			enforcement | /enforcement/cases/export.xlsx         | 立案日期
			enforcement | /enforcement/cases/export.xlsx         | 决定期限
			inspections | /inspections/records.xlsx              | 检查日期
			inspections | /inspections/plans/export.xlsx         | 公示时间
			complaints  | /complaints/export.xlsx                | 收到日期
			complaints  | /complaints/export.xlsx                | 答复期限
			filing      | /filing/export.xlsx                    | 提交日期
			safety      | /safety/hazards/export.xlsx            | 发现日期
			universal   | /universal/checks/export.xlsx          | 检查日期
			credit      | /credit/entries/export.xlsx            | 日期
			statistics  | /statistics/reports/export.xlsx        | 报送时间
			audit       | /admin/audit/export.xlsx               | 时间
			org         | /admin/users/export.xlsx               | 创建时间
			""")
	void datesAreDateCells(String module, String path, String header) throws Exception {
		List<Cell> cells = column(sheet("sz.admin", path), header);
		assertThat(cells).as(module + " " + path + " has dated rows").isNotEmpty();
		for (Cell cell : cells) {
			assertThat(ExportedRows.isDate(cell)).as(path + " " + header + " " + cell).isTrue();
			assertThat(cell.getLocalDateTimeCellValue().getYear()).isBetween(1990, 2100);
			assertThat(ExportedRows.shown(cell)).matches(SHOWN);
		}
	}

	/** The work plan's tasks (完成时限) and the annual reports outstanding (报送期限) were written as text by their own code. */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			workplans | 完成时限
			licensing | 报送期限
			""")
	void theExportsThatFormattedTheirOwnDatesWriteDateCells(String module, String header) throws Exception {
		String path = module.equals("workplans")
				? "/workplans/" + jdbc.sql("""
						SELECT p.id FROM work_plan p WHERE p.region_code = '3205'
						    AND EXISTS (SELECT 1 FROM work_task t WHERE t.plan_id = p.id)
						ORDER BY p.id LIMIT 1""").query(Long.class).single() + "/export.xlsx"
				: "/licensing/annual-reports/outstanding.xlsx";
		List<Cell> cells = column(sheet("sz.admin", path), header);
		assertThat(cells).as(path).isNotEmpty();
		for (Cell cell : cells) {
			assertThat(ExportedRows.isDate(cell)).as(path + " " + header).isTrue();
			assertThat(ExportedRows.shown(cell)).matches(SHOWN);
		}
	}

	/** Amounts in yuan and counts are numeric cells, never dates. */
	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			/enforcement/figures.xlsx            | 罚款（元）
			/licensing/annual-reports/export.xlsx | 业务收入（元）
			/complaints/figures/brand.xlsx       | 申诉件数
			/admin/bureaus/export.xlsx           | 用户数
			/registry/outlets/export.xlsx        | 场地面积（㎡）
			""")
	void amountsAndCountsAreNumericCells(String path, String header) throws Exception {
		List<Cell> cells = column(sheet("sz.admin", path), header);
		assertThat(cells).as(path).isNotEmpty();
		assertThat(cells).allSatisfy(cell -> {
			assertThat(cell.getCellType()).as(path + " " + header).isEqualTo(CellType.NUMERIC);
			assertThat(DateUtil.isCellDateFormatted(cell)).isFalse();
		});
	}

	/** The filer's phone stays masked in the complaints' export, as the list shows it. */
	@Test
	void personalNumbersStayMasked() throws Exception {
		List<String> phones = column(sheet("sz.admin", "/complaints/export.xlsx"), "申诉人电话").stream()
			.map(ExportedRows::shown)
			.toList();
		assertThat(phones).isNotEmpty().allSatisfy(p -> assertThat(p).doesNotContainPattern("1\\d{10}").contains("*"));
	}

	private Sheet sheet(String username, String path) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(path).session(SignIn.session(mvc, username)))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		assertThat(response.getContentType()).contains("spreadsheetml");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
			return book.getSheetAt(0);
		}
	}

	/** The cells below the header that are not blank. */
	private static List<Cell> column(Sheet sheet, String header) {
		Row head = sheet.getRow(0);
		int index = -1;
		for (Cell cell : head) {
			if (cell.getStringCellValue().equals(header)) {
				index = cell.getColumnIndex();
			}
		}
		assertThat(index).as("column " + header).isNotNegative();
		List<Cell> cells = new ArrayList<>();
		for (Row row : sheet) {
			Cell cell = row.getRowNum() == 0 ? null : row.getCell(index);
			if (cell != null && cell.getCellType() != CellType.BLANK
					&& !(cell.getCellType() == CellType.STRING && cell.getStringCellValue().isEmpty())) {
				cells.add(cell);
			}
		}
		return cells;
	}
}
