// Writes the Word templates the application fills (fields ${name}; a table row with ${list.column} repeats per item).
// Run from the project root after `./mvnw dependency:build-classpath -Dmdep.outputFile=target/cp.txt`:
//   java -cp "$(cat target/cp.txt)" tools/DocumentTemplates.java
// or, to write only some files (the others keep their bytes):
//   java -cp "$(cat target/cp.txt)" tools/DocumentTemplates.java universal-post-office-decision.docx …
// The .docx files may also be edited in Word freely, keeping the fields; an installation's own version is uploaded by
// the system administrator on /admin/document-templates (keys in each module's DeclaresTemplates).
import java.io.FileOutputStream;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;

public class DocumentTemplates {

	/** The files named on the command line; all when none is. */
	static List<String> only = List.of();

	public static void main(String[] args) throws Exception {
		only = List.of(args);
		write("filing-receipt.docx", DocumentTemplates::filingReceipt);
		write("statistics-bulletin.docx", DocumentTemplates::statisticsBulletin);
		write("complaint-notice.docx", DocumentTemplates::complaintNotice);
		write("workplan-progress.docx", DocumentTemplates::workplanProgress);
		write("rectification-order.docx", DocumentTemplates::rectificationOrder);
		write("licence-receipt.docx", DocumentTemplates::licenceReceipt);
		write("licence-correction-notice.docx", DocumentTemplates::licenceCorrectionNotice);
		write("licence-not-accepted.docx", DocumentTemplates::licenceNotAccepted);
		write("licence-approval.docx", DocumentTemplates::licenceApproval);
		write("licence-renewal-approval.docx", DocumentTemplates::licenceRenewalApproval);
		write("licence-change-approval.docx", DocumentTemplates::licenceChangeApproval);
		write("licence-refusal.docx", DocumentTemplates::licenceRefusal);
		write("licence-certificate.docx", DocumentTemplates::licenceCertificate);
		write("universal-post-office-decision.docx", DocumentTemplates::postOfficeDecision);
		write("universal-post-office-notice.docx", DocumentTemplates::postOfficeNotice);
	}

	/**
	 * 准予 / 不予批准 撤销（搬迁）邮政普遍服务营业场所决定书 (邮政法 art.9): one template for both outcomes, the title, the
	 * operative wording and (for a refusal) the remedies filled in by the universal module.
	 */
	static void postOfficeDecision(XWPFDocument doc) {
		paragraph(doc, "${bureau}", 16, true, ParagraphAlignment.CENTER);
		paragraph(doc, "${title}", 22, true, ParagraphAlignment.CENTER);
		paragraph(doc, "${number}", 11, false, ParagraphAlignment.RIGHT);
		rows(doc, new String[][] { { "申请单位", "${applicant}（统一社会信用代码：${creditCode}）" }, { "营业场所", "${office}" },
				{ "营业场所地址", "${officeAddress}" }, { "申请事项", "${kind}" }, { "搬迁后地址", "${newAddress}" },
				{ "收到申请日期", "${receivedOn}" }, { "法律依据", "${basis}" } });
		paragraph(doc, "${applicant}：", 12, false, ParagraphAlignment.LEFT);
		paragraph(doc, "你单位于${receivedOn}提出的${kind}邮政普遍服务营业场所“${office}”的申请收悉。申请理由：${reason}", 12, false,
				ParagraphAlignment.LEFT);
		paragraph(doc, "${siteCheck}", 12, false, ParagraphAlignment.LEFT);
		paragraph(doc, "${decision}", 12, false, ParagraphAlignment.LEFT);
		paragraph(doc, "${remedies}", 12, false, ParagraphAlignment.LEFT);
		paragraph(doc, "${bureau}", 12, false, ParagraphAlignment.RIGHT);
		paragraph(doc, "${decidedOn}", 12, false, ParagraphAlignment.RIGHT);
	}

	/** 关于撤销（搬迁）邮政普遍服务营业场所的公告: what closes or moves, from when, where to go instead. */
	static void postOfficeNotice(XWPFDocument doc) {
		paragraph(doc, "${title}", 20, true, ParagraphAlignment.CENTER);
		paragraph(doc, "根据${basis}，经本机关批准${number}，${applicant}设置的邮政普遍服务营业场所“${office}”（地址：${officeAddress}）"
				+ "自${effectiveOn}起${change}。", 12, false, ParagraphAlignment.LEFT);
		paragraph(doc, "${arrangement}", 12, false, ParagraphAlignment.LEFT);
		paragraph(doc, "特此公告。", 12, false, ParagraphAlignment.LEFT);
		paragraph(doc, "${bureau}", 12, false, ParagraphAlignment.RIGHT);
		paragraph(doc, "${announcedOn}", 12, false, ParagraphAlignment.RIGHT);
	}

