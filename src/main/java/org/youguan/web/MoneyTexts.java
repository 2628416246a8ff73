package org.youguan.web;

import java.math.BigDecimal;

import org.springframework.stereotype.Component;
import org.youguan.kernel.ChineseText;

/**
 * A page's access to the product's one way of writing money ({@link ChineseText#yuanFigures}, as the penalty documents
 * and the 结案报告 write it): {@code ${@money.yuan(amount)}} → 8000元, 12345.50元; {@code ${@money.figures(amount)}} → the
 * figures alone where a message or a column heading says 元 (8000, 12345.50). No page writes an amount with
 * {@code stripTrailingZeros} (12345.5, 8E+3) or with thousands separators (8,000.00) beside another that does not.
 */
@Component("money")
public final class MoneyTexts {

	/**
	 * The amount in figures and 元 ({@link ChineseText#yuan}) for a Chinese reader; for a reader of another language the
	 * figures after the currency sign, as the English bundle writes money (¥20000, ¥12345.50) — no 元 in an English page.
	 * — for null.
	 */
	public String yuan(BigDecimal amount) {
		java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		if (amount == null || locale == null || "zh".equals(locale.getLanguage())) {
			return ChineseText.yuan(amount);
		}
		return "¥" + ChineseText.yuanFigures(amount);
	}

	/** The amount in figures without 元 ({@link ChineseText#yuanFigures}); — for null. */
	public String figures(BigDecimal amount) {
		return amount == null ? "—" : ChineseText.yuanFigures(amount);
	}
}
