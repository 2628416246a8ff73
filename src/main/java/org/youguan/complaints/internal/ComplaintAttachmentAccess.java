package org.youguan.complaints.internal;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.youguan.complaints.ComplaintQueries;
import org.youguan.documents.AttachmentAccess;
import org.youguan.documents.AttachmentOwner;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.DataScope;
import org.youguan.org.CurrentUser;

/**
 * A complaint's evidence in the documents module's attachment store: the owner reference its files are kept under
 * ({@link #owner(long)}, kind {@link #EVIDENCE}), and who may read them — those who read the complaint's personal data
 * in full ({@link ComplaintQueries#readsInFull}): the staff of the bureau handling it, the enterprise it was
 * transferred to; anyone else who may see the complaint (a leader, staff of a bureau above reading a county's
 * complaint — who read it masked) gets 403, as a photo or a scan may show the filer's name, phone or ID number;
 * outside the scope 404.
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
		String region = complaints.regionOf(scope, owner.id());
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (!(auth != null && auth.getPrincipal() instanceof CurrentUser reader && complaints.readsInFull(reader, region))) {
			throw new AccessRefusedException("申诉证据材料可能含申诉人个人信息，仅供承办该申诉的机关办理申诉的工作人员和被转办企业查看");
		}
	}
}
