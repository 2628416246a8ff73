package org.youguan.credit.internal;

import org.youguan.credit.CreditEntry;
import org.youguan.credit.CreditObjection;
import org.youguan.credit.CreditObjections;
import org.youguan.credit.CreditRecords;
import org.youguan.kernel.ListFilter;

/** Who reads the credit record, and the list filters as a request names them. */
final class CreditAccess {

	/** Staff of every kind read their region's record; an enterprise its own. */
	static final String READERS = "hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN','BUREAU_LEADER','STAFF','ENTERPRISE')";

	/** The staff pages: bureau users only. */
	static final String STAFF_READERS = "hasAnyRole('SYSTEM_ADMIN','BUREAU_ADMIN','BUREAU_LEADER','STAFF')";

	private CreditAccess() {
	}

	/** The entries' filter from {@code ?status=&pending=&overdue=} (an unknown status: 400 rule {@code one-of}). */
	static CreditRecords.Filter entries(String status, Boolean pending, Boolean overdue) {
		return new CreditRecords.Filter(ListFilter.oneOf(CreditEntry.Status.class, "status", "信用记录状态", status),
				Boolean.TRUE.equals(pending), Boolean.TRUE.equals(overdue));
	}

	/** The objections' filter from {@code ?status=&overdue=}. */
	static CreditObjections.Filter objections(String status, Boolean overdue) {
		return new CreditObjections.Filter(ListFilter.oneOf(CreditObjection.Status.class, "status", "异议状态", status),
				Boolean.TRUE.equals(overdue));
	}
}
