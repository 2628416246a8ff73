package org.youguan.complaints;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.WorkState;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;
import org.youguan.org.WorkQueue;
import org.youguan.org.WorkQueueProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A complaint's steps are taken by the bureau handling it — the bureau nearest the region it is filed to, here
 * 吴中区邮政管理局 for 320506 — and by no other 处室工作人员 who can read it: the city bureau's staff (苏州市局市场监管处,
 * 普遍服务处) see the complaint of their county and are refused its steps (403) on the page and the API alike, and the
 * page offers them no step form; nor is the complaint in their inbox's queues, only in the county's.
 */
@IntegrationTest
class ComplaintHandlingBureauIntegrationTest {

	static final DataScope WUZHONG = DataScope.region("320506");

	@Autowired
	MockMvc mvc;

	@Autowired
	ComplaintIntake intake;

	@Autowired
	ComplaintQueries queries;

	@Autowired
	MutableClock clock;

	@Autowired
	UserDirectory directory;

	@Autowired
	List<WorkQueueProvider> providers;

	private long file() {
		return filed().id();
	}

	private ComplaintIntake.Filed filed() {
		LocalDate today = LocalDate.now(clock);
		return intake.file(ComplaintIntegrationTest.form(today.minusDays(20), today.minusDays(10), null,
				ComplaintIntegrationTest.waybill()), Channel.WEB, null, false);
	}

	/** The user's complaint queue of the inbox named {@code queue}. */
	private WorkQueue queue(String user, String queue) {
		CurrentUser u = directory.principal(user).orElseThrow();
		return providers.stream().flatMap(p -> p.queuesFor(u).stream()).filter(q -> q.queue().equals(queue))
			.findFirst().orElseThrow();
	}

	/**
	 * The inbox's 待受理 queue is the handling bureau's to do: the complaint filed to 吴中区 is in 吴中区局's queue, its
	 * link's list (the page and the API with {@code handling=true}) and its count, not in the city's, whose staff may
	 * only read it — the city still finds it in its plain list (查询) and API list.
	 */
	@Test
	void aCountysComplaintIsInTheCountysQueueNotTheCitys() throws Exception {
		ComplaintIntake.Filed filed = filed();
		WorkQueue cityQueue = queue("sz.market", "complaint.accept");
		WorkQueue countyQueue = queue("wz.staff", "complaint.accept");
		assertThat(cityQueue.link()).contains("handling=true");
		assertThat(cityQueue.items()).noneMatch(i -> i.link().equals("/complaints/" + filed.id()));
		var handledHere = new ComplaintQueries.Filter(ComplaintStatus.RECEIVED, null, null, WorkState.OPEN, false, false, true);
		assertThat(queries.count(DataScope.region("3205"), handledHere)).as("the city's count")
			.isEqualTo(cityQueue.count());
		assertThat(queries.count(WUZHONG, handledHere)).as("the county's count").isEqualTo(countyQueue.count());
		assertThat(queries.list(DataScope.region("3205"), handledHere, PageQuery.of(filed.number(), 0, 20, null, null))
			.items()).as("not the city's to do").isEmpty();
		assertThat(queries.list(WUZHONG, handledHere, PageQuery.of(filed.number(), 0, 20, null, null)).items())
			.extracting(ComplaintView::id).containsExactly(filed.id());

		String link = "&q=" + filed.number();
		String row = "href=\"/complaints/" + filed.id() + "\"";
		mvc.perform(get(cityQueue.link() + link).session(SignIn.session(mvc, "sz.market")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("共 0 条")))
			.andExpect(content().string(not(containsString(row))));
		mvc.perform(get(countyQueue.link() + link).session(SignIn.session(mvc, "wz.staff")))
			.andExpect(content().string(containsString(row)));
		mvc.perform(get("/complaints?state=OPEN&status=RECEIVED" + link).session(SignIn.session(mvc, "sz.market")))
			.andExpect(content().string(containsString(row)));

		mvc.perform(get("/api/v1/complaints?handling=true&q=" + filed.number()).header("Authorization", "Bearer demo-sz-market-token"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(0));
		mvc.perform(get("/api/v1/complaints?handling=true&q=" + filed.number()).header("Authorization", "Bearer demo-wz-staff-token"))
			.andExpect(jsonPath("$.total").value(1));
		mvc.perform(get("/api/v1/complaints?q=" + filed.number()).header("Authorization", "Bearer demo-sz-market-token"))
			.andExpect(jsonPath("$.total").value(1));
	}

	@Test
	void onlyTheHandlingBureausStaffTakeAComplaintsSteps() throws Exception {
		long id = file();
		var city = SignIn.session(mvc, "sz.market");
		mvc.perform(get("/complaints/" + id).session(city))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"transfer-form\""))))
			.andExpect(content().string(not(containsString("id=\"reject-form\""))));
		for (String user : new String[] { "sz.market", "sz.universal" }) {
			mvc.perform(post("/complaints/" + id + "/reject").session(SignIn.session(mvc, user)).with(csrf())
				.param("condition", "DUPLICATE").param("reason", "重复申诉"))
				.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute(org.youguan.kernel.PageSteps.REFUSED_STATUS, 403));
			mvc.perform(post("/complaints/" + id + "/transfer").session(SignIn.session(mvc, user)).with(csrf()))
				.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute(org.youguan.kernel.PageSteps.REFUSED_STATUS, 403));
		}
		mvc.perform(post("/api/v1/complaints/" + id + "/close").header("Authorization", "Bearer demo-sz-market-token")
			.contentType(MediaType.APPLICATION_JSON).content("{\"valid\": true, \"compensationPaid\": 0}"))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("苏州市吴中区邮政管理局")));
		assertThat(queries.get(WUZHONG, id).status()).isEqualTo(ComplaintStatus.RECEIVED);

		var county = SignIn.session(mvc, "wz.staff");
		mvc.perform(get("/complaints/" + id).session(county))
			.andExpect(content().string(containsString("id=\"transfer-form\"")));
		mvc.perform(post("/complaints/" + id + "/transfer").session(county).with(csrf()))
			.andExpect(redirectedUrlPattern("/complaints/*"));
		assertThat(queries.get(WUZHONG, id).status()).isEqualTo(ComplaintStatus.TRANSFERRED);
	}
}
