package org.youguan;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** A list's .xlsx export downloaded as a signed-in user and read back with POI: its rows as the cells' texts. */
public final class ExportedRows {

	private ExportedRows() {
	}

	/**
	 * The export at {@code path} for the session with the request parameters given as name, value pairs: asserts it
	 * answers 200 with an .xlsx attachment, and returns every row of its first sheet (the header row first), each cell
	 * as the sheet shows it ({@link #shown}).
	 */
	public static List<List<String>> of(MockMvc mvc, MockHttpSession session, String path, String... params)
			throws Exception {
		MockHttpServletRequestBuilder request = get(path).session(session);
		for (int i = 0; i + 1 < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		assertThat(response.getContentType()).contains("spreadsheetml");
		assertThat(response.getHeader("Content-Disposition")).contains("attachment").contains(".xlsx");
		List<List<String>> rows = new ArrayList<>();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
			for (Row row : book.getSheetAt(0)) {
				List<String> cells = new ArrayList<>();
				row.forEach(cell -> cells.add(shown(cell)));
				rows.add(cells);
			}
		}
		return rows;
	}

	/** A day's format with a mark after it ({@code SheetDay}): {@code yyyy-mm-dd"（暂定）"}. */
	private static final Pattern MARKED_DAY = Pattern.compile("yyyy-mm-dd\"([^\"]*)\"");

	/**
	 * The cell as Excel and WPS show it. POI's {@link DataFormatter} shows a date whose format carries a mark
	 * ({@code yyyy-mm-dd"（暂定）"}) as its serial number — it takes no format with text beyond 年月日 for a date's —
	 * so such a cell is shown here as the day and its mark.
	 */
	public static String shown(Cell cell) {
		Matcher marked = MARKED_DAY.matcher(cell.getCellStyle().getDataFormatString());
		if (cell.getCellType() == CellType.NUMERIC && marked.matches()) {
			return cell.getLocalDateTimeCellValue().toLocalDate() + marked.group(1);
		}
		return new DataFormatter().formatCellValue(cell);
	}

	/** Whether the cell is a date cell: a number in a date's format, a marked day's too ({@link #shown}). */
	public static boolean isDate(Cell cell) {
		return cell.getCellType() == CellType.NUMERIC && (DateUtil.isCellDateFormatted(cell)
				|| MARKED_DAY.matcher(cell.getCellStyle().getDataFormatString()).matches());
	}

	/**
	 * The cell as the sheet shows it to its user ({@link #shown}, POI's {@link DataFormatter} with the cell's format): a
	 * count as {@code 865}, an amount in a format of two decimals as {@code 1234.50}, a date as {@code 2026-02-14} —
	 * never POI's {@link Cell#toString} ({@code 865.0}, {@code 14-Feb-2026}), which no user sees, so a test reads the
	 * export as its user does.
	 */
	public static String text(Cell cell) {
		return shown(cell);
	}

	/** The cells of one column below the header. */
	public static List<String> column(List<List<String>> rows, int index) {
		return rows.stream().skip(1).map(r -> r.size() > index ? r.get(index) : "").toList();
	}
}
