package org.youguan.workplans.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.youguan.documents.OfficeFiles;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;

/**
 * A notice in Word (.docx) as a person reads it, written as the lines {@link NoticeParser} reads: the body in order —
 * paragraphs and tables —; a paragraph Word numbers itself (a list paragraph, {@code w:numPr} on it or its style) with
 * its number as Word shows it ("一、", "1.", "（一）": the level's {@code w:lvlText} with its counters in the level's
 * format, counted per list as Word counts them); a table of tasks (a header row naming 任务 and 牵头处室, as the notices'
 * 任务分工表 do: 序号 / 任务 / 牵头处室 / 配合处室 / 完成时限) a task line per row, "N. 任务（完成时限：…）（A牵头，B配合）". What cannot be
 * read so — a table without a task column, a row without a task, a list level numbered in a way the import does not
 * count — is kept as text lines (the preview lists them as not recognised) and named in {@link Reading#warnings}; a
 * text box, whose text is not read, is named there too.
 */
final class NoticeDocument {

	/** The notice's lines, and what the reader should check. */
	record Reading(String text, List<String> warnings) {
	}

	private static final String[] CHINESE_DIGITS = { "", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

	private static final String HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸";

	private static final Pattern COUNTER = Pattern.compile("%([1-9])");

	private static final Pattern NUMBER = Pattern.compile("\\d{1,3}");

	/** A part's heading as the parser reads it: "一、…". */
	private static final Pattern HEADING = Pattern.compile("^[一二三四五六七八九十百]+[、．.]");

	private static final String TABLE_SECTION = "任务分工";

	private enum Column {

		NUMBER, TASK, LEAD, SHARED, CO, DUE

	}

	private final XWPFDocument doc;

	private final List<String> lines = new ArrayList<>();

	private final List<String> warnings = new ArrayList<>();

	/** Per list (numId): the counter of each level, 0 where the level has not been used since its parent moved on. */
	private final Map<BigInteger, int[]> counters = new HashMap<>();

	private int tables;

	private int lastTaskNumber;

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
	 * @throws InvalidValueException over 5 MB (413), a Word file too large unpacked or unreadable, text not in UTF-8
	 */
	static Reading readFile(byte[] bytes, String field) {
		if (bytes.length > MAX_FILE_BYTES) {
			throw InvalidValueException.tooLarge(field, "文件不能超过5MB");
		}
		if (bytes.length > 3 && bytes[0] == 'P' && bytes[1] == 'K') {
			OfficeFiles.requireWithinLimits(bytes, field, "Word文件（.docx）");
			try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
				return read(doc);
			}
			catch (IOException | RuntimeException ex) {
				throw OfficeFiles.unreadable(field, "docx", "Word文件（.docx）");
			}
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
		for (IBodyElement element : doc.getBodyElements()) {
			if (element instanceof XWPFParagraph p) {
				reader.paragraph(p);
			}
			else if (element instanceof XWPFTable t) {
				reader.table(t);
			}
			else if (element instanceof XWPFSDT control) {
				// a content control around paragraphs: its text, a line per paragraph
				reader.lines.addAll(List.of(control.getContent().getText().split("\n", -1)));
			}
		}
		// Word's manual line and page breaks arrive as control characters: lines, as the notice reads them
		String text = String.join("\n", reader.lines).replaceAll("[\\u000B\\u000C]", "\n")
			.replaceAll("[\\p{Cc}&&[^\\t\\n\\r]]", "");
		return new Reading(text, List.copyOf(reader.warnings));
	}

	private void paragraph(XWPFParagraph p) {
		String text = p.getText();
		if (p.getCTP().xmlText().contains("txbxContent")) {
			warnings.add("“" + shorten(text) + "”处有文本框，文本框中的文字未导入，请核对原文");
		}
		String label = label(p);
		String line = label.isEmpty() || Text.isBlank(text) ? text : label + text;
		lines.add(line);
		sectionStarted |= HEADING.matcher(Text.strip(line)).lookingAt();
		Matcher number = NUMBER.matcher(label);
		if (number.lookingAt()) {
			lastTaskNumber = Integer.parseInt(number.group());
		}
	}

	/** The number Word shows before a list paragraph, or "" (not a list, a bullet, no numbering part). */
	private String label(XWPFParagraph p) {
		CTNumPr numPr = numPr(p);
		XWPFNumbering numbering = doc.getNumbering();
		if (numPr == null || !numPr.isSetNumId() || numbering == null) {
			return "";
		}
		BigInteger numId = numPr.getNumId().getVal();
		int level = numPr.isSetIlvl() ? numPr.getIlvl().getVal().intValue() : 0;
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
			m.appendReplacement(label, Matcher.quoteReplacement(format(value, fmt, p.getText())));
		}
		m.appendTail(label);
		return label.toString();
	}

