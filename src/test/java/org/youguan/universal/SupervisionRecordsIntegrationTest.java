package org.youguan.universal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.RandomLetters;
import org.youguan.SignIn;
import org.youguan.TemplateExample;
import org.youguan.audit.AuditEvent;
import org.youguan.audit.AuditTrail;
import org.youguan.documents.ImportResult;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.PageSteps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The 普遍服务监督 records (issue 18): the figures equal hand-computed values (人次, 当日见报率, the zero-incident
 * counter), the demo's party papers are not all same-day, a county neither sees nor edits another county's records, bad
 * input is a 4xx naming the field in Chinese and a refused form keeps what was typed, a 社会监督员's name is masked,
 * and imports (JSON and .xlsx) save all rows or none.
 */
@IntegrationTest
class SupervisionRecordsIntegrationTest {

	static final String CITY = "Bearer demo-sz-admin-token";

	static final String WUZHONG = "Bearer demo-wz-staff-token";

	/** The audit type of supervision records and their reports. */
	static final String AUDIT_TYPE = "UniversalSupervision";

	static final String XIANGCHENG = "Bearer demo-xc-staff-token";

	static final String LEADER = "Bearer demo-sz-leader-token";

	static final String POSTAL = "Bearer demo-yz-sz-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	SupervisionRecords records;

	@Autowired
	SupervisionFigures figures;

	@Autowired
	SupervisionImport imports;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditTrail audit;

	@Autowired
	org.youguan.org.UserDirectory directory;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void figuresEqualHandComputedValues() throws Exception {
		// 张家港市 (320582) has no demo 机要通信 check; in 2021: 3 + 2 + 2 inspectors, the second check an incident;
		// 党报: 2 of 3 same day; 网点: 2 visits, one 督办
		clock.set(LocalDateTime.of(2021, 12, 31, 10, 0));
		DataScope scope = DataScope.region("3205");
		assertThat(figures.figures("320582", LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31)).zeroIncident().since())
			.as("nothing checked yet").isNull();
		record(scope, SupervisionKind.CONFIDENTIAL, "2021-03-01", "张家港市机要通信局", List.of("甲一", "乙二", "丙三"), false, null);
		record(scope, SupervisionKind.CONFIDENTIAL, "2021-05-10", "张家港市机要通信局", List.of("甲一", "乙二"), true, "机要邮件交接未双人签收");
		record(scope, SupervisionKind.CONFIDENTIAL, "2021-06-01", "张家港市保税区机要通信点", List.of("甲一", "丁四"), false, null);
		record(scope, SupervisionKind.CONFIDENTIAL, "2020-12-31", "张家港市机要通信局", List.of("甲一", "乙二"), false, null);
		record(scope, SupervisionKind.PARTY_PAPER, "2021-02-01", "苏州日报", List.of(), true, null);
		record(scope, SupervisionKind.PARTY_PAPER, "2021-04-01", "新华日报", List.of(), false, "次日见报");
		record(scope, SupervisionKind.PARTY_PAPER, "2021-07-01", "苏州日报", List.of(), true, null);
		record(scope, SupervisionKind.OUTLET_VISIT, "2021-08-01", "某村邮站", List.of(), true, "邮件滞留");
		record(scope, SupervisionKind.OUTLET_VISIT, "2021-09-01", "某村邮乐购站", List.of(), false, null);

