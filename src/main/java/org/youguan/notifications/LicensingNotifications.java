package org.youguan.notifications;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.Wording;
import org.youguan.licensing.AnnualReportDue;
import org.youguan.licensing.LicenceRenewalDue;

/**
 * Tells a licence holder's users and the bureau of its premises that the licence's renewal is due (at 90, 60 and 30
 * days before expiry), or that last year's 年度报告 is still to be filed (from 03-01); the key makes a redelivered event
 * notify once.
 */
@Component
class LicensingNotifications {

	private final Notifications notifications;

	LicensingNotifications(Notifications notifications) {
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(AnnualReportDue due) {
		String title = due.year() + "年度报告尚未报送，请于" + ChineseText.day(due.dueOn()) + "前报送";
		String key = "annual-report:" + due.creditCode() + ":" + due.year();
		Wording words = Wording.of("notification.licensing.annualReport", String.valueOf(due.year()), due.dueOn());
		notifications.toEnterprise(due.creditCode(), title, words, "/licensing/annual-reports", key + ":enterprise");
		notifications.toRegion(due.regionCode(), due.enterpriseName() + "：" + title,
				Wording.of("notification.of", due.enterpriseName(), words), "/licensing/annual-reports/outstanding?year="
				+ due.year(), key + ":bureau");
	}

	@ApplicationModuleListener
	void on(LicenceRenewalDue due) {
		String title = "快递业务经营许可证" + due.licenceNumber() + "将于" + ChineseText.day(due.validUntil()) + "到期，请于" + ChineseText.day(due.renewalDue())
				+ "前申请延续（到期前" + due.daysBefore() + "日提醒）";
		// the expiry is part of the key: a renewed licence's reminders, years later, are new ones
		String key = "licence-renewal:" + due.licenceNumber() + ":" + due.validUntil() + ":" + due.daysBefore();
		Wording words = Wording.of("notification.licensing.renewal", due.licenceNumber(), due.validUntil(), due.renewalDue(),
				String.valueOf(due.daysBefore()));
		notifications.toEnterprise(due.applicantCreditCode(), title, words, "/licensing/applications/new", key + ":enterprise");
		notifications.toRegion(due.regionCode(), due.applicantName() + "：" + title,
				Wording.of("notification.of", due.applicantName(), words), "/licensing/applications?q="
				+ URLEncoder.encode(due.licenceNumber(), StandardCharsets.UTF_8), key + ":bureau");
	}
}
