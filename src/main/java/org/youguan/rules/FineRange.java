package org.youguan.rules;

import java.math.BigDecimal;

import org.youguan.kernel.ChineseText;

/**
 * The fine range of a violation in yuan, both bounds included, as it applies in a region.
 *
 * @param min the lowest fine (0 where the text sets no minimum)
 * @param max the highest fine
 * @param serious whether this is the range for serious cases (情节严重)
 */
public record FineRange(BigDecimal min, BigDecimal max, boolean serious) {

	/**
	 * Both bounds as whole yuan with no decimals (a bound stored as 5000.0 is 5000), so the API and the messages state
	 * them as the article does; a bound with a real fraction (none can be set since values are whole yuan) stays as it is.
	 */
	public FineRange {
		min = whole(min);
		max = whole(max);
	}

	private static BigDecimal whole(BigDecimal yuan) {
		if (yuan == null) {
			return null;
		}
		BigDecimal stripped = yuan.stripTrailingZeros();
		return stripped.scale() <= 0 ? stripped.setScale(0) : yuan;
	}

	/** Whether {@code fine} lies within the range. */
	public boolean contains(BigDecimal fine) {
		return fine.compareTo(min) >= 0 && fine.compareTo(max) <= 0;
	}

	/**
	 * Whether {@code fine} lies below the minimum: a 减轻处罚 (行政处罚法(2021) art.32), which a decision states with its
	 * ground and reason; false for null.
	 */
	public boolean below(BigDecimal fine) {
		return fine != null && fine.compareTo(min) < 0;
	}

	/**
	 * Whether {@code fine} is a 减轻处罚 of this range (行政处罚法(2021) art.32: 减轻 is a penalty below the statutory
	 * minimum, never none): more than 0 and below the minimum. False for null, for 0 (no fine is 不予处罚, art.33, not
	 * 减轻) and for a fine at or above the minimum (a fine within the range is at most 从轻); never true for a range
	 * whose minimum is 0, where no fine lies below it.
	 */
	public boolean reduces(BigDecimal fine) {
		return fine != null && fine.signum() > 0 && below(fine);
	}

	/** The range as a message names it: {@code 情节严重：10000–30000元} for the serious range, else as {@link #toString}. */
	public String named() {
		return (serious ? "情节严重：" : "") + this;
	}

	/**
	 * As shown, in the one money format ({@link ChineseText#yuanFigures}): {@code 50000–100000元}, {@code 0.50–5000元};
	 * a range the catalogue gives no minimum (0) as its article words it, {@code 不超过10000元} — never a 0 the fine may
	 * not be.
	 */
	@Override
	public String toString() {
		return min.signum() == 0 ? "不超过" + ChineseText.yuan(max) : ChineseText.yuanFigures(min) + "–" + ChineseText.yuan(max);
	}
}
