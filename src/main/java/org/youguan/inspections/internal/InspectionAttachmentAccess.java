package org.youguan.inspections.internal;

import org.springframework.stereotype.Component;
import org.youguan.documents.AttachmentAccess;
import org.youguan.documents.AttachmentOwner;
import org.youguan.inspections.InspectionFieldRecords;
import org.youguan.inspections.InspectionOrders;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;

/**
 * Who may read the inspections module's files: a record's photos and signatures, and an order's document and
 * evidence — staff whose scope covers the inspected enterprise's region and the enterprise itself (its own records and
 * orders only), as the pages decide; anyone else gets 404.
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
	public void requireReadable(DataScope scope, AttachmentOwner owner) {
		switch (owner.type()) {
			case InspectionFieldRecords.RECORD -> records.get(scope, owner.id());
			case InspectionOrders.OWNER_TYPE -> orders.get(scope, owner.id());
			default -> throw DomainException.notFound("附件", owner.id());
		}
	}
}
