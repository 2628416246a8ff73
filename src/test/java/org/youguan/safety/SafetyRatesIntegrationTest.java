package org.youguan.safety;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.safety.internal.ParcelRollups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The rates from crafted rollup rows (February 2025, China time): the formulas (exempt parcels out of the real-name
 * denominator, null when a denominator is 0), the China-time period boundary, the breakdowns, and the scopes — the city
 * sees its region, a county only its own, an enterprise token only its own parcels, and a county asking for the city is
 * refused.
 */
@IntegrationTest
class SafetyRatesIntegrationTest {

	static final String CITY = "Bearer demo-sz-admin-token";

	static final String WUZHONG = "Bearer demo-wz-staff-token";

	static final String SHUNFENG = "Bearer demo-sf-wz-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	SafetyRates rates;

	@Autowired
	SafetyLedgers ledgers;

	@Autowired
	Clock clock;

	long shunfeng;

	long other;

	@BeforeEach
	void rollups() {
		clean();
		shunfeng = jdbc.sql("SELECT e.id FROM enterprise e JOIN user_account u ON u.enterprise_credit_code = e.credit_code "
				+ "WHERE u.username = 'sf.wz'").query(Long.class).single();
		other = jdbc.sql("SELECT min(id) FROM enterprise WHERE id <> :id").param("id", shunfeng).query(Long.class).single();
		// 顺丰吴中: 100 parcels in 吴中 (10 exempt, 88 real-name, 95 inspected, 90 screened)
		hour(LocalDateTime.of(2025, 2, 10, 9, 0), shunfeng, "SF-OUT-1", "320506", 100, 10, 88, 95, 90);
		// another enterprise: 50 parcels in 虎丘 (all subject, all real-name, 40 inspected, 50 screened)
		hour(LocalDateTime.of(2025, 2, 11, 14, 0), other, "", "320505", 50, 0, 50, 40, 50);
		// 1 March 00:00 China time (28 Feb 16:00 UTC): outside February
		hour(LocalDateTime.of(2025, 3, 1, 0, 0), shunfeng, "SF-OUT-1", "320506", 1000, 0, 0, 0, 0);
		// letters only on 20 Feb in 吴江: no real-name rate, but inspection and screening rates
		hour(LocalDateTime.of(2025, 2, 20, 8, 0), other, "", "320509", 5, 5, 0, 5, 0);
	}

	@AfterEach
	void clean() {
		jdbc.sql("DELETE FROM safety_parcel_hour WHERE hour >= '2025-01-31' AND hour < '2025-03-02'").update();
		jdbc.sql("DELETE FROM safety_parcel_day WHERE day >= '2025-01-31' AND day < '2025-03-02'").update();
	}

	private void hour(LocalDateTime chinaHour, long enterprise, String outlet, String county, long parcels, long exempt,
			long realName, long inspected, long screened) {
		new ParcelRollups(enterprise).add(chinaHour.atZone(ParcelRecord.CHINA).toInstant(), outlet, county, parcels, exempt,
				realName, inspected, screened).writeTo(jdbcTemplate);
	}

