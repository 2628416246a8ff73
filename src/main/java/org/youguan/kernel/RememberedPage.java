package org.youguan.kernel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code GET} handler of a signed-in page whose rendered HTML may be remembered until the next audited change
 * (issue 12: the layout and the page's own expressions were most of such a page's cost). The web shell
 * ({@code web.PageMemory}) answers a repeated view from memory without calling the handler, keyed by everything that
 * makes the page differ: the signed-in user (identity, roles, authorities, data scope, bureau, department, enterprise),
 * the language, the path and the parameters as the handler reads them, the context path, the newest audit event id,
 * the day in China, the header's notification count and the htmx request headers. The request's CSRF token is put
 * into the remembered HTML on every answer; pages carrying flash messages or errors, and answers other than 200, are never remembered.
 *
 * <p>Only for a handler whose page depends on nothing else: its data read through audited changes (any state change
 * writes its audit event) or time within the day (bounded by the memory's time to live), and whose access depends on
 * the user's authorities and scope only (a remembered answer skips the handler, and so any method security on it;
 * URL rules and the filter chain — sign-in, sign-out, disabled accounts — still run on every request).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RememberedPage {
}
