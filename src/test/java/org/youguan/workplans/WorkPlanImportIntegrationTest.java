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

	/**
	 * A task left without a responsible department, or with a bracket naming departments or a deadline the parser did not
	 * read, is named in the preview's warnings: imported so, nobody would be chased for it and every report refused.
	 */
	@Test
	void thePreviewWarnsOfATaskWithoutAResponsibleDepartment() throws Exception {
		String notice = """
				某市邮政管理局关于印发2026年工作目标任务分解方案的通知

				2026年工作目标任务分解方案
				一、强化行业监管
				1. 开展检查（综合科牵头，完成时限：6月底前）
				2. 开展宣传（综合科牵头，另见附件）
				3. 开展培训。（办公室牵头）
				""";
		mvc.perform(post("/api/v1/workplans/import").header("Authorization", "Bearer demo-sz-admin-token")
			.contentType("text/plain").content(notice.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sections[0].tasks[0].departments[0]").value("综合科"))
			.andExpect(jsonPath("$.sections[0].tasks[0].responsibility").value("LEAD"))
			.andExpect(jsonPath("$.sections[0].tasks[0].dueOn").value("2026-06-30"))
			.andExpect(jsonPath("$.sections[0].tasks[0].text").value("开展检查"))
			.andExpect(jsonPath("$.sections[0].tasks[1].departments.length()").value(0))
			.andExpect(jsonPath("$.warnings", Matchers.hasItem(Matchers.allOf(Matchers.containsString("第2项"),
					Matchers.containsString("未识别出责任处室"), Matchers.containsString("另见附件")))))
			.andExpect(jsonPath("$.warnings", Matchers.not(Matchers.hasItem(Matchers.containsString("第1项")))))
			.andExpect(jsonPath("$.warnings", Matchers.not(Matchers.hasItem(Matchers.containsString("第3项")))));
	}
}
