package org.youguan.inspections;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A step of a 责令改正 order submitted twice at once (a double click, a retried call) happens once: the second waits for
 * the first and finds the order moved on (409), one audit entry.
 */
@IntegrationTest
class OrderStepRaceIntegrationTest {

	@Autowired
	UserDirectory directory;

	@Autowired
	InspectionRecords records;

	@Autowired
	InspectionOrders orders;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Test
	void twoAcceptancesAtOnceAcceptOnceAndRefuseTheOther() throws Exception {
		DataScope wuzhong = DataScope.region("320506");
		String sf = directory.principal("sf.wz").map(CurrentUser::enterpriseCreditCode).orElseThrow();
		long record = tx.execute(s -> records.record(wuzhong, null, new InspectionRecordData(sf,
				LocalDate.now(clock).toString(), "SPECIAL", List.of("REAL_NAME"),
				List.of(new InspectionRecordData.TeamMember("陈吴中", "32050601"),
						new InspectionRecordData.TeamMember("沈执法", "32050602")),
				"RECTIFICATION", "实名收寄登记不全（" + UUID.randomUUID() + "）", null, null), false, false));
		InspectionOrders.Order order = orders.issue(wuzhong, record, "320506", 5);
		orders.reply(DataScope.enterprise(sf), order.id(), "已补全实名登记");

		List<Object> outcomes = race(() -> orders.decide(wuzhong, order.id(), true, null));

		assertThat(outcomes).filteredOn(InspectionOrders.Order.class::isInstance).hasSize(1);
		assertThat(outcomes).filteredOn(DomainException.class::isInstance).hasSize(1);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'inspection.order.accept' AND object_id = :r")
			.param("r", String.valueOf(record)).query(Long.class).single()).isEqualTo(1);
	}

	/** Runs the step twice at the same moment; each outcome is the step's answer or the exception it threw. */
	private List<Object> race(Callable<Object> step) throws Exception {
		CyclicBarrier start = new CyclicBarrier(2);
		ExecutorService two = Executors.newFixedThreadPool(2);
		try {
			List<Future<Object>> runs = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				runs.add(two.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					try {
						return step.call();
					}
					catch (DomainException ex) {
						return ex;
					}
				}));
			}
			List<Object> outcomes = new ArrayList<>();
			for (Future<Object> run : runs) {
				outcomes.add(run.get(30, TimeUnit.SECONDS));
			}
			return outcomes;
		}
		finally {
			two.shutdownNow();
		}
	}
}
