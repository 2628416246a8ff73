package org.youguan.rules;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule a bureau may adjust has a documented range with a floor above 0 and a ceiling (attack: a county saved
 * complaint.filing-window = 99999 years, and six other complaint periods likewise).
 */
class RuleRangesTest {

	private static List<StatutoryRule> adjustable() {
		return Arrays.stream(StatutoryRule.values()).filter(r -> !r.nationalOnly()).toList();
	}

	/** A ceiling of its own: below the {@value StatutoryRules#MAX_COUNTED} every counted value has, or any for money. */
	@Test
	void everyRuleABureauMayAdjustHasAFloorAboveZeroAndACeilingOfItsOwn() {
		assertThat(adjustable().stream().filter(r -> {
			RuleBounds.Allowed allowed = RuleBounds.allowed(r);
			return allowed.min().signum() <= 0 || allowed.max() == null
					|| (r.unit() != RuleUnit.YUAN
							&& allowed.max().compareTo(BigDecimal.valueOf(StatutoryRules.MAX_COUNTED)) >= 0);
		}).map(StatutoryRule::code).toList()).isEmpty();
	}

	/**
	 * Every rule's own value lies in its range — national-only ones too, which the rules page shows to every bureau
	 * (attack 27: licence.renewal-decision's 0 days was flagged 超出可调范围 there).
	 */
	@Test
	void everyDefaultLiesInItsRange() {
		assertThat(Arrays.stream(StatutoryRule.values())
			.filter(r -> !RuleBounds.allowed(r).contains(r.defaultValue()))
			.map(StatutoryRule::code)
			.toList()).isEmpty();
	}

	@Test
	void theComplaintHandlingPeriodsAreCappedWithTheAnswerLimitAsTheirBasis() {
		for (StatutoryRule r : List.of(StatutoryRule.COMPLAINT_TRANSFER, StatutoryRule.COMPLAINT_ENTERPRISE_REPLY,
				StatutoryRule.COMPLAINT_REDO, StatutoryRule.COMPLAINT_CALLBACK)) {
			RuleBounds.Practice practice = RuleBounds.practice(r).orElseThrow();
			assertThat(practice.reason()).contains("邮政法(2015) 第65条");
			assertThat(practice.max()).isLessThanOrEqualTo(BigDecimal.TEN);
		}
		RuleBounds.Allowed window = RuleBounds.allowed(StatutoryRule.COMPLAINT_FILING_WINDOW);
		assertThat(window.min()).isEqualByComparingTo("1");
		assertThat(window.max()).isEqualByComparingTo("3");
		assertThat(window.basis()).contains("邮政业用户申诉处理办法(2014)", "民法典(2020) 第188条");
	}

	/**
	 * Rules the catalogue gained after V250: every override of theirs was checked against its range when saved, so the
	 * migration had none to remove.
	 */
	private static final Set<StatutoryRule> ADDED_AFTER_THE_MIGRATION = Set.of(StatutoryRule.UNIVERSAL_SUSPENSION_MAX_LENGTH,
			StatutoryRule.UNIVERSAL_SUSPENSION_START_LOOKBACK, StatutoryRule.UNIVERSAL_SUSPENSION_START_LEAD,
			StatutoryRule.LICENCE_RENEWAL_EARLIEST, StatutoryRule.LICENCE_CORRECTION_PERIOD, StatutoryRule.SAFETY_LEDGER_LOOKBACK,
			StatutoryRule.INSPECTION_RECTIFICATION_MAX, StatutoryRule.PENALTY_SUSPENSION_MAX,
			StatutoryRule.PENALTY_SUSPENSION_START_LOOKBACK,
			StatutoryRule.SAFETY_EXEMPT_SHARE_MAX, StatutoryRule.SAFETY_EXEMPT_SHARE_MIN_PARCELS, StatutoryRule.SAFETY_PERIOD_DAILY_REPORT, StatutoryRule.STATISTICS_REMINDER_INTERVAL,
			StatutoryRule.COMPLAINT_FILINGS_PER_PHONE, StatutoryRule.COMPLAINT_FILINGS_PER_ADDRESS,
			StatutoryRule.LICENCE_VERIFY_FAILURES, StatutoryRule.LICENCE_VERIFY_FAILURES_PER_ADDRESS,
			StatutoryRule.COMPLAINT_LOOKUP_FAILURES, StatutoryRule.COMPLAINT_LOOKUP_FAILURES_PER_ADDRESS);

	/** The migration that removed the overrides out of range used the ranges the code enforces. */
	@Test
	void theMigrationRemovesExactlyWhatTheCatalogueRefuses() throws IOException {
		String sql;
		try (InputStream in = getClass().getResourceAsStream("/db/migration/rules/V250__rule_overrides_outside_their_range.sql")) {
			sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		Map<String, String> migrated = new LinkedHashMap<>();
		Matcher m = Pattern.compile("\\('([a-z.\\-]+)', (\\d+), (\\d+)\\)").matcher(sql);
		while (m.find()) {
			migrated.put(m.group(1), m.group(2) + "–" + m.group(3));
		}
		Map<String, String> enforced = new LinkedHashMap<>();
		for (StatutoryRule r : adjustable()) {
			RuleBounds.Allowed a = RuleBounds.allowed(r);
			enforced.put(r.code(), a.min().stripTrailingZeros().toPlainString() + "–"
					+ a.max().stripTrailingZeros().toPlainString());
		}
		assertThat(enforced).containsAllEntriesOf(migrated);
		assertThat(migrated).containsKeys(adjustable().stream()
			.filter(r -> RuleBounds.practice(r).isPresent() && !ADDED_AFTER_THE_MIGRATION.contains(r))
			.map(StatutoryRule::code)
			.toArray(String[]::new));
		assertThat(migrated).containsKeys(StatutoryRule.FINE_REAL_NAME_MIN.code(), StatutoryRule.FINE_REAL_NAME_MAX.code(),
				StatutoryRule.FINE_REAL_NAME_SERIOUS_MAX.code());
	}
}
