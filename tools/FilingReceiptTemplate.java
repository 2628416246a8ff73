// Writes src/main/resources/documents/filing-receipt.docx, the template of the outlet filing receipt (备案回执).
// Run from the project root after `./mvnw dependency:build-classpath -Dmdep.outputFile=target/cp.txt`:
//   java -cp "$(cat target/cp.txt)" tools/FilingReceiptTemplate.java
// Fields are ${name}; the row with ${attachments.*} repeats per attachment. Edit the .docx in Word freely.
import java.io.FileOutputStream;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;

public class FilingReceiptTemplate {

	public static void main(String[] args) throws Exception {
		try (XWPFDocument doc = new XWPFDocument()) {
			paragraph(doc, "${bureau}", 16, true, ParagraphAlignment.CENTER);
			paragraph(doc, "快递末端网点备案回执", 22, true, ParagraphAlignment.CENTER);
			paragraph(doc, "受理编号：${number}", 11, false, ParagraphAlignment.RIGHT);
			paragraph(doc, "${enterprise}：", 12, false, ParagraphAlignment.LEFT);
			paragraph(doc, "你单位于${submittedOn}提交的${kind}申请，经审核，符合《快递暂行条例》第十八条和《快递末端网点备案暂行规定》的要求，"
					+ "予以备案。备案编号：${filingNumber}。", 12, false, ParagraphAlignment.LEFT);
			XWPFTable info = doc.createTable(5, 2);
			String[][] rows = { { "网点名称", "${outlet}" }, { "网点地址", "${address}" }, { "运营企业", "${enterprise}" },
					{ "统一社会信用代码", "${creditCode}" }, { "办结日期", "${completedOn}" } };
			for (int r = 0; r < rows.length; r++) {
				info.getRow(r).getCell(0).setText(rows[r][0]);
				info.getRow(r).getCell(1).setText(rows[r][1]);
			}
			paragraph(doc, "所附材料：", 12, true, ParagraphAlignment.LEFT);
			XWPFTable files = doc.createTable(2, 2);
			files.getRow(0).getCell(0).setText("材料");
			files.getRow(0).getCell(1).setText("文件");
			files.getRow(1).getCell(0).setText("${attachments.kind}");
			files.getRow(1).getCell(1).setText("${attachments.name}");
			paragraph(doc, "网点名称、经营类型、服务范围、负责人等事项发生变化的，应当自变化之日起10日内办理变更备案。", 10, false,
					ParagraphAlignment.LEFT);
			paragraph(doc, "${bureau}", 12, false, ParagraphAlignment.RIGHT);
			paragraph(doc, "${date}", 12, false, ParagraphAlignment.RIGHT);
			try (FileOutputStream out = new FileOutputStream("src/main/resources/documents/filing-receipt.docx")) {
				doc.write(out);
			}
		}
	}

	static void paragraph(XWPFDocument doc, String text, int size, boolean bold, ParagraphAlignment align) {
		XWPFParagraph p = doc.createParagraph();
		p.setAlignment(align);
		XWPFRun run = p.createRun();
		run.setText(text);
		run.setFontSize(size);
		run.setBold(bold);
		run.setFontFamily("宋体", XWPFRun.FontCharRange.eastAsia);
	}
}
