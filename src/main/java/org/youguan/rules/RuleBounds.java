package org.youguan.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bounds a bureau's value of a rule must keep, in one place: the statutory range where the rule's article sets one
 * (a bureau's 裁量基准 may narrow it, never widen it) and the plain bounds of its unit otherwise.
 */
final class RuleBounds {

	private RuleBounds() {
	}

	/**
	 * A closed range; a null end is open.
	 * @param min the lowest value allowed, or null
	 * @param max the highest value allowed, or null
	 */
	record Range(BigDecimal min, BigDecimal max) {
	}

	/**
	 * The range the law sets for a rule a bureau may adjust, from the catalogue's defaults, which are the article's
	 * figures: a fine bound lies within its violation's range (ordinary or 情节严重, {@link ViolationType}; the other
	 * fine caps from 0 to the article's maximum: 快递市场管理办法(2023) art.55); the universal-service minimums of 邮政法(2015)
	 * art.19 (营业天数, 投递频次 in cities and townships) may be raised, never lowered; a statutory period
	 * ({@link #period}) keeps the law's figure as its ceiling, its floor or both. Empty for the rules whose figure is
	 * local practice, and for {@link StatutoryRule#nationalOnly()} rules, which only the national bureau sets when the
	 * law itself changes.
	 * @param rule a rule of the catalogue
	 * @return the statutory range, if the law sets one a bureau must keep
	 */
	static Optional<Range> statutory(StatutoryRule rule) {
		if (rule.nationalOnly()) {
			return Optional.empty();
		}
		for (ViolationType v : ViolationType.values()) {
			BigDecimal ordinaryMin = v.minRule() == null ? BigDecimal.ZERO : v.minRule().defaultValue();
			if (rule == v.minRule() || rule == v.maxRule()) {
				return Optional.of(new Range(ordinaryMin, v.maxRule().defaultValue()));
			}
			if (v.hasSeriousRange() && (rule == v.seriousMinRule() || rule == v.seriousMaxRule())) {
				return Optional.of(new Range(seriousMinimum(v), v.seriousMaxRule().defaultValue()));
			}
		}
		return switch (rule) {
			case FINE_COMPLAINT_NON_COOPERATION_MAX -> Optional.of(new Range(BigDecimal.ZERO, rule.defaultValue()));
			case UNIVERSAL_OPENING_CITY, UNIVERSAL_OPENING_TOWNSHIP, UNIVERSAL_DELIVERY_CITY, UNIVERSAL_DELIVERY_TOWNSHIP ->
				Optional.of(new Range(rule.defaultValue(), null));
			default -> period(rule);
		};
	}

	/**
	 * The range of a period the law sets (a {@link StatutoryRule#confirmed()} deadline a bureau may adjust), by whose
	 * time it is:
	 * <ul>
	 * <li>a time limit the bureau keeps itself (备案 within 5 working days and the one-time notice of missing items within
	 * 2, 快递末端网点备案暂行规定(2018); the public notice of a closure within 10 working days, 行政许可法(2019) art.44, 82;
	 * the credit record corrected and an objection reviewed within 10 days, 快递业信用管理暂行办法(2017)): the law's figure
	 * is the ceiling — a bureau may compress it (压缩办理时限), never lengthen it — and one unit the floor (a period of
	 * none would make every case overdue on its day; a product bound, not law);</li>
	 * <li>a period the law gives a party or a term it fixes (a branch filed within 20 days of its licence, a change of an
	 * outlet filed within 10 days, the company's 7 days to answer before a complaint, a renewal applied for 30 days
	 * before expiry — 行政许可法(2019) art.50, a licence valid 5 years): the law's figure both ways — a shorter period
	 * takes time the law gives, a longer one excuses what the law requires;</li>
	 * <li>a period the law sets as the least (a complaint filed within 1 year of the dispute, complaint records kept at
	 * least 3 years, 邮政业用户申诉处理办法(2014)): the law's figure is the floor, a bureau may give more.</li>
	 * </ul>
	 * Empty for the other rules.
	 */
	static Optional<Range> period(StatutoryRule rule) {
		BigDecimal law = rule.defaultValue();
		return switch (rule) {
			case OUTLET_BUREAU_FILING, OUTLET_MISSING_ITEMS_NOTICE, UNIVERSAL_CLOSURE_NOTICE, CREDIT_RECORD_UPDATE,
					CREDIT_OBJECTION_REVIEW -> Optional.of(new Range(BigDecimal.ONE, law));
			case BRANCH_FILING, OUTLET_CHANGE_FILING, COMPLAINT_PRIOR_COMPLAINT_WAIT, LICENCE_RENEWAL_BEFORE_EXPIRY,
					LICENCE_VALIDITY -> Optional.of(new Range(law, law));
			case COMPLAINT_FILING_WINDOW, COMPLAINT_RECORD_RETENTION -> Optional.of(new Range(law, null));
			default -> Optional.empty();
		};
	}

	/**
	 * The law's lowest fine for a serious case of a type with a serious range: its own minimum, or where the text has
	 * none ("情节严重的，处十万元以上二十万元以下" after "五万元以上十万元以下") the ordinary maximum of the text — a
	 * bureau narrowing the ordinary maximum does not lower the serious range below the law's.
	 */
	static BigDecimal seriousMinimum(ViolationType type) {
		return (type.seriousMinRule() != null ? type.seriousMinRule() : type.maxRule()).defaultValue();
	}

	/** The largest number of deliveries a week a minimum may require: twice a day (a product bound, not law). */
	static final int MAX_PER_WEEK = 14;

	/**
	 * The plain bounds of a unit, law or not: a due day of the following month from 1 to 28, so every month has it
	 * (as a report form's own due day, statistics); days a week from 1 to 7; deliveries a week from 1 to
	 * {@value #MAX_PER_WEEK}; a count, hours or grams at least 1 (0 inspectors, participants, hours or grams mean
	 * nothing). Other units: no plain bound here ({@link StatutoryRules#override} checks signs, zero periods and ceilings).
	 */
	static Range plain(RuleUnit unit) {
		return switch (unit) {
			case DAY_OF_MONTH -> new Range(BigDecimal.ONE, BigDecimal.valueOf(28));
			case DAYS_PER_WEEK -> new Range(BigDecimal.ONE, BigDecimal.valueOf(7));
			case PER_WEEK -> new Range(BigDecimal.ONE, BigDecimal.valueOf(MAX_PER_WEEK));
			case COUNT, HOURS, GRAMS -> new Range(BigDecimal.ONE, null);
			default -> new Range(null, null);
		};
	}

	/**
	 * Rules bounded by another rule, as {@code {lower, higher}}: the higher may not be set below the lower's value in the
	 * bureau's region, nor the lower above the higher's. The fine ranges, ordinary and serious where the text has its
	 * own serious minimum ({@link ViolationType}); the hearing's latest day never before its earliest (the 7 working
	 * days' notice, 行政处罚法(2021) art.64(二)); the reminder to file an annual report never after the period to file
	 * it ends.
	 */
	static List<StatutoryRule[]> ordered() {
		List<StatutoryRule[]> pairs = new ArrayList<>();
		pairs.add(new StatutoryRule[] { StatutoryRule.PENALTY_HEARING_NOTICE, StatutoryRule.PENALTY_HEARING_LATEST });
		pairs.add(new StatutoryRule[] { StatutoryRule.LICENCE_ANNUAL_REPORT_REMINDER,
				StatutoryRule.LICENCE_ANNUAL_REPORT_WINDOW });
		for (ViolationType v : ViolationType.values()) {
			if (v.minRule() != null) {
				pairs.add(new StatutoryRule[] { v.minRule(), v.maxRule() });
			}
			if (v.seriousMinRule() != null) {
				pairs.add(new StatutoryRule[] { v.seriousMinRule(), v.seriousMaxRule() });
			}
		}
		return List.copyOf(pairs);
	}
}
