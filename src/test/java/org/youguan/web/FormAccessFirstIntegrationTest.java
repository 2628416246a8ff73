package org.youguan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.enforcement.OnTheSpotPenalties;
import org.youguan.enforcement.PastCases;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.licensing.Clerk;
import org.youguan.licensing.LicenceApplications;
import org.youguan.org.BureauLevel;

/**
 * Finding (form access): the enterprise, branch, outlet or region a staff page form, an import or a JSON body names was
 * guarded before binding on some JSON endpoints only — a county's staff naming another county's enterprise on the
 * hazard, incident, 委托安检, 责任书, lead, on-the-spot or inspection record form, with one bad field beside it, was told
 * the field (400) instead of "not found" (404); an inspection record's guard was skipped as soon as the body sent
 * {@code place} or {@code objectId}; a past licence application or an annual report naming another county's
 * enterprise was a 400 field error (or bound first); a past case's sheet row of another county's party listed the
 * row's other faults beside it. Each now refuses what it names before any field, however it names it.
 */
@IntegrationTest
class FormAccessFirstIntegrationTest {

	static final String WUZHONG = "Bearer demo-wz-staff-token";

	static final String NOT_THERE = "不存在或不在您的数据权限范围内";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PastCases pastCases;

	@Autowired
	OnTheSpotPenalties onTheSpot;

	@Autowired
	LicenceApplications applications;

	/** A normal enterprise registered in {@code region} (its credit code). */
	String enterpriseOf(String region) {
		return jdbc.sql("SELECT credit_code FROM enterprise WHERE region_code LIKE :r AND status = 'NORMAL' ORDER BY id LIMIT 1")
			.param("r", region + "%")
			.query(String.class)
			.single();
	}

