package org.youguan.audit;

import java.io.IOException;
import java.util.function.LongSupplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The newest audit event id read once per HTTP request (issue 12): a remembered page, its notification count and the
 * other {@link AuditedMemory} values of one view used to read it each — two statements apiece. {@link AuditTrail}
 * reads the head at the first call within a request and answers the same id to the calls after it, until the request
 * itself records an event ({@link #forget()}: the next call reads afresh).
 *
 * <p>
 * An id read earlier in the request is never too new for a value computed later in it: a change committed meanwhile by
 * someone else moved the head, so the next request reads a newer id and misses the value; only the request's own
 * events could make the remembered id lag its own reads, and they make it read afresh. A {@code -1} (another writer
 * open) stays {@code -1} for the rest of the request: nothing it reads is remembered, as before.
 *
 * <p>
 * Only requests that pass this filter remember the head; any other caller (a scheduled job, a test calling a service
 * directly, a thread of its own) reads it on every call, as before.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RequestHead extends OncePerRequestFilter {

	/** Request attribute holding the {@link Head} of the request. */
	static final String ATTRIBUTE = RequestHead.class.getName();

	/** Not read yet (ids are 0 or more, {@code -1} is the open-writer answer). */
	private static final long UNREAD = Long.MIN_VALUE;

	/** The head of one request: read at most once until the request records an event. */
	static final class Head {

		private long id = UNREAD;

		long get(LongSupplier read) {
			if (id == UNREAD) {
				id = read.getAsLong();
			}
			return id;
		}

		void forget() {
			id = UNREAD;
		}
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		request.setAttribute(ATTRIBUTE, new Head());
		try {
			chain.doFilter(request, response);
		}
		finally {
			request.removeAttribute(ATTRIBUTE);
		}
	}

	/** The head of the request the current thread serves; {@code null} outside a request that passed this filter. */
	static Head current() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return attributes != null && attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Head head
				? head : null;
	}

	/** The current request recorded an event: its next head is read afresh. */
	static void forget() {
		Head head = current();
		if (head != null) {
			head.forget();
		}
	}
}
