package org.youguan.workplans;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.audit.AuditEvent;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
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

	/** The sample plan of {@code year} whose task 3 is led by 市场监管处 with 办公室 co-responsible. */
	long planWithSharedTaskThree(CurrentUser market, int year) throws Exception {
		long centre = departments.ofBureau(market.bureauId()).stream().filter(d -> d.name().equals("市邮政业安全发展中心"))
			.mapToLong(DepartmentView::id).findFirst().orElseThrow();
		return plans.save(market, NoticeParserTest.sample().replace("2025", String.valueOf(year))
			.replace("开展作风建设专项整治。（办公室牵头）", "开展作风建设专项整治。（市场监管处牵头，办公室配合）"),
				Map.of("市邮政业安全中心", centre), Set.of());
	}

	/**
	 * For a lead task only the lead department's reports count — for the newest month too (attack round 19: the newest
	 * month any department reported was checked, so a 配合 department's December report turned a task its lead finished
	 * in November back to 未启动), and the exports' latest progress is the lead's.
	 */
	@Test
	void aCoDepartmentsLaterReportNeitherCountsForNorUndoesALeadTaskFinished() throws Exception {
		CurrentUser market = directory.principal("sz.market").orElseThrow();
		CurrentUser office = directory.principal("sz.office").orElseThrow();
		clock.set(LocalDateTime.of(2053, 11, 10, 9, 0));
		long plan = planWithSharedTaskThree(market, 2053);
		long three = task(plan, 3).id();
		assertThat(task(plan, 3).departments()).containsExactly("市场监管处", "办公室");
		progress.report(market, three, "专项整治已完成", 100, List.of());
		assertThat(task(plan, 3).status()).isEqualTo("DONE");

		clock.set(LocalDateTime.of(2053, 12, 10, 9, 0));
		assertThat(task(plan, 3).status()).isEqualTo("DONE");
		assertThat(progress.latest(plan).get(three)).as("the exports' latest progress: the lead's")
			.satisfies(l -> assertThat(l.department() + " " + l.month() + " " + l.percent()).isEqualTo("市场监管处 2053-11 100"));
		// a completed task takes no further report, from the 配合 department or its lead (attack 3: the lead's 10 %
		// silently reopened it to 推进中): 409, nothing saved, the task stays 已完成
		for (CurrentUser reporter : List.of(office, market)) {
			assertThatThrownBy(() -> progress.report(reporter, three, "复查发现问题，继续整改", 10, List.of()))
				.isInstanceOfSatisfying(DomainException.class, e -> {
					assertThat(e.code().status()).isEqualTo(409);
					assertThat(e.getMessage()).contains("第3项任务已完成，不能再填报进展");
				});
		}
		assertThat(task(plan, 3).status()).isEqualTo("DONE");
		assertThat(progress.reports(three)).extracting(Progress.Report::percent).containsExactly(100);
	}

	/** Progress is long free text: the invisible characters inside it are removed as it is stored (Text.freeText). */
	@Test
	void invisibleCharactersInsideProgressTextAreRemoved() throws Exception {
		CurrentUser market = directory.principal("sz.market").orElseThrow();
		clock.set(LocalDateTime.of(2054, 11, 10, 9, 0));
		long plan = planWithSharedTaskThree(market, 2054);
		long three = task(plan, 3).id();
		progress.report(market, three, "复查发现问题，\u200B继续\uFEFF整改", 80, List.of());
		assertThat(task(plan, 3).status()).isEqualTo("IN_PROGRESS");
		assertThat(progress.latest(plan).get(three).text()).isEqualTo("复查发现问题，继续整改");
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
				List.of())).as("the leader reads, departments report, and is told so (attack: a 403 without a word)")
			.isInstanceOfSatisfying(AccessRefusedException.class, e -> assertThat(e.getMessage()).contains("由负责处室填报"));
		assertThat(progress.reports(four)).extracting(Progress.Report::percent).containsExactly(100, 50);

		clock.set(LocalDateTime.of(2030, 1, 5, 7, 0));
		progress.markLagging();
		assertThat(task(plan, 15).status()).as("past its due date unfinished").isEqualTo("LAGGING");
		assertThat(task(plan, 4).status()).isEqualTo("DONE");
	}
}
