package org.youguan.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The navigation bar of the signed-in layout as HTML. It depends only on the sections the user may open (their roles),
 * the language, the active section and the context path, so it is rendered once per such combination from the
 * template {@code web/menu} and then reused — some fifty links and labels that every page would otherwise render
 * again. Labels are escaped when rendered, like any template text.
 */
@Component
class Menu {

	/** What the rendered bar depends on. */
	private record Key(List<Navigation.Section> sections, Locale locale, String active, String contextPath) {
	}

	private final ITemplateEngine templates;

	private final Cache<Key, String> rendered = Caffeine.newBuilder().maximumSize(1_000).build();

	Menu(ITemplateEngine templates) {
		this.templates = templates;
	}

	/**
	 * The bar for a page.
	 *
	 * @param sections the sections the user may open ({@link Navigation#visibleTo})
	 * @param active the key of the section holding the current page, {@code "/"} for the dashboard, or null
	 * @param locale the page's language
	 * @param request the request being answered (for the context path of the links)
	 * @param response its response
	 * @return the bar's HTML, a {@code <ul class="navbar-nav">}
	 */
	String html(List<Navigation.Section> sections, String active, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		Key key = new Key(sections, locale, active == null ? "" : active, request.getContextPath());
		return rendered.get(key, k -> {
			var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
				.buildExchange(request, response);
			var context = new WebContext(exchange, locale, Map.of("navigation", sections, "active", k.active()));
			return templates.process("web/menu", Set.of("menu"), context);
		});
	}
}
