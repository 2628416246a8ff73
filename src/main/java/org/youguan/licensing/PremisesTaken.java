package org.youguan.licensing;

/**
 * Where the premises (经营场所) of a renewal, change or branch application come from when the licence it acts on has no
 * premises on record here — a licence issued off the platform, which the registry records without them. The
 * application's page, its API and its audit entry say so, so that the city bureau's 现场核查 confirms the premises rather
 * than taking them as the licence's.
 */
public enum PremisesTaken {

	/** As the application states them. */
	STATED("经营场所为申请所述：许可证在本平台没有经营场所记录（平台外颁发），以现场核查为准"),

	/** Not stated: the holder's registered address (住所) and county in the registry. */
	REGISTERED_ADDRESS("经营场所取企业登记的住所：许可证在本平台没有经营场所记录（平台外颁发），申请未填写，以现场核查为准");

	private final String label;

	PremisesTaken(String label) {
		this.label = label;
	}

	/** What the page says beside the premises, in Chinese. */
	public String label() {
		return label;
	}
}
