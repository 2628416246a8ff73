package org.youguan.inspections;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.jayway.jsonpath.JsonPath;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import net.minidev.json.JSONValue;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.IntegrationTest;
import org.youguan.RandomLetters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A 双随机 plan from its filter to its publication through the API: the county's own population is frozen with its
 * SHA-256, the seed recorded before the draw (not after), targets and teams of two drawn with one inspector of the
 * county's own bureau, the plan published for everyone without personal data — and anyone repeats the draw from the
 * published snapshot and seed and gets the same targets and inspectors.
 */
@IntegrationTest
class InspectionPlanIntegrationTest {

	static final String WUZHONG = "Bearer demo-wz-staff-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	ResultActions call(String path, String json) throws Exception {
		return mvc.perform(post(path).header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content(json == null ? "" : json));
	}

	static String json(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString();
	}

	@Test
	void aPlanFromFilterToPublicationIsVerifiableByAnyone() throws Exception {
		String created = json(call("/api/v1/inspections/plans", """
				{"name":"吴中区专项双随机抽查","periodFrom":"2026-07-01","periodTo":"2026-09-30","items":["REAL_NAME","SCREENING"],
				 "regionCode":"320506","sampleCount":3,"teamSize":2}""").andExpect(status().isCreated()));
		long id = ((Number) JsonPath.read(created, "$.id")).longValue();
		String base = "/api/v1/inspections/plans/" + id;

		call(base + "/draw", null).andExpect(status().is4xxClientError());
		String frozen = json(call(base + "/freeze", null).andExpect(status().isOk())
			.andExpect(jsonPath("$.plan.status").value("FROZEN")));
		String snapshot = JsonPath.read(frozen, "$.plan.snapshot");
		assertThat(snapshot.lines()).isSorted().allSatisfy(l -> assertThat(l.split("\\|")[2]).startsWith("320506"));
		assertThat((String) JsonPath.read(frozen, "$.plan.snapshotHash")).hasSize(64);

		call(base + "/draw", null).andExpect(status().is4xxClientError());
		call(base + "/seed", "{\"seed\":\"WZ-2026-Q3-5521\",\"witnesses\":\"\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("witnesses"));
		call(base + "/seed", "{\"seed\":\"WZ-2026-Q3-5521\",\"witnesses\":\"吴文书、孙局长\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.plan.status").value("SEEDED"))
			.andExpect(jsonPath("$.plan.seedOperator").value("陈吴中"));
		String drawn = json(call(base + "/draw", null).andExpect(status().isOk())
			.andExpect(jsonPath("$.plan.status").value("DRAWN")));
		List<List<String>> teams = JsonPath.read(drawn, "$.targets[*].certificates");
		assertThat(teams).hasSize(3).allSatisfy(team -> {
			assertThat(team).hasSize(2).doesNotHaveDuplicates();
			assertThat(team.get(0)).as("one inspector of the county's own bureau").startsWith("320506");
		});

		mvc.perform(get("/api/v1/public/inspections/plans").param("region", "320506"))
			.andExpect(jsonPath("$[*].id", not(hasItem((int) id))));
		call(base + "/publish", null).andExpect(status().isOk());
		String published = json(mvc.perform(get("/api/v1/public/inspections/plans").param("region", "320506"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", hasItem((int) id))));
		assertThat(published).doesNotContain("陈吴中", "吴文书", "孙局长", "seedOperator", "witnesses");
		// attack: the drawn targets were public with their inspectors' 执法证号 before the checks — shown only with their
		// published result (双随机一公开), on the API and the page
		assertThat((List<?>) JsonPath.read(published, "$[?(@.id == " + id + ")].targets[*]")).as("no check done yet").isEmpty();
		mvc.perform(get("/public/inspections").param("region", "320506"))
			.andExpect(content().string(containsString("另有3个抽中对象及其检查组，检查结果公示后公开")));

		// the draw is repeated once its results are published and its secret revealed (InspectionDrawRevealIntegrationTest)
		mvc.perform(post("/api/v1/public/inspections/draw/verify").contentType(MediaType.APPLICATION_JSON)
			.content("{\"planId\":" + id + "}"))
			.andExpect(status().isConflict());
		jdbc.sql("""
				UPDATE inspection_plan_target SET result_inspected_on = current_date, result_outcome = 'NONE',
				    result_published_on = current_date WHERE plan_id = :id""").param("id", id).update();
		mvc.perform(post("/api/v1/public/inspections/draw/verify").contentType(MediaType.APPLICATION_JSON)
			.content("{\"planId\":" + id + "}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.matchesPlan").value(true));

		String input = json(mvc.perform(get("/api/v1/public/inspections/plans/" + id + "/draw")).andExpect(status().isOk()));
		Map<String, Object> request = JsonPath.read(input, "$");
		request.remove("ratioByClass");
		request.remove("snapshotHash");
		String repeated = json(mvc.perform(post("/api/v1/public/inspections/draw/verify").contentType(MediaType.APPLICATION_JSON)
			.content(JSONValue.toJSONString(request)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.matchesPlan").value(true)));
		assertThat((String) JsonPath.read(repeated, "$.snapshotHash")).isEqualTo(JsonPath.read(frozen, "$.plan.snapshotHash"));
		assertThat((List<String>) JsonPath.read(repeated, "$.targets[*].key"))
			.isEqualTo(JsonPath.read(drawn, "$.targets[*].targetKey"));
	}

	/**
	 * An ID or mobile number in a plan's name — refused since the name is published (400 {@code name}/{@code
	 * personal-number}), but held by plans named before — is masked in the API list, the plans page, the plan's own API
	 * answer and page.
	 */
	@Test
	void personalNumbersInAPlansNameAreMaskedInTheListsAndOnThePlan() throws Exception {
		String name = "号码计划" + RandomLetters.of(10);
		String plan = "{\"name\":\"%s\",\"periodFrom\":\"2026-07-01\",\"periodTo\":\"2026-09-30\",\"items\":[\"REAL_NAME\"],"
				+ "\"sampleCount\":1,\"teamSize\":2}";
		call("/api/v1/inspections/plans", plan.formatted(name + " 联系人13912345678")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("name"))
			.andExpect(jsonPath("$.errors[0].rule").value("personal-number"));
		String created = json(call("/api/v1/inspections/plans", plan.formatted(name)).andExpect(status().isCreated()));
		long id = ((Number) JsonPath.read(created, "$.id")).longValue();
		jdbc.sql("UPDATE inspection_plan SET name = :name WHERE id = :id").param("name", name + " 联系人13912345678")
			.param("id", id).update();
		String api = json(mvc.perform(get("/api/v1/inspections/plans").param("q", name).header("Authorization", WUZHONG))
			.andExpect(jsonPath("$.total").value(1)));
		String page = json(mvc.perform(get("/inspections/plans").param("q", name).header("Authorization", WUZHONG))
			.andExpect(status().isOk()));
		String detail = json(mvc.perform(get("/api/v1/inspections/plans/" + id).header("Authorization", WUZHONG))
			.andExpect(jsonPath("$.plan.name").value(name + " 联系人139****5678")));
		String own = json(mvc.perform(get("/inspections/plans/" + id).header("Authorization", WUZHONG))
			.andExpect(status().isOk()));
		for (String shown : List.of(api, page, detail, own)) {
			assertThat(shown).contains(name).contains("139****5678").doesNotContain("13912345678");
		}
	}

	/**
	 * The public plan list and page give their database connection back (attack round 7: the list read its rows as a
	 * stream nobody closed, one pool connection kept per anonymous request until every request failed).
	 */
	@Test
	void thePublicPlansGiveTheirConnectionsBack() throws Exception {
		HikariPoolMXBean pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
		int before = pool.getActiveConnections();
		for (int i = 0; i < 4; i++) {
			mvc.perform(get("/api/v1/public/inspections/plans").param("region", "3205")).andExpect(status().isOk());
			mvc.perform(get("/public/inspections").param("region", "3205")).andExpect(status().isOk());
		}
		// one more than before at most: a scheduled job of the application may hold one for a moment
		assertThat(pool.getActiveConnections()).isLessThanOrEqualTo(before + 1);
	}

	@Test
	void aCountyDrawsOnlyFromItsOwnPopulation() throws Exception {
		call("/api/v1/inspections/plans", """
				{"name":"越界计划","periodFrom":"2026-07-01","periodTo":"2026-09-30","items":["REAL_NAME"],
				 "regionCode":"320507","sampleCount":3,"teamSize":2}""")
			// another county's region is not there for 吴中 (404), decided before the plan's fields
			.andExpect(status().isNotFound());
		call("/api/v1/inspections/plans", """
				{"name":"一人组","periodFrom":"2026-07-01","periodTo":"2026-09-30","items":["REAL_NAME"],
				 "sampleCount":3,"teamSize":1}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("teamSize")));
		mvc.perform(post("/api/v1/public/inspections/draw/verify").contentType(MediaType.APPLICATION_JSON)
			.content("{\"snapshot\":[\"bad line\"],\"seed\":\"s\",\"count\":1,\"teamSize\":2}"))
			.andExpect(status().is4xxClientError());
	}

	/**
	 * The public verification with a ratio of a huge exponent (1e-40000000 took 41 s to round up): refused as it is read,
	 * a small 400 naming the field — as a number, as text, per credit class; and a ratio with more digits than a plan
	 * holds (5 decimals) is refused by the draw itself, naming it.
	 */
	@Test
	void aRatioWithAHugeExponentIsASmall400NamingItNotAFortySecondRounding() throws Exception {
		String draw = "{\"snapshot\":[\"E1|A|320506\",\"E2|B|320506\"],\"seed\":\"s\",\"teamSize\":1,\"roster\":[],";
		for (String[] sampling : new String[][] { { "\"ratio\":1e-40000000", "ratio" }, { "\"ratio\":\"1e-40000000\"", "ratio" },
				{ "\"ratio\":-1e40000000", "ratio" }, { "\"ratioByClass\":{\"A\":1e-40000000}", "ratioByClass.A" },
				{ "\"ratio\":0.00001", "ratio" } }) {
			var answer = mvc.perform(post("/api/v1/public/inspections/draw/verify").contentType(MediaType.APPLICATION_JSON)
				.content(draw + sampling[0] + "}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value(sampling[1]))
				.andExpect(jsonPath("$.errors[0].rule").value("digits"))
				.andReturn().getResponse();
			assertThat(answer.getContentAsByteArray().length).as(sampling[0]).isLessThan(2048);
		}
	}

	/**
	 * The public verification of a draw by credit class with a class no object has ({@code "A级"}) drew nothing from it
	 * and answered 0 targets as if right: a 400 naming {@code ratioByClass}, rule {@code one-of}, listing the classes; and
	 * a team size that is no number is told the team's own bounds (2至10), not an int's.
	 */
	@Test
	void theVerificationRefusesAnUnknownCreditClassAndTellsTheTeamSizesOwnBounds() throws Exception {
		String draw = "{\"snapshot\":[\"E1|失信|320506\",\"E2|守信|320506\"],\"seed\":\"s\",\"roster\":[\"C1|3205\",\"C2|3205\"],";
		mvc.perform(post("/api/v1/public/inspections/draw/verify").contentType(MediaType.APPLICATION_JSON)
			.content(draw + "\"ratioByClass\":{\"A级\":0.5},\"teamSize\":2}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("ratioByClass"))
			.andExpect(jsonPath("$.errors[0].rule").value("one-of"))
			.andExpect(jsonPath("$.errors[0].message", org.hamcrest.Matchers.containsString("守信、失信、信用异常")));
		mvc.perform(post("/api/v1/public/inspections/draw/verify").contentType(MediaType.APPLICATION_JSON)
			.content(draw + "\"ratioByClass\":{\"失信\":1},\"teamSize\":\"x\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("teamSize"))
			.andExpect(jsonPath("$.errors[0].message", org.hamcrest.Matchers.containsString("2至10")))
			.andExpect(jsonPath("$.errors[0].message", not(org.hamcrest.Matchers.containsString("2147483648"))));
		mvc.perform(post("/api/v1/public/inspections/draw/verify").contentType(MediaType.APPLICATION_JSON)
			.content(draw + "\"ratioByClass\":{\"失信\":1},\"teamSize\":2}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.targets[*].key").value(hasItem("E1")));
	}
}
