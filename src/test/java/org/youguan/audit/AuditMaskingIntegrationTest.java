package org.youguan.audit;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail keeps no personal number in clear, whatever module records an entry and whatever a person typed into
 * it: summaries and the text values of states — maps, lists and records alike — are written with ID card and mobile
 * numbers masked, a digest is kept as written, and an event recorded before is shown masked in every list of events.
 */
@IntegrationTest
class AuditMaskingIntegrationTest {

	/** A SHA-256 in hex that holds a run of digits shaped like a mobile number: a digest, not a number to mask. */
	static final String DIGEST = "ab13912345678cd" + "e".repeat(49);

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	record Reason(String text, int count) {
	}

	private static void noPersonalNumberIn(String text) {
		assertThat(text).doesNotContain("13912345678").doesNotContain("19491231").doesNotContain("1234 5678");
	}

	@Test
	void everyEntryIsWrittenWithItsPersonalNumbersMaskedAndItsDigestsKept() {
		String id = UUID.randomUUID().toString();
		tx.executeWithoutResult(s -> audit.record(AuditEntry.of("test.masking", "Test", id, "撤销原因：联系人13912345678")
			.states(Map.of("reason", new Reason("身份证110105194912310021", 2)),
					Map.of("notes", List.of("电话139 1234 5678", "无"), "sha256", DIGEST))
			.inRegion("320506")));
		Map<String, Object> row = jdbc.sql("""
				SELECT summary, before_state::text AS before_state, after_state::text AS after_state FROM audit_event
				WHERE object_type = 'Test' AND object_id = :id""").param("id", id).query().singleRow();
		String stored = row.get("summary") + " " + row.get("before_state") + " " + row.get("after_state");
		noPersonalNumberIn(stored.replace(DIGEST, ""));
		assertThat(stored).contains("联系人139****5678", "110105********0021", DIGEST, "\"count\": 2");
	}

	@Test
	void anEventRecordedBeforeTheTrailMaskedIsShownMaskedInItsLists() {
		String id = UUID.randomUUID().toString();
		tx.executeWithoutResult(s -> {
			jdbc.sql("""
					INSERT INTO audit_event (id, occurred_at, actor, region_code, action, object_type, object_id, summary,
					    after_state)
					VALUES (nextval('audit_event_id_seq'), now(), 'sys.admin', '320506', 'test.masking', 'Test', :id,
					    '旧记录：电话13912345678', CAST(:after AS jsonb))""")
				.param("id", id)
				.param("after", "{\"reason\":\"身份证110105194912310021\",\"sha256\":\"" + DIGEST + "\"}")
				.update();
			List<AuditEvent> shown = List.of(audit.history(DataScope.all(), "Test", id).get(0),
					audit.search(DataScope.all(), new AuditQuery(id, null, null, null, null), new PageQuery("", 0, 5, null, false))
						.items()
						.get(0));
			for (AuditEvent e : shown) {
				noPersonalNumberIn(e.summary() + e.afterState().replace(DIGEST, ""));
				assertThat(e.summary()).contains("139****5678");
				assertThat(e.afterState()).contains(DIGEST);
			}
			s.setRollbackOnly();
		});
	}

	/**
	 * A landline typed into free text (a department's duties, a note) is masked in the trail as the complaints' lists
	 * and the departments' duties mask it ({@code Masking.telephonesIn}: area code and last 4 digits kept) — written so,
	 * and an event recorded before shown so.
	 */
	@Test
	void aLandlineIsWrittenAndShownMasked() {
		String id = UUID.randomUUID().toString();
		tx.executeWithoutResult(s -> {
			audit.record(AuditEntry.of("test.masking", "Test", id, "职责：联系人张科长 0512-65551234")
				.states(null, Map.of("duties", List.of("值班电话（0512）6555 1234")))
				.inRegion("320506"));
			jdbc.sql("""
					INSERT INTO audit_event (id, occurred_at, actor, region_code, action, object_type, object_id, summary,
					    after_state)
					VALUES (nextval('audit_event_id_seq'), now(), 'sys.admin', '320506', 'test.masking', 'Test', :id,
					    '旧记录：电话0512-65551234', CAST(:after AS jsonb))""")
				.param("id", id)
				.param("after", "{\"duties\":\"联系人张科长 0512 6555 1234\"}")
				.update();
			Map<String, Object> row = jdbc.sql("""
					SELECT summary, after_state::text AS after_state FROM audit_event
					WHERE object_type = 'Test' AND object_id = :id ORDER BY id LIMIT 1""").param("id", id).query().singleRow();
			assertThat(row.get("summary") + " " + row.get("after_state")).contains("0512-****1234")
				.doesNotContain("65551234", "6555 1234");
			List<AuditEvent> shown = audit.history(DataScope.all(), "Test", id);
			assertThat(shown).hasSize(2);
			for (AuditEvent e : shown) {
				assertThat(e.summary() + e.afterState()).contains("****1234").doesNotContain("65551234", "6555 1234");
			}
			s.setRollbackOnly();
		});
	}

