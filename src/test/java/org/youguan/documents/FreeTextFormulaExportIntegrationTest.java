package org.youguan.documents;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.RandomLetters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A free text may begin as a formula does — it is kept as typed — but is never a formula in an export: a seizure's note
 * "=HYPERLINK(…)" or the DDE payload "-1+cmd|…" is saved, and the ledger's .xlsx holds it as quote-prefixed text.
 */
@IntegrationTest
class FreeTextFormulaExportIntegrationTest {

	static final String CITY = "Bearer demo-sz-admin-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Test
	void aFreeTextBeginningAsAFormulaIsKeptAndExportedAsQuotePrefixedText() throws Exception {
		String item = "公式备注查获" + RandomLetters.of(10);
		String[] notes = { "=HYPERLINK(\"http://evil.example\",\"点击\")", "-1+cmd|' /C calc'!A0" };
		for (int i = 0; i < notes.length; i++) {
			mvc.perform(post("/safety/seizures").with(csrf()).header("Authorization", CITY).param("region", "320507")
				.param("seizedOn", LocalDate.now(clock).toString()).param("agencies", "相城区邮政管理局")
				.param("item", item + i).param("quantity", "1").param("unit", "件").param("valueYuan", "10")
				.param("note", notes[i]))
				.andExpect(flash().attribute("message", "联合执法查获已登记"));
		}
		byte[] xlsx = mvc.perform(get("/safety/seizures/export.xlsx").param("q", item).header("Authorization", CITY))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = book.getSheetAt(0);
			int note = -1;
			for (Cell header : sheet.getRow(0)) {
				if (header.getStringCellValue().equals("备注")) {
					note = header.getColumnIndex();
				}
			}
			assertThat(note).as("the note's column").isGreaterThanOrEqualTo(0);
			int found = 0;
			for (Row row : sheet) {
				if (row.getRowNum() == 0) {
					continue;
				}
				Cell cell = row.getCell(note);
				assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
				assertThat(cell.getStringCellValue()).isIn((Object[]) notes);
				assertThat(cell.getCellStyle().getQuotePrefixed()).as(cell.getStringCellValue()).isTrue();
				found++;
			}
			assertThat(found).isEqualTo(notes.length);
		}
	}
}
