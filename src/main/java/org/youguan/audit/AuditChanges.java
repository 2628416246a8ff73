package org.youguan.audit;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.StringNode;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.youguan.kernel.ChineseText;
import org.youguan.platform.ChinaTime;

/**
 * An event's before and after as a reader reads them on the trail's page and in its export: one line per field that
 * changed (a field of a new object: each one set; of a removed object: each one it had), with the field's name, the
 * old and the new value. Values read as the pages show them: codes (SUBMITTED, DIRECT) by their Chinese labels, days and times
 * as the reader's language writes them (times in Beijing time: 2026年3月5日 10:30, English 2026-03-05 10:30), true/false as 是/否 ({@code common.yes}, {@code common.no}), lists joined with 、, a missing or empty value as —. Personal numbers
 * stay masked as the trail shows them ({@link AuditMasking}). The raw JSON is left to the API
 * ({@code GET /api/v1/audit-events}, {@code beforeState}/{@code afterState}).
 * <p>
 * The audit module knows no module's fields: a module declares the names as message keys in {@code tools/messages.py}
 * — {@code audit.field.<Type>.<field>} for one object type, else {@code audit.field.<field>}; for a code value
 * {@code audit.value.<Type>.<field>.<CODE>}, {@code audit.value.<Type>.<CODE>}, {@code audit.value.<field>.<CODE>},
 * else {@code audit.value.<CODE>} (the same code means different things in different modules: a filing's SUBMITTED is
 * 待办理, a report's 已报送). A field or code nobody named is shown as recorded.
 */
@Component
class AuditChanges {

	/** One changed field: its name, and the value before and after as text ("—" for none). */
	record Change(String field, String before, String after) {
	}

	/** What a scalar state (a state recorded as one value, not an object) is named by: {@code audit.field.state}. */
	static final String SCALAR = "state";

	static final String NONE = "—";

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

	private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?");

	private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private final MessageSource messages;

	private final JsonMapper json;

	AuditChanges(MessageSource messages, JsonMapper json) {
		this.messages = messages;
		this.json = json;
	}

	/**
	 * @param e an event as the trail shows it (states masked)
	 * @return the changed fields in the order recorded (after's fields first), empty when nothing changed or nothing was
	 *         recorded
	 */
	List<Change> of(AuditEvent e) {
		return of(e, (type, id) -> null);
	}

	/**
	 * As {@link #of(AuditEvent)}, with the objects a field refers to by id named: a field {@code <x>Id} holding a number
	 * is the object of type {@code <X>} ({@code bureauId} → {@code Bureau}, {@code departmentId} → {@code Department}),
	 * shown by the title {@code named} gives it (its name, as the trail names objects, {@link AuditObjects}) — not
	 * "管理局 — 11"; by its id where the reader may not read it.
	 * @param named the title of an object (type, id) the reader may read, or null
	 */
	List<Change> of(AuditEvent e, BiFunction<String, String, String> named) {
		JsonNode before = read(e.beforeState());
		JsonNode after = read(e.afterState());
		List<Change> changes = new ArrayList<>();
		if (before.isNull() && after.isNull()) {
			return changes;
		}
		if (!before.isObject() && !before.isNull() || !after.isObject() && !after.isNull()) {
			// a state recorded as one value ("OPEN" → "DISMISSED")
			if (!same(before, after)) {
				changes.add(new Change(label(e.objectType(), SCALAR), value(e.objectType(), SCALAR, before, named),
						value(e.objectType(), SCALAR, after, named)));
			}
			return changes;
		}
		Set<String> fields = new LinkedHashSet<>();
		after.propertyNames().forEach(fields::add);
		before.propertyNames().forEach(fields::add);
		for (String field : fields) {
			JsonNode b = before.path(field);
			JsonNode a = after.path(field);
			if (empty(b) && empty(a) || same(b, a)) {
				continue;
			}
			changes.add(new Change(label(e.objectType(), field), value(e.objectType(), field, b, named),
					value(e.objectType(), field, a, named)));
		}
		return changes;
	}

	/** The changes as one cell of the export: "状态：已报送 → 已审核" a line each. */
	String text(List<Change> changes) {
		StringJoiner out = new StringJoiner("\n");
		changes.forEach(c -> out.add(c.field() + "：" + c.before() + " → " + c.after()));
		return out.toString();
	}

