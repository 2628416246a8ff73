package org.youguan.platform;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * V235: every module's copies of stored identifiers ({@link CopiedIdentifiers}) rewritten as the original is written:
 * V234 ({@link IdentifierNormalisation}) rewrote the licence numbers and 执法证号 where they are kept, not where they
 * were copied to — the renewal reminders sent, the branch filings, case teams, inspection records' teams and plans'
 * drawn teams. A rewrite gives the same result when run twice.
 */
@Component
class IdentifierCopyNormalisation extends NumberRenormalisation {

	IdentifierCopyNormalisation(List<CopiedIdentifiers> modules) {
		super("235", "write copied licence numbers and certificate numbers as their originals are written", modules);
	}
}
