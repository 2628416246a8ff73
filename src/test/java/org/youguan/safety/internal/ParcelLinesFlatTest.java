package org.youguan.safety.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flat-line reader of NDJSON ({@link ParcelLines#flat}) takes only lines Jackson takes, with the same fields: every
 * body is read both ways (flat reader first, Jackson for the rest; Jackson alone) and the records, rejections, line
 * numbers and kept contents compared — over crafted lines (escapes, control characters, BOM, CRLF, broken UTF-8,
 * numbers Jackson refuses, duplicates, nesting, several objects on a line, huge lines, gzip) and over 20,000 randomly
 * damaged copies of an export's line.
 */
class ParcelLinesFlatTest {

	static final String LINE = "{\"waybillNumber\":\"SF10000000001\",\"acceptedAt\":\"2026-11-30T08:00:00Z\","
			+ "\"senderIdType\":\"居民身份证\",\"senderIdPseudonym\":\"p-abc\",\"senderRegion\":\"320505\","
			+ "\"recipientRegion\":\"110105\",\"itemCategory\":\"日用品\",\"weightGrams\":1200,"
			+ "\"realNameMethod\":\"现场查验\",\"inspected\":true,\"screened\":false,\"screeningMachineSerial\":null,"
			+ "\"courierId\":\"C-123\",\"extra\":\"x\"}";

	/** What a reader gave for a body, one entry per record or rejection. */
	static List<String> read(byte[] body, boolean flat) throws IOException {
		List<String> out = new ArrayList<>();
		ParcelLines.ndjson(new ByteArrayInputStream(body), new ParcelLines.Sink() {

			@Override
			public void record(long line, String[] fields) {
				out.add(line + ":" + Arrays.toString(fields));
			}

			@Override
			public void broken(long line, ParcelRejection why, String content) {
				out.add(line + ":broken:" + why.field() + ":" + why.code() + ":" + content);
			}
		}, flat);
		return out;
	}

	static void assertSameBothWays(byte[] body) throws IOException {
		assertThat(read(body, true)).as(new String(body, StandardCharsets.UTF_8)).isEqualTo(read(body, false));
	}

	static byte[] utf8(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

	static boolean flat(String line) {
		byte[] b = utf8(line);
		return ParcelLines.flat(b, 0, b.length, new String[ParcelField.COUNT]);
	}

	@Test
	void anExportLineIsReadFlatWithTheFieldsJacksonGives() throws IOException {
		String[] fields = new String[ParcelField.COUNT];
		byte[] b = utf8(LINE);
		assertThat(ParcelLines.flat(b, 0, b.length, fields)).isTrue();
		assertThat(fields[ParcelField.SENDER_ID_TYPE.ordinal()]).isEqualTo("居民身份证");
		assertThat(fields[ParcelField.WEIGHT_GRAMS.ordinal()]).isEqualTo("1200");
		assertThat(fields[ParcelField.INSPECTED.ordinal()]).isEqualTo("true");
		assertThat(fields[ParcelField.SCREENING_MACHINE_SERIAL.ordinal()]).isNull();
		assertThat(fields[ParcelField.OUTLET_FILING_NUMBER.ordinal()]).isNull();
		assertSameBothWays(utf8(LINE + "\n" + LINE + "\r\n\n  " + LINE + " \t\r\n" + LINE));
	}

	@Test
	void linesOutsideThePlainFormAreLeftToJackson() throws IOException {
		String[] others = {
				"{\"waybillNumber\":\"A\\u0031\"}", // an escape
				"{\"waybillNumber\":\"A\u0001B\"}", // a control character in a value
				"{\"waybillNumber\":\"A\u0000\"}", // NUL
				"\uFEFF{\"waybillNumber\":\"A\"}", // a byte order mark
				"{\"weightGrams\":012}", "{\"weightGrams\":-}", "{\"weightGrams\":1.5}", "{\"weightGrams\":1e3}",
				"{\"weightGrams\":12a}", "{\"weightGrams\":1234567890123456789012}", // numbers Jackson decides
				"{\"inspected\":truex}", "{\"inspected\":True}", "{\"inspected\":nul}",
				"{\"waybillNumber\":\"A\",\"waybillNumber\":\"B\"}", // a property twice
				"{\"waybillNumber\":{\"a\":1}}", "{\"extra\":[1,2],\"waybillNumber\":\"A\"}", // nesting
				"{\"waybillNumber\":\"A\"}{\"waybillNumber\":\"B\"}", "{\"waybillNumber\":\"A\"} x", // after the object
				"{\"waybillNumber\":\"A\",}", "{\"waybillNumber\":\"A\"", "{\"waybillNumber\" \"A\"}", "{'a':1}",
				"{\"名\":\"A\"}", // a name that is not ASCII
		};
		for (String line : others) {
			assertThat(flat(line)).as(line).isFalse();
			assertSameBothWays(utf8(line + "\n" + LINE + "\r\n" + line));
		}
		// bytes that are not UTF-8, or not the shortest form, or a surrogate: Jackson's to refuse or read
		byte[][] values = { { (byte) 0xC3 }, { (byte) 0xC0, (byte) 0xAF }, { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
				{ (byte) 0xE0, (byte) 0x80, (byte) 0xAF }, { (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 },
				{ (byte) 0xFF }, { (byte) 0xE4, (byte) 0xB8 } };
		for (byte[] value : values) {
			ByteArrayOutputStream line = new ByteArrayOutputStream();
			line.writeBytes(utf8("{\"itemCategory\":\"a"));
			line.writeBytes(value);
			line.writeBytes(utf8("b\"}"));
			byte[] b = line.toByteArray();
			assertThat(ParcelLines.flat(b, 0, b.length, new String[ParcelField.COUNT])).isFalse();
			assertThat(ParcelLines.utf8(value, 0, value.length)).isFalse();
			assertSameBothWays(b);
		}
		assertThat(ParcelLines.utf8(utf8("日用品 😀 é"), 0, utf8("日用品 😀 é").length)).isTrue();
	}

	@Test
	void hugeLinesAndGzipReadTheSameBothWays() throws IOException {
		String big = "{\"waybillNumber\":\"A\",\"extra\":\"" + "日".repeat(15_000) + "\"}"; // 45 KB: read
		String tooBig = "{\"waybillNumber\":\"B\",\"extra\":\"" + "x".repeat(ParcelLines.MAX_LINE) + "\"}"; // refused
		byte[] body = utf8(big + "\n" + tooBig + "\n" + LINE + "\n");
		assertThat(read(body, true)).hasSize(3).element(1).asString().startsWith("2:broken:line:too-long");
		assertSameBothWays(body);
		ByteArrayOutputStream zipped = new ByteArrayOutputStream();
		try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
			gz.write(body);
		}
		byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(zipped.toByteArray())).readAllBytes();
		assertSameBothWays(unzipped);
	}

	@Test
	void randomlyDamagedLinesReadTheSameBothWays() throws IOException {
		Random random = new Random(17);
		byte[] base = utf8(LINE);
		byte[][] pieces = { utf8("\\"), utf8("\""), utf8("{"), utf8("}"), utf8("["), utf8(","), utf8(":"), utf8(" "),
				utf8("\t"), utf8("\r"), utf8("\n"), { 0 }, { 1 }, { 0x1f }, { 0x7f }, utf8("\uFEFF"), { (byte) 0xC3 },
				{ (byte) 0xA9 }, { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, utf8("0"), utf8("7"), utf8("-"), utf8("."),
				utf8("e"), utf8("true"), utf8("null"), utf8("\"waybillNumber\":"), utf8("\\u0031"), utf8("日") };
		int flatTaken = 0;
		for (int n = 0; n < 20_000; n++) {
			byte[] line = base.clone();
			int damages = 1 + random.nextInt(3);
			for (int d = 0; d < damages; d++) {
				int at = random.nextInt(line.length + 1);
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				out.write(line, 0, at);
				switch (random.nextInt(3)) {
					case 0 -> out.writeBytes(pieces[random.nextInt(pieces.length)]); // insert
					case 1 -> at = Math.min(line.length, at + 1 + random.nextInt(4)); // delete
					default -> {
						int from = random.nextInt(line.length);
						out.write(line, from, Math.min(1 + random.nextInt(3), line.length - from)); // copy
					}
				}
				out.write(line, at, line.length - at);
				line = out.toByteArray();
			}
			if (ParcelLines.flat(line, 0, line.length, new String[ParcelField.COUNT])) {
				flatTaken++;
			}
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			body.writeBytes(line);
			body.writeBytes(utf8("\n"));
			body.writeBytes(base);
			assertSameBothWays(body.toByteArray());
		}
		// the damage leaves many lines in the plain form (a digit or letter changed): both kinds were compared
		assertThat(flatTaken).isBetween(1_000, 19_000);
	}
}
