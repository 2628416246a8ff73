package org.youguan.platform;

/**
 * A module's stored 编号 a person types that were kept as typed (only stripped) until V234 and since then as
 * {@code kernel.Text.identifier} writes them ({@link StoredNumbers}): the registry's licence numbers and screening
 * machine serials, the licensing applications' licence numbers, the roster's 执法证号 — so the same number typed another
 * way (full-width digits and letters, other dashes, an automatic number's missing padding) finds the same row and
 * cannot pass as a second one. Rewritten by {@link IdentifierNormalisation}.
 */
public interface StoredIdentifiers extends StoredNumbers {
}
