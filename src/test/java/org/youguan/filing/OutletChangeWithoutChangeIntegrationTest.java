package org.youguan.filing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Masking;
import org.youguan.registry.OutletData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attack: a 变更备案 with nothing changed ({@code POST /enterprise/outlets/483/change}, every field as registered,
 * changeDescription=无变化) was accepted and queued with a statutory deadline while the page warned "所填信息与现登记信息相同":
 * refused (400 {@code unchanged}, "未作任何变更"), nothing filed; a change of one item still goes through. A change dated
 * after today is told so, not as if the date were missing.
 */
@IntegrationTest
class OutletChangeWithoutChangeIntegrationTest {

	@Autowired
	OutletFilings filings;

	@Autowired
	FilingFixture fixture;

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	long changes(long outletId) {
		return jdbc.sql("SELECT count(*) FROM outlet_filing WHERE outlet_id = :o AND kind = 'CHANGE'").param("o", outletId)
			.query(Long.class).single();
	}

	@Test
	void aChangeFilingStatingTheOutletAsRegisteredIsRefusedAndNothingIsFiled() {
		LocalDate today = LocalDate.now(clock);
		OutletData registered = OutletFilingIntegrationTest.outlet(today.minusDays(30));
		long outletId = fixture.filedOutlet(fixture.shunfeng(), registered);

		// as typed again, and as the form sends it back: the manager's numbers masked, the opening day left out
		OutletData masked = new OutletData(registered.name(), 0, null, registered.cooperation(), registered.address(),
				registered.regionCode(), null, null, registered.managerName(), Masking.idNumber(registered.managerIdNumber()),
				Masking.phone(registered.managerPhone()), new BigDecimal("40.0"), true, true, true, true, null);
		for (OutletData same : List.of(registered, masked)) {
			assertThatThrownBy(() -> filings.submitChange(fixture.shunfeng(), outletId, same, today, "无变化", List.of()))
				.isInstanceOfSatisfying(InvalidValueException.class, ex -> {
					assertThat(ex.fieldErrors()).extracting(FieldError::field, FieldError::rule)
						.containsExactly(tuple("changeDescription", "unchanged"));
					assertThat(ex.fieldErrors().get(0).message()).startsWith("未作任何变更");
				});
		}
		assertThat(changes(outletId)).isZero();

		// a new manager's phone alone is a change
		OutletData newPhone = new OutletData(registered.name(), 0, null, registered.cooperation(), registered.address(),
				registered.regionCode(), null, null, registered.managerName(), registered.managerIdNumber(), "13912345670",
				registered.storageArea(), true, true, true, true, null);
		filings.submitChange(fixture.shunfeng(), outletId, newPhone, today, "更换负责人电话", List.of());
		assertThat(changes(outletId)).isOne();
	}

	/**
	 * Attack: the change filed was refused as {@code unchanged} when it stated the outlet as registered, but its 补正
	 * putting every item back as registered went through to approval. The 补正 is refused the same way, through the
	 * service the portal's form calls and through the API, nothing saved; a 补正 that still changes an item passes.
	 */
	@Test
	void aSupplementPuttingAChangeBackToTheRegisteredOutletIsRefusedAsUnchanged() throws Exception {
		LocalDate today = LocalDate.now(clock);
		OutletData registered = OutletFilingIntegrationTest.outlet(today.minusDays(30));
		long outletId = fixture.filedOutlet(fixture.shunfeng(), registered);
		long filing = filings.submitChange(fixture.shunfeng(), outletId, withPhone(registered, "13912345670"), today,
				"更换负责人电话", List.of());
		filings.notifyMissingItems(FilingFixture.WUZHONG, filing, "请核实负责人电话");

		assertThatThrownBy(() -> filings.supplement(fixture.shunfeng(), filing, "电话未变", List.of(), registered, null,
				List.of(), null))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> {
				assertThat(ex.fieldErrors()).extracting(FieldError::field, FieldError::rule)
					.containsExactly(tuple("note", "unchanged"));
				assertThat(ex.fieldErrors().get(0).message()).startsWith("未作任何变更");
			});
		String json = """
				{"name": "%s", "cooperation": "%s", "address": "%s", "regionCode": "%s", "managerName": "%s",
				 "managerIdNumber": "%s", "managerPhone": "%s", "storageArea": 40, "hasCommunications": true,
				 "hasShelving": true, "hasSurveillance": true, "hasSignage": true}""".formatted(registered.name(),
				registered.cooperation(), registered.address(), registered.regionCode(), registered.managerName(),
				Masking.idNumber(registered.managerIdNumber()), registered.managerPhone());
		var request = multipart("/api/v1/enterprise/filings/" + filing + "/supplement");
		request.file(new MockMultipartFile("outlet", "", MediaType.APPLICATION_JSON_VALUE, json.getBytes(StandardCharsets.UTF_8)));
		mvc.perform(request.param("note", "电话未变").header("Authorization", EnterpriseFilingApiIntegrationTest.SF_TOKEN))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("note"))
			.andExpect(jsonPath("$.errors[0].rule").value("unchanged"));
		assertThat(filings.get(FilingFixture.WUZHONG, filing).status()).as("nothing saved").isEqualTo(FilingStatus.MISSING_ITEMS);

		assertThat(filings.supplement(fixture.shunfeng(), filing, "电话更正", List.of(), withPhone(registered, "13912345671"),
				null, List.of(), null)).containsExactly("负责人电话");
		assertThat(filings.get(FilingFixture.WUZHONG, filing).status()).isEqualTo(FilingStatus.SUBMITTED);
	}

	/** {@code outlet} with another manager's phone, the opening day left to the registry's. */
	private static OutletData withPhone(OutletData outlet, String phone) {
		return new OutletData(outlet.name(), 0, null, outlet.cooperation(), outlet.address(), outlet.regionCode(), null, null,
				outlet.managerName(), outlet.managerIdNumber(), phone, outlet.storageArea(), true, true, true, true, null);
	}

	@Test
	void thePortalRefusesAnUnchangedOutletAndTellsAFutureDayAsLate() throws Exception {
		LocalDate today = LocalDate.now(clock);
		OutletData registered = OutletFilingIntegrationTest.outlet(today.minusDays(30));
		long outletId = fixture.filedOutlet(fixture.shunfeng(), registered);
		MockHttpSession enterprise = SignIn.session(mvc, "sf.wz");
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("name", registered.name());
		form.add("cooperation", registered.cooperation());
		form.add("address", registered.address());
		form.add("regionCode", registered.regionCode());
		form.add("managerName", registered.managerName());
		form.add("managerIdNumber", Masking.idNumber(registered.managerIdNumber()));
		form.add("managerPhone", Masking.phone(registered.managerPhone()));
		form.add("storageArea", "40");
		form.add("openedOn", registered.openedOn().toString());
		for (String f : new String[] { "hasCommunications", "hasShelving", "hasSurveillance", "hasSignage" }) {
			form.add(f, "true");
		}
		form.add("changeDescription", "无变化");
		form.add("changedOn", today.toString());
		mvc.perform(multipart("/enterprise/outlets/" + outletId + "/change").params(form).session(enterprise).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("未作任何变更")));
		assertThat(changes(outletId)).isZero();

		form.set("name", registered.name() + "·新");
		form.set("changedOn", today.plusDays(1).toString());
		mvc.perform(multipart("/enterprise/outlets/" + outletId + "/change").params(form).session(enterprise).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("变更日期不能晚于今天")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("请填写变更日期"))));
	}
}
