package org.youguan.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.tika.Tika;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.multipart.MultipartFile;
import org.youguan.kernel.FileKind;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;

/**
 * An uploaded image or PDF: accepted only if its content is a JPEG, PNG or PDF (by magic number, whatever its name or
 * declared type says) and within the size limit, an image also within the pixel limits read from its header
 * ({@link OfficeFiles#requireImageWithinLimits}) and only as one whole image that decodes, nothing appended after its
 * end ({@link ImageFiles#requireWhole}), a PDF only without scripts or program launches ({@link PdfScripts})
 * and only when it opens as a document with pages and no embedded file ({@link PdfFiles});
 * where a module takes recordings too ({@link #checkedContentTypeOrMedia}), an audio or video file recognised by its
 * content (Apache Tika's magic-number detector, {@link #MEDIA_TYPES}); served back with its checked type, never sniffed.
 */
public record UploadedFile(String fileName, byte[] content) {

	/**
	 * The recordings taken where a module allows them (视听资料, 行政处罚法(2021) art.46): MP3, M4A/AAC in MP4, WAV, AMR
	 * (phone and recorder pens), MP4, QuickTime and 3GP video, as Tika names them from the content.
	 */
	public static final Set<String> MEDIA_TYPES = Set.of("audio/mpeg", "audio/mp4", "audio/vnd.wave", "audio/x-wav",
			"audio/wav", "audio/amr", "video/mp4", "video/quicktime", "video/3gpp", "video/x-m4v");

	private static final Tika DETECTOR = new Tika();

	public UploadedFile {
		// invisible format characters — bidi overrides (U+202E makes "合同\u202Efdp.exe" show as 合同exe.pdf),
		// zero-width ones, the BOM — and noncharacters, unassigned code points and lone surrogates are dropped: the name
		// shown and downloaded is the name the file has
		String visible = fileName == null ? null : fileName.replaceAll("[\\p{Cf}\\p{Cs}\\p{Cn}]", "");
		fileName = visible == null || Text.isBlank(visible) ? "附件" : visible.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
		if (fileName.length() > 200) {
			fileName = fileName.substring(fileName.length() - 200);
		}
	}

	/**
	 * The real content type, or an error on {@code field} naming the file ({@code label}: what it is) and the rule:
	 * {@code required} (empty), {@code size} (over {@code maxBytes}), {@code content-type} (not JPEG/PNG/PDF, naming what it
	 * is when {@link FileKind#of} tells it: "是Word 97-2003文档（.doc），不是JPEG、PNG图片或PDF文件"),
	 * {@code image-size} (wider, taller or more pixels than allowed), {@code image} (an unreadable image header, an
	 * image cut short or damaged, or one that does not decode), {@code image-trailing} (bytes after the image's end:
	 * after a PNG's IEND, after a JPEG's EOI other than further whole JPEGs) or
	 * {@code pdf-script} (a PDF with JavaScript — /JS, /JavaScript, an /OpenAction or /AA of that type —, /Launch or
	 * /XFA, or with an object stream that cannot be read to check it) and the other names {@link PdfScripts} finds
	 * ({@code pdf-action}, {@code pdf-embedded}, {@code pdf-media}), and as {@link PdfFiles#requireDocument}: {@code pdf}
	 * (does not open as a PDF, password protected), {@code pdf-pages} (no page), {@code pdf-embedded} (an embedded
	 * file), {@code pdf-script} (a script or XFA form found in the decoded document tree), {@code pdf-action} (an action
	 * that fetches or sends outside the file: /GoToR, /SubmitForm, /ImportData, a remote /Thread, a /URI opened
	 * without a click), {@code pdf-media} (a media, 3D or RichMedia annotation or action).
	 */
	public String checkedContentType(String field, String label, long maxBytes) {
		return checked(field, label, maxBytes, -1);
	}

