package org.youguan.complaints;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.util.MultiValueMap;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attack round 14 on the staff entry of complaints: a double click of the entry form with evidence filed several
 * complaints (M3); staff filed 网上申诉 and complaints of another county (L2).
 */
@IntegrationTest
class ComplaintStaffEntryIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	/** Sends the requests all at once (threads released by one latch) and returns their answers. */
	List<MockHttpServletResponse> atOnce(List<? extends RequestBuilder> requests) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(requests.size());
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
			for (var r : requests) {
				answers.add(pool.submit(() -> {
					start.await();
					return mvc.perform(r).andReturn().getResponse();
				}));
			}
			start.countDown();
			List<MockHttpServletResponse> out = new ArrayList<>();
			for (var f : answers) {
				out.add(f.get());
			}
			return out;
		}
		finally {
			pool.shutdownNow();
		}
	}

	List<Long> filedWith(String waybill) {
		return jdbc.sql("SELECT id FROM complaint WHERE waybill_number = :w ORDER BY id").param("w", waybill)
			.query(Long.class).list();
	}

	long evidenceOf(long complaintId) {
		return jdbc.sql("SELECT count(*) FROM attachment WHERE module = 'complaints' AND owner_id = :id")
			.param("id", complaintId).query(Long.class).single();
	}

	long heldFor(String draft) {
		return jdbc.sql("SELECT count(*) FROM attachment WHERE draft = :draft").param("draft", draft)
			.query(Long.class).single();
	}

	@Test
	void aDoubleClickedStaffEntryWithEvidenceFilesOneComplaintWithOneCopyOfTheFile() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		String draft = ComplaintFormEvidenceIntegrationTest.find(ComplaintFormEvidenceIntegrationTest.DRAFT,
				mvc.perform(get("/complaints/new").session(staff)).andReturn().getResponse().getContentAsString());
		String waybill = ComplaintIntegrationTest.waybill();
		MultiValueMap<String, String> form = ComplaintPagesIntegrationTest.form(waybill, "来电反映外箱破损");
		List<RequestBuilder> clicks = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			clicks.add(multipart("/complaints/new").file(ComplaintFormEvidenceIntegrationTest.png("破损.png")).params(form)
				.param("channel", "PHONE").param("draft", draft).session(staff).with(csrf()));
		}
		List<MockHttpServletResponse> answers = atOnce(clicks);
		assertThat(answers).extracting(MockHttpServletResponse::getStatus).containsOnly(302);
		assertThat(answers).extracting(MockHttpServletResponse::getRedirectedUrl).containsOnly(answers.get(0).getRedirectedUrl());
		List<Long> filed = filedWith(waybill);
		assertThat(filed).hasSize(1);
		assertThat(evidenceOf(filed.get(0))).isOne();
		assertThat(heldFor(draft)).as("no copy left held for the form").isZero();
	}

	@Test
	void aPublicVisitorsDoubleClickWithEvidenceInOneSessionFilesOneComplaint() throws Exception {
		MockHttpSession visitor = new MockHttpSession();
		String draft = ComplaintFormEvidenceIntegrationTest.find(ComplaintFormEvidenceIntegrationTest.DRAFT,
				mvc.perform(get("/public/complaints/new").session(visitor)).andReturn().getResponse().getContentAsString());
		String waybill = ComplaintIntegrationTest.waybill();
		MultiValueMap<String, String> form = ComplaintPagesIntegrationTest.form(waybill, "外箱破损");
		List<RequestBuilder> clicks = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			clicks.add(multipart("/public/complaints/new").file(ComplaintFormEvidenceIntegrationTest.png("破损.png"))
				.params(form).param("draft", draft).session(visitor).with(csrf()));
		}
		List<MockHttpServletResponse> answers = atOnce(clicks);
		assertThat(answers).extracting(MockHttpServletResponse::getStatus).containsOnly(200);
		List<Long> filed = filedWith(waybill);
		assertThat(filed).hasSize(1);
		assertThat(evidenceOf(filed.get(0))).isOne();
		assertThat(heldFor(draft)).isZero();
	}

	@Test
	void staffCannotFileAnOnlineComplaintOnTheFormOrTheApi() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		String waybill = ComplaintIntegrationTest.waybill();
		String page = mvc.perform(multipart("/complaints/new").params(ComplaintPagesIntegrationTest.form(waybill, "网上申诉"))
			.param("channel", "WEB").session(staff).with(csrf()))
			.andExpect(status().isBadRequest())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("网上申诉由公众在门户自行提交");
		mvc.perform(post("/api/v1/complaints").param("channel", "WEB").header("Authorization", "Bearer demo-wz-staff-token")
			.contentType("application/json").content(IdempotencyKeyIntegrationTest.body("320506", "接口网上申诉")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'channel')].rule").value("staff-channel"));
		assertThat(filedWith(waybill)).isEmpty();
	}

	@Test
	void countyStaffCannotFileAComplaintOfAnotherCounty() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		String waybill = ComplaintIntegrationTest.waybill();
		MultiValueMap<String, String> form = ComplaintPagesIntegrationTest.form(waybill, "相城的申诉");
		form.set("region", "320507");
		// another county's region is not there to the county's staff (404), before any other field (access first)
		mvc.perform(multipart("/complaints/new").params(form).param("channel", "PHONE").session(staff).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/complaints").param("channel", "PHONE").header("Authorization", "Bearer demo-wz-staff-token")
			.contentType("application/json").content(IdempotencyKeyIntegrationTest.body("320507", "接口相城申诉")))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("行政区划")));
		assertThat(filedWith(waybill)).isEmpty();
		form.set("region", "320506");
		mvc.perform(multipart("/complaints/new").params(form).param("channel", "PHONE").session(staff).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(filedWith(waybill)).hasSize(1);
	}
}
