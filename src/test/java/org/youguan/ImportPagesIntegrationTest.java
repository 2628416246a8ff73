package org.youguan;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * Every import page answers alike ({@link org.youguan.documents.ImportPages}): its own template uploaded as it is (the
 * example row is refused as the example) comes back as the form with every bad row, the link to the annotated sheet
 * and status 422 — never a 200 that looks saved — and a file that is not a workbook is the form with a 400.
 */
@IntegrationTest
class ImportPagesIntegrationTest {

	@Autowired
	MockMvc mvc;

	/** Every import page, with a user who may import there. */
	static Stream<Arguments> pages() {
		return Stream.of(
			Arguments.of("sz.market", "/registry/enterprises/import"),
			Arguments.of("sz.market", "/registry/outlets/import"),
			// the licence book: its issuing authorities (邮政法(2015) art.53) — here the system administrator
			Arguments.of("sys.admin", "/registry/licences/import"),
			Arguments.of("sz.market", "/registry/branches/import"),
			Arguments.of("sz.market", "/registry/facilities/import"),
			Arguments.of("sz.admin", "/statistics/history/import"),
			Arguments.of("sz.market", "/inspections/import"),
			Arguments.of("sz.market", "/licensing/import"),
			Arguments.of("sz.market", "/enforcement/import"),
			Arguments.of("sz.universal", "/universal/villages/import"),
			Arguments.of("sz.universal", "/universal/checks/import"),
			// past post-office decisions: the deciding bureau's head (局领导), as the decisions taken here
			Arguments.of("sz.leader", "/universal/post-office-approvals/import"),
			Arguments.of("sz.universal", "/universal/supervision/confidential/import"),
			Arguments.of("yz.sz", "/enterprise/villages/import"));
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("pages")
	void aRefusedSheetIsTheFormAgainWithEveryBadRowAnd422(String user, String page) throws Exception {
		MockHttpSession session = SignIn.session(mvc, user);
		byte[] template = template(session, page);
		MockHttpServletResponse refused = mvc
			.perform(multipart(page).file(new MockMultipartFile("file", "导入.xlsx", null, template)).session(session)
				.with(csrf()))
			.andReturn().getResponse();
		String body = refused.getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused.getStatus()).as(page + " answers a refused sheet").isEqualTo(422);
		assertThat(body).as(page).contains("未导入任何数据");
		Matcher sheet = Pattern.compile("/import/errors/[0-9a-f-]{36}\\.xlsx").matcher(body);
		assertThat(sheet.find()).as(page + " links the annotated sheet").isTrue();

		MockHttpServletResponse notAWorkbook = mvc
			.perform(multipart(page).file(new MockMultipartFile("file", "导入.xlsx", null, "名称,代码\n".getBytes()))
				.session(session).with(csrf()))
			.andReturn().getResponse();
		assertThat(notAWorkbook.getStatus()).as(page + " answers a file that is not a workbook").isEqualTo(400);
		assertThat(notAWorkbook.getContentAsString(StandardCharsets.UTF_8)).as(page).contains("<form");
	}

