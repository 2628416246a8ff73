package org.youguan.numbering;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class BusinessNumbersIntegrationTest {

	@Autowired
	BusinessNumbers numbers;

	@Autowired
	TransactionTemplate tx;

	String next(String type, String region, int year) {
		return tx.execute(s -> numbers.next(type, region, year));
	}

	@Test
	void formatsTypeRegionYearAndSequence() {
		assertThat(next("测试甲", "3205", 2026)).isEqualTo("测试甲-3205-2026-000001");
		assertThat(next("测试甲", "3205", 2026)).isEqualTo("测试甲-3205-2026-000002");
		assertThat(next("测试甲", "3205", 2027)).isEqualTo("测试甲-3205-2027-000001");
		assertThat(next("测试甲", "320506", 2026)).isEqualTo("测试甲-320506-2026-000001");
	}

	@Test
	void aRolledBackTransactionLeavesNoGap() {
		tx.executeWithoutResult(s -> {
			numbers.next("测试乙", "3205", 2026);
			s.setRollbackOnly();
		});
		assertThat(next("测试乙", "3205", 2026)).endsWith("-000001");
	}

	@Test
	void concurrentTransactionsGetDistinctGapFreeNumbers() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Callable<String>> tasks = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			tasks.add(() -> tx.execute(s -> numbers.next("测试丙", "3205", 2026)));
		}
		List<String> issued = new ArrayList<>();
		for (Future<String> f : pool.invokeAll(tasks)) {
			issued.add(f.get());
		}
		pool.shutdown();
		List<Long> sequence = new ArrayList<>(issued.stream().map(n -> Long.parseLong(n.substring(n.lastIndexOf('-') + 1))).toList());
		Collections.sort(sequence);
		assertThat(sequence).hasSize(200).doesNotHaveDuplicates();
		assertThat(sequence.get(0)).isEqualTo(1);
		assertThat(sequence.get(199)).isEqualTo(200);
	}

	@Test
	void refusesToIssueOutsideATransaction() {
		assertThatThrownBy(() -> numbers.next("测试丁", "3205", 2026)).isInstanceOf(IllegalTransactionStateException.class);
	}
}
