package org.youguan.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.filter.FilterFactory;

/**
 * Finds what makes a PDF run code, reach outside the file or play media when it is opened or clicked, by the names
 * {@link PdfFiles} refuses in the decoded document tree: the dictionary keys and action types {@code /JS},
 * {@code /JavaScript} (document scripts, {@code /OpenAction} and {@code /AA} actions of type JavaScript),
 * {@code /Launch} (start a program) and {@code /XFA} (a form whose scripts sit in XML); the remote actions
 * {@code /GoToR}, {@code /SubmitForm}, {@code /ImportData}; embedded files ({@code /EmbeddedFiles},
 * {@code /EmbeddedFile}, {@code /FileAttachment}, {@code /GoToE}); and media ({@code /Rendition}, {@code /GoTo3DView},
 * {@code /RichMedia}, {@code /RichMediaExecute} anywhere, {@code /Movie}, {@code /Sound}, {@code /Screen},
 * {@code /3D} as the value of an {@code /S} or {@code /Subtype} — {@code /Screen} is also a blend mode). Names are read as PDF writes them ({@code #4A#53} is {@code JS}), in the file's
 * plain objects and inside its compressed object streams ({@code /ObjStm}), where a PDF 1.5 writer puts most
 * dictionaries — their data decoded through Flate, ASCIIHex, ASCII85, LZW and RunLength (PDFBox's filters for all
 * but Flate), any other filter refused as unreadable. A parser that rebuilds the document (PDFBox) was not used: the question is whether such a name
 * occurs anywhere a viewer might find it — also in a damaged file a viewer repairs — not what a well-formed document
 * tree holds, and the attachments kept so far (minimal scanned PDFs) need not parse.
 */
final class PdfScripts {

	/**
	 * The names refused wherever they occur, each with its rule (as {@link PdfFiles#refusal}): code and programs
	 * (ISO 32000-1 §12.6.4.5 Launch, §12.6.4.16 JavaScript actions, §12.7.8 XFA forms), actions that fetch or send
	 * outside the file (§12.6.4.3 GoToR, §12.7.5.2 SubmitForm, §12.7.5.4 ImportData), embedded files (§7.11.4,
	 * §12.5.6.15, §12.6.4.4 GoToE) and media and 3D actions and annotations (§12.6.4.13 Rendition, §12.6.4.15
	 * GoTo3DView; ISO 32000-2 §13.7 RichMedia).
	 */
	static final Map<String, String> ACTIVE = Map.ofEntries(Map.entry("JS", "pdf-script"),
			Map.entry("JavaScript", "pdf-script"), Map.entry("Launch", "pdf-script"), Map.entry("XFA", "pdf-script"),
			Map.entry("GoToR", "pdf-action"), Map.entry("SubmitForm", "pdf-action"), Map.entry("ImportData", "pdf-action"),
			Map.entry("EmbeddedFiles", "pdf-embedded"), Map.entry("EmbeddedFile", "pdf-embedded"),
			Map.entry("FileAttachment", "pdf-embedded"), Map.entry("GoToE", "pdf-embedded"),
			Map.entry("Rendition", "pdf-media"), Map.entry("GoTo3DView", "pdf-media"), Map.entry("RichMedia", "pdf-media"),
			Map.entry("RichMediaExecute", "pdf-media"));

	/**
	 * The annotation subtypes and action types refused only as the value of {@code /S} or {@code /Subtype} (rule
	 * {@code pdf-media}; {@link PdfFiles#MEDIA_ANNOTATIONS}, {@link PdfFiles#MEDIA_ACTIONS}): {@code /Screen} is also
	 * a blend mode of ordinary graphics.
	 */
	static final Set<String> MEDIA_TYPES = Set.of("Movie", "Sound", "Screen", "3D");

	/** The most bytes all object streams of one PDF may inflate to before the file is refused as not checkable. */
	static final long MAX_INFLATED = 64L * 1024 * 1024;

	/** How far before its stream an object stream's dictionary is looked for. */
	private static final int DICTIONARY_LOOKBACK = 4096;

	private PdfScripts() {
	}

	/**
	 * What a PDF holds: a name found and the rule it breaks ({@code pdf-script}, {@code pdf-action},
	 * {@code pdf-embedded}, {@code pdf-media}), or that an object stream could not be read (so was not checked; rule
	 * {@code pdf-script}).
	 */
	record Finding(String name, String rule, boolean unreadable) {
	}

