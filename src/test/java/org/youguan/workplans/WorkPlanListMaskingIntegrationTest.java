package org.youguan.workplans;

import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.org.UserDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An ID or mobile number typed into a work plan's title or a task's text is masked where plans are listed (the list
 * page, {@link WorkPlans#list}) and in the plan's exports (.docx, .xlsx); the plan's own page reads the title as recorded.
 */
@IntegrationTest
class WorkPlanListMaskingIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkPlans plans;

	@Autowired
	UserDirectory directory;

	/** A plan of sz.admin's bureau (region 3205) in a year no other test uses. */
	long plan(String title, int year) {
		return jdbc.sql("""
				INSERT INTO work_plan (bureau_id, region_code, year, title, created_at)
				VALUES (:bureau, '3205', :year, :title, :now) RETURNING id""")
			.param("bureau", directory.principal("sz.admin").orElseThrow().bureauId()).param("year", year)
			.param("title", title).param("now", OffsetDateTime.now())
			.query(Long.class).single();
	}

	/** The plan's one section. */
	long section(long plan) {
		return jdbc.sql("INSERT INTO work_section (plan_id, position, kind, heading) VALUES (:plan, 1, 'TASKS', '一') RETURNING id")
			.param("plan", plan).query(Long.class).single();
	}

	/** The text of the plan's .docx and .xlsx exports as sz.admin downloads them, one after the other. */
	String exported(long id) throws Exception {
		MockHttpSession admin = SignIn.session(mvc, "sz.admin");
		String exported;
		try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(mvc.perform(get("/workplans/" + id + "/export.docx")
			.session(admin)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()));
				XWPFWordExtractor text = new XWPFWordExtractor(docx)) {
			exported = text.getText();
		}
		try (XSSFWorkbook xlsx = new XSSFWorkbook(new ByteArrayInputStream(mvc.perform(get("/workplans/" + id + "/export.xlsx")
			.session(admin)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()))) {
			for (Row row : xlsx.getSheetAt(0)) {
				for (Cell cell : row) {
					exported += " " + cell;
				}
			}
		}
		return exported;
	}

	/**
	 * A section's heading is masked in both exports as the plan page masks it (attack round 19: the .docx's section row
	 * and the .xlsx's 部分 column showed 联系人13987654321专项整治 in full while the pages show 139****4321).
	 */
	@Test
	void personalNumbersInASectionHeadingAreMaskedInBothExports() throws Exception {
		long id = plan("标题计划" + UUID.randomUUID().toString().substring(0, 8), 1997);
		long section = jdbc.sql("""
				INSERT INTO work_section (plan_id, position, kind, heading)
				VALUES (:plan, 1, 'TASKS', '联系人13987654321专项整治') RETURNING id""")
			.param("plan", id).query(Long.class).single();
		jdbc.sql("""
				INSERT INTO work_task (plan_id, section_id, number, text, responsibility, all_departments, due_on)
				VALUES (:plan, :section, 1, '开展专项整治', 'LEAD', true, DATE '1997-12-31')""")
			.param("plan", id).param("section", section).update();
		try {
			assertThat(exported(id)).contains("联系人139****4321专项整治").doesNotContain("13987654321");
			assertThat(mvc.perform(get("/workplans/" + id).session(SignIn.session(mvc, "sz.leader"))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString()).as("as the page shows it").contains("联系人139****4321专项整治");
		}
		finally {
			jdbc.sql("DELETE FROM work_plan WHERE id = :id").param("id", id).update();
		}
	}

	@Test
	void personalNumbersInAPlansTitleAreMaskedInTheList() throws Exception {
		String marker = "号码计划" + UUID.randomUUID().toString().substring(0, 8);
		String title = marker + "（联系人13912345678，身份证110105194912310021）";
		long id = plan(title, 1999);
		long section = section(id);
		jdbc.sql("""
				INSERT INTO work_task (plan_id, section_id, number, text, responsibility, all_departments, due_on)
				VALUES (:plan, :section, 1, '联系13712345678推进', 'LEAD', true, DATE '1999-12-31')""")
			.param("plan", id).param("section", section).update();
		try {
			String exported = exported(id);
			assertThat(exported).contains("139****5678", "137****5678").doesNotContain("13912345678")
				.doesNotContain("13712345678").doesNotContain("19491231");
			String page = mvc.perform(get("/workplans").param("q", marker).session(SignIn.session(mvc, "sz.admin")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertThat(page).contains(marker).contains("139****5678").contains("110105********0021")
				.doesNotContain("13912345678").doesNotContain("19491231");
			assertThat(plans.list(DataScope.region("3205"), new PageQuery(marker, 0, 5, null, false)).items())
				.singleElement().satisfies(p -> assertThat(p.title()).doesNotContain("13912345678").contains("139****5678"));
			assertThat(plans.get(DataScope.region("3205"), id).title()).isEqualTo(title);
		}
		finally {
			jdbc.sql("DELETE FROM work_plan WHERE id = :id").param("id", id).update();
		}
	}

	/**
	 * The plan page, its board and the task page show a task's text and its progress reports to every reader in scope
	 * with the ID and mobile numbers in them masked (attack round: the plan page showed a mobile number in full that
	 * the audit trail masks), and so do both exports; the task's edit form, for the bureau that manages the plan, reads
	 * it as recorded.
	 */
	@Test
	void personalNumbersInATasksTextAreMaskedOnThePlanBoardAndTaskPages() throws Exception {
		String marker = "任务号码" + UUID.randomUUID().toString().substring(0, 8);
		long bureau = directory.principal("sz.admin").orElseThrow().bureauId();
		long id = plan(marker, 1998);
		long section = section(id);
		long task = jdbc.sql("""
				INSERT INTO work_task (plan_id, section_id, number, text, responsibility, all_departments, due_on, status)
				VALUES (:plan, :section, 1, '请联系13712345678推进', 'LEAD', true, DATE '1998-12-31', 'LAGGING') RETURNING id""")
			.param("plan", id).param("section", section).query(Long.class).single();
		long department = jdbc.sql("SELECT id FROM department WHERE bureau_id = :bureau ORDER BY id LIMIT 1")
			.param("bureau", bureau).query(Long.class).single();
		jdbc.sql("""
				INSERT INTO work_progress (task_id, department_id, month, text, percent, reported_at, reported_by)
				VALUES (:task, :department, '1998-06', '已约谈，电话15912345678', 50, :now, '测试')""")
			.param("task", task).param("department", department).param("now", OffsetDateTime.now()).update();
		try {
			MockHttpSession leader = SignIn.session(mvc, "sz.leader");
			for (String path : List.of("/workplans/" + id, "/workplans/" + id + "/board", "/workplans/tasks/" + task)) {
				assertThat(mvc.perform(get(path).session(leader)).andExpect(status().isOk()).andReturn().getResponse()
					.getContentAsString()).as(path).contains("137****5678").doesNotContain("13712345678");
			}
			assertThat(mvc.perform(get("/workplans/tasks/" + task).session(leader)).andReturn().getResponse()
				.getContentAsString()).contains("159****5678").doesNotContain("15912345678");
			// the bureau that manages the plan edits the task as recorded; what the page shows above the form is masked
			String own = mvc.perform(get("/workplans/tasks/" + task).session(SignIn.session(mvc, "sz.admin")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertThat(own).contains(">请联系13712345678推进</textarea>").contains(">请联系137****5678推进</p>");
			// the exports (the .docx read back with POI, and the .xlsx) print the task and its latest report as the pages do
			assertThat(exported(id)).contains("137****5678", "159****5678").doesNotContain("13712345678")
				.doesNotContain("15912345678");
		}
		finally {
			jdbc.sql("DELETE FROM work_plan WHERE id = :id").param("id", id).update();
		}
	}
}
