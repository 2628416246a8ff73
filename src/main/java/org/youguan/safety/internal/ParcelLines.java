package org.youguan.safety.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

import org.youguan.kernel.Text;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.dataformat.csv.CsvFactory;
import tools.jackson.dataformat.csv.CsvReadFeature;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Masking;
import org.youguan.kernel.Wording;

/**
 * Reads an upload line by line without ever holding more than one line (NDJSON) or one row (CSV) in memory, with
 * Jackson's streaming parsers: each NDJSON line is parsed on its own (a broken line is rejected and the next one
 * read), CSV rows come from Jackson's CSV parser as arrays after a header row naming the columns. Lines are numbered
 * from 1: NDJSON counts physical lines (blank lines are skipped but counted), CSV counts data rows (the header is not
 * counted, so the first record is line 1).
 */
final class ParcelLines {

	/** The longest NDJSON line read; a longer one is rejected whole. */
	static final int MAX_LINE = 64 * 1024;

	/** Where the lines go. */
	interface Sink {

		/** A line read as fields, indexed by {@link ParcelField#ordinal()} (null when absent); the array is reused. */
		void record(long line, String[] fields);

		/** A line that is no record at all; {@code content} has no long digit runs (no ID number). */
		void broken(long line, ParcelRejection why, String content);

		/**
		 * An NDJSON record whose shape breaks the contract — a key the contract does not name (rule
		 * {@code unknown-field}, field the key), a key sent twice ({@code duplicate-key}), a value that is an object or
		 * array ({@code scalar}) — read all the same, so its fields' own faults are listed beside these: the line is
		 * rejected with every fault. {@code fields} holds what was read (a repeated key's first value, none for a
		 * non-scalar one; the array is reused), {@code content} the line as {@link #broken} keeps it. By default the
		 * first fault as a broken line.
		 */
		default void faulty(long line, String[] fields, List<ParcelRejection> faults, String content) {
			broken(line, faults.get(0), content);
		}

		/**
		 * A blank line (NDJSON: only white space; CSV: a row of empty cells), skipped but counted: the batch's line cap
		 * counts it, so a body of millions of blank lines is refused as too many lines, as one of records is.
		 */
		default void blank(long line) {
		}
	}

	/**
	 * A parser per line: its buffers come from a pool per thread (an upload is read on one thread) instead of the
	 * default pool shared by all threads, whose concurrent deque was taken and given back a million times a batch.
	 */
	private static final JsonFactory JSON = JsonFactory.builder().recyclerPool(JsonRecyclerPools.threadLocalPool()).build();

