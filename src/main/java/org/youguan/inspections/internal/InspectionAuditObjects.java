package org.youguan.inspections.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.youguan.audit.AuditObjects;
import org.youguan.inspections.InspectionFieldRecords;

/**
 * Inspection records in the audit trail by enterprise and day ("某快递公司 · 2026-03-05 · 专项检查"), linked to the record's
 * page — only those in the reader's scope. The steps of a record's 责令改正通知书 are recorded on the record too.
 */
@Configuration(proxyBeanMethods = false)
class InspectionAuditObjects {

	@Bean
	AuditObjects inspectionRecordTitles(InspectionFieldRecords records) {
		return AuditObjects.of("inspection", (scope, id) -> {
			InspectionFieldRecords.Detail r = records.get(scope, id);
			return new AuditObjects.Title(r.enterpriseName() + " · " + r.inspectedOn() + " · " + r.kind().label(),
					"/inspections/records/" + id);
		});
	}
}
