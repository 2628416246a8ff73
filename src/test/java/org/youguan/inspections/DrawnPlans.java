package org.youguan.inspections;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.youguan.MutableClock;
import org.youguan.kernel.DataScope;
import org.youguan.org.CurrentUser;

/**
 * A 双随机 plan of 吴中's outlets as its staff make it, drawn and published four days ago (so a check recorded since is
 * made after the draw) — for the tests of what follows a published draw: its results, its reveal.
 */
final class DrawnPlans {

	/** A published plan and the targets its draw gave. */
	record Published(long id, List<InspectionPlan.Target> targets) {
	}

	private DrawnPlans() {
	}

	/**
	 * Creates, freezes, seeds, draws and publishes a plan of {@code count} outlets of 320506, four days back on
	 * {@code clock}, which it leaves at the time it found.
	 * @param wz 吴中's staff member making the plan
	 * @param name the plan's name (a random suffix is added)
	 * @param seed the seed's prefix (the plan's id is added)
	 */
	static Published published(InspectionPlans plans, MutableClock clock, CurrentUser wz, String name, String seed,
			int count) {
		LocalDate today = LocalDate.now(clock);
		DataScope scope = DataScope.region("320506");
		long plan = plans.create(scope, wz.bureauId(), "320506", "陈吴中", new InspectionPlans.PlanData(name
				+ UUID.randomUUID().toString().substring(0, 4), today.minusMonths(1), today.plusMonths(2),
				List.of("REAL_NAME"), "320506", null, count, null, null, 2, "OUTLET", null, null), false);
		clock.advance(Duration.ofDays(-4));
		plans.freeze(scope, plan);
		plans.recordSeed(scope, plan, seed + plan, "陈吴中", "吴文书");
		List<InspectionPlan.Target> targets = plans.draw(scope, plan);
		plans.publish(scope, plan);
		clock.advance(Duration.ofDays(4));
		return new Published(plan, targets);
	}
}
