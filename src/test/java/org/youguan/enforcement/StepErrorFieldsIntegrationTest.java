package org.youguan.enforcement;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.registry.EnterpriseView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every refusal of the enforcement API names fields the caller sent: the case is walked through its steps and at each
 * state every step it allows is sent a body that breaks its rules; each error's {@code field} (its list name for
 * {@code team[0].name}) must be a property of that body — the conclusion's amount is {@code proposedFine}, not the
 * service's {@code fine}, and the officers on the spot are {@code team}, not {@code investigators}.
 */
@IntegrationTest
class StepErrorFieldsIntegrationTest extends ClockedSteps {

	static final String WUZHONG = PenaltyCaseIntegrationTest.WUZHONG;

	static final String HEAD = PenaltyCaseIntegrationTest.HEAD;

	@Autowired
	PenaltyCases cases;

	@Autowired
	CaseExecution caseExecution;

	@Autowired
	CaseDecisions caseDecisions;

	@Autowired
	NoticeAndHearing noticeAndHearing;

	@Autowired
	CaseInvestigation caseInvestigation;

	@Autowired
	Leads leads;

	/**
	 * Sends {@code body} — every property of the request, absent ones as null — to {@code path}: refused with 400, every
	 * error naming one of the body's properties. With the request's record, the body's properties are checked to be all
	 * of the record's.
	 */
	void refusedNamingItsOwnFields(String token, String path, String body, Class<? extends Record> request) throws Exception {
		Map<String, Object> properties = JsonPath.read(body, "$");
		assertThat(properties.keySet()).containsExactlyInAnyOrderElementsOf(Arrays.stream(request.getRecordComponents())
			.map(RecordComponent::getName).toList());
		refusedNamingItsOwnFields(token, path, body);
	}

