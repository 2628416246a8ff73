package org.youguan.complaints;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.MutableClock;
import org.youguan.kernel.DataScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The published timeliness rates count a step not taken past its due date as late (attack: only finished steps were
 * counted — an enterprise that never replied was not named as late, 答复按时 divided by the replies alone, a complaint
 * waiting past the 2-working-day transfer limit and one open past the 30-day answer limit of 邮政法(2015) art.65 did not
 * lower their rates), judged as of the period's end or today, whichever is earlier; the roll-up's totals and the
 * recount agree; a rate is rounded down, so 100.0% means every one.
 */
@IntegrationTest
class ComplaintTimelinessFiguresIntegrationTest {

	static final DataScope WUZHONG = ComplaintIntegrationTest.WUZHONG;

	static final DataScope SF = DataScope.enterprise(ComplaintIntegrationTest.SF_WUZHONG);

	@Autowired
	ComplaintIntake intake;

	@Autowired
	ComplaintProcedure procedure;

	@Autowired
	ComplaintQueries queries;

	@Autowired
	ComplaintFigures figures;

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvc mvc;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	long file() {
		var today = java.time.LocalDate.now(clock);
		// the complaint to the company long enough ago that its answer period ended even across a holiday (5月1日)
		return intake.file(ComplaintIntegrationTest.form(today.minusDays(40), today.minusDays(25), null,
				ComplaintIntegrationTest.waybill()), Channel.WEB, null, false).id();
	}

	/** The timeliness rates of totals, as text (the roll-up and the recount write 0 yuan with other scales). */
	static String rates(ComplaintFigures.Totals t) {
		return t.transferOnTime() + " " + t.replyOnTime() + " " + t.answeredInTime() + " " + t.received();
	}

	@Test
	void stepsNotTakenPastTheirDueDateCountAsLateAndTheSilentEnterpriseIsNamed() {
		// a February of a year no other test files complaints in
		int year = org.youguan.UnusedYears.next();
		YearMonth february = YearMonth.of(year, 2);
		clock.set(LocalDateTime.of(year, 2, 2, 10, 0));
		file(); // never accepted
		long silent = file();
		procedure.acceptAndTransfer(WUZHONG, silent, null, null); // never answered
		long answered = file();
		procedure.acceptAndTransfer(WUZHONG, answered, null, null);
		procedure.reply(SF, answered, new ComplaintReply("经查属实", Responsibility.RESPONSIBLE, "赔偿", BigDecimal.ONE,
				true, true, "客服", "13800000000"));
		clock.set(LocalDateTime.of(year, 3, 20, 10, 0));

		// as of 28 February: the transfer and reply limits passed, the 30-day answer limit not yet
		var february28 = figures.totals(WUZHONG, "320506", february, february);
		assertThat(february28.transferOnTime()).isEqualByComparingTo("66.6");
		assertThat(february28.replyOnTime()).isEqualByComparingTo("50.0");
		assertThat(february28.answeredInTime()).isNull();
		assertThat(rates(figures.recountTotals(WUZHONG, "320506", february, february))).isEqualTo(rates(february28));

		// as of 20 March (today, the period still running): every one is open past the answer limit
		var toMarch = figures.totals(WUZHONG, "320506", february, february.plusMonths(1));
		assertThat(toMarch.answeredInTime()).isEqualByComparingTo("0.0");
		assertThat(rates(figures.recountTotals(WUZHONG, "320506", february, february.plusMonths(1)))).isEqualTo(rates(toMarch));

		String enterprise = queries.get(WUZHONG, silent).enterpriseName();
		assertThat(figures.lateRepliers(WUZHONG, "320506", february, february))
			.containsExactly(new ComplaintFigures.Late(enterprise, 1, 2));
	}

	@Test
	void aRateIsRoundedDownSoOneHundredPercentMeansEveryOne() {
		assertThat(ComplaintFigures.percent(6997, 7000)).isEqualByComparingTo("99.9");
		assertThat(ComplaintFigures.percent(7000, 7000)).isEqualByComparingTo("100.0");
		assertThat(ComplaintFigures.percent(2, 3)).isEqualByComparingTo("66.6");
		assertThat(ComplaintFigures.percent(29, 100)).isEqualByComparingTo("29.0");
		assertThat(ComplaintFigures.percent(1, 0)).isNull();
	}

	/** A breakdown's shares are rounded half up (四舍五入), as a table of shares is: the column adds up but for rounding. */
	@Test
	void aShareIsRoundedHalfUp() {
		assertThat(ComplaintFigures.share(27, 662)).isEqualByComparingTo("4.1");
		assertThat(ComplaintFigures.share(13, 662)).isEqualByComparingTo("2.0");
		assertThat(ComplaintFigures.share(215, 662)).isEqualByComparingTo("32.5");
		assertThat(ComplaintFigures.share(662, 662)).isEqualByComparingTo("100.0");
		assertThat(ComplaintFigures.share(1, 0)).isNull();
	}

	/** A step taken late is due by the 30-day answer limit, not the rule's days after it (邮政法(2015) art.65). */
	@Test
	void aStepsDueDateNeverPassesTheAnswerLimit() {
		int year = org.youguan.UnusedYears.next();
		clock.set(LocalDateTime.of(year, 5, 4, 10, 0));
		long id = file();
		clock.set(LocalDateTime.of(year, 5, 31, 10, 0));
		procedure.acceptAndTransfer(WUZHONG, id, null, null);
		var c = queries.get(WUZHONG, id);
		assertThat(c.answerDue()).isBefore(java.time.LocalDate.of(year, 6, 7));
		assertThat(c.stepDue()).isEqualTo(c.answerDue());
		procedure.reply(SF, id, new ComplaintReply("经查属实", Responsibility.RESPONSIBLE, "赔偿", BigDecimal.ONE, true, true,
				"客服", "13800000000"));
		assertThat(queries.get(WUZHONG, id).stepDue()).isBeforeOrEqualTo(c.answerDue());
	}

	/** 挽回经济损失 is money: two decimals on the figures page (99,999,999.99 was shown rounded to 100,000,000). */
	@Test
	void theFiguresPageWritesTheLossRecoveredWithTwoDecimals() throws Exception {
		int year = org.youguan.UnusedYears.next();
		clock.set(LocalDateTime.of(year, 2, 2, 10, 0));
		long id = file();
		procedure.acceptAndTransfer(WUZHONG, id, null, null);
		procedure.reply(SF, id, new ComplaintReply("经查属实", Responsibility.RESPONSIBLE, "赔偿", new BigDecimal("12.5"),
				true, true, "客服", "13800000000"));
		procedure.callBack(WUZHONG, id, true, Satisfaction.SATISFIED, Satisfaction.SATISFIED, true);
		procedure.close(WUZHONG, id, true, new BigDecimal("12.5"), null);
		String month = year + "-02";
		mvc.perform(get("/complaints/figures").session(SignIn.session(mvc, "sz.leader")).param("region", "320506")
			.param("from", month).param("to", month))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">12.50</div>")));
	}
}
