// Writes the Word templates the application fills (fields ${name}; a table row with ${list.column} repeats per item).
// Run from the project root after `./mvnw dependency:build-classpath -Dmdep.outputFile=target/cp.txt`:
//   java -cp "$(cat target/cp.txt)" tools/DocumentTemplates.java
// The .docx files may also be edited in Word freely, keeping the fields.
import java.io.FileOutputStream;
import java.util.function.Consumer;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;

public class DocumentTemplates {

	public static void main(String[] args) throws Exception {
		write("filing-receipt.docx", DocumentTemplates::filingReceipt);
		write("statistics-bulletin.docx", DocumentTemplates::statisticsBulletin);
		write("complaint-notice.docx", DocumentTemplates::complaintNotice);
		write("workplan-progress.docx", DocumentTemplates::workplanProgress);
		write("rectification-order.docx", DocumentTemplates::rectificationOrder);
	}

	/** 责令改正通知书. */
	static void rectificationOrder(XWPFDocument doc) {
		paragraph(doc, "${bureau}", 16, true, ParagraphAlignment.CENTER);
		paragraph(doc, "责令改正通知书", 22, true, ParagraphAlignment.CENTER);
		paragraph(doc, "${number}", 11, false, ParagraphAlignment.RIGHT);
		paragraph(doc, "${enterprise}（统一社会信用代码：${creditCode}）：", 12, false, ParagraphAlignment.LEFT);
		paragraph(doc, "${inspectedOn}，本局执法人员${inspectors}对你单位${place}进行了${kind}，发现你单位存在下列问题：", 12, false,
				ParagraphAlignment.LEFT);
		paragraph(doc, "${findings}", 12, false, ParagraphAlignment.LEFT);
		table(doc, new String[] { "检查事项", "检查内容", "检查结果" },
				new String[] { "${lines.item}", "${lines.line}", "${lines.result}" });
		paragraph(doc, "上述行为违反了${basis}的规定。", 12, false, ParagraphAlignment.LEFT);
		paragraph(doc, "依据上述规定，现责令你单位于${dueOn}前（${workingDays}个工作日内）改正，"
				+ "并将整改情况书面报告本局（可通过邮管通企业端答复并上传整改证明材料）。逾期不改正的，本局将依法处理。", 12, false,
				ParagraphAlignment.LEFT);
		paragraph(doc, "${bureau}", 12, false, ParagraphAlignment.RIGHT);
		paragraph(doc, "${issuedOn}", 12, false, ParagraphAlignment.RIGHT);
	}

	/** 快递末端网点备案回执. */
	static void filingReceipt(XWPFDocument doc) {
		paragraph(doc, "${bureau}", 16, true, ParagraphAlignment.CENTER);
		paragraph(doc, "快递末端网点备案回执", 22, true, ParagraphAlignment.CENTER);
		paragraph(doc, "受理编号：${number}", 11, false, ParagraphAlignment.RIGHT);
		paragraph(doc, "${enterprise}：", 12, false, ParagraphAlignment.LEFT);
		paragraph(doc, "你单位于${submittedOn}提交的${kind}申请，经审核，符合《快递暂行条例》（2025年修订）第十九条和《快递末端网点备案暂行规定》的要求，"
				+ "予以备案。备案编号：${filingNumber}。", 12, false, ParagraphAlignment.LEFT);
		XWPFTable info = doc.createTable(5, 2);
		String[][] rows = { { "网点名称", "${outlet}" }, { "网点地址", "${address}" }, { "运营企业", "${enterprise}" },
				{ "统一社会信用代码", "${creditCode}" }, { "办结日期", "${completedOn}" } };
		for (int r = 0; r < rows.length; r++) {
			info.getRow(r).getCell(0).setText(rows[r][0]);
			info.getRow(r).getCell(1).setText(rows[r][1]);
		}
		paragraph(doc, "所附材料：", 12, true, ParagraphAlignment.LEFT);
		table(doc, new String[] { "材料", "文件" }, new String[] { "${attachments.kind}", "${attachments.name}" });
		paragraph(doc, "网点名称、经营类型、服务范围、负责人等事项发生变化的，应当自变化之日起10日内办理变更备案。", 10, false,
				ParagraphAlignment.LEFT);
		paragraph(doc, "${bureau}", 12, false, ParagraphAlignment.RIGHT);
		paragraph(doc, "${date}", 12, false, ParagraphAlignment.RIGHT);
	}

