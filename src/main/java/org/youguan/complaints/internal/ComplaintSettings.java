package org.youguan.complaints.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Complaint settings ({@code youguan.complaints.*}).
 *
 * @param maxAttachments the most attachments per complaint (default 5)
 * @param maxAttachmentBytes the largest attachment accepted (default 5 MiB)
 */
@ConfigurationProperties("youguan.complaints")
public record ComplaintSettings(Integer maxAttachments, Long maxAttachmentBytes) {

	public ComplaintSettings {
		maxAttachments = maxAttachments == null ? 5 : maxAttachments;
		maxAttachmentBytes = maxAttachmentBytes == null ? 5L * 1024 * 1024 : maxAttachmentBytes;
	}
}
