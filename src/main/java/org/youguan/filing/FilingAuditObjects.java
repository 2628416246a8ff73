package org.youguan.filing;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.youguan.audit.AuditObjects;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;

/**
 * Outlet filings in the audit trail by their numbers and outlet names, linked to the filing's page — only those in the
 * reader's scope.
 */
@Component
class FilingAuditObjects implements AuditObjects {

	private final OutletFilings filings;

	FilingAuditObjects(OutletFilings filings) {
		this.filings = filings;
	}

	@Override
	public String objectType() {
		return "OutletFiling";
	}

	@Override
	public Map<String, Title> titles(DataScope scope, Collection<String> ids) {
		Map<String, Title> titles = new LinkedHashMap<>();
		for (String id : ids) {
			try {
				long key = Long.parseLong(id);
				FilingView filing = filings.get(scope, key);
				titles.put(id, new Title(filing.number() + "（" + filing.outletName() + "）", "/filing/" + key));
			}
			catch (NumberFormatException | DomainException | AccessRefusedException ex) {
				// not a filing id, or not the reader's: the trail shows the type and the id
			}
		}
		return titles;
	}
}
