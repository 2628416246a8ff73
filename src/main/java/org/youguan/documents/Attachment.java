package org.youguan.documents;

import java.time.Instant;

/**
 * A stored attachment as pages and documents list it (its content is served by {@code GET /attachments/{id}} to a
 * caller its owning module lets read it).
 *
 * @param id the attachment's id
 * @param kind what the file is within its owner, as the module names it (e.g. {@code MANAGER_ID})
 * @param fileName the uploaded name, made safe (no path or control characters, at most 200 characters)
 * @param contentType the type found from the content on upload: {@code image/jpeg}, {@code image/png} or
 * {@code application/pdf}, or a recording's ({@link UploadedFile#MEDIA_TYPES}) where the module takes them; a
 * document the platform generated ({@link Attachments#storeGenerated}) has the .docx type
 * @param sizeBytes the file's size
 * @param uploadedAt when it was uploaded
 */
public record Attachment(long id, String kind, String fileName, String contentType, int sizeBytes, Instant uploadedAt) {

	/** The one address that serves the file. */
	public String href() {
		return "/attachments/" + id;
	}
}
