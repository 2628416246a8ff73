package org.youguan.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;
import org.youguan.kernel.Wording;

/**
 * Reads the first visible sheet of an uploaded .xlsx by its header row — each cell as its value ({@link SheetCell}: cached
 * formula results, dates as dates, numbers unrounded), through the one streaming reader every import uses — and writes
 * the same workbook back with an error column for the rows that failed: the shape of every bulk import, check every row
 * first, import all or nothing.
 */
public final class SheetRows {

	/**
	 * One data row: its 1-based row number in the sheet, its cells by header, and the text of its first text cell in
	 * any column of the sheet, under a header or not (a 序号 column, a label in column A), as read; null when none.
	 */
	public record SheetRow(int number, Map<String, SheetCell> cells, String label) {

		/** A row read without its label (a row built by a check or a test). */
		public SheetRow(int number, Map<String, SheetCell> cells) {
			this(number, cells, null);
		}

		/**
		 * Whether the row totals the sheet rather than records data: its first text cell — in the first column, or the
		 * first one filled when the label stands further right — says 合计, 小计, 总计 or 共计 (maybe with a colon and what
		 * it counts, 合计：3件; full-width or spaced). Whatever its other cells hold does not matter: cached numbers or
		 * dates of formulas saved by Excel, formulas without results, error values.
		 */
		public boolean totals() {
			return label != null
					&& TOTALS.matcher(Normalizer.normalize(label, Normalizer.Form.NFKC).replaceAll("\\s", "")).matches();
		}

		/** The cell as text a person would type for it ({@link SheetCell#text()}), stripped; null when blank. */
		public String get(String header) {
			String v = cell(header).text();
			return v == null || Text.isBlank(v) ? null : Text.strip(v);
		}

		/** The cell's value (a blank cell when the column is empty or absent). */
		public SheetCell cell(String header) {
			return cells.getOrDefault(header, SheetCell.BLANK);
		}

		/** The columns holding an error value (#DIV/0!, #N/A, a formula without a result), with the error. */
		public Map<String, String> errorCells() {
			Map<String, String> errors = new LinkedHashMap<>();
			cells.forEach((header, cell) -> {
				if (cell.isError()) {
					errors.put(header, cell.error());
				}
			});
			return errors;
		}
	}

	/** The kind of file every import reads, as messages name it. */
	public static final String KIND = "Excel工作簿（.xlsx）";

	/**
	 * The failures of one row.
	 * @param wordings the failures that carry their sentence's key ({@link SheetImport.RowContext#fail(String, String,
	 * Wording, String)}), for the reader's language; the others are worded as written
	 */
	public record RowErrors(int number, List<FieldError> errors, Map<FieldError, Wording> wordings) {

		public RowErrors {
			wordings = Map.copyOf(wordings);
		}

		/** Failures without keys. */
		public RowErrors(int number, List<FieldError> errors) {
			this(number, errors, Map.of());
		}

		/** The key of {@code error}'s sentence, or null when it carries none. */
		public Wording wording(FieldError error) {
			return wordings.get(error);
		}
	}

	public static final long MAX_BYTES = 20L * 1024 * 1024;

	/** A totals row's label: 合计, 小计, 总计 or 共计, maybe with a colon and what it counts (合计：3件). */
	private static final Pattern TOTALS = Pattern.compile("^(合计|小计|总计|共计)([:：].*)?$");

	/**
	 * The rows at the end of the sheet that total it ({@link SheetRow#totals()}), in sheet order: an import leaves them
	 * out and names them in its answer. Only at the end — a totals-like row between data rows is data and is checked.
	 */
	public static List<Integer> totalsRows(List<SheetRow> rows) {
		List<Integer> totals = new ArrayList<>();
		for (int i = rows.size() - 1; i >= 0 && rows.get(i).totals(); i--) {
			totals.add(0, rows.get(i).number());
		}
		return totals;
	}

	/**
	 * The most rows with content under the header one import file may carry unless {@code youguan.documents.max-import-rows}
	 * says otherwise (empty rows, however formatted, do not count).
	 */
	public static final int DEFAULT_MAX_ROWS = 10_000;

	private SheetRows() {
	}

	/** How many rows with content above the data the header may be looked for in (title rows, two-row headers). */
	static final int HEADER_SEARCH_ROWS = 10;

