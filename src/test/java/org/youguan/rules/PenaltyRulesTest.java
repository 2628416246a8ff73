package org.youguan.rules;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The penalty procedure's periods have the unit the law gives them: 行政处罚法(2021) art.85 makes its 二日, 三日, 五日
 * and 七日 working days (hearing request, hearing notice, delivery, withdrawal of a publication), while the 90-day
 * decision limit, its 30-day extension and the 15-day payment period stay calendar days; and every violation type of
 * the legal-basis catalogue has a consistent range with its article.
 */
class PenaltyRulesTest {

	@Test
	void theShortPeriodsOfThePenaltyLawAreWorkingDaysCitingArticle85() {
		for (StatutoryRule rule : new StatutoryRule[] { StatutoryRule.PENALTY_HEARING_REQUEST,
				StatutoryRule.PENALTY_HEARING_NOTICE, StatutoryRule.PENALTY_DELIVERY,
				StatutoryRule.PENALTY_PUBLICATION_WITHDRAWAL }) {
			assertThat(rule.unit()).as(rule.code()).isEqualTo(RuleUnit.WORKING_DAYS);
			assertThat(rule.basis()).as(rule.code()).contains("行政处罚法(2021) 第85条");
		}
		assertThat(StatutoryRule.PENALTY_HEARING_REQUEST.defaultValue()).isEqualByComparingTo("5");
		assertThat(StatutoryRule.PENALTY_HEARING_NOTICE.defaultValue()).isEqualByComparingTo("7");
		assertThat(StatutoryRule.PENALTY_DELIVERY.defaultValue()).isEqualByComparingTo("7");
	}

	@Test
	void theDecisionLimitAndPaymentPeriodAreCalendarDays() {
		assertThat(StatutoryRule.PENALTY_DECISION.unit()).isEqualTo(RuleUnit.CALENDAR_DAYS);
		assertThat(StatutoryRule.PENALTY_DECISION.defaultValue()).isEqualByComparingTo("90");
		assertThat(StatutoryRule.PENALTY_DECISION.basis()).isEqualTo("行政处罚法(2021) 第60条；邮政行政执法监督办法(2021) 第17条");
		assertThat(StatutoryRule.PENALTY_DECISION_EXTENSION.unit()).isEqualTo(RuleUnit.CALENDAR_DAYS);
		assertThat(StatutoryRule.PENALTY_DECISION_EXTENSION.defaultValue()).isEqualByComparingTo("30");
		assertThat(StatutoryRule.PENALTY_PAYMENT.unit()).isEqualTo(RuleUnit.CALENDAR_DAYS);
		assertThat(StatutoryRule.PENALTY_PAYMENT.basis()).isEqualTo("行政处罚法(2021) 第67条");
		assertThat(StatutoryRule.PENALTY_LIMITATION.unit()).isEqualTo(RuleUnit.YEARS);
		assertThat(StatutoryRule.PENALTY_LATE_SURCHARGE.basis()).isEqualTo("行政处罚法(2021) 第72条");
	}

	@Test
	void everyViolationTypeHasAnArticleAndOrderedBounds() {
		for (ViolationType v : ViolationType.values()) {
			assertThat(v.citations()).as(v.code()).isNotEmpty();
			BigDecimal min = v.minRule() == null ? BigDecimal.ZERO : v.minRule().defaultValue();
			BigDecimal max = v.maxRule().defaultValue();
			assertThat(min).as(v.code()).isLessThan(max);
			if (v.hasSeriousRange()) {
				BigDecimal seriousMin = v.seriousMinRule() == null ? max : v.seriousMinRule().defaultValue();
				assertThat(seriousMin).as(v.code()).isGreaterThanOrEqualTo(max);
				assertThat(v.seriousMaxRule().defaultValue()).as(v.code()).isGreaterThan(seriousMin);
			}
			assertThat(v.maxRule().unit()).isEqualTo(RuleUnit.YUAN);
			assertThat(ViolationType.byCodeOrTitle(v.title())).contains(v);
			assertThat(ViolationType.byCodeOrTitle(v.code().toLowerCase())).contains(v);
		}
		assertThat(ViolationType.PARCEL_TAMPERING.basis()).isEqualTo("快递暂行条例(2025) 第52条");
		assertThat(ViolationType.UNLICENSED.basis()).isEqualTo("邮政法(2015) 第72条");
		assertThat(ViolationType.byCodeOrTitle("不存在")).isEmpty();
	}
}
