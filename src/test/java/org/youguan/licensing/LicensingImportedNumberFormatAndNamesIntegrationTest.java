package org.youguan.licensing;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.youguan.IntegrationTest;
import org.youguan.documents.ImportResult;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.InvalidValueException;
import org.youguan.licensing.internal.LicensingImport;
import org.youguan.registry.EnterpriseData;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.LicenceData;
import org.youguan.registry.LicenceGranted;
import org.youguan.registry.LicenceScope;
import org.youguan.registry.Licences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attack: a past approval imported with licence number "ab" (or "苏邮 a48 z") was kept, and the registry then refused to
 * register any licence of the enterprise — "ab" by its format, every other number as not the imported one; and an
 * imported approval took the name of an enterprise of the registry (or of another import) under another credit code.
 * The import checks the registry's format of a licence number (rule {@code pattern}, the format stated in words, never
 * the regular expression) and one name, one enterprise (rule {@code unique} on {@code applicantName}), by the API and
 * the sheet (twins within a file too); nothing is saved.
 */
@IntegrationTest
class LicensingImportedNumberFormatAndNamesIntegrationTest extends LicensingFixture {

	static final String IMPORTED = LicensingImportedLicenceNumbersIntegrationTest.IMPORTED;

	@Autowired
	LicensingImport imports;

	@Autowired
	Licences licences;

	static String past(String code, String name, LocalDate decidedOn, String number) {
		return """
				{"applicantCreditCode":"%s","applicantName":"%s","kind":"NEW","scope":"省内","receivedOn":"%s",
				 "decision":"APPROVED","decidedOn":"%s","licenceNumber":"%s"}"""
			.formatted(code, name, decidedOn.minusDays(40), decidedOn, number);
	}

	long importedOf(String code) {
		return jdbc.sql("SELECT count(*) FROM licence_application WHERE imported AND applicant_credit_code = :c")
			.param("c", code).query(Long.class).single();
	}

	@Test
	void aLicenceNumberTheRegistryWouldRefuseIsRefusedOnImportInWords() throws Exception {
		String applicant = LicensingIntegrationTest.newCreditCode();
		String tail = applicant.substring(11, 17);
		LocalDate decided = LocalDate.now(clock).minusDays(60);
		for (String bad : new String[] { "ab", "苏邮 a48 z", "苏邮a48x01" }) {
			call(PROVINCE, IMPORTED, past(applicant, "苏州格式快递有限公司" + tail, decided, bad))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("licenceNumber"))
				.andExpect(jsonPath("$.errors[0].rule").value("pattern"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("由汉字、大写英文字母、数字、圆括号()（）或连字符-组成，4至40个字符")))
				.andExpect(jsonPath("$.errors[0].message").value(not(containsString("IsHan"))));
		}
		assertThat(importedOf(applicant)).isZero();

		// the sheet: every bad row reported, the good one not saved either
		String other = LicensingIntegrationTest.newCreditCode();
		ImportResult result = imports.importFile(LicensingImportIntegrationTest.JIANGSU, DataScope.region("3205"), "3205",
				"test", LicensingImportIntegrationTest.sheet(
						new String[] { applicant, "苏州格式快递有限公司" + tail, "新设许可", "省内", decided.minusDays(40).toString(), "",
								"", "准予许可", decided.toString(), "苏邮 a48 z" },
						new String[] { other, "苏州格式二快递有限公司" + tail, "新设许可", "省内", decided.minusDays(40).toString(), "",
								"", "准予许可", decided.toString(), "苏邮F" + tail }));
		assertThat(result.rejected()).isTrue();
		assertThat(result.errors()).singleElement().satisfies(row -> {
			assertThat(row.number()).isEqualTo(2);
			assertThat(row.errors()).anyMatch(e -> e.field().equals("许可证编号") && e.rule().equals("pattern")
					&& e.message().contains("4至40个字符") && !e.message().contains("IsHan"));
		});
		assertThat(importedOf(applicant) + importedOf(other)).isZero();

