package org.youguan.workplans;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.org.CurrentUser;
import org.youguan.statistics.Indicator;
import org.youguan.statistics.Indicators;
import org.youguan.statistics.Targets;

/**
 * A plan's main targets against the statistics: each target that names an indicator shows the year's figures through
 * the last full month (completion against the share of the year gone), and may be adopted as the statistics annual
 * target of the bureau's region.
 */
@Service
public class PlanTargets {

	/** A main target; {@code indicator} and {@code progress} are null when it names nothing statistics counts. */
	public record TargetLine(int position, WorkPlans.MainTarget target, Indicator indicator, Targets.Progress progress) {
	}

	private final WorkPlans plans;

	private final Indicators indicators;

	private final Targets targets;

	private final Clock clock;

	PlanTargets(WorkPlans plans, Indicators indicators, Targets targets, Clock clock) {
		this.plans = plans;
		this.indicators = indicators;
		this.targets = targets;
		this.clock = clock;
	}

	public List<TargetLine> of(DataScope scope, WorkPlans.Plan plan) {
		Map<String, Indicator> byCode = indicators.byCode();
		YearMonth through = YearMonth.now(clock).minusMonths(1);
		boolean started = through.getYear() >= plan.year();
		List<WorkPlans.MainTarget> list = plan.mainTargets();
		return IntStream.range(0, list.size()).mapToObj(i -> {
			WorkPlans.MainTarget t = list.get(i);
			Indicator indicator = t.indicatorCode() == null ? null : byCode.get(t.indicatorCode());
			Targets.Progress progress = indicator == null || !started || t.targetValue() == null && t.targetGrowth() == null
					? null : targets.progressAgainst(scope, plan.regionCode(), plan.year(),
							through.getYear() > plan.year() ? YearMonth.of(plan.year(), 12) : through, indicator.code(),
							t.targetValue(), t.targetGrowth());
			return new TargetLine(i + 1, t, indicator, progress);
		}).toList();
	}

	/** Sets the plan's main target as the statistics annual target of the bureau's region (administrators). */
	@Transactional
	public void adopt(CurrentUser me, long planId, int position) {
		WorkPlans.Plan plan = plans.own(me, planId);
		if (position < 1 || position > plan.mainTargets().size()) {
			throw DomainException.notFound("主要目标", position);
		}
		WorkPlans.MainTarget t = plan.mainTargets().get(position - 1);
		if (t.indicatorCode() == null) {
			throw DomainException.rule("该目标没有对应的统计指标：" + t.text());
		}
		targets.set(me.scope(), plan.regionCode(), plan.year(), t.indicatorCode(), t.targetValue(), t.targetGrowth());
	}
}
