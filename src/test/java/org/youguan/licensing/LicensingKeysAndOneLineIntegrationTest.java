package org.youguan.licensing;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.IntegrationTest;
import org.youguan.RandomDigits;
import org.youguan.SignIn;
import org.youguan.documents.ImportResult;
import org.youguan.licensing.internal.LicensingImport;
import org.youguan.rules.StatutoryRule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Licence numbers are compared by their key (kernel {@code Text.identifierKey}: case, width, spaces and dashes folded)
 * in the import of past applications too; a row whose licence number already failed is told as well that it repeats
 * an earlier row; the competent bureau named in a 不予受理 is one line; the enterprise's application form cites the law
 * as the documents it then receives do (《快递业务经营许可管理办法》).
 */
@IntegrationTest
class LicensingKeysAndOneLineIntegrationTest extends LicensingFixture {

	@Autowired
	LicensingImport imports;

	@Autowired
	LicenceApplications applications;

	@Test
	void aLicenceNumberRepeatedInTheSheetInAnotherCaseAndSpacingIsRefusedAsTheSameNumber() throws IOException {
		String digits = RandomDigits.of(6);
		ImportResult result = imports.importFile(LicensingImportIntegrationTest.JIANGSU, LicensingImportIntegrationTest.SUZHOU,
				"3205", "test", LicensingImportIntegrationTest.sheet(
						LicensingImportIntegrationTest.row(LicensingImportIntegrationTest.freshCode(), "省内", "准予许可", "2025-04-10",
								"SZK-2025-" + digits),
						LicensingImportIntegrationTest.row(LicensingImportIntegrationTest.freshCode(), "省内", "准予许可", "2025-04-11",
								"szk 2025 " + digits)));
		assertThat(result.rejected()).isTrue();
		assertThat(LicensingImportIntegrationTest.rowError(result, 3).errors()).anySatisfy(e -> {
			assertThat(e.field()).isEqualTo("许可证编号");
			assertThat(e.rule()).isEqualTo("unique");
			assertThat(e.message()).contains("与第2行重复");
		});
	}

	@Test
	void aRowWhoseLicenceNumberFailedIsToldInTheSamePassThatItRepeatsAnEarlierRow() throws IOException {
		String code = LicensingImportIntegrationTest.freshCode();
		String number = "SZK-2025-" + RandomDigits.of(6);
		String[] undecided = LicensingImportIntegrationTest.pending(LicensingImportIntegrationTest.freshCode());
		// 未决定 with a licence number: the cell fails its own rule (absent) — and it is the number of row 2
		undecided[9] = number;
		ImportResult result = imports.importFile(LicensingImportIntegrationTest.JIANGSU, LicensingImportIntegrationTest.SUZHOU,
				"3205", "test", LicensingImportIntegrationTest.sheet(
						LicensingImportIntegrationTest.row(code, "省内", "准予许可", "2025-04-10", number), undecided));
		assertThat(result.rejected()).isTrue();
		assertThat(LicensingImportIntegrationTest.rowError(result, 3).errors())
			.anySatisfy(e -> {
				assertThat(e.field()).isEqualTo("许可证编号");
				assertThat(e.rule()).isEqualTo("absent");
			})
			.anySatisfy(e -> {
				assertThat(e.field()).isEqualTo("许可证编号");
				assertThat(e.rule()).isEqualTo("unique");
				assertThat(e.message()).contains("与第2行重复");
			});
	}

	@Test
	void theApplicationThatIssuedALicenceIsFoundByTheNumberTypedInAnotherCase() throws IOException {
		String digits = RandomDigits.of(6);
		ImportResult result = imports.importFile(LicensingImportIntegrationTest.JIANGSU, LicensingImportIntegrationTest.SUZHOU,
				"3205", "test", LicensingImportIntegrationTest.sheet(LicensingImportIntegrationTest.row(
						LicensingImportIntegrationTest.freshCode(), "省内", "准予许可", "2025-04-10", "SZK-2025-" + digits)));
		assertThat(result.rejected()).isFalse();
		assertThat(applications.findByLicence("szk 2025 " + digits)).hasValueSatisfying(
				a -> assertThat(a.licenceNumber()).isEqualTo("SZK-2025-" + digits));
	}

	@Test
	void theCompetentBureauOfANonAcceptanceIsOneLine() throws Exception {
		long id = LicensingIntegrationTest.id(call(CITY, "/api/v1/licensing/applications", LicensingIntegrationTest.application(
				LicensingIntegrationTest.newCreditCode(), "苏州一行快递有限公司" + RandomDigits.of(4), "省内", "600000", ""))
			.andExpect(status().isCreated()));
		call(CITY, "/api/v1/licensing/applications/" + id + "/non-acceptance",
				"{\"ground\":\"NOT_COMPETENT\",\"reason\":\"省内快递业务经营许可由省局审批\",\"competentBureau\":\"国家邮政局\\n市场监管司\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("competentBureau")))
			.andExpect(jsonPath("$.errors[*].rule", hasItem("line-break")));
	}

	@Test
	void theEnterprisesApplicationFormCitesTheLawFormally() throws Exception {
		mvc.perform(get("/licensing/applications/new").session(SignIn.session(mvc, "sf.wz")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("《快递业务经营许可管理办法》")))
			.andExpect(content().string(not(containsString(StatutoryRule.LICENCE_RENEWAL_BEFORE_EXPIRY.basis()))));
	}
}
