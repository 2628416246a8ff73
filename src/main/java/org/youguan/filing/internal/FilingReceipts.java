package org.youguan.filing.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.youguan.documents.DeclaresTemplates;
import org.youguan.documents.DocumentTemplate;
import org.youguan.documents.DocumentTemplates;
import org.youguan.filing.AttachmentKind;
import org.youguan.filing.FilingStatus;
import org.youguan.filing.OutletFilings;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.Wording;
import org.youguan.rules.Citation;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

/**
 * The filing receipt (备案回执, .docx) of a completed filing, from the template {@code filing/receipt} (built in as
 * {@code documents/filing-receipt.docx}, replaceable by the administrator), signed by the bureau that decided it, as kept at
 * the decision ({@code OutletFilings#decidingBureau}) — not whichever bureau handles the outlet's place now.
 */
@Service
public class FilingReceipts implements DeclaresTemplates {

	static final DocumentTemplate TEMPLATE = DocumentTemplate
		.of("filing/receipt", "末端网点备案回执", "documents/filing-receipt.docx")
		.withFields("bureau", "number", "filingNumber", "enterprise", "creditCode", "outlet", "address", "branch", "kind",
				"submittedOn", "completedOn", "date", "changeFilingPeriod", "filingBasis", "conclusion")
		.withList("attachments", "kind", "name");

	private final OutletFilings filings;

	private final DocumentTemplates templates;

	private final StatutoryRules rules;

	FilingReceipts(OutletFilings filings, DocumentTemplates templates, StatutoryRules rules) {
		this.filings = filings;
		this.templates = templates;
		this.rules = rules;
	}

	/** What the receipt says of an outlet run by the enterprise itself, not through a branch. */
	static final String NO_BRANCH = "本企业直接经营";

	/**
	 * The receipt of an approved filing in the caller's scope: the bureau, the numbers, the enterprise, the outlet, its
	 * address and the branch it is run through ({@code branch}; {@value #NO_BRANCH} when none), the dates, the
	 * attachments and the period to file a change in, as the catalogue states it ({@code changeFilingPeriod}: "10日",
	 * {@link StatutoryRule#OUTLET_CHANGE_FILING}), the article filed under ({@code filingBasis}, {@link #filingBasis}) and
	 * what the review concluded ({@code conclusion}, {@link #conclusion}): a filing in time complies with that article, a
	 * late one (逾期备案) is accepted, stated late in the catalogue's words and, for a new outlet, referred — never
	 * said to comply with the article it broke.
	 * @return the filled .docx
	 * @throws DomainException not found outside the scope; illegal transition before the filing is approved
	 */
	public byte[] receipt(DataScope scope, long id) {
		FilingView f = filings.get(scope, id);
		if (f.status() != FilingStatus.APPROVED) {
			throw DomainException.illegalTransition(Wording.of("filing.refusal.receiptAfterApproval", f.status()),
					"备案办结后才能下载回执，当前为“" + f.status().label() + "”");
		}
		List<Map<String, String>> files = filings.attachments(scope, id)
			.stream()
			.map(a -> Map.of("kind", AttachmentKind.valueOf(a.kind()).label(), "name", a.fileName()))
			.toList();
		Map<String, String> fields = Map.ofEntries(Map.entry("bureau", filings.decidingBureau(f)),
				Map.entry("number", f.number()), Map.entry("filingNumber", f.filingNumber()),
				Map.entry("enterprise", f.enterpriseName()), Map.entry("creditCode", f.enterpriseCreditCode()),
				Map.entry("outlet", f.outletName()), Map.entry("address", filings.outletAddress(f.id())),
				// the branch (分支机构) the outlet is run through as filed — a change: as approved
				Map.entry("branch", f.branchName() == null ? NO_BRANCH : f.branchName()),
				Map.entry("kind", f.kind().label()), Map.entry("submittedOn", ChineseText.day(f.submittedOn())),
				Map.entry("completedOn", ChineseText.day(f.completedOn())), Map.entry("date", ChineseText.day(f.completedOn())),
				Map.entry("changeFilingPeriod", rules.stated(StatutoryRule.OUTLET_CHANGE_FILING, f.regionCode())),
				Map.entry("filingBasis", filingBasis(f.completedOn())),
				Map.entry("conclusion", conclusion(f, filings.lateFilingNoteForParty(f))));
		// served on the enterprise: the outlet's address and the files' names are typed text
		return templates.fillForParty(TEMPLATE, fields, Map.of("attachments", files), f.enterpriseCreditCode());
	}

	/** What a late new outlet's receipt adds: the late filing is an enforcement lead (enforcement.LeadIntake). */
	static final String REFERRED = "该逾期备案行为已移送执法处理，予以备案不影响依法处理。";

	/**
	 * What the review of the filing concluded, the sentence after "你单位于…提交的…申请，" on the receipt. In time: "经审核，
	 * 符合《快递暂行条例》第十九条和《快递末端网点备案暂行规定》的要求，予以备案。". Late (逾期备案, {@code lateNote} non-null): the
	 * filing is accepted, not said to comply — "经审核，申请材料齐全，予以备案。本件属逾期备案：" and the enterprise's own note of
	 * why (the period and article from the rule catalogue, {@link OutletFilings#lateFilingNoteForParty}); a new outlet
	 * filed late is an enforcement lead under 快递暂行条例(2025) art.50, which the receipt states ({@link #REFERRED}).
	 * @param f the approved filing
	 * @param lateNote the party's note of the late filing, null when it was filed in time
	 * @return one or more sentences ending in "。"
	 */
	static String conclusion(FilingView f, String lateNote) {
		if (lateNote == null) {
			return "经审核，符合" + filingBasis(f.completedOn()) + "和《快递末端网点备案暂行规定》的要求，予以备案。";
		}
		return "经审核，申请材料齐全，予以备案。本件属逾期备案：" + lateNote + "。" + (f.kind() == FilingKind.NEW ? REFERRED : "");
	}

	/**
	 * The article the filing was made under, as a document served on the enterprise cites it ({@link Citation#formal()})
	 * and as numbered in the version in force on the day the filing was completed ({@link Citation#on}): 《快递暂行条例》
	 * 第十九条 (2025), 第十八条 for a filing completed before 2025-06-01.
	 */
	static String filingBasis(LocalDate completedOn) {
		return Citation.law(StatutoryRule.OUTLET_FILING_AFTER_OPENING.citations()).stream().map(c -> c.on(completedOn).formal())
			.collect(Collectors.joining("、"));
	}

	/** The receipt it fills. */
	@Override
	public List<DocumentTemplate> templates() {
		return List.of(TEMPLATE);
	}

}