	/** 快递业务经营许可申请受理通知书. */
	static void licenceReceipt(XWPFDocument doc) {
		paragraph(doc, "${bureau}", 16, true, ParagraphAlignment.CENTER);
		paragraph(doc, "快递业务经营许可申请受理通知书", 22, true, ParagraphAlignment.CENTER);
		paragraph(doc, "${receiptNumber}", 11, false, ParagraphAlignment.RIGHT);
		paragraph(doc, "${applicant}（统一社会信用代码：${creditCode}）：", 12, false, ParagraphAlignment.LEFT);
		// the grounds of acceptance by the case (${byLaw}): materials complete and in form, or accepted by law because the
		// 补正 was not notified in time (行政许可法 art.32), which says nothing of the materials
		paragraph(doc, "你单位于${submittedOn}提出的快递业务经营许可（${kind}，业务范围：${scope}）申请（申请编号${number}），"
				+ "${byLaw}。", 12, false, ParagraphAlignment.LEFT);
		// the period that applies, from the rule catalogue: 45 days from acceptance (邮政法 art.53), or for a renewal due by
		// the licence's expiry that expiry (行政许可法 art.50, deemed renewed if undecided)
		paragraph(doc, "本申请由${level}依照${decisionBasis}，${decisionPeriod}作出决定（至${decisionDueOn}；${decisionNote}）。", 12,
				false, ParagraphAlignment.LEFT);
		paragraph(doc, "${bureau}", 12, false, ParagraphAlignment.RIGHT);
		paragraph(doc, "${acceptedOn}", 12, false, ParagraphAlignment.RIGHT);
	}

	/** 快递业务经营许可申请材料补正通知书. */
	static void licenceCorrectionNotice(XWPFDocument doc) {
		paragraph(doc, "${bureau}", 16, true, ParagraphAlignment.CENTER);
		paragraph(doc, "申请材料补正通知书", 22, true, ParagraphAlignment.CENTER);
		paragraph(doc, "申请编号：${number}", 11, false, ParagraphAlignment.RIGHT);
		paragraph(doc, "${applicant}（统一社会信用代码：${creditCode}）：", 12, false, ParagraphAlignment.LEFT);
		paragraph(doc, "你单位于${submittedOn}提出的快递业务经营许可（${kind}）申请，申请材料不齐全。根据《中华人民共和国行政许可法》"
				+ "第三十二条，现一次告知你单位需要补正的全部内容如下：", 12, false, ParagraphAlignment.LEFT);
		table(doc, new String[] { "序号", "需要补正的材料或内容" }, new String[] { "${items.no}", "${items.item}" });
		paragraph(doc, "请按上述内容补正后重新提交（可通过邮管通企业端上传）。补正材料齐全后，本机关依法办理受理。", 12, false,
				ParagraphAlignment.LEFT);
		paragraph(doc, "${bureau}", 12, false, ParagraphAlignment.RIGHT);
		paragraph(doc, "${notifiedOn}", 12, false, ParagraphAlignment.RIGHT);
	}

	/** 快递业务经营许可申请不予受理决定书. */
	static void licenceNotAccepted(XWPFDocument doc) {
		paragraph(doc, "${bureau}", 16, true, ParagraphAlignment.CENTER);
		paragraph(doc, "不予受理决定书", 22, true, ParagraphAlignment.CENTER);
		paragraph(doc, "申请编号：${number}", 11, false, ParagraphAlignment.RIGHT);
		paragraph(doc, "${applicant}（统一社会信用代码：${creditCode}）：", 12, false, ParagraphAlignment.LEFT);
		paragraph(doc, "你单位于${submittedOn}提出的快递业务经营许可（${kind}，业务范围：${scope}）申请，因${reason}，"
				+ "根据《中华人民共和国行政许可法》第三十二条，本机关决定不予受理。请向${competentBureau}提出申请。", 12, false,
				ParagraphAlignment.LEFT);
		paragraph(doc, "${remedies}", 12,
				false, ParagraphAlignment.LEFT);
		paragraph(doc, "${bureau}", 12, false, ParagraphAlignment.RIGHT);
		paragraph(doc, "${decidedOn}", 12, false, ParagraphAlignment.RIGHT);
	}

