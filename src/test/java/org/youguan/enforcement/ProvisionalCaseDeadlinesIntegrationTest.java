package org.youguan.enforcement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.mock.web.MockHttpSession;
import org.youguan.ExportedRows;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.documents.TemplateFiles;
import org.youguan.kernel.ChineseText;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A case's deadlines that fall in a year whose holiday notice is not loaded (2027: never loaded by a test) are marked
 * 暂定 wherever they are stated — the API's {@code …Provisional} flags, the case page, the 立案审批表 and the refusals
 * of a hearing notice — and those within a loaded year are not.
 */
@IntegrationTest
class ProvisionalCaseDeadlinesIntegrationTest extends ClockedSteps {

	static final String WUZHONG = PenaltyCaseIntegrationTest.WUZHONG;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	NoticeAndHearing noticeAndHearing;

	ResultActions detail(long id) throws Exception {
		return mvc.perform(get("/api/v1/enforcement/cases/" + id).header("Authorization", WUZHONG))
			.andExpect(status().isOk());
	}

	/** A case notified on {@code day} with a ¥10,000 fine proposed (the hearing right), today being that day. */
	long notified(LocalDate day) {
		today(day);
		return party.notified(party.sfWuzhong(), "DELIVERY_WITHOUT_CONSENT", "10000", day);
	}

	@Test
	void aDecisionLimitCountedIntoAYearNotLoadedIsProvisionalInTheApiAndTheFilingForm() throws Exception {
		assertThat(calendar.isLoaded(2027)).isFalse();
		long id = notified(LocalDate.of(2026, 12, 4));
		String json = detail(id).andReturn().getResponse().getContentAsString();
		LocalDate decisionDue = LocalDate.parse(JsonPath.read(json, "$.deadlines.decisionDue"));
		LocalDate requestDue = LocalDate.parse(JsonPath.read(json, "$.deadlines.hearingRequestDue"));
		assertThat(decisionDue.getYear()).isEqualTo(2027);
		assertThat(requestDue.getYear()).isEqualTo(2026);
		detail(id).andExpect(jsonPath("$.deadlines.decisionDueProvisional").value(true))
			.andExpect(jsonPath("$.deadlines.hearingRequestDueProvisional").value(false));
		// the 立案审批表 states the limit as 2027年…日, never with the platform's （暂定） mark (an official document)
		List<Map<String, Object>> documents = JsonPath.read(mvc.perform(get("/api/v1/enforcement/cases/" + id + "/documents")
			.header("Authorization", WUZHONG)).andReturn().getResponse().getContentAsString(), "$");
		List<String> texts = new ArrayList<>();
		for (Map<String, Object> d : documents) {
			texts.add(TemplateFiles.text(mvc.perform(get((String) d.get("href")).header("Authorization", WUZHONG))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()));
		}
		assertThat(texts).anySatisfy(t -> assertThat(t).contains(ChineseText.day(decisionDue) + "作出处理决定"));
		assertThat(texts).allSatisfy(t -> assertThat(t).doesNotContain("暂定"));
		assertThat(texts).anySatisfy(t -> assertThat(t).contains("至" + ChineseText.day(requestDue))
			.doesNotContain(ChineseText.day(requestDue) + "（暂定）"));
	}

