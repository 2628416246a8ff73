package org.youguan.safety.internal.ledgers;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.youguan.documents.AttachmentOwner;
import org.youguan.documents.Attachments;
import org.youguan.documents.UploadedFile;

/**
 * What the safety ledgers keep of uploaded files, per record — a 隐患's rectification evidence, a 责任书's scans: each
 * file a JPEG, PNG or PDF checked by content ({@link Attachments#check}: one whole image, nothing after its end) of at
 * most {@code youguan.safety.max-evidence-bytes} (20 MB), and per record at most {@code youguan.safety.max-evidence-files}
 * files (20) of at most {@code youguan.safety.max-evidence-total-bytes} (100 MB) in all, counting those it keeps and
 * those of the request ({@link Attachments#requireRoom}): there was no cap, so one hazard took any number of files.
 */
@Component
class EvidenceLimits {

	private final Attachments attachments;

	private final long maxFileBytes;

	private final int maxFiles;

	private final long maxTotalBytes;

	EvidenceLimits(Attachments attachments, @Value("${youguan.safety.max-evidence-bytes:20971520}") long maxFileBytes,
			@Value("${youguan.safety.max-evidence-files:20}") int maxFiles,
			@Value("${youguan.safety.max-evidence-total-bytes:104857600}") long maxTotalBytes) {
		if (maxFiles < 1 || maxFileBytes < 1 || maxTotalBytes < maxFileBytes) {
			throw new IllegalArgumentException("youguan.safety.max-evidence-files应为正整数，max-evidence-total-bytes不小于"
					+ "max-evidence-bytes：" + maxFiles + "，" + maxTotalBytes + "，" + maxFileBytes);
		}
		this.attachments = attachments;
		this.maxFileBytes = maxFileBytes;
		this.maxFiles = maxFiles;
		this.maxTotalBytes = maxTotalBytes;
	}

	/**
	 * Checks every file of a request for a record, then whether the record has room for them all; nothing is stored.
	 * @param owner the record (its id may be a new one's)
	 * @param label what the files are ("整改佐证材料")
	 * @param noun what the record is ("隐患")
	 * @throws org.youguan.kernel.InvalidValueException on {@code files}: the first refused file's rule, or
	 *         {@code count} / {@code total-size}
	 */
	void check(AttachmentOwner owner, List<UploadedFile> files, String label, String noun) {
		for (UploadedFile f : files) {
			attachments.check(f, "files", label, maxFileBytes);
		}
		attachments.requireRoom(owner, files, "files", label, noun, maxFiles, maxTotalBytes);
	}

	/**
	 * Checks ({@link #check}) and stores the files for their record, in the caller's transaction (under the record's
	 * lock, so two requests cannot both take the last room).
	 * @param kind the attachments' kind ("rectification", "letter")
	 */
	void store(AttachmentOwner owner, String kind, List<UploadedFile> files, String label, String noun) {
		check(owner, files, label, noun);
		for (UploadedFile f : files) {
			attachments.store(owner, kind, f, "files", label, maxFileBytes);
		}
	}
}
