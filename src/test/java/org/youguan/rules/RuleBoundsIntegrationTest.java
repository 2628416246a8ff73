package org.youguan.rules;

import java.math.BigDecimal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.InvalidValueException;
import org.youguan.org.Bureaus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A bureau's value of a rule keeps the rule's bounds: a fine bound stays within the range its article sets (a
 * 裁量基准 narrows, never widens), a minimum never above its maximum, a due day of the month within 1–28.
 */
@IntegrationTest
class RuleBoundsIntegrationTest {

	private static final String CITY = "3205";

	private static final String COUNTY = "320506";

	@Autowired
	StatutoryRules rules;

	@Autowired
	Bureaus bureaus;

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditTrail audit;

	@AfterEach
	void clear() {
		for (String region : new String[] { COUNTY, CITY }) {
			for (StatutoryRule r : new StatutoryRule[] { StatutoryRule.FINE_UNLICENSED_MIN, StatutoryRule.FINE_UNLICENSED_MAX,
					StatutoryRule.FINE_USER_INFORMATION_LEAK_MIN, StatutoryRule.FINE_USER_INFORMATION_LEAK_MAX,
					StatutoryRule.FINE_OUTLET_UNFILED_SERIOUS_MIN, StatutoryRule.FINE_OUTLET_UNFILED_SERIOUS_MAX,
					StatutoryRule.STATISTICS_REPORT_DUE_DAY, StatutoryRule.UNIVERSAL_OPENING_CITY,
					StatutoryRule.FINE_COMPLAINT_NON_COOPERATION_MAX, StatutoryRule.OUTLET_BUREAU_FILING,
					StatutoryRule.BRANCH_FILING, StatutoryRule.COMPLAINT_RECORD_RETENTION }) {
				rules.clearOverride(r, region);
			}
		}
	}

	private long city() {
		return bureaus.findByRegion(CITY).orElseThrow().id();
	}

	private long county() {
		return bureaus.findByRegion(COUNTY).orElseThrow().id();
	}

