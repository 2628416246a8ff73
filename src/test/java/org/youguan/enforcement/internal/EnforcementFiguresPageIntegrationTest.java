package org.youguan.enforcement.internal;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.enforcement.CaseInvestigation;
import org.youguan.enforcement.Leads;
import org.youguan.enforcement.Officer;
import org.youguan.enforcement.OnTheSpotPenalties;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The figures page's breakdown: 及时立案 counts a lead decided (filed or closed) within the configured warning days as
 * on time and one decided later as late, leads count by source; the page shows the headline figures and the breakdown,
 * the export reads back as a workbook with the same lines, a region outside the scope is a 403, and the stable API
 * keeps exactly its seven fields.
 */
@IntegrationTest
class EnforcementFiguresPageIntegrationTest {

	static final DataScope ALL = DataScope.all();

	@Autowired
	MockMvc mvc;

	@Autowired
	EnforcementBreakdown breakdown;

	@Autowired
	Leads leads;

	@Autowired
	Enterprises enterprises;

	@Autowired
	OnTheSpotPenalties onTheSpotPenalties;

	@Autowired
	MutableClock clock;

	static long decidedStep(EnforcementBreakdown.Breakdown b) {
		return b.steps().stream().filter(l -> l.item().startsWith("作出决定")).findFirst().orElseThrow().count();
	}

	EnforcementBreakdown.Breakdown today() {
		LocalDate today = LocalDate.now(clock);
		return breakdown.breakdown(ALL, "320506", today, today);
	}

	long sourceCount(EnforcementBreakdown.Breakdown b, String label) {
		return b.bySource().stream().filter(l -> l.item().equals(label)).mapToLong(EnforcementBreakdown.Line::count).sum();
	}

	@Test
	void aLeadDecidedAfterTheWarningDaysIsLateAndOneWithinThemOnTime() {
		LocalDate today = LocalDate.now(clock);
		EnterpriseView e = enterprises.list(DataScope.region("320506"), Enterprises.Filter.NONE,
				PageQuery.of(null, 0, 5, "legal_name", "asc")).items().get(1);
		EnforcementBreakdown.Breakdown before = today();
		assertThat(before.warningDays()).isEqualTo(15);

		long late = leads.report(ALL, new Leads.ReportData("REPORT", "群众举报", e.creditCode(), null, "迟立案" + UUID.randomUUID(),
				today.minusDays(20).toString()), false);
		leads.propose(ALL, late, "DATA_NOT_REPORTED", today.minusDays(21).toString(), null, false, null);
		leads.approve(ALL, late, new Officer(null, "孙局长"), today, false);
		long quick = leads.report(ALL, new Leads.ReportData("REPORT", "群众举报", e.creditCode(), null, "及时研判" + UUID.randomUUID(),
				today.minusDays(2).toString()), false);
		leads.close(ALL, quick, "经核查不属于违法行为");
		long received = leads.report(ALL, new Leads.ReportData("TRANSFER", "昆山市局移交", e.creditCode(), null,
				"今日收到" + UUID.randomUUID(), today.toString()), false);

		EnforcementBreakdown.Breakdown after = today();
		EnforcementBreakdown.Line was = before.filing().get(0);
		EnforcementBreakdown.Line is = after.filing().get(0);
		assertThat(is.count()).isEqualTo(was.count() + 2);
		assertThat(is.onTime()).isEqualTo(was.onTime() + 1);
		assertThat(sourceCount(after, "邮政管理部门移交")).isEqualTo(sourceCount(before, "邮政管理部门移交") + 1);
		assertThat(received).isPositive();
		assertThat(after.steps()).extracting(EnforcementBreakdown.Line::item).hasSize(5)
			// the delivery period is the catalogue's (7 working days, 行政处罚法(2021) arts.61, 85), not "7日"
			.contains("送达决定书（送达期限内）")
			.noneMatch(item -> item.matches(".*\\d+日.*"));
	}

