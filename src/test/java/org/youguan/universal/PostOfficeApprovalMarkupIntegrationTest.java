package org.youguan.universal;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.registry.Facilities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The free texts of a post-office approval are printed on its 决定书 and 公告: markup in them is refused (attack:
 * {@code "reason":"迁址<b>x</b>","newAddress":"<script>alert(1)</script>"} → 201, also through {@code …/imported}).
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
}
