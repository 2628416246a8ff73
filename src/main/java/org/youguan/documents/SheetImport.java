package org.youguan.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.youguan.documents.SheetRows.RowErrors;
import org.youguan.documents.SheetRows.SheetRow;
import org.youguan.kernel.Decimals;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;

/**
 * The all-or-nothing shape every import shares: read the sheet by its headers, check every row (collecting every
 * failure by column name — a cell that cannot be read is reported and the row's other columns are still checked, so
 * one answer lists every bad row with all its failures), and either return every bad row with the annotated sheet —
 * nothing saved — or hand the checked rows to {@code commit}, which the importer runs inside its one transaction.
 * A row check runs its service's check even when a cell of the row was refused (passing null for it), never stopping
 * at {@link RowContext#hasErrors()} before it: the service's failures of the refused column are dropped by the context.
 */
public final class SheetImport<T> {

	/** Checks one row: adds its failures to {@code errors} and returns the clean value (ignored when errors exist). */
	@FunctionalInterface
	public interface RowCheck<T> {

		T check(SheetRow row, RowContext context);
	}

	/**
	 * Checks the rows together once each has passed its own check — rules between rows (several rows of one key that
	 * must agree with one another), judged before anything is saved so a file breaking them imports nothing.
	 */
	@FunctionalInterface
	public interface FileCheck<T> {

		/**
		 * @param rows the rows that passed their own checks, by sheet row number, in sheet order
		 * @return the failures by sheet row number (a failure's field is the column it concerns); empty when none
		 */
		Map<Integer, List<FieldError>> check(Map<Integer, T> rows);
	}

	/**
	 * What a row check reports into, with the helpers every import needs: each reads the cell's value
	 * ({@link SheetCell}) and records a failure under the column's name. A column whose cell could not be taken — an
	 * error value (#DIV/0!, #N/A, a formula without a result), a control character, or a value its reader refused (not
	 * a date, not a whole number, out of range, neither 是 nor 否) — is reported once as such: other failures of that
	 * column (the service's "required" for the empty value it became) are not added to it. Any column gets one failure,
	 * the first rule its cell broke ({@link #fail}). The row's other columns are still checked, so one unreadable cell
	 * hides none of the row's other failures.
	 */
	public static final class RowContext {

		private final List<FieldError> errors = new ArrayList<>();

		/** The failures that carry their sentence's key ({@link Wording}), for the reader's language on the page. */
		private final Map<FieldError, Wording> wordings = new HashMap<>();

		private final Map<String, String> columns;

		/** The columns whose cell could not be taken (reported once, never again). */
		private final Set<String> refused = new HashSet<>();

		/**
		 * The columns holding a formula without its result or an error value (#REF! …), with that error, reported once
		 * the check has read the row: what to type instead depends on how the import reads the column ({@link #kinds}),
		 * not on its header's wording.
		 */
		private final Map<String, String> unreadable = new LinkedHashMap<>();

		/** What the import reads each column as (a column no typed reader took is text). */
		private final Map<String, ValueKind> kinds = new HashMap<>();

		/**
		 * The columns whose number cell is beyond the digits any field holds ({@link SheetCell#beyondDigits}), not yet
		 * told: the reader that knows the field's own digits ({@link #number(SheetRow, String, String, String, int, int)})
		 * tells them, else the end of the check does, by the cell reader's bound.
		 */
		private final Set<String> beyond = new HashSet<>();

		/** The row as read, for telling a name that was not found by the invisible character it holds. */
		private final SheetRow row;

		private RowContext(Map<String, String> columns, SheetRow row) {
			this.columns = columns;
			this.row = row;
			row.errorCells().forEach((column, code) -> {
				refused.add(column);
				if (SheetCell.OUT_OF_RANGE.equals(code)) {
					beyond.add(column);
				}
				else {
					unreadable.put(column, code);
				}
			});
		}

		/**
		 * Records a failure under the column, unless the column failed already: a cell is told once, by the first rule
		 * it broke (8000.004 is "two decimals at most", not that and "too many digits" besides) — the reader's refusal
		 * of the cell, the import's own check, or the service's, whichever came first.
		 */
		public void fail(String column, String rule, String message) {
			fail(column, rule, null, message);
		}