		SupervisionFigures.Figures f = figures.figures("320582", LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31));
		assertThat(f.confidentialChecks()).isEqualTo(3);
		assertThat(f.confidentialVisits()).as("人次: 3 + 2 + 2").isEqualTo(7);
		assertThat(f.confidentialIncidents()).isEqualTo(1);
		assertThat(f.partyPaperChecks()).isEqualTo(3);
		assertThat(f.partyPaperSameDay()).isEqualTo(2);
		assertThat(f.partyPaperSameDayRate()).as("2 of 3, rounded down").isEqualByComparingTo("66.6");
		assertThat(f.outletVisits()).isEqualTo(2);
		assertThat(f.outletEscalated()).isEqualTo(1);
		// the counter runs from the day after the incident to today (2021-05-11 … 2021-12-31) whatever the period
		assertThat(f.zeroIncident().lastIncidentOn()).isEqualTo(LocalDate.of(2021, 5, 10));
		assertThat(f.zeroIncident().days()).isEqualTo(235);
		assertThat(f.zeroIncident().checksSince()).isEqualTo(1);

		mvc.perform(get("/api/v1/universal/figures?region=320582&from=2021-01-01&to=2021-12-31").header("Authorization", CITY))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.confidentialChecks").value(7))
			.andExpect(jsonPath("$.partyPaperSameDayRate").value(66.6));
		mvc.perform(get("/api/v1/universal/figures?region=320582&from=2019-01-01&to=2019-12-31").header("Authorization", CITY))
			.andExpect(jsonPath("$.confidentialChecks").value(0))
			.andExpect(jsonPath("$.partyPaperSameDayRate").value(nullValue()));
		mvc.perform(get("/api/v1/universal/supervision/figures?region=320582&from=2021-01-01&to=2021-12-31")
			.header("Authorization", CITY))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.confidentialVisits").value(7))
			.andExpect(jsonPath("$.outletVisits").value(2))
			.andExpect(jsonPath("$.zeroIncident.days").value(235));
		// a county asks for another county's figures: refused
		mvc.perform(get("/api/v1/universal/supervision/figures?region=320582").header("Authorization", WUZHONG))
			.andExpect(status().isForbidden());
		MockHttpSession session = SignIn.session(mvc, "sz.universal");
		mvc.perform(get("/universal/supervision").param("region", "320582").param("from", "2021-01-01")
			.param("to", "2021-12-31").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"zero-incident-days\">235<")))
			.andExpect(content().string(containsString("id=\"party-paper-rate\">66.6%<")));
		// the universal figures page (通邮检查) shows the counter and the two figures too
		mvc.perform(get("/universal/checks").param("region", "320582").param("from", "2021-01-01")
			.param("to", "2021-12-31").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"zero-incident-days\">235<")))
			.andExpect(content().string(containsString("id=\"confidential-visits\">7<")));
	}

	@Test
	void theDemoHasEveryKindThisYearAndOnePartyPaperLate() {
		LocalDate today = LocalDate.now(clock);
		SupervisionFigures.Figures f = figures.figures("3205", today.withDayOfYear(1), today);
		assertThat(f.confidentialVisits()).isEqualTo(21);
		assertThat(f.partyPaperChecks()).isEqualTo(9);
		assertThat(f.partyPaperSameDayRate()).as("8 of 9, rounded down").isEqualByComparingTo("88.8");
		assertThat(f.outletVisits()).isEqualTo(6);
		assertThat(f.hallWindowsChecked()).isEqualTo(4);
		assertThat(f.supervisorsServing()).isEqualTo(5);
		// 机要通信继续零事故: no demo check recorded an incident (other tests record theirs in past years)
		assertThat(jdbc.sql("SELECT count(*) FROM universal_supervision WHERE demo AND kind = 'CONFIDENTIAL' AND flag")
			.query(Long.class).single()).isZero();
		assertThat(f.zeroIncident().lastIncidentOn()).isNotEqualTo(today);
	}

	/**
	 * A 社会监督员's report is received within the appointment: after its last day it is refused (400 on
	 * {@code receivedOn}), and the appointment cannot be corrected so that reports already logged fall outside it (400
	 * on {@code day} or {@code until}), nothing changed.
	 */
	@Test
	void aSupervisorsReportsStayWithinTheAppointment() throws Exception {
		StringBuilder name = new StringBuilder("监督");
		for (int i = 0; i < 4; i++) {
			name.append("甲乙丙丁戊己庚辛壬癸".charAt((int) (Math.random() * 10)));
		}
		long supervisor = records.record(DataScope.region("320506"), null, SupervisionKind.SUPERVISOR, new SupervisionData(
				null, "2025-01-01", "2025-06-30", name.toString(), null, null, null, null, List.of()), false, false);
		String reports = "/api/v1/universal/supervision/supervisors/" + supervisor + "/reports";
		mvc.perform(post(reports).header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content("{\"receivedOn\":\"2026-11-01\",\"summary\":\"反映投递不及时\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("receivedOn"))
			.andExpect(jsonPath("$.errors[0].rule").value("appointment"));
		records.addReport(DataScope.region("320506"), supervisor, "2025-03-04", "反映投递不及时", false);
		assertThat(records.get(DataScope.region("320506"), SupervisionKind.SUPERVISOR, supervisor).reports()).isEqualTo(1);
		String moved = "{\"day\":\"%s\",\"until\":\"%s\",\"subject\":\"" + name + "\"}";
		mvc.perform(put("/api/v1/universal/supervision/supervisors/" + supervisor).header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content(moved.formatted("2025-04-01", "2025-06-30")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("day"))
			.andExpect(jsonPath("$.errors[0].rule").value("reports"));
		mvc.perform(put("/api/v1/universal/supervision/supervisors/" + supervisor).header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content(moved.formatted("2025-01-01", "2025-02-28")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("until"));
		assertThat(records.get(DataScope.region("320506"), SupervisionKind.SUPERVISOR, supervisor).day())
			.isEqualTo(LocalDate.of(2025, 1, 1));
		// a correction that keeps the reports within the appointment passes
		mvc.perform(put("/api/v1/universal/supervision/supervisors/" + supervisor).header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content(moved.formatted("2025-02-01", "2025-12-31")))
			.andExpect(status().is2xxSuccessful());
	}

	/** One inspector written with a space or in traditional characters is one 检查人次, not two or three. */
	@Test
	void oneInspectorWrittenOtherwiseIsCountedOnce() throws Exception {
		String body = """
				{"region":"320506","day":"2019-%02d-%02d","subject":"机要通信分局%d","inspectors":["陈吴中","陈 吴中","陳吳中","王普服"],
				 "flag":false}""".formatted(1 + (int) (System.nanoTime() % 12), 1 + (int) (System.nanoTime() % 28),
				System.nanoTime() % 1_000_000);
		long id = confidential(body);
		mvc.perform(get("/api/v1/universal/supervision/confidential/" + id).header("Authorization", WUZHONG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.inspectorCount").value(2))
			.andExpect(jsonPath("$.inspectors").value("陈吴中、王普服"));
	}

	/** Records a 机要通信 check as 吴中区 through the API; its id. */
	private long confidential(String body) throws Exception {
		MvcResult created = mvc.perform(post("/api/v1/universal/supervision/confidential").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andReturn();
		return Long.parseLong(created.getResponse().getContentAsString().replaceAll("\\D", ""));
	}

	@Test
	void aCountyNeitherSeesNorEditsAnotherCountysRecords() throws Exception {
		String body = """
				{"region":"320506","day":"2022-04-01","subject":"吴中区机要通信分局","inspectors":["陈吴中","王普服"],
				 "flag":false}""";
		long id = confidential(body);
		mvc.perform(get("/api/v1/universal/supervision/confidential/" + id).header("Authorization", WUZHONG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.inspectorCount").value(2));
		mvc.perform(get("/api/v1/universal/supervision/confidential/" + id).header("Authorization", CITY))
			.andExpect(status().isOk());
		// 相城区 neither reads, lists nor corrects it
		mvc.perform(get("/api/v1/universal/supervision/confidential/" + id).header("Authorization", XIANGCHENG))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/universal/supervision/confidential?size=200&from=2022-01-01&to=2022-12-31")
			.header("Authorization", XIANGCHENG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].id", not(hasItem((int) id))));
		mvc.perform(put("/api/v1/universal/supervision/confidential/" + id).header("Authorization", XIANGCHENG)
			.contentType(MediaType.APPLICATION_JSON).content(body.replace("320506", "320507")))
			.andExpect(status().isNotFound());
		// nor places a record in 吴中区: the region is not there to it (404), before any field
		mvc.perform(post("/api/v1/universal/supervision/confidential").header("Authorization", XIANGCHENG)
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("行政区划")));
		MockHttpSession xc = SignIn.session(mvc, "xc.staff");
		mvc.perform(get("/universal/supervision/confidential/" + id).session(xc)).andExpect(status().isNotFound());
		mvc.perform(post("/universal/supervision/confidential/" + id).session(xc).with(csrf())
			.param("region", "320507").param("day", "2022-04-01").param("subject", "改").param("inspectors", "甲、乙")
			.param("flag", "false"))
			.andExpect(status().isNotFound());
		// the leader reads but does not write; the postal enterprise does neither
		mvc.perform(get("/api/v1/universal/supervision/confidential/" + id).header("Authorization", LEADER))
			.andExpect(status().isOk());
		mvc.perform(put("/api/v1/universal/supervision/confidential/" + id).header("Authorization", LEADER)
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/universal/supervision/confidential").header("Authorization", POSTAL))
			.andExpect(status().isForbidden());
		// the county corrects its own, audited with before and after
		mvc.perform(put("/api/v1/universal/supervision/confidential/" + id).header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content(body.replace("\"王普服\"]", "\"王普服\",\"冯安全\"]")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.inspectorCount").value(3));
		assertThat(jdbc.sql("SELECT action FROM audit_event WHERE object_type = 'UniversalSupervision' AND object_id = :id"
				+ " ORDER BY id").param("id", String.valueOf(id)).query(String.class).list())
			.containsExactly("universal.supervision.record", "universal.supervision.update");
	}

	@Test
	void badInputIsA4xxNamingTheFieldAndTheRefusedFormKeepsTheValues() throws Exception {
		long before = count();
		mvc.perform(post("/api/v1/universal/supervision/confidential").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content("{\"day\":\"2999-01-01\",\"flag\":true}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("检查日期不得晚于")))
			.andExpect(content().string(containsString("被检查单位不能为空")))
			.andExpect(content().string(containsString("请填写检查人员")))
			.andExpect(content().string(containsString("选择“发生事故”为是时请填写检查发现的问题")));
		mvc.perform(post("/api/v1/universal/supervision/supervisors").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"day\":\"2026-01-01\",\"until\":\"2025-12-31\",\"subject\":\"张三\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("聘任截止日期不能早于聘任起始日期")));
		mvc.perform(post("/api/v1/universal/supervision/party-papers").header("Authorization", CITY)
			.contentType(MediaType.APPLICATION_JSON).content("{\"region\":\"3205\",\"day\":\"2022-01-01\",\"subject\":\"苏州日报\",\"flag\":true}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("6位县级行政区划代码")));
		mvc.perform(post("/api/v1/universal/supervision/party-papers").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content("{\"day\":\"2022-01-01\",\"subject\":\"苏州日报\",\"flag\":\"也许\"}"))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/universal/supervision/party-papers").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content("[1,2"))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/universal/supervision/pigeons").header("Authorization", WUZHONG))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/universal/supervision/confidential?from=2022-13-01").header("Authorization", WUZHONG))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/universal/supervision/confidential?region=32%25").header("Authorization", WUZHONG))
			.andExpect(status().isBadRequest());
		assertThat(count()).as("nothing saved").isEqualTo(before);

		MockHttpSession session = SignIn.session(mvc, "wz.staff");
		mvc.perform(get("/universal/supervision/hall-windows/new").session(session)).andExpect(status().isOk());
		mvc.perform(post("/universal/supervision/hall-windows").session(session).with(csrf())
			.param("region", "320506").param("day", "2022-05-06").param("subject", "吴中区政务服务中心二楼")
			.param("detail", "证照邮寄"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("地址不能为空")))
			.andExpect(content().string(containsString("value=\"吴中区政务服务中心二楼\"")))
			.andExpect(content().string(containsString("value=\"证照邮寄\"")));
		assertThat(count()).isEqualTo(before);
		mvc.perform(post("/universal/supervision/hall-windows").session(session).with(csrf())
			.param("region", "320506").param("day", "2022-05-06").param("subject", "吴中区政务服务中心二楼")
			.param("place", "吴中区东吴北路98号").param("detail", "证照邮寄"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", "政务服务大厅邮政窗口已登记"));
		assertThat(count()).isEqualTo(before + 1);
		mvc.perform(get("/universal/supervision/hall-windows").param("q", "政务服务中心二楼").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("吴中区东吴北路98号")));
		mvc.perform(get("/universal/supervision/hall-windows/export.xlsx").session(session))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
	}

	@Test
	void aSupervisorsNameIsMaskedAndReportsAreLogged() throws Exception {
		long id = records.record(DataScope.region("320506"), null, SupervisionKind.SUPERVISOR, new SupervisionData(null,
				"2022-01-01", "2024-12-31", "欧阳娜娜", null, null, null, null, List.of()), false, false);
		mvc.perform(get("/api/v1/universal/supervision/supervisors/" + id).header("Authorization", WUZHONG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.subject").value("欧***"))
			.andExpect(jsonPath("$.regionCode").value("320506"));
		mvc.perform(get("/api/v1/universal/supervision/supervisors").param("q", "欧阳").header("Authorization", WUZHONG))
			.andExpect(content().string(not(containsString("欧阳娜娜"))));
		MockHttpSession session = SignIn.session(mvc, "wz.staff");
		byte[] export = mvc.perform(get("/universal/supervision/supervisors/export.xlsx").session(session))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(Workbooks.text(export)).contains("欧***").doesNotContain("欧阳娜娜");
		// reports: a future day is refused, a good one counted
		mvc.perform(post("/api/v1/universal/supervision/supervisors/" + id + "/reports").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content("{\"receivedOn\":\"2999-01-01\",\"summary\":\"\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("收到日期不得晚于")))
			.andExpect(content().string(containsString("反映内容不能为空")));
		mvc.perform(post("/universal/supervision/supervisors/" + id + "/reports").session(session).with(csrf())
			.param("receivedOn", "2022-03-04").param("summary", "反映村邮站周末不开放"))
			.andExpect(status().is3xxRedirection());
		assertThat(records.get(DataScope.region("320506"), SupervisionKind.SUPERVISOR, id).reports()).isEqualTo(1);
		mvc.perform(get("/universal/supervision/supervisors/" + id).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("反映村邮站周末不开放")));
		mvc.perform(get("/api/v1/universal/supervision/supervisors/" + id + "/reports").header("Authorization", XIANGCHENG))
			.andExpect(status().isNotFound());
	}

	/**
	 * A county's 社会监督员 (a natural person) on the record's page: the owning bureau (吴中区局) gets the correction form
	 * with the name as recorded; the city reads it masked, with no form — it was given the full edit form with the name
	 * in clear. Its steps are refused to the city before their fields are read (403 naming 吴中区局, even with a day that
	 * is none), to a sibling county 404; the owning bureau is told the field.
	 */
	@Test
	void aSuperiorReadsACountysSupervisorMaskedWithoutFormsAndOnlyTheOwningBureauEdits() throws Exception {
		long id = records.record(DataScope.region("320506"), null, SupervisionKind.SUPERVISOR, new SupervisionData(null,
				"2022-01-01", "2024-12-31", "司马青衫", null, null, null, null, List.of()), false, false);
		MockHttpSession city = SignIn.session(mvc, "sz.universal");
		mvc.perform(get("/universal/supervision/supervisors/" + id).session(city))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("司***")))
			.andExpect(content().string(not(containsString("司马青衫"))))
			.andExpect(content().string(not(containsString("id=\"record-form\""))))
			.andExpect(content().string(not(containsString("id=\"report-form\""))));
		MockHttpSession county = SignIn.session(mvc, "wz.staff");
		mvc.perform(get("/universal/supervision/supervisors/" + id).session(county))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"record-form\"")))
			.andExpect(content().string(containsString("value=\"司马青衫\"")))
			.andExpect(content().string(containsString("id=\"report-form\"")));

		// the city's steps: refused before their fields (a day "abc"), back on the record's page with the reason, in 403
		mvc.perform(post("/universal/supervision/supervisors/" + id).session(city).with(csrf())
			.param("day", "abc").param("until", "2024-12-31").param("subject", "司马青衫"))
			.andExpect(redirectedUrl("/universal/supervision/supervisors/" + id))
			.andExpect(flash().attribute(PageSteps.REFUSED_STATUS, 403))
			.andExpect(mvcResult -> assertThat(String.valueOf(mvcResult.getFlashMap().get("errors"))).contains("吴中区邮政管理局"));
		mvc.perform(post("/universal/supervision/supervisors/" + id + "/reports").session(city).with(csrf())
			.param("receivedOn", "abc").param("summary", "x"))
			.andExpect(redirectedUrl("/universal/supervision/supervisors/" + id))
			.andExpect(flash().attribute(PageSteps.REFUSED_STATUS, 403));
		mvc.perform(put("/api/v1/universal/supervision/supervisors/" + id).header("Authorization", CITY)
			.contentType(MediaType.APPLICATION_JSON).content("{\"day\": "))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/universal/supervision/supervisors/" + id + "/reports").header("Authorization", CITY)
			.contentType(MediaType.APPLICATION_JSON).content("{\"receivedOn\":\"abc\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(put("/api/v1/universal/supervision/supervisors/" + id).header("Authorization", XIANGCHENG)
			.contentType(MediaType.APPLICATION_JSON).content("{\"day\": "))
			.andExpect(status().isNotFound());
		// the service holds the city to it too (a call that does not come through the web)
		org.youguan.org.CurrentUser universal = directory.principal("sz.universal").orElseThrow();
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(universal, null, universal.getAuthorities()));
		try {
			assertThatThrownBy(() -> records.form(universal.scope(), SupervisionKind.SUPERVISOR, id))
				.isInstanceOf(org.youguan.kernel.AccessRefusedException.class);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		// the owning bureau is told the field, and corrects the record
		mvc.perform(put("/api/v1/universal/supervision/supervisors/" + id).header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content("{\"day\": "))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/universal/supervision/supervisors/" + id + "/reports").session(county).with(csrf())
			.param("receivedOn", "2022-03-04").param("summary", "反映村邮站周末不开放"))
			.andExpect(status().is3xxRedirection());
		assertThat(records.get(DataScope.region("320506"), SupervisionKind.SUPERVISOR, id).reports()).isEqualTo(1);
	}

	/**
	 * An ID card or mobile number typed into a report's summary or a record's findings is masked in the lists (API and
	 * page), the export and the audit trail; the edit form keeps what was recorded.
	 */
	@Test
	void personalNumbersInFreeTextAreMaskedInListsExportAndAudit() throws Exception {
		String tag = "号码" + RandomLetters.of(10);
		String numbers = "，举报人身份证110105194912310021，电话139-1234-5678";
		long visit = records.record(DataScope.region("320506"), null, SupervisionKind.OUTLET_VISIT, new SupervisionData(
				"320506", "2022-05-10", null, tag + "代办点", null, null, true, tag + numbers, List.of()), false, false);
		long supervisor = records.record(DataScope.region("320506"), null, SupervisionKind.SUPERVISOR, new SupervisionData(
				null, "2022-01-01", "2024-12-31", "司马光", null, null, null, null, List.of()), false, false);
		records.addReport(DataScope.region("320506"), supervisor, "2022-03-04", tag + numbers, false);
		MockHttpSession session = SignIn.session(mvc, "wz.staff");
		List<String> shown = List.of(
				mvc.perform(get("/api/v1/universal/supervision/supervisors/" + supervisor + "/reports").header("Authorization", WUZHONG))
					.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(),
				mvc.perform(get("/universal/supervision/supervisors/" + supervisor).session(session))
					.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(),
				mvc.perform(get("/api/v1/universal/supervision/outlet-visits").param("q", tag).header("Authorization", WUZHONG))
					.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(),
				mvc.perform(get("/universal/supervision/outlet-visits").param("q", tag).session(session))
					.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(),
				Workbooks.text(mvc.perform(get("/universal/supervision/outlet-visits/export.xlsx").param("q", tag).session(session))
					.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()));
		for (String text : shown) {
			assertThat(text).contains(tag).doesNotContain("19491231").doesNotContain("1234-5678");
		}
		for (AuditEvent e : List.of(audit.history(DataScope.all(), AUDIT_TYPE, visit).get(0),
				audit.history(DataScope.all(), AUDIT_TYPE, supervisor).get(0))) {
			assertThat(e.summary() + e.afterState()).contains(tag).doesNotContain("19491231").doesNotContain("1234-5678");
		}
		assertThat(records.form(DataScope.region("320506"), SupervisionKind.OUTLET_VISIT, visit).findings())
			.isEqualTo(tag + numbers);
	}

	/**
	 * A record's unit (网点, hall, newspaper) and place refuse a personal number, as the other names and addresses of the
	 * module do; one stored before the rule is listed and exported masked, and a piece of it finds nothing.
	 */
	@Test
	void aRecordsSubjectRefusesAPersonalNumberAndAStoredOneIsMasked() throws Exception {
		String tag = "单位" + RandomLetters.of(10);
		assertThatThrownBy(() -> records.record(DataScope.region("320506"), null, SupervisionKind.OUTLET_VISIT,
				new SupervisionData("320506", "2022-05-11", null, tag + "代办点13912345678", null, null, false, null, List.of()),
				false, false))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(e -> e.field() + "/" + e.rule()).contains("subject/personal-number"));
		long visit = records.record(DataScope.region("320506"), null, SupervisionKind.OUTLET_VISIT, new SupervisionData(
				"320506", "2022-05-11", null, tag + "代办点", null, null, false, null, List.of()), false, false);
		jdbc.sql("UPDATE universal_supervision SET subject = :s WHERE id = :id").param("s", tag + "代办点13912345678")
			.param("id", visit).update();
		mvc.perform(get("/api/v1/universal/supervision/outlet-visits").param("q", tag).header("Authorization", WUZHONG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].subject").value(tag + "代办点139****5678"));
		mvc.perform(get("/api/v1/universal/supervision/outlet-visits").param("q", "1234567").header("Authorization", WUZHONG))
			.andExpect(jsonPath("$.items[*].id", not(hasItem((int) visit))));
		assertThat(Workbooks.text(mvc.perform(get("/universal/supervision/outlet-visits/export.xlsx").param("q", tag)
			.session(SignIn.session(mvc, "wz.staff"))).andReturn().getResponse().getContentAsByteArray()))
			.contains(tag).doesNotContain("13912345678");
		// its edit form reads the unit as recorded: corrected with the unit unchanged, the record passes (it was refused
		// for the number no one typed), the unit kept as stored; a unit changed is checked
		records.update(DataScope.region("320506"), SupervisionKind.OUTLET_VISIT, visit, new SupervisionData("320506",
				"2022-05-12", null, tag + "代办点13912345678", null, null, false, null, List.of()));
		assertThat(jdbc.sql("SELECT subject || '|' || day FROM universal_supervision WHERE id = :id").param("id", visit)
			.query(String.class).single()).isEqualTo(tag + "代办点13912345678|2022-05-12");
		assertThatThrownBy(() -> records.update(DataScope.region("320506"), SupervisionKind.OUTLET_VISIT, visit,
				new SupervisionData("320506", "2022-05-12", null, tag + "代办点13912345679", null, null, false, null, List.of())))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(e -> e.field() + "/" + e.rule()).contains("subject/personal-number"));
	}

	/**
	 * Attack round 15: a list's search matched what the list shows masked — a supervisor's name by its hidden
	 * characters, a number in the findings by its hidden digits. A fragment finds nothing; what the list shows finds
	 * the record. Since the masked-list finding, nor does the whole name or number: every reader of these lists and
	 * pages sees them masked, so a match would confirm them.
	 */
	@Test
	void aMaskedNameOrNumberIsFoundOnlyAsShown() throws Exception {
		String tag = "搜" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
		String stems = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉";
		java.util.Random random = new java.util.Random();
		String given = "" + stems.charAt(random.nextInt(stems.length())) + stems.charAt(random.nextInt(stems.length()))
				+ stems.charAt(random.nextInt(stems.length()));
		String name = "司徒" + given;
		records.record(DataScope.region("320506"), null, SupervisionKind.SUPERVISOR, new SupervisionData(null,
				"2022-01-01", "2024-12-31", name, null, null, null, null, List.of()), false, false);
		records.record(DataScope.region("320506"), null, SupervisionKind.OUTLET_VISIT, new SupervisionData("320506",
				"2022-05-11", null, tag + "代办点", null, null, true, tag + "，举报人电话139-1234-5678", List.of()), false, false);
		String supervisors = "/api/v1/universal/supervision/supervisors";
		mvc.perform(get(supervisors).param("q", "徒" + given).header("Authorization", WUZHONG))
			.andExpect(jsonPath("$.total").value(0));
		mvc.perform(get(supervisors).param("q", name).header("Authorization", WUZHONG))
			.andExpect(jsonPath("$.total").value(0));
		String visits = "/api/v1/universal/supervision/outlet-visits";
		for (String fragment : List.of("1234", "91234")) {
			mvc.perform(get(visits).param("q", tag + " " + fragment).header("Authorization", WUZHONG))
				.andExpect(jsonPath("$.total").value(0));
		}
		for (String whole : List.of("13912345678", "139 1234 5678")) {
			mvc.perform(get(visits).param("q", tag + " " + whole).header("Authorization", WUZHONG))
				.andExpect(jsonPath("$.total").value(0));
		}
		for (String shown : List.of("139-****-5678", "5678")) {
			mvc.perform(get(visits).param("q", tag + " " + shown).header("Authorization", WUZHONG))
				.andExpect(jsonPath("$.total").value(1));
		}
	}

	/**
	 * Attack round 15 (the same fault as a lead's): a record sent twice (a double click, a retried call) was counted
	 * twice. The same kind, region, day and subject again — as the import refuses it — is a 409 naming the subject;
	 * another day is recorded.
	 */
	@Test
	void theSameRecordSentTwiceIsRecordedOnce() throws Exception {
		String unit = "吴中区机要通信点" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
		String body = """
				{"region":"320506","day":"%s","subject":"%s","inspectors":["陈吴中","王普服"],"flag":false}""";
		long before = count();
		mvc.perform(post("/api/v1/universal/supervision/confidential").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content(body.formatted("2022-06-01", unit)))
			.andExpect(status().isCreated());
		mvc.perform(post("/api/v1/universal/supervision/confidential").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content(body.formatted("2022-06-01", " " + unit.toUpperCase() + " ")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("subject"))
			.andExpect(jsonPath("$.errors[0].rule").value("unique"));
		mvc.perform(post("/api/v1/universal/supervision/confidential").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content(body.formatted("2022-06-02", unit)))
			.andExpect(status().isCreated());
		assertThat(count()).isEqualTo(before + 2);
	}

	@Test
	void aJsonImportWithBadRowsSavesNothingAndReportsEveryBadRow() throws Exception {
		long before = count();
		String bad = """
				[{"region":"320506","day":"2023-02-01","subject":"吴中区机要通信分局","inspectors":["甲","乙"],"flag":false},
				 {"region":"320507","day":"2023-03-01","subject":"相城区机要通信分局","inspectors":["甲"],"flag":false},
				 {"region":"320506","day":"2023-04-01","subject":"","inspectors":["甲"]}]""";
		mvc.perform(post("/api/v1/universal/supervision/confidential/import").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content(bad))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("第2条·region")))
			.andExpect(content().string(containsString("第3条·subject")))
			.andExpect(content().string(containsString("第3条·flag")))
			.andExpect(content().string(not(containsString("第1条"))));
		assertThat(count()).as("nothing saved").isEqualTo(before);
		// the first record again, its 是否发生问题 left out: told both (attack: the repetition was not reported)
		String twin = """
				[{"region":"320506","day":"2023-02-01","subject":"吴中区机要通信分局","inspectors":["甲","乙"],"flag":false},
				 {"region":"320506","day":"2023-02-01","subject":"吴中区机要通信分局","inspectors":["甲","乙"]}]""";
		mvc.perform(post("/api/v1/universal/supervision/confidential/import").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content(twin))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("第2条·flag")))
			.andExpect(content().string(containsString("第2条·subject")))
			.andExpect(content().string(containsString("与第1条重复")));
		mvc.perform(post("/api/v1/universal/supervision/confidential/import").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content("[]"))
			.andExpect(status().isBadRequest());
		String good = bad.replace("320507", "320506").replace("\"subject\":\"\",\"inspectors\":[\"甲\"]}",
				"\"subject\":\"吴中区机要通信分局\",\"inspectors\":[\"甲\"],\"flag\":true,\"findings\":\"签收不全\"}");
		mvc.perform(post("/api/v1/universal/supervision/confidential/import").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content(good))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.imported").value(3));
		assertThat(count()).isEqualTo(before + 3);
		SupervisionFigures.Figures f = figures.figures("320506", LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31));
		assertThat(f.confidentialVisits()).isEqualTo(4);
		assertThat(f.confidentialIncidents()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'universal.supervision.import'")
			.query(Long.class).single()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void aSheetWithBadRowsImportsNothingAndReportsEveryBadRow() throws Exception {
		long before = count();
		List<String> header = SupervisionImport.columns(SupervisionKind.PARTY_PAPER);
		assertThat(header).containsExactly("所属地区代码", "检查日期", "报纸名称", "当日见报", "情况说明");
		byte[] bad = Workbooks.sheet(header, List.of(List.of("320509", "2024-03-01", "苏州日报", "是", ""),
				List.of("320509", "2024-13-01", "新华日报", "是", ""), List.of("320509", "2024-03-02", "苏州日报", "也许", ""),
				List.of("320506", "2024-03-03", "苏州日报", "是", ""), List.of("320509", "2024-03-01", "苏州日报", "否", "")));
		ImportResult rejected = imports.importFile(DataScope.region("320509"), null, SupervisionKind.PARTY_PAPER, bad);
		assertThat(rejected.rejected()).isTrue();
		assertThat(rejected.errors()).extracting(r -> r.number()).containsExactly(3, 4, 5, 6);
		assertThat(rejected.errors().get(0).errors().get(0).field()).isEqualTo("检查日期");
		assertThat(rejected.errors().get(1).errors().get(0).field()).isEqualTo("当日见报");
		assertThat(rejected.errors().get(2).errors().get(0).rule()).isEqualTo("scope");
		assertThat(rejected.errors().get(3).errors().get(0).message()).contains("与第2行重复");
		assertThat(count()).as("nothing saved").isEqualTo(before);

		ImportResult good = imports.importFile(DataScope.region("320509"), null, SupervisionKind.PARTY_PAPER,
				Workbooks.sheet(header, List.of(List.of("320509", "2024-03-01", "苏州日报", "是", ""),
						List.of("", "2024-03-02", "新华日报", "否", "次日见报"))));
		assertThat(good.errors()).isEmpty();
		assertThat(good.imported()).isEqualTo(2);
		assertThat(figures.figures("320509", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)).partyPaperSameDayRate())
			.isEqualByComparingTo("50.0");
		assertThat(records.list(DataScope.region("320509"), SupervisionKind.PARTY_PAPER,
				new SupervisionRecords.Filter(null, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)),
				new PageQuery("", 0, 20, null, false)).items()).allMatch(SupervisionRecord::imported);

		// the page answers 422 with the bad rows listed; the template's example row is refused as such
		mvc.perform(multipart("/universal/supervision/party-papers/import").file(new MockMultipartFile("file", "p.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bad))
			.session(SignIn.session(mvc, "sz.universal")).with(csrf()))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("import-rejected")));
		TemplateExample.refusedAsTheExample("党报", imports.importFile(DataScope.region("3205"), null,
				SupervisionKind.PARTY_PAPER, imports.template(SupervisionKind.PARTY_PAPER)).errors());
		mvc.perform(multipart("/api/v1/universal/supervision/party-papers/import").file(new MockMultipartFile("file",
				"p.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bad))
			.header("Authorization", CITY))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("第3行·检查日期")));
	}

	@Test
	void aRecordAlreadyStoredOrTwiceInTheImportIsRefusedNamingTheRow() throws Exception {
		// stored: a 网点 visit at 吴江 on 2022-05-10
		records.record(DataScope.region("320509"), null, SupervisionKind.OUTLET_VISIT, new SupervisionData("320509",
				"2022-05-10", null, "同里镇某村邮政代办点", null, null, false, null, List.of()), false, false);
		long before = count();
		String rows = """
				[{"region":"320509","day":"2022-06-01","subject":"黎里镇某村邮政代办点","flag":false},
				 {"region":"320509","day":"2022-05-10","subject":"同里镇某村邮政代办点","flag":false},
				 {"region":"320509","day":"2022-06-01","subject":"黎里镇某村邮政代办点","flag":true,"findings":"未按时开门"},
				 {"region":"320509","day":"2022-05-11","subject":"同里镇某村邮政代办点","flag":false}]""";
		mvc.perform(post("/api/v1/universal/supervision/outlet-visits/import").header("Authorization", CITY)
			.contentType(MediaType.APPLICATION_JSON).content(rows))
			.andExpect(status().is(422))
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("第2条·subject",
					"第3条·subject")))
			.andExpect(content().string(containsString("第2条：地区320509已有2022年5月10日的农村网点现场督导记录“同里镇某村邮政代办点”，不能重复导入")))
			.andExpect(content().string(containsString("第3条：同一地区、督导日期和网点名称的记录与第1条重复")));
		assertThat(count()).as("nothing saved").isEqualTo(before);

		// the sheet alike: a row already stored and a row twice in the file, each named by its row
		List<String> header = SupervisionImport.columns(SupervisionKind.OUTLET_VISIT);
		byte[] sheet = Workbooks.sheet(header, List.of(List.of("320509", "2022-06-01", "黎里镇某村邮政代办点", "否", ""),
				List.of("320509", "2022-05-10", "同里镇某村邮政代办点", "否", ""),
				List.of("320509", "2022-06-01", "黎里镇某村邮政代办点", "是", "未按时开门")));
		ImportResult rejected = imports.importFile(DataScope.region("320509"), null, SupervisionKind.OUTLET_VISIT, sheet);
		assertThat(rejected.errors()).extracting(r -> r.number()).containsExactly(3, 4);
		assertThat(rejected.errors().get(0).errors()).singleElement().satisfies(e -> {
			assertThat(e.field()).isEqualTo("网点名称");
			assertThat(e.rule()).isEqualTo("unique");
			assertThat(e.message()).contains("2022年5月10日").contains("不能重复导入");
		});
		assertThat(rejected.errors().get(1).errors().get(0).message()).contains("与第2行重复");
		assertThat(Workbooks.text(rejected.annotated())).contains("不能重复导入").contains("与第2行重复");
		assertThat(count()).as("nothing saved").isEqualTo(before);

		// another day, or the same 网点 name in another county, is another record
		ImportResult good = imports.importFile(DataScope.region("3205"), null, SupervisionKind.OUTLET_VISIT,
				Workbooks.sheet(header, List.of(List.of("320509", "2022-06-01", "黎里镇某村邮政代办点", "否", ""),
						List.of("320506", "2022-05-10", "同里镇某村邮政代办点", "否", ""))));
		assertThat(good.errors()).isEmpty();
		assertThat(good.imported()).isEqualTo(2);
		assertThat(count()).isEqualTo(before + 2);
	}

	@Test
	void theCheckNamesEveryFieldInChinese() {
		assertThatThrownBy(() -> records.check(DataScope.region("3205"), SupervisionKind.HALL_WINDOW,
				new SupervisionData("320599", null, null, null, null, null, null, null, null)))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(FieldError::field)
				.containsExactly("region", "day", "subject", "place", "detail"))
			.hasMessageContaining("行政区划代码不存在");
	}

	private void record(DataScope scope, SupervisionKind kind, String day, String subject, List<String> team,
			Boolean flag, String findings) {
		records.record(scope, null, kind, new SupervisionData("320582", day, null, subject, null, null, flag, findings,
				team), false, false);
	}

	private long count() {
		return jdbc.sql("SELECT count(*) FROM universal_supervision").query(Long.class).single();
	}

	/** A hall's address is one line (Validation.line's rules) and stored as every address is (Text.line). */
	@Test
	void aHallsAddressIsOneLineStoredWithOneSpaceForARun() {
		String day = LocalDate.now(clock).toString();
		assertThatThrownBy(() -> records.check(DataScope.region("3205"), SupervisionKind.HALL_WINDOW,
				new SupervisionData("320506", day, null, "吴中区政务服务中心", "东吴北路\n98号", "证照邮寄", null, null, null)))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(FieldError::field, FieldError::rule)
				.containsExactly(tuple("place", "line-break")));
		assertThatThrownBy(() -> records.check(DataScope.region("3205"), SupervisionKind.HALL_WINDOW,
				new SupervisionData("320506", day, null, "吴中区政务服务中心", "东吴北路\u200B98号", "证照邮寄", null, null, null)))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(FieldError::field, FieldError::rule)
				.containsExactly(tuple("place", "invisible-character")));
		assertThat(records.check(DataScope.region("3205"), SupervisionKind.HALL_WINDOW,
				new SupervisionData("320506", day, null, "吴中区政务服务中心", "吴中区\u3000\u3000东吴北路  98号", "证照邮寄", null,
						null, null))
			.place()).isEqualTo("吴中区 东吴北路 98号");
	}

	/**
	 * A record's long free text (the hall's service, the findings) is stored without the invisible characters inside
	 * it (Text.freeText), so "证照\u200B邮寄" is the service 证照邮寄 a search finds; the place, one line, still refuses one.
	 */
	@Test
	void aZeroWidthSpaceInsideARecordsFindingsIsRemovedAsStored() {
		var checked = records.check(DataScope.region("3205"), SupervisionKind.HALL_WINDOW,
				new SupervisionData("320506", LocalDate.now(clock).toString(), null, "吴中区政务服务中心", "东吴北路98号",
						"证照\u200B邮寄\u2060", null, "窗口\u200B未公示\uFEFF资费", null));
		assertThat(checked.detail()).isEqualTo("证照邮寄");
		assertThat(checked.findings()).isEqualTo("窗口未公示资费");
	}
}
