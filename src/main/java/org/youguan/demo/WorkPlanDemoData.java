package org.youguan.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.youguan.kernel.DataScope;
import org.youguan.org.CurrentUser;
import org.youguan.org.DepartmentView;
import org.youguan.org.Role;
import org.youguan.org.Departments;
import org.youguan.org.UserDirectory;
import org.youguan.statistics.Aggregates;
import org.youguan.statistics.Indicators;
import org.youguan.statistics.Slice;
import org.youguan.workplans.PlanDrafts;
import org.youguan.workplans.PlanTargets;
import org.youguan.workplans.Progress;
import org.youguan.workplans.WorkPlans;

/**
 * The demo city's plan for the current year, imported from the notice sample through the same import a bureau uses
 * ("市邮政业安全中心" mapped to 市邮政业安全发展中心), with the year's monthly reports so far in every state: tasks done,
 * on track, not yet reported this month, lagging behind an earlier due date, and not started. The plan's main targets
 * are written from the city's own statistics (last year's totals and the plan's growth rates) and adopted as the
 * statistics targets of the city.
 */
@Component
class WorkPlanDemoData {

	private final WorkPlans plans;

	private final PlanDrafts drafts;

	private final Progress progress;

	private final Departments departments;

	private final UserDirectory directory;

	private final Clock clock;

	private final PlanTargets planTargets;

	private final Aggregates aggregates;

	private final Indicators indicators;

	WorkPlanDemoData(WorkPlans plans, PlanDrafts drafts, Progress progress, Departments departments, UserDirectory directory,
			Clock clock, PlanTargets planTargets, Aggregates aggregates, Indicators indicators) {
		this.planTargets = planTargets;
		this.aggregates = aggregates;
		this.indicators = indicators;
		this.plans = plans;
		this.drafts = drafts;
		this.progress = progress;
		this.departments = departments;
		this.directory = directory;
		this.clock = clock;
	}

	void seed() {
		CurrentUser admin = directory.principal("sz.admin").orElseThrow();
		LocalDate today = LocalDate.now(clock);
		int year = today.getYear();
		// issued on 20 February, or today before then: a plan is not issued on a day still to come
		LocalDate issued = LocalDate.of(year, 2, 20).isAfter(today) ? today : LocalDate.of(year, 2, 20);
		String notice = notice().replace("2025年2月20日", year + "年" + issued.getMonthValue() + "月" + issued.getDayOfMonth() + "日")
			.replace("示范市", "苏州市").replace("示邮管", "苏邮管").replace("2025", Integer.toString(year))
			.replaceFirst("主要工作目标：[^\\n]*", "主要工作目标：" + targetsParagraph(year));
		Map<String, Long> ids = departments.ofBureau(admin.bureauId()).stream()
			.collect(Collectors.toMap(DepartmentView::name, DepartmentView::id));
		long plan = plans.save(admin, notice, Map.of("市邮政业安全中心", ids.get("市邮政业安全发展中心")), Set.of());
		// the plan's targets become the statistics targets of the city: one figure on the plan and the target page
		List<WorkPlans.MainTarget> mainTargets = plans.get(DataScope.all(), plan).mainTargets();
		for (int position = 1; position <= mainTargets.size(); position++) {
			if (mainTargets.get(position - 1).indicatorCode() != null) {
				planTargets.adopt(admin, plan, position);
			}
		}
		Map<Long, String> reporters = DemoAccounts.STAFF.stream()
			.filter(a -> a.bureauRegion().equals(DemoCity.CITY) && a.roles().contains(Role.STAFF))
			.collect(Collectors.toMap(a -> ids.get(a.department()), DemoAccounts.Account::displayName, (a, b) -> a));

		YearMonth now = YearMonth.from(today);
		List<Progress.Recorded> reports = new ArrayList<>();
		int i = 0;
		for (WorkPlans.TaskLine task : plans.get(DataScope.all(), plan).tasks()) {
			List<Long> answering = task.allDepartments() ? List.copyOf(reporters.keySet())
					: task.departments().stream().map(ids::get).toList();
			List<Long> reporting = "LEAD".equals(task.responsibility()) && !task.allDepartments() ? answering.subList(0, 1) : answering;
			switch (i++ % 5) {
				case 0 -> months(reports, task, reporting, reporters, now, now.getMonthValue() - 1, true);
				case 1, 3 -> months(reports, task, reporting, reporters, now, now.getMonthValue(), false);
				case 2 -> months(reports, task, reporting, reporters, now, now.getMonthValue() - 1, false);
				default -> {
					if (now.getMonthValue() > 3 && i % 2 == 0) {
						// due at the end of two months ago and not finished: lagging
						drafts.updateTask(admin, task.id(), task.text(), now.minusMonths(2).atEndOfMonth());
						months(reports, task, reporting, reporters, now, now.getMonthValue() - 2, false);
					}
				}
			}
		}
		progress.load(plan, reports);
	}

