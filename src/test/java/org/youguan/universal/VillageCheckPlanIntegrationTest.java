package org.youguan.universal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.youguan.IntegrationTest;
import org.youguan.RandomLetters;
import org.youguan.SignIn;
import org.youguan.inspections.InspectionRecordData.TeamMember;
import org.youguan.inspections.RandomDraw;
import org.youguan.kernel.Actors;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.PageQuery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 通邮 check plans and the county map on the demo city: a random plan is the inspections module's draw, repeatable from
 * its snapshot and seed; criteria pick exactly the villages below the standard / not checked for N months / not directly
 * served; a planned village counts as checked by its ordinary check; a county plans, reads and maps only its own
 * villages, on the pages and through the API; the demo has a plan partly checked; refused profile and check forms
 * keep what the user typed.
 */
@IntegrationTest
class VillageCheckPlanIntegrationTest {

	static final DataScope CITY = DataScope.region("3205");

	static final String CITY_TOKEN = "Bearer demo-sz-admin-token";

	static final String WUZHONG = "Bearer demo-wz-staff-token";

	static final String LEADER = "Bearer demo-sz-leader-token";

	static final String POSTAL = "Bearer demo-yz-sz-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	VillageCheckPlans plans;

	@Autowired
	Villages villages;

	@Autowired
	VillageChecks checks;

	@Autowired
	VillageMap map;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	private List<VillageView> county(String code) {
		return villages.list(DataScope.all(), new Villages.Filter(code, null, false, false),
				new PageQuery("", 0, 20, "code", false).unpaged()).items();
	}

	private static VillageCheckPlanData random(String region, int count, String seed) {
		return new VillageCheckPlanData("2026年通邮抽查-" + UUID.randomUUID().toString().substring(0, 8), region, "RANDOM",
				false, null, false, count, seed);
	}

