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
}