	@Test
	void aMalformedRegionIsThe400OfItsFormatForStaffAndEnterprisesAlike() throws Exception {
		for (String token : new String[] { CITY, "Bearer demo-sf-wz-token" }) {
			mvc.perform(get("/api/v1/safety/figures").param("region", "abc'--").header("Authorization", token))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("region"));
		}
		// a number that is no region code is not echoed in clear
		mvc.perform(get("/api/v1/safety/figures").param("region", "320506199001010018").header("Authorization", CITY))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(Matchers.not(Matchers.containsString("320506199001010018"))));
	}

	/**
	 * Parcels are counted per county: a township's code is refused naming the rule (attack round 12: it answered no
	 * parcels beside its county's ledger counts), for the figures, the rates and their trend alike.
	 */
	@Test
	void aTownshipCodeIsRefusedForParcelFigures() throws Exception {
		for (String path : new String[] { "/api/v1/safety/figures", "/api/v1/safety/rates", "/api/v1/safety/rates/trend" }) {
			for (String token : new String[] { CITY, "Bearer demo-sf-wz-token" }) {
				mvc.perform(get(path).param("region", "320506001").header("Authorization", token))
					.andExpect(status().isBadRequest())
					.andExpect(jsonPath("$.errors[0].field").value("region"))
					.andExpect(jsonPath("$.errors[0].rule").value("county-level"));
			}
		}
		mvc.perform(get("/api/v1/safety/figures").param("region", "320506").header("Authorization", CITY))
			.andExpect(status().isOk());
	}

	@Test
	void cityFiguresApplyTheFormulasOverTheChinaTimePeriod() throws Exception {
		// real-name 138 / (155 − 15) = 98.57 %; inspected 140 / 155 = 90.32 %; screened 140 / 155 = 90.32 %
		mvc.perform(get("/api/v1/safety/figures?region=3205&from=2025-02-01&to=2025-02-28").header("Authorization", CITY))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.parcels").value(155))
			.andExpect(jsonPath("$.subjectParcels").value(140))
			.andExpect(jsonPath("$.realNameRate").value(98.57))
			.andExpect(jsonPath("$.inspectionRate").value(90.32))
			.andExpect(jsonPath("$.screeningRate").value(90.32))
			.andExpect(jsonPath("$.screeningMachines").isNumber());
	}

	/** The figures carry the ledgers' counts for the same region and period; an enterprise gets null for them. */
	@Test
	void theFiguresCarryTheLedgersCountsForStaffOnly() throws Exception {
		LocalDate today = LocalDate.now(clock.withZone(ParcelRecord.CHINA));
		LedgerFigures expected = ledgers.figures("3205", today.withDayOfYear(1), today);
		mvc.perform(get("/api/v1/safety/figures?region=3205").header("Authorization", CITY))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.screeningContractors").value(expected.screeningContractors()))
			.andExpect(jsonPath("$.hazardsOpen").value(expected.hazardsOpen()))
			.andExpect(jsonPath("$.hazardsClosed").value(expected.hazardsClosed()));
		assertThat(expected.hazardsOpen() + expected.hazardsClosed()).as("the demo city has hazards").isPositive();
		mvc.perform(get("/api/v1/safety/figures").header("Authorization", SHUNFENG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.hazardsOpen").value(nullValue()));
	}

	@Test
	void aRateWhoseDenominatorIsZeroIsNull() throws Exception {
		mvc.perform(get("/api/v1/safety/figures?region=320509&from=2025-02-20&to=2025-02-20").header("Authorization", CITY))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.parcels").value(5))
			.andExpect(jsonPath("$.realNameRate").value(nullValue()))
			.andExpect(jsonPath("$.inspectionRate").value(100.0));
		mvc.perform(get("/api/v1/safety/figures?region=3205&from=2025-01-01&to=2025-01-31").header("Authorization", CITY))
			.andExpect(jsonPath("$.parcels").value(0))
			.andExpect(jsonPath("$.screeningRate").value(nullValue()));
	}

	@Test
	void anEnterpriseTokenReadsOnlyItsOwnParcels() throws Exception {
		mvc.perform(get("/api/v1/safety/figures?from=2025-02-01&to=2025-02-28").header("Authorization", SHUNFENG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.parcels").value(100))
			.andExpect(jsonPath("$.realNameRate").value(97.77)); // 88 of 90 = 97.777…, rounded down
		mvc.perform(get("/api/v1/safety/rates?by=COUNTY&from=2025-02-01&to=2025-02-28").header("Authorization", SHUNFENG))
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].key").value("320506"));
	}

	@Test
	void aCountySeesItsRegionAndIsRefusedTheCity() throws Exception {
		mvc.perform(get("/api/v1/safety/figures?from=2025-02-01&to=2025-02-28").header("Authorization", WUZHONG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.parcels").value(100));
		mvc.perform(get("/api/v1/safety/figures?region=3205&from=2025-02-01&to=2025-02-28").header("Authorization", WUZHONG))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/safety/figures?from=2025-02-28&to=2025-02-01").header("Authorization", CITY))
			.andExpect(status().isBadRequest());
	}

	@Test
	void breakdownsSortByRateAndSearchByName() {
		var q = new SafetyRates.Query("3205", LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 28), null);
		var byEnterprise = rates.breakdown(DataScope.region("3205"), q, SafetyRates.By.ENTERPRISE,
				PageQuery.of(null, 0, 20, "real_name_rate", "asc"));
		assertThat(byEnterprise.items()).extracting(SafetyRates.Line::enterpriseId).containsExactly(shunfeng, other);
		assertThat(byEnterprise.items().get(0).name()).isNotBlank();
		var byCounty = rates.breakdown(DataScope.region("3205"), q, SafetyRates.By.COUNTY,
				PageQuery.of("吴中", 0, 20, "parcels", "desc"));
		assertThat(byCounty.items()).extracting(SafetyRates.Line::key).containsExactly("320506");
		var trend = rates.trend(DataScope.region("3205"), q, SafetyRates.Step.DAY);
		assertThat(trend).extracting(SafetyRates.Line::key).containsExactly("2025-02-10", "2025-02-11", "2025-02-20");
		var months = rates.trend(DataScope.region("3205"), q, SafetyRates.Step.MONTH);
		assertThat(months).extracting(SafetyRates.Line::parcels).containsExactly(155L);
	}

	@Test
	void pagesAndExportShowTheRates() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "sz.safety");
		mvc.perform(get("/safety/rates?from=2025-02-01&to=2025-02-28&by=OUTLET").session(staff))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("SF-OUT-1")))
			.andExpect(content().string(Matchers.containsString("98.57%")))
			.andExpect(content().string(Matchers.containsString("实名率")));
		// finding (chart series stayed Chinese in English): the trend chart names its series in the page's language
		String english = mvc.perform(get("/safety/rates?from=2025-02-01&to=2025-02-28&by=OUTLET&lang=en").session(staff))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String option = org.jsoup.Jsoup.parse(english).getElementById("chart-trend").attr("data-chart-option");
		assertThat(option).contains("Real-name rate", "Inspection rate", "Screening rate").doesNotContain("实名率", "验视率", "过机率");
		// by enterprise, the 编号 is the enterprise's credit code, not the register's internal id
		String byEnterprise = mvc.perform(get("/safety/rates?from=2025-02-01&to=2025-02-28&by=ENTERPRISE").session(staff))
			.andReturn().getResponse().getContentAsString();
		var line = rates.breakdown(DataScope.region("3205"), new SafetyRates.Query("3205", LocalDate.of(2025, 2, 1),
				LocalDate.of(2025, 2, 28), null), SafetyRates.By.ENTERPRISE, new PageQuery("", 0, 20, null, false)).items().get(0);
		assertThat(line.code()).hasSize(18).isNotEqualTo(line.key());
		assertThat(byEnterprise).contains("<td>" + line.code() + "</td>");
		mvc.perform(get("/safety/rates/export.xlsx?from=2025-02-01&to=2025-02-28").session(staff))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", Matchers.containsString(".xlsx")));
		MockHttpSession enterprise = SignIn.session(mvc, "sf.wz");
		mvc.perform(get("/enterprise/safety/rates?from=2025-02-01&to=2025-02-28").session(enterprise))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("97.77%")));
		mvc.perform(get("/safety/rates").session(enterprise)).andExpect(status().isForbidden());
	}

	/** By outlet, each enterprise's parcels without an outlet are its own row: the export names the enterprise. */
	@Test
	void theExportByOutletNamesEachLinesEnterprise() throws Exception {
		hour(LocalDateTime.of(2025, 2, 12, 9, 0), shunfeng, "", "320506", 7, 0, 7, 7, 7);
		MockHttpSession staff = SignIn.session(mvc, "sz.safety");
		byte[] xlsx = mvc.perform(get("/safety/rates/export.xlsx?from=2025-02-01&to=2025-02-28&by=OUTLET").session(staff))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			var sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("企业");
			List<String> noOutlet = new ArrayList<>();
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				var row = sheet.getRow(r);
				if ("（未填写网点）".equals(row.getCell(1).getStringCellValue())) {
					noOutlet.add(row.getCell(2).getStringCellValue());
				}
			}
			String sf = jdbc.sql("SELECT legal_name FROM enterprise WHERE id = :id").param("id", shunfeng).query(String.class).single();
			String another = jdbc.sql("SELECT legal_name FROM enterprise WHERE id = :id").param("id", other).query(String.class).single();
			assertThat(noOutlet).containsExactlyInAnyOrder(sf, another);
		}
	}
}
