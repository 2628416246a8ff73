package org.youguan.enforcement;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.youguan.kernel.PageSteps;
import org.youguan.IntegrationTest;
import org.youguan.JdbcStatements;
import org.youguan.JdbcStatements.Counted;
import org.youguan.SignIn;
import org.youguan.TestImages;
import org.youguan.enforcement.internal.CaseTeam;
import org.youguan.kernel.AccessRefusedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Finding 5 (duties): the 调查终结报告 was refused to staff not on the case's team (行政处罚法(2021) art.42, 55), but any
 * staff member of the handling bureau could enter the case's evidence or the party's 陈述申辩 — steps the case's
 * investigators take as much as the report. Now both are refused (403, on {@code collectors} and {@code statement})
 * with the conclusion's idiom, naming the case's investigators, on the page and the API, nothing recorded; the team's
 * own member still takes them, and the party's own statement on its portal is its own.
 */
@IntegrationTest
class CaseTeamStepsIntegrationTest extends ClockedSteps {

	/** A team without 陈吴中 (wz.staff, the Wuzhong bureau's staff account). */
	static final List<CaseInvestigation.Member> WITHOUT_WZ_STAFF = List.of(new CaseInvestigation.Member("沈执法", "32050602"),
			new CaseInvestigation.Member("何监察", "32050603"));

	@Autowired
	CaseInvestigation caseInvestigation;

	@Autowired
	NoticeAndHearing noticeAndHearing;

	private long evidenceCount(long id) {
		return jdbc.sql("SELECT count(*) FROM penalty_case_evidence WHERE case_id = :id").param("id", id).query(Long.class).single();
	}

