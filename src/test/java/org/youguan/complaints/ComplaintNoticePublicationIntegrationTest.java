package org.youguan.complaints;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.org.Bureaus;
import org.youguan.platform.ChinaTime;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A complaint notice publishes the figures of an ended period, once per region and months: a period still running is
 * refused, a second publication of the same period is a 409 naming the first, and a change is an explicit correction
 * that replaces the notice in force, audited.
 */
@IntegrationTest
class ComplaintNoticePublicationIntegrationTest {

	private static final String REGION = "320506";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StatutoryRules rules;

	@Autowired
	Bureaus bureaus;

	/** A past month with no notice of the region in force (the shared database keeps those of earlier runs). */
	static YearMonth freeMonth(JdbcClient jdbc, String region) {
		YearMonth last = YearMonth.now(ChinaTime.ZONE).minusMonths(1);
		while (true) {
			YearMonth month = last.minusMonths(ThreadLocalRandom.current().nextInt(0, 12 * 25));
			boolean taken = jdbc.sql("""
					SELECT EXISTS (SELECT 1 FROM complaint_notice WHERE region_code = :region AND month_from = :m
					AND month_to = :m AND replaced_at IS NULL)""")
				.param("region", region).param("m", month.toString()).query(Boolean.class).single();
			if (!taken) {
				return month;
			}
		}
	}

	/** An ended month of the region with complaints received and no notice in force. */
	private YearMonth busyFreeMonth() {
		return jdbc.sql("""
				SELECT DISTINCT to_char(c.received_on, 'YYYY-MM') FROM complaint c WHERE c.region_code LIKE :region || '%'
				AND c.received_on < date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai')
				AND NOT EXISTS (SELECT 1 FROM complaint_notice n WHERE n.region_code = :region
				AND n.month_from = to_char(c.received_on, 'YYYY-MM') AND n.month_to = n.month_from AND n.replaced_at IS NULL)
				ORDER BY 1 DESC LIMIT 1""")
			.param("region", REGION).query(String.class).optional().map(YearMonth::parse).orElseThrow();
	}

	private MockHttpSession handler() throws Exception {
		return SignIn.session(mvc, "sz.market");
	}

	private String publish(YearMonth month, String correction) throws Exception {
		var request = post("/complaints/figures/publish").session(handler()).with(csrf())
			.param("region", REGION).param("from", month.toString()).param("to", month.toString());
		if (correction != null) {
			request.param("correction", correction);
		}
		return mvc.perform(request).andExpect(redirectedUrlPattern("/public/complaints/notices/*"))
			.andReturn().getResponse().getRedirectedUrl();
	}

