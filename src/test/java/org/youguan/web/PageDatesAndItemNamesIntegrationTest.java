package org.youguan.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Pages write every date as yyyy-MM-dd — also a date a template joins to text (检查日期 with its time, 整改期限 with
 * its working days, a statement's day), which the locale's short style wrote as 2026/11/29 — and an inspection record
 * names its items in Chinese, not by their codes.
 */
@IntegrationTest
class PageDatesAndItemNamesIntegrationTest {

	private static final Pattern SLASH_DATE = Pattern.compile("\\d{4}/\\d{1,2}/\\d{1,2}");

	@Autowired
	MockMvc mvc;

	private String page(String path, MockHttpSession session) throws Exception {
		return mvc.perform(get(path).session(session)).andReturn().getResponse().getContentAsString();
	}

	private String first(String list, String link, MockHttpSession session) throws Exception {
		Matcher m = Pattern.compile(link).matcher(page(list, session));
		assertThat(m.find()).as("a demo row on " + list).isTrue();
		return page(m.group(), session);
	}

	@Test
	void recordOrderAndPenaltyPagesWriteOneDateFormatAndRecordsNameTheirItems() throws Exception {
		MockHttpSession enterprise = SignIn.session(mvc, "sf.wz");
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		String staffRecord = first("/inspections", "/inspections/records/\\d+", staff);
		String ownRecord = first("/enterprise/inspections/records", "/enterprise/inspections/records/\\d+", enterprise);
		String order = first("/enterprise/inspections/orders", "/enterprise/inspections/orders/\\d+", enterprise);
		String penalty = first("/enterprise/penalties", "/enterprise/penalties/\\d+", enterprise);
		for (String html : new String[] { staffRecord, ownRecord, order, penalty }) {
			assertThat(SLASH_DATE.matcher(html).find()).as("a date written 2026/11/29").isFalse();
			// a day standing alone is ISO, a day inside a sentence 2026年3月5日 (the reader's rule): one of the two, never slashes
			assertThat(html).containsPattern("\\d{4}-\\d{2}-\\d{2}|\\d{4}年\\d{1,2}月\\d{1,2}日");
		}
		for (String html : new String[] { staffRecord, ownRecord }) {
			assertThat(html).doesNotContainPattern(">[A-Z][A-Z_]+、?</span>");
		}
	}
}
