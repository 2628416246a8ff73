package org.youguan.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
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
			if (!BearerToken.sent(request)) {
				sessions.saveOutputFlashMap(flashMap, request, response);
			}
		}
	}
}
