package org.youguan.kernel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * What kind of file an upload is, told by its content whatever its name or declared type says — the one answer every
 * upload and import gives ("这是Word 97-2003文档（.doc），不是CSV文本文件"), so a module that takes text (a CSV, a calendar, a
 * checkpoint) names a PDF or an Office file as the document modules do. Told: a PDF, the usual images, archives; a zip
 * package by its entries (Word, Excel, PowerPoint, or a plain zip); an OLE2 compound file (MS-CFB) by its directory,
 * read with POI's {@link POIFSFileSystem}: {@code WordDocument} is a Word 97-2003 document, {@code Workbook} or
 * {@code Book} an Excel 97-2003 workbook, {@code PowerPoint Document} a PowerPoint 97-2003 presentation,
 * {@code EncryptionInfo}/{@code EncryptedPackage} an encrypted OOXML file (ECMA-376 part 2 §7.3), anything else a
 * generic OLE2 file; compressed data other than a zip (gzip, bzip2, xz, zstd, LZ4, .Z, zlib); and a text that is an RTF
 * document or a web page. A plain text (CSV, JSON, .txt …) is no kind here.
 */
public final class FileKind {

	/** An OOXML document with an opening password, kept in an OLE2 container. */
	public static final String ENCRYPTED = "加密的Office文件（设有打开密码）";

	/** An OLE2 compound file that is none of Word, Excel or PowerPoint 97-2003 (or cannot be read as one). */
	public static final String OLE2 = "OLE2复合文档（Office 97-2003格式，不是可识别的Word、Excel或PowerPoint文件）";

	/**
	 * A file no kind here tells that is no text either ({@link #isBinary}): how an upload asked to be text names it
	 * ({@link #requireText}).
	 */
	public static final String BINARY = "无法识别的二进制文件（不是文本）";

	/** The bytes {@link #isBinary} looks at. */
	private static final int TEXT_HEAD = 8 * 1024;

	/** The most zip entries looked at to tell a package; beyond it the zip is not told (left to its reader's limits). */
	private static final int MAX_ENTRIES = 10_000;

	private FileKind() {
	}

	/**
	 * What a whole file is.
	 * @param content the file's bytes (null or empty: none)
	 * @return the kind as its user knows it, with the extension where it has one ("PDF文件", "Word文档（.docx）",
	 * "Excel 97-2003工作簿（.xls）", {@link #ENCRYPTED}, {@link #OLE2}, "ZIP压缩包（不是Office文件）" …); null for a text or
	 * an unknown binary, and for a zip that cannot be read or whose package parts name no Office kind (left to the
	 * reader of the kind asked, which says it is broken)
	 */
	public static String of(byte[] content) {
		if (content == null || content.length < 4) {
			return null;
		}
		if (content[0] == 'P' && content[1] == 'K') {
			return zipKind(content);
		}
		if (ole2(content)) {
			return ole2Kind(content);
		}
		return signature(content);
	}

	/**
	 * What a file is from its first bytes only, for a stream read as it comes (a request body): as {@link #of}, but a
	 * zip or an OLE2 file is named by its family, its entries not being at hand.
	 * @param head the first bytes (a few hundred suffice)
	 * @return the kind, or null for a text or an unknown binary
	 */
	public static String ofHead(byte[] head) {
		if (head == null || head.length < 4) {
			return null;
		}
		if (head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
			return "ZIP压缩包或Office文件（.docx、.xlsx等）";
		}
		if (ole2(head)) {
			return "Office 97-2003文件或加密的Office文件（OLE2复合文档：.doc、.xls、设有打开密码的.docx/.xlsx等）";
		}
		return signature(head);
	}

	/**
	 * Whether the content is no text in any encoding: more than one in twenty of its first 8 KiB are control bytes no
	 * text file has (0x00–0x08, 0x0E–0x1A, 0x1C–0x1F: NUL and the like; tab, line ends, form feed and escape are text;
	 * random or compressed bytes hold about one in ten), unless it starts with a UTF-16 or UTF-32 byte order mark. A
	 * text with a stray NUL in a line stays text, for its reader to refuse that line. A text in another encoding than asked (GBK, UTF-16) is text: its
	 * reader says which encoding it wants.
	 * @param content the file's bytes, or the first of them; null or empty is no binary
	 */
	public static boolean isBinary(byte[] content) {
		if (content == null || content.length >= 2 && (content[0] == (byte) 0xFF && content[1] == (byte) 0xFE
				|| content[0] == (byte) 0xFE && content[1] == (byte) 0xFF
				|| content.length >= 4 && content[0] == 0 && content[1] == 0 && content[2] == (byte) 0xFE
						&& content[3] == (byte) 0xFF)) {
			return false;
		}
		int head = Math.min(content.length, TEXT_HEAD);
		int control = 0;
		for (int i = 0; i < head; i++) {
			int b = content[i] & 0xFF;
			if (b <= 0x08 || b >= 0x0E && b <= 0x1A || b >= 0x1C && b <= 0x1F) {
				control++;
			}
		}
		return control * 20 > head;
	}

