package org.youguan.enforcement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.youguan.ExportedRows;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.documents.TemplateFiles;
import org.youguan.enforcement.internal.CaseDocumentKind;
import org.youguan.enforcement.internal.CaseDocuments;
import org.youguan.kernel.ChineseText;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.youguan.enforcement.EnterprisePenaltyIntegrationTest.SF;
import static org.youguan.enforcement.EnterprisePenaltyIntegrationTest.WUZHONG;
import static org.youguan.enforcement.PartyCases.ALL;

/**
 * One rule of service (民事诉讼法(2023) art.95, 行政处罚法(2021) art.61): a decision served by public notice (公告送达) is
 * served on its deemed day, not before — the status shown, the 已送达 filter of every list, API and export, the steps
 * the case page offers, the API's flag beside {@code deliveredOn}, the head-only correction of a served decision and the
 * notices' wording all go by it; and a decision not yet delivered is not the party's to learn of, by status, filter or
 * count.
 */
@IntegrationTest
class DeemedDayServedRuleIntegrationTest {

	@Autowired
	PartyCases party;

	@Autowired
	CaseExecution caseExecution;

	@Autowired
	NoticeAndHearing noticeAndHearing;

	@Autowired
	CaseDecisions caseDecisions;

	@Autowired
	CaseDocuments documents;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	Clock clock;

	/**
	 * Two decisions of {@code decided} served by public notice: one published today (its deemed day ahead), one forty
	 * days ago (deemed served ten days ago).
	 */
	long[] pendingAndPast(java.util.function.Function<LocalDate, Long> decided) {
		LocalDate today = LocalDate.now(clock);
		long pending = decided.apply(today);
		PublicNoticeTakesEffectWhenDeemedServedIntegrationTest.publish(caseExecution, pending, today);
		long past = decided.apply(today.minusDays(45));
		PublicNoticeTakesEffectWhenDeemedServedIntegrationTest.publish(caseExecution, past, today.minusDays(40));
		return new long[] { pending, past };
	}

	long fine(LocalDate on) {
		return party.decided(party.sfWuzhong(), "DATA_NOT_REPORTED", "FINE", "2000", on);
	}

	/**
	 * 已送达 (status=DELIVERED) lists what the list shows as 已送达: a public notice whose deemed day is ahead (shown
	 * 公告送达中) is not in it — on the staff's page, API and export and the portal's page, API and export — one whose
	 * deemed day has passed is; the APIs flag the deemed day still ahead beside {@code deliveredOn}.
	 */
	@Test
	void theDeliveredFilterListsOnlyDecisionsServedAndTheApisFlagADeemedDayAhead() throws Exception {
		long[] cases = pendingAndPast(this::fine);
		long pending = cases[0];
		long past = cases[1];
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		for (long id : List.of(pending, past)) {
			String number = number(id);
			boolean listed = id == past;
			assertThat(page(get("/enforcement/cases").param("status", "DELIVERED").param("q", number).session(staff)))
				.as("the staff's list filtered 已送达").matches(html -> html.contains("class=\"case-status\"") == listed);
			assertThat(page(get("/enterprise/penalties").param("status", "DELIVERED").param("q", number).session(sf)))
				.as("the portal's list filtered 已送达").matches(html -> html.contains("class=\"party-case-status\"") == listed);
			mvc.perform(get("/api/v1/enforcement/cases").param("status", "DELIVERED").param("q", number)
				.header("Authorization", WUZHONG)).andExpect(jsonPath("$.total").value(listed ? 1 : 0));
			mvc.perform(get("/api/v1/enterprise/penalties").param("status", "DELIVERED").param("q", number)
				.header("Authorization", SF)).andExpect(jsonPath("$.total").value(listed ? 1 : 0));
			assertThat(ExportedRows.of(mvc, staff, "/enforcement/cases/export.xlsx", "status", "DELIVERED", "q", number))
				.as("the staff's export").hasSize(listed ? 2 : 1);
			assertThat(ExportedRows.of(mvc, sf, "/enterprise/penalties/export.xlsx", "status", "DELIVERED", "q", number))
				.as("the portal's export").hasSize(listed ? 2 : 1);

			mvc.perform(get("/api/v1/enforcement/cases").param("q", number).param("open", "false")
				.header("Authorization", WUZHONG)).andExpect(jsonPath("$.items[0].deemedServicePending").value(!listed));
			mvc.perform(get("/api/v1/enforcement/cases/" + id).header("Authorization", WUZHONG))
				.andExpect(jsonPath("$.deemedServicePending").value(!listed));
			mvc.perform(get("/api/v1/enterprise/penalties").param("q", number).header("Authorization", SF))
				.andExpect(jsonPath("$.items[0].deemedServicePending").value(!listed));
			mvc.perform(get("/api/v1/enterprise/penalties/" + id).header("Authorization", SF))
				.andExpect(jsonPath("$.deemedServicePending").value(!listed));
		}
	}

