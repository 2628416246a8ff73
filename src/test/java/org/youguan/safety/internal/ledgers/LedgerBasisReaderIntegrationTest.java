package org.youguan.safety.internal.ledgers;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.HolidayNotices;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.kernel.DataScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A hazard's deadline basis and an incident's report basis rest on rules of local practice (地方实践（未确认）): the
 * enterprise reads them on its portal and through the API as the bureau's own rule (按本局规定), whether the record was
 * made now or kept the catalogue's mark from before bases were cited for their reader; the bureau's staff read the
 * catalogue's mark. V284 rewrites the old kept texts into the one form kept now.
 */
@IntegrationTest
class LedgerBasisReaderIntegrationTest {

	static final String CITY = HazardLedgerIntegrationTest.CITY;

	static final String SHUNFENG = HazardLedgerIntegrationTest.SHUNFENG;

	static final String MARK = "地方实践（未确认）";

	@Autowired
	MockMvc mvc;

	@Autowired
	Hazards hazards;

	@Autowired
	Incidents incidents;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	DataSource dataSource;

	static String tag() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	long hazardOfTheEnterprise(String description) throws Exception {
		String body = mvc.perform(post("/api/v1/safety/hazards").header("Authorization", SHUNFENG)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"foundOn\":\"" + LocalDate.now(clock) + "\",\"foundBy\":\"安全员\",\"description\":\"" + description
					+ "\",\"level\":\"GENERAL\"}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		return Long.parseLong(body.replaceAll("\\D", ""));
	}

	/** The enterprise reads the hazard's basis on its page, in its list, through the API and in its export. */
	void enterpriseReadsTheBasisWithoutTheMark(long id, String description) throws Exception {
		mvc.perform(get("/enterprise/safety/hazards/" + id).header("Authorization", SHUNFENG))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("一般隐患整改期限"), containsString("（按本局规定）"),
					not(containsString(MARK)), not(containsString("未确认")))));
		mvc.perform(get("/api/v1/safety/hazards/" + id).header("Authorization", SHUNFENG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.hazard.deadlineBasis").value(allOf(containsString("（按本局规定）"), not(containsString("未确认")))));
		mvc.perform(get("/api/v1/safety/hazards").param("q", description).header("Authorization", SHUNFENG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].id").value(id))
			.andExpect(jsonPath("$.items[0].deadlineBasis").value(allOf(containsString("（按本局规定）"), not(containsString("未确认")))));
		byte[] xlsx = mvc.perform(get("/enterprise/safety/hazards/export.xlsx").param("q", description)
			.header("Authorization", SHUNFENG))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(HazardLedgerIntegrationTest.rowsOf(xlsx)).contains("（按本局规定）").doesNotContain("未确认");
	}

	/** The mark as staff read it in the basis's brackets: one pair, its own brackets a comma (not （地方实践（未确认））). */
	static final String MARK_IN_BRACKETS = "（地方实践，未确认）";

	/**
	 * Staff read the catalogue's mark on the page, in the list's export and through the API, in one pair of brackets —
	 * the page read "（地方实践（未确认））", also for a row kept in that form before.
	 */
	void staffReadTheMark(long id) throws Exception {
		mvc.perform(get("/safety/hazards/" + id).header("Authorization", CITY))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("一般隐患整改期限10个工作日" + MARK_IN_BRACKETS)))
			.andExpect(content().string(not(containsString("（" + MARK + "）"))));
		mvc.perform(get("/api/v1/safety/hazards/" + id).header("Authorization", CITY))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.hazard.deadlineBasis").value("一般隐患整改期限10个工作日" + MARK_IN_BRACKETS));
	}

	@Test
	void aHazardWithAnUnconfirmedBasisIsReadByTheEnterpriseWithoutTheMarkAndByStaffWithIt() throws Exception {
		String description = "依据读者测试" + tag();
		long id = hazardOfTheEnterprise(description);
		enterpriseReadsTheBasisWithoutTheMark(id, description);
		staffReadTheMark(id);
	}

	@Test
	void aHazardKeptWithTheMarkBeforeBasesWereCitedForTheirReaderIsReadByTheEnterpriseWithoutIt() throws Exception {
		String description = "旧依据读者测试" + tag();
		long id = hazardOfTheEnterprise(description);
		// as recorded before: the catalogue's basis as the bureau reads it, kept with the row
		keptBasis("safety_hazard", "deadline_basis", id, "一般隐患整改期限10个工作日（" + MARK + "）");
		enterpriseReadsTheBasisWithoutTheMark(id, description);
		staffReadTheMark(id);
		assertThat(hazards.get(DataScope.enterprise(HazardLedgerIntegrationTest.shunfeng()), id).deadlineBasis())
			.isEqualTo("一般隐患整改期限10个工作日（按本局规定）");
	}

	@Autowired
	HolidayNotices notices;

	@Autowired
	WorkingCalendar calendar;

	/**
	 * A hazard that kept the catalogue's basis in the bureau's form before is still recounted when its deadline's year
	 * is loaded: the recount compares the basis in the form kept now (it compared the texts and skipped such hazards).
	 * 2066 is used by no other test.
	 */
	@Test
	void aHazardKeptWithTheMarkIsRecountedWhenItsYearIsLoaded() {
		LocalDate found = LocalDate.of(2065, 12, 28);
		clock.set(found.atTime(10, 0));
		try {
			long id = hazards.report(DataScope.region("3205"), new HazardData(HazardLedgerIntegrationTest.shunfeng(), null,
					null, found.toString(), "市局 检查组", "INSPECTION", "旧依据重算测试" + tag(), "GENERAL", null), false);
			LocalDate provisional = hazards.get(DataScope.all(), id).deadline();
			keptBasis("safety_hazard", "deadline_basis", id, "一般隐患整改期限10个工作日（" + MARK + "）");

			notices.loadDaysOff(LocalDate.of(2066, 1, 1), LocalDate.of(2066, 1, 5));

			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(hazards.get(DataScope.all(), id).deadline())
				.isAfter(provisional).isEqualTo(calendar.plusWorkingDays(found, 10)));
		}
		finally {
			clock.reset();
		}
	}

	/** A record's basis as it was kept when it was made (a record made before bases were cited for their reader). */
	void keptBasis(String table, String column, long id, String basis) {
		jdbc.sql("UPDATE " + table + " SET " + column + " = :basis WHERE id = :id").param("basis", basis).param("id", id).update();
	}

	LocalDateTime hoursAgo(int hours) {
		return LocalDateTime.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).minusHours(hours).withSecond(0).withNano(0);
	}

	@Test
	void anIncidentsReportBasisIsReadByTheEnterpriseWithoutTheMarkAndByStaffWithIt() throws Exception {
		String description = "报告依据读者测试" + tag();
		mvc.perform(post("/api/v1/safety/incidents").header("Authorization", SHUNFENG)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"occurredAt\":\"" + hoursAgo(2) + "\",\"kind\":\"EMERGENCY\",\"level\":\"GENERAL\",\"description\":\""
					+ description + "\"}"))
			.andExpect(status().isCreated());
		String old = "旧报告依据读者测试" + tag();
		long kept = incidents.record(DataScope.region("3205"), new IncidentData(HazardLedgerIntegrationTest.shunfeng(), null,
				hoursAgo(3).toString(), "ACCIDENT", "GENERAL", old, null), false);
		keptBasis("safety_incident", "report_basis", kept, "事故/突发事件报告时限（自发生）1小时（" + MARK + "）");
		for (String d : new String[] { description, old }) {
			mvc.perform(get("/api/v1/safety/incidents").param("q", d).header("Authorization", SHUNFENG))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.items[0].description").value(d))
				.andExpect(jsonPath("$.items[0].reportBasis").value("事故/突发事件报告时限（自发生）1小时（按本局规定）"));
			mvc.perform(get("/api/v1/safety/incidents").param("q", d).header("Authorization", CITY))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.items[0].reportBasis").value("事故/突发事件报告时限（自发生）1小时" + MARK_IN_BRACKETS));
		}
		mvc.perform(get("/enterprise/safety/incidents/" + kept).header("Authorization", SHUNFENG))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("（按本局规定）"), not(containsString("未确认")))));
		mvc.perform(get("/safety/incidents/" + kept).header("Authorization", CITY))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("1小时" + MARK_IN_BRACKETS)))
			.andExpect(content().string(not(containsString("（" + MARK + "）"))));
	}

	/** V284 rewrites a kept basis with the mark into the form kept now; a date someone set stays. */
	@Test
	void theMigrationKeepsOldBasesInTheFormAnyReaderReads() throws Exception {
		String description = "迁移依据测试" + tag();
		long id = hazardOfTheEnterprise(description);
		keptBasis("safety_hazard", "deadline_basis", id, "重大隐患整改期限30个工作日（" + MARK + "）");
		long chosen = hazardOfTheEnterprise(description + "指定");
		keptBasis("safety_hazard", "deadline_basis", chosen, "指定日期");
		long incident = incidents.record(DataScope.region("3205"), new IncidentData(HazardLedgerIntegrationTest.shunfeng(), null,
				hoursAgo(3).toString(), "ACCIDENT", "GENERAL", "迁移报告依据测试" + tag(), null), false);
		keptBasis("safety_incident", "report_basis", incident, "事故/突发事件报告时限（自发生）2小时（" + MARK + "）");

		new ResourceDatabasePopulator(new ClassPathResource("db/migration/safety/V284__ledger_bases_in_the_form_any_reader_reads.sql"))
			.execute(dataSource);

		assertThat(jdbc.sql("SELECT deadline_basis FROM safety_hazard WHERE id = :id").param("id", id).query(String.class)
			.single()).isEqualTo("重大隐患整改期限30个工作日（按本局规定）");
		assertThat(jdbc.sql("SELECT deadline_basis FROM safety_hazard WHERE id = :id").param("id", chosen).query(String.class)
			.single()).isEqualTo("指定日期");
		assertThat(jdbc.sql("SELECT report_basis FROM safety_incident WHERE id = :id").param("id", incident)
			.query(String.class).single()).isEqualTo("事故/突发事件报告时限（自发生）2小时（按本局规定）");
		assertThat(jdbc.sql("SELECT count(*) FROM safety_hazard WHERE deadline_basis LIKE '%未确认%'").query(Long.class)
			.single()).isZero();
	}
}