	/** 1–N月邮政行业运行情况. */
	static void statisticsBulletin(XWPFDocument doc) {
		paragraph(doc, "${title}", 20, true, ParagraphAlignment.CENTER);
		paragraph(doc, "（${months}）", 12, false, ParagraphAlignment.CENTER);
		paragraph(doc, "一、总体情况", 14, true, ParagraphAlignment.LEFT);
		paragraph(doc, "${overall}", 12, false, ParagraphAlignment.LEFT);
		paragraph(doc, "二、快递业务", 14, true, ParagraphAlignment.LEFT);
		paragraph(doc, "${express}", 12, false, ParagraphAlignment.LEFT);
		paragraph(doc, "${composition}", 12, false, ParagraphAlignment.LEFT);
		paragraph(doc, "三、主要指标", 14, true, ParagraphAlignment.LEFT);
		table(doc, new String[] { "指标", "单位", "${months}累计", "上年同期", "同比增长（%）" },
				new String[] { "${figures.name}", "${figures.unit}", "${figures.value}", "${figures.lastYear}", "${figures.growth}" });
		paragraph(doc, "四、分地区快递业务量", 14, true, ParagraphAlignment.LEFT);
		table(doc, new String[] { "地区", "快递业务量（万件）", "同比增长（%）", "占比（%）", "排名" },
				new String[] { "${regions.name}", "${regions.value}", "${regions.growth}", "${regions.share}", "${regions.rank}" });
		paragraph(doc, "注：数据为已审核的企业报表数据；企业个体数据保密，不作为行政处罚的依据。", 10, false, ParagraphAlignment.LEFT);
		paragraph(doc, "${date}", 12, false, ParagraphAlignment.RIGHT);
	}

	/** 邮政业用户申诉情况通告. */
	static void complaintNotice(XWPFDocument doc) {
		paragraph(doc, "${title}", 20, true, ParagraphAlignment.CENTER);
		paragraph(doc, "${overall}", 12, false, ParagraphAlignment.LEFT);
		paragraph(doc, "一、申诉率", 14, true, ParagraphAlignment.LEFT);
		paragraph(doc, "${rates}", 12, false, ParagraphAlignment.LEFT);
		table(doc, new String[] { "品牌", "申诉件数", "申诉率（件/百万件）", "有效申诉件数", "有效申诉率（件/百万件）" },
				new String[] { "${brands.name}", "${brands.count}", "${brands.rate}", "${brands.valid}", "${brands.validRate}" });
		paragraph(doc, "二、主要问题", 14, true, ParagraphAlignment.LEFT);
		table(doc, new String[] { "问题类别", "申诉件数", "占比（%）" },
				new String[] { "${problems.name}", "${problems.count}", "${problems.share}" });
		paragraph(doc, "三、处理情况", 14, true, ParagraphAlignment.LEFT);
		paragraph(doc, "${handling}", 12, false, ParagraphAlignment.LEFT);
		paragraph(doc, "四、未按时答复的企业", 14, true, ParagraphAlignment.LEFT);
		table(doc, new String[] { "企业", "逾期答复件数", "答复件数" },
				new String[] { "${late.name}", "${late.late}", "${late.replies}" });
		paragraph(doc, "${bureau}", 12, false, ParagraphAlignment.RIGHT);
		paragraph(doc, "${date}", 12, false, ParagraphAlignment.RIGHT);
	}

	/** 工作目标任务推进情况表. */
	static void workplanProgress(XWPFDocument doc) {
		paragraph(doc, "${title}", 16, true, ParagraphAlignment.CENTER);
		paragraph(doc, "任务推进情况表", 20, true, ParagraphAlignment.CENTER);
		paragraph(doc, "${bureau}　截至${date}", 11, false, ParagraphAlignment.CENTER);
		paragraph(doc, "${summary}", 12, false, ParagraphAlignment.LEFT);
		table(doc, new String[] { "序号", "工作任务", "责任处室", "完成时限", "推进情况", "状态" },
				new String[] { "${tasks.number}", "${tasks.text}", "${tasks.responsible}", "${tasks.due}", "${tasks.progress}",
						"${tasks.status}" });
	}

	static void write(String name, Consumer<XWPFDocument> content) throws Exception {
		try (XWPFDocument doc = new XWPFDocument()) {
			content.accept(doc);
			try (FileOutputStream out = new FileOutputStream("src/main/resources/documents/" + name)) {
				doc.write(out);
			}
		}
	}

	static void table(XWPFDocument doc, String[] head, String[] row) {
		XWPFTable table = doc.createTable(2, head.length);
		for (int c = 0; c < head.length; c++) {
			table.getRow(0).getCell(c).setText(head[c]);
			table.getRow(1).getCell(c).setText(row[c]);
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
