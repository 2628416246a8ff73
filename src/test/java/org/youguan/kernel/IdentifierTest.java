package org.youguan.kernel;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A hand-typed identifier (文号, 编号) that looks like another but differs is refused, naming the character. */
class IdentifierTest {

	@Test
	void invisibleAndLookAlikeCharactersInsideAnIdentifierAreRefused() {
		for (String typed : List.of("吴邮管罚〔2025〕1\u200B号", "吴邮管罚〔2025〕1\u3000号", "吴邮管罚〔2025〕1\uFEFF号",
				"吴邮管罚〔2025〕1号\uFE0F", "吴邮管罚〔2025〕e\u0301号", "SF\u20601", "吴邮管罚〔2025〕\t1号",
				"吴邮管罚〔2025〕\u28001号")) {
			Validation v = new Validation().identifier("decisionNumber", "决定书文号", typed);
			assertThat(v.errors()).as(typed).singleElement().satisfies(e -> {
				assertThat(e.field()).isEqualTo("decisionNumber");
				assertThat(e.rule()).isEqualTo("invisible-character");
				assertThat(e.message()).contains("U+");
			});
		}
	}

	/** A line break inside (a sheet cell's Alt+Enter) is told as such, not as a code point. */
	@Test
	void aLineBreakInsideAnIdentifierIsRefusedSayingSo() {
		for (String typed : List.of("吴邮管罚〔2025〕\n1号", "吴邮管罚〔2025〕\r\n1号", "SF\u20281")) {
			assertThat(new Validation().identifier("decisionNumber", "决定书文号", typed).errors()).as(typed).singleElement()
				.satisfies(e -> {
					assertThat(e.rule()).isEqualTo("line-break");
					assertThat(e.message()).isEqualTo("决定书文号含换行，请改为一行");
				});
		}
	}

	@Test
	void plainIdentifiersWithSpacesAroundOrAsciiSpacesInsidePass() {
		// around the number a zero-width space, BOM or no-break space is trimmed as any space, and a no-break space
		// inside is the ASCII space it looks like (Text.strip), not refused
		for (String typed : List.of("吴邮管罚〔2025〕1号", "  苏邮管罚〔2025〕12号\u3000", "SF 1234", "行政处罚决定-320506-2026-000001",
				"吴邮管罚〔2025〕1号\u200B", "\uFEFF吴邮管罚〔2025〕1号\u00A0", "SF\u00A01234")) {
			assertThat(new Validation().identifier("decisionNumber", "决定书文号", typed).errors()).as(typed).isEmpty();
		}
		assertThat(new Validation().identifier("decisionNumber", "决定书文号", null).errors()).isEmpty();
		assertThat(Text.invisibleAt("a\uD83D\uDE00b")).isEqualTo(-1);
		assertThat(Text.invisibleAt("a\uD83D\uDE00\u200Bb")).isEqualTo(3);
	}

	/** A letter or digit of another script that looks like a Latin or Han one is refused, naming it. */
	@Test
	void lookAlikeLettersAndDigitsOfOtherScriptsAreRefused() {
		for (String typed : List.of("苏邮罚〔2026〕1\u041E号", "\u0391B-2026-1", "苏邮罚〔2026〕\u0661号", "苏邮罚〔2026〕\u0967号",
				"苏邮罚\u30FC〔2026〕1号", "SF\u0456234", "SF\u20101234")) {
			Validation v = new Validation().identifier("decisionNumber", "决定书文号", typed);
			assertThat(v.errors()).as(typed).singleElement().satisfies(e -> {
				assertThat(e.rule()).isEqualTo("look-alike-character");
				assertThat(e.message()).contains("U+" + "%04X".formatted(typed.codePoints()
					.filter(c -> Character.isLetterOrDigit(c) && c >= 0x80 && Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN
							|| Character.getType(c) == Character.DASH_PUNCTUATION && c != '-')
					.findFirst().orElseThrow()));
			});
		}
		for (String typed : List.of("苏邮罚〔２０２６〕９号", "京邮管罚字〔2026〕第〇一号", "ＳＦ-2026（补）", "苏邮罚[2026]12号之一")) {
			assertThat(new Validation().identifier("decisionNumber", "决定书文号", typed).errors()).as(typed).isEmpty();
		}
	}

