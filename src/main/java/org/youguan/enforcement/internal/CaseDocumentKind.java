package org.youguan.enforcement.internal;

/**
 * The documents of a penalty case, each with its title, the type of its 文号's series (numbering module: the 文号 is
 * written in the official form, {@code numbering.OfficialNumbers}: 苏吴邮管告〔2026〕3号, the kind's character from that
 * one table; documents numbered before keep {@code <type>-<region>-<year>-<sequence>}; the decisions carry the
 * decision's 文号 instead) and its template
 * ({@code documents/enforcement/<template>.docx}, replaceable by the administrator, see {@link CaseDocuments}).
 * The forms follow the 行政处罚法(2021) and the 交通运输行政执法文书式样 used by postal bureaus.
 */
public enum CaseDocumentKind {

	/** 立案审批表 (art.54), at 立案. */
	FILING_APPROVAL("立案审批表", "立案审批", "filing-approval", false),
	/** 询问笔录 (art.55), with an evidence item of that kind. */
	INQUIRY_RECORD("询问笔录", "询问笔录", "inquiry-record", false),
	/** 现场检查（勘验）笔录 (art.55), with an evidence item of that kind. */
	SITE_RECORD("现场检查（勘验）笔录", "检查笔录", "site-record", false),
	/** 案件调查终结报告, at the conclusion. */
	INVESTIGATION_REPORT("案件调查终结报告", "调查终结", "investigation-report", false),
	/** 法制审核意见书 (art.58), at the review. */
	REVIEW_OPINION("法制审核意见书", "法制审核", "review-opinion", false),
	/** 行政处罚事先告知书 (art.44), at the notice. */
	PRIOR_NOTICE("行政处罚事先告知书", "处罚告知", "prior-notice", true),
	/** 听证告知书 (art.63–64), with the notice when the proposed penalty carries the right to a hearing. */
	HEARING_RIGHT_NOTICE("行政处罚听证告知书", "听证告知", "hearing-right-notice", true),
	/** 听证通知书 (art.64: 7 days ahead), when the hearing is recorded. */
	HEARING_NOTICE("听证通知书", "听证通知", "hearing-notice", true),
	/** 听证笔录 (art.64–65), when the hearing is recorded. */
	HEARING_RECORD("听证笔录", "听证笔录", "hearing-record", true),
	/**
	 * 集体讨论记录 (art.57 para.2), at the decision (or the 不予处罚) of a case its heads discussed; titled 重大案件集体讨论记录
	 * only for a case found serious (情节严重 — the discussion the rule requires of it), see {@link #titleFor}.
	 */
	DISCUSSION_RECORD("集体讨论记录", "集体讨论", "discussion-record", false),
	/** 行政处罚决定书 (art.59's six items), at the decision; its 文号 is the decision's. */
	DECISION("行政处罚决定书", null, "decision", true),
	/**
	 * 不予行政处罚决定书 (art.57(二)–(三) with art.33), at 不予处罚: served on the party as issued (art.61), citing the
	 * ground and article the decision rests on.
	 */
	NO_PENALTY_DECISION("不予行政处罚决定书", "不予处罚", "no-penalty-decision", true),
	/** 送达回证 (art.61), at delivery. */
	DELIVERY_RECEIPT("送达回证", "送达回证", "delivery-receipt", true),
	/** 结案报告, at 结案, at 撤案, and for a 不予处罚 once its decision is served (送达 — never at the decision itself). */
	CLOSING_REPORT("结案报告", "结案报告", "closing-report", false),
	/** 当场行政处罚决定书 (art.51–52), the simple procedure's one form; its 文号 is the decision's. */
	ON_THE_SPOT_DECISION("当场行政处罚决定书", null, "on-the-spot-decision", true),
	/** 案件移送书, when the case is transferred. */
	TRANSFER_LETTER("案件移送书", "案件移送", "transfer-letter", false),
	/** 延期（分期）缴纳罚款批准书 (art.66), when a deferral or instalments are approved. */
	PAYMENT_APPROVAL("延期（分期）缴纳罚款批准书", "缴款批准", "payment-approval", true);

	private final String title;

	private final String numberType;

	private final String template;

	private final boolean party;

	CaseDocumentKind(String title, String numberType, String template, boolean party) {
		this.title = title;
		this.numberType = numberType;
		this.template = template;
		this.party = party;
	}

	/**
	 * Whether the document is given to the party (告知书, 通知书, 决定书 — the 不予行政处罚决定书 too —, the 听证笔录 it signs, the 送达回证 and the payment
	 * approval), so the enterprise reads it on its portal; the bureau's internal papers (立案审批表, 笔录 of evidence,
	 * 调查终结报告, 法制审核意见书, 集体讨论记录, 结案报告, 移送书) are not.
	 */
	public boolean party() {
		return party;
	}

	/**
	 * Whether a document of this kind, once issued, has been served on the party — it reads it on its portal: every
	 * party document ({@link #party()}) as issued, the 行政处罚决定书 and the 不予行政处罚决定书 only once delivered (送达,
	 * 行政处罚法(2021) art.61 — a 不予处罚 case ended before its service was recorded on the platform shows its decision
	 * once staff record that service; a past case imported was served on paper). Correcting a served document is the handling bureau's head's
	 * ({@link org.youguan.enforcement.PenaltyCases#reissueDocument}).
	 * @param delivered whether the case's decision was delivered (or the case imported)
	 */
	public boolean served(boolean delivered) {
		return party && (this != DECISION && this != NO_PENALTY_DECISION || delivered);
	}

	/** The kind's Chinese title, as lists of a case's documents name it. */
	public String title() {
		return title;
	}

	/**
	 * The kind's Chinese title as a page's choice ({@code @labels.of(doc.kind())}): the UI bundle's
	 * {@code enum.CaseDocumentKind.<KIND>} words it in the reader's language, its Chinese this title.
	 */
	public String label() {
		return title;
	}

	/**
	 * The title a case's document of this kind bears (its heading and file name): the kind's own, but a 集体讨论记录 is a
	 * 重大案件集体讨论记录 only where the case was found serious (情节严重: the heads must discuss it, 行政处罚法(2021)
	 * art.57 para.2) — the discussion of an ordinary case (a 不予处罚 departing from a reviewed proposal, a departure
	 * from the review) is not that of a major case (attack: an ordinary case's record was titled 重大案件…).
	 * @param serious whether the case was found serious
	 */
	public String titleFor(boolean serious) {
		return this == DISCUSSION_RECORD && serious ? "重大案件" + title : title;
	}

	/** The type of its 文号's series (numbering's {@code OfficialNumbers} gives its character), or null when it carries the decision's 文号. */
	public String numberType() {
		return numberType;
	}

	/** The template's file name without {@code .docx}. */
	public String template() {
		return template;
	}
}
