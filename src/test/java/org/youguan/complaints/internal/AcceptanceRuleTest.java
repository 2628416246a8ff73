package org.youguan.complaints.internal;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.youguan.complaints.AcceptanceCondition;
import org.youguan.kernel.FieldError;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each acceptance rule alone, from the facts and the catalogue's figures: where its boundary lies, what it tells the
 * filer (naming the field) and the handler, and the article it cites.
 */
class AcceptanceRuleTest {

	static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

	static final AcceptanceRule.Limits LIMITS = new AcceptanceRule.Limits(7, LocalDate.of(2027, 6, 1));

	static AcceptanceRule.Facts facts(LocalDate prior, boolean answered, String duplicateOf) {
		return new AcceptanceRule.Facts(TODAY, LocalDate.of(2026, 6, 1), prior, answered, duplicateOf);
	}

	@Test
	void aPriorComplaintYoungerThanTheWaitingPeriodIsRefusedUnlessTheCompanyAnswered() {
		var rule = new PriorComplaintRule();
		assertThat(rule.basis()).isEqualTo("快递暂行条例(2025) 第29条");
		assertThat(rule.check(facts(TODAY.minusDays(6), false, null), LIMITS)).get().satisfies(b -> {
			assertThat(b.condition()).isEqualTo(AcceptanceCondition.NO_PRIOR_COMPLAINT);
			assertThat(b.toFiler()).extracting(FieldError::field, FieldError::rule)
				.containsExactly("priorComplaint", "precondition");
			// the day as a Chinese sentence writes it (2026年6月16日), as the bureau's own deadline sentences write it
			assertThat(b.toFiler().message()).contains("7日").contains("如企业到2026年6月16日仍未答复")
				.doesNotContain(TODAY.plusDays(1).toString());
			assertThat(b.finding()).isEqualTo("向企业投诉于2026年6月9日，尚在企业答复期内（至2026年6月16日）");
			// what the filer is told carries its key, so the public form in English words it in English
			assertThat(b.toFilerWording()).isEqualTo(org.youguan.kernel.Wording.of("complaint.refusal.priorAnswerPending", 7,
					LocalDate.of(2026, 6, 16)));
		});
		assertThat(rule.check(facts(TODAY.minusDays(7), false, null), LIMITS)).as("the 7th day has passed").isEmpty();
		assertThat(rule.check(facts(TODAY.minusDays(1), true, null), LIMITS)).as("an answer the filer disputes").isEmpty();
		assertThat(rule.refusedAtFiling()).isTrue();
	}

	@Test
	void aComplaintAfterTheFilingWindowIsTimeBarred() {
		var rule = new FilingWindowRule();
		assertThat(rule.basis()).isEqualTo("邮政业用户申诉处理办法(2014)");
		var lastDay = new AcceptanceRule.Limits(7, TODAY);
		assertThat(rule.check(facts(TODAY.minusDays(10), false, null), lastDay)).as("on the window's last day").isEmpty();
		var past = new AcceptanceRule.Limits(7, TODAY.minusDays(1));
		assertThat(rule.check(facts(TODAY.minusDays(10), false, null), past)).get().satisfies(b -> {
			assertThat(b.condition()).isEqualTo(AcceptanceCondition.TIME_BARRED);
			assertThat(b.toFiler()).extracting(FieldError::field, FieldError::rule).containsExactly("postedOn", "time-barred");
			// the window named once (attack round 19: "已超过申诉时效（超过申诉时效（…1年））")
			assertThat(b.toFiler().message()).isEqualTo("已超过申诉时效（争议发生或交寄之日起1年），不能受理");
			assertThat(b.finding()).contains("交寄日期2026年6月1日");
		});
		// a bureau's own window is the one stated (attack: the label wrote 1年 whatever complaint.filing-window said)
		var twoYears = new AcceptanceRule.Limits(7, d -> d.plusDays(7), LocalDate::toString, TODAY.minusDays(1), "2年");
		assertThat(rule.check(facts(TODAY.minusDays(10), false, null), twoYears)).get()
			.satisfies(b -> assertThat(b.toFiler().message()).isEqualTo("已超过申诉时效（争议发生或交寄之日起2年），不能受理"));
		assertThat(AcceptanceCondition.TIME_BARRED.label()).doesNotContain("1年");
	}

	@Test
	void aDuplicateIsShownToTheHandlerButNotRefusedAtFiling() {
		var rule = new DuplicateRule();
		assertThat(rule.refusedAtFiling()).isFalse();
		assertThat(rule.check(facts(TODAY.minusDays(10), false, null), LIMITS)).isEmpty();
		assertThat(rule.check(facts(TODAY.minusDays(10), false, "申诉-320506-2026-000001"), LIMITS)).get()
			.satisfies(b -> {
				assertThat(b.finding()).contains("申诉-320506-2026-000001");
				assertThat(b.basis()).isEqualTo("邮政业用户申诉处理办法(2014)");
				assertThat(b.toFiler()).isNull();
			});
	}

	@Test
	void theCompositionChecksEveryRuleInOneOrder() {
		assertThat(AcceptanceRules.ALL).extracting(AcceptanceRule::condition).containsExactly(
				AcceptanceCondition.NO_PRIOR_COMPLAINT, AcceptanceCondition.TIME_BARRED, AcceptanceCondition.DUPLICATE);
	}
}
