package org.youguan.workplans.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.youguan.documents.OfficeFiles;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;

/**
 * A notice in Word (.docx) as a person reads it in Word's final view, written as the lines {@link NoticeParser} reads:
 * the body in order — paragraphs and tables, also inside content controls and custom XML —; a paragraph's text as Word
 * shows it ({@link #shown}: tracked insertions and moves in, deletions, moves away, hidden text and field codes out, a
 * tab as a space); a paragraph Word numbers itself (a list paragraph, {@code w:numPr} on it or its style) with its number
 * as Word shows it ("一、", "1.", "（一）": the level's {@code w:lvlText} with its counters in the level's format, counted
 * per list as Word counts them); a table of tasks (a header row naming 任务 and 牵头处室, as the notices' 任务分工表 do:
 * 序号 / 任务 / 牵头处室 / 配合处室 / 完成时限) a task line per row, "N. 任务（完成时限：…）（A牵头，B配合）", read on the
 * table's grid so that merged cells are the value of every row and column they span. What cannot be read so — a table
 * without a task column, a row without a task, a list level numbered in a way the import does not count — is kept as
 * text lines (the preview lists them as not recognised) and named in {@link Reading#warnings}; a text box, whose text
 * is not read, is named there too, with the text it stands at.
 */
final class NoticeDocument {

	/**
	 * The notice's lines, what the reader should check, and the tables read as plain lines for want of a header row.
	 */
	record Reading(String text, List<String> warnings, List<Headerless> headerless) {

		Reading(String text, List<String> warnings) {
			this(text, warnings, List.of());
		}

		/**
		 * The preview of this notice's text with what the reader should check first: the reading's warnings, and for
		 * each table without a header row what became of its rows, read as the notice's other lines — none of them
		 * recognised (not imported: said so), some (how many of each), or all (imported: nothing to say).
		 */
		PlanPreview warnFirst(PlanPreview preview) {
			List<String> all = new ArrayList<>(warnings);
			for (Headerless table : headerless) {
				long unread = preview.unparsedLines().stream()
					.filter(u -> u.line() >= table.firstLine() && u.line() <= table.lastLine())
					.count();
				String says = "第" + table.number() + "个表格没有“任务”“工作内容”等表头，其各行按正文逐行读取";
				if (unread == table.rows()) {
					all.add(says + "，均未能识别为任务，不会导入（列为未能识别的行），请核对");
				}
				else if (unread > 0) {
					all.add(says + "：" + (table.rows() - unread) + "行已导入，" + unread + "行未能识别、不会导入（列为未能识别的行），请核对");
				}
			}
			return preview.warnFirst(all);
		}
	}

	/**
	 * A table without a header row, its rows read as lines of the notice's text.
	 * @param number the table's number in the document (from 1)
	 * @param firstLine the text's line (from 1) of its first row with text
	 * @param lastLine the text's line of its last row with text
	 * @param rows how many of its rows have text
	 */
	record Headerless(int number, int firstLine, int lastLine, int rows) {
	}