	/** 准予快递业务经营许可决定书. */
	static void licenceApproval(XWPFDocument doc) {
		licenceGrant(doc, "准予快递业务经营许可决定书", "你单位于${submittedOn}提出的快递业务经营许可（${kind}）申请（申请编号${number}），经审查，"
				+ "符合《中华人民共和国邮政法》第五十二条规定的条件。根据《中华人民共和国邮政法》第五十三条，本机关决定准予许可：业务范围${scope}，"
				+ "服务地域${serviceArea}。", "快递业务经营许可证编号：${licenceNumber}，有效期自${validFrom}至${validUntil}。");
	}

	/** 准予延续快递业务经营许可决定书 (行政许可法 art.50): the same licence number, its term run on, no item changed. */
	static void licenceRenewalApproval(XWPFDocument doc) {
		licenceGrant(doc, "准予延续快递业务经营许可决定书", "你单位于${submittedOn}提出的延续快递业务经营许可证${licenceNumber}有效期的申请"
				+ "（申请编号${number}），经审查，根据《中华人民共和国行政许可法》第五十条，本机关决定准予延续：业务范围${scope}，"
				+ "服务地域${serviceArea}，许可事项不变。", "快递业务经营许可证编号：${licenceNumber}（编号不变），延续后的有效期自${validFrom}至"
				+ "${validUntil}。");
	}

	/**
	 * 准予变更 (行政许可法(2019) art.49): the items changed, each before → after (${changes}), the licence's number and term
	 * unchanged.
	 */
	static void licenceChangeApproval(XWPFDocument doc) {
		licenceGrant(doc, "准予变更快递业务经营许可决定书", "你单位于${submittedOn}提出的变更快递业务经营许可证${licenceNumber}许可事项的申请"
				+ "（申请编号${number}），经审查，根据《中华人民共和国行政许可法》第四十九条，本机关决定准予变更：${changes}。其他许可事项不变。",
				"快递业务经营许可证编号：${licenceNumber}（编号不变），有效期自${validFrom}至${validUntil}（有效期不变）。");
	}

	/** A licensing grant: the title, the operative paragraph and the licence's line between the bureau's heading and seal. */
	static void licenceGrant(XWPFDocument doc, String title, String operative, String licence) {
		paragraph(doc, "${bureau}", 16, true, ParagraphAlignment.CENTER);
		paragraph(doc, title, 22, true, ParagraphAlignment.CENTER);
		paragraph(doc, "${decisionNumber}", 11, false, ParagraphAlignment.RIGHT);
		paragraph(doc, "${applicant}（统一社会信用代码：${creditCode}）：", 12, false, ParagraphAlignment.LEFT);
		paragraph(doc, operative, 12, false, ParagraphAlignment.LEFT);
		paragraph(doc, licence, 12, false, ParagraphAlignment.LEFT);
		paragraph(doc, "${bureau}", 12, false, ParagraphAlignment.RIGHT);
		paragraph(doc, "${decidedOn}", 12, false, ParagraphAlignment.RIGHT);
	}

	/** 不予快递业务经营许可决定书: reasons and remedies (行政许可法 art.38). */
	static void licenceRefusal(XWPFDocument doc) {
		paragraph(doc, "${bureau}", 16, true, ParagraphAlignment.CENTER);
		paragraph(doc, "不予快递业务经营许可决定书", 22, true, ParagraphAlignment.CENTER);
		paragraph(doc, "${decisionNumber}", 11, false, ParagraphAlignment.RIGHT);
		paragraph(doc, "${applicant}（统一社会信用代码：${creditCode}）：", 12, false, ParagraphAlignment.LEFT);
		paragraph(doc, "你单位于${submittedOn}提出的快递业务经营许可（${kind}，业务范围：${scope}）申请（申请编号${number}），经审查，"
				+ "不符合法定条件，理由如下：", 12, false, ParagraphAlignment.LEFT);
		paragraph(doc, "${reasons}", 12, false, ParagraphAlignment.LEFT);
		paragraph(doc, "根据《中华人民共和国邮政法》第五十三条和《中华人民共和国行政许可法》第三十八条，本机关决定不予许可。", 12, false,
				ParagraphAlignment.LEFT);
		paragraph(doc, "${remedies}", 12,
				false, ParagraphAlignment.LEFT);
		paragraph(doc, "${bureau}", 12, false, ParagraphAlignment.RIGHT);
		paragraph(doc, "${decidedOn}", 12, false, ParagraphAlignment.RIGHT);
	}

