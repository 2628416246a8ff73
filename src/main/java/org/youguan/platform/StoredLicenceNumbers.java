package org.youguan.platform;

/**
 * A module's stored licence numbers ({@link StoredNumbers}): the registry's licences and the licensing applications
 * that issued them, kept until V234 as typed (only stripped) and since then as {@code kernel.Text.identifier} writes
 * them, so a licence number typed another way (full-width digits, other dashes, an automatic number's missing padding)
 * finds the licence. Rewritten by {@link LicenceNumberNormalisation}.
 */
public interface StoredLicenceNumbers extends StoredNumbers {
}
