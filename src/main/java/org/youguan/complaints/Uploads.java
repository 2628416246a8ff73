package org.youguan.complaints;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;
import org.youguan.documents.UploadedFile;

/**
 * The complaint pages' file handling: the files a form posted (empty inputs skipped), and a stored one served inline.
 */
final class Uploads {

	private Uploads() {
	}

	static List<UploadedFile> of(List<MultipartFile> files) throws IOException {
		List<UploadedFile> result = new ArrayList<>();
		if (files != null) {
			for (MultipartFile f : files) {
				if (!f.isEmpty()) {
					result.add(new UploadedFile(f.getOriginalFilename(), f.getBytes()));
				}
			}
		}
		return result;
	}

	static ResponseEntity<byte[]> inline(Complaints.AttachmentContent a) {
		return UploadedFile.inline(a.contentType(), a.fileName(), a.content());
	}
}
