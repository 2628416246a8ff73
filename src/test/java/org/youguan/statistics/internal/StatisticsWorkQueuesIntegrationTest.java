package org.youguan.statistics.internal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.RandomDigits;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.org.Role;
import org.youguan.org.UserData;
import org.youguan.org.UserDirectory;
import org.youguan.org.UserKind;
import org.youguan.org.Users;
import org.youguan.org.WorkQueue;
import org.youguan.registry.Brands;
import org.youguan.registry.EnterpriseData;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.Enterprises;
import org.youguan.registry.Licences;
import org.youguan.statistics.Period;
import org.youguan.statistics.ReportLoader;
import org.youguan.statistics.Reporters;
import org.youguan.statistics.Reports;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Review finding: a correction (更正) draft of an approved report was missing from the enterprise's 待报送 queue, which
 * listed only each form's current period — it is a report still to be sent.
 */
@IntegrationTest
class StatisticsWorkQueuesIntegrationTest {

	@Autowired
	StatisticsWorkQueues queues;

	@Autowired
	ReportLoader loader;

	@Autowired
	Reports reports;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Brands brands;

	@Autowired
	Licences licences;

	@Autowired
	Users users;

	@Autowired
	UserDirectory directory;

	@Autowired
	TransactionTemplate tx;

	@Test
	void aCorrectionDraftIsInTheDueQueueAsADraftWithoutDueDayAndNotOverdue() {
		Period period = Period.month(YearMonth.of(2016, 1 + Integer.parseInt(RandomDigits.of(2)) % 12));
		String base = "91321102MA" + RandomDigits.of(7);
		String code = base + CreditCode.checkCharacter(base);
		long enterprise = Reporters.licensedSince(licences, enterprises.register(DataScope.all(), new EnterpriseData(
				"更正待报测试快递有限公司" + UUID.randomUUID().toString().substring(0, 4), code, EnterpriseType.EXPRESS,
				brands.findByShortName("顺丰").orElseThrow().id(), "张三", "测试路1号", "321102", "李四", "13912345678"), false),
				period.start());
		loader.loadApproved("monthly", List.of(new ReportLoader.Approved(enterprise, period,
				Map.of("express.volume.local", BigDecimal.TEN), period.end().plusDays(3))), false, "测试");
		DataScope own = DataScope.enterprise(code);
		long approved = reports.list(own, Reports.Filter.NONE, new org.youguan.kernel.PageQuery("", 0, 10, "period", true))
			.items().get(0).id();
		long draft = reports.revise(own, approved, "同城业务量填错");
		String name = "ent." + UUID.randomUUID().toString().substring(0, 6);
		tx.executeWithoutResult(s -> users.provision(new UserData(name, "填报员", UserKind.ENTERPRISE, null, null, code, null,
				EnumSet.of(Role.ENTERPRISE)), "Hs9#mF4!kRz6", false, false));
		WorkQueue due = queues.queuesFor(directory.principal(name).orElseThrow()).stream()
			.filter(q -> q.queue().equals("statistics.due")).findFirst().orElseThrow();
		assertThat(due.items()).filteredOn(i -> i.link().equals("/enterprise/statistics/reports/" + draft)).singleElement()
			.satisfies(i -> {
				assertThat(i.detail()).startsWith("更正草稿");
				assertThat(i.overdue()).as("the approved revision stands meanwhile").isFalse();
				// attack 4 (party): a voluntary correction is owed by no day — not the approved report's year-old due day
				assertThat(i.due()).as("a draft in progress, no due day").isNull();
			});
		assertThat(due.overdue()).as("the queue's overdue count, as /enterprise/statistics?overdue=true lists them")
			.isEqualTo(due.items().stream().filter(WorkQueue.Item::overdue).count());
	}
}
