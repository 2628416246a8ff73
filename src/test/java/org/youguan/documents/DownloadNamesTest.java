package org.youguan.documents;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.youguan.MessageBundles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding D1: a download's file name made from a record's name carries no character Windows refuses, in the ASCII
 * fallback nor in {@code filename*}; finding A2: the import's example-row refusal is keyed in both languages.
 */
class DownloadNamesTest {

	@Test
	void refusedCharactersBecomeUnderscoresAndTrailingDotsGo() {
		assertThat(Downloads.fileName("件量\"x\";filename=a/b\\c%20测试.exe")).isEqualTo("件量_x_;filename=a_b_c%20测试.exe");
		assertThat(Downloads.fileName("趋势:*?<>|\u0001\n\u2028.xlsx")).isEqualTo("趋势_________.xlsx");
		assertThat(Downloads.fileName("名称. . ")).isEqualTo("名称");
		assertThat(Downloads.fileName("处罚统计-2026-01.xlsx")).isEqualTo("处罚统计-2026-01.xlsx");
		assertThat(Downloads.fileName(" ..")).isEqualTo("download");
	}

	@Test
	void theHeaderCarriesTheSafeNameInBothForms() {
		String header = Downloads.xlsx("件量\"x\";filename=a/b\\c%20测试.xlsx", new byte[0]).getHeaders()
			.getFirst("Content-Disposition");
		assertThat(header).startsWith("attachment;");
		String star = header.substring(header.indexOf("filename*="));
		String decoded = java.net.URLDecoder.decode(star.substring(star.indexOf("''") + 2).replace("+", "%2B"),
				StandardCharsets.UTF_8);
		assertThat(decoded).doesNotContainPattern("[\"/\\\\:*?<>|]");
		String plain = header.substring(0, header.indexOf("filename*="));
		assertThat(plain.substring(plain.indexOf("filename=\"") + 10, plain.lastIndexOf('"')))
			.doesNotContainPattern("[/\\\\:*?<>|]").doesNotContain("\\\"");
	}

	@Test
	void theExampleRowRefusalIsKeyed() {
		Properties chinese = MessageBundles.load(MessageBundles.CHINESE);
		Properties english = MessageBundles.load(MessageBundles.ENGLISH);
		assertThat(chinese.getProperty("import.invalid.exampleRow")).isEqualTo("这是导入模板中的示例行，不是数据，请删除后再导入");
		assertThat(english.getProperty("import.invalid.exampleRow")).isNotBlank().doesNotContainPattern("\\p{IsHan}");
	}
}
