package org.youguan.enforcement.internal;

import org.springframework.stereotype.Component;
import org.youguan.documents.AttachmentAccess;
import org.youguan.documents.AttachmentOwner;
import org.youguan.enforcement.PenaltyCases;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.Masking;

/**
 * Who may read the enforcement module's files (a case's documents as issued and its evidence files): staff whose
 * scope covers the case's region, as the case page decides; the party (an enterprise user of the case's enterprise,
 * once the case was put to it) the documents served on it ({@link CaseDocumentKind#party()}) in their current version;
 * anyone else — and the party asking for evidence or an internal paper — gets 404. Staff who read the case's personal
 * numbers masked ({@link CaseWork#readsInFull}: a leader, a superior bureau's staff) read its files by the one rule of
 * attachments ({@link AttachmentAccess#maskedOrRefused}), as a complaint's evidence is refused to those who read the
 * complaint masked: a Word document (the 立案审批表 and every other document the platform generated, a .docx kept as
 * evidence) with those numbers masked, as the case page shows its facts to them; a photo or a PDF scan, which no mask
 * reaches, refused (403). The party's own documents were masked for it when they were made.
 */
@Component
class EnforcementAttachmentAccess implements AttachmentAccess {

	private final PenaltyCases cases;

	private final EnterprisePenalties parties;

	private final CaseWork caseWork;

	EnforcementAttachmentAccess(PenaltyCases cases, EnterprisePenalties parties, CaseWork caseWork) {
		this.cases = cases;
		this.parties = parties;
		this.caseWork = caseWork;
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

	@Override
	public byte[] asReadBy(DataScope scope, AttachmentOwner owner, long attachmentId, String contentType, byte[] content) {
		if (scope.kind() == DataScope.Kind.ENTERPRISE) {
			return content;
		}
		var c = caseWork.find(owner.id());
		// the party's credit code printed in the document is no personal number, even where it reads as one
		return AttachmentAccess.maskedOrRefused(caseWork.readsInFull(c.handledIn()), contentType, content,
				text -> Masking.telephonesIn(text, c.enterpriseCreditCode()),
				"案件的证据材料和扫描件可能含当事人、证人的个人信息，仅供办案机关的执法人员查看");
	}

	private static void requireCase(AttachmentOwner owner) {
		if (!CaseDocuments.OWNER_TYPE.equals(owner.type())) {
			throw DomainException.notFound("附件", owner.id());
		}
	}
}
