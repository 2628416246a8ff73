package org.youguan.universal;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hamcrest.Matchers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.ExportedRows;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.RandomLetters;
import org.youguan.SignIn;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.documents.TemplateExamples;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.org.Bureaus;
import org.youguan.registry.Facilities;
import org.youguan.registry.FacilityView;
import org.youguan.rules.RuleUnit;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 邮政普遍服务营业场所 on the demo city: the closure/relocation approval (邮政法 art.9) is decided within 20 working
 * days (+10 once) and announced within 10 working days, counted on the calendar across National Day 2026; each path
 * (apply → check → approve → notice; extension; refusal) is guarded, audited and figured; the postal enterprise sees
 * only its own; bad input is a 400 naming the field; opening days below the standard are listed; past approvals import
 * all or nothing.
 */
@IntegrationTest
class PostOfficeApprovalIntegrationTest {

	static final String WUZHONG = ApprovalFixture.WUZHONG;

	static final String XIANGCHENG = ApprovalFixture.XIANGCHENG;

	static final String POSTAL = ApprovalFixture.POSTAL;

	static final String SHUNFENG = ApprovalFixture.SHUNFENG;

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	PostOfficeApprovals approvals;

	@Autowired
	UniversalFigures figures;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	Facilities facilities;

	@Autowired
	PostOfficeApprovalImport importer;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StatutoryRules rules;

	@Autowired
	Bureaus bureaus;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void theClockCountsWorkingDaysAcrossNationalDay2026() {
		assertThat(StatutoryRule.UNIVERSAL_CLOSURE_DECISION.unit()).isEqualTo(RuleUnit.WORKING_DAYS);
		// received Mon 09-21: 9-22..24 (3), 中秋 9-25..27 off, 9-28..30 (6), 国庆 10-1..7 off, 10-8, 10-9 (8),
		// Sat 10-10 a 调休 working day (9), 10-12..16 (14), 10-19..23 (19), 10-26 (20)
		assertThat(approvals.decisionDue(d("2026-09-21"), "320506")).isEqualTo(d("2026-10-26"));
		// +10 once: 10-27..30 (4), 11-2..6 (9), 11-9 (10)
		assertThat(approvals.extendedDue(d("2026-10-26"), "320506")).isEqualTo(d("2026-11-09"));
		// decided 09-30: 10-8, 9, 10, 12, 13, 14, 15, 16, 19, 20
		assertThat(approvals.noticeDue(d("2026-09-30"), "320506")).isEqualTo(d("2026-10-20"));
		assertThat(calendar.workingDaysBetween(d("2026-09-21"), d("2026-10-26"))).isEqualTo(20);
	}

