package org.youguan.documents;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * HTTP responses for generated documents, with the Chinese file name encoded per RFC 6266 — in English for a reader
 * in English ({@link #named}).
 */
public final class Downloads {

	public static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	public static final MediaType DOCX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

	private Downloads() {
	}

	public static ResponseEntity<byte[]> xlsx(String fileName, byte[] content) {
		return file(fileName, XLSX, content);
	}

	public static ResponseEntity<byte[]> docx(String fileName, byte[] content) {
		return file(fileName, DOCX, content);
	}

	private static ResponseEntity<byte[]> file(String fileName, MediaType type, byte[] content) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName(named(fileName)), StandardCharsets.UTF_8).build().toString())
			.body(content);
	}

	/** What Windows refuses in a file name: its reserved characters and every control or line-breaking character. */
	private static final Pattern REFUSED = Pattern.compile("[\"/\\\\:*?<>|\\p{Cntrl}\\u2028\\u2029]");

	/**
	 * A file name every system saves as it is, the one place every download's name passes: each character Windows
	 * refuses ({@code " / \ : * ? < > |} and control characters, which a record's name carries into an export's name)
	 * becomes "_", and trailing dots and spaces (which Windows drops) are trimmed; the ASCII fallback and the RFC 6266
	 * {@code filename*} are both written from it.
	 * @param fileName the name as made from the records (null or blank reads as "download")
	 * @return the name with refused characters replaced, never blank
	 */
	public static String fileName(String fileName) {
		String safe = fileName == null ? "" : REFUSED.matcher(fileName).replaceAll("_");
		int end = safe.length();
		while (end > 0 && (safe.charAt(end - 1) == '.' || Character.isWhitespace(safe.charAt(end - 1))
				|| Character.isSpaceChar(safe.charAt(end - 1)))) {
			end--;
		}
		safe = safe.substring(0, end).strip();
		return safe.isEmpty() ? "download" : safe;
	}

	/** A file's name: its Chinese words before any "-" suffix (a period, a number), then the extension. */
	private static final Pattern NAME = Pattern.compile("([^-.]+)(.*)");

	/**
	 * The file's name in the request's language: as given for Chinese (and outside a request); in English its words
	 * by the bundle's {@code export.file.<words>}, else the sheet's name {@code export.sheet.<words>}
	 * ({@link Spreadsheets#SHEET_KEY}), the suffix kept ("处罚统计-2026-01.xlsx" → "Penalty figures-2026-01.xlsx"); as given
	 * where the bundle has neither.
	 */
	static String named(String fileName) {
		Locale locale = Spreadsheets.requestLanguage();
		Matcher m = fileName == null ? null : NAME.matcher(fileName);
		if (locale == null || m == null || !m.matches()
				|| !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)) {
			return fileName;
		}
		WebApplicationContext context = RequestContextUtils.findWebApplicationContext(request.getRequest());
		MessageSource messages = context;
		if (messages == null) {
			return fileName;
		}
		String words = messages.getMessage("export.file." + m.group(1), null, null, locale);
		if (words == null) {
			words = messages.getMessage(Spreadsheets.SHEET_KEY + m.group(1), null, null, locale);
		}
		return words == null ? fileName : words + m.group(2);
	}
}
