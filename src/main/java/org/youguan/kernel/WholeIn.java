package org.youguan.kernel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole numbers a form or query parameter takes, declared on the parameter (or a form record's component) so a
 * value that is no whole number is told the field's own range — "有效天数的值“abc”格式不正确（应为整数（1至365））" — not an
 * int's (−2147483648 to 2147483647). The wording is {@link Decimals#wholeIn}, the one a JSON body's field declaring
 * {@code @Min}/{@code @Max} is told too. A statement only, not a constraint: the service still checks the value (and a
 * Jakarta constraint on a {@code @RequestParam} would start Spring's method validation, whose refusals have another
 * shape).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.PARAMETER, ElementType.FIELD, ElementType.RECORD_COMPONENT })
public @interface WholeIn {

	/** The least value taken. */
	long min() default Long.MIN_VALUE;

	/** The greatest value taken. */
	long max() default Long.MAX_VALUE;

	/**
	 * The greatest value in words, where it is no constant — set by the rule catalogue for the region, or by the law
	 * text chosen ("规则目录inspection.rectification-max规定的工作日数"): told in place of {@link #max}.
	 */
	String maxStated() default "";

	/**
	 * What the numbers are, written in the brackets after the range ("单位：件", "单位：元"), so a count is told its unit:
	 * "收寄量应为整数（0至1000000000，单位：件）"; empty for nothing to add.
	 */
	String detail() default "";
}
