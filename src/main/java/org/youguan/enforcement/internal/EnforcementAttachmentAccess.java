package org.youguan.enforcement.internal;

import org.springframework.stereotype.Component;
import org.youguan.documents.AttachmentAccess;
import org.youguan.documents.AttachmentOwner;
import org.youguan.enforcement.PenaltyCases;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;

/**
 * Who may read the enforcement module's files (a case's documents as issued and its evidence files): staff whose
 * scope covers the case's region, as the case page decides; anyone else gets 404.
 */
@Component
class EnforcementAttachmentAccess implements AttachmentAccess {

	private final PenaltyCases cases;

	EnforcementAttachmentAccess(PenaltyCases cases) {
		this.cases = cases;
	}

	@Override
	public String module() {
		return CaseDocuments.MODULE;
	}

	@Override
	public void requireReadable(DataScope scope, AttachmentOwner owner) {
		if (!CaseDocuments.OWNER_TYPE.equals(owner.type())) {
			throw DomainException.notFound("附件", owner.id());
		}
		cases.get(scope, owner.id());
	}
}
