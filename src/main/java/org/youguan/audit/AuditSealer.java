package org.youguan.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.platform.EveryNode;
import org.youguan.platform.Secrets;

/**
 * Appends a seal to the audit chain for every committed event, in a short transaction of its own: so no business
 * transaction waits for another to seal its events (GB/T 22239-2019 8.1.4.3 audit records protected from
 * modification, without serialising the application). Sealing runs right after a transaction that recorded events
 * commits ({@link #wake}), and every second as a safety net; on N application nodes the sealers take turns through a
 * PostgreSQL advisory lock held only while one batch is sealed, and a node that cannot take it leaves the work to the
 * one that holds it.
 *
 * <p>Events are sealed in the order they become visible (committed), lowest id first within a batch; a long
 * transaction's events are sealed when it commits, after events of later ids. The chain is therefore the seal order.
 */
@Component
class AuditSealer implements InitializingBean, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);

	/** The advisory lock the sealers of all nodes share (not the old chain lock 730104, which nothing takes now). */
	static final long LOCK = 730105;

	static final int BATCH = 500;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	private final Secrets secrets;

	private final AtomicBoolean wakeQueued = new AtomicBoolean();

	private final AtomicBoolean legacyChecked = new AtomicBoolean();

	private final ExecutorService wakeups = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "audit-sealer");
		t.setDaemon(true);
		return t;
	});

	private final Clock clock;

	AuditSealer(JdbcTemplate jdbc, PlatformTransactionManager transactions, Secrets secrets, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.tx = new TransactionTemplate(transactions);
		this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.secrets = secrets;
	}

	/**
	 * Refuses to start when the newest seal was made with a key this installation does not have: the key file was lost
	 * or replaced, and sealing on would make the chain unverifiable from here on.
	 */
	@Override
	public void afterPropertiesSet() {
		List<byte[]> newest = jdbc.query("SELECT mac FROM audit_seal ORDER BY seq DESC LIMIT 1", (rs, i) -> rs.getBytes(1));
		if (!newest.isEmpty() && !secrets.knowsAuditKeyOf(newest.get(0))) {
			throw new IllegalStateException("审计链密钥与数据库不匹配：最新的审计封印由密钥 "
					+ HexFormat.of().formatHex(newest.get(0), 1, 5) + " 生成，当前的审计密钥（" + secrets.directory()
					+ "/audit-chain.json 或 YOUGUAN_AUDIT_KEY）中没有它。请从备份恢复原密钥文件；"
					+ "如需更换密钥，把新密钥放在 YOUGUAN_AUDIT_KEY 的最前面并保留原密钥。");
		}
	}

	@Override
	public void destroy() {
		wakeups.shutdownNow();
	}

	/** Seals soon, off the caller's thread (after a commit that recorded events); coalesces repeated calls. */
	void wake() {
		if (wakeQueued.compareAndSet(false, true)) {
			try {
				wakeups.execute(() -> {
					wakeQueued.set(false);
					sealQuietly();
				});
			}
			catch (RejectedExecutionException ex) {
				wakeQueued.set(false);
			}
		}
	}

	@Scheduled(fixedDelayString = "${youguan.audit.seal-interval:PT1S}", initialDelayString = "${youguan.audit.seal-interval:PT1S}")
	@EveryNode("each node seals the events its own transactions committed; batches serialise on a short advisory lock")
	void tick() {
		sealQuietly();
	}

	private void sealQuietly() {
		try {
			seal(false);
		}
		catch (RuntimeException ex) {
			log.warn("Sealing audit events failed; retried within a second: {}", ex.getMessage());
		}
	}

	/**
	 * Seals every event committed before the call that has no seal yet, in batches; returns how many this call sealed
	 * (waiting for another sealer that holds the lock, at most a few seconds).
	 */
	int sealPending() {
		return seal(true);
	}

	/** Without {@code wait}, returns 0 at once when another sealer (thread or node) holds the lock: that one seals. */
	private int seal(boolean wait) {
		int total = 0;
		while (true) {
			Integer sealed = tx.execute(s -> sealBatch(wait));
			if (sealed == null || sealed <= 0) {
				return total;
			}
			total += sealed;
		}
	}

	private record Pending(long id, byte[] content, boolean legacy) {
	}

	private int sealBatch(boolean wait) {
		jdbc.execute("SET LOCAL lock_timeout = '10s'");
		if (wait) {
			jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)::text", String.class, LOCK);
		}
		else if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, LOCK))) {
			return 0;
		}
		// queue rows whose event is gone or already sealed (only by tampering) would block the queue: drop them;
		// verification reports the missing or unsealed events themselves
		jdbc.update("""
				DELETE FROM audit_unsealed u WHERE NOT EXISTS (SELECT 1 FROM audit_event e WHERE e.id = u.event_id)
				OR EXISTS (SELECT 1 FROM audit_seal s WHERE s.event_id = u.event_id)""");
		List<Pending> pending = jdbc.query("SELECT " + SealInput.EVENT_COLUMNS + ", e.hash IS NOT NULL AS legacy"
				+ " FROM audit_unsealed u JOIN audit_event e ON e.id = u.event_id ORDER BY u.event_id LIMIT ?",
				(rs, i) -> new Pending(rs.getLong("id"), SealInput.event(rs), rs.getBoolean("legacy")), BATCH);
		if (pending.isEmpty()) {
			return 0;
		}
		if (pending.get(0).legacy() && legacyChecked.compareAndSet(false, true)) {
			LegacyChain.check(jdbc);
		}
		List<Head> head = jdbc.query("SELECT seq, mac FROM audit_seal ORDER BY seq DESC LIMIT 1",
				(rs, i) -> new Head(rs.getLong(1), rs.getBytes(2)));
		long seq = head.isEmpty() ? 0 : head.get(0).seq();
		byte[] previous = head.isEmpty() ? SealInput.GENESIS : head.get(0).mac();
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		List<Object[]> seals = new ArrayList<>(pending.size());
		for (Pending p : pending) {
			seq++;
			byte[] mac = secrets.auditMac(SealInput.seal(seq, now, previous, p.content()));
			seals.add(new Object[] { seq, p.id(), Timestamp.from(now), mac });
			previous = mac;
		}
		jdbc.batchUpdate("INSERT INTO audit_seal (seq, event_id, sealed_at, mac) VALUES (?, ?, ?, ?)", seals);
		jdbc.update("DELETE FROM audit_unsealed WHERE event_id = ANY (?)",
				(Object) pending.stream().map(Pending::id).toArray(Long[]::new));
		return pending.size();
	}

	private record Head(long seq, byte[] mac) {
	}

	/**
	 * The events written before the chain was keyed carry an unkeyed SHA-256 chain. Before they are sealed with the key
	 * (once, on the first start), that chain is checked, so a rewrite made before the upgrade is not sealed silently.
	 */
	static final class LegacyChain {

		private LegacyChain() {
		}

		static void check(JdbcTemplate jdbc) {
			List<Long> broken = jdbc.query("""
					SELECT id FROM (
					    SELECT id, hash = audit_event_digest(e) AS content_ok,
					           prev_hash = coalesce(lag(hash) OVER (ORDER BY id), repeat('0', 64)) AS link_ok
					    FROM audit_event e WHERE hash IS NOT NULL) c
					WHERE NOT (content_ok AND link_ok) ORDER BY id LIMIT 1""", (rs, i) -> rs.getLong(1));
			if (broken.isEmpty()) {
				log.info("The unkeyed SHA-256 chain of the audit events before the upgrade is intact; sealing it with the key");
			}
			else {
				log.error("The unkeyed SHA-256 chain of the audit events before the upgrade is broken at event {}: "
						+ "those events were changed before they could be sealed; they are sealed as they are now", broken.get(0));
			}
		}
	}
}
