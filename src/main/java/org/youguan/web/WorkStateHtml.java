package org.youguan.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.unbescape.html.HtmlEscape;
import org.youguan.kernel.WorkState;

/**
 * The 待办 / 已办结 / 全部 switch of a queue page ({@code fragments :: workState(state)}) as HTML (issue 12: after the
 * staff complaint queue's rows and options, its {@code th:each} of three links with four expressions each was one of the
 * page's remaining template iterations). Writes what the fragment's template wrote: each link keeping the list's
 * search and shared filters ({@link ListUrls#state}), texts and links escaped as {@code th:text} and {@code th:href}
 * escape them, the shown state's link marked active and {@code aria-current}. Labels in the request's language (the
 * locale Spring MVC resolved for the request, as {@code #{…}} reads it).
 */
@Component
public class WorkStateHtml {

	private static final ListUrls LINKS = new ListUrls();

	private final MessageSource messages;

	WorkStateHtml(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * The switch for the shown state.
	 *
	 * @param state the state the page shows (a {@link WorkState}; null: none is marked)
	 * @return the switch's markup
	 */
	public String html(WorkState state) {
		Locale locale = LocaleContextHolder.getLocale();
		StringBuilder out = new StringBuilder(640);
		out.append("<div class=\"btn-group\" role=\"group\" id=\"work-state\" aria-label=\"")
			.append(escape(messages.getMessage("workstate.label", null, locale)))
			.append("\">");
		for (WorkState s : WorkState.values()) {
			boolean shown = s == state;
			out.append("\n  <a class=\"btn btn-sm ")
				.append(shown ? "btn-primary active" : "btn-outline-primary")
				.append("\" id=\"work-state-")
				.append(s.name())
				.append("\" href=\"")
				.append(escape(LINKS.state(s.name())))
				.append('"');
			if (shown) {
				out.append(" aria-current=\"true\"");
			}
			out.append('>').append(escape(messages.getMessage("workstate." + s.name(), null, locale))).append("</a>");
		}
		return out.append("\n</div>").toString();
	}

	private static String escape(String text) {
		return HtmlEscape.escapeHtml4Xml(text);
	}
}
