package org.youguan.kernel;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.unbescape.html.HtmlEscape;

/**
 * The options of a filter form's {@code <select>} as HTML (issue 12: on the staff complaint queue page the status and
 * category options, one {@code th:each} with a {@code th:selected} expression each, were the template's remaining
 * iterations once the rows were written in Java; the public lookup's county and brand pickers are the same). Writes
 * what the template wrote for {@code <option th:each="v : ${values}" th:value="${v}" th:text="${label}"
 * th:selected="${param.name != null and v == param.name.toString()}">}: values and labels escaped as {@code th:value}
 * and {@code th:text} escape them, {@code selected="selected"} on the option whose value is the request parameter as
 * Thymeleaf's {@code param.name.toString()} gives it (the value when there is one, {@code [a, b]} when the parameter
 * is repeated, so that none is selected then).
 */
public final class OptionsHtml {

	private OptionsHtml() {
	}

	/**
	 * The options of {@code values}, one line each.
	 *
	 * @param values the options in order
	 * @param value an option's value (its {@code toString} for an enum, as {@code th:value="${v}"} writes it)
	 * @param label an option's text
	 * @param parameter the values of the request parameter that selects the option of the same value
	 *        ({@code request.getParameterValues(name)}; null when absent)
	 * @param <T> the options' type
	 * @return the options' markup
	 */
	public static <T> String html(List<T> values, Function<T, String> value, Function<T, String> label,
			String[] parameter) {
		String selected = asThymeleafWrites(parameter);
		StringBuilder out = new StringBuilder(values.size() * 48);
		for (T v : values) {
			String text = value.apply(v);
			out.append("\n          <option value=\"").append(escape(text)).append('"');
			if (text.equals(selected)) {
				out.append(" selected=\"selected\"");
			}
			out.append('>').append(escape(label.apply(v))).append("</option>");
		}
		return out.toString();
	}

	/** A request parameter as {@code param.name.toString()} gives it in a template; null when absent. */
	static String asThymeleafWrites(String[] values) {
		if (values == null) {
			return null;
		}
		return values.length == 0 ? "" : values.length == 1 ? values[0] : Arrays.asList(values).toString();
	}

	private static String escape(String text) {
		return text == null ? "" : HtmlEscape.escapeHtml4Xml(text);
	}
}