		/**
		 * As {@link #fail(String, String, String)}, the failure carrying its sentence as a bundle key with its values, so
		 * a reader in English reads it in English (the page's error table and the annotated sheet, {@link ImportPages}).
		 * @param wording the sentence's key and values (the column's Chinese label among them), or null
		 */
		public void fail(String column, String rule, Wording wording, String message) {
			if (!failed(column)) {
				FieldError hidden = LOOKUPS.contains(rule) ? hiddenCharacter(column) : null;
				add(hidden != null ? hidden : new FieldError(column, rule, message), hidden != null ? null : wording);
			}
		}

		/**
		 * Records a refusal's failures under {@code column} ({@link #fail(String, String, Wording, String)}), the one saying
		 * the refusal's own sentence with its key ({@link DomainException#wording}), so it reads in the reader's language.
		 */
		public void fail(String column, DomainException refusal) {
			refusal.fieldErrors().forEach(e -> fail(column, e.rule(), wordingOf(refusal, e), e.message()));
		}

		/** Adds the failure with its key (none when null). */
		private void add(FieldError error, Wording wording) {
			errors.add(error);
			if (wording != null) {
				wordings.put(error, wording);
			}
		}

		/**
		 * Access before the row's cells, as before a form's fields: runs {@code guard} — the refusal of what the row
		 * names (its enterprise) outside the caller's scope, not there (404, {@code DataScope#refuseWithin}) — and when it
		 * refuses, tells that alone on {@code column} and answers true: none of the row's other cells is judged (nor what
		 * its law would say of it) for a record the caller may not take. False when the guard passes.
		 * @param column the column naming what the guard checks
		 * @param guard the refusal, throwing a not-found {@link DomainException}; any other refusal is thrown on
		 */
		public boolean refusedAccess(String column, Runnable guard) {
			try {
				guard.run();
				return false;
			}
			catch (DomainException refused) {
				if (refused.code() != ErrorCode.NOT_FOUND) {
					throw refused;
				}
				refused.formErrors().forEach(e -> fail(column, e.rule(), wordingOf(refused, e), e.message()));
				return true;
			}
		}

		/**
		 * Why a name looked up by the column (a brand, an enterprise, a region, a dictionary label) may not have been
		 * found, when its cell holds what a name may not — a character that shows nothing (U+200B), a line break, a
		 * look-alike letter ({@link Validation#name}) —: that refusal, naming the character as every name field's does,
		 * instead of "品牌不存在：顺丰" for a 顺丰 that looks right; null when the cell holds none.
		 */
		private FieldError hiddenCharacter(String column) {
			return SheetImport.hiddenCharacter(column, row.cell(column).text());
		}

		/**
		 * Declares what the import reads the column as, for a formula without result's "改为…" — the typed readers
		 * ({@link #date}, {@link #integer} …) declare it themselves; an import reading a column its own way says so here.
		 */
		public void reads(String column, ValueKind kind) {
			kinds.put(column, kind);
		}

		/**
		 * Reports the formulas without results (rule {@code formula-no-result}) and the error values (rule
		 * {@code cell-error}), each saying what to type by the kind the check read its column as.
		 */
		private void finish() {
			List<FieldError> first = new ArrayList<>();
			unreadable.forEach((column, error) -> {
				ValueKind kind = kinds.getOrDefault(column, ValueKind.TEXT);
				FieldError told = unreadableCell(column, error, kind);
				first.add(told);
				wordings.put(told, unreadableWording(column, error, kind));
			});
			List<FieldError> tooLong = beyond.stream().sorted().map(column -> {
				FieldError told = new FieldError(column, "digits", column + "的数字超出范围（最多" + Decimals.TEXT_DIGITS + "位整数、"
						+ Decimals.TEXT_DIGITS + "位小数），请改正后再导入");
				wordings.put(told, Wording.of("import.invalid.beyondDigits", column, String.valueOf(Decimals.TEXT_DIGITS),
						String.valueOf(Decimals.TEXT_DIGITS)));
				return told;
			}).toList();
			beyond.clear();
			errors.addAll(0, tooLong);
			errors.addAll(0, first);
		}

