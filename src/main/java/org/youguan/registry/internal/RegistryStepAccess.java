package org.youguan.registry.internal;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.youguan.kernel.StepAccess;
import org.youguan.registry.Branches;
import org.youguan.registry.Enterprises;
import org.youguan.registry.Facilities;
import org.youguan.registry.Licences;
import org.youguan.registry.Outlets;

/**
 * The steps on a register's record — an outlet's edit and 关闭 (page and API), an enterprise's, a licence's, a branch's
 * and a facility's edit and status steps — are refused a caller outside the record's data scope (404) before the
 * step's form or body is read ({@link StepAccess}): another county's staff closing a 吴中 outlet with an empty reason
 * were told "关闭原因不能为空" (400), which says the outlet is there (attack finding 5). A register's record is its
 * region's and every bureau above's (a city's staff reach their counties' records, as the steps themselves decide):
 * the rule is the scope alone — reading the record as the caller ({@code get}, 404 when out of scope) —, each step
 * keeps its own.
 */
@Configuration(proxyBeanMethods = false)
class RegistryStepAccess {

	/** 末端网点: edit and 关闭. */
	@Bean
	StepAccess outletSteps(Outlets outlets) {
		return StepAccess.of(List.of("/registry/outlets/{id}/*", "/api/v1/outlets/{id}/*"),
				(scope, id, rest) -> outlets.get(scope, id));
	}

	/** 企业: edit, 暂停, 恢复, 注销. */
	@Bean
	StepAccess enterpriseSteps(Enterprises enterprises) {
		return StepAccess.of(List.of("/registry/enterprises/{id}/*"),
				(scope, id, rest) -> enterprises.get(scope, id));
	}

	/** 快递业务经营许可: edit, 注销, 吊销. */
	@Bean
	StepAccess licenceSteps(Licences licences) {
		return StepAccess.of(List.of("/registry/licences/{id}/*"),
				(scope, id, rest) -> licences.get(scope, id));
	}

	/** 分支机构: edit. */
	@Bean
	StepAccess branchSteps(Branches branches) {
		return StepAccess.of(List.of("/registry/branches/{id}/*"),
				(scope, id, rest) -> branches.get(scope, id));
	}

	/** 邮政设施: edit, 暂停, 恢复, 撤除. */
	@Bean
	StepAccess facilitySteps(Facilities facilities) {
		return StepAccess.of(List.of("/registry/facilities/{id}/*"),
				(scope, id, rest) -> facilities.get(scope, id));
	}

	/**
	 * Placing a register's record in a region ({@code regionCode}): a new outlet, enterprise or facility, and an
	 * outlet's, enterprise's, facility's or branch's edit — a region outside the caller's scope is not there (404)
	 * before any field is read; the step checks it again ("…不在您的管辖范围内" on a call that does not come through
	 * the web).
	 */
	@Bean
	StepAccess placingSteps() {
		return StepAccess.ofRegionInScope(List.of("/registry/outlets/new", "/registry/outlets/{id}/edit",
				"/registry/enterprises/new", "/registry/enterprises/{id}/edit", "/registry/facilities/new",
				"/registry/facilities/{id}/edit", "/registry/branches/{id}/edit"), "regionCode");
	}
}
