package org.youguan.kernel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The years a form or query parameter takes, declared on the parameter (or a form record's component) as its service
 * bounds them — from {@link #from} to this year plus {@link #ahead} — so a value that is no whole number
 * ({@code ?year=abc}) is told that range, "年度的值“abc”格式不正确（应为整数（2000至2027））", not an int's
 * (−2147483648 to 2147483647); the wording is {@link Decimals#wholeIn}, as for {@link WholeIn}. A statement only: the
 * service still checks the value, from the same constants the declaration names, so the range told and the range
 * applied are one definition.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.PARAMETER, ElementType.FIELD, ElementType.RECORD_COMPONENT })
public @interface YearIn {

	/** The first year taken. */
	int from();

	/** How many years after the current one (China time) are taken: 1 for next year, 0 for this year at the latest. */
	int ahead() default 0;
}
