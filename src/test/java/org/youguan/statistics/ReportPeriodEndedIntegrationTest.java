package org.youguan.statistics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.platform.ChinaTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A report is opened, submitted, approved and loaded only for a period that has ended: the month (or quarter) still
 * running is refused on the page, the API and the service, naming {@code period} with the rule {@code ended} — also
 * for a draft that came to hold such a period otherwise.
 */
@IntegrationTest
class ReportPeriodEndedIntegrationTest {

	static final String TOKEN = "Bearer demo-sf-wz-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	ReportForms forms;

	@Autowired
	Reports reports;

	@Autowired
	ReportLoader loader;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@BeforeEach
	@AfterEach
	void realTime() {
		clock.reset();
	}

	static YearMonth thisMonth() {
		return YearMonth.now(ChinaTime.ZONE);
	}

	@Test
	void theApiRefusesTheMonthStillRunningWhetherDraftOrSubmitted() throws Exception {
		String month = thisMonth().toString();
		for (String submit : List.of("true", "false")) {
			mvc.perform(post("/api/v1/statistics/reports").header("Authorization", TOKEN).contentType("application/json")
				.content("{\"form\":\"monthly\",\"period\":\"" + month + "\",\"values\":{\"express.volume.local\":\"5\"},"
						+ "\"submit\":" + submit + "}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("period"))
				.andExpect(jsonPath("$.errors[0].rule").value("ended"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("应为已结束的月份")));
		}
		// the quarter still running too (the green-care form is quarterly)
		YearMonth m = thisMonth();
		String quarter = m.getYear() + "-Q" + ((m.getMonthValue() - 1) / 3 + 1);
		mvc.perform(post("/api/v1/statistics/reports").header("Authorization", TOKEN).contentType("application/json")
			.content("{\"form\":\"green-care\",\"period\":\"" + quarter + "\",\"submit\":false}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].rule").value("ended"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("应为已结束的季度")));
		assertThat(jdbc.sql("SELECT count(*) FROM stat_report WHERE period IN (:periods)")
			.param("periods", List.of(month, quarter)).query(Long.class).single()).isZero();
	}

	@Test
	void thePageRefusesToOpenTheMonthStillRunning() throws Exception {
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		List<FieldError> errors = EnterpriseReportPages.refused(mvc, sf, forms.byCode("monthly").id(), thisMonth().toString());
		assertThat(errors).singleElement().satisfies(e -> {
			assertThat(e.field()).isEqualTo("period");
			assertThat(e.rule()).isEqualTo("ended");
		});
		assertThat(jdbc.sql("SELECT count(*) FROM stat_report WHERE period = :period")
			.param("period", thisMonth().toString()).query(Long.class).single()).isZero();
	}

	/**
	 * A draft whose period was over when it was opened is not submitted, and a submitted one not approved, on a day
	 * its period is still running (the clock moved back into it: a report opened before this rule, or by a loader).
	 */
	@Test
	void aReportOfAPeriodStillRunningIsNeitherSubmittedNorApproved() throws Exception {
		long draft = openPast("2002-03");
		long submitted = openPast("2002-04");
		jdbc.sql("UPDATE stat_report SET status = 'SUBMITTED', submitted_at = now() WHERE id = :id").param("id", submitted)
			.update();
		clock.set(LocalDateTime.of(2002, 3, 31, 23, 0));
		assertThatThrownBy(() -> reports.submit(DataScope.all(), draft, Map.of("express.volume.local", "5"), Map.of(), null))
			.isInstanceOfSatisfying(InvalidValueException.class,
					ex -> assertThat(ex.fieldErrors()).extracting(FieldError::field, FieldError::rule)
						.containsExactly(tuple("period", "ended")));
		assertThat(statusOf(draft)).isEqualTo("DRAFT");
		clock.set(LocalDateTime.of(2002, 4, 20, 10, 0));
		assertThatThrownBy(() -> reports.approve(DataScope.all(), submitted, "审核员"))
			.isInstanceOfSatisfying(InvalidValueException.class,
					ex -> assertThat(ex.fieldErrors()).extracting(FieldError::field, FieldError::rule)
						.containsExactly(tuple("period", "ended")));
		assertThat(statusOf(submitted)).isEqualTo("SUBMITTED");
	}

	@Test
	void theLoaderRefusesAPeriodStillRunning() throws Exception {
		long enterprise = enterpriseId();
		assertThatThrownBy(() -> loader.loadApproved("monthly", List.of(new ReportLoader.Approved(enterprise,
				Period.month(thisMonth()), Map.of("express.volume.local", BigDecimal.ONE), LocalDate.now(ChinaTime.ZONE))),
				false, "测试"))
			.isInstanceOfSatisfying(InvalidValueException.class,
					ex -> assertThat(ex.fieldErrors()).extracting(FieldError::rule).containsExactly("ended"));
	}

	@Test
	void theMonthJustEndedIsOpened() throws Exception {
		String last = thisMonth().minusMonths(1).toString();
		mvc.perform(post("/api/v1/statistics/reports").header("Authorization", TOKEN).contentType("application/json")
			.content("{\"form\":\"monthly\",\"period\":\"" + last + "\",\"values\":{\"express.volume.local\":\"5\"},\"submit\":false}"))
			// opened — or, when another test of the run submitted that month already, refused for that (409), never as
			// a period not ended
			.andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(200, 201, 409))
			.andExpect(result -> assertThat(result.getResponse().getContentAsString()).doesNotContain("\"rule\":\"ended\""));
	}

	long openPast(String period) throws Exception {
		String location = mvc.perform(post("/api/v1/statistics/reports").header("Authorization", TOKEN)
			.contentType("application/json")
			.content("{\"form\":\"monthly\",\"period\":\"" + period + "\",\"values\":{\"express.volume.local\":\"5\"},\"submit\":false}"))
			.andExpect(status().is2xxSuccessful())
			.andReturn().getResponse().getHeader("Location");
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	String statusOf(long id) {
		return jdbc.sql("SELECT status FROM stat_report WHERE id = :id").param("id", id).query(String.class).single();
	}

	long enterpriseId() throws Exception {
		long id = openPast("2002-05");
		return jdbc.sql("SELECT enterprise_id FROM stat_report WHERE id = :id").param("id", id).query(Long.class).single();
	}
}
