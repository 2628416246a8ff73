package org.youguan.inspections;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.PageQuery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * The demo city's 双随机 plans of the earlier quarters have every drawn target's result published within the
 * publication window (已公示, never 逾期未公示 nor published late); the plan pages name the region instead of showing
 * its code; a publication of results cannot be dated in the future.
 */
@IntegrationTest
class InspectionDemoResultsIntegrationTest {

	@Autowired
	InspectionPlans plans;

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	List<InspectionPlan> demoPlans() {
		return plans.list(DataScope.region("3205"), PageQuery.of("季度快递市场双随机抽查", 0, 50, null, null)).items()
			.stream()
			.filter(p -> p.name().startsWith("苏州市" + LocalDate.now(clock).getYear() + "年第"))
			.sorted(Comparator.comparing(InspectionPlan::periodFrom))
			.toList();
	}

	@Test
	void theEarlierQuartersResultsArePublishedInTime() {
		List<InspectionPlan> demo = demoPlans();
		assumeThat(demo).as("a quarter before the current one (the demo is loaded after the year's first quarter)")
			.hasSizeGreaterThan(1);
		for (InspectionPlan plan : demo.subList(0, demo.size() - 1)) {
			assertThat(plans.results(plan)).as(plan.name()).hasSize(6)
				.allSatisfy(r -> assertThat(r.state()).isEqualTo(InspectionPlans.ResultState.PUBLISHED))
				.allSatisfy(r -> assertThat(r.target().resultPublishedOn()).isAfter(r.inspectedOn()));
		}
	}

	@Test
	void planPagesNameTheRegion() throws Exception {
		InspectionPlan plan = demoPlans().get(0);
		MockHttpSession session = SignIn.session(mvc, "sz.market");
		mvc.perform(get("/inspections/plans").session(session))
			.andExpect(content().string(containsString("class=\"plan-region\">苏州市<")))
			.andExpect(content().string(not(containsString(">3205<"))));
		mvc.perform(get("/inspections/plans/" + plan.id()).session(session))
			.andExpect(content().string(containsString("id=\"plan-region\">苏州市<")))
			.andExpect(content().string(not(containsString(">3205<"))));
		assertThat(plan.regionName()).isEqualTo("苏州市");
	}

	@Test
	void resultsAreNotPublishedOnADayToCome() {
		InspectionPlan plan = demoPlans().get(0);
		assertThatThrownBy(() -> plans.publishResults(DataScope.region("3205"), plan.id(), LocalDate.now(clock).plusDays(1)))
			.isInstanceOf(InvalidValueException.class)
			.satisfies(ex -> assertThat(((InvalidValueException) ex).fieldErrors()).extracting(e -> e.field())
				.containsExactly("on"));
	}
}