	/**
	 * The first refused name in {@code pdf} or an unreadable object stream, or empty for a PDF without either. The
	 * file's text is read outside stream data; the data of a stream is skipped only when its dictionary's /Length
	 * ends exactly at its {@code endstream} (compressed images and fonts are binary, where such a name occurs by
	 * chance), else it is read as text too; an object stream's data is inflated and read.
	 */
	static Optional<Finding> find(byte[] pdf) {
		long budget = MAX_INFLATED;
		int from = 0;
		while (true) {
			int stream = streamKeyword(pdf, from);
			Optional<Finding> plain = activeName(pdf, from, stream < 0 ? pdf.length : stream);
			if (plain.isPresent() || stream < 0) {
				return plain;
			}
			int start = stream + 6;
			if (start < pdf.length && pdf[start] == '\r') {
				start++;
			}
			if (start < pdf.length && pdf[start] == '\n') {
				start++;
			}
			// a stream's dictionary is short and after the previous stream: no byte is read backwards twice, so a
			// file of many "stream" words costs no more than its length
			int lookback = Math.min(DICTIONARY_LOOKBACK, stream - from);
			int obj = lastIndexOf(pdf, " obj", stream, lookback);
			int dictionary = obj < 0 ? stream - lookback : obj;
			int end = dataEnd(pdf, dictionary, stream, start);
			if (objectStream(pdf, dictionary, stream)) {
				// its length may be an indirect object: zlib data ends by itself, endstream bounds it
				if (end < 0) {
					int endstream = indexOf(pdf, "endstream", start);
					end = endstream < 0 ? pdf.length : endstream;
				}
				byte[] inflated = decode(pdf, start, end - start, filters(pdf, dictionary, stream), budget);
				if (inflated == null) {
					return Optional.of(new Finding("ObjStm", "pdf-script", true));
				}
				budget -= inflated.length;
				Optional<Finding> inside = activeName(inflated, 0, inflated.length);
				if (inside.isPresent()) {
					return inside;
				}
			}
			else if (end < 0) {
				// not a stream whose extent is certain: its bytes are read as the file's text
				from = start;
				continue;
			}
			from = end;
		}
	}

	/** The next {@code stream} keyword (not the end of {@code endstream}) from {@code from}, or -1. */
	private static int streamKeyword(byte[] pdf, int from) {
		int at = from;
		while (true) {
			int stream = indexOf(pdf, "stream", at);
			if (stream < 0 || !matches(pdf, stream - 3, "end")) {
				return stream;
			}
			at = stream + 6;
		}
	}

	/**
	 * Where a stream's data ends when its dictionary gives a direct /Length that ends at an {@code endstream} (after an
	 * optional end of line), else -1.
	 */
	private static int dataEnd(byte[] pdf, int dictionary, int stream, int start) {
		Matcher length = LENGTH.matcher(new String(pdf, dictionary, stream - dictionary, StandardCharsets.ISO_8859_1));
		if (!length.find()) {
			return -1;
		}
		long n = Long.parseLong(length.group(1));
		if (n > pdf.length - start) {
			return -1;
		}
		int end = start + (int) n;
		int k = end;
		while (k < pdf.length && (pdf[k] == '\r' || pdf[k] == '\n' || pdf[k] == ' ')) {
			k++;
		}
		return matches(pdf, k, "endstream") ? end : -1;
	}

	/** A direct /Length (not an indirect reference {@code 12 0 R}). */
	private static final Pattern LENGTH = Pattern.compile("/Length\\s+(\\d{1,10})(?![\\d.])(?!\\s+\\d+\\s+R)");

	/** Whether the dictionary between an object's start and its stream says /Type /ObjStm (names decoded). */
	private static boolean objectStream(byte[] pdf, int from, int to) {
		boolean[] found = { false };
		names(pdf, from, to, (key, name) -> found[0] |= name.equals("ObjStm"));
		return found[0];
	}

	private static Optional<Finding> activeName(byte[] bytes, int from, int to) {
		Finding[] found = { null };
		names(bytes, from, to, (key, name) -> {
			if (found[0] == null && ACTIVE.containsKey(name)) {
				found[0] = new Finding(name, ACTIVE.get(name), false);
			}
			else if (found[0] == null && MEDIA_TYPES.contains(name) && ("S".equals(key) || "Subtype".equals(key))) {
				found[0] = new Finding(name, "pdf-media", false);
			}
		});
		return Optional.ofNullable(found[0]);
	}

	/**
	 * Every PDF name token ({@code /Name}, #xx escapes decoded) in {@code from … to}, with the name just before it when
	 * only white space separates them (the key whose value it is), else null.
	 */
	private static void names(byte[] bytes, int from, int to, BiConsumer<String, String> each) {
		int i = from;
		String previous = null;
		while (i < to) {
			if (bytes[i] != '/') {
				if (!whiteSpace(bytes[i])) {
					previous = null;
				}
				i++;
				continue;
			}
			ByteArrayOutputStream name = new ByteArrayOutputStream();
			int j = i + 1;
			while (j < to && !delimiter(bytes[j]) && name.size() <= 64) {
				if (bytes[j] == '#' && j + 2 < to && hex(bytes[j + 1]) >= 0 && hex(bytes[j + 2]) >= 0) {
					name.write(hex(bytes[j + 1]) * 16 + hex(bytes[j + 2]));
					j += 3;
				}
				else {
					name.write(bytes[j]);
					j++;
				}
			}
			String decoded = name.toString(StandardCharsets.ISO_8859_1);
			each.accept(previous, decoded);
			previous = decoded;
			i = j;
		}
	}

	private static boolean whiteSpace(byte b) {
		return b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '\f' || b == 0;
	}

