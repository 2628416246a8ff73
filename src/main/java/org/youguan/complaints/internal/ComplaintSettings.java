package org.youguan.complaints.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Complaint settings ({@code youguan.complaints.*}).
 *
 * @param maxAttachments the most attachments per complaint (default 5)
 * @param maxAttachmentBytes the largest attachment accepted (default 5 MiB)
 * @param publicHeldBytes the most bytes the anonymous public's refused forms may keep held together at a time (default
 * 256 MiB); beyond it a refused public form does not keep its files (the visitor chooses them again)
 * @param resubmitMinutes how long (minutes, default 10) a complaint with the same filer phone, waybill number and
 * account as one just filed is taken for the same complaint sent again and refused (409) — on every intake path
 */
@ConfigurationProperties("youguan.complaints")
public record ComplaintSettings(Integer maxAttachments, Long maxAttachmentBytes, Long publicHeldBytes,
		Integer resubmitMinutes) {

	public ComplaintSettings {
		maxAttachments = maxAttachments == null ? 5 : maxAttachments;
		maxAttachmentBytes = maxAttachmentBytes == null ? 5L * 1024 * 1024 : maxAttachmentBytes;
		publicHeldBytes = publicHeldBytes == null ? 256L * 1024 * 1024 : publicHeldBytes;
		resubmitMinutes = resubmitMinutes == null ? 10 : resubmitMinutes;
	}
}
