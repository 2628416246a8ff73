package org.youguan.complaints.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.youguan.audit.AuditObjects;
import org.youguan.complaints.ComplaintQueries;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;

/**
 * Complaints in the audit trail by their numbers, linked to the complaint's page — only those in the reader's scope.
 */
@Component
class ComplaintAuditObjects implements AuditObjects {

	private final ComplaintQueries complaints;

	ComplaintAuditObjects(ComplaintQueries complaints) {
		this.complaints = complaints;
	}

	@Override
	public String objectType() {
		return "Complaint";
	}

	@Override
	public Map<String, Title> titles(DataScope scope, Collection<String> ids) {
		Map<String, Title> titles = new LinkedHashMap<>();
		for (String id : ids) {
			try {
				long key = Long.parseLong(id);
				titles.put(id, new Title(complaints.get(scope, key).number(), "/complaints/" + key));
			}
			catch (NumberFormatException | DomainException | AccessRefusedException ex) {
				// not a complaint id, or not the reader's: the trail shows the type and the id
			}
		}
		return titles;
	}
}