		/**
		 * Records that the row repeats an earlier one ({@link Twins}): under the column whatever it failed already, once.
		 */
		private void twin(String column, Wording wording, String message) {
			if (!failed(column)) {
				fail(column, "unique", wording, message);
			}
			else if (errors.stream().noneMatch(e -> e.field().equals(column) && e.message().equals(message))) {
				add(new FieldError(column, "unique", message), wording);
			}
		}

		/** Records that the column's cell could not be taken: this failure, and no later one of the column. */
		private void refuse(String column, String rule, Wording wording, String message) {
			fail(column, rule, wording, message);
			refused.add(column);
		}

		/**
		 * Runs a service-level check, reporting its field errors under the sheet's column names — except for a column
		 * the import had already failed before the check (a dictionary value or an operator it could not find, passed
		 * on as null): that cell is reported once, by the import's own words.
		 */
		public <R> R checked(Supplier<R> check) {
			Set<String> failedBefore = new HashSet<>(refused);
			errors.forEach(e -> failedBefore.add(e.field()));
			try {
				return check.get();
			}
			catch (DomainException ex) {
				ex.formErrors().forEach(e -> {
					String column = columns.getOrDefault(e.field(), e.field());
					if (!failedBefore.contains(column)) {
						fail(column, e.rule(), wordingOf(ex, e), e.message());
					}
				});
				return null;
			}
		}

		/** A dictionary value by its Chinese label, or null and a failure listing the allowed labels. */
		public <E extends Enum<E>> E label(SheetRow row, String column, E[] values, Function<E, String> label) {
			String text = row.get(column);
			E found = Arrays.stream(values).filter(e -> label.apply(e).equals(text)).findFirst().orElse(null);
			if (found == null) {
				// the choices as the reader's language names them (an enum's English), the Chinese labels for Chinese
				refuse(column, "dictionary", Wording.of("import.invalid.dictionary", column, List.of(values)),
						column + "应为" + String.join("、", Arrays.stream(values).map(label).toList()));
			}
			return found;
		}

		/** A "是"/"否" (or TRUE/FALSE) cell; blank is a failure. False when blank or unreadable. */
		public boolean yes(SheetRow row, String column) {
			return Boolean.TRUE.equals(yesOrNo(row, column));
		}

		/**
		 * A "是"/"否" (or TRUE/FALSE) cell, or null when it is blank or unreadable (either reported), so a service's
		 * rule that depends on the answer (findings required when 否) is not applied to an answer nobody gave.
		 */
		public Boolean yesOrNo(SheetRow row, String column) {
			Boolean value = read(column, () -> row.cell(column).asYesNo(column));
			if (value == null && row.cell(column).isBlank()) {
				refuse(column, "yes-no", Wording.of("import.invalid.yesNoBlank", column), column + "应填“是”或“否”");
			}
			return value;
		}

		/** A whole number cell an {@code int} holds ({@link SheetCell#asInteger}), or null when blank or refused. */
		public Integer integer(SheetRow row, String column) {
			Long n = whole(row, column, -Integer.MAX_VALUE, Integer.MAX_VALUE);
			return n == null ? null : n.intValue();
		}

		/** A record's number (a 设施编号, 计划编号): a whole number from 1 to {@link Long#MAX_VALUE}, or null. */
		public Long id(SheetRow row, String column) {
			return whole(row, column, 1, Long.MAX_VALUE);
		}

		/**
		 * A whole number cell within {@code min} … {@code max} ({@link SheetCell#asWhole}), or null when blank or
		 * refused: anything else — a fraction, text, a number beyond the range or beyond every field's digits (1e40) —
		 * is refused (rule {@code integer}) stating the range, never a bare "应为整数".
		 */
		public Long whole(SheetRow row, String column, long min, long max) {
			return whole(row, column, min, max, min, max);
		}

		/**
		 * A count whose field has its own range ({@code min} … {@code max}, which its service's rule checks — 格口数 1 至
		 * 10000): read as an {@code int} ({@link #integer(SheetRow, String)}), a cell that is no such whole number
		 * refused (rule {@code integer}) stating the field's own range; a whole number outside it is left to the
		 * service's rule.
		 */
		public Integer integer(SheetRow row, String column, int min, int max) {
			Long n = whole(row, column, -Integer.MAX_VALUE, Integer.MAX_VALUE, min, max);
			return n == null ? null : n.intValue();
		}

