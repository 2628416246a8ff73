package org.youguan.universal.internal;

import java.util.List;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

import org.youguan.inspections.InspectionRecordData.TeamMember;
import org.youguan.kernel.JsonListOrOne;

/**
 * The {@code inspectors} of a 通邮 check's JSON body: a list of {@code {"name", "certificateNumber"}} as inspections
 * take them, or — for past checks brought in by the import, whose certificates may be unknown — of plain names
 * ({@code "姓名"}, or {@code "姓名/执法证号"}). Each element is read as strictly as any value of a body
 * ({@link JsonListOrOne}): a number or {@code true} for a name, a key twice or a field the object does not take is a
 * 400 naming the element ({@code [0].inspectors[1]}) — {@code [123,true]} was stored as "123、true".
 */
public final class TeamJson extends ValueDeserializer<List<TeamMember>> {

	@Override
	public List<TeamMember> deserialize(JsonParser p, DeserializationContext ctxt) {
		return JsonListOrOne.read(p, ctxt, TeamJson::member, () -> new TeamMember(null, null));
	}

	/** One inspector: an object read as any body's object (its fields text, no other field), or text "姓名/执法证号". */
	private static TeamMember member(JsonParser p, DeserializationContext ctxt) {
		if (p.hasToken(JsonToken.START_OBJECT)) {
			return ctxt.readValue(p, TeamMember.class);
		}
		String s = JsonListOrOne.text(p, ctxt);
		int slash = s == null ? -1 : s.indexOf('/');
		return slash < 0 ? new TeamMember(s, null) : new TeamMember(s.substring(0, slash), s.substring(slash + 1));
	}
}