	private static boolean delimiter(byte b) {
		return b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '\f' || b == 0 || b == '/' || b == '(' || b == ')'
				|| b == '<' || b == '>' || b == '[' || b == ']' || b == '{' || b == '}' || b == '%';
	}

	private static int hex(byte b) {
		return Character.digit((char) b, 16);
	}

	/**
	 * The filters an object stream's data passes through that this reader undoes: Flate (as zlib, {@link #inflate})
	 * and, with PDFBox's filters, ASCIIHex, ASCII85, LZW and RunLength, by full or abbreviated name (ISO 32000-1
	 * §7.4, Table 6). Others (Crypt, image codecs) cannot hold the objects a viewer reads.
	 */
	private static final Set<String> DECODABLE = Set.of("FlateDecode", "Fl", "ASCIIHexDecode", "AHx", "ASCII85Decode", "A85",
			"LZWDecode", "LZW", "RunLengthDecode", "RL");

	/**
	 * The filters the dictionary between {@code from} and {@code to} names after its /Filter key, in the order they
	 * apply (one name or an array of names; a filter this reader cannot undo is listed too, so that the stream is
	 * refused as unreadable); empty without a /Filter of names (then the data is taken as zlib data, as before), a list
	 * holding null for a /Filter that names none (an indirect reference: what it says is not known here).
	 */
	private static List<String> filters(byte[] pdf, int from, int to) {
		List<String> filters = new ArrayList<>();
		boolean[] filter = { false, false };
		names(pdf, from, to, (key, name) -> {
			if (name.equals("Filter")) {
				filter[0] = true;
				filter[1] = true;
			}
			else if (filter[1] && (name.endsWith("Decode") || DECODABLE.contains(name) || name.equals("Crypt"))) {
				filters.add(name);
			}
			else {
				filter[1] = false;
			}
		});
		if (filter[0] && filters.isEmpty()) {
			filters.add(null);
		}
		return filters;
	}

	/**
	 * An object stream's data with its filters undone in order, or null when one of them is not one this reader undoes
	 * ({@link #DECODABLE}), the data does not decode, or it exceeds {@code budget}. Without filters the data is
	 * inflated as zlib data.
	 */
	private static byte[] decode(byte[] pdf, int offset, int length, List<String> filters, long budget) {
		if (filters.isEmpty()) {
			return inflate(pdf, offset, length, budget);
		}
		byte[] data = Arrays.copyOfRange(pdf, offset, offset + length);
		for (String filter : filters) {
			if (filter == null || !DECODABLE.contains(filter)) {
				return null;
			}
			data = filter.equals("FlateDecode") || filter.equals("Fl") ? inflate(data, 0, data.length, budget)
					: decoded(filter, data, budget);
			if (data == null) {
				return null;
			}
		}
		return data;
	}

	/** The data decoded by PDFBox's filter of that name (default parameters), or null when it fails or exceeds the budget. */
	private static byte[] decoded(String filter, byte[] data, long budget) {
		ByteArrayOutputStream out = new ByteArrayOutputStream() {
			@Override
			public synchronized void write(byte[] b, int off, int len) {
				if (count + (long) len > budget) {
					throw new UncheckedIOException(new IOException("beyond the budget"));
				}
				super.write(b, off, len);
			}

			@Override
			public synchronized void write(int b) {
				if (count + 1L > budget) {
					throw new UncheckedIOException(new IOException("beyond the budget"));
				}
				super.write(b);
			}
		};
		try {
			FilterFactory.INSTANCE.getFilter(filter).decode(new ByteArrayInputStream(data), out, new COSDictionary(), 0);
			return out.toByteArray();
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	/** The zlib-inflated bytes, or null when they are not zlib data or exceed {@code budget}. */
	private static byte[] inflate(byte[] bytes, int offset, int length, long budget) {
		Inflater inflater = new Inflater();
		try {
			inflater.setInput(bytes, offset, length);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[64 * 1024];
			while (!inflater.finished()) {
				int n = inflater.inflate(buffer);
				if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
					break;
				}
				out.write(buffer, 0, n);
				if (out.size() > budget) {
					return null;
				}
			}
			return out.size() == 0 && !inflater.finished() ? null : out.toByteArray();
		}
		catch (DataFormatException ex) {
			return null;
		}
		finally {
			inflater.end();
		}
	}

	private static int indexOf(byte[] bytes, String text, int from) {
		byte[] t = text.getBytes(StandardCharsets.US_ASCII);
		for (int i = Math.max(from, 0); i <= bytes.length - t.length; i++) {
			if (matches(bytes, i, text)) {
				return i;
			}
		}
		return -1;
	}

	private static int lastIndexOf(byte[] bytes, String text, int before, int within) {
		for (int i = Math.min(before - text.length(), bytes.length - text.length()); i >= Math.max(0, before - within); i--) {
			if (matches(bytes, i, text)) {
				return i;
			}
		}
		return -1;
	}

	private static boolean matches(byte[] bytes, int at, String text) {
		if (at < 0 || at + text.length() > bytes.length) {
			return false;
		}
		for (int k = 0; k < text.length(); k++) {
			if (bytes[at + k] != text.charAt(k)) {
				return false;
			}
		}
		return true;
	}
}
