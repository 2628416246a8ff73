package org.youguan.workplans.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.youguan.workplans.Progress;
import org.youguan.workplans.Supervision;

/**
 * Every morning (China time) decides which tasks of the year's plans are lagging, then reminds the departments that
 * owe the month's reports (from the reminder day on, once a month). In a cluster one node runs it (lock
 * {@code workplans.clock}, held at least 10 minutes so that a node whose clock is a little late does not run it again).
 */
@Component
public class WorkPlanClock {

	private final Progress progress;

	private final Supervision supervision;

	public WorkPlanClock(Progress progress, Supervision supervision) {
		this.progress = progress;
		this.supervision = supervision;
	}

	@Scheduled(cron = "${youguan.workplans.clock-cron:0 0 7 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "workplans.clock", lockAtLeastFor = "PT10M", lockAtMostFor = "PT2H")
	public void run() {
		progress.markLagging();
		supervision.remindMissing();
	}
}
