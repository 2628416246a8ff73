package org.youguan.documents;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;
import org.youguan.kernel.Decimals;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;

/**
 * Streams the first visible sheet of an .xlsx (hidden helper sheets before it are not the data) and hands each row's cells, as values ({@link SheetCell}), to a consumer — the
 * one place spreadsheet cells are read. Streaming (SAX over the sheet's XML) keeps a sheet formatted down to row
 * 1,048,576 as cheap as its rows with content. A formula cell is its cached result (Excel always saves one; a formula
 * without a result, which only programs write, is an error cell). Dates are recognised by their number format:
 * POI's date formats plus the East Asian built-in formats 27–36 and 50–58 (yyyy"年"m"月"d"日" and its kin) that Chinese
 * Excel writes without defining them.
 */
final class SheetReader {

	/**
	 * The most characters one cell may hold: Excel's own limit (32,767, Excel specifications and limits), so no real
	 * sheet has more; a cell's value, inline text or formula beyond it is refused as it is read (rule
	 * {@code cell-too-long}).
	 */
	static final int MAX_CELL_CHARS = 32_767;

	/** Built-in number formats reserved for East Asian locales that are dates in zh-CN (ECMA-376 §18.8.30). */
	private static final Set<Integer> CHINESE_DATE_FORMATS = Set.of(27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58);

	/** The same, times of day (上午/下午h"时"mm"分"). */
	private static final Set<Integer> CHINESE_TIME_FORMATS = Set.of(32, 33, 34, 35, 55, 56);

	private SheetReader() {
	}

	/**
	 * Reads the first visible sheet row by row: {@code row} gets each row that has a cell, with its 1-based row number and its
	 * cells by 0-based column. Throws what {@code row} throws; an unreadable file is an {@link InvalidValueException}
	 * on the field "file".
	 * @return the sheet's merged ranges, its hidden rows with content and its hidden columns ({@link SheetRead})
	 */
	static SheetRead read(byte[] content, BiConsumer<Integer, Map<Integer, SheetCell>> row) {
		try (OPCPackage pkg = OfficeFiles.openPackage(content)) {
			XSSFReader reader = new XSSFReader(pkg, true);
			StylesTable styles = reader.getStylesTable();
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
			Workbook workbook = workbook(reader);
			if (workbook.sheet() == null) {
				throw unreadable();
			}
			try (InputStream sheet = reader.getSheet(workbook.sheet())) {
				XMLReader xml = quietReader();
				SheetHandler handler = new SheetHandler(styles, strings, workbook.date1904(), workbook.externalNames(), row);
				xml.setContentHandler(handler);
				xml.parse(new InputSource(sheet));
				if (!handler.external.isEmpty()) {
					throw externalLinks(handler.external);
				}
				return new SheetRead(handler.merged, handler.hidden, handler.hiddenColumns);
			}
		}
		catch (SAXException ex) {
			if (ex.getException() instanceof DomainException refused) {
				throw refused;
			}
			throw unreadable();
		}
		catch (DomainException ex) {
			// the consumer's refusal (too many rows, missing headers), or unreadable() from the handler
			throw ex;
		}
		catch (IOException | OpenXML4JException | ParserConfigurationException | RuntimeException ex) {
			// NotOfficeXmlFileException, POIXMLException, bad references or numbers in the XML: not a readable workbook
			throw unreadable();
		}
	}

	/**
	 * POI's hardened XML reader without POI's error handler, which logs a malformed file's parse error at ERROR: a
	 * user's broken upload is the user's 400 ({@link #unreadable()}), no server error; the parse still stops there.
	 */
	private static XMLReader quietReader() throws SAXException, ParserConfigurationException {
		XMLReader xml = XMLHelper.newXMLReader();
		xml.setErrorHandler(new DefaultHandler());
		return xml;
	}

	/**
	 * What the sheet says besides its rows' cells, read with them.
	 * @param merged the merged ranges (0-based, as the sheet lists them after its rows): a merged range keeps its value
	 * in its top-left cell only
	 * @param hiddenRows the 1-based numbers of the rows with a cell that Excel does not show — hidden by hand, by a
	 * filter or a collapsed group ({@code hidden="1"}), or made zero high or lower than {@link #MIN_ROW_HEIGHT}, by
	 * itself or, without a height of its own, by the sheet's default ({@code <sheetFormatPr zeroHeight="1">} unless the
	 * row says {@code hidden="0"}, or its {@code defaultRowHeight}) —, in sheet order
	 * @param hiddenColumns the columns Excel does not show — hidden by hand or a collapsed group ({@code hidden="1"} on
	 * their {@code <col>}), or made zero wide or narrower than {@link #MIN_COLUMN_WIDTH}, by their {@code <col>} or by
	 * the sheet's default width ({@code defaultColWidth}, else {@code baseColWidth}) —, as the sheet lists them
	 */
	record SheetRead(List<CellRangeAddress> merged, List<Integer> hiddenRows, List<Columns> hiddenColumns) {