	/**
	 * The case page offers no 结案 before the deemed day (it would be refused 422, the decision not in effect): it says
	 * why, naming both days; once the deemed day has passed the form is offered.
	 */
	@Test
	void theCasePageOffersNoClosureBeforeTheDeemedDayAndSaysWhy() throws Exception {
		LocalDate today = LocalDate.now(clock);
		long[] cases = pendingAndPast(this::warning);
		long pending = cases[0];
		long past = cases[1];
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		LocalDate deemed = calendar.plusCalendarDays(today, 30);
		assertThat(page(get("/enforcement/cases/" + pending).session(staff)))
			.doesNotContain("id=\"closure-form\"").contains("id=\"closure-waits\"")
			.contains("视为送达日为" + ChineseText.day(deemed));
		assertThat(page(get("/enforcement/cases/" + past).session(staff)))
			.contains("id=\"closure-form\"").doesNotContain("id=\"closure-waits\"");
	}

	/**
	 * A decision is corrected by the handling bureau's head once served on the party — for a public notice from its
	 * deemed day, the day the party reads it —; before that the case's handler reissues it.
	 */
	@Test
	void aDecisionServedByPublicNoticeIsTheHeadsToCorrectOnlyFromItsDeemedDay() throws Exception {
		long[] cases = pendingAndPast(this::fine);
		long pending = cases[0];
		long past = cases[1];
		reissue(pending).andExpect(status().isOk());
		reissue(past).andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[0].rule").value("not-handling-bureau-head"));
	}

	/**
	 * The 事先告知书 served by public notice says from which day its window runs: "收到本告知书之日" is the deemed day,
	 * named beside the window's last day.
	 */
	@Test
	void aNoticeServedByPublicNoticeNamesTheDeemedDayItsWindowRunsFrom() throws Exception {
		LocalDate today = LocalDate.now(clock);
		long id = party.concluded(party.sfWuzhong(), "DATA_NOT_REPORTED", "3000", today.minusDays(5));
		noticeAndHearing.notifyParty(ALL, id, today.toString(), new CaseExecution.Delivery(today.toString(), "PUBLIC_NOTICE",
				null, "当事人下落不明，在苏州日报第3版公告"));
		LocalDate deemed = calendar.plusCalendarDays(today, 30);
		assertThat(notice(id)).contains("收到本告知书之日起")
			.contains("本告知书于" + ChineseText.day(today) + "公告送达，视为于" + ChineseText.day(deemed));

		long handed = party.notified(party.sfWuzhong(), "DATA_NOT_REPORTED", "3000", today);
		assertThat(notice(handed)).contains("收到本告知书之日起").doesNotContain("公告送达");
	}

	/**
	 * A decision made and not yet delivered is the bureau's: the party's status, its 已决定 filter and the count of its
	 * 已告知 filter stay as they were before the decision, in the list, the API and the export.
	 */
	@Test
	void thePartyLearnsOfADecisionNeitherByStatusNorFilterNorCountBeforeItIsDelivered() throws Exception {
		LocalDate today = LocalDate.now(clock);
		long id = party.notified(party.sfWuzhong(), "DATA_NOT_REPORTED", "3000", today);
		noticeAndHearing.waiveStatement(ALL, id, today.toString(), PartyCases.waiver());
		String number = number(id);
		caseDecisions.decide(ALL, id, new CaseDecisions.Decision(null, today.toString(), "FINE", "3000", null, null, null));
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		mvc.perform(get("/api/v1/enterprise/penalties/" + id).header("Authorization", SF))
			.andExpect(jsonPath("$.status").value("NOTIFIED")).andExpect(jsonPath("$.shownStatus").value("已告知"));
		mvc.perform(get("/api/v1/enterprise/penalties").param("status", "DECIDED").param("q", number)
			.header("Authorization", SF)).andExpect(jsonPath("$.total").value(0));
		mvc.perform(get("/api/v1/enterprise/penalties").param("status", "NOTIFIED").param("q", number)
			.header("Authorization", SF)).andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].status").value("NOTIFIED"))
			.andExpect(jsonPath("$.items[0].shownStatus").value("已告知"));
		assertThat(page(get("/enterprise/penalties").param("status", "DECIDED").param("q", number).session(sf)))
			.doesNotContain("class=\"party-case-status\"");
		assertThat(page(get("/enterprise/penalties/" + id).session(sf))).doesNotContain("已决定");
		assertThat(ExportedRows.of(mvc, sf, "/enterprise/penalties/export.xlsx", "q", number).get(1))
			.contains("已告知").doesNotContain("已决定");

