package org.youguan.inspections;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.kernel.DataScope;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attack: the public 双随机 API published a plan's snapshot, seed and secret as soon as the plan was published after its
 * draw, so anyone repeated the draw and knew the targets — and their inspectors — before the checks. Now only the
 * secret's SHA-256 commitment is public until every target's result is published (API list, draw inputs, the public
 * page), and a verification of the plan is refused (409 {@code planId}/{@code not-revealed}); afterwards the secret is
 * revealed, hashes to the commitment, and the plan's draw is repeated by anyone.
 */
@IntegrationTest
class InspectionDrawRevealIntegrationTest {

	@Autowired
	UserDirectory directory;

	@Autowired
	InspectionRecords records;

	@Autowired
	InspectionPlans plans;

	@Autowired
	Inspectors inspectors;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void theSecretIsPublishedOnlyOnceEveryResultIsAndTheDrawIsVerifiedThen() throws Exception {
		CurrentUser wz = directory.principal("wz.staff").orElseThrow();
		LocalDate today = LocalDate.now(clock);
		DataScope scope = DataScope.region("320506");
		DrawnPlans.Published drawn = DrawnPlans.published(plans, clock, wz, "吴中区网点抽查（密钥公开）", "REVEAL-", 1);
		long plan = drawn.id();
		List<InspectionPlan.Target> targets = drawn.targets();
		String secret = jdbc.sql("SELECT draw_secret FROM inspection_plan WHERE id = :id").param("id", plan)
			.query(String.class).single();
		String commitment = RandomDraw.sha256(secret);

		// published, not yet checked: the commitment only, on the API list, the draw's inputs and the page
		mvc.perform(get("/api/v1/public/inspections/plans").param("region", "320506"))
			.andExpect(jsonPath("$[?(@.id == " + plan + ")].secretCommitment").value(hasItems(commitment)))
			.andExpect(content().string(not(containsString(secret))));
		mvc.perform(get("/api/v1/public/inspections/plans/" + plan + "/draw"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.secretCommitment").value(commitment))
			.andExpect(jsonPath("$.secret").doesNotExist())
			.andExpect(content().string(not(containsString(secret))));
		mvc.perform(get("/public/inspections").param("region", "320506"))
			.andExpect(content().string(containsString(commitment)))
			.andExpect(content().string(not(containsString(secret))));
		// nor does the verification repeat the plan's draw for anyone
		mvc.perform(post("/api/v1/public/inspections/draw/verify").contentType(MediaType.APPLICATION_JSON)
			.content("{\"planId\":" + plan + "}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("planId"))
			.andExpect(jsonPath("$.errors[0].rule").value("not-revealed"))
			.andExpect(content().string(not(containsString(targets.get(0).targetKey()))));
		assertThat(plans.drawRevealed(plan)).isFalse();

		// the target checked by its drawn team, its result published: the draw is revealed
		InspectionPlan.Target target = targets.get(0);
		long outletId = Long.parseLong(target.targetKey().substring("OUTLET:".length()));
		tx.executeWithoutResult(s -> records.record(scope, wz.bureauId(), new InspectionRecordData(
				target.enterpriseCreditCode(), today.minusDays(2).toString(), "RANDOM", List.of("REAL_NAME"),
				target.certificates().stream().map(c -> new InspectionRecordData.TeamMember(
						inspectors.findByCertificate(c).orElseThrow().name(), c)).toList(),
				"NONE", null, null, null, "OUTLET", outletId, plan), false, false));
		plans.publishResults(scope, plan);
		assertThat(plans.drawRevealed(plan)).isTrue();

		mvc.perform(get("/api/v1/public/inspections/plans").param("region", "320506"))
			.andExpect(jsonPath("$[?(@.id == " + plan + ")].secret").value(hasItems(secret)));
		mvc.perform(get("/api/v1/public/inspections/plans/" + plan + "/draw"))
			.andExpect(jsonPath("$.secret").value(secret))
			.andExpect(jsonPath("$.secretCommitment").value(commitment));
		mvc.perform(get("/public/inspections").param("region", "320506"))
			.andExpect(content().string(containsString(secret)));
		mvc.perform(post("/api/v1/public/inspections/draw/verify").contentType(MediaType.APPLICATION_JSON)
			.content("{\"planId\":" + plan + "}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.matchesPlan").value(true))
			.andExpect(jsonPath("$.targets[0].key").value(target.targetKey()));
	}
}
