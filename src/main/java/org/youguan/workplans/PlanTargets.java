package org.youguan.workplans;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.Wording;
import org.youguan.org.CurrentUser;
import org.youguan.statistics.Indicator;
import org.youguan.statistics.Indicators;
import org.youguan.statistics.Targets;

/**
 * A plan's main targets against the statistics. The statistics module owns the target of an indicator for a region and
 * year (one source of truth); a plan's main target that names an indicator shows that stored target and its progress
 * — the very figure of the statistics target page — and, until the target is set there, only the value as the plan
 * writes it (no completion of its own). An administrator adopts the plan's value as the statistics target.
 */
@Service
public class PlanTargets {

	/**
	 * A main target; {@code indicator} is null when it names nothing statistics counts, {@code progress} null while the
	 * statistics module holds no target for that indicator, region and year (or the year has not begun).
	 */
	public record TargetLine(int position, WorkPlans.MainTarget target, Indicator indicator, Targets.Progress progress) {

		/** The statistics target differs from what the plan writes (set or changed on the statistics side). */
		public boolean differs() {
			return progress != null && (!same(progress.targetValue(), target.targetValue())
					|| !same(progress.targetGrowth(), target.targetGrowth()));
		}

		private static boolean same(BigDecimal a, BigDecimal b) {
			return a == null ? b == null : b != null && a.compareTo(b) == 0;
		}
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

	/**
	 * The plan's main targets with the statistics figures through the last full month (the same month the statistics
	 * target page uses).
	 */
	public List<TargetLine> of(DataScope scope, WorkPlans.Plan plan) {
		Map<String, Indicator> byCode = indicators.byCode();
		YearMonth through = YearMonth.now(clock).minusMonths(1);
		boolean started = through.getYear() >= plan.year();
		List<WorkPlans.MainTarget> list = plan.mainTargets();
		return IntStream.range(0, list.size()).mapToObj(i -> {
			WorkPlans.MainTarget t = list.get(i);
			Indicator indicator = t.indicatorCode() == null ? null : byCode.get(t.indicatorCode());
			Targets.Progress progress = indicator == null || !started ? null
					: targets.progress(scope, plan.regionCode(), plan.year(), through, indicator.code()).orElse(null);
			return new TargetLine(i + 1, t, indicator, progress);
		}).toList();
	}

	/**
	 * Sets the plan's main target as the statistics annual target of the bureau's region (administrators). Only an
	 * issued plan's target: a draft's may still change or never be issued (attack: a draft's target became the year's).
	 * @throws DomainException 409 (field {@code status}, rule {@code draft}) for a draft plan; 404 for a position the
	 * plan does not have; 422 for a target naming no indicator, or one whose number was not read (a unit of another kind)
	 */
	@Transactional
	public void adopt(CurrentUser me, long planId, int position) {
		WorkPlans.Plan plan = plans.own(me, planId);
		if (plan.draft()) {
			throw DomainException.illegalTransition("status", "draft", "工作要点尚未印发：请印发后再将其主要目标设为统计年度目标");
		}
		if (position < 1 || position > plan.mainTargets().size()) {
			throw DomainException.notFound("主要目标", position);
		}
		WorkPlans.MainTarget t = plan.mainTargets().get(position - 1);
		if (t.indicatorCode() == null) {
			throw DomainException.rule(Wording.of("workplans.refusal.noIndicator", t.text()),
					"该目标没有对应的统计指标：" + t.text());
		}
		if (t.targetValue() == null && t.targetGrowth() == null) {
			// not the target form's "请填写目标值或增长目标": the plan's reader typed no field, the clause is the plan's
			throw DomainException.rule(Wording.of("workplans.refusal.targetUnreadable", t.text()),
					"未能从该目标中读出目标值或增长率（数值的单位与统计指标不一致，或位数过多）：" + t.text()
					+ "，请在统计目标页面直接设定");
		}
		targets.set(me, plan.regionCode(), plan.year(), t.indicatorCode(), t.targetValue(), t.targetGrowth());
	}
}
