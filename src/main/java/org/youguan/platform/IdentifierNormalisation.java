package org.youguan.platform;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * V234: every module's stored identifiers ({@link StoredIdentifiers}) rewritten as {@code kernel.Text.identifier} writes
 * them: licence numbers, screening machine serials and 执法证号 were kept as typed, and every look-up now reads the typed
 * number in the written form, so a licence recorded as 快递许可-32-2026-7 or a certificate in full-width letters was not
 * found by its own number. A rewrite gives the same result when run twice.
 */
@Component
class IdentifierNormalisation extends NumberRenormalisation {

	IdentifierNormalisation(List<StoredIdentifiers> modules) {
		super("234", "write stored licence numbers, machine serials and certificate numbers as Text.identifier writes them",
				modules);
	}
}
