package org.youguan.platform;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.RandomDigits;
import org.youguan.platform.BackgroundJobs.State;
import org.youguan.region.RegionImport;
import org.youguan.region.RegionImporter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Job progress lives in PostgreSQL: what a node writes is visible at once (even from inside a long transaction), and a
 * job whose node stopped is marked failed after the heartbeat timeout instead of showing "running" forever.
 */
@IntegrationTest
class BackgroundJobsIntegrationTest {

	@Autowired
	BackgroundJobs jobs;

	@Autowired
	RegionImporter regionImports;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	Secrets secrets;

	@Autowired
	DataSource dataSource;

	@Test
	void progressWrittenInsideALongTransactionIsVisibleBeforeItCommits() {
		UUID id = jobs.start("test.work", "sys.admin", "COUNTING", 10, null);
		tx.executeWithoutResult(s -> {
			jobs.progress(id, "COUNTING", 4, 10);
			String seenByAnotherConnection = jdbc.sql("SELECT done || '/' || total FROM background_job WHERE id = :id")
				.param("id", id).query(String.class).single();
			assertThat(seenByAnotherConnection).isEqualTo("4/10");
			s.setRollbackOnly();
		});
		assertThat(jobs.find(id)).get().extracting(BackgroundJobs.Job::done).isEqualTo(4L);
		jobs.finish(id, State.DONE, 10, "完成", null);
		assertThat(jobs.find(id)).get().satisfies(j -> {
			assertThat(j.state()).isEqualTo(State.DONE);
			assertThat(j.finishedAt()).isNotNull();
		});
	}

	@Test
	void aJobWhoseNodeStoppedBeatingIsMarkedFailedAndItsPageSaysSo() {
		UUID lost = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO background_job (id, kind, owner, node, state, step, done, total, detail, heartbeat_at)
				VALUES (:id, 'region.import', 'sys.admin', 'node-that-died', 'RUNNING', 'IMPORTING', 2000, 9000,
				    CAST('{"fileName":"villages.csv","provinceFilter":null,"imported":0,"errors":[]}' AS jsonb),
				    now() - interval '10 minutes')""")
			.param("id", lost)
			.update();
		UUID alive = jobs.start("test.work", "sys.admin", "COUNTING", 10, null);
		releaseLock("platform.jobs.sweep");

		jobs.sweep();

		RegionImport page = regionImports.job(lost.toString()).orElseThrow();
		assertThat(page.phase()).isEqualTo(RegionImport.Phase.FAILED);
		assertThat(page.message()).contains("node-that-died").contains("已停止响应").contains("请重新开始");
		assertThat(jobs.find(alive).orElseThrow().state()).as("a job beating on this node runs on")
			.isEqualTo(State.RUNNING);
		jobs.finish(alive, State.DONE, 10, "完成", null);
	}

	@Test
	void aResultIsHandedOutOnceAndOnlyToItsOwner() {
		UUID id = jobs.record("test.sheet", "sz.market", State.REJECTED, "有1行存在错误", "错误.xlsx", new byte[] { 1, 2 });
		assertThat(jobs.find(id).orElseThrow().resultName()).isEqualTo("错误.xlsx");
		assertThat(jobs.takeResult(id, "test.sheet", "sz.admin")).isEmpty();
		assertThat(jobs.takeResult(id, "other.kind", "sz.market")).isEmpty();
		assertThat(jobs.takeResult(id, "test.sheet", "sz.market")).get()
			.satisfies(r -> assertThat(r.content()).containsExactly(1, 2));
		assertThat(jobs.takeResult(id, "test.sheet", "sz.market")).isEmpty();
		assertThat(jobs.find(id).orElseThrow().resultName()).isNull();
	}

	@Test
	void aResultIsStoredOnlyEncryptedBoundToItsJob() {
		String idNumber = "320506" + RandomDigits.of(11) + "3";
		byte[] sheet = ("负责人身份证号," + idNumber).getBytes(StandardCharsets.UTF_8);
		UUID id = jobs.record("test.sheet", "sz.market", State.REJECTED, "有1行存在错误", "错误.xlsx", sheet);

		byte[] stored = jdbc.sql("SELECT result_cipher FROM background_job WHERE id = :id").param("id", id)
			.query(byte[].class).single();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(idNumber);
		assertThat(secrets.decryptBytes(stored, BackgroundJobs.resultContext(id))).isEqualTo(sheet);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM information_schema.columns
				WHERE table_name = 'background_job' AND data_type = 'bytea' AND column_name <> 'result_cipher'""")
			.query(Long.class).single()).as("no other column holds a file in clear").isZero();
		assertThat(jobs.takeResult(id, "test.sheet", "sz.market")).get()
			.satisfies(r -> assertThat(r.content()).isEqualTo(sheet));
	}

	@Test
	void aClearResultLeftFromBeforeV247IsEncryptedInPlaceAndStillHandedOut() throws Exception {
		String phone = "139" + RandomDigits.of(8);
		UUID id = UUID.randomUUID();
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(true);
			try (Statement s = connection.createStatement()) {
				s.execute("ALTER TABLE background_job ADD COLUMN IF NOT EXISTS result bytea");
			}
			try (PreparedStatement insert = connection.prepareStatement("""
					INSERT INTO background_job (id, kind, owner, node, state, result_name, result, finished_at)
					VALUES (?, 'test.sheet', 'sz.market', 'old-node', 'REJECTED', '错误.xlsx', ?, now())""")) {
				insert.setObject(1, id);
				insert.setBytes(2, phone.getBytes(StandardCharsets.UTF_8));
				insert.executeUpdate();
			}
			new JobResultEncryption(secrets).migrate(connection);
		}

		assertThat(jdbc.sql("SELECT count(*) FROM information_schema.columns"
				+ " WHERE table_name = 'background_job' AND column_name = 'result'").query(Long.class).single())
			.as("the clear column is dropped").isZero();
		byte[] stored = jdbc.sql("SELECT result_cipher FROM background_job WHERE id = :id").param("id", id)
			.query(byte[].class).single();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(phone);
		assertThat(jobs.takeResult(id, "test.sheet", "sz.market")).get()
			.satisfies(r -> assertThat(new String(r.content(), StandardCharsets.UTF_8)).isEqualTo(phone));
	}

	/** Lets the next call take the job's lock now, even when a scheduled run took it less than its minimum ago. */
	private void releaseLock(String name) {
		jdbc.sql("UPDATE shedlock SET lock_until = timezone('utc', now()) - interval '1 second' WHERE name = :name")
			.param("name", name)
			.update();
	}
}
