package org.youguan.kernel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.DeflaterOutputStream;

import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Compressed streams other than gzip are told by their signatures; texts that merely begin alike are not. */
class FileKindTest {

	static final byte[] TEXT = "{\"waybillNumber\":\"SF1\"}\n".repeat(30).getBytes(StandardCharsets.UTF_8);

	@Test
	void compressedStreamsAreToldByTheirHead() throws IOException {
		ByteArrayOutputStream zlib = new ByteArrayOutputStream();
		try (DeflaterOutputStream out = new DeflaterOutputStream(zlib)) {
			out.write(TEXT);
		}
		ByteArrayOutputStream bzip2 = new ByteArrayOutputStream();
		try (BZip2CompressorOutputStream out = new BZip2CompressorOutputStream(bzip2)) {
			out.write(TEXT);
		}
		assertThat(FileKind.ofHead(zlib.toByteArray())).contains("zlib");
		assertThat(FileKind.ofHead(bzip2.toByteArray())).contains("bzip2");
		assertThat(FileKind.ofHead(new byte[] { (byte) 0xFD, '7', 'z', 'X', 'Z', 0, 0, 4 })).contains("xz");
		assertThat(FileKind.ofHead(new byte[] { 0x28, (byte) 0xB5, 0x2F, (byte) 0xFD, 0x24, 0 })).contains("zstd");
		assertThat(FileKind.of(bzip2.toByteArray())).as("the whole-file answer too").contains("bzip2");
	}

	@Test
	void textsThatBeginLikeASignatureAreNoCompressedFile() {
		for (String text : new String[] { "x^2 + y^2 = 1\n", "xx,yy\n1,2\n", "BZh9 is not bzip2\n", "BZh91AY\n" }) {
			assertThat(FileKind.ofHead(text.getBytes(StandardCharsets.UTF_8))).as(text).isNull();
		}
		assertThat(FileKind.ofHead(TEXT)).isNull();
	}
}
