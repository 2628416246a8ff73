package org.youguan.platform;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * V234: every module's stored licence numbers ({@link StoredLicenceNumbers}) rewritten as {@code kernel.Text.identifier}
 * writes them: the registry kept a typed 许可证编号 only stripped, and the public look-up and every search by number read
 * the typed number in the written form, so a licence recorded as 快递许可-32-2026-7 or in full-width digits was not
 * found by its own number. A rewrite gives the same result when run twice.
 */
@Component
class LicenceNumberNormalisation extends NumberRenormalisation {

	LicenceNumberNormalisation(List<StoredLicenceNumbers> modules) {
		super("234", "write stored licence numbers as Text.identifier writes them", modules);
	}
}
