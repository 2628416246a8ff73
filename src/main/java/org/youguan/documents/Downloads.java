package org.youguan.documents;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * HTTP responses for generated documents, with the Chinese file name encoded per RFC 6266.
 */
public final class Downloads {

	public static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	public static final MediaType DOCX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

	private Downloads() {
	}

	public static ResponseEntity<byte[]> xlsx(String fileName, byte[] content) {
		return file(fileName, XLSX, content);
	}

	public static ResponseEntity<byte[]> docx(String fileName, byte[] content) {
		return file(fileName, DOCX, content);
	}

	private static ResponseEntity<byte[]> file(String fileName, MediaType type, byte[] content) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.body(content);
	}
}
