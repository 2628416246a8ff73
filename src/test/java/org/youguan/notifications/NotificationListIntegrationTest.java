package org.youguan.notifications;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The 通知 page lists what the user may see a page at a time (20), newest first, searched in the titles; another
 * audience's notifications are neither listed nor counted.
 */
@IntegrationTest
class NotificationListIntegrationTest {

	@Autowired
	Notifications notifications;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@AfterEach
	void cleanUp() {
		jdbc.sql("DELETE FROM notification WHERE dedupe_key LIKE 'list-test-%'").update();
	}

	/** The page as the session reads it, with the parameters given as name, value, name, value … */
	String page(MockHttpSession session, String... parameters) throws Exception {
		var request = get("/notifications").session(session);
		for (int i = 0; i < parameters.length; i += 2) {
			request.param(parameters[i], parameters[i + 1]);
		}
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	@Test
	void theListPagesNewestFirstAndFindsByTitleInTheCallersAudienceOnly() throws Exception {
		String marker = "列表" + UUID.randomUUID().toString().substring(0, 8);
		for (int i = 1; i <= 25; i++) {
			notifications.toRegion("320506", marker + "第" + i + "条", "/", "list-test-" + marker + i);
		}
		MockHttpSession county = SignIn.session(mvc, "wz.staff");
		String first = page(county, "q", marker);
		assertThat(first).contains("共 25 条").contains(marker + "第25条").doesNotContain(marker + "第5条<");
		assertThat(first.indexOf(marker + "第25条")).isLessThan(first.indexOf(marker + "第24条"));
		String second = page(county, "q", marker, "page", "1");
		assertThat(second).contains(marker + "第1条<").contains(marker + "第5条<").doesNotContain(marker + "第6条<");
		// every word of the search: one title
		assertThat(page(county, "q", marker + " 第7条")).contains("共 1 条").contains(marker + "第7条<");
		// oldest first on request
		String oldest = page(county, "q", marker, "sort", "created_at", "dir", "asc");
		assertThat(oldest.indexOf(marker + "第1条<")).isLessThan(oldest.indexOf(marker + "第2条<"));
		// the city reads its counties' notifications; an enterprise does not read a bureau's
		assertThat(page(SignIn.session(mvc, "sz.admin"), "q", marker)).contains("共 25 条");
		assertThat(page(SignIn.session(mvc, "sf.wz"), "q", marker)).contains("共 0 条").doesNotContain(marker + "第");
	}

	/**
	 * Attack round (M2): a title quoting typed text showed the ID and mobile numbers in it to every reader. Whatever a
	 * listener builds, the stored title shows them masked, and a title cut at the column's 300 characters never shows
	 * more of a number than its mask.
	 */
	@Test
	void aTitleIsStoredWithPersonalNumbersMaskedAndCutAfterMasking() {
		String marker = "脱敏" + UUID.randomUUID().toString().substring(0, 8);
		notifications.toRegion("320506", marker + "：用户13912345678、身份证110101199003071234", "/", "list-test-" + marker);
		String cut = "长" + UUID.randomUUID().toString().substring(0, 8);
		notifications.toRegion("320506", cut + "x".repeat(Notifications.SENT_TITLE_LENGTH - cut.length() - 6) + "，13912345678", "/", "list-test-" + cut);
		var recent = notifications.recent(DataScope.region("320506"), null, 50);
		assertThat(recent).filteredOn(n -> n.title().startsWith(marker)).singleElement()
			.satisfies(n -> assertThat(n.title()).contains("139****5678").contains("110101********1234")
				.doesNotContain("13912345678").doesNotContain("110101199003071234"));
		assertThat(recent).filteredOn(n -> n.title().startsWith(cut)).singleElement()
			.satisfies(n -> assertThat(n.title()).hasSize(Notifications.SENT_TITLE_LENGTH).endsWith("139*…").doesNotContain("13912"));
	}

	/**
	 * Finding: a 催报 title over 295 characters lost its end when marked done (【已办结】 before it, cut to the column's
	 * 300). A title is sent bounded to 295 characters — cut with "…" — so the mark never cuts it and reopening gives it
	 * back whole.
	 */
	@Test
	void aTitleMarkedDoneKeepsItsEndAndReopenedIsTheSame() {
		String code = "91320506MA" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		String prefix = "done-test:" + code + ":";
		int room = Notifications.SENT_TITLE_LENGTH;
		assertThat(Notifications.DONE.length() + room).isEqualTo(300);
		String exact = "催" + "报".repeat(room - 2) + "尾";
		String longer = "催" + "报".repeat(400) + "尾";
		notifications.toEnterprise(code, exact, "/", prefix + "1");
		notifications.toEnterprise(code, longer, "/", prefix + "2");
		notifications.markDone(code, prefix);
		var done = notifications.recent(DataScope.enterprise(code), null, 10);
		assertThat(done).extracting(Notification::title)
			.containsExactlyInAnyOrder(Notifications.DONE + exact, Notifications.DONE + "催" + "报".repeat(room - 2) + "…");
		notifications.reopen(code, prefix);
		assertThat(notifications.recent(DataScope.enterprise(code), null, 10)).extracting(Notification::title)
			.containsExactlyInAnyOrder(exact, "催" + "报".repeat(room - 2) + "…");
	}

	/**
	 * Finding: a 催报 title stored at 296–300 characters before sent titles were bounded to 295 (the bound keeps new ones
	 * whole) still lost its end to 【已办结】 when marked done. The column holds the mark beside 300 characters (V330):
	 * marked done it keeps every character, reopened it is the title as stored.
	 */
	@Test
	void aTitleStoredAtThreeHundredCharactersBeforeTheBoundKeepsItsEndWhenMarkedDone() {
		String code = "91320506MA" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		String prefix = "old-title-test:" + code + ":";
		String stored = "催" + "报".repeat(Notifications.TITLE_LENGTH - 2) + "尾";
		// as stored before the 295 bound: straight into the table, 300 characters
		jdbc.sql("""
				INSERT INTO notification (audience_kind, audience, title, link, dedupe_key, created_at)
				VALUES ('ENTERPRISE', :code, :title, '/', :key, now())""")
			.param("code", code)
			.param("title", stored)
			.param("key", prefix + "1")
			.update();
		notifications.markDone(code, prefix);
		assertThat(notifications.recent(DataScope.enterprise(code), null, 10)).extracting(Notification::title)
			.containsExactly(Notifications.DONE + stored);
		notifications.reopen(code, prefix);
		assertThat(notifications.recent(DataScope.enterprise(code), null, 10)).extracting(Notification::title)
			.containsExactly(stored);
	}
}