	/**
	 * The data rows under the header row (the first row with content). The file must be an .xlsx (checked by content),
	 * carry every required header, and stay within the size limit and the configured number of data rows
	 * ({@link #DEFAULT_MAX_ROWS}, {@code youguan.documents.max-import-rows}) — the streaming reader stops at the first row
	 * beyond it, before the rest of the sheet is read; rows without
	 * content — even bordered or formatted ones down to the sheet's end — are skipped and not counted.
	 * What the file expands to must stay within {@link OfficeFiles}' limits (checked before POI parses it).
	 * As {@link #read(byte[], List, List)} with no optional headers.
	 */
	public static List<SheetRow> read(byte[] content, List<String> requiredHeaders) {
		return read(content, requiredHeaders, List.of());
	}

	/**
	 * The data rows under the header row, as real sheets lay it out: the header row is the first row with content that
	 * names every required header, within the first {@value #HEADER_SEARCH_ROWS} rows with content — rows above it (a
	 * title merged across the sheet, the upper row of a two-row header) are not data. In a two-row header a column's
	 * name is read as Excel shows it: a header merged down both rows keeps its text in the upper cell, and a name under
	 * a group merged across columns (责令改正通知书 over 文号, 下达日期 …) is the group and the name together
	 * ("责令改正通知书文号") when that is a required or optional header and the name alone is not.
	 * @param optionalHeaders headers a sheet may have (only used to recognise grouped names)
	 * @throws InvalidValueException on the field "file": not an .xlsx, too large, too many rows, a header missing, a
	 * data row hidden in Excel (rule {@code hidden-rows}, naming the rows), a column read hidden in Excel with data under
	 * it (rule {@code hidden-columns}, naming the columns)
	 */
	public static List<SheetRow> read(byte[] content, List<String> requiredHeaders, List<String> optionalHeaders) {
		return read(content, requiredHeaders, optionalHeaders, Map.of());
	}

	/**
	 * As {@link #read(byte[], List, List)}, a header also recognised by another name bureaus' own sheets use for it
	 * (信用代码 for 当事人统一社会信用代码, 罚款数额 for 罚款金额（元）) and, as any header, however its width and spaces are
	 * typed ({@link #headerKey}: 罚款金额(元) is 罚款金额（元）); the rows are keyed by the header's own name.
	 * @param aliases another name → the header it stands for (a required or optional one)
	 */
	public static List<SheetRow> read(byte[] content, List<String> requiredHeaders, List<String> optionalHeaders,
			Map<String, String> aliases) {
		OfficeFiles.requireOoxml(content, "file", "xlsx", KIND);
		if (content.length > MAX_BYTES) {
			throw new InvalidValueException("file", "size", "文件不能超过20MB");
		}
		OfficeFiles.requireWithinLimits(content, "file", KIND);
		Map<String, String> known = new HashMap<>();
		aliases.forEach((alias, header) -> known.put(headerKey(alias), header));
		requiredHeaders.forEach(h -> known.put(headerKey(h), h));
		optionalHeaders.forEach(h -> known.put(headerKey(h), h));
		// each by its bare name too (no unit in brackets, no * marker): an exact name is found first
		Map.copyOf(known).forEach((key, header) -> known.putIfAbsent(bareKey(key), header));
		Set<String> read = Set.copyOf(known.values());
		int maxRows = OfficeFiles.maxImportRows();
		List<SheetRow> rows = new ArrayList<>();
		Map<Integer, String> headers = new LinkedHashMap<>();
		List<Map<Integer, String>> above = new ArrayList<>();
		List<List<String>> missingBest = new ArrayList<>();
		Map<Integer, String> headerRow = new TreeMap<>();
		boolean[] lowerRowChecked = { false };
		SheetReader.SheetRead sheet = SheetReader.read(content, (number, cells) -> {
			if (headers.isEmpty()) {
				Map<Integer, String> texts = texts(cells);
				Map<Integer, String> named = headerNames(texts, above.isEmpty() ? Map.of() : above.get(above.size() - 1),
						known);
				List<String> missing = requiredHeaders.stream().filter(h -> !named.containsValue(h)).toList();
				if (missing.isEmpty()) {
					headers.putAll(named);
					headerRow.putAll(texts);
					return;
				}
				if (missingBest.isEmpty() || missing.size() < missingBest.get(0).size()) {
					missingBest.clear();
					missingBest.add(missing);
				}
				above.add(texts);
				if (above.size() == HEADER_SEARCH_ROWS) {
					throw missingHeaders(missingBest.get(0), content);
				}
				return;
			}
			if (!lowerRowChecked[0]) {
				lowerRowChecked[0] = true;
				Map<Integer, String> named = lowerHeaderRow(cells, headerRow, known);
				if (named != null && requiredHeaders.stream().allMatch(named::containsValue)) {
					// the upper row named every required column; this one names the columns under its groups
					headers.clear();
					headers.putAll(named);
					return;
				}
			}
			Map<String, SheetCell> byHeader = new LinkedHashMap<>();
			headers.forEach((column, header) -> byHeader.put(header, cells.getOrDefault(column, SheetCell.BLANK)));
			// a row with nothing under the columns read is empty, whatever a 序号 or helper column beside them holds
			if (byHeader.entrySet().stream().filter(e -> read.isEmpty() || read.contains(e.getKey()))
				.allMatch(e -> e.getValue().isBlank())) {
				return;
			}
			if (rows.size() == maxRows) {
				throw new InvalidValueException("file", "rows", Wording.of("file.refusal.maxRows", String.valueOf(maxRows)), "一次最多导入" + maxRows + "行数据（不含表头），本文件超过了这一上限，请分成几个文件导入");
			}
			String label = cells.values().stream().filter(c -> c.kind() == SheetCell.Kind.TEXT).map(SheetCell::text)
				.map(Text::strip).filter(t -> !t.isEmpty()).findFirst().orElse(null);
			rows.add(new SheetRow(number, byHeader, label));
		});
		if (headers.isEmpty() && !requiredHeaders.isEmpty()) {
			throw missingHeaders(missingBest.isEmpty() ? requiredHeaders : missingBest.get(0), content);
		}
		refuseHiddenRows(rows, sheet.hiddenRows());
		refuseHiddenColumns(rows, headers, read, sheet);
		refuseConcealedCells(rows, headers, read);
		fillMergedDown(rows, headers, sheet.merged());
		return rows;
	}

