package org.youguan.kernel;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueTypesTest {

	static final LocalDate TODAY = LocalDate.of(2026, 3, 5);

	static String id(String first17) {
		return first17 + IdCardNumber.checkCharacter(first17);
	}

	static String rule(Throwable ex) {
		return ((InvalidValueException) ex).fieldErrors().get(0).rule();
	}

	/** Built with the GB 32100 algorithm's own check character so the test data is valid by construction. */
	static String validCreditCode(String first17) {
		return first17 + CreditCode.checkCharacter(first17);
	}

	@Test
	void acceptsAPublishedCreditCode() {
		// 91350100M000100Y43 is the standard example of GB 32100-2015 Annex B
		assertThat(CreditCode.of("91350100M000100Y43").value()).isEqualTo("91350100M000100Y43");
	}

	@Test
	void normalisesCreditCodeCaseAndSpaces() {
		assertThat(CreditCode.of(" 91350100m000100y43 ").value()).isEqualTo("91350100M000100Y43");
	}

	@Test
	void normalisesCreditCodeTypedFullWidthOrWithInvisibleCharacters() {
		// a Chinese input method types full-width digits and letters; a copied cell brings zero-width spaces and U+FEFF
		assertThat(CreditCode.of("\u3000９１３５０１００Ｍ０００１００ｙ４３\u3000").value()).isEqualTo("91350100M000100Y43");
		assertThat(CreditCode.of("\uFEFF91350100\u200BM000100Y43\u00A0").value()).isEqualTo("91350100M000100Y43");
		assertThatThrownBy(() -> CreditCode.of("\u200B\u200B")).hasMessageContaining("不能为空");
	}

	@Test
	void rejectsCreditCodeWithWrongCheckCharacterNamingTheRule() {
		assertThatThrownBy(() -> CreditCode.of("91350100M000100Y44")).isInstanceOf(InvalidValueException.class)
			.hasMessageContaining("校验位")
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors().get(0).rule())
				.isEqualTo("check-character"));
	}

	@Test
	void rejectsCreditCodeOfWrongLengthOrForbiddenCharacters() {
		assertThatThrownBy(() -> CreditCode.of("9135010")).hasMessageContaining("18位");
		assertThatThrownBy(() -> CreditCode.of("91350100I000100Y43")).hasMessageContaining("第9位");
	}

	@Test
	void acceptsValidIdNumberAndKnowsTheBirthDate() {
		String first17 = "11010519491231002";
		IdCardNumber id = IdCardNumber.of(first17 + IdCardNumber.checkCharacter(first17), TODAY);
		assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
		assertThat(id.toString()).isEqualTo("110105********002" + IdCardNumber.checkCharacter(first17))
			.doesNotContain("19491231");
	}

	@Test
	void acceptsTheStandardExampleWithCheckX() {
		assertThat(IdCardNumber.of("11010519491231002x", TODAY).value()).isEqualTo("11010519491231002X");
	}

	@Test
	void rejectsIdNumberWithWrongCheckDigitImpossibleDateOrLegacyForm() {
		assertThatThrownBy(() -> IdCardNumber.of("110105194912310021", TODAY)).hasMessageContaining("校验码");
		String feb30 = "11010519490230002";
		assertThatThrownBy(() -> IdCardNumber.of(feb30 + IdCardNumber.checkCharacter(feb30), TODAY))
			.hasMessageContaining("出生日期")
			.as("the refusal does not echo the digits masking hides").hasMessageNotContaining("19490230");
		assertThatThrownBy(() -> IdCardNumber.of("110105491231002", TODAY)).hasMessageContaining("15位");
	}

	@Test
	void acceptsMobileNumbersWithPrefixAndSeparators() {
		assertThat(MobilePhone.of("+86 139-1234-5678").value()).isEqualTo("13912345678");
		assertThat(MobilePhone.of("13912345678").masked()).isEqualTo("139****5678");
	}

	@Test
	void rejectsNonMobileNumbers() {
		assertThatThrownBy(() -> MobilePhone.of("123")).hasMessageContaining("11位");
		assertThatThrownBy(() -> MobilePhone.of("12912345678")).isInstanceOf(InvalidValueException.class);
	}

	@Test
	void masksPersonalNumbersForDisplay() {
		assertThat(Masking.idNumber("11010519491231002X")).isEqualTo("110105********002X");
		assertThat(Masking.phone("13912345678")).isEqualTo("139****5678");
		assertThat(Masking.phone("123")).isEqualTo("***");
	}

	@Test
	void validationCollectsEveryFailedField() {
		Validation v = new Validation();
		v.required("name", "名称", " ");
		v.check("phone", () -> MobilePhone.of("1"));
		v.check("creditCode", () -> CreditCode.of(validCreditCode("91320506MA1ND7K3Q")));
		assertThat(v.errors()).extracting(FieldError::field).containsExactly("name", "phone");
	}

	@Test
	void rejectsIdNumbersWhoseFirstTwoDigitsAreNoProvince() {
		for (String prefix : new String[] { "00", "99", "10", "20", "72", "84", "90" }) {
			assertThatThrownBy(() -> IdCardNumber.of(id(prefix + "010519491231002"), TODAY)).as(prefix)
				.satisfies(ex -> assertThat(rule(ex)).isEqualTo("province"))
				.hasMessageContaining("省级代码");
		}
	}

	@Test
	void acceptsRetiredCountyCodesResidencePermitsAndTheForeignersCard() {
		// 320502 (苏州市平江区) was merged into 姑苏区 in 2012; its people keep their numbers
		assertThat(IdCardNumber.of(id("32050219800101001"), TODAY).value()).startsWith("320502");
		// 港澳台居民居住证: 810000, 820000, 830000
		assertThat(IdCardNumber.of(id("83000019900101001"), TODAY).value()).startsWith("83");
		assertThat(IdCardNumber.of(id("81000019900101001"), TODAY).value()).startsWith("81");
		// 2023 外国人永久居留身份证: 9, the accepting province (32), the nationality code
		assertThat(IdCardNumber.of(id("93284019900101001"), TODAY).birthDate()).isEqualTo(LocalDate.of(1990, 1, 1));
		assertThatThrownBy(() -> IdCardNumber.of(id("99984019900101001"), TODAY))
			.satisfies(ex -> assertThat(rule(ex)).isEqualTo("province"));
	}

	@Test
	void aBirthDateIsCheckedAgainstTheDayGivenNotTheMachinesClock() {
		String bornToday = id("32050620260305001");
		assertThat(IdCardNumber.of(bornToday, TODAY).birthDate()).isEqualTo(TODAY);
		assertThatThrownBy(() -> IdCardNumber.of(bornToday, TODAY.minusDays(1)))
			.satisfies(ex -> assertThat(rule(ex)).isEqualTo("birth-date"));
		assertThatThrownBy(() -> IdCardNumber.of(id("32050618991231001"), TODAY))
			.satisfies(ex -> assertThat(rule(ex)).isEqualTo("birth-date"))
			.hasMessageNotContaining("1899");
	}

	@Test
	void rejectsCreditCodesOfNoRegistrationDepartmentOrType() {
		assertThatThrownBy(() -> CreditCode.of("000000000000000000")).as("all zeros has a valid check character")
			.satisfies(ex -> assertThat(rule(ex)).isEqualTo("department"))
			.hasMessageContaining("登记管理部门");
		assertThatThrownBy(() -> CreditCode.of(validCreditCode("B1320506MA1ND7K3Q")))
			.satisfies(ex -> assertThat(rule(ex)).isEqualTo("department"));
		// 工商 issues 1 企业, 2 个体工商户, 3 农民专业合作社 only; Y is always Y1
		assertThatThrownBy(() -> CreditCode.of(validCreditCode("94320506MA1ND7K3Q")))
			.satisfies(ex -> assertThat(rule(ex)).isEqualTo("type"))
			.hasMessageContaining("机构类别");
		assertThatThrownBy(() -> CreditCode.of(validCreditCode("Y2320506MA1ND7K3Q")))
			.satisfies(ex -> assertThat(rule(ex)).isEqualTo("type"));
		for (String good : new String[] { "11100000MB0143028", "12320500466900350", "51320500MJ5473016", "52320506MJ5479926",
				"53100000500017582", "92320506MA1ND7K3Q", "93320506MA1ND7K3Q", "N2320506MA1ND7K3Q", "Y1320506MA1ND7K3Q",
				"31320000MD0198326", "A1100000MB0143028" }) {
			assertThat(CreditCode.of(validCreditCode(good)).value()).as(good).startsWith(good);
		}
	}

	@Test
	void theRegionSegmentOfACreditCodeIsASixDigitRegionOfAProvinceThatExists() {
		for (String region : new String[] { "000000", "990000", "10ABCD", "3200A6", "320006", "100100" }) {
			assertThatThrownBy(() -> CreditCode.of(validCreditCode("91" + region + "MA1ND7K3Q"))).as(region)
				.satisfies(ex -> assertThat(rule(ex)).isEqualTo("region"));
		}
		// national registration, and a county code retired in 2012 (苏州市沧浪区)
		assertThat(CreditCode.of(validCreditCode("91100000MA1ND7K3Q")).value()).contains("100000");
		assertThat(CreditCode.of(validCreditCode("91320503MA1ND7K3Q")).value()).contains("320503");
	}

	@Test
	void masksEveryIdAndMobileNumberInFreeTextAndLeavesOtherDigitRunsAlone() {
		assertThat(Masking.personalNumbersIn("寄件地区（senderRegion）不是现行县级行政区划代码：320506199001010018"))
			.isEqualTo("寄件地区（senderRegion）不是现行县级行政区划代码：320506********0018");
		assertThat(Masking.personalNumbersIn("{\"courierId\":\"11010519491231002x\",\"phone\":\"13912345678\"}"))
			.isEqualTo("{\"courierId\":\"110105********002x\",\"phone\":\"139****5678\"}");
		assertThat(Masking.personalNumbersIn("15位旧证号110105491231002，运单SF1234567890123，区划320506，单号1234567890123456789"))
			.isEqualTo("15位旧证号110105*****1002，运单SF1234567890123，区划320506，单号1234567890123456789");
		assertThat(Masking.personalNumbersIn(null)).isNull();
		// typed with a Chinese input method: full-width digits are the same number
		assertThat(Masking.personalNumbersIn("联系电话１３９１２３４５６７８")).isEqualTo("联系电话139****5678");
		// an ID number's check character typed in full width, with full-width or ASCII digits; a full-width Ｘ elsewhere stays
		assertThat(Masking.personalNumbersIn("证１１０１０５１９４９１２３１００２Ｘ")).isEqualTo("证110105********002X");
		assertThat(Masking.personalNumbersIn("身份证11010519491231002ｘ，尺码ＸＬ")).isEqualTo("身份证110105********002x，尺码ＸＬ");
		// a mobile number after the country code
		assertThat(Masking.personalNumbersIn("电话+8613912345678")).isEqualTo("电话+86139****5678");
		assertThat(Masking.holdsPersonalNumber("２件")).isFalse();
		assertThat(Masking.holdsPersonalNumber("1101051949123100２Ｘ")).isTrue();
	}

	/** A number written in blocks is one number; region codes, dates and landlines in a row are none. */
	@Test
	void masksIdAndMobileNumbersWrittenInBlocks() {
		assertThat(Masking.personalNumbersIn("{\"courierId\":\"110105 19491231 002X\"}"))
			.isEqualTo("{\"courierId\":\"110105 ******** 002X\"}");
		assertThat(Masking.personalNumbersIn("证号110105-19491231-002x，手机139 1234 5678。"))
			.isEqualTo("证号110105-********-002x，手机139 **** 5678。");
		assertThat(Masking.personalNumbersIn("旧证110105 491231 002，收寄2026-11-30 13:05"))
			.isEqualTo("旧证110105 *****1 002，收寄2026-11-30 13:05");
		// the separators people type between the parts of a mobile number
		for (String sep : new String[] { "－", "‐", "—", "−", ".", "/", "_", "　" }) {
			assertThat(Masking.personalNumbersIn("手机139" + sep + "1234" + sep + "5678")).as(sep)
				.isEqualTo("手机139" + sep + "****" + sep + "5678");
		}
		assertThat(Masking.personalNumbersIn("１３９－１２３４－５６７８")).isEqualTo("139－****－5678");
		for (String alone : new String[] { "区划320505 320506 320507", "0512-6555 1234", "2026-11-30 2026-12-01", "C-320506-13",
				"2026.11.30 2026/12/01", "金额13,000,000,000元", "版本1.3.9_2026" }) {
			assertThat(Masking.personalNumbersIn(alone)).isEqualTo(alone);
		}
	}

	@Test
	void masksLandlinesKeepingTheAreaCodeAndExtension() {
		assertThat(Masking.phone("0512-65551234")).isEqualTo("0512-****1234");
		assertThat(Masking.phone("010-6555123-801")).isEqualTo("010-***5123-801");
		assertThat(Masking.phone(Telephone.of("+86 139 1234 5678").value())).isEqualTo("139****5678");
	}

	@Test
	void aMobileFieldNamesALandlineForWhatItIs() {
		assertThat(MobilePhone.of("１３９１２３４５６７８").value()).isEqualTo("13912345678");
		assertThat(MobilePhone.of("0086 139 1234 5678").value()).isEqualTo("13912345678");
		assertThatThrownBy(() -> MobilePhone.of("0512-65551234")).hasMessageContaining("固定电话")
			.satisfies(ex -> assertThat(rule(ex)).isEqualTo("mobile"));
	}

	/** A day that cannot be right yet (earliest after latest) is told as such, not as an impossible range. */
	@Test
	void aRangeWhoseEarliestDayIsAfterItsLatestSaysNoDayIsRightYet() {
		LocalDate set = LocalDate.of(2026, 12, 15);
		LocalDate today = LocalDate.of(2026, 12, 2);
		assertThat(new Validation().within("hearingOn", "听证日期", today, set, today).errors()).singleElement()
			.satisfies(e -> {
				assertThat(e.rule()).isEqualTo("range");
				assertThat(e.message()).contains("不能早于2026年12月15日", "目前还不能登记").doesNotContain("之间");
			});
		assertThat(new Validation().within("d", "日期", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1), today).errors())
			.singleElement().satisfies(e -> assertThat(e.message()).isEqualTo("日期不得早于2026年2月1日（应在2026年2月1日至2026年12月2日之间）"));
	}
}