	/**
	 * The breakdown's "by violation · 立案" lines add up to the figures' {@code casesFiled}: an on-the-spot decision
	 * (简易程序) is decided, never filed, in both.
	 */
	@Test
	void casesFiledByViolationAddUpToTheFiguresAndLeaveOnTheSpotDecisionsOut() throws Exception {
		LocalDate today = LocalDate.now(clock);
		EnterpriseView e = enterprises.list(DataScope.region("320506"), Enterprises.Filter.NONE,
				PageQuery.of(null, 0, 5, "legal_name", "asc")).items().get(1);
		long filed = leads.report(ALL, new Leads.ReportData("REPORT", "群众举报", e.creditCode(), null, "立案" + UUID.randomUUID(),
				today.toString()), false);
		leads.propose(ALL, filed, "DATA_NOT_REPORTED", today.minusDays(1).toString(), null, false, null);
		leads.approve(ALL, filed, new Officer(null, "孙局长"), today, false);
		long decidedWithinLimit = decidedStep(today());
		onTheSpotPenalties.decideOnTheSpot(ALL, new OnTheSpotPenalties.OnTheSpot("ORGANISATION", e.creditCode(), null, null, "DATA_NOT_REPORTED",
				"当月数据逾期未报送", "当事人营业场所", today.toString(), "WARNING", null,
				List.of(new CaseInvestigation.Member("陈吴中", "32050601"), new CaseInvestigation.Member("沈执法", "32050602"))));
		// an on-the-spot decision has no decision limit to keep: not in the 作出决定（办案期限内） rate either
		assertThat(decidedStep(today())).isEqualTo(decidedWithinLimit);

		String json = mvc.perform(get("/api/v1/enforcement/figures?region=320506&from=" + today + "&to=" + today)
			.header("Authorization", "Bearer demo-sz-admin-token")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		long casesFiled = ((Number) JsonPath.read(json, "$.casesFiled")).longValue();
		long byViolation = today().byViolation().stream().filter(l -> l.item().endsWith(" · 立案"))
			.mapToLong(EnforcementBreakdown.Line::count).sum();
		assertThat(casesFiled).isPositive();
		assertThat(byViolation).isEqualTo(casesFiled);
	}

	@Test
	void thePageShowsTheBreakdownAndItsExportReadsBack() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		mvc.perform(get("/enforcement/figures").session(staff)).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"fine-total\"")))
			.andExpect(content().string(containsString("id=\"filing-warning\"")))
			.andExpect(content().string(containsString("各环节按期率")));
		// in English the groups read in English and the filing group is still told by its constant, not its wording
		mvc.perform(get("/enforcement/figures").param("lang", "en").session(staff)).andExpect(status().isOk())
			.andExpect(content().string(containsString(">Timely filing<")))
			.andExpect(content().string(containsString("id=\"filing-warning\"")))
			.andExpect(content().string(containsString(">On-time rates by step<")))
			.andExpect(content().string(not(containsString("各环节按期率"))))
			// finding (the breakdown's items stayed Chinese in English): each item is worded by its key or its choice
			.andExpect(content().string(containsString(">Decision made (within the case time limit)<")))
			.andExpect(content().string(containsString(">Leads decided in the period (filed or not filed)<")))
			.andExpect(content().string(not(containsString("作出决定（办案期限内）"))))
			.andExpect(content().string(not(containsString("期间内研判完毕的线索"))));
		mvc.perform(get("/enforcement/figures").session(staff)).andExpect(status().isOk())
			.andExpect(content().string(containsString(">作出决定（办案期限内）<")));
		mvc.perform(get("/enforcement/figures?region=320507").session(staff)).andExpect(status().isForbidden());
		mvc.perform(get("/enforcement/figures?from=2026-13-01").session(staff)).andExpect(status().isBadRequest());
		mvc.perform(get("/enforcement/figures").session(SignIn.session(mvc, "sf.wz"))).andExpect(status().isForbidden());

		byte[] xlsx = mvc.perform(get("/enforcement/figures.xlsx?region=3205&from=2026-01-01").session(SignIn.session(mvc, "sz.leader")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			DataFormatter format = new DataFormatter();
			Row header = book.getSheetAt(0).getRow(0);
			assertThat(format.formatCellValue(header.getCell(0))).startsWith("处罚统计（江苏省苏州市，2026年1月1日至").endsWith("日）");
			assertThat(format.formatCellValue(book.getSheetAt(0).getRow(1).getCell(0))).isEqualTo("及时立案");
			boolean steps = false;
			for (Row row : book.getSheetAt(0)) {
				steps |= format.formatCellValue(row.getCell(0)).equals("各环节按期率");
			}
			assertThat(steps).isTrue();
		}

		String json = mvc.perform(get("/api/v1/enforcement/figures?region=3205").header("Authorization", "Bearer demo-sz-admin-token"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		Map<String, Object> figures = JsonPath.read(json, "$");
		assertThat(figures).containsOnlyKeys("leads", "casesFiled", "penalizedEnterprises", "fineTotal", "fineCollected",
				"warnings", "decisionsPublished");
	}

	/** The Wuzhong clerk's API token (demo data). */
	static final String WUZHONG = "Bearer demo-wz-staff-token";

	/**
	 * The figures (API, page, .xlsx) and the public list take a whole existing region of 2, 4, 6, 9 or 12 digits:
	 * {@code 32050} is not read as a prefix of every code that starts with it.
	 */
	@Test
	void figuresAndListsTakeWholeExistingRegionsOnly() throws Exception {
		mvc.perform(get("/api/v1/enforcement/figures?region=32050").header("Authorization", WUZHONG))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("region"))
			.andExpect(jsonPath("$.errors[0].rule").value("length"));
		mvc.perform(get("/api/v1/enforcement/figures?region=329999").header("Authorization", WUZHONG))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("region"))
			.andExpect(jsonPath("$.errors[0].rule").value("exists"));
		mvc.perform(get("/api/v1/enforcement/figures?region=320506").header("Authorization", WUZHONG))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/public/penalties?region=3205061")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("region"));
		mvc.perform(get("/api/v1/public/penalties?region=3205")).andExpect(status().isOk());
		assertThat(mvc.perform(get("/enforcement/figures?region=32050").session(SignIn.session(mvc, "sz.admin")))
			.andReturn().getResponse().getStatus()).isEqualTo(400);
		assertThat(mvc.perform(get("/enforcement/figures.xlsx?region=32050").session(SignIn.session(mvc, "sz.admin")))
			.andReturn().getResponse().getStatus()).isEqualTo(400);
		assertThat(mvc.perform(get("/public/penalties?region=32050")).andReturn().getResponse().getStatus()).isEqualTo(400);
	}
}
