package org.youguan.kernel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A query parameter that holds a month as text (YYYY-MM), checked by its service as every figures month is
 * ({@link FiguresPeriod#months}), declared on the parameter so that a refusal the framework words — the parameter left
 * out — names it as its service does: "缺少截止月份，应为年月，格式YYYY-MM（如2025-01）" ({@link FiguresPeriod#monthNamed},
 * {@link FiguresPeriod#MONTH_SHAPE}), not as the 截止日期 the same name is elsewhere. A statement only: the service
 * still checks the value.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.PARAMETER, ElementType.FIELD, ElementType.RECORD_COMPONENT })
public @interface MonthText {
}
