package org.youguan.workplans.internal;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.workplans.WorkPlans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A notice pasted without line breaks makes parts longer than their columns: saving it names them instead of
 * failing in the database.
 */
class PlanFitsTest {

	/** The day the notices are imported on. */
	static final LocalDate TODAY = LocalDate.of(2027, 3, 1);

	static PlanPreview preview(String taskText, String heading) {
		var task = new PlanPreview.Task(1, taskText, List.of("市场监管处"), PlanPreview.Responsibility.LEAD, 42);
		return new PlanPreview("2026年工作目标任务分解方案", 2026, null, null, null, null, List.of("重点工作"),
				List.of(new PlanPreview.Section(heading, List.of(task))), List.of(), List.of(), List.of(), List.of());
	}

	@Test
	void aTaskLongerThanItsColumnIsNamedWithItsLine() {
		assertThatThrownBy(() -> WorkPlans.requireFits(preview("任".repeat(2001), "一、强化市场监管"), TODAY))
			.isInstanceOf(InvalidValueException.class)
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors()).extracting(FieldError::message)
				.containsExactly("第42行的任务不能超过2000个字符"));
	}

	@Test
	void aHeadingLongerThanItsColumnIsNamed() {
		assertThatThrownBy(() -> WorkPlans.requireFits(preview("任务", "一、" + "长".repeat(400)), TODAY))
			.isInstanceOf(InvalidValueException.class)
			.hasMessageContaining("部分标题");
	}

	@Test
	void aNoticesNumberStatesTheYearOfItsDateAndNumbersFromOneAsOnPublishing() {
		var good = preview("任务", "一、强化市场监管");
		assertThatThrownBy(() -> WorkPlans.requireFits(withNumber(good, "示范邮管〔2024〕0号", "2027-02-20"), TODAY))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors()).extracting(FieldError::rule)
				.contains("sequence", "year"));
		assertThatThrownBy(() -> WorkPlans.requireFits(withNumber(good, "示范邮管〔2027〕3号", "2027-02-30"), TODAY))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors()).extracting(FieldError::rule)
				.containsExactly("date"));
		WorkPlans.requireFits(withNumber(good, "示范邮管〔2027〕3号", "2027-02-20"), TODAY);
	}

	/**
	 * Attack round 21: a notice with 文号 〔2027〕 and no 印发日期 was published (已印发) on the day it was imported, in
	 * 2026: without a date the notice is issued today, so its 文号 states today's year.
	 */
	@Test
	void aNoticeWithoutADateStatesTodaysYearInItsNumber() {
		var good = preview("任务", "一、强化市场监管");
		assertThatThrownBy(() -> WorkPlans.requireFits(withNumber(good, "苏邮管〔2028〕1号", null), TODAY))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> {
				assertThat(ex.fieldErrors()).extracting(FieldError::rule).containsExactly("year");
				assertThat(ex.fieldErrors().get(0).message()).contains("未填印发日期").contains("2028").contains("2027");
			});
		assertThat(WorkPlans.importRefusals(withNumber(good, "苏邮管〔2028〕1号", null), TODAY)).singleElement()
			.asString().contains("未填印发日期");
		WorkPlans.requireFits(withNumber(good, "苏邮管〔2027〕1号", null), TODAY);
	}

	static PlanPreview withNumber(PlanPreview p, String number, String date) {
		return new PlanPreview(p.title(), p.year(), number, date, p.overallRequirement(), p.targets(), p.keyTasks(),
				p.sections(), p.livelihoodProjects(), p.unknownDepartments(), p.unparsedLines(), p.warnings());
	}

	@Test
	void aNoticeThatFitsPasses() {
		WorkPlans.requireFits(preview("任".repeat(2000), "一、强化市场监管"), TODAY);
	}
}