	/** A 文号 is stored as GB/T 9704 writes it, so bracket and zero variants of one number are one number. */
	@Test
	void aDocumentNumberIsWrittenAsTheStandardWritesIt() {
		for (String typed : List.of("苏吴邮管罚〔2025〕1号", "苏吴邮管罚[2025]1号", "苏吴邮管罚（2025）1号", "苏吴邮管罚(2025)01号",
				"苏吴邮管罚【2025】1号", "苏吴邮管罚［２０２５］００１号", " 苏吴邮管罚〔2025〕第1号 ", "苏吴邮管罚﹝2025﹞1号",
				"苏吴邮管罚 〔2025〕1号", "苏吴邮管罚〔2025〕1", "苏吴邮管罚〘2025〙1号", "苏吴邮管罚〖2025〗1号", "苏吴邮管罚{2025}1号",
				"苏吴邮管罚〔2025〕1號", "苏吴邮管罚〔2025年〕1号", "苏吴邮管罚2025年1号", "苏吴邮管罚〔2025〕01")) {
			assertThat(Text.documentNumber(typed)).as(typed).isEqualTo("苏吴邮管罚〔2025〕1号");
		}
		assertThat(Text.documentNumber("苏吴邮管罚〔2025〕10号")).isEqualTo("苏吴邮管罚〔2025〕10号");
		assertThat(Text.documentNumber("行政处罚决定-320506-2026-000001")).isEqualTo("行政处罚决定-320506-2026-000001");
		assertThat(Text.documentNumber("  ")).isNull();
		assertThat(Text.documentYear("苏吴邮管罚〔2025〕1号")).isEqualTo(2025);
		assertThat(Text.documentYear("吴中邮罚[2025]7")).isEqualTo(2025);
		assertThat(Text.documentYear("吴中邮罚2025年9號")).isEqualTo(2025);
		assertThat(Text.documentYear("行政处罚决定-320506-2026-000001")).isNull();
		assertThat(Text.documentYear("苏吴邮管罚2025-1")).isNull();
		Validation v = new Validation().documentYear("decisionNumber", "决定书文号", "苏吴邮管罚〔2025〕1号",
				LocalDate.of(2026, 1, 5));
		assertThat(v.errors()).singleElement().satisfies(e -> assertThat(e.rule()).isEqualTo("year"));
		assertThat(new Validation().documentYear("decisionNumber", "决定书文号", "苏吴邮管罚〔2026〕1号",
				LocalDate.of(2026, 1, 5)).errors()).isEmpty();
	}

