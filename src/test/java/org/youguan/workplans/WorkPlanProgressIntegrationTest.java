package org.youguan.workplans;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.audit.AuditEvent;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.DataScope;
import org.youguan.org.CurrentUser;
import org.youguan.org.DepartmentView;
import org.youguan.org.Departments;
import org.youguan.org.UserDirectory;
import org.youguan.workplans.internal.NoticeParserTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class WorkPlanProgressIntegrationTest {

	@Autowired
	WorkPlans plans;

	@Autowired
	Progress progress;

	@Autowired
	Departments departments;

	@Autowired
	UserDirectory directory;

	@Autowired
	MutableClock clock;

	@Autowired
	AuditTrail audit;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	WorkPlans.TaskLine task(long plan, int number) {
		return plans.get(DataScope.region("3205"), plan).sections().stream().flatMap(s -> s.tasks().stream())
			.filter(t -> t.number() == number).findFirst().orElseThrow(); // sections come before the livelihood items
	}

	@Test
	void departmentsReportTheirOwnTasksAndTheClockFindsWhatLags() throws Exception {
		CurrentUser market = directory.principal("sz.market").orElseThrow();
		long centre = departments.ofBureau(market.bureauId()).stream().filter(d -> d.name().equals("市邮政业安全发展中心"))
			.mapToLong(DepartmentView::id).findFirst().orElseThrow();
		clock.set(LocalDateTime.of(2029, 3, 10, 9, 0));
		long plan = plans.save(market, NoticeParserTest.sample().replace("2025", "2029"), Map.of("市邮政业安全中心", centre), Set.of());

		long four = task(plan, 4).id();
		progress.report(market, four, "许可核查流程已梳理", 50, List.of());
		assertThat(task(plan, 4).status()).isEqualTo("IN_PROGRESS");
		assertThatThrownBy(() -> progress.report(market, task(plan, 8).id(), "代填", 10, List.of())).hasMessageContaining("本处室负责");
		progress.report(market, task(plan, 13).id(), "市场监管处已完成自查", 30, List.of());

		clock.set(LocalDateTime.of(2029, 3, 26, 7, 0));
		progress.markLagging();
		assertThat(task(plan, 1).status()).as("no report this month after the 25th").isEqualTo("LAGGING");
		assertThat(task(plan, 4).status()).isEqualTo("IN_PROGRESS");
		assertThat(task(plan, 13).status()).as("any department counts for 各处室").isEqualTo("IN_PROGRESS");

		clock.set(LocalDateTime.of(2029, 4, 26, 7, 0));
		progress.markLagging();
		assertThat(task(plan, 4).status()).isEqualTo("LAGGING");
		progress.report(market, four, "已上线", 100, List.of());
		assertThat(task(plan, 4).status()).isEqualTo("DONE");
		assertThat(audit.history(DataScope.region("3205"), "WorkTask", task(plan, 1).id()))
			.extracting(AuditEvent::summary).anySatisfy(s -> assertThat(s).contains("由未启动转为滞后"));
		assertThatThrownBy(() -> progress.report(directory.principal("sz.leader").orElseThrow(), task(plan, 1).id(), "领导代填", 10,
				List.of())).as("the leader reads, departments report").isInstanceOf(AccessDeniedException.class);
		assertThat(progress.reports(four)).extracting(Progress.Report::percent).containsExactly(100, 50);

		clock.set(LocalDateTime.of(2030, 1, 5, 7, 0));
		progress.markLagging();
		assertThat(task(plan, 15).status()).as("past its due date unfinished").isEqualTo("LAGGING");
		assertThat(task(plan, 4).status()).isEqualTo("DONE");
	}
}
