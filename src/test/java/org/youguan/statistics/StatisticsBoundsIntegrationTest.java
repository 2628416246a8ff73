package org.youguan.statistics;

import java.time.YearMonth;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.platform.ChinaTime;
import org.youguan.statistics.internal.Aggregation;
import org.youguan.statistics.internal.ValueType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attack round 14 on statistics: a formula too long or too deep is a 400 on {@code formula}; the bulletin, the
 * reminders and the aggregate API refuse months that have not ended or not begun; a target is set by the bureau's
 * administrators on their own region, and targets, drafts and opened reports are audited with their states.
 */
@IntegrationTest
class StatisticsBoundsIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Indicators indicators;

	@Autowired
	ReportForms forms;

	@Autowired
	JdbcClient jdbc;

	static Indicators.NewIndicator derived(String formula) {
		String code = "bounds.f" + ThreadLocalRandom.current().nextInt(1_000_000);
		return new Indicators.NewIndicator(code, "公式边界" + code, "件", ValueType.INTEGER, Aggregation.SUM, null, formula, null);
	}

	@Test
	void aFormulaTooDeepOrTooLongIsRefusedOnFormulaNamingTheRule() {
		String deep = "(".repeat(5000) + "express.volume.local" + ")".repeat(5000);
		assertThatThrownBy(() -> indicators.add(derived(deep), null))
			.isInstanceOfSatisfying(InvalidValueException.class, e -> {
				assertThat(e.fieldErrors()).extracting(FieldError::field, FieldError::rule)
					.containsExactlyInAnyOrder(tuple("formula", "max-length"), tuple("formula", "depth"));
				assertThat(e.fieldErrors()).extracting(FieldError::message)
					.anySatisfy(m -> assertThat(m).contains("300")).anySatisfy(m -> assertThat(m).contains("20层"));
			});
		String nested = "(".repeat(21) + "express.volume.local" + ")".repeat(21);
		assertThatThrownBy(() -> indicators.add(derived(nested), null))
			.isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.fieldErrors())
				.extracting(FieldError::field, FieldError::rule).containsExactly(tuple("formula", "depth")));
		String longOne = "express.volume.local" + " + express.volume.local".repeat(14);
		assertThat(longOne.length()).isGreaterThan(300);
		assertThatThrownBy(() -> indicators.add(derived(longOne), null))
			.isInstanceOfSatisfying(InvalidValueException.class, e -> {
				assertThat(e.fieldErrors()).extracting(FieldError::field, FieldError::rule)
					.containsExactly(tuple("formula", "max-length"));
				assertThat(e.getMessage()).contains("300");
			});
	}

	@Test
	void theBulletinOfAYearNotBegunOrAMonthOutOfRangeIsRefused() throws Exception {
		MockHttpSession leader = SignIn.session(mvc, "sz.leader");
		int next = YearMonth.now(ChinaTime.ZONE).getYear() + 1;
		mvc.perform(get("/statistics/bulletin.docx").session(leader).param("year", String.valueOf(next)))
			.andExpect(status().isBadRequest());
		int last = next - 2;
		for (String through : new String[] { "13", "0", "-5" }) {
			mvc.perform(get("/statistics/bulletin.docx").session(leader).param("year", String.valueOf(last))
				.param("through", through)).andExpect(status().isBadRequest());
		}
		YearMonth running = YearMonth.now(ChinaTime.ZONE);
		mvc.perform(get("/statistics/bulletin.docx").session(leader).param("year", String.valueOf(running.getYear()))
			.param("through", String.valueOf(running.getMonthValue()))).andExpect(status().isBadRequest());
	}

	@Test
	void remindersForAPeriodNotYetOpenAreRefused() throws Exception {
		ReportForm monthly = forms.byCode("monthly");
		String running = YearMonth.now(ChinaTime.ZONE).toString();
		mvc.perform(post("/statistics/completeness/remind").session(SignIn.session(mvc, "sz.admin")).with(csrf())
			.param("form", String.valueOf(monthly.id())).param("period", running))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attributeExists("errors"));
		assertThat(jdbc.sql("SELECT count(*) FROM stat_reminder WHERE form_id = :form AND period = :period")
			.param("form", monthly.id())
			.param("period", running)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theAggregateApiRefusesMonthsAfterTheCurrentOne() throws Exception {
		YearMonth next = YearMonth.now(ChinaTime.ZONE).plusMonths(1);
		mvc.perform(get("/api/v1/statistics/aggregate").param("indicator", "express.volume").param("region", "3205")
			.param("from", next.minusYears(1).toString()).param("to", "2099-12")
			.header("Authorization", "Bearer demo-sz-admin-token"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("to"))
			.andExpect(jsonPath("$.errors[0].rule").value("range"));
		mvc.perform(get("/api/v1/statistics/aggregate").param("indicator", "express.volume").param("region", "3205")
			.param("from", next.toString()).param("to", next.toString())
			.header("Authorization", "Bearer demo-sz-admin-token"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("from"));
	}

	@Test
	void onlyTheBureausAdministratorsSetItsTargetAndTheTrailKeepsBeforeAndAfter() throws Exception {
		int first = 100 + ThreadLocalRandom.current().nextInt(1_000_000);
		MockHttpSession admin = SignIn.session(mvc, "sz.admin");
		mvc.perform(post("/statistics/targets").session(SignIn.session(mvc, "sz.market")).with(csrf()).param("region", "3205")
			.param("year", "2011").param("indicator", "postal.total").param("targetValue", "1"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/statistics/targets").session(admin).with(csrf()).param("region", "320506")
			.param("year", "2011").param("indicator", "postal.total").param("targetValue", "1"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/statistics/targets").session(admin).with(csrf()).param("region", "3205").param("year", "2011")
			.param("indicator", "postal.total").param("targetValue", String.valueOf(first)))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/statistics/targets").session(admin).with(csrf()).param("region", "3205").param("year", "2011")
			.param("indicator", "postal.total").param("targetValue", String.valueOf(first + 1)).param("targetGrowth", "5.5"))
			.andExpect(status().is3xxRedirection());
		Map<String, Object> entry = jdbc.sql("""
				SELECT before_state::text AS before, after_state::text AS after FROM audit_event
				WHERE action = 'statistics.target.set' AND object_id = '3205/2011/postal.total' ORDER BY id DESC LIMIT 1""")
			.query()
			.singleRow();
		assertThat(String.valueOf(entry.get("before"))).contains("\"targetValue\": \"" + first + "\"");
		assertThat(String.valueOf(entry.get("after"))).contains("\"targetValue\": \"" + (first + 1) + "\"")
			.contains("\"targetGrowth\": \"5.5\"");
	}
}
