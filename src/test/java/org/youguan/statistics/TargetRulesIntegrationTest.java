package org.youguan.statistics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;
import org.youguan.platform.ChinaTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attack round 19: an annual target is held to its indicator's rules as a reported value is — a rate (电子面单使用率, %)
 * at most 100, a count (件) whole — and to the years the targets page lists (2000 to next year), each refusal naming
 * its field; nothing is stored.
 */
@IntegrationTest
class TargetRulesIntegrationTest {

	@Autowired
	Targets targets;

	@Autowired
	UserDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	Clock clock;

	@Autowired
	Aggregates aggregates;

	@Autowired
	Indicators indicators;

	long stored(int year, String code) {
		return jdbc.sql("SELECT count(*) FROM stat_target WHERE region_code = '3205' AND year = :year AND indicator_code = :code")
			.param("year", year)
			.param("code", code)
			.query(Long.class)
			.single();
	}

	@Test
	void aRateAbove100ACountWithAFractionAndAYearOutOfRangeAreRefusedNamingTheField() {
		CurrentUser admin = directory.principal("sz.admin").orElseThrow();
		int next = LocalDate.now(clock.withZone(ChinaTime.ZONE)).getYear() + 1;
		assertThatThrownBy(() -> targets.set(admin, "3205", 2012, "green.ewaybill.rate", new BigDecimal("150"), null))
			.isInstanceOfSatisfying(InvalidValueException.class, e -> {
				assertThat(e.fieldErrors()).extracting(FieldError::field, FieldError::rule)
					.containsExactly(tuple("targetValue", "rate"));
				assertThat(e.fieldErrors().get(0).message()).contains("电子面单使用率").contains("100%");
			});
		assertThatThrownBy(() -> targets.set(admin, "3205", 2012, "express.volume.local", new BigDecimal("1.5"), null))
			.isInstanceOfSatisfying(InvalidValueException.class, e -> {
				assertThat(e.fieldErrors()).extracting(FieldError::field, FieldError::rule)
					.containsExactly(tuple("targetValue", "integer"));
				assertThat(e.fieldErrors().get(0).message()).contains("整数");
			});
		for (int year : new int[] { 2099, next + 1, 1999 }) {
			assertThatThrownBy(() -> targets.set(admin, "3205", year, "express.volume.local", new BigDecimal("100"), null))
				.as(String.valueOf(year))
				.isInstanceOfSatisfying(InvalidValueException.class, e -> {
					assertThat(e.fieldErrors()).extracting(FieldError::field, FieldError::rule)
						.containsExactly(tuple("year", "range"));
					assertThat(e.fieldErrors().get(0).message()).contains("2000年至" + next + "年");
				});
			assertThat(stored(year, "express.volume.local")).isZero();
		}
		assertThat(stored(2012, "green.ewaybill.rate")).isZero();
		assertThat(stored(2012, "express.volume.local")).isZero();
		// within the rules: a rate of 100 % at most, a whole count, next year's target
		targets.set(admin, "3205", 2012, "green.ewaybill.rate", new BigDecimal("99.5"), null);
		targets.set(admin, "3205", next, "express.volume.local", new BigDecimal("1000"), null);
		assertThat(stored(2012, "green.ewaybill.rate")).isOne();
		assertThat(stored(next, "express.volume.local")).isOne();
		jdbc.sql("DELETE FROM stat_target WHERE region_code = '3205' AND ((year = 2012 AND indicator_code = 'green.ewaybill.rate') "
				+ "OR (year = :next AND indicator_code = 'express.volume.local'))").param("next", next).update();
	}

