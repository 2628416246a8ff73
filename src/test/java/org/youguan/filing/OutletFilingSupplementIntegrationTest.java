package org.youguan.filing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.audit.AuditEvent;
import org.youguan.audit.AuditTrail;
import org.youguan.filing.internal.FilingView;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.org.CurrentUser;
import org.youguan.registry.OutletData;
import org.youguan.registry.OutletStatus;
import org.youguan.registry.Outlets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 补正 corrects the filing (attack 32): the applicant corrects its materials (行政许可法(2019) art.32 style), not only
 * writes a note — the outlet's data as corrected is checked as at filing, replaces the proposal in one transaction with
 * the 补正, is audited field by field, and the bureau decides on it; on the service, the portal page and the API. The
 * duplicate-filing refusal that sends the enterprise to the 补正 says when that is possible. A closure's 补正 corrects
 * what a closure files, its reason (撤销原因), carried by the approved closure onto the outlet's record; numbers are
 * compared by value, so the audit names exactly the fields that changed.
 */
@IntegrationTest
@ExtendWith(FilingFixture.Monday28September.class)
class OutletFilingSupplementIntegrationTest {

	static final DataScope WUZHONG = FilingFixture.WUZHONG;

	@Autowired
	OutletFilings filings;

	@Autowired
	FilingFixture fixture;

	@Autowired
	AuditTrail audit;

	@Autowired
	Outlets outlets;

	@Autowired
	MockMvc mvc;

	CurrentUser shunfeng;

	@BeforeEach
	void signIn() {
		shunfeng = fixture.shunfeng();
	}

	/** A new filing of sf.wz the bureau returned for its missing items: its id. */
	long waitingForItsSupplement(OutletData outlet) {
		long id = filings.submitNew(shunfeng, outlet, OutletFilingIntegrationTest.completeAttachments());
		filings.notifyMissingItems(WUZHONG, id, "地址门牌号有误，负责人电话有误，请更正");
		return id;
	}

	static OutletData with(OutletData d, String address, String phone, BigDecimal area, String region, LocalDate openedOn) {
		return new OutletData(d.name(), 0, d.branchId(), d.cooperation(), address, region, d.longitude(), d.latitude(),
				d.managerName(), null, phone, area, d.hasCommunications(), d.hasShelving(), d.hasSurveillance(),
				d.hasSignage(), openedOn);
	}

