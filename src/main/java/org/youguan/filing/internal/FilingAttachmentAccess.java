package org.youguan.filing.internal;

import org.springframework.stereotype.Component;
import org.youguan.documents.AttachmentAccess;
import org.youguan.documents.AttachmentOwner;
import org.youguan.filing.OutletFilings;
import org.youguan.kernel.DataScope;

/**
 * Who may read a filing's attachments: whoever may see the filing — the county bureau (and those above it) by region,
 * the enterprise that filed it; anyone else gets 404.
 */
@Component
public class FilingAttachmentAccess implements AttachmentAccess {

	private final OutletFilings filings;

	public FilingAttachmentAccess(OutletFilings filings) {
		this.filings = filings;
	}

	@Override
	public String module() {
		return OutletFilings.MODULE;
	}

	@Override
	public void requireReadable(DataScope scope, AttachmentOwner owner) {
		filings.get(scope, owner.id());
	}
}
