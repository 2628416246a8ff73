package org.youguan.enforcement.internal;

import java.io.FileOutputStream;
import java.io.InputStream;
import java.nio.file.Path;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The templates of the case documents: every kind has a built-in .docx with its title and 文号 fields, and a .docx of
 * the same name in the administrator's template directory replaces the built-in one (the others stay).
 */
class CaseDocumentTemplatesTest {

	static String text(InputStream in) throws Exception {
		try (in; XWPFDocument doc = new XWPFDocument(in); XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
			return text.getText();
		}
	}

	static CaseDocuments documents(String dir) {
		return new CaseDocuments(null, null, null, null, null, null, null, null, null, dir);
	}

	@Test
	void everyKindHasABuiltInTemplateWithItsTitleAndNumber() throws Exception {
		for (CaseDocumentKind kind : CaseDocumentKind.values()) {
			assertThat(text(documents("").template(kind))).as(kind.name()).contains("${title}", "${number}", "${bureau}");
		}
	}

	@Test
	void aTemplateInTheAdministratorsDirectoryReplacesTheBuiltInOne(@TempDir Path dir) throws Exception {
		try (XWPFDocument doc = new XWPFDocument();
				FileOutputStream out = new FileOutputStream(dir.resolve("decision.docx").toFile())) {
			doc.createParagraph().createRun().setText("本局自定义处罚决定书 ${number}");
			doc.write(out);
		}
		CaseDocuments documents = documents(dir.toString());
		assertThat(text(documents.template(CaseDocumentKind.DECISION))).contains("本局自定义处罚决定书");
		assertThat(text(documents.template(CaseDocumentKind.PRIOR_NOTICE))).contains("陈述和申辩");
	}
}
