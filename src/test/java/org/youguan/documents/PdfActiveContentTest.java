package org.youguan.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionEmbeddedGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionHide;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.junit.jupiter.api.Test;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Media, 3D and RichMedia content in a PDF attachment is refused under {@code pdf-media} by both checks — the byte
 * scan ({@link PdfScripts}) and the decoded document tree ({@link PdfFiles}) — wherever it sits: a /Rendition (without
 * /JS), /GoTo3DView, /RichMediaExecute, /Movie or /Sound action as the /OpenAction, a link's /A, a page's or form
 * field's /AA, behind an outline item's /Next, in a name tree; a /Screen, /Movie, /Sound, /3D or /RichMedia annotation
 * on a page. The byte scan also knows /XFA, the remote actions and embedded files, #-escaped; the document tree finds a
 * type the scan cannot read (given by reference). A document with a clicked web link, a /GoTo, a /Hide action and a
 * /Screen blend mode is kept.
 */
class PdfActiveContentTest {

	static final List<String> MEDIA_ACTIONS = List.of("Rendition", "GoTo3DView", "RichMediaExecute", "Movie", "Sound");

	static final List<String> MEDIA_ANNOTATIONS = List.of("Screen", "Movie", "Sound", "3D", "RichMedia");

	/** Where an action is put in the document: the catalog, a page, a link, a form field, an outline, a name tree. */
	static final List<BiConsumer<PDDocument, COSDictionary>> PLACES = List.of(
			(document, action) -> document.getDocumentCatalog().getCOSObject().setItem(COSName.OPEN_ACTION, action),
			(document, action) -> document.getPage(0).getCOSObject().setItem(COSName.AA, entry(COSName.O, action)),
			(document, action) -> {
				PDAnnotationLink link = new PDAnnotationLink();
				link.setRectangle(new PDRectangle(0, 0, 9, 9));
				link.getCOSObject().setItem(COSName.A, action);
				document.getPage(0).setAnnotations(List.of(link));
			},
			(document, action) -> {
				PDAcroForm form = new PDAcroForm(document);
				PDTextField field = new PDTextField(form);
				field.setPartialName("a");
				field.getCOSObject().setItem(COSName.AA, entry(COSName.K, action));
				form.setFields(List.of(field));
				document.getDocumentCatalog().setAcroForm(form);
			},
			(document, action) -> {
				PDDocumentOutline outline = new PDDocumentOutline();
				PDOutlineItem item = new PDOutlineItem();
				item.setTitle("第一页");
				PDActionGoTo first = new PDActionGoTo();
				PDPageFitDestination page = new PDPageFitDestination();
				page.setPage(document.getPage(0));
				first.setDestination(page);
				first.getCOSObject().setItem(COSName.NEXT, action);
				item.setAction(first);
				outline.addLast(item);
				document.getDocumentCatalog().setDocumentOutline(outline);
			},
			(document, action) -> {
				COSArray names = new COSArray();
				names.add(new COSString("a"));
				names.add(action);
				document.getDocumentCatalog().getCOSObject().setItem(COSName.NAMES,
						entry(COSName.DESTS, entry(COSName.NAMES, names)));
			});

	static COSDictionary entry(COSName key, COSBase value) {
		COSDictionary d = new COSDictionary();
		d.setItem(key, value);
		return d;
	}

	static COSDictionary action(String type) {
		COSDictionary action = new COSDictionary();
		action.setName(COSName.TYPE, "Action");
		action.setName(COSName.S, type);
		return action;
	}

	/** A one-page document built by PDFBox, changed by {@code change}, as saved (pages in compressed object streams). */
	static byte[] built(BiConsumer<PDDocument, COSDictionary> change, COSDictionary what) throws Exception {
		PDDocument document = Loader.loadPDF(PdfFiles.blankPage());
		change.accept(document, what);
		return PdfFilesTest.save(document);
	}

	static byte[] annotated(String subtype) throws Exception {
		COSDictionary annotation = new COSDictionary();
		annotation.setName(COSName.TYPE, "Annot");
		annotation.setName(COSName.SUBTYPE, subtype);
		annotation.setItem(COSName.RECT, new PDRectangle(0, 0, 9, 9).getCOSArray());
		PDAnnotation onPage = PDAnnotation.createAnnotation(annotation);
		return built((document, a) -> document.getPage(0).setAnnotations(List.of(onPage)), annotation);
	}

	/** The rule the byte scan refuses {@code pdf} under, or null. */
	static String scanned(byte[] pdf) {
		return PdfScripts.find(pdf).map(PdfScripts.Finding::rule).orElse(null);
	}

	/** The rule the document tree check refuses {@code pdf} under, or null. */
	static String parsed(byte[] pdf) {
		InvalidValueException ex = catchThrowableOfType(InvalidValueException.class,
				() -> PdfFiles.requireDocument(pdf, "file", "附件"));
		return ex == null ? null : ex.fieldErrors().get(0).rule();
	}

	static FieldError uploaded(byte[] pdf) {
		InvalidValueException ex = catchThrowableOfType(InvalidValueException.class,
				() -> new UploadedFile("通知.pdf", pdf).checkedContentType("file", "附件", PdfScriptsTest.LIMIT));
		assertThat(ex).as("refused").isNotNull();
		return ex.fieldErrors().get(0);
	}

