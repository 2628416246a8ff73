package org.youguan.licensing;

import org.youguan.org.BureauLevel;
import org.youguan.registry.IssuingAuthority;
import org.youguan.registry.LicenceScope;

/**
 * The level that decides a licence application (邮政法(2015) art.53): the provincial bureau for business within one
 * province (同城, 省内), the national bureau for inter-province and international business — the licence's issuing
 * authority as the registry states the rule ({@link IssuingAuthority}), read from there so that the law is in one place.
 */
public enum ApprovingLevel {

	PROVINCE(IssuingAuthority.PROVINCE), NATIONAL(IssuingAuthority.NATIONAL);

	private final IssuingAuthority authority;

	ApprovingLevel(IssuingAuthority authority) {
		this.authority = authority;
	}

	/** The level's name in Chinese. */
	public String label() {
		return authority.label();
	}

	/** The bureau level that decides. */
	public BureauLevel bureauLevel() {
		return authority.bureauLevel();
	}

	/** The level competent for a scope (邮政法(2015) art.53). */
	public static ApprovingLevel of(LicenceScope scope) {
		return IssuingAuthority.of(scope) == IssuingAuthority.NATIONAL ? NATIONAL : PROVINCE;
	}

	/** The region code of the competent bureau for premises in {@code regionCode}: the province, or {@code 0}. */
	public String bureauRegion(String regionCode) {
		return authority.bureauRegion(regionCode);
	}
}
