package org.youguan.kernel;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one way every module shows a percentage, so that a figure near a boundary is never rounded over it:
 * <ul>
 * <li>a <b>rate</b> — a part of a whole that reads as a level reached (满意率, 实名率, 验视率, 过机率, 按时率, 规范率,
 * 目标完成进度) — is rounded down: 100.0 % only when every one counts (9,997 of 10,000 is 99.9 %, never 100.0 %), and a
 * target is shown reached only when it is; but a rate of some is never shown as 0 % (1 of 50,000 is 0.1 % at one
 * decimal, not 0.0 %): held one step above 0, as a share is;</li>
 * <li>a <b>change</b> — growth against a base (同比增长, 环比, a report's jump against the last period) — is rounded toward
 * zero: a fall of 99.97 % reads 下降99.9 %, never 下降100.0 % (which says the value fell to nothing), and a change shown
 * is never beyond a threshold it does not pass;</li>
 * <li>a <b>share</b> of a breakdown (占比, a batch's rejected lines) is rounded half up (四舍五入) as a table of shares
 * is, so its column adds up to 100 but for rounding — a share states a proportion, not a level reached — but never over
 * a bound it does not reach: a share of some but not all is never shown as 100 % (49,999 of 50,000 is 99.99 %, not
 * 100.00 %), nor a share of some as 0 % (1 of 50,000 is 0.01 %, not 0.00 %) — each is held one step (0.01 at two
 * decimals) inside the bound ({@link #share}, {@link #shareSql}).</li>
 * </ul>
 * One bound for both ({@link #held}, {@link #heldSql}): a percentage of a part above 0 is at least one step, of a part
 * short of the whole at most 100 less one step.
 * The rule of the complaint figures (申诉统计, rates rounded down since they were first published) made everyone's.
 */
public final class Percentages {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private Percentages() {
	}

	/**
	 * {@code part} of {@code whole} in percent, rounded down to {@code scale} decimals, a part above 0 at least one step
	 * ({@link #held}).
	 * @return null when {@code whole} is 0 or less (nothing to count)
	 */
	public static BigDecimal rate(long part, long whole, int scale) {
		return whole <= 0 ? null : rate(BigDecimal.valueOf(part), BigDecimal.valueOf(whole), scale);
	}

	/**
	 * {@code part} of {@code whole} in percent, rounded down to {@code scale} decimals (a target's completion may pass
	 * 100), held inside 0 and 100 as a share is ({@link #held}): a part above 0 is at least one step.
	 * @return null when either is null or {@code whole} is 0
	 */
	public static BigDecimal rate(BigDecimal part, BigDecimal whole, int scale) {
		return part == null || whole == null || whole.signum() == 0 ? null
				: held(part.multiply(HUNDRED).divide(whole, scale, RoundingMode.DOWN), part, whole, scale);
	}

	/**
	 * The same rate computed in SQL (PostgreSQL {@code trunc}, rounding down as {@link #rate(long, long, int)} does,
	 * held as it is: {@link #heldSql}), null when the whole is 0.
	 * @param part an SQL expression of the part
	 * @param whole an SQL expression of the whole
	 */
	public static String rateSql(String part, String whole, int scale) {
		return heldSql("trunc((" + part + ") * 100.0 / nullif(" + whole + ", 0), " + scale + ")", part, whole, scale);
	}

	/**
	 * A percentage of {@code part} of {@code whole} already rounded to {@code scale} decimals, held inside the bounds
	 * it does not reach: at least one step ({@code 0.01} at two decimals) for a part above 0 of a positive whole, at most
	 * 100 less one step for a part short of the whole — the one bound of rates and shares.
	 */
	private static BigDecimal held(BigDecimal percent, BigDecimal part, BigDecimal whole, int scale) {
		BigDecimal step = BigDecimal.ONE.movePointLeft(scale);
		if (part.signum() > 0 && whole.signum() > 0 && percent.compareTo(step) < 0) {
			return step;
		}
		BigDecimal most = HUNDRED.subtract(step).setScale(scale);
		return part.signum() >= 0 && part.compareTo(whole) < 0 && percent.compareTo(most) > 0 ? most : percent;
	}

	/** {@link #held} in SQL, of {@code rounded} (an SQL expression of the rounded percentage, null when the whole is 0). */
	private static String heldSql(String rounded, String part, String whole, int scale) {
		String step = BigDecimal.ONE.movePointLeft(scale).toPlainString();
		return "CASE WHEN (" + part + ") > 0 AND (" + part + ") < (" + whole + ") THEN least(greatest(" + rounded + ", "
				+ step + "), 100 - " + step + ") WHEN (" + part + ") > 0 AND (" + whole + ") > 0 THEN greatest(" + rounded
				+ ", " + step + ") ELSE " + rounded + " END";
	}

	/**
	 * A line's share of a breakdown in percent, rounded half up to {@code scale} decimals, held inside 0 and 100 when
	 * the part is neither none nor all: at least one step ({@code 0.01} at two decimals) for a part above 0, at most 100
	 * less one step for a part short of the whole (49,999 of 50,000 at two decimals: 99.99, never 100.00).
	 * @return null when {@code whole} is 0 or less
	 */
	public static BigDecimal share(long part, long whole, int scale) {
		return whole <= 0 ? null : share(BigDecimal.valueOf(part), BigDecimal.valueOf(whole), scale);
	}

	/**
	 * As {@link #share(long, long, int)}, of amounts (a statistics indicator's value of its total): rounded half up,
	 * held one step inside 0 and 100 when the part is above 0 and short of the whole.
	 * @return null when either is null or {@code whole} is 0
	 */
	public static BigDecimal share(BigDecimal part, BigDecimal whole, int scale) {
		if (part == null || whole == null || whole.signum() == 0) {
			return null;
		}
		return held(part.multiply(HUNDRED).divide(whole, scale, RoundingMode.HALF_UP), part, whole, scale);
	}

	/**
	 * The same share computed in SQL ({@link #share(long, long, int)}: rounded half up, held one step inside 0 and 100
	 * when the part is neither none nor all), null when the whole is 0 — for a list sorted or filtered on it.
	 * @param part an SQL expression of the part (a count, never negative)
	 * @param whole an SQL expression of the whole
	 */
	public static String shareSql(String part, String whole, int scale) {
		return heldSql("round((" + part + ") * 100.0 / nullif(" + whole + ", 0), " + scale + ")", part, whole, scale);
	}

	/**
	 * The change of {@code value} against {@code base} in percent, rounded toward zero to {@code scale} decimals.
	 * @return null when either is null or {@code base} is 0 (no change can be stated)
	 */
	public static BigDecimal change(BigDecimal value, BigDecimal base, int scale) {
		return value == null || base == null || base.signum() == 0 ? null
				: value.subtract(base).multiply(HUNDRED).divide(base, scale, RoundingMode.DOWN);
	}

	/**
	 * A change already in percent shown with fewer decimals, rounded toward zero as a change is.
	 * @return null for null
	 */
	public static BigDecimal shown(BigDecimal percent, int scale) {
		return percent == null ? null : percent.setScale(scale, RoundingMode.DOWN);
	}

	/**
	 * A rate already in percent (a reported 电子运单使用率) shown with fewer decimals as every rate is: rounded down, a
	 * rate above 0 at least one step (0.004 % at two decimals: 0.01 %, never 0.00 %); below 100 it stays below.
	 * @return null for null
	 */
	public static BigDecimal shownRate(BigDecimal percent, int scale) {
		// the rate as a part of 100: held as every rate is
		return percent == null ? null : held(percent.setScale(scale, RoundingMode.DOWN), percent, HUNDRED, scale);
	}
}
