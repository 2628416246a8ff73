package org.youguan.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Masking#personalNumbersIn}: the ways people write a mobile or ID number are masked, the numbers that only look
 * like one are not, and a text cut for a message never shows more of a number than its mask.
 */
class MaskingTest {

	@ParameterizedTest
	@ValueSource(strings = { "139 - 1234 - 5678", "139．1234．5678", "139·1234·5678", "139--1234--5678", "139／1234／5678",
			"139、1234、5678", "139，1234，5678", "139,1234,5678", "139\u20091234\u20095678", "139\u202F1234\u202F5678",
			"139\uFE631234\uFE635678", "139～1234～5678", "139~1234~5678", "(139)1234-5678", "（139）1234－5678",
			"139 12345678", "1391234 5678", "139。1234。5678", "139\t1234\t5678", "+86 139 1234 5678", "0086-139-1234-5678",
			"139\u200C1234\u200C5678", "139\uFEFF1234\u00AD5678", "139\n1234\n5678", "139|1234|5678", "139：1234：5678",
			"139*1234*5678", "139+1234+5678", "139一1234一5678", "【139】1234 5678", "139     1234     5678",
			"0139-1234-5678", "139 1234 5678 12月3日来电", "2026 12 03 139 1234 5678", "139-1234-5678-1", "1-139-1234-5678",
			"1391234 5678 9", "WZ-139-1234-5678", "/api/v1/nope/139-1234-5678", "139\t1234\t5678\t2", "2025-139-1234-5678",
			"139-1234-5678-001", "0571-139-1234-5678", "WZ001-139-1234-5678", "139.1234.5678.001", "/a/139/1234/5678/x" })
	void masksAMobileNumberWrittenInBlocks(String written) {
		String masked = Masking.personalNumbersIn("电话" + written + "。");
		assertThat(masked).as(written).doesNotContain("1234").contains("139").contains("5678");
		assertThat(Masking.holdsPersonalNumber(written)).as(written).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "1 3 9 1 2 3 4 5 6 7 8", "1-3-9-1-2-3-4-5-6-7-8", "１ ３ ９ １ ２ ３ ４ ５ ６ ７ ８", "1　3　9　1　2　3　4　5　6　7　8",
			"1 3 9 - 1 2 3 4 - 5 6 7 8", "１３９－１２３４－５６７８", "139-1234-5678", "2026 1 3 9 1 2 3 4 5 6 7 8" })
	void masksAMobileNumberTypedOneDigitAtATimeOrInFullWidthDigits(String written) {
		String masked = Masking.personalNumbersIn("电话" + written + "。");
		assertThat(masked.replaceAll("[^0-9*]", "")).as(written).endsWith("139****5678");
		assertThat(Masking.holdsPersonalNumber(written)).as(written).isTrue();
	}

	/**
	 * An ID number split by a comma or any other punctuation is one ID number: its second block holds a mobile number's
	 * shape (19850315778), which masked alone left 110105,198****5778X — the region, birth year and check digits.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "110105,19850315778X", "110105，19850315778X", "110105、19850315778X", "110105/19850315778X",
			"110105／19850315778X", "110105．19850315778X" })
	void masksAnIdNumberSplitByPunctuationAsAnIdNumber(String written) {
		String masked = Masking.personalNumbersIn("证件" + written + "。");
		assertThat(masked.replaceAll("[^0-9X*]", "")).as(written).isEqualTo("110105********778X");
		assertThat(Masking.holdsPersonalNumber(written)).isTrue();
	}

	/** Decimal digits of other scripts are digits: an ID or mobile number written in them is found and masked. */
	@ParameterizedTest
	@ValueSource(strings = { "١١٠١٠٥١٩٤٩١٢٣١٠٠٢X", "११०१०५१९४९१२३१००२X", "۱۱۰۱۰۵۱۹۴۹۱۲۳۱۰۰۲X" })
	void masksAnIdNumberWrittenInTheDigitsOfAnotherScript(String written) {
		assertThat(Masking.holdsPersonalNumber(written)).as(written).isTrue();
		assertThat(Masking.mayHoldPersonalNumber(written)).as(written).isTrue();
		assertThat(Masking.personalNumbersIn("证件" + written)).isEqualTo("证件110105********002X");
		assertThat(Masking.personalNumbersIn("电话١٣٩١٢٣٤٥٦٧٨")).isEqualTo("电话139****5678");
	}

	@Test
	void masksAMobileNumberAfterItsPrefixOrAnIdNumberTypedOneDigitAtATime() {
		assertThat(Masking.personalNumbersIn("电话8 6 1 3 9 1 2 3 4 5 6 7 8")).isEqualTo("电话8 6 1 3 9 * * * * 5 6 7 8");
		assertThat(Masking.personalNumbersIn("电话0 1 3 9 1 2 3 4 5 6 7 8")).isEqualTo("电话0 1 3 9 * * * * 5 6 7 8");
		assertThat(Masking.personalNumbersIn("证号3 2 0 5 0 6 1 9 9 0 0 1 0 1 1 2 3 4"))
			.isEqualTo("证号3 2 0 5 0 6 * * * * * * * * 1 2 3 4");
		// thirteen single digits not after 86, twelve not after a trunk 0: no number people type so
		assertThat(Masking.personalNumbersIn("7 7 1 3 9 1 2 3 4 5 6 7 8")).isEqualTo("7 7 1 3 9 1 2 3 4 5 6 7 8");
	}

	@ParameterizedTest
	@ValueSource(strings = { "1 2 3 4 5 6 7 8 9 1 0", "1 3 9 1 2 3 4 5 6 7", "1 3 9 1 2 3 4 5 6 7 8 9", "评分 5 4 3 5 4 3 5 4 3 5 4",
			"日期 2026 1 3", "金额 1 3 9 元" })
	void leavesSingleDigitsThatAreNoMobileNumberAlone(String text) {
		assertThat(Masking.personalNumbersIn(text)).isEqualTo(text);
	}

	@Test
	void masksAMobileNumberAfterTheCountryCodeOrBeforeALetter() {
		assertThat(Masking.personalNumbersIn("电话8613912345678")).isEqualTo("电话86139****5678");
		assertThat(Masking.personalNumbersIn("电话008613912345678")).isEqualTo("电话0086139****5678");
		assertThat(Masking.personalNumbersIn("13912345678X")).isEqualTo("139****5678X");
		assertThat(Masking.personalNumbersIn("１３９１２３４５６７８Ｘ")).isEqualTo("139****5678X");
		assertThat(Masking.personalNumbersIn("139 1234 5678X")).isEqualTo("139 **** 5678X");
		assertThat(Masking.personalNumbersIn("电话013912345678")).isEqualTo("电话0139****5678");
		// two numbers in a list: the list's joiner differs from the numbers' own
		assertThat(Masking.personalNumbersIn("139 1234 5678、139 8765 4321")).isEqualTo("139 **** 5678、139 **** 4321");
	}

	@ParameterizedTest
	@ValueSource(strings = { "110105 19491231 002X", "110105-1949-1231-002X", "1101 0519 4912 3100 2X", "110105、19491231、002X",
			"110105 194912310021", "110105．19491231．0021", "110 105 194 912 310 021", "110105 1949 12 31 002X",
			"110105194912310021X", "110105 19491231 002X 2", "2025-110105-19491231-002X", "001-110105-194912310021" })
	void masksAnIdNumberWrittenInBlocks(String written) {
		String masked = Masking.personalNumbersIn("证号" + written);
		assertThat(masked.replaceAll("[^0-9Xx*]", "")).as(written).contains("110105********").doesNotContain("1949");
	}

	@ParameterizedTest
	@ValueSource(strings = { "地址192.168.100.10", "金额13,000,000,000元", "数量1,391,234,567",
			"日期2026-12-02 15:07", "2026.11.30 2026/12/01", "区划320505 320506 320507", "运单SF1234567890123",
			"订单号123456789012345678", "订单号913205001234567890", "FedEx 794612345678901", "C-320506-13",
			"0512-6555 1234", "版本1.3.9_2026", "规格13.9×12.34", "FedEx 6129 1391 2345 678",
			"尺码 110 115 120 125 130", "时间13:05:12", "13:91:23:45:67:8",
			"3205,320506,320506104", "区划320506 320506104" })
	void leavesNumbersThatOnlyLookLikeOneAlone(String text) {
		assertThat(Masking.personalNumbersIn(text)).isEqualTo(text);
		assertThat(Masking.holdsPersonalNumber(text)).as(text).isFalse();
	}

	/** A 15-digit ID number is written 6-6-3 (region, birth date, sequence), never with a longer block after the region. */
	@Test
	void masksA15DigitIdNumberInItsBlocksButNotACountyAndATownship() {
		assertThat(Masking.personalNumbersIn("证号320506 900101 123")).isEqualTo("证号320506 *****1 123");
		assertThat(Masking.personalNumbersIn("3205,320506,320506104")).isEqualTo("3205,320506,320506104");
	}

	@Test
	void masksWholeIdNumbersOnlyWithAProvinceAndABirthDate() {
		assertThat(Masking.personalNumbersIn("证320506199001010018")).isEqualTo("证320506********0018");
		// the foreign permanent resident ID card of 2023 begins with 9
		assertThat(Masking.personalNumbersIn("证931156198501010012")).isEqualTo("证931156********0012");
		assertThat(Masking.personalNumbersIn("ABC320506199001010018")).isEqualTo("ABC320506********0018");
		// no birth date where it would be: an order number
		assertThat(Masking.personalNumbersIn("单号320506999913450018")).isEqualTo("单号320506999913450018");
		// no province: 00 is none
		assertThat(Masking.personalNumbersIn("单号000506199001010018")).isEqualTo("单号000506199001010018");
	}

	@Test
	void aFailureNamesNoPersonalNumberInItsField() {
		FieldError keyed = new FieldError("values.13912345678", "number", "字段“values.13912345678”应为数字");
		assertThat(keyed.field()).isEqualTo("values.139****5678");
		assertThat(keyed.message()).doesNotContain("1234");
	}

	@Test
	void aCutTextShowsNoMoreOfANumberThanItsMask() {
		String text = "x".repeat(20) + "13912345678" + "y".repeat(30);
		for (int max = 1; max < 45; max++) {
			String cut = Masking.personalNumbersIn(text, max);
			assertThat(cut).as("cut at " + max).hasSizeLessThanOrEqualTo(max).doesNotContain("1234").doesNotContain("91");
		}
		String id = "z".repeat(5) + "110105 19491231 002X";
		for (int max = 1; max < id.length(); max++) {
			assertThat(Masking.personalNumbersIn(id, max)).as("cut at " + max).doesNotContain("19").doesNotContain("4912");
		}
		assertThat(Masking.personalNumbersIn(null, 5)).isNull();
	}

	@Test
	void anExcerptOrAFailureMessageNeverEchoesANumberInTheClear() {
		for (int prefix = 0; prefix < 30; prefix++) {
			String value = "a".repeat(prefix) + "13912345678" + "b".repeat(40);
			String excerpt = Text.excerpt(value, 30);
			assertThat(excerpt).as("after " + prefix).doesNotContain("1391").doesNotContain("2345");
			assertThat(Decimals.echo(value)).isEqualTo(excerpt);
		}
		FieldError error = new FieldError("courierId", "rule", "无效：" + "w".repeat(490) + "110105194912310021");
		assertThat(error.message()).doesNotContain("1949").hasSizeLessThanOrEqualTo(FieldError.MAX_MESSAGE + 1);
		DomainException notFound = DomainException.notFound("申诉", "13912345678");
		assertThat(notFound.getMessage()).endsWith("139****5678");
		assertThat(new InvalidValueException(List.of(new FieldError("a", "b", "号码139-1234-5678"))).getMessage())
			.isEqualTo("号码139-****-5678");
	}

	/** A text where nothing is masked comes back as sent: a message echoing ５００ shows ５００, not 500. */
	@Test
	void fullWidthDigitsOfATextWithoutAPersonalNumberAreShownAsTyped() {
		assertThat(Masking.personalNumbersIn("５００")).isEqualTo("５００");
		assertThat(Masking.personalNumbersIn("３２０５０６", 20)).isEqualTo("３２０５０６");
		assertThat(Text.excerpt("５００克", 40)).isEqualTo("５００克");
	}

	/**
	 * A mobile number typed by hand in any grouping — groups of 1 to 4 digits joined by one space, hyphen or point, after
	 * nothing, +86, 86, 0086 or a trunk 0 — and an 18-character ID number in groups of any size are masked, in ASCII or
	 * full-width digits: random numbers in random groupings.
	 */
	@Test
	void masksEveryHandTypedGroupingOfAMobileOrAnIdNumber() {
		Random random = new Random(20261203);
		String[] prefixes = { "", "", "+86 ", "+86", "86 ", "86-", "0086 ", "0086-", "0", "0 " };
		String[] around = { "", "电话", "联系人张三，", "(", "Tel:" };
		for (int k = 0; k < 5_000; k++) {
			String mobile = "1" + (3 + random.nextInt(7)) + digits(random, 9);
			String prefix = prefixes[random.nextInt(prefixes.length)];
			String grouped = grouped(random, mobile, 4);
			if (prefix.isEmpty() && grouped.matches("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) {
				continue; // an IPv4 address's shape: left alone (leavesNumbersThatOnlyLookLikeOneAlone)
			}
			String typed = around[random.nextInt(around.length)] + prefix + fullWidthSometimes(random, grouped) + "。";
			String masked = Masking.personalNumbersIn(typed);
			assertThat(masked.replaceAll("[^0-9*]", "")).as(typed)
				.endsWith(mobile.substring(0, 3) + "****" + mobile.substring(7));
			assertThat(Masking.holdsPersonalNumber(typed)).as(typed).isTrue();
		}
		int[] provinces = { 11, 12, 13, 21, 31, 32, 33, 37, 41, 44, 50, 51, 65, 71, 81, 82, 91 };
		for (int k = 0; k < 5_000; k++) {
			String id = provinces[random.nextInt(provinces.length)] + digits(random, 4) + (1900 + random.nextInt(126))
					+ "%02d%02d".formatted(1 + random.nextInt(12), 1 + random.nextInt(28)) + digits(random, 3)
					+ (random.nextInt(11) == 10 ? "X" : digits(random, 1));
			String typed = around[random.nextInt(around.length)] + fullWidthSometimes(random, grouped(random, id.substring(0, 17), 8) + id.charAt(17)) + "。";
			String masked = Masking.personalNumbersIn(typed);
			// the birth date and sequence hidden (a mobile number's shape inside the run may hide a digit more)
			String shown = masked.replaceAll("[^0-9X*]", "");
			assertThat(shown).as(typed).hasSize(18).startsWith(id.substring(0, 3)).endsWith(id.substring(15));
			assertThat(shown.substring(6, 14)).as(typed).isEqualTo("********");
			assertThat(Masking.holdsPersonalNumber(typed)).as(typed).isTrue();
		}
	}

	/** Texts that are no personal number stay as they are, however their digits are grouped. */
	@ParameterizedTest
	@ValueSource(strings = { "2026-12-03 13:45", "于2026-12-03 13:45:20到达", "8000元", "1,234,567", "99.88%", "SF1234567890123",
			"JD0001234567890", "123456789012", "1391234567890", "139123456789012", "13 91 23 45 67 89", "1391 2345 6789 012",
			"13 9 1234 5678 9", "3 139 1234 567", "6129 1391 2345 678", "2026.12.03 13.45", "13.5 14 15.5 16 17", "1-3-9-1-2-3-4-5-6-7",
			"320502 19900101 12345", "320502 19900101 123", "0 0 1 3 9 1 2 3 4 5 6 7 8", "地址192.168.100.10", "第13 91 23件",
			"尺寸 139.1 × 234.5 × 678", "2026 年 12 月 3 日 13 时" })
	void leavesTextsThatHoldNoPersonalNumberUnchanged(String text) {
		assertThat(Masking.personalNumbersIn(text)).isEqualTo(text);
		assertThat(Masking.holdsPersonalNumber(text)).as(text).isFalse();
	}

	/**
	 * Known and accepted: an unusual grouping of 11 digits from 13 to 19 cannot be told from a mobile number typed so,
	 * and personal data come first.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "版本v13.9.1234.5678", "批号1912-0301-123", "订单 1712 3456 789", "型号 RX-1391-2345-678" })
	void masksAnUnusualGroupingOfElevenDigitsFrom13To19(String text) {
		assertThat(Masking.personalNumbersIn(text).chars().filter(c -> c == '*').count()).as(text).isEqualTo(4);
		assertThat(Masking.holdsPersonalNumber(text)).isTrue();
	}

	@Test
	void masksTheGroupingsPeopleType() {
		assertThat(Masking.personalNumbersIn("电话13 91 23 45 67 8")).isEqualTo("电话13 9* ** *5 67 8");
		assertThat(Masking.personalNumbersIn("1 3 9 1234 5678")).isEqualTo("1 3 9 **** 5678");
		assertThat(Masking.personalNumbersIn("13 9 1234 5678")).isEqualTo("13 9 **** 5678");
		assertThat(Masking.personalNumbersIn("+86 13 9 1234 5678")).isEqualTo("+86 13 9 **** 5678");
		assertThat(Masking.personalNumbersIn("证号320502 19900101 1234")).isEqualTo("证号320502 ******** 1234");
		assertThat(Masking.personalNumbersIn("3205 0219 9001 0112 34")).isEqualTo("3205 02** **** **12 34");
		assertThat(Masking.personalNumbersIn("3205 0219 9001 0112 3X")).isEqualTo("3205 02** **** **12 3X");
	}

	/** The digits of a number in random groups of 1 to {@code most} digits, each joined by one space, hyphen or point. */
	private static String grouped(Random random, String number, int most) {
		String[] separators = { " ", "-", ".", "\u3000" };
		StringBuilder b = new StringBuilder();
		int at = 0;
		while (at < number.length()) {
			int size = Math.min(1 + random.nextInt(most), number.length() - at);
			if (at > 0) {
				b.append(separators[random.nextInt(separators.length)]);
			}
			b.append(number, at, at + size);
			at += size;
		}
		return b.toString();
	}

	/** One text in four with its digits in full width, as a Chinese input method types them. */
	private static String fullWidthSometimes(Random random, String text) {
		if (random.nextInt(4) > 0) {
			return text;
		}
		List<Character> wide = new ArrayList<>();
		for (char c : text.toCharArray()) {
			wide.add(c >= '0' && c <= '9' ? (char) (c - '0' + '\uFF10') : c);
		}
		StringBuilder b = new StringBuilder();
		wide.forEach(b::append);
		return b.toString();
	}

	private static String digits(Random random, int count) {
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < count; i++) {
			b.append(random.nextInt(10));
		}
		return b.toString();
	}

	/**
	 * A mobile or ID number spelt in Chinese numerals (11 or more in a row) is one (attack round 8: 联系一三八〇〇一三八〇〇〇
	 * passed as a plan's name); shorter runs — a year, an article — are text.
	 */
	@Test
	void aNumberSpeltInChineseNumeralsIsOne() {
		assertThat(Masking.holdsPersonalNumber("联系一三八〇〇一三八〇〇〇")).isTrue();
		assertThat(Masking.personalNumbersIn("联系一三八〇〇一三八〇〇〇")).isEqualTo("联系138****8000");
		assertThat(Masking.holdsPersonalNumber("电话幺三九一二三四五六七八")).isTrue();
		assertThat(Masking.holdsPersonalNumber("二〇二六年第一二三号")).isFalse();
		assertThat(Masking.personalNumbersIn("二〇二六年，电话13912345678")).isEqualTo("二〇二六年，电话139****5678");
		// capital numerals (大写), ○ for zero, and numerals mixed with digits (attack round 9)
		assertThat(Masking.personalNumbersIn("身份证叁贰零伍零陆壹玖玖零零壹零壹肆伍陆壹")).doesNotContain("叁贰零伍零陆")
			.isEqualTo("身份证320506********4561");
		assertThat(Masking.holdsPersonalNumber("电话壹叁玖壹贰叁肆伍陆柒捌")).isTrue();
		assertThat(Masking.holdsPersonalNumber("電話壹參玖壹貳參肆伍陸柒捌")).isTrue();
		assertThat(Masking.holdsPersonalNumber("一三九○一二三四五六七")).isTrue();
		assertThat(Masking.holdsPersonalNumber("139一二三四五六七八")).isTrue();
		// a numeral beside a number in digits does not hide it (a name ending in 三)
		assertThat(Masking.personalNumbersIn("张三13912345678")).isEqualTo("张三139****5678");
		assertThat(Masking.holdsPersonalNumber("联系人王二13912345678")).isTrue();
		assertThat(Masking.holdsPersonalNumber("金额壹万贰仟叁佰肆拾伍元整")).as("an amount in capitals is text").isFalse();
		assertThat(Masking.holdsPersonalNumber("二○二六年十二月")).isFalse();
	}

	/** The shortcut never says "none" where the full check finds a number. */
	@Test
	void theShortcutNeverMissesANumber() {
		for (String t : new String[] { "13912345678", "１３９１２３４５６７８", "一三九一二三四五六七八", "壹叁玖壹贰叁肆伍陆柒捌",
				"139-1234-5678", "110105 19491231 002X", "电话139一二三四五六七八" }) {
			assertThat(Masking.mayHoldPersonalNumber(t)).as(t).isTrue();
		}
		assertThat(Masking.mayHoldPersonalNumber("日用品")).isFalse();
		assertThat(Masking.mayHoldPersonalNumber(null)).isFalse();
	}

	@Test
	void textForThePublicHasItsLandlinesMaskedTooAndDatesAndNumbersOfRecordsLeftAlone() {
		assertThat(Masking.telephonesIn("座机0512-65551234，(0512)6555 1235，０５１２－６５５５１２３６，手机13987654321"))
			.isEqualTo("座机0512-****1234，(0512)**** 1235，0512－****1236，手机139****4321");
		assertThat(Masking.telephonesIn("与申诉-320506-2026-000123重复，2026-01-05受理，金额0.5元"))
			.isEqualTo("与申诉-320506-2026-000123重复，2026-01-05受理，金额0.5元");
		assertThat(Masking.telephonesIn(null)).isNull();
	}

	/**
	 * Attack A2: every form a landline is written in — with a dash, in brackets, as one run of digits, in blocks, with
	 * its extension, as dialled from abroad — is masked for those not entitled to it in full, as mobiles and IDs are.
	 */
	@Test
	void everyFormOfALandlineIsMaskedAndAMobileAfterTheCountryCodeStaysAMobile() {
		assertThat(Masking.telephonesIn("举报人电话0512-66881234、(0512)66881234、051266881234、010 6688 1234-801"))
			.isEqualTo("举报人电话0512-****1234、(0512)****1234、0512****1234、010 **** 1234-801");
		assertThat(Masking.telephonesIn("境外来电+86 512 6688 1234，0086-10-66881234，+86(0)21-66881234"))
			.isEqualTo("境外来电+86 512 **** 1234，0086-10-****1234，+86(0)21-****1234");
		assertThat(Masking.telephonesIn("手机+86 139 1234 5678")).isEqualTo("手机+86 139 **** 5678");
		assertThat(Masking.telephonesIn("+86 512 6688 1234")).doesNotContain("6688");
	}

	/**
	 * What a document served on a party prints: every personal number masked, the party's own code left as it is
	 * wherever it stands, even when it reads as an ID number.
	 */
	@Test
	void masksPersonalNumbersButKeepsThePartysOwnCode() {
		String code = "320506198505057771";
		String text = "当事人" + code + "，联系人身份证320506198001011234，手机13912345678，再次" + code;
		assertThat(Masking.personalNumbersIn(text, code))
			.isEqualTo("当事人" + code + "，联系人身份证320506********1234，手机139****5678，再次" + code);
		assertThat(Masking.personalNumbersIn(text, null)).isEqualTo(Masking.personalNumbersIn(text))
			.doesNotContain(code);
		assertThat(Masking.personalNumbersIn(null, code)).isNull();
	}

	/**
	 * A mobile or ID number in Chinese numerals right after a name's numeral (王五 and 一三八〇〇一三八〇〇〇: 12 numerals
	 * in a row) is found inside the longer run and masked — in free text, and in a person's name, which is refused for
	 * it; an ID number (18 numerals, or 17 and X) beside other numerals too. The numerals around it stay as typed; a run
	 * with no number inside is read as before.
	 */
	@Test
	void aNumberInChineseNumeralsInsideALongerRunIsFound() {
		assertThat(Masking.personalNumbersIn("王五一三八〇〇一三八〇〇〇")).isEqualTo("王五138****8000");
		assertThat(Masking.holdsPersonalNumber("王五一三八〇〇一三八〇〇〇")).isTrue();
		assertThat(Masking.personalNumbersIn("联系人王五一三八〇〇一三八〇〇〇，请回电")).isEqualTo("联系人王五138****8000，请回电");
		assertThat(Masking.personalNumbersIn("一三八〇〇一三八〇〇〇三")).isEqualTo("138****8000三");
		assertThat(Masking.personalNumbersIn("李四三二〇五〇六一九九〇〇一〇一一二三四"))
			.isEqualTo("李四320506********1234");
		assertThat(Masking.personalNumbersIn("赵六三二〇五〇六一九九〇〇一〇一一二三X")).isEqualTo("赵六320506********123X");
		assertThat(Masking.personalNumbersIn("王五一三八〇〇一三八〇〇〇和二一三九一二三四五六七八"))
			.isEqualTo("王五138****8000和二139****5678");
		assertThat(new Validation().personName("contactName", "联系人", "王五一三八〇〇一三八〇〇〇").errors())
			.singleElement().extracting(FieldError::rule).isEqualTo("personal-number");
		// no number inside: left alone, and a 一 typed as a dash still joins the blocks
		assertThat(Masking.holdsPersonalNumber("五一二三四五六七八九〇一")).isFalse();
		assertThat(Masking.personalNumbersIn("139一1234一5678")).doesNotContain("1234");
	}
	/**
	 * Personal numbers written back to back in one run are each masked (attack 27 M1): two mobile numbers in numerals,
	 * a mobile number after an ID number, one in numerals beside one in digits — and the same in ASCII digits, a run that
	 * is nothing but such numbers. The numbers found inside a run of numerals were read one after another, the one
	 * after a number skipped; read together they were one run of 22 digits, which no whole-run check masked.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "一三八〇〇一三八〇〇〇一三九〇〇一三九〇〇〇", "1380013800013900139000", "王五一三八〇〇一三八〇〇〇一三九〇〇一三九〇〇〇",
			"一三八〇〇一三八〇〇〇13900139000", "五一三八〇〇一三八〇〇〇13900139000", "13800138000一三九〇〇一三九〇〇〇",
			"1380013800013900139000X", "１３８００１３８０００１３９００１３９０００" })
	void masksTwoMobileNumbersWrittenBackToBack(String written) {
		String masked = Masking.personalNumbersIn("电话" + written + "。");
		assertThat(masked).as(written).contains("138****8000139****9000");
		assertThat(Masking.holdsPersonalNumber(written)).as(written).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "三二〇五〇六一九九〇〇一〇一一二三四一三八〇〇一三八〇〇〇", "32050619900101123413800138000",
			"一三八〇〇一三八〇〇〇三二〇五〇六一九九〇〇一〇一一二三四", "13800138000320506199001011234",
			"三二〇五〇六一九九〇〇一〇一一二三X一三八〇〇一三八〇〇〇", "32050619900101123X13800138000",
			"32050619900101123413800138000320506199001011234", "320506900101123一三八〇〇一三八〇〇〇" })
	void masksAnIdNumberAndAMobileNumberWrittenBackToBack(String written) {
		String masked = Masking.personalNumbersIn("证件" + written);
		// the ID number masked as one, from its region code on (not a misread part of it: 三二〇506199*****1234)
		assertThat(masked).as(written).contains("138****8000").contains("320506*****").doesNotContain("1990")
			.doesNotContain("9001").doesNotContain("0013").doesNotContain("一");
	}

	/** Only a run that is such numbers and nothing else: a bank card, an order number, one digit more or less are not. */
	@ParameterizedTest
	@ValueSource(strings = { "卡号6228480402564890018", "订单12345678901234567890123456", "13800138000139001390001",
			"138001380001390013900", "编号2345678901234567890123", "流水号13800138000139001390001X" })
	void leavesALongRunThatIsNoNumbersBackToBackAlone(String text) {
		assertThat(Masking.personalNumbersIn(text)).isEqualTo(text);
	}

	/**
	 * A number in Chinese numerals written in blocks is masked as the same number in blocks of digits is (attack 27 M1:
	 * 一三八 〇〇一三 八〇〇〇 stayed in clear, its blocks each shorter than a number); blocks of numerals that are no
	 * number stay as typed.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "一三八 〇〇一三 八〇〇〇", "一三八－〇〇一三－八〇〇〇", "一三八-〇〇一三-八〇〇〇", "一三八．〇〇一三．八〇〇〇",
			"一三八　〇〇一三　八〇〇〇", "壹叁捌 零零壹叁 捌零零零", "一三八〇〇一三 八〇〇〇", "一三八 0013 8000", "+86 一三八 〇〇一三 八〇〇〇",
			"一 三 八 〇 〇 一 三 八 〇 〇 〇" })
	void masksAMobileNumberInChineseNumeralsWrittenInBlocks(String written) {
		String masked = Masking.personalNumbersIn("电话" + written + "。");
		assertThat(masked.replaceAll("[^0-9*]", "")).as(written).endsWith("138****8000");
		assertThat(Masking.holdsPersonalNumber(written)).as(written).isTrue();
		assertThat(Masking.personalNumbersIn(written.replaceAll("[一壹]", "1").replaceAll("[三叁]", "3").replaceAll("[八捌]", "8")
			.replaceAll("[〇零]", "0"))).as("as in digits").isEqualTo(masked.substring(2, masked.length() - 1));
	}

	@Test
	void masksAnIdNumberInChineseNumeralsWrittenInBlocksAndLeavesOtherBlocksAlone() {
		assertThat(Masking.personalNumbersIn("证号三二〇五〇六 一九九〇〇一〇一 一二三四")).isEqualTo("证号320506 ******** 1234");
		assertThat(Masking.personalNumbersIn("证号三二〇五〇六 一九九〇〇一〇一 一二三Ｘ")).isEqualTo("证号320506 ******** 123X");
		assertThat(Masking.personalNumbersIn("王五一三八〇〇一三八〇〇〇 一三九 〇〇一三 九〇〇〇"))
			.isEqualTo("王五138****8000 139 **** 9000");
		for (String text : new String[] { "一、二、三、四、五、六、七、八、九、〇、一", "二〇二六 一二 〇三", "第一二三 四五六 七八九条",
				"二〇二六年十二月三日 一二三 四五六" }) {
			assertThat(Masking.personalNumbersIn(text)).as(text).isEqualTo(text);
			assertThat(Masking.holdsPersonalNumber(text)).as(text).isFalse();
		}
	}

	/**
	 * Digits beyond the BMP (the mathematical digits U+1D7CE–U+1D7FF, two UTF-16 units each) are digits: a number
	 * written in them is masked (attack 27 M1), found by the shortcut, and a search with them holds digits.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "𝟏𝟑𝟖𝟎𝟎𝟏𝟑𝟖𝟎𝟎𝟎", "𝟣𝟥𝟪𝟢𝟢𝟣𝟥𝟪𝟢𝟢𝟢", "𝟭𝟯𝟴𝟬𝟬𝟭𝟯𝟴𝟬𝟬𝟬", "𝟙𝟛𝟠𝟘𝟘𝟙𝟛𝟠𝟘𝟘𝟘", "𝟷𝟹𝟾𝟶𝟶𝟷𝟹𝟾𝟶𝟶𝟶",
			"𝟏𝟑𝟖 𝟎𝟎𝟏𝟑 𝟖𝟎𝟎𝟎", "𝟏𝟑𝟖-𝟎𝟎𝟏𝟑-𝟖𝟎𝟎𝟎" })
	void masksANumberInDigitsBeyondTheBmp(String written) {
		assertThat(Masking.personalNumbersIn("电话" + written + "。").replaceAll("[^0-9*]", "")).as(written)
			.isEqualTo("138****8000");
		assertThat(Masking.holdsPersonalNumber(written)).as(written).isTrue();
		assertThat(Masking.mayHoldPersonalNumber(written)).as(written).isTrue();
		assertThat(Masking.mayHoldDigits("𝟏")).isTrue();
		assertThat(Masking.personalNumbersIn("证件𝟑𝟐𝟎𝟓𝟎𝟔𝟏𝟗𝟗𝟎𝟎𝟏𝟎𝟏𝟏𝟐𝟑𝟒")).isEqualTo("证件320506********1234");
		// a text with no number in it comes back as sent
		assertThat(Masking.personalNumbersIn("第𝟗𝟗号")).isEqualTo("第𝟗𝟗号");
	}

	/** Over-masking is not extended: an 11-digit amount is masked as before (accepted), a 12-digit one is not. */
	@Test
	void anElevenDigitAmountIsMaskedAsBeforeAndLongerOnesAreNot() {
		assertThat(Masking.personalNumbersIn("金额13800138000元")).isEqualTo("金额138****8000元");
		assertThat(Masking.personalNumbersIn("金额138001380001元")).isEqualTo("金额138001380001元");
		assertThat(Masking.personalNumbersIn("金额一三八〇〇一三八〇〇〇一元")).isEqualTo("金额138****8000一元");
	}

	/**
	 * Mobile numbers back to back after the country code or the trunk 0 (note 37): the run did not cut into numbers from
	 * its first digit, and the country code's reading took one number only, so 86 and two numbers stayed in clear.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "861380013800013900139000", "+861380013800013900139000", "00861380013800013900139000",
			"01380013800013900139000", "八六一三八〇〇一三八〇〇〇一三九〇〇一三九〇〇〇", "+86一三八〇〇一三八〇〇〇一三九〇〇一三九〇〇〇",
			"86138001380001390013900013700137000" })
	void masksNumbersBackToBackAfterTheCountryCode(String written) {
		String masked = Masking.personalNumbersIn("电话" + written + "。");
		assertThat(masked).as(written).contains("138****8000139****9000");
		assertThat(Masking.holdsPersonalNumber(written)).as(written).isTrue();
	}

	/** A country code or a 0 before a run that is no numbers back to back is no reason to mask it. */
	@ParameterizedTest
	@ValueSource(strings = { "订单861380013800012345678901", "卡号0622848040256489001800", "编号8613800138000123", "86320506199001011234" })
	void leavesALongRunAfterACountryCodeThatIsNoNumbersAlone(String text) {
		assertThat(Masking.personalNumbersIn(text)).isEqualTo(text);
	}

	/**
	 * In a run of numerals, numerals before a mobile number may begin another reading (note 37): 一三九 before
	 * 一三八〇〇一三八〇〇〇 reads 13913800138 from the start, which was masked alone and showed the middle of the number
	 * from the fourth numeral on (139****0138〇〇〇). Every reading's middle is hidden now, whichever is the number.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "一三九一三八〇〇一三八〇〇〇", "139一三八〇〇一三八〇〇〇", "一三九13800138000", "壹叁玖壹叁捌零零壹叁捌零零零" })
	void masksANumberWhoseLeadingNumeralsBeginAnotherReading(String written) {
		assertThat(Masking.personalNumbersIn("电话" + written + "。")).as(written).isEqualTo("电话139*******8000。");
		assertThat(Masking.holdsPersonalNumber(written)).isTrue();
	}

	/** Random mobile numbers in numerals after one to four random numerals: no reading shows the number's middle. */
	@Test
	void noLeadingNumeralsShowTheMiddleOfANumberInNumerals() {
		Random random = new Random(20261205);
		String numerals = "〇一二三四五六七八九";
		for (int k = 0; k < 3_000; k++) {
			String lead = digits(random, 1 + random.nextInt(4));
			String mobile = "1" + (3 + random.nextInt(7)) + digits(random, 9);
			StringBuilder spelt = new StringBuilder();
			for (char c : (lead + mobile).toCharArray()) {
				spelt.append(numerals.charAt(c - '0'));
			}
			String masked = Masking.personalNumbersIn("联系" + spelt + "。");
			int at = 2 + lead.length();
			assertThat(masked.substring(at + 3, at + 7)).as(spelt.toString()).isEqualTo("****");
			assertThat(masked.substring(at + 7, at + 11)).as(spelt.toString()).isEqualTo(mobile.substring(7));
		}
	}

	/** A landline in Chinese numerals is one for the public (note 37); staff views keep landlines, as in digits. */
	@Test
	void textForThePublicHasItsLandlinesInNumeralsMaskedToo() {
		assertThat(Masking.telephonesIn("座机零五一二－六五五五一二三四，（〇五一二）六五五五 一二三五，〇二一-六五五五一二三六，0512六五五五一二三七"))
			.isEqualTo("座机0512－****1234，（0512）**** 1235，021-****1236，0512****1237");
		assertThat(Masking.telephonesIn("零五一二六五五五一二三四")).isEqualTo("0512****1234");
		assertThat(Masking.personalNumbersIn("座机零五一二－六五五五一二三四")).isEqualTo("座机零五一二－六五五五一二三四");
		for (String text : new String[] { "二〇二六年一二月〇五日受理", "苏邮罚〔二〇二六〕一二号", "金额壹万零伍佰元", "〇五年第一二三号",
				"零件一二三四五六七八", "○○○○年○○月○○日", "运单SF1234567890123，金额12,345.67元，2026-12-05" }) {
			assertThat(Masking.telephonesIn(text)).as(text).isEqualTo(text);
		}
	}

	/**
	 * One rule for digits beyond the BMP (note 37): the validators read a number as NFKC writes it (the mathematical
	 * digits U+1D7CE… are the ASCII digits they show), the masks of a stored number read it so too and never cut a
	 * character in half; digits NFKC leaves (Arabic-Indic) are refused by the validators and masked in free text.
	 */
	@Test
	void digitsBeyondTheBmpAreReadAsTheValidatorsReadThem() {
		String mobile = "𝟏𝟑𝟖𝟎𝟎𝟏𝟑𝟖𝟎𝟎𝟎";
		assertThat(Masking.phone(mobile)).isEqualTo("138****8000");
		assertThat(Masking.phone("𝟎𝟓𝟏𝟐-𝟔𝟓𝟓𝟓𝟏𝟐𝟑𝟒")).isEqualTo("0512-****1234");
		assertThat(Masking.idNumber("𝟑𝟐𝟎𝟓𝟎𝟔𝟏𝟗𝟗𝟎𝟎𝟏𝟎𝟏𝟏𝟐𝟑𝟒")).isEqualTo("320506********1234");
		assertThat(Masking.phone("١٣٨٠٠١٣٨٠٠٠")).isEqualTo("١٣٨****٨٠٠٠");
		assertThat(MobilePhone.of(mobile).value()).isEqualTo("13800138000");
		String id = "320506199001011234".substring(0, 17);
		String valid = id + IdCardNumber.checkCharacter(id);
		StringBuilder math = new StringBuilder();
		valid.chars().forEach(c -> math.appendCodePoint(c == 'X' ? c : 0x1D7CE + c - '0'));
		assertThat(IdCardNumber.of(math.toString(), LocalDate.of(2026, 12, 5)).value()).isEqualTo(valid);
		assertThat(Masking.personalNumbersIn("证件" + math)).isEqualTo("证件" + Masking.idNumber(valid));
		// digits NFKC does not make ASCII are no number the validators take (an ID of 15 of them is no legacy number)
		assertThatThrownBy(() -> IdCardNumber.of("١١٠١٠٥٤٩١٢٣١٠٠٢", LocalDate.of(2026, 12, 5)))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors()).extracting(FieldError::rule)
				.containsExactly("format"));
		assertThatThrownBy(() -> MobilePhone.of("١٣٨٠٠١٣٨٠٠٠")).isInstanceOf(InvalidValueException.class);
		assertThat(Masking.personalNumbersIn("电话١٣٨٠٠١٣٨٠٠٠")).isEqualTo("电话138****8000");
		// a local number without its area code is named so, in whatever digits NFKC reads
		for (String local : new String[] { "65551234", "６５５５１２３４", "𝟔𝟓𝟓𝟓𝟏𝟐𝟑𝟒" }) {
			assertThatThrownBy(() -> Telephone.of(local)).as(local)
				.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors()).extracting(FieldError::rule)
					.containsExactly("area-code"));
		}
	}

	@Test
	void aMaskedPhoneMaskedAgainStaysAsItWas() {
		// a list reads the stored masked number and a detail masks the clear one: both show the same (attack C2)
		for (String phone : List.of("0512-65551234", "010-66881234-801", "0755-1234567", "13987654321", "051265551234")) {
			String masked = Masking.phone(phone);
			assertThat(Masking.phone(masked)).as(phone).isEqualTo(masked);
		}
		assertThat(Masking.phone("0512-65551234")).isEqualTo("0512-****1234");
	}
}