	/**
	 * The encoding of a text sent in UTF-16 or UTF-32 rather than UTF-8, told from its first bytes: a byte order mark
	 * (FF FE 00 00, 00 00 FE FF, FF FE, FE FF) or, without one, the NUL bytes its ASCII characters (the JSON punctuation,
	 * the field names, digits) carry in every other byte (UTF-16) or three of every four (UTF-32) — at least a quarter
	 * of the characters, in the same places, and hardly any elsewhere. UTF-8 text has no NUL (a stray one stays a line's
	 * own fault), compressed or random bytes have about one in 256. Null when the head is none of these.
	 * @param head the first bytes of a body or file
	 * @return "UTF-16LE", "UTF-16BE", "UTF-32LE" or "UTF-32BE", or null
	 */
	public static String wideEncoding(byte[] head) {
		int n = head.length;
		if (n >= 4 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE && head[2] == 0 && head[3] == 0) {
			return "UTF-32LE";
		}
		if (n >= 4 && head[0] == 0 && head[1] == 0 && (head[2] & 0xff) == 0xFE && (head[3] & 0xff) == 0xFF) {
			return "UTF-32BE";
		}
		if (n >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
			return "UTF-16LE";
		}
		if (n >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
			return "UTF-16BE";
		}
		int[] zeros = new int[4];
		int quads = n / 4;
		for (int i = 0; i < quads * 4; i++) {
			if (head[i] == 0) {
				zeros[i & 3]++;
			}
		}
		if (quads == 0) {
			return null;
		}
		boolean[] many = new boolean[4];
		for (int k = 0; k < 4; k++) {
			many[k] = zeros[k] * 4 >= quads;
		}
		if (many[1] && many[2] && many[3] && zeros[0] * 4 < quads) {
			return "UTF-32LE";
		}
		if (many[0] && many[1] && many[2] && zeros[3] * 4 < quads) {
			return "UTF-32BE";
		}
		int odd = zeros[1] + zeros[3];
		int even = zeros[0] + zeros[2];
		if (odd * 4 >= 2 * quads && even * 4 < odd) {
			return "UTF-16LE";
		}
		if (even * 4 >= 2 * quads && odd * 4 < even) {
			return "UTF-16BE";
		}
		return null;
	}

	/** Whether the content is an OLE2 compound file (its eight-byte signature, as POI's {@link FileMagic} tells it). */
	public static boolean isOle2(byte[] content) {
		return content != null && ole2(content);
	}

	/**
	 * Refuses, naming what it is, a file that should be text ({@code asked}: "CSV文本文件") but is another kind
	 * ({@link #of}); a text passes for its reader to judge.
	 * @param field the form or API field of the file
	 * @param asked what was asked for, as the user knows it
	 * @param advice what to upload instead, or null
	 * @throws InvalidValueException on {@code field}, rule {@code wrong-kind} ({@code encrypted} for an encrypted file)
	 */
	public static void requireText(byte[] content, String field, String asked, String advice) {
		String what = of(content);
		if (what != null) {
			throw wrongKind(field, what, asked, advice);
		}
	}

	/**
	 * The one refusal of a file of another kind than asked: "这是PDF文件，不是CSV文本文件（按文件内容判断，与扩展名无关）：
	 * {advice}", rule {@code wrong-kind}, or {@code encrypted} for {@link #ENCRYPTED} (its password is what to remove).
	 * @param what the kind the file is ({@link #of})
	 * @param asked the kind asked for
	 * @param advice what to upload instead, or null
	 */
	public static InvalidValueException wrongKind(String field, String what, String asked, String advice) {
		return new InvalidValueException(field, ENCRYPTED.equals(what) ? "encrypted" : "wrong-kind",
				Wording.of(ENCRYPTED.equals(what) ? "kernel.invalid.fileEncrypted" : "kernel.invalid.fileKind", what, asked),
				"这是" + what + "，不是"
				+ asked + "（按文件内容判断，与扩展名无关）" + (advice == null ? "" : "：" + advice));
	}

