package org.youguan.enforcement;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.TestImages;
import org.youguan.documents.UploadedFile;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.PageSteps;
import org.youguan.org.Bureaus;
import org.youguan.rules.FineRange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasToString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attack round 69 (enforcement chain): a case team with nobody of the handling bureau locked the case for good (H1) — now
 * refused when formed, and the handling bureau's head replaces a locked team; a pause started and ended the same day
 * counted a day while acts that day stood (M1) — now it counts none; forms the server always refuses were offered (L1);
 * a suspension's start day drew three contradicting errors (L2); a negative fine drew a range error beside its own
 * (L3); a county's staff on the city's record were called a superior (L4); fields and the team were judged before the
 * step's state (L6/L7).
 */
@IntegrationTest
class CaseTeamAndStepOrderIntegrationTest extends ClockedSteps {

	/** The team demo cases 5, 6 and 8 had: 林执法 (no account) and 冯安全 (the city's) — nobody of the Wuzhong bureau. */
	static final String UPPER_ONLY = """
			{"investigators":[{"name":"林执法","certificateNumber":"32050004"},{"name":"冯安全","certificateNumber":"32050002"}]}""";

	@Autowired
	CaseInvestigation caseInvestigation;

	@Autowired
	CaseEvidence evidence;

	@Autowired
	DecisionLimit decisionLimit;

	@Autowired
	PenaltyCases cases;

	@Autowired
	Bureaus bureaus;

	private String caseStatus(long id) {
		return jdbc.sql("SELECT status FROM penalty_case WHERE id = :id").param("id", id).query(String.class).single();
	}

	private MockMultipartFile photo() {
		return new MockMultipartFile("file", "现场.png", "image/png", TestImages.png(20, 20));
	}

