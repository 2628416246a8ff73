package org.youguan.documents;

import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every built-in document template (src/main/resources/documents/**.docx), read back with POI, cites law as a document
 * served on a party does — the formal title in 书名号 and the article in Chinese numerals, with no version: not
 * "（行政处罚法第七十二条）" (the 延期（分期）缴纳罚款批准书 did) nor "《快递暂行条例》（2025年修订）第十九条" (the 末端网点备案回执
 * did), nor the staff's short form "快递暂行条例(2025) 第19条".
 */
class BuiltInTemplatesCiteFormallyTest {

	/** A text's short title followed by an article, not closed by 》: a citation without the formal title. */
	private static final Pattern SHORT_TITLE = Pattern.compile("(?<![《\\p{IsHan}])(邮政法|行政处罚法|行政许可法|行政复议法|行政诉讼法|"
			+ "反恐怖主义法|快递暂行条例|快递市场管理办法)(第|\\()");

	private static final Pattern VERSIONED = Pattern.compile("》（\\d{4}年修[订正]）|\\(\\d{4}\\) 第\\d+条");

	@Test
	void noTemplateCitesLawInAShortOrVersionedForm() throws IOException {
		Resource[] templates = new PathMatchingResourcePatternResolver().getResources("classpath*:documents/**/*.docx");
		assertThat(templates).hasSizeGreaterThan(20);
		for (Resource r : templates) {
			String text;
			try (InputStream in = r.getInputStream(); XWPFDocument doc = new XWPFDocument(in);
					XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
				text = extractor.getText();
			}
			assertThat(SHORT_TITLE.matcher(text).find()).as(r.getFilename() + ": " + text).isFalse();
			assertThat(VERSIONED.matcher(text).find()).as(r.getFilename() + ": " + text).isFalse();
		}
	}
}
