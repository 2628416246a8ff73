package org.youguan;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.youguan.documents.SheetRows.RowErrors;

import static org.assertj.core.api.Assertions.assertThat;

/** Test helpers for the example row of an import template. */
public final class TemplateExample {

	private TemplateExample() {
	}

	/** The template with one cell of its example row changed: real data shaped like the example. */
	public static byte[] edited(byte[] template, String column, String value) {
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.getSheetAt(0);
			Row header = sheet.getRow(0);
			for (Cell cell : header) {
				if (column.equals(cell.getStringCellValue())) {
					sheet.getRow(1).createCell(cell.getColumnIndex()).setCellValue(value);
					book.write(out);
					return out.toByteArray();
				}
			}
			throw new IllegalArgumentException("no column " + column);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The example row uploaded as it is was refused as the example (rule {@code example}) — and for nothing else. */
	public static void refusedAsTheExample(String what, List<RowErrors> errors) {
		assertThat(errors).as(what + " template's example row").singleElement()
			.satisfies(row -> assertThat(row.errors()).singleElement().satisfies(e -> assertThat(e.rule()).isEqualTo("example")));
	}
}
