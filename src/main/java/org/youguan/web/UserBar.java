package org.youguan.web;

import java.time.Duration;
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
import org.youguan.org.CurrentUser;

/**
 * The signed-in user's part of the layout's header as HTML (issue 12: the layout is processed on every page): the
 * notifications link with its badge, the language link, and the user menu's name, bureau and account links. It depends
 * only on the user's name and bureau (or enterprise), the badge's count, the language and the context path, so it is
 * rendered once per such combination from the template {@code web/userbar} and then reused, as {@link Menu} is. The
 * sign-out form is not part of it: it carries the request's CSRF token. Names are escaped when rendered, like any
 * template text.
 */
@Component
class UserBar {

	/**
	 * The header's pieces, each a run of whole elements.
	 *
	 * @param links the notifications link (with its badge) and the language link
	 * @param account the user menu's toggle: avatar letter, name, bureau or enterprise
	 * @param items the user menu's account links (password, API tokens) and the divider before sign-out
	 */
	public record Html(String links, String account, String items) {
	}

	/** What the rendered pieces depend on. */
	private record Key(long userId, String displayName, String bureauName, String enterprise, long notificationCount,
			Locale locale, String contextPath) {
	}

	private final ITemplateEngine templates;

	private final Cache<Key, Html> rendered = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterAccess(Duration.ofMinutes(30))
		.build();

	UserBar(ITemplateEngine templates) {
		this.templates = templates;
	}

	/**
	 * The header's pieces for a page.
	 *
	 * @param me the signed-in user
	 * @param notificationCount the badge's count
	 * @param locale the page's language
	 * @param request the request being answered (for the context path of the links)
	 * @param response its response
	 * @return the pieces
	 */
	Html html(CurrentUser me, long notificationCount, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		Key key = new Key(me.id(), me.displayName(), me.bureauName(), me.enterpriseCreditCode(), notificationCount,
				locale, request.getContextPath());
		return rendered.get(key, k -> {
			var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
				.buildExchange(request, response);
			var context = new WebContext(exchange, locale, Map.of("me", me, "notificationCount", notificationCount));
			return new Html(templates.process("web/userbar", Set.of("links"), context),
					templates.process("web/userbar", Set.of("account"), context),
					templates.process("web/userbar", Set.of("items"), context));
		});
	}
}
