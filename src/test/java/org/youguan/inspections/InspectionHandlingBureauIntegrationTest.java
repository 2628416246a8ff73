package org.youguan.inspections;

import java.time.LocalDate;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.RandomDigits;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;
import org.youguan.org.WorkQueue;
import org.youguan.org.WorkQueueProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An inspection's order and a 双随机 plan are the work of the bureau that inspected or made the plan
 * ({@link InspectingBureau}), not of the bureau of the region inspected: the city's inspection of a 吴中 outlet is the
 * city's to issue and follow up (its queue, its steps), while 吴中区局 reads it; 吴中's own inspection stays 吴中's, the
 * city reading it. The inbox's queues, their links ({@code handling=true}, page and API) and counts agree; the lists
 * without {@code handling} still show a bureau what it reads.
 */
@IntegrationTest
class InspectionHandlingBureauIntegrationTest {

	static final String CITY = "Bearer demo-sz-market-token";

	static final String WUZHONG = "Bearer demo-wz-staff-token";

	static final String SF = "Bearer demo-sf-wz-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	InspectionRecords records;

	@Autowired
	InspectionOrders orders;

	@Autowired
	InspectionPlans plans;

	@Autowired
	UserDirectory directory;

	@Autowired
	List<WorkQueueProvider> providers;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	MutableClock clock;

	WorkQueue queue(String username, String queue) {
		CurrentUser u = directory.principal(username).orElseThrow();
		return providers.stream().flatMap(p -> p.queuesFor(u).stream()).filter(q -> q.queue().equals(queue))
			.findFirst().orElseThrow();
	}

	ResultActions call(String token, String path, String json) throws Exception {
		return mvc.perform(post(path).header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	/** Letters only (no digits a mobile number could be read from), unique per call. */
	static String tag() {
		return RandomDigits.of(8).chars().mapToObj(c -> String.valueOf((char) ('k' + c - '0'))).reduce("", String::concat);
	}

	/** An inspection of sf.wz's enterprise (吴中) today by {@code username}'s bureau, concluded 责令改正. */
	long inspectionBy(String username, String certificate, String name) {
		CurrentUser u = directory.principal(username).orElseThrow();
		String sf = directory.principal("sf.wz").map(CurrentUser::enterpriseCreditCode).orElseThrow();
		return tx.execute(s -> records.record(u.scope(), u.bureauId(), new InspectionRecordData(sf,
				LocalDate.now(clock).toString(), "SPECIAL", List.of("REAL_NAME"),
				List.of(new InspectionRecordData.TeamMember(name, certificate),
						new InspectionRecordData.TeamMember("某某", "PR" + RandomDigits.of(8))),
				"RECTIFICATION", "实名收寄登记不全" + tag(), null, "吴中营业部"), false, false));
	}

	/** The order of {@code record} issued by {@code token} and replied to by the enterprise; its 文号 and id. */
	String[] repliedOrder(String token, long record, String numberPrefix) throws Exception {
		String issued = call(token, "/api/v1/inspections/records/" + record + "/order", "{\"workingDays\":10}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.number", startsWith(numberPrefix)))
			.andReturn().getResponse().getContentAsString();
		long order = ((Number) JsonPath.read(issued, "$.id")).longValue();
		call(SF, "/api/v1/enterprise/inspections/orders/" + order, "{\"report\":\"已整改\"}").andExpect(status().isOk());
		return new String[] { JsonPath.read(issued, "$.number"), Long.toString(order) };
	}

	long listed(DataScope scope, boolean handling, String number) {
		return orders.list(scope, InspectionOrders.State.REPLIED, handling, PageQuery.of(number, 0, 20, null, null)).total();
	}

	@Test
	void theCitysInspectionOfAWuzhongOutletIsTheCitysToFollowUpAndWuzhongsOwnStaysWuzhongs() throws Exception {
		long cityRecord = inspectionBy("sz.market", "32050001", "郑监管");
		// the record lies in 吴中 (the place inspected), yet 吴中 does not issue the city's order
		call(WUZHONG, "/api/v1/inspections/records/" + cityRecord + "/order", "{\"workingDays\":10}")
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("本检查由苏州市邮政管理局办理")));
		String[] city = repliedOrder(CITY, cityRecord, "苏苏邮管责改〔");
		String[] county = repliedOrder(WUZHONG, inspectionBy("wz.staff", "32050601", "陈吴中"), "苏吴邮管责改〔");

		DataScope cityScope = DataScope.region("3205");
		DataScope countyScope = DataScope.region("320506");
		assertThat(listed(cityScope, true, city[0])).as("the city's to do").isEqualTo(1);
		assertThat(listed(countyScope, true, city[0])).as("吴中 reads it only").isZero();
		assertThat(listed(countyScope, false, city[0])).isEqualTo(1);
		assertThat(listed(countyScope, true, county[0])).isEqualTo(1);
		assertThat(listed(cityScope, true, county[0])).as("the city reads 吴中's").isZero();
		assertThat(listed(cityScope, false, county[0])).isEqualTo(1);

