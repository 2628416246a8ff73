package org.youguan.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.namespace.QName;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;
import org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;
import org.springframework.stereotype.Service;
import org.youguan.kernel.InvalidValueException;

/**
 * Fills .docx templates. A field is written {@code ${name}} anywhere in the text (also when Word split it over
 * several runs). A table row containing {@code ${list.column}} fields is a template row: it is repeated once per
 * item of {@code list}, and removed when the list is empty. Unknown fields are left visible so a template error
 * shows in the document rather than silently vanishing. A field is replaced in place: the rest of its paragraph (runs
 * and their formatting, drawings such as a seal, hyperlinks) is kept as it was.
 */
@Service
public class WordTemplates {

	static final Pattern FIELD = Pattern.compile("\\$\\{([\\p{L}\\p{N}_.-]+)}");

	/** WordprocessingML's namespace. */
	private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

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
		catch (IOException | NotOfficeXmlFileException ex) {
			throw new InvalidValueException("template", "docx", "模板不是有效的Word（.docx）文件");
		}
	}

	public byte[] fill(byte[] template, Map<String, String> fields, Map<String, List<Map<String, String>>> tables) {
		return fill(new ByteArrayInputStream(template), fields, tables);
	}

	/**
	 * Puts a PNG picture (a QR code, a seal) where {@code ${name}} is written — in the body, its tables, headers and
	 * footers — in place of the field's text, in a run of its own right after where the field starts and in that run's
	 * formatting; the rest of each paragraph (text before and after, other drawings, hyperlinks) stays as it was.
	 * @param widthEmu the picture's width, heightEmu its height, in EMU ({@code Units.toEMU(points)})
	 * @throws InvalidValueException rule {@code docx} when the document is not a readable .docx
	 */
	public static byte[] fillPicture(byte[] docx, String name, byte[] png, int widthEmu, int heightEmu) {
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			List<XWPFParagraph> paragraphs = new ArrayList<>();
			paragraphs(doc.getBodyElements(), paragraphs);
			doc.getHeaderList().forEach(h -> paragraphs(h.getBodyElements(), paragraphs));
			doc.getFooterList().forEach(f -> paragraphs(f.getBodyElements(), paragraphs));
			for (XWPFParagraph p : paragraphs) {
				picture(p, name, png, widthEmu, heightEmu);
			}
			doc.write(out);
			return out.toByteArray();
		}
		catch (IOException | InvalidFormatException | NotOfficeXmlFileException ex) {
			throw new InvalidValueException("template", "docx", "模板不是有效的Word（.docx）文件");
		}
	}

	private static void paragraphs(List<IBodyElement> elements, List<XWPFParagraph> into) {
		for (IBodyElement element : elements) {
			if (element instanceof XWPFParagraph p) {
				into.add(p);
			}
			else if (element instanceof XWPFTable t) {
				t.getRows().forEach(r -> r.getTableCells().forEach(c -> paragraphs(c.getBodyElements(), into)));
			}
		}
	}

	/** Each {@code ${name}} of the paragraph: its text out, the picture in a run after the run it started in. */
	private static void picture(XWPFParagraph paragraph, String name, byte[] png, int widthEmu, int heightEmu)
			throws InvalidFormatException, IOException {
		String mark = "\uE000";
		replace(paragraph, Map.of(name, mark));
		for (CTText text : ownTexts(paragraph)) {
			String value = text.getStringValue();
			int at = value.indexOf(mark);
			if (at < 0) {
				continue;
			}
			set(text, value.substring(0, at));
			try (XmlCursor c = text.newCursor()) {
				if (!c.toParent() || !(c.getObject() instanceof CTR run)) {
					continue;
				}
				CTR tail = value.length() > at + 1 ? runAfter(run) : null;
				if (tail != null) {
					set(tail.addNewT(), value.substring(at + 1).replace(mark, ""));
				}
				new XWPFRun(runAfter(run), paragraph).addPicture(new ByteArrayInputStream(png), Document.PICTURE_TYPE_PNG,
						name + ".png", widthEmu, heightEmu);
			}
		}
	}

	/** A new run right after {@code run}, in its formatting. */
	private static CTR runAfter(CTR run) {
		try (XmlCursor c = run.newCursor()) {
			c.toEndToken();
			c.toNextToken();
			c.beginElement(new QName(W, "r", "w"));
			c.toParent();
			CTR created = (CTR) c.getObject();
			if (run.isSetRPr()) {
				created.setRPr(run.getRPr());
			}
			return created;
		}
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
		// a copy of the row's XML in memory (XmlObject.copy), not a serialisation parsed back: a plan of 9,801 tasks
		// took 12 s (attack round 9)
		XWPFTableRow copy = new XWPFTableRow((CTRow) row.getCtRow().copy(), table);
		copy.getTableCells().forEach(c -> c.getParagraphs().forEach(p -> replace(p, values)));
		table.addRow(copy, position);
	}

	private static Map<String, String> prefixed(String list, Map<String, String> item, Map<String, String> fields) {
		Map<String, String> values = new HashMap<>(fields);
		item.forEach((k, v) -> values.put(list + "." + k, v));
		return values;
	}

	/**
	 * Replaces fields in a paragraph whose text Word may have split into several runs, in place: each field's text is
	 * taken out of the runs it spans and its value written where it starts, in that run's formatting; every other run
	 * — text before and after it in its own formatting, drawings (a seal), hyperlinks, field results, tabs — stays as it
	 * was. A value's line breaks become Word line breaks ({@code w:br}) in that run. Only the paragraph's own text
	 * counts: a text box's paragraphs inside one of its drawings are not part of it.
	 */
	private static void replace(XWPFParagraph paragraph, Map<String, String> fields) {
		List<CTText> texts = ownTexts(paragraph);
		StringBuilder joined = new StringBuilder();
		int[] starts = new int[texts.size() + 1];
		for (int i = 0; i < texts.size(); i++) {
			starts[i] = joined.length();
			joined.append(texts.get(i).getStringValue());
		}
		starts[texts.size()] = joined.length();
		if (joined.indexOf("${") < 0) {
			return;
		}
		List<int[]> found = new ArrayList<>();
		List<String> values = new ArrayList<>();
		Matcher m = FIELD.matcher(joined);
		while (m.find()) {
			String value = fields.get(m.group(1));
			if (value != null) {
				found.add(new int[] { m.start(), m.end() });
				values.add(printed(value));
			}
		}
		// by identity: two text elements reading the same are still two
		Set<CTText> written = Collections.newSetFromMap(new IdentityHashMap<>());
		// from the last field to the first: the offsets of those before stay valid
		for (int f = found.size() - 1; f >= 0; f--) {
			int from = segment(starts, found.get(f)[0]);
			int to = segment(starts, found.get(f)[1] - 1);
			CTText first = texts.get(from);
			CTText last = texts.get(to);
			String tail = last.getStringValue().substring(found.get(f)[1] - starts[to]);
			for (int i = from + 1; i <= to; i++) {
				set(texts.get(i), i == to ? tail : "");
			}
			set(first, first.getStringValue().substring(0, found.get(f)[0] - starts[from]) + values.get(f)
					+ (from == to ? tail : ""));
			written.add(first);
		}
		for (CTText text : written) {
			breakLines(text);
			cjkFont(paragraph, text);
		}
	}

	/** The index of the text element holding character {@code offset} of the joined text. */
	private static int segment(int[] starts, int offset) {
		int i = 0;
		while (starts[i + 1] <= offset) {
			i++;
		}
		return i;
	}

	/**
	 * A filled document with every paragraph's text passed through {@code mask} — in the body, its tables (nested too),
	 * text boxes, headers and footers —: how a document is served to a reader who reads its personal numbers masked
	 * (e.g. {@code Masking#personalNumbersIn}), the same rule as the page that lists it. A paragraph's text is masked
	 * whole, so a number Word split over several runs is masked as one; the masked characters go back into the runs
	 * they came from, each in its formatting (a mask that changes the text's length leaves it all in the first run).
	 * @param docx a .docx as stored
	 * @param mask the text as the reader may read it (returns its argument, or an equal string, when nothing is hidden)
	 * @return the document with its text masked; {@code docx} itself when no text changed
	 * @throws InvalidValueException rule {@code docx} when the file is not a readable .docx
	 */
	public static byte[] masked(byte[] docx, UnaryOperator<String> mask) {
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			boolean changed = maskParagraphs(doc.getDocument(), mask);
			for (var h : doc.getHeaderList()) {
				changed |= maskParagraphs(h._getHdrFtr(), mask);
			}
			for (var f : doc.getFooterList()) {
				changed |= maskParagraphs(f._getHdrFtr(), mask);
			}
			if (!changed) {
				return docx;
			}
			doc.write(out);
			return out.toByteArray();
		}
		catch (IOException | NotOfficeXmlFileException ex) {
			throw new InvalidValueException("file", "docx", "文件不是有效的Word（.docx）文件");
		}
	}

	private static final String NUMERALS = "一二三四五六七八九十";

	/**
	 * Leaves out a numbered section of a filled document: the body paragraph whose text ends with {@code heading}
	 * ("四、分地区快递业务量") and, when a table follows it directly, that table; the top-level headings numbered after it
	 * ("五、…") move up one (一 to 十). A document without such a paragraph (a replaced template that words it otherwise)
	 * is returned as it is.
	 * @param docx a filled .docx
	 * @param heading the end of the section's heading, without its number ("分地区快递业务量")
	 * @throws InvalidValueException rule {@code docx} when the document is not a readable .docx
	 */
	public static byte[] withoutSection(byte[] docx, String heading) {
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			List<IBodyElement> body = doc.getBodyElements();
			int at = -1;
			for (int i = 0; i < body.size(); i++) {
				if (body.get(i) instanceof XWPFParagraph p && p.getText().strip().endsWith(heading)) {
					at = i;
					break;
				}
			}
			if (at < 0) {
				return docx;
			}
			String text = ((XWPFParagraph) body.get(at)).getText().strip();
			int number = text.length() > 1 && text.charAt(1) == '、' ? NUMERALS.indexOf(text.charAt(0)) : -1;
			boolean table = at + 1 < body.size() && body.get(at + 1) instanceof XWPFTable;
			List<XWPFParagraph> later = new ArrayList<>();
			for (int i = at + (table ? 2 : 1); i < body.size(); i++) {
				if (body.get(i) instanceof XWPFParagraph p) {
					later.add(p);
				}
			}
			if (table) {
				doc.removeBodyElement(at + 1);
			}
			doc.removeBodyElement(at);
			if (number >= 0) {
				for (XWPFParagraph p : later) {
					renumber(p, number);
				}
			}
			doc.write(out);
			return out.toByteArray();
		}
		catch (IOException | NotOfficeXmlFileException ex) {
			throw new InvalidValueException("file", "docx", "文件不是有效的Word（.docx）文件");
		}
	}

	/** A heading numbered after the section left out ({@code removed}, 0 for 一) takes the number before its own. */
	private static void renumber(XWPFParagraph paragraph, int removed) {
		for (XWPFRun run : paragraph.getRuns()) {
			String t = run.getText(0);
			if (t == null || t.isBlank()) {
				continue;
			}
			int n = t.length() > 1 && t.charAt(1) == '、' ? NUMERALS.indexOf(t.charAt(0)) : -1;
			if (n > removed) {
				run.setText(NUMERALS.charAt(n - 1) + t.substring(1), 0);
			}
			return;
		}
	}

	/** Masks every paragraph under {@code part} (its text boxes' paragraphs each on their own); whether any changed. */
	private static boolean maskParagraphs(XmlObject part, UnaryOperator<String> mask) {
		boolean changed = false;
		for (XmlObject o : part.selectPath("declare namespace w='" + W + "' .//w:p")) {
			if (!(o instanceof CTP p)) {
				continue;
			}
			List<CTText> texts = ownTexts(p);
			StringBuilder joined = new StringBuilder();
			texts.forEach(t -> joined.append(t.getStringValue()));
			String text = joined.toString();
			String shown = mask.apply(text);
			if (shown == null || shown.equals(text)) {
				continue;
			}
			changed = true;
			if (shown.length() != text.length()) {
				for (int i = 0; i < texts.size(); i++) {
					set(texts.get(i), i == 0 ? shown : "");
				}
				continue;
			}
			int at = 0;
			for (CTText t : texts) {
				int length = t.getStringValue().length();
				set(t, shown.substring(at, at + length));
				at += length;
			}
		}
		return changed;
	}

	/** The paragraph's text elements in order, in its runs, hyperlinks and fields, not those of its text boxes. */
	private static List<CTText> ownTexts(XWPFParagraph paragraph) {
		return ownTexts(paragraph.getCTP());
	}

	/** {@link #ownTexts(XWPFParagraph)} of a paragraph as XML. */
	private static List<CTText> ownTexts(CTP paragraph) {
		List<CTText> own = new ArrayList<>();
		try (XmlCursor at = paragraph.newCursor()) {
			for (XmlObject o : paragraph.selectPath("declare namespace w='" + W + "' .//w:t")) {
				try (XmlCursor up = o.newCursor()) {
					while (up.toParent() && !(W.equals(up.getName().getNamespaceURI()) && "p".equals(up.getName().getLocalPart()))) {
						// up to the paragraph that holds it
					}
					if (up.isAtSamePositionAs(at) && o instanceof CTText t) {
						own.add(t);
					}
				}
			}
		}
		return own;
	}

	private static void set(CTText text, String value) {
		text.setStringValue(value);
		text.setSpace(SpaceAttribute.Space.PRESERVE);
	}

	/**
	 * A value as a document prints it: a textarea's line breaks (CR LF, as browsers send them, or a lone CR) are one line
	 * break each — XML would keep a CR as {@code &#13;} beside the break —, and characters that show nothing and are no
	 * space (Unicode format characters Cf: the zero-width space U+200B, the joiners, U+2060, U+FEFF, the soft hyphen)
	 * are left out of a document served on a party: they would make the printed text differ from what it shows.
	 */
	static String printed(String value) {
		String lines = value.replace("\r\n", "\n").replace('\r', '\n');
		StringBuilder out = new StringBuilder(lines.length());
		lines.codePoints().filter(c -> Character.getType(c) != Character.FORMAT).forEach(out::appendCodePoint);
		return out.toString();
	}

	/** Writes a text holding line breaks as its first line, then a {@code w:br} and a text element per further line. */
	private static void breakLines(CTText text) {
		String[] lines = text.getStringValue().split("\n", -1);
		if (lines.length == 1) {
			return;
		}
		set(text, lines[0]);
		try (XmlCursor c = text.newCursor()) {
			c.toEndToken();
			c.toNextToken();
			for (int i = 1; i < lines.length; i++) {
				c.beginElement(new QName(W, "br", "w"));
				c.toNextToken();
				c.beginElement(new QName(W, "t", "w"));
				c.insertAttributeWithValue(new QName(XMLConstants.XML_NS_URI, "space", "xml"), "preserve");
				c.insertChars(lines[i]);
				c.toNextToken();
			}
		}
	}

	/** Gives the run a value was written in an East Asian font if it has none, so Word picks a CJK font. */
	private static void cjkFont(XWPFParagraph paragraph, CTText text) {
		try (XmlCursor c = text.newCursor()) {
			if (c.toParent() && c.getObject() instanceof CTR r) {
				XWPFRun run = paragraph.getRuns().stream().filter(x -> x.getCTR() == r).findFirst()
					.orElseGet(() -> new XWPFRun(r, paragraph));
				if (run.getFontFamily(XWPFRun.FontCharRange.eastAsia) == null) {
					run.setFontFamily(Spreadsheets.CJK_FONT, XWPFRun.FontCharRange.eastAsia);
				}
			}
		}
	}
}