	private static final String[] CHINESE_DIGITS = { "", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

	private static final String HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸";

	private static final Pattern COUNTER = Pattern.compile("%([1-9])");

	private static final Pattern NUMBER = Pattern.compile("\\d{1,3}");

	/** A part's heading as the parser reads it: "一、…". */
	private static final Pattern HEADING = Pattern.compile("^[一二三四五六七八九十百]+[、．.]");

	private static final String TABLE_SECTION = "任务分工";

	private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

	private enum Column {

		NUMBER, TASK, LEAD, SHARED, CO, DUE

	}

	private final XWPFDocument doc;

	private final List<String> lines = new ArrayList<>();

	private final List<String> warnings = new ArrayList<>();

	private final List<Headerless> headerless = new ArrayList<>();

	/** The text's lines so far (a line added may hold line breaks). */
	private int textLines;

	/** Per list (numId): the counter of each level, 0 where the level has not been used since its parent moved on. */
	private final Map<BigInteger, int[]> counters = new HashMap<>();

	private int tables;

	private int lastTaskNumber;

	/** The last line with text, to say where a text box is. */
	private String lastLine = "";

	/** Per style id: whether it hides its text. */
	private final Map<String, Boolean> hiddenStyles = new HashMap<>();

	private boolean sectionStarted;

	private NoticeDocument(XWPFDocument doc) {
		this.doc = doc;
	}

	/** The largest notice file read (5 MB). */
	static final long MAX_FILE_BYTES = 5L * 1024 * 1024;

	/**
	 * The notice's text from a .txt (UTF-8) or .docx file, recognised by content, not by name or declared type; a .docx
	 * read as a person reads it, its tables of tasks and Word's automatic numbering included ({@link #read}), with what
	 * could not be read so as warnings.
	 * @param bytes the file
	 * @param field the request field the refusals name ({@code file} for a form, {@code body} for the API)
	 * @throws InvalidValueException over 5 MB (413), another kind of file (a PDF, an image, an .xlsx, an old .doc: rule
	 * {@code wrong-kind} naming it), a Word file too large unpacked or unreadable, text not in UTF-8
	 */
	static Reading readFile(byte[] bytes, String field) {
		if (bytes.length > MAX_FILE_BYTES) {
			throw InvalidValueException.tooLarge(field, "文件不能超过5MB");
		}
		// a PDF, an image, a sheet or an old .doc is told as what it is, not as text in the wrong encoding
		OfficeFiles.requireNoOtherKind(bytes, field, "文本文件（.txt）或Word文件（.docx）");
		if (bytes.length > 3 && bytes[0] == 'P' && bytes[1] == 'K') {
			OfficeFiles.requireWithinLimits(bytes, field, "Word文件（.docx）");
			return OfficeFiles.inMemory(() -> {
				try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
					return read(doc);
				}
				catch (IOException | RuntimeException ex) {
					throw OfficeFiles.unreadable(field, "docx", "Word文件（.docx）");
				}
			});
		}
		String text = Text.utf8File(bytes);
		if (text.contains("\uFFFD") || Text.forbiddenAt(text) >= 0) {
			throw new InvalidValueException(field, "text", "请上传UTF-8编码的文本文件（.txt）或Word文件（.docx）");
		}
		return new Reading(text, List.of());
	}

	/** Reads the document's body; headers, footers and text boxes are not part of a notice's text. */
	static Reading read(XWPFDocument doc) {
		NoticeDocument reader = new NoticeDocument(doc);
		reader.blocks((Element) doc.getDocument().getBody().getDomNode());
		String text = String.join("\n", reader.lines).replaceAll("[\\p{Cc}&&[^\\n]]", "");
		return new Reading(text, List.copyOf(reader.warnings), List.copyOf(reader.headerless));
	}

	/**
	 * The paragraphs and tables of a body, a content control ({@code w:sdt}) or a custom XML element around them
	 * ({@code w:customXml}), in order; a paragraph or table marked as deleted or moved away is not read.
	 */
	private void blocks(Element parent) {
		for (Element e : children(parent)) {
			switch (wordName(e)) {
				case "p" -> paragraph(e);
				case "tbl" -> table(e);
				case "sdt", "sdtContent", "customXml", "ins", "moveTo" -> blocks(e);
				default -> {
					// section properties, bookmarks, tracked deletions and moves away
				}
			}
		}
	}

	private void paragraph(Element p) {
		Shown shown = shown(p);
		String text = shown.text.toString();
		if (Text.isBlank(text) && shown.markGone) {
			// deleted, moved away or hidden in full: Word shows nothing, not even the list number
			return;
		}
		if (shown.textBox) {
			warnings.add((!Text.isBlank(text) ? "“" + shorten(text) + "”处" : lastLine.isEmpty() ? "正文开头" : "“" + shorten(lastLine) + "”之后")
					+ "有文本框，文本框中的文字未导入，请核对原文");
		}
		String label = label(p, text);
		String line = label.isEmpty() || Text.isBlank(text) ? text : label + text;
		add(line);
		sectionStarted |= HEADING.matcher(Text.strip(line)).lookingAt();
		Matcher number = NUMBER.matcher(label);
		if (number.lookingAt()) {
			lastTaskNumber = Integer.parseInt(number.group());
		}
	}

