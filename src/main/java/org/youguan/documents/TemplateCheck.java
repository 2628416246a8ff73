package org.youguan.documents;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.io.input.CloseShieldInputStream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRelation;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FileKind;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Wording;

/**
 * The check of an administrator's replacement template before it is stored: a real Word document (.docx) — not empty,
 * within the size and office-file limits, not a .doc, .dotx or another format, not encrypted, without macros (.docm,
 * a VBA project) and without references to outside files or addresses (an attached template or linked object fetched
 * when the document is opened; hyperlinks are allowed) — whose {@code ${…}} fields are exactly those the template is
 * filled with, placed where {@link WordTemplates} fills them. The last is proven by filling it once with sample values
 * and looking for any field left, in every part of the document (text boxes, footnotes, shapes included). Every refusal
 * is an {@link InvalidValueException} on the field {@code file}, with a Chinese message naming the file and the rule.
 */
final class TemplateCheck {

	/** A paragraph element (Word's {@code w:p}, DrawingML's {@code a:p} in shapes and charts); text is in {@code t}. */
	private static final String PARAGRAPH = "p";

	private static final Pattern FIELD = WordTemplates.FIELD;

	/** The start of a field as typed, also with full-width {@code ＄} or {@code ｛} from a Chinese input method. */
	private static final Pattern FIELD_START = Pattern.compile("[$＄][{｛]");

	private static final String HYPERLINK = PackageRelationshipTypes.HYPERLINK_PART;

	/** What the check found: the declared fields the file does not use (the page warns about them). */
	record Report(List<String> missing) {
	}

	private TemplateCheck() {
	}

	/**
	 * Checks {@code content} as a replacement of {@code template}.
	 * @param maxBytes the largest file accepted ({@code youguan.documents.max-template-bytes})
	 * @return the declared fields the file leaves out (allowed, reported as a warning)
	 * @throws InvalidValueException on {@code file}: rule {@code required}, {@code size} (413), {@code zip-entries},
	 * {@code zip-size}, {@code docx} (not a Word .docx, an old .doc, a .dotx, or broken), {@code encrypted},
	 * {@code macro}, {@code external}, {@code template-field} (a field the template is not filled with, or one
	 * written incompletely), {@code template-field-position} (a declared field where it is not filled) or
	 * {@code template-fields} (none of the declared fields at all)
	 */
	static Report check(DocumentTemplate template, String fileName, byte[] content, long maxBytes, WordTemplates words) {
		String file = "模板文件“" + fileName + "”";
		if (content == null || content.length == 0) {
			throw new InvalidValueException("file", "required", "请选择要上传的模板文件（Word文档 .docx）");
		}
		if (content.length > maxBytes) {
			throw InvalidValueException.tooLarge("file", file + "超过" + maxBytes / 1024 / 1024 + "MB，文书模板不能超过此大小");
		}
		requireOoxml(file, fileName, content);
		OfficeFiles.requireWithinLimits(content, "file", file);
		requireWordDocument(file, content);
		requireNoFetchingFields(file, content);
		Set<String> used = fieldsEverywhere(file, content);
		Set<String> declared = template.names();
		Set<String> unknown = new LinkedHashSet<>(used);
		unknown.removeAll(declared);
		if (!unknown.isEmpty()) {
			throw new InvalidValueException("file", "template-field", file + "中的字段" + braces(unknown) + "不是“"
					+ template.title() + "”可填写的字段，会原样出现在文书中：请改为页面列出的字段，或删除");
		}
		if (used.isEmpty()) {
			throw new InvalidValueException("file", "template-fields", file + "中没有“" + template.title() + "”的任何字段（如"
					+ braces(declared.stream().limit(3).toList()) + "），填写出的文书将没有文号、当事人等内容：请确认上传的是这份文书的模板");
		}
		Set<String> unfilled = fieldsEverywhere(file, trialFill(template, file, content, words));
		if (!unfilled.isEmpty()) {
			throw new InvalidValueException("file", "template-field-position", file + "中的字段" + braces(unfilled)
					+ "位于不会被填写的位置（文本框、脚注、图形中，或列表字段不在表格行中），会原样出现在文书中：请移到正文段落、表格或页眉页脚中");
		}
		requireNoRetired(template, file, content);
		Set<String> missing = new LinkedHashSet<>(declared);
		missing.removeAll(used);
		// a required field must be seen: one in hidden text (Word's 隐藏文字, w:vanish) would print nothing
		Set<String> visible = template.required().isEmpty() ? Set.of() : fieldsVisible(file, content);
		List<String> lost = template.required().stream().filter(f -> !visible.contains(f)).toList();
		if (!lost.isEmpty()) {
			throw new InvalidValueException("file", "template-required", file + "缺少“" + template.title() + "”必须载明的字段"
					+ braces(lost) + "（法定记载事项；设为隐藏文字的也算缺少），填写出的文书将不合法：请保留这些字段并使其可见");
		}
		return new Report(List.copyOf(missing));
	}