	@Test
	void staffNotOnTheCaseTeamEnterNoEvidenceOnTheApiOrThePage() throws Exception {
		LocalDate today = LocalDate.now(clock);
		long id = party.filed(party.other(), "DATA_NOT_REPORTED", today.minusDays(3));
		caseInvestigation.startInvestigation(PartyCases.ALL, id, WITHOUT_WZ_STAFF);
		MockMultipartFile photo = new MockMultipartFile("file", "现场.png", "image/png", TestImages.png(20, 20));
		mvc.perform(multipart("/api/v1/enforcement/cases/" + id + "/evidence").file(photo)
			.header("Authorization", PenaltyCaseIntegrationTest.WUZHONG).param("kind", "PHOTO").param("title", "现场照片")
			.param("collectedOn", today.toString()).param("collectors", "32050602", "32050603"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.errors[0].field").value("collectors"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("陈吴中不是本案的调查人员（沈执法、何监察）")))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("行政处罚法(2021) 第42条")));
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		mvc.perform(multipart("/enforcement/cases/" + id + "/evidence").file(photo).session(staff).with(csrf())
			.param("kind", "PHOTO").param("title", "现场照片").param("collectedOn", today.toString())
			.param("collectors", "32050602", "32050603"))
			.andExpect(redirectedUrl("/enforcement/cases/" + id))
			.andExpect(flash().attribute(PageSteps.REFUSED_STATUS, 403))
			.andExpect(mvcResult -> assertThat(String.valueOf(mvcResult.getFlashMap().get("errors"))).contains("不是本案的调查人员"));
		assertThat(evidenceCount(id)).isZero();

		// on the case's team, the same staff member enters it
		long own = party.filed(party.other(), "DATA_NOT_REPORTED", today.minusDays(3));
		caseInvestigation.startInvestigation(PartyCases.ALL, own, PartyCases.TEAM);
		mvc.perform(multipart("/api/v1/enforcement/cases/" + own + "/evidence").file(photo)
			.header("Authorization", PenaltyCaseIntegrationTest.WUZHONG).param("kind", "PHOTO").param("title", "现场照片")
			.param("collectedOn", today.toString()).param("collectors", "32050601", "32050602"))
			.andExpect(status().is2xxSuccessful());
		assertThat(evidenceCount(own)).isOne();
	}

	@Test
	void staffNotOnTheCaseTeamRecordNoStatement() throws Exception {
		LocalDate today = LocalDate.now(clock);
		long id = party.filed(party.other(), "DATA_NOT_REPORTED", today.minusDays(5));
		caseInvestigation.startInvestigation(PartyCases.ALL, id, WITHOUT_WZ_STAFF);
		PartyCases.evidence(jdbc, id);
		caseInvestigation.concludeInvestigation(PartyCases.ALL, id, new CaseInvestigation.Conclusion("查明违法事实", "FINE",
				"2000", false, null, null, null, today.minusDays(2).toString()));
		noticeAndHearing.notifyParty(PartyCases.ALL, id, today.minusDays(1).toString());
		mvc.perform(post("/api/v1/enforcement/cases/" + id + "/statement").header("Authorization", PenaltyCaseIntegrationTest.WUZHONG)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"on\":\"" + today + "\",\"statement\":\"当事人称已补报\"}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.errors[0].field").value("statement"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("陈吴中不是本案的调查人员")));
		// the page's form goes back to the case's page, the reason in its error box, in 403 (web.ErrorHandling#refused)
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		var refused = mvc.perform(post("/enforcement/cases/" + id + "/statement").session(staff)
			.with(csrf()).param("on", today.toString()).param("statement", "当事人称已补报"))
			.andExpect(redirectedUrl("/enforcement/cases/" + id))
			.andReturn();
		String page = mvc.perform(get("/enforcement/cases/" + id).session(staff).flashAttrs(refused.getFlashMap()))
			.andExpect(status().isForbidden())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("陈述申辩由本案调查人员听取、记录");
		assertThat(jdbc.sql("SELECT statement FROM penalty_case WHERE id = :id").param("id", id).query(String.class).optional()
			.orElse(null)).isNull();
	}

	/**
	 * Attack finding 3: a page form's typed field (收集日期, 陈述申辩日期, 是否情节严重) was converted before the case-team
	 * refusal, so a colleague not on the team was told 400 about 2026-99-99 instead of being refused; now refused first.
	 */
	@Test
	void staffNotOnTheCaseTeamAreRefusedBeforeAnUnreadableFieldIsTold() throws Exception {
		LocalDate today = LocalDate.now(clock);
		long id = party.filed(party.other(), "DATA_NOT_REPORTED", today.minusDays(3));
		caseInvestigation.startInvestigation(PartyCases.ALL, id, WITHOUT_WZ_STAFF);
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		mvc.perform(multipart("/enforcement/cases/" + id + "/evidence").file(new MockMultipartFile("file", "现场.png", "image/png",
				TestImages.png(20, 20))).session(staff).with(csrf())
			.param("kind", "PHOTO").param("title", "现场照片").param("collectedOn", "2026-99-99")
			.param("collectors", "32050602", "32050603"))
			.andExpect(redirectedUrl("/enforcement/cases/" + id))
			.andExpect(flash().attribute(PageSteps.REFUSED_STATUS, 403))
			.andExpect(mvcResult -> assertThat(String.valueOf(mvcResult.getFlashMap().get("errors"))).contains("不是本案的调查人员"));
		// the 陈述申辩 is not yet due on a case under investigation: its state is told first (access → state → team →
		// fields), neither the team nor the date
		mvc.perform(post("/enforcement/cases/" + id + "/statement").session(staff).with(csrf())
			.param("on", "2026-99-99").param("statement", "当事人称已补报"))
			.andExpect(redirectedUrl("/enforcement/cases/" + id))
			.andExpect(flash().attribute(PageSteps.CONFLICT, true))
			.andExpect(flash().attribute(PageSteps.REFUSED_STATUS, 409));
		mvc.perform(post("/enforcement/cases/" + id + "/conclusion").session(staff).with(csrf())
			.param("report", "查明违法事实").param("serious", "abc").param("concludedOn", "2026-99-99"))
			.andExpect(redirectedUrl("/enforcement/cases/" + id))
			.andExpect(flash().attribute(PageSteps.REFUSED_STATUS, 403));
		mvc.perform(post("/api/v1/enforcement/cases/" + id + "/statement").header("Authorization", PenaltyCaseIntegrationTest.WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content("{\"on\":[1],\"statement\":\"当事人称已补报\"}"))
			.andExpect(status().isConflict());
		assertThat(evidenceCount(id)).isZero();
	}

	/**
	 * Attack finding 4: an investigator's row holding another account was matched by display name too, so a colleague
	 * of the same name passed as the investigator; a row with an account is that account's alone.
	 */
	@Test
	void aColleagueSharingAnInvestigatorsNameIsNotTheInvestigator() throws Exception {
		LocalDate today = LocalDate.now(clock);
		long id = party.filed(party.other(), "DATA_NOT_REPORTED", today.minusDays(3));
		caseInvestigation.startInvestigation(PartyCases.ALL, id, PartyCases.TEAM);
		// 陈吴中's row now holds another account of the bureau: the wz.staff account of the same name is not it
		int moved = jdbc.sql("""
				UPDATE penalty_case_investigator SET user_id = (SELECT id FROM user_account WHERE username <> 'wz.staff'
				ORDER BY id LIMIT 1) WHERE case_id = :id AND name = '陈吴中'""").param("id", id).update();
		assertThat(moved).isOne();
		mvc.perform(multipart("/api/v1/enforcement/cases/" + id + "/evidence")
			.file(new MockMultipartFile("file", "现场.png", "image/png", TestImages.png(20, 20)))
			.header("Authorization", PenaltyCaseIntegrationTest.WUZHONG).param("kind", "PHOTO").param("title", "现场照片")
			.param("collectedOn", today.toString()).param("collectors", "32050601", "32050602"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.errors[0].field").value("collectors"));
		assertThat(evidenceCount(id)).isZero();
		// a row without an account is still matched by name
		jdbc.sql("UPDATE penalty_case_investigator SET user_id = NULL WHERE case_id = :id AND name = '陈吴中'").param("id", id).update();
		mvc.perform(multipart("/api/v1/enforcement/cases/" + id + "/evidence")
			.file(new MockMultipartFile("file", "现场.png", "image/png", TestImages.png(20, 20)))
			.header("Authorization", PenaltyCaseIntegrationTest.WUZHONG).param("kind", "PHOTO").param("title", "现场照片")
			.param("collectedOn", today.toString()).param("collectors", "32050601", "32050602"))
			.andExpect(status().is2xxSuccessful());
		assertThat(evidenceCount(id)).isOne();
	}

	@Autowired
	CaseTeam caseTeam;

	/**
	 * Review finding (repeated reads): the team step's guard read the case's team once to see whether it had one, again
	 * to ask whether the caller was on it and a third time to name it in the refusal; the hearing hosts offered read
	 * the team and the report's author once per staff account. One read of the team answers each.
	 */
	@Test
	void theTeamIsReadOnceToAskWhoIsOnItAndToNameIt() throws Exception {
		long id = party.filed(party.other(), "DATA_NOT_REPORTED", LocalDate.now(clock).minusDays(3));
		caseInvestigation.startInvestigation(PartyCases.ALL, id, WITHOUT_WZ_STAFF);
		Counted<Throwable> refused = signedInAs("wz.staff", () -> JdbcStatements.counted(caseTeam, jdbc,
				() -> catchThrowable(() -> caseTeam.requireForAddress(id, "evidence"))));
		assertThat(refused.value()).isInstanceOf(AccessRefusedException.class)
			.hasMessageContaining("陈吴中不是本案的调查人员（沈执法、何监察）");
		assertThat(refused.statements()).isOne();
		Counted<List<NoticeAndHearing.HearingHost>> hosts = JdbcStatements.counted(caseTeam, jdbc,
				() -> noticeAndHearing.hearingHosts(PartyCases.ALL, id));
		assertThat(hosts.value()).hasSizeGreaterThan(1)
			.noneMatch(h -> h.name().equals("沈执法") || h.name().equals("何监察"));
		assertThat(hosts.statements()).as("the team and the report's author, once each").isEqualTo(2);
	}
}
