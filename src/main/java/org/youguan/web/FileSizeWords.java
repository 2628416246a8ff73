package org.youguan.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How every attachment list shows a file's size, in the reader's language ({@code ${@sizes.of(a.sizeBytes())}}): the
 * one helper, so no list shows a small file as "0 KB" (attack: p.png (0 KB)). Below 1 KB the bytes themselves
 * ("512 字节", "512 bytes"); below 1 MB whole kilobytes rounded up ("1 KB" for 1,025 bytes, never less than the file);
 * from 1 MB on megabytes with one decimal rounded up ("1.5 MB") — 1 KB = 1,024 bytes, the UI bundle's
 * {@code file.size.bytes/kb/mb}.
 */
@Component("sizes")
public final class FileSizeWords {

	private static final long KB = 1024;

	private static final long MB = KB * KB;

	private final MessageSource messages;

	FileSizeWords(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * A file's size in the request's language.
	 * @param bytes the size in bytes; null (a size not recorded) stays null
	 */
	public String of(Number bytes) {
		return bytes == null ? null : shown(messages, bytes.longValue(), LocaleContextHolder.getLocale());
	}

	/** {@link #of} in a given language. */
	static String shown(MessageSource messages, long bytes, Locale locale) {
		if (bytes < KB) {
			return messages.getMessage("file.size.bytes", new Object[] { Long.toString(Math.max(bytes, 0)) }, locale);
		}
		if (bytes < MB) {
			return messages.getMessage("file.size.kb", new Object[] { Long.toString((bytes + KB - 1) / KB) }, locale);
		}
		String megabytes = BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(MB), 1, RoundingMode.CEILING)
			.stripTrailingZeros().toPlainString();
		return messages.getMessage("file.size.mb", new Object[] { megabytes }, locale);
	}
}
