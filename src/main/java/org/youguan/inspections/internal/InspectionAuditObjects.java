package org.youguan.inspections.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.youguan.audit.AuditObjects;
import org.youguan.inspections.InspectionPlans;
import org.youguan.inspections.Inspector;
import org.youguan.inspections.Inspectors;

/**
 * The inspections module's objects in the audit trail by their titles, linked to their pages, for readers in whose
 * scope they lie: a 双随机 plan by its name, an inspector by name and certificate number.
 */
@Configuration(proxyBeanMethods = false)
class InspectionAuditObjects {

	@Bean
	AuditObjects inspectionPlanTitles(InspectionPlans plans) {
		return AuditObjects.of("inspection-plan",
				(scope, id) -> new AuditObjects.Title(plans.get(scope, id).name(), "/inspections/plans/" + id));
	}

	@Bean
	AuditObjects inspectorTitles(Inspectors inspectors) {
		return AuditObjects.of("inspector", (scope, id) -> {
			Inspector i = inspectors.get(scope, id);
			return new AuditObjects.Title(i.name() + "（执法证号" + i.certificateNumber() + "）", "/inspections/inspectors/" + id);
		});
	}
}
