package org.youguan.safety.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.youguan.kernel.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** NDJSON and CSV bodies are read line by line with their line numbers; a broken line does not stop the rest. */
class ParcelLinesTest {

	final List<String> seen = new ArrayList<>();

	final ParcelLines.Sink sink = new ParcelLines.Sink() {

		@Override
		public void record(long line, String[] fields) {
			seen.add(line + ":" + fields[ParcelField.WAYBILL_NUMBER.ordinal()] + ":"
					+ fields[ParcelField.WEIGHT_GRAMS.ordinal()] + ":" + fields[ParcelField.INSPECTED.ordinal()]);
		}

		@Override
		public void broken(long line, ParcelRejection why, String content) {
			seen.add(line + ":broken:" + why.code() + ":" + content);
		}

		@Override
		public void faulty(long line, String[] fields, List<ParcelRejection> faults, String content) {
			faulty.add(line + ":" + fields[ParcelField.WAYBILL_NUMBER.ordinal()] + ":" + fields[ParcelField.INSPECTED.ordinal()]
					+ ":" + faults.stream().map(f -> f.field() + "/" + f.code()).toList());
			faultMessages.add(faults.get(0).message());
			broken(line, faults.get(0), content);
		}
	};

	/** The faulty records seen: line, waybill, inspected and each fault's field/rule. */
	final List<String> faulty = new ArrayList<>();

	final List<String> faultMessages = new ArrayList<>();

