package org.youguan.enforcement;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.ExportedRows;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.documents.UploadedFile;
import org.youguan.enforcement.internal.CaseDocumentKind;
import org.youguan.enforcement.internal.CaseDocuments;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The party's side of its penalty cases (行政处罚法(2021) art.44–45, 63–64, 67, 72): the enterprise user sees its own
 * cases once notified — the proposed penalty, its rights and the 5-working-day window, the decision, the payment's due
 * day and the growing 加处罚款 — states its case once and requests a hearing only within the window and only where the
 * penalty carries the right; each step is audited as the enterprise user. Another enterprise's case, or its own before
 * the notice, is not found; staff are refused the enterprise's API.
 */
@IntegrationTest
class EnterprisePenaltyIntegrationTest extends ClockedSteps {

	static final String SF = "Bearer demo-sf-wz-token";

	static final String WUZHONG = "Bearer demo-wz-staff-token";

	@Autowired
	PenaltyCases cases;

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
	CaseDocuments documents;

	LocalDate today() {
		return LocalDate.now(clock);
	}

	@Test
	void theEnterpriseSeesItsNoticeOnlyOnceGivenAndStatesItsCaseOnce() throws Exception {
		long id = party.concluded(party.sfWuzhong(), "DATA_NOT_REPORTED", "2000", today().minusDays(5));
		mvc.perform(get("/api/v1/enterprise/penalties/" + id).header("Authorization", SF)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/enterprise/penalties").param("size", "200").header("Authorization", SF))
			.andExpect(jsonPath("$.items[*].id", not(hasItem((int) id))));
		noticeAndHearing.notifyParty(PartyCases.ALL, id, today().toString());

		// lists read a page as large as they give: the demo enterprise gathers the cases of every test of the shared
		// database, and the list is in the order of the case numbers, where one numbered in a later year (a test that had
		// moved the clock) comes first
		mvc.perform(get("/api/v1/enterprise/penalties").param("size", "200").header("Authorization", SF)).andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].id", hasItem((int) id)));
		mvc.perform(get("/api/v1/enterprise/penalties/" + id).header("Authorization", SF)).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("NOTIFIED"))
			.andExpect(jsonPath("$.proposedPenalty").value("FINE"))
			.andExpect(jsonPath("$.proposedFine").value(2000))
			.andExpect(jsonPath("$.hearingRight").value(false))
			.andExpect(jsonPath("$.canReply").value(true))
			.andExpect(jsonPath("$.canRequestHearing").value(false))
			.andExpect(jsonPath("$.replyDue").isNotEmpty())
			.andExpect(jsonPath("$.investigators").doesNotExist());

