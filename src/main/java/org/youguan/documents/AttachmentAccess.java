package org.youguan.documents;

import java.util.function.UnaryOperator;

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
	 * A file that cannot be masked (a photo, a PDF scan) is refused to such a reader ({@link #maskedOrRefused}).
	 * @param contentType the file's content type as checked on upload ({@link Downloads#DOCX} for a generated document)
	 * @param content the file as stored
	 * @return the bytes to serve
	 * @throws AccessRefusedException (403) for a file this reader may not read as it is and that cannot be masked
	 */
	default byte[] asReadBy(DataScope scope, AttachmentOwner owner, long attachmentId, String contentType, byte[] content) {
		return content;
	}

	/**
	 * The one rule for a record's files where its pages show its personal data masked to some readers (as a complaint's
	 * evidence is refused to those who read the complaint masked): to a reader who reads the record in full, the file as
	 * stored; to anyone else a Word document with its text masked by {@code mask} ({@link WordTemplates#masked}), and
	 * any other file — a photo, a PDF scan, a recording, which may show a name, phone or ID number no mask reaches —
	 * refused.
	 * @param readsInFull whether this reader reads the record's personal data in full (the module's rule for its pages)
	 * @param contentType the file's content type ({@link Downloads#DOCX} for a Word document)
	 * @param content the file as stored
	 * @param mask the text as the reader may read it
	 * @param refusal the refusal's reason, in Chinese, naming who may read such files
	 * @return the bytes to serve
	 * @throws AccessRefusedException (403, {@code refusal}) for a file other than a Word document read masked
	 */
	/**
	 * Whether a reader who reads the record masked may read a file of this type ({@link #maskedOrRefused}): only a Word
	 * document, which is served masked; a page offers such a reader no link to any other file (a photo, a PDF scan).
	 * @param contentType the file's content type as stored
	 */
	static boolean readableMasked(String contentType) {
		return Downloads.DOCX.toString().equals(contentType);
	}

	static byte[] maskedOrRefused(boolean readsInFull, String contentType, byte[] content, UnaryOperator<String> mask,
			String refusal) {
		if (readsInFull) {
			return content;
		}
		if (!readableMasked(contentType)) {
			throw new AccessRefusedException(refusal);
		}
		return WordTemplates.masked(content, mask);
	}
}
