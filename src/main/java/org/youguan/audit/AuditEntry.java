package org.youguan.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.youguan.kernel.Masking;

/**
 * One change to record. {@code before} and {@code after} are serialised as JSON: pass only what may be shown to an
 * auditor (masked personal numbers, never password hashes). The trail masks the ID card and mobile numbers in the
 * summary and the states' text of every entry it records ({@link AuditTrail#record}, {@code AuditMasking}), so a reason
 * or note typed by a person is safe in any module; {@link #masked} gives the same masking ahead of recording.
 *
 * @param regionCode the region of the changed object, which decides which bureaus see the event; {@code null} uses the
 * actor's region
 */
public record AuditEntry(String action, String objectType, String objectId, String summary, Object before,
		Object after, String regionCode) {

	public static AuditEntry of(String action, String objectType, Object objectId, String summary) {
		return new AuditEntry(action, objectType, objectId == null ? null : objectId.toString(), summary, null, null,
				null);
	}

	public AuditEntry states(Object before, Object after) {
		return new AuditEntry(action, objectType, objectId, summary, before, after, regionCode);
	}

	/**
	 * The region code of an installation-wide event: a change to what the whole installation shares (the working-day
	 * calendar, the brand and indicator catalogues, the national report forms, the region register), and of a change
	 * no bureau made (a job's, the public's). Read by the national scope and by the installation's 系统管理员
	 * ({@link AuditTrail#search}), not by a city's or county's bureau.
	 */
	public static final String INSTALLATION = "0";

	public AuditEntry inRegion(String region) {
		return new AuditEntry(action, objectType, objectId, summary, before, after, region);
	}

	/**
	 * The same entry as an installation-wide event ({@link #INSTALLATION}): how every module records a change to what
	 * the whole installation shares, so that the installation's 系统管理员 reads it in the trail.
	 * @return a new entry; this one unchanged
	 */
	public AuditEntry installationWide() {
		return inRegion(INSTALLATION);
	}

	/**
	 * The same entry with every ID card and mobile number and every landline in its summary and in the text of its
	 * states masked ({@link Masking#telephonesIn}, as the trail writes every entry): for an entry that carries free text a person typed (a description, a note, a
	 * report's content), where such a number may stand. The states' maps and lists are read through (keys kept, text
	 * values masked, other values as they are); a state of another type is kept as it is.
	 * @return a new entry; this one unchanged
	 */
	public AuditEntry masked() {
		return new AuditEntry(action, objectType, objectId, Masking.telephonesIn(summary), maskedState(before),
				maskedState(after), regionCode);
	}

	private static Object maskedState(Object state) {
		if (state instanceof String s) {
			return Masking.telephonesIn(s);
		}
		if (state instanceof Map<?, ?> m) {
			Map<Object, Object> out = new LinkedHashMap<>();
			m.forEach((k, v) -> out.put(k, maskedState(v)));
			return out;
		}
		if (state instanceof List<?> l) {
			return l.stream().map(AuditEntry::maskedState).toList();
		}
		return state;
	}
}