		// the registry's own form says the same in words
		assertThatThrownBy(() -> licences.checkFields(new LicenceData(1L, "ab", LicenceScope.PROVINCE, "江苏省邮政管理局",
				"32", decided, null)))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.anyMatch(e -> e.field().equals("number") && e.rule().equals("pattern")
						&& e.message().contains("由汉字、大写英文字母、数字、圆括号()（）或连字符-组成") && !e.message().contains("IsHan")));
	}

	@Test
	void anImportedApplicantUnderANameHeldByAnotherEnterpriseOrImportIsRefused() throws Exception {
		String holder = LicensingIntegrationTest.newCreditCode();
		String tail = holder.substring(11, 17);
		String held = "苏州同名快递服务有限公司" + tail;
		LocalDate today = LocalDate.now(clock);
		granted(new LicenceGranted(-5, "苏邮TM" + tail, new EnterpriseData(held, holder, EnterpriseType.EXPRESS, null, "赵同名",
				"相城区同名路2号", "320507", null, null), LicenceScope.PROVINCE, "江苏省邮政管理局", "32", today.minusYears(1),
				today.plusYears(2), false));
		LocalDate decided = today.minusDays(60);

		// the registry's enterprise under another credit code, however its name is typed
		String newcomer = LicensingIntegrationTest.newCreditCode();
		call(PROVINCE, IMPORTED, past(newcomer, held.replace("有限公司", "有限责任公司"), decided, "苏邮TN" + tail))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("applicantName"))
			.andExpect(jsonPath("$.errors[0].rule").value("unique"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString(holder)));
		assertThat(importedOf(newcomer)).isZero();

		// two imports of other credit codes under one name: the second is refused naming the first
		String name = "苏州双导快递有限公司" + tail;
		String first = LicensingIntegrationTest.newCreditCode();
		String second = LicensingIntegrationTest.newCreditCode();
		call(PROVINCE, IMPORTED, past(first, name, decided, "苏邮TA" + tail)).andExpect(status().isCreated());
		call(PROVINCE, IMPORTED, past(second, name, decided, "苏邮TB" + tail)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("applicantName"))
			.andExpect(jsonPath("$.errors[0].rule").value("unique"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString(first)));
		assertThat(importedOf(second)).isZero();

		// twins within one sheet, and a row under the registry's name: each reported, nothing saved
		String name2 = "苏州表内同名快递有限公司" + tail;
		String third = LicensingIntegrationTest.newCreditCode();
		String fourth = LicensingIntegrationTest.newCreditCode();
		String fifth = LicensingIntegrationTest.newCreditCode();
		String received = decided.minusDays(40).toString();
		ImportResult result = imports.importFile(LicensingImportIntegrationTest.JIANGSU, DataScope.region("3205"), "3205",
				"test", LicensingImportIntegrationTest.sheet(
						new String[] { third, name2, "新设许可", "省内", received, "", "", "准予许可", decided.toString(), "苏邮TC" + tail },
						new String[] { fourth, name2, "新设许可", "省内", received, "", "", "准予许可", decided.toString(), "苏邮TD" + tail },
						new String[] { fifth, held, "新设许可", "省内", received, "", "", "准予许可", decided.toString(), "苏邮TE" + tail }));
		assertThat(result.rejected()).isTrue();
		assertThat(result.errors()).hasSize(2);
		assertThat(result.errors().get(0).number()).isEqualTo(3);
		assertThat(result.errors().get(0).errors()).anyMatch(e -> e.field().equals("申请人名称") && e.rule().equals("unique")
				&& e.message().contains("第2行"));
		assertThat(result.errors().get(1).number()).isEqualTo(4);
		assertThat(result.errors().get(1).errors()).anyMatch(e -> e.field().equals("申请人名称") && e.rule().equals("unique")
				&& e.message().contains(holder));
		assertThat(importedOf(third) + importedOf(fourth) + importedOf(fifth)).isZero();
	}
}
