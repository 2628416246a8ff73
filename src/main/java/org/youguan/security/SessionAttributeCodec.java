package org.youguan.security;

import java.util.Arrays;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;

/**
 * How the session store turns attributes into bytes and back: Java serialisation, as Spring Session's default, except
 * that a signed-in session's security context is deserialised once per stored form instead of on every request
 * (issue 12: 5–7 % of a page's CPU).
 *
 * <p>
 * The remembered contexts are keyed by the <em>whole stored bytes</em> of the attribute, so a hit gives exactly what
 * deserialising those bytes would give; a sign-in, a new session id or any change of the context writes other bytes,
 * and a session ended on sign-out, on a change of the account's access ({@link SessionTermination}) or by expiry is
 * deleted from the store, so its bytes are never read again. Each read gets <em>its own</em> {@link SecurityContext}
 * (copy on read): Spring Security empties the context of the request on sign-out ({@code setAuthentication(null)}),
 * and that must touch no other request's context. The authentication inside is shared between the requests of one
 * session, as a servlet container's in-memory session shares it: it is not changed after sign-in (credentials are
 * erased before it is stored; {@link org.youguan.org.CurrentUser} is immutable apart from that erasure). Other
 * attributes (saved requests, flash messages) are mutable and are deserialised on every read, as before.
 */
final class SessionAttributeCodec {

	/** At most this many bytes of stored contexts are kept (a signed-in context is 2–4 KB). */
	private static final long MAX_BYTES = 16L * 1024 * 1024;

	private final DeserializingConverter deserializer;

	private final Cache<Stored, SecurityContext> contexts = Caffeine.newBuilder()
		.maximumWeight(MAX_BYTES)
		.<Stored, SecurityContext>weigher((stored, context) -> stored.bytes.length)
		.build();

	/** @param classLoader the class loader the attributes' classes are loaded with */
	SessionAttributeCodec(ClassLoader classLoader) {
		this.deserializer = new DeserializingConverter(classLoader);
	}

	/** The conversion service for {@code JdbcIndexedSessionRepository.setConversionService}. */
	GenericConversionService conversionService() {
		GenericConversionService service = new GenericConversionService();
		service.addConverter(Object.class, byte[].class, new SerializingConverter());
		service.addConverter(byte[].class, Object.class, (Converter<byte[], Object>) this::read);
		return service;
	}

	/** The attribute stored as these bytes; a security context as a copy of the one remembered for them. */
	Object read(byte[] bytes) {
		Stored key = new Stored(bytes);
		SecurityContext remembered = contexts.getIfPresent(key);
		if (remembered != null) {
			return new SecurityContextImpl(remembered.getAuthentication());
		}
		Object value = deserializer.convert(bytes);
		if (value != null && value.getClass() == SecurityContextImpl.class) {
			SecurityContext context = (SecurityContext) value;
			// the caller's copy is not the remembered one: what it does to its copy stays with it
			contexts.put(new Stored(bytes.clone()), new SecurityContextImpl(context.getAuthentication()));
		}
		return value;
	}

	/** Stored bytes compared by content. */
	private static final class Stored {

		private final byte[] bytes;

		private final int hash;

		Stored(byte[] bytes) {
			this.bytes = bytes;
			this.hash = Arrays.hashCode(bytes);
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Stored s && s.hash == hash && Arrays.equals(s.bytes, bytes);
		}

		@Override
		public int hashCode() {
			return hash;
		}
	}
}
