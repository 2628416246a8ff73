package org.youguan.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
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
 * here has seen), no script, XFA form or /Launch action and no action that fetches or sends outside the file (/GoToR,
 * /SubmitForm, /ImportData, a remote /Thread, a /URI opened without a click) and no media or 3D content (a /Movie,
 * /Sound, /Screen, /3D or /RichMedia annotation, a /Movie, /Sound, /Rendition, /GoTo3DView or /RichMediaExecute
 * action) anywhere in its document tree, where PDFBox has decoded what the byte scan of {@link PdfScripts} (run first,
 * on damaged files too) cannot read: encrypted strings and streams.
 */
public final class PdfFiles {

	private static final COSName LAUNCH = COSName.getPDFName("Launch");

	private static final COSName GO_TO_EMBEDDED = COSName.getPDFName("GoToE");

	private static final COSName THREAD = COSName.getPDFName("Thread");

	private static final COSName XFA = COSName.getPDFName("XFA");

	/**
	 * Annotation subtypes that play media or run a 3D or Flash program when they come into view or are clicked
	 * (ISO 32000-1 §12.5.6.14 Movie, §12.5.6.16 Sound, §12.5.6.18 Screen, §13.6.2 3D; Adobe Extension Level 3
	 * RichMedia, ISO 32000-2 §13.7): their content is a program or a stream no check here reads, and a media clip's
	 * data may be fetched from a web address when played.
	 */
	static final Set<String> MEDIA_ANNOTATIONS = Set.of("Movie", "Sound", "Screen", "3D", "RichMedia");

	/**
	 * Action types that play media or drive a 3D or RichMedia program (ISO 32000-1 §12.6.4.8 Movie, §12.6.4.9 Sound,
	 * §12.6.4.13 Rendition — also without /JS —, §12.6.4.15 GoTo3DView; ISO 32000-2 §12.6.4.18 RichMediaExecute). A
	 * /Hide action only shows or hides annotations of the file itself, and is kept.
	 */
	static final Set<String> MEDIA_ACTIONS = Set.of("Movie", "Sound", "Rendition", "GoTo3DView", "RichMediaExecute");

	/**
	 * Action types that fetch or send outside the file when triggered (ISO 32000-1 §12.6.4): open a remote document
	 * (/GoToR — to a UNC path it hands the user's Windows credentials to that server), submit a form (/SubmitForm),
	 * import form data from a file (/ImportData). A web address (/URI) only when opened without a click
	 * ({@link #opensAnAddress}).
	 */
	private static final Set<COSName> OUTSIDE = Set.of(COSName.getPDFName("GoToR"), COSName.getPDFName("SubmitForm"),
			COSName.getPDFName("ImportData"));

	private PdfFiles() {
	}