	ResultActions json(String path, String body) throws Exception {
		return mvc.perform(post(path).header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	/** The staff page forms that name an enterprise, each with one malformed field beside it. */
	static final String[][] FORMS = { { "/safety/hazards", "foundOn" }, { "/safety/incidents", "occurredAt" },
			{ "/safety/contractors", "contractFrom" }, { "/safety/letters", "signedOn" }, { "/enforcement/leads", "receivedOn" },
			{ "/enforcement/on-the-spot", "decidedOn" }, { "/inspections/records", "inspectedOn" } };

	@Test
	void aStaffFormNamingAnotherCountysEnterpriseIsNotFoundBeforeAnyField() throws Exception {
		MockHttpSession wuzhong = SignIn.session(mvc, "wz.staff");
		String xiangcheng = enterpriseOf("320507");
		String own = enterpriseOf("320506");
		for (String[] form : FORMS) {
			mvc.perform(post(form[0]).session(wuzhong).with(csrf()).param("enterpriseCreditCode", xiangcheng)
				.param(form[1], "2026-13-45"))
				.andExpect(status().isNotFound())
				.andExpect(content().string(containsString(NOT_THERE)));
			// the county's own enterprise with the same bad field: the form is told its field, not refused
			mvc.perform(post(form[0]).session(wuzhong).with(csrf()).param("enterpriseCreditCode", own)
				.param(form[1], "2026-13-45"))
				.andExpect(status().is4xxClientError())
				.andExpect(status().is(not(404)));
		}
	}

	/** A row of {@code table} in 吴中 (320506) or, with {@code inside} false, in another county of 苏州. */
	long placeIn(String table, boolean inside) {
		return jdbc.sql("SELECT id FROM " + table + " WHERE region_code LIKE '3205%' AND (region_code LIKE '320506%') = :inside ORDER BY id LIMIT 1")
			.param("inside", inside).query(Long.class).single();
	}

	@Test
	void anInspectionRecordIsGuardedOnEveryWayItNamesWhatWasInspected() throws Exception {
		String xiangcheng = enterpriseOf("320507");
		// the 检查地点 is free text, an objectId with no branch or outlet type names none: the enterprise decides
		for (String extra : new String[] { "\"place\":\"吴中区某路1号\"", "\"objectId\":1", "\"objectType\":\"ENTERPRISE\",\"objectId\":1" }) {
			json("/api/v1/inspections/records", "{\"enterpriseCreditCode\":\"%s\",%s,\"inspectedOn\":[1]}".formatted(xiangcheng, extra))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.errors[0].field").value("enterpriseCreditCode"));
		}
		// a branch or outlet of another county is not there, whoever its enterprise is
		for (String type : new String[] { "BRANCH", "OUTLET" }) {
			String table = type.equals("BRANCH") ? "branch" : "terminal_outlet";
			json("/api/v1/inspections/records", "{\"enterpriseCreditCode\":\"%s\",\"objectType\":\"%s\",\"objectId\":%d,\"inspectedOn\":[1]}"
				.formatted(enterpriseOf("320506"), type, placeIn(table, false)))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.errors[0].field").value("objectId"));
			// the page form's one field names it too
			mvc.perform(post("/inspections/records").session(SignIn.session(mvc, "wz.staff")).with(csrf())
				.param("enterpriseCreditCode", enterpriseOf("320506")).param("object", type + ":" + placeIn(table, false))
				.param("inspectedOn", "2026-13-45"))
				.andExpect(status().isNotFound());
		}
		// a branch in the county places the record there: its fields are read (the step checks it is the enterprise's)
		long branch = placeIn("branch", true);
		String owner = jdbc.sql("SELECT e.credit_code FROM branch b JOIN enterprise e ON e.id = b.enterprise_id WHERE b.id = :id")
			.param("id", branch).query(String.class).single();
		json("/api/v1/inspections/records", "{\"enterpriseCreditCode\":\"%s\",\"objectType\":\"BRANCH\",\"objectId\":%d,\"inspectedOn\":[1]}"
			.formatted(owner, branch))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("inspectedOn"));
	}

	@Test
	void aLicensingStepNamingAnotherCountysEnterpriseOrRegionIsNotFoundBeforeAnyField() throws Exception {
		String xiangcheng = enterpriseOf("320507");
		json("/api/v1/licensing/applications/imported", """
				{"applicantCreditCode":"%s","kind":"NEW","receivedOn":[1]}""".formatted(xiangcheng))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.errors[0].field").value("applicantCreditCode"));
		json("/api/v1/licensing/annual-reports", """
				{"creditCode":"%s","revenue":[1]}""".formatted(xiangcheng))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.errors[0].field").value("creditCode"));
		// the step itself (the sheet's rows come through it): not found, not a "scope" error beside the other fields
		DomainException refused = catchThrowableOfType(DomainException.class, () -> applications.checkImported(
				Clerk.system("吴中区邮政管理局", BureauLevel.COUNTY, "320506"), DataScope.region("320506"), "320506",
				new LicenceApplications.ImportedApplication(xiangcheng, null, "ZZZ", null, "abc", null, null, null, null, null)));
		assertThat(refused.code()).isEqualTo(ErrorCode.NOT_FOUND);
		assertThat(refused.fieldErrors()).singleElement()
			.satisfies(e -> assertThat(e.field()).isEqualTo("applicantCreditCode"));
		// the staff's paper application form: another county's premises before a material part that is no material
		mvc.perform(multipart("/licensing/applications").file(new MockMultipartFile("nope", "x.pdf", "application/pdf", new byte[] { 1 }))
			.session(SignIn.session(mvc, "wz.staff")).with(csrf()).param("regionCode", "320507").param("kind", "NEW"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("行政区划")));
	}

	@Test
	void aPastCaseOrOnTheSpotDecisionOfAnotherCountysPartyIsNotFoundInPlaceOfItsFieldErrors() {
		String xiangcheng = enterpriseOf("320507");
		DataScope wuzhong = DataScope.region("320506");
		DomainException past = catchThrowableOfType(DomainException.class, () -> pastCases.importCase(wuzhong,
				new PastCases.ImportedCase(xiangcheng, "ZZZ", "ZZZ", "abc", null, null, null, null, null, null, null, null,
						null, null, null, null)));
		assertThat(past.code()).isEqualTo(ErrorCode.NOT_FOUND);
		assertThat(past.fieldErrors()).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("enterpriseCreditCode"));
		DomainException spot = catchThrowableOfType(DomainException.class, () -> onTheSpot.decideOnTheSpot(wuzhong,
				new OnTheSpotPenalties.OnTheSpot(null, xiangcheng, null, null, "ZZZ", "", null, "abc", null, null, List.of()),
				false));
		assertThat(spot.code()).isEqualTo(ErrorCode.NOT_FOUND);
	}
}
