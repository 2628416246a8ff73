package org.youguan.workplans.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.xmlbeans.XmlException;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;
import org.youguan.workplans.internal.PlanPreview.Task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A notice in Word is read as Word shows it in its final view: a table's merged cells are the value of every row and
 * column they span, tracked moves away and hidden text are not read, text in custom XML, smart tags, content controls,
 * fields and hyperlinks is, a tab is a space, and a text box is named where it stands. Each document is built as Word
 * writes it ({@code w:vMerge}, {@code w:gridSpan}, {@code w:moveFrom} …) and read from its bytes, as an upload is.
 */
class NoticeDocumentTest {

	private static final String NAMESPACES = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
			+ " xmlns:v=\"urn:schemas-microsoft-com:vml\"";

	@Test
	void aCellMergedDownIsTheValueOfEveryRowItSpansAndMergedAcrossStaysUnderItsHeader() throws Exception {
		byte[] docx = docx(doc -> {
			text(doc, "示范市邮政管理局关于印发2043年工作目标任务分解方案的通知");
			text(doc, "");
			text(doc, "示范市邮政管理局2043年工作目标任务分解方案");
			text(doc, "总体工作要求：围绕全市邮政快递业高质量发展目标。");
			table(doc, row(cell("序号"), cell("工作任务", "<w:gridSpan w:val=\"2\"/>"), cell("牵头处室"), cell("完成时限"))
					+ row(cell("一、加强党的建设", "<w:gridSpan w:val=\"5\"/>"))
					+ row(cell("1"), cell("落实学习制度", "<w:gridSpan w:val=\"2\"/>"), cell("办公室", "<w:vMerge w:val=\"restart\"/>"),
							cell("6月底前", "<w:vMerge w:val=\"restart\"/>"))
					+ row(cell("2"), cell("推进党组织覆盖"), cell("新建党支部3个"), cell("", "<w:vMerge/>"),
							cell("", "<w:vMerge w:val=\"continue\"/>"))
					+ row(cell("3"), cell("开展作风建设", "<w:gridSpan w:val=\"2\"/>"), cell("", "<w:vMerge/>"), cell("9月30日前"))
					+ row(cell("二、优化营商环境", "<w:gridSpan w:val=\"5\"/>"))
					+ row(cell("4"), cell("推行一网通办", "<w:gridSpan w:val=\"2\"/>"), cell("市场监管处", "<w:vMerge w:val=\"restart\"/>"),
							cell("年底前"))
					+ row(cell("5"), cell("推进网点备案网上办理", "<w:gridSpan w:val=\"2\"/>"), cell("", "<w:vMerge/>"), cell("")));
		});
		NoticeDocument.Reading reading = NoticeDocument.readFile(docx, "file");
		PlanPreview p = parse(reading);
		assertThat(p.sections()).extracting(PlanPreview.Section::heading).containsExactly("加强党的建设", "优化营商环境");
		assertThat(NoticeParserTest.tasks(p)).extracting(Task::number, Task::text, Task::departments, Task::due).containsExactly(
				tuple(1, "落实学习制度", List.of("办公室"), "6月底前"),
				tuple(2, "推进党组织覆盖新建党支部3个", List.of("办公室"), "6月底前"),
				tuple(3, "开展作风建设", List.of("办公室"), "9月30日前"),
				tuple(4, "推行一网通办", List.of("市场监管处"), "年底前"),
				tuple(5, "推进网点备案网上办理", List.of("市场监管处"), null));
		assertThat(reading.warnings()).as("the parts are the table's own: no part 任务分工 is added").isEmpty();
		assertThat(p.warnings()).isEmpty();
	}

	@Test
	void aHeaderOfTwoRowsNamesItsColumnsByBoth() throws Exception {
		byte[] docx = docx(doc -> {
			head(doc);
			text(doc, "一、强化行业监管");
			table(doc, row(cell("序号", "<w:vMerge w:val=\"restart\"/>"), cell("任务", "<w:vMerge w:val=\"restart\"/>"),
					cell("责任处室", "<w:gridSpan w:val=\"2\"/>"), cell("完成时限", "<w:vMerge w:val=\"restart\"/>"))
					+ row(cell("", "<w:vMerge/>"), cell("", "<w:vMerge/>"), cell("牵头"), cell("配合"), cell("", "<w:vMerge/>"))
					+ row(cell("1"), cell("开展邮政用品用具监督检查"), cell("普遍服务处"), cell("市场监管处"), cell("10月底前")));
		});
		PlanPreview p = parse(NoticeDocument.readFile(docx, "file"));
		assertThat(NoticeParserTest.tasks(p)).extracting(Task::text, Task::departments, Task::responsibility, Task::due)
			.containsExactly(tuple("开展邮政用品用具监督检查", List.of("普遍服务处", "市场监管处"), PlanPreview.Responsibility.LEAD,
					"10月底前"));
	}

