package org.youguan.complaints.internal;

import org.springframework.stereotype.Component;
import org.youguan.complaints.ComplaintQueries;
import org.youguan.documents.AttachmentAccess;
import org.youguan.documents.AttachmentOwner;
import org.youguan.kernel.DataScope;

/**
 * A complaint's evidence in the documents module's attachment store: the owner reference its files are kept under
 * ({@link #owner(long)}, kind {@link #EVIDENCE}), and who may read them — whoever may see the complaint (the bureau
 * handling it and those above by region, the enterprise it was transferred to); anyone else gets 404.
 */
@Component
public class ComplaintAttachmentAccess implements AttachmentAccess {

	/** The owning module of a complaint's evidence files. */
	public static final String MODULE = "complaints";

	/** The owner type of a complaint's evidence files. */
	public static final String OWNER_TYPE = "complaint";

	/** The kind of every file a complaint carries. */
	public static final String EVIDENCE = "EVIDENCE";

	private final ComplaintQueries complaints;

	ComplaintAttachmentAccess(ComplaintQueries complaints) {
		this.complaints = complaints;
	}

	/** The owner reference of the complaint's evidence files. */
	public static AttachmentOwner owner(long complaintId) {
		return new AttachmentOwner(MODULE, OWNER_TYPE, complaintId);
	}

	@Override
	public String module() {
		return MODULE;
	}

	@Override
	public void requireReadable(DataScope scope, AttachmentOwner owner) {
		complaints.get(scope, owner.id());
	}
}
