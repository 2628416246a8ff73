package org.youguan.universal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.youguan.documents.Attachment;
import org.youguan.documents.AttachmentOwner;
import org.youguan.documents.DeclaresTemplates;
import org.youguan.documents.DocumentTemplate;
import org.youguan.documents.DocumentTemplates;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.Text;
import org.youguan.rules.Citation;
import org.youguan.rules.LegalText;
import org.youguan.rules.StatutoryRules;

/**
 * The documents of a post-office closure/relocation approval (邮政法(2015) art.9), filled from the templates
 * {@code universal/post-office-decision} and {@code universal/post-office-notice} (built in as
 * {@code documents/universal-post-office-*.docx}, replaceable by the administrator — see {@link DocumentTemplates}):
 * <ul>
 * <li>the decision — one template for both outcomes, its title and wording filled in: 准予撤销 / 准予搬迁 with the
 * applicant's duty to keep the service going (and the alternative post office if the approval names one), or 不予批准
 * with the reasons and the remedies (行政复议 within 60 days, 行政复议法(2023) art.20; 行政诉讼 within 6 months,
 * 行政诉讼法(2017) art.46); the applicant, the post office and its address, the kind, the new address of a move, the
 * reasons given, the legal basis (邮政法 art.9), the site check and local consultation, the bureau, the day, the 文号;</li>
 * <li>the public notice (公告) — what closes or moves and from when, the new address or the nearest alternative office
 * when the approval names one, the bureau, the day, citing the decision's 文号.</li>
 * </ul>
 * The fields filled are exactly those declared.
 */
@Component
class PostOfficeDocuments implements DeclaresTemplates {

	/** Attachment kinds: the decision and the notice as issued (.docx). */
	static final String DECISION = "DECISION";

	static final String NOTICE = "NOTICE";

	/** The legal basis both documents cite: 《中华人民共和国邮政法》第九条 ({@link Citation#formal()}). */
	static final String BASIS = Citation.of(LegalText.POSTAL_LAW, 9).formal();

	/** The remedies a refusal states. */
	static final DocumentTemplate DECISION_TEMPLATE = DocumentTemplate
		.of("universal/post-office-decision", "撤销、搬迁邮政普遍服务营业场所审批决定书",
				"documents/universal-post-office-decision.docx")
		.withFields("bureau", "title", "number", "applicant", "creditCode", "office", "officeAddress", "kind",
				"newAddress", "receivedOn", "reason", "basis", "siteCheck", "decision", "remedies", "decidedOn")
		// a written administrative decision states what was decided, on which basis, when, and the remedies
		.withRequired("bureau", "number", "applicant", "office", "decision", "basis", "remedies", "decidedOn");

	static final DocumentTemplate NOTICE_TEMPLATE = DocumentTemplate
		.of("universal/post-office-notice", "撤销、搬迁邮政普遍服务营业场所公告", "documents/universal-post-office-notice.docx")
		.withFields("bureau", "title", "number", "applicant", "office", "officeAddress", "basis", "effectiveOn", "change",
				"arrangement", "announcedOn");

	/** What the documents say about the post office beyond the approval: the registry's facility and the bureau. */
	record Parties(String applicant, String creditCode, String officeAddress, String bureau) {
	}

	private final DocumentTemplates templates;

	private final StatutoryRules rules;

	PostOfficeDocuments(DocumentTemplates templates, StatutoryRules rules) {
		this.templates = templates;
		this.rules = rules;
	}

	/** The decision and the notice. */
	@Override
	public List<DocumentTemplate> templates() {
		return List.of(DECISION_TEMPLATE, NOTICE_TEMPLATE);
	}

	/**
	 * The decision (.docx) of a decided approval.
	 * @param decidingRegion the region of the bureau that decided (stored with the decision as {@code decision_region}):
	 *        a refusal's 行政复议机关 is the one above it ({@link StatutoryRules#reviewBody}) — not the one above the
	 *        post office's nearest bureau, when a bureau above that decided
	 */
	byte[] decision(PostOfficeApproval a, Parties p, String decidingRegion) {
		// served on the applicant: the site check's findings, the consultation and the reasons are staff's free text
		return templates.fillForParty(DECISION_TEMPLATE, decisionFields(a, p, rules.remedies(decidingRegion)), Map.of(),
				p.creditCode());
	}

	/** The public notice (.docx) of an announced approval. */
	byte[] notice(PostOfficeApproval a, Parties p) {
		// announced to the public: no one's personal number in it either
		return templates.fillForParty(NOTICE_TEMPLATE, noticeFields(a, p), Map.of(), p.creditCode());
	}

