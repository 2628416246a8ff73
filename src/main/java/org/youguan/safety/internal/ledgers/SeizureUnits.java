package org.youguan.safety.internal.ledgers;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

import org.youguan.kernel.Decimals;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;

/**
 * What a seizure's quantity may be, by its unit: a unit of measure — weight, volume, length or area (公斤, 千克, 克,
 * 吨, 升, 毫升, 米, 平方米 … and kg, g, L, ml, m) — takes a quantity with up to three decimals (2.5公斤); every other unit
 * counts pieces (条, 件, 个, 箱, 包, 盒, 瓶, 支 …), and a count is a whole number from 1: 0.001条 or 1.5件 is a typing
 * error, never a record (attack: 0.001条 was recorded).
 */
final class SeizureUnits {

	/**
	 * The units of measure (lower case, full-width forms read as ASCII: {@link Text#halfWidth(String)}), with the unit
	 * symbols an input method offers for them (㎏, ㎡ …): anything else is a unit of pieces.
	 */
	private static final Set<String> MEASURES = Set.of("公斤", "千克", "克", "毫克", "斤", "两", "吨", "克拉", "kg", "g", "mg",
			"t", "升", "毫升", "l", "ml", "立方米", "立方", "方", "米", "厘米", "毫米", "千米", "公里", "m", "cm", "mm", "km",
			"平方米", "平米", "m2", "m²", "m³", "m3", "㎏", "㎎", "㎖", "ℓ", "㎞", "㎝", "㎜", "㎡", "㎥", "㏎");

	private SeizureUnits() {
	}

	/** Whether {@code unit} measures (weight, volume, length, area) rather than counts pieces. */
	static boolean measures(String unit) {
		return unit != null && MEASURES.contains(Text.strip(Text.halfWidth(unit)).toLowerCase(Locale.ROOT));
	}

	/**
	 * Records on {@code field} what is wrong with a quantity in {@code unit}: a count (any unit that does not measure)
	 * must be a whole number (rule {@code integer}, "数量以“条”计，应为整数（1至1000000）") of at least 1 (rule
	 * {@code range}); a measure more than 0; either at most {@code max} (rule {@code range}).
	 * @param quantity the quantity as read (null: nothing to judge, its own error already recorded or none given)
	 * @param unit the unit as typed, or null when missing (then the quantity is judged a measure: more than 0)
	 */
	static void check(Validation v, String field, BigDecimal quantity, String unit, BigDecimal max) {
		if (quantity == null || v.hasError(field)) {
			return;
		}
		if (unit == null || measures(unit)) {
			v.require(field, quantity.signum() > 0 && quantity.compareTo(max) <= 0, "range",
					"数量应大于0且不超过" + max.toPlainString());
			return;
		}
		String whole = Decimals.wholeIn(1, max.longValueExact());
		if (quantity.stripTrailingZeros().scale() > 0) {
			v.require(field, false, "integer", "数量以“" + unit + "”计，" + whole + "，不能有小数：" + Decimals.echo(quantity));
			return;
		}
		v.require(field, quantity.compareTo(BigDecimal.ONE) >= 0 && quantity.compareTo(max) <= 0, "range",
				"数量以“" + unit + "”计，" + whole + "：" + Decimals.echo(quantity));
	}
}
