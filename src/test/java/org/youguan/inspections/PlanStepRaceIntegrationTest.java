package org.youguan.inspections;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attack on the 双随机 plan's steps: parallel freezes all answered 200, each with its own secret commitment, and a
 * freeze racing the seed left the plan FROZEN with its seed recorded before its last commitment and stuck (draw, seed
 * and freeze all 409). Each step now locks the plan and moves it only from the state it expects: one request wins,
 * the others are answered 409, and only the winner is audited.
 */
@IntegrationTest
class PlanStepRaceIntegrationTest {

	static final String WUZHONG = "Bearer demo-wz-staff-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	/** A plan of its own; its name has no digits (a UUID's digits joined across its hyphens can read as a mobile number). */
	long plan() throws Exception {
		String created = mvc.perform(post("/api/v1/inspections/plans").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"name":"并发抽查%s","periodFrom":"2026-10-01","periodTo":"2026-12-31","items":["REAL_NAME"],
					 "regionCode":"320506","sampleCount":3,"teamSize":2}""".formatted(UUID.randomUUID().toString().replaceAll("[^a-f]", ""))))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(created, "$.id")).longValue();
	}

	/** The calls, each {path, body}, made at the same moment; their responses in the same order. */
	List<MockHttpServletResponse> atOnce(List<String[]> calls) throws Exception {
		CountDownLatch ready = new CountDownLatch(calls.size());
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(calls.size());
		try {
			List<Future<MockHttpServletResponse>> runs = new ArrayList<>();
			for (String[] call : calls) {
				runs.add(pool.submit(() -> {
					ready.countDown();
					go.await(10, TimeUnit.SECONDS);
					return mvc.perform(post(call[0]).header("Authorization", WUZHONG)
						.contentType(MediaType.APPLICATION_JSON).content(call[1])).andReturn().getResponse();
				}));
			}
			assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
			go.countDown();
			List<MockHttpServletResponse> responses = new ArrayList<>();
			for (Future<MockHttpServletResponse> run : runs) {
				responses.add(run.get(60, TimeUnit.SECONDS));
			}
			return responses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	long audited(String action, long id) {
		return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = :action AND object_id = :id")
			.param("action", action).param("id", String.valueOf(id)).query(Long.class).single();
	}

	@Test
	void parallelFreezesFreezeOnceAndRefuseTheOthersWith409() throws Exception {
		long id = plan();
		String freeze = "/api/v1/inspections/plans/" + id + "/freeze";
		List<MockHttpServletResponse> responses = atOnce(List.of(new String[] { freeze, "" }, new String[] { freeze, "" },
				new String[] { freeze, "" }, new String[] { freeze, "" }));

		assertThat(responses).extracting(MockHttpServletResponse::getStatus).containsOnly(200, 409);
		assertThat(responses).filteredOn(r -> r.getStatus() == 200).hasSize(1);
		String winner = responses.stream().filter(r -> r.getStatus() == 200).findFirst().orElseThrow().getContentAsString();
		// the commitment shown is the one kept, audited once
		String kept = jdbc.sql("SELECT secret_commitment FROM inspection_plan WHERE id = :id").param("id", id)
			.query(String.class).single();
		assertThat((String) JsonPath.read(winner, "$.plan.secretCommitment")).isEqualTo(kept);
		assertThat(audited("inspection-plan.freeze", id)).isEqualTo(1);
	}

	@Test
	void freezesRacingTheSeedLeaveAPlanThatCanStillBeDrawn() throws Exception {
		long id = plan();
		String base = "/api/v1/inspections/plans/" + id;
		String seed = "{\"seed\":\"并发-" + id + "\",\"witnesses\":\"吴文书\"}";
		List<MockHttpServletResponse> responses = atOnce(List.of(new String[] { base + "/freeze", "" },
				new String[] { base + "/freeze", "" }, new String[] { base + "/seed", seed }));

		assertThat(responses.subList(0, 2)).extracting(MockHttpServletResponse::getStatus).containsExactlyInAnyOrder(200, 409);
		assertThat(audited("inspection-plan.freeze", id)).isEqualTo(1);
		// the seed came before the freeze (409) or after it: either way it is typed after the one commitment
		if (responses.get(2).getStatus() != 200) {
			assertThat(responses.get(2).getStatus()).isEqualTo(409);
			mvc.perform(post(base + "/seed").header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
				.content(seed)).andExpect(status().isOk());
		}
		assertThat(jdbc.sql("SELECT committed_at <= seed_recorded_at FROM inspection_plan WHERE id = :id").param("id", id)
			.query(Boolean.class).single()).isTrue();
		mvc.perform(post(base + "/draw").header("Authorization", WUZHONG)).andExpect(status().isOk());
		mvc.perform(post(base + "/publish").header("Authorization", WUZHONG)).andExpect(status().isOk());
	}

	@Test
	void parallelDrawsAndPublicationsHappenOnce() throws Exception {
		long id = plan();
		String base = "/api/v1/inspections/plans/" + id;
		mvc.perform(post(base + "/freeze").header("Authorization", WUZHONG)).andExpect(status().isOk());
		mvc.perform(post(base + "/seed").header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content("{\"seed\":\"并发-" + id + "\",\"witnesses\":\"吴文书\"}")).andExpect(status().isOk());

		List<MockHttpServletResponse> draws = atOnce(List.of(new String[] { base + "/draw", "" },
				new String[] { base + "/draw", "" }, new String[] { base + "/draw", "" }));
		assertThat(draws).extracting(MockHttpServletResponse::getStatus).containsOnly(200, 409);
		assertThat(draws).filteredOn(r -> r.getStatus() == 200).hasSize(1);
		assertThat(audited("inspection-plan.draw", id)).isEqualTo(1);

		List<MockHttpServletResponse> publications = atOnce(List.of(new String[] { base + "/publish", "" },
				new String[] { base + "/publish", "" }, new String[] { base + "/publish", "" }));
		assertThat(publications).extracting(MockHttpServletResponse::getStatus).containsOnly(200, 409);
		assertThat(publications).filteredOn(r -> r.getStatus() == 200).hasSize(1);
		assertThat(audited("inspection-plan.publish", id)).isEqualTo(1);
	}
}