		/** A whole number within {@code min} … {@code max}, a refusal stating {@code statedMin} … {@code statedMax}. */
		private Long whole(SheetRow row, String column, long min, long max, long statedMin, long statedMax) {
			reads(column, ValueKind.NUMBER);
			String refusal = column + Decimals.wholeIn(statedMin, statedMax);
			if (beyond.remove(column)) {
				// the cell was refused as an error cell when the row was read: told here, once, by the column's range
				add(new FieldError(column, "integer", refusal), SheetCell.wholeIn(column, statedMin, statedMax, null));
				return null;
			}
			try {
				return row.cell(column).asWhole(column, min, max);
			}
			catch (InvalidValueException ex) {
				String echo = row.cell(column).text() == null ? null : Decimals.echo(Text.strip(row.cell(column).text()));
				ex.fieldErrors().forEach(e -> {
					if ("integer".equals(e.rule())) {
						refuse(column, e.rule(), SheetCell.wholeIn(column, statedMin, statedMax, echo),
								refusal + (echo == null ? "" : "：" + echo));
					}
					else {
						refuse(column, e.rule(), wordingOf(ex, e), e.message());
					}
				});
				return null;
			}
		}

		/** A number as written (unrounded; see {@link SheetCell#asNumber(String)}), or null when blank. */
		public BigDecimal decimal(SheetRow row, String column) {
			reads(column, ValueKind.NUMBER);
			return read(column, () -> row.cell(column).asNumber(column));
		}

		/** A number in the field's unit ("%" takes a 12.34 % cell as 12.34; {@link SheetCell#asNumber(String, String)}). */
		public BigDecimal number(SheetRow row, String column, String unit) {
			reads(column, ValueKind.NUMBER);
			return read(column, () -> row.cell(column).asNumber(column, unit));
		}

		/**
		 * A number in the field's unit ({@link #number(SheetRow, String, String)}) whose field holds at most
		 * {@code integerDigits} and {@code fractionDigits}: a cell beyond every field's digits — a number cell
		 * ({@link SheetCell#beyondDigits}) or text ("1e40", 35 digits) — is refused in the field's own terms (rule
		 * {@code digits}, {@link Decimals#tooManyDigits}: "快递业务量超出允许的位数（最多14位整数、4位小数）"), never by the
		 * cell reader's loose bound. A number within that bound is returned for the field's own check to judge.
		 * @param label the field's name in the refusal (an indicator's name; the column's header when none is known)
		 */
		public BigDecimal number(SheetRow row, String column, String unit, String label, int integerDigits, int fractionDigits) {
			reads(column, ValueKind.NUMBER);
			String own = Decimals.tooManyDigits(label, integerDigits, fractionDigits);
			if (toldBeyond(column, label, integerDigits, fractionDigits)) {
				return null;
			}
			try {
				return row.cell(column).asNumber(column, unit);
			}
			catch (InvalidValueException ex) {
				ex.fieldErrors().forEach(e -> refuse(column, e.rule(), "digits".equals(e.rule())
						? Wording.of("kernel.invalid.tooManyDigits", label, Decimals.digitsWording(integerDigits, fractionDigits),
								Decimals.echo(Text.strip(row.cell(column).text())))
						: wordingOf(ex, e),
						"digits".equals(e.rule()) ? own + "：" + Decimals.echo(Text.strip(row.cell(column).text())) : e.message()));
				return null;
			}
		}

		/**
		 * Tells a number cell of the column beyond the digits any field holds ({@link SheetCell#beyondDigits}, read as
		 * blank) by its field's own digits (rule {@code digits}), for an import reading the column its own way.
		 * @return whether the column's cell was such a number (then refused)
		 */
		public boolean toldBeyond(String column, String label, int integerDigits, int fractionDigits) {
			if (!beyond.remove(column)) {
				return false;
			}
			add(new FieldError(column, "digits", Decimals.tooManyDigits(label, integerDigits, fractionDigits) + "，请改正后再导入"),
					Wording.of("import.invalid.tooManyDigits", label, Decimals.digitsWording(integerDigits, fractionDigits)));
			return true;
		}

