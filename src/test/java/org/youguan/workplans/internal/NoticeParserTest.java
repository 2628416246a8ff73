package org.youguan.workplans.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.youguan.kernel.ChineseText;
import org.youguan.workplans.internal.PlanPreview.Responsibility;
import org.youguan.workplans.internal.PlanPreview.Task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The notice parser on the shared sample and on hand-made variants of the shapes real notices take.
 */
public class NoticeParserTest {

	static final Set<String> BUREAU = Set.of("办公室", "市场监管处", "普遍服务处");

	public static String sample() throws IOException {
		try (var in = NoticeParserTest.class.getResourceAsStream("/workplans/workplan-sample.txt")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	static PlanPreview parse(String text) {
		return NoticeParser.parse(text, BUREAU::contains);
	}

	static List<Task> tasks(PlanPreview p) {
		return p.sections().stream().flatMap(s -> s.tasks().stream()).toList();
	}

	/** A notice of 2026 up to its first part's heading "一、强化行业监管"; its tasks follow. */
	static final String SUPERVISION_2026 = """
			某市邮政管理局关于印发2026年工作目标任务分解方案的通知

			2026年工作目标任务分解方案
			一、强化行业监管
			""";

	/** A lead with co-departments, as a 任务分工表 row reads and notices write it: the lead first, then the others. */
	@Test
	void aLeadWithCoDepartmentsKeepsThemAllTheLeadFirst() {
		PlanPreview p = parse(SUPERVISION_2026 + """
				1. 落实双随机一公开监管（完成时限：6月底前）（市场监管处牵头，办公室、普遍服务处配合）
				2. 开展邮政用品用具监督检查。（普遍服务处牵头；市场监管处参与）
				""");
		assertThat(tasks(p)).extracting(Task::text, Task::departments, Task::responsibility, Task::due).containsExactly(
				tuple("落实双随机一公开监管", List.of("市场监管处", "办公室", "普遍服务处"), Responsibility.LEAD, "6月底前"),
				tuple("开展邮政用品用具监督检查。", List.of("普遍服务处", "市场监管处"), Responsibility.LEAD, null));
		assertThat(p.unparsedLines()).isEmpty();
	}

	/**
	 * Every role a bracket gives a department is read as a role, never as part of its name — "（A牵头，B配合，C参与）"
	 * took "B配合" for a department (attack leftover): 配合, 参与, 协同, 协办, 协助 after the names or as a label before
	 * them ("（牵头：办公室；配合：…）"), the lead first whatever the order written, with or without a deadline.
	 */
	@Test
	void everyRoleOfABracketIsReadAsARoleNotAsAName() {
		PlanPreview p = parse(SUPERVISION_2026 + """
				1. 开展检查（办公室牵头，市场监管处配合，普遍服务处参与）
				2. 开展检查（办公室牵头，市场监管处、普遍服务处配合）
				3. 开展检查（牵头：办公室；配合：市场监管处、普遍服务处）
				4. 开展检查（牵头单位：办公室，配合单位：市场监管处，普遍服务处）
				5. 开展检查（市场监管处协同，办公室牵头）
				6. 开展检查（办公室牵头；市场监管处协办；普遍服务处协同；完成时限：6月底前）
				7. 开展检查（牵头处室：市场监管处；协助：办公室）
				8. 开展检查（责任处室：办公室、普遍服务处）
				""");
		List<String> all = List.of("办公室", "市场监管处", "普遍服务处");
		assertThat(tasks(p)).extracting(Task::text, Task::departments, Task::responsibility).containsExactly(
				tuple("开展检查", all, Responsibility.LEAD), tuple("开展检查", all, Responsibility.LEAD),
				tuple("开展检查", all, Responsibility.LEAD), tuple("开展检查", all, Responsibility.LEAD),
				tuple("开展检查", List.of("办公室", "市场监管处"), Responsibility.LEAD),
				tuple("开展检查", all, Responsibility.LEAD),
				tuple("开展检查", List.of("市场监管处", "办公室"), Responsibility.LEAD),
				tuple("开展检查", List.of("办公室", "普遍服务处"), Responsibility.SHARED));
		assertThat(tasks(p).get(5).dueOn()).isEqualTo(LocalDate.of(2026, 6, 30));
		assertThat(p.unknownDepartments()).isEmpty();
		assertThat(p.unparsedLines()).isEmpty();
	}

	/**
	 * One bracket naming the departments and the deadline — "（综合科牵头，完成时限：6月底前）", in either order, with
	 * ，,；; between its parts and the deadline labelled or written "…前" — is read as both: the task has its departments
	 * and due date, and its text no bracket (attack round 17: the task came in with no department and due at the
	 * year's end, so nobody was chased and every report was refused).
	 */
	@Test
	void aBracketOfDepartmentsAndDeadlineIsReadAsBoth() {
		PlanPreview p = parse(SUPERVISION_2026 + """
				1. 开展检查（市场监管处牵头，完成时限：6月底前）
				2. 开展检查（完成时限：9月30日；普遍服务处牵头）
				3. 开展检查(办公室负责,时限:三季度)
				4. 开展检查（办公室配合，市场监管处牵头，10月底前完成）
				5. 开展检查（普遍服务处牵头）（完成时间：年底）
				6. 开展检查（市场监管处、办公室按职责分工负责；截止时间：11月15日）。
				""");
		assertThat(tasks(p)).extracting(Task::text, Task::departments, Task::responsibility, Task::dueOn).containsExactly(
				tuple("开展检查", List.of("市场监管处"), Responsibility.LEAD, LocalDate.of(2026, 6, 30)),
				tuple("开展检查", List.of("普遍服务处"), Responsibility.LEAD, LocalDate.of(2026, 9, 30)),
				tuple("开展检查", List.of("办公室"), Responsibility.SHARED, LocalDate.of(2026, 9, 30)),
				tuple("开展检查", List.of("市场监管处", "办公室"), Responsibility.LEAD, LocalDate.of(2026, 10, 31)),
				tuple("开展检查", List.of("普遍服务处"), Responsibility.LEAD, LocalDate.of(2026, 12, 31)),
				tuple("开展检查", List.of("市场监管处", "办公室"), Responsibility.SHARED, LocalDate.of(2026, 11, 15)));
		assertThat(p.unparsedLines()).isEmpty();
		assertThat(p.warnings()).isEmpty();
		// a bracket with a part that is neither stays as written: the import's preview warns of it
		assertThat(NoticeParser.separated("开展检查（市场监管处牵头，另见附件）")).isEqualTo("开展检查（市场监管处牵头，另见附件）");
	}

	/**
	 * A task's 完成时限 — a bracket or a closing "…前完成" — becomes its due date; one that names no date of the plan's
	 * year or the next is named in a warning (the task is then due at the year's end).
	 */
	@Test
	void aTasksDeadlineBecomesItsDueDateAndAnUnreadableOneIsNamed() {
		PlanPreview p = parse(SUPERVISION_2026 + """
				1. 落实双随机一公开监管（完成时限：三季度）（市场监管处牵头）
				2. 推进智能信包箱进小区，10月底前全面完成。（普遍服务处牵头）
				3. 开展寄递安全专项整治（完成时限：另行通知）（各处室按职责分工负责）
				4. 提升申诉处理质量。（办公室牵头）
				""");
		assertThat(tasks(p)).extracting(Task::text, Task::due, Task::dueOn).containsExactly(
				tuple("落实双随机一公开监管", "三季度", LocalDate.of(2026, 9, 30)),
				tuple("推进智能信包箱进小区，10月底前全面完成。", "10月底", LocalDate.of(2026, 10, 31)),
				tuple("开展寄递安全专项整治", "另行通知", null),
				tuple("提升申诉处理质量。", null, null));
		assertThat(p.warnings()).containsExactly(
				"“强化行业监管”第3项的完成时限“另行通知”未能识别为2026年或2027年的日期，按年底计，请导入后在任务页核对");
	}

	/**
	 * A number given twice in a part is imported as written and named in a warning; invisible characters a copied text
	 * carries (a zero-width joiner, a zero-width space) are not kept in a task's text.
	 */
	@Test
	void aRepeatedTaskNumberIsNamedAndInvisibleCharactersAreDropped() {
		PlanPreview p = parse(SUPERVISION_2026 + """
				1. 落实双随机一公开\u200D监管（市场监管处牵头）
				2. 开展邮政用品\u200B用具监督检查（普遍服务处牵头）
				2. 提升申诉处理质量（办公室牵头）
				""");
		assertThat(tasks(p)).extracting(Task::number, Task::text).containsExactly(tuple(1, "落实双随机一公开监管"),
				tuple(2, "开展邮政用品用具监督检查"), tuple(2, "提升申诉处理质量"));
		assertThat(p.warnings()).containsExactly("“强化行业监管”第2项编号重复（第6行、第7行）：请核对原文是否重复或漏编了任务");
	}

	@Test
	void theSampleNotice() throws IOException {
		assertReadAsTheSample(parse(sample()));
	}

	/** The sample as a document typeset with paragraph spacing, not empty paragraphs: no empty line anywhere. */
	public static String sampleWithoutEmptyLines() throws IOException {
		return String.join("\n", sample().lines().filter(l -> !l.isBlank()).toList());
	}

	/**
	 * A notice without an empty line after its title is read as the one with it (attack round 19: every line up to the
	 * first empty one was taken for the title, so no part or task was found): the title ends before the addressees
	 * (a line ending in a colon), a covering text or preamble (为…, 根据…, 经…研究), the plan's body, a heading 一、…
	 * or a numbered task — or with the line that ends in 通知.
	 */
	@Test
	void theSampleWithoutEmptyLinesIsReadAsTheSample() throws IOException {
		assertReadAsTheSample(parse(sampleWithoutEmptyLines()));
		for (String opening : List.of("机关各处室：", "为做好2025年全市邮政管理工作，制定本方案。", "根据全省邮政管理工作会议部署，制定本方案。",
				"总体工作要求：统筹发展和安全。", "一、加强党的建设", "1. 落实党组理论学习中心组学习制度。（办公室牵头）")) {
			PlanPreview p = parse("示范市邮政管理局2025年工作\n目标任务分解方案\n" + opening + "\n一、加强党的建设\n"
					+ "1. 落实党组理论学习中心组学习制度。（办公室牵头）\n");
			assertThat(p.title()).as(opening).isEqualTo("示范市邮政管理局2025年工作目标任务分解方案");
			assertThat(tasks(p)).as(opening).extracting(Task::text).contains("落实党组理论学习中心组学习制度。");
		}
	}

	private static void assertReadAsTheSample(PlanPreview p) {
		assertThat(p.title()).isEqualTo("示范市邮政管理局关于印发2025年工作目标任务分解方案和邮政快递业民生实事分工安排的通知");
		assertThat(p.year()).isEqualTo(2025);
		assertThat(p.documentDate()).isEqualTo("2025-02-20");
		assertThat(p.overallRequirement()).startsWith("围绕全市邮政快递业高质量发展目标");
		assertThat(p.targets()).contains("快递业务量完成9.6亿件");
		assertThat(p.keyTasks()).hasSize(5).first().isEqualTo("出台《示范市快递业高质量发展三年行动方案》");
		assertThat(p.sections()).extracting(PlanPreview.Section::heading)
			.containsExactly("加强党的建设", "优化营商环境", "强化行业监管", "守牢安全底线", "提升服务质量");
		assertThat(tasks(p)).extracting(Task::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
		Task four = tasks(p).get(3);
		assertThat(four.departments()).containsExactly("市场监管处");
		assertThat(four.responsibility()).isEqualTo(Responsibility.LEAD);
		assertThat(four.text()).isEqualTo("推行快递业务经营许可\"一网通办\"，许可核查办结时限压减至8个工作日。");
		assertThat(tasks(p).get(11).departments()).containsExactly("普遍服务处", "市场监管处", "市邮政业安全中心");
		assertThat(tasks(p).get(11).responsibility()).isEqualTo(Responsibility.SHARED);
		assertThat(tasks(p).get(12).departments()).containsExactly("各处室");
		assertThat(p.livelihoodProjects()).extracting(pr -> pr.items().size()).containsExactly(2, 2, 1);
		assertThat(p.livelihoodProjects().get(0).title()).isEqualTo("实施农村寄递提升工程");
		assertThat(p.livelihoodProjects().get(0).items().get(0).departments()).containsExactly("普遍服务处", "市场监管处");
		assertThat(p.unknownDepartments()).containsExactly("市邮政业安全中心");
		assertThat(p.unparsedLines()).isEmpty();
	}

	static final String VARIANT = """
			某市邮政管理局关于印发2024年工作目标任务分解方案的通知

			某邮管〔2024〕7号

			各处室：
			现将方案印发给你们。

			某市邮政管理局2024年工作目标任务分解方案
			一、第一部分
			1. 开展“绿色包装”（含可循环箱）试点。（市场监管处牵头）
			2. 完善寄递渠道安全监管
			工作机制，全年不少于4次联合检查。(普遍服务处、办公室按职责分工负责)
			二、第二部分
			3. 做好信访工作（办公室牵头）；
			二、重复编号的部分
			4.开展行风建设。（各处室按职责分工负责）
			这一行什么也不是
			五、跳过编号的部分
			5、加强队伍建设。（人事处牵头）
			""";

	@Test
	void variantsOfRealNotices() {
		PlanPreview p = parse(VARIANT);
		assertThat(p.documentNumber()).isEqualTo("某邮管〔2024〕7号");
		assertThat(p.year()).isEqualTo(2024);
		assertThat(p.sections()).hasSize(4);
		List<Task> tasks = tasks(p);
		assertThat(tasks).extracting(Task::number).containsExactly(1, 2, 3, 4, 5);
		assertThat(tasks.get(0).text()).as("brackets inside the text").isEqualTo("开展“绿色包装”（含可循环箱）试点。");
		assertThat(tasks.get(0).departments()).containsExactly("市场监管处");
		assertThat(tasks.get(1).text()).as("a line break inside a task").isEqualTo("完善寄递渠道安全监管工作机制，全年不少于4次联合检查。");
		assertThat(tasks.get(1).departments()).as("half-width brackets").containsExactly("普遍服务处", "办公室");
		assertThat(tasks.get(1).responsibility()).isEqualTo(Responsibility.SHARED);
		assertThat(tasks.get(2).departments()).containsExactly("办公室");
		assertThat(tasks.get(3).departments()).containsExactly("各处室");
		assertThat(p.unknownDepartments()).containsExactly("人事处");
		assertThat(p.unparsedLines()).singleElement().satisfies(u -> {
			assertThat(u.line()).isEqualTo(17);
			assertThat(u.text()).isEqualTo("这一行什么也不是");
		});
	}

	/** A plan of two sections, then {@code second} as the notice's second part. */
	static String withSecondPart(String second) {
		return """
				某市邮政管理局关于印发2022年工作目标任务分解方案和民生实事的通知

				各处室：
				现将方案印发给你们。

				某市邮政管理局2022年工作目标任务分解方案
				一、加强党的建设
				1. 落实理论学习中心组学习制度。（办公室牵头）
				二、优化营商环境
				2. 推进快递末端网点备案网上办理。（市场监管处牵头）
				""" + second;
	}

	/** The notice: a second part under " 2022年邮政业更贴近民生八件实事分工安排", eight projects 一 to 八. */
	@Test
	void theLivelihoodPartIsFoundByItsHeadingAndRestartedNumberingWhateverItsWording() {
		StringBuilder eight = new StringBuilder(" 2022年邮政业更贴近民生八件实事分工安排\n");
		for (int n = 1; n <= 8; n++) {
			eight.append(ChineseText.numeral(n)).append("、第").append(n).append("件实事\n1.完成第").append(n)
				.append("项工作。（普遍服务处牵头）\n");
		}
		PlanPreview p = parse(withSecondPart(eight.toString()));
		assertThat(p.sections()).extracting(PlanPreview.Section::heading).containsExactly("加强党的建设", "优化营商环境");
		assertThat(tasks(p)).extracting(Task::number).containsExactly(1, 2);
		assertThat(p.livelihoodProjects()).hasSize(8);
		assertThat(p.livelihoodProjects().get(7).title()).isEqualTo("第8件实事");
		assertThat(p.livelihoodProjects().get(7).items()).singleElement()
			.satisfies(t -> assertThat(t.departments()).containsExactly("普遍服务处"));
		assertThat(p.unparsedLines()).isEmpty();
	}

	static final String PROJECTS = """
			一、实施农村寄递提升工程
			1.建成村级寄递服务站200个。（普遍服务处牵头）
			二、关心关爱快递员
			1.新建爱心驿站50处。（办公室牵头）
			""";

	@Test
	void headingVariantsOfTheSecondPart() {
		for (String heading : List.of("2023年为民办实事项目清单\n", "\u3000\u3000二〇二四年邮政快递业惠民实事安排\n",
				"附件2\n某市邮政管理局2022年民生实事分工安排\n", "某市邮政管理局2022年邮政快递业\n更贴近民生实事分工安排\n\n",
				"2022年重点民生项目：\n")) {
			PlanPreview p = parse(withSecondPart(heading + PROJECTS));
			assertThat(p.sections()).as(heading).hasSize(2);
			assertThat(p.livelihoodProjects()).as(heading).extracting(PlanPreview.Project::title)
				.containsExactly("实施农村寄递提升工程", "关心关爱快递员");
			assertThat(p.unparsedLines()).as(heading).isEmpty();
		}
	}

	@Test
	void aTaskBrokenOverLinesBeforeTheSecondPartKeepsItsLastLine() {
		PlanPreview p = parse(withSecondPart("""
				3. 开展作风建设
				专项整治。（办公室牵头）
				2022年民生实事分工安排
				""" + PROJECTS));
		assertThat(tasks(p)).extracting(Task::text).last().isEqualTo("开展作风建设专项整治。");
		assertThat(tasks(p).get(2).departments()).containsExactly("办公室");
		assertThat(p.livelihoodProjects()).hasSize(2);
	}

	@Test
	void aStrayLineInsideThePlanIsNotTakenForASecondPart() {
		PlanPreview p = parse(withSecondPart("""
				这一行什么也不是
				三、强化行业监管
				3. 落实双随机一公开监管。（市场监管处牵头）
				"""));
		assertThat(p.sections()).hasSize(3);
		assertThat(p.livelihoodProjects()).isEmpty();
		assertThat(p.unparsedLines()).extracting(PlanPreview.Unparsed::text).containsExactly("这一行什么也不是");
	}

	@Test
	void aPlanWhoseTitleDoesNotEndInFangAnStartsAtItsBody() {
		PlanPreview p = parse("""
				某市邮政管理局关于印发2024年重点工作任务分工的通知

				各处室：
				现印发给你们。

				某市邮政管理局2024年重点工作任务分工
				总体要求：稳中求进。
				一、加强党的建设
				1. 落实理论学习中心组学习制度。（办公室牵头）
				""");
		assertThat(p.overallRequirement()).isEqualTo("稳中求进。");
		assertThat(p.sections()).singleElement().satisfies(s -> assertThat(s.tasks()).hasSize(1));
	}

	/**
	 * Numbers typed in full-width digits, as an input method writes them, read as their half-width forms — a task "１．",
	 * "３. ", "１２、", the key tasks' count, the date —; a tab is a space; a line neither a part's heading nor a task is
	 * named in a warning, not only listed.
	 */
	@Test
	void fullWidthNumbersAreReadAndEveryLineNotRecognisedIsNamed() {
		PlanPreview p = parse("""
				某市邮政管理局关于印发2026年工作目标任务分解方案的通知

				２０２６年２月２０日
				2026年工作目标任务分解方案
				５项重点工作：
				１．出台三年行动方案；
				一、加强党的建设
				１．落实学习制度，全年集中学习不少于１２次。（办公室牵头）
				2．推进党组织覆盖。（办公室牵头）
				３. 开展作风建设	专项整治（完成时限：６月底前）。（办公室牵头）
				１２、加强信用监管。（市场监管处牵头）
				这一行什么也不是
				""");
		assertThat(p.documentDate()).isEqualTo("2026-02-20");
		assertThat(p.keyTasks()).containsExactly("出台三年行动方案");
		assertThat(tasks(p)).extracting(Task::number, Task::text, Task::due).containsExactly(
				tuple(1, "落实学习制度，全年集中学习不少于12次。", null),
				tuple(2, "推进党组织覆盖。", null),
				tuple(3, "开展作风建设 专项整治。", "6月底前"),
				tuple(12, "加强信用监管。", null));
		assertThat(p.unparsedLines()).extracting(PlanPreview.Unparsed::text).containsExactly("这一行什么也不是");
		assertThat(p.warnings()).containsExactly("1行未能识别为部分标题“一、……”或编号任务“1. ……（××处牵头）”，不会导入：第12行“这一行什么也不是”，请核对原文");
	}
}
