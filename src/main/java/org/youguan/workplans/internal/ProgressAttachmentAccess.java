package org.youguan.workplans.internal;

import org.springframework.stereotype.Component;
import org.youguan.documents.AttachmentAccess;
import org.youguan.documents.AttachmentOwner;
import org.youguan.kernel.DataScope;
import org.youguan.workplans.Progress;

/**
 * Who may read the files of a progress report: staff whose scope covers the plan's region (as the plan's pages);
 * anyone else, an enterprise user included, gets 404.
 */
@Component
public class ProgressAttachmentAccess implements AttachmentAccess {

	private final Progress progress;

	public ProgressAttachmentAccess(Progress progress) {
		this.progress = progress;
	}

	@Override
	public String module() {
		return Progress.MODULE;
	}

	@Override
	public void requireReadable(DataScope scope, AttachmentOwner owner) {
		progress.requireReadable(scope, owner.id());
	}
}