	/** How many hidden rows a refusal names at most. */
	static final int MAX_HIDDEN_NAMED = 20;

	/**
	 * Refuses a sheet whose data rows include rows Excel does not show (hidden by hand, by a filter or a collapsed
	 * group, or zero high): the person uploading sees the visible rows only and would import the hidden ones unknowingly
	 * — or expects a filter to leave them out, which no import can guess. Rows that are not imported do not count:
	 * those without content under the columns read, those above the header, the trailing totals rows
	 * ({@link #totalsRows}). The refusal names the rows (at most {@value #MAX_HIDDEN_NAMED}), on the field "file", rule
	 * {@code hidden-rows}.
	 */
	private static void refuseHiddenRows(List<SheetRow> rows, List<Integer> hiddenRows) {
		if (hiddenRows.isEmpty()) {
			return;
		}
		Set<Integer> hidden = new HashSet<>(hiddenRows);
		Set<Integer> totals = new HashSet<>(totalsRows(rows));
		List<Integer> data = rows.stream().map(SheetRow::number).filter(n -> hidden.contains(n) && !totals.contains(n))
			.toList();
		if (data.isEmpty()) {
			return;
		}
		String named = String.join("、", data.stream().limit(MAX_HIDDEN_NAMED).map(String::valueOf).toList())
				+ (data.size() > MAX_HIDDEN_NAMED ? "等" + data.size() + "行" : "行");
		throw new InvalidValueException("file", "hidden-rows", "工作表中有隐藏的数据行：第" + named
				+ "。隐藏的行也会被导入，请在Excel中取消隐藏（含筛选、分组折叠的行），核对后删除不需导入的行再上传");
	}

