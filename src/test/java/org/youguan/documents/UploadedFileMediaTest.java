package org.youguan.documents;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.youguan.kernel.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Recordings (视听资料) are recognised by their content, whatever their name, and only where a module takes them: a WAV,
 * MP3, AMR or MP4 passes {@link UploadedFile#checkedContentTypeOrMedia} within the media limit and is refused by the
 * plain scan/image check; HTML named .mp4 is refused by both; a recording over the media limit is refused with rule
 * {@code size}.
 */
public class UploadedFileMediaTest {

	public static byte[] wav() {
		byte[] b = new byte[44];
		System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 4);
		System.arraycopy("WAVEfmt ".getBytes(StandardCharsets.US_ASCII), 0, b, 8, 8);
		return b;
	}

	public static byte[] mp4() {
		byte[] b = new byte[32];
		b[3] = 24;
		System.arraycopy("ftypmp42isom".getBytes(StandardCharsets.US_ASCII), 0, b, 4, 12);
		return b;
	}

	static byte[] mp3() {
		byte[] b = new byte[32];
		System.arraycopy("ID3".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 3);
		b[3] = 3;
		return b;
	}

	@Test
	void recordingsAreRecognisedByContentWhereTheModuleTakesThem() {
		assertThat(new UploadedFile("询问录音.txt", wav()).checkedContentTypeOrMedia("file", "证据文件", 1000, 1000))
			.startsWith("audio/");
		assertThat(new UploadedFile("x", mp3()).checkedContentTypeOrMedia("file", "证据文件", 1000, 1000)).isEqualTo("audio/mpeg");
		assertThat(new UploadedFile("x", "#!AMR\n1234567".getBytes(StandardCharsets.US_ASCII))
			.checkedContentTypeOrMedia("file", "证据文件", 1000, 1000)).isEqualTo("audio/amr");
		assertThat(new UploadedFile("执法记录仪.mp4", mp4()).checkedContentTypeOrMedia("file", "证据文件", 1000, 1000))
			.startsWith("video/");
		// scans still pass the same check
		assertThat(new UploadedFile("a.pdf", PdfFiles.blankPage())
			.checkedContentTypeOrMedia("file", "证据文件", 1000, 1000)).isEqualTo("application/pdf");
	}

	@Test
	void theScanCheckRefusesRecordingsAndBothRefuseOtherContent() {
		assertThatThrownBy(() -> new UploadedFile("a.wav", wav()).checkedContentType("file", "附件", 1000))
			.isInstanceOfSatisfying(InvalidValueException.class,
					ex -> assertThat(ex.fieldErrors().get(0).rule()).isEqualTo("content-type"));
		assertThatThrownBy(() -> new UploadedFile("a.mp4", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8))
			.checkedContentTypeOrMedia("file", "证据文件", 1000, 1000))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> {
				assertThat(ex.fieldErrors().get(0).rule()).isEqualTo("content-type");
				assertThat(ex.getMessage()).contains("MP4");
			});
	}

	@Test
	void aRecordingOverTheMediaLimitIsRefused() {
		assertThatThrownBy(() -> new UploadedFile("a.wav", wav()).checkedContentTypeOrMedia("file", "证据文件", 1000, 40))
			.isInstanceOfSatisfying(InvalidValueException.class,
					ex -> assertThat(ex.fieldErrors().get(0).rule()).isEqualTo("size"));
	}

	@Test
	void invisibleAndReversingCharactersAreDroppedFromTheName() {
		assertThat(new UploadedFile("合同\u202Efdp.exe", PdfFiles.blankPage()).fileName()).isEqualTo("合同fdp.exe");
		assertThat(new UploadedFile("\u200B营业\u2066执照\uFEFF.pdf\uFFFE", PdfFiles.blankPage()).fileName()).isEqualTo("营业执照.pdf");
		assertThat(new UploadedFile("\u202E\u200B", PdfFiles.blankPage()).fileName()).isEqualTo("附件");
		assertThat(new UploadedFile("a\u0007b.pdf", PdfFiles.blankPage()).fileName()).isEqualTo("a_b.pdf");
	}
}
