package org.youguan.documents;

import java.util.List;

import org.youguan.documents.SheetRows.RowErrors;

/**
 * The outcome of a bulk import: how many rows were registered, or every bad row and the uploaded sheet annotated with
 * an error column (nothing imported); either way the trailing totals rows (合计, 小计 …) left out, by sheet row number.
 */
public record ImportResult(int imported, List<RowErrors> errors, byte[] annotated, List<Integer> totalsRows)
		implements ImportPages.Outcome {

	/** An outcome without totals rows. */
	public ImportResult(int imported, List<RowErrors> errors, byte[] annotated) {
		this(imported, errors, annotated, List.of());
	}

	/** The totals rows left out, as the answer names them: "第5、6行是合计行，未导入"; empty when none. */
	public static String totalsText(List<Integer> rows) {
		return rows.isEmpty() ? ""
				: "第" + String.join("、", rows.stream().map(String::valueOf).toList()) + "行是合计行，未导入";
	}
}
