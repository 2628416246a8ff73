package org.youguan.inspections;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;
import org.youguan.registry.Enterprises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 双随机 means random objects and random inspectors: a drawn target's check is recorded in the plan's period, by the team
 * the draw gave it (an extra inspector only when free of the plan's frozen conflicts), by the plan's bureau or one above
 * it — the field record form refuses anything else naming the field, and the plan's results take no other inspection,
 * however it was recorded (attack round 20: a check before the period by two inspectors not drawn, one of them excluded
 * as a conflict, was accepted and published beside the drawn team; a county's import supplied a city plan's result).
 */
@IntegrationTest
class DrawnCheckIntegrationTest {

	static final String WUZHONG = "Bearer demo-wz-staff-token";

	static final String CITY = "Bearer demo-sz-admin-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDirectory directory;

	@Autowired
	InspectionPlans plans;

	@Autowired
	InspectionRecords records;

	@Autowired
	Inspectors inspectors;

	@Autowired
	InspectionItems items;

	@Autowired
	Enterprises enterprises;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	/**
	 * Sixty days ahead, so the plan's period holds no 双随机 inspection of the demo company that other tests recorded in
	 * the shared database around today (one by the drawn team would be the target's result before this test's own).
	 */
	@BeforeEach
	void quietPeriod() {
		clock.set(LocalDateTime.now(clock).plusDays(60).withHour(10));
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	String sf() {
		return directory.principal("sf.wz").map(CurrentUser::enterpriseCreditCode).orElseThrow();
	}

	static String tag() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	/**
	 * A published plan of {@code user}'s bureau over the Wuzhong enterprises of the demo company's brand, every one of
	 * them drawn (so the demo company is a target), its period from 5 days ago to 20 days ahead. Just before the freeze
	 * the company is inspected by 32050603 and 32050604, so the previous inspection's team is among its conflicts.
	 */
	InspectionPlan publishedPlan(String user) {
		CurrentUser me = directory.principal(user).orElseThrow();
		LocalDate today = LocalDate.now(clock);
		long wuzhong = directory.principal("wz.staff").orElseThrow().bureauId();
		tx.executeWithoutResult(s -> records.record(DataScope.region("320506"), wuzhong, new InspectionRecordData(sf(),
				today.toString(), "SPECIAL", List.of("REAL_NAME"), List.of(member("32050603"), member("32050604")),
				"INTERVIEW", "约谈（" + tag() + "）", null, null), false, false));
		Long brand = enterprises.findByCreditCode(sf()).orElseThrow().brandId();
		DataScope scope = me.scope();
		long id = plans.create(scope, me.bureauId(), me.regionCode(), me.displayName(), new InspectionPlans.PlanData(
				"抽中人员检查" + tag(), today.minusDays(5), today.plusDays(20), List.of("REAL_NAME"), "320506", null,
				RandomDraw.MAX_TARGETS, null, null, 2, "ENTERPRISE", brand, null), false);
		plans.freeze(scope, id);
		plans.recordSeed(scope, id, "DRAWN-TEAM-" + id, me.displayName(), "吴文书");
		plans.draw(scope, id);
		plans.publish(scope, id);
		return plans.get(scope, id);
	}

	/** A second draw of a plan drawn already is told so, not to record a seed the plan has. */
	@Test
	void aSecondDrawIsToldThePlanIsDrawnAlready() {
		InspectionPlan plan = publishedPlan("wz.staff");
		DataScope scope = directory.principal("wz.staff").orElseThrow().scope();
		assertThatThrownBy(() -> plans.draw(scope, plan.id()))
			.isInstanceOf(DomainException.class)
			.hasMessageContaining("该计划已完成随机抽取，不能再次抽取")
			.hasMessageNotContaining("须先记录随机种子");
	}

	InspectionPlan.Target sfTarget(InspectionPlan plan) {
		return plans.targets(plan.id()).stream().filter(t -> t.enterpriseCreditCode().equals(sf())).findFirst().orElseThrow();
	}

	InspectionPlans.ResultState sfResult(InspectionPlan plan) {
		return plans.results(plan).stream().filter(r -> r.target().enterpriseCreditCode().equals(sf())).findFirst()
			.orElseThrow().state();
	}

	InspectionRecordData.TeamMember member(String certificate) {
		return new InspectionRecordData.TeamMember(inspectors.findByCertificate(certificate).orElseThrow().name(),
				certificate);
	}

	/** The field record form of a drawn target: every checklist line complies, no problem found. */
	ResultActions form(MockHttpSession session, InspectionPlan plan, LocalDate on, List<String> team) throws Exception {
		MockMultipartHttpServletRequestBuilder b = multipart("/inspections/records");
		b.session(session).with(csrf());
		b.param("draft", "").param("kind", "RANDOM").param("planId", String.valueOf(plan.id()))
			.param("enterpriseCreditCode", sf()).param("inspectedOn", on.toString()).param("inspectedAt", "10:00")
			.param("place", "吴中营业部").param("items", "REAL_NAME").param("findings", "无问题（" + tag() + "）")
			.param("representative", "王店长").param("outcome", "NONE")
			.param("signature", FieldRecordPagesIntegrationTest.signature())
			.param("inspector", team.toArray(String[]::new));
		InspectionItem realName = items.list(DataScope.all()).stream().filter(i -> i.code().equals("REAL_NAME"))
			.findFirst().orElseThrow();
		for (int i = 0; i < realName.checklist().size(); i++) {
			b.param("line.REAL_NAME." + i, "COMPLIANT");
		}
		return mvc.perform(b);
	}

	ResultActions imported(String token, LocalDate on, List<String> team) throws Exception {
		return imported(token, null, on, team);
	}

	/** A 双随机 record sent to the API, naming {@code plan} (null: no plan). */
	ResultActions imported(String token, InspectionPlan plan, LocalDate on, List<String> team) throws Exception {
		StringBuilder members = new StringBuilder();
		for (String c : team) {
			members.append(members.isEmpty() ? "" : ",").append("{\"name\":\"").append(member(c).name())
				.append("\",\"certificateNumber\":\"").append(c).append("\"}");
		}
		return mvc.perform(post("/api/v1/inspections/records").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"enterpriseCreditCode":"%s","inspectedOn":"%s","kind":"RANDOM","items":["REAL_NAME"],
					 "inspectors":[%s],"outcome":"NONE","findings":"导入（%s）","planId":%s}"""
				.formatted(sf(), on, members, tag(), plan == null ? "null" : plan.id())));
	}

	long count() {
		return jdbc.sql("SELECT count(*) FROM inspection_record").query(Long.class).single();
	}

	@Test
	void aDrawnTargetsCheckIsMadeInThePeriodByTheDrawnTeamFreeOfConflicts() throws Exception {
		InspectionPlan plan = publishedPlan("wz.staff");
		InspectionPlan.Target target = sfTarget(plan);
		List<String> drawn = target.certificates();
		List<String> conflicts = InspectionPlans.conflicts(InspectionPlans.lines(plan.conflicts()))
			.getOrDefault(target.targetKey(), java.util.Set.of()).stream()
			.filter(c -> !drawn.contains(c) && inspectors.findByCertificate(c).isPresent()).sorted().toList();
		assertThat(conflicts).as("the previous inspection's team is excluded from the target").isNotEmpty();
		String conflict = conflicts.get(0);
		String other = InspectionPlans.lines(plan.roster()).stream().map(l -> l.substring(0, l.indexOf('|')))
			.filter(c -> !drawn.contains(c) && !c.equals(conflict)).findFirst().orElseThrow();
		LocalDate today = LocalDate.now(clock);
		MockHttpSession wz = SignIn.session(mvc, "wz.staff");
		long before = count();

		// before the period, by the drawn team: refused on the day
		form(wz, plan, plan.periodFrom().minusDays(1), drawn).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("data-field=\"inspectedOn\"")))
			.andExpect(content().string(containsString("不在抽查计划的检查期间")));
		// in the period, by inspectors not drawn (one of them excluded as a conflict): refused on the team
		form(wz, plan, today, List.of(conflict, other)).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("data-field=\"inspectors\"")))
			.andExpect(content().string(containsString("随机抽中的执法人员")));
		// the drawn team and an extra inspector the plan excluded from this target: refused on the team
		List<String> withConflict = new ArrayList<>(drawn);
		withConflict.add(conflict);
		form(wz, plan, today, withConflict).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("回避关系")));
		assertThat(count()).as("nothing saved").isEqualTo(before);

		// 双随机 checks sent to the API are held to the same rule: refused on the field, nothing saved
		imported(WUZHONG, plan, today, List.of(conflict, other)).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("\"field\":\"inspectors\"")));
		imported(WUZHONG, plan, plan.periodFrom().minusDays(1), drawn).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("\"field\":\"inspectedOn\"")));
		List<String> extra = new ArrayList<>(drawn);
		extra.add(conflict);
		imported(WUZHONG, plan, today, extra).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("回避关系")));
		// and a 双随机 check naming no plan is no 双随机 check
		imported(WUZHONG, today, drawn).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("\"field\":\"planId\"")))
			.andExpect(content().string(containsString("须注明抽中该对象的抽查计划")));
		assertThat(count()).as("nothing saved").isEqualTo(before);
		assertThat(sfResult(plan)).isEqualTo(InspectionPlans.ResultState.NOT_INSPECTED);

		// the drawn team in the period: recorded for the plan, and its result is due
		String url = form(wz, plan, today, drawn).andExpect(redirectedUrlPattern("/inspections/records/*"))
			.andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
		assertThat(jdbc.sql("SELECT plan_id FROM inspection_record WHERE id = :id").param("id", id).query(Long.class).single())
			.isEqualTo(plan.id());
		InspectionPlans.TargetResult result = plans.results(plan).stream()
			.filter(r -> r.target().enterpriseCreditCode().equals(sf())).findFirst().orElseThrow();
		assertThat(result.state()).isEqualTo(InspectionPlans.ResultState.DUE);
		assertThat(result.inspectedOn()).isEqualTo(today);
	}

	/**
	 * A 吴中 record the city made for its city-wide plan is 吴中's to read, the plan is not: the county's record page names
	 * the plan by its name without the link that would answer 404; the city's page links it, its name the link's text.
	 */
	@Test
	void aCountyReadsARecordOfACityWidePlanWithoutALinkTo404() throws Exception {
		CurrentUser city = directory.principal("sz.admin").orElseThrow();
		LocalDate today = LocalDate.now(clock);
		String name = "全市计划" + tag();
		long plan = plans.create(city.scope(), city.bureauId(), city.regionCode(), city.displayName(),
				new InspectionPlans.PlanData(name, today.minusDays(5), today.plusDays(20), List.of("REAL_NAME"), "3205",
						null, RandomDraw.MAX_TARGETS, null, null, 2, "ENTERPRISE", enterprises.findByCreditCode(sf()).orElseThrow().brandId(),
						null), false);
		long record = tx.execute(s -> records.record(DataScope.region("3205"), city.bureauId(), new InspectionRecordData(sf(),
				today.toString(), "SPECIAL", List.of("REAL_NAME"), List.of(member("32050603"), member("32050604")),
				"INTERVIEW", "约谈（" + tag() + "）", null, null), false, false));
		// as a drawn check of the plan records it (the draw itself is not the question here)
		jdbc.sql("UPDATE inspection_record SET plan_id = :plan WHERE id = :id").param("plan", plan).param("id", record).update();
		String link = "/inspections/plans/" + plan + "\"";
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/inspections/records/" + record).header("Authorization", WUZHONG)).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(link))))
			.andExpect(content().string(containsString("id=\"plan-above\">" + name + "<")));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/inspections/plans/" + plan).header("Authorization", WUZHONG)).andExpect(status().isNotFound());
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/inspections/records/" + record).header("Authorization", CITY)).andExpect(status().isOk())
			.andExpect(content().string(containsString(link)))
			// the link reads the plan's name, not the menu's label of all plans
			.andExpect(content().string(containsString(">" + name + "</a>")));
	}

	@Test
	void aCityPlansTargetIsCheckedForTheCityOrAboveNotByTheCounty() throws Exception {
		InspectionPlan plan = publishedPlan("sz.admin");
		List<String> drawn = sfTarget(plan).certificates();
		LocalDate today = LocalDate.now(clock);

		// the plan's page offers 登记检查 and the plan's steps only to those whose posts pass (finding: a county's clerk
		// reading the city's plan was shown 登记检查 beside each target and then refused)
		String recordLink = "id=\"record-target-" + sfTarget(plan).rank() + "\"";
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/inspections/plans/" + plan.id())
				.header("Authorization", WUZHONG)).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(recordLink))))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"publish-results\""))));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/inspections/plans/" + plan.id())
				.header("Authorization", CITY)).andExpect(status().isOk())
			.andExpect(content().string(containsString(recordLink)))
			.andExpect(content().string(containsString("id=\"publish-results\"")));
		// the county sees the plan (its region is the county's) but does not record its targets' checks
		form(SignIn.session(mvc, "wz.staff"), plan, today, drawn).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("data-field=\"planId\"")))
			.andExpect(content().string(containsString("制定计划的单位")));
		// nor does its import of the drawn team's check become the city plan's result
		imported(WUZHONG, plan, today, drawn).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("制定计划的单位")));
		assertThat(sfResult(plan)).isEqualTo(InspectionPlans.ResultState.NOT_INSPECTED);

		// the city's own import of it does
		imported(CITY, plan, today, drawn).andExpect(status().isCreated());
		assertThat(sfResult(plan)).isEqualTo(InspectionPlans.ResultState.DUE);
	}

	/**
	 * A check dated inside the period but before the draw was no check of the draw (attack: the period began five days
	 * before the plan was drawn, and a visit made then by whoever happened to be the drawn team was taken as the result):
	 * refused on the day by the form and by the API, and never a result.
	 */
	@Test
	void aCheckBeforeTheDrawIsNoCheckOfTheDrawEvenInThePeriod() throws Exception {
		InspectionPlan plan = publishedPlan("wz.staff");
		List<String> drawn = sfTarget(plan).certificates();
		LocalDate today = LocalDate.now(clock);
		LocalDate beforeDraw = today.minusDays(2);
		assertThat(beforeDraw).as("inside the period").isAfterOrEqualTo(plan.periodFrom());
		long before = count();

		form(SignIn.session(mvc, "wz.staff"), plan, beforeDraw, drawn).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("data-field=\"inspectedOn\"")))
			.andExpect(content().string(containsString("早于抽查计划的抽取日期")));
		imported(WUZHONG, plan, beforeDraw, drawn).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("\"field\":\"inspectedOn\"")))
			.andExpect(content().string(containsString("早于抽查计划的抽取日期")));
		assertThat(count()).as("nothing saved").isEqualTo(before);
		assertThat(sfResult(plan)).isEqualTo(InspectionPlans.ResultState.NOT_INSPECTED);

		// on the day of the draw it is the target's check
		imported(WUZHONG, plan, today, drawn).andExpect(status().isCreated());
		assertThat(sfResult(plan)).isEqualTo(InspectionPlans.ResultState.DUE);
	}
}
