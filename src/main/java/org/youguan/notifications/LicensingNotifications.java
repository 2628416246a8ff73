package org.youguan.notifications;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.youguan.licensing.LicenceRenewalDue;

/**
 * Tells a licence holder's users and the bureau of its premises that the licence's renewal is due (at 90, 60 and 30
 * days before expiry); the key makes a redelivered event notify once.
 */
@Component
class LicensingNotifications {

	private final Notifications notifications;

	LicensingNotifications(Notifications notifications) {
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(LicenceRenewalDue due) {
		String title = "快递业务经营许可证" + due.licenceNumber() + "将于" + due.validUntil() + "到期，请于" + due.renewalDue()
				+ "前申请延续（到期前" + due.daysBefore() + "日提醒）";
		String key = "licence-renewal:" + due.licenceNumber() + ":" + due.daysBefore();
		notifications.toEnterprise(due.applicantCreditCode(), title, "/licensing/applications/new", key + ":enterprise");
		notifications.toRegion(due.regionCode(), due.applicantName() + "：" + title, "/licensing/applications?q="
				+ URLEncoder.encode(due.licenceNumber(), StandardCharsets.UTF_8), key + ":bureau");
	}
}