		/** A date cell (or date text) within 1949-10-01 … 2099-12-31 ({@link Validation#date}), or null when blank. */
		public LocalDate date(SheetRow row, String column) {
			return date(row, column, Validation.EARLIEST_RECORD, Validation.LATEST_RECORD);
		}

		/** A date cell (or date text) within {@code min} … {@code max}, or null when blank; else the row's error. */
		public LocalDate date(SheetRow row, String column, LocalDate min, LocalDate max) {
			reads(column, ValueKind.DATE);
			LocalDate date = read(column, () -> row.cell(column).asDate(column));
			Validation range = new Validation().within(column, column, date, min, max);
			range.errors().forEach(e -> refuse(column, e.rule(), range.wording(e), e.message()));
			return range.hasErrors() ? null : date;
		}

		/** A month (a date cell, 2024-01, 2024年1月 …), or null when blank. */
		public YearMonth month(SheetRow row, String column) {
			reads(column, ValueKind.DATE);
			return read(column, () -> row.cell(column).asMonth(column));
		}

		public boolean hasErrors() {
			return !errors.isEmpty() || !unreadable.isEmpty() || !beyond.isEmpty();
		}

		/** Whether a failure was already recorded under {@code column} (a later check of it need not add another). */
		public boolean failed(String column) {
			return refused.contains(column) || errors.stream().anyMatch(e -> e.field().equals(column));
		}

		/**
		 * Refuses the template's example row left in the sheet — it would otherwise be imported as data: a row whose
		 * every example value is in its column (as text, or a date cell of that day or month; a user's own county, street,
		 * county name or 机关代字 in place of the example's: {@link TemplateExamples#isExample}) fails the first column,
		 * rule {@code example}.
		 * @param headers the template's columns, in the order of {@code example}
		 * @param example the values {@link SheetRows#template} wrote as its example row
		 * @return whether the row is the example
		 */
		public boolean refuseExample(SheetRow row, List<String> headers, List<String> example) {
			for (int i = 0; i < headers.size(); i++) {
				String expected = example.get(i);
				SheetCell cell = row.cell(headers.get(i));
				String actual = cell == null || cell.text() == null ? "" : Text.strip(cell.text());
				// the example of any user's template: the installation-wide values or a user's own place in them
				if (!SheetRows.isExample(expected, actual) && !TemplateExamples.isExample(expected, actual)) {
					return false;
				}
			}
			fail(headers.get(0), "example", "这是导入模板中的示例行，不是数据，请删除后再导入");
			return true;
		}

		private <R> R read(String column, Supplier<R> parse) {
			try {
				return parse.get();
			}
			catch (InvalidValueException ex) {
				ex.fieldErrors().forEach(e -> refuse(column, e.rule(), wordingOf(ex, e), e.message()));
				return null;
			}
		}
	}

	/**
	 * The key of one failure of a refusal ({@link DomainException#wording(FieldError)}): its own, or the refusal's for
	 * the failure saying its sentence; null for a failure without one.
	 */
	private static Wording wordingOf(DomainException refusal, FieldError error) {
		return refusal.wording(error);
	}

	/**
	 * The rules of a value looked up by its name or code that was not found ("exists": 品牌不存在; "dictionary": 企业类型应为
	 * …; "unknown"): a cell holding an invisible or look-alike character is told that instead ({@link RowContext#fail}).
	 */
	private static final Set<String> LOOKUPS = Set.of("exists", "dictionary", "unknown");

	/** Detects a key seen on an earlier row of the same file. */
	public static final class Twins {

		private final Map<String, Integer> seen = new HashMap<>();

		/**
		 * Reports the row as a duplicate of the earlier one with the same key, if any (rule {@code unique},
		 * "…与第N行重复"), under {@code column} — also when that column already failed for its own value (a licence
		 * number of a bad form, one already recorded): the twin is another fact, about another row, which the user
		 * would otherwise meet only on the next upload once the first is fixed. A key that cannot be known (null: a
		 * blank or unreadable cell) reports nothing.
		 */
		public void check(String key, SheetRow row, RowContext context, String column, String what) {
			check(key, row, context, column, null, what);
		}

