package org.youguan;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
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
	 * as the sheet shows it.
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
		DataFormatter format = new DataFormatter();
		List<List<String>> rows = new ArrayList<>();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
			for (Row row : book.getSheetAt(0)) {
				List<String> cells = new ArrayList<>();
				row.forEach(cell -> cells.add(format.formatCellValue(cell)));
				rows.add(cells);
			}
		}
		return rows;
	}

	/** The cells of one column below the header. */
	public static List<String> column(List<List<String>> rows, int index) {
		return rows.stream().skip(1).map(r -> r.size() > index ? r.get(index) : "").toList();
	}
}
