package org.youguan.documents;

import java.util.List;

import org.youguan.documents.SheetRows.RowErrors;

/**
 * The outcome of a bulk import: how many rows were registered, or every bad row and the uploaded sheet annotated with
 * an error column (nothing imported).
 */
public record ImportResult(int imported, List<RowErrors> errors, byte[] annotated) implements ImportPages.Outcome {
}
