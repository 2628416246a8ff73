package org.youguan.universal.internal;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;

import org.youguan.inspections.InspectionRecordData.TeamMember;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;

/**
 * The {@code inspectors} of a 通邮 check's JSON body: a list of {@code {"name", "certificateNumber"}} as inspections
 * take them, or — for past checks brought in by the import, whose certificates may be unknown — of plain names
 * ({@code "姓名"}, or {@code "姓名/执法证号"}). Text is checked like every JSON string; a value of another shape is a 400
 * naming the field.
 */
public final class TeamJson extends ValueDeserializer<List<TeamMember>> {

	@Override
	public List<TeamMember> deserialize(JsonParser p, DeserializationContext ctxt) {
		JsonNode node = ctxt.readTree(p);
		List<JsonNode> elements = new ArrayList<>();
		if (node.isArray()) {
			node.forEach(elements::add);
		}
		else if (!node.isNull()) {
			elements.add(node);
		}
		List<TeamMember> team = new ArrayList<>();
		for (JsonNode n : elements) {
			if (n.isObject()) {
				team.add(new TeamMember(text(n.get("name")), text(n.get("certificateNumber"))));
				continue;
			}
			String s = text(n);
			int slash = s == null ? -1 : s.indexOf('/');
			team.add(slash < 0 ? new TeamMember(s, null) : new TeamMember(s.substring(0, slash), s.substring(slash + 1)));
		}
		return team;
	}

	private static String text(JsonNode n) {
		if (n == null || n.isNull()) {
			return null;
		}
		if (!n.isValueNode()) {
			throw new InvalidValueException("inspectors", "format", "检查人员（inspectors）应为{\"name\",\"certificateNumber\"}的列表");
		}
		String s = n.asString();
		int at = Text.forbiddenAt(s);
		if (at >= 0) {
			throw new InvalidValueException("inspectors", "control-character", "检查人员（inspectors）含有不允许的字符（"
					+ Text.codePoint(s, at) + "），请删除后重试");
		}
		return s;
	}
}