	@Test
	void aTeamWithNobodyOfTheHandlingBureauIsRefusedWhenFormed() throws Exception {
		long id = party.filed(party.other(), "DATA_NOT_REPORTED", LocalDate.now(clock).minusDays(3));
		mvc.perform(post("/api/v1/enforcement/cases/" + id + "/investigation").header("Authorization", PenaltyCaseIntegrationTest.WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content(UPPER_ONLY))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("investigators"))
			.andExpect(jsonPath("$.errors[0].rule").value("handling-bureau"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("苏州市吴中区邮政管理局")));
		assertThat(caseStatus(id)).isEqualTo("FILED");
		assertThat(cases.get(PartyCases.ALL, id).investigators()).isEmpty();
		// one of the bureau's staff with an account beside the city's member: formed (art.42 still two certified officers)
		mvc.perform(post("/api/v1/enforcement/cases/" + id + "/investigation").header("Authorization", PenaltyCaseIntegrationTest.WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"investigators":[{"name":"林执法","certificateNumber":"32050004"},{"name":"陈吴中","certificateNumber":"32050601"}]}"""))
			.andExpect(status().isOk());
		assertThat(caseStatus(id)).isEqualTo("INVESTIGATING");
	}

	@Test
	void theHandlingBureausHeadReplacesALockedTeamAndTheCaseGoesOn() throws Exception {
		LocalDate today = LocalDate.now(clock);
		long id = party.filed(party.other(), "DATA_NOT_REPORTED", today.minusDays(3));
		caseInvestigation.startInvestigation(PartyCases.ALL, id, PartyCases.TEAM);
		// the team earlier releases saved: the city's two, nobody of the Wuzhong bureau
		jdbc.sql("DELETE FROM penalty_case_investigator WHERE case_id = :id").param("id", id).update();
		jdbc.sql("""
				INSERT INTO penalty_case_investigator (case_id, position, inspector_id, user_id, name, certificate_number)
				SELECT :id, 1, i.id, i.user_id, i.name, i.certificate_number FROM inspector i WHERE i.certificate_number = '32050004'
				UNION ALL
				SELECT :id, 2, i.id, i.user_id, i.name, i.certificate_number FROM inspector i WHERE i.certificate_number = '32050002'""")
			.param("id", id).update();
		String path = "/api/v1/enforcement/cases/" + id + "/evidence";
		mvc.perform(multipart(path).file(photo()).header("Authorization", PenaltyCaseIntegrationTest.WUZHONG)
			.param("kind", "PHOTO").param("title", "现场照片").param("collectedOn", today.toString())
			.param("collectors", "32050601", "32050602"))
			.andExpect(status().isForbidden());

		// staff may not change the team; the head may not replace it by another locked one; a reason is required
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		mvc.perform(post("/enforcement/cases/" + id + "/team").session(staff).with(csrf())
			.param("name", "陈吴中", "沈执法").param("certificateNumber", "32050601", "32050602").param("reason", "原调查人员不在本局"))
			.andExpect(redirectedUrl("/enforcement/cases/" + id))
			.andExpect(flash().attribute(PageSteps.REFUSED_STATUS, 403));
		mvc.perform(post("/api/v1/enforcement/cases/" + id + "/team").header("Authorization", PenaltyCaseIntegrationTest.HEAD)
			.contentType(MediaType.APPLICATION_JSON).content(UPPER_ONLY.replace("]}", "],\"reason\":\"调整\"}")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].rule").value("handling-bureau"));
		mvc.perform(post("/api/v1/enforcement/cases/" + id + "/team").header("Authorization", PenaltyCaseIntegrationTest.HEAD)
			.contentType(MediaType.APPLICATION_JSON).content(PenaltyCaseIntegrationTest.TEAM))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'reason')].rule").value(org.hamcrest.Matchers.contains("required")));
		assertThat(cases.get(PartyCases.ALL, id).investigators()).extracting(PenaltyCases.Investigator::name)
			.containsExactly("林执法", "冯安全");

		// the head of the handling bureau replaces it on the page: audited, and the bureau's staff take the steps again
		MockHttpSession head = SignIn.session(mvc, "wz.leader");
		mvc.perform(post("/enforcement/cases/" + id + "/team").session(head).with(csrf())
			.param("name", "陈吴中", "沈执法").param("certificateNumber", "32050601", "32050602").param("reason", "原调查人员不在本局，无法办理"))
			.andExpect(status().is3xxRedirection());
		assertThat(cases.get(PartyCases.ALL, id).investigators()).extracting(PenaltyCases.Investigator::name)
			.containsExactly("陈吴中", "沈执法");
		assertThat(jdbc.sql("SELECT summary FROM audit_event WHERE action = 'case.team-change' AND object_id = :id")
			.param("id", String.valueOf(id)).query(String.class).list())
			.singleElement().asString().contains("林执法（32050004）", "陈吴中（32050601）", "原调查人员不在本局");
		mvc.perform(multipart(path).file(photo()).header("Authorization", PenaltyCaseIntegrationTest.WUZHONG)
			.param("kind", "PHOTO").param("title", "现场照片").param("collectedOn", today.toString())
			.param("collectors", "32050601", "32050602"))
			.andExpect(status().is2xxSuccessful());
	}

	@Test
	void theDemoCasesTeamsHoldSomeoneOfTheHandlingBureau() {
		// every demo case under investigation or later has a team its handling bureau's staff can act for (H1's 5, 6, 8)
		List<Long> locked = jdbc.sql("""
				SELECT c.id FROM penalty_case c
				WHERE EXISTS (SELECT 1 FROM penalty_case_investigator i WHERE i.case_id = c.id)
				  AND c.status IN ('INVESTIGATING', 'INVESTIGATED', 'NOTIFIED', 'HEARING')
				ORDER BY c.id""").query(Long.class).list().stream()
			.filter(id -> {
				String region = cases.get(PartyCases.ALL, id).penaltyCase().regionCode();
				return cases.get(PartyCases.ALL, id).investigators().stream()
					.map(PenaltyCases.Investigator::userId)
					.filter(java.util.Objects::nonNull)
					.map(accounts::principal)
					.flatMap(java.util.Optional::stream)
					.noneMatch(u -> bureaus.takesSteps(u, region));
			})
			.toList();
		assertThat(locked).isEmpty();
	}

	@Test
	void aStepTheStateNoLongerAllowsIsToldSoBeforeTheTeamAndTheFields() throws Exception {
		LocalDate today = LocalDate.now(clock);
		long id = party.filed(party.other(), "DATA_NOT_REPORTED", today.minusDays(5));
		caseInvestigation.startInvestigation(PartyCases.ALL, id, CaseTeamStepsIntegrationTest.WITHOUT_WZ_STAFF);
		PartyCases.evidence(jdbc, id);
		caseInvestigation.concludeInvestigation(PartyCases.ALL, id, new CaseInvestigation.Conclusion("查明违法事实", "FINE",
				"2000", false, null, null, null, today.minusDays(2).toString()));
		// concluded: evidence is no longer entered — said as the state's 409, not the team's 403 nor the date's 400
		mvc.perform(multipart("/enforcement/cases/" + id + "/evidence").file(photo()).session(SignIn.session(mvc, "wz.staff"))
			.with(csrf()).param("kind", "PHOTO").param("title", "现场照片").param("collectedOn", "2026-99-99"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/enforcement/cases/" + id))
			.andExpect(flash().attribute(PageSteps.CONFLICT, true))
			.andExpect(flash().attribute(PageSteps.REFUSED_STATUS, 409))
			.andExpect(flash().attribute("errors", hasToString(not(containsString("不是本案的调查人员")))));
		mvc.perform(multipart("/api/v1/enforcement/cases/" + id + "/evidence").file(photo())
			.header("Authorization", PenaltyCaseIntegrationTest.WUZHONG).param("kind", "PHOTO").param("title", "现场照片")
			.param("collectedOn", today.toString()))
			.andExpect(status().isConflict());
	}

	@Test
	void aClosedComplaintsCallBackIsToldItsStateBeforeItsFields() throws Exception {
		Long closed = jdbc.sql("""
				SELECT id FROM complaint WHERE status IN ('CLOSED', 'REJECTED', 'WITHDRAWN') AND region_code LIKE '320506%'
				ORDER BY id LIMIT 1""").query(Long.class).optional().orElse(null);
		assertThat(closed).as("a finished Wuzhong complaint in the demo data").isNotNull();
		// a stale page form: the complaint's page again, the state's refusal in its one box (not the bare error page)
		mvc.perform(post("/complaints/" + closed + "/callback").session(SignIn.session(mvc, "wz.staff")).with(csrf()))
			.andExpect(redirectedUrl("/complaints/" + closed))
			.andExpect(flash().attribute(PageSteps.CONFLICT, true))
			.andExpect(flash().attribute(PageSteps.REFUSED_STATUS, 409));
		mvc.perform(post("/api/v1/complaints/" + closed + "/mediation").header("Authorization", PenaltyCaseIntegrationTest.WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content("{\"mediationResult\":\"NOPE\",\"agreedAmount\":\"x\"}"))
			.andExpect(status().isConflict());
	}

	@Test
	void aPauseEndedTheDayItBeganHoldsBackNoDayAndActsThatDayStand() {
		LocalDate today = LocalDate.now(clock);
		long id = party.filed(party.other(), "DATA_NOT_REPORTED", today.minusDays(3));
		caseInvestigation.startInvestigation(PartyCases.ALL, id, PartyCases.TEAM);
		LocalDate due = cases.get(PartyCases.ALL, id).penaltyCase().decisionDueOn();
		decisionLimit.suspend(PartyCases.ALL, id, "TESTING", today.toString(), "送检");
		decisionLimit.resume(PartyCases.ALL, id, today.toString());
		assertThat(cases.get(PartyCases.ALL, id).penaltyCase().decisionDueOn()).isEqualTo(due);
		evidence.add(PartyCases.ALL, id, new CaseEvidence.EvidenceData("DOCUMENTARY", "检测报告" + UUID.randomUUID(), null, null,
				null, today.toString(), List.of("32050601", "32050602")), new UploadedFile("检测.pdf",
						PenaltyCaseIntegrationTest.WAIVER_PDF));
		assertThat(cases.get(PartyCases.ALL, id).penaltyCase().decisionDueOn()).isEqualTo(due);
	}

	@Test
	void aNegativeFineIsToldOnceAndARangeFromNothingReadsAsItsArticle() {
		LocalDate today = LocalDate.now(clock);
		long id = party.filed(party.other(), "DATA_NOT_REPORTED", today.minusDays(3));
		caseInvestigation.startInvestigation(PartyCases.ALL, id, PartyCases.TEAM);
		PartyCases.evidence(jdbc, id);
		DomainException e = catchThrowableOfType(DomainException.class, () -> caseInvestigation.concludeInvestigation(
				PartyCases.ALL, id, new CaseInvestigation.Conclusion("查明违法事实", "FINE", "-1", false, null, null, null)));
		assertThat(e).isNotNull();
		assertThat(e.fieldErrors().stream().filter(f -> f.field().equals("proposedFine")).map(FieldError::message).toList())
			.singleElement().asString().doesNotContain("法定幅度");
		assertThat(new FineRange(BigDecimal.ZERO, new BigDecimal("10000"), false)).hasToString("不超过10000元");
		assertThat(new FineRange(new BigDecimal("5000"), new BigDecimal("10000"), false)).hasToString("5000–10000元");
	}

	@Test
	void aBureauBelowTheHandlingOneIsNotCalledItsSuperior() throws Exception {
		assertThat(signedInAs("wz.staff", () -> bureaus.refusal("3205", "检查").getMessage()))
			.contains("苏州市邮政管理局", "下级机关不能代为办理")
			.doesNotContain("上级机关");
		assertThat(signedInAs("sz.market", () -> bureaus.refusal("320506", "案").getMessage()))
			.contains("上级机关可以查阅，不能代为办理");
	}

	@Test
	void theCasePageOffersTheTeamsStepsToTheTeamOnlyAndNoNoticeWhilePaused() throws Exception {
		LocalDate today = LocalDate.now(clock);
		long id = party.filed(party.other(), "DATA_NOT_REPORTED", today.minusDays(5));
		caseInvestigation.startInvestigation(PartyCases.ALL, id, CaseTeamStepsIntegrationTest.WITHOUT_WZ_STAFF);
		String notOnTeam = mvc.perform(get("/enforcement/cases/" + id).session(SignIn.session(mvc, "wz.staff")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(notOnTeam).doesNotContain("id=\"conclusion-form\"", "id=\"evidence-form\"");
		String onTeam = mvc.perform(get("/enforcement/cases/" + id).session(SignIn.session(mvc, "wz.law")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(onTeam).contains("id=\"conclusion-form\"", "id=\"evidence-form\"");

		PartyCases.evidence(jdbc, id);
		caseInvestigation.concludeInvestigation(PartyCases.ALL, id, new CaseInvestigation.Conclusion("查明违法事实", "FINE",
				"2000", false, null, null, null, today.minusDays(1).toString()));
		decisionLimit.suspend(PartyCases.ALL, id, "TESTING", today.toString(), "送检");
		String paused = mvc.perform(get("/enforcement/cases/" + id).session(SignIn.session(mvc, "wz.staff")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(paused).doesNotContain("id=\"notice-form\"");
	}
}
