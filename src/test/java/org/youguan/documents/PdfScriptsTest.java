package org.youguan.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.filter.FilterFactory;
import org.junit.jupiter.api.Test;
import org.youguan.kernel.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A PDF attachment that runs code is refused by content, whatever its name: JavaScript as an /OpenAction, a document
 * script, a /Launch action, names written with #-escapes, and dictionaries hidden in a compressed object stream; a PDF
 * without them — also a scanned one with object streams — is accepted.
 */
class PdfScriptsTest {

	static final long LIMIT = 10L * 1024 * 1024;

	static byte[] pdf(String body) {
		return ("%PDF-1.7\n" + body + "\ntrailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
	}

	static byte[] withObjectStream(String objects) throws Exception {
		return withObjectStream(objects, "FlateDecode");
	}

	/**
	 * A PDF whose one object stream holds {@code objects}, encoded by the filters named (PDFBox's encoders), listed as
	 * its /Filter in the order a reader applies them.
	 */
	static byte[] withObjectStream(String objects, String... filters) throws Exception {
		byte[] data = objects.getBytes(StandardCharsets.ISO_8859_1);
		for (int i = filters.length - 1; i >= 0; i--) {
			ByteArrayOutputStream encoded = new ByteArrayOutputStream();
			FilterFactory.INSTANCE.getFilter(filters[i]).encode(new ByteArrayInputStream(data), encoded, new COSDictionary(), 0);
			data = encoded.toByteArray();
		}
		String filter = filters.length == 1 ? "/" + filters[0] : "[/" + String.join(" /", filters) + "]";
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		file.write(("%PDF-1.7\n5 0 obj\n<</Type/ObjStm/N 1/First 4/Filter" + filter + "/Length ").getBytes(StandardCharsets.ISO_8859_1));
		file.write((data.length + ">>\nstream\n").getBytes(StandardCharsets.ISO_8859_1));
		file.write(data);
		file.write("\nendstream\nendobj\ntrailer<</Root 1 0 R>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1));
		return file.toByteArray();
	}

	static String refusal(byte[] content) {
		UploadedFile file = new UploadedFile("营业执照.pdf", content);
		try {
			file.checkedContentType("businessLicence", "营业执照", LIMIT);
			return null;
		}
		catch (InvalidValueException ex) {
			assertThat(ex.fieldErrors()).singleElement().satisfies(e -> {
				assertThat(e.field()).isEqualTo("businessLicence");
				assertThat(e.rule()).isEqualTo("pdf-script");
			});
			return ex.getMessage();
		}
	}

	@Test
	void javaScriptRunOnOpeningIsRefused() {
		assertThat(refusal(pdf("1 0 obj<</Type/Catalog/OpenAction<</S/JavaScript/JS(app.alert(1))>>>>endobj")))
			.contains("营业执照", "含有脚本");
	}

	@Test
	void aDocumentLevelScriptAndALaunchActionAreRefused() {
		assertThat(refusal(pdf("1 0 obj<</Type/Catalog/Names<</JavaScript 3 0 R>>>>endobj"))).contains("/JavaScript");
		assertThat(refusal(pdf("1 0 obj<</Type/Catalog/OpenAction<</S/Launch/F(cmd.exe)>>>>endobj"))).contains("/Launch");
	}

	@Test
	void namesWrittenWithEscapesAreReadAsTheViewerReadsThem() {
		assertThat(refusal(pdf("1 0 obj<</Type/Catalog/OpenAction<</S/Java#53cript/#4A#53 4 0 R>>>>endobj"))).isNotNull();
	}

	@Test
	void aScriptInsideACompressedObjectStreamIsRefused() throws Exception {
		assertThat(refusal(withObjectStream("1 0 <</Type/Catalog/AA<</O<</S/JavaScript/JS(x)>>>>>>"))).contains("含有脚本");
		byte[] broken = "%PDF-1.7\n5 0 obj\n<</Type/ObjStm/N 1/Length 9>>\nstream\nnot zlib!\nendstream\nendobj\n%%EOF\n"
			.getBytes(StandardCharsets.ISO_8859_1);
		assertThat(refusal(broken)).as("an object stream that cannot be read is not let through unchecked")
			.contains("无法确认");
	}

	/**
	 * Object streams encoded as PDFBox reads them — ASCIIHex, ASCII85 over Flate, LZW, RunLength — are decoded and
	 * checked: a script inside is refused as a script, a clean one accepted; a filter that cannot hold objects
	 * (DCTDecode) or a /Filter that names none is still refused as unreadable.
	 */
	@Test
	void objectStreamsUnderTheOtherStandardFiltersAreDecodedAndChecked() throws Exception {
		String script = "1 0 <</Type/Catalog/AA<</O<</S/JavaScript/JS(x)>>>>>>";
		String[][] chains = { { "ASCIIHexDecode" }, { "ASCII85Decode", "FlateDecode" }, { "LZWDecode" }, { "RunLengthDecode" },
				{ "AHx", "Fl" } };
		for (String[] chain : chains) {
			assertThat(refusal(withObjectStream(script, chain))).as(String.join(",", chain)).contains("/JavaScript")
				.doesNotContain("无法确认");
			assertThat(PdfScripts.find(withObjectStream("1 0 <</Type/Catalog/Pages 2 0 R>>", chain))).as(String.join(",", chain))
				.isEmpty();
		}
		byte[] image = withObjectStream(script, "FlateDecode");
		String text = new String(image, StandardCharsets.ISO_8859_1).replace("/Filter/FlateDecode", "/Filter/DCTDecode ");
		assertThat(refusal(text.getBytes(StandardCharsets.ISO_8859_1))).contains("无法确认");
		String indirect = new String(image, StandardCharsets.ISO_8859_1).replace("/Filter/FlateDecode", "/Filter 9 0 R    ");
		assertThat(refusal(indirect.getBytes(StandardCharsets.ISO_8859_1))).contains("无法确认");
	}

	@Test
	void aPdfWithoutScriptsIsAccepted() {
		// PDFBox writes its pages into compressed object streams, as a scanner's PDF 1.5 writer does
		assertThat(refusal(PdfFiles.blankPage())).isNull();
		assertThat(refusal(pdf("1 0 obj<</Type/Catalog/Pages 2 0 R/OpenAction[3 0 R/Fit]>>endobj\n" + PdfFilesTest.PAGES)))
			.isNull();
		assertThat(new UploadedFile("a.pdf", pdf("1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n" + PdfFilesTest.PAGES))
			.checkedContentType("f", "附件", LIMIT)).isEqualTo("application/pdf");
	}
}
