package org.youguan.kernel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the page a handler's fragment belongs to: a handler that answers part of a page for htmx to swap in (a
 * select's options, a picker's chain, an import's progress) names the whole page a browser opening its address
 * directly is sent to instead ({@code web.FragmentPages}) — a bare fragment without the layout is no page. Without it
 * such a request goes to the home page.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PageFragment {

	/**
	 * The page's address; {@code {name}} is replaced by the address variable of that name of the fragment's own
	 * address ({@code /admin/regions/import/{id}}).
	 */
	String value();
}
