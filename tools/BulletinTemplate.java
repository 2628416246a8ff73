// Writes src/main/resources/documents/statistics-bulletin.docx, the template of the monthly bulletin
// ("1–N月全市邮政行业运行情况"). Run from the project root after
// `./mvnw dependency:build-classpath -Dmdep.outputFile=target/cp.txt`:
//   java -cp "$(cat target/cp.txt)" tools/BulletinTemplate.java
// Fields are ${name}; rows with ${figures.*} and ${regions.*} repeat per item. Edit the .docx in Word freely.
import java.io.FileOutputStream;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;

public class BulletinTemplate {

	public static void main(String[] args) throws Exception {
		try (XWPFDocument doc = new XWPFDocument()) {
			paragraph(doc, "${title}", 20, true, ParagraphAlignment.CENTER);
			paragraph(doc, "（${months}）", 12, false, ParagraphAlignment.CENTER);
			paragraph(doc, "一、总体情况", 14, true, ParagraphAlignment.LEFT);
			paragraph(doc, "${overall}", 12, false, ParagraphAlignment.LEFT);
			paragraph(doc, "二、快递业务", 14, true, ParagraphAlignment.LEFT);
			paragraph(doc, "${express}", 12, false, ParagraphAlignment.LEFT);
			paragraph(doc, "${composition}", 12, false, ParagraphAlignment.LEFT);
			paragraph(doc, "三、主要指标", 14, true, ParagraphAlignment.LEFT);
			XWPFTable figures = doc.createTable(2, 5);
			String[] head = { "指标", "单位", "${months}累计", "上年同期", "同比增长（%）" };
			String[] row = { "${figures.name}", "${figures.unit}", "${figures.value}", "${figures.lastYear}", "${figures.growth}" };
			for (int c = 0; c < head.length; c++) {
				figures.getRow(0).getCell(c).setText(head[c]);
				figures.getRow(1).getCell(c).setText(row[c]);
			}
			paragraph(doc, "四、分地区快递业务量", 14, true, ParagraphAlignment.LEFT);
			XWPFTable regions = doc.createTable(2, 5);
			String[] rhead = { "地区", "快递业务量（万件）", "同比增长（%）", "占比（%）", "排名" };
			String[] rrow = { "${regions.name}", "${regions.value}", "${regions.growth}", "${regions.share}", "${regions.rank}" };
			for (int c = 0; c < rhead.length; c++) {
				regions.getRow(0).getCell(c).setText(rhead[c]);
				regions.getRow(1).getCell(c).setText(rrow[c]);
			}
			paragraph(doc, "注：数据为已审核的企业报表数据；企业个体数据保密，不作为行政处罚的依据。", 10, false, ParagraphAlignment.LEFT);
			paragraph(doc, "${date}", 12, false, ParagraphAlignment.RIGHT);
			try (FileOutputStream out = new FileOutputStream("src/main/resources/documents/statistics-bulletin.docx")) {
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
