package org.youguan.workplans;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.InvalidValueException;
import org.youguan.org.CurrentUser;
import org.youguan.org.DepartmentView;
import org.youguan.org.Departments;
import org.youguan.org.UserDirectory;
import org.youguan.workplans.internal.NoticeParserTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A task's 完成时限 and its status go together: the status (未启动/推进中/滞后) follows a corrected time limit, an issued
 * import and a publication at once, as the daily check would set it, not from the next morning; and no task is due
 * before the plan assigning it is issued (import, publication, correction on the page). Each test works on a year of
 * its own (2064–2067), today moved into it.
 */
@IntegrationTest
class WorkTaskTimeLimitIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	WorkPlans plans;

	@Autowired
	PlanDrafts drafts;

	@Autowired
	Progress progress;

	@Autowired
	Departments departments;

	@Autowired
	UserDirectory directory;

	@Autowired
	AuditTrail audit;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	CurrentUser user(String name) {
		return directory.principal(name).orElseThrow();
	}

	long save(String text) {
		long centre = departments.ofBureau(user("sz.admin").bureauId()).stream()
			.filter(d -> d.name().equals("市邮政业安全发展中心")).mapToLong(DepartmentView::id).findFirst().orElseThrow();
		return plans.save(user("sz.market"), text, Map.of("市邮政业安全中心", centre), Set.of());
	}

	static String notice(int year) throws IOException {
		return NoticeParserTest.sample().replace("2025", Integer.toString(year));
	}

	WorkPlans.TaskLine task(long plan, int index) {
		return plans.get(DataScope.region("3205"), plan).tasks().get(index);
	}

	/**
	 * Attack: a task's 完成时限 moved before today kept 未启动 on the board and in the exports until the 07:00 check, and
	 * one moved later kept 滞后. Now the correction sets the status in the same transaction, either way, audited as the
	 * check audits it.
	 */
	@Test
	void aCorrectedTimeLimitSetsTheTasksStatusAtOnceEitherWay() throws Exception {
		clock.set(LocalDateTime.of(2064, 3, 10, 9, 0));
		long plan = save(notice(2064));
		WorkPlans.TaskLine task = task(plan, 3);
		assertThat(task.status()).isEqualTo("NOT_STARTED");

		drafts.updateTask(user("sz.universal"), task.id(), task.text(), LocalDate.of(2064, 3, 9));
		assertThat(task(plan, 3).status()).as("due yesterday: lagging now").isEqualTo("LAGGING");
		assertThat(audit.history(DataScope.region("3205"), "WorkTask", task.id()))
			.anySatisfy(e -> assertThat(e.action() + e.summary()).startsWith("workplan.status").contains("转为滞后"));

		drafts.updateTask(user("sz.universal"), task.id(), task.text(), LocalDate.of(2064, 6, 30));
		assertThat(task(plan, 3).status()).as("due later again").isEqualTo("NOT_STARTED");

		// attack: another department's report was refused with no field and rule RULE_VIOLATION on the page
		assertThatThrownBy(() -> progress.report(user("sz.universal"), task.id(), "代填", 10, List.of()))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.formErrors())
				.extracting(e -> e.field() + "/" + e.rule()).containsExactly("request/department-duty"));
		mvc.perform(post("/workplans/tasks/" + task.id() + "/progress").session(SignIn.session(mvc, "sz.universal")).with(csrf())
			.param("text", "代填").param("percent", "10"))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("data-rule=\"department-duty\"")))
			.andExpect(content().string(containsString("data-field=\"request\"")));
	}

	/** A notice of last year imported as issued: its tasks, due at last year's end, are 滞后 from the import on. */
	@Test
	void anIssuedPlanImportedAfterItsTimeLimitsIsLaggingAtOnce() throws Exception {
		clock.set(LocalDateTime.of(2066, 1, 10, 9, 0));
		long plan = save(notice(2065));
		assertThat(plans.get(DataScope.region("3205"), plan).tasks()).extracting(WorkPlans.TaskLine::status)
			.containsOnly("LAGGING");
	}

	/**
	 * Attack: a plan dated 2026-03-01 was imported with a task due 2026-02-28. Now the import, the correction of a task
	 * (service and page) and the publication of a draft refuse a 完成时限 before the 印发日期, naming it.
	 */
	@Test
	void noTaskIsDueBeforeItsPlanIsIssued() throws Exception {
		clock.set(LocalDateTime.of(2067, 3, 10, 9, 0));
		String early = notice(2067).replace("2067年2月20日", "2067年3月1日")
			.replace("3. 开展作风建设专项整治。（办公室牵头）", "3. 开展作风建设专项整治。（办公室牵头，完成时限：2月底前）");
		assertThatThrownBy(() -> save(early)).isInstanceOfSatisfying(InvalidValueException.class,
				ex -> assertThat(ex.fieldErrors()).anySatisfy(e -> {
					assertThat(e.field() + "/" + e.rule()).isEqualTo("text/before-issue");
					assertThat(e.message()).contains("完成时限（2067-02-28）早于计划的印发日期（2067-03-01）");
				}));

		long plan = save(notice(2067));
		WorkPlans.TaskLine task = task(plan, 3);
		assertThatThrownBy(() -> drafts.updateTask(user("sz.universal"), task.id(), task.text(), LocalDate.of(2067, 2, 19)))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(e -> e.field() + "/" + e.rule() + "/" + e.message())
				.containsExactly("dueOn/before-issue/完成时限（2067-02-19）早于计划的印发日期（2067-02-20），完成时限不能早于印发日期"));
		mvc.perform(post("/workplans/tasks/" + task.id()).session(SignIn.session(mvc, "sz.universal")).with(csrf())
			.param("text", task.text()).param("dueOn", "2067-02-19"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("完成时限（2067-02-19）早于计划的印发日期（2067-02-20）")));
		assertThat(task(plan, 3).dueOn()).isEqualTo(task.dueOn());

		// a draft (no 印发日期 yet) takes the date; its publication under a later date is refused, naming the task
		long draft = save(notice(2067).replaceFirst("示邮管〔2067〕3号\n", "").replace("示范市邮政管理局", "示范区邮政管理局"));
		WorkPlans.TaskLine drafted = task(draft, 3);
		drafts.updateTask(user("sz.market"), drafted.id(), drafted.text(), LocalDate.of(2067, 2, 28));
		assertThatThrownBy(() -> drafts.publish(user("sz.market"), draft, "示邮管〔2067〕30号", LocalDate.of(2067, 3, 1)))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(e -> e.field() + "/" + e.rule() + "/" + e.message())
				.containsExactly("documentDate/before-issue/第" + drafted.number()
						+ "项任务的完成时限（2067-02-28）早于计划的印发日期（2067-03-01），完成时限不能早于印发日期"));
		drafts.publish(user("sz.market"), draft, "示邮管〔2067〕30号", LocalDate.of(2067, 2, 27));
		assertThat(task(draft, 3).status()).as("published, due before today: lagging at once").isEqualTo("LAGGING");
	}
}
