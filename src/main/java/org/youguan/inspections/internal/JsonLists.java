package org.youguan.inspections.internal;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;

import org.youguan.inspections.InspectionRecordData;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;

/**
 * The list fields of the inspection API's JSON bodies, read leniently: a list, or a single value standing for a list
 * of one ({@code "items": "REAL_NAME"}). Text is checked like every JSON string (a control character is refused), and
 * a value of the wrong shape is answered 400 naming the field itself — not one of its elements.
 */
public final class JsonLists {

	private JsonLists() {
	}

	/** A list of texts, or one text. */
	public static final class Strings extends ValueDeserializer<List<String>> {

		@Override
		public List<String> deserialize(JsonParser p, DeserializationContext ctxt) {
			List<String> out = new ArrayList<>();
			for (JsonNode n : elements(ctxt.readTree(p))) {
				out.add(text(n));
			}
			return out;
		}
	}

	/**
	 * A team: a list of {@code {"name", "certificateNumber"}} objects; an element may also be written as text
	 * {@code "姓名/执法证号"}.
	 */
	public static final class Team extends ValueDeserializer<List<InspectionRecordData.TeamMember>> {

		@Override
		public List<InspectionRecordData.TeamMember> deserialize(JsonParser p, DeserializationContext ctxt) {
			List<InspectionRecordData.TeamMember> out = new ArrayList<>();
			for (JsonNode n : elements(ctxt.readTree(p))) {
				if (n.isObject()) {
					out.add(new InspectionRecordData.TeamMember(field(n, "name"), field(n, "certificateNumber")));
				}
				else {
					String s = text(n);
					int slash = s.indexOf('/');
					out.add(slash < 0 ? new InspectionRecordData.TeamMember(s, null)
							: new InspectionRecordData.TeamMember(s.substring(0, slash), s.substring(slash + 1)));
				}
			}
			return out;
		}
	}

	private static List<JsonNode> elements(JsonNode node) {
		List<JsonNode> list = new ArrayList<>();
		if (node.isArray()) {
			node.forEach(list::add);
		}
		else if (!node.isNull()) {
			list.add(node);
		}
		return list;
	}

	private static String field(JsonNode object, String name) {
		JsonNode value = object.get(name);
		return value == null || value.isNull() ? null : text(value);
	}

	private static String text(JsonNode n) {
		if (!n.isValueNode() || n.isNull()) {
			throw new InvalidValueException("body", "format", "应为文字或文字的列表");
		}
		String s = n.asString();
		int at = Text.forbiddenAt(s);
		if (at >= 0) {
			throw new InvalidValueException("body", "control-character", "含有不允许的字符（" + Text.codePoint(s, at) + "），请删除后重试");
		}
		return s;
	}
}
