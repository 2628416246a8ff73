package org.youguan.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongPredicate;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.youguan.IntegrationTest;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;

import jakarta.servlet.http.HttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit trail records in the caller's transaction, and the keyed chain finds every kind of tampering by a database
 * superuser: changed content, a deleted event, an inserted event, a recomputed MAC, an event left unsealed. Each
 * tampering happens in a transaction that is rolled back, with the triggers switched off as a superuser can
 * ({@code session_replication_role = replica}).
 */
@IntegrationTest
class AuditTrailIntegrationTest {

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	/**
	 * The head a remembered view is read under: -1 while a transaction that wrote an event is still open (its id was
	 * taken before it commits, and may end up below the newest visible one), the newest id once it has committed.
	 */
	@Test
	void theLatestEventIdIsNoHeadWhileAnEventIsWrittenButNotCommitted() throws Exception {
		var written = new CountDownLatch(1);
		var commit = new CountDownLatch(1);
		var writer = Executors.newSingleThreadExecutor();
		try {
			var done = writer.submit(() -> tx.executeWithoutResult(s -> {
				audit.record(AuditEntry.of("test.open", "Test", 3, "未提交的记录").inRegion("320506"));
				written.countDown();
				try {
					commit.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}));
			assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
			assertThat(audit.latestEventId()).isEqualTo(-1);
			commit.countDown();
			done.get(30, TimeUnit.SECONDS);
		}
		finally {
			commit.countDown();
			writer.shutdown();
		}
		long committed = jdbc.sql("SELECT max(id) FROM audit_event WHERE action = 'test.open'").query(Long.class).single();
		// another writer on the shared database (the sealer, a scheduled job) may hold the head at -1 a moment longer
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> audit.latestEventId() >= committed);
	}

	/**
	 * Within one HTTP request the head is read once: another user's change committed meanwhile leaves the request's head
	 * where it was (the next request reads it), while outside a request every call reads afresh; an event the request
	 * records itself makes its next call read afresh.
	 */
	@Test
	void withinARequestTheHeadIsReadOnceUntilTheRequestRecordsAnEvent() throws Exception {
		var before = RequestContextHolder.getRequestAttributes();
		var other = Executors.newSingleThreadExecutor();
		var request = new MockHttpServletRequest("GET", "/");
		long[] seen = new long[4];
		// the sealer may be writing the seals of earlier events: start when no writer is open
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> audit.latestEventId() >= 0);
		try {
			new RequestHead().doFilter(request, new MockHttpServletResponse(), (req, res) -> {
				RequestContextHolder.setRequestAttributes(
						new ServletRequestAttributes(
								(HttpServletRequest) req));
				seen[0] = audit.latestEventId();
				try {
					other.submit(() -> tx.executeWithoutResult(
							s -> audit.record(AuditEntry.of("test.other", "Test", 5, "他人的变更").inRegion("320506"))))
						.get(30, TimeUnit.SECONDS);
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
				seen[1] = audit.latestEventId();
				tx.executeWithoutResult(s -> audit.record(AuditEntry.of("test.own", "Test", 6, "本请求的变更").inRegion("320506")));
				seen[2] = audit.latestEventId();
			});
			RequestContextHolder.setRequestAttributes(
					new ServletRequestAttributes(request));
			seen[3] = audit.latestEventId();
		}
		finally {
			RequestContextHolder.setRequestAttributes(before);
			other.shutdown();
		}
		long othersEvent = jdbc.sql("SELECT max(id) FROM audit_event WHERE action = 'test.other'").query(Long.class).single();
		long ownEvent = jdbc.sql("SELECT max(id) FROM audit_event WHERE action = 'test.own'").query(Long.class).single();
		// a fresh read is the newest id, or -1 while the sealer seals what was just committed
		LongPredicate freshAfterOwn = id -> id == -1 || id >= ownEvent;
		assertThat(seen[0]).isLessThan(othersEvent);
		assertThat(seen[1]).as("another user's change does not move the request's head").isEqualTo(seen[0]);
		assertThat(freshAfterOwn.test(seen[2])).as("the request's own event makes it read afresh: %s", seen[2]).isTrue();
		assertThat(freshAfterOwn.test(seen[3])).as("after the request, read on every call: %s", seen[3]).isTrue();
		assertThat(request.getAttribute(RequestHead.ATTRIBUTE)).isNull();
		Awaitility.await().atMost(Duration.ofSeconds(30))
			.until(() -> audit.latestEventId() >= ownEvent);
	}

