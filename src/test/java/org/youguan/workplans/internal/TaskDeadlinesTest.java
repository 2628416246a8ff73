package org.youguan.workplans.internal;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A task's 完成时限 as notices write it becomes the date it names in the plan's year (2026 here) or the next; what
 * names no such date is not read as one.
 */
class TaskDeadlinesTest {

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', value = {
			"6月底前|2026-06-30", "六月底|2026-06-30", "6月末|2026-06-30", "10月|2026-10-31", "十二月底前|2026-12-31",
			"9月30日前|2026-09-30", "9月30号|2026-09-30", "二月二十八日|2026-02-28", "５月上旬|2026-05-10",
			"5月中旬|2026-05-20", "5月下旬|2026-05-31", "三季度|2026-09-30", "第一季度末|2026-03-31", "4季度|2026-12-31",
			"上半年|2026-06-30", "下半年|2026-12-31", "年底前|2026-12-31", "年内|2026-12-31", "全年|2026-12-31",
			"长期坚持|2026-12-31", "持续推进|2026-12-31", "2027年3月15日前|2027-03-15", "2027年底|2027-12-31",
			"2027年年底|2027-12-31", "2027年上半年|2027-06-30", "6月底前完成方案，12月底前全面完成|2026-12-31",
			"3月底前启动，三季度完成|2026-09-30", "二〇二七年一月十日|2027-01-10", "二零二七年三月|2027-03-31",
			"二〇二七年上半年|2027-06-30", "二〇二七年第一季度|2027-03-31", "次年3月|2027-03-31", "明年3月|2027-03-31",
			"翌年1月|2027-01-31", "下年度一季度|2027-03-31", "明年底|2027-12-31", "次年年底|2027-12-31",
			"今年底|2026-12-31", "本年度三季度|2026-09-30", "下半年|2026-12-31" })
	void aWrittenDeadlineNamesItsDate(String written, LocalDate date) {
		assertThat(TaskDeadlines.resolve(written, 2026)).contains(date);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2月30日", "13月底", "2025年6月底", "2028年3月", "尽快", "另行通知", "" })
	void whatNamesNoDateOfTheYearOrTheNextIsNotRead(String written) {
		assertThat(TaskDeadlines.resolve(written, 2026)).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"落实双随机一公开监管（完成时限：6月底前）|6月底前|落实双随机一公开监管",
			"开展（专项）检查(完成时限: 9月30日前)，确保覆盖|9月30日前|开展（专项）检查，确保覆盖",
			"推进智能信包箱进小区，年底前全面完成。|年底|推进智能信包箱进小区，年底前全面完成。",
			"建设县级寄递公共配送中心，9月30日前建成|9月30日|建设县级寄递公共配送中心，9月30日前建成" })
	void aTasksTextGivesItsDeadlineABracketTakenOut(String text, String deadline, String rest) {
		assertThat(TaskDeadlines.in(text)).hasValueSatisfying(w -> {
			assertThat(w.deadline()).isEqualTo(deadline);
			assertThat(w.text()).isEqualTo(rest);
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "完成末端网点备案865家", "推进快递进村，完成率达到95%", "今年完成3个建制村通邮", "许可核查办结时限压减至8个工作日" })
	void aTextWithoutADeadlineGivesNone(String text) {
		assertThat(TaskDeadlines.in(text)).isEmpty();
	}
}