	/**
	 * No cell longer than an NDJSON line: the parser refuses a longer one as it reads it, so a row's memory is bounded
	 * (a 100-million-character cell would otherwise be held whole).
	 */
	private static final CsvFactory CSV = CsvFactory.builder()
		.enable(CsvReadFeature.WRAP_AS_ARRAY)
		.enable(CsvReadFeature.TRIM_SPACES)
		.streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_LINE).maxNameLength(MAX_LINE).build())
		.build();

	private ParcelLines() {
	}

	/** Reads NDJSON (one JSON object per line, UTF-8). */
	static void ndjson(InputStream in, Sink sink) throws IOException {
		byte[] buf = new byte[MAX_LINE + 1];
		String[] fields = new String[ParcelField.COUNT];
		int start = 0;
		int end = 0;
		int scan = 0;
		long line = 0;
		boolean skipping = false;
		while (true) {
			int nl = -1;
			for (int i = scan; i < end; i++) {
				if (buf[i] == '\n') {
					nl = i;
					break;
				}
			}
			if (nl >= 0) {
				line++;
				if (!skipping) {
					int stop = nl > start && buf[nl - 1] == '\r' ? nl - 1 : nl;
					line += parseLine(buf, start, stop - start, line, fields, sink);
				}
				skipping = false;
				start = nl + 1;
				scan = start;
				continue;
			}
			if (start > 0) {
				System.arraycopy(buf, start, buf, 0, end - start);
				end -= start;
				start = 0;
			}
			scan = end;
			if (end == buf.length) {
				// a line longer than MAX_LINE: reject it and drop its bytes until its end
				if (!skipping) {
					sink.broken(line + 1, new ParcelRejection("line", "too-long", "该行超过" + MAX_LINE / 1024 + "KB，不是一条寄递记录"),
							null);
				}
				skipping = true;
				end = 0;
				scan = 0;
			}
			int read = in.read(buf, end, buf.length - end);
			if (read < 0) {
				if (end > start) {
					line++;
					if (!skipping) {
						line += parseLine(buf, start, end - start, line, fields, sink);
					}
				}
				return;
			}
			end += read;
		}
	}

	private static long parseLine(byte[] buf, int offset, int length, long line, String[] fields, Sink sink) {
		int from = offset;
		int to = offset + length;
		while (from < to && (buf[from] == ' ' || buf[from] == '\t' || buf[from] == '\r')) {
			from++;
		}
		if (from == to) {
			sink.blank(line);
			return 0;
		}
		// records written one after another without a newline between them ({...}{...}) are taken one by one, each
		// counting as the next line, as if the newline were there
		long n = line;
		try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), buf, from, to - from)) {
			JsonToken first = p.nextToken();
			while (true) {
				if (first != JsonToken.START_OBJECT) {
					sink.broken(n, notAnObject(), masked(buf, from, to - from));
					return n - line;
				}
				Arrays.fill(fields, null);
				// the contract's properties seen in this object: one sent twice is refused, never "the last wins"
				long seen = 0;
				// the faults of the record's shape (unknown or repeated keys, non-scalar values): made for a faulty line only
				List<ParcelRejection> faults = null;
				JsonToken t;
				while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
					int index = ParcelField.index(p.currentName());
					if (index >= 0) {
						if ((seen & 1L << index) != 0) {
							faults = fault(faults, new ParcelRejection(ParcelField.ALL[index].json(), "duplicate-key", "字段"
									+ ParcelField.ALL[index].json() + "在同一条记录中出现了两次，无法确定以哪一个为准"));
							// the first value stays, for the line's other faults to be checked: the line is rejected
							index = -1;
						}
						else {
							seen |= 1L << index;
						}
					}
					else {
						// a misspelt key (senderIDNumber) would drop its value without a word: the line is rejected
						faults = fault(faults, unknownKey(p.currentName()));
					}
					JsonToken value = p.nextToken();
					String text = switch (value) {
						case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getString();
						case VALUE_TRUE -> "true";
						case VALUE_FALSE -> "false";
						case VALUE_NULL -> null;
						default -> {
							p.skipChildren();
							yield index < 0 ? null : "\u0000";
						}
					};
					if (index >= 0) {
						if ("\u0000".equals(text)) {
							faults = fault(faults, new ParcelRejection(ParcelField.ALL[index].json(), "scalar",
									"字段" + ParcelField.ALL[index].json() + "应为字符串、数字或true/false"));
						}
						else {
							fields[index] = text;
						}
					}
				}
				if (t != JsonToken.END_OBJECT) {
					sink.broken(n, notAnObject(), masked(buf, from, to - from));
					return n - line;
				}
				// what follows the object decides before the record is taken: text after it that is not another
				// object makes the whole line one rejection (not a record and a rejection under one line number)
				JsonToken next;
				try {
					next = p.nextToken();
				}
				catch (JacksonException ex) {
					next = JsonToken.NOT_AVAILABLE;
				}
				if (next != null && next != JsonToken.START_OBJECT) {
					sink.broken(n, notAnObject(), masked(buf, from, to - from));
					return n - line;
				}
				if (faults == null) {
					sink.record(n, fields);
				}
				else {
					sink.faulty(n, fields, faults, masked(buf, from, to - from));
				}
				if (next == null) {
					return n - line;
				}
				first = next;
				n++;
			}
		}
		catch (JacksonException ex) {
			sink.broken(n, notAnObject(), masked(buf, from, to - from));
			return n - line;
		}
	}

	/** The faults so far with one more, unless one of the same field is there (a field is named once). */
	private static List<ParcelRejection> fault(List<ParcelRejection> faults, ParcelRejection fault) {
		List<ParcelRejection> out = faults == null ? new ArrayList<>(4) : faults;
		for (ParcelRejection f : out) {
			if (f.field().equals(fault.field())) {
				return out;
			}
		}
		out.add(fault);
		return out;
	}

	/** The contract's names, as the refusals of an unknown key or column list them. */
	static final String NAMES = Arrays.stream(ParcelField.ALL).map(ParcelField::json).collect(Collectors.joining("、"));

	/**
	 * An NDJSON key the contract does not name: field the key as sent (its first 64 characters, personal numbers
	 * masked, control characters as '?'), rule {@code unknown-field}.
	 */
	private static ParcelRejection unknownKey(String key) {
		String name = shown(key);
		return new ParcelRejection(name, "unknown-field", "不认识的字段“" + name + "”：字段名须与接口规定的完全相同（区分大小写），"
				+ "该行未收，请改正字段名后重新上报；可用的字段：" + NAMES);
	}

	/** A name as a refusal shows it: its first 64 characters, ID and mobile numbers masked, control characters as '?'. */
	private static String shown(String name) {
		return printable(Masking.personalNumbersIn(Text.excerpt(name, 64)));
	}

	private static ParcelRejection notAnObject() {
		return new ParcelRejection("line", "json", "该行不是一个有效的JSON对象（NDJSON：每行一个JSON对象）");
	}

	/**
	 * Reads CSV (UTF-8, RFC 4180 quoting, a header row with the contract's column names). A header naming a column the
	 * contract does not (a misspelt {@code senderIDNumber} or {@code waybillNo}) refuses the whole upload, naming it: its
	 * values would be dropped without a word. A header cell left blank names no column (Excel leaves them at a sheet's
	 * end); a row with a non-blank cell under one, or past the header's columns, is rejected whole (rule
	 * {@code columns}, field {@code line}).
	 *
	 * @throws InvalidValueException when the header names an unknown column (rule {@code csv-unknown-column}) or one
	 *         twice ({@code csv-duplicate-column}), or the CSV is broken beyond a row
	 */
	static void csv(InputStream in, Sink sink) throws IOException {
		String[] fields = new String[ParcelField.COUNT];
		long line = 0;
		boolean inRow = false;
		// decoded here, not by the parser: a byte that is not UTF-8 becomes U+FFFD in its own cell, and the validator
		// rejects that row (rule encoding), where the parser's read-ahead decoding would fail some rows earlier
		Reader decoded = withoutByteOrderMark(new InputStreamReader(in, StandardCharsets.UTF_8));
		try (JsonParser p = CSV.createParser(ObjectReadContext.empty(), decoded)) {
			int[] columns = null;
			// the first column (from 1) of a row holding a value under a header cell left blank
			int unnamedAt = 0;
			// the row's cells as read (references only), for the text kept when the row is rejected whole
			String[] cells = new String[64];
			// WRAP_AS_ARRAY: the document is one array whose elements are the rows, each an array of strings
			JsonToken t = p.nextToken();
			while (t != null && (t = p.nextToken()) != null && t != JsonToken.END_ARRAY) {
				if (t != JsonToken.START_ARRAY) {
					continue;
				}
				if (columns == null) {
					columns = header(p);
					continue;
				}
				line++;
				inRow = true;
				Arrays.fill(fields, null);
				int column = 0;
				int beyond = 0;
				int unnamed = 0;
				while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
					String text = p.getString();
					if (column < columns.length && columns[column] >= 0) {
						fields[columns[column]] = text == null || text.isEmpty() ? null : text;
					}
					else if (text != null && !Text.isBlank(text)) {
						// past the header's columns, or under a column the header left unnamed (a blank header cell)
						if (column >= columns.length) {
							beyond++;
						}
						else if (unnamed++ == 0) {
							unnamedAt = column + 1;
						}
					}
					if (column == cells.length && column < 1024) {
						cells = Arrays.copyOf(cells, column * 2);
					}
					if (column < cells.length) {
						cells[column] = text;
					}
					column++;
				}
				if (beyond > 0) {
					// a cell past the header's columns belongs to no field: an unquoted comma in an address shifts the
					// rest of the row, and dropping the extras would take in a row whose values sit under wrong names
					inRow = false;
					sink.broken(line, new ParcelRejection("line", "columns", "该行有" + column + "列，多于表头的"
							+ columns.length + "列（多出的" + beyond + "列不属于任何字段，可能是地址等内容中的逗号未加英文双引号），"
							+ "整行未收，请改正后重新上报"), rowText(cells, Math.min(column, cells.length), columns));
					continue;
				}
				if (unnamed > 0) {
					// a value under a column without a name belongs to no field: dropping it would take in a row short of it
					inRow = false;
					sink.broken(line, new ParcelRejection("line", "columns", "该行第" + unnamedAt + "列有值，但表头该列没有列名"
							+ "（该值不属于任何字段），整行未收，请在表头补上列名或删去该值后重新上报"),
							rowText(cells, Math.min(column, cells.length), columns));
					continue;
				}
				boolean empty = true;
				for (String f : fields) {
					if (f != null) {
						empty = false;
						break;
					}
				}
				inRow = false;
				if (!empty) {
					sink.record(line, fields);
				}
				else {
					sink.blank(line);
				}
			}
			if (columns == null) {
				// nothing but blank lines: no record, answered as an empty NDJSON body is
				throw ParcelIngest.emptyBody();
			}
		}
		catch (JacksonIOException ex) {
			// the body could not be read (the connection broke): the upload fails as an NDJSON one does
			throw ex.getCause();
		}
		catch (StreamConstraintsException ex) {
			throw new InvalidValueException("body", "csv-too-long", "CSV格式错误（第" + (inRow ? line : line + 1)
					+ "条数据）：单元格超过" + MAX_LINE / 1024 + "KB，不是寄递记录的字段（引号未闭合？）");
		}
		catch (JacksonException ex) {
			throw new InvalidValueException("body", "csv", "CSV格式错误（第" + (inRow ? line : line + 1)
					+ "条数据附近）：引号未闭合");
		}
	}

	/**
	 * The text of a CSV row kept with its rejection: its cells comma-separated, the sender's ID number left out (the
	 * clear number is never kept), other personal numbers masked ({@link #maskedKeeping}).
	 */
	private static String rowText(String[] cells, int count, int[] columns) {
		StringBuilder row = new StringBuilder();
		for (int i = 0; i < count && row.length() < 2000; i++) {
			if (i > 0) {
				row.append(',');
			}
			String cell = cells[i] == null ? "" : cells[i];
			boolean id = i < columns.length && columns[i] == ParcelField.SENDER_ID_NUMBER.ordinal();
			row.append(id && !cell.isEmpty() ? "（已删除）" : cell);
		}
		String text = row.length() > 2000 ? row.substring(0, 2000) : row.toString();
		return maskedKeeping(text);
	}

	/**
	 * A kept line's text as the rejected lines' list, page and export show it: its first 500 characters with every ID
	 * and mobile number masked by the one rule of every list ({@link Masking#personalNumbersIn}: an ID number keeps its
	 * first 6 and last 4 characters, a mobile number its first 3 and last 4, also written in blocks), before the cut,
	 * and control characters shown as '?' ({@link #printable}). A waybill number, a region code, a date stay readable:
	 * the enterprise finds and resends the line by them (attack 71 A3: they were starred as any run of 6 digits was).
	 */
	static String maskedKeeping(String text) {
		return printable(Masking.personalNumbersIn(text, 500));
	}

	/**
	 * The decoded text without the byte order mark Excel and ERP exports put at its head: dropped before the CSV parser
	 * reads it, so a quoted first header cell ({@code \uFEFF"waybillNumber"}) stays quoted and is read as its name,
	 * not as an unquoted cell holding the mark and the quotes.
	 *
	 * @param decoded the body decoded as UTF-8 (a gzip body already unpacked)
	 * @return a reader positioned after a leading U+FEFF, or at the start when there is none
	 * @throws IOException when the body cannot be read
	 */
	static Reader withoutByteOrderMark(Reader decoded) throws IOException {
		java.io.PushbackReader head = new java.io.PushbackReader(decoded, 1);
		int first = head.read();
		if (first >= 0 && first != '\uFEFF') {
			head.unread(first);
		}
		return head;
	}

	/**
	 * The header row's columns as field indexes (-1 for a blank cell, which names no column); null for a blank row, which
	 * is no header.
	 *
	 * @throws InvalidValueException field {@code body}: a name the contract does not know (rule
	 *         {@code csv-unknown-column}, naming each and the contract's names), a name twice
	 *         ({@code csv-duplicate-column}), a header that is not UTF-8 ({@code encoding})
	 */
	private static int[] header(JsonParser p) {
		int[] columns = new int[64];
		int n = 0;
		boolean any = false;
		List<String> unknown = new ArrayList<>();
		boolean undecodable = false;
		boolean blank = true;
		JsonToken t;
		while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
			String name = p.getString();
			int index = name == null ? -1 : ParcelField.index(Text.strip(name));
			any |= index >= 0;
			if (index < 0 && name != null && !Text.isBlank(name) && !unknown.contains(shown(Text.strip(name)))) {
				// a column named twice is one unknown name: listed and counted once
				unknown.add(shown(Text.strip(name)));
			}
			undecodable |= name != null && (name.indexOf('\uFFFD') >= 0 || name.indexOf('\u0000') >= 0);
			blank &= name == null || Text.isBlank(name);
			for (int i = 0; index >= 0 && i < n; i++) {
				if (columns[i] == index) {
					throw new InvalidValueException("body", "csv-duplicate-column", "CSV表头行中列" + ParcelField.ALL[index].json()
							+ "出现了两次，无法确定以哪一列为准");
				}
			}
			if (n == columns.length) {
				columns = Arrays.copyOf(columns, n * 2);
			}
			columns[n++] = index;
		}
		if (blank) {
			// a blank line before the header row is no header: the next row is
			return null;
		}
		if (!any && undecodable) {
			// UTF-16 (every other byte 0), GBK or another encoding read as UTF-8: the names cannot be known
			throw new InvalidValueException("body", "encoding", "CSV不是UTF-8编码（表头行含无法识别的字节，可能是UTF-16或GBK），"
					+ "请在Excel中另存为“CSV UTF-8（逗号分隔）”后重新上报");
		}
		if (!unknown.isEmpty()) {
			// a misspelt column (senderIDNumber, waybillNo) would drop its values without a word: the file is refused
			String names = String.join("、", unknown.size() > 10 ? unknown.subList(0, 10) : unknown)
					+ (unknown.size() > 10 ? "等" : "");
			String count = String.valueOf(unknown.size());
			throw new InvalidValueException("body", "csv-unknown-column",
					Wording.of("safety.refusal.csvUnknownColumns", names, count, NAMES),
					"CSV表头行中有不认识的列：" + names + "（共" + count + "列）。列名须与字段名完全相同（区分大小写），可用的列名："
							+ NAMES + "；该批次未记录，请改正表头后重新上报");
		}
		if (!any) {
			throw new InvalidValueException("body", "csv-header", "CSV表头行没有可识别的列名（应与NDJSON字段名相同，如waybillNumber）");
		}
		return Arrays.copyOf(columns, n);
	}

	/**
	 * The first 500 characters of a broken line (its escapes undone), the value of a {@code senderIdNumber} key removed,
	 * every ID or mobile number in it masked ({@link #maskedKeeping}: before the cut, 110105.1993.0715.8878 and
	 * 139|8765|4321 too, "3205 0619 9001…" written in blocks) and every control character (NUL and the rest of C0 but
	 * tab, DEL, undecodable bytes) shown as '?': a line of binary garbage is kept as readable text (PostgreSQL text
	 * cannot hold NUL) and no clear ID number is kept; waybill numbers and region codes stay readable.
	 */
	static String masked(byte[] buf, int offset, int length) {
		String text = unescaped(new String(buf, offset, Math.min(length, 2000), StandardCharsets.UTF_8));
		text = ID_NUMBER_VALUE.matcher(text).replaceAll("$1\"（已删除）\"");
		return maskedKeeping(text);
	}

	/**
	 * The text with its JSON escapes {@code \\uXXXX}, {@code \\t}, {@code \\n}, {@code \\r}, {@code \\b}, {@code \\f} and
	 * {@code \\/} undone ("\\u0031\\u0031…" is "11…"), so digits written as escapes, or joined by them, are masked like
	 * plain ones; the text itself when it has none.
	 */
	static String unescaped(String text) {
		int at = text.indexOf('\\');
		if (at < 0) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length()).append(text, 0, at);
		int i = at;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == 'u' && hex(text, i + 2)) {
				out.append((char) Integer.parseInt(text, i + 2, i + 6, 16));
				i += 6;
			}
			else if (c == '\\' && i + 1 < text.length() && "tnrbf/".indexOf(text.charAt(i + 1)) >= 0) {
				out.append("\t\n\r\b\f/".charAt("tnrbf/".indexOf(text.charAt(i + 1))));
				i += 2;
			}
			else if (c == '\\' && i + 1 < text.length()) {
				// an escaped backslash or quote stays as written, and its second character is not read as an escape
				out.append(c).append(text.charAt(i + 1));
				i += 2;
			}
			else {
				out.append(c);
				i++;
			}
		}
		return out.toString();
	}

	private static boolean hex(String text, int from) {
		if (from + 4 > text.length()) {
			return false;
		}
		for (int k = from; k < from + 4; k++) {
			if (Character.digit(text.charAt(k), 16) < 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A {@code senderIdNumber} key, in any case (a misspelt {@code senderIDNumber} holds the clear number too), and its
	 * string value, closed or cut off by the line's end.
	 */
	private static final Pattern ID_NUMBER_VALUE = Pattern
		.compile("(\"" + ParcelField.SENDER_ID_NUMBER.json() + "\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"?",
				Pattern.CASE_INSENSITIVE);

	/** The text with control characters (but tab) and undecodable bytes (U+FFFD) replaced by '?'. */
	static String printable(String text) {
		StringBuilder out = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean bad = c < 0x20 && c != '\t' || c == 0x7f || c == '\uFFFD';
			if (bad && out == null) {
				out = new StringBuilder(text.length()).append(text, 0, i);
			}
			if (out != null) {
				out.append(bad ? '?' : c);
			}
		}
		return out == null ? text : out.toString();
	}
}