	@Test
	void recordsInTheCallersTransactionAndRollsBackWithIt() {
		tx.executeWithoutResult(s -> audit.record(AuditEntry.of("test.kept", "Test", 1, "保留的记录").inRegion("320506")));
		tx.executeWithoutResult(s -> {
			audit.record(AuditEntry.of("test.rolled-back", "Test", 2, "回滚的记录").inRegion("320506"));
			s.setRollbackOnly();
		});
		var found = audit.search(DataScope.region("320506"), new AuditQuery(null, null, "Test", null, null),
				new PageQuery("", 0, 50, null, true));
		assertThat(found.items()).extracting(AuditEvent::action).contains("test.kept").doesNotContain("test.rolled-back");
	}

	@Test
	void refusesToRecordOutsideATransaction() {
		assertThatThrownBy(() -> audit.record(AuditEntry.of("test.no-tx", "Test", 3, "无事务")))
			.isInstanceOf(IllegalTransactionStateException.class);
	}

	@Test
	void keepsStatesAsJsonAndSealsTheEventWithAKeyedMac() {
		tx.executeWithoutResult(s -> audit.record(AuditEntry.of("test.states", "Test", 4, "状态")
			.states(Map.of("name", "旧"), Map.of("name", "新"))
			.inRegion("3205")));
		audit.sealPending();
		AuditEvent e = audit.history(DataScope.region("3205"), "Test", 4).get(0);
		assertThat(e.beforeState()).isEqualTo("{\"name\": \"旧\"}");
		assertThat(e.afterState()).isEqualTo("{\"name\": \"新\"}");
		assertThat(e.sealSeq()).isNotNull();
		// Tink's output prefix (1 byte + 4-byte key id), then the 32-byte HMAC-SHA256
		assertThat(e.mac()).hasSize(2 * 37).startsWith("01");
	}

	@Test
	void scopesEventsByRegion() {
		tx.executeWithoutResult(s -> audit.record(AuditEntry.of("test.scope", "Test", 5, "相城区的事件").inRegion("320507")));
		assertThat(audit.history(DataScope.region("320506"), "Test", 5)).isEmpty();
		assertThat(audit.history(DataScope.region("3205"), "Test", 5)).hasSize(1);
		assertThat(audit.history(DataScope.enterprise("91350100M000100Y43"), "Test", 5)).isEmpty();
	}

