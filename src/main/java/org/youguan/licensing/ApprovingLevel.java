package org.youguan.licensing;

import org.youguan.org.BureauLevel;
import org.youguan.registry.LicenceScope;

/**
 * The level that decides a licence application (邮政法(2015) art.52): the provincial bureau for business within one
 * province (同城, 省内), the national bureau for inter-province and international business.
 */
public enum ApprovingLevel {

	PROVINCE("省邮政管理局", BureauLevel.PROVINCE), NATIONAL("国家邮政局", BureauLevel.NATIONAL);

	private final String label;

	private final BureauLevel bureauLevel;

	ApprovingLevel(String label, BureauLevel bureauLevel) {
		this.label = label;
		this.bureauLevel = bureauLevel;
	}

	/** The level's name in Chinese. */
	public String label() {
		return label;
	}

	/** The bureau level that decides. */
	public BureauLevel bureauLevel() {
		return bureauLevel;
	}

	/** The level competent for a scope (邮政法(2015) art.52). */
	public static ApprovingLevel of(LicenceScope scope) {
		return scope == LicenceScope.CITY || scope == LicenceScope.PROVINCE ? PROVINCE : NATIONAL;
	}

	/** The region code of the competent bureau for premises in {@code regionCode}: the province, or {@code 0}. */
	public String bureauRegion(String regionCode) {
		return this == NATIONAL ? "0" : regionCode.substring(0, 2);
	}
}