	/**
	 * The sequence in Chinese numerals is the number it names (GB/T 9704: 阿拉伯数字), an automatic number typed without
	 * its padding is the series' number, and a sequence of 0 numbers nothing (rule {@code sequence}).
	 */
	@Test
	void aDocumentNumberIsOneNumberWhateverDigitsOrPaddingItIsTypedWith() {
		for (String typed : List.of("苏吴邮管罚〔2025〕十二号", "苏吴邮管罚〔2025〕第一十二号", "苏吴邮管罚[2025]一二号",
				"苏吴邮管罚2025年十二号", "苏吴邮管罚〔2025〕012号")) {
			assertThat(Text.documentNumber(typed)).as(typed).isEqualTo("苏吴邮管罚〔2025〕12号");
		}
		assertThat(Text.documentNumber("苏吴邮管罚〔2025〕一百零五号")).isEqualTo("苏吴邮管罚〔2025〕105号");
		// a unit with no digit before it counts once, as 十二 does: 一百十 is 110; 零 holds a place
		assertThat(Text.documentNumber("苏吴邮管罚〔2025〕一百十号")).isEqualTo("苏吴邮管罚〔2025〕110号");
		assertThat(Text.documentNumber("苏吴邮管罚〔2025〕两千零一十号")).isEqualTo("苏吴邮管罚〔2025〕2010号");
		assertThat(Text.documentNumber("苏吴邮管罚〔2025〕二十号")).isEqualTo("苏吴邮管罚〔2025〕20号");
		assertThat(Text.documentNumber("苏吴邮管罚〔2025〕一〇五号")).isEqualTo("苏吴邮管罚〔2025〕105号");
		assertThat(Text.documentNumber("苏吴邮管罚〔2025〕十号")).isEqualTo("苏吴邮管罚〔2025〕10号");
		for (String typed : List.of("行政处罚决定-320506-2026-2", "行政处罚决定-320506-2026-02", "行政处罚决定-320506-2026-000002",
				"行政处罚决定-320506-2026-０００２")) {
			assertThat(Text.documentNumber(typed)).as(typed).isEqualTo("行政处罚决定-320506-2026-000002");
		}
		assertThat(Text.documentNumber("行政处罚决定-320506-2026-1234567")).isEqualTo("行政处罚决定-320506-2026-1234567");
		for (String typed : List.of("苏吴邮管罚〔2026〕第0号", "苏吴邮管罚〔2026〕零号", "苏吴邮管罚〔2026〕00号", "行政处罚决定-320506-2026-0")) {
			String n = Text.documentNumber(typed);
			assertThat(new Validation().documentYear("decisionNumber", "决定书文号", n, LocalDate.of(2026, 3, 1)).errors())
				.as(typed).singleElement().satisfies(e -> assertThat(e.rule()).isEqualTo("sequence"));
		}
		assertThat(Text.documentSequence("苏吴邮管罚〔2026〕第三号")).isEqualTo(3L);
	}

	/**
	 * Leading zeros are padding however many are typed, and a sequence of more than 9 significant digits is a typing
	 * error refused by name (rule {@code sequence}) — it used to be taken for a number of no known form, stored as typed
	 * and spared the year check.
	 */
	@Test
	void aSequenceOfTenDigitsIsRefusedAndTenZerosOfPaddingAreNot() {
		assertThat(Text.documentNumber("苏吴邮管罚〔2025〕0000000012号")).isEqualTo("苏吴邮管罚〔2025〕12号");
		String tooLong = Text.documentNumber("苏吴邮管罚[2025]1234567890号");
		assertThat(Text.documentYear(tooLong)).isEqualTo(2025);
		assertThat(new Validation().documentYear("decisionNumber", "决定书文号", tooLong, LocalDate.of(2026, 3, 1))
			.errors()).extracting(FieldError::rule).containsExactlyInAnyOrder("sequence", "year");
		// the product's automatic form alike: padding is padding, ten digits are a typing error
		assertThat(Text.documentNumber("行政处罚决定-320509-2026-0000000001")).isEqualTo("行政处罚决定-320509-2026-000001");
		assertThat(new Validation().documentYear("decisionNumber", "决定书文号",
				Text.documentNumber("行政处罚决定-320509-2026-123456789012"), LocalDate.of(2026, 3, 1)).errors())
			.extracting(FieldError::rule).containsExactly("sequence");
		assertThat(new Validation().documentYear("decisionNumber", "决定书文号", "苏吴邮管罚2026年1234567890号",
				LocalDate.of(2026, 3, 1)).errors())
			.singleElement().satisfies(e -> assertThat(e.message()).contains("最多9位"));
	}

