package org.youguan.workplans;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.workplans.internal.NoticeParserTest;

import java.nio.charset.StandardCharsets;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class WorkPlanImportIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void thePreviewNamesTheDepartmentsTheBureauDoesNotHave() throws Exception {
		mvc.perform(post("/api/v1/workplans/import").header("Authorization", "Bearer demo-sz-admin-token")
			.contentType("text/plain").content(NoticeParserTest.sample().getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.year").value(2025))
			.andExpect(jsonPath("$.sections.length()").value(5))
			.andExpect(jsonPath("$.sections[3].tasks[1].departments[2]").value("市邮政业安全中心"))
			.andExpect(jsonPath("$.unknownDepartments[0]").value("市邮政业安全中心"));
		mvc.perform(post("/api/v1/workplans/import").header("Authorization", "Bearer demo-sz-admin-token")
			.contentType("text/plain").content("随便写的一段话"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("未识别")));
		mvc.perform(post("/api/v1/workplans/import").header("Authorization", "Bearer demo-sf-wz-token")
			.contentType("text/plain").content(NoticeParserTest.sample()))
			.andExpect(status().isForbidden());
	}
}
