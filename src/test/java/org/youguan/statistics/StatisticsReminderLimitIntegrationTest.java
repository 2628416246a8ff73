package org.youguan.statistics;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.FieldError;
import org.youguan.platform.ChinaTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 催报 at most once a day per enterprise and period ({@code statistics.reminder-interval}, 1 day): a bureau clicking
 * 催报 again the same day sent every missing enterprise the same notification again, as often as it clicked. A second
 * 催报 the same day leaves out the reporters reminded already (a city after its county), and is refused (409, field
 * {@code period}, rule {@code reminder-interval}) when every one was; the completeness page says when the last one
 * went out; the next day they are reminded again.
 */
@IntegrationTest
class StatisticsReminderLimitIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Completeness completeness;

	@Autowired
	ReportForms forms;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@AfterEach
	void realTime() {
		clock.reset();
	}

	long reminders(ReportForm form, Period period) {
		return jdbc.sql("SELECT count(*) FROM stat_reminder WHERE form_id = :form AND period = :period")
			.param("form", form.id()).param("period", period.code()).query(Long.class).single();
	}

	int missing(DataScope scope, ReportForm form, Period period) {
		return (int) completeness.summary(scope, form, period).lines().stream().filter(Completeness.Line::missing).count();
	}

	@Test
	void anEnterpriseIsRemindedOfAPeriodAtMostOnceADay() throws Exception {
		ReportForm monthly = forms.byCode("monthly");
		Period period = forms.currentPeriod(monthly);
		ReminderDays.afterTheLastReminder(jdbc, clock, monthly.id(), period.code());
		LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
		DataScope county = DataScope.region("320506");
		DataScope city = DataScope.region("3205");
		int countyMissing = missing(county, monthly, period);
		int cityMissing = missing(city, monthly, period);
		assertThat(countyMissing).as("the demo's 吴中区 owes the period being reported").isPositive();

		assertThat(completeness.remind(county, monthly, period, "苏州市吴中区邮政管理局"))
			.isEqualTo(new Completeness.Reminded(countyMissing, 0));
		if (cityMissing > countyMissing) {
			// the city the same day: the county's reporters are left out, the others reminded
			long before = reminders(monthly, period);
			assertThat(completeness.remind(city, monthly, period, "苏州市邮政管理局"))
				.isEqualTo(new Completeness.Reminded(cityMissing - countyMissing, countyMissing));
			assertThat(reminders(monthly, period)).isEqualTo(before + cityMissing - countyMissing);
		}

		// later the same day every missing reporter was reminded: refused, naming the last reminder and the next day
		clock.advance(Duration.ofHours(5));
		long sent = reminders(monthly, period);
		assertThatThrownBy(() -> completeness.remind(city, monthly, period, "苏州市邮政管理局"))
			.isInstanceOf(DomainException.class)
			.satisfies(ex -> {
				DomainException refused = (DomainException) ex;
				assertThat(refused.code()).isEqualTo(ErrorCode.DUPLICATE);
				assertThat(refused.fieldErrors()).extracting(FieldError::field, FieldError::rule)
					.containsExactly(tuple("period", "reminder-interval"));
				assertThat(refused.getMessage()).contains("都已催报（最近一次于" + ChineseText.day(today) + " 10:00）", "每日只催报一次",
						ChineseText.day(today.plusDays(1)) + "起可再次催报");
			});
		MockHttpSession staff = SignIn.session(mvc, "sz.market");
		mvc.perform(post("/statistics/completeness/remind").session(staff).with(csrf())
			.param("form", String.valueOf(monthly.id())).param("period", period.code()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attributeExists("errors"));
		assertThat(reminders(monthly, period)).as("nothing sent again").isEqualTo(sent);
		mvc.perform(get("/statistics/completeness").session(staff).param("form", String.valueOf(monthly.id()))
			.param("period", period.code()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("最近一次催报：" + ChineseText.day(today) + " 10:00")));

		// the next day they are reminded again
		clock.advance(Duration.ofDays(1));
		assertThat(completeness.remind(city, monthly, period, "苏州市邮政管理局"))
			.isEqualTo(new Completeness.Reminded(cityMissing, 0));
	}
}