		caseExecution.deliver(ALL, id, CaseExecution.Delivery.direct(today.toString()));
		mvc.perform(get("/api/v1/enterprise/penalties/" + id).header("Authorization", SF))
			.andExpect(jsonPath("$.status").value("DELIVERED")).andExpect(jsonPath("$.shownStatus").value("已送达"));
	}

	/** A case decided on {@code on} with a warning only (nothing to pay nor hand over). */
	long warning(LocalDate on) {
		long id = party.decided(party.sfWuzhong(), "DATA_NOT_REPORTED", "FINE", "2000", on);
		jdbc.sql("UPDATE penalty_case SET penalty = 'WARNING', fine = NULL WHERE id = :id").param("id", id).update();
		return id;
	}

	/**
	 * A 行政处罚决定书 served by public notice says what "收到本决定书之日" is for it — the deemed day, the day its
	 * 送达回证 states, with the article and the days from the rule catalogue —: filled when decided, before its service,
	 * it is filled again (version 2) by the service itself, no reissue asked; one served otherwise says nothing of it.
	 */
	@Test
	void aDecisionServedByPublicNoticeSaysItsPeriodsRunFromTheDeemedDay() throws Exception {
		LocalDate today = LocalDate.now(clock);
		long pending = fine(today);
		assertThat(decision(pending)).contains("自收到本决定书之日起").doesNotContain("公告送达");
		PublicNoticeTakesEffectWhenDeemedServedIntegrationTest.publish(caseExecution, pending, today);
		LocalDate deemed = calendar.plusCalendarDays(today, 30);
		String servedByNotice = "本决定书于" + ChineseText.day(today)
				+ "公告送达，自发出公告之日起经过三十日即视为送达（《中华人民共和国民事诉讼法》第九十五条），上述期限自视为收到之日（"
				+ calendar.documentDay(deemed) + "）起计算。";
		assertThat(documents.current(pending, CaseDocumentKind.DECISION).orElseThrow().version()).isEqualTo(2);
		assertThat(decision(pending)).contains("自收到本决定书之日起", servedByNotice);
		// a later reissue keeps it
		reissue(pending).andExpect(status().isOk());
		assertThat(decision(pending)).contains(servedByNotice);
		long direct = fine(today);
		caseExecution.deliver(ALL, direct, CaseExecution.Delivery.direct(today.toString()));
		reissue(direct).andExpect(status().isUnprocessableEntity());
		assertThat(decision(direct)).contains("自收到本决定书之日起").doesNotContain("公告送达");
	}

	String decision(long id) throws Exception {
		CaseDocuments.IssuedDocument d = documents.current(id, CaseDocumentKind.DECISION).orElseThrow();
		return TemplateFiles.text(mvc.perform(get(d.href()).header("Authorization", WUZHONG)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray());
	}

	org.springframework.test.web.servlet.ResultActions reissue(long id) throws Exception {
		long document = jdbc.sql("""
				SELECT id FROM penalty_case_document WHERE case_id = :id AND kind = 'DECISION' AND superseded_by IS NULL""")
			.param("id", id).query(Long.class).single();
		return mvc.perform(post("/api/v1/enforcement/cases/" + id + "/documents/" + document + "/reissue")
			.header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"当事人名称更正\"}"));
	}

	String notice(long id) throws Exception {
		CaseDocuments.IssuedDocument d = documents.current(id, CaseDocumentKind.PRIOR_NOTICE).orElseThrow();
		return TemplateFiles.text(mvc.perform(get(d.href()).header("Authorization", WUZHONG)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray());
	}

	String number(long id) {
		return jdbc.sql("SELECT number FROM penalty_case WHERE id = :id").param("id", id).query(String.class).single();
	}

	String page(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}
}
