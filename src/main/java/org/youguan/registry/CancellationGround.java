package org.youguan.registry;

import java.time.LocalDate;

import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

/**
 * The grounds on which a licence is cancelled (注销, 行政许可法(2019) art.70; 快递业务经营许可管理办法), and when a ground
 * applies to a licence — the one statement of the rule: licensing's cancellation and the registry's 注销 of a decision
 * taken off the platform both read it from here (the registry is the module both depend on).
 */
public enum CancellationGround {

	EXPIRED("有效期届满未延续"), LEGAL_PERSON_ENDED("法人资格依法终止"), NO_OPERATION("取得许可后无正当理由超过6个月未经营"),
	STOPPED("主动停止经营快递业务"), OTHER("法律、法规规定的其他情形");

	private final String label;

	CancellationGround(String label) {
		this.label = label;
	}

	/** The ground in Chinese. */
	public String label() {
		return label;
	}

	/** Whether a note (说明) must name the ground: {@link #OTHER}, whose label names no fact. */
	public boolean needsNote() {
		return this == OTHER;
	}

	/**
	 * The reason recorded on the cancelled licence: the ground's label, then "：" and the note when there is one.
	 * @param note the clerk's 说明, may be null or blank
	 */
	public String reason(String note) {
		return label + (Text.isBlank(note) ? "" : "：" + Text.strip(note));
	}

	/**
	 * Refuses this ground for a licence it does not fit on {@code today}: {@link #EXPIRED} for a licence whose validity
	 * has not ended (rule {@code not-expired}, 行政许可法(2019) art.70(一)), {@link #NO_OPERATION} for a licence issued no
	 * more than {@link StatutoryRule#LICENCE_NO_OPERATION} (6 months) ago (rule {@code too-young}).
	 * @param number the licence number, for the message
	 * @param issuedOn the day of issue (null: not checked)
	 * @param expiresOn the last valid day (null: not checked)
	 * @param holderRegion the holder's region code, whose statutory period applies
	 * @param today the day of the cancellation
	 * @param rules where the period is read
	 * @throws InvalidValueException (400, field {@code ground}) when the ground does not fit
	 */
	public void requireApplies(String number, LocalDate issuedOn, LocalDate expiresOn, String holderRegion, LocalDate today,
			StatutoryRules rules) {
		if (this == EXPIRED && expiresOn != null && !expiresOn.isBefore(today)) {
			throw new InvalidValueException("ground", "not-expired", "许可证" + number + "有效期至" + expiresOn
					+ "，尚未届满，不能以“" + label + "”注销（行政许可法第70条）");
		}
		if (this == NO_OPERATION && issuedOn != null) {
			// "超过6个月未经营": a licence younger than the rule's period cannot have gone unused that long (attack round 16)
			StatutoryRule rule = StatutoryRule.LICENCE_NO_OPERATION;
			int months = rules.intValue(rule, holderRegion);
			if (!today.isAfter(issuedOn.plusMonths(months))) {
				throw new InvalidValueException("ground", "too-young", "许可证" + number + "于" + issuedOn + "颁发，至今未超过"
						+ months + "个月，不能以“" + label + "”注销（" + rule.title() + "，" + rule.basis() + "）");
			}
		}
	}
}