		/**
		 * {@link #check(String, SheetRow, RowContext, String, String)} with {@code what} as a bundle key too (a record's
		 * identity in words, "同一地区、检查日期和被检查单位的记录"), worded in the reader's language; null words it as
		 * written (a column's label, which the bundle's English of the same words translates).
		 */
		public void check(String key, SheetRow row, RowContext context, String column, Wording whatWording, String what) {
			if (key == null) {
				return;
			}
			Integer twin = seen.putIfAbsent(key, row.number());
			if (twin != null) {
				context.twin(column, Wording.of("import.invalid.twin", whatWording == null ? what : whatWording,
						String.valueOf(twin)), what + "与第" + twin + "行重复");
			}
		}
	}

	private SheetImport() {
	}

	/**
	 * What an import reads a column as, for telling the user what to type instead of a formula without its result:
	 * declared by the reader the row check uses ({@link RowContext#date}, {@link RowContext#decimal} …, or
	 * {@link RowContext#reads}), never guessed from the header (数据来源 is text, though it says 数).
	 */
	public enum ValueKind {

		/** Text (a column read as typed, a dictionary label, 是/否). */
		TEXT("文字"),
		/** A number or an amount. */
		NUMBER("数值"),
		/** A date or a month. */
		DATE("日期");

		private final String label;

		ValueKind(String label) {
			this.label = label;
		}
	}

	/**
	 * Why a name or code a column looks up (a brand, an enterprise, a region, an indicator code) may not have been found,
	 * when {@code text} holds what a name may not — a character that shows nothing (U+200B), a line break, a look-alike
	 * letter ({@link Validation#name}) —: that refusal, on {@code column}, naming the character as every name field's
	 * does (rule {@code invisible-character}, {@code line-break} or {@code look-alike-character}); null when it holds
	 * none or is blank. The one check every import tells a failed look-up by, its own reader or {@link RowContext#fail}.
	 */
	public static FieldError hiddenCharacter(String column, String text) {
		if (text == null || Text.isBlank(text)) {
			return null;
		}
		List<FieldError> found = new Validation().name(column, column, text).errors();
		return found.isEmpty() ? null : found.get(0);
	}

	/**
	 * The refusal of a cell whose value could not be taken, on {@code column}: a formula the file keeps without its
	 * computed result (rule {@code formula-no-result}), an error value such as #REF! or #N/A (rule {@code cell-error}),
	 * or a number cell whose stored value is no number (rule {@code number}) — each saying what to type instead by what
	 * the import reads the column as. The one wording of every import, {@link RowContext} or a reader of its own
	 * ({@link SheetRows#read}): such a cell is told, never taken as blank — a formula in a 说明 column is no empty note.
	 * Null when the cell holds a value (or is blank).
	 * @param kind what the import reads the column as (a free-text column is {@link ValueKind#TEXT})
	 */
	public static FieldError unreadable(String column, SheetCell cell, ValueKind kind) {
		return cell.isError() && !cell.beyondDigits() ? unreadableCell(column, cell.error(), kind) : null;
	}

	/** {@link #unreadable(String, SheetCell, ValueKind)} by the cell's error: its words for each kind of error. */
	private static FieldError unreadableCell(String column, String error, ValueKind kind) {
		String typed = "将该单元格改为" + kind.label;
		if (error.startsWith(SheetCell.NOT_A_NUMBER)) {
			return new FieldError(column, "number", column + "单元格是数字格式，保存的值却不是数字（“"
					+ error.substring(SheetCell.NOT_A_NUMBER.length()) + "”，由程序写入的文件才会有）：请" + typed);
		}
		return SheetCell.NO_RESULT.equals(error)
				? new FieldError(column, "formula-no-result", column
						+ "是公式，但文件中没有保存它的计算结果（由程序生成、未经Excel保存的文件）：请在Excel中打开并保存后再导入，或" + typed)
				: new FieldError(column, "cell-error", column + "单元格的值是错误“" + error + "”（公式出错或引用无效）：请改正公式，或" + typed);
	}

