package org.youguan.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.TimeZone;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The request's language by one rule for every answer — a page, an export, and an error page alike (a CSRF refusal,
 * a 404, a refusal of the request's values, answered on Tomcat's error dispatch or by an exception handler before any
 * interceptor ran): the {@code lang} parameter of the request's query as sent ({@code ?lang=en}) when it names a
 * language, else the language cookie ({@code youguan-lang}, set by the {@code ?lang=} switch), else Chinese. The
 * switch itself ({@code LocaleChangeInterceptor}) still sets the cookie on a page that reaches its handler; this
 * resolver makes the parameter count where no handler is reached, so an error page no longer needs the cookie first.
 */
final class LanguageResolver extends CookieLocaleResolver {

	/** The query parameter of the language switch. */
	static final String PARAMETER = "lang";

	LanguageResolver() {
		super("youguan-lang");
		setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
		setCookieMaxAge(Duration.ofDays(365));
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		Locale asked = asked(request);
		return asked != null ? asked : super.resolveLocale(request);
	}

	@Override
	public LocaleContext resolveLocaleContext(HttpServletRequest request) {
		LocaleContext cookie = super.resolveLocaleContext(request);
		return new TimeZoneAwareLocaleContext() {

			@Override
			public Locale getLocale() {
				Locale asked = asked(request);
				return asked != null ? asked : cookie.getLocale();
			}

			@Override
			public TimeZone getTimeZone() {
				return cookie instanceof TimeZoneAwareLocaleContext zoned ? zoned.getTimeZone() : null;
			}
		};
	}

	/**
	 * Saves the language the request's query asks for ({@code ?lang=en}) in the language cookie, as the switch does on
	 * a page its handler answers — for an answer a filter gives before any handler runs (a page of the other portal
	 * refused, 403), so the switch holds there as it does on a 404. Nothing when the query names no language or the
	 * answer has begun.
	 */
	static void remember(HttpServletRequest request, HttpServletResponse response) {
		Locale asked = asked(request);
		if (asked != null && !response.isCommitted()) {
			new LanguageResolver().setLocale(request, response, asked);
		}
	}

	/**
	 * The language the request's query asks for: on an error dispatch the query of the request refused (its own query
	 * is the error page's), otherwise its own. Read from the query string, never from the parameters, which the error
	 * page of a refused request withholds and a body Tomcat failed to parse would fail again.
	 * @return the locale named, or null when the query names none (or one that is no locale)
	 */
	static Locale asked(HttpServletRequest request) {
		Object refused = request.getDispatcherType() == DispatcherType.ERROR
				? request.getAttribute(RequestDispatcher.ERROR_QUERY_STRING) : null;
		return asked(refused instanceof String query ? query : request.getQueryString());
	}

	/**
	 * The language a query string asks for with its {@code lang} parameter ({@code lang=en}, {@code lang=zh-CN}).
	 * @param query a query string without its {@code ?}, or null
	 * @return the first {@code lang} naming a locale, or null
	 */
	static Locale asked(String query) {
		if (query == null) {
			return null;
		}
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0 && PARAMETER.equals(pair.substring(0, equals))) {
				try {
					Locale locale = StringUtils.parseLocale(URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
					if (locale != null && !locale.getLanguage().isEmpty()) {
						return locale;
					}
				}
				catch (IllegalArgumentException ex) {
					// not a locale: as the switch, which ignores it
				}
			}
		}
		return null;
	}
}
