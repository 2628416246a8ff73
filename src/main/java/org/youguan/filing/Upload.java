package org.youguan.filing;

import org.youguan.documents.UploadedFile;

/**
 * An uploaded filing attachment of a kind: the file checked by content and size as every upload is
 * ({@link UploadedFile}).
 */
public record Upload(AttachmentKind kind, String fileName, byte[] content) {

	public Upload {
		fileName = new UploadedFile(fileName, content).fileName();
	}

	/** The real content type, or an error naming the file and the rule. */
	String checkedContentType(long maxBytes) {
		return new UploadedFile(fileName, content).checkedContentType("attachments." + kind.name(), kind.label(), maxBytes);
	}
}
