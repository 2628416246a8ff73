package org.youguan.kernel;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.RowMapper;

/**
 * The one row mapper of the project: maps a row to a record (or a single column to a scalar) from the values the
 * PostgreSQL driver returns natively ({@code ResultSet.getObject(int)}) and converts them itself — enums from their
 * name, {@code timestamptz} to {@link Instant} or {@link OffsetDateTime} (UTC), {@code date} to {@link LocalDate},
 * numbers to the component's numeric type, SQL arrays to lists, sets or arrays, {@code jsonb} to text.
 *
 * <p>Why: Spring's {@code DataClassRowMapper} (what {@code JdbcClient.query(View.class)} uses) asks the driver for
 * {@code getObject(i, Enum.class)} or {@code getObject(i, Instant.class)}; the driver throws and Spring falls back — one
 * exception with a deep stack per cell, measured at 10–30× the cost of a list request (issue 12). This mapper never
 * asks the driver for a type it does not support.
 *
 * <p>Columns are matched to record components by name, ignoring case and underscores ({@code region_code} →
 * {@code regionCode}); a component without a column gets null (0 or false for primitives). Use a mapper for one query at
 * a time ({@code jdbc.sql(…).query(Rows.of(View.class)).list()}).
 */
public final class Rows {

	private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

	private static final DefaultConversionService CONVERSIONS = new DefaultConversionService();

	private static final Set<Class<?>> SCALARS = Set.of(String.class, Long.class, Integer.class, Short.class,
			Boolean.class, BigDecimal.class, BigInteger.class, Double.class, Float.class, LocalDate.class,
			LocalDateTime.class, Instant.class, OffsetDateTime.class, long.class, int.class, boolean.class,
			double.class);

	/** Database types whose text {@code getString} returns as it is stored (jsonb as its JSON text). */
	private static final Set<String> TEXT_TYPES = Set.of("text", "varchar", "bpchar", "name", "json", "jsonb", "uuid",
			"citext");

	private Rows() {
	}

	/**
	 * A mapper for one query: a record type maps every column by name, a scalar type (String, numbers, dates, enums)
	 * maps the first column.
	 * @throws IllegalArgumentException when the type is neither a record nor a supported scalar
	 */
	public static <T> RowMapper<T> of(Class<T> type) {
		if (SCALARS.contains(type) || type.isEnum()) {
			return (rs, row) -> type.cast(boxed(convert(rs.getObject(1), type, type), type));
		}
		if (!type.isRecord()) {
			throw new IllegalArgumentException(type + " is not a record: map it with an explicit RowMapper");
		}
		Shape shape = SHAPES.computeIfAbsent(type, Shape::of);
		return new RecordMapper<>(type, shape);
	}

	/** Converts one value the driver returned natively into the requested type, without asking the driver again. */
	static Object convert(Object raw, Class<?> target, Type generic) throws SQLException {
		if (raw == null) {
			return target.isPrimitive() ? primitiveDefault(target) : null;
		}
		Class<?> boxed = box(target);
		if (boxed.isInstance(raw) && !(raw instanceof java.sql.Array)) {
			return raw;
		}
		if (target.isEnum()) {
			return enumValue(target, raw.toString());
		}
		if (raw instanceof Timestamp ts) {
			if (target == Instant.class) {
				return ts.toInstant();
			}
			if (target == OffsetDateTime.class) {
				return ts.toInstant().atOffset(ZoneOffset.UTC);
			}
			if (target == LocalDateTime.class) {
				return ts.toLocalDateTime();
			}
			if (target == LocalDate.class) {
				return ts.toLocalDateTime().toLocalDate();
			}
		}
		if (raw instanceof Date d && target == LocalDate.class) {
			return d.toLocalDate();
		}
		if (raw instanceof OffsetDateTime odt && target == Instant.class) {
			return odt.toInstant();
		}
		if (raw instanceof Number n) {
			if (boxed == Long.class) {
				return n.longValue();
			}
			if (boxed == Integer.class) {
				return n.intValue();
			}
			if (boxed == Double.class) {
				return n.doubleValue();
			}
			if (boxed == BigDecimal.class) {
				return n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
			}
		}
		if (raw instanceof java.sql.Array array) {
			return fromArray(array.getArray(), target, generic);
		}
		if (target == String.class) {
			return raw instanceof org.postgresql.util.PGobject pg ? pg.getValue() : raw.toString();
		}
		return CONVERSIONS.convert(raw, boxed);
	}