	/** 快递业务经营许可证 (e-licence): verification code and QR code to the public verify page. */
	static void licenceCertificate(XWPFDocument doc) {
		paragraph(doc, "快递业务经营许可证", 26, true, ParagraphAlignment.CENTER);
		paragraph(doc, "编号：${licenceNumber}", 12, false, ParagraphAlignment.CENTER);
		rows(doc, new String[][] { { "企业名称", "${applicant}" }, { "统一社会信用代码", "${creditCode}" },
				{ "法定代表人", "${legalRepresentative}" }, { "业务范围", "${scope}" }, { "服务地域", "${serviceArea}" },
				{ "住所", "${address}" }, { "有效期", "${validFrom}至${validUntil}" } });
		paragraph(doc, "${qr}", 12, false, ParagraphAlignment.CENTER);
		paragraph(doc, "验证码：${verificationCode}　扫码或访问 ${verifyUrl} 核验", 10, false, ParagraphAlignment.CENTER);
		paragraph(doc, "发证机关：${bureau}", 12, false, ParagraphAlignment.RIGHT);
		paragraph(doc, "发证日期：${issuedOn}", 12, false, ParagraphAlignment.RIGHT);
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
		paragraph(doc, "依据上述规定，现责令你单位最迟于${dueOn}（${workingDays}个工作日内）改正，"
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
		// ${conclusion}: "经审核，符合…的要求，予以备案。" in time, or the late filing stated (filing.internal.FilingReceipts)
		paragraph(doc, "你单位于${submittedOn}提交的${kind}申请，${conclusion}备案编号：${filingNumber}。", 12, false,
				ParagraphAlignment.LEFT);
		rows(doc, new String[][] { { "网点名称", "${outlet}" }, { "网点地址", "${address}" }, { "运营企业", "${enterprise}" },
				{ "经营的分支机构", "${branch}" }, { "统一社会信用代码", "${creditCode}" }, { "办结日期", "${completedOn}" } });
		paragraph(doc, "所附材料：", 12, true, ParagraphAlignment.LEFT);
		table(doc, new String[] { "材料", "文件" }, new String[] { "${attachments.kind}", "${attachments.name}" });
		paragraph(doc, "网点名称、经营类型、服务范围、负责人等事项发生变化的，应当自变化之日起${changeFilingPeriod}内办理变更备案。", 10, false,
				ParagraphAlignment.LEFT);
		paragraph(doc, "${bureau}", 12, false, ParagraphAlignment.RIGHT);
		paragraph(doc, "${date}", 12, false, ParagraphAlignment.RIGHT);
	}

	/** 1–N月邮政行业运行情况. */
	static void statisticsBulletin(XWPFDocument doc) {
		// the title names the months: no subtitle repeating them
		paragraph(doc, "${title}", 20, true, ParagraphAlignment.CENTER);
		paragraph(doc, "一、总体情况", 14, true, ParagraphAlignment.LEFT);
		paragraph(doc, "${overall}", 12, false, ParagraphAlignment.LEFT);
		paragraph(doc, "二、快递业务", 14, true, ParagraphAlignment.LEFT);
		paragraph(doc, "${express}", 12, false, ParagraphAlignment.LEFT);
		paragraph(doc, "${composition}", 12, false, ParagraphAlignment.LEFT);
		paragraph(doc, "三、主要指标", 14, true, ParagraphAlignment.LEFT);
		table(doc, new String[] { "指标", "单位", "${months}累计", "上年同期", "同比增长（%）" },
				new String[] { "${figures.name}", "${figures.unit}", "${figures.value}", "${figures.lastYear}", "${figures.growth}" });
		paragraph(doc, "四、分地区快递业务量", 14, true, ParagraphAlignment.LEFT);
		table(doc, new String[] { "地区", "快递业务量（万件）", "同比增长（%）", "占比（%）", "业务量排名" },
				new String[] { "${regions.name}", "${regions.value}", "${regions.growth}", "${regions.share}", "${regions.rank}" });
		paragraph(doc, "注：数据为已审核的企业报表数据；排名按快递业务量，数据不完整的地区不参与排名（—）；"
				+ "企业个体数据保密，不作为行政处罚的依据。", 10, false, ParagraphAlignment.LEFT);
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
		if (!only.isEmpty() && !only.contains(name)) {
			return;
		}
		try (XWPFDocument doc = new XWPFDocument()) {
			content.accept(doc);
			try (FileOutputStream out = new FileOutputStream("src/main/resources/documents/" + name)) {
				doc.write(out);
			}
		}
	}

	/** A two-column table of labels and values. */
	static void rows(XWPFDocument doc, String[][] rows) {
		XWPFTable info = doc.createTable(rows.length, 2);
		for (int r = 0; r < rows.length; r++) {
			info.getRow(r).getCell(0).setText(rows[r][0]);
			info.getRow(r).getCell(1).setText(rows[r][1]);
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
