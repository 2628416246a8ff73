package org.youguan.registry;

import java.time.LocalDate;

/**
 * A branch filed (分支机构备案, 快递业务经营许可管理办法: within 20 days of the branch's business licence) through the
 * licensing procedure, published by the licensing module when the filing is complete and taken, and applied by the
 * registry when it hears it (after commit): the registry records the branch under the parent's licence, deciding its
 * lateness flag from the same rule ({@code branch.filing}). A branch of that name already recorded for the parent is left
 * as it is (a repeated delivery). Like {@link LicenceGranted}, the registry's inbound contract.
 *
 * @param filingId the licensing module's filing
 * @param parentCreditCode the enterprise the branch belongs to
 * @param licenceNumber the parent's licence in force the branch operates under
 * @param name the branch's name
 * @param regionCode its county
 * @param address its address
 * @param headName its head (负责人)
 * @param businessLicenceDate the day its business licence was issued
 * @param filedOn the day it was filed
 * @param demo whether it belongs to the demo data
 */
public record BranchFiled(long filingId, String parentCreditCode, String licenceNumber, String name, String regionCode,
		String address, String headName, LocalDate businessLicenceDate, LocalDate filedOn, boolean demo) {
}
