package org.youguan.universal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.youguan.ExportedRows;

/** The universal tests' workbooks: a sheet to upload, and an answered sheet read back as text. */
final class Workbooks {

	private Workbooks() {
	}

	/** An .xlsx with a header row and the rows as text cells. */
	static byte[] sheet(List<String> header, List<List<String>> rows) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("导入");
			Row h = sheet.createRow(0);
			for (int i = 0; i < header.size(); i++) {
				h.createCell(i).setCellValue(header.get(i));
			}
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 1);
				for (int i = 0; i < rows.get(r).size(); i++) {
					row.createCell(i).setCellValue(rows.get(r).get(i));
				}
			}
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every cell of the first sheet, each followed by {@code |}. */
	static String text(byte[] xlsx) {
		StringBuilder all = new StringBuilder();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			book.getSheetAt(0).forEach(row -> row.forEach(cell -> all.append(ExportedRows.text(cell)).append('|')));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return all.toString();
	}
}