	private void add(String line) {
		lines.add(line);
		textLines += 1 + (int) line.chars().filter(c -> c == '\n').count();
		if (!Text.isBlank(line)) {
			lastLine = line;
		}
	}

	/**
	 * What Word shows of a paragraph in its final view ("最终状态", the tracked changes accepted): the text of its runs
	 * wherever they sit — in hyperlinks, smart tags, custom XML, content controls, simple fields, tracked insertions and
	 * moves ({@code w:ins}, {@code w:moveTo}) — without tracked deletions and moves away ({@code w:del},
	 * {@code w:moveFrom}), hidden text ({@code w:vanish}, {@code w:specVanish}, set on the run, its character style or the
	 * paragraph's style; web-hidden text shows in print layout and is kept), field codes (only a field's result shows)
	 * and text boxes (noted); a tab as a space, a line break as a new line.
	 */
	private Shown shown(Element p) {
		Shown shown = new Shown(hiddenByStyle(paragraphStyle(p)));
		inline(p, shown);
		Element mark = child(child(p, "pPr"), "rPr");
		shown.markGone = child(mark, "del") != null || child(mark, "moveFrom") != null || on(child(mark, "vanish"));
		return shown;
	}

	private void inline(Element parent, Shown shown) {
		for (Element e : children(parent)) {
			String name = e.getLocalName();
			if (isTextBox(e)) {
				shown.textBox = true;
				continue;
			}
			if (!W.equals(e.getNamespaceURI())) {
				// math (m:oMath, m:r, m:t) is read; of markup-compatibility choices the first, not its fallback
				if (!name.equals("Fallback")) {
					inline(e, shown);
				}
				continue;
			}
			switch (name) {
				case "r" -> run(e, shown);
				case "del", "moveFrom", "rt", "pPr", "rPr", "sdtPr", "sdtEndPr", "customXmlPr", "smartTagPr" -> {
					// gone in the final view, a ruby's annotation, or properties
				}
				default -> inline(e, shown);
			}
		}
	}

	private void run(Element r, Shown shown) {
		boolean hidden = hidden(child(r, "rPr"), shown.paragraphHidden);
		for (Element e : children(r)) {
			if (isTextBox(e)) {
				shown.textBox = true;
				continue;
			}
			String name = e.getLocalName();
			switch (name) {
				case "fldChar" -> {
					String type = attribute(e, "fldCharType");
					if ("begin".equals(type)) {
						shown.fields.push(true);
					}
					else if ("separate".equals(type) && !shown.fields.isEmpty()) {
						shown.fields.pop();
						shown.fields.push(false);
					}
					else if ("end".equals(type) && !shown.fields.isEmpty()) {
						shown.fields.pop();
					}
				}
				case "t", "tab", "ptab", "br", "cr", "noBreakHyphen" -> {
					if (!hidden && !shown.fields.contains(true)) {
						shown.text.append(switch (name) {
							case "t" -> text(e);
							case "br", "cr" -> "page".equals(attribute(e, "type")) ? " " : "\n";
							case "noBreakHyphen" -> "-";
							default -> " ";
						});
					}
				}
				case "ruby" -> inline(child(e, "rubyBase"), shown);
				default -> {
					// properties, deleted text and field codes, soft hyphens, symbols, notes' references, drawings
				}
			}
		}
	}

	/** A text box: Word's ({@code w:txbxContent}) or one drawn in a drawing, a VML picture or an alternate content. */
	private static boolean isTextBox(Element e) {
		String name = e.getLocalName();
		return name.equals("txbxContent") || (name.equals("drawing") || name.equals("pict") || name.equals("object")
				|| name.equals("AlternateContent")) && e.getElementsByTagNameNS(W, "txbxContent").getLength() > 0;
	}

	/** A paragraph's text as Word shows it, and what its mark (the pilcrow) says. */
	private static final class Shown {

		final StringBuilder text = new StringBuilder();