	/**
	 * A 文号 whose year or sequence is written in capital numerals (大写数字 贰, 壹拾贰, 貳), in Chinese digits (〔二〇二五〕,
	 * 二零二五年, 二○二五) is the number it names, so it cannot pass as a second issue of a number already used.
	 */
	@Test
	void aDocumentNumberInCapitalOrChineseNumeralsIsTheNumberItNames() {
		for (String typed : List.of("苏吴邮管罚〔2025〕贰号", "苏吴邮管罚〔二〇二五〕2号", "苏吴邮管罚〔二〇二五〕贰号", "苏吴邮管罚二〇二五年第二号",
				"苏吴邮管罚〔二零二五〕2号", "苏吴邮管罚〔二○二五〕2号", "苏吴邮管罚〔贰零贰伍〕貳号", "苏吴邮管罚〔二〇二五年〕第2号",
				"苏吴邮管罚二零二五年贰号")) {
			assertThat(Text.documentNumber(typed)).as(typed).isEqualTo("苏吴邮管罚〔2025〕2号");
		}
		for (String typed : List.of("苏吴邮管罚〔2025〕壹拾贰号", "苏吴邮管罚〔2025〕拾贰号", "苏吴邮管罚〔2025〕壹贰号", "苏吴邮管罚〔2025〕第十贰号")) {
			assertThat(Text.documentNumber(typed)).as(typed).isEqualTo("苏吴邮管罚〔2025〕12号");
		}
		assertThat(Text.documentNumber("苏吴邮管罚〔2025〕壹佰零伍号")).isEqualTo("苏吴邮管罚〔2025〕105号");
		assertThat(Text.documentNumber("苏吴邮管罚〔2025〕兩仟零壹拾號")).isEqualTo("苏吴邮管罚〔2025〕2010号");
		assertThat(Text.documentNumber("苏吴邮管罚〔2025〕叁佰陆拾柒号")).isEqualTo("苏吴邮管罚〔2025〕367号");
		assertThat(Text.documentYear("苏吴邮管罚〔二〇二五〕贰号")).isEqualTo(2025);
		assertThat(new Validation().documentYear("decisionNumber", "决定书文号", Text.documentNumber("苏吴邮管罚二〇二五年一号"),
				LocalDate.of(2026, 3, 1)).errors()).extracting(FieldError::rule).containsExactly("year");
		// a numeral that ends the 机关代字 is no part of a year: only four numerals before 年 are
		assertThat(Text.documentNumber("国三二〇二五年第一号")).isEqualTo("国三〔2025〕1号");
	}

	/**
	 * A number of the product's automatic form (a 备案编号 网点备案-320506-2026-000075) typed with its sequence unpadded,
	 * other dashes, spaces around them or full-width digits is the number the series issued: one stored and compared form.
	 */
	@Test
	void anAutomaticNumberIsWrittenAsTheSeriesWritesItWhateverDashesSpacesOrPadding() {
		for (String typed : List.of("网点备案-320506-2026-75", "网点备案-320506-2026-0075", "网点备案\u2010320506\u20132026\u221275",
				"网点备案 - 320506 - 2026 - 000075", "网点备案－３２０５０６－２０２６－７５", "网点备案\u2014320506\u20152026\uFE6375",
				" 网点备案-320506-2026-000075 ")) {
			assertThat(Text.identifier(typed)).as(typed).isEqualTo("网点备案-320506-2026-000075");
			assertThat(Text.documentNumber(typed)).as(typed).isEqualTo("网点备案-320506-2026-000075");
			assertThat(new Validation().identifier("filingNumber", "备案编号", typed.strip()).errors()).as(typed).isEmpty();
		}
		assertThat(Text.identifier("网点备案\u3000-\u3000320506-2026-75")).isEqualTo("网点备案-320506-2026-000075");
		// other identifiers keep their dashes and digits as typed; a dash other than '-' in them stays refused
		assertThat(Text.identifier("SF-0755-2026-12")).isEqualTo("SF-0755-2026-12");
		assertThat(Text.identifier("网点备案-320506-2026-1234567890")).isEqualTo("网点备案-320506-2026-1234567890");
		assertThat(Text.identifier("苏邮罚〔2026〕1-2号")).isEqualTo("苏邮罚〔2026〕1-2号");
	}

