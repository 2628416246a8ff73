package org.youguan.enforcement;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.calendar.WorkingCalendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The case-step forms of typed fields (decision, conclusion with its mitigation, hearing, evidence, original document,
 * transfer, suspension, payment arrangement, investigation team, review, notice, statement, payment, extension), the
 * lead's proposal and the party's 陈述申辩 on its portal run through {@code kernel.FormSteps}: a refused form comes
 * back in the refusal's 4xx on its page with every value as typed, its errors listed for that form (the layout marks
 * each named field beside it), and no other form of the page takes the typed values.
 */
@IntegrationTest
class CaseFormsKeepWhatWasTypedIntegrationTest {

	@Autowired
	PastCases pastCases;

	@Autowired
	CaseExecution caseExecution;

	@Autowired
	CaseDecisions caseDecisions;

	@Autowired
	NoticeAndHearing noticeAndHearing;

	@Autowired
	CaseInvestigation caseInvestigation;

	@Autowired
	MockMvc mvc;

	@Autowired
	PartyCases party;

	/** A hearing is noticed for a working day (rule working-day). */
	@Autowired
	WorkingCalendar calendar;

	@Autowired
	Clock clock;

	/**
	 * Posts {@code typed} (the markers that must come back) with {@code other} to {@code path} and checks the answer: a
	 * 4xx page showing {@code form} with each marker in its field and the errors of that form, naming {@code field}.
	 */
	void refusedKeepsWhatWasTyped(MockHttpSession session, String path, String form, Map<String, String> typed,
			Map<String, String> other, boolean withFile, String field) throws Exception {
		AbstractMockHttpServletRequestBuilder<?> request = withFile
				? multipart(path).file(new MockMultipartFile("file", "", "application/octet-stream", new byte[0]))
				: post(path);
		request.session(session).with(csrf());
		typed.forEach(request::param);
		other.forEach(request::param);
		MockHttpServletResponse answer = mvc.perform(request).andReturn().getResponse();
		assertThat(answer.getStatus()).as(path).isBetween(400, 499);
		Document page = Jsoup.parse(answer.getContentAsString(StandardCharsets.UTF_8));
		Element shown = page.getElementById(form);
		assertThat(shown).as(form).isNotNull();
		typed.forEach((name, value) -> assertThat(shown.select("[name=" + name + "]").stream()
			.anyMatch(e -> value.equals(e.tagName().equals("textarea") ? e.wholeText() : e.attr("value"))))
			.as(form + " keeps " + name).isTrue());
		assertThat(page.select("#errors").attr("data-form")).isEqualTo(form);
		assertThat(answer.getContentAsString(StandardCharsets.UTF_8)).contains("data-field=\"" + field + "\"");
		page.select("form").stream().filter(f -> !f.id().equals(form))
			.forEach(f -> typed.values().forEach(v -> assertThat(f.outerHtml()).as(f.id()).doesNotContain(v)));
	}

