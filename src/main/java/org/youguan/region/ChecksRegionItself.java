package org.youguan.region;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a page handler that checks its {@code region} parameter itself and shows a code that names no region as an
 * error on the page it renders (a form the user corrects), instead of the 400 answer the product gives every other
 * read that takes a region ({@link RegionParameterCheck}). The handler must then refuse such a code itself, with the
 * rule {@code exists} ({@link Regions#require}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ChecksRegionItself {
}