		/** Per open field, whether its instruction is being read (its result shows from {@code separate} to {@code end}). */
		final Deque<Boolean> fields = new ArrayDeque<>();

		final boolean paragraphHidden;

		boolean textBox;

		/** The paragraph mark deleted, moved away or hidden. */
		boolean markGone;

		Shown(boolean paragraphHidden) {
			this.paragraphHidden = paragraphHidden;
		}
	}

	/** Whether a run is hidden: by its own properties, else its character style, else the paragraph's style. */
	private boolean hidden(Element rPr, boolean paragraphHidden) {
		for (String name : List.of("vanish", "specVanish")) {
			Element own = child(rPr, name);
			if (own != null) {
				return on(own);
			}
		}
		Element style = child(rPr, "rStyle");
		if (style != null && hiddenByStyle(attribute(style, "val"))) {
			return true;
		}
		return paragraphHidden;
	}

	/** Whether a style, or one it is based on, hides its text. */
	private boolean hiddenByStyle(String styleId) {
		if (styleId == null || doc.getStyles() == null) {
			return false;
		}
		return hiddenStyles.computeIfAbsent(styleId, id -> {
			String at = id;
			for (int depth = 0; at != null && depth < 10; depth++) {
				XWPFStyle style = doc.getStyles().getStyle(at);
				if (style == null) {
					return false;
				}
				Element rPr = child((Element) style.getCTStyle().getDomNode(), "rPr");
				for (String name : List.of("vanish", "specVanish")) {
					if (child(rPr, name) != null) {
						return on(child(rPr, name));
					}
				}
				at = style.getBasisStyleID();
			}
			return false;
		});
	}

	/** An on/off property (ECMA-376 17.17.4): on when present without a value or with one other than false/0/off. */
	private static boolean on(Element property) {
		if (property == null) {
			return false;
		}
		String val = attribute(property, "val");
		return val == null || !(val.equals("0") || val.equals("false") || val.equals("off"));
	}

	private static String paragraphStyle(Element p) {
		Element style = child(child(p, "pPr"), "pStyle");
		return style == null ? null : attribute(style, "val");
	}

	/** An element's name in the WordprocessingML namespace, or "" for another namespace. */
	private static String wordName(Element e) {
		return W.equals(e.getNamespaceURI()) ? e.getLocalName() : "";
	}

