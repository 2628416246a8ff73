package org.youguan.safety.internal.ledgers;

import java.time.Clock;
import java.time.LocalDate;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.RandomLetters;
import org.youguan.kernel.DataScope;
import org.youguan.platform.ChinaTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attack: the safety ledgers had no owner, so the city's staff cancelled a county's 安保期 and corrected or closed its
 * rows as the county did. A row is its owner's — the bureau whose staff recorded it, else the bureau handling its region
 * ({@code Corrections.requireOwn}): another bureau reads it, is offered none of its steps and is refused them (403
 * naming the owner) before their values are read.
 */
@IntegrationTest
class LedgerOwnershipIntegrationTest {

	static final String CITY = "Bearer demo-sz-admin-token";

	static final String WUZHONG = "Bearer demo-wz-staff-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	SecurityPeriods periods;

	@Autowired
	RegionRecords records;

	@Autowired
	Clock clock;

	@Test
	void theCityReadsACountysPeriodAndNeitherIsOfferedNorTakesItsCancellation() throws Exception {
		LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
		long id = periods.create(DataScope.region("320506"), new PeriodData("归属测试安保期" + RandomLetters.of(10), "320506",
				today.toString(), today.plusDays(2).toString(), true, true, null), false);
		mvc.perform(get("/safety/periods/" + id).header("Authorization", CITY))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"cancel-form\""))));
		// refused before the reason is read: an empty body is not told as a missing reason
		mvc.perform(post("/api/v1/safety/periods/" + id + "/cancel").header("Authorization", CITY)
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"\"}"))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("吴中区邮政管理局")));
		mvc.perform(post("/safety/periods/" + id + "/cancel").with(csrf()).header("Authorization", CITY)
			.param("reason", "市局代撤"))
			.andExpect(status().isForbidden());
		assertThat(periods.get(DataScope.all(), id).cancelled()).isFalse();
		mvc.perform(get("/safety/periods/" + id).header("Authorization", WUZHONG))
			.andExpect(content().string(containsString("id=\"cancel-form\"")));
		mvc.perform(post("/safety/periods/" + id + "/cancel").with(csrf()).header("Authorization", WUZHONG)
			.param("reason", "活动取消"))
			.andExpect(status().is3xxRedirection());
		assertThat(periods.get(DataScope.all(), id).cancelled()).isTrue();
	}

	@Test
	void aTrainingTheCityRecordedInACountyIsTheCitysToCorrectNotTheCountys() throws Exception {
		String day = LocalDate.now(clock.withZone(ChinaTime.ZONE)).toString();
		String topic = "归属测试培训" + RandomLetters.of(10);
		String created = mvc.perform(post("/api/v1/safety/trainings").header("Authorization", CITY)
			.contentType(MediaType.APPLICATION_JSON).content("{\"region\":\"320506\",\"heldOn\":\"" + day + "\",\"topic\":\""
					+ topic + "\",\"trainees\":12,\"audience\":\"网点负责人\",\"organiser\":\"市局\"}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		long id = ((Number) JsonPath.read(created, "$.id")).longValue();
		// the county sees the city's training in its region and corrects none of it
		mvc.perform(post("/safety/trainings/{id}/edit", id).with(csrf()).header("Authorization", WUZHONG)
			.param("region", "320506").param("heldOn", day).param("topic", topic).param("trainees", "20")
			.param("audience", "网点负责人").param("organiser", "市局"))
			.andExpect(status().isForbidden());
		assertThat(records.training(DataScope.all(), id).trainees()).isEqualTo(12);
		mvc.perform(post("/safety/trainings/{id}/edit", id).with(csrf()).header("Authorization", CITY)
			.param("region", "320506").param("heldOn", day).param("topic", topic).param("trainees", "20")
			.param("audience", "网点负责人").param("organiser", "市局"))
			.andExpect(status().is3xxRedirection());
		assertThat(records.training(DataScope.all(), id).trainees()).isEqualTo(20);
	}

	/**
	 * Attack: a county's staff recording a training, period or seizure in another county's region was told which of its
	 * fields were wrong (400) — the region was read with the fields. A region outside the caller's scope is not there
	 * (404) before any field, on the page forms (any written form of the code) and the API, nothing saved. A region
	 * below the caller's is taken, the row being the recording bureau's: its form says so, and the list names the
	 * recorder to the county below, which is offered no 修改.
	 */
	@Test
	void aRegionApartIsNotThereBeforeAnyFieldAndARowRecordedBelowIsTheRecordersAsThePagesSay() throws Exception {
		String day = LocalDate.now(clock.withZone(ChinaTime.ZONE)).toString();
		String topic = "区域测试培训" + RandomLetters.of(10);
		// 相城 (320507) is not 吴中's
		mvc.perform(post("/safety/trainings").with(csrf()).header("Authorization", WUZHONG)
			.param("region", "320507").param("heldOn", day).param("topic", topic).param("trainees", "很多")
			.param("audience", "网点负责人").param("organiser", "区局"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("培训人数"))));
		mvc.perform(post("/safety/periods").with(csrf()).header("Authorization", WUZHONG)
			.param("region", "３２０５０７").param("name", "").param("startsOn", "明天"))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/safety/trainings").header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content("{\"region\":\"320507\",\"heldOn\":\"明天\",\"topic\":\"" + topic + "\"}"))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/safety/seizures").header("Authorization", WUZHONG).contentType(MediaType.APPLICATION_JSON)
			.content("{\"region\":\"320507\",\"seizedOn\":\"明天\",\"item\":\"\"}"))
			.andExpect(status().isNotFound());
		// the form's own region, with a bad count: the count is told (400)
		mvc.perform(post("/safety/trainings").with(csrf()).header("Authorization", WUZHONG)
			.param("region", "320506").param("heldOn", day).param("topic", topic).param("trainees", "很多")
			.param("audience", "网点负责人").param("organiser", "区局"))
			.andExpect(status().isBadRequest());
		assertThat(records.trainings(DataScope.all(), new org.youguan.kernel.PageQuery(topic, 0, 10, null, false)).total())
			.isZero();
		// the city records in 吴中: its form says whose row it makes, 吴中's list names the city and offers no 修改
		mvc.perform(get("/safety/trainings").header("Authorization", CITY))
			.andExpect(content().string(containsString("id=\"region-owner\"")))
			.andExpect(content().string(containsString("登记单位为本局（苏州市邮政管理局）")));
		mvc.perform(post("/safety/trainings").with(csrf()).header("Authorization", CITY)
			.param("region", "320506").param("heldOn", day).param("topic", topic).param("trainees", "12")
			.param("audience", "网点负责人").param("organiser", "市局"))
			.andExpect(status().is3xxRedirection());
		String county = mvc.perform(get("/safety/trainings").param("q", topic).header("Authorization", WUZHONG))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(county).contains(topic).contains("class=\"owner\">苏州市邮政管理局").doesNotContain("class=\"edit");
		assertThat(mvc.perform(get("/safety/trainings").param("q", topic).header("Authorization", CITY))
			.andReturn().getResponse().getContentAsString()).contains("class=\"edit");
	}
}
