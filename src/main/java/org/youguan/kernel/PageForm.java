package org.youguan.kernel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the form a page's POST handler runs, on a page of several forms that share field names (a case's steps, an
 * enterprise's post-office forms): the form's element id on that page. Whenever the form is refused — by the step's
 * own rules inside the handler ({@link FormSteps}), or before the handler runs because its values cannot be bound
 * (the web shell re-shows the page in 400) — the page is rendered again with this id as {@code refusedForm}, so that
 * form alone reads the typed values back ({@code th:with="typed=${refusedForm == 'x-form'}"}) and has its fields
 * marked. Declared on the handler rather than set in its code, so a refusal that never reaches the code knows it too.
 *
 * <p>{@code {name}} in the id stands for the value of the address's variable {@code name}
 * ({@code @PageForm("override-{code}")} on {@code /admin/rules/{code}}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PageForm {

	/** The form's element id on its page, {@code {name}} standing for the address's variable {@code name}. */
	String value();
}
