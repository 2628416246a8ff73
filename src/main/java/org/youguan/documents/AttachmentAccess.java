package org.youguan.documents;

import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;

/**
 * The owning module's say over who may read its attachments: a module that stores attachments with {@link Attachments}
 * declares one bean implementing this, and {@code GET /attachments/{id}} asks it before serving a byte. Without such a
 * bean for the attachment's module the answer is 404.
 */
public interface AttachmentAccess {

	/** The module this bean decides for, as in {@link AttachmentOwner#module()}. */
	String module();

	/**
	 * Returns normally when a caller with {@code scope} may read the attachments of {@code owner} (typically: the owner
	 * record is visible to the caller, as the module's own pages decide).
	 * @throws DomainException not found (404, existence not revealed) or {@link AccessRefusedException} (403)
	 */
	void requireReadable(DataScope scope, AttachmentOwner owner);

	/**
	 * Returns normally when a caller with {@code scope} may read this one attachment of {@code owner}; by default
	 * whoever may read the owner ({@link #requireReadable(DataScope, AttachmentOwner)}). A module overrides it where
	 * readers differ per file — e.g. a penalty case's party reads the documents served on it, not the bureau's
	 * internal papers or evidence.
	 * @param attachmentId the attachment asked for (it belongs to {@code owner})
	 * @throws DomainException not found (404, existence not revealed) or {@link AccessRefusedException} (403)
	 */
	default void requireReadable(DataScope scope, AttachmentOwner owner, long attachmentId) {
		requireReadable(scope, owner);
	}

	/**
	 * The file as this caller reads it, asked after {@link #requireReadable(DataScope, AttachmentOwner, long)} passed:
	 * by default as stored. A module whose pages show a record's personal numbers masked to some readers serves them its
	 * generated documents masked by the same rule ({@link WordTemplates#masked}), so a download never tells what the page
	 * hides.
	 * @param contentType the file's content type as checked on upload ({@link Downloads#DOCX} for a generated document)
	 * @param content the file as stored
	 * @return the bytes to serve
	 */
	default byte[] asReadBy(DataScope scope, AttachmentOwner owner, long attachmentId, String contentType, byte[] content) {
		return content;
	}
}