	/**
	 * A mobile or ID number searched for in clear finds the entries that hold it, stored masked, and the entries older
	 * than the masking that hold it in clear.
	 */
	@Test
	void aNumberSearchedForInClearFindsTheEntriesThatHoldItMasked() {
		String marker = UUID.randomUUID().toString();
		tx.executeWithoutResult(s -> {
			audit.record(AuditEntry.of("test.masking", "Test", marker + "-new", "联系人15712345678").inRegion("320506"));
			audit.record(AuditEntry.of("test.masking", "Test", marker + "-id", "身份证110105197001010021").inRegion("320506"));
			older(marker + "-old", "旧记录：电话15712345678");
			assertThat(found("15712345678")).contains(marker + "-new", marker + "-old").doesNotContain(marker + "-id");
			assertThat(found("110105197001010021")).contains(marker + "-id").doesNotContain(marker + "-new");
			assertThat(found("15712349999")).doesNotContain(marker + "-new", marker + "-old");
			s.setRollbackOnly();
		});
	}

	/**
	 * Finding (the trail's search compared a number's mask with its separators: 13912345678 missed 139-****-5678 as a note
	 * typed it, 139-1234-5678 missed 139****5678): a number searched for with or without separators, or its mask typed
	 * so, finds the entries holding it masked with any of them, as the lists match masked numbers; and an entry older
	 * than the masking that holds it in clear with other separators. Another number finds none of them.
	 */
	@Test
	void aNumberOrItsMaskFindsTheEntriesWhateverTheSeparatorsBetweenItsBlocks() {
		String marker = UUID.randomUUID().toString();
		tx.executeWithoutResult(s -> {
			// stored masked as typed: 158****5678 and 158-****-5678
			Map.of("-plain", "联系人15812345678", "-dashed", "联系人158-1234-5678").forEach((suffix, summary) -> audit
				.record(AuditEntry.of("test.masking", "Test", marker + suffix, summary).inRegion("320506")));
			older(marker + "-old", "旧记录：电话158 1234 5678");
			for (String typed : List.of("15812345678", "158-1234-5678", "158 1234 5678", "158****5678", "158-****-5678",
					"158 **** 5678")) {
				assertThat(found(typed)).as(typed).contains(marker + "-plain", marker + "-dashed");
			}
			for (String typed : List.of("15812345678", "158-1234-5678")) {
				assertThat(found(typed)).as(typed).contains(marker + "-old");
			}
			for (String other : List.of("158-1234-9999", "157****5678")) {
				assertThat(found(other)).as(other).doesNotContain(marker + "-plain", marker + "-dashed", marker + "-old");
			}
			s.setRollbackOnly();
		});
	}

	/** An entry written before the trail masked numbers: its summary as typed, inserted beside the trail. */
	private void older(String objectId, String summary) {
		jdbc.sql("""
				INSERT INTO audit_event (id, occurred_at, actor, region_code, action, object_type, object_id, summary)
				VALUES (nextval('audit_event_id_seq'), now(), 'sys.admin', '320506', 'test.masking', 'Test', :id, :summary)""")
			.param("id", objectId)
			.param("summary", summary)
			.update();
	}

	private List<String> found(String text) {
		return audit.search(DataScope.all(), new AuditQuery(text, null, "Test", null, null),
				new PageQuery("", 0, 100, null, false)).items().stream().map(AuditEvent::objectId).toList();
	}
}
