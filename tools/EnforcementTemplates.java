// Writes the Word templates of the penalty procedure (src/main/resources/documents/enforcement/*.docx; fields ${name};
// a table row with ${evidence.column} repeats per evidence item). See the class comment for how to run it.
import java.io.FileOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/**
 * The built-in templates of the penalty procedure, exactly as they ship: run with no argument it rewrites every
 * {@code src/main/resources/documents/enforcement/*.docx} with the same content (word/document.xml byte for byte), so a
 * change to a built-in template is made here and written by running it — never by editing the shipped .docx alone,
 * which the next run would undo. The fields are {@code CaseDocuments.FIELDS}; articles of law are written as
 * {@code ${law_<PROVISION>}}/{@code ${article_<PROVISION>}} from the rule catalogue, never typed (NoTypedCitationsTest).
 *
 * <p>How to run it, from the project root (the build lock and offline, as every Maven command here):
 * <pre>
 *   flock /tmp/youguan-build.lock ./mvnw -o -B -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   java -cp "$(cat target/cp.txt)" tools/EnforcementTemplates.java                  # every template
 *   java -cp "$(cat target/cp.txt)" tools/EnforcementTemplates.java no-penalty-decision # only those named
 * </pre>
 * (any classpath with Apache POI works, e.g. the libraries inside the built {@code target/youguan.jar}, BOOT-INF/lib).
 * Then {@code git status}: only the templates meant to change may show as modified. The .docx files may also be edited
 * in Word, keeping the fields, for one installation: its administrator uploads its own version on
 * /admin/document-templates (key {@code enforcement/<name>}); that does not change what ships.
 */
public class EnforcementTemplates {

	/** Where the templates are written: the shipped folder, or {@code -Denforcement.templates.dir=…/} (a test's own). */
	static final String DIR = System.getProperty("enforcement.templates.dir", "src/main/resources/documents/enforcement/");

	/** The templates named on the command line; all when none is. */
	static List<String> only = List.of();

