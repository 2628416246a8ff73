package org.youguan.registry;

/**
 * An enterprise as lists and pages show it (contact phone masked).
 */
public record EnterpriseView(long id, String legalName, String creditCode, EnterpriseType type, Long brandId,
		String brandName, String legalRepresentative, String address, String regionCode, String regionName,
		String contactName, String contactPhoneMasked, EnterpriseStatus status, boolean demo, long licences,
		long outlets) {
}
