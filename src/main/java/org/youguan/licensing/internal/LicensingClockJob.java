package org.youguan.licensing.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.youguan.licensing.AnnualReports;
import org.youguan.licensing.LicenceApplications;

/**
 * The daily licensing clock (China time, once per cluster): applications whose 5 working days to notify 补正 passed
 * without a notice are recorded as accepted on the day they were received (行政许可法(2019) art.32); licences within 90,
 * 60 or 30 days of expiry without a renewal applied for are reminded; renewals accepted and undecided are told to the
 * registry again ({@link LicenceApplications#announceRenewalsInCourse}, 视为准予延续) ({@link LicenceApplications#remindRenewals}); from
 * 03-01 the holders that have not filed last year's 年度报告 are reminded ({@link AnnualReports#remind}).
 */
@Component
class LicensingClockJob {

	private final LicenceApplications applications;

	private final AnnualReports annualReports;

	LicensingClockJob(LicenceApplications applications, AnnualReports annualReports) {
		this.applications = applications;
		this.annualReports = annualReports;
	}

	@Scheduled(cron = "${youguan.licensing.clock-cron:0 15 1 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "licensing.clock", lockAtLeastFor = "PT1M")
	public void run() {
		applications.acceptOverdueByLaw();
		applications.announceRenewalsInCourse();
		applications.remindRenewals();
		annualReports.remind();
	}
}
