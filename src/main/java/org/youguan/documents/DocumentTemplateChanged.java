package org.youguan.documents;

/**
 * An administrator replaced a document template or returned it to the built-in one, published inside the change's
 * transaction. The audit module records it there (the documents module sits below the audit module — the audit trail
 * exports through {@link Spreadsheets} — so it cannot call the trail itself).
 *
 * @param key the template's key, e.g. {@code enforcement/decision}
 * @param title its Chinese title
 * @param replaced true for an upload of a replacement, false for the return to the built-in template
 * @param version the id of the stored change (a row of the template's history)
 * @param fileName the uploaded file's name, or null on a return to the built-in template
 * @param sha256 the uploaded file's SHA-256 (hex), or null on a return
 * @param note the administrator's note, or null
 */
public record DocumentTemplateChanged(String key, String title, boolean replaced, long version, String fileName,
		String sha256, String note) {
}
