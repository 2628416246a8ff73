package org.youguan.filing.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.youguan.audit.AuditObjects;
import org.youguan.filing.OutletFilings;

/**
 * Outlet filings in the audit trail by their numbers and outlet names, linked to the filing's page — only those in the
 * reader's scope.
 */
@Configuration(proxyBeanMethods = false)
class FilingAuditObjects {

	@Bean
	AuditObjects outletFilingTitles(OutletFilings filings) {
		return AuditObjects.of("OutletFiling", (scope, id) -> {
			FilingView filing = filings.get(scope, id);
			return new AuditObjects.Title(filing.number() + "（" + filing.outletName() + "）", "/filing/" + id);
		});
	}
}