	/**
	 * Refuses a replacement that keeps what the built-in no longer writes ({@link DocumentTemplate#retired}): a paragraph
	 * or table cell whose whole text (white space around it ignored) is a retired text — the old built-in's subtitle, a
	 * header whose meaning changed — wherever Word prints it: the body, a table nested in a cell, a text box (its
	 * DrawingML and VML forms), a header or footer of any section, a footnote or endnote; so a template made from the
	 * old built-in does not print it.
	 * @throws InvalidValueException rule {@code template-retired}, naming the texts and why each is gone
	 */
	private static void requireNoRetired(DocumentTemplate template, String file, byte[] content) {
		if (template.retired().isEmpty()) {
			return;
		}
		Set<String> found = new LinkedHashSet<>();
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(content))) {
			Consumer<String> seen = text -> {
				String whole = text == null ? "" : text.strip();
				if (template.retired().containsKey(whole)) {
					found.add(whole);
				}
			};
			List<XmlObject> parts = new ArrayList<>();
			parts.add(doc.getDocument());
			doc.getHeaderList().forEach(h -> parts.add(h._getHdrFtr()));
			doc.getFooterList().forEach(h -> parts.add(h._getHdrFtr()));
			doc.getFootnotes().forEach(n -> parts.add(n.getCTFtnEdn()));
			doc.getEndnotes().forEach(n -> parts.add(n.getCTFtnEdn()));
			parts.forEach(part -> printedTexts(part, seen));
		}
		catch (IOException | RuntimeException ex) {
			throw broken(file);
		}
		if (!found.isEmpty()) {
			String texts = String.join("；", found.stream().map(t -> "“" + t + "”（" + template.retired().get(t) + "）").toList());
			throw new InvalidValueException("file", "template-retired",
					Wording.of("documents.refusal.templateRetired", file, template.title(), texts),
					file + "含有“" + template.title() + "”已不再使用的内容：" + texts + "。请按页面提供的现行模板修改后上传");
		}
	}

	private static final String W_NS = "declare namespace w='http://schemas.openxmlformats.org/wordprocessingml/2006/main' ";

	/**
	 * Hands {@code seen} the text of every paragraph in a part, at any depth (a nested table's cell, a text box inside a
	 * paragraph: each paragraph its own text, without the text boxes it anchors), and of every table cell (its
	 * paragraphs joined by line breaks).
	 */
	private static void printedTexts(XmlObject part, Consumer<String> seen) {
		for (XmlObject p : part.selectPath(W_NS + ".//w:p")) {
			seen.accept(ownText(p));
		}
		for (XmlObject cell : part.selectPath(W_NS + ".//w:tc")) {
			StringJoiner text = new StringJoiner("\n");
			for (XmlObject p : cell.selectPath(W_NS + "./w:p")) {
				text.add(ownText(p));
			}
			seen.accept(text.toString());
		}
	}

	/** The text of one paragraph's own runs: its {@code w:t} whose nearest enclosing paragraph is this one. */
	private static String ownText(XmlObject paragraph) {
		StringBuilder out = new StringBuilder();
		for (XmlObject t : paragraph.selectPath(W_NS + ".//w:t")) {
			XmlCursor up = t.newCursor();
			XmlCursor self = paragraph.newCursor();
			try {
				String value = up.getTextValue();
				while (up.toParent() && !isParagraph(up)) {
					// climb to the nearest paragraph
				}
				if (up.isAtSamePositionAs(self)) {
					out.append(value);
				}
			}
			finally {
				up.close();
				self.close();
			}
		}
		return out.toString();
	}

	private static boolean isParagraph(XmlCursor at) {
		QName name = at.getName();
		return name != null && PARAGRAPH.equals(name.getLocalPart()) && WORD_MAIN.equals(name.getNamespaceURI());
	}

	private static final String WORD_MAIN = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

	/**
	 * Refuses what is not a zip-based office file, naming what it is by content ({@link FileKind#of}): an old .doc, an
	 * encrypted document, an .xls, a PDF … (rule {@code encrypted}, or {@code docx} naming the kind).
	 */
	private static void requireOoxml(String file, String fileName, byte[] content) {
		if (FileMagic.valueOf(content) == FileMagic.OOXML) {
			return;
		}
		String what = FileKind.of(content);
		if (FileKind.ENCRYPTED.equals(what)) {
			throw new InvalidValueException("file", "encrypted", file + "是" + FileKind.ENCRYPTED + "，无法检查其中的字段：请在Word中取消密码，"
					+ "另存为“Word文档（*.docx）”后上传");
		}
		if (what != null) {
			throw new InvalidValueException("file", "docx", file + "是" + what + "，不是Word文档（.docx）（按文件内容判断，与扩展名无关）："
					+ "请在Word或WPS文字中另存为“Word文档（*.docx）”后上传");
		}
		int dot = fileName.lastIndexOf('.');
		throw new InvalidValueException("file", "docx", file + "不是Word文档（.docx）（按文件内容判断"
				+ (dot < 0 ? "" : "，扩展名为" + fileName.substring(dot).toLowerCase(Locale.ROOT)) + "）");
	}

	/**
	 * Opens the package: its main part must be a Word document (not a template, not macro-enabled), no part may be a
	 * VBA project, and no relationship but a hyperlink may point outside the file.
	 */
	private static void requireWordDocument(String file, byte[] content) {
		try (OPCPackage pkg = OfficeFiles.openPackage(content)) {
			List<PackagePart> main = pkg.getPartsByRelationshipType(PackageRelationshipTypes.CORE_DOCUMENT);
			String type = main.isEmpty() ? "" : main.get(0).getContentType();
			if (type.equals(XWPFRelation.MACRO_DOCUMENT.getContentType())
					|| type.equals(XWPFRelation.MACRO_TEMPLATE_DOCUMENT.getContentType())) {
				throw macro(file);
			}
			if (type.equals(XWPFRelation.TEMPLATE.getContentType())) {
				throw new InvalidValueException("file", "docx", file + "是Word模板文件（.dotx），请在Word中另存为“Word文档（*.docx）”后上传");
			}
			if (!type.equals(XWPFRelation.DOCUMENT.getContentType())) {
				throw new InvalidValueException("file", "docx", file + "不是Word文档（.docx）：其内容是"
						+ (type.contains("spreadsheetml") ? "Excel工作簿" : type.contains("presentationml") ? "PowerPoint演示文稿" : "其他格式")
						+ "，请上传Word文档");
			}
			Set<String> outside = new LinkedHashSet<>();
			for (PackagePart part : pkg.getParts()) {
				if (part.getContentType().contains("vbaProject") || part.getPartName().getName().toLowerCase(Locale.ROOT)
					.endsWith("vbaproject.bin")) {
					throw macro(file);
				}
				if (part.isRelationshipPart()) {
					continue;
				}
				for (PackageRelationship r : part.getRelationships()) {
					if (r.getTargetMode() == TargetMode.EXTERNAL && !HYPERLINK.equals(r.getRelationshipType())) {
						outside.add(String.valueOf(r.getTargetURI()));
					}
				}
			}
			if (!outside.isEmpty()) {
				throw new InvalidValueException("file", "external", file + "引用了外部文件或网址（" + String.join("、", outside.stream()
					.limit(3).map(u -> u.length() > 80 ? u.substring(0, 80) + "…" : u).toList())
						+ "），打开文书时会从外部取用内容，文书模板不能含有：请删除链接的对象或附加的模板后再上传");
			}
		}
		catch (DomainException ex) {
			throw ex;
		}
		catch (Exception ex) {
			// InvalidFormatException, NotOfficeXmlFileException, IOException, POIXMLException …: not a readable package
			throw broken(file);
		}
	}

	/**
	 * Refuses Word field codes that fetch content from outside the file when the document is opened or its fields are
	 * updated — INCLUDEPICTURE, INCLUDETEXT, LINK, DDE, DDEAUTO and their old names IMPORT and INCLUDE — whether written
	 * as a complex field ({@code w:instrText}, also split over several runs, or computed by a field nested in its
	 * instruction, also in a tracked deletion, {@code w:delInstrText}) or as a simple field ({@code w:fldSimple w:instr}),
	 * its type after any Unicode white space, in any part: body, headers, footers, footnotes,
	 * endnotes, comments. The same rule as an external relationship: nothing is fetched from outside a legal document.
	 * @throws InvalidValueException rule {@code external}, naming the field and where it is; {@code docx} on an
	 *         unreadable part
	 */
	private static void requireNoFetchingFields(String file, byte[] content) {
		Set<String> found = new LinkedHashSet<>();
		eachPart(file, content, (name, part) -> FieldCodes.read(part, keyword -> found.add(keyword + "（" + where(name) + "）")));
		if (!found.isEmpty()) {
			throw new InvalidValueException("file", "external", file + "含有从外部取用内容的域代码" + String.join("、", found)
					+ "，打开文书或更新域时会从外部文件或网址取用内容，文书模板不能含有：请在Word中按Alt+F9显示域代码，删除这些域后再上传");
		}
	}

	/** Where a part of the package is, as Word's user sees it. */
	private static String where(String partName) {
		String name = partName.substring(partName.lastIndexOf('/') + 1);
		if (name.startsWith("header")) {
			return "页眉";
		}
		if (name.startsWith("footer")) {
			return "页脚";
		}
		if (name.startsWith("footnotes")) {
			return "脚注";
		}
		if (name.startsWith("endnotes")) {
			return "尾注";
		}
		if (name.startsWith("comments")) {
			return "批注";
		}
		return name.equals("document.xml") && !partName.contains("glossary") ? "正文" : partName;
	}

	private static InvalidValueException macro(String file) {
		return new InvalidValueException("file", "macro", file + "含有宏（启用宏的文档 .docm 或 VBA 工程），文书模板不能含宏：请在Word中另存为"
				+ "“Word文档（*.docx）”后上传");
	}

	private static InvalidValueException broken(String file) {
		return new InvalidValueException("file", "docx", "无法读取" + file + "：文件已损坏或不是Word文档（.docx）");
	}

	/** The document filled once: every declared field with a sample value, every list with one item. */
	private static byte[] trialFill(DocumentTemplate template, String file, byte[] content, WordTemplates words) {
		Map<String, String> fields = new LinkedHashMap<>();
		template.fields().forEach(f -> fields.put(f, "样例"));
		Map<String, List<Map<String, String>>> tables = new LinkedHashMap<>();
		template.lists().forEach((list, columns) -> {
			Map<String, String> item = new LinkedHashMap<>();
			columns.forEach(c -> item.put(c, "样例"));
			tables.put(list, List.of(item));
		});
		try {
			return words.fill(content, fields, tables);
		}
		catch (RuntimeException ex) {
			throw broken(file);
		}
	}

	/**
	 * Every {@code ${name}} in every XML part under {@code word/} (body, headers, footers, footnotes, comments, text
	 * boxes, shapes, charts), each paragraph's text joined over its runs as Word may split it.
	 * @throws InvalidValueException rule {@code template-field} on a field written incompletely (a dollar sign and an
	 * opening brace without a valid name and the closing brace, or typed with full-width characters), rule {@code docx}
	 * on an unreadable part
	 */
	static Set<String> fieldsEverywhere(String file, byte[] docx) {
		return fields(file, docx, false);
	}

	/** The fields written in text that shows: not in a run formatted as hidden ({@code w:vanish}, {@code w:specVanish}). */
	static Set<String> fieldsVisible(String file, byte[] docx) {
		return fields(file, docx, true);
	}

	private static Set<String> fields(String file, byte[] docx, boolean visibleOnly) {
		Set<String> found = new LinkedHashSet<>();
		Set<String> malformed = new LinkedHashSet<>();
		eachPart(file, docx, (name, part) -> paragraphs(part, visibleOnly, text -> collect(text, found, malformed)));
		if (!malformed.isEmpty()) {
			throw new InvalidValueException("file", "template-field", file + "中有写法不完整或用了全角符号的字段：" + String.join("、", malformed)
					+ "（应写作半角的${字段名}），会原样出现在文书中：请改正");
		}
		return found;
	}

	/** A reader of one XML part of the package. */
	private interface PartReader {

		void read(String name, InputStream part) throws XMLStreamException;

	}

	/**
	 * Hands every XML part of the package to {@code reader}, wherever it sits and whatever it is named: Word finds a
	 * part through the relationships and takes its type from {@code [Content_Types].xml}, so a header at
	 * {@code x/header1.xml} or {@code word/header1.XML} is read as one — a part counts as XML by its content (its first
	 * character after a byte order mark and white space is {@code <}), not by its folder or name. An unreadable part is
	 * refused as {@code docx}.
	 */
	private static void eachPart(String file, byte[] docx, PartReader reader) {
		try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new ByteArrayInputStream(docx), "UTF-8", true, true)) {
			for (ZipArchiveEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (entry.isDirectory()) {
					continue;
				}
				// the zip stream stays open for the next entry when the XML reader is done with one
				BufferedInputStream part = new BufferedInputStream(CloseShieldInputStream.wrap(zip));
				if (looksLikeXml(part)) {
					reader.read(entry.getName(), part);
				}
			}
		}
		catch (IOException | XMLStreamException | RuntimeException ex) {
			throw broken(file);
		}
	}

	/** Whether the stream's first character after a byte order mark (UTF-8 or UTF-16, whose zero bytes are passed over) and white space is {@code <} (the stream left unread). */
	private static boolean looksLikeXml(BufferedInputStream part) throws IOException {
		part.mark(4096);
		try {
			for (int i = 0, b = part.read(); b >= 0 && i < 4096; i++, b = part.read()) {
				if (b == '<') {
					return true;
				}
				if (!(b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == 0xEF || b == 0xBB || b == 0xBF || b == 0xFE || b == 0xFF || b == 0)) {
					return false;
				}
			}
			return false;
		}
		finally {
			part.reset();
		}
	}

	private static void collect(String text, Set<String> found, Set<String> malformed) {
		Matcher field = FIELD.matcher(text);
		Set<Integer> starts = new LinkedHashSet<>();
		while (field.find()) {
			found.add(field.group(1));
			starts.add(field.start());
		}
		Matcher start = FIELD_START.matcher(text);
		while (start.find()) {
			if (!starts.contains(start.start())) {
				malformed.add("“" + text.substring(start.start(), Math.min(text.length(), start.start() + 20)) + "”");
			}
		}
	}

	/** Hands the text of each paragraph of one XML part to {@code sink}; a nested paragraph (a text box) is its own. */
	private static void paragraphs(InputStream part, boolean visibleOnly, Consumer<String> sink) throws XMLStreamException {
		XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(part);
		Deque<StringBuilder> open = new ArrayDeque<>();
		int inText = 0;
		boolean hiddenRun = false;
		try {
			while (xml.hasNext()) {
				switch (xml.next()) {
					case XMLStreamConstants.START_ELEMENT -> {
						String name = xml.getLocalName();
						if (PARAGRAPH.equals(name)) {
							open.push(new StringBuilder());
						}
						else if ("t".equals(name)) {
							inText++;
						}
						else if ("r".equals(name)) {
							hiddenRun = false;
						}
						else if (visibleOnly && ("vanish".equals(name) || "specVanish".equals(name))) {
							String on = xml.getAttributeValue(xml.getNamespaceURI(), "val");
							hiddenRun = on == null || !(on.equals("0") || on.equals("false") || on.equals("off"));
						}
					}
					case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
						if (inText > 0 && !open.isEmpty() && !(visibleOnly && hiddenRun)) {
							open.peek().append(xml.getText());
						}
					}
					case XMLStreamConstants.END_ELEMENT -> {
						if (PARAGRAPH.equals(xml.getLocalName()) && !open.isEmpty()) {
							sink.accept(open.pop().toString());
						}
						else if ("t".equals(xml.getLocalName())) {
							inText = Math.max(0, inText - 1);
						}
						else if ("r".equals(xml.getLocalName())) {
							hiddenRun = false;
						}
					}
					default -> {
						// comments, processing instructions, white space outside text
					}
				}
			}
		}
		finally {
			xml.close();
		}
	}

	private static String braces(Collection<String> names) {
		return String.join("、", names.stream().map(n -> "${" + n + "}").toList());
	}
}
