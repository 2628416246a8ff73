package org.youguan.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Iterator;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.xml.parsers.ParserConfigurationException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.internal.ZipHelper;
import org.apache.poi.openxml4j.util.ZipArchiveFakeEntry;
import org.apache.poi.openxml4j.util.ZipInputStreamZipEntrySource;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.XMLHelper;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.FileKind;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Wording;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * What an uploaded file may expand to, checked before it is parsed: an .xlsx or .docx (a zip) may hold at most
 * {@code youguan.documents.max-entries} entries inflating to at most {@code youguan.documents.max-expanded-bytes}
 * (a "zip bomb" of 1 MB expanding to 1 GB is refused after reading the first 200 MiB, never handed to POI); an image
 * may be at most {@code max-image-side} pixels wide or tall and {@code max-image-pixels} in all, read from its header
 * without decoding the pixels. POI's own zip limits ({@link ZipSecureFile}) are set to the same values at startup, so
 * every reader of office files has them; POI's compression-ratio limit is switched off, as those absolute limits bound
 * what a file expands to whatever its ratio, and the ratio alone refuses legitimate long, repetitive texts. The limits
 * come from {@link DocumentSettings}, applied at startup.
 */
public final class OfficeFiles {

	static final long DEFAULT_MAX_EXPANDED_BYTES = 200L * 1024 * 1024;

	static final int DEFAULT_MAX_ENTRIES = 1000;

	/**
	 * The most one XML part of a Word file (.docx) may expand to: POI reads a document's parts whole into memory as a
	 * tree of ten and more times their size, so a part far beyond any real document (a 1,000-page text is a few MB; a
	 * work-plan notice holds at most 200,000 characters) is refused as too large before it is read — a 95 MB
	 * {@code document.xml} zipped to 339 KB otherwise exhausted the reader, and four 32 MB ones at once (attack round
	 * 13) the whole heap.
	 */
	static final long MAX_WORD_PART_BYTES = 8L * 1024 * 1024;

	/** How many office files are read into POI's in-memory trees at once on this node ({@link #inMemory}). */
	static final int IN_MEMORY_AT_ONCE = 2;

	private static final Semaphore IN_MEMORY = new Semaphore(IN_MEMORY_AT_ONCE, true);

	/** How long a reading waits for its turn ({@link #inMemory}) before the caller is told to try again. */
	static final long IN_MEMORY_WAIT_SECONDS = 30;

	/**
	 * Runs {@code work} — an uploaded office file read whole into POI's in-memory tree: a Word document (a notice, a
	 * template), or a refused workbook copied with its errors — while at most {@link #IN_MEMORY_AT_ONCE} such readings
	 * run on this node. Each may take a hundred MB and more of the heap for a file of a few hundred KB, so a burst of
	 * uploads at once could exhaust it (attack round 13: four Word notices took the server down); the streaming readers
	 * (sheets, parcel records) need no turn. Waits up to {@link #IN_MEMORY_WAIT_SECONDS} seconds, fairly.
	 * @return what {@code work} returns
	 * @throws DomainException UNAVAILABLE (503) when no turn came in time; whatever {@code work} throws
	 */
	public static <T> T inMemory(Supplier<T> work) {
		return inMemory(work, TimeUnit.SECONDS.toMillis(IN_MEMORY_WAIT_SECONDS));
	}

