package org.youguan.enforcement;

import java.time.Clock;
import java.time.LocalDate;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.youguan.enforcement.PartyCases.ALL;

/**
 * After the party waived a right in writing (放弃听证, 放弃陈述申辩, 行政处罚法(2021) art.44–45, 63–64) the case's page and
 * the party's portal say it was waived and on which day, instead of offering it until the window's last day; the right
 * still open keeps its window.
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
		assertThat(staffLine(id)).contains("陈述申辩、申请听证期限至" + due);

		noticeAndHearing.waiveHearing(ALL, id, today.toString(), PartyCases.waiver());
		assertThat(staffLine(id)).isEqualTo("陈述申辩期限至" + due + "（含当日）；已于" + today + "放弃听证");
		assertThat(partyLine(id)).contains("陈述申辩期限至" + due + "（含当日）；已于" + today + "放弃听证")
			.doesNotContain("申请听证期限");

		noticeAndHearing.waiveStatement(ALL, id, today.toString(), PartyCases.waiver());
		assertThat(staffLine(id)).isEqualTo("已于" + today + "放弃陈述申辩，于" + today + "放弃听证");
		assertThat(partyLine(id)).contains("已于" + today + "放弃陈述申辩，于" + today + "放弃听证").doesNotContain("期限至");
	}

	@Test
	void aWaivedStatementLeavesTheHearingWindowAlone() throws Exception {
		LocalDate today = LocalDate.now(clock);
		long id = party.notified(party.sfWuzhong(), "DELIVERY_WITHOUT_CONSENT", "10000", today);
		LocalDate due = party.cases().get(ALL, id).penaltyCase().hearingRequestDue();
		noticeAndHearing.waiveStatement(ALL, id, today.toString(), PartyCases.waiver());
		assertThat(staffLine(id)).isEqualTo("申请听证期限至" + due + "（含当日）；已于" + today + "放弃陈述申辩");
	}
}
