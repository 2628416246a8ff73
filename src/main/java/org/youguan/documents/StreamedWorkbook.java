package org.youguan.documents;

import java.io.IOException;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * POI's streaming workbook, its numbers written as Excel writes them: POI's own writer puts a numeric cell's value in
 * the sheet's XML as {@link Double#toString} gives it, so a count of 1 is stored {@code 1.0} and 10,000,000
 * {@code 1.0E7} — read back as a decimal 1.0 by whatever reads the values rather than the formats (pandas, a CSV
 * conversion, another system's import). Here a whole number is written as its digits ({@code 1}, {@code 10000000})
 * and any other in the shortest form that reads back as the same double ({@code 0.1}, {@code 1.5E20}), never with a
 * trailing {@code .0}. Everything else is POI's.
 */
final class StreamedWorkbook extends SXSSFWorkbook {

	/** The largest whole double written as digits: beyond 2^53 a double no longer holds every whole number. */
	private static final double EXACT_WHOLE = 9_007_199_254_740_992d;

	/** @param window the rows held in memory before they are flushed to the temporary file */
	StreamedWorkbook(int window) {
		super(window);
	}

	@Override
	protected SheetDataWriter createSheetDataWriter() throws IOException {
		return new NumberWriter();
	}

	/**
	 * A number as the sheet's XML holds it ({@code <v>…</v>}): a whole number as its digits (-0 as 0), any other as
	 * Java's shortest decimal form without a {@code .0} before an exponent.
	 * @param value a finite double (POI turns NaN and infinities into error cells before they get here)
	 */
	static String xmlNumber(double value) {
		if (value == Math.rint(value) && Math.abs(value) <= EXACT_WHOLE) {
			return Long.toString((long) value);
		}
		return Double.toString(value).replace(".0E", "E");
	}

	/** POI's sheet writer, numeric cells written by {@link #xmlNumber}, as POI writes them otherwise. */
	private static final class NumberWriter extends SheetDataWriter {

		NumberWriter() throws IOException {
			super();
		}

		@Override
		public void writeCell(int columnIndex, Cell cell) throws IOException {
			if (cell == null || cell.getCellType() != CellType.NUMERIC) {
				super.writeCell(columnIndex, cell);
				return;
			}
			_out.write("<c r=\"");
			_out.write(new CellReference(cell.getRowIndex(), columnIndex).formatAsString());
			_out.write('"');
			int style = cell.getCellStyle().getIndex() & 0xffff;
			if (style != 0) {
				_out.write(" s=\"");
				_out.write(Integer.toString(style));
				_out.write('"');
			}
			_out.write(" t=\"n\"><v>");
			_out.write(xmlNumber(cell.getNumericCellValue()));
			_out.write("</v></c>");
		}
	}
}