	/**
	 * Refuses a sheet with a column Excel does not show (hidden by hand or a collapsed group, or zero wide) among those
	 * read, with a value in a data row: the person uploading checks the visible columns only and would import what the
	 * hidden one holds unseen — as {@link #refuseHiddenRows} refuses hidden rows. A hidden column that is not read (a
	 * helper or 序号 column) or that holds nothing in the rows imported does not count. The refusal names the columns
	 * by letter and header, on the field "file", rule {@code hidden-columns}.
	 */
	private static void refuseHiddenColumns(List<SheetRow> rows, Map<Integer, String> headers, Set<String> read,
			SheetReader.SheetRead sheet) {
		if (sheet.hiddenColumns().isEmpty() || rows.isEmpty()) {
			return;
		}
		List<String> named = new ArrayList<>();
		headers.forEach((column, header) -> {
			if ((read.isEmpty() || read.contains(header)) && sheet.columnHidden(column)
					&& rows.stream().anyMatch(r -> !r.cell(header).isBlank())) {
				named.add(CellReference.convertNumToColString(column) + "列“" + header + "”");
			}
		});
		if (!named.isEmpty()) {
			throw new InvalidValueException("file", "hidden-columns", "工作表中有隐藏的数据列：" + String.join("、", named)
					+ "。隐藏的列也会被导入，请在Excel中取消隐藏（含分组折叠的列），核对其中的内容后再上传");
		}
	}

	/**
	 * Refuses a sheet with a cell whose number format shows nothing of its value ({@link SheetCell#concealedBy}: ";;;",
	 * or a section of literal text only) among the columns read, in a data row: Excel shows an empty cell, the person
	 * uploading checks it as empty, and the import would take what it holds unseen — as a hidden row or column
	 * ({@link #refuseHiddenRows}). So is a cell whose font shows nothing one can read ({@link SheetFonts#unseen}): text
	 * in the colour of its fill or of the white sheet (white on white, black on black), or in a font of 2 pt or less —
	 * while white text on a dark fill is read. Rows not imported (the trailing totals rows) do not count. The refusal
	 * names each cell by row, column letter and header (at most {@value #MAX_HIDDEN_NAMED}) and what hides the first
	 * (数字格式“;;;”, 字体颜色#FFFFFF与底色#FFFFFF相同, 字号仅1磅), on the field "file", rule {@code hidden-content}.
	 */
	private static void refuseConcealedCells(List<SheetRow> rows, Map<Integer, String> headers, Set<String> read) {
		Set<Integer> totals = new HashSet<>(totalsRows(rows));
		List<String> named = new ArrayList<>();
		String format = null;
		int count = 0;
		for (SheetRow row : rows) {
			if (totals.contains(row.number())) {
				continue;
			}
			for (Map.Entry<Integer, String> column : headers.entrySet()) {
				SheetCell cell = row.cell(column.getValue());
				if ((read.isEmpty() || read.contains(column.getValue())) && cell.concealedBy() != null) {
					format = format == null ? cell.concealedBy() : format;
					if (count++ < MAX_HIDDEN_NAMED) {
						named.add("第" + row.number() + "行" + CellReference.convertNumToColString(column.getKey()) + "列“"
								+ column.getValue() + "”");
					}
				}
			}
		}
		if (count > 0) {
			throw new InvalidValueException("file", "hidden-content", "单元格内容被格式隐藏（如" + format + "）："
					+ String.join("、", named) + (count > MAX_HIDDEN_NAMED ? "等" + count + "个单元格" : "")
					+ "。Excel中看不到这些内容，导入的却是其中的内容，请取消隐藏（将单元格格式改为“常规”，字体改为常规的颜色和字号）并核对后再导入");
		}
	}

	/**
	 * A cell merged down a column (one 案件来源 or 企业名称 over several rows of a ledger) shows its value on every row
	 * it spans, but the file keeps it in the top cell only: each data row the merge covers gets the top cell's value —
	 * also over a value a crafted or converted file keeps hidden under the merge, since Excel shows the top cell's.
	 * That fill-down is for labels and groups: the value so copied (and the top cell's own) is marked with its range
	 * ({@link SheetCell#mergedRange()}), so a column read as a number refuses it ({@link SheetCell#asNumber}) — one
	 * typed number over three rows is not three rows' numbers. A range merged across columns is not spread (which
	 * column its value belongs to is not for the reader to guess), but its top cell is marked when it spans data rows;
	 * a data row that shows nothing but merged cells was already skipped as blank.
	 */
	private static void fillMergedDown(List<SheetRow> rows, Map<Integer, String> headers, List<CellRangeAddress> merged) {
		if (merged.isEmpty() || rows.isEmpty()) {
			return;
		}
		Map<Integer, Integer> index = new HashMap<>();
		for (int i = 0; i < rows.size(); i++) {
			index.put(rows.get(i).number(), i);
		}
		// Excel's merges never overlap, so each data cell is visited once; a crafted file's overlapping ones stop here
		long budget = (long) rows.size() * Math.max(1, headers.size());
		for (CellRangeAddress range : merged) {
			String header = headers.get(range.getFirstColumn());
			Integer top = index.get(range.getFirstRow() + 1);
			if (header == null || top == null) {
				continue;
			}
			int last = top;
			while (last + 1 < rows.size() && rows.get(last + 1).number() <= range.getLastRow() + 1) {
				if (--budget < 0) {
					return;
				}
				last++;
			}
			if (last == top) {
				continue; // the range shows its value on one data row only: that row's value
			}
			SheetCell value = rows.get(top).cell(header).mergedOver(range.formatAsString());
			rows.get(top).cells().put(header, value);
			if (range.getFirstColumn() != range.getLastColumn()) {
				continue;
			}
			// rows are in sheet order: the data rows below the top one the range covers
			for (int i = top + 1; i <= last; i++) {
				rows.get(i).cells().put(header, value);
			}
		}
	}

