package org.youguan.audit;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.youguan.kernel.Masking;

/**
 * Personal numbers out of the audit trail: every ID card and mobile number and every landline with its area code in an
 * event's summary and in the text values of its states masked ({@link Masking#telephonesIn}, the rule the complaints'
 * public history and lists and the departments' duties mask by: a landline typed into a note is often someone's
 * direct line), whichever module recorded it and whatever free text
 * a person typed into it (a reason, a note, a description) — written so ({@link AuditTrail#record}), and shown so in
 * every list, API list and export of the trail, also for events recorded before. A digest (32 or more hexadecimal
 * characters in a row: a file's SHA-256, a draw's seed) is kept as written, so it can still be checked against the
 * file; object keys, numbers and other values are kept.
 */
final class AuditMasking {

	/** A hexadecimal run as long as an MD5 or longer: a digest, never a personal number. */
	private static final Pattern DIGEST = Pattern.compile("[0-9a-fA-F]{32,}");

	private AuditMasking() {
	}

	/**
	 * @param text a summary or a state's text value, or null
	 * @return the text with every personal number and landline masked outside its digests (null for null)
	 */
	static String text(String text) {
		if (text == null) {
			return null;
		}
		Matcher m = DIGEST.matcher(text);
		if (!m.find()) {
			return Masking.telephonesIn(text);
		}
		StringBuilder out = new StringBuilder(text.length());
		int tail = 0;
		do {
			out.append(Masking.telephonesIn(text.substring(tail, m.start()))).append(m.group());
			tail = m.end();
		}
		while (m.find());
		return out.append(Masking.telephonesIn(text.substring(tail))).toString();
	}

	/**
	 * A state as the trail stores it: serialised as JSON, with the text values of its objects and arrays masked.
	 * @param state any value Jackson serialises (a map, a record, a list), or null
	 * @return the JSON text, or null for null
	 */
	static String state(JsonMapper json, Object state) {
		return state == null ? null : json.writeValueAsString(node(json.valueToTree(state)));
	}

	/**
	 * A stored state as read back (JSON text), masked as {@link #state}: for the events recorded before the trail
	 * masked them.
	 * @param stateJson the JSON text, or null
	 */
	static String stored(JsonMapper json, String stateJson) {
		// nothing the masking changes in the whole text (an ID, a mobile, a landline): nothing to change in its values
		if (stateJson == null || Masking.telephonesIn(stateJson).equals(stateJson)) {
			return stateJson;
		}
		return json.writeValueAsString(node(json.readTree(stateJson)));
	}

	/** An event as lists and exports show it: summary and states masked. */
	static AuditEvent shown(JsonMapper json, AuditEvent e) {
		return new AuditEvent(e.id(), e.occurredAt(), e.actor(), e.actorUserId(), e.bureauId(), e.regionCode(), e.action(),
				e.objectType(), e.objectId(), text(e.summary()), stored(json, e.beforeState()), stored(json, e.afterState()),
				e.clientAddress(), e.sealSeq(), e.mac());
	}

	private static JsonNode node(JsonNode node) {
		if (node instanceof ObjectNode o) {
			for (String name : List.copyOf(o.propertyNames())) {
				JsonNode v = o.get(name);
				if (v.isString()) {
					o.put(name, text(v.stringValue()));
				}
				else {
					node(v);
				}
			}
		}
		else if (node instanceof ArrayNode a) {
			for (int i = 0; i < a.size(); i++) {
				JsonNode v = a.get(i);
				if (v.isString()) {
					a.set(i, text(v.stringValue()));
				}
				else {
					node(v);
				}
			}
		}
		return node;
	}
}
