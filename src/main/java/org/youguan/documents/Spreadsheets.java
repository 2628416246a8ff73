package org.youguan.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.youguan.kernel.EnumWords;
import org.youguan.kernel.Wording;
import org.youguan.platform.ChinaTime;

/**
 * Writes any list as an .xlsx sheet (streaming, so large exports stay in bounded memory): a bold header row frozen at
 * the top, an auto-filter, and a CJK font so Chinese renders in every office suite. Dates and moments are date cells in
 * a Chinese format and numbers numeric cells, so Excel and WPS sort and filter them as such. Every value is written as a value,
 * never as a formula: a text that a spreadsheet would take for one when the cell is edited or the file re-saved as CSV
 * ({@code =HYPERLINK(…)}, {@code @SUM(1)}, {@code +1}, {@code -1+1}, a leading tab or line break — OWASP's "CSV
 * injection") is kept as typed and marked as text with the cell's quote prefix (Excel's leading {@code '}), so it stays
 * text whatever the reader does with it.
 */
@Service
public class Spreadsheets {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	/** Excel's format of a date cell: 2026-03-05, as the pages and the imports write a day. */
	static final String DATE_FORMAT = "yyyy-mm-dd";

	/** Excel's format of a month cell: 2026-03 (the month's first day underneath), as a template's 月份 is written. */
	static final String MONTH_FORMAT = "yyyy-mm";

	/** Excel's format of a date-time cell: 2026-03-05 14:30:00, as the export wrote a moment before. */
	static final String DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm:ss";

	/** The years a date cell holds: Excel's dates run from 1900-01-01 to 9999-12-31 (serial 0 is "1900-01-00"). */
	private static final int FIRST_YEAR = 1900;

	private static final int LAST_YEAR = 9999;

	/** Where each written list is announced ({@link SheetExported}), or null for a writer outside the container. */
	private final ApplicationEventPublisher events;

	/** A writer that announces nothing: sheets that are no list of records (a report's form, an import template). */
	public Spreadsheets() {
		this(null, null);
	}

	/**
	 * Where an export's headers are worded in the reader's language ({@link #header}), or null: every header as the
	 * column gives it (Chinese).
	 */
	private final MessageSource messages;

	/**
	 * The application's writer: every list it writes is announced ({@link SheetExported}) for the audit trail, and its
	 * headers are worded in the language of the request it answers ({@link #header}).
	 * @param events the application's event publisher
	 * @param messages the UI bundles
	 */
	@Autowired
	public Spreadsheets(ApplicationEventPublisher events, MessageSource messages) {
		this.events = events;
		this.messages = messages;
	}

	/** The UI bundle's prefix of an export header's wording: {@code export.header.} + the header as the column gives it. */
	public static final String HEADER_KEY = "export.header.";

	/**
	 * A column's header as the sheet writes it: in English when the request being answered reads the pages in English
	 * ({@code ?lang=en}: the bundle's {@value #HEADER_KEY}{@code <header>}, the header itself where the bundle has none —
	 * a header naming an indicator or a year), otherwise as the column gives it. Chinese stays the default: outside a
	 * request (a job, a service called directly) and in the application's own writers without bundles (import templates,
	 * a report's form, whose headers the imports read) nothing is translated. The number format still follows the
	 * Chinese header ({@link Unit#of}).
	 */
	String header(String header) {
		Locale locale = translatedTo();
		return locale == null ? header : messages.getMessage(HEADER_KEY + header, null, header, locale);
	}

	/** The UI bundle's prefix of an export's sheet name: {@code export.sheet.} + the name as the export gives it. */
	public static final String SHEET_KEY = "export.sheet.";