	@Test
	void aRandomPlanIsTheInspectionDrawAndRepeatsFromItsSnapshotSeedAndSecret() {
		long first = plans.create(CITY, null, random("320585", 6, "2026-通邮-种子-31"), false);
		VillageCheckPlan plan = plans.get(CITY, first);
		List<String> picked = plan.villages().stream().map(VillageCheckPlan.Planned::code).toList();
		assertThat(picked).hasSize(6).doesNotHaveDuplicates().allMatch(c -> c.startsWith("320585"));
		assertThat(plan.population()).isEqualTo(county("320585").size());
		// the secret drawn after the seed was given is kept with its commitment (shown once the draw is revealed)
		String secret = secretOf(first);
		assertThat(secret).hasSize(64);
		assertThat(plan.secretCommitment()).isEqualTo(RandomDraw.sha256(secret));
		// anyone repeats the draw from the published snapshot, seed and secret with the inspections module's algorithm
		String snapshot = plans.snapshot(CITY, first);
		assertThat(RandomDraw.sha256(snapshot)).isEqualTo(plan.snapshotHash());
		List<RandomDraw.Candidate> population = Arrays.stream(snapshot.split("\n")).map(RandomDraw.Candidate::parse).toList();
		assertThat(RandomDraw.rank(population, plan.seed(), secret, new RandomDraw.Sampling(6, null, null)).targets())
			.extracting(RandomDraw.Target::key)
			.containsExactlyElementsOf(picked);
		// and by hand: the six smallest SHA-256(seed ‖ secret ‖ code)
		String drawSeed = "2026-通邮-种子-31" + secret;
		assertThat(county("320585").stream().map(VillageView::code)
			.sorted((a, b) -> RandomDraw.sha256(drawSeed + a).compareTo(RandomDraw.sha256(drawSeed + b)))
			.limit(6).toList()).containsExactlyElementsOf(picked);
		// the seed alone does not decide: whoever typed it could not have tried it out beforehand — the same seed in
		// another plan meets another secret (the chance that twelve draws of 6 all agree is nil)
		List<List<String>> again = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			again.add(plans.get(CITY, plans.create(CITY, null, random("320585", 6, "2026-通邮-种子-31"), false)).villages()
				.stream().map(VillageCheckPlan.Planned::code).toList());
		}
		assertThat(again).anySatisfy(v -> assertThat(v).isNotEqualTo(picked));
		// a blank seed is drawn by the system and recorded
		assertThat(plans.get(CITY, plans.create(CITY, null, random("320585", 2, " "), false)).seed()).hasSize(16);
	}

	/** A plan's draw secret as kept (the API and the page withhold it until the draw is revealed). */
	private String secretOf(long plan) {
		return jdbc.sql("SELECT draw_secret FROM village_check_plan WHERE id = :id").param("id", plan).query(String.class)
			.single();
	}

	/**
	 * As a 双随机 plan's: the commitment is shown when the plan is drawn, the secret — which repeats the draw from the
	 * snapshot and the seed, telling its villages before they are checked — only once every drawn village is checked.
	 */
	@Test
	void aRandomPlansSecretIsShownOnlyOnceEveryDrawnVillageIsChecked() throws Exception {
		long id = plans.create(CITY, null, random("320585", 2, "reveal-" + RandomLetters.of(16)), false);
		VillageCheckPlan plan = plans.get(CITY, id);
		String secret = secretOf(id);
		LocalDate today = LocalDate.now(clock);
		int unchecked = uncheckedOn(plan, today);
		int other = 1 - unchecked;
		assertThat(plan.villages().get(unchecked).checked()).isFalse();
		assertThat(plan.drawSecret()).isNull();
		assertThat(plan.secretCommitment()).isEqualTo(RandomDraw.sha256(secret));
		MockHttpSession session = SignIn.session(mvc, "sz.universal");
		mvc.perform(get("/api/v1/universal/plans/" + id).header("Authorization", CITY_TOKEN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.secret").isEmpty())
			.andExpect(jsonPath("$.secretCommitment").value(RandomDraw.sha256(secret)))
			.andExpect(content().string(not(containsString(secret))));
		mvc.perform(get("/universal/plans/" + id).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("plan-secret-withheld")))
			.andExpect(content().string(containsString(RandomDraw.sha256(secret))))
			.andExpect(content().string(not(containsString(secret))));
		// one village checked: still withheld
		if (!plan.villages().get(other).checked()) {
			record(plan.villages().get(other).code(), today);
		}
		assertThat(plans.get(CITY, id).drawSecret()).isNull();
		// every drawn village checked: the secret is shown and hashes to the commitment
		record(plan.villages().get(unchecked).code(), today);
		assertThat(plans.get(CITY, id).drawSecret()).isEqualTo(secret);
		mvc.perform(get("/api/v1/universal/plans/" + id).header("Authorization", CITY_TOKEN))
			.andExpect(jsonPath("$.secret").value(secret));
		mvc.perform(get("/universal/plans/" + id).session(session))
			.andExpect(content().string(containsString("id=\"plan-secret\"")))
			.andExpect(content().string(containsString(secret)));
		// the audit of the plan's making keeps the commitment, not the secret
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE object_type = 'VillageCheckPlan' AND object_id = :id"
				+ " AND CAST(after_state AS text) LIKE :secret").param("id", Long.toString(id)).param("secret", "%" + secret + "%")
			.query(Long.class).single()).isZero();
	}

	/** Records a check of the village on the day (as the county's staff record one). */
	private void record(String village, LocalDate day) {
		checks.record(CITY, null, new VillageCheckData(village, day.toString(), "DIRECT", 5, true, true, null,
				List.of(new TeamMember("郑监管", "32050001"), new TeamMember("冯安全", "32050002")), null), false);
	}

	@Test
	void aPlanMadeWithNoOneSignedInShowsItsMakerAsSystemInChinese() throws Exception {
		long id = plans.create(CITY, null, random("320585", 2, "job-" + RandomLetters.of(16)), false);
		VillageCheckPlan plan = plans.get(CITY, id);
		// the stored stamp stays "system" (existing rows, the API); the page reads 系统
		assertThat(plan.createdBy()).isEqualTo(Actors.SYSTEM);
		mvc.perform(get("/universal/plans/" + id).session(SignIn.session(mvc, "sz.universal")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(ChineseText.day(plan.plannedOn()) + " 系统")))
			.andExpect(content().string(not(containsString(ChineseText.day(plan.plannedOn()) + " system"))));
	}

	@Test
	void criteriaPickExactlyTheVillagesTheyName() {
		List<VillageView> all = county("320582");
		LocalDate today = LocalDate.now(clock);
		// make the criteria bite: one village below the standard (3 a week), one checked today
		String low = all.get(3).code();
		villages.saveProfile(CITY, new VillageProfileData(low, "VILLAGE_POST", 1, null, null, "村邮站", "张家港某村村邮站",
				null), false);
		String fresh = all.get(5).code();
		checks.record(CITY, null, new VillageCheckData(fresh, today.toString(), "DIRECT", 5, true, true, null,
				List.of(new TeamMember("郑监管", "32050001"), new TeamMember("冯安全", "32050002")), null), false);
		all = county("320582");
		Set<String> below = all.stream().filter(VillageView::belowStandard).map(VillageView::code).collect(Collectors.toSet());
		assertThat(below).contains(low);
		LocalDate since = today.minusMonths(6);
		Set<String> unchecked = all.stream().filter(v -> v.lastCheckedOn() == null || !v.lastCheckedOn().isAfter(since))
			.map(VillageView::code).collect(Collectors.toSet());
		assertThat(unchecked).doesNotContain(fresh);
		Set<String> notDirect = all.stream().filter(v -> v.deliveryMode() != DeliveryMode.DIRECT).map(VillageView::code)
			.collect(Collectors.toSet());

		assertThat(codes(criteria(true, null, false))).isEqualTo(below);
		assertThat(codes(criteria(false, 6, false))).isEqualTo(unchecked);
		assertThat(codes(criteria(false, null, true))).isEqualTo(notDirect).contains(low);
		Set<String> both = notDirect.stream().filter(unchecked::contains).collect(Collectors.toSet());
		assertThat(codes(criteria(false, 6, true))).isEqualTo(both);
		// a number takes the longest unchecked first; a random draw among the criteria stays inside them
		VillageCheckPlan two = plans.get(CITY, plans.create(CITY, null,
				new VillageCheckPlanData("两个", "320582", "CRITERIA", false, 6, false, 2, null), false));
		assertThat(two.villages()).hasSize(2);
		assertThat(plans.population("320582", false, 6, false, today)).startsWith(two.villages().stream()
			.map(VillageCheckPlan.Planned::code).toArray(String[]::new));
		VillageCheckPlan drawn = plans.get(CITY, plans.create(CITY, null,
				new VillageCheckPlanData("抽", "320582", "RANDOM", false, null, true, 3, "s"), false));
		assertThat(drawn.population()).isEqualTo(notDirect.size());
		assertThat(drawn.villages()).extracting(VillageCheckPlan.Planned::code).allMatch(notDirect::contains);
		// criteria without any criterion, and no village to pick, are refused
		assertThatThrownBy(() -> plans.create(CITY, null,
				new VillageCheckPlanData("空", "320582", "CRITERIA", false, null, false, null, null), false))
			.isInstanceOf(InvalidValueException.class).hasMessageContaining("请至少选择一个条件");
		assertThatThrownBy(() -> plans.create(CITY, null,
				new VillageCheckPlanData("无", fresh, "CRITERIA", false, 6, false, null, null), false))
			.isInstanceOf(DomainException.class).hasMessageContaining("没有符合所选条件的建制村");
		assertThatThrownBy(() -> plans.create(CITY, null,
				new VillageCheckPlanData(" ", "99", "RANDOM", false, 0, false, null, null), false))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.formErrors())
				.extracting(e -> e.field())
				.contains("name", "regionCode", "uncheckedMonths", "sampleCount"));
	}

	private VillageCheckPlanData criteria(boolean below, Integer months, boolean notDirect) {
		return new VillageCheckPlanData("按条件-" + UUID.randomUUID().toString().substring(0, 8), "320582", "CRITERIA", below,
				months, notDirect, null, null);
	}

	private Set<String> codes(VillageCheckPlanData data) {
		return plans.get(CITY, plans.create(CITY, null, data, false)).villages().stream()
			.map(VillageCheckPlan.Planned::code)
			.collect(Collectors.toSet());
	}

	/**
	 * The first of the plan's villages no other test has checked on {@code day} (a village is checked once a day, and
	 * the draw's secret is new each time: any village of the county may be drawn).
	 */
	int uncheckedOn(VillageCheckPlan plan, LocalDate day) {
		int k = 0;
		while (jdbc.sql("SELECT count(*) FROM village_check WHERE village_code = :v AND checked_on = :on")
			.param("v", plan.villages().get(k).code()).param("on", day).query(Long.class).single() > 0) {
			k++;
		}
		return k;
	}

	@Test
	void aPlannedVillageIsCheckedByItsOrdinaryCheckOnThePlansPages() throws Exception {
		MockHttpSession session = SignIn.session(mvc, "sz.universal");
		MvcResult made = mvc.perform(post("/universal/plans").session(session).with(csrf())
			.param("name", "第二季度通邮抽查").param("regionCode", "320581").param("method", "RANDOM")
			.param("sampleCount", "3").param("seed", "Q2-常熟"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String page = made.getResponse().getRedirectedUrl();
		long id = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
		VillageCheckPlan plan = plans.get(CITY, id);
		assertThat(plan.checked()).isZero();
		String village = plan.villages().get(uncheckedOn(plan, LocalDate.now(clock))).code();
		mvc.perform(post("/universal/villages/" + village + "/checks").session(session).with(csrf())
			.param("checkedOn", LocalDate.now(clock).toString()).param("deliveryMode", "DIRECT")
			.param("deliveriesObserved", "5").param("handoverRecords", "true").param("standardDelivery", "false")
			.param("findings", "未按频次投递").param("inspector", "32050001", "32050002"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get(page).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("1 / 3")))
			.andExpect(content().string(containsString(plan.snapshotHash())));
		mvc.perform(get("/universal/plans").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("第二季度通邮抽查")));
		mvc.perform(get(page + "/snapshot.txt").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(village)));
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE object_type = 'VillageCheckPlan' AND object_id = :id")
			.param("id", Long.toString(id)).query(Long.class).single()).isEqualTo(1);
		// refused: the form comes back with what was typed
		mvc.perform(post("/universal/plans").session(session).with(csrf())
			.param("name", "漏填数量的计划").param("regionCode", "320581").param("method", "RANDOM").param("seed", "我的种子"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("随机抽取时请填写抽取数量")))
			.andExpect(content().string(containsString("value=\"漏填数量的计划\"")))
			.andExpect(content().string(containsString("value=\"我的种子\"")));
	}

	@Test
	void aCountyPlansReadsAndMapsOnlyItsVillages() throws Exception {
		long xiangcheng = plans.create(CITY, null, random("320507", 2, "x"), false);
		MockHttpSession wuzhong = SignIn.session(mvc, "wz.staff");
		mvc.perform(get("/universal/plans/" + xiangcheng).session(wuzhong)).andExpect(status().isNotFound());
		mvc.perform(get("/universal/plans/" + xiangcheng + "/snapshot.txt").session(wuzhong)).andExpect(status().isNotFound());
		mvc.perform(get("/universal/plans").session(wuzhong))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/universal/plans/" + xiangcheng + "\""))));
		mvc.perform(post("/universal/plans").session(wuzhong).with(csrf())
			.param("name", "越界").param("regionCode", "320507").param("method", "RANDOM").param("sampleCount", "2"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("行政区划")));
		// a 500-character name beside unreadable numbers: every bad field named at once, nothing saved
		long before = jdbc.sql("SELECT count(*) FROM village_check_plan").query(Long.class).single();
		mvc.perform(post("/universal/plans").session(wuzhong).with(csrf())
			.param("name", "长".repeat(500)).param("regionCode", "320506").param("method", "RANDOM")
			.param("sampleCount", "abc").param("uncheckedMonths", "x"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("计划名称不能超过100个字符")))
			.andExpect(content().string(containsString("抽取数量应为")))
			.andExpect(content().string(containsString("未检查月数应为")));
		assertThat(jdbc.sql("SELECT count(*) FROM village_check_plan").query(Long.class).single()).isEqualTo(before);
		// not there (404) to the module API too, as on the page — never a 400 on the region
		assertThatThrownBy(() -> plans.create(DataScope.region("320506"), null, random("320507", 2, "x"), false))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.NOT_FOUND));
		mvc.perform(post("/universal/plans").session(wuzhong).with(csrf())
			.param("name", "吴中抽查").param("regionCode", "320506").param("method", "RANDOM").param("sampleCount", "2"))
			.andExpect(status().is3xxRedirection());
		// the map: its own county, never another
		mvc.perform(get("/universal/map").session(wuzhong))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"village-map\"")))
			.andExpect(content().string(containsString("吴中区")));
		// another county refused (403) as every region filter refuses it; its own in full-width digits or the 12-digit
		// statistical form is its own; what is no county's code is a 400 naming county (attack: all three were 404)
		mvc.perform(get("/universal/map").param("county", "320507").session(wuzhong)).andExpect(status().isForbidden());
		assertThatThrownBy(() -> map.county(DataScope.region("320506"), "320507")).isInstanceOf(AccessRefusedException.class);
		mvc.perform(get("/universal/map").param("county", "３２０５０６").session(wuzhong)).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"village-map\"")));
		mvc.perform(get("/universal/map").param("county", "320506000000").session(wuzhong)).andExpect(status().isOk());
		mvc.perform(get("/universal/map").param("county", "abc").session(wuzhong)).andExpect(status().isBadRequest());
		assertThatThrownBy(() -> map.county(DataScope.region("320506"), "abc"))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.formErrors().get(0).field()).isEqualTo("county"));
		// the postal enterprise has no plans or map
		MockHttpSession postal = SignIn.session(mvc, "yz.sz");
		mvc.perform(get("/universal/plans").session(postal)).andExpect(status().isForbidden());
		mvc.perform(get("/universal/map").session(postal)).andExpect(status().isForbidden());
	}

	/** The seed is published with the plan and retyped to repeat the draw: no hidden character, no personal number. */
	@Test
	void aSeedWithAHiddenCharacterOrAPersonalNumberIsRefused() throws Exception {
		for (String[] seed : new String[][] { { "a\u200bb", "invisible-character" },
				{ "32050619900115123X", "personal-number" } }) {
			mvc.perform(post("/api/v1/universal/plans").header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name":"种子检查%s","regionCode":"320506","method":"RANDOM","sampleCount":2,"seed":"%s"}"""
					.formatted(seed[1], seed[0])))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("seed"))
				.andExpect(jsonPath("$.errors[0].rule").value(seed[1]));
		}
		// the name is shown on the plan's page and its API: no personal number either
		mvc.perform(post("/api/v1/universal/plans").header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"联系人13912345678","regionCode":"320506","method":"RANDOM","sampleCount":2}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("name"))
			.andExpect(jsonPath("$.errors[0].rule").value("personal-number"));
	}

	/**
	 * A plan is drawn when made: drawing the same villages again under another name (a re-roll) shows on each random
	 * plan's page and API answer as the other random draws of the year over an overlapping region; a plan chosen by
	 * criteria lists none.
	 */
	@Test
	void aRandomPlanShowsTheOtherDrawsOfItsRegionsYear() throws Exception {
		String tag = Long.toString(System.nanoTime(), 36);
		long first = make("{\"name\":\"重抽甲" + tag + "\",\"regionCode\":\"320506\",\"method\":\"RANDOM\",\"sampleCount\":2}");
		long city = make("{\"name\":\"重抽市" + tag + "\",\"regionCode\":\"3205\",\"method\":\"RANDOM\",\"sampleCount\":2}");
		long other = make("{\"name\":\"重抽他区" + tag + "\",\"regionCode\":\"320507\",\"method\":\"RANDOM\",\"sampleCount\":2}");
		long second = make("{\"name\":\"重抽乙" + tag + "\",\"regionCode\":\"320506\",\"method\":\"RANDOM\",\"sampleCount\":2}");
		long criteria = make("{\"name\":\"重抽条件" + tag + "\",\"regionCode\":\"320506\",\"method\":\"CRITERIA\","
				+ "\"notDirect\":false,\"uncheckedMonths\":120,\"sampleCount\":2}");
		String answer = mvc.perform(get("/api/v1/universal/plans/" + second).header("Authorization", CITY_TOKEN))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		List<Number> ids = JsonPath.read(answer, "$.otherDraws[*].id");
		assertThat(ids.stream().map(Number::longValue).toList()).contains(first, city).doesNotContain(second, other, criteria);
		assertThat((List<Object>) JsonPath.read(answer, "$.otherDraws[?(@.id == " + first + ")].villages")).containsExactly(2);
		mvc.perform(get("/universal/plans/" + second).header("Authorization", CITY_TOKEN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"plan-other-draws\"")))
			.andExpect(content().string(containsString("重抽甲" + tag)))
			.andExpect(content().string(not(containsString("重抽他区" + tag))));
		// a county does not see the city's plan among them
		String county = mvc.perform(get("/api/v1/universal/plans/" + second).header("Authorization", WUZHONG))
			.andReturn().getResponse().getContentAsString();
		List<Number> seen = JsonPath.read(county, "$.otherDraws[*].id");
		assertThat(seen.stream().map(Number::longValue).toList()).contains(first).doesNotContain(city);
		mvc.perform(get("/api/v1/universal/plans/" + criteria).header("Authorization", CITY_TOKEN))
			.andExpect(jsonPath("$.otherDraws.length()").value(0));
	}

	private long make(String json) throws Exception {
		String made = mvc.perform(post("/api/v1/universal/plans").header("Authorization", CITY_TOKEN)
			.contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(made, "$.id")).longValue();
	}

	@Test
	void thePlansApiListsReadsAndMakesPlansInTheCallersRegion() throws Exception {
		MvcResult made = mvc.perform(post("/api/v1/universal/plans").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"接口抽查","regionCode":"320506","method":"RANDOM","sampleCount":3,"seed":"api-种子"}"""))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", startsWith("/api/v1/universal/plans/")))
			.andReturn();
		long id = ((Number) JsonPath.read(made.getResponse().getContentAsString(), "$.id")).longValue();
		VillageCheckPlan plan = plans.get(CITY, id);
		assertThat(plan.villages()).hasSize(3).allMatch(v -> v.code().startsWith("320506"));
		// the same draw as anyone repeats from the seed and the secret: the three smallest SHA-256(seed ‖ secret ‖ code)
		String drawSeed = "api-种子" + secretOf(id);
		assertThat(plan.villages()).extracting(VillageCheckPlan.Planned::code).containsExactlyElementsOf(county("320506")
			.stream().map(VillageView::code)
			.sorted((a, b) -> RandomDraw.sha256(drawSeed + a).compareTo(RandomDraw.sha256(drawSeed + b)))
			.limit(3).toList());
		mvc.perform(get("/api/v1/universal/plans/" + id).header("Authorization", WUZHONG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("接口抽查"))
			.andExpect(jsonPath("$.method").value("RANDOM"))
			.andExpect(jsonPath("$.seed").value("api-种子"))
			.andExpect(jsonPath("$.secret").isEmpty())
			.andExpect(jsonPath("$.secretCommitment").value(RandomDraw.sha256(secretOf(id))))
			.andExpect(jsonPath("$.snapshotHash").value(plan.snapshotHash()))
			.andExpect(jsonPath("$.villages.length()").value(3))
			.andExpect(jsonPath("$.villages[0].code").value(plan.villages().get(0).code()))
			.andExpect(jsonPath("$.villages[0].checked").value(plan.villages().get(0).checked()));
		// a check recorded on or after the plan's day: that village is checked under the plan
		LocalDate today = LocalDate.now(clock);
		int k = uncheckedOn(plan, today);
		String first = plan.villages().get(k).code();
		long check = checks.record(CITY, null, new VillageCheckData(first, today.toString(), "DIRECT", 5, true,
				true, null, List.of(new TeamMember("郑监管", "32050001"), new TeamMember("冯安全", "32050002")), null), false);
		mvc.perform(get("/api/v1/universal/plans/" + id).header("Authorization", WUZHONG))
			.andExpect(jsonPath("$.villages[" + k + "].checked").value(true))
			.andExpect(jsonPath("$.villages[" + k + "].checkedOn").value(today.toString()))
			.andExpect(jsonPath("$.checked").value(plans.get(CITY, id).checked()));
		assertThat(plans.get(CITY, id).villages().get(k).checkId()).isNotNull();
		assertThat(check).isPositive();
		// the list: the county's plans only, this one among them, with its counts
		long own = jdbc.sql("SELECT count(*) FROM village_check_plan WHERE region_code LIKE '320506%'").query(Long.class).single();
		mvc.perform(get("/api/v1/universal/plans").param("size", "200").header("Authorization", WUZHONG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(own))
			.andExpect(jsonPath("$.items[*].regionCode").value(everyItem(startsWith("320506"))))
			.andExpect(jsonPath("$.items[?(@.id == " + id + ")].villages").value(contains(3)))
			.andExpect(jsonPath("$.items[?(@.id == " + id + ")].name").value(contains("接口抽查")));
		mvc.perform(get("/api/v1/universal/plans").param("q", "接口抽查").header("Authorization", LEADER))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].id").value(id));

		// refused as the page refuses: 400 naming the fields; no village matching: 422
		mvc.perform(post("/api/v1/universal/plans").header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":" ","regionCode":"320506","method":"RANDOM"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("name", "sampleCount")))
			.andExpect(content().string(containsString("随机抽取时请填写抽取数量")));
		mvc.perform(post("/api/v1/universal/plans").header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"无","regionCode":"%s","method":"CRITERIA","uncheckedMonths":6}""".formatted(first)))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("没有符合所选条件的建制村")));
		// another county: its plan is not found, planning there is a form error, the list leaves it out
		long xiangcheng = plans.create(CITY, null, random("320507", 2, "api-相城"), false);
		mvc.perform(get("/api/v1/universal/plans/" + xiangcheng).header("Authorization", WUZHONG))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/universal/plans/" + xiangcheng).header("Authorization", CITY_TOKEN))
			.andExpect(status().isOk());
		mvc.perform(post("/api/v1/universal/plans").header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"越界","regionCode":"320507","method":"RANDOM","sampleCount":2}"""))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("行政区划")));
		mvc.perform(get("/api/v1/universal/plans").param("size", "200").header("Authorization", WUZHONG))
			.andExpect(jsonPath("$.items[?(@.id == " + xiangcheng + ")]").isEmpty());
		// a leader reads but does not plan; the postal enterprise has no plans
		mvc.perform(post("/api/v1/universal/plans").header("Authorization", LEADER).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"领导","regionCode":"3205","method":"RANDOM","sampleCount":2}"""))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/universal/plans").header("Authorization", POSTAL)).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/universal/plans/" + id).header("Authorization", POSTAL)).andExpect(status().isForbidden());
	}

	@Test
	void aSecondPlanOfTheSameNameInTheRegionIsRefusedOnThePageAndTheApi() throws Exception {
		String plan = """
				{"name":"2026年第三季度通邮抽查","regionCode":"320506","method":"RANDOM","sampleCount":4,"seed":"Q3-吴中"}""";
		mvc.perform(post("/api/v1/universal/plans").header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content(plan))
			.andExpect(status().isCreated());
		long before = jdbc.sql("SELECT count(*) FROM village_check_plan").query(Long.class).single();
		// the same region and name: 409 naming the rule, nothing saved
		mvc.perform(post("/api/v1/universal/plans").header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content(plan))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("name"))
			.andExpect(jsonPath("$.errors[0].rule").value("unique"))
			.andExpect(content().string(containsString("同一区域的计划名称不能重复")));
		mvc.perform(post("/universal/plans").session(SignIn.session(mvc, "wz.staff")).with(csrf())
			.param("name", " 2026年第三季度通邮抽查 ").param("regionCode", "320506").param("method", "RANDOM")
			.param("sampleCount", "4").param("seed", "Q3-吴中"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("同一区域的计划名称不能重复")))
			.andExpect(content().string(containsString("value=\" 2026年第三季度通邮抽查 \"")));
		assertThat(jdbc.sql("SELECT count(*) FROM village_check_plan").query(Long.class).single()).isEqualTo(before);
		// other villages under the same name are refused as well (a duplicate name, whatever the draw); another name is
		// another plan
		mvc.perform(post("/api/v1/universal/plans").header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content(plan.replace("Q3-吴中", "Q3-吴中-补充")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
		// the name compared as every twin rule compares a text (Text.textKey): punctuation and brackets aside
		mvc.perform(post("/api/v1/universal/plans").header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content(plan.replace("第三季度通邮抽查", "第三季度（通邮抽查）")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
		mvc.perform(post("/api/v1/universal/plans").header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content(plan.replace("第三季度通邮抽查", "第三季度·通邮抽查。")))
			.andExpect(status().isConflict());
		mvc.perform(post("/api/v1/universal/plans").header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content(plan.replace("第三季度", "第三季度复查")))
			.andExpect(status().isCreated());
	}

	@Test
	void theCheckFormTakesAnyNumberOfCertifiedInspectorsWithoutScript() throws Exception {
		// a village with a profile (so a serving postal enterprise) not checked today
		String village = jdbc.sql("""
				SELECT p.village_code FROM village_profile p WHERE p.village_code LIKE '320506%' AND NOT EXISTS (
				    SELECT 1 FROM village_check c WHERE c.village_code = p.village_code AND c.checked_on = :today)
				ORDER BY p.village_code OFFSET 5 LIMIT 1""").param("today", LocalDate.now(clock)).query(String.class).single();
		MockHttpSession staff = SignIn.session(mvc, "sz.universal");
		String page = mvc.perform(get("/universal/villages/" + village).session(staff))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		// one checkbox per certified inspector of the roster over the village, however many
		int offered = page.split("type=\"checkbox\" name=\"inspector\"", -1).length - 1;
		assertThat(offered).isGreaterThanOrEqualTo(4);
		assertThat(page).contains("value=\"32050601\"", "value=\"32050602\"", "value=\"32050001\"", "value=\"32050002\"");
		mvc.perform(post("/universal/villages/" + village + "/checks").session(staff).with(csrf())
			.param("checkedOn", LocalDate.now(clock).toString()).param("deliveryMode", "DIRECT")
			.param("deliveriesObserved", "5").param("handoverRecords", "true").param("standardDelivery", "true")
			.param("inspector", "32050601", "32050602", "32050001", "32050002"))
			.andExpect(status().is3xxRedirection());
		VillageCheck check = checks.ofVillage(CITY, village).get(0);
		assertThat(check.inspectorCount()).isEqualTo(4);
		assertThat(jdbc.sql("SELECT count(*) FROM inspection_record_inspector WHERE record_id = :r")
			.param("r", check.inspectionRecordId()).query(Long.class).single()).isEqualTo(4);
	}

	@Test
	void theDemoHasARandomPlanOfWuzhongWithThreeVillagesCheckedUnderIt() {
		VillageCheckPlans.Summary demo = plans.list(DataScope.region("320506")).stream()
			.filter(p -> p.name().endsWith("年吴中区建制村通邮随机抽查"))
			.findFirst()
			.orElseThrow();
		VillageCheckPlan plan = plans.get(DataScope.region("320506"), demo.id());
		assertThat(plan.random()).isTrue();
		assertThat(plan.seed()).isEqualTo("2026-吴中-通邮抽查");
		assertThat(plan.population()).isEqualTo(county("320506").size());
		assertThat(plan.villages()).hasSize(10);
		assertThat(plan.villages().subList(0, 3)).allMatch(VillageCheckPlan.Planned::checked);
		assertThat(plan.villages().subList(0, 3)).extracting(VillageCheckPlan.Planned::standardDelivery)
			.containsExactly(true, false, true);
		// its checks are among the demo's 60 villages checked this year
		assertThat(jdbc.sql("SELECT count(DISTINCT village_code) FROM village_check WHERE demo").query(Long.class).single())
			.isEqualTo(60);
	}

	@Test
	void theMapColoursEveryVillageOfTheCountyByFrequencyAndLastCheck() {
		VillageMap.CountyMap m = map.county(CITY, "320508");
		List<VillageView> all = county("320508");
		assertThat(m.points()).hasSize(all.size());
		assertThat(m.counts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(all.size());
		LocalDate lately = LocalDate.now(clock).minusMonths(12);
		for (VillageView v : all) {
			VillageMap.Status expected = !v.registered() ? VillageMap.Status.UNREGISTERED
					: v.belowStandard() ? VillageMap.Status.BELOW_STANDARD
					: Boolean.FALSE.equals(v.lastCheckStandard()) ? VillageMap.Status.NOT_STANDARD
					: v.lastCheckedOn() == null || v.lastCheckedOn().isBefore(lately) ? VillageMap.Status.UNCHECKED
					: VillageMap.Status.GOOD;
			assertThat(m.points().stream().filter(p -> p.code().equals(v.code())).findFirst().orElseThrow().status())
				.as(v.code()).isEqualTo(expected);
		}
		// one column per street, in code order
		assertThat(m.streets()).hasSize((int) all.stream().map(v -> v.code().substring(0, 9)).distinct().count());
		assertThat(m.points().get(0).column()).isZero();
		assertThat(m.points().get(0).row()).isZero();
	}

	@Test
	void refusedProfileAndCheckFormsKeepWhatTheUserTyped() throws Exception {
		String village = county("320505").get(2).code();
		MockHttpSession staff = SignIn.session(mvc, "sz.universal");
		mvc.perform(post("/universal/villages/" + village + "/checks").session(staff).with(csrf())
			.param("checkedOn", "2026-02-03").param("deliveryMode", "VILLAGE_POST").param("deliveriesObserved", "4")
			.param("handoverRecords", "false").param("standardDelivery", "false").param("findings", "交接登记缺页三处")
			.param("inspector", "32050001"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("现场检查人员不得少于两人")))
			.andExpect(content().string(containsString("value=\"交接登记缺页三处\"")))
			.andExpect(content().string(containsString("value=\"32050001\" checked=\"checked\"")))
			.andExpect(content().string(containsString("value=\"2026-02-03\"")))
			.andExpect(content().string(containsString("value=\"VILLAGE_POST\" selected")));
		mvc.perform(post("/universal/villages/" + village + "/profile").session(staff).with(csrf())
			.param("deliveryMode", "OTHER").param("deliveriesPerWeek", "30").param("postOfficeName", "姑苏某邮政支局")
			.param("handoverType", "小卖部"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("每周投递频次应在0至14次之间")))
			.andExpect(content().string(containsString("value=\"姑苏某邮政支局\"")))
			.andExpect(content().string(containsString("value=\"30\"")))
			.andExpect(content().string(containsString("value=\"小卖部\"")));
		assertThat(villages.get(DataScope.all(), village).postOfficeName()).isNotEqualTo("姑苏某邮政支局");
		// the enterprise's portal form alike
		String own = villages.list(DataScope.enterprise(villages.get(DataScope.all(), village).enterpriseCreditCode()),
				new Villages.Filter("320505", null, false, false), new PageQuery("", 0, 5, "code", false)).items().get(0).code();
		mvc.perform(post("/enterprise/villages/" + own + "/profile").session(SignIn.session(mvc, "yz.sz")).with(csrf())
			.param("deliveryMode", "POSTAL_SHOP").param("deliveriesPerWeek", "5").param("postOfficeName", "沧浪邮政所"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("交接点地址")))
			.andExpect(content().string(containsString("value=\"沧浪邮政所\"")))
			.andExpect(content().string(containsString("value=\"POSTAL_SHOP\" selected")));
	}

	@Test
	void aPlanNameDifferingOnlyInWidthOrSpacesIsTheSamePlan() {
		String s = UUID.randomUUID().toString().substring(0, 6);
		plans.create(CITY, null, new VillageCheckPlanData("2026Q2通邮抽查" + s, "320585", "RANDOM", false, null, false, 3,
				"folded-" + s), false);
		assertThatThrownBy(() -> plans.create(CITY, null, new VillageCheckPlanData("２０２６ｑ２ 通邮抽查" + s, "320585", "RANDOM",
				false, null, false, 3, "folded-" + s), false))
			.isInstanceOfSatisfying(DomainException.class, ex -> {
				assertThat(ex.code().status()).isEqualTo(409);
				assertThat(ex.fieldErrors()).extracting(FieldError::field).containsExactly("name");
			});
	}

	@Test
	void aPlanNameTypedWithWideOrDoubledSpacesIsStoredWithOneAndTheSamePlanTypedOtherwiseIsRefused() {
		String s = UUID.randomUUID().toString().substring(0, 6);
		long id = plans.create(CITY, null, new VillageCheckPlanData("通邮\u3000\u3000抽查  " + s, "320585", "RANDOM", false,
				null, false, 3, "names-" + s), false);
		assertThat(plans.get(CITY, id).name()).isEqualTo("通邮 抽查 " + s);
		assertThatThrownBy(() -> plans.create(CITY, null, new VillageCheckPlanData("通邮 抽查\u3000" + s, "320585", "RANDOM",
				false, null, false, 3, "names-" + s), false))
			.isInstanceOf(DomainException.class)
			.hasMessageContaining("已有名称为“通邮 抽查 " + s + "”");
	}
}
