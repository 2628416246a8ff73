package org.youguan.registry;

import java.time.LocalDate;

/**
 * A licensing decision that grants an express business licence (准予许可, 邮政法(2015) art.53), published by the licensing
 * module when the competent bureau decides and applied by the registry when it hears it, after the decision's
 * transaction commits: the registry records the licence (and registers the applicant first when it was not yet in the
 * registry). The licensing module never writes the registry's licence record.
 * <p>
 * The type lives in the registry's API, as {@link OutletFilingDecision} does, because the licensing module reads the
 * registry (applicants, their licences) and the registry must not depend on the licensing module in turn: this is the
 * registry's inbound contract. It carries no personal data beyond what the public licence shows, apart from the
 * applicant's legal representative and address, which the enterprise record holds anyway.
 *
 * @param applicationId the licensing application decided
 * @param licenceNumber the new licence's number
 * @param applicant the holder, as the registry would register it when it is not there yet
 * @param scope the business scope granted
 * @param issuingBureauName the deciding bureau (发证机关)
 * @param issuingRegionCode its region ({@code 0} for the national bureau)
 * @param issuedOn the day of issue
 * @param expiresOn the last day of validity (5 years, 快递业务经营许可管理办法)
 * @param demo whether it belongs to the demo data
 * @param terms the registered capital, service area and branches granted (null: not stated)
 */
public record LicenceGranted(long applicationId, String licenceNumber, EnterpriseData applicant, LicenceScope scope,
		String issuingBureauName, String issuingRegionCode, LocalDate issuedOn, LocalDate expiresOn, boolean demo,
		LicenceTerms terms) {

	/** A grant that states no terms besides scope and dates. */
	public LicenceGranted(long applicationId, String licenceNumber, EnterpriseData applicant, LicenceScope scope,
			String issuingBureauName, String issuingRegionCode, LocalDate issuedOn, LocalDate expiresOn, boolean demo) {
		this(applicationId, licenceNumber, applicant, scope, issuingBureauName, issuingRegionCode, issuedOn, expiresOn,
				demo, null);
	}
}