	/**
	 * A 合计 row under the data — what every bureau's ledger ends with — is no data in any import (the shared
	 * {@link org.youguan.documents.SheetImport} leaves it out): the template with a totals row is refused for its
	 * example row alone, never for the 合计 row as a bad record.
	 */
	@ParameterizedTest(name = "{1} with a totals row")
	@MethodSource("pages")
	void aTotalsRowUnderTheDataIsNoDataInAnyImport(String user, String page) throws Exception {
		MockHttpSession session = SignIn.session(mvc, user);
		byte[] template = template(session, page);
		byte[] withTotals;
		int number;
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.getSheetAt(0);
			number = sheet.getLastRowNum() + 2;
			Row totals = sheet.createRow(number - 1);
			totals.createCell(0).setCellValue("合计");
			totals.createCell(1).setCellValue(3);
			book.write(out);
			withTotals = out.toByteArray();
		}
		MockHttpServletResponse answer = mvc
			.perform(multipart(page).file(new MockMultipartFile("file", "导入.xlsx", null, withTotals)).session(session)
				.with(csrf()))
			.andReturn().getResponse();
		assertThat(answer.getStatus()).as(page + " refuses the example row").isEqualTo(422);
		assertThat(answer.getContentAsString(StandardCharsets.UTF_8)).as(page + " takes the 合计 row as no data")
			.doesNotContain("<td>" + number + "</td><td>");
	}

	/**
	 * A data row hidden in Excel (the template's example row, hidden as a filter or by hand hides it) would be imported
	 * unseen: every import refuses the file with a 400 naming the row, rule {@code hidden-rows} — the shared reader's.
	 */
	@ParameterizedTest(name = "{1} with a hidden row")
	@MethodSource("pages")
	void aHiddenDataRowIsRefusedByEveryImportNamingIt(String user, String page) throws Exception {
		MockHttpServletResponse answer = uploadTemplateWith(user, page, sheet -> sheet.getRow(1).setZeroHeight(true));
		assertThat(answer.getStatus()).as(page + " refuses a hidden data row").isEqualTo(400);
		assertThat(answer.getContentAsString(StandardCharsets.UTF_8)).as(page)
			.contains("工作表中有隐藏的数据行：第2行").contains("<form");
	}

	/**
	 * A column hidden in Excel among those read (its header and the example row's value in it) would be imported unseen
	 * as a hidden row would: every import refuses the file with a 400 naming the column, rule {@code hidden-columns}.
	 */
	@ParameterizedTest(name = "{1} with a hidden column")
	@MethodSource("pages")
	void aHiddenColumnIsRefusedByEveryImportNamingIt(String user, String page) throws Exception {
		MockHttpServletResponse answer = uploadTemplateWith(user, page, sheet -> sheet.setColumnHidden(0, true));
		assertThat(answer.getStatus()).as(page + " refuses a hidden column").isEqualTo(400);
		assertThat(answer.getContentAsString(StandardCharsets.UTF_8)).as(page)
			.contains("工作表中有隐藏的数据列：A列").contains("<form");
	}

	/**
	 * Attack round 27: a cell whose number format is ";;;" shows nothing in Excel and was imported: every import refuses
	 * the file with a 400 naming the cell by row and column, rule {@code hidden-content} — the shared reader's.
	 */
	@ParameterizedTest(name = "{1} with a cell hidden by its format")
	@MethodSource("pages")
	void aCellHiddenByItsFormatIsRefusedByEveryImportNamingIt(String user, String page) throws Exception {
		MockHttpServletResponse answer = uploadTemplateWith(user, page, sheet -> {
			var style = sheet.getWorkbook().createCellStyle();
			style.setDataFormat(sheet.getWorkbook().createDataFormat().getFormat(";;;"));
			sheet.getRow(1).getCell(0).setCellStyle(style);
		});
		assertThat(answer.getStatus()).as(page + " refuses a cell hidden by its format").isEqualTo(400);
		assertThat(answer.getContentAsString(StandardCharsets.UTF_8)).as(page)
			.contains("单元格内容被格式隐藏").contains("第2行A列").contains("<form");
	}

	/**
	 * Attack round 28: a cell in white on the white sheet, or in a 1 pt font, shows nothing one can read and was
	 * imported: every import refuses the file as it refuses a cell hidden by its number format (400, rule
	 * {@code hidden-content}), naming the cell and what hides it — the shared reader's.
	 */
	@ParameterizedTest(name = "{1} with a cell in white or in 1 pt")
	@MethodSource("pages")
	void aCellNobodyCanReadIsRefusedByEveryImportNamingIt(String user, String page) throws Exception {
		MockHttpServletResponse white = uploadTemplateWith(user, page, sheet -> {
			var style = sheet.getWorkbook().createCellStyle();
			var font = sheet.getWorkbook().createFont();
			font.setColor(org.apache.poi.ss.usermodel.IndexedColors.WHITE.getIndex());
			style.setFont(font);
			sheet.getRow(1).getCell(0).setCellStyle(style);
		});
		assertThat(white.getStatus()).as(page + " refuses a cell in white on white").isEqualTo(400);
		assertThat(white.getContentAsString(StandardCharsets.UTF_8)).as(page)
			.contains("单元格内容被格式隐藏").contains("字体颜色#FFFFFF与底色#FFFFFF相同").contains("第2行A列").contains("<form");
		MockHttpServletResponse tiny = uploadTemplateWith(user, page, sheet -> {
			var style = sheet.getWorkbook().createCellStyle();
			var font = sheet.getWorkbook().createFont();
			font.setFontHeightInPoints((short) 1);
			style.setFont(font);
			sheet.getRow(1).getCell(0).setCellStyle(style);
		});
		assertThat(tiny.getStatus()).as(page + " refuses a cell in 1 pt").isEqualTo(400);
		assertThat(tiny.getContentAsString(StandardCharsets.UTF_8)).as(page).contains("字号仅1磅").contains("第2行A列");
	}

	/** The page's own template, its first sheet changed by {@code change}, uploaded to the page by {@code user}. */
	MockHttpServletResponse uploadTemplateWith(String user, String page, java.util.function.Consumer<XSSFSheet> change)
			throws Exception {
		MockHttpSession session = SignIn.session(mvc, user);
		byte[] changed;
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template(session, page)));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			change.accept(book.getSheetAt(0));
			book.write(out);
			changed = out.toByteArray();
		}
		return mvc.perform(multipart(page).file(new MockMultipartFile("file", "导入.xlsx", null, changed)).session(session)
			.with(csrf()))
			.andReturn().getResponse();
	}

	/** The page's own import template. */
	byte[] template(MockHttpSession session, String page) throws Exception {
		return mvc.perform(get(page + "/template.xlsx").session(session)).andReturn().getResponse().getContentAsByteArray();
	}
}
