package org.youguan.filing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
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