	@Test
	void aRefusedCaseFormComesBackWithWhatWasTypedAndItsErrors() throws Exception {
		PenaltyCases cases = party.cases();
		LocalDate today = LocalDate.now(clock);
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		String c = "/enforcement/cases/";

		long filed = party.filed(party.sfWuzhong(), "DELIVERY_WITHOUT_CONSENT", today);
		refusedKeepsWhatWasTyped(SignIn.session(mvc, "wz.leader"), c + filed + "/transfer", "transfer-form", Map.of("authority", "回填机关1x"),
				Map.of("bureauId", "", "reason", ""), false, "reason");
		refusedKeepsWhatWasTyped(SignIn.session(mvc, "wz.leader"), c + filed + "/suspension", "suspension-form", Map.of("reason", "回填理由1x"),
				Map.of("kind", "TESTING", "startedOn", ""), false, "startedOn");

		caseInvestigation.startInvestigation(PartyCases.ALL, filed, PartyCases.TEAM);
		refusedKeepsWhatWasTyped(staff, c + filed + "/evidence", "evidence-form",
				Map.of("title", "回填证据1x", "content", "回填内容2x", "place", "回填地点3x"),
				Map.of("kind", "PHOTO", "collectedOn", ""), true, "collectedOn");
		refusedKeepsWhatWasTyped(staff, c + filed + "/conclusion", "conclusion-form",
				Map.of("report", "回填报告1x", "proposedFine", "回填罚款2x", "mitigationReason", "回填减轻理由3x"),
				Map.of("proposedPenalty", "FINE"), false, "proposedFine");

		long notified = party.notified(party.sfWuzhong(), "DATA_NOT_REPORTED", "3000", today);
		refusedKeepsWhatWasTyped(SignIn.session(mvc, "wz.leader"), c + notified + "/decision", "decision-form",
				Map.of("decisionNumber", "回填文号2x", "fine", "回填罚款3x", "discussionConclusion", "回填结论4x"),
				Map.of("penalty", "FINE", "decidedOn", ""), false, "decidedOn");

		long heard = party.notified(party.sfWuzhong(), "DELIVERY_WITHOUT_CONSENT", "10000", today);
		noticeAndHearing.requestHearing(PartyCases.ALL, heard, today.toString());
		refusedKeepsWhatWasTyped(staff, c + heard + "/hearing-notice", "hearing-notice-form", Map.of("place", "回填地点2x"),
				Map.of("noticeOn", "", "hearingOn", ""), false, "noticeOn");
		noticeAndHearing.noticeHearing(PartyCases.ALL, heard, new NoticeAndHearing.HearingNotice(today.toString(),
				calendar.plusWorkingDays(today, 20).toString(), "听证室", party.user("wz.review")));
		refusedKeepsWhatWasTyped(staff, c + heard + "/hearing", "hearing-form", Map.of("record", "回填笔录1x"),
				Map.of("hearingOn", ""), false, "hearingOn");

		noticeAndHearing.waiveStatement(PartyCases.ALL, notified, today.toString(), PartyCases.waiver());
		caseDecisions.decide(PartyCases.ALL, notified, new CaseDecisions.Decision(null, today.toString(), "FINE", "3000", null, null,
				null));
		caseExecution.deliver(PartyCases.ALL, notified, CaseExecution.Delivery.direct(today.toString()));
		refusedKeepsWhatWasTyped(SignIn.session(mvc, "wz.leader"), c + notified + "/payment-arrangement",
				"arrangement-form", Map.of("reason", "回填理由2x"), Map.of("kind", "DEFERRAL", "deferredUntil", ""), false,
				"deferredUntil");

		long imported = pastCases.importCase(PartyCases.ALL, new PastCases.ImportedCase(party.sfWuzhong().creditCode(),
				"DELIVERY_WITHOUT_CONSENT", "INSPECTION", today.minusDays(30).toString(), today.minusDays(20).toString(),
				// letters only: a random UUID's digit runs across its hyphens can read as a mobile number, which a 文号 may not hold
				"测试决定" + UUID.randomUUID().toString().replaceAll("[0-9-]", ""), "FINE", new BigDecimal("3000"), null, null));
		refusedKeepsWhatWasTyped(staff, c + imported + "/documents/originals", "original-document-form",
				Map.of("number", "回填文号1x"), Map.of("kind", "DECISION", "issuedOn", ""), true, "issuedOn");

		// the shared mitigation fields come back chosen as they were
		MockHttpServletResponse mitigated = mvc.perform(post(c + filed + "/conclusion").session(staff).with(csrf())
			.param("report", "回填报告").param("proposedPenalty", "FINE").param("proposedFine", "x").param("mitigation", "LIGHTER")
			.param("mitigationGround", "COERCED")).andReturn().getResponse();
		Element conclusion = Jsoup.parse(mitigated.getContentAsString(StandardCharsets.UTF_8)).getElementById("conclusion-form");
		assertThat(conclusion.select("select[name=mitigation] option[selected]").attr("value")).isEqualTo("LIGHTER");
		assertThat(conclusion.select("select[name=mitigationGround] option[selected]").attr("value")).isEqualTo("COERCED");

		long lead = party.leads().report(PartyCases.ALL, new Leads.ReportData("REPORT", "群众举报", null, "320506",
				"测试线索" + UUID.randomUUID(), today.toString()), false);
		refusedKeepsWhatWasTyped(staff, "/enforcement/leads/" + lead + "/propose", "propose-form",
				Map.of("enterpriseCreditCode", "回填代码1x"), Map.of("violation", "DELIVERY_WITHOUT_CONSENT", "endedOn", ""),
				false, "enterpriseCreditCode");
	}
	/**
	 * A case or lead form whose value cannot even be bound (a date that is none, a host that is no number) comes back
	 * as a refused one does: the page in 400 naming that form, which alone takes back what was typed beside the value.
	 */
	@Test
	void aCaseFormWhoseValueCannotBeBoundComesBackWithWhatWasTyped() throws Exception {
		LocalDate today = LocalDate.now(clock);
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		String c = "/enforcement/cases/";

		long filed = party.filed(party.sfWuzhong(), "DELIVERY_WITHOUT_CONSENT", today);
		refusedKeepsWhatWasTyped(SignIn.session(mvc, "wz.leader"), c + filed + "/suspension", "suspension-form", Map.of("reason", "回填理由9x"),
				Map.of("kind", "TESTING", "startedOn", "abc"), false, "startedOn");

		long heard = party.notified(party.sfWuzhong(), "DELIVERY_WITHOUT_CONSENT", "10000", today);
		noticeAndHearing.requestHearing(PartyCases.ALL, heard, today.toString());
		refusedKeepsWhatWasTyped(staff, c + heard + "/hearing-notice", "hearing-notice-form", Map.of("place", "回填地点9x"),
				Map.of("noticeOn", today.toString(), "hearingOn", today.plusDays(30).toString(), "host", "abc"), false,
				"host");

		long lead = party.leads().report(PartyCases.ALL, new Leads.ReportData("REPORT", "群众举报", null, "320506",
				"测试线索" + UUID.randomUUID(), today.toString()), false);
		refusedKeepsWhatWasTyped(staff, "/enforcement/leads/" + lead + "/propose", "propose-form",
				Map.of("enterpriseCreditCode", "回填代码9x", "harmReason", "回填危害9x"),
				Map.of("violation", "DELIVERY_WITHOUT_CONSENT", "endedOn", "abc"), false, "endedOn");
	}

