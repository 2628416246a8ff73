package org.youguan.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * An open transaction holding an audit event (a bulk import) holds up nobody else's audited action, and the chain
 * stays gap-free and verifiable when many transactions record at once and commit out of id order.
 */
@IntegrationTest
class AuditChainConcurrencyIntegrationTest {

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	MockMvc mvc;

	@Test
	void aLongTransactionWithAnUnsealedEventDoesNotBlockAnotherAuditedActionNorItsSealing() throws Exception {
		CountDownLatch recorded = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			// the "import": records an event, then stays open until released
			Future<?> longTransaction = pool.submit(() -> tx.executeWithoutResult(s -> {
				audit.record(AuditEntry.of("test.import", "Test", "long-1", "长事务中的记录"));
				recorded.countDown();
				await().atMost(Duration.ofSeconds(60)).until(() -> release.getCount() == 0);
			}));
			assertThat(recorded.await(30, TimeUnit.SECONDS)).isTrue();

			// another user's audited action meanwhile: it used to wait for the import's chain lock
			long started = System.nanoTime();
			tx.executeWithoutResult(s -> audit.record(AuditEntry.of("test.other", "Test", "long-2", "其他用户的操作")));
			// and a real sign-in (audited) answers too
			mvc.perform(post("/login").param("username", "sz.office").param("password", SignIn.DEMO_PASSWORD).with(csrf()))
				.andExpect(redirectedUrl("/"));
			long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
			assertThat(elapsedMillis).as("audited actions beside an open import (ms)").isLessThan(2_000);

			// the other action's event is sealed while the import is still open
			long other = eventOf("long-2");
			await().atMost(Duration.ofSeconds(10)).until(() -> sealed(other));
			assertThat(longTransaction.isDone()).isFalse();

			release.countDown();
			longTransaction.get(30, TimeUnit.SECONDS);
			long imported = eventOf("long-1");
			await().atMost(Duration.ofSeconds(10)).until(() -> sealed(imported));
			// the import's event has the lower id but was committed later: it is sealed after the other one
			assertThat(imported).isLessThan(other);
			assertThat(seqOf(imported)).isGreaterThan(seqOf(other));
			audit.sealPending();
			assertThat(audit.verifyChain().intact()).isTrue();
		}
		finally {
			release.countDown();
			pool.shutdownNow();
		}
	}

	@Test
	void theChainIsGapFreeAndVerifiesAfterConcurrentWriters() throws Exception {
		int threads = 6;
		int transactions = 25;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> running = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int thread = t;
				running.add(pool.submit(() -> {
					for (int i = 0; i < transactions; i++) {
						int n = i;
						tx.executeWithoutResult(s -> {
							for (int k = 0; k <= n % 3; k++) {
								audit.record(AuditEntry.of("test.concurrent", "Test", "c-" + thread + "-" + n + "-" + k, "并发写入"));
							}
							if (n % 7 == 6) {
								s.setRollbackOnly();
							}
						});
					}
				}));
			}
			for (Future<?> f : running) {
				f.get(120, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		audit.sealPending();
		long written = jdbc.sql("SELECT count(*) FROM audit_event WHERE object_id LIKE 'c-%'").query(Long.class).single();
		assertThat(written).as("committed events: per thread 49 recorded, 6 of them in rolled-back transactions")
			.isEqualTo(threads * 43L);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM audit_event e WHERE e.object_id LIKE 'c-%'
				AND NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.event_id = e.id)""").query(Long.class).single())
			.as("every committed event sealed")
			.isZero();
		var seals = jdbc.sql("SELECT count(*) AS seals, max(seq) AS max_seq, count(DISTINCT event_id) AS events FROM audit_seal")
			.query()
			.singleRow();
		assertThat(seals.get("max_seq")).as("seal numbers without gaps").isEqualTo(seals.get("seals"));
		assertThat(seals.get("events")).as("each event sealed once").isEqualTo(seals.get("seals"));
		long sealCount = ((Number) seals.get("seals")).longValue();
		ChainVerification result = audit.verifyChain();
		assertThat(result.problem()).isNull();
		assertThat(result.checked()).isGreaterThanOrEqualTo(sealCount);
	}

	private long eventOf(String objectId) {
		return jdbc.sql("SELECT max(id) FROM audit_event WHERE object_type = 'Test' AND object_id = :o")
			.param("o", objectId)
			.query(Long.class)
			.single();
	}

	private boolean sealed(long eventId) {
		return jdbc.sql("SELECT count(*) FROM audit_seal WHERE event_id = :id").param("id", eventId).query(Long.class)
			.single() > 0;
	}

	private long seqOf(long eventId) {
		return jdbc.sql("SELECT seq FROM audit_seal WHERE event_id = :id").param("id", eventId).query(Long.class).single();
	}
}
