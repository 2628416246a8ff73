package org.youguan.filing;

import java.util.Locale;

import org.youguan.kernel.InvalidValueException;

/**
 * An uploaded attachment, accepted only if its content is a JPEG, PNG or PDF (by magic number, whatever its name or
 * declared type says) and within the size limit.
 */
public record Upload(AttachmentKind kind, String fileName, byte[] content) {

	public Upload {
		fileName = fileName == null || fileName.isBlank() ? "附件" : fileName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
		if (fileName.length() > 200) {
			fileName = fileName.substring(fileName.length() - 200);
		}
	}

	/** The real content type, or an error naming the file and the rule. */
	String checkedContentType(long maxBytes) {
		String field = "attachments." + kind.name();
		if (content == null || content.length == 0) {
			throw new InvalidValueException(field, "required", kind.label() + "：文件为空");
		}
		if (content.length > maxBytes) {
			throw new InvalidValueException(field, "size", kind.label() + "“" + fileName + "”超过" + maxBytes / 1024 / 1024 + "MB");
		}
		if (startsWith(0xFF, 0xD8, 0xFF)) {
			return "image/jpeg";
		}
		if (startsWith(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return "image/png";
		}
		if (startsWith('%', 'P', 'D', 'F', '-')) {
			return "application/pdf";
		}
		throw new InvalidValueException(field, "content-type", kind.label() + "“" + fileName
				+ "”不是JPEG、PNG图片或PDF文件（按文件内容判断" + extension() + "）");
	}

	private String extension() {
		int dot = fileName.lastIndexOf('.');
		return dot < 0 ? "" : "，扩展名为" + fileName.substring(dot).toLowerCase(Locale.ROOT);
	}

	private boolean startsWith(int... bytes) {
		if (content.length < bytes.length) {
			return false;
		}
		for (int i = 0; i < bytes.length; i++) {
			if ((content[i] & 0xff) != bytes[i]) {
				return false;
			}
		}
		return true;
	}
}
