package org.youguan.kernel;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One rule of a text printed on a document, a certificate or a public list ({@link Validation#documentText}): attack —
 * a licence application's 住所 and 服务地域 took "=cmd|' /C calc'!A0", "=HYPERLINK(…)", "1" and "x" and printed them on
 * the 快递业务经营许可证; names and one-line texts of every module run the same rule through {@link Validation#name} and
 * {@link Validation#line}.
 */
class ValidationDocumentTextTest {

	@Test
	void aNameOrOneLineTextBeginningAsAFormulaIsRefusedNamingTheField() {
		for (String formula : List.of("=cmd|' /C calc'!A0", "=HYPERLINK(\"http://x\",\"点\")", "+A1", "@SUM(1)", "-HYPERLINK(1)",
				"-顺丰", " \t=1+1", "\r\n=1")) {
			assertThat(new Validation().name("name", "网点名称", formula, 200).errors()).as(formula)
				.extracting(FieldError::rule).containsExactly("formula");
			assertThat(new Validation().line("handoverAddress", "交接点地址", formula, 200).errors()).as(formula)
				.extracting(FieldError::rule).containsExactly("formula");
		}
		assertThat(new Validation().name("enterprise", "被申诉企业或网点", "=1+1").errors().get(0).message())
			.startsWith("被申诉企业或网点不能以“=”“+”“@”开头");
	}

	@Test
	void aMinusBeforeADigitAndSignsInsideAreNoFormula() {
		for (String text : List.of("-1号楼 吴中区", "吴中区=东吴北路", "顺丰+京东联合驿站", "邮箱a@b.cn 网点")) {
			assertThat(new Validation().line("address", "地址", text, 200).errors()).as(text).isEmpty();
		}
	}

	@Test
	void anAddressSaysWhereAndAnAreaOrBodyIsWords() {
		for (String bad : List.of("1", "x", "12345", "吴中")) {
			assertThat(new Validation().address("premisesAddress", "经营场所地址", bad, 300).errors()).as(bad)
				.extracting(FieldError::rule).containsExactly("address");
		}
		assertThat(new Validation().address("premisesAddress", "经营场所地址", "吴中区示例路8号", 300).errors()).isEmpty();
		assertThat(new Validation().address("premisesAddress", "经营场所地址", "=cmd|' /C calc'!A0", 300).errors())
			.extracting(FieldError::rule).containsExactly("formula");
		for (String bad : List.of("1", "x", "12")) {
			assertThat(new Validation().placeText("serviceArea", "服务地域", bad, 500).errors()).as(bad)
				.extracting(FieldError::rule).containsExactly("words");
		}
		assertThat(new Validation().placeText("serviceArea", "服务地域", "全国", 500).errors()).isEmpty();
		assertThat(new Validation().placeText("serviceArea", "服务地域", "=HYPERLINK(1)", 500).errors())
			.extracting(FieldError::rule).containsExactly("formula");
	}

	@Test
	void aNameNobodyElseSeesIsToldOfMarkupWithoutSayingItIsPrinted() {
		var errors = new Validation().ownName("name", "令牌名称", "对接<b>系统</b>", 60).errors();
		assertThat(errors).extracting(FieldError::rule).containsExactly("markup");
		assertThat(errors.get(0).message()).isEqualTo("令牌名称不能含有网页标记（“<”后紧接字母或“/”“!”“?”，如“<b>”“</b>”），请只填写名称本身");
		assertThat(new Validation().ownName("name", "令牌名称", "", 60).errors()).extracting(FieldError::rule)
			.containsExactly("required");
		assertThat(new Validation().ownName("name", "令牌名称", "对接\u200B系统", 60).errors()).extracting(FieldError::rule)
			.containsExactly("invisible-character");
	}

	/**
	 * Attack (portal-text F1): "-1+cmd|' /C calc'!A0", the DDE payload behind a minus and a digit, passed as an outlet's
	 * name and address; real addresses that begin with a minus and a digit, and a dialling code in an identifier, pass.
	 */
	@Test
	void aMinusAndADigitFollowedByAFormulaIsRefusedButRealAddressesPass() {
		for (String formula : List.of("-1+cmd|' /C calc'!A0", "-1+1", "-2&HYPERLINK(\"http://x\")", "-1*A1", "-0|x!A0")) {
			assertThat(new Validation().name("name", "网点名称", formula, 200).errors()).as(formula)
				.extracting(FieldError::rule).containsExactly("formula");
			assertThat(new Validation().address("address", "地址", formula, 300).errors()).as(formula)
				.extracting(FieldError::rule).contains("formula");
			assertThat(new Validation().identifier("number", "编号", formula).errors()).as(formula)
				.extracting(FieldError::rule).containsExactly("formula");
		}
		for (String address : List.of("-1楼 吴中区东吴北路88号", "-2层B区 姑苏区人民路100号", "-1层-3号 相城区元和街道")) {
			assertThat(new Validation().address("address", "地址", address, 300).errors()).as(address).isEmpty();
		}
		assertThat(new Validation().identifier("number", "编号", "+86 512-6888 1234").errors()).isEmpty();
		assertThat(new Validation().identifier("number", "编号", "-2024-001").errors()).isEmpty();
	}

	/**
	 * Attack (portal-text F3): emoji and symbols in an organisation's name or an address, printed on the filing receipt
	 * and the public outlet list, are refused as in a person's name; the punctuation of Chinese names passes.
	 */
	@Test
	void anEmojiOrSymbolInANameOrAddressIsRefusedAndChinesePunctuationPasses() {
		for (String bad : List.of("苏州😀快递有限公司", "顺丰木渎|快递站", "顺丰★速运", "顺丰\u2764速运", "顺丰\uD83D\uDC4D\uD83C\uDFFB速运", "顺丰\u0007速运")) {
			assertThat(new Validation().name("legalName", "企业名称", bad, 200).errors()).as(bad)
				.extracting(FieldError::rule).containsExactly("characters");
		}
		assertThat(new Validation().address("address", "地址", "中山东路88号😀", 300).errors())
			.extracting(FieldError::rule).containsExactly("characters");
		assertThat(new Validation().name("legalName", "企业名称", "苏州😀快递有限公司", 200).errors().get(0).message())
			.isEqualTo("企业名称只能含汉字、字母、数字和常用标点（如（）·、-），不能含“😀”");
		for (String good : List.of("中外运-敦豪国际航空快件有限公司", "菜鸟驿站（苏州大学店）", "中外运·敦豪", "顺丰速运(苏州)有限公司",
				"苏州市邮政管理局、吴中区局", "《快递》杂志社", "A&B物流", "3#楼菜鸟驿站", "二○二六快递驿站")) {
			assertThat(new Validation().name("legalName", "名称", good, 200).errors()).as(good).isEmpty();
		}
	}

	/** Full-width digits and letters of an address or a name are stored in ASCII, full-width brackets kept. */
	@Test
	void fullWidthDigitsAndLettersOfANameOrAddressAreStoredInAscii() {
		assertThat(Text.line("中山东路８８号Ａ座")).isEqualTo("中山东路88号A座");
		assertThat(Text.name("菜鸟驿站（示例店）１号")).isEqualTo("菜鸟驿站（示例店）1号");
	}
}
