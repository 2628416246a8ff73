package org.youguan.workplans;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.org.CurrentUser;
import org.youguan.org.DepartmentView;
import org.youguan.org.Departments;
import org.youguan.org.UserDirectory;
import org.youguan.workplans.internal.NoticeParserTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * One 文号, one plan of the bureau, held by the database (unique index V274) and not only by the check in code: a
 * write that meets a 文号 taken meanwhile is the 409 on {@code documentNumber} naming the 文号, never a second plan
 * under it. Its own years (2087–2092; 2081–2082 are another test's), today moved into them.
 */
@IntegrationTest
class WorkPlanNumberIndexIntegrationTest {

	@Autowired
	WorkPlans plans;

	@Autowired
	PlanDrafts drafts;

	@Autowired
	Departments departments;

	@Autowired
	UserDirectory directory;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	CurrentUser user(String name) {
		return directory.principal(name).orElseThrow();
	}

	/**
	 * A draft of the year (the sample without its 文号, a tag of its own so its fingerprint is new) and its copy of the
	 * next year, today moved into the year; each test has its years (a bureau has one plan of a year to copy into).
	 */
	long[] twoDrafts(String tag, int year) throws Exception {
		clock.set(LocalDateTime.of(year, 3, 10, 9, 0));
		long centre = departments.ofBureau(user("sz.admin").bureauId()).stream()
			.filter(d -> d.name().equals("市邮政业安全发展中心")).mapToLong(DepartmentView::id).findFirst().orElseThrow();
		String text = NoticeParserTest.sample().replace("2025", Integer.toString(year))
			.replaceFirst("示邮管〔" + year + "〕3号\n", "")
			.replace("总体工作要求：", "总体工作要求：" + tag);
		long first = plans.save(user("sz.market"), text, Map.of("市邮政业安全中心", centre), Set.of());
		return new long[] { first, drafts.copyToNextYear(user("sz.market"), first) };
	}

	static void refusedOnTheNumber(Throwable ex, String number) {
		assertThat(ex).isInstanceOfSatisfying(DomainException.class, d -> {
			assertThat(d.code()).isEqualTo(ErrorCode.DUPLICATE);
			assertThat(d.fieldErrors()).extracting(e -> e.field() + "/" + e.rule()).containsExactly("documentNumber/unique");
			assertThat(d.getMessage()).contains("文号" + number);
		});
	}

	/**
	 * A writer that does not take the check's lock — here a plain SQL update holding its transaction open — writes a
	 * 文号 while a draft is published under it: the publishing waits for it, meets the unique index and is refused with
	 * the 409 naming the 文号; the draft stays a draft. Without the index both plans carried the 文号.
	 */
	@Test
	void aNumberWrittenMeanwhileByAnotherWriterRefusesThePublishingNamingIt() throws Exception {
		long[] ids = twoDrafts("（并发甲" + System.nanoTime() % 100000 + "）", 2087);
		String number = "苏邮管〔2087〕" + (100 + System.nanoTime() % 800) + "号";
		CountDownLatch written = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<?> other = pool.submit(() -> tx.executeWithoutResult(s -> {
				jdbc.sql("UPDATE work_plan SET status = 'ACTIVE', document_number = :n WHERE id = :id")
					.param("n", number).param("id", ids[0]).update();
				written.countDown();
				try {
					commit.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}));
			assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
			Future<?> publishing = pool.submit(() -> drafts.publish(user("sz.market"), ids[1], number, LocalDate.of(2087, 3, 1)));
			// the publishing has written its row and waits on the other writer's uncommitted 文号 in the unique index
			await().atMost(Duration.ofSeconds(20)).until(() -> publishing.isDone() || jdbc.sql("""
					SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE '%work_plan%'""")
				.query(Long.class).single() > 0);
			assertThat(publishing).isNotDone();
			commit.countDown();
			other.get(30, TimeUnit.SECONDS);
			assertThatThrownBy(() -> publishing.get(30, TimeUnit.SECONDS)).satisfies(ex -> refusedOnTheNumber(ex.getCause(), number));
		}
		finally {
			commit.countDown();
			pool.shutdownNow();
		}
		assertThat(plans.get(org.youguan.kernel.DataScope.region("3205"), ids[1]).draft()).isTrue();
	}

	/** Two drafts published under one 文号 at once: one wins, the other is the 409 naming the 文号. */
	@Test
	void twoPlansPublishedUnderOneNumberAtOnceOneWins() throws Exception {
		long[] ids = twoDrafts("（并发乙" + System.nanoTime() % 100000 + "）", 2089);
		String number = "苏邮管〔2089〕" + (1000 + System.nanoTime() % 800) + "号";
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<?>> saves = new ArrayList<>();
		try {
			for (long id : ids) {
				saves.add(pool.submit(() -> {
					start.await();
					drafts.publish(user("sz.market"), id, number, LocalDate.of(2089, 3, 1));
					return null;
				}));
			}
			start.countDown();
			List<Throwable> refused = new ArrayList<>();
			for (Future<?> save : saves) {
				try {
					save.get(60, TimeUnit.SECONDS);
				}
				catch (java.util.concurrent.ExecutionException ex) {
					refused.add(ex.getCause());
				}
			}
			assertThat(refused).hasSize(1);
			refusedOnTheNumber(refused.get(0), number);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.sql("SELECT count(*) FROM work_plan WHERE document_number = :n").param("n", number)
			.query(Long.class).single()).isOne();
	}

	/**
	 * The index compares 文号 as every identifier (full-width digits, case, dashes), and leaves out only a plan marked by
	 * V274 as the twin of an earlier one — a 文号 two plans shared before the index, kept as stored.
	 */
	@Test
	void theIndexTakesLookAlikesForOneNumberAndLeavesOutOnlyMarkedTwins() throws Exception {
		long[] ids = twoDrafts("（索引" + System.nanoTime() % 100000 + "）", 2091);
		long n = 2000 + System.nanoTime() % 800;
		jdbc.sql("UPDATE work_plan SET document_number = :n WHERE id = :id").param("n", "苏邮管〔2091〕" + n + "号")
			.param("id", ids[0]).update();
		assertThatThrownBy(() -> tx.executeWithoutResult(s -> jdbc
			.sql("UPDATE work_plan SET document_number = :n WHERE id = :id").param("n", "苏邮管〔2091〕" + fullWidth(n) + "号")
			.param("id", ids[1]).update())).isInstanceOf(DuplicateKeyException.class);
		jdbc.sql("UPDATE work_plan SET document_number = :n, document_number_twin_of = :first WHERE id = :id")
			.param("n", "苏邮管〔2091〕" + n + "号").param("first", ids[0]).param("id", ids[1]).update();
		assertThat(jdbc.sql("SELECT count(*) FROM work_plan WHERE document_number = :n").param("n", "苏邮管〔2091〕" + n + "号")
			.query(Long.class).single()).isEqualTo(2);
	}

	private static String fullWidth(long n) {
		StringBuilder out = new StringBuilder();
		Long.toString(n).chars().forEach(c -> out.append((char) ('０' + c - '0')));
		return out.toString();
	}
}
