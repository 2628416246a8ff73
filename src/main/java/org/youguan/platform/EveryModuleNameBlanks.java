package org.youguan.platform;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * V243: {@link InnerNameBlanks} (V242) again, now that every module supplies its guarded name columns
 * ({@link GuardedNames}) — when V242 ran, only the registry did. The names of departments, bureaus, users, API tokens,
 * statistical indicators, inspection items, inspectors and plans, complaints, licence applications and branch filings,
 * universal-service and enforcement records and the safety ledgers lose the invisible characters inside them and have
 * every run of spaces inside (U+3000 included) as one ASCII space, as {@code kernel.Text.name} stores a name typed now,
 * so "顺丰　速运" kept before is the same department or bureau as "顺丰 速运" typed today. A row another row's name blocks
 * (a unique constraint: a bureau's name, a department's within its bureau, a branch filing's within its parent) stays as
 * stored, duplicates are never merged. The registry's names, cleaned by V242, are already so written and stay. Gives the
 * same result when run twice (on a new database V242 already cleans every module and this finds nothing).
 */
@Component
class EveryModuleNameBlanks extends ModuleMigration<GuardedNames> {

	EveryModuleNameBlanks(List<GuardedNames> modules) {
		super("243", "remove invisible characters inside every module's stored names and write inner spaces as one ASCII space",
				modules, GuardedNames::clean);
	}
}
