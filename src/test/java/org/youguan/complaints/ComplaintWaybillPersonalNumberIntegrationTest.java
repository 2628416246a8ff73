package org.youguan.complaints;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A complaint's waybill number is no place for the filer's ID or mobile number (attack round: it was stored, listed in
 * full to staff and the enterprise, and the enterprise's search found the complaint by the ID number): the public API,
 * the staff API and the page form refuse one, naming {@code waybillNumber} and rule {@code personal-number}; real
 * waybill formats of 11 and more digits pass; a row stored before shows its waybill masked in the API lists and the
 * enterprise's page, and the enterprise's search cannot find it by that number.
 */
@IntegrationTest
class ComplaintWaybillPersonalNumberIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	static String digits(int count) {
		StringBuilder d = new StringBuilder();
		while (d.length() < count) {
			d.append(UUID.randomUUID().toString().replaceAll("[^0-9]", ""));
		}
		return d.substring(0, count);
	}

	@Test
	void thePublicAndStaffApisRefuseAnIdOrMobileNumberAsWaybillNamingFieldAndRule() throws Exception {
		for (String personal : List.of("320506199001014561", "13987654321")) {
			mvc.perform(post("/api/v1/public/complaints").contentType("application/json")
				.content(ComplaintWaybillIdentifierIntegrationTest.body("张三", personal)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[?(@.field == 'waybillNumber')].rule", hasItem("personal-number")))
				.andExpect(content().string(containsString("运单号不得是或含有身份证号码、手机号码")))
				.andExpect(content().string(not(containsString(personal))));
			mvc.perform(post("/api/v1/complaints").header("Authorization", "Bearer demo-wz-staff-token")
				.contentType("application/json").content(ComplaintWaybillIdentifierIntegrationTest.body("张三", personal)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[?(@.field == 'waybillNumber')].rule", hasItem("personal-number")));
		}
		// typed in blocks, it is the same number
		mvc.perform(post("/api/v1/complaints").header("Authorization", "Bearer demo-wz-staff-token")
			.contentType("application/json").content(ComplaintWaybillIdentifierIntegrationTest.body("张三", "139 8765 4321")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'waybillNumber')].rule", hasItem("personal-number")));
		assertThat(jdbc.sql("SELECT count(*) FROM complaint WHERE waybill_number IN ('320506199001014561', '13987654321')")
			.query(Long.class).single()).isZero();
	}

	@Test
	void thePageFormRefusesAnIdNumberAsWaybillShowingTheFormAgain() throws Exception {
		var form = ComplaintPagesIntegrationTest.form("320506199001014561", "快件延误");
		mvc.perform(post("/public/complaints/new").with(csrf()).params(form))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("运单号不得是或含有身份证号码、手机号码")))
			.andExpect(content().string(not(containsString("申诉已提交"))));
	}

	@Test
	void realWaybillFormatsOfElevenAndMoreDigitsPass() throws Exception {
		for (String waybill : List.of("SF" + digits(13), "YT" + digits(13), "JD00" + digits(11), "JT" + digits(13),
				"7" + digits(11), "75" + digits(12), "73" + digits(11), "EA" + digits(9) + "CN", "77" + digits(13),
				"9" + digits(12))) {
			String receipt = mvc.perform(post("/api/v1/complaints").header("Authorization", "Bearer demo-wz-staff-token")
				.contentType("application/json").content(ComplaintWaybillIdentifierIntegrationTest.body("张三", waybill)))
				.andExpect(status().isCreated())
				.andReturn().getResponse().getContentAsString();
			assertThat(jdbc.sql("SELECT waybill_number FROM complaint WHERE number = :n")
				.param("n", (String) JsonPath.read(receipt, "$.number")).query(String.class).single()).isEqualTo(waybill);
		}
	}

	@Test
	void anIdNumberStoredAsWaybillBeforeIsMaskedInListsAndNotFoundByTheEnterprisesSearch() throws Exception {
		String number = fileByStaff();
		long id = jdbc.sql("SELECT id FROM complaint WHERE number = :n").param("n", number).query(Long.class).single();
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		mvc.perform(post("/complaints/" + id + "/transfer").session(staff).with(csrf()))
			.andExpect(redirectedUrlPattern("/complaints/*"));
		// as a row filed before the intake refused it
		// born 1990-01-15 (a real day: a random day such as the 50th is no ID number), a random sequence
		String idNumber = "32050619900115" + digits(2) + "12";
		jdbc.sql("UPDATE complaint SET waybill_number = :w WHERE id = :id").param("w", idNumber).param("id", id).update();
		String masked = "320506********" + idNumber.substring(14);

		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		mvc.perform(get("/enterprise/complaints").session(sf).param("q", idNumber).param("state", "ALL"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(number))));
		mvc.perform(get("/api/v1/complaints").param("q", idNumber).header("Authorization", "Bearer demo-sf-wz-token"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(number))));
		mvc.perform(get("/api/v1/complaints").param("q", number).header("Authorization", "Bearer demo-sf-wz-token"))
			.andExpect(jsonPath("$.items[0].waybillNumber").value(masked));
		mvc.perform(get("/enterprise/complaints/" + id).session(sf))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(masked)))
			.andExpect(content().string(not(containsString(idNumber))));
		// staff search still finds it (the handler's own search reads the number as stored); the list shows it masked
		mvc.perform(get("/api/v1/complaints").param("q", idNumber).header("Authorization", "Bearer demo-wz-staff-token"))
			.andExpect(jsonPath("$.items[0].number").value(number))
			.andExpect(jsonPath("$.items[0].waybillNumber").value(masked))
			.andExpect(content().string(not(containsString(idNumber))));
	}

	/**
	 * A landline stored as a waybill before the intake refused it is masked in the staff's list (API) as a mobile is —
	 * area code and last four kept, as the public history and the phone columns mask one.
	 */
	@Test
	void aLandlineStoredAsWaybillIsMaskedInTheStaffList() throws Exception {
		String number = fileByStaff();
		String local = "6" + digits(3) + "4321";
		jdbc.sql("UPDATE complaint SET waybill_number = :w WHERE number = :n").param("w", "0512-" + local)
			.param("n", number).update();
		mvc.perform(get("/api/v1/complaints").param("q", number).header("Authorization", "Bearer demo-wz-staff-token"))
			.andExpect(jsonPath("$.items[0].waybillNumber").value("0512-****4321"))
			.andExpect(content().string(not(containsString(local))));
	}

	/** A complaint the county's staff files through the API with a plain waybill; its number. */
	String fileByStaff() throws Exception {
		String receipt = mvc.perform(post("/api/v1/complaints").header("Authorization", "Bearer demo-wz-staff-token")
			.contentType("application/json")
			.content(ComplaintWaybillIdentifierIntegrationTest.body("张三", "SF" + digits(13))))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		return JsonPath.read(receipt, "$.number");
	}
}