		/** Whether the 0-based {@code column} is hidden. */
		boolean columnHidden(int column) {
			return hiddenColumns.stream().anyMatch(c -> c.first() <= column && column <= c.last());
		}
	}

	/**
	 * A range of columns one {@code <col>} describes (ECMA-376 §18.3.1.13), 0-based and inclusive.
	 * @param first the first column (A is 0)
	 * @param last the last column
	 */
	record Columns(int first, int last) {
	}

	/**
	 * The columns a {@code <col min max hidden width>} hides, or null when it hides none or cannot be read: a hidden
	 * column ({@code hidden="1"}, as a row's {@link #hidden}) or one narrower than {@link #MIN_COLUMN_WIDTH}.
	 */
	static Columns hiddenColumns(String min, String max, String hidden, String width) {
		return hidden(hidden, width, false, MIN_COLUMN_WIDTH) ? columns(min, max) : null;
	}

	/** The columns a {@code <col min max>} describes, or null when they cannot be read. */
	static Columns columns(String min, String max) {
		if (min == null || max == null || min.length() > 5 || max.length() > 5) {
			return null;
		}
		try {
			int first = Integer.parseInt(min);
			int last = Integer.parseInt(max);
			return first < 1 || last < first ? null : new Columns(first - 1, last - 1);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * The lowest row height, in points, at which a row still shows its text: a row lower than this (0.1 pt, say) is as
	 * unseen as a hidden one, so it is refused as hidden. A default row is 13.5–15 pt; 3 pt is a thin separator.
	 */
	static final double MIN_ROW_HEIGHT = 3;

	/**
	 * The narrowest column width, in characters, at which a column still shows its text: a narrower column (0.01
	 * characters, say) is as unseen as a hidden one, so it is refused as hidden. A default column is 8.43 characters.
	 */
	static final double MIN_COLUMN_WIDTH = 0.5;

	/**
	 * Whether a row's attributes hide it: {@code hidden="1"} (ECMA-376 §18.3.1.73), or a height (points) under
	 * {@link #MIN_ROW_HEIGHT}.
	 */
	static boolean hidden(String hidden, String height) {
		return hidden(hidden, height, false);
	}

	/** Whether a row is hidden, by its attributes or the sheet's default ({@link #hidden(String, String, boolean, double)}). */
	static boolean hidden(String hidden, String height, boolean hiddenByDefault) {
		return hidden(hidden, height, hiddenByDefault, MIN_ROW_HEIGHT);
	}

	/**
	 * Whether a row (or a {@code <col>}) is hidden: by its own attributes ({@link #hidden(String, String)}), or — when
	 * it has no height (width) of its own — by the sheet's default: {@code <sheetFormatPr zeroHeight="1">} ("rows are
	 * hidden by default", ECMA-376 §18.3.1.81) or a default row height (column width) under the minimum. Excel shows
	 * such a row (column) nowhere, or too thin to read, whatever it holds.
	 * @param size the row's height in points ({@code ht}) or the column's width in characters ({@code width}), or null
	 * @param hiddenByDefault whether the sheet's default hides what has no size of its own
	 * @param minimum the size under which the row (column) counts as hidden ({@link #MIN_ROW_HEIGHT},
	 * {@link #MIN_COLUMN_WIDTH})
	 */
	static boolean hidden(String hidden, String size, boolean hiddenByDefault, double minimum) {
		return hidden(hidden, size, hiddenByDefault, false, minimum);
	}

	/**
	 * Whether a row (or a {@code <col>}) is hidden, the sheet's two defaults told apart: {@code <sheetFormatPr
	 * zeroHeight="1">} hides the rows that do not say otherwise — ECMA-376 §18.3.1.81: "rows are hidden by default, and
	 * only not hidden if specified", so a row written {@code hidden="0"} (or with a height of its own) is shown —, while
	 * a default height (width) under the minimum makes every row (column) without a size of its own too thin to read,
	 * whatever its {@code hidden} says.
	 * @param hiddenByDefault whether the sheet hides what does not say it is shown ({@code zeroHeight="1"})
	 * @param thinByDefault whether the sheet's default size is under the minimum ({@code defaultRowHeight="0.05"},
	 * {@code defaultColWidth="0"}, {@code baseColWidth="0"})
	 */
	static boolean hidden(String hidden, String size, boolean hiddenByDefault, boolean thinByDefault, double minimum) {
		if (set(hidden)) {
			return true;
		}
		if (size == null) {
			return thinByDefault || hiddenByDefault && !cleared(hidden);
		}
		return tooSmall(size, minimum);
	}

	/** Whether a flag attribute ({@code hidden}) is stated off: "0" or "false". */
	static boolean cleared(String flag) {
		return "0".equals(flag) || "false".equalsIgnoreCase(flag);
	}

	/**
	 * Whether a size attribute (a height in points, a width in characters) reads as less than {@code minimum} (0
	 * included); false when it does not read.
	 */
	static boolean tooSmall(String size, double minimum) {
		if (size == null || size.length() > 20) {
			return false;
		}
		try {
			return Double.parseDouble(size) < minimum;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	/**
	 * Whether a sheet's default column is narrower than {@link #MIN_COLUMN_WIDTH}: its {@code defaultColWidth}, or —
	 * without one — its {@code baseColWidth}, the characters a default column holds (ECMA-376 §18.3.1.81: the default
	 * width is baseColWidth plus a few pixels of margin and gridline, which hold no text), so {@code baseColWidth="0"}
	 * hides every column no {@code <col>} sizes as {@code defaultColWidth="0"} does.
	 */
	static boolean defaultColumnTooNarrow(String defaultColWidth, String baseColWidth) {
		return tooSmall(defaultColWidth != null ? defaultColWidth : baseColWidth, MIN_COLUMN_WIDTH);
	}

	/** Whether a flag attribute ({@code zeroHeight}, {@code hidden}) is set: "1" or "true". */
	static boolean set(String flag) {
		return "1".equals(flag) || "true".equalsIgnoreCase(flag);
	}

	/** The last column of a sheet (XFD), 0-based: the end of the range a default width of 0 hides. */
	static final int LAST_COLUMN = 16_383;

	/**
	 * The columns of a sheet whose default width is 0 that no {@code <col>} shows: every column from A to XFD outside
	 * the {@code shown} ranges, as ranges in order.
	 */
	static List<Columns> unsized(List<Columns> shown) {
		List<Columns> gaps = new ArrayList<>();
		int next = 0;
		for (Columns c : shown.stream().sorted(Comparator.comparingInt(Columns::first)).toList()) {
			if (c.first() > next) {
				gaps.add(new Columns(next, c.first() - 1));
			}
			next = Math.max(next, c.last() + 1);
		}
		if (next <= LAST_COLUMN) {
			gaps.add(new Columns(next, LAST_COLUMN));
		}
		return gaps;
	}

	/** How many cells with a formula referring to another workbook a refusal names at most. */
	static final int MAX_EXTERNAL_NAMED = 20;

	/**
	 * A reference to another workbook in a formula's text: Excel writes {@code [1]Sheet1!A1} ({@code '[1]表 一'!A1},
	 * {@code [1]!名称}) — the index of an external link of the workbook —, other programs the file's name in brackets
	 * ({@code '[台账.xlsx]Sheet1'!A1}); text in quotes is no reference. A table's structured reference
	 * ({@code 表1[数值]}) is not followed by "!".
	 */
	private static final Pattern OTHER_WORKBOOK = Pattern.compile("\\[(\\d+|[^\\]\\[]*\\.(?i:xl[a-z]{1,2}|csv|ods))\\][^!\\[\\]\"]*!");

	/** Whether a formula's text refers to a cell or name of another workbook ({@link #OTHER_WORKBOOK}). */
	static boolean refersToOtherWorkbook(String formula) {
		return formula.indexOf('[') >= 0 && OTHER_WORKBOOK.matcher(formula.replaceAll("\"[^\"]*\"", "\"\"")).find();
	}

	/**
	 * The refusal of a sheet whose formulas refer to other workbooks: the result saved with such a formula is whatever
	 * the other file held when this one was last saved — nobody can check it against this file, so it is not imported
	 * as data. Each cell is named (at most {@value #MAX_EXTERNAL_NAMED}), on the field "file", rule {@code external-link}.
	 */
	private static InvalidValueException externalLinks(Map<String, String> cells) {
		List<FieldError> errors = new ArrayList<>();
		cells.forEach((cell, formula) -> errors.add(new FieldError("file", "external-link", "单元格" + cell
				+ "的公式引用了其他工作簿" + (formula.isEmpty() ? "" : "（" + formula + "）")
				+ "：文件中保存的结果来自另一个文件，无法核实，请将该单元格复制后“粘贴为数值”再导入")));
		return new InvalidValueException(errors);
	}

	static InvalidValueException unreadable() {
		return OfficeFiles.unreadable("file", "xlsx", SheetRows.KIND);
	}

	/** The relationships namespace of a {@code <sheet r:id="…">} in workbook.xml. */
	private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

	/**
	 * What workbook.xml says the reader needs: whether dates count from 1904 (old Mac Excel) instead of 1900, and the
	 * relationship id of the sheet read — the first one not hidden (a real workbook often keeps a hidden helper or lookup
	 * sheet first: Excel opens on the first visible one, and that is the one a person filled in); null when the
	 * workbook lists no visible sheet.
	 */
	private record Workbook(boolean date1904, String sheet, String sheetName, int sheets, Set<String> externalNames) {
	}

	/** A name as a formula may use it (letters of any script, digits, "_", ".", "\\"): the tokens of a formula's text. */
	private static final Pattern NAME_TOKEN = Pattern.compile("[\\p{L}\\p{N}_.\\\\]+");

	/**
	 * The defined names ({@code <definedName>} of workbook.xml, upper case: Excel's names ignore case) that reach
	 * another workbook — by their own text ({@link #refersToOtherWorkbook}) or through another such name — so that a
	 * cell's {@code =合计} is known to read another file as {@code =[1]Sheet1!A1} is.
	 */
	static Set<String> externalNames(Map<String, String> definedNames) {
		Set<String> external = new HashSet<>();
		boolean grew = true;
		while (grew) {
			grew = false;
			for (Map.Entry<String, String> name : definedNames.entrySet()) {
				if (!external.contains(name.getKey())
						&& (refersToOtherWorkbook(name.getValue()) || usesName(name.getValue(), external))) {
					grew = external.add(name.getKey());
				}
			}
		}
		return Set.copyOf(external);
	}

	/** Whether a formula's text (outside quoted text) uses one of the names (upper case). */
	static boolean usesName(String formula, Set<String> names) {
		if (names.isEmpty()) {
			return false;
		}
		Matcher tokens = NAME_TOKEN.matcher(formula.replaceAll("\"[^\"]*\"", "\"\""));
		while (tokens.find()) {
			if (names.contains(tokens.group().toUpperCase(Locale.ROOT))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The name of the sheet {@link #read} reads (the first visible one) when the workbook holds more than one sheet —
	 * for a refusal to say which sheet it looked at; empty for a workbook of one sheet or one that cannot be read.
	 */
	static Optional<String> sheetReadAmongSeveral(byte[] content) {
		try (OPCPackage pkg = OfficeFiles.openPackage(content)) {
			Workbook workbook = workbook(new XSSFReader(pkg, true));
			return workbook.sheets() > 1 ? Optional.ofNullable(workbook.sheetName()) : Optional.empty();
		}
		catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	private static Workbook workbook(XSSFReader reader) throws IOException, OpenXML4JException, SAXException,
			ParserConfigurationException {
		boolean[] date1904 = { false };
		String[] sheet = { null, null };
		int[] sheets = { 0 };
		Map<String, String> definedNames = new HashMap<>();
		StringBuilder nameText = new StringBuilder();
		String[] definedName = { null };
		try (InputStream workbook = reader.getWorkbookData()) {
			XMLReader xml = quietReader();
			xml.setContentHandler(new DefaultHandler() {
				@Override
				public void startElement(String uri, String localName, String qName, Attributes attributes) {
					if ("workbookPr".equals(localName)) {
						String value = attributes.getValue("date1904");
						date1904[0] = "1".equals(value) || "true".equalsIgnoreCase(value);
					}
					else if ("sheet".equals(localName)) {
						sheets[0]++;
						if (sheet[0] == null && visible(attributes.getValue("state"))) {
							String id = attributes.getValue(RELATIONSHIPS, "id");
							sheet[0] = id != null ? id : attributes.getValue("r:id");
							sheet[1] = attributes.getValue("name");
						}
					}
					else if ("definedName".equals(localName)) {
						definedName[0] = attributes.getValue("name");
						nameText.setLength(0);
					}
				}

				@Override
				public void characters(char[] ch, int start, int length) {
					if (definedName[0] != null) {
						nameText.append(ch, start, length);
					}
				}

				@Override
				public void endElement(String uri, String localName, String qName) {
					if ("definedName".equals(localName) && definedName[0] != null) {
						definedNames.merge(definedName[0].toUpperCase(Locale.ROOT), nameText.toString(), (a, b) -> a + "," + b);
						definedName[0] = null;
					}
				}
			});
			xml.parse(new InputSource(workbook));
		}
		return new Workbook(date1904[0], sheet[0], sheet[1], sheets[0], externalNames(definedNames));
	}

	/** Whether a sheet's {@code state} (visible, hidden, veryHidden; ECMA-376 §18.18.68) shows it. */
	static boolean visible(String state) {
		return state == null || Text.isBlank(state) || "visible".equals(Text.strip(state));
	}

	/** An escaped UTF-16 code unit in cell text: {@code _x0007_}, {@code _x005F_} for an underscore. */
	private static final Pattern ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

	/**
	 * Cell text with the {@code _xHHHH_} escapes Excel writes for characters XML cannot hold (ECMA-376 §22.4.2.4, ST_Xstring)
	 * decoded, so the text is what Excel shows and what the checks see — a control character written as {@code _x0007_}
	 * is a control character, refused as one. For inline and formula strings, which reach the reader raw; shared
	 * strings reach it as POI decoded them (a literal "_x0041_", written {@code _x005F_x0041_}, stays "_x0041_").
	 */
	static String unescape(String text) {
		if (text.indexOf("_x") < 0) {
			return text;
		}
		Matcher m = ESCAPE.matcher(text);
		StringBuilder out = new StringBuilder(text.length());
		while (m.find()) {
			m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
		}
		m.appendTail(out);
		return out.toString();
	}

	/** Whether a number format shows a date (or a time), by its index and its format code. */
	static boolean isDateFormat(int index, String format) {
		if (CHINESE_DATE_FORMATS.contains(index) || CHINESE_TIME_FORMATS.contains(index)) {
			return format == null || format.startsWith("reserved") || DateUtil.isADateFormat(index, format)
					|| weekday(format);
		}
		return format != null && (DateUtil.isADateFormat(index, format) || weekday(format));
	}

	/** Chinese weekday formats ([$-804]aaaa → 星期三) carry no y/m/d but show a date. */
	private static boolean weekday(String format) {
		String bare = format.replaceAll("\"[^\"]*\"", "").replaceAll("\\[[^\\]]*\\]", "").replaceAll(";@$", "");
		return bare.matches("a{3,4}");
	}

	/** Whether a number format shows the value ×100 with a percent sign. */
	static boolean isPercentFormat(String format) {
		if (format == null) {
			return false;
		}
		String bare = format.replaceAll("\"[^\"]*\"", "").replaceAll("\\\\.", "");
		int section = bare.indexOf(';');
		return (section < 0 ? bare : bare.substring(0, section)).contains("%");
	}

	/** A section's condition ([>100], [<=0], [=1]): which section shows a number is then the file's to say. */
	private static final Pattern CONDITION = Pattern.compile("\\[[<>=]");

	/**
	 * Whether Excel shows nothing of {@code cell}'s value under the number format {@code format} (ECMA-376 §18.8.31:
	 * up to four sections — positive; negative; zero; text): the section that applies to it is empty (";;;" hides
	 * everything, ";;" every number) or holds no placeholder of the value — literal text only ({@code ;;;"无"}) — so the
	 * person uploading sees an empty cell (or other text) and would import unseen what it holds. Text is shown unless a
	 * text section (the fourth) leaves out {@code @}; a number unless its section has no digit placeholder (0 # ?), no
	 * General and no date or time part; a date unless its section is empty. A format with conditions ({@code [>100]})
	 * hides a number only when every numeric section does. TRUE/FALSE and error values show whatever the format. A zero
	 * its own (third) section leaves blank — a template hiding zeros ({@code 0;-0;;@}) — is not taken as concealed.
	 */
	static boolean conceals(String format, SheetCell cell) {
		if (format == null || format.isEmpty() || cell.isBlank() || cell.isError() || cell.kind() == SheetCell.Kind.BOOLEAN) {
			return false;
		}
		List<String> sections = sections(format);
		if (cell.kind() == SheetCell.Kind.TEXT) {
			return sections.size() >= 4 && !shown(sections.get(3)).contains("@");
		}
		List<String> numeric = sections.subList(0, Math.min(3, sections.size()));
		boolean date = cell.kind() == SheetCell.Kind.DATE;
		if (CONDITION.matcher(format).find()) {
			return numeric.stream().allMatch(section -> showsNoNumber(section, date));
		}
		String text = cell.text();
		int sign = date ? 1 : text.startsWith("-") ? -1 : text.matches("0(\\.0*)?%?") ? 0 : 1;
		if (sign == 0 && numeric.size() == 3) {
			// a zero left blank by its own section ("0;-0;;@", the usual "hide zeros" of bureau templates) is no value
			// concealed: the blank the person sees and the 0 read mean the same
			return false;
		}
		String section = numeric.size() == 1 || sign > 0 ? numeric.get(0)
				: sign < 0 ? numeric.get(1) : numeric.size() == 3 ? numeric.get(2) : numeric.get(0);
		return showsNoNumber(section, date);
	}

	/** Whether a number format's section shows nothing of a number (a date: nothing at all). */
	private static boolean showsNoNumber(String section, boolean date) {
		String shown = shown(section);
		if (date) {
			return shown.isEmpty();
		}
		return !shown.toLowerCase(Locale.ROOT).contains("general") && !shown.matches(".*[0#?@yYmMdDhHsSaAeEbBgG].*");
	}

	/**
	 * What of a section stands for the value: the section without its literal text ("…", \x), fills and padding (*x,
	 * _x), colours and conditions ([Red], [>0]) and white space.
	 */
	private static String shown(String section) {
		return section.replaceAll("\"[^\"]*\"?", "").replaceAll("[\\\\*_].", "").replaceAll("\\[[^\\]]*\\]?", "")
			.replaceAll("\\s", "");
	}

	/** A number format's sections, split at the semicolons outside quotes and brackets. */
	static List<String> sections(String format) {
		List<String> sections = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		boolean quoted = false;
		boolean bracket = false;
		for (int i = 0; i < format.length(); i++) {
			char c = format.charAt(i);
			if (!quoted && !bracket && (c == '\\' || c == '_' || c == '*') && i + 1 < format.length()) {
				current.append(c).append(format.charAt(++i));
				continue;
			}
			if (c == '"' && !bracket) {
				quoted = !quoted;
			}
			else if (c == '[' && !quoted) {
				bracket = true;
			}
			else if (c == ']' && !quoted) {
				bracket = false;
			}
			else if (c == ';' && !quoted && !bracket) {
				sections.add(current.toString());
				current.setLength(0);
				continue;
			}
			current.append(c);
		}
		sections.add(current.toString());
		return sections;
	}

	/** SAX handler of a worksheet: collects each row's cells and hands the row on at its end. */
	private static final class SheetHandler extends DefaultHandler {

		private final StylesTable styles;

		private final ReadOnlySharedStringsTable strings;

		private final boolean date1904;

		private final BiConsumer<Integer, Map<Integer, SheetCell>> consumer;

		private Map<Integer, SheetCell> cells = new TreeMap<>();

		private int rowNumber;

		private int column;

		private String type;

		private String style;

		private boolean formula;

		private boolean inValue;

		private boolean inInlineText;

		private int phonetic;

		private final StringBuilder value = new StringBuilder();

		/** Whether the cell being read has a {@code <v>} (a formula's saved result). */
		private boolean valued;

		private final StringBuilder inline = new StringBuilder();

		/** The formula text of the cell being read ({@code <f>…</f>}), empty for a shared formula's dependent cell. */
		private final StringBuilder formulaText = new StringBuilder();

		private boolean inFormula;

		/** The shared-formula group ({@code <f t="shared" si="0">}) of the cell being read, or null. */
		private String sharedIndex;

		/** The shared-formula groups whose formula refers to another workbook. */
		private final Set<String> externalShared = new HashSet<>();

		/** The cells ("E3") whose formula refers to another workbook, with that formula, in sheet order. */
		private final Map<String, String> external = new LinkedHashMap<>();

		/** Whether the row being read is hidden ({@link SheetReader#hidden}). */
		private boolean rowHidden;

		/** The hidden rows with a cell, in sheet order. */
		private final List<Integer> hidden = new ArrayList<>();

		/** The columns the sheet's {@code <cols>} hide ({@link SheetReader#hiddenColumns}). */
		private final List<Columns> hiddenColumns = new ArrayList<>();

		/**
		 * Whether the sheet hides every row that neither has a height of its own nor says {@code hidden="0"}
		 * ({@code <sheetFormatPr zeroHeight="1">}).
		 */
		private boolean rowsHiddenByDefault;

		/** Whether the sheet's default row height is under {@link SheetReader#MIN_ROW_HEIGHT}. */
		private boolean rowsThinByDefault;

		/** Whether the sheet's default column width is 0: a column no visible {@code <col>} sizes is hidden. */
		private boolean columnsHiddenByDefault;

		/** The columns a {@code <col>} shows (its own width, not hidden), for a sheet whose default hides them. */
		private final List<Columns> shownColumns = new ArrayList<>();

		/** The sheet's {@code <mergeCell ref="B3:B5"/>} ranges. */
		private final List<CellRangeAddress> merged = new ArrayList<>();

		/** The workbook's defined names that reach another workbook ({@link #externalNames}). */
		private final Set<String> externalNames;

		SheetHandler(StylesTable styles, ReadOnlySharedStringsTable strings, boolean date1904, Set<String> externalNames,
				BiConsumer<Integer, Map<Integer, SheetCell>> consumer) {
			this.externalNames = externalNames;
			this.styles = styles;
			this.strings = strings;
			this.date1904 = date1904;
			this.consumer = consumer;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) {
			switch (localName) {
				case "row" -> {
					String r = attributes.getValue("r");
					rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
					rowHidden = hidden(attributes.getValue("hidden"), attributes.getValue("ht"), rowsHiddenByDefault,
							rowsThinByDefault, MIN_ROW_HEIGHT);
					cells = new TreeMap<>();
					column = -1;
				}
				case "c" -> {
					String ref = attributes.getValue("r");
					column = ref == null ? column + 1 : new CellReference(ref).getCol();
					type = attributes.getValue("t");
					style = attributes.getValue("s");
					formula = false;
					sharedIndex = null;
					valued = false;
					value.setLength(0);
					inline.setLength(0);
				}
				case "v" -> {
					inValue = true;
					valued = true;
				}
				case "f" -> {
					formula = true;
					inFormula = true;
					formulaText.setLength(0);
					sharedIndex = "shared".equals(attributes.getValue("t")) ? attributes.getValue("si") : null;
				}
				case "rPh" -> phonetic++;
				case "t" -> inInlineText = phonetic == 0;
				case "sheetFormatPr" -> {
					// read before the rows and columns (ECMA-376 §18.3.1.81): what hides those without a size of their own
					rowsHiddenByDefault = set(attributes.getValue("zeroHeight"));
					rowsThinByDefault = tooSmall(attributes.getValue("defaultRowHeight"), MIN_ROW_HEIGHT);
					columnsHiddenByDefault = defaultColumnTooNarrow(attributes.getValue("defaultColWidth"),
							attributes.getValue("baseColWidth"));
				}
				case "col" -> {
					String min = attributes.getValue("min");
					String max = attributes.getValue("max");
					if (hidden(attributes.getValue("hidden"), attributes.getValue("width"), false, columnsHiddenByDefault,
							MIN_COLUMN_WIDTH)) {
						Columns hiddenRange = columns(min, max);
						if (hiddenRange != null) {
							hiddenColumns.add(hiddenRange);
						}
					}
					else {
						Columns shown = columns(min, max);
						if (shown != null) {
							shownColumns.add(shown);
						}
					}
				}
				case "sheetData" -> {
					if (columnsHiddenByDefault) {
						hiddenColumns.addAll(unsized(shownColumns));
					}
				}
				case "mergeCell" -> {
					String ref = attributes.getValue("ref");
					if (ref != null && ref.contains(":")) {
						merged.add(CellRangeAddress.valueOf(ref));
					}
				}
				default -> {
				}
			}
		}

		@Override
		public void endElement(String uri, String localName, String qName) {
			switch (localName) {
				case "v" -> inValue = false;
				case "f" -> inFormula = false;
				case "t" -> inInlineText = false;
				case "rPh" -> phonetic--;
				case "c" -> {
					if (formula) {
						noteExternal();
					}
					SheetCell cell = cell();
					if (!cell.isBlank()) {
						String format = format();
						String concealed = conceals(format, cell) ? "数字格式“" + format + "”" : cell.isError() ? null : unseenFont();
						cells.put(column, concealed != null ? cell.concealedBy(concealed) : cell);
					}
				}
				case "row" -> {
					if (!cells.isEmpty()) {
						if (rowHidden) {
							hidden.add(rowNumber);
						}
						consumer.accept(rowNumber, cells);
					}
				}
				default -> {
				}
			}
		}

		/** A shared string a cell of the sheet shows, refused as {@link #characters} refuses a long cell of its own. */
		private String withinCell(String shared) {
			if (shared.length() > MAX_CELL_CHARS) {
				throw tooLong();
			}
			return shared;
		}

		private InvalidValueException tooLong() {
			return new InvalidValueException("file", "cell-too-long", "第" + rowNumber + "行" + CellReference.convertNumToColString(
					Math.max(column, 0)) + "列的内容超过Excel单元格上限" + MAX_CELL_CHARS + "个字符，不是正常的表格，已拒绝");
		}

		@Override
		public void characters(char[] ch, int start, int length) {
			StringBuilder into = inValue ? value : inFormula ? formulaText : inInlineText ? inline : null;
			if (into == null) {
				return;
			}
			if (into.length() + length > MAX_CELL_CHARS) {
				// Excel itself holds no more in a cell: a longer one is no clerk's sheet, and read on it would hold the
				// whole text (tens of MB from a 100 KB file) in memory, then again in the refused rows' annotated copy
				throw tooLong();
			}
			into.append(ch, start, length);
		}

		/**
		 * Notes the cell when its formula — its own text, or the shared formula of its group — refers to another
		 * workbook ({@link #refersToOtherWorkbook}), directly or through a defined name that does ({@link #externalNames}).
		 */
		private void noteExternal() {
			String text = formulaText.toString();
			boolean refers = refersToOtherWorkbook(text) || usesName(text, externalNames);
			if (sharedIndex != null) {
				if (refers) {
					externalShared.add(sharedIndex);
				}
				refers = refers || externalShared.contains(sharedIndex);
			}
			if (refers && external.size() < MAX_EXTERNAL_NAMED) {
				external.put(new CellReference(rowNumber - 1, column).formatAsString(),
						Text.isBlank(text) ? "" : Text.excerpt(Text.strip(text), 60));
			}
		}

		private SheetCell cell() {
			if (formula && !valued) {
				// a formula of any type (a text one is t="str") saved without its <v>: no result to read, not an empty
				// cell — an empty <v></v> is a result (a text formula giving "")
				return SheetCell.error(SheetCell.NO_RESULT);
			}
			String v = value.toString();
			if (type == null || type.equals("n")) {
				if (Text.isBlank(v)) {
					return formula ? SheetCell.error(SheetCell.NO_RESULT) : SheetCell.BLANK;
				}
				return number(v);
			}
			return switch (type) {
				// shared strings come decoded by POI (XSSFRichTextString#getString); inline and formula strings raw
				// text that is nothing but an error value (a text formula's "#VALUE!", a pasted "#N/A") is that error
				case "s" -> Text.isBlank(v) ? SheetCell.BLANK : SheetCell.textOrError(withinCell(strings.getItemAt(Integer.parseInt(
						Text.strip(v))).getString()));
				case "inlineStr" -> SheetCell.textOrError(unescape(inline.toString()));
				case "str" -> SheetCell.textOrError(unescape(v));
				case "b" -> SheetCell.bool("1".equals(Text.strip(v)) || "true".equalsIgnoreCase(Text.strip(v)));
				case "e" -> SheetCell.error(Text.isBlank(v) ? "#错误" : Text.strip(v));
				case "d" -> SheetCell.date(LocalDateTime.parse(Text.strip(v).length() == 10 ? Text.strip(v) + "T00:00" : Text.strip(v)
					.replaceFirst("Z$", "")));
				default -> SheetCell.text(v);
			};
		}

		/** Why the font of each style leaves its text unseen ({@link SheetFonts#unseen}), by the cell's {@code s}. */
		private final Map<String, Optional<String>> unseenFonts = new HashMap<>();

		/**
		 * Why the font of the cell being read leaves its text unseen (white on white, 1 pt; {@link SheetFonts#unseen}),
		 * or null: a cell without a style of its own is in the workbook's default one (style 0), which may be so too.
		 */
		private String unseenFont() {
			String key = style == null || Text.isBlank(style) ? "0" : Text.strip(style);
			return unseenFonts.computeIfAbsent(key, k -> Optional.ofNullable(styles == null || styles.getNumCellStyles() == 0 ? null
					: SheetFonts.unseen(styles.getStyleAt(Integer.parseInt(k)), styles))).orElse(null);
		}

		/** The style of the cell being read ({@code s}), or null. */
		private XSSFCellStyle cellStyle() {
			return style == null || Text.isBlank(style) ? null : styles.getStyleAt(Integer.parseInt(Text.strip(style)));
		}

		/** The number format of the cell being read, or null (General). */
		private String format() {
			XSSFCellStyle cellStyle = cellStyle();
			return cellStyle == null ? null : cellStyle.getDataFormatString();
		}

		private SheetCell number(String v) {
			// a number Excel writes is a double (at most ~25 characters); anything longer or no number is the file's
			// error, told for its cell rather than parsed at whatever cost its digits make
			String t = Text.strip(v);
			if (t.length() > Decimals.MAX_TEXT) {
				return SheetCell.error(SheetCell.OUT_OF_RANGE);
			}
			BigDecimal number;
			try {
				// ASCII only, as Excel writes it: BigDecimal itself would take Arabic-Indic digits (٣٣ as 33), which no
				// typed number may hold (Decimals.ascii)
				if (!t.chars().allMatch(c -> c < 0x80)) {
					throw new NumberFormatException("not ASCII");
				}
				number = new BigDecimal(t);
			}
			catch (NumberFormatException ex) {
				// a number cell holding an error value's text (written so by another program) is that error; anything
				// else it holds (NaN, INF, Infinity: values Excel never saves) is told as what it is, no number
				SheetCell shown = SheetCell.textOrError(t);
				return shown.isError() ? shown : SheetCell.notANumber(t);
			}
			if (!SheetCell.plausible(number)) {
				return SheetCell.error(SheetCell.OUT_OF_RANGE);
			}
			int formatIndex = 0;
			String format = null;
			XSSFCellStyle cellStyle = cellStyle();
			if (cellStyle != null) {
				formatIndex = cellStyle.getDataFormat();
				format = cellStyle.getDataFormatString();
			}
			double d = number.doubleValue();
			if (isDateFormat(formatIndex, format) && DateUtil.isValidExcelDate(d)) {
				return SheetCell.date(DateUtil.getLocalDateTime(d, date1904, true));
			}
			return SheetCell.number(number, isPercentFormat(format), date1904);
		}
	}
}
