package org.youguan.workplans;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.audit.AuditEvent;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.PageQuery;
import org.youguan.org.CurrentUser;
import org.youguan.org.DepartmentView;
import org.youguan.org.Departments;
import org.youguan.org.UserDirectory;
import org.youguan.workplans.internal.NoticeParserTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A plan holds only what a plan can mean — a year from 2000 to the year after today's (import and copy alike), a 文号
 * when it is published (an imported notice without one is kept as a draft), no negative target or growth of 1000 % —
 * and its corrections keep in the audit trail what they replaced; a task's status follows its 完成时限 at once, and no
 * task is due before its plan is issued. Each test works on a year of its own, today moved into it.
 */
@IntegrationTest
class WorkPlanPlausibilityIntegrationTest {

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

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	CurrentUser user(String name) {
		return directory.principal(name).orElseThrow();
	}

	long centre() {
		return departments.ofBureau(user("sz.admin").bureauId()).stream().filter(d -> d.name().equals("市邮政业安全发展中心"))
			.mapToLong(DepartmentView::id).findFirst().orElseThrow();
	}

	static String notice(int year) throws IOException {
		return NoticeParserTest.sample().replace("2025", Integer.toString(year));
	}

	/** The sample without its 文号 line. */
	static String withoutNumber(int year) throws IOException {
		return notice(year).replaceFirst("示邮管〔" + year + "〕3号\n", "");
	}

	long save(String text) {
		return plans.save(user("sz.market"), text, Map.of("市邮政业安全中心", centre()), Set.of());
	}

	static void refused(Throwable ex, String fieldAndRule) {
		assertThat(ex).isInstanceOf(InvalidValueException.class);
		assertThat(((InvalidValueException) ex).fieldErrors()).extracting(e -> e.field() + "/" + e.rule()).contains(fieldAndRule);
	}

