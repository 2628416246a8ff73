package org.youguan.filing;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.filing.internal.FilingView;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.org.CurrentUser;
import org.youguan.registry.OutletData;
import org.youguan.registry.Outlets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attack on outlet filing: a 补正 cannot clear 逾期备案 by re-declaring the opening day (快递暂行条例(2025) art.19); a
 * filing's free text is masked on its pages and API answer as in the lists, a closure's labelled 撤销原因; a failed
 * correction is not also "nothing given"; refusals name bureaus, not codes, say what a supplemented filing can still do,
 * and use the enterprise form's label 撤销原因.
 */
@IntegrationTest
@ExtendWith(FilingFixture.Monday28September.class)
class OutletFilingLateAndWordingIntegrationTest {

	static final DataScope WUZHONG = FilingFixture.WUZHONG;

	@Autowired
	OutletFilings filings;

	@Autowired
	FilingFixture fixture;

	@Autowired
	Outlets outlets;

	@Autowired
	MockMvc mvc;

	CurrentUser shunfeng;

	@BeforeEach
	void signIn() {
		shunfeng = fixture.shunfeng();
	}

	/** M1: a late new filing stays late when its 补正 moves the opening day into time; the answer says the bureau judges it. */
	@Test
	void aCorrectedOpeningDayNeverMakesALateFilingOnTime() throws Exception {
		OutletData filed = OutletFilingIntegrationTest.outlet(LocalDate.of(2026, 8, 1));
		long id = fixture.waitingForSupplement(filed);
		assertThat(filings.get(WUZHONG, id).lateFiling()).isTrue();
		filings.supplement(shunfeng, id, "开办日期填错", List.of(), OutletFilingSupplementIntegrationTest.with(filed,
				filed.address(), null, filed.storageArea(), filed.regionCode(), LocalDate.of(2026, 9, 20)), List.of(), null);
		FilingView f = filings.get(WUZHONG, id);
		assertThat(f.openedOn()).isEqualTo(LocalDate.of(2026, 9, 20));
		assertThat(f.lateFiling()).as("late as filed: re-declaring the day does not remove the breach").isTrue();
		assertThat(filings.correctedInTimeNote(f)).contains("仍标记为逾期备案", "邮政管理部门审查");
		assertThat(filings.lateFilingNote(f)).contains("仍标记为逾期备案");

		// the API's 补正 answer says so too
		long other = fixture.waitingForSupplement(OutletFilingIntegrationTest.outlet(LocalDate.of(2026, 8, 1)));
		String json = EnterpriseFilingApiIntegrationTest.outletJson(filings.get(WUZHONG, other).outletName(), "",
				LocalDate.of(2026, 9, 20));
		var request = multipart("/api/v1/enterprise/filings/" + other + "/supplement");
		request.file(new MockMultipartFile("outlet", "", MediaType.APPLICATION_JSON_VALUE, json.getBytes(StandardCharsets.UTF_8)));
		mvc.perform(request.param("note", "接口补正").header("Authorization", EnterpriseFilingApiIntegrationTest.SF_TOKEN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lateFilingNote").value(containsString("邮政管理部门审查")));
		assertThat(filings.get(WUZHONG, other).lateFiling()).isTrue();
	}

	/** M4 and L5: a closure's reason is masked on the pages and the API answer and labelled 撤销原因; its refusals too. */
	@Test
	void aClosureReasonIsMaskedOnTheFilingsPagesAndApiAndLabelledAsTheForm() throws Exception {
		long outletId = fixture.filedOutlet(LocalDate.of(2026, 9, 1));
		assertThatThrownBy(() -> filings.submitClosure(shunfeng, outletId, " "))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.singleElement().satisfies(e -> assertThat(e.message()).contains("撤销原因").doesNotContain("关闭原因")));
		long closure = filings.submitClosure(shunfeng, outletId, "经营者变更，联系13912345678");
		assertThat(filings.get(WUZHONG, closure).changeDescription()).doesNotContain("13912345678");
		mvc.perform(get("/enterprise/filings/" + closure).session(SignIn.session(mvc, "sf.wz")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("撤销原因")))
			.andExpect(content().string(not(containsString("13912345678"))));
		mvc.perform(get("/filing/" + closure).session(SignIn.session(mvc, "wz.staff")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("撤销原因")))
			.andExpect(content().string(not(containsString("13912345678"))));
		mvc.perform(get("/api/v1/enterprise/filings/" + closure).header("Authorization", EnterpriseFilingApiIntegrationTest.SF_TOKEN))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("13912345678"))));
		filings.reject(WUZHONG, closure, "测试结束");
	}

	/** L2 and L3: a correction that fails is reported by its own errors, not as "nothing given"; the county by name. */
	@Test
	void aFailedCorrectionIsNotAlsoNothingGivenAndTheCountyIsNamed() {
		OutletData filed = OutletFilingIntegrationTest.outlet(LocalDate.of(2026, 9, 20));
		long id = fixture.waitingForSupplement(filed);
		assertThatThrownBy(() -> filings.supplement(shunfeng, id, null, List.of(), OutletFilingSupplementIntegrationTest
			.with(filed, filed.address(), "12", filed.storageArea(), filed.regionCode(), filed.openedOn()), List.of(), null))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(e -> e.field() + "/" + e.rule()).anyMatch(s -> s.startsWith("managerPhone/"))
				.noneMatch(s -> s.equals("note/required")));
		assertThatThrownBy(() -> filings.supplement(shunfeng, id, null, List.of(), OutletFilingSupplementIntegrationTest
			.with(filed, "相城区测试路1号", null, filed.storageArea(), "320507001", filed.openedOn()), List.of(), null))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.filteredOn(e -> e.rule().equals("other-county")).singleElement().extracting(FieldError::message)
				.satisfies(m -> assertThat(m).contains("吴中区邮政管理局").doesNotContain("320506")));

		// a change into another county: the county and its bureau by name
		long outletId = fixture.filedOutlet(LocalDate.of(2026, 9, 1));
		OutletData moved = OutletFilingSupplementIntegrationTest.with(OutletFilingIntegrationTest.outlet(LocalDate.of(2026, 9, 1)),
				"相城区测试路1号", null, filed.storageArea(), "320507001", LocalDate.of(2026, 9, 1));
		assertThatThrownBy(() -> filings.submitChange(shunfeng, outletId, moved, LocalDate.of(2026, 9, 25), "迁址", List.of()))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.filteredOn(e -> e.rule().equals("other-county")).singleElement().extracting(FieldError::message)
				.satisfies(m -> assertThat(m).contains("吴中区", "邮政管理局").doesNotContain("320506")));
	}

	/**
	 * addr4 kind 4: a 补正, a change or the bureau's correction whose address names another county (the region kept
	 * as filed) was refused with the address check's general words ({@code address-region}); the outlet's own refusal
	 * — it cannot move to another county, close it here and file it there ({@code other-county}) — is the one told.
	 */
	@Test
	void anAddressInAnotherCountyIsToldAsAMoveToThatCounty() {
		String elsewhere = "苏州市相城区元和街道测试路1号";
		OutletData filed = OutletFilingIntegrationTest.outlet(LocalDate.of(2026, 9, 20));
		long id = fixture.waitingForSupplement(filed);
		assertThatThrownBy(() -> filings.supplement(shunfeng, id, null, List.of(), OutletFilingSupplementIntegrationTest
			.with(filed, elsewhere, null, filed.storageArea(), filed.regionCode(), filed.openedOn()), List.of(), null))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(e -> e.field() + "/" + e.rule()).contains("regionCode/other-county")
				.noneMatch(s -> s.endsWith("/address-region")));

		long outletId = fixture.filedOutlet(LocalDate.of(2026, 9, 1));
		OutletData moved = OutletFilingSupplementIntegrationTest.with(OutletFilingIntegrationTest.outlet(LocalDate.of(2026, 9, 1)),
				elsewhere, null, filed.storageArea(), "320506001", LocalDate.of(2026, 9, 1));
		assertThatThrownBy(() -> filings.submitChange(shunfeng, outletId, moved, LocalDate.of(2026, 9, 25), "迁址", List.of()))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> {
				assertThat(ex.fieldErrors()).extracting(e -> e.field() + "/" + e.rule()).contains("regionCode/other-county")
					.noneMatch(s -> s.endsWith("/address-region"));
				assertThat(ex.fieldErrors()).filteredOn(e -> e.rule().equals("other-county")).singleElement()
					.extracting(FieldError::message).satisfies(m -> assertThat(m).contains("吴中区", "撤销备案"));
			});
		assertThatThrownBy(() -> outlets.correct(WUZHONG, outletId, moved))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(e -> e.field() + "/" + e.rule()).containsExactly("regionCode/other-county"));
		// an address of its own county is no move
		assertThat(outlets.leavesCounty("320506001", "320506001", "江苏省苏州市吴中区长桥街道测试路1号")).isFalse();
		assertThat(outlets.leavesCounty("320506001", "320507001", "吴中区长桥街道测试路1号")).isTrue();
	}

	/** L4: the duplicate refusal does not send the enterprise to a 补正 its open filing can no longer have. */
	@Test
	void theDuplicateRefusalOfASupplementedFilingSaysToWaitForItsDecision() {
		OutletData outlet = OutletFilingIntegrationTest.outlet(LocalDate.of(2026, 9, 20));
		long first = fixture.waitingForSupplement(outlet);
		filings.supplement(shunfeng, first, "已补充", List.of());
		assertThatThrownBy(() -> filings.submitNew(shunfeng, outlet, OutletFilingIntegrationTest.completeAttachments()))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.getMessage())
				.contains("待该备案办结后").doesNotContain("告知补正后"));
	}
}
