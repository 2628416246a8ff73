package org.youguan.complaints.internal;

import org.springframework.http.ResponseEntity;
import org.youguan.complaints.ComplaintQueries;
import org.youguan.documents.UploadedFile;

/**
 * The complaint pages' stored files served inline.
 */
final class Uploads {

	private Uploads() {
	}

	static ResponseEntity<byte[]> inline(ComplaintQueries.AttachmentContent a) {
		return UploadedFile.inline(a.contentType(), a.fileName(), a.content());
	}
}