	/** The plan's main targets: indicator, growth over last year in %, and how the notice writes the amount. */
	private record Target(String code, String words, BigDecimal growth, String unit, long divisor) {
	}

	private static final List<Target> TARGETS = List.of(
			new Target("postal.total", "全年邮政业务总量完成", new BigDecimal("8"), "亿元", 10_000),
			new Target("postal.revenue", "业务收入完成", new BigDecimal("7.5"), "亿元", 10_000),
			new Target("express.volume", "快递业务量完成", new BigDecimal("11"), "亿件", 100_000_000),
			new Target("express.revenue", "快递业务收入完成", new BigDecimal("9"), "亿元", 10_000));

	/**
	 * The targets paragraph written from the demo city's own statistics: last year's approved totals grown by the
	 * plan's rates ("快递业务量完成29.4亿件、同比增长11%"), so the plan's targets fit the city's volumes.
	 */
	private String targetsParagraph(int year) {
		List<String> parts = new ArrayList<>();
		for (Target t : TARGETS) {
			BigDecimal last = aggregates.value(indicators.get(t.code()),
					new Slice(DemoCity.CITY, null, YearMonth.of(year - 1, 1), YearMonth.of(year - 1, 12)));
			BigDecimal amount = (last == null ? BigDecimal.ZERO : last)
				.multiply(BigDecimal.ONE.add(t.growth().movePointLeft(2)))
				.divide(BigDecimal.valueOf(t.divisor()), 1, RoundingMode.HALF_UP);
			parts.add(t.words() + amount.toPlainString() + t.unit() + "、同比增长" + t.growth().toPlainString() + "%");
		}
		return parts.get(0) + "，" + parts.get(1) + "；" + parts.get(2) + "，" + parts.get(3) + "。";
	}

	/** Monthly reports from March through {@code last} (month of the year), reaching 100 % in the last one if {@code done}. */
	private static void months(List<Progress.Recorded> reports, WorkPlans.TaskLine task, List<Long> departments,
			Map<Long, String> reporters, YearMonth now, int last, boolean done) {
		if (last < 1) {
			return;
		}
		int first = Math.min(3, last);
		for (int m = first; m <= last; m++) {
			int percent = done && m == last ? 100 : Math.min(95, 10 + (m - first) * 80 / Math.max(1, now.getMonthValue() - first));
			for (long d : departments) {
				reports.add(new Progress.Recorded(task.id(), d, YearMonth.of(now.getYear(), m), text(percent), percent,
						reporters.get(d)));
			}
		}
	}

	private static String text(int percent) {
		if (percent == 100) {
			return "任务已全部完成，相关材料已归档。";
		}
		return percent < 40 ? "已制定工作方案，明确责任分工和时间节点，正在组织实施。"
				: percent < 75 ? "按计划推进，已完成阶段性目标，正在开展督导检查。" : "主体工作基本完成，正在查漏补缺、总结评估。";
	}

	private static String notice() {
		try (InputStream in = new ClassPathResource("demo/workplan-notice.txt").getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
