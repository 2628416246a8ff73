package org.youguan.platform;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * V236: every module's stored names and addresses ({@link StoredNames}) trimmed as {@code kernel.Text.strip} trims typed
 * text: a brand, outlet, enterprise, branch or region name kept with a no-break space or byte order mark around it
 * ("顺丰\u00A0") would otherwise stand beside the same name typed without it, as a look-alike second one.
 */
@Component
class NameTrimming extends ModuleMigration<StoredNames> {

	NameTrimming(List<StoredNames> modules) {
		super("236", "trim no-break spaces and invisible characters around stored names and addresses as Text.strip does",
				modules, StoredNames::trim);
	}
}
