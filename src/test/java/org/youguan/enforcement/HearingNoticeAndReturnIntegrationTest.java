package org.youguan.enforcement;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.documents.TemplateFiles;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.rules.StatutoryRule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The 听证通知 is its own step before the hearing (行政处罚法(2021) art.64(二): the day, place and host told the party 7
 * working days ahead, art.85), served on the party's portal, and may be given again to reschedule; the hearing is held
 * on or after the day noticed; a notified or heard case goes back to investigation by the handling bureau's head and is
 * notified again; 撤案 and 移送 remain open until the decision.
 */
@IntegrationTest
class HearingNoticeAndReturnIntegrationTest extends ClockedSteps {

	static final String WUZHONG = PenaltyCaseIntegrationTest.WUZHONG;

	static final String HEAD = PenaltyCaseIntegrationTest.HEAD;

	static final String CITY_HEAD = "Bearer demo-sz-leader-token";

	static final String SF = EnterprisePenaltyIntegrationTest.SF;

	static final String PLACE = "吴中区邮政管理局三楼听证室";

	@Autowired
	NoticeAndHearing noticeAndHearing;

	@Autowired
	CaseInvestigation caseInvestigation;

	@Autowired
	WorkingCalendar calendar;

	String path(long id, String step) {
		return "/api/v1/enforcement/cases/" + id + "/" + step;
	}

	String notice(String noticeOn, String hearingOn) {
		return "{\"noticeOn\":\"" + noticeOn + "\",\"hearingOn\":\"" + hearingOn + "\",\"place\":\"" + PLACE + "\",\"host\":"
				+ party.user("wz.review") + "}";
	}

	/**
	 * A case of sf.wz's enterprise proposing ¥10,000 (the hearing right), notified on Monday 2026-06-01, the hearing
	 * requested on 06-02.
	 */
	long requested() {
		today("2026-06-01");
		long id = party.notified(party.sfWuzhong(), "DELIVERY_WITHOUT_CONSENT", "10000", LocalDate.of(2026, 6, 1));
		today("2026-06-02");
		noticeAndHearing.requestHearing(PartyCases.ALL, id, "2026-06-02");
		return id;
	}

	/** As {@link #requested}, the hearing noticed on 06-03 for Friday 06-12. */
	long noticed() throws Exception {
		long id = requested();
		today("2026-06-03");
		call(WUZHONG, path(id, "hearing-notice"), notice("2026-06-03", "2026-06-12")).andExpect(status().isOk());
		return id;
	}

	/** A case returned to investigation, investigated, concluded, reviewed and notified again on {@code day}. */
	void notifiedAgain(long id, String day) throws Exception {
		party.evidence(id);
		caseInvestigation.concludeInvestigation(PartyCases.ALL, id, new CaseInvestigation.Conclusion("补充查明违法事实", "FINE",
				"10000", false, null, null, null, day));
		caseInvestigation.review(PartyCases.ALL, id, PartyCases.REVIEWER, true, "同意");
		call(WUZHONG, path(id, "notice"), "{\"on\":\"" + day + "\"}").andExpect(status().isOk());
	}

	/** The case's documents as listed by the API. */
	List<Map<String, Object>> documents(long id) throws Exception {
		return JsonPath.read(mvc.perform(get(path(id, "documents")).header("Authorization", WUZHONG)).andReturn()
			.getResponse().getContentAsString(), "$");
	}

	List<Map<String, Object>> documents(long id, String kind) throws Exception {
		return documents(id).stream().filter(d -> kind.equals(d.get("kind"))).toList();
	}