	@Test
	void aPeriodNotYetEndedIsRefusedNamingToAndNotFuture() throws Exception {
		YearMonth now = YearMonth.now(ChinaTime.ZONE);
		for (YearMonth to : new YearMonth[] { now, now.plusMonths(1) }) {
			mvc.perform(post("/complaints/figures/publish").session(handler()).with(csrf())
				.param("region", REGION).param("from", now.minusMonths(2).toString()).param("to", to.toString()))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("data-field=\"to\"")))
				.andExpect(content().string(containsString("data-rule=\"not-future\"")))
				.andExpect(content().string(containsString("尚未结束")));
		}
		assertThat(jdbc.sql("SELECT count(*) FROM complaint_notice WHERE month_to >= :now")
			.param("now", now.toString()).query(Long.class).single()).isZero();
	}

	/**
	 * Attack 3's kind: the region a notice is published for is named by a parameter — one outside the caller's scope is
	 * not there (404), one in no region code's form is 400 naming it, both before the period's fields are read (a bad
	 * month was told first).
	 */
	@Test
	void aRegionOutsideTheScopeOrInNoFormIsRefusedBeforeThePeriod() throws Exception {
		MockHttpSession county = SignIn.session(mvc, "xc.staff");
		for (String region : new String[] { "320506", "３２０５０６", "3205" }) {
			mvc.perform(post("/complaints/figures/publish").session(county).with(csrf())
				.param("region", region).param("from", "abc").param("to", "abc"))
				.andExpect(status().isNotFound());
		}
		// no region code in any form names no region to refuse: 400 naming the parameter's format, before the period
		for (String region : new String[] { "+320507", "320507,", "32 0507" }) {
			mvc.perform(post("/complaints/figures/publish").session(county).with(csrf())
				.param("region", region).param("from", "abc").param("to", "abc"))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("行政区划代码")))
				.andExpect(content().string(containsString("格式不正确")));
		}
	}

	@Test
	void theSamePeriodPublishedAgainIsA409NamingTheNoticePublished() throws Exception {
		YearMonth month = freeMonth(jdbc, REGION);
		String first = publish(month, null);
		String id = first.substring(first.lastIndexOf('/') + 1);
		mvc.perform(post("/complaints/figures/publish").session(handler()).with(csrf())
			.param("region", REGION).param("from", month.toString()).param("to", month.toString()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("data-rule=\"already-published\"")))
			.andExpect(content().string(containsString("第" + id + "号")));
		assertThat(jdbc.sql("SELECT count(*) FROM complaint_notice WHERE region_code = :region AND month_from = :m")
			.param("region", REGION).param("m", month.toString()).query(Long.class).single()).isEqualTo(1);
	}

	/**
	 * The notice's on-time rate names the answer limit as the rule catalogue has it (邮政法(2015) art.65, national law):
	 * the law revised, the notice says so.
	 */
	@Test
	void theNoticeNamesTheAnswerLimitOfTheRuleCatalogue() throws Exception {
		long national = bureaus.findByRegion(StatutoryRule.NATIONAL_REGION).or(() -> bureaus.findByRegion("3205")).orElseThrow().id();
		rules.override(StatutoryRule.COMPLAINT_ANSWER_LIMIT, national, StatutoryRule.NATIONAL_REGION, new BigDecimal("29"),
				"测试：假设的新法律");
		try {
			// a month with complaints: the notice of an empty month says there were none and states no rates
			String notice = publish(busyFreeMonth(), null);
			mvc.perform(get(notice)).andExpect(status().isOk())
				.andExpect(content().string(containsString("29日内办结率")))
				.andExpect(content().string(not(containsString("30日内办结率"))));
		}
		finally {
			rules.clearOverride(StatutoryRule.COMPLAINT_ANSWER_LIMIT, StatutoryRule.NATIONAL_REGION);
		}
	}

	/**
	 * A correction's reason is printed in one line of the notice (本通告更正第M号通告（更正原因：…）): a reason with a line
	 * break is refused naming {@code correction}, rule {@code line-break}, and the notice in force stays.
	 */
	@Test
	void aCorrectionReasonOnTwoLinesIsRefused() throws Exception {
		YearMonth month = freeMonth(jdbc, REGION);
		String first = publish(month, null);
		long firstId = Long.parseLong(first.substring(first.lastIndexOf('/') + 1));
		mvc.perform(post("/complaints/figures/publish").session(handler()).with(csrf())
			.param("region", REGION).param("from", month.toString()).param("to", month.toString())
			.param("correction", "补录迟报申诉\n后更正"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("data-field=\"correction\"")))
			.andExpect(content().string(containsString("data-rule=\"line-break\"")));
		assertThat(jdbc.sql("SELECT count(*) FROM complaint_notice WHERE id = :id AND replaced_at IS NULL")
			.param("id", firstId).query(Long.class).single()).as("the notice in force stays").isEqualTo(1);
	}

	@Test
	void aCorrectionReplacesTheNoticeInForceAndIsAudited() throws Exception {
		YearMonth month = freeMonth(jdbc, REGION);
		String first = publish(month, null);
		long firstId = Long.parseLong(first.substring(first.lastIndexOf('/') + 1));
		String second = publish(month, "补录迟报申诉后更正");
		long secondId = Long.parseLong(second.substring(second.lastIndexOf('/') + 1));
		assertThat(secondId).isNotEqualTo(firstId);
		assertThat(jdbc.sql("SELECT replaced_by FROM complaint_notice WHERE id = :id").param("id", firstId)
			.query(Long.class).single()).isEqualTo(secondId);
		assertThat(jdbc.sql("""
				SELECT summary FROM audit_event WHERE action = 'complaint.notice.correct' AND object_id = :id""")
			.param("id", String.valueOf(secondId)).query(String.class).single())
			.contains("替换第" + firstId + "号").contains("补录迟报申诉后更正");
		mvc.perform(get("/public/complaints/notices"))
			.andExpect(content().string(containsString("/public/complaints/notices/" + secondId + "\"")))
			.andExpect(content().string(not(containsString("/public/complaints/notices/" + firstId + "\""))));
		// attack round (L4): the replaced notice says so and where its correction is; the correction says it is one
		mvc.perform(get(first)).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"notice-replaced\"")))
			.andExpect(content().string(containsString("已被更正")))
			.andExpect(content().string(containsString("补录迟报申诉后更正")))
			.andExpect(content().string(containsString("href=\"/public/complaints/notices/" + secondId + "\"")))
			.andExpect(content().string(not(containsString("id=\"notice-correction\""))));
		mvc.perform(get(second)).andExpect(status().isOk())
			// the badge reads 更正, not the staff form's placeholder that shared its message key
			.andExpect(content().string(containsString("id=\"notice-correction\">更正</span>")))
			.andExpect(content().string(not(containsString("本期已发布时填写"))))
			.andExpect(content().string(containsString("更正第" + firstId + "号通告")))
			.andExpect(content().string(containsString("href=\"/public/complaints/notices/" + firstId + "\"")))
			.andExpect(content().string(not(containsString("id=\"notice-replaced\""))));
	}

	@Test
	void moneyIsWrittenWithTwoDecimalsNeverRoundedToTheYuan() {
		// the one money format of the pages and the penalty documents, with 元 (kernel.ChineseText.yuan)
		assertThat(ComplaintNotices.yuan(new java.math.BigDecimal("99999999.99"))).isEqualTo("99999999.99元");
		assertThat(ComplaintNotices.yuan(new java.math.BigDecimal("12345.5"))).isEqualTo("12345.50元");
		assertThat(ComplaintNotices.yuan(new java.math.BigDecimal("30.00"))).isEqualTo("30元");
	}
}