	@Test
	void aSupplementCorrectsTheOutletsDataCheckedAsAtFilingAndAuditedFieldByField() {
		OutletData filed = OutletFilingIntegrationTest.outlet(LocalDate.of(2026, 9, 20));
		long id = waitingForItsSupplement(filed);
		String address = "吴中区长桥街道更正路" + UUID.randomUUID().toString().substring(0, 4) + "号";

		// checked as at filing: every problem at once, nothing saved
		assertThatThrownBy(() -> filings.supplement(shunfeng, id, "已更正", List.of(),
				with(filed, address, "12", new BigDecimal("-5"), "320506001", filed.openedOn()), List.of(), null))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors()).extracting(FieldError::field)
				.contains("managerPhone", "storageArea"));
		assertThat(filings.get(WUZHONG, id).status()).as("nothing saved").isEqualTo(FilingStatus.MISSING_ITEMS);
		assertThat(filings.details(WUZHONG, id).proposed().address()).isEqualTo(filed.address());
		// the county is the one whose bureau took the filing
		assertThatThrownBy(() -> filings.supplement(shunfeng, id, null, List.of(),
				with(filed, address.replace("吴中区长桥街道", "相城区元和街道"), "13912345678", filed.storageArea(), "320507001",
						filed.openedOn()), List.of(), null))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.anySatisfy(e -> assertThat(e.field() + "/" + e.rule()).isEqualTo("regionCode/other-county")));

		// the manager's ID number left blank keeps the filed one; the corrected fields replace the proposal
		List<String> corrected = filings.supplement(shunfeng, id, "已按通知更正地址和电话", List.of(),
				with(filed, address, "13912345678", filed.storageArea(), "320506001", filed.openedOn()), List.of(), null);
		assertThat(corrected).containsExactly("地址", "负责人电话");
		FilingView f = filings.get(WUZHONG, id);
		assertThat(f.status()).as("back with the bureau").isEqualTo(FilingStatus.SUBMITTED);
		var proposed = filings.details(WUZHONG, id).proposed();
		assertThat(proposed.address()).isEqualTo(address);
		assertThat(proposed.managerPhoneMasked()).isEqualTo("139****5678");
		assertThat(proposed.managerIdMasked()).as("kept").endsWith(filed.managerIdNumber().substring(14));
		AuditEvent entry = supplementEntry(id);
		assertThat(entry.summary()).contains("更正地址、负责人电话", "已按通知更正地址和电话");
		assertThat(entry.beforeState()).contains(filed.address()).doesNotContain("13712345678");
		assertThat(entry.afterState()).contains(address).contains("139****5678").doesNotContain("13912345678");

		// the bureau decides on the outlet as corrected
		filings.approve(WUZHONG, id, null);
		assertThat(fixture.awaitFiled(id).address()).isEqualTo(address);
	}

	@Test
	void aCorrectedOpeningDayRecountsTheLateFiling() {
		OutletData filed = OutletFilingIntegrationTest.outlet(LocalDate.of(2026, 9, 20));
		long id = waitingForItsSupplement(filed);
		assertThat(filings.get(WUZHONG, id).lateFiling()).isFalse();
		filings.supplement(shunfeng, id, "开办日期填错", List.of(),
				with(filed, filed.address(), null, filed.storageArea(), filed.regionCode(), LocalDate.of(2026, 7, 1)),
				List.of(), null);
		FilingView f = filings.get(WUZHONG, id);
		assertThat(f.openedOn()).isEqualTo(LocalDate.of(2026, 7, 1));
		assertThat(f.lateFiling()).as("opened more than 20 days before it was filed").isTrue();
	}

	@Test
	void aChangesSupplementKeepsTheOpeningDayAndAClosureHasNoDataToCorrect() {
		long outletId = fixture.filedOutlet(LocalDate.of(2026, 9, 1));
		OutletData changed = OutletFilingIntegrationTest.outlet(LocalDate.of(2026, 9, 1));
		long change = filings.submitChange(shunfeng, outletId, changed, LocalDate.of(2026, 9, 25), "更换名称", List.of());
		filings.notifyMissingItems(WUZHONG, change, "名称有误");
		assertThatThrownBy(() -> filings.supplement(shunfeng, change, null, List.of(),
				with(changed, changed.address(), null, changed.storageArea(), changed.regionCode(), LocalDate.of(2026, 8, 1)),
				List.of(), null))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.anySatisfy(e -> assertThat(e.field() + "/" + e.rule()).isEqualTo("openedOn/not-changeable")));
		OutletData renamed = new OutletData(changed.name() + "二", 0, null, changed.cooperation(), changed.address(),
				changed.regionCode(), null, null, changed.managerName(), null, null, changed.storageArea(), true, true, true,
				true, null);
		assertThat(filings.supplement(shunfeng, change, null, List.of(), renamed, List.of(), null)).containsExactly("网点名称");
		assertThat(filings.details(WUZHONG, change).proposed().name()).isEqualTo(changed.name() + "二");
		filings.reject(WUZHONG, change, "测试结束");

		long closure = filings.submitClosure(shunfeng, outletId, "网点停止经营");
		filings.notifyMissingItems(WUZHONG, closure, "请说明撤销原因");
		assertThatThrownBy(() -> filings.supplement(shunfeng, closure, null, List.of(), renamed, List.of(), null))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.anySatisfy(e -> assertThat(e.rule()).isEqualTo("not-correctable")));
	}

	/** The duplicate refusal says how to correct the open filing: in its 补正 when it waits for one, else after the notice. */
	@Test
	void theDuplicateRefusalSaysWhenTheOpenFilingCanBeCorrected() {
		OutletData outlet = OutletFilingIntegrationTest.outlet(LocalDate.of(2026, 9, 20));
		long first = filings.submitNew(shunfeng, outlet, OutletFilingIntegrationTest.completeAttachments());
		assertThatThrownBy(() -> filings.submitNew(shunfeng, outlet, OutletFilingIntegrationTest.completeAttachments()))
			.isInstanceOfSatisfying(DomainException.class, ex -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.DUPLICATE);
				assertThat(ex.getMessage()).contains("待邮政管理部门告知补正后");
			});
		filings.notifyMissingItems(WUZHONG, first, "照片不清晰");
		assertThatThrownBy(() -> filings.submitNew(shunfeng, outlet, OutletFilingIntegrationTest.completeAttachments()))
			.hasMessageContaining("“提交补正”时更正网点信息");
		// and the 补正 itself is no duplicate of its own filing
		assertThat(filings.supplement(shunfeng, first, "已补充", List.of(), with(outlet, outlet.address(), null,
				outlet.storageArea(), outlet.regionCode(), outlet.openedOn()), List.of(), null)).isEmpty();
	}

	@Test
	void thePortalShowsTheOutletAsFiledToCorrectAndTheApiTakesTheCorrection() throws Exception {
		OutletData filed = OutletFilingIntegrationTest.outlet(LocalDate.of(2026, 9, 20));
		long id = waitingForItsSupplement(filed);
		var session = SignIn.session(mvc, "sf.wz");
		mvc.perform(get("/enterprise/filings/" + id).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"supplement-correct-hint\"")))
			.andExpect(content().string(containsString("value=\"" + filed.address() + "\"")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(filed.managerIdNumber()))));
		String address = "吴中区长桥街道门户路" + UUID.randomUUID().toString().substring(0, 4) + "号";
		mvc.perform(multipart("/enterprise/filings/" + id + "/supplement").session(session).with(csrf())
			.param("name", filed.name()).param("cooperation", filed.cooperation()).param("address", address)
			.param("regionCode", filed.regionCode()).param("managerName", filed.managerName())
			.param("storageArea", "40").param("openedOn", filed.openedOn().toString())
			.param("hasCommunications", "true").param("hasShelving", "true").param("hasSurveillance", "true")
			.param("hasSignage", "true").param("note", "已更正地址"))
			.andExpect(redirectedUrl("/enterprise/filings/" + id))
			.andExpect(flash().attribute("message", containsString("已更正地址")));
		assertThat(filings.details(WUZHONG, id).proposed().address()).isEqualTo(address);

		// the API: the outlet JSON part as corrected
		long other = waitingForItsSupplement(OutletFilingIntegrationTest.outlet(LocalDate.of(2026, 9, 20)));
		String json = EnterpriseFilingApiIntegrationTest.outletJson(filings.get(WUZHONG, other).outletName(), "",
				LocalDate.of(2026, 9, 20));
		var request = multipart("/api/v1/enterprise/filings/" + other + "/supplement");
		request.file(new MockMultipartFile("outlet", "", MediaType.APPLICATION_JSON_VALUE, json.getBytes(StandardCharsets.UTF_8)));
		mvc.perform(request.param("note", "接口补正").header("Authorization", EnterpriseFilingApiIntegrationTest.SF_TOKEN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SUBMITTED"))
			.andExpect(jsonPath("$.corrected").value(hasItem("地址")));
		mvc.perform(request.param("note", "再补正").header("Authorization", EnterpriseFilingApiIntegrationTest.SF_TOKEN))
			.andExpect(status().isConflict());
	}

	/**
	 * Attack: a closure's reason (撤销原因) took line breaks — at filing and in its 补正 — though every page shows it on
	 * one line. It is one line now (rule {@code line-break}, nothing filed or corrected); brackets and the usual
	 * punctuation are taken.
	 */
	@Test
	void aClosuresReasonIsOneLineAtFilingAndInItsSupplement() {
		long outletId = fixture.filedOutlet(LocalDate.of(2026, 9, 1));
		assertThatThrownBy(() -> filings.submitClosure(shunfeng, outletId, "网点停止经营\n另：场地已退租"))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(e -> e.field() + "/" + e.rule()).containsExactly("reason/line-break"));
		long id = closureWaitingForItsSupplement(outletId);
		assertThatThrownBy(() -> filings.supplement(shunfeng, id, null, List.of(), null, "经营场所拆迁\r\n已搬离", List.of(), null))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(e -> e.field() + "/" + e.rule()).containsExactly("reason/line-break"));
		assertThat(filings.get(WUZHONG, id).status()).isEqualTo(FilingStatus.MISSING_ITEMS);
		assertThat(filings.get(WUZHONG, id).changeDescription()).isEqualTo("网点停止经营");

		String reason = "经营场所拆迁（租约到期），已于9月搬离；详见《告知书》。";
		filings.supplement(shunfeng, id, "更正撤销原因", List.of(), null, reason, List.of(), null);
		assertThat(filings.get(WUZHONG, id).changeDescription()).isEqualTo(reason);
	}

	/** A closure of a filed outlet of sf.wz that 吴中 returned for its missing items: its id. */
	long closureWaitingForItsSupplement(long outletId) {
		long id = filings.submitClosure(shunfeng, outletId, "网点停止经营");
		filings.notifyMissingItems(WUZHONG, id, "撤销原因与现场不符，请更正");
		return id;
	}

	AuditEvent supplementEntry(long id) {
		return audit.history(DataScope.all(), "OutletFiling", id).stream()
			.filter(e -> e.action().equals("filing.supplement")).findFirst().orElseThrow();
	}

	@Test
	void aClosuresSupplementCorrectsItsReasonAuditedAndTheApprovedClosureCarriesIt() throws Exception {
		long outletId = fixture.filedOutlet(LocalDate.of(2026, 9, 1));
		long id = closureWaitingForItsSupplement(outletId);
		var session = SignIn.session(mvc, "sf.wz");
		mvc.perform(get("/enterprise/filings/" + id).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"reason\"")));

		// checked as at filing: at most 200 characters; nothing saved
		assertThatThrownBy(() -> filings.supplement(shunfeng, id, null, List.of(), null, "拆".repeat(201), List.of(), null))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(e -> e.field() + "/" + e.rule()).containsExactly("reason/max-length"));
		assertThat(filings.get(WUZHONG, id).status()).isEqualTo(FilingStatus.MISSING_ITEMS);
		// the reason filed again corrects nothing: a 补正 without anything else is refused as empty
		assertThatThrownBy(() -> filings.supplement(shunfeng, id, null, List.of(), null, " 网点停止经营 ", List.of(), null))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(FieldError::field).containsExactly("note"));

		String reason = "经营场所拆迁，" + UUID.randomUUID().toString().substring(0, 4) + "号楼已拆除";
		mvc.perform(multipart("/enterprise/filings/" + id + "/supplement").session(session).with(csrf())
			.param("reason", reason).param("note", "按通知更正撤销原因"))
			.andExpect(redirectedUrl("/enterprise/filings/" + id))
			.andExpect(flash().attribute("message", containsString("已更正撤销原因")));
		assertThat(filings.get(WUZHONG, id).changeDescription()).isEqualTo(reason);
		assertThat(filings.get(WUZHONG, id).status()).isEqualTo(FilingStatus.SUBMITTED);
		AuditEvent entry = supplementEntry(id);
		assertThat(entry.summary()).contains("更正撤销原因", "按通知更正撤销原因");
		assertThat(entry.beforeState()).contains("closureReason", "网点停止经营");
		assertThat(entry.afterState()).contains("closureReason", reason);

		filings.approve(WUZHONG, id, null);
		await().ignoreExceptions().untilAsserted(() -> {
			assertThat(outlets.get(WUZHONG, outletId).status()).isEqualTo(OutletStatus.CLOSED);
			assertThat(outlets.get(WUZHONG, outletId).closedReason()).isEqualTo(reason);
		});
	}

	@Test
	void theApiCorrectsAClosuresReasonAndRefusesAReasonOnAnotherFiling() throws Exception {
		long id = closureWaitingForItsSupplement(fixture.filedOutlet(LocalDate.of(2026, 9, 1)));
		String reason = "合作到期，" + UUID.randomUUID().toString().substring(0, 4) + "终止合作";
		mvc.perform(multipart("/api/v1/enterprise/filings/" + id + "/supplement").param("reason", reason)
			.header("Authorization", EnterpriseFilingApiIntegrationTest.SF_TOKEN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.corrected[0]").value("撤销原因"))
			.andExpect(jsonPath("$.status").value("SUBMITTED"));
		assertThat(filings.get(WUZHONG, id).changeDescription()).isEqualTo(reason);

		// a new filing has no 撤销原因 to correct
		long other = fixture.waitingForSupplement(OutletFilingIntegrationTest.outlet(LocalDate.of(2026, 9, 20)));
		mvc.perform(multipart("/api/v1/enterprise/filings/" + other + "/supplement").param("reason", reason)
			.param("note", "补充").header("Authorization", EnterpriseFilingApiIntegrationTest.SF_TOKEN))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"))
			.andExpect(jsonPath("$.errors[0].rule").value("not-correctable"));
		assertThat(filings.get(WUZHONG, other).status()).as("nothing saved").isEqualTo(FilingStatus.MISSING_ITEMS);
	}

	static OutletData numbers(OutletData d, String area, String longitude, String latitude) {
		return new OutletData(d.name(), 0, d.branchId(), d.cooperation(), d.address(), d.regionCode(),
				longitude == null ? null : new BigDecimal(longitude), latitude == null ? null : new BigDecimal(latitude),
				d.managerName(), d.managerIdNumber(), d.managerPhone(), new BigDecimal(area), d.hasCommunications(), d.hasShelving(),
				d.hasSurveillance(), d.hasSignage(), d.openedOn());
	}

	/**
	 * Numbers are compared by value: the same area or point written with other trailing zeros corrects nothing, while a
	 * hundredth of a square metre or a millionth of a degree is a correction — recorded alone, before and after.
	 */
	@Test
	void aSupplementComparesNumbersByValueAndAuditsExactlyTheFieldsThatChanged() {
		OutletData filed = numbers(OutletFilingIntegrationTest.outlet(LocalDate.of(2026, 9, 20)), "12.5", "120.5", "31.25");
		long same = fixture.waitingForSupplement(filed);
		assertThat(filings.supplement(shunfeng, same, "数字写法不同", List.of(), numbers(filed, "12.50", "120.500000", "31.250"),
				List.of(), null)).isEmpty();
		assertThat(supplementEntry(same).afterState()).doesNotContain("storageArea", "longitude", "latitude");

		long changed = fixture.waitingForSupplement(
				numbers(OutletFilingIntegrationTest.outlet(LocalDate.of(2026, 9, 20)), "12.5", "120.5", "31.25"));
		OutletData asFiled = numbers(filings.proposalToCorrect(WUZHONG, changed).orElseThrow(), "12.5", "120.5", "31.25");
		assertThat(filings.supplement(shunfeng, changed, null, List.of(), numbers(asFiled, "12.51", "120.500000", "31.250001"),
				List.of(), null)).containsExactly("经纬度", "存储场地面积");
		AuditEvent entry = supplementEntry(changed);
		assertThat(entry.beforeState()).contains("31.25", "12.5").doesNotContain("longitude");
		assertThat(entry.afterState()).contains("31.250001", "12.51").doesNotContain("longitude");
		var proposed = filings.details(WUZHONG, changed).proposed();
		assertThat(proposed.storageArea()).isEqualByComparingTo("12.51");
		assertThat(proposed.latitude()).isEqualByComparingTo("31.250001");
	}
}