	/** The key of {@link #unreadableCell}'s sentence, the kind said in the reader's language. */
	private static Wording unreadableWording(String column, String error, ValueKind kind) {
		Wording typed = Wording.of("import.kind." + kind.name());
		if (error.startsWith(SheetCell.NOT_A_NUMBER)) {
			return Wording.of("import.invalid.notANumber", column, error.substring(SheetCell.NOT_A_NUMBER.length()), typed);
		}
		return SheetCell.NO_RESULT.equals(error) ? Wording.of("import.invalid.noResult", column, typed)
				: Wording.of("import.invalid.cellError", column, error, typed);
	}

	/** A cell holding a control character (Excel writes U+0000 as _x0000_) fails its column; no field can keep it. */
	private static boolean clean(String column, String text, RowContext context) {
		int at = Text.forbiddenAt(text);
		if (at >= 0) {
			context.refuse(column, "control-character", Wording.of("import.invalid.controlCharacter", column, Text.codePoint(text, at)),
					column + "含有不允许的字符（" + Text.codePoint(text, at) + "）");
			return false;
		}
		return true;
	}

	/**
	 * Checks every row of the sheet; with no failure hands all checked rows to {@code commit} and reports the count.
	 * @param columns the service's field names mapped to the sheet's column names, for errors raised by services
	 */
	public static <T> ImportResult run(byte[] content, List<String> headers, Map<String, String> columns, RowCheck<T> check,
			Consumer<List<T>> commit) {
		return runPrepared(content, headers, columns, rows -> check, commit);
	}

	/**
	 * As {@link #run}, but the row check is made from all rows of the sheet before the first is checked, so an importer
	 * can look up what the rows refer to (operators, existing names, numbers) with one query per kind instead of
	 * queries per row: a 5,000-row sheet costs a few statements, not tens of thousands.
	 *
	 * @param prepare given every data row — a cell that failed the cell checks (an error value, a control character)
	 * reported already and read as blank —, returns the check for each row; every row is checked, so a row lists all
	 * its failures at once
	 * @throws InvalidValueException when the file has no data rows or is not a readable sheet with these headers
	 */
	public static <T> ImportResult runPrepared(byte[] content, List<String> headers, Map<String, String> columns,
			Function<List<SheetRow>, RowCheck<T>> prepare, Consumer<List<T>> commit) {
		return runPrepared(content, headers, List.of(), columns, prepare, commit);
	}

	/**
	 * As {@link #runPrepared(byte[], List, Map, Function, Consumer)} for a sheet that may also have
	 * {@code optionalHeaders} (recognised under a group of a two-row header, {@link SheetRows#read(byte[], List, List)}).
	 */
	public static <T> ImportResult runPrepared(byte[] content, List<String> headers, List<String> optionalHeaders,
			Map<String, String> columns, Function<List<SheetRow>, RowCheck<T>> prepare, Consumer<List<T>> commit) {
		return runPrepared(content, headers, optionalHeaders, Map.of(), columns, prepare, commit);
	}

	/**
	 * As {@link #runPrepared(byte[], List, List, Map, Function, Consumer)}, the headers also recognised by the other
	 * names of {@code headerAliases} ({@link SheetRows#read(byte[], List, List, Map)}: another name → the header).
	 */
	public static <T> ImportResult runPrepared(byte[] content, List<String> headers, List<String> optionalHeaders,
			Map<String, String> headerAliases, Map<String, String> columns, Function<List<SheetRow>, RowCheck<T>> prepare,
			Consumer<List<T>> commit) {
		return runLeavingTotals(content, headers, optionalHeaders, headerAliases, columns, prepare,
				(valid, totals) -> commit.accept(valid));
	}

	/**
	 * The shape itself, for every import: the trailing rows that total the sheet ({@link SheetRows#totalsRows}: 合计,
	 * 小计, 总计 …, whatever their other cells hold) are no data — neither handed to {@code prepare} nor checked, left
	 * out and named in the answer ({@link ImportResult#totalsRows()}).
	 * @param commit given the checked rows and the totals rows left out (sheet row numbers, for the import's record)
	 * @throws InvalidValueException on the field "file" also when every row is a totals row
	 */
	public static <T> ImportResult runLeavingTotals(byte[] content, List<String> headers, List<String> optionalHeaders,
			Map<String, String> headerAliases, Map<String, String> columns, Function<List<SheetRow>, RowCheck<T>> prepare,
			BiConsumer<List<T>, List<Integer>> commit) {
		return runLeavingTotals(content, headers, optionalHeaders, headerAliases, columns, prepare, rows -> Map.of(), commit);
	}

