package org.youguan.inspections.internal;

import java.util.List;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

import org.youguan.inspections.InspectionRecordData;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.JsonListOrOne;

/**
 * The list fields of the inspection API's JSON bodies, read leniently: a list, or a single value standing for a list
 * of one ({@code "items": "REAL_NAME"}). Each element is read as strictly as any value of a body
 * ({@link JsonListOrOne}): a number or {@code true} for text, a key twice, a field a team member does not take, a
 * control character — each a 400 naming the element by its JSON path ({@code inspectors[1]}).
 */
public final class JsonLists {

	private JsonLists() {
	}

	/** A list of texts, or one text. */
	public static final class Strings extends ValueDeserializer<List<String>> {

		@Override
		public List<String> deserialize(JsonParser p, DeserializationContext ctxt) {
			return JsonListOrOne.read(p, ctxt, JsonListOrOne::text, JsonLists::noNull);
		}
	}

	/**
	 * A team: a list of {@code {"name", "certificateNumber"}} objects; an element may also be written as text
	 * {@code "姓名/执法证号"}.
	 */
	public static final class Team extends ValueDeserializer<List<InspectionRecordData.TeamMember>> {

		@Override
		public List<InspectionRecordData.TeamMember> deserialize(JsonParser p, DeserializationContext ctxt) {
			return JsonListOrOne.read(p, ctxt, (q, c) -> {
				if (q.hasToken(JsonToken.START_OBJECT)) {
					return c.readValue(q, InspectionRecordData.TeamMember.class);
				}
				String s = JsonListOrOne.text(q, c);
				int slash = s.indexOf('/');
				return slash < 0 ? new InspectionRecordData.TeamMember(s, null)
						: new InspectionRecordData.TeamMember(s.substring(0, slash), s.substring(slash + 1));
			}, JsonLists::noNull);
		}
	}

	private static <T> T noNull() {
		throw new InvalidValueException("body", "format", "应为文字或文字的列表");
	}
}
