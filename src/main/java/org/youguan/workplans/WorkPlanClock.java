package org.youguan.workplans;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every morning (China time) decides which tasks of the year's plans are lagging.
 */
@Component
class WorkPlanClock {

	private final Progress progress;

	WorkPlanClock(Progress progress) {
		this.progress = progress;
	}

	@Scheduled(cron = "${youguan.workplans.clock-cron:0 0 7 * * *}", zone = "Asia/Shanghai")
	void run() {
		progress.markLagging();
	}
}
