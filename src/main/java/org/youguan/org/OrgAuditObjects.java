package org.youguan.org;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.youguan.audit.AuditObjects;

/**
 * Accounts and bureaus in the audit trail by their names, linked to their administration pages — only those in the
 * reader's scope.
 */
@Configuration(proxyBeanMethods = false)
class OrgAuditObjects {

	@Bean
	AuditObjects userTitles(Users users) {
		return AuditObjects.of("User", (scope, id) -> {
			UserView user = users.get(scope, id);
			return new AuditObjects.Title(user.displayName() + "（" + user.username() + "）", "/admin/users/" + id);
		});
	}

	@Bean
	AuditObjects bureauTitles(Bureaus bureaus) {
		return AuditObjects.of("Bureau",
				(scope, id) -> new AuditObjects.Title(bureaus.get(scope, id).name(), "/admin/bureaus/" + id));
	}
}