	String text(Map<String, Object> document) throws Exception {
		return TemplateFiles.text(mvc.perform(get((String) document.get("href")).header("Authorization", WUZHONG))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
	}

	@Test
	void theNoticeComesSevenWorkingDaysAheadThePartySeesItAndTheHearingHeldLeadsToTheDecision() throws Exception {
		long id = requested();
		today("2026-06-03");
		// Wednesday 06-03 + 7 working days (04, 05, 08, 09, 10, 11, 12) = Friday 06-12: 06-11 is too early
		call(WUZHONG, path(id, "hearing-notice"), notice("2026-06-03", "2026-06-11")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("hearingOn"))
			.andExpect(jsonPath("$.errors[0].rule").value("deadline"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("2026年6月12日")));
		// a notice is not dated in the future, nor before the request
		call(WUZHONG, path(id, "hearing-notice"), notice("2026-06-04", "2026-06-20")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("noticeOn"));
		call(WUZHONG, path(id, "hearing-notice"), notice("2026-06-01", "2026-06-20")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("noticeOn"));
		// the hearing cannot be held before it is noticed
		call(WUZHONG, path(id, "hearing"), "{\"hearingOn\":\"2026-06-03\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", Matchers.hasItems("noticeOn", "place", "host")));

		call(WUZHONG, path(id, "hearing-notice"), notice("2026-06-03", "2026-06-12")).andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.status").value("HEARING"))
			.andExpect(jsonPath("$.penaltyCase.hearingNotifiedOn").value("2026-06-03"))
			.andExpect(jsonPath("$.penaltyCase.hearingScheduledOn").value("2026-06-12"))
			.andExpect(jsonPath("$.penaltyCase.hearingOn").doesNotExist())
			.andExpect(jsonPath("$.penaltyCase.hearingPlace").value(PLACE))
			.andExpect(jsonPath("$.penaltyCase.hearingHost").value("韩法审"));
		assertThat(text(documents(id, "HEARING_NOTICE").get(0))).contains(PLACE, "韩法审",
				ChineseText.day(LocalDate.of(2026, 6, 12))).doesNotContain("${");
		assertThat(documents(id, "HEARING_RECORD")).isEmpty();
		// the decision clock stays stopped between the notice and the hearing (邮政行政执法监督办法 art.17)
		today("2026-06-10");
		assertThat(party.cases().get(PartyCases.ALL, id).deadlines().suspended()).isTrue();

		// the party sees the notice on its portal: the day and the place, and the 听证通知书 served on it
		mvc.perform(get("/api/v1/enterprise/penalties/" + id).header("Authorization", SF)).andExpect(status().isOk())
			.andExpect(jsonPath("$.hearingScheduledOn").value("2026-06-12"))
			.andExpect(jsonPath("$.hearingPlace").value(PLACE))
			.andExpect(jsonPath("$.documents[*].title", Matchers.hasItem("听证通知书")));
		mvc.perform(get("/enterprise/penalties/" + id).session(SignIn.session(mvc, "sf.wz"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"party-hearing-notice\"")))
			.andExpect(content().string(containsString(PLACE)));

		// not before the day noticed; a day, place or host of another notice is a new notice, not part of holding it
		call(WUZHONG, path(id, "hearing"), "{\"hearingOn\":\"2026-06-10\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("hearingOn"));
		today("2026-06-12");
		call(WUZHONG, path(id, "hearing"), "{\"noticeOn\":\"2026-06-03\",\"hearingOn\":\"2026-06-12\",\"place\":\"别处\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("noticeOn"))
			.andExpect(jsonPath("$.errors[0].rule").value("already-notified"));
		call(WUZHONG, path(id, "hearing"), "{\"hearingOn\":\"2026-06-12\",\"record\":\"当事人对违法事实无异议，请求从轻\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.hearingOn").value("2026-06-12"))
			.andExpect(jsonPath("$.suspensions[0].kind").value("HEARING"))
			.andExpect(jsonPath("$.suspensions[0].startedOn").value("2026-06-02"))
			.andExpect(jsonPath("$.suspensions[0].endedOn").value("2026-06-12"));
		assertThat(text(documents(id, "HEARING_RECORD").get(0))).contains(PLACE, "韩法审");
		assertThat(documents(id, "HEARING_NOTICE")).hasSize(1);

		// once held, neither step again (409 naming the field and rule)
		call(WUZHONG, path(id, "hearing-notice"), notice("2026-06-12", "2026-06-30")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("hearingOn"))
			.andExpect(jsonPath("$.errors[0].rule").value("already-held"));
		call(WUZHONG, path(id, "hearing"), "{\"hearingOn\":\"2026-06-12\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].rule").value("already-held"));

		caseInvestigation.review(PartyCases.ALL, id, PartyCases.REVIEWER, true, "同意");
		call(HEAD, path(id, "decision"), "{\"decidedOn\":\"2026-06-12\",\"penalty\":\"FINE\",\"fine\":\"10000\"}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.penaltyCase.status").value("DECIDED"));
		call(WUZHONG, path(id, "hearing-notice"), notice("2026-06-12", "2026-06-30")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("status"));
	}

	@Test
	void theHearingIsHeldWithinTheProductRulesWorkingDaysOfTheNoticeNotDecadesAhead() throws Exception {
		long id = requested();
		today("2026-06-03");
		LocalDate latest = calendar.plusWorkingDays(LocalDate.of(2026, 6, 3), 30);
		for (String far : List.of("2099-06-12", latest.plusDays(1).toString())) {
			call(WUZHONG, path(id, "hearing-notice"), notice("2026-06-03", far)).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("hearingOn"))
				.andExpect(jsonPath("$.errors[0].rule").value("hearing-latest"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("按规则目录“" + StatutoryRule.PENALTY_HEARING_LATEST.title() + "”")))
				.andExpect(jsonPath("$.errors[0].message").value(not(containsString("penalty.hearing-latest"))))
				.andExpect(jsonPath("$.errors[0].message").value(containsString(ChineseText.day(latest))));
		}
		assertThat(party.cases().get(PartyCases.ALL, id).penaltyCase().hearingScheduledOn()).isNull();
		call(WUZHONG, path(id, "hearing-notice"), notice("2026-06-03", latest.toString())).andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.hearingScheduledOn").value(latest.toString()));
		// the bound is the catalogue's, marked as a product rule and not law
		assertThat(StatutoryRule.PENALTY_HEARING_LATEST.basis()).contains("产品规则").doesNotContain("行政处罚法");
		assertThat(StatutoryRule.PENALTY_HEARING_LATEST.confirmed()).isFalse();
	}

	/**
	 * Attack: a hearing was scheduled on a Saturday (200), and a notice given again and again pushed the hearing — and the
	 * paused decision clock — out each time. The day is a working day (rule {@code working-day}), and a new notice moves
	 * it no later than {@code penalty.hearing-latest} working days after the round's first notice.
	 */
	@Test
	void theHearingIsOnAWorkingDayAndANewNoticeCannotMoveItBeyondTheFirstNoticesLatestDay() throws Exception {
		long id = requested();
		today("2026-06-03");
		for (String dayOff : List.of("2026-06-13", "2026-06-14")) {
			call(WUZHONG, path(id, "hearing-notice"), notice("2026-06-03", dayOff)).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors.length()").value(1))
				.andExpect(jsonPath("$.errors[0].field").value("hearingOn"))
				.andExpect(jsonPath("$.errors[0].rule").value("working-day"));
		}
		call(WUZHONG, path(id, "hearing-notice"), notice("2026-06-03", "2026-06-12")).andExpect(status().isOk());

		today("2026-06-05");
		LocalDate latest = calendar.plusWorkingDays(LocalDate.of(2026, 6, 3), 30);
		// within 30 working days of this notice, beyond 30 of the first: refused, naming the first notice
		call(WUZHONG, path(id, "hearing-notice"), notice("2026-06-05", calendar.plusWorkingDays(latest, 1).toString()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("hearingOn"))
			.andExpect(jsonPath("$.errors[0].rule").value("hearing-latest"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("首次听证通知（2026年6月3日）")))
			.andExpect(jsonPath("$.errors[0].message").value(containsString(ChineseText.day(latest))));
		call(WUZHONG, path(id, "hearing-notice"), notice("2026-06-05", latest.toString())).andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.hearingScheduledOn").value(latest.toString()));
		// a third notice does not count afresh either
		today("2026-06-08");
		call(WUZHONG, path(id, "hearing-notice"), notice("2026-06-08", calendar.plusWorkingDays(latest, 1).toString()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].rule").value("hearing-latest"));
	}

	/**
	 * Attack 41: a notice dated in the future was refused, and the answer also carried a hearing-latest (or deadline)
	 * message counted from that refused day. A day refused is its own error: nothing is counted from it, and once a
	 * notice was given the latest day counts from the round's first notice, not from a refused one.
	 */
	@Test
	void aRefusedDayIsItsOwnErrorAndNothingIsCountedFromIt() throws Exception {
		long id = requested();
		today("2026-06-03");
		// a notice day in the future, the hearing beyond 30 working days of it, or fewer than 7 after it
		for (String[] refused : List.of(new String[] { "2026-09-01", "2026-10-30" }, new String[] { "2026-06-20", "2026-06-22" })) {
			call(WUZHONG, path(id, "hearing-notice"), notice(refused[0], refused[1])).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors.length()").value(1))
				.andExpect(jsonPath("$.errors[0].field").value("noticeOn"))
				.andExpect(jsonPath("$.errors[0].rule").value("range"));
		}
		// a hearing day before the request: its range error alone, not also "less than 7 working days after the notice"
		call(WUZHONG, path(id, "hearing-notice"), notice("2026-06-03", "2026-06-01")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].field").value("hearingOn"))
			.andExpect(jsonPath("$.errors[0].rule").value("range"));
		call(WUZHONG, path(id, "hearing-notice"), notice("2026-06-03", "2026-06-12")).andExpect(status().isOk());
		// a new notice dated before the one it replaces: refused alone; the latest day, when named, is the first notice's
		today("2026-06-08");
		LocalDate latest = calendar.plusWorkingDays(LocalDate.of(2026, 6, 3), 30);
		call(WUZHONG, path(id, "hearing-notice"), notice("2026-06-02", calendar.plusWorkingDays(latest, 1).toString()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].field").value("noticeOn"));
		call(WUZHONG, path(id, "hearing-notice"), notice("2026-06-08", calendar.plusWorkingDays(latest, 1).toString()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].rule").value("hearing-latest"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("首次听证通知（2026年6月3日）")))
			.andExpect(jsonPath("$.errors[0].message").value(containsString(ChineseText.day(latest))));
	}

	@Test
	void aNewNoticeReschedulesTheHearingSevenWorkingDaysAheadAndKeepsTheEarlierOne() throws Exception {
		long id = requested();
		today("2026-06-03");
		call(WUZHONG, path(id, "hearing-notice"), notice("2026-06-03", "2026-06-12")).andExpect(status().isOk());
		today("2026-06-05");
		// not dated before the notice it replaces; again 7 working days ahead (Friday 06-05 → Tuesday 06-16)
		call(WUZHONG, path(id, "hearing-notice"), notice("2026-06-02", "2026-06-20")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("noticeOn"));
		call(WUZHONG, path(id, "hearing-notice"), notice("2026-06-05", "2026-06-12")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("hearingOn"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("2026年6月16日")));
		call(WUZHONG, path(id, "hearing-notice"), notice("2026-06-05", "2026-06-16")).andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.hearingNotifiedOn").value("2026-06-05"))
			.andExpect(jsonPath("$.penaltyCase.hearingScheduledOn").value("2026-06-16"));

		List<Map<String, Object>> notices = documents(id, "HEARING_NOTICE");
		assertThat(notices).hasSize(2);
		assertThat(notices.get(0).get("supersededBy")).isEqualTo(notices.get(1).get("id"));
		assertThat(notices.get(1).get("current")).isEqualTo(true);
		assertThat((String) notices.get(1).get("reissueReason")).contains("改期");
		assertThat(notices.get(1).get("number")).isNotEqualTo(notices.get(0).get("number"));
		assertThat(text(notices.get(1))).contains(ChineseText.day(LocalDate.of(2026, 6, 16)));
		assertThat(text(notices.get(0))).contains(ChineseText.day(LocalDate.of(2026, 6, 12)));
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE object_type = 'penalty_case' AND object_id = :id"
				+ " AND action = 'case.hearing-rescheduled'")
			.param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);

		// held on the day of the latest notice, not the earlier one's
		today("2026-06-12");
		call(WUZHONG, path(id, "hearing"), "{\"hearingOn\":\"2026-06-12\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("hearingOn"));
		today("2026-06-16");
		call(WUZHONG, path(id, "hearing"), "{\"hearingOn\":\"2026-06-16\"}").andExpect(status().isOk());
		assertThat(party.cases().get(PartyCases.ALL, id).deadlines().suspended()).isFalse();
	}

	@Test
	void theHeadReturnsANotifiedOrHeardCaseToInvestigationAndItIsNotifiedAgain() throws Exception {
		long id = requested();
		today("2026-06-03");
		call(WUZHONG, path(id, "hearing-notice"), notice("2026-06-03", "2026-06-12")).andExpect(status().isOk());
		today("2026-06-05");
		String returned = "{\"reason\":\"当事人陈述申辩提出新的事实，需补充调查\"}";
		// the handling bureau's own head only (staff: 403; the city's head: 422)
		call(WUZHONG, path(id, "return-to-investigation"), returned).andExpect(status().isForbidden());
		call(CITY_HEAD, path(id, "return-to-investigation"), returned).andExpect(status().is(422))
			.andExpect(jsonPath("$.errors[0].field").value("head"))
			.andExpect(jsonPath("$.errors[0].rule").value("not-handling-bureau-head"));
		call(HEAD, path(id, "return-to-investigation"), "{\"reason\":\" \"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		call(HEAD, path(id, "return-to-investigation"), returned).andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.status").value("INVESTIGATING"))
			.andExpect(jsonPath("$.penaltyCase.notifiedOn").doesNotExist())
			.andExpect(jsonPath("$.penaltyCase.hearingRequestedOn").doesNotExist())
			.andExpect(jsonPath("$.penaltyCase.hearingScheduledOn").doesNotExist())
			// the hearing's period up to the return does not count (监督办法 art.17)
			.andExpect(jsonPath("$.suspensions[0].kind").value("HEARING"))
			.andExpect(jsonPath("$.suspensions[0].startedOn").value("2026-06-02"))
			.andExpect(jsonPath("$.suspensions[0].endedOn").value("2026-06-05"));
		assertThat(party.cases().get(PartyCases.ALL, id).deadlines().suspended()).isFalse();
		// the round as it stood is kept with the return
		assertThat(jdbc.sql("""
				SELECT from_status || ' ' || (earlier ->> 'notified_on') || ' ' || (earlier ->> 'hearing_scheduled_on')
				FROM penalty_case_return WHERE case_id = :id""").param("id", id).query(String.class).single())
			.isEqualTo("HEARING 2026-06-01 2026-06-12");

		// not again, nor the hearing's steps, while investigating (409 naming the state)
		for (String step : List.of("return-to-investigation", "hearing-notice", "hearing")) {
			// each step's own body: a field another step takes is refused as unknown before the state is judged
			String body = step.equals("hearing-notice") ? notice("2026-06-05", "2026-06-20")
					: step.equals("hearing") ? "{\"hearingOn\":\"2026-06-12\"}" : returned;
			call(step.startsWith("return") ? HEAD : WUZHONG, path(id, step), body).andExpect(status().isConflict())
				.andExpect(jsonPath("$.errors[0].field").value("status"));
		}

		// what was served stays the party's: the case and its served 事先告知书 remain on the portal while investigated
		mvc.perform(get("/api/v1/enterprise/penalties/" + id).header("Authorization", SF)).andExpect(status().isOk())
			.andExpect(jsonPath("$.documents[?(@.title == '行政处罚事先告知书')]").isNotEmpty());

		// the returned round's documents are not filled again from a case that no longer holds that round
		call(HEAD, path(id, "documents/" + documents(id, "PRIOR_NOTICE").get(0).get("id") + "/reissue"),
				"{\"reason\":\"更正\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("documentId"))
			.andExpect(jsonPath("$.errors[0].rule").value("earlier-round"));

		// investigated again, concluded, reviewed and notified again: the new notice keeps the earlier one
		party.evidence(id);
		// the new 调查终结 is not dated before the return
		assertThatThrownBy(() -> caseInvestigation.concludeInvestigation(PartyCases.ALL, id, new CaseInvestigation.Conclusion(
				"补充查明违法事实", "FINE", "10000", false, null, null, null, "2026-06-04")))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(FieldError::field).containsExactly("concludedOn"));
		caseInvestigation.concludeInvestigation(PartyCases.ALL, id, new CaseInvestigation.Conclusion("补充查明违法事实", "FINE",
				"10000", false, null, null, null, "2026-06-05"));
		caseInvestigation.review(PartyCases.ALL, id, PartyCases.REVIEWER, true, "同意");
		call(WUZHONG, path(id, "notice"), "{\"on\":\"2026-06-04\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("on"));
		call(WUZHONG, path(id, "notice"), "{\"on\":\"2026-06-05\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.status").value("NOTIFIED"))
			.andExpect(jsonPath("$.penaltyCase.notifiedOn").value("2026-06-05"))
			.andExpect(jsonPath("$.penaltyCase.investigationReport").value("补充查明违法事实"));
		for (String kind : List.of("PRIOR_NOTICE", "HEARING_RIGHT_NOTICE", "INVESTIGATION_REPORT")) {
			List<Map<String, Object>> issued = documents(id, kind);
			assertThat(issued).as(kind).hasSize(2);
			assertThat(issued.get(0).get("supersededBy")).as(kind).isEqualTo(issued.get(1).get("id"));
			assertThat(issued.get(1).get("current")).as(kind).isEqualTo(true);
		}
		assertThat(text(documents(id, "INVESTIGATION_REPORT").get(1))).contains("补充查明违法事实");
		// the party may request a hearing again within the new window
		today("2026-06-08");
		noticeAndHearing.requestHearing(PartyCases.ALL, id, "2026-06-08");
		assertThat(party.cases().get(PartyCases.ALL, id).penaltyCase().status()).isEqualTo(CaseStatus.HEARING);
	}

	@Test
	void theReturnedRoundsDocumentsAreNoLongerInForceAndTheNewRoundKeepsThemAsPredecessors() throws Exception {
		long id = noticed();
		today("2026-06-05");
		call(HEAD, path(id, "return-to-investigation"), "{\"reason\":\"陈述申辩提出新的事实\"}").andExpect(status().isOk());

		// every document of the round — conclusion, review, notices — stays listed, no longer current, naming the return
		List<String> round = List.of("INVESTIGATION_REPORT", "REVIEW_OPINION", "PRIOR_NOTICE", "HEARING_RIGHT_NOTICE",
				"HEARING_NOTICE");
		for (String kind : round) {
			Map<String, Object> d = documents(id, kind).get(0);
			assertThat(d.get("current")).as(kind).isEqualTo(false);
			assertThat(d.get("earlierRound")).as(kind).isEqualTo(true);
			assertThat(d.get("returnedOn")).as(kind).isEqualTo("2026-06-05");
			assertThat(d.get("supersededBy")).as(kind).isNull();
			call(HEAD, path(id, "documents/" + d.get("id") + "/reissue"), "{\"reason\":\"更正\"}").andExpect(status().isConflict())
				.andExpect(jsonPath("$.errors[0].field").value("documentId"))
				.andExpect(jsonPath("$.errors[0].rule").value("earlier-round"));
		}
		// the filing approval is of no round
		assertThat(documents(id, "FILING_APPROVAL").get(0).get("current")).isEqualTo(true);
		// the case page says so and offers no reissue of them; the party reads its notices as of the returned round
		mvc.perform(get("/enforcement/cases/" + id).session(SignIn.session(mvc, "wz.leader"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("2026年6月5日退回调查前的一轮，已失效")))
			.andExpect(content().string(not(containsString("/documents/" + documents(id, "PRIOR_NOTICE").get(0).get("id")
					+ "/reissue"))));
		List<Map<String, Object>> portal = JsonPath.read(mvc.perform(get("/api/v1/enterprise/penalties/" + id)
			.header("Authorization", SF)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$.documents");
		assertThat(portal).filteredOn(d -> List.of("行政处罚事先告知书", "听证通知书").contains(d.get("title")))
			.hasSize(2)
			.allSatisfy(d -> assertThat(d).containsEntry("current", false).containsEntry("returnedOn", "2026-06-05"));

		// the new round: its own conclusion, review and notice, each keeping the returned one as predecessor; the hearing
		// notice the new round has not (yet) replaced stays of the returned round
		notifiedAgain(id, "2026-06-05");
		for (String kind : List.of("INVESTIGATION_REPORT", "PRIOR_NOTICE", "HEARING_RIGHT_NOTICE")) {
			List<Map<String, Object>> issued = documents(id, kind);
			assertThat(issued).as(kind).hasSize(2);
			assertThat(issued.get(0).get("supersededBy")).as(kind).isEqualTo(issued.get(1).get("id"));
			assertThat(issued.get(0).get("earlierRound")).as(kind).isEqualTo(true);
			assertThat(issued.get(1).get("current")).as(kind).isEqualTo(true);
			assertThat(issued.get(1).get("earlierRound")).as(kind).isEqualTo(false);
			// the new round's document is the next version of the one it supersedes, not a second version 1 (attack
			// round 20), with a 文号 of its own
			assertThat(issued).extracting(d -> d.get("version")).as(kind).containsExactly(1, 2);
			assertThat(issued.get(1).get("number")).as(kind).isNotEqualTo(issued.get(0).get("number"));
		}
		List<Map<String, Object>> reviews = documents(id, "REVIEW_OPINION");
		assertThat(reviews).extracting(d -> d.get("current")).containsExactly(false, true);
		assertThat(documents(id, "HEARING_NOTICE")).extracting(d -> d.get("current")).containsExactly(false);
	}

	@Test
	void aSecondHearingAfterTheReturnKeepsTheFirstRecordAsItsPredecessor() throws Exception {
		long id = noticed();
		today("2026-06-12");
		call(WUZHONG, path(id, "hearing"), "{\"hearingOn\":\"2026-06-12\"}").andExpect(status().isOk());
		call(HEAD, path(id, "return-to-investigation"), "{\"reason\":\"听证中提出新的证据\"}").andExpect(status().isOk());
		notifiedAgain(id, "2026-06-12");
		noticeAndHearing.requestHearing(PartyCases.ALL, id, "2026-06-12");
		LocalDate second = calendar.plusWorkingDays(LocalDate.of(2026, 6, 12), 7);
		call(WUZHONG, path(id, "hearing-notice"), notice("2026-06-12", second.toString())).andExpect(status().isOk());
		today(second.toString());
		call(WUZHONG, path(id, "hearing"), "{\"hearingOn\":\"" + second + "\"}").andExpect(status().isOk());

		List<Map<String, Object>> records = documents(id, "HEARING_RECORD");
		assertThat(records).hasSize(2);
		assertThat(records.get(0).get("supersededBy")).isEqualTo(records.get(1).get("id"));
		assertThat(records.get(0).get("earlierRound")).isEqualTo(true);
		assertThat(records).extracting(d -> d.get("current")).containsExactly(false, true);
		// the hearing notice too: the new round's keeps the returned one as its predecessor
		List<Map<String, Object>> notices = documents(id, "HEARING_NOTICE");
		assertThat(notices.get(0).get("supersededBy")).isEqualTo(notices.get(1).get("id"));
	}

	@Test
	void aNotifiedCaseReturnsFromItsPageAndWithdrawalAndTransferStayOpenUntilTheDecision() throws Exception {
		today("2026-06-01");
		long notified = party.notified(party.other(), "DATA_NOT_REPORTED", "3000", LocalDate.of(2026, 6, 1));
		var head = SignIn.session(mvc, "wz.leader");
		mvc.perform(get("/enforcement/cases/" + notified).session(head)).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"return-form\"")))
			.andExpect(content().string(containsString("id=\"transfer-form\"")))
			.andExpect(content().string(containsString("id=\"withdrawal-form\"")));
		mvc.perform(get("/enforcement/cases/" + notified).session(SignIn.session(mvc, "wz.staff"))).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"return-form\""))));
		mvc.perform(post("/enforcement/cases/" + notified + "/return-to-investigation").session(head).with(csrf())
			.param("reason", "拟加重处罚，须补充调查后重新告知")).andExpect(status().is3xxRedirection());
		assertThat(party.cases().get(PartyCases.ALL, notified).penaltyCase().status()).isEqualTo(CaseStatus.INVESTIGATING);

		long notifiedToo = party.notified(party.other(), "DATA_NOT_REPORTED", "3000", LocalDate.of(2026, 6, 1));
		call(HEAD, path(notifiedToo, "transfer"),
				"{\"authority\":\"苏州市公安局吴中分局\",\"reason\":\"涉嫌犯罪\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.status").value("TRANSFERRED"));

		long heard = requested();
		call(HEAD, path(heard, "withdrawal"), "{\"reason\":\"违法事实不能成立\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.status").value("WITHDRAWN"));
		call(HEAD, path(heard, "return-to-investigation"), "{\"reason\":\"补充调查\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("status"));
	}
}
