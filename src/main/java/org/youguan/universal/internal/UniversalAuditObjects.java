package org.youguan.universal.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.youguan.audit.AuditObjects;
import org.youguan.kernel.DataScope;
import org.youguan.universal.PostOfficeApproval;
import org.youguan.universal.PostOfficeApprovals;

/**
 * Post-office closure/relocation approvals in the audit trail by their 文号 (once decided), kind and post office,
 * linked to the approval's page (the portal's for the postal enterprise) — only those the reader may see.
 */
@Configuration(proxyBeanMethods = false)
class UniversalAuditObjects {

	@Bean
	AuditObjects postOfficeApprovalTitles(PostOfficeApprovals approvals) {
		return AuditObjects.of("PostOfficeApproval", (scope, id) -> {
			PostOfficeApproval a = approvals.get(scope, id);
			String title = (a.decisionNumber() == null ? "" : a.decisionNumber() + " ") + a.kind().label() + "“"
					+ a.facilityName() + "”";
			return new AuditObjects.Title(title, scope.kind() == DataScope.Kind.ENTERPRISE
					? EnterprisePostOfficeController.PAGE + "/approvals/" + id : "/universal/post-office-approvals/" + id);
		});
	}
}
