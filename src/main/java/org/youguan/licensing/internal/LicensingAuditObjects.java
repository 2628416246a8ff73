package org.youguan.licensing.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.youguan.audit.AuditObjects;
import org.youguan.licensing.ApplicationView;
import org.youguan.licensing.LicenceApplications;

/**
 * Licence applications in the audit trail by their numbers and applicants, linked to the application's page — only
 * those the reader may read.
 */
@Configuration(proxyBeanMethods = false)
class LicensingAuditObjects {

	@Bean
	AuditObjects licenceApplicationTitles(LicenceApplications applications) {
		return AuditObjects.of("licence_application", (scope, id) -> {
			ApplicationView a = applications.get(scope, id).application();
			return new AuditObjects.Title(a.number() + "（" + a.applicantName() + "）", "/licensing/applications/" + id);
		});
	}
}