	@Test
	void theTargetsPageRefusesARateAbove100OnItsField() throws Exception {
		mvc.perform(post("/statistics/targets").session(SignIn.session(mvc, "sz.admin")).with(csrf()).param("region", "3205")
			.param("year", "2013").param("indicator", "green.ewaybill.rate").param("targetValue", "150"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attributeExists("errors"));
		assertThat(stored(2013, "green.ewaybill.rate")).isZero();
	}

	/**
	 * Attack round 21: a growth of -150 % came to a negative target (折算目标值 -1,098,900,810 件, 完成进度 -199.3%), and a
	 * growth on a rate to one above 100 %: a growth is above -100 %, and the target it comes to from last year's total
	 * is held to the indicator's rules, refused naming {@code targetGrowth}; nothing is stored.
	 */
	@Test
	void aGrowthComingToANegativeTargetOrARateAbove100IsRefused() {
		CurrentUser admin = directory.principal("sz.admin").orElseThrow();
		int year = LocalDate.now(clock.withZone(ChinaTime.ZONE)).getYear();
		for (String growth : new String[] { "-150", "-100" }) {
			assertThatThrownBy(() -> targets.set(admin, "3205", 2014, "express.volume.intercity", null, new BigDecimal(growth)))
				.as(growth)
				.isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.fieldErrors())
					.extracting(FieldError::field, FieldError::rule)
					.containsExactly(tuple("targetGrowth", "range")));
		}
		assertThat(stored(2014, "express.volume.intercity")).isZero();
		BigDecimal lastYear = aggregates.value(indicators.get("green.ewaybill.rate"),
				new Slice("3205", null, YearMonth.of(year - 1, 1), YearMonth.of(year - 1, 12)));
		assertThat(lastYear).as("the demo city's rate last year").isGreaterThan(new BigDecimal("60"));
		assertThatThrownBy(() -> targets.set(admin, "3205", year, "green.ewaybill.rate", null, new BigDecimal("80")))
			.isInstanceOfSatisfying(InvalidValueException.class, e -> {
				assertThat(e.fieldErrors()).extracting(FieldError::field, FieldError::rule)
					.containsExactly(tuple("targetGrowth", "rate"));
				assertThat(e.fieldErrors().get(0).message()).contains("增长目标折算的目标值").contains("100%");
			});
		// attack: with a value beside it the growth's target was not checked (99.5% and 5% on 97.63% → 102.51% saved)
		assertThatThrownBy(() -> targets.set(admin, "3205", year, "green.ewaybill.rate", new BigDecimal("99.5"),
				new BigDecimal("80")))
			.isInstanceOfSatisfying(InvalidValueException.class, e -> {
				assertThat(e.fieldErrors()).extracting(FieldError::field, FieldError::rule)
					.containsExactly(tuple("targetGrowth", "rate"));
				assertThat(e.fieldErrors().get(0).message()).contains("增长目标折算的目标值").contains("100%");
			});
		assertThat(stored(year, "green.ewaybill.rate")).isZero();
	}

	/**
	 * The targets page reads a target as a report reads a value of its indicator, and a growth as the percent it is
	 * (attack: "99.5%" for a rate and "5%" growth were refused though reports accept them).
	 */
	@Test
	void theTargetsPageReadsPercentsAsReportsDo() throws Exception {
		try {
			mvc.perform(post("/statistics/targets").session(SignIn.session(mvc, "sz.admin")).with(csrf()).param("region", "3205")
				.param("year", "2011").param("indicator", "green.ewaybill.rate").param("targetValue", "99.5%"))
				.andExpect(status().is3xxRedirection())
				.andExpect(flash().attributeExists("message"));
			mvc.perform(post("/statistics/targets").session(SignIn.session(mvc, "sz.admin")).with(csrf()).param("region", "3205")
				.param("year", "2011").param("indicator", "express.volume.local").param("targetGrowth", "5 ％"))
				.andExpect(status().is3xxRedirection())
				.andExpect(flash().attributeExists("message"));
			assertThat(jdbc.sql("SELECT coalesce(target_value, target_growth) FROM stat_target WHERE region_code = '3205' "
					+ "AND year = 2011 ORDER BY indicator_code").query(BigDecimal.class).list())
				.usingElementComparator(BigDecimal::compareTo)
				.containsExactly(new BigDecimal("5"), new BigDecimal("99.5"));
		}
		finally {
			jdbc.sql("DELETE FROM stat_target WHERE region_code = '3205' AND year = 2011").update();
		}
	}

	/**
	 * Finding 2 (duties): the targets form posted with year 1900 went back to the list of 1900, which is no year the
	 * list shows — the bare error page; an unknown indicator was told on {@code indicatorCode}, a field the form has
	 * not. Now both come back on the targets page (this year's list) in 400, each error naming its field and rule, and
	 * nothing is stored.
	 */
	@Test
	void aTargetOfAYearOutOfRangeOrAnUnknownIndicatorComesBackOnThePageNamingTheField() throws Exception {
		var admin = SignIn.session(mvc, "sz.admin");
		String[][] cases = { { "1900", "postal.total", "year", "range", "2000年" }, { "2011", "no.such.indicator", "indicator", "exists", "no.such.indicator" },
				{ "2011", "", "indicator", "required", "请选择统计指标" } };
		for (String[] c : cases) {
			var posted = mvc.perform(post("/statistics/targets").session(admin).with(csrf()).param("region", "3205")
				.param("year", c[0]).param("indicator", c[1]).param("targetValue", "7"))
				.andExpect(status().is3xxRedirection())
				.andReturn();
			@SuppressWarnings("unchecked")
			var errors = (java.util.List<FieldError>) posted.getFlashMap().get("errors");
			assertThat(errors).as(String.join(",", c)).extracting(FieldError::field, FieldError::rule).contains(tuple(c[2], c[3]));
			assertThat(errors).filteredOn(e -> e.field().equals(c[2])).first().extracting(FieldError::message).asString()
				.contains(c[4]);
			String page = posted.getResponse().getRedirectedUrl();
			assertThat(page).doesNotContain("year=1900");
			var shown = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(page).session(admin))
				.andExpect(status().isBadRequest())
				.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
			assertThat(org.jsoup.Jsoup.parse(shown).select("#errors li[data-field=" + c[2] + "]")).as(page).isNotEmpty();
		}
		assertThat(jdbc.sql("SELECT count(*) FROM stat_target WHERE region_code = '3205' AND year IN (1900, 2011) "
				+ "AND target_value = 7").query(Long.class).single()).isZero();
	}

	/**
	 * Attack 71 B2: a negative target value and a growth out of range are told together, in one answer, not the value
	 * first and the growth once the value is fixed; nothing is stored.
	 */
	@Test
	void aBadValueAndABadGrowthAreToldTogether() throws Exception {
		var admin = SignIn.session(mvc, "sz.admin");
		var posted = mvc.perform(post("/statistics/targets").session(admin).with(csrf()).param("region", "3205")
			.param("year", "2011").param("indicator", "postal.total").param("targetValue", "-5").param("targetGrowth", "2000"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		@SuppressWarnings("unchecked")
		var errors = (java.util.List<FieldError>) posted.getFlashMap().get("errors");
		assertThat(errors).extracting(FieldError::field).contains("targetValue", "targetGrowth");
		assertThat(errors).filteredOn(e -> e.field().equals("targetValue")).hasSize(1);
		assertThat(jdbc.sql("SELECT count(*) FROM stat_target WHERE region_code = '3205' AND year = 2011 AND target_growth = 2000")
			.query(Long.class).single()).isZero();
	}
}
