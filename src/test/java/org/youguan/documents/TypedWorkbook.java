package org.youguan.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Real .xlsx files for reader and import tests, with cells as Excel users make them: text, numbers and dates in a
 * given number format (built-in or custom), booleans, formulas with their computed result (or without one), and
 * bordered empty rows below the data.
 */
public final class TypedWorkbook {

	/** A cell value shown in a number format: a custom format code, or a built-in format by its index. */
	public record Formatted(Object value, String format, int builtin) {
	}

	/** A formula; {@code cached} says whether the file carries its computed result (as Excel saves it). */
	public record Formula(String formula, String format, boolean cached) {
	}

	private final List<String> headers;

	private final List<List<Object>> rows = new ArrayList<>();

	private int borderedUntil;

	private int blankRowsAbove;

	private boolean date1904;

	public TypedWorkbook(List<String> headers) {
		this.headers = headers;
	}

	/** A row of values: String, Number, LocalDate (shown with built-in format 14), Boolean, Formatted or Formula. */
	public TypedWorkbook row(List<?> values) {
		rows.add(new ArrayList<>(values));
		return this;
	}

	public static Formatted format(Object value, String format) {
		return new Formatted(value, format, -1);
	}

	public static Formatted builtin(Object value, int index) {
		return new Formatted(value, null, index);
	}

	public static Formula formula(String formula) {
		return new Formula(formula, null, true);
	}

	public static Formula formula(String formula, String format) {
		return new Formula(formula, format, true);
	}

	public static Formula formulaWithoutResult(String formula) {
		return new Formula(formula, null, false);
	}

	/** Bordered empty cells under every column down to this (1-based) row, as people format a sheet in advance. */
	public TypedWorkbook borderedDownTo(int lastRow) {
		this.borderedUntil = lastRow;
		return this;
	}

	/** Empty (but bordered) rows above the header row. */
	public TypedWorkbook blankRowsAbove(int count) {
		this.blankRowsAbove = count;
		return this;
	}

	/** Dates counted from 1904, as old Mac Excel saves them. */
	public TypedWorkbook date1904() {
		this.date1904 = true;
		return this;
	}

	public byte[] bytes() {
		if (borderedUntil > 10_000) {
			return streamed();
		}
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			var properties = book.getCTWorkbook().isSetWorkbookPr() ? book.getCTWorkbook().getWorkbookPr()
					: book.getCTWorkbook().addNewWorkbookPr();
			properties.setDate1904(date1904);
			Sheet sheet = book.createSheet("导入");
			CellStyle border = border(book);
			for (int r = 0; r < blankRowsAbove; r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < headers.size(); c++) {
					row.createCell(c).setCellStyle(border);
				}
			}
			Row head = sheet.createRow(blankRowsAbove);
			for (int c = 0; c < headers.size(); c++) {
				head.createCell(c).setCellValue(headers.get(c));
			}
			List<Cell> toEvaluate = new ArrayList<>();
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(blankRowsAbove + 1 + r);
				List<Object> values = rows.get(r);
				for (int c = 0; c < values.size(); c++) {
					Object value = values.get(c);
					if (value == null) {
						continue;
					}
					Cell cell = row.createCell(c);
					set(book, cell, value);
					if (value instanceof Formula f && f.cached()) {
						toEvaluate.add(cell);
					}
				}
			}
			for (int r = blankRowsAbove + 1 + rows.size(); r < borderedUntil; r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < headers.size(); c++) {
					row.createCell(c).setCellStyle(border);
				}
			}
			FormulaEvaluator evaluator = book.getCreationHelper().createFormulaEvaluator();
			toEvaluate.forEach(evaluator::evaluateFormulaCell);
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Large sheets through the streaming writer (inline strings, plain values). */
	private byte[] streamed() {
		try (SXSSFWorkbook book = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("导入");
			CellStyle border = border(book);
			Row head = sheet.createRow(0);
			for (int c = 0; c < headers.size(); c++) {
				head.createCell(c).setCellValue(headers.get(c));
			}
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 1);
				for (int c = 0; c < rows.get(r).size(); c++) {
					if (rows.get(r).get(c) != null) {
						Cell cell = row.createCell(c);
						set(book, cell, rows.get(r).get(c));
						cell.setCellStyle(border);
					}
				}
			}
			for (int r = rows.size() + 1; r < borderedUntil; r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < headers.size(); c++) {
					row.createCell(c).setCellStyle(border);
				}
			}
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static CellStyle border(Workbook book) {
		CellStyle border = book.createCellStyle();
		border.setBorderBottom(BorderStyle.THIN);
		border.setBorderRight(BorderStyle.THIN);
		return border;
	}

	private static void set(Workbook book, Cell cell, Object value) {
		if (value instanceof Formatted f) {
			set(book, cell, f.value());
			CellStyle style = book.createCellStyle();
			style.setDataFormat(f.format() == null ? (short) f.builtin() : book.createDataFormat().getFormat(f.format()));
			cell.setCellStyle(style);
		}
		else if (value instanceof Formula f) {
			cell.setCellFormula(f.formula());
			if (f.format() != null) {
				CellStyle style = book.createCellStyle();
				style.setDataFormat(book.createDataFormat().getFormat(f.format()));
				cell.setCellStyle(style);
			}
		}
		else if (value instanceof String s) {
			cell.setCellValue(s);
		}
		else if (value instanceof Number n) {
			cell.setCellValue(n.doubleValue());
		}
		else if (value instanceof Boolean b) {
			cell.setCellValue(b);
		}
		else if (value instanceof LocalDate d) {
			cell.setCellValue(d);
			CellStyle style = book.createCellStyle();
			style.setDataFormat((short) 14);
			cell.setCellStyle(style);
		}
		else {
			throw new IllegalArgumentException("no cell for " + value);
		}
	}

	/**
	 * The workbook with what {@code regex} matches in its sheets' XML replaced by {@code replacement} taken literally —
	 * for what POI does not write (a formula referring to another workbook); fails when nothing matched.
	 */
	public static byte[] withSheetXml(byte[] xlsx, String regex, String replacement) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx)); ZipOutputStream zip = new ZipOutputStream(out)) {
			boolean changed = false;
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				byte[] content = in.readAllBytes();
				if (entry.getName().startsWith("xl/worksheets/")) {
					String xml = new String(content, StandardCharsets.UTF_8);
					String edited = xml.replaceAll(regex, Matcher.quoteReplacement(replacement));
					changed |= !edited.equals(xml);
					content = edited.getBytes(StandardCharsets.UTF_8);
				}
				zip.putNextEntry(new ZipEntry(entry.getName()));
				zip.write(content);
				zip.closeEntry();
			}
			if (!changed) {
				throw new IllegalArgumentException("nothing in the sheets matched " + regex);
			}
		}
		return out.toByteArray();
	}

	/** The XML of the workbook's first worksheet part (xl/worksheets/…), to show what a test wrote. */
	public static byte[] sheetXml(byte[] xlsx) throws IOException {
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				if (entry.getName().startsWith("xl/worksheets/") && entry.getName().endsWith(".xml")) {
					return in.readAllBytes();
				}
			}
		}
		throw new IllegalArgumentException("no worksheet");
	}
}
