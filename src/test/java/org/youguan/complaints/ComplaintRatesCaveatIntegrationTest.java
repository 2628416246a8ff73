package org.youguan.complaints;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.platform.ChinaTime;
import org.youguan.statistics.Aggregates;
import org.youguan.statistics.Indicators;
import org.youguan.statistics.ReportForms;
import org.youguan.statistics.Slice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attack finding: 申诉率 per million parcels rests on the statistics module's 快递业务量; while a month of the period is
 * still being reported (below the completeness share) the rate carries the same caveat the aggregate API answers
 * with — on the figures page, the brand .xlsx, the notice .docx and the content a publication freezes — and the
 * notice is dated as an official document writes it (2026年12月3日, not 2026-12-03).
 */
@IntegrationTest
class ComplaintRatesCaveatIntegrationTest {

	private static final String REGION = "320506";

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	ReportForms forms;

	@Autowired
	ComplaintNotices notices;

	@Autowired
	ComplaintFigures figures;

	@Autowired
	Aggregates aggregates;

	@Autowired
	Indicators indicators;

	YearMonth open;

	@BeforeEach
	void theMonthStillBeingReported() {
		clock.set(LocalDateTime.now(ChinaTime.ZONE));
		open = forms.currentPeriod(forms.byCode("monthly")).first();
	}

	@Test
	void ratesOverAMonthStillBeingReportedCarryTheCaveatEverywhere() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "sz.market");
		String from = YearMonth.of(open.getYear(), 1).toString();
		Document page = Jsoup.parse(mvc.perform(get("/complaints/figures").session(staff).param("region", REGION)
			.param("from", from).param("to", open.toString()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(page.getElementById("rate-caveat")).as("the 申诉率 card names the incomplete month").isNotNull();
		assertThat(page.getElementById("rate-caveat").text()).contains("数据不完整：" + open.getYear() + "年" + open.getMonthValue() + "月已审核");
		assertThat(page.getElementById("by-brand").select(".rate-caveat")).as("brand rates carry it too").isNotEmpty();
		// finding (the caveat Chinese-only): an English reader reads it in English, the card's and the brands' alike
		Document english = Jsoup.parse(mvc.perform(get("/complaints/figures").session(staff).param("region", REGION)
			.param("from", from).param("to", open.toString()).param("lang", "en"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(english.getElementById("rate-caveat").text()).contains("Incomplete data: " + open)
			.doesNotContainPattern("\\p{IsHan}");
		assertThat(english.getElementById("by-brand").select(".rate-caveat")).isNotEmpty()
			.allSatisfy(c -> assertThat(c.text()).startsWith("Incomplete data: ").doesNotContainPattern("\\p{IsHan}"));

		byte[] xlsx = mvc.perform(get("/complaints/figures/brand.xlsx").session(staff).param("region", REGION)
			.param("from", from).param("to", open.toString()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Row header = book.getSheetAt(0).getRow(0);
			int last = header.getLastCellNum() - 1;
			assertThat(header.getCell(last).getStringCellValue()).isEqualTo("数据完整性");
			boolean marked = false;
			for (Row row : book.getSheetAt(0)) {
				marked |= row.getRowNum() > 0 && row.getCell(last) != null
						&& row.getCell(last).getStringCellValue().startsWith("数据不完整：");
			}
			assertThat(marked).as("a brand row names the incomplete month").isTrue();
		}

		byte[] docx = mvc.perform(get("/complaints/figures/notice.docx").session(staff).param("region", REGION)
			.param("from", from).param("to", open.toString()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		LocalDate today = LocalDate.now(clock);
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
				XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
			assertThat(text.getText()).contains("快递业务量数据不完整：" + open.getYear() + "年" + open.getMonthValue() + "月已审核").contains("申诉率仅供参考")
				.contains(today.getYear() + "年" + today.getMonthValue() + "月" + today.getDayOfMonth() + "日")
				.doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
		}

		var content = notices.content(DataScope.region(REGION), REGION, "吴中区", "吴中区邮政管理局",
				YearMonth.of(open.getYear(), 1), open);
		assertThat(content.rates()).as("what a publication freezes").contains("数据不完整：" + open.getYear() + "年" + open.getMonthValue() + "月");
		assertThat(content.brands()).anySatisfy(l -> assertThat(l.caveat()).startsWith("数据不完整："));
	}

	/**
	 * A month already closed carries the caveat exactly when the statistics module calls its 快递业务量 incomplete — none
	 * when complete. (Whether the demo's month before is complete depends on the reporters other tests register in the
	 * county, so the test asks the statistics module rather than assuming it.)
	 */
	@Test
	void ratesOverCompleteMonthsCarryNoCaveat() {
		YearMonth before = open.minusMonths(1);
		var totals = figures.totals(DataScope.region(REGION), REGION, before, before);
		assertThat(totals.perMillion()).isNotNull();
		Aggregates.Completion completion = aggregates.completion(indicators.get("express.volume"),
				new Slice(REGION, null, before, before));
		assertThat(totals.volumeIncomplete()).isEqualTo(!completion.complete());
		if (completion.complete()) {
			assertThat(figures.byBrand(DataScope.region(REGION), REGION, before, before))
				.allSatisfy(l -> assertThat(l.incomplete()).isFalse());
		}
		else {
			assertThat(totals.volumeCaveat()).isEqualTo(completion.caveat());
		}
	}
}