	/** As above for a request whose record the test cannot see (the controller's own). */
	void refusedNamingItsOwnFields(String token, String path, String body) throws Exception {
		String answer = mvc.perform(post(path).header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
		List<String> fields = JsonPath.read(answer, "$.errors[*].field");
		Map<String, Object> sent = JsonPath.read(body, "$");
		assertThat(fields).as(path).isNotEmpty();
		for (String field : fields) {
			assertThat(sent).as(path + " names " + field + " in " + answer).containsKey(field.split("[\\[.]")[0]);
		}
	}

	/**
	 * An amount beyond the JSON reader's bound (1e40, refused as it is read, 400 before the case's state is looked at) is
	 * told in the same words as one the service refuses (1e20): the field's own label and its own digits, not the
	 * reader's "拟罚款金额…最多30位整数".
	 */
	@Test
	void anAmountBeyondTheReadersBoundIsToldAsTheServiceTellsOneWithinIt() throws Exception {
		long id = party.filed(party.other(), "DATA_NOT_REPORTED", LocalDate.now(clock));
		caseInvestigation.startInvestigation(PartyCases.ALL, id, PartyCases.TEAM);
		party.evidence(id);
		String path = "/api/v1/enforcement/cases/" + id + "/conclusion";
		String words = "罚款金额超出允许的位数（最多12位整数、2位小数）";
		assertThat(digitsRefusal(path, "proposedFine", "1e40")).startsWith(words + "：");
		assertThat(digitsRefusal(path, "proposedFine", "1e20")).isEqualTo(words + "：100000000000000000000");
		assertThat(digitsRefusal(path, "proposedConfiscated", "1e40"))
			.startsWith("没收违法所得金额超出允许的位数（最多12位整数、2位小数）");
	}

	/**
	 * Separation of duties: the 调查终结报告 is the case team's (行政处罚法(2021) art.42, 55). Attack: 陈吴中 of the handling
	 * bureau wrote the report of a case 沈执法 and 何监察 investigate; now 403 on {@code report}, nothing concluded — while a
	 * member of the team concludes it.
	 */
	@Test
	void onlyTheCasesInvestigatorsConcludeItsInvestigation() throws Exception {
		long id = party.filed(party.other(), "DATA_NOT_REPORTED", LocalDate.now(clock));
		caseInvestigation.startInvestigation(PartyCases.ALL, id, List.of(new CaseInvestigation.Member("沈执法", "32050602"),
				new CaseInvestigation.Member("何监察", "32050603")));
		party.evidence(id);
		String body = "{\"report\":\"查明当事人未报送统计数据\",\"proposedPenalty\":\"FINE\",\"proposedFine\":\"2000\"}";
		mvc.perform(post("/api/v1/enforcement/cases/" + id + "/conclusion").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.errors[0].field").value("report"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("沈执法")));
		assertThat(jdbc.sql("SELECT status FROM penalty_case WHERE id = :id").param("id", id).query(String.class).single())
			.isEqualTo("INVESTIGATING");
		long own = party.filed(party.other(), "DATA_NOT_REPORTED", LocalDate.now(clock));
		caseInvestigation.startInvestigation(PartyCases.ALL, own, PartyCases.TEAM);
		party.evidence(own);
		mvc.perform(post("/api/v1/enforcement/cases/" + own + "/conclusion").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isOk());
	}

	/**
	 * Attack: "¥2,000.00" as an amount was told twice — a misplaced thousands comma, then a missing fine. Now once, as
	 * what it is: the currency sign (rule {@code currency}), on the conclusion's fine and a payment's amount alike.
	 */
	@Test
	void anAmountTypedWithItsCurrencyIsOneErrorOfItsField() throws Exception {
		long id = party.filed(party.other(), "DATA_NOT_REPORTED", LocalDate.now(clock));
		caseInvestigation.startInvestigation(PartyCases.ALL, id, PartyCases.TEAM);
		party.evidence(id);
		for (String body : List.of("{\"report\":\"查明\",\"proposedPenalty\":\"FINE\",\"proposedFine\":\"¥2,000.00\"}",
				"{\"report\":\"查明\",\"proposedPenalty\":\"FINE\",\"proposedFine\":\"2000元\"}")) {
			String answer = mvc.perform(post("/api/v1/enforcement/cases/" + id + "/conclusion").header("Authorization", WUZHONG)
				.contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
			List<String> rules = JsonPath.read(answer, "$.errors[?(@.field == 'proposedFine')].rule");
			assertThat(rules).as(answer).containsExactly("currency");
		}
	}

	/**
	 * The case page's forms take a step's day as {@code on}: a refused 事先告知 or 送达 names {@code on}, so the error is
	 * shown beside the field typed — not the service's {@code notifiedOn}, which no input of the page bears.
	 */
	@Test
	void aRefusedPageStepNamesTheFormsOwnField() throws Exception {
		long id = party.concluded(party.other(), "DATA_NOT_REPORTED", "2000", LocalDate.now(clock).minusDays(3));
		String future = LocalDate.now(clock).plusDays(3).toString();
		mvc.perform(post("/enforcement/cases/" + id + "/notice").session(SignIn.session(mvc, "wz.staff")).with(csrf())
			.param("on", future))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("data-field=\"on\"")))
			.andExpect(content().string(not(containsString("data-field=\"notifiedOn\""))));
	}

	/** The {@code digits} refusal of {@code field} sent as the JSON number {@code number} in a conclusion. */
	String digitsRefusal(String path, String field, String number) throws Exception {
		String answer = mvc.perform(post(path).header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content("{\"report\":\"查明\",\"proposedPenalty\":\"FINE\",\"" + field + "\":" + number + "}"))
			.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
		List<String> messages = JsonPath.read(answer, "$.errors[?(@.field == '" + field + "' && @.rule == 'digits')].message");
		assertThat(messages).as(answer).hasSize(1);
		return messages.get(0);
	}

	@Test
	void everyStepsRefusalNamesTheRequestsOwnFields() throws Exception {
				EnterpriseView e = party.other();
		LocalDate today = LocalDate.now(clock);
		String c = "/api/v1/enforcement/cases/";

		long id = party.filed(e, "DATA_NOT_REPORTED", today);
		refusedNamingItsOwnFields(WUZHONG, c + id + "/investigation",
				"{\"investigators\":[{\"name\":\"无此人\",\"certificateNumber\":\"NOPE-1\"}]}");
		refusedNamingItsOwnFields(HEAD, c + id + "/transfer", "{\"bureauId\":null,\"authority\":\"\",\"reason\":\"\"}");
		refusedNamingItsOwnFields(HEAD, c + id + "/suspension", "{\"kind\":\"NOPE\",\"startedOn\":\"\",\"reason\":\"\"}");
		refusedNamingItsOwnFields(HEAD, c + id + "/extension", "{\"reason\":\"\"}");

		caseInvestigation.startInvestigation(PartyCases.ALL, id, PartyCases.TEAM);
		party.evidence(id);
		refusedNamingItsOwnFields(WUZHONG, c + id + "/conclusion", """
				{"report":"","proposedPenalty":"FINE","proposedFine":"99999999","mitigation":"REDUCED","mitigationGround":"NOPE",
				 "mitigationReason":null,"serious":false,"concludedOn":"2000-01-01","proposedConfiscated":"-1",
				 "proposedSuspensionDays":"x"}""",
				CaseInvestigation.Conclusion.class);
		refusedNamingItsOwnFields(WUZHONG, c + id + "/conclusion",
				"{\"report\":\"查明\",\"proposedPenalty\":\"FINE\",\"proposedFine\":\"5000\"}");
		refusedNamingItsOwnFields(WUZHONG, c + id + "/conclusion",
				"{\"report\":\"查明\",\"proposedPenalty\":\"WARNING\",\"proposedFine\":\"500\"}");

		party.evidence(id);
		caseInvestigation.concludeInvestigation(PartyCases.ALL, id, new CaseInvestigation.Conclusion("查明当事人违法事实", "FINE", "3000", false, null, null,
				null));
		refusedNamingItsOwnFields(WUZHONG, c + id + "/notice", "{\"on\":\"not-a-day\"}");

		noticeAndHearing.notifyParty(PartyCases.ALL, id, today.toString());
		// a payment before any decision is a step out of order (409), not "the decision has no fine" (attack round 7)
		mvc.perform(post(c + id + "/payment").header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content("{\"paidOn\":\"" + today + "\",\"amount\":\"3000\"}"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("已告知")))
			.andExpect(content().string(not(containsString("没有罚款"))));
		refusedNamingItsOwnFields(WUZHONG, c + id + "/statement", "{\"on\":\"\",\"text\":\"\"}");
		refusedNamingItsOwnFields(HEAD, c + id + "/decision", """
				{"decisionNumber":null,"decidedOn":"x","penalty":"FINE","fine":"-5","mitigation":"NOPE","mitigationGround":"NOPE",
				 "mitigationReason":null,"discussedOn":"z","discussionConclusion":null,"discussionParticipants":["甲"],
				 "confiscated":"-1","suspensionDays":"y","statementAdopted":null,"statementReview":"x"}""",
				CaseDecisions.Decision.class);
		refusedNamingItsOwnFields(HEAD, c + id + "/decision",
				"{\"decidedOn\":\"" + today + "\",\"penalty\":\"FINE\",\"fine\":\"9000\"}");

		noticeAndHearing.waiveStatement(PartyCases.ALL, id, today.toString(), PartyCases.waiver());
		caseDecisions.decide(PartyCases.ALL, id, new CaseDecisions.Decision(null, today.toString(), "FINE", "3000", null, null, null));
		refusedNamingItsOwnFields(WUZHONG, c + id + "/delivery", "{\"on\":\"\",\"method\":\"\",\"note\":\"\"}");
		caseExecution.deliver(PartyCases.ALL, id, CaseExecution.Delivery.direct(today.toString()));
		refusedNamingItsOwnFields(WUZHONG, c + id + "/publication", "{\"on\":\"x\"}");

		refusedNamingItsOwnFields(WUZHONG, c + id + "/payment", "{\"paidOn\":\"\",\"amount\":\"abc\"}");
		refusedNamingItsOwnFields(HEAD, c + id + "/payment-arrangement",
				"{\"kind\":\"INSTALMENTS\",\"appliedOn\":\"x\",\"deferredUntil\":null,\"reason\":\"\",\"instalments\":[{\"dueOn\":\"x\",\"amount\":\"-1\"}]}",
				CaseExecution.PaymentTerms.class);

		refusedNamingItsOwnFields(WUZHONG, c + "on-the-spot", """
				{"partyKind":"ORGANISATION","enterpriseCreditCode":"%s","personName":null,"regionCode":null,
				 "violation":"DATA_NOT_REPORTED","facts":"未报送数据","place":"营业场所","decidedOn":"%s","penalty":"FINE","fine":"100",
				 "team":[{"name":"无此人","certificateNumber":"NOPE-2"}]}""".formatted(e.creditCode(), today),
				OnTheSpotPenalties.OnTheSpot.class);
		refusedNamingItsOwnFields(WUZHONG, c + "imported", """
				{"enterpriseCreditCode":"bad","violation":"","source":"NOPE","filedOn":"","decidedOn":"x","decisionNumber":"",
				 "penalty":"NOPE","fine":-1,"paidOn":"x","closedOn":"y","confiscated":-1,"handedOverOn":"z",
				 "serious":null,"extended":null,"suspended":null,"noPenaltyGround":"NOPE",
				 "mitigation":"NOPE","mitigationGround":"NOPE","mitigationReason":null,"deliveredOn":"w","orderNumber":null}""", PastCases.ImportedCase.class);
		refusedNamingItsOwnFields(WUZHONG, "/api/v1/enforcement/leads", """
				{"source":"NOPE","sourceDetail":"","enterpriseCreditCode":null,"regionCode":"","summary":"","receivedOn":""}""",
				Leads.ReportData.class);
	}
}