		mvc.perform(post("/api/v1/enterprise/penalties/" + id + "/statement").header("Authorization", SF)
			.contentType(MediaType.APPLICATION_JSON).content("{\"statement\":\" \"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("陈述申辩内容")));
		mvc.perform(post("/api/v1/enterprise/penalties/" + id + "/hearing").header("Authorization", SF))
			.andExpect(status().isUnprocessableEntity());
		mvc.perform(post("/api/v1/enterprise/penalties/" + id + "/statement").header("Authorization", SF)
			.contentType(MediaType.APPLICATION_JSON).content("{\"statement\":\"系新员工操作失误，已补报，请求从轻\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.statementOn").value(today().toString()))
			.andExpect(jsonPath("$.statement").value("系新员工操作失误，已补报，请求从轻"))
			.andExpect(jsonPath("$.canReply").value(false));
		mvc.perform(post("/api/v1/enterprise/penalties/" + id + "/statement").header("Authorization", SF)
			.contentType(MediaType.APPLICATION_JSON).content("{\"statement\":\"再次陈述\"}"))
			.andExpect(status().isConflict());
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE object_type = 'penalty_case' AND object_id = :id"
				+ " AND action = 'case.statement' AND actor LIKE 'sf.wz（%'").param("id", String.valueOf(id)).query(Long.class).single())
			.isEqualTo(1);
		// the bureau sees the statement on its side
		mvc.perform(get("/api/v1/enforcement/cases/" + id).header("Authorization", WUZHONG))
			.andExpect(jsonPath("$.penaltyCase.statement").value("系新员工操作失误，已补报，请求从轻"));
	}

	/**
	 * The enterprise's cases list exports as .xlsx: its own notified cases with the list's columns and the decision,
	 * another enterprise's case and one not yet notified to it left out.
	 */
	@Test
	void theEnterpriseExportsItsOwnNotifiedCases() throws Exception {
		long mine = party.notified(party.sfWuzhong(), "DATA_NOT_REPORTED", "1500", today());
		long unnotified = party.concluded(party.sfWuzhong(), "DATA_NOT_REPORTED", "1200", today().minusDays(2));
		long theirs = party.notified(party.other(), "DATA_NOT_REPORTED", "1000", today());
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		List<List<String>> rows = ExportedRows.of(mvc, sf, "/enterprise/penalties/export.xlsx");
		assertThat(rows.get(0)).containsExactly("案件编号", "违法行为", "状态", "告知日期", "处罚决定书文号", "决定日期", "处罚种类",
				"罚款（元）", "缴款日期", "加处罚款（元，截至今日）");
		assertThat(ExportedRows.column(rows, 0)).contains(cases.get(PartyCases.ALL, mine).penaltyCase().number())
			.doesNotContain(cases.get(PartyCases.ALL, theirs).penaltyCase().number(), cases.get(PartyCases.ALL, unnotified).penaltyCase().number());
		assertThat(rows.stream().filter(r -> r.get(0).equals(cases.get(PartyCases.ALL, mine).penaltyCase().number())).findFirst()
			.orElseThrow()).contains(today().toString());
		mvc.perform(get("/enterprise/penalties").session(sf))
			.andExpect(content().string(containsString("/enterprise/penalties/export.xlsx")))
			// the status filter offers the states a case the party sees can be in: never 已立案, which no shown case has
			.andExpect(content().string(containsString("<option value=\"NOTIFIED\">已告知</option>")))
			.andExpect(content().string(containsString("<option value=\"INVESTIGATING\">调查取证</option>")))
			.andExpect(content().string(not(containsString("value=\"FILED\""))));
		mvc.perform(get("/enterprise/penalties/export.xlsx").session(SignIn.session(mvc, "wz.staff")))
			.andExpect(status().isForbidden());
	}

	/**
	 * In the English mode the party's export is English throughout: every header (缴款日期 was left in Chinese), the
	 * sheet's name, the status and the penalty's kind; the Chinese export keeps its words.
	 */
	@Test
	void theEnterprisesExportReadsInEnglishInTheEnglishMode() throws Exception {
		long late = party.delivered(party.sfWuzhong(), "DATA_NOT_REPORTED", "FINE", "1000", today().minusDays(90));
		String number = cases.get(PartyCases.ALL, late).penaltyCase().number();
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		byte[] english = mvc.perform(get("/enterprise/penalties/export.xlsx").param("q", number).param("lang", "en")
			.session(sf)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(english))) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo("Penalty cases");
			List<String> headers = new ArrayList<>();
			sheet.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
			assertThat(headers).contains("Paid on").noneMatch(h -> HAN.matcher(h).find());
			List<String> row = new ArrayList<>();
			sheet.getRow(1).forEach(c -> row.add(ExportedRows.shown(c)));
			assertThat(row.get(headers.indexOf("Status"))).isEqualTo("Delivered");
			assertThat(row.get(headers.indexOf("Kind of penalty"))).isEqualTo("Fine");
		}
		List<List<String>> chinese = ExportedRows.of(mvc, sf, "/enterprise/penalties/export.xlsx", "q", number, "lang", "zh-CN");
		assertThat(chinese.get(1).get(2)).isEqualTo("已送达");
		assertThat(chinese.get(1).get(6)).isEqualTo("罚款");
	}

	private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	/**
	 * The cases list in the full list idiom: the search (case number) and the status filter narrow the page, the API
	 * list and the export alike; another enterprise's case is in none of them; the headers sort by the whitelist and an
	 * unknown key is refused (400 naming {@code sort}).
	 */
	/**
	 * Sorted by the decision's day, a decision not yet served sorts as a case without one: its day is not shown to the
	 * party (行政处罚法(2021) art.61), and its place among the others must not tell that it exists.
	 */
	@Test
	void aDecisionNotServedSortsAsNoDecisionInThePartysList() throws Exception {
		long unserved = party.decided(party.sfWuzhong(), "DATA_NOT_REPORTED", "FINE", "800", today());
		String body = mvc.perform(get("/api/v1/enterprise/penalties").param("sort", "decided_on").param("dir", "desc")
				.param("size", "100").header("Authorization", SF))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<Integer> ids = JsonPath.read(body, "$.items[*].id");
		List<Object> days = JsonPath.read(body, "$.items[*].decidedOn");
		assertThat(days).as("served decisions shown on the first page").anyMatch(d -> d != null);
		int position = ids.indexOf((int) unserved);
		if (position >= 0) {
			assertThat(days.get(position)).isNull();
			assertThat(days.subList(position, days.size())).as("no served decision after the unserved one").containsOnlyNulls();
		}
	}

	/**
	 * The party's list and its export state the 加处罚款 an unpaid fine has accrued to today (行政处罚法(2021) art.72,
	 * capped at the fine), as the case's own page does.
	 */
	@Test
	void thePartysListAndExportStateTheSurchargeAccruedToToday() throws Exception {
		long late = party.delivered(party.sfWuzhong(), "DATA_NOT_REPORTED", "FINE", "1000", today().minusDays(90));
		String number = cases.get(PartyCases.ALL, late).penaltyCase().number();
		mvc.perform(get("/api/v1/enterprise/penalties").param("q", number).header("Authorization", SF))
			.andExpect(jsonPath("$.items[0].surchargeToday").value(1000));
		mvc.perform(get("/api/v1/enterprise/penalties/" + late).header("Authorization", SF))
			.andExpect(jsonPath("$.surchargeToday").value(1000));
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		mvc.perform(get("/enterprise/penalties").session(sf).param("q", number))
			.andExpect(content().string(containsString("截至今日加处罚款 1000元")));
		List<List<String>> rows = ExportedRows.of(mvc, sf, "/enterprise/penalties/export.xlsx", "q", number);
		assertThat(rows.get(0)).last().isEqualTo("加处罚款（元，截至今日）");
		assertThat(rows.get(1)).as("money, two decimals").last().isEqualTo("1,000.00");
	}

	@Test
	void theCasesListSearchesFiltersAndSortsItsOwnCasesOnly() throws Exception {
		long notified = party.notified(party.sfWuzhong(), "DATA_NOT_REPORTED", "1300", today());
		long delivered = party.delivered(party.sfWuzhong(), "DATA_NOT_REPORTED", "FINE", "900", today().minusDays(1));
		long theirs = party.notified(party.other(), "DATA_NOT_REPORTED", "1000", today());
		String notifiedNumber = cases.get(PartyCases.ALL, notified).penaltyCase().number();
		String deliveredNumber = cases.get(PartyCases.ALL, delivered).penaltyCase().number();
		String theirNumber = cases.get(PartyCases.ALL, theirs).penaltyCase().number();
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");

		mvc.perform(get("/enterprise/penalties").session(sf).param("q", notifiedNumber))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(notifiedNumber)))
			.andExpect(content().string(not(containsString(deliveredNumber))))
			.andExpect(content().string(containsString("sort=notified_on")));
		mvc.perform(get("/enterprise/penalties").session(sf).param("q", theirNumber))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/enterprise/penalties/" + theirs + "\""))));
		mvc.perform(get("/api/v1/enterprise/penalties").param("q", theirNumber).header("Authorization", SF))
			.andExpect(jsonPath("$.total").value(0));
		assertThat(ExportedRows.of(mvc, sf, "/enterprise/penalties/export.xlsx", "q", theirNumber)).hasSize(1);
		assertThat(ExportedRows.column(ExportedRows.of(mvc, sf, "/enterprise/penalties/export.xlsx"), 0))
			.contains(notifiedNumber, deliveredNumber).doesNotContain(theirNumber);

		List<String> deliveredOnly = ExportedRows.column(
				ExportedRows.of(mvc, sf, "/enterprise/penalties/export.xlsx", "status", "DELIVERED"), 2);
		// the filter is the stored status: a decision served by public notice before its deemed day is DELIVERED too,
		// shown 公告送达中 with its deemed day (CaseStatus.shown), never 已送达
		assertThat(deliveredOnly).contains(CaseStatus.DELIVERED.label())
			.allMatch(s -> s.equals(CaseStatus.DELIVERED.label()) || s.startsWith("公告送达中（视为送达日"));
		mvc.perform(get("/api/v1/enterprise/penalties").param("status", "DELIVERED").param("size", "200").header("Authorization", SF))
			.andExpect(jsonPath("$.items[*].id", hasItem((int) delivered)))
			.andExpect(jsonPath("$.items[*].id", not(hasItem((int) notified))));
		mvc.perform(get("/enterprise/penalties").session(sf).param("status", "DELIVERED").param("size", "200"))
			.andExpect(content().string(containsString(deliveredNumber)))
			.andExpect(content().string(not(containsString(notifiedNumber))));

		List<String> byNotice = ExportedRows.column(
				ExportedRows.of(mvc, sf, "/enterprise/penalties/export.xlsx", "sort", "notified_on", "dir", "asc"), 3);
		assertThat(byNotice.stream().filter(d -> !d.isEmpty()).toList()).isSorted();
		// an order the list does not have is refused naming it (kernel.Listing), never answered in another order
		mvc.perform(get("/enterprise/penalties/export.xlsx").session(sf).param("sort", "fine")).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/enterprise/penalties").param("sort", "fine").header("Authorization", SF))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("sort"));
	}

	@Test
	void anotherEnterprisesCaseIsNotFoundAndStaffAreRefused() throws Exception {
		long id = party.notified(party.other(), "DATA_NOT_REPORTED", "1000", today());
		mvc.perform(get("/api/v1/enterprise/penalties/" + id).header("Authorization", SF)).andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/enterprise/penalties/" + id + "/statement").header("Authorization", SF)
			.contentType(MediaType.APPLICATION_JSON).content("{\"statement\":\"不是我的案件\"}")).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/enterprise/penalties").param("size", "200").header("Authorization", SF))
			.andExpect(jsonPath("$.items[*].id", not(hasItem((int) id))));
		mvc.perform(get("/api/v1/enterprise/penalties/" + id).header("Authorization", WUZHONG)).andExpect(status().isForbidden());
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		mvc.perform(get("/enterprise/penalties/" + id).session(sf)).andExpect(status().isNotFound());
		assertThat(cases.get(PartyCases.ALL, id).penaltyCase().statement()).isNull();
	}

	@Test
	void aHearingIsRequestedOnlyWithinFiveWorkingDaysOfTheNotice() throws Exception {
		long id = party.notified(party.sfWuzhong(), "DELIVERY_WITHOUT_CONSENT", "10000", today());
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		mvc.perform(get("/enterprise/penalties/" + id).session(sf)).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"hearing-form\"")))
			.andExpect(content().string(containsString("您有权要求听证")));

		clock.advance(Duration.ofDays(12));
		mvc.perform(get("/enterprise/penalties/" + id).session(sf)).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"hearing-form\""))));
		mvc.perform(post("/api/v1/enterprise/penalties/" + id + "/hearing").header("Authorization", SF))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("期限已过：应在事先告知书载明的期限内（至")));
		clock.reset();

		mvc.perform(post("/enterprise/penalties/" + id + "/hearing").session(sf).with(csrf()))
			.andExpect(redirectedUrl("/enterprise/penalties/" + id))
			.andExpect(flash().attribute("message", "听证申请已提交"));
		assertThat(cases.get(PartyCases.ALL, id).penaltyCase().status()).isEqualTo(CaseStatus.HEARING);
		mvc.perform(post("/enterprise/penalties/" + id + "/statement").session(sf).with(csrf()).param("statement", ""))
			.andExpect(status().isBadRequest())
			.andExpect(model().attributeExists("errors"));
		mvc.perform(post("/enterprise/penalties/" + id + "/statement").session(sf).with(csrf()).param("statement", "请求听证并申辩"))
			.andExpect(flash().attribute("message", "陈述申辩已提交"));
		mvc.perform(get("/enterprise/penalties/" + id).session(sf))
			.andExpect(content().string(containsString("id=\"party-hearing\"")))
			.andExpect(content().string(containsString("请求听证并申辩")));
	}

	/**
	 * The party may waive the hearing on its portal, confirmed, within the window and not after requesting one; the
	 * bureau may then decide before the window ends, which without the waiver it may not.
	 */
	@Test
	void thePartyWaivesItsHearingExplicitlyAndTheBureauMayThenDecide() throws Exception {
		long id = party.notified(party.sfWuzhong(), "DELIVERY_WITHOUT_CONSENT", "10000", today());
		noticeAndHearing.recordStatement(PartyCases.ALL, id, today().toString(), "已整改，请求从轻");
		CaseDecisions.Decision decision = new CaseDecisions.Decision(null, today().toString(), "FINE", "10000", null, null, null)
			.reviewingStatement(false, "整改不改变已发生的违法事实");
		assertThatThrownBy(() -> caseDecisions.decide(PartyCases.ALL, id, decision)).isInstanceOf(InvalidValueException.class)
			.hasMessageContaining("陈述申辩不等于放弃听证");

		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		mvc.perform(get("/enterprise/penalties/" + id).session(sf))
			.andExpect(content().string(containsString("id=\"hearing-waiver-form\"")));
		mvc.perform(post("/api/v1/enterprise/penalties/" + id + "/hearing-waiver").header("Authorization", SF)
				.contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("confirm"));
		mvc.perform(post("/enterprise/penalties/" + id + "/hearing-waiver").session(sf).with(csrf()).param("confirm", "true"))
			.andExpect(redirectedUrl("/enterprise/penalties/" + id))
			.andExpect(flash().attribute("message", "已放弃听证"));
		mvc.perform(get("/api/v1/enterprise/penalties/" + id).header("Authorization", SF))
			.andExpect(jsonPath("$.hearingWaivedOn").value(today().toString()))
			.andExpect(jsonPath("$.canRequestHearing").value(false));
		mvc.perform(get("/enterprise/penalties/" + id).session(sf))
			.andExpect(content().string(containsString("id=\"party-hearing-waived\"")))
			.andExpect(content().string(not(containsString("id=\"hearing-form\""))));
		mvc.perform(post("/api/v1/enterprise/penalties/" + id + "/hearing").header("Authorization", SF))
			.andExpect(status().isConflict());
		assertThat(caseDecisions.decide(PartyCases.ALL, id, decision)).isNotBlank();
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE object_type = 'penalty_case' AND object_id = :id"
				+ " AND action = 'case.hearing-waiver'").param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
	}

	/** The enterprise posts {@code json} to its case's portal step {@code step} on the API. */
	ResultActions portal(long id, String step, String json) throws Exception {
		return mvc.perform(post("/api/v1/enterprise/penalties/" + id + "/" + step).header("Authorization", SF)
			.contentType(MediaType.APPLICATION_JSON).content(json));
	}

	/** Staff record the party's written statement waiver of today, with its scan. */
	ResultActions staffStatementWaiver(long id) throws Exception {
		return mvc.perform(multipart("/api/v1/enforcement/cases/" + id + "/statement-waiver")
			.file(new MockMultipartFile("file", "放弃陈述申辩.pdf", "application/pdf", PenaltyCaseIntegrationTest.WAIVER_PDF))
			.param("on", today().toString()).header("Authorization", WUZHONG));
	}

	/**
	 * The portal words every deadline as the last day included (至…（含当日）, …之前（含当日）), and speaks of a hearing
	 * only where the party has the right and it is still open: a case without it shows the statement's deadline alone,
	 * no "申请听证期限" and no "放弃陈述申辩不等于放弃听证"; once the party waived its hearing it no longer reads
	 * "您有权要求听证".
	 */
	@Test
	void deadlinesIncludeTheirLastDayAndHearingTextOnlyWhileTheRightIsOpen() throws Exception {
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		long without = party.notified(party.sfWuzhong(), "DATA_NOT_REPORTED", "2000", today());
		String due = JsonPath.read(mvc.perform(get("/api/v1/enterprise/penalties/" + without).header("Authorization", SF))
			.andReturn().getResponse().getContentAsString(), "$.replyDue");
		mvc.perform(get("/enterprise/penalties/" + without).session(sf))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("陈述申辩期限至" + ChineseText.day(LocalDate.parse(due)) + "（含当日）")))
			.andExpect(content().string(not(containsString("申请听证期限"))))
			.andExpect(content().string(not(containsString("不等于放弃听证"))))
			.andExpect(content().string(not(containsString("您有权要求听证"))));

		long with = party.notified(party.sfWuzhong(), "DELIVERY_WITHOUT_CONSENT", "10000", today());
		String hearingDue = JsonPath.read(mvc.perform(get("/api/v1/enterprise/penalties/" + with).header("Authorization", SF))
			.andExpect(jsonPath("$.hearingRight").value(true))
			.andReturn().getResponse().getContentAsString(), "$.replyDue");
		mvc.perform(get("/enterprise/penalties/" + with).session(sf))
			.andExpect(content().string(containsString("陈述申辩、申请听证期限至" + ChineseText.day(LocalDate.parse(hearingDue)) + "（含当日）")))
			.andExpect(content().string(containsString("如要求听证，请在" + ChineseText.day(LocalDate.parse(hearingDue)) + "之前（含当日）提出")))
			.andExpect(content().string(containsString("放弃陈述申辩不等于放弃听证")))
			.andExpect(content().string(containsString("您有权要求听证")))
			.andExpect(content().string(not(containsString(hearingDue + "前提出"))));
		mvc.perform(post("/api/v1/enterprise/penalties/" + with + "/hearing-waiver").header("Authorization", SF)
			.contentType(MediaType.APPLICATION_JSON).content("{\"confirm\":true}"))
			.andExpect(status().isOk());
		mvc.perform(get("/enterprise/penalties/" + with).session(sf))
			.andExpect(content().string(not(containsString("您有权要求听证"))))
			.andExpect(content().string(not(containsString("不等于放弃听证"))));
	}

	/**
	 * A statement naming a third party's mobile number reaches the party's portal masked, page and API (the documents
	 * served on the party mask it too); the bureau reads it as stated.
	 */
	@Test
	void aMobileNumberInTheStatementIsMaskedOnThePartysPortal() throws Exception {
		long id = party.concluded(party.sfWuzhong(), "DATA_NOT_REPORTED", "2000", today().minusDays(5));
		noticeAndHearing.notifyParty(PartyCases.ALL, id, today().toString());
		String mobile = "139" + org.youguan.RandomDigits.of(8);
		String masked = mobile.substring(0, 3) + "****" + mobile.substring(7);
		mvc.perform(post("/api/v1/enterprise/penalties/" + id + "/statement").header("Authorization", SF)
			.contentType(MediaType.APPLICATION_JSON).content("{\"statement\":\"系快递员李某（" + mobile + "）操作失误\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.statement").value("系快递员李某（" + masked + "）操作失误"));
		mvc.perform(get("/api/v1/enterprise/penalties/" + id).header("Authorization", SF))
			.andExpect(jsonPath("$.statement").value("系快递员李某（" + masked + "）操作失误"));
		mvc.perform(get("/enterprise/penalties/" + id).session(SignIn.session(mvc, "sf.wz")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(masked)))
			.andExpect(content().string(not(containsString(mobile))));
		mvc.perform(get("/api/v1/enforcement/cases/" + id).header("Authorization", WUZHONG))
			.andExpect(jsonPath("$.penaltyCase.statement").value("系快递员李某（" + mobile + "）操作失误"));
	}

	/**
	 * A statement waiver recorded by staff (the party's written waiver, scanned) ends the window for a portal statement:
	 * the page offers no statement form and a statement posted anyway is refused naming {@code statement} and rule
	 * {@code statement-waived}, on the API and the page alike.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void aPartyThatWaivedItsStatementInWritingCannotStateItOnThePortal() throws Exception {
		long id = party.notified(party.sfWuzhong(), "DATA_NOT_REPORTED", "3000", today());
		staffStatementWaiver(id)
			.andExpect(status().isOk());
		portal(id, "statement", "{\"statement\":\"我们有异议\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("statement"))
			.andExpect(jsonPath("$.errors[0].rule").value("statement-waived"));
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		mvc.perform(post("/enterprise/penalties/" + id + "/statement").session(sf).with(csrf()).param("statement", "我们有异议"))
			.andExpect(status().isConflict())
			.andExpect(result -> assertThat((List<FieldError>) result.getModelAndView().getModel().get("errors"))
				.extracting(FieldError::rule).containsExactly("statement-waived"));
		mvc.perform(get("/enterprise/penalties/" + id).session(sf))
			.andExpect(content().string(containsString("id=\"party-statement-waived\"")))
			.andExpect(content().string(not(containsString("id=\"statement-form\""))))
			.andExpect(content().string(not(containsString("id=\"statement-waiver-form\""))));
		mvc.perform(get("/api/v1/enterprise/penalties/" + id).header("Authorization", SF))
			.andExpect(jsonPath("$.statementWaivedOn").value(today().toString()))
			.andExpect(jsonPath("$.canReply").value(false));
		assertThat(cases.get(PartyCases.ALL, id).penaltyCase().statementOn()).isNull();
	}

	/**
	 * The party waives its statement on the portal itself (JSON {@code true} only), audited as
	 * {@code case.statement-waiver}: the bureau may then decide before the window ends, no statement follows, and staff
	 * cannot record a statement waiver over a statement the party already gave (rule {@code statement-given}).
	 */
	@Test
	void thePartyWaivesItsStatementOnThePortalAndTheBureauMayThenDecide() throws Exception {
		long id = party.notified(party.sfWuzhong(), "DATA_NOT_REPORTED", "3000", today());
		CaseDecisions.Decision decision = new CaseDecisions.Decision(null, today().toString(), "FINE", "3000", null, null, null);
		assertThatThrownBy(() -> caseDecisions.decide(PartyCases.ALL, id, decision)).isInstanceOf(InvalidValueException.class)
			.hasMessageContaining("陈述申辩期限");
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		mvc.perform(get("/enterprise/penalties/" + id).session(sf))
			.andExpect(content().string(containsString("id=\"statement-waiver-form\"")));
		for (String body : List.of("{\"confirm\":\"true\"}", "{\"confirm\":1}", "{}")) {
			portal(id, "statement-waiver", body)
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("confirm"));
		}
		mvc.perform(post("/enterprise/penalties/" + id + "/statement-waiver").session(sf).with(csrf()).param("confirm", "true"))
			.andExpect(redirectedUrl("/enterprise/penalties/" + id))
			.andExpect(flash().attribute("message", "已放弃陈述申辩"));
		portal(id, "statement-waiver", "{\"confirm\":true}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].rule").value("statement-waived"));
		portal(id, "statement", "{\"statement\":\"补充意见\"}")
			.andExpect(status().isConflict());
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE object_type = 'penalty_case' AND object_id = :id"
				+ " AND action = 'case.statement-waiver'").param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
		assertThat(caseDecisions.decide(PartyCases.ALL, id, decision)).isNotBlank();

		long stated = party.notified(party.sfWuzhong(), "DATA_NOT_REPORTED", "3000", today());
		portal(stated, "statement", "{\"statement\":\"已整改\"}")
			.andExpect(status().isOk());
		staffStatementWaiver(stated)
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].rule").value("statement-given"));
		portal(stated, "statement-waiver", "{\"confirm\":true}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].rule").value("statement-given"));
		assertThat(cases.get(PartyCases.ALL, stated).penaltyCase().statementWaivedOn()).isNull();
	}

	/** A case notified today whose party requested a hearing on the portal and withdrew the request (back to 已告知). */
	long withdrawnHearing() throws Exception {
		long id = party.notified(party.sfWuzhong(), "DELIVERY_WITHOUT_CONSENT", "10000", today());
		mvc.perform(post("/api/v1/enterprise/penalties/" + id + "/hearing").header("Authorization", SF))
			.andExpect(status().isOk());
		mvc.perform(post("/api/v1/enterprise/penalties/" + id + "/hearing-waiver").header("Authorization", SF)
				.contentType(MediaType.APPLICATION_JSON).content("{\"confirm\":true}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("NOTIFIED"));
		return id;
	}

	/** A hearing requested is withdrawn on the portal before it is held (art.64): waived, it is not requested again. */
	@Test
	void aPartyThatRequestedAHearingWithdrawsItOnThePortalOnce() throws Exception {
		long id = withdrawnHearing();
		mvc.perform(post("/api/v1/enterprise/penalties/" + id + "/hearing-waiver").header("Authorization", SF)
				.contentType(MediaType.APPLICATION_JSON).content("{\"confirm\":true}"))
			.andExpect(status().isConflict());
		long small = party.notified(party.sfWuzhong(), "DATA_NOT_REPORTED", "3000", today());
		mvc.perform(post("/api/v1/enterprise/penalties/" + small + "/hearing-waiver").header("Authorization", SF)
				.contentType(MediaType.APPLICATION_JSON).content("{\"confirm\":true}"))
			.andExpect(status().is(422));
	}

	/**
	 * Attack 51: a hearing request withdrawn read 「明确放弃听证」 on the case page, the portal and the decision; after
	 * 不予处罚 both pages still named the window's last day (「陈述申辩期限至…」); the portal read 「拟作出的处罚 ： 罚款…」. A
	 * withdrawal is told as 申请后撤回 with both days, the window is shown only while the case is notified or heard, and
	 * the proposed penalty is one text with its label.
	 */
	@Test
	void aWithdrawnRequestIsToldAsWithdrawnAndAClosedWindowIsNotShown() throws Exception {
		long id = withdrawnHearing();
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		String portal = mvc.perform(get("/enterprise/penalties/" + id).session(sf)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		String page = mvc.perform(get("/enforcement/cases/" + id).session(staff)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(portal).contains("于" + ChineseText.day(today()) + "撤回听证申请（申请后撤回）").doesNotContain("明确放弃听证");
		// the staff page's audit trail keeps the step's own entry; the case's hearing line tells the withdrawal
		assertThat(page).contains("id=\"hearing-waived\"><span>当事人于" + ChineseText.day(today()) + "申请听证，于" + ChineseText.day(today())
				+ "撤回听证申请（申请后撤回）</span>");
		assertThat(portal).contains("拟作出的处罚：").contains("id=\"party-reply-due\"");
		assertThat(page).contains("id=\"reply-window\"");
		// departing from the reviewed proposal (罚款 → 不予处罚) is the heads' collective discussion (行政处罚法 第57条)
		caseDecisions.notPenalize(PartyCases.ALL, id, "MINOR_CORRECTED", "情节轻微并及时改正，依法不予行政处罚",
				new CaseDecisions.Discussion(today().toString(), List.of("蒋局长", "王副局长", "李副局长"), "同意不予处罚"));
		// the party learns of the 不予处罚 when its decision is served (art.61): before that its portal reads as before
		caseExecution.deliver(PartyCases.ALL, id, CaseExecution.Delivery.direct(today().toString()));
		portal = mvc.perform(get("/enterprise/penalties/" + id).session(sf)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		page = mvc.perform(get("/enforcement/cases/" + id).session(staff)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(portal).doesNotContain("id=\"party-reply-due\"").doesNotContain("陈述申辩期限至");
		assertThat(page).doesNotContain("id=\"reply-window\"");
	}

	/**
	 * Attack 41: the portal's waivers answered "请确认" (400) on a case whose step was closed. The state is judged first
	 * (404, 409, 422), then what was sent (400), as on every step of the procedure: without the tick, a waiver after a
	 * hearing request withdrawn once, a second waiver, or a case without the hearing right is the step's refusal; a statement sent
	 * blank after one was given is refused as given, not as blank.
	 */
	@Test
	void aPortalStepClosedIsRefusedForItsStateBeforeItsFields() throws Exception {
		long requested = party.notified(party.sfWuzhong(), "DELIVERY_WITHOUT_CONSENT", "10000", today());
		portal(requested, "hearing", "").andExpect(status().isOk());
		// a request is withdrawn (the step open: the tick is asked for), then the hearing is waived and the step closed
		portal(requested, "hearing-waiver", "{}").andExpect(status().isBadRequest());
		portal(requested, "hearing-waiver", "{\"confirm\":true}").andExpect(status().isOk());
		portal(requested, "hearing-waiver", "{}").andExpect(status().isConflict());
		long small = party.notified(party.sfWuzhong(), "DATA_NOT_REPORTED", "3000", today());
		portal(small, "hearing-waiver", "{}").andExpect(status().is(422))
			.andExpect(jsonPath("$.errors[0].rule").value("no-hearing-right"));
		portal(small, "statement-waiver", "{\"confirm\":true}").andExpect(status().isOk());
		portal(small, "statement-waiver", "{}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].rule").value("statement-waived"));
		portal(small, "statement", "{\"statement\":\" \"}").andExpect(status().isConflict());
		long waived = party.notified(party.sfWuzhong(), "DELIVERY_WITHOUT_CONSENT", "10000", today());
		portal(waived, "hearing-waiver", "{\"confirm\":true}").andExpect(status().isOk());
		portal(waived, "hearing-waiver", "{}").andExpect(status().isConflict());
		long stated = party.notified(party.sfWuzhong(), "DATA_NOT_REPORTED", "3000", today());
		portal(stated, "statement", "{\"statement\":\"已整改\"}").andExpect(status().isOk());
		portal(stated, "statement", "{\"statement\":\"\"}").andExpect(status().isConflict());
		portal(stated, "statement-waiver", "{}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].rule").value("statement-given"));
		// the step open: the tick and the text are judged
		long open = party.notified(party.sfWuzhong(), "DATA_NOT_REPORTED", "3000", today());
		portal(open, "statement-waiver", "{}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("confirm"));
		portal(open, "statement", "{\"statement\":\" \"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("statement"));
		// staff: a second 法制审核 without its conclusion is refused as reviewed already, not as missing its conclusion
		long reviewed = party.concluded(party.other(), "DELIVERY_WITHOUT_CONSENT", "10000", today().minusDays(5));
		assertThatThrownBy(() -> caseInvestigation.review(PartyCases.ALL, reviewed, PartyCases.REVIEWER, null, ""))
			.isInstanceOf(DomainException.class).isNotInstanceOf(InvalidValueException.class)
			.hasMessageContaining("不能重复审核");
	}

	@Test
	void theDecisionShowsItsPaymentDayAndTheSurchargeOnceOverdue() throws Exception {
		LocalDate t = today();
		long id = party.notified(party.sfWuzhong(), "DATA_NOT_REPORTED", "3000", t.minusDays(50));
		noticeAndHearing.waiveStatement(PartyCases.ALL, id, t.minusDays(49).toString(), PartyCases.waiver());
		String number = caseDecisions.decide(PartyCases.ALL, id, new CaseDecisions.Decision(null, t.minusDays(45).toString(), "FINE",
				"3000", null, null, null));
		caseExecution.deliver(PartyCases.ALL, id, CaseExecution.Delivery.direct(t.minusDays(44).toString()));
		mvc.perform(get("/api/v1/enterprise/penalties/" + id).header("Authorization", SF))
			.andExpect(jsonPath("$.decisionNumber").value(number))
			.andExpect(jsonPath("$.fine").value(3000))
			.andExpect(jsonPath("$.paymentDue").isNotEmpty())
			.andExpect(jsonPath("$.surchargeToday").isNumber())
			.andExpect(jsonPath("$.paidOn").isEmpty())
			.andExpect(jsonPath("$.canReply").value(false));
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		mvc.perform(get("/enterprise/penalties").session(sf).param("size", "200")).andExpect(status().isOk())
			.andExpect(content().string(containsString(number)));
		mvc.perform(get("/enterprise/penalties/" + id).session(sf)).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"party-surcharge\"")))
			.andExpect(content().string(containsString("罚款人民币3000元")))
			.andExpect(content().string(not(containsString("id=\"statement-form\""))));
		mvc.perform(get("/enterprise/penalties").session(SignIn.session(mvc, "wz.staff"))).andExpect(status().isForbidden());
	}

	/**
	 * The party reads the documents served on it — the 事先告知书 once notified — on its page and through
	 * {@code GET /attachments/{id}}; the bureau's internal papers (立案审批表) are neither listed nor served to it, and
	 * another enterprise gets 404 for the notice.
	 */
	@Test
	void thePartyReadsTheDocumentsServedOnItAndNotTheBureausInternalPapers() throws Exception {
		long id = party.concluded(party.sfWuzhong(), "DATA_NOT_REPORTED", "2000", today().minusDays(5));
		noticeAndHearing.notifyParty(PartyCases.ALL, id, today().toString());
		List<CaseDocuments.IssuedDocument> issued = documents.list(id);
		long notice = attachment(issued, CaseDocumentKind.PRIOR_NOTICE);
		long filing = attachment(issued, CaseDocumentKind.FILING_APPROVAL);

		mvc.perform(get("/api/v1/enterprise/penalties/" + id).header("Authorization", SF)).andExpect(status().isOk())
			.andExpect(jsonPath("$.documents[*].title", hasItem("行政处罚事先告知书")))
			.andExpect(jsonPath("$.documents[*].href", hasItem("/attachments/" + notice)))
			.andExpect(jsonPath("$.documents[*].title", not(hasItem("立案审批表"))));
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		mvc.perform(get("/enterprise/penalties/" + id).session(sf)).andExpect(status().isOk())
			.andExpect(content().string(containsString("/attachments/" + notice)))
			.andExpect(content().string(not(containsString("/attachments/" + filing))));
		mvc.perform(get("/attachments/" + notice).session(sf)).andExpect(status().isOk());
		mvc.perform(get("/attachments/" + filing).session(sf)).andExpect(status().isNotFound());
		mvc.perform(get("/attachments/" + notice).session(SignIn.session(mvc, "yz.sz"))).andExpect(status().isNotFound());
		// the bureau still reads both
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		mvc.perform(get("/attachments/" + filing).session(staff)).andExpect(status().isOk());
	}

	static long attachment(List<CaseDocuments.IssuedDocument> issued, CaseDocumentKind kind) {
		return issued.stream().filter(d -> d.kind() == kind).findFirst().orElseThrow().attachmentId();
	}

	/** A past case imported was served on paper before it came here: the scan of its 决定书 is the party's to read. */
	@Test
	void theScanOfAnImportedDecisionIsThePartysToRead() throws Exception {
		LocalDate decided = today().minusDays(30);
		long id = pastCases.importCase(PartyCases.ALL, new PastCases.ImportedCase(party.sfWuzhong().creditCode(),
				"DATA_NOT_REPORTED", "REPORT", decided.minusDays(20).toString(), decided.toString(),
				"吴邮管罚〔" + decided.getYear() + "〕T" + UUID.randomUUID().toString().substring(0, 6) + "号", "WARNING",
				null, null, null));
		pastCases.keepOriginalDocument(PartyCases.ALL, id, new PastCases.OriginalDocument("DECISION", null, decided.toString()),
				new UploadedFile("决定书.pdf", PenaltyCaseIntegrationTest.WAIVER_PDF));
		long scan = attachment(documents.list(id), CaseDocumentKind.DECISION);
		mvc.perform(get("/api/v1/enterprise/penalties/" + id).header("Authorization", SF)).andExpect(status().isOk())
			.andExpect(jsonPath("$.documents[*].href", hasItem("/attachments/" + scan)));
	}
}
