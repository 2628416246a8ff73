package org.youguan.filing;

import org.youguan.documents.Attachments;
import org.youguan.documents.UploadedFile;

/**
 * An uploaded filing attachment of a kind, checked and stored by the documents module's {@link Attachments} (by
 * content and size, as every upload is) under the filing's {@code youguan.filing.max-attachment-bytes}.
 */
public record Upload(AttachmentKind kind, String fileName, byte[] content) {

	public Upload {
		fileName = new UploadedFile(fileName, content).fileName();
	}

	/** The file as the documents module takes it. */
	UploadedFile file() {
		return new UploadedFile(fileName, content);
	}

	/** The form field its errors are reported on: {@code attachments.<KIND>}. */
	String field() {
		return "attachments." + kind.name();
	}
}
