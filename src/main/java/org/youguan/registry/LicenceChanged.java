package org.youguan.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An approved change (变更) of an express business licence (快递业务经营许可管理办法: 变更企业名称、法定代表人、注册资本、业务范围、
 * 服务地域、分支机构), published by the licensing module when the competent bureau approves it and applied by the
 * registry when it hears it, after the decision's transaction commits: the registry changes the licence in force (and
 * the holder's name, legal representative and — for a move of the 经营场所 — its address and county, so the licence
 * passes to the bureaus of the new county) and audits it before → after. No new licence record is made. Like
 * {@link LicenceGranted}, the registry's inbound contract (the registry must not depend on the licensing module).
 * Every item is null when it does not change.
 *
 * @param applicationId the change application decided
 * @param licenceNumber the licence changed
 * @param decisionNumber the decision's 文号 (the basis recorded in the audit)
 * @param decidedOn the day of the decision
 * @param legalName the holder's new name
 * @param legalRepresentative the new legal representative
 * @param registeredCapital the new registered capital (yuan)
 * @param scope the new business scope
 * @param serviceArea the new service area
 * @param branches the branches the licence now covers (the whole list)
 * @param premisesAddress the new premises' address (经营场所), with {@code regionCode}
 * @param regionCode the county (6 digits or more) of the new premises: the licence's region from now on
 */
public record LicenceChanged(long applicationId, String licenceNumber, String decisionNumber, LocalDate decidedOn,
		String legalName, String legalRepresentative, BigDecimal registeredCapital, LicenceScope scope, String serviceArea,
		List<String> branches, String premisesAddress, String regionCode) {
}
