package org.youguan.workplans;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.workplans.internal.NoticeParserTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A notice uploaded as Word is read as a person reads it: tasks written in a 任务分工表 (序号 / 任务 / 牵头处室 / 配合处室 /
 * 完成时限) and paragraphs numbered by Word itself (list numbering, not typed) become the plan's parts and tasks; what
 * still cannot be read is a warning on the preview. The same notice cannot be imported twice. Each test its own year:
 * the database is shared.
 */
@IntegrationTest
class WorkPlanWordImportIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	WorkPlans plans;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void tasksInATableAndInWordsOwnNumberingArePreviewedAndSavedAsWritten() throws Exception {
		// today in the plan's year: a plan is of this year or the next
		clock.set(LocalDateTime.of(2041, 1, 10, 9, 0));
		byte[] docx;
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			head(doc, 2041);
			BigInteger list = outline(doc);
			numbered(doc, list, 0, "强化行业监管");
			XWPFTable tasks = doc.createTable(4, 5);
			row(tasks, 0, "序号", "任务", "牵头处室", "配合处室", "完成时限");
			row(tasks, 1, "1", "落实“双随机一公开”监管，抽查比例不低于10%", "市场监管处", "办公室\n普遍服务处", "6月底前");
			row(tasks, 2, "2", "开展邮政用品用具监督检查", "普遍服务处", "", "全年");
			row(tasks, 3, "", "", "", "", "");
			numbered(doc, list, 0, "守牢安全底线");
			numbered(doc, list, 1, "强化重大活动寄递安保工作。（市邮政业安全发展中心牵头，市场监管处配合）");
			numbered(doc, list, 1, "开展寄递渠道安全隐患排查整治。（各处室按职责分工负责）");
			doc.createParagraph().createRun().setText("三、提升服务质量");
			doc.createParagraph().createRun().setText("5. 提升申诉处理质量。（办公室牵头）");
			XWPFTable figures = doc.createTable(2, 2);
			row(figures, 0, "指标", "目标值");
			row(figures, 1, "快递业务量", "9.6亿件");
			doc.write(out);
			docx = out.toByteArray();
		}
		MockHttpSession staff = SignIn.session(mvc, "sz.market");
		Document preview = preview(staff, docx);
		assertThat(preview.select("#warnings").text()).contains("第2个表格没有“任务”“工作内容”等表头")
			.as("its rows are not imported, and the warning says so").contains("均未能识别为任务，不会导入");
		assertThat(preview.select("#unparsed").text()).contains("快递业务量 9.6亿件");
		assertThat(preview.select("tr:contains(落实“双随机一公开”监管)").text()).contains("2041年6月30日", "6月底前");
		assertThat(preview.select("tr:contains(提升申诉处理质量)").text()).contains("2041年12月31日（年底）");
		WorkPlans.Plan plan = plans.get(DataScope.region("3205"), confirm(staff, preview.selectFirst("input[name=text]").attr("value")));
		assertThat(plan.sections()).extracting(WorkPlans.SectionLine::heading).containsExactly("强化行业监管", "守牢安全底线", "提升服务质量");
		assertThat(plan.tasks()).extracting(WorkPlans.TaskLine::number, WorkPlans.TaskLine::text, WorkPlans.TaskLine::departments,
				WorkPlans.TaskLine::responsibility, WorkPlans.TaskLine::dueOn)
			.containsExactly(
					tuple(1, "落实“双随机一公开”监管，抽查比例不低于10%", List.of("市场监管处", "办公室", "普遍服务处"), "LEAD",
							LocalDate.of(2041, 6, 30)),
					tuple(2, "开展邮政用品用具监督检查", List.of("普遍服务处"), "LEAD", LocalDate.of(2041, 12, 31)),
					tuple(1, "强化重大活动寄递安保工作。", List.of("市邮政业安全发展中心", "市场监管处"), "LEAD",
							LocalDate.of(2041, 12, 31)),
					tuple(2, "开展寄递渠道安全隐患排查整治。", List.of("各处室"), "SHARED", LocalDate.of(2041, 12, 31)),
					tuple(5, "提升申诉处理质量。", List.of("办公室"), "LEAD", LocalDate.of(2041, 12, 31)));
	}

	/**
	 * A table without a header row is read as the notice's other lines: rows written as numbered tasks are imported as
	 * tasks, and no warning says the table was not read.
	 */
	@Test
	void aHeaderlessTableWhoseRowsAreTasksIsImportedWithoutAWarningThatItWasNotRead() throws Exception {
		// today in the plan's year: a plan is of this year or the next
		clock.set(LocalDateTime.of(2051, 1, 10, 9, 0));
		byte[] docx;
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			head(doc, 2051);
			doc.createParagraph().createRun().setText("一、强化行业监管");
			XWPFTable tasks = doc.createTable(2, 1);
			row(tasks, 0, "1. 推进快递进村全覆盖。（市场监管处牵头）");
			row(tasks, 1, "2. 开展邮政用品用具监督检查。（普遍服务处牵头）");
			doc.write(out);
			docx = out.toByteArray();
		}
		MockHttpSession staff = SignIn.session(mvc, "sz.market");
		Document preview = preview(staff, docx);
		assertThat(preview.select("tr:contains(推进快递进村全覆盖)")).as("the rows are previewed as tasks").isNotEmpty();
		assertThat(preview.select("tr:contains(开展邮政用品用具监督检查)")).isNotEmpty();
		assertThat(preview.select("#warnings").text()).doesNotContain("表格没有").doesNotContain("未按任务读取");
		WorkPlans.Plan plan = plans.get(DataScope.region("3205"), confirm(staff, preview.selectFirst("input[name=text]").attr("value")));
		assertThat(plan.tasks()).extracting(WorkPlans.TaskLine::text)
			.containsExactly("推进快递进村全覆盖。", "开展邮政用品用具监督检查。");
	}

	@Test
	void aNoticeThatIsOnlyItsTableIsReadAndTheSameNoticeIsNotImportedTwice() throws Exception {
		// today in the plan's year: a plan is of this year or the next
		clock.set(LocalDateTime.of(2042, 1, 10, 9, 0));
		byte[] docx;
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			head(doc, 2042);
			XWPFTable tasks = doc.createTable(3, 4);
			row(tasks, 0, "序号", "工作任务", "责任处室", "完成时间");
			row(tasks, 1, "1", "推进智能信包箱进小区", "普遍服务处", "12月底前");
			row(tasks, 2, "2", "开展快递服务质量提升专项行动", "市场监管处、办公室", "9月30日前");
			doc.write(out);
			docx = out.toByteArray();
		}
		MockHttpSession staff = SignIn.session(mvc, "sz.market");
		Document preview = preview(staff, docx);
		assertThat(preview.select("#warnings").text()).contains("其任务归入“任务分工”");
		String text = preview.selectFirst("input[name=text]").attr("value");
		long id = confirm(staff, text);
		WorkPlans.Plan plan = plans.get(DataScope.region("3205"), id);
		assertThat(plan.tasks()).extracting(WorkPlans.TaskLine::text, WorkPlans.TaskLine::departments, WorkPlans.TaskLine::responsibility,
				WorkPlans.TaskLine::dueOn)
			.containsExactly(tuple("推进智能信包箱进小区", List.of("普遍服务处"), "LEAD", LocalDate.of(2042, 12, 31)),
					tuple("开展快递服务质量提升专项行动", List.of("市场监管处", "办公室"), "SHARED", LocalDate.of(2042, 9, 30)));

		String existing = "该通知已导入为工作计划《" + plan.title() + "》（编号" + id + "），不能重复导入";
		// the same preview confirmed again, and the same notice with its lines and spaces laid out otherwise
		mvc.perform(post("/workplans/import/confirm").session(staff).with(csrf()).param("text", text))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString(existing)));
		mvc.perform(post("/workplans/import/confirm").session(staff).with(csrf()).param("text", text.replace("\n", "\r\n\r\n　")))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString(existing)));
		// retyped with full-width digits and brackets: the same notice
		mvc.perform(post("/workplans/import/confirm").session(staff).with(csrf())
			.param("text", text.replace("9", "９").replace("（", "(").replace("）", ")")))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString(existing)));
		assertThat(preview(staff, docx).select("#warnings").text()).as("the same file previewed again").contains(existing);
		mvc.perform(post("/api/v1/workplans/import").header("Authorization", "Bearer demo-sz-admin-token").contentType("text/plain")
			.content(text.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings", hasItem(containsString(existing))));
		assertThat(plans.list(DataScope.region("3205"))).filteredOn(p -> p.title().equals(plan.title())).hasSize(1);
		// the Word file itself through the API: read as the page reads it
		String docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
		mvc.perform(post("/api/v1/workplans/import").header("Authorization", "Bearer demo-sz-admin-token").contentType(docxType)
			.content(docx))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sections[0].tasks[1].text").value("开展快递服务质量提升专项行动"))
			.andExpect(jsonPath("$.sections[0].tasks[1].due").value("9月30日前"))
			.andExpect(jsonPath("$.sections[0].tasks[1].dueOn").value("2042-09-30"))
			.andExpect(jsonPath("$.warnings[0]").value(containsString("其任务归入“任务分工”")))
			.andExpect(jsonPath("$.warnings", hasItem(containsString(existing))));
		// a Word file declared as text/plain is told by its content and read as Word, not refused as text that is no UTF-8
		mvc.perform(post("/api/v1/workplans/import").header("Authorization", "Bearer demo-sz-admin-token").contentType("text/plain")
			.content(docx))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sections[0].tasks[1].text").value("开展快递服务质量提升专项行动"));
		mvc.perform(post("/api/v1/workplans/import").header("Authorization", "Bearer demo-sz-admin-token").contentType(docxType)
			.content(text.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("body"))
			.andExpect(jsonPath("$.errors[0].rule").value("docx"));
		// neither: 415 naming the header and the types taken
		mvc.perform(post("/api/v1/workplans/import").header("Authorization", "Bearer demo-sz-admin-token")
			.contentType("application/pdf").content(docx))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.errors[0].field").value("Content-Type"))
			.andExpect(jsonPath("$.errors[0].rule").value("media-type"))
			.andExpect(jsonPath("$.detail").value(containsString("text/plain")));
	}

	/**
	 * A notice typeset with paragraph spacing — no empty paragraph after its title, none anywhere — is read as the
	 * sample is, from a Word file and from a .txt alike (attack round 19: 400 text/structure "未识别到“一、……”形式的
	 * 部分和编号任务", as every line up to the first empty one was taken for the title).
	 */
	@Test
	void aNoticeWithoutEmptyParagraphsIsReadFromWordAndFromText() throws Exception {
		String notice = NoticeParserTest.sampleWithoutEmptyLines();
		byte[] docx;
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			for (String line : notice.split("\n")) {
				XWPFParagraph p = doc.createParagraph();
				p.setSpacingAfter(200);
				p.createRun().setText(line);
			}
			doc.write(out);
			docx = out.toByteArray();
		}
		String title = "示范市邮政管理局关于印发2025年工作目标任务分解方案和邮政快递业民生实事分工安排的通知";
		Document preview = preview(SignIn.session(mvc, "sz.market"), docx);
		assertThat(preview.select("h3.card-title").text()).isEqualTo(title);
		assertThat(preview.select("tr:contains(推行快递业务经营许可)")).isNotEmpty();
		assertThat(preview.select("#unparsed").text()).isEmpty();
		mvc.perform(post("/api/v1/workplans/import").header("Authorization", "Bearer demo-sz-admin-token").contentType("text/plain")
			.content(notice.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value(title))
			.andExpect(jsonPath("$.sections.length()").value(5))
			.andExpect(jsonPath("$.sections[1].tasks[0].text").value(containsString("一网通办")));
		mvc.perform(multipart("/workplans/import").file(new MockMultipartFile("file", "分工方案.txt", "text/plain",
				notice.getBytes(StandardCharsets.UTF_8))).session(SignIn.session(mvc, "sz.market")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(title)));
	}

	/** The import page's preview of the uploaded .docx. */
	Document preview(MockHttpSession staff, byte[] docx) throws Exception {
		return Jsoup.parse(mvc.perform(multipart("/workplans/import").file(new MockMultipartFile("file", "分工方案.docx",
				"application/octet-stream", docx)).session(staff).with(csrf()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	/** Confirms the previewed text; the saved plan's id. */
	long confirm(MockHttpSession staff, String text) throws Exception {
		String location = mvc.perform(post("/workplans/import/confirm").session(staff).with(csrf()).param("text", text))
			.andExpect(redirectedUrlPattern("/workplans/*"))
			.andReturn().getResponse().getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	/** The notice's head: its title, addressees, and the plan's title ending in 方案. */
	static void head(XWPFDocument doc, int year) {
		for (String line : List.of("某市邮政管理局关于印发" + year + "年工作目标任务分解方案的通知", "", "机关各处室：",
				"现将方案印发给你们，请认真贯彻落实。", "某市邮政管理局" + year + "年工作目标任务分解方案")) {
			doc.createParagraph().createRun().setText(line);
		}
	}

	/** Word's outline list as notices use it: level 0 "一、", level 1 "1." restarting under each part. */
	static BigInteger outline(XWPFDocument doc) {
		CTAbstractNum list = CTAbstractNum.Factory.newInstance();
		list.setAbstractNumId(BigInteger.valueOf(7));
		level(list, 0, STNumberFormat.CHINESE_COUNTING, "%1、");
		level(list, 1, STNumberFormat.DECIMAL, "%2.");
		XWPFNumbering numbering = doc.createNumbering();
		return numbering.addNum(numbering.addAbstractNum(new XWPFAbstractNum(list)));
	}

	private static void level(CTAbstractNum list, int level, STNumberFormat.Enum format, String text) {
		CTLvl lvl = list.addNewLvl();
		lvl.setIlvl(BigInteger.valueOf(level));
		lvl.addNewStart().setVal(BigInteger.ONE);
		lvl.addNewNumFmt().setVal(format);
		lvl.addNewLvlText().setVal(text);
	}

	static void numbered(XWPFDocument doc, BigInteger list, int level, String text) {
		XWPFParagraph p = doc.createParagraph();
		p.setNumID(list);
		p.setNumILvl(BigInteger.valueOf(level));
		p.createRun().setText(text);
	}

	static void row(XWPFTable table, int row, String... cells) {
		for (int c = 0; c < cells.length; c++) {
			String[] lines = cells[c].split("\n");
			XWPFParagraph first = table.getRow(row).getCell(c).getParagraphs().get(0);
			first.createRun().setText(lines[0]);
			for (int i = 1; i < lines.length; i++) {
				table.getRow(row).getCell(c).addParagraph().createRun().setText(lines[i]);
			}
		}
	}
}
