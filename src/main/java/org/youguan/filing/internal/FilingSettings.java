package org.youguan.filing.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Filing settings ({@code youguan.filing.*}).
 *
 * @param maxAttachmentBytes the largest attachment accepted (default 5 MiB)
 * @param maxAttachments the most attachments per filing (default 20)
 */
@ConfigurationProperties("youguan.filing")
public record FilingSettings(Long maxAttachmentBytes, Integer maxAttachments) {

	public FilingSettings {
		maxAttachmentBytes = maxAttachmentBytes == null ? 5L * 1024 * 1024 : maxAttachmentBytes;
		maxAttachments = maxAttachments == null ? 20 : maxAttachments;
	}
}
