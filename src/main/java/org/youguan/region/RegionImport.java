package org.youguan.region;

import java.time.Instant;
import java.util.List;

import org.youguan.kernel.FieldError;

/**
 * The state of one street/village import, as its progress page shows it.
 *
 * @param phase VALIDATING → IMPORTING → DONE, or REJECTED (bad rows, nothing imported) or FAILED
 * @param processed rows handled so far in the current phase, out of {@code total}
 * @param errors every bad row (line number and field), when REJECTED
 * @param renamed every code already in the register that the import gave another name, when DONE (each also audited
 * {@code region.rename} with the name before and after)
 */
public record RegionImport(String id, String fileName, String provinceFilter, Phase phase, long processed,
		long total, long imported, List<RowError> errors, List<Rename> renamed, String message, Instant startedAt,
		Instant finishedAt) {

	/** A code the import renamed: its name before and after. */
	public record Rename(String code, String before, String after) {
	}

	public enum Phase {

		VALIDATING, IMPORTING, DONE, REJECTED, FAILED;

		public boolean finished() {
			return this == DONE || this == REJECTED || this == FAILED;
		}

	}

	/**
	 * One bad row: its line, its code and the error naming the CSV column ({@code code}, {@code name}, {@code areaCode}
	 * or {@code streetCode}), {@code header} for the header row or {@code row} for the row as a whole.
	 */
	public record RowError(long line, String code, FieldError error) {

		/** The bad field as the error list names it, in Chinese with the CSV column it is read from. */
		public String fieldLabel() {
			return switch (error.field()) {
				case "code" -> "代码（code）";
				case "name" -> "名称（name）";
				case "areaCode" -> "所属县级区划代码（areaCode）";
				case "streetCode" -> "所属乡镇/街道代码（streetCode）";
				case "header" -> "表头";
				case "row" -> "整行";
				default -> error.field();
			};
		}
	}

	public int percent() {
		return total == 0 ? 0 : (int) Math.min(100, processed * 100 / total);
	}
}