	/**
	 * Refuses a PDF that is not a document with pages or that embeds a file.
	 * @param field the upload's field, named by the refusal
	 * @param what the file as messages name it (its label and name)
	 * @throws InvalidValueException on {@code field}: rule {@code pdf} (does not open as a PDF, or password protected),
	 * {@code pdf-pages} (no page), {@code pdf-embedded} (an embedded file), {@code pdf-script} (a script, an XFA form
	 * or a /Launch action in the document tree), {@code pdf-action} (an action that fetches or sends outside the file),
	 * {@code pdf-media} (an annotation or action that plays media or runs 3D or RichMedia content)
	 */
	static void requireDocument(byte[] content, String field, String what) {
		try (PDDocument document = Loader.loadPDF(content)) {
			if (document.getNumberOfPages() < 1) {
				throw new InvalidValueException(field, "pdf-pages", what + "没有任何页面，不是有效的PDF文件，请重新扫描或导出后上传");
			}
			String rule = active(document);
			if (rule != null) {
				throw refusal(field, rule, what, "");
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
	 * The refusal of a PDF under one of the content rules, in the words both checks use ({@link PdfScripts} names what
	 * it found).
	 * @param field the upload's field
	 * @param rule {@code pdf-embedded}, {@code pdf-action}, {@code pdf-media} or {@code pdf-script}
	 * @param what the file as messages name it
	 * @param found what was found, as {@code （/Name）}, or empty
	 * @return the exception to throw, on {@code field} with {@code rule}
	 */
	static InvalidValueException refusal(String field, String rule, String what, String found) {
		return switch (rule) {
			case "pdf-embedded" -> new InvalidValueException(field, rule, what + "内嵌了其他文件（附件）" + found
					+ "，不能上传；请用“打印为PDF”另存一份不含附件的PDF后再上传");
			case "pdf-action" -> new InvalidValueException(field, rule, what + "含有打开或点击时访问外部文件、网址或提交数据的动作（打开其他文件或网址、提交表单、导入数据）"
					+ found + "，不能上传；请用“打印为PDF”或扫描件另存一份不含链接和表单的PDF后再上传");
			case "pdf-media" -> new InvalidValueException(field, rule, what + "含有播放音频、视频、富媒体或三维内容的注释或动作" + found
					+ "，不能上传；请用“打印为PDF”或扫描件另存一份不含多媒体内容的PDF后再上传");
			default -> new InvalidValueException(field, rule, what + "含有脚本或启动程序的动作" + found
					+ "，不能上传；请用“打印为PDF”或扫描件另存一份不含脚本的PDF后再上传");
		};
	}

	/**
	 * The first thing the document tree holds that runs, opens or fetches something: {@code pdf-embedded} for embedded
	 * files (the /EmbeddedFiles name tree, a /FileAttachment annotation, a file specification with /EF, a /GoToE
	 * action), {@code pdf-script} for a document script (/JavaScript name tree), an XFA form (its scripts sit in XML
	 * no name scan reads) or a JavaScript or /Launch action, {@code pdf-action} for an action that fetches or sends
	 * outside the file, {@code pdf-media} for a media, 3D or RichMedia annotation or action; null when none. Actions
	 * and annotations are looked for in every dictionary reachable from the catalog — the /OpenAction, document, page,
	 * annotation and form field /AA, outline items, name trees, /Next chains — not only where a viewer is expected to
	 * run them.
	 */
	private static String active(PDDocument document) throws IOException {
		PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
		if (names != null && names.getEmbeddedFiles() != null) {
			return "pdf-embedded";
		}
		if (names != null && names.getJavaScript() != null) {
			return "pdf-script";
		}
		for (PDPage page : document.getPages()) {
			for (PDAnnotation annotation : page.getAnnotations()) {
				if ("FileAttachment".equals(annotation.getSubtype())) {
					return "pdf-embedded";
				}
			}
		}
		COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
		if (catalog.getDictionaryObject(COSName.ACRO_FORM) instanceof COSDictionary form && form.containsKey(XFA)) {
			return "pdf-script";
		}
		return reachable(catalog);
	}

	/**
	 * The rule the first dictionary reachable from {@code root} breaks ({@link #rule(COSDictionary)}).
	 */
	private static String reachable(COSDictionary root) {
		return first(root, PdfFiles::rule, COSDictionary::getValues);
	}

	/**
	 * The first non-null answer of {@code test} for a dictionary reached from {@code root} — through the values
	 * {@code children} gives of each dictionary and every element of an array — each object visited once, so a
	 * crafted file's cycles end, and without recursion, however deep the tree; null when none answers.
	 */
	private static <T> T first(COSBase root, Function<COSDictionary, T> test,
			Function<COSDictionary, Collection<COSBase>> children) {
		Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		Deque<COSBase> pending = new ArrayDeque<>();
		if (root != null) {
			pending.push(root);
		}
		while (!pending.isEmpty()) {
			COSBase value = pending.pop();
			if (value instanceof COSObject reference) {
				value = reference.getObject();
			}
			if (value == null || !seen.add(value)) {
				continue;
			}
			if (value instanceof COSDictionary dictionary) {
				T answer = test.apply(dictionary);
				if (answer != null) {
					return answer;
				}
				children.apply(dictionary).forEach(pending::push);
			}
			else if (value instanceof COSArray array) {
				array.forEach(pending::push);
			}
		}
		return null;
	}

	/**
	 * The rule one dictionary breaks as an action or file specification (ISO 32000-1 §12.6.4, §7.11.3): a /GoToE action
	 * or a file specification with an embedded file (/EF) {@code pdf-embedded}; a JavaScript or /Launch action, or any
	 * dictionary with /JS, {@code pdf-script}; an action that fetches or sends outside — {@link #OUTSIDE}, a /Thread
	 * action whose thread is in another file (/F), a web address opened without a click ({@link #opensAnAddress}) —
	 * {@code pdf-action}; an annotation of a {@link #MEDIA_ANNOTATIONS} subtype or an action of a {@link #MEDIA_ACTIONS}
	 * type {@code pdf-media}; null otherwise. A /GoTo within the document and a /Hide action break none.
	 */
	private static String rule(COSDictionary dictionary) {
		COSName type = dictionary.getCOSName(COSName.S);
		if (GO_TO_EMBEDDED.equals(type) || dictionary.containsKey(COSName.EF)) {
			return "pdf-embedded";
		}
		if (COSName.JAVA_SCRIPT.equals(type) || LAUNCH.equals(type) || dictionary.containsKey(COSName.JS)) {
			return "pdf-script";
		}
		if (type != null && OUTSIDE.contains(type) || THREAD.equals(type) && dictionary.containsKey(COSName.F)
				|| opensAnAddress(dictionary)) {
			return "pdf-action";
		}
		COSName subtype = dictionary.getCOSName(COSName.SUBTYPE);
		if (type != null && MEDIA_ACTIONS.contains(type.getName())
				|| subtype != null && MEDIA_ANNOTATIONS.contains(subtype.getName())) {
			return "pdf-media";
		}
		return null;
	}

	/**
	 * Whether {@code dictionary} opens a web address by itself (/URI as its /OpenAction or in its additional actions
	 * /AA: on opening, on a page, on a field's keystroke, with no click). A /URI a person clicks — a link annotation's
	 * /A, as Word writes every hyperlink of a document saved as PDF — is kept: the viewer asks before following it.
	 */
	private static boolean opensAnAddress(COSDictionary dictionary) {
		if (isUri(dictionary.getDictionaryObject(COSName.OPEN_ACTION))) {
			return true;
		}
		return dictionary.getDictionaryObject(COSName.AA) instanceof COSDictionary triggers
				&& triggers.keySet().stream().anyMatch(k -> isUri(triggers.getDictionaryObject(k)));
	}

	/**
	 * Whether {@code action} or an action it runs after itself (its /Next: one action or an array of them, followed to
	 * any depth, each at most once) is a /URI.
	 */
	private static boolean isUri(COSBase action) {
		return first(action, a -> COSName.URI.equals(a.getCOSName(COSName.S)) ? Boolean.TRUE : null,
				a -> a.getItem(COSName.NEXT) == null ? List.of() : List.of(a.getItem(COSName.NEXT))) != null;
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
