package org.youguan.enforcement.internal;

import org.springframework.stereotype.Component;
import org.youguan.documents.AttachmentAccess;
import org.youguan.documents.AttachmentOwner;
import org.youguan.enforcement.PenaltyCases;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;

/**
 * Who may read the enforcement module's files (a case's documents as issued and its evidence files): staff whose
 * scope covers the case's region, as the case page decides; the party (an enterprise user of the case's enterprise,
 * once the case was put to it) the documents served on it ({@link CaseDocumentKind#party()}) in their current version;
 * anyone else — and the party asking for evidence or an internal paper — gets 404.
 */
@Component
class EnforcementAttachmentAccess implements AttachmentAccess {

	private final PenaltyCases cases;

	private final EnterprisePenalties parties;

	EnforcementAttachmentAccess(PenaltyCases cases, EnterprisePenalties parties) {
		this.cases = cases;
		this.parties = parties;
	}

	@Override
	public String module() {
		return CaseDocuments.MODULE;
	}

	@Override
	public void requireReadable(DataScope scope, AttachmentOwner owner) {
		requireCase(owner);
		cases.get(scope, owner.id());
	}

	@Override
	public void requireReadable(DataScope scope, AttachmentOwner owner, long attachmentId) {
		requireCase(owner);
		if (scope.kind() == DataScope.Kind.ENTERPRISE) {
			parties.requireDocument(scope, owner.id(), attachmentId);
			return;
		}
		cases.get(scope, owner.id());
	}

	private static void requireCase(AttachmentOwner owner) {
		if (!CaseDocuments.OWNER_TYPE.equals(owner.type())) {
			throw DomainException.notFound("附件", owner.id());
		}
	}
}
