package org.youguan.platform;

/**
 * A module's columns holding a copy of a stored identifier — a licence number on a renewal reminder or a branch filing,
 * a 执法证号 on a case team, an inspection record's team or a plan's drawn team — kept as typed or as the original was
 * stored before V234, so the copy no longer equals the original written by {@code kernel.Text.identifier}: a reminder
 * already sent is not recognised and goes out again, a team member is not matched to the roster. Rewritten by
 * {@link IdentifierCopyNormalisation} (V235) in the form the original is written in now (and, for the roster's
 * 执法证号, the original too: its letters are upper-cased since V235).
 */
public interface CopiedIdentifiers extends StoredNumbers {
}
