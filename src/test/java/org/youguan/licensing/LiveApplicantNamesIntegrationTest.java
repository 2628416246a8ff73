package org.youguan.licensing;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.youguan.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One name, one enterprise on the live application path as on the import (企业名称登记管理规定): a new applicant not in
 * the registry cannot apply under the name another applicant of another credit code, not registered either, applied
 * under in an application not refused — a 400 on {@code applicantName}, rule {@code unique}, naming that application;
 * once that application is refused, the name is free again.
 */
@IntegrationTest
class LiveApplicantNamesIntegrationTest extends LicensingFixture {

	@Test
	void aSecondNewApplicantUnderOneNameIsRefusedNamingTheFirstApplication() throws Exception {
		String first = LicensingIntegrationTest.newCreditCode();
		String name = "苏州同名" + first.substring(10, 17) + "快递有限公司";
		call(CITY, "/api/v1/licensing/applications", LicensingIntegrationTest.application(first, name, "省内", "600000", ""))
			.andExpect(status().isCreated());
		String number = jdbc.sql("SELECT number FROM licence_application WHERE applicant_credit_code = :c").param("c", first)
			.query(String.class).single();

		String second = LicensingIntegrationTest.newCreditCode();
		// the same name written another way (spaces, traditional characters) is the same name
		for (String typed : List.of(name, "蘇州同名" + first.substring(10, 17) + " 快遞有限公司")) {
			call(CITY, "/api/v1/licensing/applications", LicensingIntegrationTest.application(second, typed, "省内", "600000", ""))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[?(@.field == 'applicantName')].rule", hasItem("unique")))
				.andExpect(jsonPath("$.errors[?(@.field == 'applicantName')].message", hasItem(containsString(number))));
		}
		assertThat(jdbc.sql("SELECT count(*) FROM licence_application WHERE applicant_credit_code = :c").param("c", second)
			.query(Long.class).single()).isZero();

		// refused: the name no longer awaits an enterprise
		jdbc.sql("UPDATE licence_application SET status = 'REFUSED' WHERE applicant_credit_code = :c").param("c", first).update();
		call(CITY, "/api/v1/licensing/applications", LicensingIntegrationTest.application(second, name, "省内", "600000", ""))
			.andExpect(status().isCreated());
	}
}
