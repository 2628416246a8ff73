package org.youguan.registry;

/**
 * What staff enter for an enterprise (already parsed; {@link Enterprises} validates it).
 */
public record EnterpriseData(String legalName, String creditCode, EnterpriseType type, Long brandId,
		String legalRepresentative, String address, String regionCode, String contactName, String contactPhone) {
}
