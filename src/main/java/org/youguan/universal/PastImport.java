package org.youguan.universal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import org.youguan.documents.SheetImport;
import org.youguan.documents.SheetRows.SheetRow;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Wording;

/**
 * What the universal module's imports of past records share beside {@link SheetImport}: the all-or-nothing check of
 * records given as a JSON array ({@link #checkAll}: every row checked by the check one record passes, every bad row
 * reported as {@code 第N条·field}, nothing saved with any bad row) and the refusal of a row that is the same record (by
 * its key) as an earlier row of the request or sheet, or as a record already stored ({@link Duplicates}).
 */
final class PastImport {

	/** The most rows one request may bring. */
	static final int MAX_ROWS = 10_000;

	/**
	 * What makes two rows the same record and how a duplicate is reported.
	 * @param key a checked row's identity (the same key twice is the same record)
	 * @param stored whether a checked row is a record already saved
	 * @param field the field a duplicate is reported on
	 * @param what the record's identity in words, e.g. {@code 同一建制村和检查日期的检查}
	 * @param whatWording the same words as a bundle key, so a row's "与第N行重复" reads in the reader's language
	 * @param storedMessage the failure of a row already saved
	 * @param storedWording that failure's sentence as its key with its values, for the reader's language
	 */
	record Duplicates<T>(Function<T, String> key, Predicate<T> stored, String field, String what,
			Wording whatWording, Function<T, String> storedMessage, Function<T, Wording> storedWording) {

		/**
		 * Reports a checked sheet row under {@code column} when it repeats an earlier row ({@code 与第N行重复}) or, else,
		 * a stored record.
		 */
		void check(T checked, SheetImport.Twins twins, SheetRow row, SheetImport.RowContext context, String column) {
			check(key.apply(checked), checked, twins, row, context, column);
		}

		/**
		 * Reports a sheet row as {@link #check(Object, SheetImport.Twins, SheetRow, SheetImport.RowContext, String)}
		 * does, the twin by {@code rowKey} read from the row's cells as {@link #key} would make it — so a row refused
		 * for another failure is told too that it repeats an earlier row (every error of every row in one answer) —,
		 * the stored record only for a row that passed its check.
		 * @param rowKey the row's key as read from its cells; null when a cell it is made of is blank or unreadable
		 * @param checked the row as checked; null when its check refused it
		 */
		void check(String rowKey, T checked, SheetImport.Twins twins, SheetRow row, SheetImport.RowContext context,
				String column) {
			twins.check(rowKey, row, context, column, whatWording, what);
			if (checked != null && !context.failed(column) && stored.test(checked)) {
				context.fail(column, "unique", storedWording.apply(checked), storedMessage.apply(checked));
			}
		}
	}

	private PastImport() {
	}

	private static FieldError twin(Duplicates<?> duplicates, int twin) {
		return new FieldError(duplicates.field(), "unique", duplicates.what() + "与第" + twin + "条重复");
	}

	/**
	 * Checks every row.
	 * @param check one row's check, throwing a {@link DomainException} that names the failing fields
	 * @return the checked rows, in order, when every row passed
	 * @throws InvalidValueException (field records) when no row or more than {@link #MAX_ROWS} rows are given
	 * @throws DomainException IMPORT_REJECTED (422) listing every bad row's failures
	 */
	static <D, T> List<T> checkAll(List<D> rows, Function<D, T> check, Duplicates<T> duplicates) {
		return checkAll(rows, check, row -> null, duplicates);
	}

	/**
	 * Checks every row as {@link #checkAll(List, Function, Duplicates)} does; a row its check refuses is compared too,
	 * by {@code rowKey} — its key as typed, as {@link Duplicates#key} would make it —, so it is told it repeats an earlier
	 * row ({@code 与第N条重复}) beside its other failures: every error of every row in one answer.
	 * @param rowKey a row's key as typed; null when a part of it is blank or unreadable (then not compared)
	 */
	static <D, T> List<T> checkAll(List<D> rows, Function<D, T> check, Function<D, String> rowKey, Duplicates<T> duplicates) {
		if (rows == null || rows.isEmpty()) {
			throw new InvalidValueException("records", "required", "请提交要导入的记录（JSON数组）");
		}
		if (rows.size() > MAX_ROWS) {
			throw new InvalidValueException("records", "max-rows", "一次最多导入" + MAX_ROWS + "条记录");
		}
		List<T> valid = new ArrayList<>();
		List<FieldError> errors = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		int bad = 0;
		for (int i = 0; i < rows.size(); i++) {
			int n = i + 1;
			List<FieldError> failures = new ArrayList<>();
			try {
				T checked = check.apply(rows.get(i));
				Integer twin = seen.putIfAbsent(duplicates.key().apply(checked), n);
				if (twin != null) {
					failures.add(twin(duplicates, twin));
				}
				else if (duplicates.stored().test(checked)) {
					failures.add(new FieldError(duplicates.field(), "unique", duplicates.storedMessage().apply(checked)));
				}
				valid.add(checked);
			}
			catch (DomainException ex) {
				failures.addAll(ex.formErrors());
				String key = rows.get(i) == null ? null : rowKey.apply(rows.get(i));
				Integer twin = key == null ? null : seen.putIfAbsent(key, n);
				if (twin != null) {
					failures.add(twin(duplicates, twin));
				}
			}
			if (!failures.isEmpty()) {
				bad++;
				failures.forEach(e -> errors.add(new FieldError("第" + n + "条·" + e.field(), e.rule(),
						"第" + n + "条：" + e.message())));
			}
		}
		if (bad > 0) {
			throw new DomainException(ErrorCode.IMPORT_REJECTED, Wording.of("universal.refusal.importRejected", bad),
					"有" + bad + "条记录存在错误，未导入任何数据", errors);
		}
		return valid;
	}
}