	public static void main(String[] args) throws Exception {
		only = List.of(args);
		Files.createDirectories(Path.of(DIR));
		write("filing-approval", d -> {
			head(d);
			rows(d, new String[][] { { "案号", "${caseNumber}" }, { "案件来源", "${source}" }, { "当事人", "${enterprise}" },
					{ "统一社会信用代码", "${creditCode}" }, { "地址", "${address}" }, { "法定代表人（负责人）", "${representative}" },
					{ "涉嫌违法行为", "${violation}" }, { "违法行为终了日期", "${violationEndedOn}" },
					{ "追责时效", "${limitation}" }, { "法律依据", "${basis}" },
					{ "案情摘要", "${facts}" }, { "立案意见", "经审查，符合${law_PENALTY_CASE_OPENING}规定的立案条件，建议立案调查。" },
					{ "负责人审批意见", "同意立案。${filingApprovedBy}　${filedOn}" }, { "办案期限", "最迟于${decisionDueOn}作出处理决定" } });
		});
		write("inquiry-record", d -> {
			head(d);
			line(d, "时间：${evidenceOn}　　地点：${evidencePlace}");
			line(d, "被询问人：${evidenceSubject}　　当事人：${enterprise}（${creditCode}）");
			line(d, "询问人（执法证号）：${evidenceBy}");
			line(d, "我们是${bureau}的执法人员，已向你出示执法证件。现就${violation}一案依法向你询问，你应当如实回答；你有陈述、申辩的权利，"
					+ "认为执法人员与本案有利害关系的，有申请回避的权利。");
			line(d, "事由：${evidenceTitle}");
			line(d, "${evidenceContent}");
			line(d, "被询问人签名：　　　　　　询问人签名：　　　　　　记录人签名：");
			line(d, "案号：${caseNumber}");
		});
		write("site-record", d -> {
			head(d);
			line(d, "检查（勘验）时间：${evidenceOn}　　地点：${evidencePlace}");
			line(d, "当事人：${enterprise}（统一社会信用代码：${creditCode}）　　在场人：${evidenceSubject}");
			line(d, "检查（勘验）人员（执法证号）：${evidenceBy}");
			line(d, "执法人员已向当事人出示执法证件，说明来意。现场检查（勘验）情况：${evidenceTitle}");
			line(d, "${evidenceContent}");
			line(d, "当事人（在场人）签名：　　　　　　检查（勘验）人员签名：");
			line(d, "案号：${caseNumber}");
		});
		write("investigation-report", d -> {
			head(d);
			line(d, "案号：${caseNumber}　　立案日期：${filedOn}");
			line(d, "当事人：${enterprise}，统一社会信用代码：${creditCode}，地址：${address}，法定代表人（负责人）：${representative}。");
			line(d, "调查人员：${investigators}。");
			line(d, "一、案件来源及调查经过：本案来源于${source}，经负责人批准于${filedOn}立案调查。");
			line(d, "二、违法事实：${report}");
			line(d, "三、证据：");
			evidence(d);
			line(d, "四、违法行为性质及法律依据：当事人的行为构成${violation}（${serious}），依据${basis}，罚款幅度为${range}。");
			line(d, "五、处理意见：建议给予${proposedPenalty}。");
			sign(d);
		});
		write("review-opinion", d -> {
			head(d);
			line(d, "案号：${caseNumber}　　当事人：${enterprise}（${creditCode}）");
			line(d, "审核事项：${violation}一案拟给予${proposedPenalty}（${serious}）。");
			line(d, "依据${law_PENALTY_LEGAL_REVIEW}，对执法主体、管辖、程序、事实证据、适用依据、处罚种类和幅度进行审核。");
			line(d, "审核意见：${reviewOpinion}");
			line(d, "法制审核人员：${reviewedBy}　　审核日期：${reviewedOn}");
		});
		write("discussion-record", d -> {
			head(d);
			rows(d, new String[][] { { "案号", "${caseNumber}" }, { "当事人", "${enterprise}（${creditCode}）" },
					{ "案由", "${violation}（${serious}）" }, { "讨论时间", "${discussionDate}" },
					{ "参加负责人", "${discussionParticipants}" }, { "案件承办人员汇报", "${report}" },
					{ "拟处罚意见", "${proposedPenalty}（依据${basis}，罚款幅度为${range}）" },
					{ "讨论结论", "${discussionConclusion}" } });
			line(d, "依据${law_PENALTY_COLLECTIVE_DISCUSSION}，本案经行政机关负责人集体讨论决定。");
			line(d, "记录人：　　　　参加人员签名：");
		});
		write("prior-notice", d -> {
			head(d);
			line(d, "${enterprise}（统一社会信用代码：${creditCode}）：");
			line(d, "经调查，你单位存在以下违法事实：${report}");
			line(d, "以上事实有下列证据证明：");
			evidence(d);
			line(d, "你单位的上述行为构成${violation}${breached}。${proposedMitigation}依据${basis}，本局拟对你单位作出如下行政处罚：${proposedPenalty}。");
			line(d, "根据${law_PENALTY_NOTICE}、${article_PENALTY_STATEMENT}的规定，你单位有权进行陈述和申辩。你单位可在收到本告知书之日起"
					+ "${hearingRequestDays}个工作日内（至${hearingRequestDue}）向本局提出陈述、申辩意见；逾期未提出的，视为放弃上述权利。");
			sign(d);
		});
		write("hearing-right-notice", d -> {
			head(d);
			line(d, "${enterprise}（统一社会信用代码：${creditCode}）：");
			line(d, "本局拟对你单位${violation}一案作出${proposedPenalty}的行政处罚。${proposedMitigation}根据${law_PENALTY_HEARING_RIGHT}、${article_PENALTY_HEARING_PROCEDURE}的规定，"
					+ "你单位有权要求举行听证。你单位如要求听证，应当在收到本告知书之日起${hearingRequestDays}个工作日内（至${hearingRequestDue}）"
					+ "向本局提出；逾期未提出的，视为放弃听证权利。");
			sign(d);
		});
		write("hearing-notice", d -> {
			head(d);
			line(d, "${enterprise}（统一社会信用代码：${creditCode}）：");
			line(d, "根据你单位于${hearingRequestedOn}提出的听证要求，本局定于${hearingOn}在${hearingPlace}就${violation}一案举行听证，"
					+ "由${hearingHost}（非本案调查人员）主持。依据${law_PENALTY_HEARING_PROCEDURE}，本通知于${hearingNotifiedOn}送达，不晚于听证的七日前。");
			line(d, "你单位可以亲自参加听证，也可以委托一至二人代理；认为主持人与本案有直接利害关系的，有权申请回避。无正当理由拒不出席听证的，视为放弃听证权利。");
			sign(d);
		});
		write("hearing-record", d -> {
			head(d);
			line(d, "案号：${caseNumber}　　听证时间：${hearingOn}　　听证地点：${hearingPlace}");
			line(d, "听证主持人：${hearingHost}");
			line(d, "当事人：${enterprise}（${creditCode}）　　案件调查人员：${investigators}");
			line(d, "案由：${violation}；拟处罚：${proposedPenalty}。");
			line(d, "听证情况：${hearingRecord}");
			line(d, "当事人签名：　　　　　　听证主持人签名：　　　　　　记录员签名：");
		});
		write("decision", d -> {
			head(d);
			line(d, "当事人：${enterprise}");
			line(d, "统一社会信用代码：${creditCode}　　地址：${address}　　法定代表人（负责人）：${representative}");
			line(d, "一、违法事实和证据：经查，${report}");
			line(d, "以上事实有下列证据证明：");
			evidence(d);
			line(d, "本局已于${notifiedOn}告知你单位拟作出行政处罚的事实、理由、依据及依法享有的权利。陈述、申辩情况：${statementReview}。${hearingOutcome}${discussedOn}");
			line(d, "二、行政处罚的种类和依据：你单位的上述行为构成${violation}${breached}。${mitigation}依据${basis}，本局决定对你单位给予如下行政处罚：${penalty}。");
			line(d, "三、履行方式和期限：${performance}");
			line(d, "四、救济途径和期限：${remedies}"
					+ "行政复议和行政诉讼期间，本处罚决定不停止执行，法律另有规定的除外。");
			line(d, "五、作出决定的行政机关：${bureau}　　决定日期：${decidedOn}");
			line(d, "${bureau}（印章）", ParagraphAlignment.RIGHT);
			line(d, "${decidedOn}", ParagraphAlignment.RIGHT);
		});
		write("no-penalty-decision", d -> {
			head(d);
			line(d, "当事人：${enterprise}");
			line(d, "统一社会信用代码：${creditCode}　　地址：${address}　　法定代表人（负责人）：${representative}");
			line(d, "本局于${filedOn}对你单位涉嫌${violation}一案立案调查。经查，${report}");
			line(d, "不予行政处罚的理由：${closingReason}。");
			line(d, "依据${noPenaltyGround}的规定，本局决定对你单位不予行政处罚。${noPenaltyCaution}");
			line(d, "${remedies}");
			line(d, "${bureau}（印章）", ParagraphAlignment.RIGHT);
			line(d, "${closedOn}", ParagraphAlignment.RIGHT);
		});
		write("delivery-receipt", d -> {
			head(d);
			rows(d, new String[][] { { "送达文书", "${servedDocument}（${decisionNumber}）" }, { "受送达人", "${enterprise}" },
					{ "${servicePlaceLabel}", "${servicePlace}" }, { "送达日期", "${deliveredOn}${servedAs}" },
					{ "送达方式", "${deliveryMethod}" },
					{ "送达期限", "依据${law_PENALTY_DELIVERY}，最迟于${deliveryDue}送达" },
					{ "${receiverLabel}", "${receiver}" }, { "送达人", "${investigators}" } });
		});
		write("closing-report", d -> {
			head(d);
			rows(d, new String[][] { { "案号", "${caseNumber}" }, { "当事人", "${enterprise}（${creditCode}）" },
					{ "案由", "${violation}" }, { "立案日期", "${filedOn}" }, { "处理结果", "${result}" },
					{ "执行情况", "${execution}" },
					{ "结案理由", "${closingReason}" }, { "结案日期", "${closedOn}" }, { "承办人员", "${investigators}" } });
		});
		write("on-the-spot-decision", d -> {
			head(d);
			line(d, "当事人：${party}");
			line(d, "违法事实：${onSpotFacts}（时间：${decidedOn}，地点：${onSpotPlace}）");
			line(d, "你（单位）的上述行为构成${violation}${breached}。依据${law_PENALTY_ON_THE_SPOT}及${basis}，"
					+ "当场作出如下行政处罚：${penalty}。");
			line(d, "${performance}${remedies}");
			line(d, "执法人员（执法证号）：${investigators}　　本决定书已当场交付当事人，并于${onSpotFiledOn}报${bureau}备案（备案期限${onSpotFilingDue}）。");
			line(d, "当事人签名：　　　　　　执法人员签名：");
		});
		write("transfer-letter", d -> {
			head(d);
			line(d, "${transferTo}：");
			line(d, "本局于${filedOn}立案调查的${enterprise}（${creditCode}）${violation}一案（案号${caseNumber}），经审查，${transferReason}。"
					+ "根据${law_PENALTY_TRANSFER}等规定，现将该案移送你单位处理。");
			line(d, "附：案件材料（证据清单如下）");
			evidence(d);
			sign(d);
		});
		write("payment-approval", d -> {
			head(d);
			line(d, "${enterprise}（统一社会信用代码：${creditCode}）：");
			line(d, "你单位${appliedOn}书面申请${arrangement}缴纳本局行政处罚决定书（${decisionNumber}）确定的罚款${fineAmount}，"
					+ "申请理由：${arrangementReason}。根据${law_PENALTY_INSTALMENTS}，经本局负责人${arrangedBy}批准，"
					+ "同意你单位按以下方式缴纳：${arrangementTerms}。");
			line(d, "逾期未按上述期限缴纳的，每日按逾期未缴罚款数额的${surchargePercent}%加处罚款，加处罚款的数额不超过逾期未缴的罚款数额"
					+ "（${law_PENALTY_SURCHARGE}）。");
			sign(d);
		});
	}