	@Test
	void theDatabaseRejectsUpdateAndDeleteOfEventsAndSeals() {
		tx.executeWithoutResult(s -> audit.record(AuditEntry.of("test.append-only", "Test", 6, "不可修改")));
		audit.sealPending();
		assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET summary = 'changed' WHERE object_id = '6'").update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("只能追加");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE object_id = '6'").update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("只能追加");
		assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_event").update()).isInstanceOf(DataAccessException.class);
		long seq = sealOf(eventOf("6"));
		assertThatThrownBy(() -> jdbc.sql("UPDATE audit_seal SET mac = '\\x00' WHERE seq = :seq").param("seq", seq).update())
			.rootCause()
			.hasMessageContaining("只能追加");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_seal WHERE seq = :seq").param("seq", seq).update())
			.rootCause()
			.hasMessageContaining("只能追加");
		assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_seal CASCADE").update()).isInstanceOf(DataAccessException.class);
		// a seal out of sequence is refused too (the chain stays gap-free)
		assertThatThrownBy(() -> jdbc.sql("INSERT INTO audit_seal (seq, event_id, sealed_at, mac) VALUES "
				+ "((SELECT max(seq) + 2 FROM audit_seal), :id, now(), '\\x01')").param("id", eventOf("6")).update())
			.rootCause()
			.hasMessageContaining("连续编号");
	}

	@Test
	void changedContentIsTheFirstBrokenLink() {
		long id = recordSealed("test.chain", "7", "链上的记录");
		assertThat(audit.verifyChain().intact()).isTrue();
		tamperAndVerify(() -> jdbc.sql("UPDATE audit_event SET summary = '篡改' WHERE id = :id").param("id", id).update(),
				result -> {
					assertThat(result.intact()).isFalse();
					assertThat(result.firstBrokenId()).isEqualTo(id);
					assertThat(result.firstBrokenSeq()).isEqualTo(sealOf(id));
					assertThat(result.problem()).contains("内容被改动");
				});
		assertThat(audit.verifyChain().intact()).isTrue();
	}

	@Test
	void aDeletedEventAndItsSealAreReportedAsAMissingSealNumber() {
		long first = recordSealed("test.chain", "8", "第一条");
		recordSealed("test.chain", "9", "第二条");
		long seq = sealOf(first);
		tamperAndVerify(() -> {
			jdbc.sql("DELETE FROM audit_seal WHERE event_id = :id").param("id", first).update();
			jdbc.sql("DELETE FROM audit_event WHERE id = :id").param("id", first).update();
		}, result -> {
			assertThat(result.firstBrokenSeq()).isEqualTo(seq);
			assertThat(result.problem()).contains("第" + seq + "号封印缺失");
		});
		// renumbering the seals after it to close the gap does not help: the next seal covered the deleted one's MAC
		tamperAndVerify(() -> {
			jdbc.sql("DELETE FROM audit_seal WHERE event_id = :id").param("id", first).update();
			jdbc.sql("DELETE FROM audit_event WHERE id = :id").param("id", first).update();
			jdbc.sql("UPDATE audit_seal SET seq = seq + 1000000000 WHERE seq > :seq").param("seq", seq).update();
			jdbc.sql("UPDATE audit_seal SET seq = seq - 1000000001 WHERE seq > 1000000000").update();
		}, result -> {
			assertThat(result.firstBrokenSeq()).isEqualTo(seq);
			assertThat(result.problem()).contains("与封印不符");
		});
		// deleting only the event leaves a seal pointing at nothing
		tamperAndVerify(() -> jdbc.sql("DELETE FROM audit_event WHERE id = :id").param("id", first).update(), result -> {
			assertThat(result.firstBrokenSeq()).isEqualTo(seq);
			assertThat(result.firstBrokenId()).isEqualTo(first);
			assertThat(result.problem()).contains("已被删除");
		});
	}

	@Test
	void anEventInsertedIntoTheMiddleOfTheChainIsTheFirstBrokenLink() {
		long before = recordSealed("test.chain", "10", "插入位置之前");
		recordSealed("test.chain", "11", "插入位置之后");
		long seq = sealOf(before) + 1;
		byte[] ourKeyId = Arrays.copyOf(macOf(seq), 5);
		tamperAndVerify(() -> {
			long forged = jdbc.sql("""
					INSERT INTO audit_event (id, occurred_at, actor, region_code, action, object_type, object_id, summary)
					VALUES (nextval('audit_event_id_seq'), now(), 'sys.admin', '0', 'test.forged', 'Test', '12', '伪造的记录')
					RETURNING id""").query(Long.class).single();
			jdbc.sql("UPDATE audit_seal SET seq = seq + 1000000000 WHERE seq >= :seq").param("seq", seq).update();
			jdbc.sql("UPDATE audit_seal SET seq = seq - 999999999 WHERE seq > 1000000000").update();
			jdbc.sql("INSERT INTO audit_seal (seq, event_id, sealed_at, mac) VALUES (:seq, :id, now(), :mac)")
				.param("seq", seq)
				.param("id", forged)
				.param("mac", concat(ourKeyId, random(32)))
				.update();
		}, result -> {
			assertThat(result.firstBrokenSeq()).isEqualTo(seq);
			assertThat(result.firstBrokenId()).isNotEqualTo(before);
			assertThat(result.problem()).contains("与封印不符");
		});
	}

	@Test
	void aMacRecomputedWithoutTheKeyIsFound() {
		long id = recordSealed("test.chain", "13", "原文");
		long seq = sealOf(id);
		byte[] ourKeyId = Arrays.copyOf(macOf(seq), 5);
		// what an attacker could compute: the content changed and a new "MAC" made with a key of their own (or a plain
		// hash), keeping our key id so it looks like ours
		tamperAndVerify(() -> {
			jdbc.sql("UPDATE audit_event SET summary = '改写的原文' WHERE id = :id").param("id", id).update();
			jdbc.sql("UPDATE audit_seal SET mac = :mac WHERE seq = :seq")
				.param("mac", concat(ourKeyId, sha256("改写的原文")))
				.param("seq", seq)
				.update();
		}, result -> {
			assertThat(result.firstBrokenSeq()).isEqualTo(seq);
			assertThat(result.problem()).contains("与封印不符");
		});
		// a MAC under another key id is named as such
		tamperAndVerify(() -> jdbc.sql("UPDATE audit_seal SET mac = :mac WHERE seq = :seq")
			.param("mac", concat(new byte[] { 1, 0, 0, 0, 42 }, random(32)))
			.param("seq", seq)
			.update(), result -> {
				assertThat(result.firstBrokenSeq()).isEqualTo(seq);
				assertThat(result.problem()).contains("不是用本系统的审计密钥生成的");
			});
	}

	@Test
	void anEventLeftUnsealedBeyondTheGracePeriodIsReported() {
		tx.executeWithoutResult(s -> {
			audit.record(AuditEntry.of("test.unsealed", "Test", 14, "未封存"));
			long id = eventOf("14");
			jdbc.sql("SET LOCAL session_replication_role = replica").update();
			jdbc.sql("UPDATE audit_event SET occurred_at = occurred_at - interval '1 day' WHERE id = :id").param("id", id).update();
			jdbc.sql("DELETE FROM audit_unsealed WHERE event_id = :id").param("id", id).update();
			ChainVerification result = audit.verifyChain();
			assertThat(result.firstBrokenId()).isEqualTo(id);
			assertThat(result.problem()).contains("仍未封存");
			s.setRollbackOnly();
		});
	}

	private long recordSealed(String action, String objectId, String summary) {
		tx.executeWithoutResult(s -> audit.record(AuditEntry.of(action, "Test", objectId, summary)));
		audit.sealPending();
		return eventOf(objectId);
	}

	private long eventOf(String objectId) {
		return jdbc.sql("SELECT max(id) FROM audit_event WHERE object_type = 'Test' AND object_id = :o")
			.param("o", objectId)
			.query(Long.class)
			.single();
	}

	private long sealOf(long eventId) {
		return jdbc.sql("SELECT seq FROM audit_seal WHERE event_id = :id").param("id", eventId).query(Long.class).single();
	}

	private byte[] macOf(long seq) {
		return jdbc.sql("SELECT mac FROM audit_seal WHERE seq = :seq").param("seq", seq).query(byte[].class).single();
	}

	/** Tampers as a superuser (triggers and foreign keys off), verifies, and rolls the tampering back. */
	private void tamperAndVerify(Runnable tampering, Consumer<ChainVerification> expectation) {
		tx.executeWithoutResult(s -> {
			jdbc.sql("SET LOCAL session_replication_role = replica").update();
			tampering.run();
			ChainVerification result = audit.verifyChain();
			assertThat(result.intact()).as("tampering found").isFalse();
			expectation.accept(result);
			s.setRollbackOnly();
		});
	}

	private static byte[] random(int n) {
		byte[] b = new byte[n];
		new SecureRandom().nextBytes(b);
		return b;
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] c = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, c, a.length, b.length);
		return c;
	}

	private static byte[] sha256(String s) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String hex(byte[] b) {
		return HexFormat.of().formatHex(b);
	}
}
