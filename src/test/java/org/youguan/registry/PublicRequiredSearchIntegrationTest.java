package org.youguan.registry;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.ClientAddress;
import org.youguan.IntegrationTest;
import org.youguan.kernel.PublicTally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A public search or look-up whose required parameter is sent empty answers 400 naming that field, never 200 with
 * nothing found, nor a look-up counted as a failure (attack 3: {@code /api/v1/public/licences?query=} answered 200 []).
 */
@IntegrationTest
class PublicRequiredSearchIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	PublicTally tally;

	@Test
	void anEmptyOrOneCharacterLicenceQueryIsRefusedNamingTheField() throws Exception {
		mvc.perform(get("/api/v1/public/licences").param("query", ""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("query"))
			.andExpect(jsonPath("$.errors[0].rule").value("required"))
			.andExpect(content().string(containsString("查询内容不能为空")));
		mvc.perform(get("/api/v1/public/licences").param("query", " 顺 "))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].rule").value("min-length"))
			.andExpect(content().string(containsString("查询内容至少2个字")));
		mvc.perform(get("/api/v1/public/licences").param("query", "顺丰")).andExpect(status().isOk());
	}

	@Test
	void anEmptyLicenceNumberAndCodeAreBothTold() throws Exception {
		mvc.perform(get("/api/v1/public/licences/verify").param("number", " ").param("code", ""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("number", "code")))
			.andExpect(content().string(containsString("许可证编号不能为空")))
			.andExpect(content().string(containsString("验证码不能为空")));
	}

	/**
	 * Attack 5 A: the verify page verified a number with an empty code and counted it as a failed verification, where
	 * the API refused it uncounted; both run one check now and the page tells it beside its form.
	 */
	@Test
	void theVerifyPageRefusesAnEmptyCodeBesideItsFormAndCountsNothing() throws Exception {
		String address = ClientAddress.newAddress();
		String number = "ZZTEST" + System.nanoTime();
		mvc.perform(get("/public/licences/verify").with(ClientAddress.from(address)).param("number", number).param("code", ""))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("验证码不能为空")))
			.andExpect(content().string(containsString("name=\"code\"")));
		mvc.perform(get("/public/licences/verify").with(ClientAddress.from(address)).param("number", "\u200B").param("code", "ABC"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("许可证编号不能为空")));
		// "licence-address" is LicenceVerification.FAILED_FROM: a failed verification counted by the client address
		assertThat(tally.recent("licence-address", address)).isZero();
		// a wrong code is still counted, so the count above could have been seen
		mvc.perform(get("/public/licences/verify").with(ClientAddress.from(address)).param("number", number).param("code", "ABC"))
			.andExpect(status().isOk());
		assertThat(tally.recent("licence-address", address)).isEqualTo(1);
		// the blank form on arrival is no refusal
		mvc.perform(get("/public/licences/verify").with(ClientAddress.from(address))).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("不能为空"))));
	}

	@Test
	void anEmptyComplaintQueryCodeIsTold() throws Exception {
		mvc.perform(get("/api/v1/public/complaints/SS2026000001").param("queryCode", ""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("queryCode"))
			.andExpect(content().string(containsString("查询码不能为空")));
	}
}
