package org.youguan.licensing;

/**
 * Where a licence application stands. Moves only through the steps of {@link LicenceApplications}.
 */
public enum ApplicationStatus {

	SUBMITTED("待受理"), CORRECTION_REQUESTED("待补正"), ACCEPTED("已受理"), REVIEWED("已初审"), VERIFIED("已现场核查"),
	APPROVED("准予许可"), REFUSED("不予许可"), NOT_ACCEPTED("不予受理");

	private final String label;

	ApplicationStatus(String label) {
		this.label = label;
	}

	/** The status in Chinese. */
	public String label() {
		return label;
	}

	/** Whether the application is still being handled (not decided nor refused at receipt). */
	public boolean open() {
		return this != APPROVED && this != REFUSED && this != NOT_ACCEPTED;
	}
}
