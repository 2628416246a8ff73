package org.youguan.enforcement;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.documents.DocumentTemplates;
import org.youguan.documents.Downloads;
import org.youguan.documents.TemplateFiles;
import org.youguan.enforcement.internal.CaseDocumentKind;
import org.youguan.enforcement.internal.CaseDocuments;
import org.youguan.registry.EnterpriseView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 15: a template the system administrator replaced fills the next document of its kind — a 行政处罚事先告知书
 * issued by the penalty procedure itself, read back from the case's documents with POI: the replacement's own text,
 * every field it declares filled from the case (none left as {@code ${…}}) — and after the return to the built-in
 * template the next notice is the built-in one again, while the notice issued before keeps its text.
 */
@IntegrationTest
class CaseDocumentReplacementIntegrationTest extends ClockedSteps {

	static final String KEY = "enforcement/prior-notice";

	static final String WUZHONG = "Bearer demo-wz-staff-token";

	@Autowired
	NoticeAndHearing noticeAndHearing;

	@Autowired
	CaseDecisions caseDecisions;

	@Autowired
	PenaltyCases cases;

	@Autowired
	CaseDocuments documents;

	@Autowired
	DocumentTemplates templates;

	static final String DECISION = "enforcement/decision";

	@AfterEach
	void backToBuiltIn() {
		for (String key : List.of(KEY, DECISION)) {
			if (templates.entry(key).replaced()) {
				templates.revert(key, "测试结束", "test");
			}
		}
	}

	/**
	 * A bureau's own 决定书 that prints the party's statement by {@code ${statement}} states it as the built-in one does
	 * with {@code ${statementReview}}: with its 复核 — adopted or not, and why (行政处罚法(2021) art.45) — not the
	 * statement as typed alone.
	 */
	@Test
	void aReplacedDecisionPrintingTheStatementStatesItsReviewAsTheBuiltInOneDoes() throws Exception {
		MockHttpSession admin = SignIn.session(mvc, "sys.admin");
		// a paragraph per field, "statement：${statement}" and "statementReview：${statementReview}" among them
		byte[] replacement = TemplateFiles.withEveryField("行政处罚决定书（本局旧式样）", templates.get(DECISION));
		mvc.perform(multipart("/admin/document-templates/" + DECISION)
			.file(new MockMultipartFile("file", "决定书旧式样.docx", Downloads.DOCX.toString(), replacement))
			.session(admin).with(csrf()))
			.andExpect(status().is3xxRedirection());

		LocalDate today = LocalDate.now(clock);
		long id = party.notified(party.other(), "DATA_NOT_REPORTED", "2000", today);
		noticeAndHearing.recordStatement(PartyCases.ALL, id, today.toString(), "当事人称系系统故障导致漏报");
		String review = "系统故障不影响当事人按期报送数据的义务，不予采纳";
		caseDecisions.decide(PartyCases.ALL, id, new CaseDecisions.Decision(null, today.toString(), "FINE", "2000", null, null, null)
			.reviewingStatement(false, review));
		CaseDocuments.IssuedDocument d = documents.current(id, CaseDocumentKind.DECISION).orElseThrow();
		String text = TemplateFiles.text(mvc.perform(get(d.href()).header("Authorization", WUZHONG)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray());
		// a letter to the party names it 你单位, in typed text too
		String stated = "提出陈述、申辩。经复核，本局不予采纳，理由：" + review.replace("当事人", "你单位");
		assertThat(text).contains("本局旧式样");
		String statementLine = text.lines().filter(l -> l.startsWith("statement：")).findFirst().orElseThrow();
		String reviewLine = text.lines().filter(l -> l.startsWith("statementReview：")).findFirst().orElseThrow();
		assertThat(statementLine).contains(stated).doesNotContain("当事人称系系统故障导致漏报");
		assertThat(statementLine.substring("statement：".length()))
			.isEqualTo(reviewLine.substring("statementReview：".length()));
	}

	String notice(long caseId) throws Exception {
		CaseDocuments.IssuedDocument d = documents.current(caseId, CaseDocumentKind.PRIOR_NOTICE).orElseThrow();
		return TemplateFiles.text(mvc.perform(get(d.href()).header("Authorization", WUZHONG)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray());
	}

	@Test
	void theNextNoticeIsFilledFromTheReplacementAndTheBuiltInOneReturnsAfterTheRevert() throws Exception {
		MockHttpSession admin = SignIn.session(mvc, "sys.admin");
		byte[] replacement = TemplateFiles.withEveryField("苏州市邮政管理局行政处罚事先告知书（2026式样）", templates.get(KEY));
		mvc.perform(multipart("/admin/document-templates/" + KEY)
			.file(new MockMultipartFile("file", "事先告知书2026.docx", Downloads.DOCX.toString(), replacement))
			.session(admin).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("missing", List.of()));

		EnterpriseView e = party.other();
		LocalDate today = LocalDate.now(clock);
		long replaced = party.notified(e, "DATA_NOT_REPORTED", "2000", today);
		String text = notice(replaced);
		CaseDocuments.IssuedDocument issued = documents.current(replaced, CaseDocumentKind.PRIOR_NOTICE).orElseThrow();
		assertThat(text).contains("苏州市邮政管理局行政处罚事先告知书（2026式样）")
			.contains("number：" + issued.number())
			.contains("enterprise：" + e.legalName())
			.contains("title：行政处罚事先告知书")
			.doesNotContain("${");

		mvc.perform(post("/admin/document-templates/" + KEY + "/revert").session(admin).with(csrf()))
			.andExpect(status().is3xxRedirection());
		long builtIn = party.notified(e, "DATA_NOT_REPORTED", "2000", today);
		assertThat(notice(builtIn)).contains("陈述和申辩").doesNotContain("2026式样");
		assertThat(notice(replaced)).as("a document issued before keeps the text it was filled with")
			.contains("2026式样");
	}
}