	/** The check of both: recordings taken only when {@code maxMediaBytes} is not negative. */
	private String checked(String field, String label, long maxBytes, long maxMediaBytes) {
		if (content == null || content.length == 0) {
			throw new InvalidValueException(field, "required", label + "：文件为空");
		}
		String media = maxMediaBytes < 0 ? null : mediaType();
		if (media != null) {
			if (content.length > maxMediaBytes) {
				throw InvalidValueException.tooLarge(field, label + "“" + fileName + "”超过" + maxMediaBytes / 1024 / 1024 + "MB");
			}
			return media;
		}
		if (content.length > maxBytes) {
			throw InvalidValueException.tooLarge(field, label + "“" + fileName + "”超过" + maxBytes / 1024 / 1024 + "MB");
		}
		if (startsWith(0xFF, 0xD8, 0xFF)) {
			OfficeFiles.requireImageWithinLimits(content, field, label + "“" + fileName + "”");
			ImageFiles.requireWhole(content, false, field, label + "“" + fileName + "”");
			return "image/jpeg";
		}
		if (startsWith(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			OfficeFiles.requireImageWithinLimits(content, field, label + "“" + fileName + "”");
			ImageFiles.requireWhole(content, true, field, label + "“" + fileName + "”");
			return "image/png";
		}
		if (startsWith('%', 'P', 'D', 'F', '-')) {
			PdfScripts.find(content).ifPresent(found -> {
				if (found.unreadable()) {
					throw new InvalidValueException(field, "pdf-script", label + "“" + fileName + "”"
							+ "含有无法读取的压缩对象，无法确认其中不含脚本，不能上传；请用“打印为PDF”或扫描件另存一份不含脚本的PDF后再上传");
				}
				throw PdfFiles.refusal(field, found.rule(), label + "“" + fileName + "”", "（/" + found.name() + "）");
			});
			PdfFiles.requireDocument(content, field, label + "“" + fileName + "”");
			return "application/pdf";
		}
		String what = FileKind.of(content);
		throw new InvalidValueException(field, "content-type", label + "“" + fileName + "”" + (what == null ? "" : "是" + what + "，")
				+ (maxMediaBytes < 0 ? "不是JPEG、PNG图片或PDF文件" : "不是JPEG、PNG图片、PDF文件或MP3、M4A、WAV、AMR音频、MP4、MOV、3GP视频")
				+ "（按文件内容判断" + extension() + "）");
	}

	/**
	 * As {@link #checkedContentType}, but an audio or video recording ({@link #MEDIA_TYPES}, by content) is taken too,
	 * within {@code maxMediaBytes} (rule {@code size} beyond); anything else is refused on {@code field} with rule
	 * {@code content-type}.
	 * @return the checked type, e.g. {@code audio/mpeg}, {@code video/mp4}, {@code image/jpeg}
	 */
	public String checkedContentTypeOrMedia(String field, String label, long maxBytes, long maxMediaBytes) {
		return checked(field, label, maxBytes, maxMediaBytes);
	}

	/** The recording type Tika finds in the content (its name not consulted), or null when it is not one. */
	private String mediaType() {
		String type = DETECTOR.detect(content);
		return MEDIA_TYPES.contains(type) ? type : null;
	}

	/**
	 * The file a form posted in one input, or null when no file was chosen (the input left empty: a part with no file
	 * name, or none sent).
	 * @throws InvalidValueException (400, the part's field, rule {@code empty}) for a chosen file of 0 bytes —
	 * refused, never skipped as if none were chosen
	 */
	public static UploadedFile of(MultipartFile part) throws IOException {
		return chosen(part) ? new UploadedFile(part.getOriginalFilename(), part.getBytes()) : null;
	}

	/**
	 * The files a form posted, inputs left empty (no file name) skipped.
	 * @throws InvalidValueException (400, the part's field, rule {@code empty}) for a chosen file of 0 bytes
	 */
	public static List<UploadedFile> of(List<MultipartFile> parts) throws IOException {
		List<UploadedFile> result = new ArrayList<>();
		if (parts != null) {
			for (MultipartFile part : parts) {
				if (chosen(part)) {
					result.add(new UploadedFile(part.getOriginalFilename(), part.getBytes()));
				}
			}
		}
		return result;
	}

	/**
	 * Whether a posted part carries a file: false for none and for a file input left empty (the browser's part with a
	 * blank file name and no bytes), true for a file with content.
	 * @throws InvalidValueException (400, the part's field, rule {@code empty}, "文件为空") for a file chosen by name
	 * with 0 bytes: a scan that lost its content on the way is refused at its field, never saved as if sent nor
	 * dropped as if none were chosen
	 */
	public static boolean chosen(MultipartFile part) {
		if (part == null || part.isEmpty() && Text.isBlank(part.getOriginalFilename())) {
			return false;
		}
		if (part.isEmpty()) {
			throw new InvalidValueException(part.getName(), "empty", "文件为空：“" + Text.strip(part.getOriginalFilename())
					+ "”是0字节的文件，请重新选择有内容的文件");
		}
		return true;
	}

	/**
	 * A stored file served inline (only {@code AttachmentController} serves files): its checked type, no sniffing,
	 * sandboxed, its name RFC 6266-encoded. A {@code Range: bytes=…} request (a player seeking in a long recording
	 * without fetching it whole) is answered by RFC 9110 §14.2: the ranges with a first byte inside the file are served,
	 * 206 — one with its {@code Content-Range}, several as {@code multipart/byteranges} in the order asked —, those
	 * without one are ignored; only a set with none at all is 416 with {@code Content-Range: bytes *}{@code /length} and
	 * no body (§15.5.17). A malformed header or another unit is ignored: 200 with the whole file (§14), as is a set of
	 * several served ranges that together ask for the whole file or more (overlapping ranges: §14.2 lets a server
	 * ignore them).
	 * @param range the request's {@code Range} header, or null
	 */
	static ResponseEntity<?> inline(String contentType, String fileName, byte[] content, String range) {
		if (range == null || Text.isBlank(range)) {
			return inline(HttpStatus.OK, contentType, fileName).body(new ByteArrayResource(content));
		}
		List<HttpRange> ranges;
		try {
			ranges = HttpRange.parseRanges(range);
		}
		catch (IllegalArgumentException malformed) {
			return inline(HttpStatus.OK, contentType, fileName).body(content);
		}
		List<HttpRange> served = satisfiable(ranges, content.length);
		if (served.isEmpty()) {
			return ResponseEntity.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
				.header(HttpHeaders.CONTENT_RANGE, "bytes */" + content.length)
				.header("X-Content-Type-Options", "nosniff")
				.build();
		}
		if (served.size() > 1 && requested(served, content.length) >= content.length) {
			// as bytes, never as a resource: the framework would apply the Range header to a resource body itself
			return inline(HttpStatus.OK, contentType, fileName).body(content);
		}
		if (served.size() == 1) {
			HttpRange r = served.get(0);
			return inline(HttpStatus.PARTIAL_CONTENT, contentType, fileName)
				.header(HttpHeaders.CONTENT_RANGE, contentRange(r, content.length))
				.body(part(r, content));
		}
		String boundary = MimeTypeUtils.generateMultipartBoundaryString();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (HttpRange r : served) {
			body.writeBytes(("--" + boundary + "\r\nContent-Type: " + contentType + "\r\nContent-Range: "
					+ contentRange(r, content.length) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			body.writeBytes(part(r, content));
			body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
		return inline(HttpStatus.PARTIAL_CONTENT, "multipart/byteranges; boundary=" + boundary, fileName)
			.body(body.toByteArray());
	}

	/** The headers of every answer with content: its type, inline under its name, never sniffed, sandboxed. */
	private static ResponseEntity.BodyBuilder inline(HttpStatus status, String contentType, String fileName) {
		return ResponseEntity.status(status)
			.contentType(MediaType.parseMediaType(contentType))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(Downloads.fileName(fileName), StandardCharsets.UTF_8).build().toString())
			.header(HttpHeaders.ACCEPT_RANGES, "bytes")
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox");
	}

	/**
	 * The ranges with a first byte inside a file of {@code length} bytes (RFC 9110 §14.1.1: a range is satisfiable
	 * when its first position is below the length, or a suffix range's length is above 0), in the order asked.
	 */
	private static List<HttpRange> satisfiable(List<HttpRange> ranges, long length) {
		List<HttpRange> satisfiable = new ArrayList<>();
		for (HttpRange r : ranges) {
			try {
				long start = r.getRangeStart(length);
				if (start < length && start <= r.getRangeEnd(length)) {
					satisfiable.add(r);
				}
			}
			catch (IllegalArgumentException unsatisfiable) {
				// ignored like any range without a first byte in the file
			}
		}
		return satisfiable;
	}

	/** The bytes the satisfiable {@code ranges} ask for together, counting overlaps twice. */
	private static long requested(List<HttpRange> ranges, long length) {
		long total = 0;
		for (HttpRange r : ranges) {
			total += r.getRangeEnd(length) - r.getRangeStart(length) + 1;
		}
		return total;
	}

	/** A satisfiable range's {@code Content-Range} value: {@code bytes first-last/length}. */
	private static String contentRange(HttpRange r, long length) {
		return "bytes " + r.getRangeStart(length) + "-" + r.getRangeEnd(length) + "/" + length;
	}

	/** The bytes of a satisfiable range. */
	private static byte[] part(HttpRange r, byte[] content) {
		return Arrays.copyOfRange(content, (int) r.getRangeStart(content.length), (int) r.getRangeEnd(content.length) + 1);
	}

	private String extension() {
		int dot = fileName.lastIndexOf('.');
		return dot < 0 ? "" : "，扩展名为" + fileName.substring(dot).toLowerCase(Locale.ROOT);
	}

	private boolean startsWith(int... bytes) {
		if (content.length < bytes.length) {
			return false;
		}
		for (int i = 0; i < bytes.length; i++) {
			if ((content[i] & 0xff) != bytes[i]) {
				return false;
			}
		}
		return true;
	}
}
