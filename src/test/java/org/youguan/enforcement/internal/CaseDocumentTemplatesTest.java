package org.youguan.enforcement.internal;

import java.io.InputStream;
import java.util.List;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.youguan.documents.DocumentTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The templates of the case documents: every kind is declared as {@code enforcement/<name>} with its title, has a
 * built-in .docx with its title and 文号 fields, and only the records of an evidence item may use the item's fields.
 * (That an administrator's replacement is used is proven on the real application: DocumentTemplatesIntegrationTest.)
 */
class CaseDocumentTemplatesTest {

	static String text(InputStream in) throws Exception {
		try (in; XWPFDocument doc = new XWPFDocument(in); XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
			return text.getText();
		}
	}

	@Test
	void everyKindHasABuiltInTemplateWithItsTitleAndNumber() throws Exception {
		for (CaseDocumentKind kind : CaseDocumentKind.values()) {
			DocumentTemplate t = CaseDocuments.template(kind);
			assertThat(t.key()).isEqualTo("enforcement/" + kind.template());
			assertThat(t.title()).isEqualTo(kind.title());
			assertThat(text(new ClassPathResource(t.builtIn()).getInputStream())).as(kind.name())
				.contains("${title}", "${number}", "${bureau}");
		}
	}

	@Test
	void onlyTheRecordsOfAnEvidenceItemAreFilledWithTheItem() {
		assertThat(CaseDocuments.template(CaseDocumentKind.INQUIRY_RECORD).fields()).contains("evidenceTitle", "evidenceBy");
		assertThat(CaseDocuments.template(CaseDocumentKind.SITE_RECORD).fields()).contains("evidenceContent");
		assertThat(CaseDocuments.template(CaseDocumentKind.DECISION).fields()).doesNotContain("evidenceTitle")
			.contains("decisionNumber", "penalty");
		assertThat(CaseDocuments.template(CaseDocumentKind.DECISION).lists()).containsKey("evidence");
	}

	/**
	 * 行政处罚法(2021) art.64(二)(四): the 听证通知书 and the 听证笔录 state the hearing's time, place and host — a replacement
	 * template must keep them, and the built-in ones have them.
	 */
	@Test
	void theHearingNoticeAndRecordMustStateThePlaceAndTheHost() throws Exception {
		for (CaseDocumentKind kind : List.of(CaseDocumentKind.HEARING_NOTICE, CaseDocumentKind.HEARING_RECORD)) {
			DocumentTemplate t = CaseDocuments.template(kind);
			assertThat(t.requiredPlaceholders()).as(kind.name()).contains("${hearingOn}", "${hearingPlace}", "${hearingHost}");
			assertThat(text(new ClassPathResource(t.builtIn()).getInputStream())).as(kind.name())
				.contains("${hearingPlace}", "${hearingHost}");
		}
	}
}
