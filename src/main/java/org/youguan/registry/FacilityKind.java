package org.youguan.registry;

/**
 * Kinds of postal facilities, with the fields each one carries beyond name, owner, place and status.
 */
public enum FacilityKind {

	POST_OFFICE("邮政普遍服务营业场所"), PARCEL_LOCKER("智能快件箱"), SMART_MAILBOX("智能信包箱"), SCREENING_MACHINE("安检机"),
	CARE_STATION("爱心驿站");

	private final String label;

	FacilityKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Lockers and mailboxes count their compartments (格口). */
	public boolean hasCompartments() {
		return this == PARCEL_LOCKER || this == SMART_MAILBOX;
	}

	public boolean hasSerialNumber() {
		return this == SCREENING_MACHINE;
	}

	public boolean hasServices() {
		return this == CARE_STATION;
	}
}
