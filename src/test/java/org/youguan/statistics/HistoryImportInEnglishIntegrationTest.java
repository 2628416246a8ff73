package org.youguan.statistics;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.documents.TypedWorkbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * Finding (a refused import read half Chinese in English): a reader in English mode reads a refused sheet's errors in
 * English — the shared rules of every import ({@link org.youguan.documents.SheetImport}, {@link
 * org.youguan.documents.SheetCell}) carry their sentence's key — on the page and in the annotated sheet downloaded; a
 * reader in Chinese reads them as before.
 */
@IntegrationTest
class HistoryImportInEnglishIntegrationTest {

	@Autowired
	MockMvc mvc;

	/** A negative value and a month that is none: both told in English, the columns by their English names. */
	@Test
	void aRefusedHistoryImportReadsInEnglishOnThePageAndInTheAnnotatedSheet() throws Exception {
		MockHttpSession session = SignIn.session(mvc, "sz.admin");
		byte[] sheet = new TypedWorkbook(HistoryImport.HEADERS)
			.row(List.of("express.volume.intercity", HistoryImportRulesIntegrationTest.month(), "320505", "", -5))
			.row(List.of("express.volume.intercity", "十三月", "320505", "", 5))
			.bytes();
		MockHttpServletResponse refused = mvc.perform(multipart("/statistics/history/import").param("lang", "en")
			.file(new MockMultipartFile("file", "history.xlsx", null, sheet)).session(session).with(csrf()))
			.andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(422);
		String body = refused.getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).contains("Express volume (intercity) must not be negative", "Month must be a month",
				"<td>Value</td>", "<td>Month</td>");
		assertThat(body).doesNotContain("不能为负数", "应为年月");

		Matcher link = Pattern.compile("/statistics/history/import/errors/[0-9a-f-]{36}\\.xlsx").matcher(body);
		assertThat(link.find()).isTrue();
		byte[] annotated = mvc.perform(get(link.group()).session(session)).andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(annotated))) {
			Sheet first = book.getSheetAt(0);
			Row head = first.getRow(0);
			int column = head.getLastCellNum() - 1;
			assertThat(head.getCell(column).getStringCellValue()).isEqualTo("Errors");
			assertThat(first.getRow(1).getCell(column).getStringCellValue())
				.isEqualTo("Value: Express volume (intercity) must not be negative");
			assertThat(first.getRow(2).getCell(column).getStringCellValue()).startsWith("Month: Month must be a month");
		}
	}

	/** The same sheet in Chinese: the module's own words, the column named 错误. */
	@Test
	void aRefusedHistoryImportReadsInChineseForAChineseReader() throws Exception {
		MockHttpSession session = SignIn.session(mvc, "sz.admin");
		byte[] sheet = new TypedWorkbook(HistoryImport.HEADERS)
			.row(List.of("express.volume.intercity", HistoryImportRulesIntegrationTest.month(), "320505", "", -5))
			.bytes();
		MockHttpServletResponse refused = mvc.perform(multipart("/statistics/history/import")
			.file(new MockMultipartFile("file", "history.xlsx", null, sheet)).session(session).with(csrf()))
			.andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(422);
		String body = refused.getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).contains("快递业务量（异地）不能为负数");
		Matcher link = Pattern.compile("/statistics/history/import/errors/[0-9a-f-]{36}\\.xlsx").matcher(body);
		assertThat(link.find()).isTrue();
		byte[] annotated = mvc.perform(get(link.group()).session(session)).andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(annotated))) {
			Sheet first = book.getSheetAt(0);
			int column = first.getRow(0).getLastCellNum() - 1;
			assertThat(first.getRow(0).getCell(column).getStringCellValue()).isEqualTo("错误");
			assertThat(first.getRow(1).getCell(column).getStringCellValue()).isEqualTo("数值：快递业务量（异地）不能为负数");
		}
	}
}
