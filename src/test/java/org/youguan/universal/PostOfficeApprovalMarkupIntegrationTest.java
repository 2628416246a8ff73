package org.youguan.universal;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import jakarta.servlet.RequestDispatcher;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.registry.Facilities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The free texts of a post-office approval are printed on its 决定书 and 公告: markup in them is refused (attack:
 * {@code "reason":"迁址<b>x</b>","newAddress":"<script>alert(1)</script>"} → 201, also through {@code …/imported}).
 * And a refusal of the import's page is said once.
 */
@IntegrationTest
class PostOfficeApprovalMarkupIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Facilities facilities;

	long count() {
		return jdbc.sql("SELECT count(*) FROM post_office_approval").query(Long.class).single();
	}

	@Test
	void markupInAnApplicationOrAPastApprovalIsRefusedNamingTheFields() throws Exception {
		long office = new ApprovalFixture(mvc, jdbc, facilities).newPostOffice("320506");
		long before = count();
		mvc.perform(post("/api/v1/universal/post-office-approvals").header("Authorization", ApprovalFixture.WUZHONG)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"facilityId\":" + office + ",\"kind\":\"RELOCATION\",\"reason\":\"迁址<b>x</b>\","
					+ "\"newAddress\":\"<script>alert(1)</script>\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItems("reason", "newAddress")))
			.andExpect(jsonPath("$.errors[*].rule", hasItems("markup")));
		mvc.perform(post("/api/v1/universal/post-office-approvals/imported").header("Authorization", ApprovalFixture.WUZHONG_HEAD)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"facilityId\":" + office + ",\"kind\":\"撤销\",\"reason\":\"整体拆迁＜i＞\",\"receivedOn\":\"2025-03-03\","
					+ "\"decision\":\"批准\",\"decidedOn\":\"2025-03-25\",\"announcedOn\":\"2025-04-01\","
					+ "\"noticeChannel\":\"<a href=x>区政府网站</a>\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItems("reason", "noticeChannel")))
			.andExpect(jsonPath("$.errors[*].rule", hasItems("markup")));
		assertThat(count()).as("nothing saved").isEqualTo(before);
		// title marks are no markup
		mvc.perform(post("/api/v1/universal/post-office-approvals").header("Authorization", ApprovalFixture.WUZHONG)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"facilityId\":" + office + ",\"kind\":\"CLOSURE\",\"reason\":\"依《邮政普遍服务标准》撤销\"}"))
			.andExpect(status().isCreated());
	}

	@Test
	void theImportPageRefusedByRoleSaysItOnce() throws Exception {
		var enterprise = SignIn.session(mvc, "sf.wz");
		assertThat(mvc.perform(get("/universal/post-office-approvals/import").session(enterprise)).andReturn()
			.getResponse().getStatus()).isEqualTo(403);
		// security's 403 is a sendError: the error dispatch MockMvc does not follow, made here as the container makes it
		MockHttpServletResponse answer = mvc.perform(get("/error").session(enterprise).accept(MediaType.TEXT_HTML)
			.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 403)
			.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/universal/post-office-approvals/import"))
			.andReturn().getResponse();
		assertThat(answer.getStatus()).isEqualTo(403);
		Document page = Jsoup.parse(answer.getContentAsString(StandardCharsets.UTF_8));
		page.select("[hidden]").remove();
		String said = page.select("#error-detail").text();
		assertThat(said).isNotBlank();
		assertThat(page.select("main").text().split(Pattern.quote(said), -1)).as("shown once").hasSize(2);
	}
}