	static void head(XWPFDocument doc) {
		paragraph(doc, "${bureau}", 16, true, ParagraphAlignment.CENTER);
		paragraph(doc, "${title}", 22, true, ParagraphAlignment.CENTER);
		paragraph(doc, "${number}", 11, false, ParagraphAlignment.RIGHT);
	}

	static void sign(XWPFDocument doc) {
		line(doc, "${bureau}", ParagraphAlignment.RIGHT);
		line(doc, "${issuedOn}", ParagraphAlignment.RIGHT);
	}

	static void evidence(XWPFDocument doc) {
		table(doc, new String[] { "序号", "证据种类", "证据名称", "收集日期", "收集人员（执法证号）" },
				new String[] { "${evidence.no}", "${evidence.kind}", "${evidence.title}", "${evidence.on}", "${evidence.by}" });
	}

	static void rows(XWPFDocument doc, String[][] rows) {
		XWPFTable t = doc.createTable(rows.length, 2);
		for (int r = 0; r < rows.length; r++) {
			t.getRow(r).getCell(0).setText(rows[r][0]);
			t.getRow(r).getCell(1).setText(rows[r][1]);
		}
	}

	static void line(XWPFDocument doc, String text) {
		line(doc, text, ParagraphAlignment.LEFT);
	}

	static void line(XWPFDocument doc, String text, ParagraphAlignment align) {
		paragraph(doc, text, 12, false, align);
	}

	static void write(String name, Consumer<XWPFDocument> content) throws Exception {
		if (!only.isEmpty() && !only.contains(name)) {
			return;
		}
		try (XWPFDocument doc = new XWPFDocument()) {
			content.accept(doc);
			try (FileOutputStream out = new FileOutputStream(DIR + name + ".docx")) {
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
