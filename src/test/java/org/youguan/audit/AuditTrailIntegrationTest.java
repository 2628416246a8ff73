package org.youguan.audit;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class AuditTrailIntegrationTest {

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

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
	void keepsStatesAsJson() {
		tx.executeWithoutResult(s -> audit.record(AuditEntry.of("test.states", "Test", 4, "状态")
			.states(Map.of("name", "旧"), Map.of("name", "新"))
			.inRegion("3205")));
		AuditEvent e = audit.history(DataScope.region("3205"), "Test", 4).get(0);
		assertThat(e.beforeState()).isEqualTo("{\"name\": \"旧\"}");
		assertThat(e.afterState()).isEqualTo("{\"name\": \"新\"}");
		assertThat(e.hash()).hasSize(64);
	}

	@Test
	void scopesEventsByRegion() {
		tx.executeWithoutResult(s -> audit.record(AuditEntry.of("test.scope", "Test", 5, "相城区的事件").inRegion("320507")));
		assertThat(audit.history(DataScope.region("320506"), "Test", 5)).isEmpty();
		assertThat(audit.history(DataScope.region("3205"), "Test", 5)).hasSize(1);
		assertThat(audit.history(DataScope.enterprise("91350100M000100Y43"), "Test", 5)).isEmpty();
	}

	@Test
	void theDatabaseRejectsUpdateAndDelete() {
		tx.executeWithoutResult(s -> audit.record(AuditEntry.of("test.append-only", "Test", 6, "不可修改")));
		assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET summary = 'changed' WHERE object_id = '6'").update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("只能追加");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE object_id = '6'").update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("只能追加");
		assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_event").update()).isInstanceOf(DataAccessException.class);
	}

	@Test
	void theChainVerifiesAndATamperedRowIsFound() {
		tx.executeWithoutResult(s -> audit.record(AuditEntry.of("test.chain", "Test", 7, "链上的记录")));
		assertThat(audit.verifyChain().intact()).isTrue();
		long target = jdbc.sql("SELECT max(id) FROM audit_event WHERE object_id = '7'").query(Long.class).single();
		tx.executeWithoutResult(s -> {
			// a superuser bypassing the trigger, inside a transaction that is rolled back afterwards
			jdbc.sql("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update").update();
			jdbc.sql("UPDATE audit_event SET summary = '篡改' WHERE id = :id").param("id", target).update();
			ChainVerification result = audit.verifyChain();
			assertThat(result.intact()).isFalse();
			assertThat(result.firstBrokenId()).isEqualTo(target);
			assertThat(result.problem()).contains("篡改");
			s.setRollbackOnly();
		});
		assertThat(audit.verifyChain().intact()).isTrue();
	}

	@Test
	void aDeletedRowBreaksTheLinkOfTheNextOne() {
		tx.executeWithoutResult(s -> {
			audit.record(AuditEntry.of("test.chain", "Test", 8, "第一条"));
			audit.record(AuditEntry.of("test.chain", "Test", 9, "第二条"));
		});
		long first = jdbc.sql("SELECT max(id) FROM audit_event WHERE object_id = '8'").query(Long.class).single();
		tx.executeWithoutResult(s -> {
			jdbc.sql("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update").update();
			jdbc.sql("DELETE FROM audit_event WHERE id = :id").param("id", first).update();
			ChainVerification result = audit.verifyChain();
			assertThat(result.intact()).isFalse();
			assertThat(result.problem()).contains("断开");
			s.setRollbackOnly();
		});
	}
}