	static InputStream text(String s) {
		return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void ndjsonLinesAreNumberedFromOneAndABrokenLineIsRejectedAlone() throws IOException {
		ParcelLines.ndjson(text("""
				{"waybillNumber":"A1","weightGrams":12,"inspected":true}

				{"waybillNumber":"A2", "senderIdNumber":"11010519491231002X"
				[1,2]\r
				{"waybillNumber":"A3","weightGrams":"7","inspected":false}"""), sink);
		assertThat(seen).containsExactly("1:A1:12:true", "3:broken:json:{\"waybillNumber\":\"A2\", \"senderIdNumber\":\"（已删除）\"",
				"4:broken:json:[1,2]", "5:A3:7:false");
	}

	/**
	 * Records sent one after another without the newline ({...}{...}, as a shell's {@code $(…)} leaves them) count as
	 * consecutive lines, as if it were there — what the ingestion contract's own check sends and expects.
	 */
	@Test
	void recordsWrittenWithoutANewlineBetweenThemAreTakenAsConsecutiveLines() throws IOException {
		ParcelLines.ndjson(text("{\"waybillNumber\":\"A1\"}{\"waybillNumber\":\"A2\"} {\"waybillNumber\":\"A3\"}\n"
				+ "{\"waybillNumber\":\"B1\"}{broken\n{\"waybillNumber\":\"C1\"}\n"), sink);
		assertThat(seen).containsExactly("1:A1:null:null", "2:A2:null:null", "3:A3:null:null", "4:B1:null:null",
				"5:broken:json:{\"waybillNumber\":\"B1\"}{broken", "6:C1:null:null");
	}

	/** Digits written as JSON escapes are masked like plain ones in a kept broken line. */
	/**
	 * A broken line keeps no ID or mobile number whichever joiner or escape writes it: points (the birth date was
	 * shown), an escaped tab, a bar, an invisible character.
	 */
	@Test
	void aBrokenLineKeepsNoNumberJoinedByPointsEscapesOrBars() {
		String line = "{\"waybillNumber\":\"S2\",\"senderidnumber\":\"110105.1993.0715.8878\",\"note\":\"139\\t8765\\t4321\","
				+ "\"a\":\"139|8765|4321\",\"b\":\"139\u200C8765\u200C4321\",\"c\":\"a\\\\t139\"";
		byte[] bytes = line.getBytes(StandardCharsets.UTF_8);

		String kept = ParcelLines.masked(bytes, 0, bytes.length);

		assertThat(kept).doesNotContain("1993").doesNotContain("0715").doesNotContain("8765").contains("S2")
			.contains("\"c\":\"a\\\\t139\"");
	}

	@Test
	void aBrokenLineWithItsIdNumberEscapedKeepsItMasked() {
		StringBuilder escaped = new StringBuilder();
		for (char c : "11010519491231002X".toCharArray()) {
			escaped.append("\\u%04x".formatted((int) c));
		}
		String line = "{\"waybillNumber\":\"BR2\",\"courierId\":\"" + escaped + "\",\"itemCategory\":\"\\u0031\\u0031" + "\"";
		byte[] bytes = line.getBytes(StandardCharsets.UTF_8);

		String kept = ParcelLines.masked(bytes, 0, bytes.length);

		assertThat(kept).contains("\"courierId\":\"110105********002X\"").doesNotContain("19491231")
			.doesNotContain("\\u0031").contains("BR2");
		assertThat(ParcelLines.unescaped("a\\u00zz\\u0041")).isEqualTo("a\\u00zzA");
	}

	@Test
	void aFieldThatIsAnObjectIsRejected() throws IOException {
		ParcelLines.ndjson(text("{\"waybillNumber\":{\"a\":1}}\n"), sink);
		assertThat(seen).singleElement().asString().startsWith("1:broken:scalar");
	}

	@Test
	void aLineLongerThanTheLimitIsRejectedAndTheNextOneRead() throws IOException {
		String longLine = "{\"waybillNumber\":\"" + "x".repeat(ParcelLines.MAX_LINE + 10) + "\"}";
		ParcelLines.ndjson(text(longLine + "\n{\"waybillNumber\":\"B\"}\n"), sink);
		assertThat(seen).containsExactly("1:broken:too-long:null", "2:B:null:null");
	}

	@Test
	void csvDataRowsAreNumberedFromOneAfterTheHeader() throws IOException {
		ParcelLines.csv(text("\uFEFFwaybillNumber,inspected,weightGrams\nC1,true,100\n\"C,2\",false,\n"), sink);
		assertThat(seen).containsExactly("1:C1:100:true", "2:C,2:null:false");
	}

	/**
	 * A CSV row with a cell past the header's columns (an unquoted comma shifted it) is rejected whole with its line
	 * number (rule {@code columns}), its sender ID number left out of the text kept, never taken in with the extras
	 * dropped; an empty cell past them loses nothing and is no error.
	 */
	@Test
	void aCsvRowWithMoreColumnsThanTheHeaderIsRejectedWhole() throws IOException {
		List<ParcelRejection> why = new ArrayList<>();
		ParcelLines.csv(text("waybillNumber,weightGrams,senderIdNumber\nC1,100,\nC2,苏州市,吴中区,11010519491231002X,extra\nC3,7,,\n"),
				new ParcelLines.Sink() {

					@Override
					public void record(long line, String[] fields) {
						sink.record(line, fields);
					}

					@Override
					public void broken(long line, ParcelRejection rejection, String content) {
						why.add(rejection);
						sink.broken(line, rejection, content);
					}
				});
		assertThat(seen).hasSize(3);
		assertThat(seen.get(0)).isEqualTo("1:C1:100:null");
		assertThat(seen.get(1)).startsWith("2:broken:columns:C2,苏州市,（已删除）,").endsWith(",extra")
			.doesNotContain("11010519491231002X");
		assertThat(seen.get(2)).isEqualTo("3:C3:7:null");
		assertThat(why).singleElement().satisfies(r -> {
			assertThat(r.field()).isEqualTo("line");
			assertThat(r.message()).contains("该行有5列，多于表头的3列");
		});
	}

	/** A key sent twice in one record is refused, never "the last wins"; an unknown key twice is named once. */
	@Test
	void aPropertySentTwiceInOneRecordRejectsTheLine() throws IOException {
		ParcelLines.ndjson(text("""
				{"waybillNumber":"A1","weightGrams":1,"x":1,"x":2}
				{"waybillNumber":"A2","weightGrams":1,"waybillNumber":"A3"}
				{"waybillNumber":"A4","inspected":null,"inspected":true}"""), sink);
		assertThat(seen).hasSize(3);
		assertThat(seen.get(0)).startsWith("1:broken:unknown-field:");
		assertThat(seen.get(1)).startsWith("2:broken:duplicate-key:");
		assertThat(seen.get(2)).startsWith("3:broken:duplicate-key:");
	}

	/** Bytes that are not UTF-8 land in their own row's cell (as U+FFFD: the validator rejects that row), not earlier. */
	@Test
	void csvBytesThatAreNotUtf8StayInTheirOwnRow() throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes("waybillNumber,weightGrams,inspected\n".getBytes(StandardCharsets.UTF_8));
		for (int i = 1; i <= 300; i++) {
			body.writeBytes(("C" + i + ",1,true\n").getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(new byte[] { 'C', (byte) 0xC3, (byte) 0x28, ',', '2', ',', 'x', '\n' });
		body.writeBytes("C302,3,false\n".getBytes(StandardCharsets.UTF_8));
		ParcelLines.csv(new ByteArrayInputStream(body.toByteArray()), sink);
		assertThat(seen).hasSize(302);
		assertThat(seen.get(299)).isEqualTo("300:C300:1:true");
		assertThat(seen.get(300)).isEqualTo("301:C\uFFFD(:2:x");
		assertThat(seen.get(301)).isEqualTo("302:C302:3:false");
	}

	/** The parsers get at most the cap's bytes (once gzip is undone): one more is a 413 naming the rule. */
	@Test
	void aBodyBeyondTheByteCapIsRefusedAsItIsRead() throws IOException {
		byte[] body = "{}\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream zipped = new ByteArrayOutputStream();
		try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
			gz.write(body);
		}
		InputStream exact = ParcelIngest.capped(ParcelIngest.decoded(new ByteArrayInputStream(zipped.toByteArray())), 3000);
		ParcelLines.ndjson(exact, sink);
		assertThat(seen).hasSize(1000);
		InputStream over = ParcelIngest.capped(ParcelIngest.decoded(new ByteArrayInputStream(zipped.toByteArray())), 2999);
		assertThatThrownBy(() -> ParcelLines.ndjson(over, sink)).isInstanceOfSatisfying(InvalidValueException.class,
				ex -> {
					assertThat(ex.code().status()).isEqualTo(413);
					assertThat(ex.fieldErrors()).singleElement().satisfies(e -> {
						assertThat(e.field()).isEqualTo("body");
						assertThat(e.rule()).isEqualTo("batch-bytes");
					});
				});
		InputStream csv = ParcelIngest.capped(text("waybillNumber\n" + "A\n".repeat(100)), 50);
		assertThatThrownBy(() -> ParcelLines.csv(csv, sink)).isInstanceOf(InvalidValueException.class)
			.hasMessageContaining("max-batch-bytes");
	}

	/**
	 * Finding (unknown fields silently ignored): a misspelt NDJSON key rejects its line, field the key as sent and rule
	 * {@code unknown-field}, with the line's other faults of shape beside it — a key sent twice, a value that is an
	 * object — each named once; the fields read are handed on (a repeated key's first value) so their own faults are
	 * checked too, and the clear ID number under a misspelt key is not kept. A line of the contract's keys alone is a
	 * record.
	 */
	@Test
	void anUnknownNdjsonKeyRejectsItsLineNamingTheKeyBesideItsOtherFaults() throws IOException {
		ParcelLines.ndjson(text("{\"waybillNumber\":\"A1\",\"senderIDNumber\":\"11010519491231002X\",\"waybillNo\":\"X\","
				+ "\"waybillNo\":\"Y\",\"inspected\":{\"a\":1},\"waybillNumber\":\"A9\"}\n{\"waybillNumber\":\"A2\"}\n"), sink);
		assertThat(faulty).containsExactly("1:A1:null:[senderIDNumber/unknown-field, waybillNo/unknown-field, inspected/scalar, "
				+ "waybillNumber/duplicate-key]");
		assertThat(faultMessages).singleElement().asString().contains("senderIDNumber", "senderIdNumber", "区分大小写");
		assertThat(seen).hasSize(2);
		assertThat(seen.get(0)).startsWith("1:broken:unknown-field:").doesNotContain("19491231");
		assertThat(seen.get(1)).isEqualTo("2:A2:null:null");
	}

	/**
	 * Finding C1: a UTF-8 byte order mark before a quoted header (python csv.QUOTE_ALL, ERP exports) is dropped before the
	 * parser reads it, so {@code "waybillNumber"} is its name, not an unknown column holding the mark and the quotes.
	 */
	@Test
	void aByteOrderMarkBeforeAQuotedHeaderIsDropped() throws IOException {
		ParcelLines.csv(text("\uFEFF\"waybillNumber\",\"inspected\",\"weightGrams\"\n\"Q1\",\"true\",\"100\"\n"), sink);
		assertThat(seen).containsExactly("1:Q1:100:true");
	}

	/** Finding C2: an unknown column named twice is listed and counted once. */
	@Test
	void anUnknownColumnNamedTwiceIsListedOnce() {
		assertThatThrownBy(() -> ParcelLines.csv(text("waybillNumber,foo,foo,bar\nC1,1,2,3\n"), sink))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors()).singleElement()
				.satisfies(e -> assertThat(e.message()).contains("foo、bar（共2列）").doesNotContain("foo、foo")));
	}

	/**
	 * Finding (unknown columns silently ignored): a CSV header naming a column the contract does not (misspelt
	 * {@code senderIDNumber}, {@code waybillNo}) refuses the whole file, 400 {@code body}/{@code csv-unknown-column},
	 * naming each unknown column and the contract's names; no row is read.
	 */
	@Test
	void aCsvHeaderWithAnUnknownColumnRefusesTheFileNamingIt() {
		assertThatThrownBy(() -> ParcelLines.csv(text("waybillNumber,senderIDNumber,weightGrams,waybillNo\n"
				+ "C1,11010519491231002X,100,X\n"), sink)).isInstanceOfSatisfying(InvalidValueException.class, ex -> {
					assertThat(ex.code().status()).isEqualTo(400);
					assertThat(ex.fieldErrors()).singleElement().satisfies(e -> {
						assertThat(e.field()).isEqualTo("body");
						assertThat(e.rule()).isEqualTo("csv-unknown-column");
						assertThat(e.message()).contains("senderIDNumber、waybillNo（共2列）", "senderIdNumber", "waybillNumber")
							.doesNotContain("19491231");
					});
				});
		assertThat(seen).isEmpty();
	}

	/**
	 * A header cell left blank names no column (Excel leaves them): an empty cell under it is no error, a value under it
	 * rejects its row whole (rule {@code columns}), never dropped.
	 */
	@Test
	void aValueUnderABlankHeaderCellRejectsItsRow() throws IOException {
		ParcelLines.csv(text("waybillNumber,,weightGrams,\nC1,,100,\nC2,oops,7,\n"), sink);
		assertThat(seen).hasSize(2);
		assertThat(seen.get(0)).isEqualTo("1:C1:100:null");
		assertThat(seen.get(1)).startsWith("2:broken:columns:C2,oops,7");
	}

	@Test
	void csvWithoutAKnownColumnIsRefused() {
		assertThatThrownBy(() -> ParcelLines.csv(text("a,b\n1,2\n"), sink)).isInstanceOf(InvalidValueException.class)
			.hasMessageContaining("表头");
	}

	@Test
	void aGzipBodyIsRecognisedByItsMagicBytes() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
			gz.write("{\"waybillNumber\":\"G1\"}\n".getBytes(StandardCharsets.UTF_8));
		}
		ParcelLines.ndjson(ParcelIngest.decoded(new ByteArrayInputStream(bytes.toByteArray())), sink);
		ParcelLines.ndjson(ParcelIngest.decoded(text("{\"waybillNumber\":\"P1\"}")), sink);
		assertThat(seen).containsExactly("1:G1:null:null", "1:P1:null:null");
	}

	@Test
	void aBrokenLineKeepsNoClearIdNumberHoweverItIsWritten() {
		String line = "{\"waybillNumber\":\"BR1\",\"acceptedAt\":\"2026-11-30T08:00:00Z\",\"senderIdType\":\"居民身份证\","
				+ "\"senderIdNumber\":\"3205 0619 9001 0100 13\",\"courierId\":\"3205-0619-9001-0100-1X\",\"itemCategory\":\"320506 199001 010013\"";
		byte[] bytes = line.getBytes(StandardCharsets.UTF_8);

		String kept = ParcelLines.masked(bytes, 0, bytes.length);

		assertThat(kept).contains("\"senderIdNumber\":\"（已删除）\"")
			.doesNotContain("0619")
			.doesNotContain("9001")
			.doesNotContain("199001")
			.contains("\"courierId\":\"3205-06**-****-**00-1X\"")
			.contains("2026-11-30T08:00:00Z")
			.contains("BR1");
		byte[] cut = "{\"senderIdNumber\":\"320506199001".getBytes(StandardCharsets.UTF_8);
		assertThat(ParcelLines.masked(cut, 0, cut.length)).isEqualTo("{\"senderIdNumber\":\"（已删除）\"");
	}

	/** A record followed on its line by text that is not another record is one rejection, not a record and a rejection. */
	@Test
	void textAfterARecordOnItsLineRejectsTheLineOnce() throws IOException {
		ParcelLines.ndjson(text("{\"waybillNumber\":\"A1\"}garbage\n{\"waybillNumber\":\"\"} x\n{\"waybillNumber\":\"A3\"} 5\n"
				+ "{\"waybillNumber\":\"A4\"}\n"), sink);

		assertThat(seen).containsExactly("1:broken:json:{\"waybillNumber\":\"A1\"}garbage",
				"2:broken:json:{\"waybillNumber\":\"\"} x", "3:broken:json:{\"waybillNumber\":\"A3\"} 5", "4:A4:null:null");
	}

	/**
	 * A broken line's ID number joined by any punctuation is masked as the one rule of every list masks it (first 6 and
	 * last 4 characters kept): an ID number split into blocks shorter than 6 digits by commas, points or slashes kept
	 * every block readable.
	 */
	@Test
	void anIdNumberJoinedByAnyPunctuationIsMaskedAsOneNumber() {
		for (String joined : new String[] { "1101,0519,8503,1577,8X", "1101，0519，8503，1577，8X", "1101/0519/8503/1577/8X",
				"1101.0519.8503.1577.8X", "1101、0519、8503、1577、8X", "1101_0519_8503_1577_8X" }) {
			byte[] bytes = ("{\"x\":\"" + joined + "\"").getBytes(StandardCharsets.UTF_8);
			String masked = ParcelLines.masked(bytes, 0, bytes.length);
			assertThat(masked).as(joined).doesNotContain("8503").doesNotContain("1577").contains("1101");
		}
		byte[] time = "{\"acceptedAt\":\"2026-11-30T08:00:00Z\"".getBytes(StandardCharsets.UTF_8);
		assertThat(ParcelLines.masked(time, 0, time.length)).contains("2026-11-30T08:00:00Z");
	}

	/**
	 * Digits beyond the BMP (mathematical 𝟑𝟐𝟎…, two UTF-16 units each) are digits in a kept broken line too (note 37):
	 * an ID number written in them is masked; a run that is no personal number (a region code) stays readable.
	 */
	@Test
	void digitsBeyondTheBmpOfABrokenLineAreMasked() {
		byte[] id = "{\"x\":\"𝟏𝟏𝟎𝟏𝟎𝟓𝟏𝟗𝟒𝟗𝟏𝟐𝟑𝟏𝟎𝟎𝟐𝟏\"".getBytes(StandardCharsets.UTF_8);
		assertThat(ParcelLines.masked(id, 0, id.length)).isEqualTo("{\"x\":\"110105********0021\"");
		byte[] region = "{\"x\":\"第𝟗𝟗号\"".getBytes(StandardCharsets.UTF_8);
		assertThat(ParcelLines.masked(region, 0, region.length)).isEqualTo("{\"x\":\"第𝟗𝟗号\"");
	}

	/**
	 * A broken line keeps its waybill numbers, region codes and other numbers that are no ID or mobile number readable
	 * — letters and digits (SF42M…) or digits only (中通's 15), in the waybill or any other field (attack 71 A3: a line
	 * rejected for a duplicate key showed "senderRegion":"******" and SF********) — while an ID number, also one inside a
	 * waybill, is masked keeping its first 6 and last 4 characters, as the page says.
	 */
	@Test
	void aBrokenLineKeepsItsWaybillAndRegionNumbersReadable() {
		byte[] bytes = ("{\"WaybillNumber\" : \"773012345678901\",\"itemCategory\":\"773012345678901\",\"x\":\"SF42M20261205001\","
				+ "\"senderRegion\":\"320506\",\"waybillNumber\":\"SF1234567890\"").getBytes(StandardCharsets.UTF_8);
		assertThat(ParcelLines.masked(bytes, 0, bytes.length)).isEqualTo(
				"{\"WaybillNumber\" : \"773012345678901\",\"itemCategory\":\"773012345678901\",\"x\":\"SF42M20261205001\","
						+ "\"senderRegion\":\"320506\",\"waybillNumber\":\"SF1234567890\"");
		byte[] held = "{\"waybillNumber\":\"SF11010519491231002X\",broken".getBytes(StandardCharsets.UTF_8);
		assertThat(ParcelLines.masked(held, 0, held.length)).doesNotContain("19491231").contains("SF110105********002X");
	}

	/** A body in UTF-16 or UTF-32, with or without a byte order mark, is told at its head; UTF-8 (with a BOM too) is not. */
	@Test
	void aBodyInUtf16OrUtf32IsToldAtItsHead() {
		String body = "{\"waybillNumber\":\"SF1\",\"itemCategory\":\"服装\"}\n".repeat(3);
		for (String encoding : new String[] { "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE" }) {
			for (String bom : new String[] { "", "\uFEFF" }) {
				byte[] bytes = (bom + body).getBytes(java.nio.charset.Charset.forName(encoding));
				assertThat(org.youguan.kernel.FileKind.wideEncoding(bytes)).as(encoding + bom.length()).isEqualTo(encoding);
				InvalidValueException ex = org.junit.jupiter.api.Assertions.assertThrows(InvalidValueException.class,
						() -> ParcelIngest.decoded(new ByteArrayInputStream(bytes)));
				assertThat(ex.fieldErrors().get(0).rule()).isEqualTo("encoding");
			}
		}
		assertThat(org.youguan.kernel.FileKind.wideEncoding(("\uFEFF" + body).getBytes(StandardCharsets.UTF_8))).isNull();
		assertThat(org.youguan.kernel.FileKind.wideEncoding("服装服装服装服装".getBytes(StandardCharsets.UTF_8))).isNull();
	}

	/** A body compressed otherwise than by gzip — zlib, raw deflate, bzip2 — is refused as wrong-kind, never read as lines. */
	@Test
	void aBodyCompressedOtherThanByGzipIsWrongKind() throws IOException {
		StringBuilder text = new StringBuilder();
		for (int i = 1; i <= 40; i++) {
			text.append("{\"waybillNumber\":\"SFZ1234567890").append(i).append("\",\"acceptedAt\":\"2026-12-05T10:00:00Z\",")
				.append("\"senderIdType\":\"居民身份证\",\"senderRegion\":\"320506\",\"itemCategory\":\"服装\"}\n");
		}
		byte[] plain = text.toString().getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream zlib = new ByteArrayOutputStream();
		try (java.util.zip.DeflaterOutputStream out = new java.util.zip.DeflaterOutputStream(zlib)) {
			out.write(plain);
		}
		ByteArrayOutputStream raw = new ByteArrayOutputStream();
		try (java.util.zip.DeflaterOutputStream out = new java.util.zip.DeflaterOutputStream(raw,
				new java.util.zip.Deflater(java.util.zip.Deflater.DEFAULT_COMPRESSION, true))) {
			out.write(plain);
		}
		ByteArrayOutputStream bzip2 = new ByteArrayOutputStream();
		try (var out = new org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream(bzip2)) {
			out.write(plain);
		}
		for (byte[] body : new byte[][] { zlib.toByteArray(), raw.toByteArray(), bzip2.toByteArray() }) {
			InvalidValueException ex = org.junit.jupiter.api.Assertions.assertThrows(InvalidValueException.class,
					() -> ParcelIngest.decoded(new ByteArrayInputStream(body)));
			assertThat(ex.fieldErrors().get(0).rule()).isEqualTo("wrong-kind");
		}
		ParcelLines.ndjson(ParcelIngest.decoded(new ByteArrayInputStream(plain)), sink);
		assertThat(seen).hasSize(40);
	}
}
