package org.youguan.org;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.youguan.audit.AuditObjects;

/**
 * Accounts, departments and bureaus in the audit trail by their names, linked to their administration pages — only those in the
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

	/** Departments by their names and bureaus ("办公室（苏州市邮政管理局）"), so a changed departmentId reads as one. */
	@Bean
	AuditObjects departmentTitles(Departments departments) {
		return AuditObjects.of("Department", (scope, id) -> {
			DepartmentView d = departments.get(scope, id);
			// no page of its own to link: the list is where it is read
			return new AuditObjects.Title(d.name() + "（" + d.bureauName() + "）", null);
		});
	}

	@Bean
	AuditObjects bureauTitles(Bureaus bureaus) {
		return AuditObjects.of("Bureau",
				(scope, id) -> new AuditObjects.Title(bureaus.get(scope, id).name(), "/admin/bureaus/" + id));
	}
}
