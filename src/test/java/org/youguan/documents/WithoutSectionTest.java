package org.youguan.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link WordTemplates#withoutSection}: a section with nothing to show is left out with its table, and the sections
 * after it are numbered on (attack 3: a county's bulletin printed "四、分地区快递业务量" with one row 无下级地区数据).
 */
class WithoutSectionTest {

	@Test
	void theSectionAndItsTableAreLeftOutAndTheSectionsAfterItNumberedOn() throws IOException {
		byte[] docx = document();
		byte[] without = WordTemplates.withoutSection(docx, "分地区快递业务量");
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(without));
				XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
			assertThat(doc.getTables()).isEmpty();
			assertThat(text.getText()).contains("一、总体情况", "二、分品牌情况", "三、下步工作", "注：")
				.doesNotContain("分地区快递业务量").doesNotContain("四、");
		}
	}

	@Test
	void aDocumentWithoutTheSectionIsReturnedAsItIs() throws IOException {
		byte[] docx = document();
		assertThat(WordTemplates.withoutSection(docx, "分年度情况")).isSameAs(docx);
	}

	private static byte[] document() throws IOException {
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			doc.createParagraph().createRun().setText("一、总体情况");
			doc.createParagraph().createRun().setText("二、分地区快递业务量");
			doc.createTable(2, 2).getRow(0).getCell(0).setText("地区");
			doc.createParagraph().createRun().setText("三、分品牌情况");
			doc.createParagraph().createRun().setText("四、下步工作");
			doc.createParagraph().createRun().setText("注：数据为已审核数据。");
			doc.write(out);
			return out.toByteArray();
		}
	}
}