		// the inbox holds what its link lists, and counts it so
		WorkQueue cityQueue = queue("sz.market", "inspection.accept");
		WorkQueue countyQueue = queue("wz.staff", "inspection.accept");
		assertThat(cityQueue.link()).contains("handling=true");
		assertThat(cityQueue.count()).isEqualTo(orders.list(cityScope, InspectionOrders.State.REPLIED, true,
				PageQuery.of(null, 0, 1, null, null)).total());
		assertThat(countyQueue.count()).isEqualTo(orders.list(countyScope, InspectionOrders.State.REPLIED, true,
				PageQuery.of(null, 0, 1, null, null)).total());
		MockHttpSession citySession = SignIn.session(mvc, "sz.market");
		MockHttpSession countySession = SignIn.session(mvc, "wz.staff");
		String cityRow = "/inspections/orders/" + city[1] + "\"";
		mvc.perform(get(cityQueue.link() + "&q=" + city[0]).session(citySession))
			.andExpect(content().string(containsString(cityRow)));
		mvc.perform(get(countyQueue.link() + "&q=" + city[0]).session(countySession))
			.andExpect(status().isOk()).andExpect(content().string(not(containsString(cityRow))));
		mvc.perform(get("/inspections/orders?state=REPLIED&q=" + city[0]).session(countySession))
			.andExpect(content().string(containsString(cityRow)));
		mvc.perform(get("/api/v1/inspections/orders?handling=true&q=" + city[0]).header("Authorization", CITY))
			.andExpect(jsonPath("$.total").value(1));
		mvc.perform(get("/api/v1/inspections/orders?handling=true&q=" + city[0]).header("Authorization", WUZHONG))
			.andExpect(jsonPath("$.total").value(0));
		mvc.perform(get("/api/v1/inspections/orders?q=" + city[0]).header("Authorization", WUZHONG))
			.andExpect(jsonPath("$.total").value(1));

		// the steps follow: 吴中 is refused the city's order, the city 吴中's; each takes its own
		call(WUZHONG, "/api/v1/inspections/orders/" + city[1] + "/accept", "{}").andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("本责令改正通知书由苏州市邮政管理局办理")));
		call(CITY, "/api/v1/inspections/orders/" + county[1] + "/accept", "{}").andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("本责令改正通知书由苏州市吴中区邮政管理局办理")));
		call(CITY, "/api/v1/inspections/orders/" + city[1] + "/accept", "{}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACCEPTED"));
		call(WUZHONG, "/api/v1/inspections/orders/" + county[1] + "/accept", "{}").andExpect(status().isOk());
	}

	/**
	 * A plan is its bureau's to do: the city's plan over 吴中 is in the city's {@code handling} list, not 吴中's, though
	 * 吴中 reads it; 吴中's own plan the other way round. The inbox's 待公示 link asks for that list.
	 */
	@Test
	void aPlanIsInTheListOfItsOwnBureauOnly() throws Exception {
		LocalDate today = LocalDate.now(clock);
		String tag = tag();
		CurrentUser sz = directory.principal("sz.market").orElseThrow();
		CurrentUser wz = directory.principal("wz.staff").orElseThrow();
		long cityPlan = plans.create(sz.scope(), sz.bureauId(), "3205", "郑监管", new InspectionPlans.PlanData(
				"市局抽查吴中网点" + tag, today, today.plusMonths(2), List.of("REAL_NAME"), "320506", null, 3, null, null,
				2, "OUTLET", null, null), false);
		long countyPlan = plans.create(wz.scope(), wz.bureauId(), "320506", "陈吴中", new InspectionPlans.PlanData(
				"区局抽查吴中网点" + tag, today, today.plusMonths(2), List.of("REAL_NAME"), "320506", null, 3, null, null,
				2, "OUTLET", null, null), false);

		PageQuery byTag = PageQuery.of(tag, 0, 20, null, null);
		assertThat(plans.list(sz.scope(), new InspectionPlans.Filter(false, null, null, true), byTag).items())
			.extracting(InspectionPlan::id).containsExactly(cityPlan);
		assertThat(plans.list(wz.scope(), new InspectionPlans.Filter(false, null, null, true), byTag).items())
			.extracting(InspectionPlan::id).containsExactly(countyPlan);
		assertThat(plans.list(sz.scope(), InspectionPlans.Filter.NONE, byTag).items()).extracting(InspectionPlan::id)
			.containsExactlyInAnyOrder(cityPlan, countyPlan);
		assertThat(plans.list(wz.scope(), InspectionPlans.Filter.NONE, byTag).items()).extracting(InspectionPlan::id)
			.containsExactlyInAnyOrder(cityPlan, countyPlan);

		mvc.perform(get("/api/v1/inspections/plans?handling=true&q=" + tag).header("Authorization", WUZHONG))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(countyPlan));
		mvc.perform(get("/inspections/plans?handling=true&q=" + tag).session(SignIn.session(mvc, "sz.market")))
			.andExpect(content().string(containsString("/inspections/plans/" + cityPlan + "\"")))
			.andExpect(content().string(not(containsString("/inspections/plans/" + countyPlan + "\""))));

		WorkQueue results = queue("sz.market", "inspection.publish-results");
		assertThat(results.link()).isEqualTo("/inspections/plans?results=pending&handling=true");
		assertThat(results.count()).isEqualTo(plans.list(sz.scope(), new InspectionPlans.Filter(true, null, null, true),
				PageQuery.of(null, 0, 20, null, null)).total());
	}
}
