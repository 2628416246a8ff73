package org.youguan.web;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The step's own rules for a JSON body that could not be bound, so an API refusal names every bad field at once: the
 * fields Jackson could not read (a malformed date) and those the step's service refuses (a required field left out),
 * not the first kind alone and the second after the first was corrected. The body is bound again without the fields
 * that could not be read and the handler run on it — inside a read-only transaction that is always rolled back, no new
 * transaction allowed while it runs ({@link #beforeBegin}), its answer discarded — so nothing is saved; the service's
 * refusal of its fields ({@link InvalidValueException}) is what is kept. Anything else it meets — a refusal of access
 * or a record not there (decided before the body was read by {@link StepAccessFirst}; inside the step it is told once
 * the body can be read), a state conflict, a write refused by the read-only transaction — adds nothing: the answer
 * stays the 400 of the body's fields.
 */
@Component
class StepRulesProbe implements TransactionExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(StepRulesProbe.class);

	/** Set while a probe runs on this thread: no transaction of its own may begin inside it. */
	private static final ThreadLocal<Boolean> PROBING = new ThreadLocal<>();

	private final ObjectProvider<RequestMappingHandlerAdapter> adapters;

	private final ObjectProvider<PlatformTransactionManager> transactions;

	StepRulesProbe(@Qualifier("requestMappingHandlerAdapter") ObjectProvider<RequestMappingHandlerAdapter> adapters,
			ObjectProvider<PlatformTransactionManager> transactions) {
		this.adapters = adapters;
		this.transactions = transactions;
	}

	/**
	 * The errors the step's rules find in the request's JSON body once the fields that could not be bound are left out.
	 * @param unbound the JSON paths of the fields that could not be bound ({@code postedOn}, {@code priorComplaint.date});
	 *        their top-level fields are left out, and no error on them is returned
	 * @return the step's field errors on the other fields, in its order; empty when the handler takes no JSON object,
	 *         the step refuses nothing of its fields, refuses something else, or cannot be asked
	 */
	List<FieldError> otherErrors(HttpServletRequest request, Collection<String> unbound) {
		if (PROBING.get() != null
				|| !(request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler)
				|| !takesJsonRecord(handler) || !(JsonBodyReplay.object(request) instanceof ObjectNode body)) {
			return List.of();
		}
		RequestMappingHandlerAdapter adapter = adapters.getIfAvailable();
		PlatformTransactionManager manager = transactions.getIfAvailable();
		if (adapter == null || manager == null) {
			return List.of();
		}
		Set<String> left = new java.util.HashSet<>();
		unbound.forEach(path -> left.add(top(path)));
		ObjectNode rest = body.deepCopy();
		left.forEach(rest::remove);
		byte[] bytes = rest.toString().getBytes(StandardCharsets.UTF_8);
		TransactionTemplate once = new TransactionTemplate(manager);
		once.setReadOnly(true);
		once.setName(StepRulesProbe.class.getName());
		Throwable refused;
		PROBING.set(Boolean.TRUE);
		try {
			once.executeWithoutResult(status -> {
				status.setRollbackOnly();
				try {
					adapter.handle(new Resent(request, bytes), new Discarded(), handler.createWithResolvedBean());
				}
				catch (RuntimeException ex) {
					throw ex;
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
			return List.of();
		}
		catch (RuntimeException ex) {
			refused = ex;
		}
		finally {
			PROBING.remove();
		}
		if (refused instanceof InvalidValueException invalid && invalid.code().status() == HttpStatus.BAD_REQUEST.value()) {
			List<FieldError> errors = new ArrayList<>();
			for (FieldError e : invalid.fieldErrors()) {
				if (e.field() != null && !left.contains(top(e.field())) && !"body".equals(e.field())) {
					errors.add(e);
				}
			}
			return errors;
		}
		log.debug("The step's rules of {} added nothing to a body that could not be bound: {}",
				ErrorHandling.instance(request), String.valueOf(refused));
		return List.of();
	}

	/** No transaction of its own begins inside a probe (one that would commit what the probe's rolls back). */
	@Override
	public void beforeBegin(TransactionExecution transaction) {
		if (PROBING.get() != null && TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalTransactionStateException("no transaction of its own while a step's rules are probed");
		}
	}

	/** The top-level field of a JSON path ({@code priorComplaint} of {@code priorComplaint.date}). */
	private static String top(String path) {
		return path.split("[.\\[·]", 2)[0];
	}

	private static boolean takesJsonRecord(HandlerMethod handler) {
		for (var parameter : handler.getMethodParameters()) {
			if (parameter.hasParameterAnnotation(RequestBody.class)) {
				return parameter.getParameterType().isRecord();
			}
		}
		return false;
	}

	/** The request with another body: the same JSON, the fields that could not be bound left out. */
	private static final class Resent extends HttpServletRequestWrapper {

		private final byte[] body;

		Resent(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			return new JsonBodyReplay.Replayed(body);
		}

		@Override
		public BufferedReader getReader() {
			return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}

		@Override
		public String getCharacterEncoding() {
			return StandardCharsets.UTF_8.name();
		}

		@Override
		public String getHeader(String name) {
			return HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name) ? String.valueOf(body.length) : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)
					? Collections.enumeration(List.of(String.valueOf(body.length))) : super.getHeaders(name);
		}
	}

	/** An answer nobody receives: the probe's handler writes nothing to the client. */
	private static final class Discarded extends HttpServletResponseWrapper {

		private static final HttpServletResponse NONE = (HttpServletResponse) java.lang.reflect.Proxy.newProxyInstance(
				StepRulesProbe.class.getClassLoader(), new Class<?>[] { HttpServletResponse.class },
				(proxy, method, args) -> {
					Class<?> type = method.getReturnType();
					if (type == boolean.class) {
						return false;
					}
					if (type == int.class) {
						return 200;
					}
					if (type == long.class) {
						return 0L;
					}
					if (type == Collection.class) {
						return List.of();
					}
					return null;
				});

		private final ServletOutputStream out = new ServletOutputStream() {

			@Override
			public void write(int b) {
			}

			@Override
			public boolean isReady() {
				return true;
			}

			@Override
			public void setWriteListener(WriteListener listener) {
			}
		};

		Discarded() {
			super(NONE);
		}

		@Override
		public ServletOutputStream getOutputStream() {
			return out;
		}

		@Override
		public PrintWriter getWriter() {
			return new PrintWriter(OutputStream.nullOutputStream());
		}
	}
}
