package org.youguan.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Real .xlsx files for import tests: a header row and text cells.
 */
final class Workbooks {

	private Workbooks() {
	}

	static byte[] of(List<String> headers, List<List<String>> rows) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = book.createSheet("导入");
			write(sheet.createRow(0), headers);
			for (int r = 0; r < rows.size(); r++) {
				write(sheet.createRow(r + 1), rows.get(r));
			}
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(XSSFRow row, List<String> cells) {
		for (int c = 0; c < cells.size(); c++) {
			row.createCell(c).setCellValue(cells.get(c));
		}
	}
}
