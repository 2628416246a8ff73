package org.youguan.licensing;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.IntegrationTest;
import org.youguan.RandomDigits;
import org.youguan.documents.ImportResult;
import org.youguan.kernel.FieldError;
import org.youguan.licensing.internal.LicensingImport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The applicant's name, its premises' address and the systems it describes are printed on the licence, the decisions
 * and the public lists: markup in them is refused (attack: {@code applicantName "苏州四八<b>快递</b>有限公司"},
 * {@code safetySystem "<script>alert(1)</script>制度"}, {@code premisesAddress "…<img src=x onerror=alert(1)>"} → 201;
 * the .xlsx import took "苏州四八&lt;b&gt;丙&lt;/b&gt;快递有限公司").
 */
@IntegrationTest
class LicensingMarkupIntegrationTest extends LicensingFixture {

	@Autowired
	LicensingImport imports;

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"applicantName|\"applicantName\":\"NAME\"|\"applicantName\":\"苏州四八<b>快递</b>有限公司\"",
			"premisesAddress|吴中区示例路8号|吴中区示例路8号<img src=x onerror=alert(1)>",
			"safetySystem|实名收寄、收寄验视、过机安检制度|<script>alert(1)</script>制度",
			"serviceSystem|服务承诺、投诉处理和赔偿制度|服务承诺<b>制度</b>",
			"personnel|从业人员20人|从业人员＜b＞20＜/b＞人",
			"serviceArea|苏州市吴中区|苏州市<i>吴中区</i>" })
	void anApplicationWithMarkupInAFieldIsRefusedNamingIt(String field, String good, String marked) throws Exception {
		String name = "苏州标记快递有限公司" + RandomDigits.of(4);
		String body = LicensingIntegrationTest.application(LicensingIntegrationTest.newCreditCode(), "NAME", "省内", "600000", "")
			.replace(good, marked).replace("NAME", name);
		call(CITY, "/api/v1/licensing/applications", body).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == '" + field + "')].rule", hasItem("markup")));
	}

	/**
	 * Attack: 住所 and 服务地域 took "=cmd|' /C calc'!A0", "=HYPERLINK(…)", "1" and "x" and printed them on the 快递业务经营许可证:
	 * a text printed on a certificate begins as no formula and says something (Validation.documentText, address, words).
	 */
	@ParameterizedTest(name = "{0} {2}")
	@CsvSource(delimiter = '#', quoteCharacter = '`', value = {
			"premisesAddress#吴中区示例路8号#=cmd|' /C calc'!A0#formula",
			"premisesAddress#吴中区示例路8号#-HYPERLINK(1)#formula",
			"premisesAddress#吴中区示例路8号#1#address",
			"premisesAddress#吴中区示例路8号#x#address",
			"serviceArea#苏州市吴中区#=HYPERLINK(\\\"http://x.example\\\")#formula",
			"serviceArea#苏州市吴中区#@SUM(1)#formula",
			"serviceArea#苏州市吴中区#1#words",
			"serviceArea#苏州市吴中区#x#words" })
	void anAddressOrAreaThatIsAFormulaOrNoTextIsRefusedNamingTheRule(String field, String good, String bad, String rule)
			throws Exception {
		String name = "苏州公式快递有限公司" + RandomDigits.of(4);
		String body = LicensingIntegrationTest.application(LicensingIntegrationTest.newCreditCode(), "NAME", "省内", "600000", "")
			.replace(good, bad).replace("NAME", name);
		call(CITY, "/api/v1/licensing/applications", body).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == '" + field + "')].rule", hasItem(rule)));
	}

	@Test
	void anImportedApplicantNameWithMarkupIsRefused() throws IOException {
		String[] row = LicensingImportIntegrationTest.pending(LicensingImportIntegrationTest.freshCode());
		row[1] = "苏州四八<b>丙</b>快递有限公司";
		ImportResult result = imports.importFile(LicensingImportIntegrationTest.JIANGSU, LicensingImportIntegrationTest.SUZHOU,
				"3205", "test", LicensingImportIntegrationTest.sheet(row));
		assertThat(result.rejected()).isTrue();
		assertThat(LicensingImportIntegrationTest.rowError(result, 2).errors()).extracting(FieldError::rule).contains("markup");
	}
}
