package org.youguan.safety.internal.alerts;

import java.time.Clock;
import java.time.LocalDate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.youguan.kernel.RegionPrefix;
import org.youguan.safety.ParcelRecord;

/**
 * The daily anomaly detection: every morning (China time, {@code youguan.safety.alerts.cron}, default 04:30) the rules
 * run over yesterday's records for the whole country, once per cluster (ShedLock). Running again changes nothing already
 * raised.
 */
@Component
class AlertJob {

	private final AlertDetection detection;

	private final Clock clock;

	AlertJob(AlertDetection detection, Clock clock) {
		this.detection = detection;
		this.clock = clock;
	}

	@Scheduled(cron = "${youguan.safety.alerts.cron:0 30 4 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "safety.alerts", lockAtLeastFor = "PT5M", lockAtMostFor = "PT2H")
	public void run() {
		detection.detect(LocalDate.now(clock.withZone(ParcelRecord.CHINA)).minusDays(1), RegionPrefix.of(""));
	}
}
