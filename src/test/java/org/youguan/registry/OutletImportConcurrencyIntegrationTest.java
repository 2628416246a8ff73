package org.youguan.registry;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.audit.AuditEntry;
import org.youguan.audit.AuditTrail;
import org.youguan.documents.ImportResult;
import org.youguan.registry.RegistryIntegrationTest.DemoCodes;
import org.youguan.registry.internal.outlets.OutletImport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * A real outlet import held open mid-transaction (after its rows and audit entries are written, before the commit)
 * holds up no other user's audited action: a sign-in and another audited change complete while it is open (they would
 * hang until the import is released if they waited for any lock it holds). After the commit the import's outlets are
 * there with the import's one audit entry (row count, file digest, the outlets' ids), every event is sealed, and the chain
 * verifies.
 */
@IntegrationTest
class OutletImportConcurrencyIntegrationTest {

	@Autowired
	OutletImport importer;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	MockMvc mvc;

	/** The import of {@code file} on {@code pool}, held open after its rows are written until {@code release}. */
	Future<ImportResult> held(ExecutorService pool, byte[] file, CountDownLatch written, CountDownLatch release)
			throws InterruptedException {
		Future<ImportResult> importing = pool.submit(() -> tx.execute(s -> {
			ImportResult result = importer.importFile(OutletImportIntegrationTest.SUZHOU, file);
			written.countDown();
			await().atMost(Duration.ofSeconds(120)).until(() -> release.getCount() == 0);
			return result;
		}));
		assertThat(written.await(60, TimeUnit.SECONDS)).as("the import wrote its rows").isTrue();
		return importing;
	}

	/**
	 * An outlet registered with a look-alike of one of an open import's filing numbers (its letter case and separators
	 * changed) waits for the import — whose check of the number it cannot pass by — and is refused once the import has
	 * committed (attack round 10: the import's batch insert held no lock on its numbers, so each could add a look-alike).
	 */
	@Test
	void aLookAlikeOfAFilingNumberOfAnOpenImportWaitsForItAndIsThenRefused() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		String number = "LOCK-" + suffix + "-0001";
		byte[] file = OutletImportIntegrationTest.workbook(List.of(
				OutletImportIntegrationTest.outlet("锁号导入" + suffix, "加盟", "320506001", number)));
		CountDownLatch written = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<ImportResult> importing = held(pool, file, written, release);
			MockHttpSession staff = SignIn.session(mvc, "wz.staff");
			Future<Integer> lookAlike = pool.submit(() -> mvc.perform(post("/registry/outlets/new").session(staff).with(csrf())
				.param("creditCode", DemoCodes.SF_WUZHONG).param("filingNumber", number.toLowerCase().replace('-', ' '))
				.params(RegistryMaintenanceIntegrationTest.outletForm("锁号登记" + suffix, RegistryIntegrationTest.idNumber(),
						"13812345678")))
				.andReturn().getResponse().getStatus());
			// the registration's check waits on the number's lock, which the open import holds
			await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
					SELECT count(*) FROM pg_stat_activity
					WHERE wait_event_type = 'Lock' AND wait_event = 'advisory' AND query LIKE '%pg_advisory_xact_lock%'""")
				.query(Long.class).single() > 0);
			assertThat(lookAlike.isDone()).isFalse();
			release.countDown();
			assertThat(importing.get(60, TimeUnit.SECONDS).imported()).isEqualTo(1);
			assertThat(lookAlike.get(60, TimeUnit.SECONDS)).isEqualTo(409);
		}
		finally {
			release.countDown();
			pool.shutdownNow();
		}
		assertThat(jdbc.sql("SELECT count(*) FROM terminal_outlet WHERE name LIKE :n").param("n", "锁号%" + suffix)
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aSignInAndAnotherAuditedChangeCompleteWhileAnImportTransactionIsOpen() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		List<List<String>> rows = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			rows.add(OutletImportIntegrationTest.outlet("并发导入" + suffix + "-" + i, "加盟", "320506001",
					i % 2 == 0 ? "并发备案-" + suffix + "-" + i : ""));
		}
		byte[] file = OutletImportIntegrationTest.workbook(rows);
		CountDownLatch written = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<ImportResult> importing = held(pool, file, written, release);

			// meanwhile, on other threads: a sign-in (audited) and another audited change
			Future<?> others = pool.submit(() -> {
				mvc.perform(post("/login").param("username", "sz.office").param("password", SignIn.DEMO_PASSWORD).with(csrf()))
					.andExpect(redirectedUrl("/"));
				tx.executeWithoutResult(s -> audit.record(AuditEntry.of("test.beside-import", "Test", "beside-" + suffix,
						"导入进行中的其他操作")));
				return null;
			});
			others.get(30, TimeUnit.SECONDS);
			assertThat(importing.isDone()).as("the import's transaction is still open").isFalse();

			release.countDown();
			ImportResult result = importing.get(60, TimeUnit.SECONDS);
			assertThat(result.rejected()).isFalse();
			assertThat(result.imported()).isEqualTo(50);
		}
		finally {
			release.countDown();
			pool.shutdownNow();
		}
		assertThat(jdbc.sql("SELECT count(*) FROM terminal_outlet WHERE name LIKE :n")
			.param("n", "并发导入" + suffix + "%").query(Long.class).single()).isEqualTo(50);
		assertThat(jdbc.sql("SELECT count(*) FROM terminal_outlet WHERE name LIKE :n AND status = 'FILED'")
			.param("n", "并发导入" + suffix + "%").query(Long.class).single()).isEqualTo(25);
		var entry = jdbc.sql("""
				SELECT summary, after_state->>'sha256' AS sha256, jsonb_array_length(after_state->'outletIds') AS outlets
				FROM audit_event WHERE action = 'outlet.import' ORDER BY id DESC LIMIT 1""").query().singleRow();
		assertThat((String) entry.get("summary")).startsWith("批量导入末端网点50个（其中已备案25个，文件SHA-256 ");
		assertThat(entry.get("sha256")).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file)));
		assertThat(((Number) entry.get("outlets")).intValue()).as("the entry names every outlet it registered").isEqualTo(50);
		audit.sealPending();
		assertThat(jdbc.sql("""
				SELECT count(*) FROM audit_event e WHERE NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.event_id = e.id)""")
			.query(Long.class).single()).as("every committed event sealed").isZero();
		assertThat(audit.verifyChain().intact()).isTrue();
	}
}
