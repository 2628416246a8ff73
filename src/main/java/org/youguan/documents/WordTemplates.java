package org.youguan.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.springframework.stereotype.Service;
import org.youguan.kernel.InvalidValueException;

/**
 * Fills .docx templates. A field is written {@code ${name}} anywhere in the text (also when Word split it over
 * several runs). A table row containing {@code ${list.column}} fields is a template row: it is repeated once per
 * item of {@code list}, and removed when the list is empty. Unknown fields are left visible so a template error
 * shows in the document rather than silently vanishing.
 */
@Service
public class WordTemplates {

	static final Pattern FIELD = Pattern.compile("\\$\\{([\\p{L}\\p{N}_.-]+)}");

	/**
	 * @param fields values of {@code ${name}} fields
	 * @param tables rows for template rows: list name → items, each a map from column to value
	 */
	public byte[] fill(InputStream template, Map<String, String> fields, Map<String, List<Map<String, String>>> tables) {
		try (XWPFDocument doc = new XWPFDocument(template); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			fillBody(doc.getBodyElements(), fields, tables);
			doc.getHeaderList().forEach(h -> fillBody(h.getBodyElements(), fields, tables));
			doc.getFooterList().forEach(f -> fillBody(f.getBodyElements(), fields, tables));
			doc.write(out);
			return out.toByteArray();
		}
		catch (IOException | org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException ex) {
			throw new InvalidValueException("template", "docx", "模板不是有效的Word（.docx）文件");
		}
	}

	public byte[] fill(byte[] template, Map<String, String> fields, Map<String, List<Map<String, String>>> tables) {
		return fill(new ByteArrayInputStream(template), fields, tables);
	}

	private void fillBody(List<IBodyElement> elements, Map<String, String> fields,
			Map<String, List<Map<String, String>>> tables) {
		for (IBodyElement element : new ArrayList<>(elements)) {
			if (element instanceof XWPFParagraph p) {
				replace(p, fields);
			}
			else if (element instanceof XWPFTable t) {
				fillTable(t, fields, tables);
			}
		}
	}

	private void fillTable(XWPFTable table, Map<String, String> fields, Map<String, List<Map<String, String>>> tables) {
		for (int r = 0; r < table.getRows().size(); r++) {
			XWPFTableRow row = table.getRow(r);
			String list = templateList(row, tables);
			if (list == null) {
				row.getTableCells().forEach(c -> fillCell(c, fields, tables));
				continue;
			}
			List<Map<String, String>> items = tables.get(list);
			for (int i = 0; i < items.size(); i++) {
				Map<String, String> values = prefixed(list, items.get(i), fields);
				insertFilledCopy(table, row, r + 1 + i, values);
			}
			table.removeRow(r);
			r += items.size() - 1;
		}
	}

	private void fillCell(XWPFTableCell cell, Map<String, String> fields, Map<String, List<Map<String, String>>> tables) {
		cell.getParagraphs().forEach(p -> replace(p, fields));
		cell.getTables().forEach(t -> fillTable(t, fields, tables));
	}

	private static String templateList(XWPFTableRow row, Map<String, List<Map<String, String>>> tables) {
		for (XWPFTableCell cell : row.getTableCells()) {
			Matcher m = FIELD.matcher(cell.getText());
			while (m.find()) {
				String name = m.group(1);
				int dot = name.indexOf('.');
				if (dot > 0 && tables.containsKey(name.substring(0, dot))) {
					return name.substring(0, dot);
				}
			}
		}
		return null;
	}

	/**
	 * Copies the template row, fills the copy and inserts it. The copy is filled before it is inserted because
	 * {@code XWPFTable.addRow} stores a copy of the row's XML, so later edits to the row object would be lost.
	 */
	private static void insertFilledCopy(XWPFTable table, XWPFTableRow row, int position, Map<String, String> values) {
		try {
			var ctRow = org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRow.Factory
				.parse(row.getCtRow().newInputStream());
			XWPFTableRow copy = new XWPFTableRow(ctRow, table);
			copy.getTableCells().forEach(c -> c.getParagraphs().forEach(p -> replace(p, values)));
			table.addRow(copy, position);
		}
		catch (IOException | org.apache.xmlbeans.XmlException ex) {
			throw new IllegalStateException("Cannot copy a template row", ex);
		}
	}

	private static Map<String, String> prefixed(String list, Map<String, String> item, Map<String, String> fields) {
		Map<String, String> values = new HashMap<>(fields);
		item.forEach((k, v) -> values.put(list + "." + k, v));
		return values;
	}

	/**
	 * Replaces fields in a paragraph whose text Word may have split into several runs: the paragraph's text is joined,
	 * replaced, and written back into the first run (keeping its formatting); the other runs are emptied.
	 */
	private static void replace(XWPFParagraph paragraph, Map<String, String> fields) {
		String text = paragraph.getText();
		if (text == null || !text.contains("${")) {
			return;
		}
		Matcher m = FIELD.matcher(text);
		StringBuilder sb = new StringBuilder();
		boolean changed = false;
		while (m.find()) {
			String value = fields.get(m.group(1));
			if (value != null) {
				changed = true;
			}
			m.appendReplacement(sb, Matcher.quoteReplacement(value != null ? value : m.group()));
		}
		m.appendTail(sb);
		if (!changed) {
			return;
		}
		List<XWPFRun> runs = paragraph.getRuns();
		XWPFRun first = runs.get(0);
		for (int i = runs.size() - 1; i > 0; i--) {
			paragraph.removeRun(i);
		}
		String[] lines = sb.toString().split("\n", -1);
		first.setText(lines[0], 0);
		for (int i = 1; i < lines.length; i++) {
			first.addBreak();
			first.setText(lines[i]);
		}
		if (first.getFontFamily(XWPFRun.FontCharRange.eastAsia) == null) {
			first.setFontFamily(Spreadsheets.CJK_FONT, XWPFRun.FontCharRange.eastAsia);
		}
	}
}
