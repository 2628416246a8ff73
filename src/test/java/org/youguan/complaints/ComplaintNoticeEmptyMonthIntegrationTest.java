package org.youguan.complaints;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.YearMonth;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.IntegrationTest;
import org.youguan.kernel.DataScope;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Findings: the notice of a month without complaints printed its tables as headers without rows (and rates of —), and
 * its percentages in uneven precision ("50" beside "33.3"). The notice of an empty month says there were none, each
 * table in a row saying so; every percentage is printed with one decimal.
 */
@IntegrationTest
class ComplaintNoticeEmptyMonthIntegrationTest {

	@Autowired
	ComplaintNotices notices;

	@Test
	void theNoticeOfAMonthWithoutComplaintsSaysSoAndPrintsNoEmptyTable() throws Exception {
		YearMonth month = YearMonth.of(2001, 2);
		byte[] docx = notices.write(DataScope.region("320506"), "320506", "吴中区", "吴中区邮政管理局", month, month);
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
				XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
			assertThat(text.getText()).contains("2001年2月，吴中区邮政管理局未收到")
				.contains(ComplaintNotices.NO_COMPLAINTS).contains(ComplaintNotices.NO_LATE_REPLIES)
				.doesNotContain("处理消费者申诉0件").doesNotContain("按时率—").doesNotContain("${");
			assertThat(doc.getTables()).isNotEmpty()
				.allSatisfy(t -> assertThat(t.getRows()).as("a header and a row saying there are none").hasSizeGreaterThan(1));
			for (XWPFTable t : doc.getTables()) {
				assertThat(t.getText()).containsAnyOf(ComplaintNotices.NO_COMPLAINTS, ComplaintNotices.NO_LATE_REPLIES);
			}
		}
	}

	@Test
	void everyPercentageOfTheNoticeHasOneDecimal() {
		assertThat(ComplaintNotices.percentFigure(new BigDecimal("50"))).isEqualTo("50.0");
		assertThat(ComplaintNotices.percentFigure(new BigDecimal("33.3"))).isEqualTo("33.3");
		assertThat(ComplaintNotices.percentFigure(new BigDecimal("100.00"))).isEqualTo("100.0");
		assertThat(ComplaintNotices.percentFigure(new BigDecimal("99.95"))).isEqualTo("99.9");
		assertThat(ComplaintNotices.percentFigure(null)).isEqualTo("—");
	}
}
