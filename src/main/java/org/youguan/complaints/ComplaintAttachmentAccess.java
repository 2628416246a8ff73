package org.youguan.complaints;

import org.springframework.stereotype.Component;
import org.youguan.documents.AttachmentAccess;
import org.youguan.documents.AttachmentOwner;
import org.youguan.kernel.DataScope;

/**
 * Who may read a complaint's evidence: whoever may see the complaint — the bureau handling it (and those above) by
 * region, the enterprise it was transferred to; anyone else gets 404.
 */
@Component
class ComplaintAttachmentAccess implements AttachmentAccess {

	private final Complaints complaints;

	ComplaintAttachmentAccess(Complaints complaints) {
		this.complaints = complaints;
	}

	@Override
	public String module() {
		return Complaints.MODULE;
	}

	@Override
	public void requireReadable(DataScope scope, AttachmentOwner owner) {
		complaints.get(scope, owner.id());
	}
}
