package org.youguan.security;

import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.util.Arrays;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ConfigurableObjectInputStream;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializationFailedException;
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
 *
 * <p>
 * Deserialisation reads only the classes a session holds ({@link #ALLOWED}, checked by an {@link ObjectInputFilter}
 * before any object of a class is made): the JDK's strings, numbers, dates and collections, Spring Security's context,
 * tokens, CSRF token, saved request and a refused sign-in's exception, Spring MVC's flash map, the signed-in {@link org.youguan.org.CurrentUser} and the
 * platform's records and enums (a flash message's {@code FieldError}s, {@code TokenFlashMaps} keeps flash values so);
 * anything else — a gadget class written into the session table — is refused unread, the attribute read as absent and
 * the refusal logged with the class's name. Depth, references and array lengths are bounded as well.
 */
final class SessionAttributeCodec {

	/** At most this many bytes of stored contexts are kept (a signed-in context is 2–4 KB). */
	private static final long MAX_BYTES = 16L * 1024 * 1024;

	private final DeserializingConverter deserializer;

	private final Cache<Stored, SecurityContext> contexts = Caffeine.newBuilder()
		.maximumWeight(MAX_BYTES)
		.<Stored, SecurityContext>weigher((stored, context) -> stored.bytes.length)
		.build();

	private static final Logger log = LoggerFactory.getLogger(SessionAttributeCodec.class);

	/** Classes of the JDK a session attribute may hold, by name (collections' serial forms included). */
	static final Set<String> ALLOWED = Set.of(
			// an Object[] of a collection's serial form (each element is checked in turn); no Object is serialisable
			"java.lang.Object", "java.lang.String", "java.lang.Boolean", "java.lang.Byte", "java.lang.Short",
			"java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double", "java.lang.Character",
			"java.lang.Number", "java.lang.Enum", "java.math.BigDecimal", "java.math.BigInteger", "java.util.ArrayList",
			"java.util.LinkedList", "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.HashSet",
			"java.util.LinkedHashSet", "java.util.TreeSet", "java.util.EnumSet$SerializationProxy", "java.util.Locale",
			"java.util.Date", "java.util.UUID", "java.util.Map$Entry",
			// a refused sign-in's AuthenticationException (Spring Security keeps it for the sign-in page): its JDK
			// superclasses and stack trace
			"java.lang.Throwable", "java.lang.Exception", "java.lang.RuntimeException", "java.lang.StackTraceElement",
			// Spring MVC's session flash maps are kept in one
			"java.util.concurrent.CopyOnWriteArrayList", "java.util.CollSer", "java.util.Arrays$ArrayList", "java.time.Ser",
			"org.springframework.web.servlet.FlashMap", "org.springframework.util.LinkedMultiValueMap",
			"org.springframework.util.LinkedCaseInsensitiveMap", "org.springframework.util.MultiValueMapAdapter");

	/** Packages whose classes a session attribute may hold: Spring Security's own serialisable types. */
	private static final String SECURITY = "org.springframework.security.";

	/** The platform's package: its records and enums (value types), and the signed-in user. */
	private static final String PLATFORM = "org.youguan.";

	/** The filter every stored attribute is read through. */
	static final ObjectInputFilter FILTER = info -> {
		if (info.depth() > 20 || info.references() > 100_000 || info.arrayLength() > 100_000) {
			return ObjectInputFilter.Status.REJECTED;
		}
		Class<?> type = info.serialClass();
		if (type == null) {
			return ObjectInputFilter.Status.UNDECIDED;
		}
		while (type.isArray()) {
			type = type.getComponentType();
		}
		if (allowed(type)) {
			return ObjectInputFilter.Status.ALLOWED;
		}
		log.warn("A stored session attribute holds a {}, which no session holds: not read", type.getName());
		return ObjectInputFilter.Status.REJECTED;
	};

	/** Whether a session attribute may hold an object of {@code type} ({@link #ALLOWED} and the packages above). */
	static boolean allowed(Class<?> type) {
		String name = type.getName();
		if (type.isPrimitive() || ALLOWED.contains(name)) {
			return true;
		}
		// the unmodifiable and immutable collections' own classes (Collections.unmodifiableList, List.of)
		if (name.startsWith("java.util.Collections$") || name.startsWith("java.util.ImmutableCollections$")) {
			return true;
		}
		// dates and times (an Instant of a sign-in's time, stored through its serial form java.time.Ser)
		if (name.startsWith("java.time.") && !name.substring("java.time.".length()).contains(".")) {
			return true;
		}
		if (name.startsWith(SECURITY)) {
			return true;
		}
		return name.startsWith(PLATFORM)
				&& (type.isRecord() || type.isEnum() || name.equals("org.youguan.org.CurrentUser"));
	}

	/** @param classLoader the class loader the attributes' classes are loaded with */
	SessionAttributeCodec(ClassLoader classLoader) {
		this.deserializer = new DeserializingConverter(in -> {
			ObjectInputStream objects = new ConfigurableObjectInputStream(in, classLoader);
			objects.setObjectInputFilter(FILTER);
			try {
				return objects.readObject();
			}
			catch (ClassNotFoundException ex) {
				throw new java.io.IOException(ex);
			}
		});
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
		Object value;
		try {
			value = deserializer.convert(bytes);
		}
		catch (SerializationFailedException ex) {
			if (refused(ex)) {
				// a class no session holds: never made; the attribute is absent (a signed-out or flash-less session)
				return null;
			}
			throw ex;
		}
		if (value != null && value.getClass() == SecurityContextImpl.class) {
			SecurityContext context = (SecurityContext) value;
			// the caller's copy is not the remembered one: what it does to its copy stays with it
			contexts.put(new Stored(bytes.clone()), new SecurityContextImpl(context.getAuthentication()));
		}
		return value;
	}

	/** Whether the reading failed for a class the filter refused. */
	private static boolean refused(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof InvalidClassException invalid && String.valueOf(invalid.getMessage()).contains("REJECTED")) {
				return true;
			}
		}
		return false;
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