	private JsonNode read(String state) {
		if (state == null || state.isBlank()) {
			return NullNode.getInstance();
		}
		try {
			return json.readTree(state);
		}
		catch (JacksonException ex) {
			// not JSON (never written so by the trail): shown as the text it is
			return StringNode.valueOf(state);
		}
	}

	/** Equal values, a number by its value: 10.0 recorded before and 10 after is no change. */
	private static boolean same(JsonNode b, JsonNode a) {
		return b.equals(a) || b.isNumber() && a.isNumber() && b.decimalValue().compareTo(a.decimalValue()) == 0;
	}

	private static boolean empty(JsonNode n) {
		return n.isMissingNode() || n.isNull() || n.isString() && n.stringValue().isBlank()
				|| n.isContainer() && n.isEmpty();
	}

	/** The field's name: {@code audit.field.<type>.<field>}, {@code audit.field.<field>}, else the field as recorded. */
	String label(String type, String field) {
		Locale locale = LocaleContextHolder.getLocale();
		String named = messages.getMessage("audit.field." + type + "." + field, null, null, locale);
		return named != null ? named : messages.getMessage("audit.field." + field, null, field, locale);
	}

	private String value(String type, String field, JsonNode n, BiFunction<String, String, String> named) {
		if (empty(n)) {
			return NONE;
		}
		if (n.isBoolean()) {
			return messages.getMessage(n.booleanValue() ? "common.yes" : "common.no", null, LocaleContextHolder.getLocale());
		}
		if (n.isArray()) {
			StringJoiner out = new StringJoiner("、");
			n.forEach(item -> out.add(value(type, field, item, named)));
			return out.toString();
		}
		if (n.isObject()) {
			StringJoiner out = new StringJoiner("；");
			n.properties().forEach(p -> {
				if (!empty(p.getValue())) {
					out.add(label(type, p.getKey()) + "：" + value(type, p.getKey(), p.getValue(), named));
				}
			});
			return out.length() == 0 ? NONE : out.toString();
		}
		if (n.isNumber()) {
			if (n.isIntegralNumber() && field.length() > 2 && field.endsWith("Id")) {
				String title = named.apply(Character.toUpperCase(field.charAt(0)) + field.substring(1, field.length() - 2),
						n.asString());
				if (title != null) {
					return AuditMasking.text(title);
				}
			}
			// written plainly, as the rules page writes a value: 10, never 10.0 or 10.00 beside a 20 (attack f8 item 9)
			return n.decimalValue().stripTrailingZeros().toPlainString();
		}
		String text = n.stringValue();
		if (CODE.matcher(text).matches()) {
			return code(type, field, text);
		}
		if (DATE_TIME.matcher(text).lookingAt()) {
			String time = time(text);
			if (time != null) {
				return time;
			}
		}
		if (DATE.matcher(text).matches()) {
			try {
				return String.valueOf(ChineseText.sentenceArgument(LocalDate.parse(text), LocaleContextHolder.getLocale()));
			}
			catch (DateTimeParseException notADay) {
				// digits in a day's shape that name no day: shown as recorded
			}
		}
		return AuditMasking.text(text);
	}

	private String code(String type, String field, String code) {
		Locale locale = LocaleContextHolder.getLocale();
		for (String key : List.of("audit.value." + type + "." + field + "." + code, "audit.value." + type + "." + code,
				"audit.value." + field + "." + code, "audit.value." + code)) {
			String named = messages.getMessage(key, null, null, locale);
			if (named != null) {
				return named;
			}
		}
		return code;
	}

	/**
	 * A time as recorded (ISO, with or without an offset) as a Beijing date and time written as the reader's language
	 * writes it (2026年3月5日 10:30, English 2026-03-05 10:30: {@link ChineseText#sentenceArgument}), or null when it is
	 * none.
	 */
	private static String time(String text) {
		LocalDateTime local;
		try {
			local = OffsetDateTime.parse(text).atZoneSameInstant(ChinaTime.ZONE).toLocalDateTime();
		}
		catch (DateTimeParseException ex) {
			try {
				local = LocalDateTime.parse(text);
			}
			catch (DateTimeParseException again) {
				return null;
			}
		}
		return String.valueOf(ChineseText.sentenceArgument(local, LocaleContextHolder.getLocale()));
	}
}
