package org.youguan.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;
import org.youguan.statistics.Analysis;

/**
 * The home pages' inbox cards as HTML, rendered from the fragments of the template {@code web/inbox} (issue 12: on
 * 工作台 the inbox's rows were most of the page's processed elements, rendered anew on every view although they are
 * remembered), and 工作台's statistics card ({@code web/statistics-card}). The home controller remembers the HTML in
 * {@link HomeCache} under the same key as the rows it shows (the user, language and context path, the day and the
 * newest audit event; the statistics card by its snapshot instead of the user), so a view inserts it as it is, as the
 * layout does with {@link Menu} and {@link UserBar}. Texts are escaped when rendered, like any template text; the cards
 * hold no form and nothing of the request but its context path.
 */
@Component
class InboxHtml {

	private final ITemplateEngine templates;

	private final MessageSource messages;

	/**
	 * The fragments' SpEL context (beans resolved as in a view the dispatcher renders), made once per rendering thread
	 * rather than per card: Thymeleaf sets each render's expression objects on it ({@code #messages}, {@code #locale}
	 * in the card's language), so one shared by concurrent renders would word a card in another's language.
	 */
	private final ThreadLocal<ThymeleafEvaluationContext> evaluation;

	InboxHtml(ITemplateEngine templates, MessageSource messages, ApplicationContext application) {
		this.templates = templates;
		this.messages = messages;
		this.evaluation = ThreadLocal.withInitial(() -> new ThymeleafEvaluationContext(application, null));
	}

	/**
	 * The card of some of the user's queues (fragment {@code queues}).
	 *
	 * @param queues the queues as shown
	 * @param id the card's element id
	 * @param titleCode the message code of the card's title
	 * @param emptyCode the message code of the text shown when there is no queue
	 * @param locale the page's language
	 * @param request the request being answered
	 * @param response its response
	 * @return the card's HTML
	 */
	String queues(List<InboxRows.Queue> queues, String id, String titleCode, String emptyCode, Locale locale,
			HttpServletRequest request, HttpServletResponse response) {
		return render("queues", Map.of("list", queues, "id", id, "title", messages.getMessage(titleCode, null, locale),
				"emptyText", messages.getMessage(emptyCode, null, locale)), locale, request, response);
	}

	/**
	 * The card of the user's latest changes, 已办 (fragment {@code done}).
	 *
	 * @param done the changes as shown
	 * @param locale the page's language
	 * @param request the request being answered
	 * @param response its response
	 * @return the card's HTML
	 */
	String done(List<InboxRows.Done> done, Locale locale, HttpServletRequest request, HttpServletResponse response) {
		return render("done", Map.of("list", done), locale, request, response);
	}

	/**
	 * The card of the latest audited changes in the user's scope, 最近动态 (fragment {@code recent}).
	 *
	 * @param recent the changes as shown
	 * @param locale the page's language
	 * @param request the request being answered
	 * @param response its response
	 * @return the card's HTML
	 */
	String recent(List<InboxRows.Recent> recent, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		return render("recent", Map.of("list", recent), locale, request, response);
	}

	/**
	 * 工作台's statistics card (template {@code web/statistics-card}): this year's 快递业务量 by month, its chart and the
	 * year to date. It shows nothing but the snapshot, in the page's language (issue 12: its 12-month trend was the
	 * dashboard's remaining iteration, rendered anew on every view of a snapshot that changes only with approvals).
	 *
	 * @param statistics the snapshot as {@code Analysis.snapshot} gives it
	 * @param locale the page's language
	 * @param request the request being answered
	 * @param response its response
	 * @return the card's HTML
	 */
	String statistics(Analysis.Snapshot statistics, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		return render("web/statistics-card", "card", Map.of("statistics", statistics), locale, request, response);
	}

	private String render(String fragment, Map<String, Object> variables, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		return render("web/inbox", fragment, variables, locale, request, response);
	}

	private String render(String template, String fragment, Map<String, Object> variables, Locale locale,
			HttpServletRequest request, HttpServletResponse response) {
		var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
			.buildExchange(request, response);
		var context = new WebContext(exchange, locale, variables);
		// the fragments word values as pages do (@labels …): beans resolve as in a view the dispatcher renders, and
		// word in the card's language (the context's locale and the thread's, set for this render), not the thread's
		ThymeleafEvaluationContext spel = evaluation.get();
		context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME, spel);
		LocaleContext before = LocaleContextHolder.getLocaleContext();
		LocaleContextHolder.setLocale(locale);
		try {
			return templates.process(template, Set.of(fragment), context);
		}
		finally {
			LocaleContextHolder.setLocaleContext(before);
			// the render's expression objects hold its request: not kept past it
			spel.setExpressionObjects(null);
		}
	}
}
