package org.youguan.inspections.internal;

import org.springframework.stereotype.Component;
import org.youguan.documents.AttachmentAccess;
import org.youguan.documents.AttachmentOwner;
import org.youguan.inspections.InspectionFieldRecords;
import org.youguan.inspections.InspectionOrders;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.Masking;

/**
 * Who may read the inspections module's files: a record's photos and signatures, and an order's document and
 * evidence — staff whose scope covers the inspected enterprise's region and the enterprise itself (its own records and
 * orders only), as the pages decide; anyone else gets 404. A record's photos and signatures go by the one rule of
 * attachments ({@link AttachmentAccess#maskedOrRefused}): the enterprise reads the record's findings and place masked
 * (they may name a sender or a courier), so the photos and signatures, which no mask reaches, are refused to it (403),
 * as a complaint's evidence is refused to those who read the complaint masked.
 */
@Component
class InspectionAttachmentAccess implements AttachmentAccess {

	private final InspectionFieldRecords records;

	private final InspectionOrders orders;

	InspectionAttachmentAccess(InspectionFieldRecords records, InspectionOrders orders) {
		this.records = records;
		this.orders = orders;
	}

	@Override
	public String module() {
		return InspectionFieldRecords.MODULE;
	}

	@Override
	public byte[] asReadBy(DataScope scope, AttachmentOwner owner, long attachmentId, String contentType, byte[] content) {
		if (!InspectionFieldRecords.RECORD.equals(owner.type())) {
			return content;
		}
		return AttachmentAccess.maskedOrRefused(scope.kind() != DataScope.Kind.ENTERPRISE, contentType, content,
				Masking::personalNumbersIn, "现场检查的照片和签名可能含寄件人、快递员等他人的个人信息，仅供检查机关的工作人员查看");
	}

	@Override
	public void requireReadable(DataScope scope, AttachmentOwner owner) {
		switch (owner.type()) {
			case InspectionFieldRecords.RECORD -> records.get(scope, owner.id());
			case InspectionOrders.OWNER_TYPE -> orders.get(scope, owner.id());
			default -> throw DomainException.notFound("附件", owner.id());
		}
	}
}