	@Test
	void theTextIsWhatWordShowsInItsFinalView() throws Exception {
		byte[] docx = docx(doc -> {
			head(doc);
			text(doc, "一、强化行业监管");
			xml(doc, "<w:r><w:t>1. 落实学习制度。（办公室牵头）</w:t></w:r>");
			xml(doc, "<w:pPr><w:rPr><w:moveFrom w:id=\"1\" w:author=\"a\" w:date=\"2043-01-01T00:00:00Z\"/></w:rPr></w:pPr>"
					+ "<w:moveFrom w:id=\"2\" w:author=\"a\" w:date=\"2043-01-01T00:00:00Z\"><w:r><w:t>2. 移走的旧位置文字。（办公室牵头）</w:t></w:r></w:moveFrom>");
			xml(doc, "<w:moveTo w:id=\"3\" w:author=\"a\" w:date=\"2043-01-01T00:00:00Z\"><w:r><w:t>2. 移到此处的任务。（办公室牵头）</w:t></w:r></w:moveTo>");
			xml(doc, "<w:r><w:t>3. 正文任务</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏文字</w:t></w:r>"
					+ "<w:r><w:rPr><w:specVanish/></w:rPr><w:t>总是隐藏</w:t></w:r><w:r><w:t>。（普遍服务处牵头）</w:t></w:r>");
			xml(doc, "<w:r><w:t>4. 含制表符</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>的任务。（市场监管处牵头）</w:t></w:r>");
			xml(doc, "<w:customXml w:element=\"task\"><w:r><w:t>5. 自定义XML中的任务</w:t></w:r></w:customXml>"
					+ "<w:smartTag w:uri=\"x\" w:element=\"place\"><w:customXml w:element=\"dept\"><w:r><w:t>，智能标记中的文字</w:t></w:r>"
					+ "</w:customXml></w:smartTag><w:r><w:t>。（市场监管处牵头）</w:t></w:r>");
			xml(doc, "<w:sdt><w:sdtContent><w:hyperlink><w:r><w:t>6. 控件中的链接</w:t></w:r></w:hyperlink></w:sdtContent></w:sdt>"
					+ "<w:fldSimple w:instr=\" DATE \"><w:r><w:t>于6月30日前完成</w:t></w:r></w:fldSimple>"
					+ "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> QUOTE \"x\" </w:instrText></w:r>"
					+ "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>，域结果</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
					+ "<w:ins w:id=\"4\" w:author=\"a\" w:date=\"2043-01-01T00:00:00Z\"><w:r><w:t>。（市场监管处牵头）</w:t></w:r></w:ins>");
		});
		NoticeDocument.Reading reading = NoticeDocument.readFile(docx, "file");
		assertThat(reading.text()).doesNotContain("移走的旧位置", "隐藏文字", "总是隐藏", "\t", "QUOTE");
		PlanPreview p = parse(reading);
		assertThat(NoticeParserTest.tasks(p)).extracting(Task::number, Task::text).containsExactly(
				tuple(1, "落实学习制度。"),
				tuple(2, "移到此处的任务。"),
				tuple(3, "正文任务。"),
				tuple(4, "含制表符 的任务。"),
				tuple(5, "自定义XML中的任务，智能标记中的文字。"),
				tuple(6, "控件中的链接于6月30日前完成，域结果。"));
		assertThat(p.unparsedLines()).isEmpty();
	}

	@Test
	void aTextBoxIsNamedWhereItStands() throws Exception {
		String box = "<w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>文本框里的任务</w:t></w:r></w:p>"
				+ "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>";
		byte[] docx = docx(doc -> {
			xml(doc, box);
			head(doc);
			text(doc, "一、强化行业监管");
			text(doc, "1. 开展作风建设专项整治。（办公室牵头）");
			xml(doc, box);
			table(doc, row(cell("序号"), cell("任务"), cell("牵头处室")) + row(cell("2"), cell("推进党组织覆盖"),
					cell("办公室</w:t></w:r>" + box + "<w:r><w:t>")));
		});
		NoticeDocument.Reading reading = NoticeDocument.readFile(docx, "file");
		assertThat(reading.text()).doesNotContain("文本框里的任务");
		assertThat(reading.warnings()).containsExactly("正文开头有文本框，文本框中的文字未导入，请核对原文",
				"“1. 开展作风建设专项整治。（办公室牵头）”之后有文本框，文本框中的文字未导入，请核对原文",
				"第1个表格第2行有文本框，文本框中的文字未导入，请核对原文");
	}

	private static PlanPreview parse(NoticeDocument.Reading reading) {
		return NoticeParser.parse(reading.text(), NoticeParserTest.BUREAU::contains);
	}

	private interface Content {

		void write(XWPFDocument doc) throws XmlException;

	}

	private static byte[] docx(Content content) throws IOException, XmlException {
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			content.write(doc);
			doc.write(out);
			return out.toByteArray();
		}
	}

	/** The notice's title, a blank line and the plan's title. */
	private static void head(XWPFDocument doc) {
		text(doc, "某市邮政管理局关于印发2043年工作目标任务分解方案的通知");
		text(doc, "");
		text(doc, "某市邮政管理局2043年工作目标任务分解方案");
	}

	private static void text(XWPFDocument doc, String text) {
		doc.createParagraph().createRun().setText(text);
	}

	/** A paragraph of that WordprocessingML content (parsed as a fragment: the content of the paragraph element). */
	private static void xml(XWPFDocument doc, String content) throws XmlException {
		doc.createParagraph().getCTP().set(CTP.Factory.parse("<xml-fragment " + NAMESPACES + ">" + content + "</xml-fragment>"));
	}

	private static void table(XWPFDocument doc, String rows) throws XmlException {
		doc.createTable().getCTTbl().set(CTTbl.Factory.parse("<xml-fragment " + NAMESPACES + "><w:tblGrid>"
				+ "<w:gridCol/>".repeat(5) + "</w:tblGrid>" + rows + "</xml-fragment>"));
	}

	private static String row(String... cells) {
		return "<w:tr>" + String.join("", cells) + "</w:tr>";
	}

	private static String cell(String text) {
		return cell(text, "");
	}

	private static String cell(String text, String properties) {
		return "<w:tc><w:tcPr>" + properties + "</w:tcPr><w:p>" + (text.isEmpty() ? "" : "<w:r><w:t>" + text + "</w:t></w:r>")
				+ "</w:p></w:tc>";
	}
}
