package org.youguan.platform;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * V244: every module's stored one-line texts ({@link OneLineTexts}: addresses, places, opening hours, trainings' topics
 * and audiences, seizures' items, units and agencies) as the same text typed now is accepted and stored — line breaks
 * and tabs as one space, zero-width and control characters removed, trimmed, every run of spaces inside (U+3000
 * included) one ASCII space ({@link DataMigration#storedLine}) — so a list, a notice or a sheet prints them on one line
 * and "越溪路26号\u200B" kept before is the address "越溪路26号" typed today. A value that showed nothing becomes NULL, or
 * in a required column {@link DataMigration#NOTHING_VISIBLE}; a row a unique constraint would refuse stays as stored.
 * Gives the same result when run twice.
 */
@Component
class EveryModuleOneLineTexts extends ModuleMigration<OneLineTexts> {

	EveryModuleOneLineTexts(List<OneLineTexts> modules) {
		super("244", "write every module's stored one-line texts (addresses, places, hours, topics, items) on one line "
				+ "without invisible characters, spaces as one ASCII space", modules, OneLineTexts::clean);
	}
}
