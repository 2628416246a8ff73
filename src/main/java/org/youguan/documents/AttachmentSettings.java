package org.youguan.documents;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Attachment settings ({@code youguan.attachments.*}). The size and count limits are each owning module's
 * ({@code youguan.filing.max-attachment-bytes} …), passed to {@link Attachments} with the file.
 *
 * @param provisionalTtl how long a file uploaded with a form that failed validation is held for that form (default 24
 * hours); then it is removed
 */
@ConfigurationProperties("youguan.attachments")
record AttachmentSettings(Duration provisionalTtl) {

	AttachmentSettings {
		provisionalTtl = provisionalTtl == null ? Duration.ofHours(24) : provisionalTtl;
	}
}
