package org.youguan.registry;

import org.youguan.rules.Provision;
import org.youguan.kernel.DataScope;
import org.youguan.org.BureauLevel;

/**
 * The authority that issues an express licence of a scope (邮政法(2015) art.53): the provincial bureau for business within
 * one province (同城, 省内), 国家邮政局 for inter-province and international business. Only it changes the licence's legal
 * content, cancels it (注销, 行政许可法(2019) art.70) or revokes it (吊销, 行政许可法 art.70(四) with 行政处罚法(2021) art.9).
 * The one statement of the rule: licensing's {@code ApprovingLevel} (who decides an application) reads it from here.
 */
public enum IssuingAuthority {

	PROVINCE("省邮政管理局", BureauLevel.PROVINCE), NATIONAL("国家邮政局", BureauLevel.NATIONAL);

	/** The article a refusal cites for who issues a licence. */
	public static final String BASIS = Provision.POSTAL_LICENSING_AUTHORITY.toString();

	private final String label;

	private final BureauLevel bureauLevel;

	IssuingAuthority(String label, BureauLevel bureauLevel) {
		this.label = label;
		this.bureauLevel = bureauLevel;
	}

	/** The authority's name in Chinese (省邮政管理局, 国家邮政局). */
	public String label() {
		return label;
	}

	/** The bureau level that issues. */
	public BureauLevel bureauLevel() {
		return bureauLevel;
	}

	/** The authority competent for a licence of {@code scope} (邮政法(2015) art.53). */
	public static IssuingAuthority of(LicenceScope scope) {
		return scope == LicenceScope.CITY || scope == LicenceScope.PROVINCE ? PROVINCE : NATIONAL;
	}

	/**
	 * The region code of the competent bureau for a holder (or premises) in {@code regionCode}: its province (2 digits),
	 * or {@code 0} for 国家邮政局.
	 */
	public String bureauRegion(String regionCode) {
		return this == NATIONAL ? "0" : regionCode.substring(0, Math.min(2, regionCode.length()));
	}

	/**
	 * Whether a bureau of {@code level} in {@code bureauRegion} is this authority for a holder in {@code holderRegion}:
	 * the same level, whose region holds the holder's.
	 */
	public boolean isBureau(BureauLevel level, String bureauRegion, String holderRegion) {
		return level == bureauLevel && bureauRegion != null && DataScope.region(bureauRegion).containsRegion(holderRegion);
	}

	/** "省内快递业务经营许可证由省邮政管理局" — the head of a refusal that names who issues, cancels or revokes. */
	public static String whoFor(LicenceScope scope) {
		return scope.label() + "快递业务经营许可证由" + of(scope).label();
	}
}
