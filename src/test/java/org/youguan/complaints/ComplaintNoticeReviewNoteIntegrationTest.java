package org.youguan.complaints;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.RandomDigits;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attack: the public 申诉通告 carried the staff's data-quality note "（注：快递业务量数据不完整：2026-11 已审核78/89家，申诉率仅供参考。）".
 * A published notice publishes its rates with a plain caveat and never the review's progress — when published, and
 * when a notice frozen before with the note is read; the staff's pages keep the note. A rate over incomplete
 * 快递业务量 is 不可比, never a number, also in a notice frozen with one.
 */
@IntegrationTest
class ComplaintNoticeReviewNoteIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	static final String STAFF_NOTE = "（注：快递业务量数据不完整：2026-11 已审核78/89家，申诉率仅供参考。）";

	static ComplaintNotices.Content frozenWithTheStaffsNote() {
		var line = new ComplaintFigures.Line("顺丰", 12, 5, new BigDecimal("40"), new BigDecimal("300000"), new BigDecimal("40"),
				new BigDecimal("16.67"), "数据不完整：2026-11 已审核78/89家", null, null, null, null);
		return new ComplaintNotices.Content("吴中区2026年11月邮政业用户申诉情况通告", "2026年11月，处理消费者申诉12件。",
				"按快递业务量计算，申诉率为百万分之40，有效申诉率为百万分之16.67。" + STAFF_NOTE + "各品牌情况如下：", "申诉转办按时率100%。",
				List.of(line), List.of(), List.of(), "吴中区邮政管理局", LocalDate.of(2026, 12, 3));
	}

	@Test
	void aNoticeIsPublishedWithItsRatesAndAPlainCaveatWithoutTheReviewsProgress() {
		ComplaintNotices.Content published = ComplaintNotices.forPublic(frozenWithTheStaffsNote());
		// a rate over incomplete 快递业务量 is no number, also in a notice frozen when it was printed "仅供参考"
		assertThat(published.rates()).doesNotContain("百万分之40").doesNotContain("仅供参考").contains("不可比")
			.contains(ComplaintNotices.PUBLIC_RATE_NOTE).doesNotContain("已审核").doesNotContain("2026-11");
		assertThat(published.brands().get(0).caveat()).isEqualTo("数据不完整");
		assertThat(published.brands().get(0).perMillion()).isNull();
		assertThat(published.brands().get(0).validPerMillion()).isNull();
	}

	@Test
	void aNoticeFrozenWithTheStaffsNoteIsReadWithoutIt() throws Exception {
		String month = "19" + RandomDigits.of(2) + "-0" + (1 + Integer.parseInt(RandomDigits.of(1)) % 9);
		String region = "9" + RandomDigits.of(5);
		long id = jdbc.sql("""
				INSERT INTO complaint_notice (region_code, title, month_from, month_to, content, published_at, published_by)
				VALUES (:r, '吴中区2026年11月邮政业用户申诉情况通告', :m, :m, CAST(:c AS jsonb), now(), 'test') RETURNING id""")
			.param("r", region).param("m", month)
			.param("c", JsonMapper.builder().build().writeValueAsString(frozenWithTheStaffsNote()))
			.query(Long.class).single();
		String page = mvc.perform(get("/public/complaints/notices/{id}", id)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(page).doesNotContain("百万分之40").doesNotContain("仅供参考").contains("不可比").doesNotContain("已审核")
			.doesNotContain("78/89");
		// finding: the public notice's caveat and 不可比 in the reader's language
		Document english = Jsoup.parse(mvc.perform(get("/public/complaints/notices/{id}", id).param("lang", "en"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(english.select("#notice-brands .rate-caveat")).isNotEmpty()
			.allSatisfy(c -> assertThat(c.text()).isEqualTo("Incomplete data"));
		assertThat(english.select("#notice-brands td").eachText()).contains("Not comparable").doesNotContain("40");
	}
}
