package org.youguan.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;

/**
 * Reads the first sheet of an uploaded .xlsx by its header row, and writes the same workbook back with an error
 * column for the rows that failed — the shape of every bulk import: check every row first, import all or nothing.
 */
public final class SheetRows {

	/** One data row: its 1-based row number in the sheet and its cells by header. */
	public record SheetRow(int number, Map<String, String> cells) {

		public String get(String header) {
			String v = cells.get(header);
			return v == null || v.isBlank() ? null : v.strip();
		}
	}

	/** The failures of one row. */
	public record RowErrors(int number, List<FieldError> errors) {
	}

	public static final long MAX_BYTES = 20L * 1024 * 1024;

	public static final int MAX_ROWS = 50_000;

	private SheetRows() {
	}

	/**
	 * The data rows under the header row. The file must be an .xlsx (checked by content), carry every required header,
	 * and stay within the size and row limits, and what it expands to within {@link OfficeFiles}' limits (checked
	 * before POI parses it); blank rows are skipped.
	 */
	public static List<SheetRow> read(byte[] content, List<String> requiredHeaders) {
		if (content == null || content.length < 4 || content[0] != 'P' || content[1] != 'K') {
			throw new InvalidValueException("file", "xlsx", "请上传Excel工作簿（.xlsx），可先下载导入模板");
		}
		if (content.length > MAX_BYTES) {
			throw new InvalidValueException("file", "size", "文件不能超过20MB");
		}
		OfficeFiles.requireWithinLimits(content, "file", "Excel工作簿（.xlsx）");
		DataFormatter formatter = new DataFormatter();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(content))) {
			Sheet sheet = book.getSheetAt(0);
			Row head = sheet.getRow(sheet.getFirstRowNum());
			List<String> headers = new ArrayList<>();
			if (head != null) {
				head.forEach(c -> headers.add(formatter.formatCellValue(c).strip()));
			}
			List<String> missing = requiredHeaders.stream().filter(h -> !headers.contains(h)).toList();
			if (!missing.isEmpty()) {
				throw new InvalidValueException("file", "headers", "表头缺少：" + String.join("、", missing) + "（请使用导入模板）");
			}
			if (sheet.getLastRowNum() > MAX_ROWS) {
				throw new InvalidValueException("file", "rows", "一次最多导入" + MAX_ROWS + "行");
			}
			List<SheetRow> rows = new ArrayList<>();
			for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				if (row == null) {
					continue;
				}
				Map<String, String> cells = new LinkedHashMap<>();
				for (int c = 0; c < headers.size(); c++) {
					Cell cell = row.getCell(c);
					cells.put(headers.get(c), cell == null ? "" : formatter.formatCellValue(cell));
				}
				if (cells.values().stream().anyMatch(v -> !v.isBlank())) {
					rows.add(new SheetRow(r + 1, cells));
				}
			}
			return rows;
		}
		catch (IOException | org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException
				| org.apache.poi.ooxml.POIXMLException ex) {
			throw new InvalidValueException("file", "xlsx", "无法读取Excel文件：文件已损坏或不是.xlsx格式");
		}
	}

	/** The uploaded workbook with a red "错误" column naming field and rule for every failed row. */
	public static byte[] annotate(byte[] content, List<RowErrors> errors) {
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(content));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.getSheetAt(0);
			Row head = sheet.getRow(sheet.getFirstRowNum());
			int column = Math.max(0, head.getLastCellNum());
			head.createCell(column).setCellValue("错误");
			CellStyle red = book.createCellStyle();
			red.setFillForegroundColor(IndexedColors.ROSE.getIndex());
			red.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			for (RowErrors e : errors) {
				Row row = sheet.getRow(e.number() - 1);
				if (row == null) {
					row = sheet.createRow(e.number() - 1);
				}
				Cell cell = row.createCell(column);
				cell.setCellValue(String.join("；", e.errors().stream().map(f -> f.field() + "：" + f.message() + "（" + f.rule() + "）").toList()));
				cell.setCellStyle(red);
			}
			sheet.setColumnWidth(column, 80 * 256);
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** An empty template: the headers, and one example row. */
	public static byte[] template(String sheetName, List<String> headers, List<String> example) {
		return new Spreadsheets().write(sheetName, java.util.stream.IntStream.range(0, headers.size())
			.mapToObj(i -> Column.<List<String>>of(headers.get(i), row -> row.get(i), 22))
			.toList(), List.of(example));
	}
}