	/** The stripped texts of a row's cells with content, by column. */
	private static Map<Integer, String> texts(Map<Integer, SheetCell> cells) {
		Map<Integer, String> texts = new TreeMap<>();
		cells.forEach((column, cell) -> {
			String text = cell.text() == null ? "" : Text.strip(cell.text());
			if (!text.isEmpty()) {
				texts.put(column, text);
			}
		});
		return texts;
	}

	/**
	 * The column names of the row under a header row when it is the lower row of a two-row header whose upper row
	 * already named every required column — its groups merged across hold optional columns only (附加信息 over 通信设施,
	 * 货架): every cell is text naming a known header by itself or with its group; else null (a data row).
	 */
	private static Map<Integer, String> lowerHeaderRow(Map<Integer, SheetCell> cells, Map<Integer, String> upper,
			Map<String, String> known) {
		Map<Integer, String> texts = texts(cells);
		if (texts.isEmpty() || cells.values().stream().anyMatch(c -> !c.isBlank() && c.kind() != SheetCell.Kind.TEXT)) {
			return null;
		}
		for (Map.Entry<Integer, String> e : texts.entrySet()) {
			String group = null;
			for (int c = e.getKey(); c >= 0 && group == null; c--) {
				group = upper.get(c);
			}
			boolean named = lookup(known, e.getValue()) != null || group != null && grouped(known, group, e.getValue()) != null;
			if (!named || upper.containsKey(e.getKey()) && upper.get(e.getKey()).equals(e.getValue())) {
				return null;
			}
		}
		return headerNames(texts, upper, known);
	}

	/**
	 * A header as compared: compatibility-normalised (NFKC: full-width brackets and letters are ASCII), without any
	 * white space ("罚款金额 (元)" is 罚款金额（元）).
	 */
	static String headerKey(String header) {
		return Normalizer.normalize(header, Normalizer.Form.NFKC).replaceAll("\\s", "");
	}

	/** A trailing part in brackets (a unit: （㎡） is (m2) once normalised, （元）, （万件）). */
	private static final Pattern TRAILING_BRACKETS = Pattern.compile("\\([^()]*\\)$");

	/**
	 * A header key without what a person adds to a column's name: the * (or ※) marking a required column, before or
	 * after it, and a unit in brackets at its end — 存储场地面积（㎡） and *网点名称 name 存储场地面积 and 网点名称.
	 */
	static String bareKey(String key) {
		String bare = key.replaceAll("^[*※]+|[*※]+$", "");
		bare = TRAILING_BRACKETS.matcher(bare).replaceFirst("");
		return bare.replaceAll("^[*※]+|[*※]+$", "");
	}

	/** The known header a cell's text names, exactly or by its bare name ({@link #bareKey}); null when none. */
	private static String lookup(Map<String, String> known, String text) {
		String key = headerKey(text);
		String header = known.get(key);
		return header != null ? header : known.get(bareKey(key));
	}

	/**
	 * The known header a column's name makes with its group above (a two-row header): the group and the name
	 * (负责人 + 电话), the group without a trailing 信息 or 情况 (负责人信息 over 身份证号 is 负责人身份证号), or that
	 * group alone over a 姓名 or 名称 (负责人信息 over 姓名 is 负责人); null when none.
	 */
	private static String grouped(Map<String, String> known, String group, String own) {
		String header = lookup(known, group + own);
		String stem = Text.strip(group).replaceAll("(信息|情况)$", "");
		if (header == null && !stem.equals(Text.strip(group))) {
			header = lookup(known, stem + own);
		}
		if (header == null && (Text.strip(own).equals("姓名") || Text.strip(own).equals("名称"))) {
			header = lookup(known, stem);
		}
		return header;
	}

