package org.youguan.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.youguan.kernel.InvalidValueException;

/**
 * PDF attachments as a document, not as a header: an upload that starts with {@code %PDF-} is kept only when it opens
 * as a PDF document (Apache PDFBox, which also repairs what a viewer repairs) with at least one page, is not password
 * protected, and carries no embedded file (the catalog's /EmbeddedFiles name tree, a /FileAttachment annotation, a
 * /GoToE action — ISO 32000-1 §7.11.4, §12.5.6.15, §12.6.4.4: a file inside a PDF is a program or document no check
 * here has seen) and no script or /Launch action in its document tree, where PDFBox has decoded what the byte scan of
 * {@link PdfScripts} (run first, on damaged files too) cannot read: encrypted strings and streams.
 */
public final class PdfFiles {

	private static final COSName LAUNCH = COSName.getPDFName("Launch");

	private static final COSName GO_TO_EMBEDDED = COSName.getPDFName("GoToE");

	private PdfFiles() {
	}

	/**
	 * Refuses a PDF that is not a document with pages or that embeds a file.
	 * @param field the upload's field, named by the refusal
	 * @param what the file as messages name it (its label and name)
	 * @throws InvalidValueException on {@code field}: rule {@code pdf} (does not open as a PDF, or password protected),
	 * {@code pdf-pages} (no page), {@code pdf-embedded} (an embedded file), {@code pdf-script} (a script or /Launch
	 * action in the document tree)
	 */
	static void requireDocument(byte[] content, String field, String what) {
		try (PDDocument document = Loader.loadPDF(content)) {
			if (document.getNumberOfPages() < 1) {
				throw new InvalidValueException(field, "pdf-pages", what + "没有任何页面，不是有效的PDF文件，请重新扫描或导出后上传");
			}
			String rule = active(document);
			if ("pdf-embedded".equals(rule)) {
				throw new InvalidValueException(field, rule, what + "内嵌了其他文件（附件），不能上传；请用“打印为PDF”另存一份不含附件的PDF后再上传");
			}
			if (rule != null) {
				throw new InvalidValueException(field, rule, what + "含有脚本或启动程序的动作，不能上传；请用“打印为PDF”或扫描件另存一份不含脚本的PDF后再上传");
			}
		}
		catch (InvalidPasswordException ex) {
			throw new InvalidValueException(field, "pdf", what + "设有打开密码，无法检查其内容，请去掉密码后再上传");
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof InvalidValueException refused) {
				throw refused;
			}
			// PDFBox's parse errors (IOException, and IllegalArgumentException and the like on a crafted file)
			throw new InvalidValueException(field, "pdf", what + "无法作为PDF文件打开（文件已损坏或只是以“%PDF-”开头），请重新扫描或导出后上传");
		}
	}

	/**
	 * The first thing the document tree holds that runs or opens something: {@code pdf-embedded} for embedded files
	 * (the /EmbeddedFiles name tree, a /FileAttachment annotation, a /GoToE action), {@code pdf-script} for a document
	 * script (/JavaScript name tree) or a JavaScript or /Launch action — as the catalog's /OpenAction or /AA, a page's
	 * /AA, an annotation's /A or /AA, or any action they chain by /Next; null when none.
	 */
	private static String active(PDDocument document) throws IOException {
		PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
		if (names != null && names.getEmbeddedFiles() != null) {
			return "pdf-embedded";
		}
		if (names != null && names.getJavaScript() != null) {
			return "pdf-script";
		}
		COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
		String found = actions(catalog.getDictionaryObject(COSName.OPEN_ACTION), 0);
		found = found != null ? found : actions(catalog.getDictionaryObject(COSName.AA), 0);
		for (PDPage page : document.getPages()) {
			found = found != null ? found : actions(page.getCOSObject().getDictionaryObject(COSName.AA), 0);
			for (PDAnnotation annotation : page.getAnnotations()) {
				COSDictionary a = annotation.getCOSObject();
				if ("FileAttachment".equals(annotation.getSubtype())) {
					return "pdf-embedded";
				}
				found = found != null ? found : actions(a.getDictionaryObject(COSName.A), 0);
				found = found != null ? found : actions(a.getDictionaryObject(COSName.AA), 0);
			}
		}
		return found;
	}

	/** How deep chained actions (/Next, trigger dictionaries) are followed; a crafted file's cycle stops here. */
	private static final int MAX_DEPTH = 8;

	/**
	 * The rule an action, an array of actions or a trigger dictionary (/AA: each entry an action) breaks, following
	 * /Next; null when none.
	 */
	private static String actions(COSBase value, int depth) {
		if (depth > MAX_DEPTH) {
			return null;
		}
		if (value instanceof COSArray array) {
			for (int i = 0; i < array.size(); i++) {
				String found = actions(array.getObject(i), depth + 1);
				if (found != null) {
					return found;
				}
			}
			return null;
		}
		if (!(value instanceof COSDictionary action)) {
			return null;
		}
		COSName type = action.getCOSName(COSName.S);
		if (GO_TO_EMBEDDED.equals(type)) {
			return "pdf-embedded";
		}
		if (COSName.JAVA_SCRIPT.equals(type) || LAUNCH.equals(type) || action.containsKey(COSName.JS)) {
			return "pdf-script";
		}
		if (type == null) {
			// a trigger dictionary (/AA): its values are the actions
			for (COSName key : action.keySet()) {
				String found = actions(action.getDictionaryObject(key), depth + 1);
				if (found != null) {
					return found;
				}
			}
			return null;
		}
		return actions(action.getDictionaryObject(COSName.NEXT), depth + 1);
	}

	/**
	 * A blank one-page A4 PDF as PDFBox writes it: what the demo data and tests attach where a scanned document stands.
	 * @return the file's bytes
	 */
	public static byte[] blankPage() {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.addPage(new PDPage(PDRectangle.A4));
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