	/** The queue states a 2027 decision limit as 暂定 too: the list API's flag, the badge, the export's cell. */
	@Test
	void theCaseListFlagsAProvisionalDecisionLimitInTheApiThePageAndTheExport() throws Exception {
		long id = notified(LocalDate.of(2026, 12, 4));
		String json = detail(id).andReturn().getResponse().getContentAsString();
		String number = JsonPath.read(json, "$.penaltyCase.number");
		LocalDate decisionDue = LocalDate.parse(JsonPath.read(json, "$.deadlines.decisionDue"));
		mvc.perform(get("/api/v1/enforcement/cases").param("q", number).header("Authorization", WUZHONG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].id").value(id))
			.andExpect(jsonPath("$.items[0].decisionDueOnProvisional").value(true));
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		String page = mvc.perform(get("/enforcement/cases").param("q", number).session(staff)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("（" + ChineseText.day(decisionDue) + "）").contains("provisional");
		// the English list keeps the ISO day, as every English page writes one (a session of its own: the language stays)
		String english = mvc.perform(get("/enforcement/cases").param("q", number).param("lang", "en")
			.session(SignIn.session(mvc, "wz.staff"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(english).contains("（" + decisionDue + "）").doesNotContain(ChineseText.day(decisionDue));
		List<List<String>> rows = ExportedRows.of(mvc, staff, "/enforcement/cases/export.xlsx", "q", number);
		assertThat(ExportedRows.column(rows, rows.get(0).indexOf("决定期限"))).containsExactly(decisionDue + "（暂定）");
	}

	@Test
	void theDayToRequestAHearingInAYearNotLoadedIsProvisionalForStaffAndTheParty() throws Exception {
		long id = notified(LocalDate.of(2026, 12, 28));
		LocalDate requestDue = calendar.plusWorkingDays(LocalDate.of(2026, 12, 28), 5);
		assertThat(requestDue.getYear()).isEqualTo(2027);
		detail(id).andExpect(jsonPath("$.deadlines.hearingRequestDue").value(requestDue.toString()))
			.andExpect(jsonPath("$.deadlines.hearingRequestDueProvisional").value(true));
		mvc.perform(get("/api/v1/enterprise/penalties/" + id).header("Authorization", EnterprisePenaltyIntegrationTest.SF))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.replyDue").value(requestDue.toString()))
			.andExpect(jsonPath("$.replyDueProvisional").value(true));
	}

	@Test
	void aDecisionLimitWithinALoadedYearIsNotProvisional() throws Exception {
		assertThat(calendar.isLoaded(2026)).isTrue();
		long id = notified(LocalDate.of(2026, 6, 1));
		detail(id).andExpect(jsonPath("$.deadlines.decisionDue").value(containsString("2026-")))
			.andExpect(jsonPath("$.deadlines.decisionDueProvisional").value(false))
			.andExpect(jsonPath("$.deadlines.hearingRequestDueProvisional").value(false));
		mvc.perform(get("/api/v1/enterprise/penalties/" + id).header("Authorization", EnterprisePenaltyIntegrationTest.SF))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.replyDueProvisional").value(false));
	}

	@Test
	void aHearingNoticeRefusedStatesTheProvisionalDaysWithTheMark() throws Exception {
		LocalDate noticeOn = LocalDate.of(2026, 12, 23);
		long id = hearingRequestedBefore(noticeOn);
		LocalDate earliest = calendar.plusWorkingDays(noticeOn, 7);
		assertThat(earliest.getYear()).isEqualTo(2027);
		notice(id, noticeOn, noticeOn.plusDays(1)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("hearingOn"))
			.andExpect(jsonPath("$.errors[0].rule").value("deadline"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("最早" + ChineseText.day(earliest) + "（暂定）举行听证")));
		notice(id, noticeOn, LocalDate.of(2027, 12, 31)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].rule").value("hearing-latest"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("（暂定）")));
	}

	@Test
	void aHearingNoticeRefusedWithinALoadedYearHasNoMark() throws Exception {
		LocalDate noticeOn = LocalDate.of(2026, 6, 3);
		long id = hearingRequestedBefore(noticeOn);
		notice(id, noticeOn, noticeOn.plusDays(1)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(allOf(
					containsString("最早" + ChineseText.day(calendar.plusWorkingDays(noticeOn, 7)) + "举行听证"), not(containsString("暂定")))));
	}

	/** A case notified two days before {@code noticeOn}, the hearing requested the next day; today is {@code noticeOn}. */
	long hearingRequestedBefore(LocalDate noticeOn) {
		long id = notified(noticeOn.minusDays(2));
		today(noticeOn.minusDays(1));
		noticeAndHearing.requestHearing(PartyCases.ALL, id, noticeOn.minusDays(1).toString());
		today(noticeOn);
		return id;
	}

	ResultActions notice(long id, LocalDate noticeOn, LocalDate hearingOn) throws Exception {
		return mvc.perform(post("/api/v1/enforcement/cases/" + id + "/hearing-notice").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"noticeOn\":\"" + noticeOn + "\",\"hearingOn\":\"" + hearingOn + "\",\"place\":\"吴中区邮政管理局听证室\","
					+ "\"host\":" + party.user("wz.review") + "}"));
	}
}
