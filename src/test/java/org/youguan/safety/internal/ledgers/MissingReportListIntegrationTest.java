package org.youguan.safety.internal.ledgers;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.ExportedRows;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.registry.EnterpriseStatus;
import org.youguan.registry.Enterprises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The 未报送的日报 list of 寄递安保期 in the list idiom: search by period or enterprise name, period and day filters,
 * whitelisted sorts (an unknown one refused 400), pages and the .xlsx export read alike; a county never sees
 * another county's period.
 */
@IntegrationTest
class MissingReportListIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	SecurityPeriods periods;

	@Autowired
	Enterprises enterprises;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	String marker;

	long wuzhong;

	@BeforeEach
	void twoCountiesPeriods() {
		marker = "未报安保期" + UUID.randomUUID().toString().substring(0, 8);
		wuzhong = declare("320506", marker + "吴中");
		declare("320507", marker + "相城");
	}

	@AfterEach
	void remove() {
		jdbc.sql("DELETE FROM safety_security_period WHERE name LIKE :marker").param("marker", marker + "%").update();
	}

	/** A period of the five days around today, declared on its first day (so its past days owe reports). */
	private long declare(String region, String name) {
		LocalDate today = LocalDate.now(clock);
		clock.advance(Duration.ofDays(-2));
		try {
			return periods.create(DataScope.region("3205"), new PeriodData(name, region, today.minusDays(2).toString(),
					today.plusDays(2).toString(), true, true, null), false);
		}
		finally {
			clock.advance(Duration.ofDays(2));
		}
	}

	@Test
	void searchFiltersSortsPagesAndTheExportReadTheSameRowsOfTheCountysOwnPeriod() throws Exception {
		LocalDate today = LocalDate.now(clock);
		int normal = enterprises.list(DataScope.region("320506"), new Enterprises.Filter(null, null, EnterpriseStatus.NORMAL),
				new PageQuery("", 0, 500, null, false)).items().size();
		MockHttpSession county = SignIn.session(mvc, "wz.staff");
		String export = "/safety/periods/missing/export.xlsx";
		List<List<String>> rows = ExportedRows.of(mvc, county, export, "q", marker);
		assertThat(rows.get(0)).containsExactly("安保期名称", "区域", "日期", "未报送企业");
		assertThat(rows).as("two past days, every normal enterprise of the county").hasSize(1 + 2 * normal);
		assertThat(ExportedRows.column(rows, 0)).as("the Xiangcheng period is not the county's").containsOnly(marker + "吴中");
		assertThat(rows.get(1).get(2)).as("newest first").isEqualTo(today.minusDays(1).toString());
		assertThat(ExportedRows.of(mvc, county, export, "q", marker, "sort", "day", "dir", "asc").get(1).get(2))
			.isEqualTo(today.minusDays(2).toString());
		// an unknown sort is refused naming the orders there are, not read as the default (the list idiom)
		for (String path : List.of(export, "/safety/periods/missing")) {
			mvc.perform(get(path).param("q", marker).param("sort", "day;drop").param("dir", "asc").session(county))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("排序字段应为day、period、enterprise之一")));
		}
		assertThat(ExportedRows.column(ExportedRows.of(mvc, county, export, "q", marker, "day",
				today.minusDays(2).toString()), 2)).hasSize(normal).containsOnly(today.minusDays(2).toString());
		assertThat(ExportedRows.of(mvc, county, export, "q", marker, "period", String.valueOf(wuzhong + 1_000_000)))
			.hasSize(1);
		assertThat(ExportedRows.of(mvc, county, export, "period", String.valueOf(wuzhong))).hasSize(1 + 2 * normal);
		mvc.perform(get("/safety/periods/missing").param("q", marker).param("size", "1").param("page", "1").session(county))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("共 " + 2 * normal + " 条")))
			.andExpect(content().string(containsString(marker + "吴中")))
			.andExpect(content().string(not(containsString(marker + "相城"))))
			.andExpect(content().string(containsString("id=\"missing-export\" href=\"/safety/periods/missing/export.xlsx")));
		mvc.perform(get(export).param("day", "昨天").session(county))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("day")));
	}
}
