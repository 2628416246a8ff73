package org.youguan.enforcement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.ChineseText;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.youguan.enforcement.PartyCases.ALL;

/**
 * After the party waived a right in writing (放弃听证, 放弃陈述申辩, 行政处罚法(2021) art.44–45, 63–64) the case's page and
 * the party's portal say it was waived and on which day, instead of offering it until the window's last day; the right
 * still open keeps its window; a hearing request withdrawn is said withdrawn (撤回听证申请), not waived.
 */
@IntegrationTest
class WaivedRightsLineIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	PartyCases party;

	@Autowired
	NoticeAndHearing noticeAndHearing;

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	String staffLine(long id) throws Exception {
		Document page = Jsoup.parse(mvc.perform(get("/enforcement/cases/" + id).session(SignIn.session(mvc, "wz.staff")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		return page.getElementById("reply-window").text();
	}

	String partyLine(long id) throws Exception {
		Document page = Jsoup.parse(mvc.perform(get("/enterprise/penalties/" + id).session(SignIn.session(mvc, "sf.wz")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		return page.getElementById("party-reply-due").text();
	}

	@Test
	void aWaivedRightIsSaidWaivedWithItsDayAndTheOpenOneKeepsItsWindow() throws Exception {
		LocalDate today = LocalDate.now(clock);
		long id = party.notified(party.sfWuzhong(), "DELIVERY_WITHOUT_CONSENT", "10000", today);
		LocalDate due = party.cases().get(ALL, id).penaltyCase().hearingRequestDue();
		assertThat(staffLine(id)).contains("陈述申辩、申请听证期限至" + ChineseText.day(due));

		noticeAndHearing.waiveHearing(ALL, id, today.toString(), PartyCases.waiver());
		assertThat(staffLine(id)).isEqualTo("陈述申辩期限至" + ChineseText.day(due) + "（含当日）；已于" + ChineseText.day(today) + "放弃听证");
		assertThat(partyLine(id)).contains("陈述申辩期限至" + ChineseText.day(due) + "（含当日）；已于" + ChineseText.day(today) + "放弃听证")
			.doesNotContain("申请听证期限");

		noticeAndHearing.waiveStatement(ALL, id, today.toString(), PartyCases.waiver());
		assertThat(staffLine(id)).isEqualTo("已于" + ChineseText.day(today) + "放弃陈述申辩，于" + ChineseText.day(today) + "放弃听证");
		assertThat(partyLine(id)).contains("已于" + ChineseText.day(today) + "放弃陈述申辩，于" + ChineseText.day(today) + "放弃听证").doesNotContain("期限至");
	}

	/**
	 * A hearing request withdrawn (撤回听证申请, art.64) is no waiver given instead of a request: the portal's step offers
	 * 撤回听证申请, its audit entry ({@code case.hearing-withdrawal}) and the line on both pages say it was withdrawn, never
	 * 放弃听证; a waiver without a request keeps its own words and action.
	 */
	@Test
	void aWithdrawnHearingRequestIsToldAsAWithdrawalNotAWaiver() throws Exception {
		LocalDate today = LocalDate.now(clock);
		long id = party.notified(party.sfWuzhong(), "DELIVERY_WITHOUT_CONSENT", "10000", today);
		LocalDate due = party.cases().get(ALL, id).penaltyCase().hearingRequestDue();
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		mvc.perform(post("/enterprise/penalties/" + id + "/hearing").session(sf).with(csrf()))
			.andExpect(status().is3xxRedirection());
		Document form = Jsoup.parse(mvc.perform(get("/enterprise/penalties/" + id).session(sf)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString());
		assertThat(form.getElementById("hearing-waiver-form").text()).contains("我确认撤回听证申请").doesNotContain("放弃听证");
		assertThat(form.getElementById("waive-hearing").text()).isEqualTo("撤回听证申请");
		mvc.perform(post("/enterprise/penalties/" + id + "/hearing-waiver").param("confirm", "true").session(sf).with(csrf()))
			.andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "已撤回听证申请"));

		assertThat(audit(id, "case.hearing-withdrawal")).singleElement().asString()
			.contains("当事人在企业端撤回" + ChineseText.day(today) + "提出的听证申请（" + ChineseText.day(today) + "）").doesNotContain("放弃");
		assertThat(audit(id, "case.hearing-waiver")).isEmpty();
		assertThat(staffLine(id)).isEqualTo("陈述申辩期限至" + ChineseText.day(due) + "（含当日）；已于" + ChineseText.day(today) + "撤回听证申请");
		assertThat(partyLine(id)).contains("已于" + ChineseText.day(today) + "撤回听证申请").doesNotContain("放弃听证");
		noticeAndHearing.waiveStatement(ALL, id, today.toString(), PartyCases.waiver());
		assertThat(staffLine(id)).isEqualTo("已于" + ChineseText.day(today) + "放弃陈述申辩，于" + ChineseText.day(today) + "撤回听证申请");

		// staff record a written withdrawal the same way; a waiver with no request stays a waiver
		long staffed = party.notified(party.sfWuzhong(), "DELIVERY_WITHOUT_CONSENT", "10000", today);
		noticeAndHearing.requestHearing(ALL, staffed, today.toString());
		assertThat(noticeAndHearing.waiveHearing(ALL, staffed, today.toString(), PartyCases.waiver())).isTrue();
		assertThat(audit(staffed, "case.hearing-withdrawal")).singleElement().asString()
			.contains("当事人书面撤回" + ChineseText.day(today) + "提出的听证申请").doesNotContain("放弃");
		long waived = party.notified(party.sfWuzhong(), "DELIVERY_WITHOUT_CONSENT", "10000", today);
		assertThat(noticeAndHearing.waiveHearing(ALL, waived, today.toString(), PartyCases.waiver())).isFalse();
		assertThat(audit(waived, "case.hearing-waiver")).singleElement().asString().contains("当事人书面明确放弃听证");
	}

	/** The summaries of case {@code id}'s audit entries of {@code action}. */
	List<String> audit(long id, String action) {
		return jdbc.sql("SELECT summary FROM audit_event WHERE object_type = 'penalty_case' AND object_id = :id AND action = :a")
			.param("id", String.valueOf(id)).param("a", action).query(String.class).list();
	}

	@Test
	void aWaivedStatementLeavesTheHearingWindowAlone() throws Exception {
		LocalDate today = LocalDate.now(clock);
		long id = party.notified(party.sfWuzhong(), "DELIVERY_WITHOUT_CONSENT", "10000", today);
		LocalDate due = party.cases().get(ALL, id).penaltyCase().hearingRequestDue();
		noticeAndHearing.waiveStatement(ALL, id, today.toString(), PartyCases.waiver());
		assertThat(staffLine(id)).isEqualTo("申请听证期限至" + ChineseText.day(due) + "（含当日）；已于" + ChineseText.day(today) + "放弃陈述申辩");
	}
}
