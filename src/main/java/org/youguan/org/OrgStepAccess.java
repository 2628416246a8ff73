package org.youguan.org;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.youguan.kernel.StepAccess;

/**
 * The administrators' steps on a bureau, a department or a user account ({@code /admin/bureaus/{id}/edit},
 * {@code /admin/departments/{id}/…}, {@code /admin/users/{id}/…}) are decided before the step's form is bound
 * ({@link StepAccess}): a record outside the administrator's scope is not there (404) — a roles value that is no role,
 * sent to another bureau's user, was told 400 —; a user holding a role the administrator lacks is refused (403), as the
 * steps themselves decide ({@link Users#requireManageable}).
 */
@Configuration(proxyBeanMethods = false)
class OrgStepAccess {

	/** A bureau's edit. */
	@Bean
	StepAccess bureauSteps(Bureaus bureaus) {
		return StepAccess.of(List.of("/admin/bureaus/{id}/**"), (scope, id, rest) -> bureaus.get(scope, id));
	}

	/** A department's edit, 停用 and 启用. */
	@Bean
	StepAccess departmentSteps(Departments departments) {
		return StepAccess.of(List.of("/admin/departments/{id}/**"), (scope, id, rest) -> departments.get(scope, id));
	}

	/** A user account's edit, password reset, unlock, 停用 and 启用. */
	@Bean
	StepAccess userSteps(Users users) {
		return StepAccess.of(List.of("/admin/users/{id}/**"), (scope, id, rest) -> {
			users.get(scope, id);
			CurrentUser.signedIn().ifPresent(me -> users.requireManageable(me, id));
		});
	}
}
