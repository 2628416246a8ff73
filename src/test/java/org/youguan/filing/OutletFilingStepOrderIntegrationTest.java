package org.youguan.filing;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.youguan.IntegrationTest;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.org.CurrentUser;
import org.youguan.registry.Enterprises;
import org.youguan.registry.OutletData;
import org.youguan.registry.OutletStatus;
import org.youguan.registry.Outlets;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every step of an outlet's filing — 补正, change, closure — judges its state before its input (attack C4): a 补正 of
 * a bad number, a blank name or a bad file sent to a filing that is not waiting for one is 409 (a bad file on an approved
 * filing was told 400), and on a filing waiting for its 补正 the bad fields are told all at once (400); a change or
 * closure of bad fields asked of an outlet not yet filed is the 409, not 400 naming its fields.
 */
@IntegrationTest
@ExtendWith(FilingFixture.Monday28September.class)
class OutletFilingStepOrderIntegrationTest {

	@Autowired
	OutletFilings filings;

	@Autowired
	FilingFixture fixture;

	@Autowired
	Outlets outlets;

	@Autowired
	Enterprises enterprises;

	@Autowired
	MockMvc mvc;

	CurrentUser shunfeng;

	@BeforeEach
	void signIn() {
		shunfeng = fixture.shunfeng();
	}

	/** The 补正 API's request for the filing, its outlet part the JSON given. */
	org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder supplement(long id, String json) {
		var request = multipart("/api/v1/enterprise/filings/" + id + "/supplement");
		request.file(new MockMultipartFile("outlet", "", MediaType.APPLICATION_JSON_VALUE, json.getBytes(StandardCharsets.UTF_8)));
		return request;
	}

	@Test
	void aSupplementToAFilingNotWaitingForOneIsRefusedForItsStateBeforeItsFields() throws Exception {
		LocalDate opened = LocalDate.of(2026, 9, 20);
		String bad = EnterpriseFilingApiIntegrationTest.outletJson("", "", opened)
			.replace("\"storageArea\": 40", "\"storageArea\": 1E400");
		long submitted = filings.submitNew(shunfeng, OutletFilingIntegrationTest.outlet(opened),
				OutletFilingIntegrationTest.completeAttachments());
		long waiting = fixture.waitingForSupplement(OutletFilingIntegrationTest.outlet(opened));
		// waiting for its 补正: every bad field at once
		mvc.perform(supplement(waiting, bad).param("note", "更正").header("Authorization", EnterpriseFilingApiIntegrationTest.SF_TOKEN))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItems("name", "storageArea")))
			.andExpect(jsonPath("$.errors[?(@.field == 'storageArea')].message")
				.value(hasItem(startsWith("存储场地面积超出允许的位数（最多6位整数、2位小数）"))));
		assertThat(filings.get(FilingFixture.WUZHONG, waiting).status()).as("nothing saved").isEqualTo(FilingStatus.MISSING_ITEMS);
		// not waiting for one: the state, whatever the files (a "PDF" that is none was told 400 first)
		String right = EnterpriseFilingApiIntegrationTest.outletJson(filings.get(FilingFixture.WUZHONG, submitted).outletName(),
				"", opened);
		byte[] notAPdf = "这不是PDF文件".getBytes(StandardCharsets.UTF_8);
		mvc.perform(supplement(waiting, right).file(new MockMultipartFile("files", "补正.pdf", "application/pdf", notAPdf))
			.param("note", "更正").header("Authorization", EnterpriseFilingApiIntegrationTest.SF_TOKEN))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors").isNotEmpty());
		mvc.perform(supplement(submitted, right).file(new MockMultipartFile("files", "补正.pdf", "application/pdf", notAPdf))
			.param("note", "更正").header("Authorization", EnterpriseFilingApiIntegrationTest.SF_TOKEN))
			.andExpect(status().isConflict());
	}

	@Test
	void aChangeOrClosureAskedOfAnOutletNotFiledIsRefusedForItsStateBeforeItsFields() {
		long enterprise = enterprises.findByCreditCode(shunfeng.enterpriseCreditCode()).orElseThrow().id();
		OutletData data = OutletFilingIntegrationTest.outlet(LocalDate.of(2026, 9, 1)).withEnterprise(enterprise);
		long pending = outlets.register(FilingFixture.WUZHONG, data, false);
		assertThat(outlets.get(FilingFixture.WUZHONG, pending).status()).isEqualTo(OutletStatus.PENDING);

		// bad fields: still the state (409), before the fields are read
		assertThatThrownBy(() -> filings.submitChange(shunfeng, pending, data, null, " ", java.util.List.of()))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION));
		assertThatThrownBy(() -> filings.submitClosure(shunfeng, pending, " "))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION));
		// right fields: the same 409
		OutletData changed = OutletFilingIntegrationTest.outlet(LocalDate.of(2026, 9, 1)).withEnterprise(enterprise);
		assertThatThrownBy(() -> filings.submitChange(shunfeng, pending, changed, LocalDate.of(2026, 9, 25), "更换负责人",
				java.util.List.of()))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION));
		assertThatThrownBy(() -> filings.submitClosure(shunfeng, pending, "网点停止经营"))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION));
	}
}
