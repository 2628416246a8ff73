package org.youguan.enforcement;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.IntegrationTest;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.registry.EnterpriseView;
import org.youguan.rules.StatutoryRules;
import org.youguan.rules.ViolationType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Attack: the catalogue lacked the penalty articles of DOMAIN.md for 快递包装 (快递暂行条例(2025) art.56), for not
 * cooperating with complaint handling (快递市场管理办法(2023) art.55) and for 实名收寄 (邮件快件实名收寄管理办法(2018)), so an
 * overdue 责令改正 under the items 快递包装, 投诉处理 and 实名收寄 could not be proposed under its own article. Each is a
 * type with its range from the rule catalogue; the default items name those rules; an art.55 case is fined only when
 * serious.
 */
@IntegrationTest
class NewViolationTypesIntegrationTest extends ClockedSteps {

	@Autowired
	CaseInvestigation caseInvestigation;

	@Autowired
	StatutoryRules rules;

	@Test
	void theTypesCarryDomainsArticlesAndRangesAndTheItemsNameTheirRules() {
		assertThat(ViolationType.PACKAGING.basis()).isEqualTo("快递暂行条例(2025) 第56条");
		assertThat(rules.fineRange(ViolationType.PACKAGING, false, "320506").toString()).contains("5000", "20000");
		assertThat(ViolationType.PACKAGING.hasSeriousRange()).isFalse();
		assertThat(ViolationType.COMPLAINT_NON_COOPERATION.basis()).isEqualTo("快递市场管理办法(2023) 第55条");
		assertThat(ViolationType.COMPLAINT_NON_COOPERATION.penalties()).containsExactlyInAnyOrder("WARNING", "FINE");
		assertThat(rules.fineRange(ViolationType.COMPLAINT_NON_COOPERATION, true, "320506").max()).isEqualByComparingTo("3000");
		assertThat(ViolationType.REAL_NAME.basis()).isEqualTo("邮件快件实名收寄管理办法(2018)");
		assertThat(rules.fineRange(ViolationType.REAL_NAME, false, "320506").max()).isEqualByComparingTo("10000");
		assertThat(rules.fineRange(ViolationType.REAL_NAME, true, "320506").max()).isEqualByComparingTo("30000");
		for (String[] item : new String[][] { { "PACKAGING", "fine.packaging.min" },
				{ "COMPLAINT", "fine.complaint-non-cooperation.max" }, { "REAL_NAME", "fine.real-name.min" } }) {
			assertThat(jdbc.sql("SELECT rule_code FROM inspection_item WHERE code = :code AND bureau_id IS NULL")
				.param("code", item[0]).query(String.class).single()).as(item[0]).isEqualTo(item[1]);
		}
	}

	@Test
	void aCaseIsFiledUnderEachAndAnArticle55CaseIsFinedOnlyWhenSerious() {
		LocalDate today = LocalDate.now(clock);
		for (String type : new String[] { "PACKAGING", "REAL_NAME" }) {
			EnterpriseView e = party.fresh();
			if (ViolationType.valueOf(type).punishesOnlyUncorrected()) {
				// art.56 punishes only "经责令改正拒不改正": the case rests on the order the party did not carry out
				party.uncorrectedOrder(e, today);
			}
			long id = party.filed(e, type, today);
			caseInvestigation.startInvestigation(PartyCases.ALL, id, PartyCases.TEAM);
			party.evidence(id);
			caseInvestigation.concludeInvestigation(PartyCases.ALL, id,
					new CaseInvestigation.Conclusion("查明违法事实", "FINE", "8000", false, null, null, null, today.toString()));
		}

		long ordinary = party.filed(party.other(), "COMPLAINT_NON_COOPERATION", today);
		caseInvestigation.startInvestigation(PartyCases.ALL, ordinary, PartyCases.TEAM);
		party.evidence(ordinary);
		assertThatThrownBy(() -> caseInvestigation.concludeInvestigation(PartyCases.ALL, ordinary,
				new CaseInvestigation.Conclusion("企业拒不提供申诉处理材料", "FINE", "2000", false, null, null, null, today.toString())))
			.isInstanceOf(InvalidValueException.class)
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors()).extracting(FieldError::field, FieldError::rule)
				.contains(org.assertj.core.groups.Tuple.tuple("proposedFine", "not-serious")));
		caseInvestigation.concludeInvestigation(PartyCases.ALL, ordinary,
				new CaseInvestigation.Conclusion("企业拒不提供申诉处理材料", "WARNING", null, false, null, null, null, today.toString()));

		long serious = party.filed(party.other(), "COMPLAINT_NON_COOPERATION", today);
		caseInvestigation.startInvestigation(PartyCases.ALL, serious, PartyCases.TEAM);
		party.evidence(serious);
		caseInvestigation.concludeInvestigation(PartyCases.ALL, serious,
				new CaseInvestigation.Conclusion("企业多次拒不配合申诉处理", "FINE", "3000", true, null, null, null, today.toString()));
	}
}
