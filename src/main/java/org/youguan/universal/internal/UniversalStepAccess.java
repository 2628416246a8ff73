package org.youguan.universal.internal;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.youguan.kernel.StepAccess;
import org.youguan.universal.PostOfficeApprovals;
import org.youguan.universal.PostOffices;
import org.youguan.universal.SupervisionRecords;
import org.youguan.universal.VillageChecks;
import org.youguan.universal.Villages;

/**
 * The universal-service record steps on the bureau's pages and API, decided before the step's form or body is read
 * ({@link StepAccess}), as the steps decide inside.
 */
@Configuration(proxyBeanMethods = false)
class UniversalStepAccess {

	/**
	 * A 普遍服务监督 record's correction ({@code /universal/supervision/{kind}/{id}},
	 * {@code PUT /api/v1/universal/supervision/{kind}/{id}}) and a 社会监督员's reports ({@code …/supervisors/{id}/reports})
	 * are the owning bureau's staff's: out of the caller's scope 404, a bureau above 403 naming the owning bureau
	 * ({@link SupervisionRecords#update}, {@link SupervisionRecords#addReport}).
	 */
	@Bean
	StepAccess supervisionRecordSteps(SupervisionRecords records) {
		return StepAccess.of(List.of("/universal/supervision/{kind}/{id}/**", "/api/v1/universal/supervision/{kind}/{id}/**"),
				(scope, id, rest) -> records.requireStep(scope, id));
	}

	/**
	 * A 建制村's steps, addressed by its village code: its 通邮 profile (the staff's page
	 * {@code /universal/villages/{code}/profile}, the portal's {@code /enterprise/villages/{code}/profile},
	 * {@code PUT /api/v1/universal/villages/{code}/profile}) and its 通邮 checks ({@code /universal/villages/{code}/checks}). A
	 * code not written as 12 ASCII digits names no village (404); a village outside the caller's region (or, for an
	 * enterprise, one another enterprise keeps: 403) is refused before the form or body is read
	 * ({@link Villages#requireProfileStep}, {@link VillageChecks#requireStep}), so another county's staff learn nothing
	 * of its fields.
	 */
	@Bean
	StepAccess villageSteps(Villages villages, VillageChecks checks) {
		return StepAccess.ofCode(List.of("/universal/villages/{code}/**", "/enterprise/villages/{code}/**",
				"/api/v1/universal/villages/{code}/**"), new StepAccess.CodeForm("建制村", Pattern.compile(Villages.CODE_FORM)),
				(scope, code, rest) -> {
					if ("checks".equals(rest)) {
						checks.requireStep(scope, code);
					}
					else {
						villages.requireProfileStep(scope, code);
					}
				});
	}

	/**
	 * A post-office closure or relocation's steps (现场核查, 延期, 决定, 公告): an approval outside the caller's scope is not
	 * there (404) whatever the body sent; who decides (the deciding bureau's 局领导) stays the step's
	 * ({@link PostOfficeApprovals}).
	 */
	@Bean
	StepAccess postOfficeApprovalSteps(PostOfficeApprovals approvals) {
		return StepAccess.of(List.of("/universal/post-office-approvals/{id}/**", "/api/v1/universal/post-office-approvals/{id}/**"),
				(scope, id, rest) -> approvals.get(scope, id));
	}

	/**
	 * A post office's opening hours ({@code PUT /api/v1/universal/post-offices/{facilityId}/hours}): a facility that is no
	 * 邮政普遍服务营业场所 in the caller's scope is not there (404) before the body is read — another city's staff sending
	 * a field the step does not know were told "不认识的字段" (400) ({@link PostOffices#requirePostOffice}).
	 */
	@Bean
	StepAccess postOfficeSteps(PostOffices postOffices) {
		return StepAccess.of(List.of("/api/v1/universal/post-offices/{id}/**"),
				(scope, id, rest) -> postOffices.requirePostOffice(scope, id));
	}

	/**
	 * Recording a supervision record in a region ({@code region}: a new one and its edit) and a 建制村 check plan of a
	 * region ({@code regionCode}): a region outside the caller's scope is not there (404) before any field is read.
	 */
	@Bean
	StepAccess regionRecordSteps() {
		return StepAccess.ofRegionInScope(List.of("/universal/supervision/{slug}", "/universal/supervision/{slug}/{id}",
				"/api/v1/universal/supervision/{slug}", "/api/v1/universal/supervision/{slug}/{id}"), "region");
	}

	/** A 建制村 check plan's region ({@code POST /universal/plans}, {@code regionCode}), as {@link #regionRecordSteps}. */
	@Bean
	StepAccess villagePlanRegionSteps() {
		return StepAccess.ofRegionInScope(List.of("/universal/plans", "/api/v1/universal/plans"), "regionCode");
	}
}