	/** Full-width digits typed with a Chinese input method are the number they show, so it cannot pass as another. */
	@Test
	void anIdentifierIsStoredAsItShows() {
		assertThat(Text.identifier(" 行政处罚决定-320506-2026-０００００２\u3000")).isEqualTo("行政处罚决定-320506-2026-000002");
		assertThat(Text.identifier("苏吴邮罚〔２０２６〕９号")).isEqualTo("苏吴邮罚〔2026〕9号");
		assertThat(Text.identifier("吴邮管罚\u00A0〔2025〕1号")).isEqualTo("吴邮管罚 〔2025〕1号");
		assertThat(Text.identifier(" \u3000")).isNull();
		assertThat(Text.identifier(null)).isNull();
	}

	/**
	 * An identifier is listed, searched and exported as it is: a filer's ID or mobile number typed as a waybill or a
	 * document number is refused, naming the field and the rule, never the number.
	 */
	@Test
	void anIdOrMobileNumberAsAnIdentifierIsRefused() {
		for (String typed : List.of("320506199001014561", "32050619900101456X", "13987654321", "139 8765 4321",
				"139-8765-4321", "１３９８７６５４３２１", "+8613987654321", "320506 19900101 4561", "3205 0619 9001 0145 61",
				"Tel13987654321")) {
			Validation v = new Validation().identifier("waybillNumber", "运单号", typed);
			assertThat(v.errors()).as(typed).singleElement().satisfies(e -> {
				assertThat(e.field()).isEqualTo("waybillNumber");
				assertThat(e.rule()).isEqualTo("personal-number");
				assertThat(e.message()).contains("运单号", "身份证号码", "手机号码").doesNotContain("4561", "4321");
			});
		}
	}

	/**
	 * Real waybill formats of 11 or more digits are no personal number: 顺丰 SF+13, 圆通 YT+13, 京东 JD+13, 极兔 JT+13,
	 * 中通 12–14 digits from 7x, 申通 15 digits from 77, 韵达 13 digits, EMS international EA123456789CN and domestic 13
	 * digits, runs of 12–15 digits; and a landline, as the parcel records' rule has it (an office's number).
	 */
	@Test
	void realWaybillFormatsAndLandlinesPass() {
		for (String typed : List.of("SF1234567890123", "sf1234567890123", "YT1234567890123", "JD0001234567890",
				"JT0012345678901", "773012345678", "75123456789012", "7312345678901", "773198765432101", "4312345678901",
				"EA123456789CN", "1151234567890", "9876543210123", "123456789012", "1234567890123", "12345678901234",
				"123456789012345", "SF 7000 0001", "6129 1391 2345 678", "0512-68881234", "051268881234",
				"苏邮管罚〔2026〕13号", "网点备案-320506-2026-000075", "12305")) {
			assertThat(new Validation().identifier("waybillNumber", "运单号", typed).errors()).as(typed).isEmpty();
		}
	}

	/**
	 * Attack round 15: an identifier that a spreadsheet reads as a formula (CSV/formula injection) is refused (rule
	 * {@code formula}); a plain "-", a dialling prefix or a number with hyphens is no formula.
	 */
	@Test
	void anIdentifierBeginningAsASpreadsheetFormulaIsRefused() {
		for (String typed : List.of("=HYPERLINK(\"http://x.example\",\"吴邮管罚〔2025〕1号\")", "@SUM(1)", "=1+1", "+A1",
				"-HYPERLINK(1)", "-2+3+cmd|' /C calc'!A0", " =吴邮管罚〔2025〕1号")) {
			assertThat(new Validation().identifier("decisionNumber", "决定书文号", typed).errors()).as(typed)
				.singleElement().satisfies(e -> {
					assertThat(e.field()).isEqualTo("decisionNumber");
					assertThat(e.rule()).isEqualTo("formula");
				});
		}
		for (String typed : List.of("-", "+86 512 6888 1234", "-2024-001", "吴邮管罚〔2025〕1号", "SF-1234")) {
			assertThat(new Validation().identifier("decisionNumber", "决定书文号", typed).errors()).as(typed).isEmpty();
		}
	}
}
