package org.youguan.licensing.internal;

import org.springframework.stereotype.Component;
import org.youguan.documents.AttachmentAccess;
import org.youguan.documents.AttachmentOwner;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.licensing.LicenceApplications;

/**
 * Who may read the licensing module's files (materials, site photos, the documents issued, the certificate): staff
 * whose scope covers the premises' region and the applicant itself, as the pages decide; anyone else gets 404, and so
 * does everyone for the void certificate of a change or renewal that never took effect.
 */
@Component
class LicensingAttachmentAccess implements AttachmentAccess {

	private final LicenceApplications applications;

	LicensingAttachmentAccess(LicenceApplications applications) {
		this.applications = applications;
	}

	@Override
	public String module() {
		return LicenceApplications.MODULE;
	}

	@Override
	public void requireReadable(DataScope scope, AttachmentOwner owner) {
		if (!LicenceApplications.OWNER.equals(owner.type())) {
			throw DomainException.notFound("附件", owner.id());
		}
		applications.requireReadable(scope, owner.id());
	}

	/** As the application, except the void certificate of a decision that never took effect (404). */
	@Override
	public void requireReadable(DataScope scope, AttachmentOwner owner, long attachmentId) {
		requireReadable(scope, owner);
		applications.requireReadable(scope, owner.id(), attachmentId);
	}
}