	private static boolean ole2(byte[] content) {
		return content.length >= 8 && FileMagic.valueOf(content) == FileMagic.OLE2;
	}

	/** An OLE2 file by the entries of its root directory. */
	private static String ole2Kind(byte[] content) {
		try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
			DirectoryNode root = fs.getRoot();
			if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage")) {
				return ENCRYPTED;
			}
			if (root.hasEntry("WordDocument")) {
				return "Word 97-2003文档（.doc）";
			}
			if (root.hasEntry("Workbook") || root.hasEntry("WORKBOOK") || root.hasEntry("Book")) {
				return "Excel 97-2003工作簿（.xls）";
			}
			if (root.hasEntry("PowerPoint Document")) {
				return "PowerPoint 97-2003演示文稿（.ppt）";
			}
			return OLE2;
		}
		catch (IOException | RuntimeException ex) {
			return OLE2;
		}
	}

	/**
	 * A zip by the names of its entries (from the central directory, nothing inflated): a Word document (parts under
	 * {@code word/} only), an Excel workbook ({@code xl/} only), a PowerPoint presentation ({@code ppt/} only), or — none
	 * of these and no package parts ({@code [Content_Types].xml}, {@code _rels/.rels}) — no Office file but a zip
	 * archive; null when it cannot be told.
	 */
	private static String zipKind(byte[] content) {
		Set<String> names = new HashSet<>();
		try (ZipFile zip = ZipFile.builder().setByteArray(content).get()) {
			for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
				names.add(entry.getName());
				if (names.size() > MAX_ENTRIES) {
					return null;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
		boolean word = names.stream().anyMatch(n -> n.startsWith("word/"));
		boolean excel = names.stream().anyMatch(n -> n.startsWith("xl/"));
		boolean slides = names.stream().anyMatch(n -> n.startsWith("ppt/"));
		if (word && !excel) {
			return "Word文档（.docx）";
		}
		if (excel && !word) {
			return "Excel工作簿（.xlsx）";
		}
		if (slides && !word && !excel) {
			return "PowerPoint演示文稿（.pptx）";
		}
		return word || excel || slides || names.isEmpty() || names.contains("[Content_Types].xml") || names.contains("_rels/.rels")
				? null : "ZIP压缩包（不是Office文件）";
	}

	/**
	 * A file told by its first bytes: PDF, the usual images, archives other than zip, compressed streams, RTF, HTML;
	 * null otherwise.
	 */
	private static String signature(byte[] c) {
		if (starts(c, 0, "%PDF")) {
			return "PDF文件";
		}
		if ((c[0] & 0xff) == 0xFF && (c[1] & 0xff) == 0xD8 && (c[2] & 0xff) == 0xFF) {
			return "JPEG图片";
		}
		if ((c[0] & 0xff) == 0x89 && starts(c, 1, "PNG")) {
			return "PNG图片";
		}
		if (starts(c, 0, "GIF8")) {
			return "GIF图片";
		}
		if (starts(c, 0, "RIFF") && starts(c, 8, "WEBP")) {
			return "WebP图片";
		}
		if (starts(c, 0, "II*\u0000") || starts(c, 0, "MM\u0000*")) {
			return "TIFF图片";
		}
		if (c.length >= 14 && starts(c, 0, "BM") && c[6] == 0 && c[7] == 0 && c[8] == 0 && c[9] == 0) {
			return "BMP图片";
		}
		if (starts(c, 0, "Rar!")) {
			return "RAR压缩包";
		}
		if (starts(c, 0, "7z") && (c[2] & 0xff) == 0xBC && (c[3] & 0xff) == 0xAF) {
			return "7z压缩包";
		}
		if ((c[0] & 0xff) == 0x1F && (c[1] & 0xff) == 0x8B) {
			return "gzip压缩文件";
		}
		String packed = compressed(c);
		if (packed != null) {
			return packed;
		}
		int text = (c.length >= 3 && (c[0] & 0xff) == 0xEF && (c[1] & 0xff) == 0xBB && (c[2] & 0xff) == 0xBF) ? 3 : 0;
		while (text < c.length && text < 1024 && (c[text] == ' ' || c[text] == '\t' || c[text] == '\r' || c[text] == '\n')) {
			text++;
		}
		if (starts(c, text, "{\\rtf")) {
			return "RTF文档（.rtf）";
		}
		String start = new String(c, text, Math.min(c.length - text, 15), StandardCharsets.ISO_8859_1)
			.toLowerCase(Locale.ROOT);
		if (start.startsWith("<!doctype html") || start.startsWith("<html")) {
			return "网页文件（HTML）";
		}
		return null;
	}

	/**
	 * A compressed stream other than gzip, by its signature: bzip2 ({@code BZh}, a block size 1–9 and the first block's
	 * or the end-of-stream magic, so a text beginning "BZh9" is none), xz ({@code FD 37 7A 58 5A 00}), zstd
	 * ({@code 28 B5 2F FD}), LZ4 frame ({@code 04 22 4D 18}), Unix compress ({@code 1F 9D}), and zlib (RFC 1950: deflate
	 * with a window of 32 KB, a header whose check bits are right and the data after it inflating without error — a
	 * text that starts with "x^" or an 'x' and a GBK character does not). Raw deflate has no signature: it is no text
	 * either ({@link #isBinary}).
	 */
	private static String compressed(byte[] c) {
		if (c.length >= 10 && starts(c, 0, "BZh") && c[3] >= '1' && c[3] <= '9'
				&& (starts(c, 4, "1AY&SY") || (c[4] & 0xff) == 0x17 && (c[5] & 0xff) == 0x72 && (c[6] & 0xff) == 0x45
						&& (c[7] & 0xff) == 0x38 && (c[8] & 0xff) == 0x50 && (c[9] & 0xff) == 0x90)) {
			return "bzip2压缩文件";
		}
		if (c.length >= 6 && (c[0] & 0xff) == 0xFD && starts(c, 1, "7zXZ") && c[5] == 0) {
			return "xz压缩文件";
		}
		if ((c[0] & 0xff) == 0x28 && (c[1] & 0xff) == 0xB5 && (c[2] & 0xff) == 0x2F && (c[3] & 0xff) == 0xFD) {
			return "zstd压缩文件";
		}
		if (c[0] == 0x04 && c[1] == 0x22 && c[2] == 0x4D && c[3] == 0x18) {
			return "LZ4压缩文件";
		}
		if ((c[0] & 0xff) == 0x1F && (c[1] & 0xff) == 0x9D) {
			return "compress压缩文件（.Z）";
		}
		if (zlib(c)) {
			return "zlib压缩数据";
		}
		return null;
	}

	/** The bytes of a presumed zlib stream inflated to tell it from a text that begins alike. */
	private static final int ZLIB_HEAD = 1024;

	/** Whether the bytes start a zlib stream: CM 8, a 32 KB window, no preset dictionary, FCHECK right, and inflatable. */
	private static boolean zlib(byte[] c) {
		int cmf = c[0] & 0xff;
		int flg = c[1] & 0xff;
		if (cmf != 0x78 || (cmf * 256 + flg) % 31 != 0 || (flg & 0x20) != 0) {
			return false;
		}
		Inflater inflater = new Inflater();
		try {
			int head = Math.min(c.length, ZLIB_HEAD);
			inflater.setInput(c, 0, head);
			byte[] out = new byte[4096];
			long total = 0;
			while (!inflater.finished() && !inflater.needsInput() && total < 1024 * 1024) {
				int n = inflater.inflate(out);
				if (n == 0 && !inflater.finished() && !inflater.needsInput()) {
					return false;
				}
				total += n;
			}
			// a whole stream ends (its checksum right); a longer one inflates all the bytes looked at without a fault —
			// a short text read as deflate runs out of bytes unfinished, a long one hits a fault
			return inflater.finished() || head == ZLIB_HEAD && inflater.needsInput() && total > 0;
		}
		catch (DataFormatException ex) {
			return false;
		}
		finally {
			inflater.end();
		}
	}

	private static boolean starts(byte[] c, int at, String ascii) {
		if (c.length < at + ascii.length()) {
			return false;
		}
		for (int i = 0; i < ascii.length(); i++) {
			if (c[at + i] != (byte) ascii.charAt(i)) {
				return false;
			}
		}
		return true;
	}
}
