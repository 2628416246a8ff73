package org.youguan.universal.internal;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.youguan.kernel.StepAccess;
import org.youguan.universal.SupervisionRecords;

/**
 * A 普遍服务监督 record's steps on the bureau's pages and API — its correction
 * ({@code /universal/supervision/{kind}/{id}}, {@code PUT /api/v1/universal/supervision/{kind}/{id}}) and a
 * 社会监督员's reports ({@code …/supervisors/{id}/reports}) — are the owning bureau's staff's, decided before the step's
 * form or body is read ({@link StepAccess}): out of the caller's scope 404, a bureau above 403 naming the owning bureau
 * — as the steps decide inside ({@link SupervisionRecords#update}, {@link SupervisionRecords#addReport}).
 */
@Configuration(proxyBeanMethods = false)
class SupervisionStepAccess {

	@Bean
	StepAccess supervisionRecordSteps(SupervisionRecords records) {
		return StepAccess.of(List.of("/universal/supervision/{kind}/{id}/**", "/api/v1/universal/supervision/{kind}/{id}/**"),
				(scope, id, rest) -> records.requireStep(scope, id));
	}
}