	/**
	 * The sheet's name as the workbook writes it: worded as the headers are ({@link #header}), the bundle's
	 * {@value #SHEET_KEY}{@code <name>} in English — for a name beginning with its year the bundle's
	 * {@value #SHEET_KEY}{@code {0}<rest>} with the year — the name itself where the bundle has none.
	 */
	String sheetName(String name) {
		Locale locale = translatedTo();
		if (locale == null || name == null) {
			return name;
		}
		String worded = messages.getMessage(SHEET_KEY + name, null, null, locale);
		if (worded != null) {
			return worded;
		}
		// a name built with its year (2026年任务推进情况): the bundle's sentence with the year as {0}
		Matcher year = LEADING_YEAR.matcher(name);
		return year.matches() ? messages.getMessage(SHEET_KEY + "{0}" + year.group(2), new Object[] { year.group(1) }, name, locale)
				: name;
	}

	/** A sheet's name that begins with its year: the year, then the rest from 年 on. */
	private static final Pattern LEADING_YEAR = Pattern.compile("(\\d{4})(年.+)");

	/**
	 * A cell's value with its words in the sheet's language, as the headers are ({@link #header}): a choice (an enum
	 * constant: a status, a penalty's kind) as its label ({@link EnumWords}: the bundle's {@code enum.<Type>.<CONSTANT>}
	 * in English, its own Chinese {@code label()} otherwise), a yes/no as 是/否 or the bundle's
	 * {@code export.value.true/false}, an export's own word ({@link SheetWord}) as written or the bundle's, a sentence
	 * of the bundle ({@link Wording}: a row's worked-out state) or a list of choices (a user's roles) as
	 * {@link EnumWords} words it — in Chinese outside a request, a day's mark ({@link SheetDay}: （暂定）) as the bundle's
	 * {@value SheetWord#KEY}{@code <mark>}; any other value unchanged.
	 */
	Object worded(Object value) {
		return worded(value, requestLanguage());
	}

	/**
	 * As {@link #worded(Object)}, in the language {@code requested} ({@link #requestLanguage}, read once per sheet, not
	 * per cell); a {@link Column#label} cell as its bundle words it in that language.
	 * @param requested the request's language when it is not Chinese, else null
	 */
	private Object worded(Object value, Locale requested) {
		if (value instanceof Column.Label label) {
			return label.in(requested);
		}
		Locale locale = messages == null ? null : requested;
		if (value instanceof Enum<?> choice) {
			return locale == null ? EnumWords.label(choice) : EnumWords.of(messages, choice, locale);
		}
		if ((value instanceof Wording || value instanceof Collection<?>) && messages != null) {
			return EnumWords.of(messages, value, locale == null ? Locale.SIMPLIFIED_CHINESE : locale);
		}
		if (value instanceof Boolean yes && locale != null) {
			return messages.getMessage(SheetWord.KEY + yes, null, yes ? "是" : "否", locale);
		}
		if (value instanceof SheetDay day && locale != null && !day.mark().isEmpty()) {
			// the mark after a day (2027-01-18（暂定）) is an export's word too
			return new SheetDay(day.day(), messages.getMessage(SheetWord.KEY + day.mark(), null, day.mark(), locale));
		}
		if (value instanceof SheetWord word) {
			return locale == null ? word.chinese()
					: messages.getMessage(SheetWord.KEY + word.chinese(), null, word.chinese(), locale);
		}
		return value;
	}

	/** The request's language when the sheet's words are translated into it (not Chinese, bundles at hand), else null. */
	private Locale translatedTo() {
		return translatedTo(messages);
	}

	/**
	 * The language of the request being answered when an export's words are translated into it: null outside a request,
	 * for Chinese, or without bundles ({@code messages} null).
	 */
	static Locale translatedTo(MessageSource messages) {
		return messages == null ? null : requestLanguage();
	}

	/** The language of the request being answered when it is not Chinese; null outside a request and for Chinese. */
	static Locale requestLanguage() {
		LocaleContext context = LocaleContextHolder.getLocaleContext();
		Locale locale = context == null ? null : context.getLocale();
		return locale == null || Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? null : locale;
	}

	static final String CJK_FONT = "宋体";

	/** What ends a text cut to fit a cell ({@link #fit}). */
	static final String CUT_MARK = "…（超出单元格上限32767字，以下已截断，全文见系统页面）";

