package org.youguan.safety.internal.ledgers;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Component;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.rules.Audience;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

/**
 * The days a safety ledger's row may carry — a hazard found, an incident occurred, a training held, a seizure made, a
 * responsibility letter signed: not in the future, and no earlier than {@link StatutoryRule#SAFETY_LEDGER_LOOKBACK}
 * years before today in the row's region (a bureau's setting; 10 by default), never before
 * {@link Validation#EARLIEST_ACT}. A ledger's day counts in the figures of its year: one typed decades back (1950 for
 * 2050 or 2015; the floor was 1949) would be counted there and could never be found in today's ledger.
 */
@Component
class LedgerDays {

	private final StatutoryRules rules;

	private final Clock clock;

	LedgerDays(StatutoryRules rules, Clock clock) {
		this.rules = rules;
		this.clock = clock;
	}

	/**
	 * The earliest day a ledger row of the region may carry: {@link StatutoryRule#SAFETY_LEDGER_LOOKBACK} years before
	 * today, not before {@link Validation#EARLIEST_ACT}.
	 * @param region the row's region (null: the catalogue's default)
	 */
	LocalDate earliest(String region) {
		return earliest(today(), lookback(region));
	}

	private static LocalDate earliest(LocalDate today, int lookbackYears) {
		LocalDate back = today.minusYears(lookbackYears);
		return back.isBefore(Validation.EARLIEST_ACT) ? Validation.EARLIEST_ACT : back;
	}

	/** The region's {@link StatutoryRule#SAFETY_LEDGER_LOOKBACK}, in years. */
	private int lookback(String region) {
		return rules.intValue(StatutoryRule.SAFETY_LEDGER_LOOKBACK, region);
	}

	/** Today, as every ledger step reads it. */
	LocalDate today() {
		return LocalDate.now(clock);
	}

	/**
	 * A day typed as YYYY-MM-DD for a ledger row of the region, or null when blank or refused; a malformed day is this
	 * field's error (rule {@code date}), one outside {@link #earliest} … today too (rule {@code range}, the message
	 * naming the field, the bound and the catalogue's rule).
	 * @param field the request field, {@code label} its Chinese name (发现日期, 培训日期 …)
	 */
	LocalDate day(Validation v, String field, String label, String text, String region) {
		LocalDate day = v.date(field, label, text, Validation.EARLIEST_RECORD, Validation.LATEST_RECORD);
		return day != null && within(v, field, label, day, region) ? day : null;
	}

	/**
	 * Whether a day (or the day of a moment already read, in China time) lies within {@link #earliest} … today; when not, this
	 * field's error (rule {@code range}): “发现日期不能晚于今天（2026-12-05）”, “培训日期不能早于2016-12-05（安全台账只登记
	 * 10年内的日期，按本局规定；…）”: the rule in words both the bureau and an enterprise read
	 * ({@link Audience#OUTSIDE}), never its catalogue code.
	 */
	boolean within(Validation v, String field, String label, LocalDate day, String region) {
		LocalDate today = today();
		int years = lookback(region);
		LocalDate earliest = earliest(today, years);
		return v.within(field, day, earliest, label + "不能早于" + ChineseText.day(earliest) + "（安全台账只登记" + years + "年内的日期，"
				+ StatutoryRule.SAFETY_LEDGER_LOOKBACK.basisFor(Audience.OUTSIDE) + "；更早的日期多是年份输错）", today,
				Wording.of("kernel.invalid.notAfterToday", label, today.toString()),
				label + "不能晚于今天（" + ChineseText.day(today) + "）");
	}
}
