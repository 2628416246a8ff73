package org.youguan.inspections;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import net.minidev.json.JSONValue;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.IntegrationTest;
import org.youguan.kernel.Rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attack round 5 on the 双随机 draw: the operator chose the seed after the population was public and tried seeds until
 * one drew the enterprises wanted. Now the server draws a secret when the population is frozen and shows only its
 * commitment until the draw; the draw uses seed ‖ secret; the secret is revealed after it and the public verification
 * checks it against the commitment. Plans frozen before (no secret) still verify. The anonymous verification is
 * bounded (its cost grew as N²), and the plan's steps name what refuses them.
 */
@IntegrationTest
class InspectionDrawCommitmentIntegrationTest {

	static final String WUZHONG = "Bearer demo-wz-staff-token";

	static final String CITY = "Bearer demo-sz-admin-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	ResultActions call(String path, String json) throws Exception {
		return mvc.perform(post(path).header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content(json == null ? "" : json));
	}

	ResultActions verify(Object request) throws Exception {
		return mvc.perform(post("/api/v1/public/inspections/draw/verify").contentType(MediaType.APPLICATION_JSON)
			.content(request instanceof String s ? s : JSONValue.toJSONString(request)));
	}

	static String json(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString();
	}

	long plan(int teamSize) throws Exception {
		String created = json(call("/api/v1/inspections/plans", """
				{"name":"承诺抽查%s","periodFrom":"2026-10-01","periodTo":"2026-12-31","items":["REAL_NAME"],
				 "regionCode":"320506","sampleCount":3,"teamSize":%d}""".formatted(UUID.randomUUID(), teamSize))
			.andExpect(status().isCreated()));
		return ((Number) JsonPath.read(created, "$.id")).longValue();
	}

	/** Freezes the plan and records the seed: the plan's API path. */
	String seeded(long id, String seed) throws Exception {
		String base = "/api/v1/inspections/plans/" + id;
		call(base + "/freeze", null).andExpect(status().isOk());
		call(base + "/seed", "{\"seed\":\"" + seed + "\",\"witnesses\":\"吴文书\"}").andExpect(status().isOk());
		return base;
	}

	/**
	 * Every target's result of plan {@code id} stands as published (a check of no problem, today): what
	 * {@link InspectionPlans#publishResults} writes, for the tests of what a revealed draw shows — a check recorded by
	 * the drawn team is {@code InspectionDrawRevealIntegrationTest}'s.
	 */
	void resultsPublished(long id) {
		jdbc.sql("""
				UPDATE inspection_plan_target SET result_inspected_on = current_date, result_outcome = 'NONE',
				    result_published_on = current_date WHERE plan_id = :id""").param("id", id).update();
	}

	String storedSecret(long id) {
		return jdbc.sql("SELECT draw_secret FROM inspection_plan WHERE id = :id").param("id", id).query(String.class).single();
	}

	/**
	 * The witnesses are people, checked as the project splits people's names ({@code Text.personNames}), never at a
	 * space: "王 普服" is one witness, so a hidden character in the next name is told as the second witness's, and a name
	 * with a space inside is recorded as typed.
	 */
	@Test
	void witnessesAreSplitAsPeopleNeverAtASpace() throws Exception {
		long id = plan(2);
		String base = "/api/v1/inspections/plans/" + id;
		call(base + "/freeze", null).andExpect(status().isOk());
		call(base + "/seed", "{\"seed\":\"WZ-见证-1\",\"witnesses\":\"王 普服、李\u200B四\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("witnesses"))
			.andExpect(jsonPath("$.errors[0].rule").value("invisible-character"))
			.andExpect(jsonPath("$.errors[0].message", containsString("见证人第2个姓名")));
		call(base + "/seed", "{\"seed\":\"WZ-见证-1\",\"witnesses\":\"王 普服、吴文书\"}").andExpect(status().isOk());
		assertThat(jdbc.sql("SELECT seed_witnesses FROM inspection_plan WHERE id = :id").param("id", id).query(String.class)
			.single()).isEqualTo("王 普服、吴文书");
	}

	@Test
	void theCommitmentIsShownAtFreezingTheSecretOnlyAfterTheDrawAndTheVerificationChecksIt() throws Exception {
		long id = plan(2);
		String base = "/api/v1/inspections/plans/" + id;
		String frozen = json(call(base + "/freeze", null).andExpect(status().isOk()));
		String secret = storedSecret(id);
		String commitment = JsonPath.read(frozen, "$.plan.secretCommitment");
		assertThat(secret).matches("[0-9a-f]{64}");
		assertThat(commitment).isEqualTo(RandomDraw.sha256(secret));
		assertThat((String) JsonPath.read(frozen, "$.plan.committedAt")).isNotNull();
		// before the draw nobody reads the secret: not the API, not the plan's page
		assertThat(frozen).doesNotContain(secret);
		assertThat((Object) JsonPath.read(frozen, "$.plan.drawSecret")).isNull();
		mvc.perform(get("/inspections/plans/" + id).header("Authorization", WUZHONG))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(commitment)))
			.andExpect(content().string(not(containsString(secret))));

		String seeded = json(call(base + "/seed", "{\"seed\":\"WZ-承诺-1\",\"witnesses\":\"吴文书\"}").andExpect(status().isOk()));
		assertThat(seeded).doesNotContain(secret);
		// a second seed: the real reason, named
		call(base + "/seed", "{\"seed\":\"WZ-承诺-2\",\"witnesses\":\"吴文书\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("seed"))
			.andExpect(jsonPath("$.errors[0].rule").value("recorded"))
			.andExpect(content().string(containsString("随机种子已于")))
			.andExpect(content().string(not(containsString("须先冻结名单"))));

		String drawn = json(call(base + "/draw", null).andExpect(status().isOk())
			.andExpect(jsonPath("$.plan.drawSecret").value(secret)));
		// the draw is seed ‖ secret: repeated from the stored inputs with the secret it gives the targets, without it
		// (the seed alone, all the operator knew) it gives another draw
		InspectionPlan plan = planOf(id);
		RandomDraw.Result repeated = InspectionPlans.draw(plan);
		assertThat(repeated.targets()).extracting(RandomDraw.Target::key)
			.containsExactlyElementsOf(JsonPath.read(drawn, "$.targets[*].targetKey"));
		mvc.perform(get("/inspections/plans/" + id).header("Authorization", WUZHONG))
			.andExpect(content().string(containsString(secret)));
		call(base + "/publish", null).andExpect(status().isOk());

		// published, its results not: the public reads the commitment, not the secret, and cannot repeat the draw yet
		// (InspectionDrawRevealIntegrationTest)
		mvc.perform(get("/api/v1/public/inspections/plans").param("region", "320506"))
			.andExpect(jsonPath("$[?(@.id == " + id + ")].secretCommitment").value(hasItems(commitment)))
			.andExpect(content().string(not(containsString(secret))));
		verify("{\"planId\":" + id + "}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].rule").value("not-revealed"));
		resultsPublished(id);
		mvc.perform(get("/api/v1/public/inspections/plans").param("region", "320506"))
			.andExpect(jsonPath("$[?(@.id == " + id + ")].secretCommitment").value(hasItems(commitment)))
			.andExpect(jsonPath("$[?(@.id == " + id + ")].secret").value(hasItems(secret)));
		verify("{\"planId\":" + id + "}").andExpect(status().isOk()).andExpect(jsonPath("$.matchesPlan").value(true));

		Map<String, Object> inputs = JsonPath.read(json(mvc.perform(get("/api/v1/public/inspections/plans/" + id + "/draw"))
			.andExpect(jsonPath("$.secretCommitment").value(commitment))
			.andExpect(jsonPath("$.secret").value(secret))), "$");
		inputs.remove("ratioByClass");
		inputs.remove("snapshotHash");
		verify(inputs).andExpect(status().isOk()).andExpect(jsonPath("$.matchesPlan").value(true));
		// a wrong secret: refused naming it, for the plan and for a commitment given by the caller
		inputs.put("secret", RandomDraw.newSecret());
		verify(inputs).andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("secret"))
			.andExpect(jsonPath("$.errors[0].rule").value("commitment"));
		inputs.remove("planId");
		verify(inputs).andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("secret"));
		inputs.remove("secret");
		verify(inputs).andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("secret"))
			.andExpect(jsonPath("$.errors[0].rule").value("required"));
	}

	/** A plan frozen before secrets existed (none stored) draws and verifies by its seed alone, as it always did. */
	@Test
	void aPlanFrozenBeforeSecretsStillVerifiesByItsSeedAlone() throws Exception {
		long id = plan(2);
		String base = seeded(id, "WZ-旧计划");
		// seeded before V246: no secret stored
		jdbc.sql("UPDATE inspection_plan SET draw_secret = NULL, secret_commitment = NULL, committed_at = NULL WHERE id = :id")
			.param("id", id).update();
		String drawn = json(call(base + "/draw", null).andExpect(status().isOk()));
		call(base + "/publish", null).andExpect(status().isOk());
		InspectionPlan plan = planOf(id);
		assertThat(RandomDraw.draw(InspectionPlans.lines(plan.snapshot()).stream().map(RandomDraw.Candidate::parse).toList(),
				"WZ-旧计划", new RandomDraw.Sampling(3, null, null),
				InspectionPlans.lines(plan.roster()).stream().map(InspectionPlans::examiner).toList(),
				InspectionPlans.conflicts(InspectionPlans.lines(plan.conflicts())), 2).targets())
			.extracting(RandomDraw.Target::key)
			.containsExactlyElementsOf(JsonPath.read(drawn, "$.targets[*].targetKey"));
		// no secret to withhold: its seed and lists are, until its results are published
		mvc.perform(get("/api/v1/public/inspections/plans/" + id + "/draw"))
			.andExpect(jsonPath("$.seed").value(nullValue()))
			.andExpect(jsonPath("$.snapshot.length()").value(0))
			.andExpect(jsonPath("$.snapshotHash").value(plan.snapshotHash()));
		verify("{\"planId\":" + id + "}").andExpect(status().isConflict());
		resultsPublished(id);
		verify("{\"planId\":" + id + "}").andExpect(status().isOk()).andExpect(jsonPath("$.matchesPlan").value(true));
		Map<String, Object> inputs = JsonPath.read(json(mvc.perform(get("/api/v1/public/inspections/plans/" + id + "/draw"))
			.andExpect(jsonPath("$.secretCommitment").value(nullValue()))), "$");
		inputs.remove("ratioByClass");
		inputs.remove("snapshotHash");
		verify(inputs).andExpect(status().isOk()).andExpect(jsonPath("$.matchesPlan").value(true));
	}

	/**
	 * A plan frozen before V246 and not yet seeded gets its secret when the seed is recorded — after the seed was typed,
	 * so it is protected too; its commitment is shown from then on, its secret after the draw.
	 */
	@Test
	void aPlanFrozenBeforeSecretsGetsOneWithItsSeed() throws Exception {
		long id = plan(2);
		String base = "/api/v1/inspections/plans/" + id;
		call(base + "/freeze", null).andExpect(status().isOk());
		jdbc.sql("UPDATE inspection_plan SET draw_secret = NULL, secret_commitment = NULL, committed_at = NULL WHERE id = :id")
			.param("id", id).update();
		String seeded = json(call(base + "/seed", "{\"seed\":\"WZ-补密钥\",\"witnesses\":\"吴文书\"}").andExpect(status().isOk()));
		String secret = storedSecret(id);
		assertThat(secret).matches("[0-9a-f]{64}");
		assertThat((String) JsonPath.read(seeded, "$.plan.secretCommitment")).isEqualTo(RandomDraw.sha256(secret));
		assertThat(seeded).doesNotContain(secret);
		call(base + "/draw", null).andExpect(status().isOk()).andExpect(jsonPath("$.plan.drawSecret").value(secret));
		call(base + "/publish", null).andExpect(status().isOk());
	}

	/**
	 * Re-rolling by plans of one population: while a plan is drawn and not published, the next draw of an overlapping
	 * population (same object type and region, whatever period) is refused naming that plan (409
	 * {@code id}/{@code unpublished-draw}) and stays seeded; once the first is published the second draws. Another
	 * object type is no such population and draws meanwhile.
	 */
	@Test
	void aSecondDrawOfTheSamePopulationWaitsUntilTheFirstIsPublished() throws Exception {
		String first = seeded(plan(2), "WZ-重抽-1");
		String second = seeded(plan(2), "WZ-重抽-2");
		call(first + "/draw", null).andExpect(status().isOk());
		String firstId = first.substring(first.lastIndexOf('/') + 1);
		call(second + "/draw", null)
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("id"))
			.andExpect(jsonPath("$.errors[0].rule").value("unpublished-draw"))
			.andExpect(content().string(containsString("第" + firstId + "号计划")))
			.andExpect(content().string(containsString("请先公示该计划")));
		long secondId = Long.parseLong(second.substring(second.lastIndexOf('/') + 1));
		assertThat(planOf(secondId).status()).isEqualTo("SEEDED");
		assertThat(jdbc.sql("SELECT count(*) FROM inspection_plan_target WHERE plan_id = :id").param("id", secondId)
			.query(Integer.class).single()).isZero();

		String outlets = json(call("/api/v1/inspections/plans", """
				{"name":"承诺抽查网点%s","periodFrom":"2026-10-01","periodTo":"2026-12-31","items":["REAL_NAME"],
				 "regionCode":"320506","objectType":"OUTLET","sampleCount":2,"teamSize":2}""".formatted(UUID.randomUUID()))
			.andExpect(status().isCreated()));
		String other = seeded(((Number) JsonPath.read(outlets, "$.id")).longValue(), "WZ-网点");
		call(other + "/draw", null).andExpect(status().isOk());
		call(other + "/publish", null).andExpect(status().isOk());
		String earlier = json(call("/api/v1/inspections/plans", """
				{"name":"承诺抽查上半年%s","periodFrom":"2026-01-01","periodTo":"2026-06-30","items":["REAL_NAME"],
				 "regionCode":"320506","sampleCount":2,"teamSize":2}""".formatted(UUID.randomUUID()))
			.andExpect(status().isCreated()));
		// another period draws from the same registry: no way around (attack round 8: moving the period a day re-rolled)
		String otherPeriod = seeded(((Number) JsonPath.read(earlier, "$.id")).longValue(), "WZ-上半年");
		call(otherPeriod + "/draw", null).andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].rule").value("unpublished-draw"));

		call(first + "/publish", null).andExpect(status().isOk());
		call(second + "/draw", null).andExpect(status().isOk());
		call(second + "/publish", null).andExpect(status().isOk());
		call(otherPeriod + "/draw", null).andExpect(status().isOk());
		call(otherPeriod + "/publish", null).andExpect(status().isOk());
	}

	/**
	 * A county's draw refused for a city's plan drawn over it, which the county cannot open, names the bureau's region
	 * only, not the plan's number and name (attack round 12: "第6号计划“市…”" was read out to a county that gets 404 on it).
	 */
	@Test
	void aDrawRefusedForAPlanAboveNamesOnlyItsRegion() throws Exception {
		String name = "市级重叠抽查" + UUID.randomUUID().toString().replaceAll("[^a-f]", ""); // no digits a mobile could be read from
		String created = json(mvc.perform(post("/api/v1/inspections/plans").header("Authorization", CITY)
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"name":"%s","periodFrom":"2026-10-01","periodTo":"2026-12-31","items":["REAL_NAME"],
					 "regionCode":"3205","sampleCount":2,"teamSize":2}""".formatted(name)))
			.andExpect(status().isCreated()));
		String city = "/api/v1/inspections/plans/" + ((Number) JsonPath.read(created, "$.id")).longValue();
		for (String step : new String[] { "/freeze", "/seed" }) {
			mvc.perform(post(city + step).header("Authorization", CITY).contentType(MediaType.APPLICATION_JSON)
				.content(step.equals("/seed") ? "{\"seed\":\"SZ-重叠\",\"witnesses\":\"吴文书\"}" : ""))
				.andExpect(status().isOk());
		}
		String county = seeded(plan(2), "WZ-重叠");
		mvc.perform(post(city + "/draw").header("Authorization", CITY)).andExpect(status().isOk());
		try {
			call(county + "/draw", null)
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.errors[0].rule").value("unpublished-draw"))
				.andExpect(content().string(containsString("上级部门（区域代码3205）的一个抽查计划")))
				.andExpect(content().string(containsString("请联系该部门先行公示")))
				.andExpect(content().string(not(containsString(name))));
		}
		finally {
			mvc.perform(post(city + "/publish").header("Authorization", CITY)).andExpect(status().isOk());
		}
		call(county + "/draw", null).andExpect(status().isOk());
		call(county + "/publish", null).andExpect(status().isOk());
	}

	private InspectionPlan planOf(long id) {
		return jdbc.sql(InspectionPlans.COLUMNS + " WHERE p.id = :id").param("id", id)
			.query(Rows.of(InspectionPlan.class)).single();
	}

	/**
	 * The anonymous verification with the caller's own lists: over each cap a 400 naming the field and the rule, before
	 * any work; at the caps (20,000 snapshot lines, 2,000 roster lines, 500 targets) it answers the draw.
	 */
	@Test
	void theAnonymousVerificationIsCappedAndAtTheCapsItAnswers() throws Exception {
		List<String> snapshot = new ArrayList<>();
		for (int i = 0; i < 20_001; i++) {
			snapshot.add("OUTLET:" + i + "|未评定|3205" + (i % 10));
		}
		List<String> roster = new ArrayList<>();
		for (int i = 0; i < 2_001; i++) {
			roster.add("C" + i + "|3205" + (i % 10));
		}
		Map<String, Object> request = new HashMap<>(Map.of("snapshot", snapshot, "seed", "cap", "count", 500,
				"teamSize", 2, "roster", roster.subList(0, 2_000)));
		verify(request).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("snapshot"))
			.andExpect(jsonPath("$.errors[0].rule").value("max-lines"))
			.andExpect(content().string(containsString("最多20000行")));
		request.put("snapshot", snapshot.subList(0, 20_000));
		request.put("roster", roster);
		verify(request).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("roster"))
			.andExpect(jsonPath("$.errors[0].rule").value("max-lines"));
		request.put("roster", roster.subList(0, 2_000));
		request.put("count", 501);
		verify(request).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("count"))
			.andExpect(jsonPath("$.errors[0].rule").value("max-targets"));
		request.remove("count");
		request.put("ratio", 0.03);
		verify(request).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("ratio"))
			.andExpect(jsonPath("$.errors[0].rule").value("max-targets"));
		request.remove("ratio");
		request.put("count", 500);
		request.put("teamSize", 11);
		verify(request).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("teamSize"));
		request.put("teamSize", 2);
		// every text hashed is short: a seed of megabytes was hashed once per candidate (a minute of CPU)
		request.put("seed", "种".repeat(201));
		verify(request).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("seed"))
			.andExpect(jsonPath("$.errors[0].rule").value("max-length"));
		request.put("seed", "cap");
		List<String> longLine = new ArrayList<>(snapshot.subList(0, 10));
		longLine.set(3, "OUTLET:" + "9".repeat(300) + "|未评定|320506");
		request.put("snapshot", longLine);
		verify(request).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("snapshot"))
			.andExpect(jsonPath("$.errors[0].rule").value("max-length"))
			.andExpect(content().string(containsString("第4行")));
		// a malformed line names its list
		request.put("snapshot", snapshot.subList(0, 10));
		request.put("roster", List.of("C1"));
		verify(request).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("roster"))
			.andExpect(jsonPath("$.errors[0].rule").value("format"));
		request.put("roster", roster.subList(0, 2_000));
		request.put("snapshot", snapshot.subList(0, 20_000));
		verify(request).andExpect(status().isOk())
			.andExpect(jsonPath("$.population").value(20_000))
			.andExpect(jsonPath("$.targets.length()").value(500))
			.andExpect(jsonPath("$.targets[499].rank").value(500))
			.andExpect(jsonPath("$.targets[0].inspectors.length()").value(2));
	}

	/**
	 * Separation of duties: a witness watches the one who records the seed, so the operator (the caller, 陈吴中) cannot
	 * name himself among the witnesses — nor in another spacing or in traditional characters; nothing is recorded.
	 */
	@Test
	void theOperatorCannotWitnessHisOwnSeed() throws Exception {
		long id = plan(2);
		String base = "/api/v1/inspections/plans/" + id;
		call(base + "/freeze", null).andExpect(status().isOk());
		for (String witnesses : List.of("陈吴中", "吴文书、陳 吳中")) {
			call(base + "/seed", "{\"seed\":\"WZ-SELF-1\",\"witnesses\":\"" + witnesses + "\"}")
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("witnesses"))
				.andExpect(jsonPath("$.errors[0].rule").value("not-operator"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("操作人")));
		}
		assertThat(jdbc.sql("SELECT count(*) FROM inspection_plan WHERE id = :id AND seed IS NOT NULL").param("id", id)
			.query(Long.class).single()).as("nothing recorded").isZero();
		call(base + "/seed", "{\"seed\":\"WZ-SELF-1\",\"witnesses\":\"吴文书\"}").andExpect(status().isOk());
	}

	/**
	 * The seed is published and retyped to verify the draw: a hidden character (it would show as another seed) or a
	 * personal number is refused, as a line break in the witnesses; an unpublished plan is "未公开" to the public.
	 */
	@Test
	void theSeedIsOneVisibleLineWithoutPersonalNumbersAndTheWitnessesOneLine() throws Exception {
		long id = plan(2);
		String base = "/api/v1/inspections/plans/" + id;
		call(base + "/freeze", null).andExpect(status().isOk());
		call(base + "/seed", "{\"seed\":\"a\u200bb\",\"witnesses\":\"吴文书\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("seed"))
			.andExpect(jsonPath("$.errors[0].rule").value("invisible-character"));
		call(base + "/seed", "{\"seed\":\"13912345678\",\"witnesses\":\"吴文书\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("seed"))
			.andExpect(jsonPath("$.errors[0].rule").value("personal-number"));
		call(base + "/seed", "{\"seed\":\"ab\",\"witnesses\":\"张三\\n李四\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("witnesses"))
			.andExpect(jsonPath("$.errors[0].rule").value("line-break"));
		call(base + "/seed", "{\"seed\":\"ab\",\"witnesses\":\"张三13912345678\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("witnesses"))
			.andExpect(jsonPath("$.errors[0].rule").value("personal-number"));
		// the plan's name is published too
		call("/api/v1/inspections/plans", """
				{"name":"联系13912345678","periodFrom":"2026-10-01","periodTo":"2026-12-31","items":["REAL_NAME"],
				 "regionCode":"320506","sampleCount":3,"teamSize":2}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("name"))
			.andExpect(jsonPath("$.errors[0].rule").value("personal-number"));
		// a plan named so before the rule: its page and its API show the number masked, as the lists do
		jdbc.sql("UPDATE inspection_plan SET name = :name WHERE id = :id").param("name", "旧计划13912345678").param("id", id)
			.update();
		mvc.perform(get("/api/v1/inspections/plans/" + id).header("Authorization", WUZHONG)).andExpect(status().isOk())
			.andExpect(content().string(containsString("139****5678")))
			.andExpect(content().string(not(containsString("13912345678"))));
		mvc.perform(get("/inspections/plans/" + id).header("Authorization", WUZHONG)).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("13912345678"))));
		assertThat(jdbc.sql("SELECT count(*) FROM inspection_plan WHERE id = :id AND seed IS NOT NULL").param("id", id)
			.query(Long.class).single()).as("nothing recorded").isZero();
		call(base + "/seed", "{\"seed\":\"ab\",\"witnesses\":\"张三、李四\"}").andExpect(status().isOk());
		mvc.perform(get("/api/v1/public/inspections/plans/" + id + "/draw")).andExpect(status().isNotFound())
			.andExpect(content().string(containsString("未公开")))
			.andExpect(content().string(not(containsString("数据权限"))));
	}

	/** A draw short of inspectors names the roster and the rule; the period and the name are checked. */
	@Test
	void theStepsNameWhatRefusesThem() throws Exception {
		String base = seeded(plan(10), "WZ-十人");
		call(base + "/draw", null).andExpect(status().is(422))
			.andExpect(jsonPath("$.errors[0].field").value("roster"))
			.andExpect(jsonPath("$.errors[0].rule").value("too-few-inspectors"));

		call("/api/v1/inspections/plans", """
				{"name":"远期计划%s","periodFrom":"1990-01-01","periodTo":"2099-12-31","items":["REAL_NAME"],
				 "sampleCount":3,"teamSize":2}""".formatted(UUID.randomUUID()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'periodFrom')].rule").value(hasItems("range")))
			.andExpect(jsonPath("$.errors[?(@.field == 'periodTo')].rule").value(hasItems("range")));
		call("/api/v1/inspections/plans", """
				{"name":"倒置计划%s","periodFrom":"2026-12-01","periodTo":"2026-11-01","items":["REAL_NAME"],
				 "sampleCount":3,"teamSize":2}""".formatted(UUID.randomUUID()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("periodTo"));

		String name = "Q4重名计划" + UUID.randomUUID().toString().substring(0, 8);
		String plan = """
				{"name":"%s","periodFrom":"2026-10-01","periodTo":"2026-12-31","items":["REAL_NAME"],"sampleCount":3,"teamSize":2}""";
		call("/api/v1/inspections/plans", plan.formatted(name)).andExpect(status().isCreated());
		// the same name, typed in full-width letters and with a space: the same name in the bureau
		call("/api/v1/inspections/plans", plan.formatted(" ｑ４" + name.substring(2).replace("计划", "计 划")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("name"))
			.andExpect(jsonPath("$.errors[0].rule").value("unique"));
		call("/api/v1/inspections/plans", plan.formatted(name + "（复查）")).andExpect(status().isCreated());
	}
}