	private static List<Element> children(Element parent) {
		List<Element> children = new ArrayList<>();
		if (parent != null) {
			for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
				if (n instanceof Element e) {
					children.add(e);
				}
			}
		}
		return children;
	}

	/** The first child of that WordprocessingML name, or null. */
	private static Element child(Element parent, String name) {
		for (Element e : children(parent)) {
			if (name.equals(wordName(e))) {
				return e;
			}
		}
		return null;
	}

	private static String attribute(Element e, String name) {
		return e.hasAttributeNS(W, name) ? e.getAttributeNS(W, name) : null;
	}

	/** An element's own text (a {@code w:t} holds text only). */
	private static String text(Element e) {
		StringBuilder text = new StringBuilder();
		for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
				text.append(n.getNodeValue());
			}
		}
		return text.toString();
	}

	/** The number Word shows before a list paragraph, or "" (not a list, a bullet, no numbering part). */
	private String label(Element p, String text) {
		NumberedAs numPr = numPr(p);
		XWPFNumbering numbering = doc.getNumbering();
		if (numPr == null || numPr.numId() == null || numbering == null) {
			return "";
		}
		BigInteger numId = numPr.numId();
		int level = numPr.level();
		BigInteger abstractId = numbering.getAbstractNumID(numId);
		XWPFAbstractNum abstractNum = abstractId == null ? null : numbering.getAbstractNum(abstractId);
		if (abstractNum == null || level < 0 || level > 8) {
			return "";
		}
		CTAbstractNum list = abstractNum.getCTAbstractNum();
		CTLvl lvl = level(list, level);
		if (lvl == null || !lvl.isSetLvlText()) {
			return "";
		}
		int[] count = counters.computeIfAbsent(numId, k -> new int[9]);
		count[level] = count[level] == 0 ? start(level(list, level)) : count[level] + 1;
		for (int deeper = level + 1; deeper < 9; deeper++) {
			count[deeper] = 0;
		}
		String format = lvl.isSetNumFmt() ? lvl.getNumFmt().getVal().toString() : "decimal";
		if (format.equals("bullet") || format.equals("none")) {
			return "";
		}
		Matcher m = COUNTER.matcher(lvl.getLvlText().getVal());
		StringBuilder label = new StringBuilder();
		while (m.find()) {
			int at = Integer.parseInt(m.group(1)) - 1;
			CTLvl of = level(list, at);
			int value = count[at] == 0 ? start(of) : count[at];
			String fmt = of != null && of.isSetNumFmt() ? of.getNumFmt().getVal().toString() : "decimal";
			m.appendReplacement(label, Matcher.quoteReplacement(format(value, fmt, text)));
		}
		m.appendTail(label);
		return label.toString();
	}

	/** A paragraph's list and level ({@code w:numPr}); the list null when it names none. */
	private record NumberedAs(BigInteger numId, int level) {
	}

	/** The paragraph's own list properties, else those of its style or the styles it is based on. */
	private NumberedAs numPr(Element p) {
		Element own = child(child(p, "pPr"), "numPr");
		if (own != null) {
			Element numId = child(own, "numId");
			Element ilvl = child(own, "ilvl");
			String id = numId == null ? null : attribute(numId, "val");
			String at = ilvl == null ? null : attribute(ilvl, "val");
			return new NumberedAs(id == null || !id.matches("\\d{1,9}") ? null : new BigInteger(id),
					at == null || !at.matches("\\d{1,2}") ? 0 : Integer.parseInt(at));
		}
		String styleId = paragraphStyle(p);
		for (int depth = 0; styleId != null && doc.getStyles() != null && depth < 10; depth++) {
			XWPFStyle style = doc.getStyles().getStyle(styleId);
			if (style == null) {
				return null;
			}
			CTPPrGeneral ppr = style.getCTStyle().getPPr();
			if (ppr != null && ppr.isSetNumPr()) {
				CTNumPr numPr = ppr.getNumPr();
				return new NumberedAs(numPr.isSetNumId() ? numPr.getNumId().getVal() : null,
						numPr.isSetIlvl() ? numPr.getIlvl().getVal().intValue() : 0);
			}
			styleId = style.getBasisStyleID();
		}
		return null;
	}

	private static CTLvl level(CTAbstractNum list, int level) {
		for (CTLvl lvl : list.getLvlArray()) {
			if (lvl.getIlvl() != null && lvl.getIlvl().intValue() == level) {
				return lvl;
			}
		}
		return null;
	}

	private static int start(CTLvl lvl) {
		return lvl != null && lvl.isSetStart() ? lvl.getStart().getVal().intValue() : 1;
	}

	/** A counter in a level's format (ECMA-376 17.18.59); a format the import does not count is written as 1, 2, 3. */
	private String format(int value, String fmt, String paragraph) {
		switch (fmt) {
			case "decimal", "decimalZero", "decimalFullWidth", "decimalHalfWidth" -> {
				return fmt.equals("decimalZero") && value < 10 ? "0" + value : Integer.toString(value);
			}
			case "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographDigital",
					"japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand" -> {
				if (value > 0 && value < 100) {
					return chinese(value);
				}
			}
			case "ideographTraditional" -> {
				if (value > 0 && value <= HEAVENLY_STEMS.length()) {
					return String.valueOf(HEAVENLY_STEMS.charAt(value - 1));
				}
			}
			case "decimalEnclosedCircle", "decimalEnclosedCircleChinese" -> {
				if (value > 0 && value <= 20) {
					return String.valueOf((char) ('①' + value - 1));
				}
			}
			case "lowerLetter", "upperLetter" -> {
				if (value > 0 && value <= 26) {
					char letter = (char) ('a' + value - 1);
					return fmt.equals("upperLetter") ? String.valueOf(letter).toUpperCase(Locale.ROOT) : String.valueOf(letter);
				}
			}
			default -> {
				// counted below as a number, with a warning
			}
		}
		warnings.add("自动编号格式“" + fmt + "”按阿拉伯数字读取：“" + shorten(paragraph) + "”，请核对编号");
		return Integer.toString(value);
	}

	/** 1–99 in Chinese numerals, as 公文 number their parts: 一, 十, 十一, 二十, 二十一. */
	static String chinese(int value) {
		int tens = value / 10;
		int units = value % 10;
		return (tens == 0 ? "" : (tens == 1 ? "" : CHINESE_DIGITS[tens]) + "十") + CHINESE_DIGITS[units];
	}

	/**
	 * A table of tasks as task lines; another table as its rows' text, with a warning. The table is read on its grid, as
	 * Word lays it out: a cell merged across columns ({@code w:gridSpan}, {@code w:hMerge}, a row starting later,
	 * {@code w:gridBefore}) stays under the header's column it sits under, a cell merged down ({@code w:vMerge}) is the
	 * value of every row it spans — as a merged cell of a spreadsheet is read —, a header of two rows (责任处室 over
	 * 牵头 / 配合) names its columns by both; a row marked as deleted is not read.
	 */
	private void table(Element tbl) {
		tables++;
		List<List<GridCell>> rows = grid(tbl);
		int headerRow = -1;
		Map<Column, GridCell> columns = Map.of();
		// the header: of the first rows, the first naming the task column and another one (a title row above it names one)
		for (int r = 0; r < Math.min(rows.size(), 3); r++) {
			Map<Column, GridCell> found = columns(rows.get(r), List.of());
			if (found.containsKey(Column.TASK) && (found.size() > 1 || headerRow < 0)) {
				headerRow = r;
				columns = found;
				if (found.size() > 1) {
					break;
				}
			}
		}
		if (headerRow < 0) {
			// read as the notice's other lines: what the parser makes of them is told with the preview (Reading.warnFirst)
			int first = 0;
			int count = 0;
			for (List<GridCell> row : rows) {
				String text = cells(row);
				add(text);
				if (!Text.isBlank(text)) {
					first = count++ == 0 ? textLines : first;
				}
			}
			if (count > 0) {
				headerless.add(new Headerless(tables, first, textLines, count));
			}
			return;
		}
		// a header of two rows: the row below whose task cell is the header's, merged down, names the columns finer
		while (headerRow + 1 < rows.size() && at(rows.get(headerRow + 1), columns.get(Column.TASK).from()).continued()) {
			headerRow++;
			columns = columns(rows.get(headerRow), rows.get(headerRow - 1));
		}
		if (!columns.containsKey(Column.LEAD) && !columns.containsKey(Column.SHARED)) {
			warnings.add("第" + tables + "个表格没有“牵头处室”“责任处室”列，其任务没有责任处室，请在导入后核对");
		}
		for (int r = headerRow + 1; r < rows.size(); r++) {
			List<GridCell> row = rows.get(r);
			String task = value(row, columns.get(Column.TASK)).replaceAll("\\s*\\n\\s*", "");
			if (task.isEmpty() || row.size() == 1) {
				String text = cells(row);
				if (HEADING.matcher(text).lookingAt()) {
					// a part's heading written as a row across the table
					add(text);
					sectionStarted = true;
				}
				else if (!Text.isBlank(text)) {
					warnings.add("第" + tables + "个表格第" + (r + 1) + "行没有任务内容：“" + shorten(text) + "”，请核对");
					add(text);
				}
				continue;
			}
			if (!sectionStarted) {
				// the parser files tasks under a part "一、…": a table of tasks under none gets one
				warnings.add("第" + tables + "个表格前没有“一、……”形式的部分标题，其任务归入“" + TABLE_SECTION + "”");
				add("一、" + TABLE_SECTION);
				sectionStarted = true;
			}
			add(taskLine(row, columns, task));
		}
	}

	/** A cell on the table's grid: what it shows, the grid columns it covers, whether it continues the cell above. */
	private record GridCell(String text, int from, int span, boolean continued, boolean textBox) {

		boolean covers(int column) {
			return column >= from && column < from + span;
		}
	}

	/** The table's rows on its grid, each cell merged down holding the text of the cell it continues. */
	private List<List<GridCell>> grid(Element tbl) {
		List<List<GridCell>> rows = new ArrayList<>();
		Map<Integer, GridCell> above = new HashMap<>();
		for (Element tr : parts(tbl, "tr")) {
			Element trPr = child(tr, "trPr");
			if (child(trPr, "del") != null) {
				continue;
			}
			Element before = child(trPr, "gridBefore");
			int at = before == null ? 0 : number(attribute(before, "val"), 0);
			List<GridCell> row = new ArrayList<>();
			for (Element tc : parts(tr, "tc")) {
				Element tcPr = child(tc, "tcPr");
				Element spans = child(tcPr, "gridSpan");
				int span = Math.max(1, Math.min(64, spans == null ? 1 : number(attribute(spans, "val"), 1)));
				Element hMerge = child(tcPr, "hMerge");
				if (hMerge != null && !"restart".equals(attribute(hMerge, "val")) && !row.isEmpty()) {
					// the old form of a merge across: this cell widens the one before it
					GridCell left = row.remove(row.size() - 1);
					row.add(new GridCell(left.text(), left.from(), left.span() + span, left.continued(), left.textBox()));
					at += span;
					continue;
				}
				Element vMerge = child(tcPr, "vMerge");
				boolean continued = vMerge != null && !"restart".equals(attribute(vMerge, "val"));
				GridCell cell;
				if (continued) {
					GridCell origin = above.get(at);
					cell = new GridCell(origin == null ? "" : origin.text(), at, span, true, false);
				}
				else {
					Shown shown = new Shown(false);
					String text = cellText(tc, shown);
					cell = new GridCell(text, at, span, false, shown.textBox);
				}
				row.add(cell);
				at += span;
			}
			row.forEach(cell -> {
				for (int c = cell.from(); c < cell.from() + cell.span(); c++) {
					above.put(c, cell);
				}
			});
			if (row.stream().anyMatch(GridCell::textBox)) {
				warnings.add("第" + tables + "个表格第" + (rows.size() + 1) + "行有文本框，文本框中的文字未导入，请核对原文");
			}
			rows.add(row);
		}
		return rows;
	}

	/** The rows of a table or the cells of a row, also those inside a content control or custom XML element. */
	private static List<Element> parts(Element parent, String name) {
		List<Element> found = new ArrayList<>();
		for (Element e : children(parent)) {
			String n = wordName(e);
			if (n.equals(name)) {
				found.add(e);
			}
			else if (n.equals("sdt") || n.equals("sdtContent") || n.equals("customXml")) {
				found.addAll(parts(e, name));
			}
		}
		return found;
	}

	/** A cell's text as Word shows it, a line per paragraph (also of a table inside it). */
	private String cellText(Element parent, Shown cell) {
		List<String> texts = new ArrayList<>();
		for (Element e : children(parent)) {
			switch (wordName(e)) {
				case "p" -> {
					Shown shown = shown(e);
					cell.textBox |= shown.textBox;
					if (!(shown.markGone && shown.text.toString().isBlank())) {
						texts.add(shown.text.toString());
					}
				}
				case "tbl" -> parts(e, "tr").forEach(tr -> parts(tr, "tc").forEach(tc -> texts.add(cellText(tc, cell))));
				case "sdt", "sdtContent", "customXml" -> texts.add(cellText(e, cell));
				default -> {
					// properties, tracked deletions
				}
			}
		}
		return String.join("\n", texts);
	}

	private static int number(String value, int otherwise) {
		return value != null && value.matches("\\d{1,3}") ? Integer.parseInt(value) : otherwise;
	}

	private String taskLine(List<GridCell> row, Map<Column, GridCell> columns, String task) {
		Matcher typed = NUMBER.matcher(NoticeParser.clean(value(row, columns.get(Column.NUMBER))));
		int number = typed.matches() ? Integer.parseInt(typed.group()) : lastTaskNumber + 1;
		lastTaskNumber = number;
		StringBuilder line = new StringBuilder().append(number).append(". ").append(task.replaceAll("[。；;，,\\s]+$", ""));
		String due = value(row, columns.get(Column.DUE));
		if (!due.isEmpty()) {
			line.append("（完成时限：").append(due).append("）");
		}
		String lead = names(value(row, columns.get(Column.LEAD)));
		String shared = names(value(row, columns.get(Column.SHARED)));
		if (lead.isEmpty() && !shared.isEmpty() && !shared.contains("、")) {
			// one department answering for the task leads it
			lead = shared;
			shared = "";
		}
		String co = names(value(row, columns.get(Column.CO)));
		if (!lead.isEmpty()) {
			line.append("（").append(lead).append("牵头").append(co.isEmpty() ? "" : "，" + co + "配合").append("）");
		}
		else if (!shared.isEmpty() || !co.isEmpty()) {
			line.append("（").append(shared.isEmpty() ? co : co.isEmpty() ? shared : shared + "、" + co).append("按职责分工负责）");
		}
		return line.toString();
	}

	/** Department names of a cell, one list: "市场监管处\n办公室" or "市场监管处，办公室" → "市场监管处、办公室". */
	private static String names(String cell) {
		return String.join("、", List.of(cell.split("\\s*[、,，;；/\\s]+\\s*")).stream().filter(n -> !Text.isBlank(n)).toList());
	}

	/**
	 * Which column holds what, by the header's names: each a header cell with the grid columns it covers. A header
	 * cell under a wider one above it ({@code above}: 责任处室 over 牵头 and 配合) is named by both.
	 */
	private static Map<Column, GridCell> columns(List<GridCell> header, List<GridCell> above) {
		Map<Column, GridCell> found = new HashMap<>();
		for (GridCell cell : header) {
			String name = cell.text().replaceAll("\\s+", "");
			GridCell over = at(above, cell.from());
			if (!cell.continued() && over.span() > cell.span()) {
				name = over.text().replaceAll("\\s+", "") + name;
			}
			Column column = name.matches("序号|编号|序") ? Column.NUMBER
					: name.contains("配合") || name.contains("协办") || name.contains("参与") || name.contains("协同")
							|| name.contains("协助") ? Column.CO
					: name.contains("牵头") || name.contains("主办") ? Column.LEAD
					: name.contains("责任") || name.contains("负责") ? Column.SHARED
					: name.contains("时限") || name.contains("时间") || name.contains("期限") ? Column.DUE
					: name.contains("任务") || name.contains("工作内容") || name.contains("事项") || name.equals("内容") ? Column.TASK
					: null;
			if (column != null) {
				found.putIfAbsent(column, cell);
			}
		}
		return found;
	}

	/** The row's cell covering that grid column, or an empty one. */
	private static GridCell at(List<GridCell> row, int column) {
		return row.stream().filter(c -> c.covers(column)).findFirst().orElse(new GridCell("", column, 1, false, false));
	}

	/** The text of the row under a header cell: its cells in the header cell's columns, a line each. */
	private static String value(List<GridCell> row, GridCell header) {
		if (header == null) {
			return "";
		}
		return String.join("\n", row.stream()
			.filter(c -> c.from() < header.from() + header.span() && c.from() + c.span() > header.from())
			.map(c -> Text.strip(c.text().replace('\u3000', ' ')))
			.filter(t -> !t.isEmpty())
			.toList());
	}

	/** A row's own text (not that of cells merged down into it), its cells separated by a space. */
	private static String cells(List<GridCell> row) {
		return String.join(" ", row.stream().filter(c -> !c.continued())
			.map(c -> Text.strip(c.text()).replaceAll("\\s*\\n\\s*", " "))
			.filter(t -> !t.isEmpty())
			.toList());
	}

	private static String shorten(String text) {
		String t = Text.strip(text);
		return t.length() > 30 ? t.substring(0, 30) + "…" : t;
	}
}