	/** The refusal of a sheet without the headers, naming the sheet read when the workbook has several. */
	private static InvalidValueException missingHeaders(List<String> missing, byte[] content) {
		var read = SheetReader.sheetReadAmongSeveral(content);
		String sheet = read.map(name -> "读取的是第一个可见工作表“" + name + "”，").orElse("");
		String columns = String.join("、", missing);
		return new InvalidValueException("file", "headers", read.isPresent()
				? Wording.of("file.refusal.headersSheet", columns, Wording.typed(read.get())) : Wording.of("file.refusal.headers", columns), "表头缺少：" + String.join("、", missing) + "（" + sheet + "请使用导入模板）");
	}

	/**
	 * The names of a candidate header row's columns, given the row above it: a blank cell takes the text above it
	 * (merged down), a name that is not a known header but makes one with the group above it (the nearest text at or
	 * left of its column in the row above, merged across) takes that; each name once, the leftmost column keeping it —
	 * except a known header typed in two columns (itself or by two of its names), which is refused (rule
	 * {@code duplicate-column}): the two may differ, and which one counts is not for the reader to guess.
	 */
	private static Map<Integer, String> headerNames(Map<Integer, String> row, Map<Integer, String> up,
			Map<String, String> known) {
		Set<Integer> columns = new TreeSet<>(row.keySet());
		columns.addAll(up.keySet());
		Map<Integer, String> names = new LinkedHashMap<>();
		for (int column : columns) {
			String own = row.get(column);
			String name;
			if (own == null) {
				name = up.get(column);
			}
			else if (lookup(known, own) != null) {
				name = lookup(known, own);
			}
			else {
				String group = null;
				for (int c = column; c >= 0 && group == null; c--) {
					group = up.get(c);
				}
				String inGroup = group == null ? null : grouped(known, group, own);
				name = inGroup != null ? inGroup : own;
			}
			if (name != null && own != null && known.containsValue(name) && names.containsValue(name)) {
				// two columns for one field (a ledger's 罚款（元） beside 罚款数额): which one counts is not for the reader to guess
				String first = names.entrySet().stream().filter(e -> e.getValue().equals(name)).map(Map.Entry::getKey)
					.map(c -> row.getOrDefault(c, name)).findFirst().orElse(name);
				throw new InvalidValueException("file", "duplicate-column", Wording.of("file.refusal.duplicateColumn", first, own, name), "表头“" + first + "”与“" + own + "”都表示“" + name
						+ "”，请只保留其中一列");
			}
			if (name != null && !names.containsValue(name)) {
				names.put(column, name);
			}
		}
		return names;
	}

	/**
	 * One failure as its cell says it: "field{@code colon}message" — the message alone where it names its field that way
	 * already (an English message "Decision number: the same as row 2" is not "Decision number: Decision number: …").
	 */
	private static String named(FieldError f, String colon) {
		String message = f.message() == null ? "" : f.message();
		String field = f.field() == null ? "" : f.field();
		boolean namesIt = !field.isEmpty() && (message.startsWith(field + colon.strip()) || message.startsWith(field + "：")
				|| message.startsWith(field + ":"));
		return namesIt ? message : field + colon + message;
	}

	/**
	 * The uploaded workbook with a red "错误" column naming field and rule for every failed row. Read whole into memory,
	 * so it takes its turn ({@link OfficeFiles#inMemory}).
	 */
	public static byte[] annotate(byte[] content, List<RowErrors> errors) {
		return annotate(content, errors, "错误", "：", "；");
	}

	/**
	 * As {@link #annotate(byte[], List)} in another language: the errors as given (already worded), under
	 * {@code heading}, each "field{@code colon}message", joined by {@code between}.
	 */
	public static byte[] annotate(byte[] content, List<RowErrors> errors, String heading, String colon, String between) {
		return OfficeFiles.inMemory(() -> annotated(content, errors, heading, colon, between));
	}

