package org.youguan.platform;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * V242: every module's stored names that {@code kernel.Validation.name} guards ({@link GuardedNames}) without the
 * invisible characters inside them and with every run of spaces inside (the ideographic space U+3000 included) as one
 * ASCII space, as {@code kernel.Text.name} stores a name typed now; a row another row's name blocks (unique) stays as
 * stored, duplicates are not merged. Gives the same result when run twice. When it ran first only the registry supplied
 * its columns; {@link EveryModuleNameBlanks} (V243) runs again for the modules that supply theirs since.
 */
@Component
class InnerNameBlanks extends ModuleMigration<GuardedNames> {

	InnerNameBlanks(List<GuardedNames> modules) {
		super("242", "remove invisible characters inside stored names and write inner spaces as one ASCII space", modules,
				GuardedNames::clean);
	}
}
