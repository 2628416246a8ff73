package org.youguan.documents;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.youguan.documents.SheetRows.RowErrors;
import org.youguan.documents.SheetRows.SheetRow;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;

/**
 * The all-or-nothing shape every registry import shares: read the sheet by its headers, check every row (collecting
 * every failure by column name), and either return every bad row with the annotated sheet — nothing saved — or hand the
 * checked rows to {@code commit}, which the importer runs inside its one transaction.
 */
public final class SheetImport<T> {

	/** Checks one row: adds its failures to {@code errors} and returns the clean value (ignored when errors exist). */
	@FunctionalInterface
	public interface RowCheck<T> {

		T check(SheetRow row, RowContext context);
	}

	/** What a row check reports into, with the helpers every import needs. */
	public static final class RowContext {

		private final List<FieldError> errors = new ArrayList<>();

		private final Map<String, String> columns;

		private RowContext(Map<String, String> columns) {
			this.columns = columns;
		}

		public void fail(String column, String rule, String message) {
			errors.add(new FieldError(column, rule, message));
		}

		/** Runs a service-level check, reporting its field errors under the sheet's column names. */
		public <R> R checked(Supplier<R> check) {
			try {
				return check.get();
			}
			catch (DomainException ex) {
				ex.formErrors()
					.forEach(e -> errors.add(new FieldError(columns.getOrDefault(e.field(), e.field()), e.rule(), e.message())));
				return null;
			}
		}

		/** A dictionary value by its Chinese label, or a failure listing the allowed labels. */
		public <E extends Enum<E>> E label(SheetRow row, String column, E[] values, Function<E, String> label) {
			String text = row.get(column);
			E found = Arrays.stream(values).filter(e -> label.apply(e).equals(text)).findFirst().orElse(null);
			if (found == null) {
				fail(column, "dictionary", column + "应为" + String.join("、", Arrays.stream(values).map(label).toList()));
			}
			return found;
		}

		/** A "是"/"否" cell. */
		public boolean yes(SheetRow row, String column) {
			String value = row.get(column);
			if (!"是".equals(value) && !"否".equals(value)) {
				fail(column, "yes-no", column + "应填“是”或“否”");
			}
			return "是".equals(value);
		}

		/** A whole number cell, or null when blank. */
		public Integer integer(SheetRow row, String column) {
			String value = row.get(column);
			if (value == null) {
				return null;
			}
			try {
				return Integer.valueOf(value.replace(",", ""));
			}
			catch (NumberFormatException ex) {
				fail(column, "integer", column + "应为整数");
				return null;
			}
		}

		public boolean hasErrors() {
			return !errors.isEmpty();
		}
	}

	/** Detects a key seen on an earlier row of the same file. */
	public static final class Twins {

		private final Map<String, Integer> seen = new HashMap<>();

		/** Reports the row as a duplicate of the earlier one with the same key, if any. */
		public void check(String key, SheetRow row, RowContext context, String column, String what) {
			if (key == null) {
				return;
			}
			Integer twin = seen.putIfAbsent(key, row.number());
			if (twin != null) {
				context.fail(column, "unique", what + "与第" + twin + "行重复");
			}
		}
	}

	private SheetImport() {
	}

	/** A cell holding a control character (Excel writes U+0000 as _x0000_) fails its column; no field can keep it. */
	private static void clean(String column, String text, RowContext context) {
		int at = org.youguan.kernel.Text.forbiddenAt(text);
		if (at >= 0) {
			context.fail(column, "control-character", column + "含有不允许的字符（" + org.youguan.kernel.Text.codePoint(text, at) + "）");
		}
	}

	/**
	 * Checks every row of the sheet; with no failure hands all checked rows to {@code commit} and reports the count.
	 * @param columns the service's field names mapped to the sheet's column names, for errors raised by services
	 */
	public static <T> ImportResult run(byte[] content, List<String> headers, Map<String, String> columns, RowCheck<T> check,
			Consumer<List<T>> commit) {
		List<SheetRow> rows = SheetRows.read(content, headers);
		if (rows.isEmpty()) {
			throw new InvalidValueException("file", "empty", "文件中没有数据行");
		}
		List<RowErrors> errors = new ArrayList<>();
		List<T> valid = new ArrayList<>();
		for (SheetRow row : rows) {
			RowContext context = new RowContext(columns);
			row.cells().forEach((column, text) -> clean(column, text, context));
			T value = context.hasErrors() ? null : check.check(row, context);
			if (context.hasErrors()) {
				errors.add(new RowErrors(row.number(), List.copyOf(context.errors)));
			}
			else {
				valid.add(value);
			}
		}
		if (!errors.isEmpty()) {
			return new ImportResult(0, errors, SheetRows.annotate(content, errors));
		}
		commit.accept(valid);
		return new ImportResult(valid.size(), List.of(), null);
	}
}
