package org.youguan.universal.internal;

import org.springframework.stereotype.Component;
import org.youguan.documents.AttachmentAccess;
import org.youguan.documents.AttachmentOwner;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.universal.PostOfficeApprovals;

/**
 * Who may read the universal module's files — the documents of a post-office closure/relocation approval (the
 * decision, the public notice): whoever may see the approval, as its pages decide: staff whose region holds the post
 * office, and the applying postal enterprise (its own approvals only); anyone else gets 404.
 */
@Component
class UniversalAttachmentAccess implements AttachmentAccess {

	private final PostOfficeApprovals approvals;

	UniversalAttachmentAccess(PostOfficeApprovals approvals) {
		this.approvals = approvals;
	}

	@Override
	public String module() {
		return PostOfficeApprovals.MODULE;
	}

	@Override
	public void requireReadable(DataScope scope, AttachmentOwner owner) {
		if (!PostOfficeApprovals.OWNER_TYPE.equals(owner.type())) {
			throw DomainException.notFound("附件", owner.id());
		}
		approvals.get(scope, owner.id());
	}
}
