package org.youguan.registry;

import org.youguan.kernel.ChineseText;
import org.youguan.rules.Provision;
import java.time.LocalDate;
import java.util.Map;

import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;
import org.youguan.kernel.Wording;
import org.youguan.rules.Audience;
import org.youguan.rules.RuleUnit;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

/**
 * The grounds on which a licence is cancelled (注销, 行政许可法(2019) art.70; 快递业务经营许可管理办法), and when a ground
 * applies to a licence — the one statement of the rule: licensing's cancellation and the registry's 注销 of a decision
 * taken off the platform both read it from here (the registry is the module both depend on).
 */
public enum CancellationGround {

	EXPIRED("有效期届满未延续", null), LEGAL_PERSON_ENDED("法人资格依法终止", null),
	NO_OPERATION("取得许可后无正当理由超过%s未经营", StatutoryRule.LICENCE_NO_OPERATION),
	STOPPED("主动停止经营快递业务", null), OTHER("法律、法规规定的其他情形", null);

	private final String label;

	private final StatutoryRule period;

	/**
	 * @param label the ground in Chinese, with {@code %s} where its period stands
	 * @param period the rule that fixes that period, or null for a ground without one
	 */
	CancellationGround(String label, StatutoryRule period) {
		this.label = label;
		this.period = period;
	}

	/**
	 * The ground in Chinese, a period in it stated as the rule catalogue's default (a list of the grounds in a
	 * message); where the ground is shown or recorded for a licence, {@link #label(StatutoryRules, String)}.
	 */
	public String label() {
		return period == null ? label : label.formatted(period.defaultValue().stripTrailingZeros().toPlainString()
				+ period.unit().label());
	}

	/**
	 * The ground in Chinese with its period as the rule catalogue has it in {@code region}: "取得许可后无正当理由超过6个月未经营"
	 * ({@link StatutoryRule#LICENCE_NO_OPERATION}).
	 */
	public String label(StatutoryRules rules, String region) {
		return period == null ? label : label.formatted(rules.stated(period, region));
	}

	/**
	 * What a page needs to word the grounds in the reader's language (a form's options, a hint): the no-operation
	 * period as the rule catalogue has it in {@code region} — {@code groundFigures} ("6") and {@code groundUnit}
	 * ({@link RuleUnit}, shown through the UI bundle) — and {@code grounds}, every ground in order. A page words each
	 * ground with the bundle's {@code enum.CancellationGround.<CONSTANT>} ({0} the figures, {1} the unit), whose Chinese
	 * is {@link #label(StatutoryRules, String)}'s wording: the English mode showed the Chinese labels.
	 * @return model attributes ({@code model.addAllAttributes})
	 */
	public static Map<String, Object> wording(StatutoryRules rules, String region) {
		StatutoryRule rule = StatutoryRule.LICENCE_NO_OPERATION;
		return Map.of("grounds", values(), "groundFigures", rule.unit().figures(rules.value(rule, region)),
				"groundUnit", rule.unit());
	}

	/** Whether a note (说明) must name the ground: {@link #OTHER}, whose label names no fact. */
	public boolean needsNote() {
		return this == OTHER;
	}

	/**
	 * The reason recorded on the cancelled licence: the ground's label ({@link #label(StatutoryRules, String)}), then "："
	 * and the note when there is one.
	 * @param note the clerk's 说明, may be null or blank
	 * @param rules where a period in the label is read
	 * @param region the licence holder's region, whose value of the period applies
	 */
	public String reason(String note, StatutoryRules rules, String region) {
		return label(rules, region) + (Text.isBlank(note) ? "" : "：" + Text.strip(note));
	}

	/**
	 * Refuses this ground for a licence it does not fit on {@code today}: {@link #EXPIRED} for a licence whose validity
	 * has not ended (rule {@code not-expired}, 行政许可法(2019) art.70(一)), {@link #NO_OPERATION} for a licence issued no
	 * more than {@link StatutoryRule#LICENCE_NO_OPERATION} (6 months) ago (rule {@code too-young}).
	 * @param number the licence number, for the message
	 * @param issuedOn the day of issue (null: not checked)
	 * @param expiresOn the last valid day (null: not checked)
	 * @param status the licence's status today: 有效 past {@code expiresOn} while a renewal accepted in time is undecided
	 *        (视为准予延续, 行政许可法(2019) art.50), which {@link #EXPIRED} does not fit either (rule {@code renewal-in-course})
	 * @param holderRegion the holder's region code, whose statutory period applies
	 * @param today the day of the cancellation
	 * @param rules where the period is read
	 * @throws InvalidValueException (400, field {@code ground}) when the ground does not fit
	 */
	public void requireApplies(String number, LocalDate issuedOn, LocalDate expiresOn, LicenceStatus status,
			String holderRegion, LocalDate today, StatutoryRules rules) {
		if (this == EXPIRED && expiresOn != null && !expiresOn.isBefore(today)) {
			throw new InvalidValueException("ground", "not-expired", Wording.of("registry.refusal.groundNotExpired", number,
					expiresOn.toString(), this), "许可证" + number + "有效期至" + ChineseText.day(expiresOn)
					+ "，尚未届满，不能以“" + label() + "”注销（" + Provision.LICENSING_CANCELLATION + "）");
		}
		if (this == EXPIRED && status == LicenceStatus.VALID) {
			throw new InvalidValueException("ground", "renewal-in-course", Wording.of("registry.refusal.groundRenewalInCourse",
					number, String.valueOf(expiresOn), this), "许可证" + number + "的延续申请已于有效期（至" + ChineseText.day(expiresOn)
					+ "）届满前受理，尚未作出决定，视为准予延续（" + StatutoryRule.LICENCE_RENEWAL_DECISION.basis() + "），不能以“"
					+ label() + "”注销");
		}
		if (this == NO_OPERATION && issuedOn != null) {
			// "超过…个月未经营": a licence younger than the rule's period cannot have gone unused that long (attack round 16)
			StatutoryRule rule = StatutoryRule.LICENCE_NO_OPERATION;
			int months = rules.intValue(rule, holderRegion);
			if (!today.isAfter(issuedOn.plusMonths(months))) {
				throw new InvalidValueException("ground", "too-young", Wording.of("registry.refusal.groundTooYoung", number,
						issuedOn.toString(), String.valueOf(months), Wording.of("enum.CancellationGround.NO_OPERATION", String.valueOf(months),
								rule.unit()), rule), "许可证" + number + "于" + ChineseText.day(issuedOn) + "颁发，至今未超过"
						+ months + "个月，不能以“" + label(rules, holderRegion) + "”注销（" + rule.citedFor(Audience.BUREAU) + "）");
			}
		}
	}
}