	/**
	 * The other case-step forms that take typed text — investigation team, legal review, notice, statement, payment and
	 * extension — run through FormSteps too: refused, they come back with what was typed.
	 */
	@Test
	void theOtherTypedStepFormsComeBackWithWhatWasTyped() throws Exception {
		PenaltyCases cases = party.cases();
		LocalDate today = LocalDate.now(clock);
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		String c = "/enforcement/cases/";

		long filed = party.filed(party.sfWuzhong(), "DELIVERY_WITHOUT_CONSENT", today);
		refusedKeepsWhatWasTyped(staff, c + filed + "/investigation", "investigation-form",
				Map.of("name", "回填人员1x", "certificateNumber", "回填证号2x"), Map.of(), false, "investigators");

		long concluded = party.concluded(party.sfWuzhong(), "DATA_NOT_REPORTED", "3000", today.minusDays(2));
		// wz.staff investigated the case: who may review is judged before the fields (the missing conclusion)
		refusedKeepsWhatWasTyped(staff, c + concluded + "/review", "review-form", Map.of("opinion", "回填意见1x"),
				Map.of("agreed", ""), false, "reviewer");
		refusedKeepsWhatWasTyped(staff, c + concluded + "/notice", "notice-form", Map.of("on", today.plusDays(3).toString()),
				Map.of(), false, "on");

		long notified = party.notified(party.sfWuzhong(), "DATA_NOT_REPORTED", "3000", today);
		refusedKeepsWhatWasTyped(staff, c + notified + "/statement", "statement-form", Map.of("statement", "回填陈述1x"),
				Map.of("on", ""), false, "on");
		noticeAndHearing.waiveStatement(PartyCases.ALL, notified, today.toString(), PartyCases.waiver());
		caseDecisions.decide(PartyCases.ALL, notified, new CaseDecisions.Decision(null, today.toString(), "FINE", "3000", null, null,
				null));
		caseExecution.deliver(PartyCases.ALL, notified, CaseExecution.Delivery.direct(today.toString()));
		refusedKeepsWhatWasTyped(staff, c + notified + "/payment", "payment-form", Map.of("amount", "回填金额1x"),
				Map.of("paidOn", ""), false, "paidOn");

		long late = party.filed(party.sfWuzhong(), "DELIVERY_WITHOUT_CONSENT", today.minusDays(120));
		refusedKeepsWhatWasTyped(SignIn.session(mvc, "wz.leader"), c + late + "/extension", "extension-form",
				Map.of("reason", "回填延长理由1x"), Map.of(), false, "decisionDueOn");
	}

	/**
	 * The party's 陈述申辩 on its portal: refused, the page comes back with the text as typed; a line break counts once,
	 * as the form's maxlength counts it, so 2000 characters with CRLF line breaks are accepted.
	 */
	@Test
	void thePartysRefusedStatementKeepsItsTextAndALineBreakCountsOnce() throws Exception {
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		long first = party.notified(party.sfWuzhong(), "DATA_NOT_REPORTED", "3000", LocalDate.now(clock));
		String tooLong = "回填陈述" + "长".repeat(2000);
		MockHttpServletResponse refused = mvc.perform(post("/enterprise/penalties/" + first + "/statement").session(sf)
			.with(csrf()).param("statement", tooLong)).andReturn().getResponse();
		assertThat(refused.getStatus()).isBetween(400, 499);
		assertThat(Jsoup.parse(refused.getContentAsString(StandardCharsets.UTF_8)).select("#statement-form textarea[name=statement]")
			.text()).isEqualTo(tooLong);

		String lines = "述\r\n".repeat(999) + "完毕";
		assertThat(lines.replace("\r\n", "\n")).hasSize(2000);
		mvc.perform(post("/enterprise/penalties/" + first + "/statement").session(sf).with(csrf()).param("statement", lines))
			.andExpect(status().is3xxRedirection());
		assertThat(party.cases().get(PartyCases.ALL, first).penaltyCase().statement()).doesNotContain("\r").hasSize(2000);
	}
}