	@Test
	void aPlanOfAYearFarAheadIsNeitherImportedNorCopiedInto() throws Exception {
		clock.set(LocalDateTime.of(2071, 3, 10, 9, 0));
		MockHttpSession staff = SignIn.session(mvc, "sz.market");
		mvc.perform(post("/workplans/import/confirm").session(staff).with(csrf()).param("text", notice(2999))
			.param("map.市邮政业安全中心", String.valueOf(centre())))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("不能是2999年")));
		assertThatThrownBy(() -> save(notice(2999))).satisfies(ex -> refused(ex, "year/range"));
		assertThat(jdbc.sql("SELECT count(*) FROM work_plan WHERE year = 2999").query(Long.class).single()).isZero();
		// and the list refuses the year as the import does, not answering it with nothing
		assertThatThrownBy(() -> plans.list(DataScope.region("3205"), new WorkPlans.Filter(2999, null),
				PageQuery.of(null, 0, null, null, null))).satisfies(ex -> refused(ex, "year/range"));
		// next year's plan is made this year (a draft: the sample's 印发日期 2072-02-20 is still to come); the year
		// after is not yet
		long next = save(withoutNumber(2072));
		assertThat(plans.get(DataScope.region("3205"), next).year()).isEqualTo(2072);
		assertThatThrownBy(() -> drafts.copyToNextYear(user("sz.market"), next)).satisfies(ex -> refused(ex, "year/range"));
	}

	/**
	 * The preview tells what 确认导入 then refuses — a year out of range, targets no plan can mean — before departments
	 * are mapped and the import confirmed; a year typed in full-width digits is the year, in the import and on a
	 * draft's title alike (２９９９年 was let through the draft's check).
	 */
	@Test
	void thePreviewWarnsOfWhatTheImportRefusesAndAFullWidthYearIsAYear() throws Exception {
		clock.set(LocalDateTime.of(2077, 3, 10, 9, 0));
		MockHttpSession staff = SignIn.session(mvc, "sz.market");
		mvc.perform(post("/workplans/import").session(staff).with(csrf()).param("text", notice(2999)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("确认导入将被拒绝：工作计划的年度应在2000年至2078年之间，不能是2999年")));
		String absurd = notice(2077).replaceFirst("主要工作目标：[^\\n]*", "主要工作目标：快递业务量完成-5亿件");
		mvc.perform(post("/workplans/import").session(staff).with(csrf()).param("text", absurd))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("确认导入将被拒绝：主要工作目标中的数值不合理")));
		String wide = withoutNumber(2077).replaceFirst("2077年", "２０７７年");
		mvc.perform(post("/workplans/import").session(staff).with(csrf()).param("text", wide))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("确认导入将被拒绝"))));
		long plan = save(wide);
		assertThat(plans.get(DataScope.region("3205"), plan).year()).isEqualTo(2077);
		WorkPlans.Plan draft = plans.get(DataScope.region("3205"), plan);
		assertThatThrownBy(() -> drafts.updateHead(user("sz.market"), plan, "示范市邮政管理局２９９９年工作目标任务分解", null, null))
			.satisfies(ex -> refused(ex, "title/year"));
		drafts.updateHead(user("sz.market"), plan, "示范市邮政管理局２０７７年工作目标任务分解", null, draft.targets());
	}

	@Test
	void aNoticeWithoutItsDocumentNumberIsKeptAsADraftAndPublishedOnlyWithOne() throws Exception {
		clock.set(LocalDateTime.of(2073, 3, 10, 9, 0));
		long plan = save(withoutNumber(2073));
		WorkPlans.Plan saved = plans.get(DataScope.region("3205"), plan);
		assertThat(saved.documentNumber()).isNull();
		assertThat(saved.draft()).as("no 文号, not published").isTrue();
		assertThatThrownBy(() -> drafts.publish(user("sz.market"), plan, " ", LocalDate.of(2073, 2, 20)))
			.satisfies(ex -> refused(ex, "documentNumber/required"));
		mvc.perform(post("/workplans/" + plan + "/publish").session(SignIn.session(mvc, "sz.market")).with(csrf())
			.param("documentNumber", "").param("documentDate", "2073-02-20"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("印发须填写文号")));
		assertThat(plans.get(DataScope.region("3205"), plan).draft()).isTrue();
		drafts.publish(user("sz.market"), plan, "苏邮管〔2073〕5号", LocalDate.of(2073, 2, 20));
		assertThat(plans.get(DataScope.region("3205"), plan).draft()).isFalse();
		// the notice with its 文号 is published as it is imported
		long numbered = save(notice(2073).replace("示范市邮政管理局", "示范县邮政管理局"));
		assertThat(plans.get(DataScope.region("3205"), numbered).draft()).isFalse();
		assertThat(plans.get(DataScope.region("3205"), numbered).documentNumber()).isEqualTo("示邮管〔2073〕3号");
	}

	@Test
	void targetsNoPlanCanMeanAndATitleOfAnotherYearAreRefused() throws Exception {
		clock.set(LocalDateTime.of(2074, 3, 10, 9, 0));
		String absurd = "快递业务量完成-5亿件、同比增长99999%";
		assertThatThrownBy(() -> save(withoutNumber(2074).replaceFirst("主要工作目标：[^\\n]*", "主要工作目标：" + absurd)))
			.satisfies(ex -> refused(ex, "targets/range"));
		long plan = save(withoutNumber(2074));
		WorkPlans.Plan draft = plans.get(DataScope.region("3205"), plan);
		mvc.perform(post("/workplans/" + plan + "/head").session(SignIn.session(mvc, "sz.market")).with(csrf())
			.param("title", draft.title()).param("targets", absurd))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("快递业务量完成-5亿件")));
		assertThatThrownBy(() -> drafts.updateHead(user("sz.market"), plan, draft.title(), null, "快递业务量完成10亿件、同比增长1000%"))
			.satisfies(ex -> refused(ex, "targets/range"));
		assertThatThrownBy(() -> drafts.updateHead(user("sz.market"), plan, draft.title().replace("2074", "2999"), null, null))
			.satisfies(ex -> refused(ex, "title/year"));
		// a fall is a growth too; within ±1000 % it is a target
		drafts.updateHead(user("sz.market"), plan, draft.title(), null, "快递业务量完成10亿件、同比增长-5%");
		assertThat(plans.get(DataScope.region("3205"), plan).mainTargets()).singleElement()
			.satisfies(t -> assertThat(t.targetGrowth()).isEqualByComparingTo("-5"));
	}

	/**
	 * A main target of a statistics indicator is held to the indicator's rules when the plan is saved — imported or its
	 * draft's head corrected —, as when it is adopted as the statistics target (a rate of 120 %, a count of 1.5 件 were
	 * kept and refused only on adoption): the preview warns of it, the import and the correction are refused naming the
	 * clause, nothing is saved.
	 */
	@Test
	void mainTargetsAreHeldToTheIndicatorsRulesWhenThePlanIsSaved() throws Exception {
		clock.set(LocalDateTime.of(2075, 3, 10, 9, 0));
		String wrong = "电子面单使用率达到120%，快递业务量完成1.5件";
		String text = withoutNumber(2075).replaceFirst("主要工作目标：[^\\n]*", "主要工作目标：" + wrong);
		mvc.perform(post("/workplans/import").session(SignIn.session(mvc, "sz.market")).with(csrf()).param("text", text))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("确认导入将被拒绝：主要工作目标“电子面单使用率达到120%”")));
		long before = plans.list(DataScope.region("3205"), new WorkPlans.Filter(2075, null), PageQuery.of(null, 0, null,
				null, null)).total();
		assertThatThrownBy(() -> save(text)).satisfies(ex -> {
			refused(ex, "targets/rate");
			refused(ex, "targets/integer");
		});
		assertThat(plans.list(DataScope.region("3205"), new WorkPlans.Filter(2075, null), PageQuery.of(null, 0, null,
				null, null)).total()).as("nothing saved").isEqualTo(before);

		long plan = save(withoutNumber(2075));
		WorkPlans.Plan draft = plans.get(DataScope.region("3205"), plan);
		assertThatThrownBy(() -> drafts.updateHead(user("sz.market"), plan, draft.title(), null, "电子面单使用率达到120%"))
			.satisfies(ex -> refused(ex, "targets/rate"));
		assertThat(plans.get(DataScope.region("3205"), plan).targets()).isEqualTo(draft.targets());
		drafts.updateHead(user("sz.market"), plan, draft.title(), null, "电子面单使用率达到99.5%");
		assertThat(plans.get(DataScope.region("3205"), plan).mainTargets()).singleElement()
			.satisfies(t -> assertThat(t.indicatorCode()).isEqualTo("green.ewaybill.rate"));
	}

	/**
	 * A plan copied into next year keeps its main targets as written, and today's rules judge them on the draft: a
	 * target its year's rules let through and today's refuse (here a rate of 120 %, kept by a plan saved before main
	 * targets were held to the statistics' rules) does not stop the copy — the draft is there to be edited — but the
	 * copy says so, the draft's page lists it, and 印发 is refused naming it until the draft's targets are corrected.
	 */
	@Test
	void aCopiedPlansTargetsAreHeldToTodaysRulesBeforeTheDraftIsPublished() throws Exception {
		clock.set(LocalDateTime.of(2079, 3, 10, 9, 0));
		long plan = save(notice(2079));
		String old = "电子面单使用率达到120%，快递业务量完成9.6亿件";
		jdbc.sql("UPDATE work_plan SET targets = :targets WHERE id = :id").param("targets", old).param("id", plan).update();
		MockHttpSession staff = SignIn.session(mvc, "sz.market");
		String url = mvc.perform(post("/workplans/" + plan + "/copy").session(staff).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", containsString("1项主要工作目标不符合统计指标的现行规则，须修改后才能印发")))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long draft = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
		WorkPlans.Plan copy = plans.get(DataScope.region("3205"), draft);
		assertThat(copy.year()).isEqualTo(2080);
		assertThat(copy.draft()).isTrue();
		assertThat(copy.targets()).isEqualTo(old);
		assertThat(drafts.targetProblems(copy)).extracting(e -> e.field() + "/" + e.rule()).containsExactly("targets/rate");
		mvc.perform(get(url).session(staff))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"target-problems\"")))
			.andExpect(content().string(containsString("主要工作目标“电子面单使用率达到120%”")));
		assertThatThrownBy(() -> drafts.publish(user("sz.market"), draft, "示邮管〔2079〕8号", null))
			.satisfies(ex -> refused(ex, "targets/rate"));
		mvc.perform(post(url + "/publish").session(staff).with(csrf()).param("documentNumber", "示邮管〔2079〕8号"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("电子面单使用率达到120%")));
		assertThat(plans.get(DataScope.region("3205"), draft).draft()).as("not published").isTrue();

		drafts.updateHead(user("sz.market"), draft, copy.title(), null, "电子面单使用率达到99.5%，快递业务量完成9.6亿件");
		assertThat(drafts.targetProblems(plans.get(DataScope.region("3205"), draft))).isEmpty();
		mvc.perform(get(url).session(staff)).andExpect(content().string(not(containsString("id=\"target-problems\""))));
		drafts.publish(user("sz.market"), draft, "示邮管〔2079〕8号", null);
		assertThat(plans.get(DataScope.region("3205"), draft).draft()).isFalse();
	}

	/**
	 * A correction keeps what it replaced: a published plan's task rewritten (by its lead department, as the README
	 * allows), a draft's head, and a month's progress report replaced by its correction.
	 */
	@Test
	void correctionsRecordWhatTheyReplaced() throws Exception {
		clock.set(LocalDateTime.of(2075, 3, 10, 9, 0));
		long plan = save(notice(2075));
		WorkPlans.TaskLine task = plans.get(DataScope.region("3205"), plan).tasks().get(3);
		assertThat(task.departments()).containsExactly("市场监管处");
		drafts.updateTask(user("sz.market"), task.id(), "改写后的任务内容", LocalDate.of(2075, 12, 31));
		AuditEvent edit = latest("WorkTask", task.id(), "workplan.task.edit");
		assertThat(edit.beforeState()).contains("许可核查办结时限压减至8个工作日").contains(task.dueOn().toString());
		assertThat(edit.afterState()).contains("改写后的任务内容");

		assertThat(progress.report(user("sz.market"), task.id(), "第一次填报的进展", 30, List.of())).as("filed").isFalse();
		assertThat(latest("WorkTask", task.id(), "workplan.progress").beforeState()).isNull();
		// the second report of the month replaces the first explicitly: said so, the earlier percentage in the summary
		assertThat(progress.report(user("sz.market"), task.id(), "更正后的进展", 40, List.of())).as("updated").isTrue();
		AuditEvent corrected = latest("WorkTask", task.id(), "workplan.progress");
		assertThat(corrected.summary()).contains("更新").contains("原填报30%，现为40%");
		assertThat(corrected.beforeState()).contains("第一次填报的进展").contains("30");
		assertThat(corrected.afterState()).contains("更正后的进展").contains("40");

		long draft = save(withoutNumber(2075).replace("示范市邮政管理局", "示范区邮政管理局"));
		WorkPlans.Plan head = plans.get(DataScope.region("3205"), draft);
		drafts.updateHead(user("sz.market"), draft, head.title(), "新的总体要求", head.targets());
		AuditEvent edited = latest("WorkPlan", draft, "workplan.edit");
		assertThat(edited.beforeState()).contains(head.overallRequirement());
		assertThat(edited.afterState()).contains("新的总体要求");
	}

	/**
	 * A department that leads tasks and has no accounts (left or moved) may be deactivated: the plan, its board and the
	 * task keep its name.
	 */
	@Test
	void aDepartmentLeadingTasksIsDeactivatedAndThePlanStillShowsIt() throws Exception {
		clock.set(LocalDateTime.of(2076, 3, 10, 9, 0));
		String unit = "临时牵头专班" + System.nanoTime() % 100000;
		long plan = plans.save(user("sz.admin"), notice(2076).replace("市邮政业安全中心", unit), Map.of(), Set.of(unit));
		long id = departments.ofBureau(user("sz.admin").bureauId()).stream().filter(d -> d.name().equals(unit))
			.mapToLong(DepartmentView::id).findFirst().orElseThrow();
		departments.deactivate(DataScope.region("3205"), id);
		MockHttpSession leader = SignIn.session(mvc, "sz.admin");
		mvc.perform(get("/workplans/" + plan).session(leader)).andExpect(status().isOk())
			.andExpect(content().string(containsString(unit)));
		mvc.perform(get("/workplans/" + plan + "/board").session(leader)).andExpect(status().isOk())
			.andExpect(content().string(containsString(unit)));
	}

	/**
	 * One 文号 names one plan of the bureau: a copied plan published under the 文号 of the plan it was copied from, or a
	 * second notice imported with the 文号 of one imported before, is refused with 409 on {@code documentNumber},
	 * nothing changed; the preview says so first.
	 */
	@Test
	void aDocumentNumberIsUsedOnceInTheBureau() throws Exception {
		clock.set(LocalDateTime.of(2081, 3, 10, 9, 0));
		CurrentUser market = user("sz.market");
		long first = save(withoutNumber(2081));
		drafts.publish(market, first, "苏邮管〔2081〕7号", LocalDate.of(2081, 2, 20));
		long copy = drafts.copyToNextYear(market, first);
		assertThatThrownBy(() -> drafts.publish(market, copy, "苏邮管〔2081〕7号", LocalDate.of(2081, 3, 1)))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(e -> e.field() + "/" + e.rule()).containsExactly("documentNumber/unique"));
		// written otherwise (spaces, half-width brackets), the same 文号
		mvc.perform(post("/workplans/" + copy + "/publish").session(SignIn.session(mvc, "sz.market")).with(csrf())
			.param("documentNumber", "苏邮管[2081] 7号").param("documentDate", "2081-03-01"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("已用于本局的工作计划")));
		assertThat(plans.get(DataScope.region("3205"), copy).draft()).isTrue();
		drafts.publish(market, copy, "苏邮管〔2081〕8号", LocalDate.of(2081, 3, 1));
		// a second notice with the 文号 of one imported before
		long numbered = save(notice(2081));
		String other = notice(2081).replace("示范市邮政管理局", "示范区邮政管理局");
		mvc.perform(post("/workplans/import").session(SignIn.session(mvc, "sz.market")).with(csrf()).param("text", other))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("确认导入将被拒绝：文号示邮管〔2081〕3号已用于本局的工作计划")));
		assertThatThrownBy(() -> save(other)).isInstanceOfSatisfying(DomainException.class,
				ex -> assertThat(ex.fieldErrors()).extracting(e -> e.field()).containsExactly("documentNumber"));
		assertThat(plans.get(DataScope.region("3205"), numbered).documentNumber()).isEqualTo("示邮管〔2081〕3号");
	}

	/**
	 * Attack round 21: a draft published with 文号 〔2027〕 and no 印发日期 was accepted in 2026 — published without a
	 * date, a plan is issued today, so its 文号 states today's year.
	 */
	@Test
	void aPlanPublishedWithoutADateStatesTodaysYearInItsNumber() throws Exception {
		clock.set(LocalDateTime.of(2061, 12, 5, 9, 0));
		CurrentUser market = user("sz.market");
		long plan = save(withoutNumber(2062));
		assertThatThrownBy(() -> drafts.publish(market, plan, "苏邮管〔2062〕2号", null))
			.satisfies(ex -> refused(ex, "documentNumber/year"));
		mvc.perform(post("/workplans/" + plan + "/publish").session(SignIn.session(mvc, "sz.market")).with(csrf())
			.param("documentNumber", "苏邮管〔2062〕2号"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("未填印发日期")));
		assertThat(plans.get(DataScope.region("3205"), plan).draft()).isTrue();
		drafts.publish(market, plan, "苏邮管〔2061〕2号", null);
		assertThat(plans.get(DataScope.region("3205"), plan).draft()).isFalse();
	}

	/**
	 * A plan is 印发 on a day that has come, and takes progress for the months of its year and the year after only
	 * (attack round 19: the 2027 plan was published in December 2026 dated 2027-11-30, and a report of 2026-12 made one
	 * of its tasks 已完成 before its year began).
	 */
	@Test
	void aPlanIsNotIssuedAheadOfTodayNorReportedOnOutsideItsYears() throws Exception {
		clock.set(LocalDateTime.of(2056, 12, 5, 9, 0));
		CurrentUser market = user("sz.market");
		long plan = save(withoutNumber(2057));
		assertThatThrownBy(() -> drafts.publish(market, plan, "苏邮管〔2057〕1号", LocalDate.of(2057, 11, 30)))
			.satisfies(ex -> refused(ex, "documentDate/future"));
		mvc.perform(post("/workplans/" + plan + "/publish").session(SignIn.session(mvc, "sz.market")).with(csrf())
			.param("documentNumber", "苏邮管〔2057〕1号").param("documentDate", "2057-11-30"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("印发日期（2057年11月30日）不能晚于今天（2056年12月5日）")));
		assertThat(plans.get(DataScope.region("3205"), plan).draft()).isTrue();
		// a notice imported with its 文号 is published as it is: its date line may not lie ahead either
		assertThatThrownBy(() -> save(notice(2057).replace("示范市邮政管理局", "示范区邮政管理局")))
			.satisfies(ex -> refused(ex, "text/future"));
		mvc.perform(post("/workplans/import").session(SignIn.session(mvc, "sz.market")).with(csrf()).param("text", notice(2057)))
			.andExpect(content().string(containsString("确认导入将被拒绝：通知的印发日期（2057年2月20日）不能晚于今天（2056年12月5日）")));

		drafts.publish(market, plan, "苏邮管〔2056〕9号", LocalDate.of(2056, 12, 1));
		long four = plans.get(DataScope.region("3205"), plan).tasks().get(3).id();
		assertThatThrownBy(() -> progress.report(market, four, "提前完成", 100, List.of()))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(e -> e.field() + "/" + e.rule() + "/" + e.message())
				.containsExactly("month/plan-year/2057年度工作计划自2057年1月起填报进展，不能填报2056年12月的进展"));
		assertThatThrownBy(() -> progress.load(plan, List.of(new Progress.Recorded(four, market.departmentId(),
				YearMonth.of(2056, 12), "载入", 100, "测试")))).hasMessageContaining("自2057年1月起填报进展");
		assertThat(progress.reports(four)).isEmpty();
		assertThat(plans.get(DataScope.region("3205"), plan).tasks().get(3).status()).isEqualTo("NOT_STARTED");

		clock.set(LocalDateTime.of(2057, 1, 10, 9, 0));
		progress.report(market, four, "已启动", 20, List.of());
		// the year after the plan's: a task may be due then, an unfinished one is reported until done
		clock.set(LocalDateTime.of(2058, 12, 10, 9, 0));
		progress.report(market, four, "基本完成", 90, List.of());
		clock.set(LocalDateTime.of(2059, 1, 10, 9, 0));
		assertThatThrownBy(() -> progress.report(market, four, "补报", 100, List.of()))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(e -> e.field() + "/" + e.rule() + "/" + e.message())
				.containsExactly("month/plan-year/2057年度工作计划的进展填报截至2058年12月，不能填报2059年1月的进展"));
		assertThat(progress.reports(four)).extracting(Progress.Report::month).containsExactly("2058-12", "2057-01");
		// the order is deliberate: a completed task says so first (its state), the month outside the window after it
		clock.set(LocalDateTime.of(2058, 12, 20, 9, 0));
		progress.report(market, four, "已完成", 100, List.of());
		clock.set(LocalDateTime.of(2059, 1, 10, 9, 0));
		assertThatThrownBy(() -> progress.report(market, four, "补报", 100, List.of()))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(e -> e.field() + "/" + e.rule()).containsExactly("percent/task-done"));
		assertThat(progress.reports(four)).extracting(Progress.Report::percent).containsExactly(100, 20);
	}

	/**
	 * Attack: three simultaneous publications of one draft (page form, 文号 苏邮管〔2026〕99号) all answered 302 and wrote
	 * three workplan.publish events — the draft was read without a lock and the update did not require a draft. Now
	 * one publishes (one event) and the others are refused as a second publication is (422, 已印发).
	 */
	@Test
	void simultaneousPublicationsOfOneDraftPublishItOnce() throws Exception {
		clock.set(LocalDateTime.of(2093, 3, 10, 9, 0));
		long plan = save(withoutNumber(2093));
		MockHttpSession staff = SignIn.session(mvc, "sz.market");
		int callers = 3;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(callers);
		List<Integer> answers;
		try {
			List<Future<Integer>> running = new ArrayList<>();
			for (int i = 0; i < callers; i++) {
				running.add(pool.submit(() -> {
					start.await();
					return mvc.perform(post("/workplans/" + plan + "/publish").session(staff).with(csrf())
						.param("documentNumber", "苏邮管〔2093〕99号")).andReturn().getResponse().getStatus();
				}));
			}
			start.countDown();
			answers = new ArrayList<>();
			for (Future<Integer> f : running) {
				answers.add(f.get(60, TimeUnit.SECONDS));
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(answers).as("one published, the others refused").containsExactlyInAnyOrder(302, 422, 422);
		assertThat(audit.history(DataScope.region("3205"), "WorkPlan", plan).stream()
			.filter(e -> e.action().equals("workplan.publish"))).hasSize(1);
		assertThat(plans.get(DataScope.region("3205"), plan).documentNumber()).isEqualTo("苏邮管〔2093〕99号");
		// a later publication, one at a time, is refused the same way
		assertThatThrownBy(() -> drafts.publish(user("sz.market"), plan, "苏邮管〔2093〕100号", null))
			.isInstanceOf(DomainException.class).hasMessageContaining("已印发，不能重复印发");
		mvc.perform(post("/workplans/" + plan + "/publish").session(staff).with(csrf()).param("documentNumber", "苏邮管〔2093〕100号"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content().string(containsString("该工作计划已印发，不能重复印发")));
	}

	AuditEvent latest(String type, long id, String action) {
		return audit.history(DataScope.region("3205"), type, id).stream().filter(e -> e.action().equals(action))
			.findFirst().orElseThrow();
	}

	WorkPlans.TaskLine task(long plan, int index) {
		return plans.get(DataScope.region("3205"), plan).tasks().get(index);
	}

	/**
	 * Attack: a task's 完成时限 moved before today kept 未启动 on the board and in the exports until the 07:00 check, and
	 * one moved later kept 滞后. Now the correction sets the status in the same transaction, either way, audited as the
	 * check audits it.
	 */
	/**
	 * A plan's step by another bureau's staff was refused with Spring's bare denial (its own exception, not the
	 * project's): now the project's refusal (403) names the rule, as a task's steps do.
	 */
	@Test
	void anotherBureausStepOnAPlanIsRefusedNamingTheRule() throws Exception {
		clock.set(LocalDateTime.of(2098, 3, 10, 9, 0));
		long plan = save(notice(2098));
		mvc.perform(post("/workplans/" + plan + "/publish").header("Authorization", "Bearer demo-js-market-token")
			.param("documentNumber", "苏邮管〔2098〕1号"))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("只能管理本局的工作计划")));
	}

	@Test
	void aCorrectedTimeLimitSetsTheTasksStatusAtOnceEitherWay() throws Exception {
		clock.set(LocalDateTime.of(2064, 3, 10, 9, 0));
		long plan = save(notice(2064));
		WorkPlans.TaskLine task = task(plan, 3);
		assertThat(task.status()).isEqualTo("NOT_STARTED");

		drafts.updateTask(user("sz.market"), task.id(), task.text(), LocalDate.of(2064, 3, 9));
		assertThat(task(plan, 3).status()).as("due yesterday: lagging now").isEqualTo("LAGGING");
		assertThat(audit.history(DataScope.region("3205"), "WorkTask", task.id()))
			.anySatisfy(e -> assertThat(e.action() + e.summary()).startsWith("workplan.status").contains("转为滞后"));

		drafts.updateTask(user("sz.market"), task.id(), task.text(), LocalDate.of(2064, 6, 30));
		assertThat(task(plan, 3).status()).as("due later again").isEqualTo("NOT_STARTED");

		// attack: another department's report was refused as a broken rule (422), after its fields (400 for a percentage
		// of 999): it is a refusal of who reports (403), decided before the fields, and the page offers no form
		assertThatThrownBy(() -> progress.report(user("sz.universal"), task.id(), "代填", 10, List.of()))
			.isInstanceOf(AccessRefusedException.class).hasMessageContaining("只能填报本处室负责的任务进展");
		assertThatThrownBy(() -> progress.report(user("sz.universal"), task.id(), "", 999, List.of()))
			.isInstanceOf(AccessRefusedException.class);
		mvc.perform(post("/workplans/tasks/" + task.id() + "/progress").session(SignIn.session(mvc, "sz.universal")).with(csrf())
			.param("text", "代填").param("percent", "10"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute(org.youguan.kernel.PageSteps.REFUSED_STATUS, 403))
			.andExpect(mvcResult -> assertThat(String.valueOf(mvcResult.getFlashMap().get("errors"))).contains("只能填报本处室负责的任务进展"));
		mvc.perform(post("/workplans/tasks/" + task.id() + "/progress").session(SignIn.session(mvc, "sz.universal")).with(csrf())
			.param("text", "代填").param("percent", "999"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute(org.youguan.kernel.PageSteps.REFUSED_STATUS, 403));
		// the province's staff do not manage the city's plan: refused before the date is read
		mvc.perform(post("/workplans/tasks/" + task.id()).header("Authorization", "Bearer demo-js-market-token")
			.param("text", "改").param("dueOn", "2064-13-45"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/workplans/tasks/" + task.id()).session(SignIn.session(mvc, "sz.universal")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"progress-form\""))));
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
					assertThat(e.message()).contains("完成时限（2067年2月28日）早于计划的印发日期（2067年3月1日）");
				}));

		long plan = save(notice(2067));
		WorkPlans.TaskLine task = task(plan, 3);
		assertThatThrownBy(() -> drafts.updateTask(user("sz.market"), task.id(), task.text(), LocalDate.of(2067, 2, 19)))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(e -> e.field() + "/" + e.rule() + "/" + e.message())
				.containsExactly("dueOn/before-issue/完成时限（2067年2月19日）早于计划的印发日期（2067年2月20日），完成时限不能早于印发日期"));
		mvc.perform(post("/workplans/tasks/" + task.id()).session(SignIn.session(mvc, "sz.market")).with(csrf())
			.param("text", task.text()).param("dueOn", "2067-02-19"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("完成时限（2067年2月19日）早于计划的印发日期（2067年2月20日）")));
		assertThat(task(plan, 3).dueOn()).isEqualTo(task.dueOn());

		// a draft (no 印发日期 yet) takes the date; its publication under a later date is refused, naming the task
		long draft = save(withoutNumber(2067).replace("示范市邮政管理局", "示范区邮政管理局"));
		WorkPlans.TaskLine drafted = task(draft, 3);
		drafts.updateTask(user("sz.market"), drafted.id(), drafted.text(), LocalDate.of(2067, 2, 28));
		assertThatThrownBy(() -> drafts.publish(user("sz.market"), draft, "示邮管〔2067〕30号", LocalDate.of(2067, 3, 1)))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(e -> e.field() + "/" + e.rule() + "/" + e.message())
				.containsExactly("documentDate/before-issue/第" + drafted.number()
						+ "项任务的完成时限（2067年2月28日）早于计划的印发日期（2067年3月1日），完成时限不能早于印发日期"));
		drafts.publish(user("sz.market"), draft, "示邮管〔2067〕30号", LocalDate.of(2067, 2, 27));
		assertThat(task(draft, 3).status()).as("published, due before today: lagging at once").isEqualTo("LAGGING");
	}

	/**
	 * Finding 1 (duties): any writer of the bureau rewrote any task of an issued plan — the 普遍服务处 the 市场监管处's
	 * task, a 配合 department the lead's. Now an issued plan's task is corrected only by the department that answers for
	 * it (its 牵头处室; each department of a shared task; any of a task of all departments) or the bureau's
	 * administrators, others refused 403 naming who may, before the fields are read, on the page as in the service; a
	 * draft stays its bureau's staff's to prepare.
	 */
	@Test
	void anIssuedPlansTaskIsCorrectedOnlyByTheDepartmentAnsweringForItOrTheAdministrators() throws Exception {
		clock.set(LocalDateTime.of(2085, 3, 10, 9, 0));
		long plan = save(notice(2085).replace("(市场监管处牵头)", "（市场监管处牵头，普遍服务处配合）"));
		WorkPlans.TaskLine led = task(plan, 3);
		assertThat(led.departments()).containsExactly("市场监管处", "普遍服务处");
		for (String other : List.of("sz.universal", "sz.office")) {
			assertThatThrownBy(() -> drafts.updateTask(user(other), led.id(), "他处改写", LocalDate.of(2085, 12, 31)))
				.as(other).isInstanceOf(AccessRefusedException.class)
				.hasMessageContaining("第4项任务只能由负责该任务的处室（市场监管处）或本局管理员修改");
		}
		// refused before the fields: a date that is none is not told to whoever may not correct the task
		mvc.perform(post("/workplans/tasks/" + led.id()).session(SignIn.session(mvc, "sz.universal")).with(csrf())
			.param("text", "他处改写").param("dueOn", "2085-13-45"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute(org.youguan.kernel.PageSteps.REFUSED_STATUS, 403))
			.andExpect(mvcResult -> assertThat(String.valueOf(mvcResult.getFlashMap().get("errors"))).contains("只能由负责该任务的处室（市场监管处）"));
		mvc.perform(get("/workplans/tasks/" + led.id()).session(SignIn.session(mvc, "sz.universal")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"task-form\""))));
		assertThat(task(plan, 3).text()).isEqualTo(led.text());
		mvc.perform(get("/workplans/tasks/" + led.id()).session(SignIn.session(mvc, "sz.market")))
			.andExpect(content().string(containsString("id=\"task-form\"")));
		drafts.updateTask(user("sz.market"), led.id(), "牵头处室改写", LocalDate.of(2085, 11, 30));
		drafts.updateTask(user("sz.admin"), led.id(), "管理员改写", LocalDate.of(2085, 11, 30));
		assertThat(task(plan, 3).text()).isEqualTo("管理员改写");
		// a shared task: each department sharing it; a task of all departments: any department of the bureau
		WorkPlans.TaskLine shared = task(plan, 5);
		assertThat(shared.departments()).containsExactly("市场监管处", "办公室");
		drafts.updateTask(user("sz.office"), shared.id(), shared.text(), LocalDate.of(2085, 10, 31));
		assertThatThrownBy(() -> drafts.updateTask(user("sz.universal"), shared.id(), shared.text(), LocalDate.of(2085, 10, 31)))
			.isInstanceOf(AccessRefusedException.class).hasMessageContaining("（市场监管处、办公室）");
		WorkPlans.TaskLine everyone = task(plan, 12);
		assertThat(everyone.allDepartments()).isTrue();
		drafts.updateTask(user("sz.universal"), everyone.id(), everyone.text(), LocalDate.of(2085, 9, 30));
		// a draft is its bureau's staff's to prepare, whichever department a task names
		long draft = save(withoutNumber(2085).replace("示范市邮政管理局", "示范区邮政管理局"));
		drafts.updateTask(user("sz.universal"), task(draft, 3).id(), "草稿中改写", LocalDate.of(2085, 12, 31));
		assertThat(task(draft, 3).text()).isEqualTo("草稿中改写");
	}

	/**
	 * A work plan's texts — a task imported from a notice or corrected, a month's progress — are printed on the plan and
	 * exported item by item, so they are held to the one rule of document text as leads, plans, witnesses and branch
	 * names are (no value beginning as a spreadsheet formula, also behind a zero-width character, BOM or tab; rule
	 * {@code formula}), and nothing of a refused step is saved.
	 */
	@Test
	void aNoticeWhoseTaskBeginsAsAFormulaIsNotImported() throws Exception {
		clock.set(LocalDateTime.of(2094, 3, 10, 9, 0));
		for (String task : List.of("=HYPERLINK(\"http://evil.example\",\"点击\")", "@SUM(1+1)开展检查", "+1+1开展检查",
				"\u200B=HYPERLINK(\"x\")", "\uFEFF-2+3cmd")) {
			String text = notice(2094).replace("开展作风建设专项整治。", task + "。");
			assertThatThrownBy(() -> save(text)).as(task).satisfies(ex -> refused(ex, "text/formula"));
		}
		assertThat(plans.list(DataScope.region("3205"))).as("nothing saved").noneMatch(p -> p.year() == 2094);
	}

	@Test
	void aTaskCorrectionOrAProgressReportBeginningAsAFormulaIsRefused() throws Exception {
		clock.set(LocalDateTime.of(2097, 3, 10, 9, 0));
		long plan = save(notice(2097));
		WorkPlans.TaskLine task = plans.get(DataScope.region("3205"), plan).tasks().get(3);
		for (String typed : List.of("-2+3cmd", "=1+1", "\t@SUM(A1)进展")) {
			assertThatThrownBy(() -> drafts.updateTask(user("sz.market"), task.id(), typed, LocalDate.of(2097, 12, 31)))
				.as(typed).satisfies(ex -> refused(ex, "text/formula"));
			assertThatThrownBy(() -> progress.report(user("sz.market"), task.id(), typed, 30, List.of()))
				.as(typed).satisfies(ex -> refused(ex, "text/formula"));
		}
		assertThat(plans.get(DataScope.region("3205"), plan).tasks().get(3).text()).isEqualTo(task.text());
		assertThat(progress.latest(plan)).doesNotContainKey(task.id());
		// a text that merely holds a minus or a number is no formula
		drafts.updateTask(user("sz.market"), task.id(), "-1楼快递驿站改造", LocalDate.of(2097, 12, 31));
		progress.report(user("sz.market"), task.id(), "完成30%", 30, List.of());
		assertThat(progress.latest(plan)).containsKey(task.id());
	}
}
