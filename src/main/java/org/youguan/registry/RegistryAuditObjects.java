package org.youguan.registry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.youguan.audit.AuditObjects;

/**
 * Outlets and enterprises in the audit trail by their names (and filing number or credit code), linked to their
 * register pages — only those in the reader's scope.
 */
@Configuration(proxyBeanMethods = false)
class RegistryAuditObjects {

	@Bean
	AuditObjects outletTitles(Outlets outlets) {
		return AuditObjects.of("TerminalOutlet", (scope, id) -> {
			OutletView outlet = outlets.get(scope, id);
			return new AuditObjects.Title(outlet.name() + (outlet.filingNumber() == null ? "" : "（" + outlet.filingNumber()
					+ "）"), "/registry/outlets/" + id);
		});
	}

	@Bean
	AuditObjects enterpriseTitles(Enterprises enterprises) {
		return AuditObjects.of("Enterprise", (scope, id) -> {
			EnterpriseView enterprise = enterprises.get(scope, id);
			return new AuditObjects.Title(enterprise.legalName() + "（" + enterprise.creditCode() + "）",
					"/registry/enterprises/" + id);
		});
	}
}
