package org.youguan.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.youguan.TestMessages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding (exports2 4): the filing page showed an attachment of a few hundred bytes as "p.png (0 KB)". Every attachment
 * list words a size by the one helper ({@link FileSizeWords}): bytes below 1 KB, whole kilobytes rounded up, megabytes
 * with one decimal rounded up — never 0 KB for a file that has content, in Chinese and in English.
 */
class FileSizeWordsTest {

	@Test
	void aSmallFileReadsInBytesAndALargerOneRoundedUp() {
		ResourceBundleMessageSource m = TestMessages.bundle();
		Locale zh = Locale.SIMPLIFIED_CHINESE;
		assertThat(FileSizeWords.shown(m, 512, zh)).isEqualTo("512 字节");
		assertThat(FileSizeWords.shown(m, 0, zh)).isEqualTo("0 字节");
		assertThat(FileSizeWords.shown(m, 1023, zh)).isEqualTo("1023 字节");
		assertThat(FileSizeWords.shown(m, 1024, zh)).isEqualTo("1 KB");
		assertThat(FileSizeWords.shown(m, 1025, zh)).as("rounded up, never less than the file").isEqualTo("2 KB");
		assertThat(FileSizeWords.shown(m, 300 * 1024, zh)).isEqualTo("300 KB");
		assertThat(FileSizeWords.shown(m, 1024 * 1024, zh)).isEqualTo("1 MB");
		assertThat(FileSizeWords.shown(m, 1024 * 1024 * 3 / 2 + 1, zh)).isEqualTo("1.6 MB");
		assertThat(FileSizeWords.shown(m, 1024 * 1024 * 3 / 2, zh)).isEqualTo("1.5 MB");
		assertThat(FileSizeWords.shown(m, 512, Locale.ENGLISH)).isEqualTo("512 bytes");
		assertThat(FileSizeWords.shown(m, 5000, Locale.ENGLISH)).isEqualTo("5 KB");
	}

	/** No page works out a size by itself (sizeBytes / 1024 floored a small file to 0 KB): each uses {@code @sizes}. */
	@Test
	void everyPageWordsASizeByTheOneHelper() throws IOException {
		List<String> own;
		try (Stream<Path> pages = Files.walk(Path.of("src/main/resources/templates"))) {
			own = pages.filter(p -> p.toString().endsWith(".html")).filter(p -> {
				try {
					String html = Files.readString(p, StandardCharsets.UTF_8);
					return html.matches("(?s).*sizeBytes\\(\\)\\s*/.*") || html.contains("sizeBytes() / ");
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			}).map(Path::toString).toList();
		}
		assertThat(own).isEmpty();
		try (Stream<Path> pages = Files.walk(Path.of("src/main/resources/templates"))) {
			assertThat(pages.filter(p -> p.toString().endsWith(".html")).filter(p -> {
				try {
					return Files.readString(p, StandardCharsets.UTF_8).contains("@sizes.of(");
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			}).count()).as("the attachment lists using the helper").isGreaterThanOrEqualTo(5);
		}
	}
}
