package org.youguan.workplans.internal;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockMultipartFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A notice uploaded as a .txt saved by Windows Notepad ("UTF-8 with BOM") reads as its text: the byte order mark is
 * not the first character of the notice's title.
 */
class NoticeFileTextTest {

	@Test
	void theByteOrderMarkIsNotPartOfTheText() throws Exception {
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		byte[] body = "关于开展2026年寄递安全检查的通知\n一、检查范围".getBytes(StandardCharsets.UTF_8);
		byte[] file = new byte[bom.length + body.length];
		System.arraycopy(bom, 0, file, 0, bom.length);
		System.arraycopy(body, 0, file, bom.length, body.length);
		String text = WorkPlanController.read(new MockMultipartFile("file", "通知.txt", "text/plain", file)).text();
		assertThat(text).startsWith("关于开展").doesNotContain("\uFEFF");
	}
}
