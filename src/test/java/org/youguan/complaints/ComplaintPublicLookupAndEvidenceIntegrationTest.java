package org.youguan.complaints;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attack round 14 (L6): a leader, who reads complaints masked, opened the filer's evidence; the withdrawal's redirect
 * carried the query code in the address, and the look-up by phone was a GET with the phone in it.
 */
@IntegrationTest
class ComplaintPublicLookupAndEvidenceIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aLeaderNeitherSeesNorOpensTheFilersEvidence() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		String waybill = ComplaintIntegrationTest.waybill();
		String location = mvc.perform(multipart("/complaints/new").file(ComplaintFormEvidenceIntegrationTest.png("身份证照片.png"))
			.params(ComplaintPagesIntegrationTest.form(waybill, "来电反映丢失")).param("channel", "PHONE").session(staff)
			.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		long file = jdbc.sql("SELECT id FROM attachment WHERE module = 'complaints' AND owner_id = :id").param("id", id)
			.query(Long.class).single();
		mvc.perform(get("/attachments/" + file).session(staff)).andExpect(status().isOk());

		MockHttpSession leader = SignIn.session(mvc, "sz.leader");
		mvc.perform(get("/attachments/" + file).session(leader)).andExpect(status().isForbidden());
		assertThat(mvc.perform(get("/complaints/" + id).session(leader)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString())
			.doesNotContain("身份证照片.png").doesNotContain("/attachments/" + file);
	}

	@Test
	void theWithdrawalKeepsTheQueryCodeOutOfTheAddressAndThePhoneIsLookedUpByPost() throws Exception {
		var filing = ComplaintPagesIntegrationTest.form(ComplaintIntegrationTest.waybill(), "快件丢失");
		String phone = filing.getFirst("phone");
		String page = mvc.perform(post("/public/complaints/new").with(csrf()).params(filing))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String number = ComplaintFormEvidenceIntegrationTest.number(page);
		String code = ComplaintFormEvidenceIntegrationTest.queryCode(page);

		mvc.perform(get("/public/complaints/status").param("number", number).param("queryCode", phone))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/public/complaints/" + number).param("queryCode", phone))
			.andExpect(status().isNotFound());
		mvc.perform(post("/public/complaints/status").with(csrf()).param("number", number).param("queryCode", phone))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("待受理")));

		// the browser follows the redirect in its session, where the status waits as flash attributes
		MockHttpSession visitor = new MockHttpSession();
		MvcResult withdrawn = mvc.perform(post("/public/complaints/withdraw").with(csrf()).param("number", number)
			.param("queryCode", code).session(visitor))
			.andExpect(redirectedUrl("/public/complaints/status"))
			.andReturn();
		assertThat(withdrawn.getFlashMap().containsKey("statusCode")).as("flashed").isTrue();
		mvc.perform(get("/public/complaints/status").session(visitor))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(number)))
			.andExpect(content().string(containsString("已撤回")));
	}
}