	/** {@link #inMemory(Supplier)} waiting at most {@code waitMillis} for a turn. */
	static <T> T inMemory(Supplier<T> work, long waitMillis) {
		try {
			if (!IN_MEMORY.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
				throw new DomainException(ErrorCode.UNAVAILABLE, "系统正在处理其他上传的文件，请稍后重试");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DomainException(ErrorCode.UNAVAILABLE, "系统正在处理其他上传的文件，请稍后重试");
		}
		try {
			return work.get();
		}
		finally {
			IN_MEMORY.release();
		}
	}

	static final int DEFAULT_MAX_IMAGE_SIDE = 10_000;

	static final long DEFAULT_MAX_IMAGE_PIXELS = 50_000_000L;

	private static volatile DocumentSettings limits = new DocumentSettings(null, null, null, null, null, null);

	static {
		// POI's own guess at a zip bomb — an entry inflating more than 100 times its compressed size — refuses a real
		// sheet whose long text cells repeat themselves (a 说明 of 30,000 characters compresses 500:1) as a broken file;
		// what an upload may expand to is bounded by the absolute limits here instead, checked before POI reads it
		ZipSecureFile.setMinInflateRatio(0);
	}

	private OfficeFiles() {
	}

	/** The most data rows one .xlsx import may carry ({@code youguan.documents.max-import-rows}). */
	static int maxImportRows() {
		return limits.maxImportRows();
	}

	/** Applies the configured limits here and to POI's zip reader (static, as POI's are). */
	static void configure(DocumentSettings settings) {
		limits = settings;
		ZipSecureFile.setMaxFileCount(settings.maxEntries());
		ZipSecureFile.setMaxEntrySize(settings.maxExpandedBytes());
	}

	/**
	 * Opens an uploaded office file (.xlsx, .docx) read-only — the one way an upload's package is opened. POI's
	 * {@code OPCPackage.open(InputStream)} opens for writing and, when the zip is no package (no workbook, a part
	 * missing, cut short), closes what it opened by saving it, which fails and is logged at ERROR with a stack trace
	 * ("Unable to close resource"): a user's broken file is the user's 400, never a server error in the log. Opened
	 * read-only, a failed open is reverted silently; the zip limits ({@link ZipSecureFile}) apply as before.
	 * @throws IOException not a zip (an OLE2 file — .xls, an encrypted .xlsx —, empty, cut short) or too large inflated
	 * @throws InvalidFormatException a zip but no office package
	 */
	static OPCPackage openPackage(byte[] content) throws IOException, InvalidFormatException {
		return OPCPackage.open(new ZipInputStreamZipEntrySource(ZipHelper.openZipStream(new ByteArrayInputStream(content))));
	}

	/** The relationship type of a Strict Open XML package's main part (ISO/IEC 29500 Strict), which POI does not read. */
	private static final String STRICT_MAIN = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument";

	/**
	 * Checks that a zip-based office file ({@code kind}: "Excel工作簿（.xlsx）" …) stays within the entry count and
	 * expanded size by inflating it once, stopping as soon as a limit is passed.
	 * @throws InvalidValueException on {@code field}: rule {@code zip-entries} (too many entries), {@code zip-size}
	 * (expands beyond the limit, one part beyond what POI holds in memory, or — for a Word file, {@code kind} naming
	 * ".docx" — one XML part beyond {@link #MAX_WORD_PART_BYTES}: the answer to a zip bomb),
	 * {@code strict-ooxml} (a Strict Open XML package) or {@code zip} (not a readable zip)
	 */
	public static void requireWithinLimits(byte[] content, String field, String kind) {
		DocumentSettings l = limits;
		long expanded = 0;
		int entries = 0;
		byte[] buffer = new byte[64 * 1024];
		// streamed, so neither the central directory's claims nor stored entries with data descriptors fool the count
		try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new ByteArrayInputStream(content), "UTF-8", true, true)) {
			for (ZipArchiveEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (++entries > l.maxEntries()) {
					throw new InvalidValueException(field, "zip-entries",
							Wording.of("file.refusal.zipEntries", kind, String.valueOf(l.maxEntries())), kind + "内含文件超过" + l.maxEntries() + "个，不是正常的Office文件，已拒绝");
				}
				ByteArrayOutputStream part = packageXml(entry.getName()) ? new ByteArrayOutputStream() : null;
				long entryBytes = 0;
				for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
					expanded += n;
					entryBytes += n;
					if (expanded > l.maxExpandedBytes()) {
						throw new InvalidValueException(field, "zip-size", Wording.of("file.refusal.zipSize", kind,
								String.valueOf(l.maxExpandedBytes() / 1024 / 1024)), kind + "解压后过大：超过" + l.maxExpandedBytes() / 1024 / 1024
								+ "MB（可能是“压缩炸弹”），已拒绝；请删除多余内容或分批上传");
					}
					if (entryBytes > ZipArchiveFakeEntry.getMaxEntrySize()) {
						// POI holds each part in memory and refuses one beyond this as if the file were broken
						throw new InvalidValueException(field, "zip-size", Wording.of("file.refusal.zipPart", kind, entry.getName(),
								String.valueOf(ZipArchiveFakeEntry.getMaxEntrySize() / 1_000_000)), kind + "解压后过大：其中的" + entry.getName() + "超过"
								+ ZipArchiveFakeEntry.getMaxEntrySize() / 1_000_000 + "MB（可能是“压缩炸弹”），已拒绝；请删除多余内容或分批上传");
					}
					if (part != null && entryBytes > MAX_WORD_PART_BYTES && kind.contains(".docx")) {
						throw new InvalidValueException(field, "zip-size", Wording.of("file.refusal.zipWordPart", kind, entry.getName(),
								String.valueOf(MAX_WORD_PART_BYTES / 1024 / 1024)), kind + "解压后过大：其中的" + entry.getName() + "超过"
								+ MAX_WORD_PART_BYTES / 1024 / 1024 + "MB（正常的Word文档远小于此，可能是“压缩炸弹”），已拒绝；请删除多余内容后上传");
					}
					if (part != null) {
						part.write(buffer, 0, n);
					}
				}
				if (part != null) {
					requireWellFormed(part.toByteArray(), field, kind);
					if (entry.getName().equals("_rels/.rels") && part.toString(StandardCharsets.UTF_8).contains(STRICT_MAIN)) {
						throw new InvalidValueException(field, "strict-ooxml", Wording.of(kind.contains(".xlsx")
								? "file.refusal.strictExcel" : "file.refusal.strictWord", kind), kind + "是“严格Open XML”格式，本系统不支持：请用"
								+ "Office或WPS打开，另存为普通的" + (kind.contains(".xlsx") ? "“Excel工作簿（*.xlsx）”" : "“Word文档（*.docx）”")
								+ "后上传");
					}
				}
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			throw unreadable(field, "zip", kind);
		}
	}

	/**
	 * Refuses, by what it is ({@link FileKind#of}), an upload that is not the zip-based Office file asked for: an
	 * encrypted Office file ("这是加密的Office文件", rule {@code encrypted}), the asked kind's Office 97-2003 file — .xls or .doc, rule {@code old-format} — or a CSV
	 * or other text saved under the new name (rule {@code text}), each with the way to save it as the asked kind;
	 * another kind of file people upload by mistake ({@link #describe}: a Word document for a sheet, a PDF, an image, a
	 * zip or other archive, another Office 97-2003 file, an OLE2 file of none of these kinds — never called a workbook)
	 * as what it is, rule {@code wrong-kind} ("这是Word文档（.docx），
	 * 不是Excel工作簿（.xlsx）…：请上传.xlsx表格"); anything else on {@code rule}. A zip package of the asked kind passes,
	 * for {@link #requireWithinLimits} and the reader to judge.
	 * @param field the form field or API field of the file
	 * @param rule the rule of a file of no known kind ({@code xlsx}, {@code docx})
	 * @param kind the asked kind with its extension: "Excel工作簿（.xlsx）", "Word文件（.docx）"
	 */
	public static void requireOoxml(byte[] content, String field, String rule, String kind) {
		boolean excel = kind.contains(".xlsx");
		if (content != null && content.length >= 4 && content[0] == 'P' && content[1] == 'K') {
			String zip = FileKind.of(content);
			if (zip != null && !zip.contains(excel ? ".xlsx" : ".docx")) {
				throw wrongKind(field, zip, kind);
			}
			return;
		}
		String saveAs = "请用" + (excel ? "Excel或WPS表格" : "Word或WPS文字") + "打开，另存为“"
				+ (excel ? "Excel工作簿（*.xlsx）" : "Word文档（*.docx）") + "”后上传";
		if (content == null || content.length == 0) {
			throw new InvalidValueException(field, rule, Wording.of("file.uploadAsked", kind), "请上传" + kind);
		}
		String what = FileKind.of(content);
		if (FileKind.ENCRYPTED.equals(what)) {
			throw new InvalidValueException(field, "encrypted", Wording.of("file.refusal.encrypted", FileKind.ENCRYPTED, saveAs), "这是" + FileKind.ENCRYPTED + "，无法读取：请取消密码，" + saveAs);
		}
		if (what != null && what.contains(excel ? "（.xls）" : "（.doc）")) {
			throw new InvalidValueException(field, "old-format", Wording.of("file.refusal.oldFormat", what, kind, saveAs), "文件是" + what + "，不是" + kind + "：" + saveAs);
		}
		if (what != null) {
			throw wrongKind(field, what, kind);
		}
		if (text(content)) {
			String text = excel && csvLike(content) ? "CSV文件（逗号分隔的文本）" : "文本文件";
			throw new InvalidValueException(field, "text", Wording.of("file.refusal.text", text, kind, saveAs), "文件是" + text
					+ "，不是" + kind + "（按文件内容判断，与扩展名无关）：" + saveAs);
		}
		throw new InvalidValueException(field, rule, Wording.of("file.refusal.notKind", kind, kind), "文件不是" + kind + "（按文件内容判断），请上传" + kind);
	}

	/**
	 * What an upload is, told by its content whatever its name ({@link FileKind#of}), when it is a kind people upload by
	 * mistake in place of an .xlsx or .docx: a PDF, an image, an archive, an Office 97-2003 file (Word, Excel,
	 * PowerPoint by its OLE2 directory, an encrypted Office file, another OLE2 file), or a zip package that is a Word document,
	 * Excel workbook or PowerPoint presentation (or no Office file at all); null when it is none of these (a text, an
	 * unknown binary).
	 * @return the kind as the user knows it, with its extension: "PDF文件", "Word文档（.docx）", "ZIP压缩包" …
	 */
	public static String describe(byte[] content) {
		return FileKind.of(content);
	}

	/**
	 * Refuses an upload that {@link #describe} tells is another kind of file than {@code kind} (a PDF, an image, an
	 * archive, an Office file of another kind), by what it is (rule {@code wrong-kind}); a file of the kind, or one it
	 * cannot tell (a text), passes for the reader to judge.
	 * @param kind the asked kinds with their extensions: "文本文件（.txt）或Word文件（.docx）"
	 */
	public static void requireNoOtherKind(byte[] content, String field, String kind) {
		String what = describe(content);
		int open = what == null ? -1 : what.indexOf("（.");
		if (what != null && (open < 0 || !kind.contains(what.substring(open + 1, what.indexOf('）', open) + 1)))) {
			throw wrongKind(field, what, kind);
		}
	}

	/**
	 * The refusal of an upload that is another kind of file than asked: "这是Word文档（.docx），不是Excel工作簿（.xlsx）…：
	 * 请上传.xlsx表格" (rule {@code wrong-kind}).
	 */
	private static InvalidValueException wrongKind(String field, String what, String kind) {
		boolean excel = kind.contains(".xlsx");
		return FileKind.wrongKind(field, what, kind, (FileKind.ENCRYPTED.equals(what) ? "请取消密码后" : "") + "请上传"
				+ (excel ? ".xlsx表格（在Excel或WPS表格中另存为“Excel工作簿（*.xlsx）”）" : ".docx文档（在Word或WPS文字中另存为“Word文档（*.docx）”）"));
	}

	/** Whether the file's first 4 KB hold no control character but tab and line breaks: a text (UTF-8, GBK …). */
	private static boolean text(byte[] content) {
		for (int i = 0; i < Math.min(content.length, 4096); i++) {
			int b = content[i] & 0xff;
			if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' || b == 0x7f) {
				return false;
			}
		}
		return true;
	}

	/** Whether a text's first line separates cells by commas, semicolons or tabs. */
	private static boolean csvLike(byte[] content) {
		for (int i = 0; i < Math.min(content.length, 4096) && content[i] != '\n'; i++) {
			if (content[i] == ',' || content[i] == ';' || content[i] == '\t') {
				return true;
			}
		}
		return false;
	}

	/**
	 * The one refusal of an office file that cannot be read (broken, or of another format), whatever found it.
	 * @param field the form field or API field of the file
	 * @param rule the rule named ({@code zip}, {@code xlsx}, {@code docx})
	 * @param kind the file's kind as the user knows it, with its extension: "Excel工作簿（.xlsx）", "Word文件（.docx）"
	 */
	public static InvalidValueException unreadable(String field, String rule, String kind) {
		return new InvalidValueException(field, rule, Wording.of("file.refusal.unreadable", kind), "无法读取" + kind + "：文件已损坏或不是这种格式，请用Office或WPS打开并另存后重新上传");
	}

	/**
	 * Whether POI reads the part through its DOM helper or XMLBeans — [Content_Types].xml, the relationships, the
	 * workbook, styles, document properties, a .docx's document — whose parse error POI logs at ERROR with a stack
	 * trace before it throws. The worksheets (the bulk of an .xlsx) are read by {@link SheetReader}'s quiet parser.
	 */
	private static boolean packageXml(String name) {
		return (name.endsWith(".xml") || name.endsWith(".rels")) && !name.startsWith("xl/worksheets/");
	}

	/**
	 * A package part that is not well-formed XML is the uploader's broken file, refused here with a parser that reports
	 * to nobody — so POI never gets to log it as a server error.
	 */
	private static void requireWellFormed(byte[] xml, String field, String kind) {
		try {
			XMLReader reader = XMLHelper.newXMLReader();
			reader.setErrorHandler(new DefaultHandler());
			reader.parse(new InputSource(new ByteArrayInputStream(xml)));
		}
		catch (SAXException | IOException | ParserConfigurationException ex) {
			throw unreadable(field, "zip", kind);
		}
	}

	/**
	 * Checks an image's dimensions from its header (JPEG, PNG), without decoding its pixels.
	 * @throws InvalidValueException on {@code field}: rule {@code image-size} naming the file and its size, or
	 * {@code image} when the header cannot be read
	 */
	public static void requireImageWithinLimits(byte[] content, String field, String label) {
		DocumentSettings l = limits;
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
			Iterator<ImageReader> readers = in == null ? Collections.emptyIterator() : ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw new InvalidValueException(field, "image", label + "：无法识别图片内容");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				long width = reader.getWidth(0);
				long height = reader.getHeight(0);
				if (width > l.maxImageSide() || height > l.maxImageSide() || width * height > l.maxImagePixels()) {
					throw new InvalidValueException(field, "image-size", label + "为" + width + "×" + height + "像素，超过上限（每边不超过"
							+ l.maxImageSide() + "像素、共不超过" + ChineseText.count(l.maxImagePixels()) + "像素），请缩小后上传");
				}
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof InvalidValueException invalid) {
				throw invalid;
			}
			throw new InvalidValueException(field, "image", label + "：图片已损坏，无法读取尺寸");
		}
	}
}