	@Test
	void applyThenCheckThenApproveThenNotice() throws Exception {
		at("2026-09-21");
		long office = newPostOffice("320506");
		long figuresBefore = figures.figures("320506", d("2026-09-21"), d("2026-09-21")).postOfficeApprovals();
		long id = apply(POSTAL, office, "CLOSURE", "所在村整体拆迁", null);
		mvc.perform(get("/api/v1/universal/post-office-approvals/" + id).header("Authorization", WUZHONG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SUBMITTED"))
			.andExpect(jsonPath("$.decisionDueOn").value("2026-10-26"))
			.andExpect(jsonPath("$.remainingDays").value(20))
			.andExpect(jsonPath("$.overdue").value(false));
		mvc.perform(post("/api/v1/universal/post-office-approvals/" + id + "/approval").header("Authorization", ApprovalFixture.WUZHONG_HEAD)
			.contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isConflict());
		mvc.perform(post("/api/v1/universal/post-office-approvals/" + id + "/site-check").header("Authorization", POSTAL)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"checkedOn\":\"2026-09-21\",\"findings\":\"x\",\"consultation\":\"y\"}")).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/universal/post-office-approvals/" + id + "/site-check").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"checkedOn\":\"2026-09-21\",\"findings\":\"周边2公里内有木渎邮政支局\",\"consultation\":\"村委会、镇政府同意\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CHECKED"));
		// attack: any staff member (sz.market of 市场监管处, the county's own staff) approved a closure; the decision is the
		// deciding bureau's head's (邮政法 art.9 para.2), nothing recorded for anyone else
		for (String other : new String[] { "Bearer demo-sz-market-token", WUZHONG }) {
			mvc.perform(post("/api/v1/universal/post-office-approvals/" + id + "/approval").header("Authorization", other)
				.contentType(MediaType.APPLICATION_JSON).content("{\"reasons\":\"服务由相邻支局承担\"}"))
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.errors[0].field").value("decision"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("局领导")));
		}
		mvc.perform(get("/api/v1/universal/post-office-approvals/" + id).header("Authorization", WUZHONG))
			.andExpect(jsonPath("$.status").value("CHECKED"));
		mvc.perform(post("/api/v1/universal/post-office-approvals/" + id + "/approval").header("Authorization", ApprovalFixture.WUZHONG_HEAD)
			.contentType(MediaType.APPLICATION_JSON).content("{\"reasons\":\"服务由相邻支局承担\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPROVED"))
			.andExpect(jsonPath("$.decidedOn").value("2026-09-21"))
			// 9-22, 23, 24, 28, 29, 30, 10-8, 9, 10, 12
			.andExpect(jsonPath("$.noticeDueOn").value("2026-10-12"));
		assertThat(figures.figures("320506", d("2026-09-21"), d("2026-09-21")).postOfficeApprovals())
			.isEqualTo(figuresBefore + 1);
		at("2026-10-13");
		mvc.perform(get("/api/v1/universal/post-office-approvals/" + id).header("Authorization", WUZHONG))
			.andExpect(jsonPath("$.overdue").value(true))
			.andExpect(jsonPath("$.remainingDays").value(-1));
		mvc.perform(post("/api/v1/universal/post-office-approvals/" + id + "/notice").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content("{\"announcedOn\":\"2026-10-13\",\"channel\":\"区政府网站\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ANNOUNCED"))
			.andExpect(jsonPath("$.overdue").value(false));
		assertThat(jdbc.sql("SELECT action FROM audit_event WHERE object_type = 'PostOfficeApproval' AND object_id = :id ORDER BY id")
			.param("id", Long.toString(id)).query(String.class).list()).containsExactly("post-office.approval.apply",
					"post-office.approval.check", "post-office.approval.approve", "post-office.approval.announce");
	}

	@Test
	void theDecisionPeriodExtendsOnceByTenWorkingDaysByTheHeadHimself() throws Exception {
		at("2026-09-21");
		long id = apply(WUZHONG, newPostOffice("320506"), "RELOCATION", "原址租约到期", "吴中区木渎镇新址路8号");
		// 经本行政机关负责人批准 (行政许可法 art.42) is the head's own act: staff typing a head's name is refused
		// (attack round: {"approvedBy":"蒋局长"} from a staff token extended the period)
		extend(WUZHONG, id, "{\"reason\":\"复杂\"}").andExpect(status().isForbidden())
			.andExpect(jsonPath("$.errors[0].field").value("approvedBy"));
		extend(WUZHONG, id, "{\"reason\":\"复杂\",\"approvedBy\":\"蒋局长\"}").andExpect(status().is4xxClientError());
		assertThat(jdbc.sql("SELECT extended FROM post_office_approval WHERE id = :id").param("id", id).query(Boolean.class)
			.single()).as("nothing extended by a typed name").isFalse();
		Document page = Jsoup.parse(mvc.perform(get("/universal/post-office-approvals/" + id).session(SignIn.session(mvc, "wz.staff")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(page.select("#extend-form")).as("the extension form is the head's only").isEmpty();
		String head = ApprovalFixture.WUZHONG_HEAD;
		extend(head, id, "{}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
		extend(head, id, "{\"reason\":\"需补充征求意见\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.extended").value(true))
			.andExpect(jsonPath("$.extensionApprovedBy").value("蒋局长"))
			.andExpect(jsonPath("$.decisionDueOn").value("2026-11-09"))
			.andExpect(jsonPath("$.remainingDays").value(30));
		extend(head, id, "{\"reason\":\"再延\"}").andExpect(status().isConflict());
		refuse(id);
	}

	/** The extension of approval {@code id} asked through the API with {@code token}. */
	private ResultActions extend(String token, long id, String body) throws Exception {
		return mvc.perform(post("/api/v1/universal/post-office-approvals/" + id + "/extension").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON).content(body));
	}

	@Test
	void aRefusalNeedsItsReasonsAndEndsTheApproval() throws Exception {
		long id = apply(POSTAL, newPostOffice("320506"), "CLOSURE", "业务量下降", null);
		mvc.perform(post("/api/v1/universal/post-office-approvals/" + id + "/refusal").header("Authorization", ApprovalFixture.WUZHONG_HEAD)
			.contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reasons"));
		mvc.perform(post("/api/v1/universal/post-office-approvals/" + id + "/refusal").header("Authorization", ApprovalFixture.WUZHONG_HEAD)
			.contentType(MediaType.APPLICATION_JSON).content("{\"reasons\":\"撤销后周边村民用邮不便\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REFUSED"))
			.andExpect(jsonPath("$.noticeDueOn").doesNotExist());
		mvc.perform(post("/api/v1/universal/post-office-approvals/" + id + "/notice").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content("{\"announcedOn\":\"2026-01-01\",\"channel\":\"x\"}"))
			.andExpect(status().isConflict());
	}

	/** The page's decision form: no decision, or one it does not offer, is a 400 at the field and records nothing. */
	@Test
	void aDecisionThatIsMissingOrUnknownIsRefusedNotReadAsARefusal() throws Exception {
		long id = apply(POSTAL, newPostOffice("320506"), "CLOSURE", "业务量下降", null);
		// the decision form is the head's: the county's staff are not offered it (and refused if they post it)
		assertThat(mvc.perform(get("/universal/post-office-approvals/" + id).session(SignIn.session(mvc, "wz.staff")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("id=\"decision-form\"");
		mvc.perform(post("/universal/post-office-approvals/" + id + "/decision").with(csrf()).session(SignIn.session(mvc, "wz.staff"))
			.param("decision", "REFUSE").param("reasons", "撤销后周边村民用邮不便"))
			.andExpect(status().isForbidden());
		MockHttpSession session = SignIn.session(mvc, "wz.leader");
		assertThat(mvc.perform(get("/universal/post-office-approvals/" + id).session(session))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("id=\"decision-form\"");
		for (String decision : new String[] { null, "", "BOGUS" }) {
			var request = post("/universal/post-office-approvals/" + id + "/decision").with(csrf()).session(session)
				.param("reasons", "撤销后周边村民用邮不便");
			if (decision != null) {
				request.param("decision", decision);
			}
			String body = mvc.perform(request).andExpect(status().isBadRequest()).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			assertThat(body).as(decision).contains("data-field=\"decision\"")
				.contains(decision == null || decision.isEmpty() ? "不能为空：请选择批准或不予批准" : "应为批准（APPROVE）、不予批准（REFUSE）之一");
		}
		mvc.perform(get("/api/v1/universal/post-office-approvals/" + id).header("Authorization", WUZHONG))
			.andExpect(jsonPath("$.status").value("SUBMITTED"))
			.andExpect(jsonPath("$.decisionNumber").doesNotExist())
			.andExpect(jsonPath("$.decidedOn").doesNotExist());
		mvc.perform(post("/universal/post-office-approvals/" + id + "/decision").with(csrf()).session(session)
			.param("decision", "REFUSE").param("reasons", "撤销后周边村民用邮不便"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/api/v1/universal/post-office-approvals/" + id).header("Authorization", WUZHONG))
			.andExpect(jsonPath("$.status").value("REFUSED"));
	}

	@Test
	void theEnterpriseSeesOnlyItsOwnAndACountyOnlyItsRegion() throws Exception {
		long office = newPostOffice("320506");
		long id = apply(POSTAL, office, "CLOSURE", "业务调整", null);
		mvc.perform(get("/api/v1/universal/post-office-approvals/" + id).header("Authorization", SHUNFENG))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/universal/post-office-approvals?size=100").header("Authorization", SHUNFENG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(0));
		mvc.perform(post("/api/v1/universal/post-office-approvals").header("Authorization", SHUNFENG)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"facilityId\":" + office + ",\"kind\":\"CLOSURE\",\"reason\":\"x\"}"))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/universal/post-office-approvals/" + id).header("Authorization", XIANGCHENG))
			.andExpect(status().isNotFound());
		// nor takes its steps: 404 before the body is read (a body that is no JSON was told 400 first)
		mvc.perform(post("/api/v1/universal/post-office-approvals/" + id + "/site-check").header("Authorization", XIANGCHENG)
			.contentType(MediaType.APPLICATION_JSON).content("{\"checkedOn\": "))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/universal/post-office-approvals/" + id).header("Authorization", POSTAL))
			.andExpect(status().isOk());
		mvc.perform(post("/api/v1/universal/post-office-approvals").header("Authorization", POSTAL)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"facilityId\":" + office + ",\"kind\":\"CLOSURE\",\"reason\":\"又一次\"}"))
			.andExpect(status().isConflict());
		refuse(id);
	}

	@Test
	void badInputIsA400NamingTheFieldAndSavesNothing() throws Exception {
		long office = newPostOffice("320506");
		long before = count();
		mvc.perform(post("/api/v1/universal/post-office-approvals").header("Authorization", POSTAL)
			.contentType(MediaType.APPLICATION_JSON).content("{\"facilityId\":" + office + ",\"kind\":\"SELL\",\"reason\":\" \"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItems("kind", "reason")))
			.andExpect(jsonPath("$.errors[*].message", hasItem(containsString("撤销"))));
		// a facility number that is no number is told as the facility's number, not as the facility's "type"
		mvc.perform(post("/api/v1/universal/post-office-approvals").header("Authorization", POSTAL)
			.contentType(MediaType.APPLICATION_JSON).content("{\"facilityId\":\"abc\",\"kind\":\"CLOSURE\",\"reason\":\"x\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("facilityId"))
			.andExpect(jsonPath("$.errors[0].message", Matchers.startsWith("设施编号")));
		mvc.perform(post("/api/v1/universal/post-office-approvals").header("Authorization", POSTAL)
			.contentType(MediaType.APPLICATION_JSON).content("{\"facilityId\":" + office + ",\"kind\":\"RELOCATION\",\"reason\":\"租约到期\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("newAddress"));
		mvc.perform(post("/api/v1/universal/post-office-approvals").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"facilityId\":" + office + ",\"kind\":\"CLOSURE\",\"reason\":\"x\",\"receivedOn\":\"2099-01-01\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("receivedOn"));
		// nor long ago: a live application's periods start at its receipt (1949 ran its deadlines out in 1949); a past
		// decision comes by the past-approval import
		for (String old : List.of("1949-10-01", LocalDate.now(clock).minusYears(1).minusDays(1).toString())) {
			mvc.perform(post("/api/v1/universal/post-office-approvals").header("Authorization", WUZHONG)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"facilityId\":" + office + ",\"kind\":\"CLOSURE\",\"reason\":\"x\",\"receivedOn\":\"" + old + "\"}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("receivedOn"))
				.andExpect(jsonPath("$.errors[0].rule").value("range"));
		}
		// the new address is printed on the decision and the notice: no contact's mobile number in it
		mvc.perform(post("/api/v1/universal/post-office-approvals").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content("{\"facilityId\":" + office
					+ ",\"kind\":\"RELOCATION\",\"reason\":\"租约到期\",\"newAddress\":\"某路1号（联系人13812345678）\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("newAddress"))
			.andExpect(jsonPath("$.errors[0].rule").value("personal-number"));
		// attack (addr3, finding 3): the new address had no region check — another city's address is refused
		mvc.perform(post("/api/v1/universal/post-office-approvals").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content("{\"facilityId\":" + office
					+ ",\"kind\":\"RELOCATION\",\"reason\":\"租约到期\",\"newAddress\":\"迁至浙江省杭州市西湖区文三路1号\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("newAddress"))
			.andExpect(jsonPath("$.errors[0].rule").value("address-region"))
			.andExpect(jsonPath("$.errors[0].message").value("搬迁后的地址写的是“浙江省”，不在营业场所所在市（江苏省苏州市）内，请核对搬迁后的地址"));
		assertThat(count()).isEqualTo(before);
		classify(office, "TOWNSHIP");
		mvc.perform(put("/api/v1/universal/post-offices/" + office + "/hours").header("Authorization", POSTAL)
			.contentType(MediaType.APPLICATION_JSON).content("{\"areaType\":\"TOWNSHIP\",\"daysPerWeek\":9,\"openingHours\":\"\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItems("daysPerWeek", "openingHours")));
		// opening hours are one line: a pasted line break or a zero-width character inside is refused, not stored
		mvc.perform(put("/api/v1/universal/post-offices/" + office + "/hours").header("Authorization", POSTAL)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"areaType\":\"TOWNSHIP\",\"daysPerWeek\":6,\"openingHours\":\"周一\\n至周六 8:30\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("openingHours"))
			.andExpect(jsonPath("$.errors[0].rule").value("line-break"));
		mvc.perform(put("/api/v1/universal/post-offices/" + office + "/hours").header("Authorization", POSTAL)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"areaType\":\"TOWNSHIP\",\"daysPerWeek\":6,\"openingHours\":\"周一至周六\\u200b 8:30\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].rule").value("invisible-character"));
		mvc.perform(post("/api/v1/universal/post-office-suspensions").header("Authorization", POSTAL)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"facilityId\":" + office + ",\"startsOn\":\"" + LocalDate.now(clock).plusDays(10)
					+ "\",\"endsOn\":\"" + LocalDate.now(clock).plusDays(1) + "\",\"reason\":\"装修\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("endsOn"))
			.andExpect(jsonPath("$.errors[0].rule").value("order"));
	}

	@Test
	void openingDaysBelowTheStandardAreListedAndExported() throws Exception {
		long township = newPostOffice("320506");
		long city = newPostOffice("320506");
		// the bureau classifies the post office; the enterprise reports its hours, flagged against the bureau's type
		classify(township, "TOWNSHIP");
		mvc.perform(put("/api/v1/universal/post-offices/" + township + "/hours").header("Authorization", POSTAL)
			.contentType(MediaType.APPLICATION_JSON).content("{\"areaType\":\"TOWNSHIP\",\"daysPerWeek\":4,\"openingHours\":\"周一至周四 9:00-16:00\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.standardDays").value(5))
			.andExpect(jsonPath("$.belowStandard").value(true));
		mvc.perform(put("/api/v1/universal/post-offices/" + city + "/hours").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content("{\"areaType\":\"CITY\",\"daysPerWeek\":6,\"openingHours\":\"周一至周六 8:30-17:30\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.standardDays").value(6))
			.andExpect(jsonPath("$.belowStandard").value(false));
		String below = mvc.perform(get("/api/v1/universal/post-offices?below=true&region=320506&size=200").header("Authorization", WUZHONG))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<Integer> ids = JsonPath.read(below, "$.items[*].facilityId");
		assertThat(ids).contains((int) township).doesNotContain((int) city);
		mvc.perform(get("/api/v1/universal/post-offices?below=true").header("Authorization", XIANGCHENG))
			.andExpect(jsonPath("$.items[*].regionCode", Matchers.everyItem(Matchers.startsWith("320507"))));
		MockHttpSession session = SignIn.session(mvc, "wz.staff");
		mvc.perform(get("/universal/post-offices").param("below", "true").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("周一至周四 9:00-16:00")));
		mvc.perform(get("/universal/post-offices/export.xlsx").param("below", "true").session(session))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
	}

	/**
	 * The portal's opening days are a finished list: searched, filtered to 低于标准, sorted, paged and exported with the
	 * page's columns — the postal enterprise's own post offices only; another enterprise may not open the export.
	 */
	@Test
	void thePortalsOpeningDaysAreSearchedSortedPagedAndExportedOwnOnly() throws Exception {
		long office = newPostOffice("320506");
		classify(office, "TOWNSHIP");
		mvc.perform(put("/api/v1/universal/post-offices/" + office + "/hours").header("Authorization", POSTAL)
			.contentType(MediaType.APPLICATION_JSON).content("{\"areaType\":\"TOWNSHIP\",\"daysPerWeek\":3,\"openingHours\":\"周一至周三 9:00-16:00\"}"))
			.andExpect(status().isOk());
		String name = jdbc.sql("SELECT name FROM facility WHERE id = :id").param("id", office).query(String.class).single();
		MockHttpSession enterprise = SignIn.session(mvc, "yz.sz");
		Document page = Jsoup.parse(mvc.perform(get("/enterprise/post-offices?q={q}&below=true", name)
			.session(enterprise)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(page.select("#hours tbody tr")).hasSize(1);
		assertThat(page.select("#hours thead a.table-sort")).hasSize(2);
		assertThat(page.select("#export").attr("href")).startsWith("/enterprise/post-offices/export.xlsx?q=").contains("below=true");

		List<List<String>> one = ExportedRows.of(mvc, enterprise, "/enterprise/post-offices/export.xlsx", "q", name);
		assertThat(one.get(0)).containsExactly("营业场所", "所在地类型", "每周营业天数", "标准（天/周）", "低于标准", "营业时间");
		assertThat(one.get(1)).containsExactly(name, "乡镇人民政府所在地", "3", "5", "是", "周一至周三 9:00-16:00");
		String own = jdbc.sql("SELECT credit_code FROM enterprise WHERE id = (SELECT enterprise_id FROM facility WHERE id = :id)")
			.param("id", office).query(String.class).single();
		List<List<String>> all = ExportedRows.of(mvc, enterprise, "/enterprise/post-offices/export.xlsx", "sort", "days",
				"dir", "desc");
		assertThat(all).hasSize(1 + jdbc.sql("SELECT count(*) FROM post_office_hours WHERE enterprise_credit_code = :own")
			.param("own", own).query(Integer.class).single());
		assertThat(ExportedRows.column(all, 2).stream().map(Integer::valueOf).toList()).isSortedAccordingTo((a, b) -> b - a);
		mvc.perform(get("/enterprise/post-offices/export.xlsx").session(SignIn.session(mvc, "sf.wz")))
			.andExpect(status().isForbidden());
	}

	@Test
	void suspensionsReportedByTheEnterpriseAreListedForTheBureau() throws Exception {
		long office = newPostOffice("320506");
		LocalDate day1 = LocalDate.now(clock).plusDays(20);
		mvc.perform(post("/api/v1/universal/post-office-suspensions").header("Authorization", POSTAL)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"facilityId\":" + office + "," + days(day1, day1.plusDays(2)) + ",\"reason\":\"内部装修临时停业\"}"))
			.andExpect(status().isCreated());
		// the same stop reported again, or days overlapping it: one report per stop (attack round 7: both were kept)
		for (String days : List.of(days(day1, day1.plusDays(2)), days(day1.plusDays(2), day1.plusDays(19)),
				// the next day on: one stop split into back-to-back reports (attack round 8)
				days(day1.plusDays(3), day1.plusDays(5)))) {
			mvc.perform(post("/api/v1/universal/post-office-suspensions").header("Authorization", POSTAL)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"facilityId\":" + office + "," + days + ",\"reason\":\"内部装修临时停业\"}"))
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.errors[0].field").value("startsOn"))
				.andExpect(jsonPath("$.errors[0].rule").value("overlap"));
		}
		// a stop too long is refused citing the law as the enterprise, a party, is told it: formally, no staff short form
		mvc.perform(post("/api/v1/universal/post-office-suspensions").header("Authorization", POSTAL)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"facilityId\":" + office + "," + days(LocalDate.now(clock), LocalDate.now(clock).plusDays(400)) + ",\"reason\":\"长期停业\"}"))
			.andExpect(status().is4xxClientError())
			.andExpect(jsonPath("$.errors[0].field").value("endsOn"))
			.andExpect(jsonPath("$.errors[0].message", containsString("（《中华人民共和国邮政法》第十五条）")))
			.andExpect(jsonPath("$.errors[0].message", Matchers.not(containsString("邮政法(2015)"))));
		mvc.perform(get("/api/v1/universal/post-office-suspensions?size=200").header("Authorization", WUZHONG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].facilityId", hasItem((int) office)));
		mvc.perform(get("/api/v1/universal/post-office-suspensions?size=200").header("Authorization", XIANGCHENG))
			.andExpect(jsonPath("$.items[*].facilityId", Matchers.not(hasItem((int) office))));
		MockHttpSession session = SignIn.session(mvc, "wz.staff");
		mvc.perform(get("/universal/post-office-suspensions").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("内部装修临时停业")));
		String name = jdbc.sql("SELECT name FROM facility WHERE id = :id").param("id", office).query(String.class).single();
		List<List<String>> rows = ExportedRows.of(mvc, session, "/universal/post-office-suspensions/export.xlsx", "q", name);
		assertThat(rows.get(0)).containsExactly("营业场所", "开始", "结束", "原因", "报告人");
		assertThat(rows.get(1).subList(0, 4)).containsExactly(name, day1.toString(), day1.plusDays(2).toString(), "内部装修临时停业");
		assertThat(ExportedRows.of(mvc, SignIn.session(mvc, "xc.staff"), "/universal/post-office-suspensions/export.xlsx",
				"q", name)).as("another county's export holds none of them").hasSize(1);
	}

	/**
	 * A 临时停业 is reported promptly and is temporary (邮政法(2015) art.15): its first day at most
	 * universal.suspension.start-lookback (10) days back and start-lead (92) ahead, at most max-length (30) days long,
	 * each 400 rule {@code range} naming the field and the rule; a province's own value applies to its post offices.
	 * (Attack round 8: a stop from 2020 to 2099 was accepted.)
	 */
	@Test
	void aSuspensionIsReportedPromptlyAndIsTemporary() throws Exception {
		long office = newPostOffice("320506");
		LocalDate today = LocalDate.now(clock);
		for (var refused : List.of(
				List.of(today.minusDays(11), today.minusDays(5), "startsOn", "补报的期限按本局规定"),
				List.of(today.plusDays(93), today.plusDays(95), "startsOn", "提前报告的期限按本局规定"),
				List.of(today.plusDays(1), today.plusDays(31), "endsOn", "临时停业的天数按本局规定"),
				List.of(LocalDate.of(2020, 1, 1), LocalDate.of(2099, 12, 31), "startsOn", "补报的期限按本局规定"))) {
			mvc.perform(post("/api/v1/universal/post-office-suspensions").header("Authorization", POSTAL)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"facilityId\":" + office + "," + days((LocalDate) refused.get(0), (LocalDate) refused.get(1))
						+ ",\"reason\":\"装修\"}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[?(@.field == '" + refused.get(2) + "')].rule").value(hasItem("range")))
				.andExpect(jsonPath("$.errors[*].message").value(hasItem(containsString((String) refused.get(3)))))
				// the post office's enterprise reads the refusal: no catalogue code, no 地方实践（未确认）
				.andExpect(jsonPath("$.errors[*].message").value(everyItem(not(containsString("universal.suspension")))))
				.andExpect(jsonPath("$.errors[*].message").value(everyItem(not(containsString("未确认")))));
		}
		assertThat(jdbc.sql("SELECT count(*) FROM post_office_suspension WHERE facility_id = :id").param("id", office)
			.query(Long.class).single()).as("nothing refused is kept").isZero();
		// the bounds themselves are allowed: 10 days back, 30 days long; 92 days ahead
		mvc.perform(post("/api/v1/universal/post-office-suspensions").header("Authorization", POSTAL)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"facilityId\":" + office + "," + days(today.minusDays(10), today.plusDays(19)) + ",\"reason\":\"水毁抢修\"}"))
			.andExpect(status().isCreated());
		mvc.perform(post("/api/v1/universal/post-office-suspensions").header("Authorization", POSTAL)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"facilityId\":" + office + "," + days(today.plusDays(92), today.plusDays(92)) + ",\"reason\":\"盘点\"}"))
			.andExpect(status().isCreated());
		// stops fewer than 7 open days apart are one stop for the limit (attack round 9: 30 days, a day open, 30 days …)
		long other = newPostOffice("320506");
		for (LocalDate[] stop : new LocalDate[][] { { today.plusDays(1), today.plusDays(10) },
				{ today.plusDays(12), today.plusDays(21) }, { today.plusDays(23), today.plusDays(29) } }) {
			mvc.perform(post("/api/v1/universal/post-office-suspensions").header("Authorization", POSTAL)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"facilityId\":" + other + "," + days(stop[0], stop[1]) + ",\"reason\":\"分段停业\"}"))
				.andExpect(status().isCreated());
		}
		mvc.perform(post("/api/v1/universal/post-office-suspensions").header("Authorization", POSTAL)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"facilityId\":" + other + "," + days(today.plusDays(31), today.plusDays(31)) + ",\"reason\":\"分段停业\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("endsOn"))
			.andExpect(jsonPath("$.errors[0].rule").value("range"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("共31天")));
		// a week open between them: two stops
		mvc.perform(post("/api/v1/universal/post-office-suspensions").header("Authorization", POSTAL)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"facilityId\":" + other + "," + days(today.plusDays(37), today.plusDays(40)) + ",\"reason\":\"分段停业\"}"))
			.andExpect(status().isCreated());
		long jiangsu = bureaus.findByRegion("32").orElseThrow().id();
		try {
			rules.override(StatutoryRule.UNIVERSAL_SUSPENSION_MAX_LENGTH, jiangsu, "32", BigDecimal.valueOf(60),
					"测试：本省临时停业最长60天");
			mvc.perform(post("/api/v1/universal/post-office-suspensions").header("Authorization", POSTAL)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"facilityId\":" + office + "," + days(today.plusDays(40), today.plusDays(89)) + ",\"reason\":\"改造\"}"))
				.andExpect(status().isCreated());
			mvc.perform(get("/enterprise/post-offices").session(SignIn.session(mvc, "yz.sz")))
				.andExpect(content().string(containsString("一次最长60天")));
			// a county may tighten its province's limit, not loosen it (attack round 9: 昆山 set 92 over 江苏's 15)
			long wuzhong = bureaus.findByRegion("320506").orElseThrow().id();
			assertThatThrownBy(() -> rules.override(StatutoryRule.UNIVERSAL_SUSPENSION_MAX_LENGTH, wuzhong, "320506",
					BigDecimal.valueOf(61), "测试：放宽")).isInstanceOfSatisfying(InvalidValueException.class,
							e -> assertThat(e.fieldErrors()).extracting(FieldError::rule).containsExactly("parent-max"));
			rules.override(StatutoryRule.UNIVERSAL_SUSPENSION_MAX_LENGTH, wuzhong, "320506", BigDecimal.valueOf(45), "测试：收紧");
			try {
				assertThatThrownBy(() -> rules.override(StatutoryRule.UNIVERSAL_SUSPENSION_MAX_LENGTH, jiangsu, "32",
						BigDecimal.valueOf(40), "测试：省局收紧至下级已设值以下")).isInstanceOfSatisfying(InvalidValueException.class,
								e -> assertThat(e.fieldErrors()).extracting(FieldError::rule).containsExactly("conflicts-below"));
			}
			finally {
				rules.clearOverride(StatutoryRule.UNIVERSAL_SUSPENSION_MAX_LENGTH, "320506");
			}
		}
		finally {
			rules.clearOverride(StatutoryRule.UNIVERSAL_SUSPENSION_MAX_LENGTH, "32");
		}
	}

	private static String days(LocalDate from, LocalDate to) {
		return "\"startsOn\":\"" + from + "\",\"endsOn\":\"" + to + "\"";
	}

	/**
	 * The portal shows its latest 10 临时停业 and applications with their totals and links to full lists, which page,
	 * search, sort and export its own rows as the bureau's lists do: nothing is cut off unseen.
	 */
	@Test
	void thePortalsApplicationsAndSuspensionsAreAllReachableInPagedListsOwnOnly() throws Exception {
		long office = newPostOffice("320506");
		String name = jdbc.sql("SELECT name FROM facility WHERE id = :id").param("id", office).query(String.class).single();
		LocalDate first = LocalDate.now(clock).plusDays(1);
		for (int i = 0; i < 12; i++) {
			mvc.perform(post("/api/v1/universal/post-office-suspensions").header("Authorization", POSTAL)
				.contentType(MediaType.APPLICATION_JSON)
				// a day each, a week open between: separate stops (REOPENING_DAYS)
				.content("{\"facilityId\":" + office + "," + days(first.plusDays(8 * i), first.plusDays(8 * i))
						+ ",\"reason\":\"分页停业" + i + "\"}"))
				.andExpect(status().isCreated());
		}
		long id = apply(POSTAL, office, "CLOSURE", "分页测试业务调整", null);
		MockHttpSession enterprise = SignIn.session(mvc, "yz.sz");
		Document page = Jsoup.parse(mvc.perform(get("/enterprise/post-offices").session(enterprise))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(page.select("#suspensions tbody tr")).hasSizeLessThanOrEqualTo(10);
		assertThat(page.select("#all-suspensions").attr("href")).isEqualTo("/enterprise/post-offices/suspensions");
		assertThat(page.select("#all-suspensions").text()).contains("共");
		assertThat(page.select("#all-approvals").attr("href")).isEqualTo("/enterprise/post-offices/approvals");

		Document list = Jsoup.parse(mvc.perform(get("/enterprise/post-offices/suspensions?q={q}&size=5", name).session(enterprise))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(list.select("#suspensions tbody tr")).hasSize(5);
		assertThat(list.select(".pagination a[href*='page=1']")).isNotEmpty();
		assertThat(list.select("#export").attr("href")).startsWith("/enterprise/post-offices/suspensions/export.xlsx?q=");
		List<List<String>> rows = ExportedRows.of(mvc, enterprise, "/enterprise/post-offices/suspensions/export.xlsx", "q",
				name, "sort", "starts", "dir", "asc");
		assertThat(rows).as("every one of them").hasSize(13);
		assertThat(ExportedRows.column(rows, 1)).isSorted().startsWith(first.toString());
		List<String> own = jdbc.sql("SELECT f.name FROM facility f JOIN enterprise e ON e.id = f.enterprise_id "
				+ "WHERE e.credit_code = (SELECT enterprise_credit_code FROM post_office_suspension WHERE facility_id = :id LIMIT 1)")
			.param("id", office).query(String.class).list();
		assertThat(ExportedRows.column(ExportedRows.of(mvc, enterprise, "/enterprise/post-offices/suspensions/export.xlsx"), 0))
			.as("its own post offices only").allMatch(own::contains);

		mvc.perform(get("/enterprise/post-offices/approvals").session(enterprise).param("q", name))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("分页测试业务调整")))
			.andExpect(content().string(containsString("/enterprise/post-offices/approvals/" + id)))
			.andExpect(content().string(Matchers.not(containsString("paper-form"))));
		List<List<String>> applications = ExportedRows.of(mvc, enterprise, "/enterprise/post-offices/approvals/export.xlsx",
				"q", name, "open", "true");
		assertThat(applications).hasSize(2);
		assertThat(applications.get(1).subList(0, 3)).containsExactly(name, "分页测试业务调整", "撤销");
		assertThat(ExportedRows.column(ExportedRows.of(mvc, enterprise, "/enterprise/post-offices/approvals/export.xlsx"), 0))
			.allMatch(own::contains);
		mvc.perform(get("/enterprise/post-offices/approvals").session(SignIn.session(mvc, "sf.wz")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/enterprise/post-offices/suspensions/export.xlsx").session(SignIn.session(mvc, "sf.wz")))
			.andExpect(status().isForbidden());
		refuse(id);
	}

	/** The bureau's approvals queue exports with the page's columns, search and filters, the caller's region only. */
	@Test
	void theApprovalsQueueExportsTheRegionsApprovalsAsTheListShowsThem() throws Exception {
		long office = newPostOffice("320506");
		long id = apply(POSTAL, office, "CLOSURE", "导出测试业务调整", null);
		String name = jdbc.sql("SELECT name FROM facility WHERE id = :id").param("id", office).query(String.class).single();
		List<List<String>> rows = ExportedRows.of(mvc, SignIn.session(mvc, "wz.staff"),
				"/universal/post-office-approvals/export.xlsx", "q", name, "open", "true");
		assertThat(rows.get(0)).containsExactly("营业场所", "理由", "事项", "搬迁后的地址", "状态", "决定文号", "收到日期", "期限", "剩余工作日",
				"逾期");
		assertThat(rows).hasSize(2);
		assertThat(rows.get(1).subList(0, 3)).containsExactly(name, "导出测试业务调整", "撤销");
		assertThat(ExportedRows.of(mvc, SignIn.session(mvc, "xc.staff"), "/universal/post-office-approvals/export.xlsx", "q",
				name)).as("another county's export holds none of them").hasSize(1);
		refuse(id);
	}

	@Test
	void pastApprovalsImportWithTheirRealDatesAllOrNothing() throws Exception {
		long office = newPostOffice("320506");
		mvc.perform(post("/api/v1/universal/post-office-approvals/imported").header("Authorization", ApprovalFixture.WUZHONG_HEAD)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"facilityId\":" + office + ",\"kind\":\"撤销\",\"reason\":\"整体拆迁\",\"receivedOn\":\"2025-03-03\","
					+ "\"checkedOn\":\"2025-03-14\",\"decision\":\"批准\",\"decidedOn\":\"2025-03-25\",\"announcedOn\":\"2025-04-01\","
					+ "\"noticeChannel\":\"区政府网站\"}"))
			.andExpect(status().isCreated());
		assertThat(figures.figures("320506", d("2025-03-25"), d("2025-03-25")).postOfficeApprovals()).isPositive();
		long before = count();
		byte[] sheet = Workbooks.sheet(PostOfficeApprovalImport.HEADERS, List.of(
				List.of(Long.toString(office), "撤销", "好行", "2024-05-06", "不予批准", "2024-05-20"),
				List.of(Long.toString(office), "出售", "", "2024-05-06", "批准", "2024-05-01"),
				List.of("999999999", "搬迁", "理由", "2024-05-06", "批准", "2024-05-20")));
		mvc.perform(multipart("/api/v1/universal/post-office-approvals/import")
			.file(new MockMultipartFile("file", "a.xlsx", MediaType.APPLICATION_OCTET_STREAM_VALUE, sheet))
			.header("Authorization", ApprovalFixture.WUZHONG_HEAD))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[*].field", hasItems("第3行·申请事项", "第3行·撤销或搬迁理由", "第4行·营业场所设施编号")));
		assertThat(count()).as("nothing imported").isEqualTo(before);
		byte[] good = Workbooks.sheet(PostOfficeApprovalImport.HEADERS, List.of(List.of(Long.toString(office), "撤销", "好行", "2024-05-06", "不予批准", "2024-05-20")));
		mvc.perform(multipart("/api/v1/universal/post-office-approvals/import")
			.file(new MockMultipartFile("file", "a.xlsx", MediaType.APPLICATION_OCTET_STREAM_VALUE, good))
			.header("Authorization", ApprovalFixture.WUZHONG_HEAD))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.imported").value(1));
		assertThat(count()).isEqualTo(before + 1);
	}

	/**
	 * A sheet names its post office as a clerk knows it, by the name its lists show (营业场所名称), not by a database
	 * number: the template's example names the demo's 吴中 post office so and leaves the 设施编号 blank; a name no post
	 * office of the caller's has is told under its column and nothing is imported; the name of one imports it.
	 */
	@Test
	void pastApprovalsImportNamingThePostOfficeByItsName() throws Exception {
		try (XSSFWorkbook template = new XSSFWorkbook(new ByteArrayInputStream(importer.template()))) {
			Row header = template.getSheetAt(0).getRow(0);
			Row example = template.getSheetAt(0).getRow(1);
			Map<String, String> cells = new LinkedHashMap<>();
			for (int i = 0; i < header.getLastCellNum(); i++) {
				cells.put(header.getCell(i).getStringCellValue(), example.getCell(i) == null ? "" : new DataFormatter().formatCellValue(example.getCell(i)));
			}
			assertThat(cells.get("营业场所名称")).isEqualTo(TemplateExamples.POST_OFFICE);
			assertThat(cells.get("营业场所设施编号")).as("no database number in the example").isEmpty();
		}
		assertThat(facilities.postOffices(DataScope.region(TemplateExamples.COUNTY), TemplateExamples.COUNTY))
			.as("the demo holds the example's post office").extracting(FacilityView::name).contains(TemplateExamples.POST_OFFICE);

		long office = newPostOffice("320506");
		String name = facilities.get(DataScope.all(), office).name();
		List<String> columns = List.of("营业场所名称", "申请事项", "撤销或搬迁理由", "收到申请日期", "决定", "决定日期");
		long before = count();
		byte[] unknown = Workbooks.sheet(columns, List.of(List.of(name + "甲", "撤销", "好行", "2024-05-06", "不予批准", "2024-05-20")));
		mvc.perform(multipart("/api/v1/universal/post-office-approvals/import")
			.file(new MockMultipartFile("file", "a.xlsx", MediaType.APPLICATION_OCTET_STREAM_VALUE, unknown))
			.header("Authorization", ApprovalFixture.WUZHONG_HEAD))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.errors[*].field", hasItems("第2行·营业场所名称")))
			.andExpect(content().string(containsString("不是您辖区内登记的邮政普遍服务营业场所")));
		assertThat(count()).as("nothing imported").isEqualTo(before);
		byte[] good = Workbooks.sheet(columns, List.of(List.of(name, "撤销", "好行", "2024-05-06", "不予批准", "2024-05-20")));
		mvc.perform(multipart("/api/v1/universal/post-office-approvals/import")
			.file(new MockMultipartFile("file", "a.xlsx", MediaType.APPLICATION_OCTET_STREAM_VALUE, good))
			.header("Authorization", ApprovalFixture.WUZHONG_HEAD))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.imported").value(1));
		assertThat(jdbc.sql("SELECT count(*) FROM post_office_approval WHERE facility_id = :id").param("id", office)
			.query(Long.class).single()).as("the post office named").isEqualTo(1L);
	}

	@Test
	void theStaffAndPortalPagesShowTheSteps() throws Exception {
		long office = newPostOffice("320506");
		long id = apply(POSTAL, office, "CLOSURE", "页面测试", null);
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		// searched by its reason: the shared test database holds more approvals than a page, due earlier
		mvc.perform(get("/universal/post-office-approvals").param("q", "页面测试").session(staff))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("页面测试")));
		mvc.perform(get("/universal/post-office-approvals/" + id).session(staff))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("现场核查")));
		MockHttpSession enterprise = SignIn.session(mvc, "yz.sz");
		mvc.perform(get("/enterprise/post-offices").session(enterprise))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("页面测试")));
		MockHttpSession shunfeng = SignIn.session(mvc, "sf.wz");
		mvc.perform(get("/enterprise/post-offices").session(shunfeng)).andExpect(status().isForbidden());
		refuse(id);
	}

	/**
	 * The paper application's form (staff) and the 临时停业 report (portal) refused: the page again in the refusal's
	 * 400 with the error and the values as typed — not the error page; on the portal page of three forms sharing field
	 * names only the refused form takes them back.
	 */
	@Test
	void aRefusedPageFormComesBackWithWhatWasTyped() throws Exception {
		long office = newPostOffice("320506");
		long before = count();
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		mvc.perform(post("/universal/post-office-approvals").session(staff).with(csrf())
			.param("facilityId", Long.toString(office)).param("kind", "RELOCATION").param("reason", "租约到期需搬迁")
			.param("newAddress", "").param("receivedOn", "2099-01-01"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"paper-form\"")))
			.andExpect(content().string(containsString("data-field=\"newAddress\"")))
			.andExpect(content().string(containsString(">租约到期需搬迁</textarea>")))
			.andExpect(content().string(containsString("value=\"2099-01-01\"")))
			.andExpect(content().string(containsString("<option value=\"RELOCATION\" selected=\"selected\"")));
		assertThat(count()).isEqualTo(before);
		MockHttpSession enterprise = SignIn.session(mvc, "yz.sz");
		String page = mvc.perform(post("/enterprise/post-offices/suspensions").session(enterprise).with(csrf())
			.param("facilityId", Long.toString(office)).param("startsOn", "2026-05-10").param("endsOn", "2026-05-01")
			.param("reason", "内部装修停业回填"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("data-form=\"suspension-form\"")))
			.andExpect(content().string(containsString("data-field=\"endsOn\"")))
			.andExpect(content().string(containsString("value=\"2026-05-01\"")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		Document doc = Jsoup.parse(page);
		assertThat(doc.selectFirst("#suspension-form input[name=reason]").attr("value")).isEqualTo("内部装修停业回填");
		assertThat(doc.selectFirst("#apply-form textarea[name=reason]").wholeText()).as("the other form stays blank").isEmpty();
		// an approval's step refused on its page: the page again in the 400 with the step's values as typed
		long id = apply(POSTAL, office, "CLOSURE", "步骤回填测试", null);
		mvc.perform(post("/universal/post-office-approvals/" + id + "/site-check").session(staff).with(csrf())
			.param("checkedOn", "2099-01-01").param("findings", "回填的核查情况").param("consultation", "回填的征求意见"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("data-field=\"checkedOn\"")))
			.andExpect(content().string(containsString("value=\"回填的核查情况\"")))
			.andExpect(content().string(containsString("value=\"回填的征求意见\"")));
		refuse(id);
	}

	/**
	 * A portal form whose value cannot even be bound (text in its number field, an office that is no number) comes back
	 * as a refused one does: the page in 400 naming that form, which alone takes back what was typed beside the value.
	 */
	@Test
	void aPortalFormWhoseValueCannotBeBoundComesBackWithWhatWasTyped() throws Exception {
		long office = newPostOffice("320506");
		MockHttpSession enterprise = SignIn.session(mvc, "yz.sz");
		String hours = "回填营业时间" + RandomLetters.of(10);
		Document page = Jsoup.parse(mvc.perform(post("/enterprise/post-offices/hours").session(enterprise).with(csrf())
			.param("facilityId", Long.toString(office)).param("areaType", "TOWNSHIP").param("daysPerWeek", "abc")
			.param("openingHours", hours))
			.andExpect(status().isBadRequest())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(page.select("#errors").attr("data-form")).isEqualTo("hours-form");
		assertThat(page.select("#errors li[data-field=daysPerWeek][data-rule=format]")).hasSize(1);
		assertThat(page.selectFirst("#hours-form input[name=openingHours]").attr("value")).isEqualTo(hours);
		// the area type is the bureau's: the portal's form has none to take back
		assertThat(page.select("#hours-form [name=areaType]")).isEmpty();
		// the page reads the posted values: the unbindable one too, as after a refusal of the step's rules
		assertThat(page.selectFirst("#hours-form input[name=daysPerWeek]").attr("value")).isEqualTo("abc");

		String reason = "回填停业理由" + RandomLetters.of(10);
		page = Jsoup.parse(mvc.perform(post("/enterprise/post-offices/suspensions").session(enterprise).with(csrf())
			.param("facilityId", "abc").param("startsOn", "2026-05-01").param("endsOn", "2026-05-10")
			.param("reason", reason))
			.andExpect(status().isBadRequest())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(page.select("#errors").attr("data-form")).isEqualTo("suspension-form");
		assertThat(page.selectFirst("#suspension-form input[name=reason]").attr("value")).isEqualTo(reason);
		assertThat(page.selectFirst("#apply-form textarea[name=reason]").wholeText()).as("the other form stays blank").isEmpty();
	}

	private long apply(String token, long office, String kind, String reason, String address) throws Exception {
		return fixture().apply(token, office, kind, reason, address);
	}

	private void refuse(long id) throws Exception {
		fixture().step(ApprovalFixture.WUZHONG_HEAD, id, "refusal", "{\"reasons\":\"测试结束\"}").andExpect(status().isOk());
	}

	/** The bureau's classification of a post office (its area type), with hours of that standard. */
	private void classify(long office, String area) throws Exception {
		mvc.perform(put("/api/v1/universal/post-offices/" + office + "/hours").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"areaType\":\"" + area + "\",\"daysPerWeek\":6,\"openingHours\":\"周一至周六 8:30-17:30\"}"))
			.andExpect(status().isOk());
	}

	private long newPostOffice(String county) {
		return fixture().newPostOffice(county);
	}

	private ApprovalFixture fixture() {
		return new ApprovalFixture(mvc, jdbc, facilities);
	}

	private long count() {
		return jdbc.sql("SELECT count(*) FROM post_office_approval").query(Long.class).single();
	}

	private void at(String day) {
		clock.set(LocalDateTime.of(d(day), LocalTime.of(10, 0)));
	}

	private static LocalDate d(String s) {
		return LocalDate.parse(s);
	}
}