	/** The paragraph's own list properties, else those of its style or the styles it is based on. */
	private CTNumPr numPr(XWPFParagraph p) {
		CTPPr own = p.getCTP().getPPr();
		if (own != null && own.isSetNumPr()) {
			return own.getNumPr();
		}
		String styleId = p.getStyleID();
		for (int depth = 0; styleId != null && doc.getStyles() != null && depth < 10; depth++) {
			XWPFStyle style = doc.getStyles().getStyle(styleId);
			if (style == null) {
				return null;
			}
			CTPPrGeneral ppr = style.getCTStyle().getPPr();
			if (ppr != null && ppr.isSetNumPr()) {
				return ppr.getNumPr();
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

	/** A table of tasks as task lines; another table as its rows' text, with a warning. */
	private void table(XWPFTable table) {
		tables++;
		List<XWPFTableRow> rows = table.getRows();
		int headerRow = -1;
		Map<Column, Integer> columns = Map.of();
		// the header: of the first rows, the first naming the task column and another one (a title row above it names one)
		for (int r = 0; r < Math.min(rows.size(), 3); r++) {
			Map<Column, Integer> found = columns(rows.get(r));
			if (found.containsKey(Column.TASK) && (found.size() > 1 || headerRow < 0)) {
				headerRow = r;
				columns = found;
				if (found.size() > 1) {
					break;
				}
			}
		}
		if (headerRow < 0) {
			warnings.add("第" + tables + "个表格没有“任务”“工作内容”等表头，未按任务读取，其各行列为未能识别的行，请核对");
			rows.forEach(row -> lines.add(cells(row, 0, row.getTableCells().size())));
			return;
		}
		if (!columns.containsKey(Column.LEAD) && !columns.containsKey(Column.SHARED)) {
			warnings.add("第" + tables + "个表格没有“牵头处室”“责任处室”列，其任务没有责任处室，请在导入后核对");
		}
		if (!sectionStarted) {
			// the parser files tasks under a part "一、…": a notice that is only its table gets one
			warnings.add("第" + tables + "个表格前没有“一、……”形式的部分标题，其任务归入“" + TABLE_SECTION + "”");
			lines.add("一、" + TABLE_SECTION);
			sectionStarted = true;
		}
		for (int r = headerRow + 1; r < rows.size(); r++) {
			XWPFTableRow row = rows.get(r);
			String task = cell(row, columns.get(Column.TASK)).replaceAll("\\s*\\n\\s*", "");
			if (task.isEmpty() || row.getTableCells().size() == 1) {
				String text = cells(row, 0, row.getTableCells().size());
				if (HEADING.matcher(text).lookingAt()) {
					// a part's heading written as a row across the table
					lines.add(text);
				}
				else if (!Text.isBlank(text)) {
					warnings.add("第" + tables + "个表格第" + (r + 1) + "行没有任务内容：“" + shorten(text) + "”，请核对");
					lines.add(text);
				}
				continue;
			}
			lines.add(taskLine(row, columns, task));
		}
	}

	private String taskLine(XWPFTableRow row, Map<Column, Integer> columns, String task) {
		Matcher typed = NUMBER.matcher(cell(row, columns.get(Column.NUMBER)));
		int number = typed.matches() ? Integer.parseInt(typed.group()) : lastTaskNumber + 1;
		lastTaskNumber = number;
		StringBuilder line = new StringBuilder().append(number).append(". ").append(task.replaceAll("[。；;，,\\s]+$", ""));
		String due = cell(row, columns.get(Column.DUE));
		if (!due.isEmpty()) {
			line.append("（完成时限：").append(due).append("）");
		}
		String lead = names(cell(row, columns.get(Column.LEAD)));
		String shared = names(cell(row, columns.get(Column.SHARED)));
		if (lead.isEmpty() && !shared.isEmpty() && !shared.contains("、")) {
			// one department answering for the task leads it
			lead = shared;
			shared = "";
		}
		String co = names(cell(row, columns.get(Column.CO)));
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

	/** Which column holds what, by the header's names. */
	private static Map<Column, Integer> columns(XWPFTableRow header) {
		Map<Column, Integer> found = new HashMap<>();
		List<XWPFTableCell> cells = header.getTableCells();
		for (int c = 0; c < cells.size(); c++) {
			String name = text(cells.get(c)).replaceAll("\\s+", "");
			Column column = name.matches("序号|编号|序") ? Column.NUMBER
					: name.contains("配合") || name.contains("协办") || name.contains("参与") ? Column.CO
					: name.contains("牵头") || name.contains("主办") ? Column.LEAD
					: name.contains("责任") || name.contains("负责") ? Column.SHARED
					: name.contains("时限") || name.contains("时间") || name.contains("期限") ? Column.DUE
					: name.contains("任务") || name.contains("工作内容") || name.contains("事项") || name.equals("内容") ? Column.TASK
					: null;
			if (column != null) {
				found.putIfAbsent(column, c);
			}
		}
		return found;
	}

	private static String cell(XWPFTableRow row, Integer column) {
		if (column == null || column >= row.getTableCells().size()) {
			return "";
		}
		return Text.strip(text(row.getCell(column)).replace('\u3000', ' '));
	}

	/** A cell's text, a line per paragraph (getText runs them together: "办公室普遍服务处"). */
	private static String text(XWPFTableCell cell) {
		return String.join("\n", cell.getParagraphs().stream().map(XWPFParagraph::getText).toList());
	}

	private static String cells(XWPFTableRow row, int from, int to) {
		List<String> texts = new ArrayList<>();
		for (int c = from; c < to; c++) {
			String text = Text.strip(text(row.getCell(c)));
			if (!text.isEmpty()) {
				texts.add(text.replaceAll("\\s*\\n\\s*", " "));
			}
		}
		return String.join(" ", texts);
	}

	private static String shorten(String text) {
		String t = Text.strip(text);
		return t.length() > 30 ? t.substring(0, 30) + "…" : t;
	}
}