	/**
	 * The text as one .xlsx cell can hold it: unchanged when it has at most 32,767 characters (Excel's limit, POI's
	 * {@link SpreadsheetVersion#EXCEL2007}, which refuses a longer one), otherwise cut on a character boundary and ended
	 * with {@link #CUT_MARK} so the reader sees that the export holds less than the record (an audit entry's state of a
	 * 6,000-row import, say). Null stays null.
	 */
	public static String fit(String text) {
		int max = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
		if (text == null || text.length() <= max) {
			return text;
		}
		int end = max - CUT_MARK.length();
		if (Character.isLowSurrogate(text.charAt(end))) {
			end--;
		}
		return text.substring(0, end) + CUT_MARK;
	}

	/**
	 * One sheet of the rows, as .xlsx bytes.
	 * @param sheetName the sheet's name (characters a sheet name cannot hold become {@code _}, cut to 31)
	 * @param columns the header and value of each column, in order
	 * @param rows the rows, read once (streamed: at most 500 rows are held in memory)
	 * @return the workbook: numbers as numeric cells ({@link SheetNumber} with its number format, or as exact text beyond
	 * the 15 digits a numeric cell holds; any other number in the format its header's unit calls for, {@link Unit}:
	 * （元） {@code #,##0.00}, a rate with its decimals, a whole count {@code #,##0}; a whole number stored as its digits,
	 * 1 and never 1.0, {@link StreamedWorkbook}), true/false as 是/否, dates as date cells shown {@code yyyy-mm-dd} (a
	 * {@link SheetDay} with its mark after the day), a {@code YearMonth} as a date cell of its first day shown
	 * {@code yyyy-mm}, every moment ({@code Instant}, {@code OffsetDateTime},
	 * {@code ZonedDateTime}) as a date-time cell in China time shown {@code yyyy-mm-dd hh:mm:ss} as the pages show it
	 * (a {@code LocalDateTime} as it is) — so Excel and WPS sort and filter them as dates; a date before 1900, which
	 * no date cell holds, as its text — texts as texts ({@link #fit}, formula-like ones quote-prefixed). Each cell
	 * style is made once per workbook (a workbook holds at most 64,000).
	 * @throws UncheckedIOException when the workbook cannot be written
	 * @see SheetExported announced once the sheet is written (the audit trail records the export)
	 */
	public <T> byte[] write(String sheetName, List<Column<T>> columns, Iterable<T> rows) {
		try (StreamedWorkbook workbook = new StreamedWorkbook(500); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet(safeSheetName(sheetName(sheetName)));
			Font headerFont = workbook.createFont();
			headerFont.setBold(true);
			headerFont.setFontName(CJK_FONT);
			CellStyle header = workbook.createCellStyle();
			header.setFont(headerFont);
			header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			header.setBorderBottom(BorderStyle.THIN);
			Styles styles = new Styles(workbook);

			Row head = sheet.createRow(0);
			// a header may be a catalogue's or a user's name (an indicator, a brand): quoted as any text is
			CellStyle quotedHeader = quoted(workbook, header);
			for (int c = 0; c < columns.size(); c++) {
				Cell cell = head.createCell(c);
				setText(cell, fit(header(columns.get(c).header())), header, quotedHeader);
				sheet.setColumnWidth(c, Math.min(255, columns.get(c).width()) * 256);
			}
			List<Unit> units = columns.stream().map(c -> Unit.of(c.header())).toList();
			// the request's language, read once for the sheet's every cell
			Locale requested = requestLanguage();
			int r = 1;
			for (T item : rows) {
				Row row = sheet.createRow(r++);
				for (int c = 0; c < columns.size(); c++) {
					set(row.createCell(c), worded(columns.get(c).value().apply(item), requested), styles, units.get(c));
				}
			}
			sheet.createFreezePane(0, 1);
			if (!columns.isEmpty()) {
				sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, columns.size() - 1));
			}
			workbook.write(out);
			workbook.close();
			if (events != null) {
				events.publishEvent(new SheetExported(sheetName, r - 1, columns.size()));
			}
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The one way a text cell of a workbook YouGuan writes is filled, outside the body cells of {@link #write} (which
	 * choose among their own styles the same way): a text a spreadsheet would take for a formula ({@link #readAsFormula})
	 * gets the quote-prefixed style, any other the plain one — so no text anyone typed is ever a formula in an export,
	 * a header or an import's error column alike.
	 * @param cell the cell, its value set here
	 * @param text the text, already {@link #fit} to a cell
	 * @param plain the style of the cell
	 * @param quoted the same style quote-prefixed ({@link #quoted})
	 */
	static void setText(Cell cell, String text, CellStyle plain, CellStyle quoted) {
		cell.setCellStyle(readAsFormula(text) ? quoted : plain);
		cell.setCellValue(text);
	}

	/** A copy of {@code style} that marks its cells as text (Excel's leading {@code '}), for {@link #setText}. */
	static CellStyle quoted(Workbook workbook, CellStyle style) {
		CellStyle quoted = workbook.createCellStyle();
		quoted.cloneStyleFrom(style);
		quoted.setQuotePrefixed(true);
		return quoted;
	}

	/**
	 * Whether a spreadsheet would read this text as a formula once its cell is edited or the sheet is saved as CSV: it
	 * begins with {@code =}, {@code +}, {@code -}, {@code @} (or their full-width forms, which some suites take too), a
	 * tab or a line break.
	 */
	static boolean readAsFormula(CharSequence text) {
		if (text.isEmpty()) {
			return false;
		}
		char first = text.charAt(0);
		return "=+-@\t\r\n＝＋－＠".indexOf(first) >= 0;
	}

	/**
	 * The cell styles of one workbook, each made once however many cells use it: the body's, the quote-prefixed text's,
	 * and one per number or date format.
	 */
	private static final class Styles {

		private final Workbook workbook;

		final CellStyle body;

		final CellStyle text;

		private final Map<String, CellStyle> formats = new HashMap<>();

		Styles(Workbook workbook) {
			this.workbook = workbook;
			Font bodyFont = workbook.createFont();
			bodyFont.setFontName(CJK_FONT);
			body = workbook.createCellStyle();
			body.setFont(bodyFont);
			text = workbook.createCellStyle();
			text.cloneStyleFrom(body);
			text.setQuotePrefixed(true);
		}

		/** The body's style with this number format, right-aligned as a number or a date is. */
		CellStyle format(String format) {
			return formats.computeIfAbsent(format, k -> {
				CellStyle style = workbook.createCellStyle();
				style.cloneStyleFrom(body);
				style.setDataFormat(workbook.createDataFormat().getFormat(k));
				style.setAlignment(HorizontalAlignment.RIGHT);
				return style;
			});
		}
	}

	/**
	 * A figure as a numeric cell with its number format, or — beyond the 15 significant digits a numeric cell holds —
	 * as text of its exact digits, right-aligned as a number is.
	 */
	private static void setFigure(Styles styles, Cell cell, SheetNumber figure) {
		boolean exact = figure.exactInCell();
		cell.setCellStyle(styles.format(exact ? figure.format() : "@"));
		if (exact) {
			cell.setCellValue(figure.value().doubleValue());
		}
		else {
			cell.setCellValue(figure.plain());
		}
	}

	/**
	 * What a column's header says its figures are, and so the number format of a plain {@link Number} under it (a
	 * {@link SheetNumber} keeps its own): the unit in brackets at the header's end, as the statistical forms and the
	 * pages write it — （元） money (also with an aside after a comma: （元，截至今日）), always two decimals {@code #,##0.00} (¥1,234.50, never 1234.5 in
	 * General); （万元） money to the yuan, four decimals {@code #,##0.0000} as the indicator catalogue keeps and shows it;
	 * （%） a percentage, shown with the decimals it was computed to when it is a {@link BigDecimal} (a
	 * satisfaction rate rounded down to one decimal {@code #,##0.0}: 99.9, as the page shows it, never 99.90), else
	 * {@code #,##0.00}; a count — （件）, （家）, （个）, （人）, （次）, （人次）, （项次）, （条）, （万件）, or a header ending in 数,
	 * 量 or 人次 without a unit (用户数, 收寄量, 检查人次) or with a bracket that is none of these units (网点数（截至年底）,
	 * 用户数（万户）: the header before the bracket is read) — {@code #,##0} for a whole value of any type (1, never 1.0;
	 * a {@code numeric} sum read as {@code 12.0000} too), a decimal one (an average) with its own decimals. Any other
	 * header (年度, 行号, 场地面积（㎡）, 申诉率（件/百万件）) leaves a whole number in General and shows a
	 * {@link BigDecimal} with the decimals it carries (a rate per million computed to two: 1.50). Whatever the format,
	 * the cell is numeric and its value the number ({@link StreamedWorkbook}: a whole one stored as its digits).
	 */
	enum Unit {

		MONEY, TEN_THOUSAND_YUAN, PERCENT, COUNT, NONE;

		private static final Pattern TRAILING_UNIT = Pattern.compile("[(（]([^()（）]*)[)）]\\s*$");

		private static final Set<String> COUNTS = Set.of("件", "家", "个", "人", "次", "项次", "条", "人次", "万件");

		static final String MONEY_FORMAT = "#,##0.00";

		/**
		 * 万元 to the yuan, four decimals: as the indicator catalogue shows and keeps a figure in 万元
		 * ({@code Indicator.decimals}, {@code ReportSheets}) — two decimals hid the last hundred yuan (0.0123 万元 = 123 元
		 * shown as 0.01).
		 */
		static final String TEN_THOUSAND_YUAN_FORMAT = "#,##0.0000";

		static final String PERCENT_FORMAT = "#,##0.00";

		static final String COUNT_FORMAT = "#,##0";

		/** The unit a header names (NFKC-normalised: full-width and ASCII brackets alike). */
		static Unit of(String header) {
			if (header == null) {
				return NONE;
			}
			String h = Normalizer.normalize(header, Normalizer.Form.NFKC).strip();
			Matcher m = TRAILING_UNIT.matcher(h);
			if (m.find()) {
				// （元，截至今日）, （家，截至年底）: the unit, then what the figure is
				String unit = m.group(1).strip().split("[,;]", 2)[0].strip();
				Unit named = unit.equals("元") ? MONEY : unit.equals("万元") ? TEN_THOUSAND_YUAN : unit.equals("%") ? PERCENT
						: COUNTS.contains(unit) ? COUNT : null;
				// any other bracket — an aside (网点数（截至年底）, 名称（简称）) or a unit of no format (场地面积（㎡）,
				// 用户数（万户）): the header before it says what its figures are
				return named != null ? named : Unit.of(h.substring(0, m.start()));
			}
			return h.endsWith("数") || h.endsWith("量") || h.endsWith("人次") ? COUNT : NONE;
		}

		/** The number format of {@code value} in a column of this unit, or null for General. */
		String format(Number value) {
			// the decimals a BigDecimal was computed to (a rate's 1 or 2, a ratio's 2), -1 for any other number
			int decimals = value instanceof BigDecimal d && d.scale() >= 0 && d.scale() <= SheetNumber.MAX_DECIMALS
					? d.scale() : -1;
			return switch (this) {
				case MONEY -> MONEY_FORMAT;
				case TEN_THOUSAND_YUAN -> TEN_THOUSAND_YUAN_FORMAT;
				case PERCENT -> decimals >= 0 ? SheetNumber.format(decimals) : PERCENT_FORMAT;
				case COUNT -> whole(value) ? COUNT_FORMAT : decimals > 0 ? SheetNumber.format(decimals) : null;
				case NONE -> decimals > 0 ? SheetNumber.format(decimals) : null;
			};
		}

		/** Whether the value is a whole number, whatever its type (5, 5L, 5.0, {@code new BigDecimal("5.0000")}). */
		static boolean whole(Number value) {
			if (value instanceof BigDecimal d) {
				return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
			}
			if (value instanceof Double || value instanceof Float) {
				double v = value.doubleValue();
				return Double.isFinite(v) && v == Math.rint(v);
			}
			return true;
		}
	}

	private static void set(Cell cell, Object value, Styles styles, Unit unit) {
		cell.setCellStyle(styles.body);
		if (value == null) {
			cell.setBlank();
		}
		else if (value instanceof SheetNumber figure) {
			setFigure(styles, cell, figure);
		}
		else if (value instanceof Number n) {
			cell.setCellValue(n.doubleValue());
			String format = unit.format(n);
			if (format != null) {
				cell.setCellStyle(styles.format(format));
			}
		}
		else if (value instanceof Boolean b) {
			cell.setCellValue(b ? "是" : "否");
		}
		else if (value instanceof OffsetDateTime t) {
			setMoment(styles, cell, t.atZoneSameInstant(ChinaTime.ZONE).toLocalDateTime());
		}
		else if (value instanceof Instant t) {
			setMoment(styles, cell, t.atZone(ChinaTime.ZONE).toLocalDateTime());
		}
		else if (value instanceof ZonedDateTime t) {
			setMoment(styles, cell, t.withZoneSameInstant(ChinaTime.ZONE).toLocalDateTime());
		}
		else if (value instanceof LocalDateTime t) {
			setMoment(styles, cell, t);
		}
		else if (value instanceof LocalDate d) {
			setDay(styles, cell, new SheetDay(d, ""));
		}
		else if (value instanceof SheetDay d) {
			setDay(styles, cell, d);
		}
		else if (value instanceof YearMonth m && m.getYear() >= FIRST_YEAR && m.getYear() <= LAST_YEAR) {
			// a month as a date cell of its first day shown 2026-03: Excel and WPS sort and filter it as a date, and an
			// import reads its month (SheetCell#asMonth)
			cell.setCellValue(DateUtil.getExcelDate(m.atDay(1)));
			cell.setCellStyle(styles.format(MONTH_FORMAT));
		}
		else if (value instanceof TemporalAccessor t) {
			cell.setCellValue(t.toString());
		}
		else {
			String text = fit(value.toString());
			if (readAsFormula(text)) {
				cell.setCellStyle(styles.text);
			}
			cell.setCellValue(text);
		}
	}

	/**
	 * A moment as a date-time cell ({@link #DATE_TIME_FORMAT}) to the second, as the pages show it (Excel would round
	 * 14:30:05.8 up to 14:30:06 on display), or as its text when no date cell holds it.
	 */
	private static void setMoment(Styles styles, Cell cell, LocalDateTime moment) {
		LocalDateTime t = moment.truncatedTo(ChronoUnit.SECONDS);
		if (t.getYear() < FIRST_YEAR || t.getYear() > LAST_YEAR) {
			cell.setCellValue(DATE_TIME.format(t));
		}
		else {
			cell.setCellValue(DateUtil.getExcelDate(t));
			cell.setCellStyle(styles.format(DATE_TIME_FORMAT));
		}
	}

	/** A day as a date cell with its mark in the format ({@link SheetDay#format}), or as its text when no cell holds it. */
	private static void setDay(Styles styles, Cell cell, SheetDay day) {
		if (day.day().getYear() < FIRST_YEAR || day.day().getYear() > LAST_YEAR) {
			cell.setCellValue(day.text());
		}
		else {
			cell.setCellValue(DateUtil.getExcelDate(day.day()));
			cell.setCellStyle(styles.format(day.format()));
		}
	}

	private static String safeSheetName(String name) {
		String cleaned = name == null ? "Sheet1" : name.replaceAll("[\\\\/?*\\[\\]:]", "_");
		// Excel's limit of 31 characters; a name cut there loses no more than its tail, never ending in a space
		return cleaned.length() > 31 ? cleaned.substring(0, 31).strip() : cleaned;
	}
}