	private static Object fromArray(Object values, Class<?> target, Type generic) throws SQLException {
		int length = Array.getLength(values);
		if (target.isArray()) {
			Object out = Array.newInstance(target.getComponentType(), length);
			for (int i = 0; i < length; i++) {
				Array.set(out, i, convert(Array.get(values, i), target.getComponentType(), target.getComponentType()));
			}
			return out;
		}
		Class<?> element = generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c
				? c : Object.class;
		Collection<Object> out = element.isEnum() && Set.class.isAssignableFrom(target)
				? rawEnumSet(element) : Set.class.isAssignableFrom(target) ? new LinkedHashSet<>() : new ArrayList<>();
		for (int i = 0; i < length; i++) {
			out.add(element == Object.class ? Array.get(values, i) : convert(Array.get(values, i), element, element));
		}
		return out;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Collection<Object> rawEnumSet(Class<?> element) {
		return (Collection) EnumSet.noneOf((Class<Enum>) element);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Object enumValue(Class<?> type, String name) {
		return Enum.valueOf((Class<Enum>) type, name);
	}

	private static Object boxed(Object value, Class<?> target) {
		return value;
	}

	private static Class<?> box(Class<?> type) {
		if (!type.isPrimitive()) {
			return type;
		}
		return type == long.class ? Long.class : type == int.class ? Integer.class : type == boolean.class
				? Boolean.class : type == double.class ? Double.class : type == short.class ? Short.class
						: type == float.class ? Float.class : type == byte.class ? Byte.class : Character.class;
	}

	private static Object primitiveDefault(Class<?> type) {
		// one value per statement: a chain of ?: would promote every number to double (0L and 0 became 0.0)
		Object zero = '\0';
		if (type == boolean.class) {
			zero = Boolean.FALSE;
		}
		else if (type == long.class) {
			zero = 0L;
		}
		else if (type == int.class) {
			zero = 0;
		}
		else if (type == double.class) {
			zero = 0d;
		}
		else if (type == short.class) {
			zero = (short) 0;
		}
		else if (type == float.class) {
			zero = 0f;
		}
		else if (type == byte.class) {
			zero = (byte) 0;
		}
		return zero;
	}

	static String normalise(String name) {
		return name.replace("_", "").toLowerCase(Locale.ROOT);
	}

	/** A record's canonical constructor and its components, found once per type. */
	private record Shape(Constructor<?> constructor, Class<?>[] types, Type[] generics, List<String> keys) {

		static Shape of(Class<?> type) {
			RecordComponent[] components = type.getRecordComponents();
			Class<?>[] types = new Class<?>[components.length];
			Type[] generics = new Type[components.length];
			List<String> keys = new ArrayList<>();
			for (int i = 0; i < components.length; i++) {
				types[i] = components[i].getType();
				generics[i] = components[i].getGenericType();
				keys.add(normalise(components[i].getName()));
			}
			try {
				Constructor<?> constructor = type.getDeclaredConstructor(types);
				constructor.setAccessible(true);
				return new Shape(constructor, types, generics, keys);
			}
			catch (NoSuchMethodException ex) {
				throw new IllegalStateException(type + " has no canonical constructor", ex);
			}
		}
	}

	/** Reads one column of the current row as a component's type. */
	@FunctionalInterface
	private interface Reader {

		Object read(ResultSet rs) throws SQLException;
	}

	/**
	 * The reader for one column and component, chosen once per result set from the column's database type: the
	 * driver's typed getters where they map directly (text, integers, booleans, numerics, {@code date} →
	 * {@link LocalDate}, {@code timestamptz} → {@link OffsetDateTime}), without the {@code java.sql.Timestamp} and
	 * calendar detour of {@code getObject(int)}; anything else through {@link #convert}.
	 */
	private static Reader reader(int col, String dbType, Class<?> target, Type generic) {
		if (col == 0) {
			Object absent = target.isPrimitive() ? primitiveDefault(target) : null;
			return rs -> absent;
		}
		boolean array = dbType.startsWith("_");
		Class<?> boxed = box(target);
		if (boxed == String.class && TEXT_TYPES.contains(dbType)) {
			return rs -> rs.getString(col);
		}
		if (!array && target.isEnum()) {
			Map<String, Object> constants = new HashMap<>();
			for (Object constant : target.getEnumConstants()) {
				constants.put(((Enum<?>) constant).name(), constant);
			}
			return rs -> {
				String name = rs.getString(col);
				if (name == null) {
					return null;
				}
				Object constant = constants.get(name);
				return constant != null ? constant : enumValue(target, name);
			};
		}
		if (!array && boxed == Long.class && (dbType.equals("int8") || dbType.equals("int4") || dbType.equals("int2"))) {
			return nullable(target, rs -> rs.getLong(col));
		}
		if (!array && boxed == Integer.class && (dbType.equals("int4") || dbType.equals("int2"))) {
			return nullable(target, rs -> rs.getInt(col));
		}
		if (!array && boxed == Boolean.class && dbType.equals("bool")) {
			return nullable(target, rs -> rs.getBoolean(col));
		}
		if (!array && boxed == BigDecimal.class && dbType.equals("numeric")) {
			return rs -> rs.getBigDecimal(col);
		}
		if (dbType.equals("date") && target == LocalDate.class) {
			return rs -> rs.getObject(col, LocalDate.class);
		}
		if (dbType.equals("timestamptz") && (target == Instant.class || target == OffsetDateTime.class)) {
			boolean instant = target == Instant.class;
			return rs -> {
				OffsetDateTime value = rs.getObject(col, OffsetDateTime.class);
				return value == null ? null : instant ? value.toInstant() : value.withOffsetSameInstant(ZoneOffset.UTC);
			};
		}
		return rs -> convert(rs.getObject(col), target, generic);
	}

	/** A primitive getter's value, or null (0 or false for a primitive component) where the column is SQL NULL. */
	private static Reader nullable(Class<?> target, Reader getter) {
		Object absent = target.isPrimitive() ? primitiveDefault(target) : null;
		return rs -> {
			Object value = getter.read(rs);
			return rs.wasNull() ? absent : value;
		};
	}

	private record Columns(ResultSet rs, Reader[] readers) {
	}

	private static final class RecordMapper<T> implements RowMapper<T> {

		private final Class<T> type;

		private final Shape shape;

		private volatile Columns columns;

		RecordMapper(Class<T> type, Shape shape) {
			this.type = type;
			this.shape = shape;
		}

		@Override
		public T mapRow(ResultSet rs, int rowNum) throws SQLException {
			Columns c = columns;
			if (c == null || c.rs() != rs) {
				c = new Columns(rs, locate(rs.getMetaData()));
				columns = c;
			}
			Reader[] readers = c.readers();
			Object[] args = new Object[readers.length];
			for (int i = 0; i < args.length; i++) {
				args[i] = readers[i].read(rs);
			}
			try {
				return type.cast(shape.constructor().newInstance(args));
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException("Cannot build " + type.getSimpleName() + " from a row", ex);
			}
		}

		private Reader[] locate(ResultSetMetaData meta) throws SQLException {
			Map<String, Integer> byName = new HashMap<>();
			for (int col = meta.getColumnCount(); col >= 1; col--) {
				byName.put(normalise(meta.getColumnLabel(col)), col);
			}
			Reader[] readers = new Reader[shape.keys().size()];
			for (int i = 0; i < readers.length; i++) {
				int col = byName.getOrDefault(shape.keys().get(i), 0);
				String dbType = col == 0 ? "" : String.valueOf(meta.getColumnTypeName(col));
				readers[i] = reader(col, dbType, shape.types()[i], shape.generics()[i]);
			}
			return readers;
		}
	}
}
