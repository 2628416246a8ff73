package org.youguan.workplans;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.TestImages;
import org.youguan.documents.Attachment;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.notifications.Notification;
import org.youguan.notifications.Notifications;
import org.youguan.org.CurrentUser;
import org.youguan.org.DepartmentView;
import org.youguan.org.Departments;
import org.youguan.org.UserDirectory;
import org.youguan.statistics.Targets;
import org.youguan.workplans.internal.NoticeParserTest;
import org.youguan.workplans.internal.PlanPreview;
import org.youguan.workplans.internal.WorkPlanImport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The supervision side of a plan: the board by section and department, a department's list, reminders, attachments,
 * the exports (with the round trip notice → plan → .docx → the same tasks), copying into the next year as a draft, and
 * the main targets linked to statistics. Each test works on a plan of its own year so they do not meet.
 */
@IntegrationTest
class WorkPlanSupervisionIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	WorkPlans plans;

	@Autowired
	WorkPlanImport imports;

	@Autowired
	Progress progress;

	@Autowired
	Supervision supervision;

	@Autowired
	PlanDrafts drafts;

	@Autowired
	Notifications notifications;

	@Autowired
	Targets targets;

	@Autowired
	PlanTargets planTargets;

	@Autowired
	Departments departments;

	@Autowired
	UserDirectory directory;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	CurrentUser user(String name) {
		return directory.principal(name).orElseThrow();
	}

	long department(String name) {
		return departments.ofBureau(user("sz.admin").bureauId()).stream().filter(d -> d.name().equals(name))
			.mapToLong(DepartmentView::id).findFirst().orElseThrow();
	}

	static String notice(int year) throws IOException {
		return NoticeParserTest.sample().replace("2025", Integer.toString(year));
	}

	long save(int year) throws IOException {
		return plans.save(user("sz.market"), notice(year), Map.of("市邮政业安全中心", department("市邮政业安全发展中心")), Set.of());
	}

	WorkPlans.TaskLine task(long plan, int position) {
		return plans.get(DataScope.region("3205"), plan).tasks().get(position - 1);
	}

	@Test
	void theBoardCountsBySectionAndDepartmentAndTheMissingReportsAreChased() throws Exception {
		clock.set(LocalDateTime.of(2031, 5, 10, 9, 0));
		long plan = save(2031);
		CurrentUser market = user("sz.market");
		progress.report(market, task(plan, 4).id(), "许可核查流程已梳理", 50, List.of());
		progress.report(market, task(plan, 13).id(), "已完成自查", 30, List.of());

		Supervision.Board board = supervision.board(DataScope.region("3205"), plan);
		assertThat(board.month()).isEqualTo("2031-05");
		assertThat(board.total()).isEqualTo(new Supervision.Counts(20, 18, 2, 0, 0));
		assertThat(board.sections()).hasSize(8);
		assertThat(board.sections().get(1).heading()).isEqualTo("优化营商环境");
		assertThat(board.sections().get(1).counts()).isEqualTo(new Supervision.Counts(3, 2, 1, 0, 0));
		Supervision.DepartmentCounts marketRow = board.departments().stream().filter(d -> d.name().equals("市场监管处"))
			.findFirst().orElseThrow();
		// leads 4, 5, 7, 10, 15; shares 6, 12 and livelihood item 1; and 13 is every department's
		assertThat(marketRow.leads()).isEqualTo(5);
		assertThat(marketRow.counts().total()).isEqualTo(9);
		assertThat(marketRow.missing()).as("9 expected, 4 and 13 reported").isEqualTo(7);

		Supervision.DepartmentList list = supervision.department(DataScope.region("3205"), plan, department("市场监管处"));
		assertThat(list.tasks()).hasSize(9);
		Supervision.DepartmentTask four = list.tasks().stream().filter(t -> t.task().number() == 4).findFirst().orElseThrow();
		assertThat(four.role()).isEqualTo(Supervision.DutyRole.LEAD);
		assertThat(four.lastPercent()).isEqualTo(50);
		assertThat(four.owesReport()).isFalse();
		assertThat(list.tasks().stream().filter(t -> t.task().number() == 6).findFirst().orElseThrow().role())
			.isEqualTo(Supervision.DutyRole.BY_REMIT);
		assertThat(list.tasks().stream().filter(Supervision.DepartmentTask::owesReport)).hasSize(7);

		// reminders: every owing department once a day, seen only by that department
		int sent = supervision.remind(user("sz.office"), plan);
		assertThat(sent).isGreaterThanOrEqualTo(4);
		assertThat(supervision.remind(user("sz.office"), plan)).as("once a day").isZero();
		String marketLink = "/workplans/" + plan + "/departments/" + department("市场监管处");
		// the notifications module turns each reminder's event into the department's notification after the commit
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(received(market)).anySatisfy(n -> {
			assertThat(n.link()).isEqualTo(marketLink);
			assertThat(n.title()).contains("7项任务尚未填报2031年5月进展");
		}));
		assertThat(received(user("sz.universal"))).noneMatch(n -> marketLink.equals(n.link()));
		assertThatThrownBy(() -> supervision.remind(user("wz.staff"), plan)).isInstanceOf(RuntimeException.class);

		// the daily job reminds from the reminder day on, once a month
		clock.set(LocalDateTime.of(2031, 5, 19, 7, 0));
		assertThat(supervision.remindMissing()).isZero();
		clock.set(LocalDateTime.of(2031, 5, 21, 7, 0));
		assertThat(supervision.remindMissing()).isGreaterThanOrEqualTo(4);
		clock.set(LocalDateTime.of(2031, 5, 22, 7, 0));
		assertThat(supervision.remindMissing()).isZero();
	}

	/**
	 * One reminder per plan and department a day, whatever sent it: the daily job and the button on the same day (in
	 * either order) remind once; the job skips a department reminded since the month's reminder day; the button may
	 * chase again another day.
	 */
	@Test
	void theJobAndTheButtonRemindADepartmentOnceADay() throws Exception {
		clock.set(LocalDateTime.of(2033, 5, 21, 7, 0));
		long plan = save(2033);
		long market = department("市场监管处");
		supervision.remindMissing();
		assertThat(reminders(plan, market, "2033-05-21")).isEqualTo(1);
		clock.set(LocalDateTime.of(2033, 5, 21, 10, 0));
		assertThat(supervision.remind(user("sz.office"), plan)).as("the job reminded them this morning").isZero();
		assertThat(reminders(plan, market, "2033-05-21")).isEqualTo(1);
		// the other order: the button first, then the job the same day (a new month, so the job is due)
		clock.set(LocalDateTime.of(2033, 6, 21, 6, 30));
		assertThat(supervision.remind(user("sz.office"), plan)).isGreaterThanOrEqualTo(4);
		clock.set(LocalDateTime.of(2033, 6, 21, 7, 0));
		supervision.remindMissing();
		assertThat(reminders(plan, market, "2033-06-21")).isEqualTo(1);
		// the job's month is done; the button chases again another day
		clock.set(LocalDateTime.of(2033, 6, 22, 7, 0));
		supervision.remindMissing();
		assertThat(reminders(plan, market, "2033-06-22")).isZero();
		assertThat(supervision.remind(user("sz.office"), plan)).isGreaterThanOrEqualTo(4);
		assertThat(reminders(plan, market, "2033-06-22")).isEqualTo(1);
	}

	long reminders(long plan, long department, String day) {
		return jdbc.sql("""
				SELECT count(*) FROM work_plan_reminder WHERE plan_id = :plan AND department_id = :department
				    AND (sent_at AT TIME ZONE 'Asia/Shanghai')::date = CAST(:day AS date)""")
			.param("plan", plan).param("department", department).param("day", day).query(Long.class).single();
	}

	List<Notification> received(CurrentUser user) {
		return notifications.recent(user.scope(), user.departmentId(), 200);
	}

	@Test
	void theBoardAndListsArePagesForTheLeaderAndTheDepartments() throws Exception {
		clock.set(LocalDateTime.of(2036, 6, 10, 9, 0));
		long plan = save(2036);
		MockHttpSession leader = SignIn.session(mvc, "sz.leader");
		mvc.perform(get("/workplans/" + plan + "/board").session(leader))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("按处室")))
			.andExpect(content().string(containsString("市邮政业安全发展中心")))
			.andExpect(content().string(containsString("id=\"count-total\">20<")));
		mvc.perform(post("/workplans/" + plan + "/remind").session(leader).with(csrf())).andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute(org.youguan.kernel.PageSteps.REFUSED_STATUS, 403));
		MockHttpSession market = SignIn.session(mvc, "sz.market");
		mvc.perform(get("/workplans/" + plan + "/mine").session(market))
			.andExpect(redirectedUrl("/workplans/" + plan + "/departments/" + department("市场监管处")));
		mvc.perform(get("/workplans/" + plan + "/departments/" + department("市场监管处")).session(market))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("推行快递业务经营许可")))
			.andExpect(content().string(containsString("未填报")));
		mvc.perform(post("/workplans/" + plan + "/remind").session(SignIn.session(mvc, "sz.office")).with(csrf()))
			.andExpect(redirectedUrl("/workplans/" + plan + "/board"));
		mvc.perform(get("/workplans/" + plan + "/board").session(SignIn.session(mvc, "wz.staff"))).andExpect(status().isNotFound());
	}

	/**
	 * A department's list tells its part in each task by the part's constant, not its Chinese wording: in English the
	 * part reads in English and a task the department only supports (配合) is still optional to report on.
	 */
	@Test
	void aDepartmentsListReadsInEnglishAndTellsASupportingPartByItsConstant() throws Exception {
		clock.set(LocalDateTime.of(2044, 6, 10, 9, 0));
		long plan = plans.save(user("sz.market"), notice(2044)
			.replace("开展作风建设专项整治。（办公室牵头）", "开展作风建设专项整治。（市场监管处牵头，办公室配合）"),
				Map.of("市邮政业安全中心", department("市邮政业安全发展中心")), Set.of());
		long office = department("办公室");
		Supervision.DepartmentTask three = supervision.department(DataScope.region("3205"), plan, office).tasks().stream()
			.filter(t -> t.task().number() == 3).findFirst().orElseThrow();
		assertThat(three.role()).isEqualTo(Supervision.DutyRole.SUPPORTING);
		assertThat(three.owesReport()).isFalse();
		String english = mvc.perform(get("/workplans/" + plan + "/departments/" + office).param("lang", "en")
			.session(SignIn.session(mvc, "sz.office"))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(english).contains(">Supporting<", ">Optional<").doesNotContain(">配合<", ">可选<");
		String chinese = mvc.perform(get("/workplans/" + plan + "/departments/" + office)
			.session(SignIn.session(mvc, "sz.office"))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(chinese).contains(">配合<", ">可选<");
	}

	@Test
	void aProgressReportCarriesImagesAndPdfsCheckedByContent() throws Exception {
		clock.set(LocalDateTime.of(2037, 3, 10, 9, 0));
		long plan = save(2037);
		long task = task(plan, 4).id();
		MockHttpSession market = SignIn.session(mvc, "sz.market");
		byte[] png = TestImages.png(4, 3);
		mvc.perform(multipart("/workplans/tasks/" + task + "/progress").file(new MockMultipartFile("attachments", "假图片.png",
				"image/png", "not an image".getBytes())).param("text", "不应保存").param("percent", "20").session(market).with(csrf()))
			.andExpect(status().isBadRequest());
		assertThat(progress.reports(task)).as("a bad file saves nothing").isEmpty();
		mvc.perform(multipart("/workplans/tasks/" + task + "/progress").file(new MockMultipartFile("attachments", "现场照片.png",
				"image/png", png)).param("text", "已完成现场核查").param("percent", "20").session(market).with(csrf()))
			.andExpect(redirectedUrl("/workplans/tasks/" + task));
		List<Progress.Report> reports = progress.reports(task);
		assertThat(reports).hasSize(1);
		assertThat(reports.get(0).attachments()).extracting(Attachment::fileName).containsExactly("现场照片.png");
		long attachment = reports.get(0).attachments().get(0).id();
		mvc.perform(get("/workplans/tasks/" + task).session(SignIn.session(mvc, "sz.leader")))
			.andExpect(content().string(containsString("现场照片.png")));
		mvc.perform(get("/attachments/" + attachment).session(SignIn.session(mvc, "sz.leader")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/png"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
		mvc.perform(get("/attachments/" + attachment).session(SignIn.session(mvc, "xc.staff"))).andExpect(status().isNotFound());
	}

	@Test
	void aRefusedProgressReportKeepsItsFilesTextAndPercentForTheNextSubmit() throws Exception {
		clock.set(LocalDateTime.of(2038, 3, 10, 9, 0));
		long plan = save(2038);
		long task = task(plan, 4).id();
		MockHttpSession market = SignIn.session(mvc, "sz.market");
		byte[] png = TestImages.png(4, 3);
		// 150 % is refused; the good photo is held for the form's draft, the fake one refused with the percentage
		var refused = mvc.perform(multipart("/workplans/tasks/" + task + "/progress")
				.file(new MockMultipartFile("attachments", "现场照片.png", "image/png", png))
				.file(new MockMultipartFile("attachments", "假图片.png", "image/png", "not an image".getBytes()))
				.param("text", "已完成现场核查").param("percent", "150").session(market).with(csrf()))
			.andExpect(status().isBadRequest())
			.andReturn();
		assertThat(progress.reports(task)).as("a refused report saves nothing").isEmpty();
		Map<String, Object> model = refused.getModelAndView().getModel();
		@SuppressWarnings("unchecked")
		List<FieldError> errors = (List<FieldError>) model.get("errors");
		assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrder("percent", "attachments");
		assertThat(model.get("refusedForm")).isEqualTo("progress-form");
		String draft = (String) model.get("draft");
		assertThat(draft).matches("[0-9a-f]{32}");

		// the refusal is the task page itself, not a redirect: the form as typed, the held files listed
		String page = refused.getResponse().getContentAsString();
		int from = page.indexOf("id=\"held-attachments\"");
		assertThat(from).as("the held files are listed").isPositive();
		assertThat(page.substring(from, page.indexOf("</ul>", from))).contains("现场照片.png").doesNotContain("假图片.png");
		assertThat(page).as("the refused file is named in the errors").contains("假图片.png")
			.contains("name=\"draft\" value=\"" + draft + "\"").contains(">已完成现场核查</textarea>")
			.contains("value=\"150\"").contains("data-form=\"progress-form\"");
		Map<String, Object> flash = Map.of("draft", draft);
		mvc.perform(get("/workplans/tasks/" + task).session(SignIn.session(mvc, "sz.office")).flashAttrs(flash))
			.andExpect(content().string(not(containsString("现场照片.png"))));

		// the corrected submit carries the held photo without posting it again
		mvc.perform(multipart("/workplans/tasks/" + task + "/progress").param("draft", draft).param("text", "已完成现场核查")
				.param("percent", "20").session(market).with(csrf()))
			.andExpect(redirectedUrl("/workplans/tasks/" + task))
			.andExpect(flash().attribute("message", "进展已填报"));
		assertThat(progress.reports(task)).singleElement().satisfies(r -> {
			assertThat(r.percent()).isEqualTo(20);
			assertThat(r.attachments()).extracting(Attachment::fileName).containsExactly("现场照片.png");
		});
		String after = mvc.perform(get("/workplans/tasks/" + task).session(market))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(after).doesNotContain("id=\"held-attachments\"");
		// a second report of the month replaces the first: the page says 已更新, not 已填报 again
		mvc.perform(multipart("/workplans/tasks/" + task + "/progress").param("text", "现场核查问题已整改")
				.param("percent", "40").session(market).with(csrf()))
			.andExpect(flash().attribute("message", "本月进展已更新（原填报内容已记入操作日志）"));
	}

	@Test
	void aHeldProgressFileCanBeRemovedBeforeTheReport() throws Exception {
		clock.set(LocalDateTime.of(2039, 3, 10, 9, 0));
		long plan = save(2039);
		long task = task(plan, 4).id();
		MockHttpSession market = SignIn.session(mvc, "sz.market");
		String draft = (String) mvc.perform(multipart("/workplans/tasks/" + task + "/progress")
				.file(new MockMultipartFile("attachments", "错传.png", "image/png", TestImages.png(4, 3)))
				.param("text", "").param("percent", "10").session(market).with(csrf()))
			.andExpect(status().isBadRequest())
			.andReturn().getModelAndView().getModel().get("draft");
		long held = progress.held(Progress.draft(draft, user("sz.market"))).get(0).id();
		mvc.perform(multipart("/workplans/tasks/" + task + "/progress").param("draft", draft).param("release",
				String.valueOf(held)).param("text", "").param("percent", "10").session(market).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(model().attribute("draft", draft));
		assertThat(progress.held(Progress.draft(draft, user("sz.market")))).isEmpty();
		assertThat(progress.reports(task)).as("removing a file reports nothing").isEmpty();
	}

	@Test
	void theWordTableHoldsTheSameTasksAsTheNoticeAndTheSheetTheLatestProgress() throws Exception {
		clock.set(LocalDateTime.of(2034, 4, 10, 9, 0));
		long plan = save(2034);
		progress.report(user("sz.market"), task(plan, 4).id(), "已全部上线", 100, List.of());
		PlanPreview notice = imports.preview(user("sz.market"), notice(2034));

		List<String> expected = new ArrayList<>();
		for (PlanPreview.Section s : notice.sections()) {
			expected.add("部分|" + s.heading());
			s.tasks().forEach(t -> expected.add(line(t)));
		}
		for (PlanPreview.Project p : notice.livelihoodProjects()) {
			expected.add("部分|民生实事：" + p.title());
			p.items().forEach(t -> expected.add(line(t)));
		}

		MockHttpSession leader = SignIn.session(mvc, "sz.leader");
		byte[] docx = mvc.perform(get("/workplans/" + plan + "/export.docx").session(leader))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		List<String> exported = new ArrayList<>();
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
			assertThat(doc.getParagraphs().stream().map(p -> p.getText()).toList())
				.contains("任务推进情况表", "共20项任务：已完成1项，推进中0项，未启动19项，滞后0项。");
			// attack finding: the document is dated as an official document writes it, no ISO date in its prose
			assertThat(doc.getParagraphs().stream().map(p -> p.getText()).toList())
				.anyMatch(p -> p.matches(".*截至\\d{4}年\\d{1,2}月\\d{1,2}日"))
				.noneMatch(p -> p.matches(".*\\d{4}-\\d{2}-\\d{2}.*"));
			XWPFTable table = doc.getTables().get(0);
			assertThat(table.getRow(0).getCell(0).getText()).isEqualTo("序号");
			for (XWPFTableRow row : table.getRows().subList(1, table.getRows().size())) {
				String number = row.getCell(0).getText();
				exported.add(number.matches("\\d+") ? number + "|" + row.getCell(1).getText() + "|" + row.getCell(2).getText()
						: "部分|" + row.getCell(1).getText());
				if (number.equals("4")) {
					assertThat(row.getCell(4).getText()).isEqualTo("2034-04 市场监管处：已全部上线");
					assertThat(row.getCell(5).getText()).isEqualTo("已完成（100%）");
				}
			}
		}
		assertThat(exported).isEqualTo(expected);

		byte[] xlsx = mvc.perform(get("/workplans/" + plan + "/export.xlsx").session(leader))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(20);
			Row four = sheet.getRow(4);
			assertThat(four.getCell(0).getStringCellValue()).isEqualTo("优化营商环境");
			assertThat(four.getCell(1).getNumericCellValue()).isEqualTo(4);
			assertThat(four.getCell(5).getStringCellValue()).isEqualTo("已完成");
			assertThat(four.getCell(6).getStringCellValue()).isEqualTo("2034-04");
			assertThat(four.getCell(8).getNumericCellValue()).isEqualTo(100);
		}
	}

	/** A task as the table writes it: number, text and the responsible departments once mapped. */
	static String line(PlanPreview.Task t) {
		String departments = String.join("、", t.departments()).replace("市邮政业安全中心", "市邮政业安全发展中心");
		return t.number() + "|" + t.text() + "|" + departments
				+ (t.responsibility() == PlanPreview.Responsibility.LEAD ? "牵头" : "按职责分工负责");
	}

	/**
	 * A plan copied into the next year: years no other test imports or copies to (the reminders test holds a plan of
	 * 2033, and a bureau has one plan of a year to copy into — the copy was refused when that test ran first).
	 */
	@Test
	void aPlanIsCopiedIntoTheNextYearAsADraftEditedAndPublished() throws Exception {
		clock.set(LocalDateTime.of(2048, 11, 10, 9, 0));
		long plan = save(2048);
		progress.report(user("sz.market"), task(plan, 4).id(), "进行中", 60, List.of());
		CurrentUser market = user("sz.market");
		long draft = drafts.copyToNextYear(market, plan);
		WorkPlans.Plan copy = plans.get(DataScope.region("3205"), draft);
		WorkPlans.Plan source = plans.get(DataScope.region("3205"), plan);
		assertThat(copy.draft()).isTrue();
		assertThat(copy.year()).isEqualTo(2049);
		assertThat(copy.title()).contains("2049").doesNotContain("2048");
		assertThat(copy.keyTasks()).isEqualTo(source.keyTasks());
		assertThat(copy.mainTargets()).isEqualTo(source.mainTargets());
		assertThat(copy.tasks()).extracting(t -> t.number() + t.text() + t.departments())
			.isEqualTo(source.tasks().stream().map(t -> t.number() + t.text() + t.departments()).toList());
		assertThat(copy.tasks()).allSatisfy(t -> {
			assertThat(t.dueOn()).isEqualTo(LocalDate.of(2049, 12, 31));
			assertThat(t.status()).isEqualTo("NOT_STARTED");
		});
		assertThatThrownBy(() -> drafts.copyToNextYear(market, plan)).hasMessageContaining("2049年已有工作计划");
		assertThatThrownBy(() -> progress.report(market, copy.tasks().get(3).id(), "草稿", 10, List.of()))
			.hasMessageContaining("尚未印发");
		assertThatThrownBy(() -> drafts.copyToNextYear(user("wz.staff"), plan)).isInstanceOf(RuntimeException.class);

		long first = copy.tasks().get(0).id();
		drafts.updateTask(market, first, "落实党组理论学习中心组学习制度，全年集中学习不少于14次。", LocalDate.of(2049, 6, 30));
		assertThatThrownBy(() -> drafts.updateTask(market, first, "x", LocalDate.of(2047, 6, 30)))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.formErrors())
				.anySatisfy(e -> assertThat(e.field()).isEqualTo("dueOn")));
		drafts.removeTask(market, copy.tasks().get(2).id());
		drafts.updateHead(market, draft, copy.title(), copy.overallRequirement(), "快递业务量完成10亿件、同比增长12%。");
		WorkPlans.Plan edited = plans.get(DataScope.region("3205"), draft);
		assertThat(edited.tasks()).hasSize(19);
		assertThat(edited.tasks().get(0).dueOn()).isEqualTo(LocalDate.of(2049, 6, 30));
		assertThat(edited.mainTargets()).singleElement().satisfies(t -> {
			assertThat(t.indicatorCode()).isEqualTo("express.volume");
			assertThat(t.targetValue()).isEqualByComparingTo("1000000000");
			assertThat(t.targetGrowth()).isEqualByComparingTo("12");
		});
		// more decimals than work_target keeps (numeric(20, 4), numeric(8, 2)) stay in the text, never rounded into a target
		drafts.updateHead(market, draft, copy.title(), copy.overallRequirement(), "快递业务量完成1.23456件、同比增长12.345%。");
		assertThat(plans.get(DataScope.region("3205"), draft).mainTargets()).singleElement().satisfies(t -> {
			assertThat(t.text()).contains("1.23456件").contains("12.345%");
			assertThat(t.targetValue()).isNull();
			assertThat(t.targetGrowth()).isNull();
		});
		drafts.updateHead(market, draft, copy.title(), copy.overallRequirement(), "快递业务量完成10亿件、同比增长12%。");

		// issued on a day that has come: in November the January date lies ahead
		assertThatThrownBy(() -> drafts.publish(market, draft, "苏邮管〔2049〕1号", LocalDate.of(2049, 1, 20)))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.anySatisfy(e -> assertThat(e.field() + "/" + e.rule()).isEqualTo("documentDate/future")));
		clock.set(LocalDateTime.of(2049, 1, 20, 9, 0));
		// the 文号 states the year it is issued in and numbers from 1; it is written as GB/T 9704 writes it
		assertThatThrownBy(() -> drafts.publish(market, draft, "苏邮管〔2048〕1号", LocalDate.of(2049, 1, 20)))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.anySatisfy(e -> assertThat(e.field() + "/" + e.rule()).isEqualTo("documentNumber/year")));
		assertThatThrownBy(() -> drafts.publish(market, draft, "苏邮管〔2049〕0号", LocalDate.of(2049, 1, 20)))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.anySatisfy(e -> assertThat(e.field() + "/" + e.rule()).isEqualTo("documentNumber/sequence")));
		assertThat(plans.get(DataScope.region("3205"), draft).draft()).isTrue();
		drafts.publish(market, draft, "苏邮管[2049]01号", LocalDate.of(2049, 1, 20));
		assertThat(plans.get(DataScope.region("3205"), draft).draft()).isFalse();
		assertThat(plans.get(DataScope.region("3205"), draft).documentNumber()).isEqualTo("苏邮管〔2049〕1号");
		assertThatThrownBy(() -> drafts.removeTask(market, edited.tasks().get(0).id())).hasMessageContaining("已印发");
		assertThat(plans.get(DataScope.region("3205"), plan).tasks().get(3).status()).as("the source keeps its progress")
			.isEqualTo("IN_PROGRESS");
	}

	@Test
	void mainTargetsAreLinkedToStatisticsIndicatorsAndMayBecomeTheYearsTargets() throws Exception {
		clock.set(LocalDateTime.of(2035, 3, 10, 9, 0));
		long plan = save(2035);
		WorkPlans.Plan p = plans.get(DataScope.region("3205"), plan);
		assertThat(p.mainTargets()).extracting(WorkPlans.MainTarget::indicatorCode)
			.containsExactly("postal.total", "postal.revenue", "express.volume", "express.revenue");
		assertThat(p.mainTargets().get(0).targetValue()).as("85.2亿元 in 万元").isEqualByComparingTo("852000");
		assertThat(p.mainTargets().get(2).targetValue()).as("9.6亿件 in 件").isEqualByComparingTo("960000000");
		assertThat(p.mainTargets().get(2).targetGrowth()).isEqualByComparingTo("11");
		mvc.perform(get("/workplans/" + plan).session(SignIn.session(mvc, "sz.leader")))
			.andExpect(content().string(containsString("邮政行业业务总量")))
			.andExpect(content().string(containsString("快递业务收入")));
		mvc.perform(post("/workplans/" + plan + "/targets/3/adopt").session(SignIn.session(mvc, "sz.market")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute(org.youguan.kernel.PageSteps.REFUSED_STATUS, 403));
		mvc.perform(post("/workplans/" + plan + "/targets/3/adopt").session(SignIn.session(mvc, "sz.admin")).with(csrf()))
			.andExpect(redirectedUrl("/workplans/" + plan));
		assertThat(targets.progress(DataScope.region("3205"), "3205", 2035, YearMonth.of(2035, 2)))
			.singleElement()
			.satisfies(t -> {
				assertThat(t.indicatorCode()).isEqualTo("express.volume");
				assertThat(t.targetValue()).isEqualByComparingTo("960000000");
			});
	}

	/**
	 * A draft's main target is not yet the bureau's: adopting it as the statistics year target is refused (409, field
	 * {@code status}, rule {@code draft}) and no target is set (attack: a draft copied into the next year set it).
	 */
	@Test
	void aDraftPlansTargetIsNotAdoptedAsTheYearsTarget() throws Exception {
		// years of its own (2095–2096: the others' plans are of 2031–2092)
		clock.set(LocalDateTime.of(2095, 11, 10, 9, 0));
		long plan = save(2095);
		long draft = drafts.copyToNextYear(user("sz.market"), plan);
		assertThat(plans.get(DataScope.region("3205"), draft).mainTargets().get(2).indicatorCode()).isEqualTo("express.volume");
		assertThatThrownBy(() -> planTargets.adopt(user("sz.admin"), draft, 3))
			.isInstanceOfSatisfying(DomainException.class, ex -> {
				assertThat(ex.fieldErrors()).extracting(e -> e.field() + "/" + e.rule()).containsExactly("status/draft");
				assertThat(ex.getMessage()).contains("尚未印发");
			});
		assertThat(targets.progress(DataScope.region("3205"), "3205", 2096, YearMonth.of(2096, 2))).isEmpty();
	}
}
