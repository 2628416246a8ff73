package org.youguan.enforcement;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.RandomDigits;
import org.youguan.enforcement.internal.DecisionNumbers;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.numbering.OfficialNumbers;
import org.youguan.org.Bureaus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new penalty decision's 文号 is in the official form of its bureau (苏吴邮管罚〔2026〕N号 for the demo's 吴中 bureau),
 * one series per bureau, kind and year counting up by one; a number of the earlier form
 * (行政处罚决定-320506-2026-000003) is still read as the platform's. Everything runs in one transaction rolled back at
 * the end, so the series are left as they were.
 */
@IntegrationTest
class OfficialDecisionNumbersIntegrationTest {

	@Autowired
	DecisionNumbers decisionNumbers;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	Bureaus bureaus;

	/**
	 * A 文号 typed by hand on a case of a county whose bureau has no 处室工作人员 (虎丘) bears the code of the bureau
	 * handling it (the city's 苏苏邮管, as its series numbers it), not the county bureau's 苏虎邮管 (attack H1); a space
	 * typed inside the 机关代字 and kind (ASCII, full-width, zero-width) is taken out, so another bureau's code is still
	 * refused, and a hyphen there is refused (attack M3).
	 */
	@Test
	void aHandTypedNumberBearsTheHandlingBureausCodeWrittenTogether() {
		assertThat(bureaus.handlingRegion("320505")).as("虎丘's bureau has no 处室工作人员").isEqualTo("3205");
		Validation city = new Validation();
		decisionNumbers.handTypedNumber(city, "苏苏邮管罚〔2025〕" + RandomDigits.of(7) + "号", "320505");
		assertThat(city.errors()).as("the handling city's code").isEmpty();
		Validation county = new Validation();
		decisionNumbers.handTypedNumber(county, "苏虎邮管罚〔2025〕" + RandomDigits.of(7) + "号", "320505");
		assertThat(county.errors()).as("the unstaffed county's code").extracting(FieldError::rule).containsExactly("agency");
		for (String typed : List.of("苏相邮管 罚〔2025〕3号", "苏 相邮管罚〔2025〕7号", "苏相邮管\u3000罚〔2025〕9号",
				"苏相邮管\u200B罚〔2025〕9号")) {
			String written = Text.documentNumber(typed);
			assertThat(written).as(typed).matches("苏相邮管罚〔2025〕[379]号");
			Validation v = new Validation();
			decisionNumbers.handTypedNumber(v, written, "320506");
			assertThat(v.errors()).as(typed).extracting(FieldError::rule).containsExactly("agency");
		}
		Validation hyphen = new Validation();
		decisionNumbers.handTypedNumber(hyphen, Text.documentNumber("苏相邮管-罚〔2025〕5号"), "320506");
		assertThat(hyphen.errors()).extracting(FieldError::rule).containsExactly("separator");
	}

	@Test
	void aNewDecisionIsNumberedInItsBureausOfficialSeriesPerYear() {
		tx.executeWithoutResult(status -> {
			String first = decisionNumbers.nextOrdinary("320506110203", 2026);
			assertThat(first).matches("苏吴邮管罚〔2026〕[1-9][0-9]*号");
			long n = OfficialNumbers.parse("行政处罚决定", first).orElseThrow().sequence();
			// another bureau (吴江, whose first character is 吴中's too) and another year have their own series
			String wujiang = decisionNumbers.nextOrdinary("320509", 2026);
			assertThat(wujiang).startsWith("苏吴江邮管罚〔2026〕");
			String nextYear = decisionNumbers.nextOrdinary("320506", 2031);
			assertThat(nextYear).startsWith("苏吴邮管罚〔2031〕");
			assertThat(decisionNumbers.nextOrdinary("320506", 2026)).isEqualTo("苏吴邮管罚〔2026〕" + (n + 1) + "号");
			// an on-the-spot decision's series is its own, with its own character
			assertThat(decisionNumbers.nextOnTheSpot("320506", 2026)).matches("苏吴邮管当罚〔2026〕[1-9][0-9]*号");

			// numbers the series gave are the platform's; one it has not reached, or another agency's, are not
			assertThat(decisionNumbers.platformNumber(first)).isTrue();
			assertThat(decisionNumbers.platformNumber("苏吴邮管罚〔2026〕" + (n + 1000) + "号")).isFalse();
			assertThat(decisionNumbers.platformNumber("吴邮管罚〔2025〕3号")).isFalse();
			// the earlier form still reads as the platform's own
			assertThat(DecisionNumbers.automaticForm("行政处罚决定-320506-2026-000003")).isTrue();
			assertThat(decisionNumbers.platformNumber("当场处罚-320506-2026-000001")).isTrue();
			status.setRollbackOnly();
		});
	}
}