	private void refusedAt(long bureau, String region, StatutoryRule rule, String value, String expectedRule,
			String... message) {
		assertThatThrownBy(() -> rules.override(rule, bureau, region, new BigDecimal(value), "测试"))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.anySatisfy(e -> {
					assertThat(e.field()).isEqualTo("value");
					assertThat(e.rule()).isEqualTo(expectedRule);
				}))
			.hasMessageContainingAll(message);
	}

	private void refused(StatutoryRule rule, String value, String expectedRule, String message) {
		refusedAt(city(), CITY, rule, value, expectedRule, rule.title(), message);
	}

	/** The catalogue page answers 400 with the error on {@code value}, its rule and its Chinese message. */
	private void refusedOnThePage(StatutoryRule rule, String value, String expectedRule, String message) throws Exception {
		mvc.perform(post("/admin/rules/" + rule.code()).session(SignIn.session(mvc, "sz.admin")).with(csrf())
			.param("value", value).param("reason", "测试"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("data-field=\"value\"")))
			.andExpect(content().string(containsString("data-rule=\"" + expectedRule + "\"")))
			.andExpect(content().string(containsString(message)));
	}

	@Test
	void aFineMaximumAboveTheArticlesIsA400NamingValueAndTheRule() throws Exception {
		refusedOnThePage(StatutoryRule.FINE_UNLICENSED_MAX, "100001", "statutory-max", "不能高于法定的100000元");
		assertThat(rules.value(StatutoryRule.FINE_UNLICENSED_MAX, CITY)).isEqualByComparingTo("100000");
		refused(StatutoryRule.FINE_COMPLAINT_NON_COOPERATION_MAX, "3001", "statutory-max", "不能高于法定的3000元");
	}

	/**
	 * Attack round 28: a counted rule's fraction was told "的取值应为整数（日）" without the values it takes: the refusal
	 * states its range and unit, as every whole-number field does.
	 */
	@Test
	void aFractionOfACountedRuleIsToldItsRange() {
		// a period of 0 is refused (rule min), so the range told starts at 1
		refused(StatutoryRule.PENALTY_PAYMENT_DEFERRAL_MAX, "30.5", "integer", "的取值应为整数（1至100000，单位：");
	}

	/** A fine bound is whole yuan (FineRange states it so in the API and messages): 5000.5 is refused, 5000.0 is 5000. */
	@Test
	void aFineBoundIsWholeYuan() {
		refused(StatutoryRule.FINE_REAL_NAME_MAX, "8000.5", "integer", "的取值应为整数（单位：元）");
		assertThat(new FineRange(new BigDecimal("0"), new BigDecimal("5000.0"), false).max().toString()).isEqualTo("5000");
	}

	@Test
	void aFineMinimumBelowTheArticlesIsRefused() {
		refused(StatutoryRule.FINE_UNLICENSED_MIN, "40000", "statutory-min", "不能低于法定的50000元");
		// a minimum may rise inside the range, never past the article's maximum
		refused(StatutoryRule.FINE_UNLICENSED_MIN, "100001", "statutory-max", "不能高于法定的100000元");
		// a serious bound keeps the serious range: 快递暂行条例(2025) art.50, ¥10–50 k
		refused(StatutoryRule.FINE_OUTLET_UNFILED_SERIOUS_MIN, "9000", "statutory-min", "10000");
		refused(StatutoryRule.FINE_OUTLET_UNFILED_SERIOUS_MAX, "60000", "statutory-max", "50000");
	}

	@Test
	void aBureauNarrowsAFineRangeWithinTheArticle() {
		rules.override(StatutoryRule.FINE_UNLICENSED_MIN, city(), CITY, new BigDecimal("60000"), "裁量基准");
		rules.override(StatutoryRule.FINE_UNLICENSED_MAX, city(), CITY, new BigDecimal("80000"), "裁量基准");
		assertThat(rules.fineRange(ViolationType.UNLICENSED, false, "320506").toString()).isEqualTo("60000–80000元");
		// the serious range starts at the law's ordinary maximum, not at the bureau's narrower one
		assertThat(rules.fineRange(ViolationType.UNLICENSED, true, "320506").toString()).isEqualTo("100000–200000元");
	}

	@Test
	void aFineMinimumAndMaximumAreCheckedTogether() {
		rules.override(StatutoryRule.FINE_USER_INFORMATION_LEAK_MIN, city(), CITY, new BigDecimal("30000"), "裁量基准");
		refused(StatutoryRule.FINE_USER_INFORMATION_LEAK_MAX, "20000", "min", "不能少于“泄露用户信息罚款下限”（30000元）");
		rules.override(StatutoryRule.FINE_USER_INFORMATION_LEAK_MAX, city(), CITY, new BigDecimal("40000"), "裁量基准");
		refused(StatutoryRule.FINE_USER_INFORMATION_LEAK_MIN, "45000", "max", "不能多于“泄露用户信息罚款上限”（40000元）");
		// the serious range with its own minimum likewise
		rules.override(StatutoryRule.FINE_OUTLET_UNFILED_SERIOUS_MIN, city(), CITY, new BigDecimal("30000"), "裁量基准");
		refused(StatutoryRule.FINE_OUTLET_UNFILED_SERIOUS_MAX, "20000", "min", "不能少于");
	}

	@Test
	void aDueDayOfTheMonthLiesWithin1To28() throws Exception {
		refusedOnThePage(StatutoryRule.STATISTICS_REPORT_DUE_DAY, "45", "range", "取值应为1至28");
		refused(StatutoryRule.STATISTICS_REPORT_DUE_DAY, "0", "range", "1至28");
		rules.override(StatutoryRule.STATISTICS_REPORT_DUE_DAY, city(), CITY, new BigDecimal("28"), "月末报送");
		assertThat(rules.intValue(StatutoryRule.STATISTICS_REPORT_DUE_DAY, CITY)).isEqualTo(28);
	}

	@Test
	void aCitysNarrowerRangeIsRefusedWhileACountysOwnBoundLiesOutsideItNamingTheCounty() {
		rules.override(StatutoryRule.FINE_UNLICENSED_MIN, county(), COUNTY, new BigDecimal("70000"), "区局裁量基准");
		refusedAt(city(), CITY, StatutoryRule.FINE_UNLICENSED_MAX, "60000", "conflicts-below", "吴中区邮政管理局",
				"未经许可经营快递业务罚款下限", "70000元");
		// refused as a whole: the city's maximum is still the law's, the county's minimum stands
		assertThat(rules.value(StatutoryRule.FINE_UNLICENSED_MAX, CITY)).isEqualByComparingTo("100000");
		assertThat(rules.value(StatutoryRule.FINE_UNLICENSED_MIN, COUNTY)).isEqualByComparingTo("70000");
		// once the county's value is cleared the city narrows its range, and the county keeps within it
		rules.clearOverride(StatutoryRule.FINE_UNLICENSED_MIN, COUNTY);
		rules.override(StatutoryRule.FINE_UNLICENSED_MAX, city(), CITY, new BigDecimal("60000"), "裁量基准");
		assertThat(rules.fineRange(ViolationType.UNLICENSED, false, COUNTY).toString()).isEqualTo("50000–60000元");
	}

	@Test
	void aCountyNarrowsItsCitysRangeNeverWidensIt() {
		rules.override(StatutoryRule.FINE_UNLICENSED_MAX, city(), CITY, new BigDecimal("80000"), "裁量基准");
		refusedAt(county(), COUNTY, StatutoryRule.FINE_UNLICENSED_MAX, "90000", "parent-max", "不能高于上级局的80000元");
		refusedAt(county(), COUNTY, StatutoryRule.FINE_UNLICENSED_MIN, "85000", "parent-max", "不能高于上级局的80000元");
		rules.override(StatutoryRule.FINE_UNLICENSED_MIN, city(), CITY, new BigDecimal("60000"), "裁量基准");
		refusedAt(county(), COUNTY, StatutoryRule.FINE_UNLICENSED_MIN, "55000", "parent-min", "不能低于上级局的60000元");
		rules.override(StatutoryRule.FINE_UNLICENSED_MAX, county(), COUNTY, new BigDecimal("70000"), "区局裁量基准");
		assertThat(rules.fineRange(ViolationType.UNLICENSED, false, COUNTY).toString()).isEqualTo("60000–70000元");
	}

	@Test
	void aBureausOwnStatutoryTimeLimitMayBeCompressedNeverLengthened() {
		// 快递末端网点备案暂行规定(2018): the bureau files an outlet within 5 working days
		refused(StatutoryRule.OUTLET_BUREAU_FILING, "6", "statutory-max", "不能高于法定的5个工作日");
		rules.override(StatutoryRule.OUTLET_BUREAU_FILING, city(), CITY, new BigDecimal("3"), "压缩办理时限");
		assertThat(rules.intValue(StatutoryRule.OUTLET_BUREAU_FILING, COUNTY)).isEqualTo(3);
		// a county keeps within its city's compressed period, and the city cannot compress below a county's own
		refusedAt(county(), COUNTY, StatutoryRule.OUTLET_BUREAU_FILING, "4", "parent-max", "不能高于上级局的3个工作日");
		rules.override(StatutoryRule.OUTLET_BUREAU_FILING, county(), COUNTY, new BigDecimal("2"), "区局承诺时限");
		refusedAt(city(), CITY, StatutoryRule.OUTLET_BUREAU_FILING, "1", "conflicts-below", "吴中区邮政管理局", "2个工作日");
	}

	@Test
	void aPeriodTheLawGivesAPartyIsFixedAndAMinimumPeriodMayOnlyGrow() {
		// a branch is filed within 20 days of its business licence: neither shorter nor longer
		refused(StatutoryRule.BRANCH_FILING, "15", "statutory-min", "不能低于法定的20日");
		refused(StatutoryRule.BRANCH_FILING, "25", "statutory-max", "不能高于法定的20日");
		// complaint records are kept at least 3 years
		refused(StatutoryRule.COMPLAINT_RECORD_RETENTION, "2", "statutory-min", "不能低于法定的3年");
		rules.override(StatutoryRule.COMPLAINT_RECORD_RETENTION, city(), CITY, new BigDecimal("5"), "延长保存");
		assertThat(rules.intValue(StatutoryRule.COMPLAINT_RECORD_RETENTION, CITY)).isEqualTo(5);
	}

	/** The reason of an override is free text: a mobile or ID number typed into it is masked in the audit trail. */
	@Test
	void aPersonalNumberInAnOverridesReasonIsMaskedInTheAudit() {
		rules.override(StatutoryRule.BRANCH_FILING, city(), CITY, new BigDecimal("20"), "依据市局通知，咨询13912345678");
		assertThat(audit.history(DataScope.all(), "StatutoryRule", StatutoryRule.BRANCH_FILING.code()).get(0))
			.satisfies(e -> assertThat(e.summary() + e.afterState()).contains("139****5678").doesNotContain("13912345678"));
	}

	@Test
	void aUniversalServiceMinimumMayRiseNeverFall() {
		// 邮政法(2015) art.19: at least 6 days a week in cities; a week has 7
		refused(StatutoryRule.UNIVERSAL_OPENING_CITY, "5", "statutory-min", "不能低于法定的6");
		refused(StatutoryRule.UNIVERSAL_OPENING_CITY, "8", "range", "1至7");
		rules.override(StatutoryRule.UNIVERSAL_OPENING_CITY, city(), CITY, new BigDecimal("7"), "全周营业");
		assertThat(rules.intValue(StatutoryRule.UNIVERSAL_OPENING_CITY, CITY)).isEqualTo(7);
	}

	/**
	 * A value's 调整依据或原因 is one cell of the catalogue's table and its history: one on two lines is refused naming
	 * {@code reason}, rule {@code line-break}, and the rule keeps its value.
	 */
	@Test
	void aReasonOnTwoLinesIsRefused() {
		assertThatThrownBy(() -> rules.override(StatutoryRule.FINE_UNLICENSED_MIN, city(), CITY, new BigDecimal("60000"),
				"裁量基准\n第2条"))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.anySatisfy(e -> {
					assertThat(e.field()).isEqualTo("reason");
					assertThat(e.rule()).isEqualTo("line-break");
				}));
		assertThat(rules.setting(StatutoryRule.FINE_UNLICENSED_MIN, CITY).overrideRegion()).isNotEqualTo(CITY);
	}
}