	/**
	 * The decision's fields: exactly {@link #DECISION_TEMPLATE}'s.
	 * @param remedies the remedies a refusal states ({@link StatutoryRules#remedies}); an approval states none
	 */
	static Map<String, String> decisionFields(PostOfficeApproval a, Parties p, String remedies) {
		boolean approved = a.approved();
		String what = what(a);
		Map<String, String> f = new LinkedHashMap<>();
		f.put("bureau", p.bureau());
		f.put("title", decisionTitle(a));
		f.put("number", text(a.decisionNumber()));
		f.put("applicant", p.applicant());
		f.put("creditCode", p.creditCode());
		f.put("office", a.facilityName());
		f.put("officeAddress", text(p.officeAddress()));
		f.put("kind", a.kind().label());
		f.put("newAddress", a.newAddress() == null ? "—" : a.newAddress());
		f.put("receivedOn", ChineseText.day(a.receivedOn()));
		f.put("reason", sentence(a.reason()));
		f.put("basis", BASIS);
		f.put("siteCheck", a.checkedOn() == null ? "本机关对你单位的申请进行了审查。"
				: "本机关于" + ChineseText.day(a.checkedOn()) + "对该营业场所进行了现场核查，核查情况：" + clause(a.checkFindings())
						+ "；并征求了当地意见：" + sentence(a.consultation()));
		String reasons = a.decisionReasons();
		if (approved) {
			f.put("decision", "经审查，你单位的申请符合规定" + (reasons == null ? "" : "（" + clause(reasons) + "）") + "。依据" + BASIS
					+ "，本机关决定：准予你单位" + what + "。"
					+ (a.alternativeOffice() == null ? "" : "该营业场所" + a.kind().label() + "后，由“" + a.alternativeOffice()
							+ "”就近提供邮政普遍服务。")
					+ "请你单位做好用户告知和服务衔接，保障当地用户正常使用邮政普遍服务；本机关将依法向社会公告。");
			f.put("remedies", "");
		}
		else {
			// refused before a site check, the paragraph before says it was examined already
			f.put("decision", (a.checkedOn() == null ? "" : "经审查，") + "你单位的申请不予批准，理由如下：" + clause(reasons) + "。依据"
					+ BASIS + "，本机关决定：不予批准你单位" + what + "。你单位应当继续在原址按照规定提供邮政普遍服务。");
			f.put("remedies", remedies);
		}
		f.put("decidedOn", ChineseText.day(a.decidedOn()));
		return f;
	}

	/** The notice's fields: exactly {@link #NOTICE_TEMPLATE}'s. */
	static Map<String, String> noticeFields(PostOfficeApproval a, Parties p) {
		Map<String, String> f = new LinkedHashMap<>();
		f.put("bureau", p.bureau());
		f.put("title", noticeTitle(a));
		f.put("number", a.decisionNumber() == null ? "" : "（" + a.decisionNumber() + "）");
		f.put("applicant", p.applicant());
		f.put("office", a.facilityName());
		f.put("officeAddress", text(p.officeAddress()));
		f.put("basis", BASIS);
		f.put("effectiveOn", ChineseText.day(a.effectiveOn() == null ? a.announcedOn() : a.effectiveOn()));
		boolean move = a.kind() == ApprovalKind.RELOCATION;
		f.put("change", move ? "迁至新址（" + a.newAddress() + "）营业" : "停止营业，予以撤销");
		String alternative = a.alternativeOffice();
		f.put("arrangement", move
				? "新址地址：" + a.newAddress() + "。" + (alternative == null ? "" : "搬迁期间，用户可到“" + alternative + "”办理邮政业务。")
				: alternative == null ? "撤销后，用户可就近到其他邮政普遍服务营业场所办理邮政业务。"
						: "撤销后，用户可就近到“" + alternative + "”办理邮政业务。");
		f.put("announcedOn", ChineseText.day(a.announcedOn()));
		return f;
	}

	/** The decision's title: 准予撤销邮政普遍服务营业场所决定书, 不予批准搬迁邮政普遍服务营业场所决定书… */
	static String decisionTitle(PostOfficeApproval a) {
		return (a.approved() ? "准予" : "不予批准") + a.kind().label() + "邮政普遍服务营业场所决定书";
	}

	/** The notice's title: 关于撤销邮政普遍服务营业场所的公告. */
	static String noticeTitle(PostOfficeApproval a) {
		return "关于" + a.kind().label() + "邮政普遍服务营业场所“" + a.facilityName() + "”的公告";
	}

	/** The documents of an approval as its page and the API list them, from its attachments. */
	static List<ApprovalDocument> listed(PostOfficeApproval a, List<Attachment> attachments) {
		return attachments.stream()
			.filter(x -> x.kind().equals(DECISION) || x.kind().equals(NOTICE))
			.map(x -> x.kind().equals(DECISION)
					? new ApprovalDocument(DECISION, decisionTitle(a), a.decisionNumber(), a.decidedOn(), x.href())
					: new ApprovalDocument(NOTICE, noticeTitle(a), null, a.announcedOn(), x.href()))
			.toList();
	}

	/** The attachment owner of an approval's documents. */
	static AttachmentOwner owner(long approvalId) {
		return new AttachmentOwner(PostOfficeApprovals.MODULE, PostOfficeApprovals.OWNER_TYPE, approvalId);
	}

	/** The decision's file name as the download offers it. */
	static String decisionFile(PostOfficeApproval a) {
		return decisionTitle(a) + "-" + a.decisionNumber() + ".docx";
	}

	/** The notice's file name as the download offers it. */
	static String noticeFile(PostOfficeApproval a) {
		return a.kind().label() + "营业场所公告-" + a.facilityName() + "-" + a.announcedOn() + ".docx";
	}

	/** 撤销该营业场所 / 将该营业场所搬迁至…: what the applicant asked for, as the operative sentence names it. */
	private static String what(PostOfficeApproval a) {
		return a.kind() == ApprovalKind.RELOCATION ? "将该营业场所搬迁至" + a.newAddress() : "撤销该营业场所";
	}


	private static String text(String s) {
		return s == null ? "" : s;
	}

	/** Free text ending in one full stop. */
	private static String sentence(String s) {
		return clause(s) + "。";
	}

	/** Free text without its closing punctuation, to go inside a sentence. */
	private static String clause(String s) {
		return Text.strip(text(s)).replaceAll("[。．.；;，,]+$", "");
	}
}
