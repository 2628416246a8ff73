package org.youguan.filing;

import java.time.OffsetDateTime;

/**
 * An attachment's description (its content is read separately).
 */
public record AttachmentView(long id, long filingId, AttachmentKind kind, String fileName, String contentType,
		int sizeBytes, OffsetDateTime uploadedAt) {
}
