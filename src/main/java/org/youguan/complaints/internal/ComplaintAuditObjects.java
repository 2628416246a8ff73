package org.youguan.complaints.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.youguan.audit.AuditObjects;
import org.youguan.complaints.ComplaintQueries;

/**
 * Complaints in the audit trail by their numbers, linked to the complaint's page — only those in the reader's scope.
 */
@Configuration(proxyBeanMethods = false)
class ComplaintAuditObjects {

	@Bean
	AuditObjects complaintTitles(ComplaintQueries complaints) {
		return AuditObjects.of("Complaint",
				(scope, id) -> new AuditObjects.Title(complaints.get(scope, id).number(), "/complaints/" + id));
	}
}
