package org.youguan.workplans;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.youguan.workplans.PlanPreview.Responsibility;
import org.youguan.workplans.PlanPreview.Task;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notice parser on the shared sample and on hand-made variants of the shapes real notices take.
 */
class NoticeParserTest {

	static final Set<String> BUREAU = Set.of("办公室", "市场监管处", "普遍服务处");

	static String sample() throws IOException {
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

	@Test
	void theSampleNotice() throws IOException {
		PlanPreview p = parse(sample());
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
}
