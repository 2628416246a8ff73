package org.youguan.safety.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.youguan.kernel.Masking;
import org.youguan.kernel.Validation;
import org.youguan.safety.ParcelRecord;
import org.youguan.safety.RealNameMethod;
import org.youguan.safety.SenderIdType;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule of the parcel-record contract rejects its line with its own Chinese reason naming the field. */
class ParcelValidatorTest {

	static final Instant NOW = Instant.parse("2026-05-20T04:00:00Z");

	static final String ID = "11010519491231002X";

	static final Pseudonyms PSEUDONYMS = new Pseudonyms("k".repeat(32).getBytes(StandardCharsets.UTF_8));

	/** The start of 2026-05-20 in China: outlet 3205060002 closed that day. */
	static final Instant CLOSED = Instant.parse("2026-05-19T16:00:00Z");

	/** The enterprise accepts parcels in 吴中 320506 only, where its outlets are. */
	static final ParcelValidator.SenderScope WUZHONG = new ParcelValidator.SenderScope(Set.of("320506"),
			Map.of("3205060001", "320506", "3205060002", "320506", "网点备案-320506-2026-000075", "320506"));

	final ParcelValidator validator = new ParcelValidator(7, Set.of("320506", "110105"),
			Map.of("3205060001", Instant.MAX, "3205060002", CLOSED), Set.of("XR-320506-1"),
			Map.of("3205060001", List.<LocalDate[]>of(new LocalDate[] { LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31) })), WUZHONG, PSEUDONYMS, NOW, Duration.ofDays(30), Duration.ofMinutes(5), 2000);

	static String[] valid() {
		String[] v = new String[ParcelField.COUNT];
		v[ParcelField.WAYBILL_NUMBER.ordinal()] = "SF1234567890";
		v[ParcelField.ACCEPTED_AT.ordinal()] = "2026-05-20T10:30:00+08:00";
		v[ParcelField.SENDER_ID_TYPE.ordinal()] = "居民身份证";
		v[ParcelField.SENDER_ID_NUMBER.ordinal()] = ID;
		v[ParcelField.SENDER_REGION.ordinal()] = "320506";
		v[ParcelField.RECIPIENT_REGION.ordinal()] = "110105";
		v[ParcelField.ITEM_CATEGORY.ordinal()] = "服装";
		v[ParcelField.WEIGHT_GRAMS.ordinal()] = "1200";
		v[ParcelField.REAL_NAME_METHOD.ordinal()] = "现场查验";
		v[ParcelField.INSPECTED.ordinal()] = "true";
		v[ParcelField.SCREENED.ordinal()] = "false";
		return v;
	}

	/** What the validator makes of a valid line with {@code change} made: the record, or null when rejected. */
	ParcelRecord validated(Consumer<String[]> change) {
		String[] v = valid();
		change.accept(v);
		return validator.validate(v);
	}

	ParcelRejection rejected(Consumer<String[]> change) {
		assertThat(validated(change)).as("the line is rejected").isNull();
		return validator.rejection();
	}

	/** The record of a valid line with {@code change} made, which must be accepted. */
	ParcelRecord accepted(Consumer<String[]> change) {
		ParcelRecord r = validated(change);
		assertThat(r).as("%s", validator.rejection()).isNotNull();
		return r;
	}

	static void set(String[] v, ParcelField f, String value) {
		v[f.ordinal()] = value;
	}

	/**
	 * The rates are counted by the sender's county: an enterprise of 吴中 may not add parcels to 相城's or Beijing's
	 * (attack: it lowered their rates), nor name one of its outlets with another county than the outlet's.
	 */
	@Test
	void aSenderRegionOutsideTheEnterprisesSeatBranchesAndOutletsIsRejectedAsRegionScope() {
		for (String elsewhere : new String[] { "110105", "320507" }) {
			ParcelValidator wide = new ParcelValidator(7, Set.of("320506", "320507", "110105"), Map.of("3205060001", Instant.MAX),
					Set.of("XR-320506-1"), Map.of(), WUZHONG, PSEUDONYMS, NOW, Duration.ofDays(30), Duration.ofMinutes(5), 2000);
			String[] v = valid();
			set(v, ParcelField.SENDER_REGION, elsewhere);
			assertThat(wide.validate(v)).as(elsewhere).isNull();
			assertThat(wide.rejection()).extracting(ParcelRejection::field, ParcelRejection::code)
				.containsExactly("senderRegion", "region-scope");
			assertThat(wide.rejection().message()).contains("寄件地区", "网点");
		}
		ParcelValidator elsewhere = new ParcelValidator(7, Set.of("320506", "110105"), Map.of("3205060001", Instant.MAX),
				Set.of("XR-320506-1"), Map.of(), new ParcelValidator.SenderScope(Set.of("320506", "110105"),
						Map.of("3205060001", "320506")), PSEUDONYMS, NOW, Duration.ofDays(30), Duration.ofMinutes(5), 2000);
		String[] atOutlet = valid();
		set(atOutlet, ParcelField.OUTLET_FILING_NUMBER, "3205060001");
		assertThat(elsewhere.validate(atOutlet)).as("the outlet's own county").isNotNull();
		set(atOutlet, ParcelField.SENDER_REGION, "110105");
		assertThat(elsewhere.validate(atOutlet)).as("a county the enterprise may ship from, but not the outlet's").isNull();
		assertThat(elsewhere.rejection()).extracting(ParcelRejection::field, ParcelRejection::code)
			.containsExactly("senderRegion", "region-scope");
		assertThat(elsewhere.rejection().message()).contains("320506");
	}

	@Test
	void aCompleteLineBecomesARecordWithThePseudonymInsteadOfTheNumber() {
		ParcelRecord r = validator.validate(valid());
		assertThat(r).isNotNull();
		assertThat(r.enterpriseId()).isEqualTo(7);
		assertThat(r.acceptedAt()).isEqualTo(Instant.parse("2026-05-20T02:30:00Z"));
		assertThat(r.senderIdType()).isEqualTo(SenderIdType.RESIDENT_ID);
		assertThat(r.senderIdPseudonym()).hasSize(64).isEqualTo(PSEUDONYMS.of(ID)).doesNotContain(ID);
		assertThat(r.toString()).doesNotContain(ID);
		assertThat(r.realNameMethod()).isEqualTo(RealNameMethod.ON_SITE);
		assertThat(r.realName()).isTrue();
		assertThat(r.weightGrams()).isEqualTo(1200);
	}

	@Test
	void aLetterHeavierThanTheRuleIsNoLetterAndAlightOneIsExempt() {
		ParcelRejection r = rejected(v -> {
			set(v, ParcelField.ITEM_CATEGORY, "信件");
			set(v, ParcelField.WEIGHT_GRAMS, "30000");
			set(v, ParcelField.REAL_NAME_METHOD, "未实名");
		});
		assertThat(r).extracting(ParcelRejection::field, ParcelRejection::code).containsExactly("itemCategory", "letter-weight");
		String[] v = valid();
		set(v, ParcelField.ITEM_CATEGORY, "信件");
		set(v, ParcelField.WEIGHT_GRAMS, "2000");
		assertThat(validator.validate(v).exempt()).isTrue();
	}

	@Test
	void theDigitCountShortcutAnswersAsTheMaskingDoes() {
		// the shortcut skips the masking for texts of fewer than 11 digits: it must never change the answer
		String[] texts = { "日用品", "C-123", "SZ-0042", "1391234567", "13912345678", "１３９１２３４５６７８", "139-1234-5678",
				"139 1234 567", "110105 19491231 002X", "11010519491231002x", "110105491231002", "320505 320506 320507",
				"电话13912345678", "0512-6789-1234-801", "２０２６年１２月", "12345678901", "1234567890１", "信件",
				"一三九一二三四五六七八", "壹叁玖壹贰叁肆伍陆柒捌", "二〇二六年十二月", "139一二三四五六七八" };
		for (String t : texts) {
			assertThat(ParcelValidator.personal(t)).as(t).isEqualTo(Masking.holdsPersonalNumber(t));
		}
		Random random = new Random(17);
		String alphabet = "0123456789０１２３４５６７８９ -.Xx　A件１３一三九〇壹叁";
		for (int k = 0; k < 20_000; k++) {
			StringBuilder b = new StringBuilder();
			for (int i = random.nextInt(32); i > 0; i--) {
				b.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			String t = b.toString();
			assertThat(ParcelValidator.personal(t)).as(t).isEqualTo(Masking.holdsPersonalNumber(t));
		}
	}

	/** The roster keeps K001; a record typed k001 is the same courier (the self-shipping rule missed it). */
	@Test
	void aCourierIdIsKeptUpperCasedAsTheRosterKeepsIt() {
		assertThat(accepted(v -> set(v, ParcelField.COURIER_ID, "k001")).courierId()).isEqualTo("K001");
		assertThat(accepted(v -> set(v, ParcelField.COURIER_ID, "ｋ００１")).courierId()).isEqualTo("K001");
	}

	@Test
	void aCourierIdOrCategoryHoldingAnIdOrMobileNumberIsRejectedAndTheReasonMasksIt() {
		ParcelRejection r = rejected(v -> set(v, ParcelField.COURIER_ID, ID));
		assertThat(r).extracting(ParcelRejection::field, ParcelRejection::code).containsExactly("courierId", "personal-number");
		assertThat(rejected(v -> set(v, ParcelField.COURIER_ID, "13912345678")).code()).isEqualTo("personal-number");
		assertThat(rejected(v -> set(v, ParcelField.ITEM_CATEGORY, "电话13912345678")).field()).isEqualTo("itemCategory");
		assertThat(rejected(v -> set(v, ParcelField.SENDER_REGION, ID)).message()).doesNotContain(ID).contains("110105********002X");
		String[] v = valid();
		set(v, ParcelField.COURIER_ID, "SZ-0042");
		assertThat(validator.validate(v)).isNotNull();
		// full-width digits typed with a Chinese input method: a mobile number is one, a count is none
		assertThat(rejected(w -> set(w, ParcelField.COURIER_ID, "１３９１２３４５６７８")).code()).isEqualTo("personal-number");
		set(v, ParcelField.ITEM_CATEGORY, "日用品２件");
		assertThat(validator.validate(v)).as("full-width digits alone are no personal number").isNotNull();
		// spelt in Chinese numerals, small or capital (attack round 9: the digit-count shortcut let them all through)
		for (String spelt : new String[] { "日用品三二〇五〇六一九九〇〇一〇一四五六一", "一三九一二三四五六七八", "壹叁玖壹贰叁肆伍陆柒捌",
				"三二零五零六一九九零零一零一四五六一", "139一二三四五六七八" }) {
			assertThat(rejected(w -> set(w, ParcelField.COURIER_ID, spelt))).as(spelt)
				.extracting(ParcelRejection::field, ParcelRejection::code).containsExactly("courierId", "personal-number");
			assertThat(rejected(w -> set(w, ParcelField.ITEM_CATEGORY, spelt))).as(spelt)
				.extracting(ParcelRejection::field, ParcelRejection::code).containsExactly("itemCategory", "personal-number");
		}
	}

	/**
	 * An ID or mobile number written in blocks ("110105 19491231 002X", "110105-19491231-002X") is one number: refused
	 * in a courier id or a category like the number written whole; a valid resident ID number (check digit right) is
	 * no waybill number, hyphens or not, nor is a waybill holding one or a mobile number as a whole, while 18 digits
	 * that are no valid ID number and 11 digits after letters (京东 JDVA + 11) still are.
	 */
	@Test
	void anIdNumberWrittenInBlocksIsRefusedInEveryFieldItWouldBeKeptIn() {
		for (String blocks : new String[] { "110105 19491231 002X", "110105-19491231-002X",
				"139 1234 5678", "139-1234-5678" }) {
			assertThat(rejected(v -> set(v, ParcelField.COURIER_ID, blocks))).as(blocks)
				.extracting(ParcelRejection::field, ParcelRejection::code).containsExactly("courierId", "personal-number");
			assertThat(rejected(v -> set(v, ParcelField.ITEM_CATEGORY, "服装" + blocks))).as(blocks)
				.extracting(ParcelRejection::field, ParcelRejection::code).containsExactly("itemCategory", "personal-number");
		}
		// and an ID inside a waybill, or a mobile number as a whole (attack round 12: kept in clear in the Parquet files)
		for (String waybill : new String[] { ID, ID.toLowerCase(), "110105-19491231-002X", "110-105-1949-1231-002-X",
				"SF" + ID, ID + "-1", ID.toLowerCase() + "-1", "13912345678", "139-1234-5678" }) {
			ParcelRejection r = rejected(v -> set(v, ParcelField.WAYBILL_NUMBER, waybill));
			assertThat(r).as(waybill).extracting(ParcelRejection::field, ParcelRejection::code)
				.containsExactly("waybillNumber", "personal-number");
			assertThat(r.message()).doesNotContain("19491231");
		}
		for (String fine : new String[] { "110105194912310021", "SF110105194912310021", "1101051949123100211",
				"JDVA13912345678", "SF1391234567890", "1391234567", "23912345678", "12912345678" }) {
			String[] v = valid();
			set(v, ParcelField.WAYBILL_NUMBER, fine);
			assertThat(validator.validate(v)).as(fine).isNotNull();
		}
		String[] v = valid();
		set(v, ParcelField.COURIER_ID, "C-320506-13");
		set(v, ParcelField.ITEM_CATEGORY, "320505 320506 320507");
		assertThat(validator.validate(v)).as("region codes in a row are no ID number").isNotNull();
	}

	/**
	 * Look-alike and invisible characters inside a value are refused (rule invisible-character): NBSP, the ideographic
	 * space, the Hangul filler, variation selectors, combining marks, tag characters; around the value the
	 * ideographic space is trimmed like any space.
	 */
	@Test
	void lookAlikeSpacesFillersSelectorsAndCombiningMarksAreRefusedInsideAValue() {
		String[] inside = { "C\u00A0007", "C\u3000007", "C\u3164007", "C007\uFE0F", "C0\u030107", "C007\uDB40\uDC41",
				"C\u2007007" };
		for (String s : inside) {
			for (ParcelField f : new ParcelField[] { ParcelField.COURIER_ID, ParcelField.ITEM_CATEGORY }) {
				assertThat(rejected(v -> set(v, f, s))).as("%s %s", f, s.codePoints().mapToObj(Integer::toHexString).toList())
					.extracting(ParcelRejection::field, ParcelRejection::code).containsExactly(f.json(), "invisible-character");
			}
		}
		String[] v = valid();
		set(v, ParcelField.COURIER_ID, "\u3000C007\u3000");
		set(v, ParcelField.ITEM_CATEGORY, "日用品 文具");
		ParcelRecord r = validator.validate(v);
		assertThat(r).isNotNull();
		assertThat(r.courierId()).isEqualTo("C007");
	}

	/**
	 * Around a value the no-break spaces and invisible characters are trimmed as ordinary spaces are ({@code Text.strip}):
	 * a region code or weight with a trailing NBSP, U+2007 or BOM is the code or weight it shows.
	 */
	@Test
	void noBreakSpacesAndAByteOrderMarkAroundAValueAreTrimmed() {
		ParcelRecord r = accepted(v -> {
			set(v, ParcelField.SENDER_REGION, "320506\u00A0");
			set(v, ParcelField.RECIPIENT_REGION, "\u202F110105");
			set(v, ParcelField.WEIGHT_GRAMS, "1200\u2007");
			set(v, ParcelField.WAYBILL_NUMBER, "\uFEFFSF1234567890");
			set(v, ParcelField.COURIER_ID, "C007\u00A0");
		});
		assertThat(r).extracting(ParcelRecord::senderRegion, ParcelRecord::recipientRegion, ParcelRecord::weightGrams,
				ParcelRecord::waybillNumber, ParcelRecord::courierId).containsExactly("320506", "110105", 1200, "SF1234567890", "C007");
	}

	/**
	 * Full-width digits typed with a Chinese input method are the digits they show, as the .xlsx importers and the outlet
	 * and machine numbers read them; a value still refused is echoed as sent, not as normalised.
	 */
	@Test
	void fullWidthDigitsOfAWeightOrRegionAreTheDigitsAndARefusalEchoesTheValueAsSent() {
		assertThat(accepted(v -> {
			set(v, ParcelField.WEIGHT_GRAMS, "５００");
			set(v, ParcelField.SENDER_REGION, "３２０５０６");
			set(v, ParcelField.RECIPIENT_REGION, "１１０１０５");
		})).extracting(ParcelRecord::weightGrams, ParcelRecord::senderRegion, ParcelRecord::recipientRegion)
			.containsExactly(500, "320506", "110105");
		assertThat(rejected(w -> set(w, ParcelField.WEIGHT_GRAMS, "５００ｇ")).message()).endsWith("：５００ｇ");
		assertThat(rejected(w -> set(w, ParcelField.SENDER_REGION, "３２０５９９")).message()).endsWith("：３２０５９９");
	}

	@Test
	void waybillNumberIsRequired() {
		assertThat(rejected(v -> set(v, ParcelField.WAYBILL_NUMBER, " "))).extracting(ParcelRejection::field,
				ParcelRejection::code).containsExactly("waybillNumber", "required");
	}

	@Test
	void waybillNumberHasItsFormat() {
		ParcelRejection r = rejected(v -> set(v, ParcelField.WAYBILL_NUMBER, "SF 123"));
		assertThat(r.code()).isEqualTo("format");
		assertThat(r.message()).contains("运单号（waybillNumber）");
		assertThat(rejected(v -> set(v, ParcelField.WAYBILL_NUMBER, "A".repeat(41))).code()).isEqualTo("format");
	}

	/** "sf1" and "SF1" are one waybill: kept upper-cased, so the claims and a batch's own duplicates compare alike. */
	@Test
	void aWaybillNumberIsKeptUpperCasedWithoutSurroundingSpaceAndHasALetterOrDigit() {
		String[] v = valid();
		set(v, ParcelField.WAYBILL_NUMBER, "\u3000sf12-ab\t ");
		assertThat(rejected(w -> set(w, ParcelField.WAYBILL_NUMBER, "sf12\t-ab")).code()).as("a tab inside is refused")
			.isEqualTo("control-character");
		assertThat(rejected(w -> set(w, ParcelField.WAYBILL_NUMBER, "sf12-ab\u0000")).code()).as("NUL is no white space")
			.isEqualTo("control-character");
		assertThat(validator.validate(v).waybillNumber()).isEqualTo("SF12-AB");
		for (String noNumber : new String[] { "-", "---", "- -" }) {
			ParcelRejection r = rejected(w -> set(w, ParcelField.WAYBILL_NUMBER, noNumber));
			assertThat(r).extracting(ParcelRejection::field, ParcelRejection::code).containsExactly("waybillNumber", "format");
			assertThat(r.message()).contains("至少含一个字母或数字");
		}
		assertThat(WaybillKey.of("sf1234567890")).isEqualTo(WaybillKey.of("SF1234567890"));
		assertThat(WaybillKey.of("jdx-1-a")).isEqualTo(WaybillKey.of("JDX-1-A")).isNotEqualTo(WaybillKey.of("JDX-1-B"));
	}

	/** Text a record keeps holds no control, invisible or undecodable character, in any field. */
	@Test
	void everyTextFieldRefusesControlAndInvisibleCharacters() {
		Object[][] cases = { { ParcelField.COURIER_ID, "C-007\u0000", "control-character" },
				{ ParcelField.ITEM_CATEGORY, "服\u200B装", "invisible-character" },
				{ ParcelField.WAYBILL_NUMBER, "SF\uFEFF1", "invisible-character" },
				{ ParcelField.SCREENING_MACHINE_SERIAL, "XR-320506\u202E-1", "invisible-character" },
				{ ParcelField.OUTLET_FILING_NUMBER, "3205060001\u0085", "control-character" },
				{ ParcelField.SENDER_ID_NUMBER, ID + "\u0007", "control-character" },
				{ ParcelField.ITEM_CATEGORY, "服\uFFFD装", "encoding" },
				{ ParcelField.COURIER_ID, "C\u2028D", "invisible-character" },
				{ ParcelField.COURIER_ID, "C\uD800", "control-character" } };
		for (Object[] c : cases) {
			ParcelField f = (ParcelField) c[0];
			ParcelRejection r = rejected(v -> set(v, f, (String) c[1]));
			assertThat(r).as("%s", c[1]).extracting(ParcelRejection::field, ParcelRejection::code)
				.containsExactly(f.json(), c[2]);
			assertThat(r.message()).doesNotContain(ID).doesNotContain("\u0000");
		}
		String[] v = valid();
		set(v, ParcelField.ITEM_CATEGORY, "手机 😀 配件");
		assertThat(validator.validate(v)).as("a character outside the BMP is text").isNotNull();
	}

	@Test
	void acceptedAtIsRequired() {
		assertThat(rejected(v -> set(v, ParcelField.ACCEPTED_AT, null)).code()).isEqualTo("required");
	}

	@Test
	void acceptedAtIsAnIsoInstantWithItsOffset() {
		ParcelRejection r = rejected(v -> set(v, ParcelField.ACCEPTED_AT, "2026-05-20 10:30:00"));
		assertThat(r.field()).isEqualTo("acceptedAt");
		assertThat(r.code()).isEqualTo("format");
		// the platform's one message of a zoned time, not one of its own
		assertThat(r.message()).isEqualTo("收寄时间（acceptedAt）应为" + Validation.ZONED_TIME);
		assertThat(rejected(v -> set(v, ParcelField.ACCEPTED_AT, "2026-05-20T10:30:00+0800")).message())
			.contains(Validation.ZONED_TIME);
		assertThat(rejected(v -> set(v, ParcelField.ACCEPTED_AT, "2026-02-30T10:30:00Z")).code()).isEqualTo("format");
		assertThat(ParcelValidator.instant("2026-05-20T02:30:00.123Z")).isEqualTo(Instant.parse("2026-05-20T02:30:00.123Z"));
		assertThat(ParcelValidator.instant("2026-05-20T02:30:00-01:30")).isEqualTo(Instant.parse("2026-05-20T04:00:00Z"));
		// an offset beyond ±18:00 is no offset (java.time's range)
		assertThat(ParcelValidator.instant("2026-05-20T02:30:00+18:00")).isEqualTo(Instant.parse("2026-05-19T08:30:00Z"));
		assertThat(ParcelValidator.instant("2026-05-20T02:30:00+18:30")).isNull();
		assertThat(ParcelValidator.instant("2026-05-20T02:30:00-18:59")).isNull();
	}

	@Test
	void acceptedAtIsNotInTheFutureBeyondTheSkew() {
		assertThat(rejected(v -> set(v, ParcelField.ACCEPTED_AT, "2026-05-20T04:06:00Z")).code()).isEqualTo("future");
		String[] v = valid();
		set(v, ParcelField.ACCEPTED_AT, "2026-05-20T04:04:00Z");
		assertThat(validator.validate(v)).as("within the clock skew").isNotNull();
	}

	@Test
	void acceptedAtIsNotOlderThanTheWindow() {
		ParcelRejection r = rejected(v -> set(v, ParcelField.ACCEPTED_AT, "2026-04-19T00:00:00Z"));
		assertThat(r.code()).isEqualTo("too-old");
		assertThat(r.message()).contains("只接收30日内收寄的记录").doesNotContain("youguan.safety");
	}

	@Test
	void realNameMethodIsRequired() {
		assertThat(rejected(v -> set(v, ParcelField.REAL_NAME_METHOD, null)).code()).isEqualTo("required");
	}

	@Test
	void realNameMethodIsOneOfTheMethods() {
		ParcelRejection r = rejected(v -> set(v, ParcelField.REAL_NAME_METHOD, "刷脸"));
		assertThat(r.field()).isEqualTo("realNameMethod");
		assertThat(r.code()).isEqualTo("unknown");
	}

	@Test
	void senderIdTypeIsOneOfTheTypes() {
		ParcelRejection r = rejected(v -> set(v, ParcelField.SENDER_ID_TYPE, "驾驶证"));
		assertThat(r.field()).isEqualTo("senderIdType");
		assertThat(r.code()).isEqualTo("unknown");
		// the uploader is told what to send instead: every accepted name, with the code the field takes too
		assertThat(r.message()).contains("驾驶证").contains("应为居民身份证（RESIDENT_ID）、临时居民身份证（TEMPORARY_ID）、")
			.contains("外国人护照（FOREIGN_PASSPORT）、统一社会信用代码（CREDIT_CODE）之一");
	}

	@Test
	void aMethodCheckingIdentityNeedsTheIdType() {
		ParcelRejection r = rejected(v -> set(v, ParcelField.SENDER_ID_TYPE, null));
		assertThat(r.field()).isEqualTo("senderIdType");
		assertThat(r.code()).isEqualTo("required-for-method");
		assertThat(r.message()).contains("现场查验");
	}

	@Test
	void aMethodCheckingIdentityNeedsTheNumberOrItsPseudonym() {
		ParcelRejection r = rejected(v -> set(v, ParcelField.SENDER_ID_NUMBER, null));
		assertThat(r.field()).isEqualTo("senderIdNumber");
		assertThat(r.code()).isEqualTo("required-for-method");
		String[] v = valid();
		set(v, ParcelField.SENDER_ID_NUMBER, null);
		set(v, ParcelField.SENDER_ID_PSEUDONYM, "AB".repeat(32));
		assertThat(validator.validate(v).senderIdPseudonym()).as("a pseudonym instead, lower-cased").isEqualTo("ab".repeat(32));
	}

	@Test
	void aNumberNeedsItsType() {
		String[] v = valid();
		set(v, ParcelField.REAL_NAME_METHOD, "协议客户");
		set(v, ParcelField.SENDER_ID_TYPE, null);
		assertThat(validator.validate(v)).isNull();
		assertThat(validator.rejection().code()).isEqualTo("required-with-number");
	}

	@Test
	void aResidentIdNumberHasItsCheckDigitAndNeverAppearsInTheReason() {
		ParcelRejection r = rejected(v -> set(v, ParcelField.SENDER_ID_NUMBER, "110105194912310021"));
		assertThat(r.field()).isEqualTo("senderIdNumber");
		assertThat(r.code()).isEqualTo("resident-id");
		assertThat(r.message()).doesNotContain("110105194912310021");
		assertThat(rejected(v -> set(v, ParcelField.SENDER_ID_NUMBER, "11010519491231002")).code()).isEqualTo("resident-id");
		assertThat(rejected(v -> set(v, ParcelField.SENDER_ID_NUMBER, "110105204912310028")).code())
			.as("born in the future").isEqualTo("resident-id");
		String[] lower = valid();
		set(lower, ParcelField.SENDER_ID_NUMBER, " 11010519491231002x ");
		assertThat(validator.validate(lower).senderIdPseudonym()).as("normalised before hashing").isEqualTo(PSEUDONYMS.of(ID));
	}

	@Test
	void aCreditCodeHasItsCheckCharacter() {
		ParcelRejection r = rejected(v -> {
			set(v, ParcelField.SENDER_ID_TYPE, "统一社会信用代码");
			set(v, ParcelField.SENDER_ID_NUMBER, "91320506MA1234567X");
		});
		assertThat(r.code()).isEqualTo("credit-code");
	}

	@Test
	void anotherDocumentNumberIsLettersAndDigits() {
		ParcelRejection r = rejected(v -> {
			set(v, ParcelField.SENDER_ID_TYPE, "护照");
			set(v, ParcelField.SENDER_ID_NUMBER, "E12/345");
		});
		assertThat(r.code()).isEqualTo("format");
		// a space inside is no character of the number: E12 345 is E12345 (Pseudonyms.normalise)
		assertThat(accepted(v -> {
			set(v, ParcelField.SENDER_ID_TYPE, "护照");
			set(v, ParcelField.SENDER_ID_NUMBER, "E12 345");
		}).senderIdPseudonym()).isEqualTo(PSEUDONYMS.of("E12345"));
	}

	@Test
	void aPseudonymIs64Hex() {
		ParcelRejection r = rejected(v -> {
			set(v, ParcelField.SENDER_ID_NUMBER, null);
			set(v, ParcelField.SENDER_ID_PSEUDONYM, "xyz");
		});
		assertThat(r.field()).isEqualTo("senderIdPseudonym");
		assertThat(r.code()).isEqualTo("format");
	}

	@Test
	void senderRegionIsRequired() {
		assertThat(rejected(v -> set(v, ParcelField.SENDER_REGION, null)).code()).isEqualTo("required");
	}

	@Test
	void senderRegionIsAnExistingCounty() {
		ParcelRejection r = rejected(v -> set(v, ParcelField.SENDER_REGION, "999999"));
		assertThat(r.field()).isEqualTo("senderRegion");
		assertThat(r.code()).isEqualTo("unknown");
		assertThat(r.message()).contains("寄件地区（senderRegion）").contains("999999");
	}

	@Test
	void recipientRegionIsRequired() {
		assertThat(rejected(v -> set(v, ParcelField.RECIPIENT_REGION, null)).field()).isEqualTo("recipientRegion");
	}

	@Test
	void recipientRegionIsAnExistingCounty() {
		ParcelRejection r = rejected(v -> set(v, ParcelField.RECIPIENT_REGION, "3205"));
		assertThat(r.field()).isEqualTo("recipientRegion");
		assertThat(r.code()).isEqualTo("unknown");
	}

	/** 香港, 澳门, 台湾 and abroad are recipients too; a sender is always in a mainland county. */
	@Test
	void aRecipientOutsideTheMainlandHasItsCode() {
		for (String region : new String[] { "810000", "820000", "710000", "999999" }) {
			String[] v = valid();
			set(v, ParcelField.RECIPIENT_REGION, region);
			assertThat(validator.validate(v)).as(region).isNotNull().extracting(ParcelRecord::recipientRegion).isEqualTo(region);
		}
		assertThat(rejected(v -> set(v, ParcelField.RECIPIENT_REGION, "990000")).code()).isEqualTo("unknown");
		assertThat(rejected(v -> set(v, ParcelField.SENDER_REGION, "810000"))).extracting(ParcelRejection::field,
				ParcelRejection::code).containsExactly("senderRegion", "unknown");
	}

	@Test
	void itemCategoryIsRequired() {
		assertThat(rejected(v -> set(v, ParcelField.ITEM_CATEGORY, null)).field()).isEqualTo("itemCategory");
	}

	@Test
	void itemCategoryIsAtMost40Characters() {
		assertThat(rejected(v -> set(v, ParcelField.ITEM_CATEGORY, "物".repeat(41))).code()).isEqualTo("length");
	}

	@Test
	void weightIsRequired() {
		assertThat(rejected(v -> set(v, ParcelField.WEIGHT_GRAMS, null)).code()).isEqualTo("required");
	}

	@Test
	void weightIsWholeGramsInItsRange() {
		assertThat(rejected(v -> set(v, ParcelField.WEIGHT_GRAMS, "0")).code()).isEqualTo("range");
		assertThat(rejected(v -> set(v, ParcelField.WEIGHT_GRAMS, "100000001")).code()).isEqualTo("range");
		assertThat(rejected(v -> set(v, ParcelField.WEIGHT_GRAMS, "1.5")).code()).isEqualTo("range");
	}

	/**
	 * A weight grouped by thousands as the sheets take it — "1,200" quoted in a CSV line, full-width １，２００ — is that
	 * many grams; a separator out of its place is refused, naming the separator's rule.
	 */
	@Test
	void aWeightMayGroupThousandsInWellFormedGroupsOnly() throws IOException {
		List<String[]> lines = new ArrayList<>();
		ParcelLines.csv(new ByteArrayInputStream("waybillNumber,weightGrams\nSF1,\"1,200\"\nSF2,\"100,000,000\"\nSF3,\"1,20\"\n"
			.getBytes(StandardCharsets.UTF_8)), new ParcelLines.Sink() {

				@Override
				public void record(long line, String[] fields) {
					// the reader hands each line in the same array
					lines.add(fields.clone());
				}

				@Override
				public void broken(long line, ParcelRejection why, String content) {
					throw new AssertionError(why.code());
				}
			});
		assertThat(lines).hasSize(3);
		assertThat(accepted(v -> set(v, ParcelField.WEIGHT_GRAMS, lines.get(0)[ParcelField.WEIGHT_GRAMS.ordinal()])).weightGrams())
			.isEqualTo(1200);
		assertThat(accepted(v -> set(v, ParcelField.WEIGHT_GRAMS, lines.get(1)[ParcelField.WEIGHT_GRAMS.ordinal()])).weightGrams())
			.isEqualTo(100_000_000);
		assertThat(accepted(v -> set(v, ParcelField.WEIGHT_GRAMS, "１，２００")).weightGrams()).isEqualTo(1200);
		assertThat(accepted(v -> set(v, ParcelField.WEIGHT_GRAMS, "12,345")).weightGrams()).isEqualTo(12345);
		ParcelRejection misplaced = rejected(v -> set(v, ParcelField.WEIGHT_GRAMS, lines.get(2)[ParcelField.WEIGHT_GRAMS.ordinal()]));
		assertThat(misplaced.field()).isEqualTo("weightGrams");
		assertThat(misplaced.code()).isEqualTo("thousands-separator");
		assertThat(misplaced.message()).contains("1,20").contains("千位分隔符");
		for (String bad : List.of("12,00", "1,2000", ",200", "1,200,", "1,,200", "1200,000", "1,234,56", "100,000,001", "1,200.5")) {
			assertThat(rejected(v -> set(v, ParcelField.WEIGHT_GRAMS, bad)).code()).as(bad).isEqualTo("thousands-separator");
		}
		assertThat(ParcelValidator.grams("0,001")).isEqualTo(1);
		assertThat(ParcelValidator.grams("1,000,000,000")).isEqualTo(-1);
	}

	@Test
	void inspectedIsABoolean() {
		ParcelRejection r = rejected(v -> set(v, ParcelField.INSPECTED, "maybe"));
		assertThat(r.field()).isEqualTo("inspected");
		assertThat(rejected(v -> set(v, ParcelField.INSPECTED, null)).field()).isEqualTo("inspected");
	}

	@Test
	void screenedIsABoolean() {
		assertThat(rejected(v -> set(v, ParcelField.SCREENED, "yes")).field()).isEqualTo("screened");
	}

	@Test
	void theMachineIsARegisteredScreeningMachineOfTheEnterprise() {
		ParcelRejection r = rejected(v -> set(v, ParcelField.SCREENING_MACHINE_SERIAL, "XR-OTHER-1"));
		assertThat(r.field()).isEqualTo("screeningMachineSerial");
		assertThat(r.code()).isEqualTo("not-registered");
		String[] v = valid();
		set(v, ParcelField.SCREENING_MACHINE_SERIAL, "XR-320506-1");
		assertThat(validator.validate(v).screeningMachineSerial()).isEqualTo("XR-320506-1");
	}

	/** A serial or filing number differing from the registered one only in case names it, kept as registered. */
	@Test
	void aMachineSerialIsComparedWhateverItsCaseAndKeptAsRegistered() {
		assertThat(accepted(v -> set(v, ParcelField.SCREENING_MACHINE_SERIAL, "xr-320506-1")).screeningMachineSerial())
			.isEqualTo("XR-320506-1");
		assertThat(accepted(v -> set(v, ParcelField.SCREENING_MACHINE_SERIAL, "ｘｒ－３２０５０６－１")).screeningMachineSerial())
			.isEqualTo("XR-320506-1");
		assertThat(rejected(v -> set(v, ParcelField.SCREENING_MACHINE_SERIAL, "xr-320506-2")).code()).isEqualTo("not-registered");
	}

	/** The roster's rule for a courier id holds on the records too (CourierIds): an id it would refuse is refused. */
	@Test
	void aCourierIdFollowsTheRostersRule() {
		ParcelRejection r = rejected(v -> set(v, ParcelField.COURIER_ID, "张三/01"));
		assertThat(r.field()).isEqualTo("courierId");
		assertThat(r.code()).isEqualTo("format");
		assertThat(r.message()).contains("字母、数字", "张三/01");
		assertThat(rejected(v -> set(v, ParcelField.COURIER_ID, "C 007")).code()).isEqualTo("format");
		assertThat(accepted(v -> set(v, ParcelField.COURIER_ID, "c_wz-007")).courierId()).isEqualTo("C_WZ-007");
		assertThat(CourierIds.kept(" ｋ００１ ")).isEqualTo("K001");
		assertThat(CourierIds.wellFormed(CourierIds.kept("张三"))).isFalse();
	}

	/**
	 * 过机安检 needs a machine (art.33): the serial is optional in the contract, but an enterprise with no machine it may
	 * name and no contractor covering the outlet on the day cannot have screened the parcel.
	 */
	@Test
	void aScreenedParcelNeedsAMachineOfTheEnterpriseOrAContractedOutlet() {
		String[] given = valid();
		set(given, ParcelField.SCREENED, "true");
		assertThat(validator.validate(given)).as("the enterprise has a machine: the serial is optional").isNotNull();
		ParcelValidator machineless = new ParcelValidator(7, Set.of("320506", "110105"),
				Map.of("3205060001", Instant.MAX, "3205060002", CLOSED), Set.of(),
				Map.of("3205060001", List.<LocalDate[]>of(new LocalDate[] { LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31) })),
				WUZHONG, PSEUDONYMS, NOW, Duration.ofDays(30), Duration.ofMinutes(5), 2000);
		assertThat(machineless.validate(given)).isNull();
		assertThat(machineless.rejection()).extracting(ParcelRejection::field, ParcelRejection::code)
			.containsExactly("screeningMachineSerial", "required");
		String[] v = valid();
		set(v, ParcelField.SCREENED, "true");
		set(v, ParcelField.OUTLET_FILING_NUMBER, "3205060001");
		assertThat(machineless.validate(v)).as("the outlet's contract covers May").isNotNull();
		set(v, ParcelField.ACCEPTED_AT, "2026-04-30T23:00:00+08:00");
		assertThat(machineless.validate(v)).as("the contract starts on 1 May").isNull();
		assertThat(machineless.rejection().code()).isEqualTo("required");
		set(v, ParcelField.SCREENED, "false");
		assertThat(machineless.validate(v)).as("not screened needs no machine").isNotNull();
	}

	@Test
	void theOutletBelongsToTheEnterprise() {
		ParcelRejection r = rejected(v -> set(v, ParcelField.OUTLET_FILING_NUMBER, "3205069999"));
		assertThat(r.field()).isEqualTo("outletFilingNumber");
		assertThat(r.code()).isEqualTo("not-own");
	}

	/**
	 * A 备案编号 sent in another typing of the same number — full-width digits, other dashes, spaces around them, the
	 * sequence without its padding — names the outlet stored as the series writes it, for ownership and for the
	 * screening contract alike, and the record carries the stored form.
	 */
	@Test
	void anOutletNumberTypedAnotherWayIsTheOutletStoredInTheWrittenForm() {
		String stored = "网点备案-320506-2026-000075";
		ParcelValidator machineless = new ParcelValidator(7, Set.of("320506", "110105"), Map.of(stored, Instant.MAX),
				Set.of(), Map.of(stored, List.<LocalDate[]>of(new LocalDate[] { LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31) })),
				WUZHONG, PSEUDONYMS, NOW, Duration.ofDays(30), Duration.ofMinutes(5), 2000);
		for (String typed : new String[] { "网点备案 – 320506-2026-75", "网点备案-３２０５０６-２０２６-０００７５", stored }) {
			String[] v = valid();
			set(v, ParcelField.SCREENED, "true");
			set(v, ParcelField.OUTLET_FILING_NUMBER, typed);
			ParcelRecord r = machineless.validate(v);
			assertThat(r).as(typed).isNotNull();
			assertThat(r.outletFilingNumber()).isEqualTo(stored);
		}
	}

	/** A machine serial sent in full-width characters is the registered machine, and the record carries its stored form. */
	@Test
	void aMachineSerialTypedInFullWidthIsTheRegisteredMachine() {
		String[] v = valid();
		set(v, ParcelField.SCREENED, "true");
		set(v, ParcelField.SCREENING_MACHINE_SERIAL, "ＸＲ－３２０５０６－１");
		assertThat(validator.validate(v).screeningMachineSerial()).isEqualTo("XR-320506-1");
	}

	@Test
	void aClosedOutletTakesNoParcelFromItsClosingDayOnButKeepsEarlierOnes() {
		ParcelRejection r = rejected(v -> set(v, ParcelField.OUTLET_FILING_NUMBER, "3205060002"));
		assertThat(r.field()).isEqualTo("outletFilingNumber");
		assertThat(r.code()).isEqualTo("outlet-closed");
		assertThat(r.message()).contains("2026年5月20日关闭", "3205060002", "2026-05-20T10:30:00+08:00");
		// the first instant of the closing day is refused too
		assertThat(rejected(v -> {
			set(v, ParcelField.OUTLET_FILING_NUMBER, "3205060002");
			set(v, ParcelField.ACCEPTED_AT, "2026-05-20T00:00:00+08:00");
		}).code()).isEqualTo("outlet-closed");
		// a late upload of a parcel accepted the evening before is valid
		String[] v = valid();
		set(v, ParcelField.OUTLET_FILING_NUMBER, "3205060002");
		set(v, ParcelField.ACCEPTED_AT, "2026-05-19T23:59:59+08:00");
		assertThat(validator.validate(v).outletFilingNumber()).isEqualTo("3205060002");
		// an open outlet takes parcels at any time
		set(v, ParcelField.OUTLET_FILING_NUMBER, "3205060001");
		set(v, ParcelField.ACCEPTED_AT, "2026-05-20T11:00:00+08:00");
		assertThat(validator.validate(v).outletFilingNumber()).isEqualTo("3205060001");
	}

	@Test
	void courierIdIsAtMost40Characters() {
		assertThat(rejected(v -> set(v, ParcelField.COURIER_ID, "C".repeat(41))).field()).isEqualTo("courierId");
	}

	@Test
	void agreementCustomersAndLettersAreExemptAndUnverifiedParcelsAreSubjectButNotRealName() {
		String[] agreement = valid();
		set(agreement, ParcelField.REAL_NAME_METHOD, "协议客户");
		set(agreement, ParcelField.SENDER_ID_TYPE, null);
		set(agreement, ParcelField.SENDER_ID_NUMBER, null);
		ParcelRecord a = validator.validate(agreement);
		assertThat(a.exempt()).isTrue();
		assertThat(a.realName()).isFalse();
		String[] none = valid();
		set(none, ParcelField.REAL_NAME_METHOD, "未实名");
		set(none, ParcelField.SENDER_ID_TYPE, null);
		set(none, ParcelField.SENDER_ID_NUMBER, null);
		ParcelRecord n = validator.validate(none);
		assertThat(n.exempt()).isFalse();
		assertThat(n.realName()).isFalse();
		String[] letter = valid();
		set(letter, ParcelField.ITEM_CATEGORY, "信件");
		assertThat(validator.validate(letter).exempt()).isTrue();
	}

	@Test
	void theSameKeyGivesTheSamePseudonymAndAnotherKeyAnUnlinkableOne() {
		Pseudonyms same = new Pseudonyms("k".repeat(32).getBytes(StandardCharsets.UTF_8));
		Pseudonyms other = new Pseudonyms("m".repeat(32).getBytes(StandardCharsets.UTF_8));
		assertThat(same.of(ID)).isEqualTo(PSEUDONYMS.of(ID));
		assertThat(other.of(ID)).isNotEqualTo(PSEUDONYMS.of(ID)).matches("[0-9a-f]{64}");
		assertThat(PSEUDONYMS.of("110105194912310037")).isNotEqualTo(PSEUDONYMS.of(ID));
	}

	/**
	 * A resident ID number typed in blocks, in full-width digits or with a lower-case x is the number: accepted, and
	 * under the same pseudonym as the plain number (attack: refused as resident-id although the contract takes it).
	 */
	@Test
	void anIdNumberTypedInBlocksOrFullWidthIsTheNumberUnderOnePseudonym() {
		String plain = accepted(v -> { }).senderIdPseudonym();
		for (String typed : new String[] { "110105 19491231 002x", "1101 0519 4912 3100 2x",
				"１１０１０５１９４９１２３１００２Ｘ", "１１０１０５ １９４９１２３１ ００２ｘ", " 1101 0519 4912 3100 2X " }) {
			assertThat(accepted(v -> set(v, ParcelField.SENDER_ID_NUMBER, typed)).senderIdPseudonym()).as(typed).isEqualTo(plain);
		}
		assertThat(PSEUDONYMS.of("110105 19491231 002x")).isEqualTo(PSEUDONYMS.of(ID));
		// a passport number keeps its letters, upper-cased; its hyphens are joiners, no characters of it (IdNumbers)
		assertThat(IdNumbers.normalise("ｅ１２３-45 6")).isEqualTo("E123456");
	}

	/**
	 * Attack finding 1: a resident ID number written with hyphens (or full-width dashes) is the number — accepted as a
	 * 居民身份证 under its one pseudonym, refused under another type as id-type-mismatch (it was a passport number, a
	 * second pseudonym escaping the alerts), as is one with something added; a hyphenated mobile number and a number
	 * of nothing but hyphens are refused too. Finding 2: a resident ID number that passes GB 32100 is no credit code.
	 */
	@Test
	void hyphensAreNoPartOfANumberSoAHyphenatedResidentIdIsRefusedUnderAnotherType() {
		String plain = accepted(v -> { }).senderIdPseudonym();
		for (String typed : new String[] { "110105-19491231-002X", "１１０１０５－１９４９１２３１－００２ｘ" }) {
			assertThat(accepted(v -> set(v, ParcelField.SENDER_ID_NUMBER, typed)).senderIdPseudonym()).as(typed).isEqualTo(plain);
			ParcelRejection r = rejected(v -> {
				set(v, ParcelField.SENDER_ID_TYPE, "外国人护照");
				set(v, ParcelField.SENDER_ID_NUMBER, typed);
			});
			assertThat(r).extracting(ParcelRejection::field, ParcelRejection::code).containsExactly("senderIdNumber", "id-type-mismatch");
			assertThat(r.message()).startsWith("寄件人证件号码（senderIdNumber）").doesNotContain("19491231");
		}
		String[][] refused = { { "11010519491231002X1", "id-type-mismatch" }, { "G11010519491231002X", "id-type-mismatch" },
				{ "139-1234-5678", "mobile-number" }, { "-", "format" }, { "---", "format" } };
		for (String[] n : refused) {
			assertThat(rejected(v -> {
				set(v, ParcelField.SENDER_ID_TYPE, "外国人护照");
				set(v, ParcelField.SENDER_ID_NUMBER, n[0]);
			}).code()).as(n[0]).isEqualTo(n[1]);
		}
		assertThat(rejected(v -> {
			set(v, ParcelField.SENDER_ID_TYPE, "统一社会信用代码");
			set(v, ParcelField.SENDER_ID_NUMBER, "321102198001010391");
		}).code()).isEqualTo("id-type-mismatch");
		assertThat(accepted(v -> {
			set(v, ParcelField.SENDER_ID_TYPE, "外国人护照");
			set(v, ParcelField.SENDER_ID_NUMBER, "E12-345-678");
		}).senderIdPseudonym()).isEqualTo(PSEUDONYMS.of("E12345678"));
	}

	/**
	 * A passport, a permit or a military card number that is a mainland resident ID number or a mobile number is refused
	 * (rules id-type-mismatch, mobile-number): the same person would get a second pseudonym, or no document was shown.
	 */
	@Test
	void anotherDocumentTypeRefusesAResidentIdOrMobileNumber() {
		for (String type : new String[] { "外国人护照", "军人、武警身份证件", "往来港澳台通行证" }) {
			ParcelRejection id = rejected(v -> {
				set(v, ParcelField.SENDER_ID_TYPE, type);
				set(v, ParcelField.SENDER_ID_NUMBER, "110105 19491231 002x");
			});
			assertThat(id.field()).isEqualTo("senderIdNumber");
			assertThat(id.code()).as(type).isEqualTo("id-type-mismatch");
			assertThat(id.message()).contains(type, "居民身份证").doesNotContain("19491231");
			for (String mobile : new String[] { "13912345678", "8613912345678", "００８６１３９１２３４５６７８" }) {
				ParcelRejection m = rejected(v -> {
					set(v, ParcelField.SENDER_ID_TYPE, type);
					set(v, ParcelField.SENDER_ID_NUMBER, mobile);
				});
				assertThat(m.code()).as(type + " " + mobile).isEqualTo("mobile-number");
			}
		}
		// a real passport number, and a number of 11 digits that is no mobile one, stay accepted
		accepted(v -> {
			set(v, ParcelField.SENDER_ID_TYPE, "外国人护照");
			set(v, ParcelField.SENDER_ID_NUMBER, "E12345678");
		});
		accepted(v -> {
			set(v, ParcelField.SENDER_ID_TYPE, "军人、武警身份证件");
			set(v, ParcelField.SENDER_ID_NUMBER, "12345678901");
		});
	}

	/**
	 * Each rule on its own: the fast pass names it as the line's fault, and the full list of the refused line
	 * ({@link ParcelValidator#faults}) names exactly it — its field and rule —, a field's later rules not added to it
	 * (a waybill with an invisible character is not also of the wrong format).
	 */
	@Test
	void eachRuleAloneIsTheLinesOnlyFaultWithItsFieldAndRule() {
		record Case(ParcelField field, String value, String rule) {
		}
		List<Case> cases = List.of(new Case(ParcelField.WAYBILL_NUMBER, null, "required"),
				new Case(ParcelField.WAYBILL_NUMBER, "SF#1", "format"),
				new Case(ParcelField.WAYBILL_NUMBER, "13912345678", "personal-number"),
				new Case(ParcelField.WAYBILL_NUMBER, "SF\u200B1", "invisible-character"),
				new Case(ParcelField.ACCEPTED_AT, null, "required"),
				new Case(ParcelField.ACCEPTED_AT, "2026-05-20 10:30", "format"),
				new Case(ParcelField.ACCEPTED_AT, "2026-06-20T10:30:00+08:00", "future"),
				new Case(ParcelField.ACCEPTED_AT, "2026-01-20T10:30:00+08:00", "too-old"),
				new Case(ParcelField.REAL_NAME_METHOD, null, "required"),
				new Case(ParcelField.REAL_NAME_METHOD, "随便", "unknown"),
				new Case(ParcelField.SENDER_ID_TYPE, "驾驶证", "unknown"),
				new Case(ParcelField.SENDER_ID_TYPE, null, "required-for-method"),
				new Case(ParcelField.SENDER_REGION, null, "required"),
				new Case(ParcelField.SENDER_REGION, "999998", "unknown"),
				new Case(ParcelField.RECIPIENT_REGION, "123", "unknown"),
				new Case(ParcelField.ITEM_CATEGORY, null, "required"),
				new Case(ParcelField.ITEM_CATEGORY, "x".repeat(41), "length"),
				new Case(ParcelField.ITEM_CATEGORY, "服\u0001装", "control-character"),
				new Case(ParcelField.WEIGHT_GRAMS, null, "required"),
				new Case(ParcelField.WEIGHT_GRAMS, "0", "range"),
				new Case(ParcelField.WEIGHT_GRAMS, "1,20", "thousands-separator"),
				new Case(ParcelField.INSPECTED, "maybe", "boolean"),
				new Case(ParcelField.SCREENED, null, "boolean"),
				new Case(ParcelField.SCREENING_MACHINE_SERIAL, "XR-999", "not-registered"),
				new Case(ParcelField.OUTLET_FILING_NUMBER, "9999999999", "not-own"),
				new Case(ParcelField.COURIER_ID, "x".repeat(41), "length"),
				new Case(ParcelField.COURIER_ID, "13912345678", "personal-number"));
		for (Case c : cases) {
			String[] v = valid();
			set(v, c.field(), c.value());
			String as = c.field().json() + "=" + c.value();
			assertThat(validator.validate(v)).as(as).isNull();
			assertThat(validator.rejection()).as(as).extracting(ParcelRejection::field, ParcelRejection::code)
				.containsExactly(c.field().json(), c.rule());
			assertThat(validator.faults(v)).as(as).extracting(r -> r.field() + "/" + r.code())
				.containsExactly(c.field().json() + "/" + c.rule());
		}
	}

	/**
	 * Finding (a rejected line reported only its first fault): a line breaking rules of several fields lists every one,
	 * in the order they are checked, each field once with its first rule — rules across fields too (a letter's weight)
	 * —, while the fast pass still stops at the first; a valid line has no fault and stays a record.
	 */
	@Test
	void aLineBreakingSeveralRulesListsEveryFaultWhileTheFastPassStopsAtTheFirst() {
		String[] v = valid();
		set(v, ParcelField.WAYBILL_NUMBER, null);
		set(v, ParcelField.ACCEPTED_AT, "yesterday");
		set(v, ParcelField.SENDER_REGION, "999998");
		set(v, ParcelField.ITEM_CATEGORY, "信件");
		set(v, ParcelField.WEIGHT_GRAMS, "5000");
		set(v, ParcelField.INSPECTED, "maybe");
		set(v, ParcelField.COURIER_ID, "13912345678");
		assertThat(validator.validate(v)).isNull();
		assertThat(validator.rejection()).extracting(ParcelRejection::field, ParcelRejection::code)
			.containsExactly("waybillNumber", "required");
		List<ParcelRejection> faults = validator.faults(v);
		assertThat(faults).extracting(r -> r.field() + "/" + r.code())
			.containsExactly("waybillNumber/required", "acceptedAt/format", "senderRegion/unknown", "itemCategory/letter-weight",
					"inspected/boolean", "courierId/personal-number");
		assertThat(faults).allSatisfy(r -> assertThat(r.message()).isNotBlank().doesNotContain("13912345678"));
		assertThat(faults.get(1).message()).contains("acceptedAt");
		// the fast pass after it is unchanged, and a valid line has nothing to list
		assertThat(validator.validate(v)).isNull();
		assertThat(validator.rejection().field()).isEqualTo("waybillNumber");
		assertThat(validator.faults(valid())).isEmpty();
		assertThat(validator.validate(valid())).isNotNull();
	}
}
