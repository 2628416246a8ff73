package org.youguan.workplans;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.hamcrest.Matchers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.org.DepartmentView;
import org.youguan.org.Departments;
import org.youguan.org.UserDirectory;
import org.youguan.platform.ChinaTime;
import org.youguan.workplans.internal.NoticeParserTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class WorkPlanPagesIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	WorkPlans plans;

	@Autowired
	Departments departments;

	@Autowired
	UserDirectory directory;

	@Autowired
	PlanDrafts drafts;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	/**
	 * A draft's head and a task's edit refused: the page again in the refusal's 400 with what was typed and the error
	 * (kernel.FormSteps); on the task's page, whose progress form shares the field name "text", only the edit form
	 * takes it back.
	 */
	@Test
	void aRefusedDraftFormComesBackWithWhatWasTyped() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "sz.market");
		long bureau = directory.principal("sz.market").orElseThrow().bureauId();
		long centre = departments.ofBureau(bureau).stream().filter(d -> d.name().equals("市邮政业安全发展中心"))
			.mapToLong(DepartmentView::id).findFirst().orElseThrow();
		// a year no other test of the shared database imports or copies to (2036 and 2037 are the supervision test's);
		// today in it, as a plan is of this year or the next
		clock.set(LocalDateTime.of(2046, 3, 10, 9, 0));
		String location = mvc.perform(post("/workplans/import/confirm").session(staff).with(csrf())
			.param("text", NoticeParserTest.sample().replace("2025", "2046")).param("map.市邮政业安全中心", String.valueOf(centre)))
			.andExpect(redirectedUrlPattern("/workplans/*"))
			.andReturn().getResponse().getRedirectedUrl();
		long plan = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		long draft = drafts.copyToNextYear(directory.principal("sz.market").orElseThrow(), plan);
		mvc.perform(post("/workplans/" + draft + "/head").session(staff).with(csrf()).param("title", " ")
			.param("overallRequirement", "回填的总体要求").param("targets", "回填目标一；回填目标二"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("data-field=\"title\"")))
			.andExpect(content().string(containsString(">回填的总体要求</textarea>")))
			.andExpect(content().string(containsString(">回填目标一；回填目标二</textarea>")));
		long task = plans.get(DataScope.region("3205"), draft).sections().get(0).tasks().get(0).id();
		String page = mvc.perform(post("/workplans/tasks/" + task).session(staff).with(csrf()).param("text", "回填的任务内容")
			.param("dueOn", "明年"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("data-form=\"task-form\"")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		Document doc = Jsoup.parse(page);
		assertThat(doc.selectFirst("#task-form textarea[name=text]").wholeText()).isEqualTo("回填的任务内容");
		assertThat(doc.selectFirst("#task-form input[name=dueOn]").attr("value")).isEqualTo("明年");
	}

	@Test
	void staffPreviewMapTheUnknownDepartmentAndSaveThePlan() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "sz.market");
		String notice = NoticeParserTest.sample();
		mvc.perform(post("/workplans/import").session(staff).with(csrf()).param("text", notice))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"mapping\"")))
			.andExpect(content().string(containsString("市邮政业安全中心")));
		// refused: the preview again in the refusal's 400, as every refused form (kernel.FormSteps), not a 200
		mvc.perform(post("/workplans/import/confirm").session(staff).with(csrf()).param("text", notice))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请为以下处室选择对应的本局处室或新建：市邮政业安全中心")));
		// a department chosen by a value that is no id: the preview again naming the field, not a server error
		mvc.perform(post("/workplans/import/confirm").session(staff).with(csrf()).param("text", notice)
			.param("map.市邮政业安全中心", "99999999999999999999"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("牵头处室应为正整数（至多19位）")));
		long bureau = directory.principal("sz.market").orElseThrow().bureauId();
		long centre = departments.ofBureau(bureau).stream().filter(d -> d.name().equals("市邮政业安全发展中心"))
			.mapToLong(DepartmentView::id).findFirst().orElseThrow();
		String location = mvc.perform(post("/workplans/import/confirm").session(staff).with(csrf()).param("text", notice)
			.param("map.市邮政业安全中心", String.valueOf(centre)))
			.andExpect(redirectedUrlPattern("/workplans/*"))
			.andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		WorkPlans.Plan plan = plans.get(DataScope.region("3205"), id);
		assertThat(plan.year()).isEqualTo(2025);
		assertThat(plan.keyTasks()).hasSize(5);
		assertThat(plan.sections()).extracting(WorkPlans.SectionLine::kind)
			.containsExactly("TASKS", "TASKS", "TASKS", "TASKS", "TASKS", "LIVELIHOOD", "LIVELIHOOD", "LIVELIHOOD");
		var tasks = plan.sections().stream().flatMap(s -> s.tasks().stream()).toList();
		assertThat(tasks).hasSize(20);
		assertThat(tasks.get(11).departments()).containsExactly("普遍服务处", "市场监管处", "市邮政业安全发展中心");
		assertThat(tasks.get(12).departments()).containsExactly("各处室");
		assertThat(tasks.get(0).dueOn()).hasToString("2025-12-31");
		mvc.perform(get(location).session(staff)).andExpect(content().string(containsString("开展寄递渠道安全生产隐患排查整治")));
		long taskId = tasks.get(3).id();
		// an empty percentage is told as empty, not as out of range (attack 71 B4); one out of range as out of range
		mvc.perform(post("/workplans/tasks/" + taskId + "/progress").session(staff).with(csrf()).param("text", "已完成方案起草")
			.param("percent", "")).andExpect(status().is4xxClientError())
			.andExpect(content().string(containsString("完成进度不能为空")))
			.andExpect(content().string(Matchers.not(containsString("完成进度应为0至100"))));
		mvc.perform(post("/workplans/tasks/" + taskId + "/progress").session(staff).with(csrf()).param("text", "已完成方案起草")
			.param("percent", "101")).andExpect(status().is4xxClientError())
			.andExpect(content().string(containsString("完成进度")));
		mvc.perform(post("/workplans/tasks/" + taskId + "/progress").session(staff).with(csrf()).param("text", "已完成方案起草")
			.param("percent", "40")).andExpect(redirectedUrlPattern("/workplans/tasks/*"));
		mvc.perform(get("/workplans/tasks/" + taskId).session(staff))
			.andExpect(content().string(containsString("已完成方案起草")))
			.andExpect(content().string(containsString("40%")))
			// the sample is a 2025 plan: by now its tasks are past their due date, so unfinished means 滞后
			.andExpect(content().string(containsString("滞后")));
		mvc.perform(get("/workplans/tasks/" + taskId).session(SignIn.session(mvc, "xc.staff"))).andExpect(status().isNotFound());
		mvc.perform(get("/workplans").session(SignIn.session(mvc, "xc.staff"))).andExpect(content().string(
				Matchers.not(containsString(location))));
	}

	@Test
	void aWordFileIsReadAndOnlyAdministratorsCreateDepartments() throws Exception {
		byte[] docx;
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			for (String line : NoticeParserTest.sample().split("\n")) {
				doc.createParagraph().createRun().setText(line);
			}
			doc.write(out);
			docx = out.toByteArray();
		}
		MockHttpSession staff = SignIn.session(mvc, "sz.market");
		mvc.perform(multipart("/workplans/import").file(new MockMultipartFile("file", "通知.docx", "application/octet-stream", docx))
			.session(staff).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("推行快递业务经营许可")));
		// a year of its own: the sample itself is imported by another test, and a notice is imported once
		mvc.perform(post("/workplans/import/confirm").session(staff).with(csrf()).param("text", NoticeParserTest.sample().replace("2025", "2047"))
			.param("map.市邮政业安全中心", "new"))
			.andExpect(content().string(containsString("新建处室需由机构管理员操作")));
		// a name of its own, so other tests still see 市邮政业安全中心 as unknown
		String unit = "测试新设中心" + System.nanoTime() % 100000;
		mvc.perform(post("/workplans/import/confirm").session(SignIn.session(mvc, "sz.admin")).with(csrf())
			// a 文号 of its own too: one 文号 names one plan of the bureau
			.param("text", NoticeParserTest.sample().replace("市邮政业安全中心", unit).replace("示邮管〔2025〕3号",
					"示邮管〔2025〕" + (100 + System.nanoTime() % 100000) + "号"))
			.param("map." + unit, "new"))
			.andExpect(redirectedUrlPattern("/workplans/*"));
		long bureau = directory.principal("sz.admin").orElseThrow().bureauId();
		assertThat(departments.ofBureau(bureau)).extracting(DepartmentView::name).contains(unit);
		mvc.perform(multipart("/workplans/import").file(new MockMultipartFile("file", "通知.txt", "text/plain", new byte[] { (byte) 0xC3, 0x28 }))
			.session(staff).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("UTF-8")));
	}

	@Test
	void theDemoCityHasThisYearsPlanWithProgressInSeveralStates() throws Exception {
		// the demo's plan is of the year the demo was made in, when the test run began: a run that began before midnight
		// of 31 December China time and goes on after it finds it under last year
		int year = LocalDate.now(ChinaTime.ZONE).getYear();
		WorkPlans.PlanSummary demo = plans.list(DataScope.region("3205")).stream()
			.filter(p -> p.year() == year && p.title().contains("苏州市")).findFirst()
			.or(() -> plans.list(DataScope.region("3205")).stream()
				.filter(p -> p.year() == year - 1 && p.title().contains("苏州市") && !p.draft()).findFirst())
			.orElseThrow();
		assertThat(demo.draft()).isFalse();
		assertThat(demo.tasks()).isEqualTo(20);
		var tasks = plans.get(DataScope.region("3205"), demo.id()).tasks();
		assertThat(tasks.stream().map(WorkPlans.TaskLine::status).distinct().count()).isGreaterThanOrEqualTo(2);
		if (LocalDate.now(ChinaTime.ZONE).getMonthValue() >= 2) {
			assertThat(tasks).anyMatch(t -> t.status().equals("DONE"));
		}
		mvc.perform(get("/workplans/" + demo.id() + "/board").session(SignIn.session(mvc, "sz.leader")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("市邮政业安全发展中心")));
	}
}
