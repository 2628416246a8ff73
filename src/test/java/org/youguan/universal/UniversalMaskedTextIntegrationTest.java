package org.youguan.universal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.registry.Facilities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Free text of the universal service with personal numbers in it, stored before they were refused or typed where they
 * are allowed: shown masked on every page that lists or shows it, and an edit form sent back unchanged keeps what is
 * stored, never its masked form.
 */
@IntegrationTest
class UniversalMaskedTextIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Facilities facilities;

	ApprovalFixture fixture() {
		return new ApprovalFixture(mvc, jdbc, facilities);
	}

	/**
	 * A post office's hours stored with a mobile number are shown masked on the list (and its hours form); saved back unchanged (the
	 * masked hours, another day count) they keep the stored hours, not "值班138****5678" (they used to); hours changed
	 * are checked as typed.
	 */
	@Test
	void hoursSavedBackMaskedAndUnchangedKeepTheStoredHours() throws Exception {
		long office = fixture().newPostOffice("320506");
		String stored = "周一至周六 8:30-17:30（值班13812345678）";
		jdbc.sql("""
				INSERT INTO post_office_hours (facility_id, facility_name, region_code, enterprise_credit_code, area_type,
				    days_per_week, opening_hours, updated_at, updated_by, demo)
				SELECT f.id, f.name, f.region_code, e.credit_code, 'TOWNSHIP', 6, :hours, now(), 'test', false
				FROM facility f JOIN enterprise e ON e.id = f.enterprise_id WHERE f.id = :id""")
			.param("hours", stored).param("id", office).update();
		String shown = "周一至周六 8:30-17:30（值班138****5678）";
		String name = jdbc.sql("SELECT name FROM facility WHERE id = :id").param("id", office).query(String.class).single();
		mvc.perform(get("/universal/post-offices").param("q", name).session(SignIn.session(mvc, "wz.staff")))
			.andExpect(content().string(containsString(shown)))
			.andExpect(content().string(not(containsString("13812345678"))));
		for (String token : new String[] { ApprovalFixture.WUZHONG, ApprovalFixture.POSTAL }) {
			mvc.perform(put("/api/v1/universal/post-offices/" + office + "/hours").header("Authorization", token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"areaType\":\"TOWNSHIP\",\"daysPerWeek\":5,\"openingHours\":\"" + shown + "\"}"))
				.andExpect(status().isOk());
			assertThat(jdbc.sql("SELECT opening_hours FROM post_office_hours WHERE facility_id = :id").param("id", office)
				.query(String.class).single()).isEqualTo(stored);
		}
		mvc.perform(put("/api/v1/universal/post-offices/" + office + "/hours").header("Authorization", ApprovalFixture.WUZHONG)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"areaType\":\"TOWNSHIP\",\"daysPerWeek\":5,\"openingHours\":\"周一至周五 8:30-17:30（值班13912345678）\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].rule").value("personal-number"));
	}

	/**
	 * The approval's page — the staff's and the applying enterprise's — and its API answer show the applicant's reason
	 * with personal numbers masked, as the queues and exports do (it showed them as recorded while the queue masked
	 * them).
	 */
	@Test
	void anApprovalsPageMasksTheApplicantsTextAsItsQueueDoes() throws Exception {
		long id = fixture().apply(ApprovalFixture.POSTAL, fixture().newPostOffice("320506"), "CLOSURE",
				"业务量下降，联系人王某13912345678", null);
		for (var page : new org.springframework.test.web.servlet.RequestBuilder[] {
				get("/universal/post-office-approvals/" + id).session(SignIn.session(mvc, "wz.staff")),
				get("/enterprise/post-offices/approvals/" + id).session(SignIn.session(mvc, "yz.sz")),
				get("/api/v1/universal/post-office-approvals/" + id).header("Authorization", ApprovalFixture.WUZHONG) }) {
			mvc.perform(page)
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("联系人王某139****5678")))
				.andExpect(content().string(not(containsString("13912345678"))));
		}
		assertThat(jdbc.sql("SELECT reason FROM post_office_approval WHERE id = :id").param("id", id).query(String.class)
			.single()).as("recorded as typed").contains("13912345678");
	}

	/**
	 * An approval checked without findings or a consultation recorded (past approvals loaded from old records) shows a
	 * dash, never "null", on the staff and enterprise pages (attack 40 item 3).
	 */
	@Test
	void aCheckWithoutFindingsOrConsultationShowsADashNotNull() throws Exception {
		long id = fixture().apply(ApprovalFixture.POSTAL, fixture().newPostOffice("320506"), "CLOSURE", "业务量下降", null);
		jdbc.sql("UPDATE post_office_approval SET checked_on = received_on, check_findings = NULL, consultation = NULL "
				+ "WHERE id = :id").param("id", id).update();
		for (var page : new org.springframework.test.web.servlet.RequestBuilder[] {
				get("/universal/post-office-approvals/" + id).session(SignIn.session(mvc, "wz.staff")),
				get("/enterprise/post-offices/approvals/" + id).session(SignIn.session(mvc, "yz.sz")) }) {
			mvc.perform(page)
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("征求当地意见情况：—")))
				.andExpect(content().string(not(containsString("：null"))));
		}
	}
}
