package org.youguan.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.support.SessionFlashMapManager;
import org.youguan.kernel.BearerToken;

/**
 * A caller with an API token keeps no session: the flash maps of its requests — a page step's message, the errors of
 * a refused form — are neither saved nor read, so a page step run with a token (allowed: provisioning opens accounts
 * with a token) creates no session row and sets no session cookie (attack f8 item 10: {@code POST
 * /admin/users/3/disable} with a token answered 302 and created a session). The step's outcome stays in the request (a
 * test reads it there); the caller is answered by the status and, refused, the problem ({@code kernel.PageSteps}).
 * Wraps the application's one {@link FlashMapManager} (Spring Boot's session-backed one) rather than replacing its bean.
 */
@Component
class TokenFlashMaps implements BeanPostProcessor {

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		return bean instanceof FlashMapManager manager && !(bean instanceof Sessionless) ? new Sessionless(manager) : bean;
	}

	/**
	 * Refuses a flash attribute that is no simple value, before it reaches the session: a flash map is stored in the
	 * session (Java serialisation, read back only for the classes {@code security.SessionAttributeCodec} allows), so it
	 * holds what a page shows after a redirect and nothing else — text, numbers, true/false, dates, enums, lists, sets
	 * and maps of them, and records made of them (a refusal's {@code FieldError}s, an audit check's result).
	 * @throws IllegalStateException naming the attribute and its class for any other value (a programming error)
	 */
	static void requireSimple(String name, Object value) {
		if (!simple(value, 0)) {
			throw new IllegalStateException("The flash attribute " + name + " holds a "
					+ value.getClass().getName() + ": a flash attribute holds text, numbers and records of them only");
		}
	}

	/** Whether {@code value} is a simple value as {@link #requireSimple} says, looked into at most 8 levels deep. */
	private static boolean simple(Object value, int depth) {
		if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
				|| value instanceof Character || value instanceof Enum<?> || value instanceof java.time.temporal.Temporal) {
			return !(value instanceof Number) || value.getClass().getName().startsWith("java.");
		}
		if (depth >= 8) {
			return false;
		}
		if (value instanceof java.util.Collection<?> items) {
			return items.stream().allMatch(item -> simple(item, depth + 1));
		}
		if (value instanceof java.util.Map<?, ?> map) {
			return map.entrySet().stream().allMatch(e -> simple(e.getKey(), depth + 1) && simple(e.getValue(), depth + 1));
		}
		if (value.getClass().isRecord() && value instanceof java.io.Serializable) {
			for (java.lang.reflect.RecordComponent c : value.getClass().getRecordComponents()) {
				org.springframework.util.ReflectionUtils.makeAccessible(c.getAccessor());
				if (!simple(org.springframework.util.ReflectionUtils.invokeMethod(c.getAccessor(), value), depth + 1)) {
					return false;
				}
			}
			return true;
		}
		return false;
	}

	/** The session-backed manager for session callers; nothing for token callers. */
	static final class Sessionless implements FlashMapManager {

		private final FlashMapManager sessions;

		Sessionless(FlashMapManager sessions) {
			this.sessions = sessions;
		}

		@Override
		public FlashMap retrieveAndUpdate(HttpServletRequest request, HttpServletResponse response) {
			return BearerToken.sent(request) ? null : sessions.retrieveAndUpdate(request, response);
		}

		@Override
		public void saveOutputFlashMap(FlashMap flashMap, HttpServletRequest request, HttpServletResponse response) {
			flashMap.forEach(TokenFlashMaps::requireSimple);
			if (!BearerToken.sent(request)) {
				sessions.saveOutputFlashMap(flashMap, request, response);
				prune(request, flashMap);
			}
		}
	}

	/** Where Spring's session-backed manager keeps a session's flash maps. */
	static final String FLASH_MAPS = SessionFlashMapManager.class.getName() + ".FLASH_MAPS";

	/** The most flash maps a session holds: the newest, one per redirect not followed yet. */
	static final int MAX_FLASH_MAPS = 8;

	/** The flash attributes that carry a one-time secret (a temporary password, a new API token, a query code). */
	static final Set<String> SECRETS = Set.of("secret", "newToken");

	/** How long a one-time secret waits in the session for its page, in seconds. */
	static final int SECRET_SECONDS = 60;

	/**
	 * Keeps a session's flash maps few and short-lived once {@code saved} joined them: the expired ones dropped, a map
	 * carrying a one-time secret ({@link #SECRETS}) expiring after {@link #SECRET_SECONDS} and replacing any earlier
	 * one (never shown, it is void: one secret waits at a time), and at most {@link #MAX_FLASH_MAPS}, the newest. A map
	 * is removed from the session when its page is shown (Spring's manager); one whose redirect was not followed no
	 * longer piles up (attack E1: temporary passwords and tokens of unfollowed redirects stayed for minutes, refused
	 * forms' values grew the session to 28 MB).
	 */
	static void prune(HttpServletRequest request, FlashMap saved) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(FLASH_MAPS) instanceof List<?> all)) {
			return;
		}
		boolean secret = saved.keySet().stream().anyMatch(SECRETS::contains);
		if (secret) {
			saved.startExpirationPeriod(SECRET_SECONDS);
		}
		List<FlashMap> kept = new ArrayList<>();
		for (Object o : all) {
			if (o instanceof FlashMap m && !m.isExpired()
					&& (m == saved || !secret || m.keySet().stream().noneMatch(SECRETS::contains))) {
				kept.add(m);
			}
		}
		List<FlashMap> newest = new ArrayList<>(kept.subList(Math.max(0, kept.size() - MAX_FLASH_MAPS), kept.size()));
		if (newest.size() != all.size() || secret) {
			session.setAttribute(FLASH_MAPS, newest.isEmpty() ? null : newest);
		}
	}
}