	private static byte[] annotated(byte[] content, List<RowErrors> errors, String heading, String colon, String between) {
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(content));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.getSheetAt(firstVisible(book));
			Row head = headerRow(sheet);
			// after the widest row: a title row merged across the sheet may hold a single cell
			int column = 0;
			for (Row r : sheet) {
				column = Math.max(column, r.getLastCellNum());
			}
			head.createCell(column).setCellValue(heading);
			CellStyle red = book.createCellStyle();
			red.setFillForegroundColor(IndexedColors.ROSE.getIndex());
			red.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			CellStyle quotedRed = Spreadsheets.quoted(book, red);
			for (RowErrors e : errors) {
				Row row = sheet.getRow(e.number() - 1);
				if (row == null) {
					row = sheet.createRow(e.number() - 1);
				}
				Cell cell = row.createCell(column);
				// the messages echo what was typed: never a formula however a row's field or value begins
				Spreadsheets.setText(cell, Spreadsheets.fit(String.join(between,
						e.errors().stream().map(f -> named(f, colon)).toList())), red, quotedRed);
			}
			sheet.setColumnWidth(column, 80 * 256);
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The index of the sheet {@link #read} reads: the first one not hidden (0 when all are, which POI never saves). */
	private static int firstVisible(XSSFWorkbook book) {
		for (int i = 0; i < book.getNumberOfSheets(); i++) {
			if (book.getSheetVisibility(i) == SheetVisibility.VISIBLE) {
				return i;
			}
		}
		return 0;
	}

	/** The first row with a cell that is not blank, as {@link #read} takes it. */
	private static Row headerRow(Sheet sheet) {
		for (Row row : sheet) {
			for (Cell cell : row) {
				if (cell.getCellType() != CellType.BLANK) {
					return row;
				}
			}
		}
		return sheet.getRow(sheet.getFirstRowNum());
	}

	/**
	 * An empty template: the headers, and one example row — each example day ({@code 2025-03-05}) as a date cell shown
	 * {@code yyyy-mm-dd} and each example month ({@code 2025-03}) as a date cell of its first day shown {@code yyyy-mm},
	 * as the exports write a day ({@link Spreadsheets#write}), so a person filling the template in
	 * Excel or WPS types over a date cell and the column sorts and filters as dates; every other value as its text. The
	 * import reads a date cell, a text date and a date serial in General alike ({@link SheetCell#asDate}), and knows the
	 * example row by its values either way ({@link SheetImport.RowContext#refuseExample}).
	 * @param example the example row's values as typed (a day as {@code yyyy-MM-dd})
	 */
	public static byte[] template(String sheetName, List<String> headers, List<String> example) {
		List<Object> row = example.stream().map(SheetRows::exampleValue).toList();
		return new Spreadsheets().write(sheetName, IntStream.range(0, headers.size())
			.mapToObj(i -> Column.<List<Object>>of(headers.get(i), r -> r.get(i), 22))
			.toList(), List.of(row));
	}

	/** An example day as typed in a template's example row: four digits, two and two, hyphenated. */
	private static final Pattern EXAMPLE_DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	/** An example month as typed in a template's example row: four digits, a hyphen and two. */
	private static final Pattern EXAMPLE_MONTH = Pattern.compile("\\d{4}-\\d{2}");

	/**
	 * An example value as a template writes it: a real day ({@link #EXAMPLE_DAY}) as the date, a real month
	 * ({@link #EXAMPLE_MONTH}, {@code 2020-01}) as a month cell ({@code YearMonth}: a date cell shown {@code yyyy-mm}),
	 * else the text itself.
	 */
	static Object exampleValue(String value) {
		try {
			if (value != null && EXAMPLE_DAY.matcher(value).matches()) {
				return LocalDate.parse(value);
			}
			if (value != null && EXAMPLE_MONTH.matcher(value).matches()) {
				return YearMonth.parse(value);
			}
		}
		catch (DateTimeParseException notADate) {
			return value;
		}
		return value;
	}

	/**
	 * Whether a cell holds a template's example value as {@link #template} wrote it: the text itself, or for an example
	 * month ({@code 2020-01}) the date cell of its first day the template wrote ({@code 2020-01-01} as its text).
	 * @param actual the cell's text ({@link SheetCell#text}), stripped; "" when blank
	 */
	static boolean isExample(String expected, String actual) {
		return expected.equals(actual) || EXAMPLE_MONTH.matcher(expected).matches() && actual.equals(expected + "-01");
	}
}
