package org.youguan.filing;

import org.springframework.http.ResponseEntity;
import org.youguan.documents.UploadedFile;

/**
 * Serves a stored attachment: its checked content type, shown inline, never sniffed by the browser.
 */
final class Attachments {

	private Attachments() {
	}

	static ResponseEntity<byte[]> inline(OutletFilings.AttachmentContent a) {
		return UploadedFile.inline(a.contentType(), a.fileName(), a.content());
	}
}