	/**
	 * As {@link #runPrepared(byte[], List, Map, Function, Consumer)}, the rows that passed their own checks then checked
	 * together ({@link FileCheck}); a row failing there is reported like any bad row and nothing is saved.
	 */
	public static <T> ImportResult runPrepared(byte[] content, List<String> headers, Map<String, String> columns,
			Function<List<SheetRow>, RowCheck<T>> prepare, FileCheck<T> together, Consumer<List<T>> commit) {
		return runLeavingTotals(content, headers, List.of(), Map.of(), columns, prepare, together,
				(valid, totals) -> commit.accept(valid));
	}

	/**
	 * As {@link #runLeavingTotals(byte[], List, List, Map, Map, Function, BiConsumer)}, the rows that passed their own
	 * checks then checked together ({@code together}), every failure of both kinds in one answer, in sheet order.
	 */
	public static <T> ImportResult runLeavingTotals(byte[] content, List<String> headers, List<String> optionalHeaders,
			Map<String, String> headerAliases, Map<String, String> columns, Function<List<SheetRow>, RowCheck<T>> prepare,
			FileCheck<T> together, BiConsumer<List<T>, List<Integer>> commit) {
		List<SheetRow> read = SheetRows.read(content, headers, optionalHeaders, headerAliases);
		if (read.isEmpty()) {
			throw new InvalidValueException("file", "empty", Wording.of("import.invalid.noRows"), "文件中没有数据行");
		}
		List<Integer> totals = SheetRows.totalsRows(read);
		if (totals.size() == read.size()) {
			throw new InvalidValueException("file", "empty", Wording.of("import.invalid.onlyTotals", String.join(", ",
					totals.stream().map(String::valueOf).toList())), "文件中没有数据行（" + ImportResult.totalsText(totals) + "）");
		}
		List<SheetRow> rows = read.subList(0, read.size() - totals.size());
		List<RowContext> contexts = new ArrayList<>(rows.size());
		List<SheetRow> checkable = new ArrayList<>(rows.size());
		for (SheetRow row : rows) {
			RowContext context = new RowContext(columns, row);
			Map<String, SheetCell> cells = new LinkedHashMap<>();
			// a cell that cannot be checked at all (an error value, a control character) is reported and then read as
			// blank, so the row's other cells are still checked and look-ups never see what the database cannot take
			row.cells().forEach((column, cell) -> cells.put(column,
					clean(column, cell.text(), context) && !cell.isError() ? cell : SheetCell.BLANK));
			contexts.add(context);
			checkable.add(new SheetRow(row.number(), cells, row.label()));
		}
		RowCheck<T> check = prepare.apply(checkable);
		List<RowErrors> errors = new ArrayList<>();
		Map<Integer, T> passed = new LinkedHashMap<>();
		for (int i = 0; i < rows.size(); i++) {
			SheetRow row = checkable.get(i);
			RowContext context = contexts.get(i);
			T value = check.check(row, context);
			context.finish();
			if (context.hasErrors()) {
				errors.add(new RowErrors(row.number(), List.copyOf(context.errors), context.wordings));
			}
			else {
				passed.put(row.number(), value);
			}
		}
		Map<Integer, List<FieldError>> between = passed.isEmpty() ? Map.of() : together.check(passed);
		between.forEach((number, failures) -> {
			if (!failures.isEmpty()) {
				errors.add(new RowErrors(number, List.copyOf(failures)));
			}
		});
		errors.sort(Comparator.comparingInt(RowErrors::number));
		List<T> valid = passed.entrySet().stream()
			.filter(e -> between.getOrDefault(e.getKey(), List.of()).isEmpty())
			.map(Map.Entry::getValue)
			.toList();
		if (!errors.isEmpty()) {
			return new ImportResult(0, errors, SheetRows.annotate(content, errors), totals);
		}
		commit.accept(valid, totals);
		return new ImportResult(valid.size(), List.of(), null, totals);
	}
}