	@Test
	void mediaActionsAreRefusedWhereverTheySit() throws Exception {
		List<String> checked = new ArrayList<>();
		for (String type : MEDIA_ACTIONS) {
			for (int place = 0; place < PLACES.size(); place++) {
				byte[] pdf = built(PLACES.get(place), action(type));
				String what = type + " at place " + place;
				assertThat(scanned(pdf)).as(what).isEqualTo("pdf-media");
				assertThat(parsed(pdf)).as(what).isEqualTo("pdf-media");
				FieldError error = uploaded(pdf);
				assertThat(error.rule()).as(what).isEqualTo("pdf-media");
				assertThat(error.message()).contains("附件“通知.pdf”", "播放音频、视频、富媒体或三维内容", "/" + type);
				checked.add(what);
			}
		}
		assertThat(checked).hasSize(MEDIA_ACTIONS.size() * PLACES.size());
	}

	@Test
	void mediaAnnotationsAreRefused() throws Exception {
		for (String subtype : MEDIA_ANNOTATIONS) {
			byte[] pdf = annotated(subtype);
			assertThat(scanned(pdf)).as(subtype).isEqualTo("pdf-media");
			assertThat(parsed(pdf)).as(subtype).isEqualTo("pdf-media");
			assertThat(uploaded(pdf).rule()).as(subtype).isEqualTo("pdf-media");
		}
	}

	@Test
	void aGoToEmbeddedActionIsRefusedByBothChecks() throws Exception {
		PDActionEmbeddedGoTo goToE = new PDActionEmbeddedGoTo();
		goToE.setFile(new PDComplexFileSpecification());
		byte[] pdf = built(PLACES.get(0), goToE.getCOSObject());
		assertThat(scanned(pdf)).isEqualTo("pdf-embedded");
		assertThat(parsed(pdf)).isEqualTo("pdf-embedded");
	}

	/**
	 * What the document tree cannot see — an object nothing refers to, a name written with #-escapes — the byte scan
	 * refuses; what the byte scan cannot read — an annotation's or action's type given by reference — the tree does.
	 */
	@Test
	void eachCheckCoversWhatTheOtherCannotRead() {
		byte[] unreferenced = PdfFilesTest.document("", "", "9 0 obj<</S/Rendition/R<</S/MR>>>>endobj");
		assertThat(parsed(unreferenced)).isNull();
		assertThat(uploaded(unreferenced).rule()).isEqualTo("pdf-media");
		assertThat(scanned(PdfFilesTest.document("", "", "9 0 obj<</S/Rendi#74ion>>endobj"))).isEqualTo("pdf-media");
		assertThat(scanned(PdfFilesTest.document("", "", "9 0 obj<</Subtype /#53creen>>endobj"))).isEqualTo("pdf-media");
		assertThat(scanned(PdfFilesTest.document("/AcroForm<</Fields[]/X#46A 4 0 R>>", "")))
			.isEqualTo("pdf-script");
		assertThat(scanned(PdfFilesTest.document("", "", "9 0 obj<</S/Go#54oR/F(x.pdf)>>endobj"))).isEqualTo("pdf-action");
		assertThat(scanned(PdfFilesTest.document("", "", "9 0 obj<</Type/EmbeddedFile/Length 0>>endobj")))
			.isEqualTo("pdf-embedded");

		byte[] byReference = PdfFilesTest.document("", "/Annots[4 0 R]",
				"4 0 obj<</Type/Annot/Subtype 5 0 R/Rect[0 0 9 9]>>endobj", "5 0 obj/Screen endobj");
		assertThat(scanned(byReference)).isNull();
		assertThat(parsed(byReference)).isEqualTo("pdf-media");
		byte[] actionByReference = PdfFilesTest.document("/OpenAction<</S 4 0 R>>", "", "4 0 obj/Movie endobj");
		assertThat(scanned(actionByReference)).isNull();
		assertThat(uploaded(actionByReference).rule()).isEqualTo("pdf-media");
	}

	@Test
	void aClickedLinkAHideActionAndTheScreenBlendModeAreKept() throws Exception {
		PDDocument document = Loader.loadPDF(PdfFiles.blankPage());
		PDPage page = document.getPage(0);
		PDAnnotationLink web = new PDAnnotationLink();
		web.setRectangle(new PDRectangle(0, 0, 9, 9));
		PDActionURI uri = new PDActionURI();
		uri.setURI("https://www.spb.gov.cn/");
		web.setAction(uri);
		PDAnnotationLink hide = new PDAnnotationLink();
		hide.setRectangle(new PDRectangle(9, 9, 19, 19));
		PDActionHide action = new PDActionHide();
		action.getCOSObject().setString(COSName.T, "a");
		hide.setAction(action);
		page.setAnnotations(List.of(web, hide));
		COSDictionary blend = new COSDictionary();
		blend.setName(COSName.TYPE, "ExtGState");
		blend.setName(COSName.BM, "Screen");
		page.setResources(new PDResources());
		page.getResources().getCOSObject().setItem(COSName.EXT_G_STATE, entry(COSName.getPDFName("GS1"), blend));
		byte[] pdf = PdfFilesTest.save(document);
		assertThat(scanned(pdf)).isNull();
		assertThat(new UploadedFile("通知.pdf", pdf).checkedContentType("file", "附件", PdfScriptsTest.LIMIT))
			.isEqualTo("application/pdf");
		assertThat(new UploadedFile("通知.pdf", PdfFilesTest.document("", "/Resources<</ExtGState<</G<</BM /Screen>>>>>>"))
			.checkedContentType("file", "附件", PdfScriptsTest.LIMIT)).isEqualTo("application/pdf");
	}
}
