package org.youguan.enforcement.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.youguan.IntegrationTest;
import org.youguan.org.UserDirectory;
import org.youguan.org.WorkQueue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The enforcement queues of the inbox on the demo city: a city clerk sees the leads to assess, the overdue case
 * (filed 96 days ago) among the cases near or past their limit, and the fine unpaid past its 15 days, each item linking
 * to its page; a county clerk sees only its county's; leaders and enterprise users hold none.
 */
@IntegrationTest
class EnforcementWorkQueuesIntegrationTest {

	@Autowired
	EnforcementWorkQueues queues;

	@Autowired
	UserDirectory directory;

	@Autowired
	JdbcClient jdbc;

	Map<String, WorkQueue> of(String user) {
		return queues.queuesFor(directory.principal(user).orElseThrow()).stream()
			.collect(Collectors.toMap(WorkQueue::queue, Function.identity()));
	}

	@Test
	void aClerkSeesLeadsCasesNearTheLimitDecisionsToPublishAndOverdueFines() {
		Map<String, WorkQueue> city = of("sz.admin");
		assertThat(city).containsOnlyKeys("enforcement.leads", "enforcement.deadline", "enforcement.publish",
				"enforcement.unpaid");
		assertThat(city.get("enforcement.leads").count()).isEqualTo(jdbc.sql(
				"SELECT count(*) FROM penalty_lead WHERE status IN ('OPEN', 'PROPOSED') AND region_code LIKE '3205%'")
			.query(Long.class).single());
		assertThat(city.get("enforcement.deadline").overdue()).isPositive();
		assertThat(city.get("enforcement.deadline").items()).allSatisfy(i -> assertThat(i.link()).startsWith("/enforcement/cases/"));
		assertThat(city.get("enforcement.unpaid").count()).isPositive();
		assertThat(city.get("enforcement.unpaid").items().get(0).overdue()).isTrue();

		Map<String, WorkQueue> county = of("xc.staff");
		long countyLeads = jdbc.sql("SELECT count(*) FROM penalty_lead WHERE status IN ('OPEN', 'PROPOSED') AND region_code LIKE '320507%'")
			.query(Long.class).single();
		assertThat(county.get("enforcement.leads").count()).isEqualTo(countyLeads);

		assertThat(of("sz.leader")).isEmpty();
		assertThat(of("sf.wz")).isEmpty();
		assertThat(queues.linkFor(directory.principal("sz.admin").orElseThrow(), "penalty_case", "7")).contains("/enforcement/cases/7");
		assertThat(queues.linkFor(directory.principal("sf.wz").orElseThrow(), "penalty_case", "7")).isEmpty();
		assertThat(List.of(city.get("enforcement.publish").labelKey())).containsExactly("queue.enforcement.publish");
		assertThat(queues.items(directory.principal("sz.admin").orElseThrow(), "enforcement.unpaid")).hasSize(
				(int) city.get("enforcement.unpaid").count());
	}
}
