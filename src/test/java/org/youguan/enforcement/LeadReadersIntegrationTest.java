package org.youguan.enforcement;

import java.time.LocalDate;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.youguan.IntegrationTest;
import org.youguan.RandomLetters;
import org.youguan.SignIn;
import org.youguan.audit.AuditEvent;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.registry.Enterprises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.youguan.enforcement.PenaltyCaseIntegrationTest.CITY;
import static org.youguan.enforcement.PenaltyCaseIntegrationTest.HEAD;
import static org.youguan.enforcement.PenaltyCaseIntegrationTest.WUZHONG;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A lead the city registered without an enterprise and then proposed against an enterprise of 吴中区 (which has its
 * own bureau) is the county's: the reporter's phone number in its summary and origin note is read in full by the
 * county's 处室工作人员 only — the city's staff and the county's leader read it masked, on the API and the page, and a
 * search by the whole number finds it only for the handling staff —; it counts in the county's figures (leads received),
 * and the county reads its whole history, the city's registration too.
 */
@IntegrationTest
class LeadReadersIntegrationTest extends ClockedSteps {

	static final String PHONE = "13912345678";

	@Autowired
	Enterprises enterprises;

	@Autowired
	Leads leads;

	String call(String token, String path) throws Exception {
		return mvc.perform(get(path).header("Authorization", token)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
	}

	String send(String token, String path, String json) throws Exception {
		return mvc.perform(post(path).header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(json))
			.andReturn().getResponse().getContentAsString();
	}

	long leadsReceived(String region) throws Exception {
		LocalDate today = LocalDate.now(clock);
		return ((Number) JsonPath.read(call(CITY, "/api/v1/enforcement/figures?region=" + region + "&from=" + today.minusDays(1)
				+ "&to=" + today), "$.leads")).longValue();
	}

	@Test
	void aReportersNumberIsReadInFullOnlyByTheHandlingStaffAndTheLeadCountsWhereItIsHandled() throws Exception {
		LocalDate today = LocalDate.now(clock);
		var enterprise = enterprises.list(DataScope.region("320506"), Enterprises.Filter.NONE,
				PageQuery.of(null, 0, 10, "legal_name", "asc")).items().get(3);
		long countyBefore = leadsReceived("320506");
		long cityOwnBefore = leadsReceived("3205");
		// a complaint the city received about a county's enterprise: the lead's region is the city's, its handling the county's
		long id = leads.intake(new Leads.Intake(LeadSource.COMPLAINT, "complaint:readers-" + System.nanoTime(),
				"申诉人来电，回电" + PHONE, "3205", enterprise.creditCode(), enterprise.legalName(),
				"申诉人（手机" + PHONE + "）反映快件延误未按时报送数据", today, false)).orElseThrow();
		assertThat(leadsReceived("320506")).as("counted where it is handled").isEqualTo(countyBefore + 1);
		assertThat(leadsReceived("3205")).as("the city's figures hold the county's").isEqualTo(cityOwnBefore + 1);

		String handling = call(WUZHONG, "/api/v1/enforcement/leads/" + id);
		assertThat((String) JsonPath.read(handling, "$.summary")).contains(PHONE);
		assertThat((String) JsonPath.read(handling, "$.sourceDetail")).contains(PHONE);
		for (String reader : List.of(CITY, HEAD)) {
			String read = call(reader, "/api/v1/enforcement/leads/" + id);
			assertThat((String) JsonPath.read(read, "$.summary")).doesNotContain(PHONE).contains("139****5678");
			assertThat((String) JsonPath.read(read, "$.sourceDetail")).doesNotContain(PHONE).contains("139****5678");
		}
		assertThat(mvc.perform(get("/enforcement/leads/" + id).session(SignIn.session(mvc, "sz.admin")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).doesNotContain(PHONE);
		assertThat(mvc.perform(get("/enforcement/leads/" + id).session(SignIn.session(mvc, "wz.staff")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains(PHONE);

		// the whole number finds the lead only for those who read it in full
		List<Integer> found = JsonPath.read(call(WUZHONG, "/api/v1/enforcement/leads?size=100&q=" + PHONE), "$.items[*].id");
		assertThat(found).contains((int) id);
		for (String reader : List.of(CITY, HEAD)) {
			List<Integer> masked = JsonPath.read(call(reader, "/api/v1/enforcement/leads?size=100&q=" + PHONE), "$.items[*].id");
			assertThat(masked).doesNotContain((int) id);
		}
	}

	/**
	 * A lead the city registered without an enterprise, then proposed against a county's enterprise, becomes the
	 * county's: its registration, recorded in the city's region before, stays in its history as the county reads it.
	 */
	@Test
	void theHandlingBureauReadsEntriesWrittenBeforeTheLeadBecameItsOwn() throws Exception {
		LocalDate today = LocalDate.now(clock);
		String code = enterprises.list(DataScope.region("320506"), Enterprises.Filter.NONE,
				PageQuery.of(null, 0, 10, "legal_name", "asc")).items().get(3).creditCode();
		String created = send(CITY, "/api/v1/enforcement/leads", """
				{"source":"REPORT","sourceDetail":"群众来信","regionCode":"3205",
				 "summary":"反映某快递网点未按时报送数据%d","receivedOn":"%s"}""".formatted(System.nanoTime(), today));
		long id = ((Number) JsonPath.read(created, "$.id")).longValue();
		send(CITY, "/api/v1/enforcement/leads/" + id + "/proposal", """
				{"violation":"DATA_NOT_REPORTED","endedOn":"%s","enterpriseCreditCode":"%s"}""".formatted(today.minusDays(3), code));
		LeadView county = leads.get(DataScope.region("320506"), id);
		assertThat(leads.history(county)).extracting(AuditEvent::action).contains("lead.report", "lead.propose");
		assertThat(mvc.perform(get("/enforcement/leads/" + id).session(SignIn.session(mvc, "wz.staff")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains("登记案件线索（");
	}

	/**
	 * Attack A2: a reporter's landline in a lead's summary or origin note — with a dash, in brackets, as one run of
	 * digits, as dialled from abroad — is masked for every reader but the handling staff (the city above, the county's
	 * leader), on the API, the page and the list, as its mobile and ID numbers are ({@code Masking.telephonesIn}); the
	 * list's search finds it only typed whole, and only for the staff who read it in full.
	 */
	@Test
	void aReportersLandlineIsMaskedForEveryoneButTheHandlingStaff() throws Exception {
		LocalDate today = LocalDate.now(clock);
		var enterprise = enterprises.list(DataScope.region("320506"), Enterprises.Filter.NONE,
				PageQuery.of(null, 0, 10, "legal_name", "asc")).items().get(3);
		// no digit in it: a search with digits looks only into the leads the reader's bureau handles; nor in the source
		// reference the list shows beside it, whose digits (System.nanoTime) once in a while held the 6688 looked for
		String tag = "座机" + RandomLetters.of(12);
		long id = leads.intake(new Leads.Intake(LeadSource.COMPLAINT, "complaint:landline-" + RandomLetters.of(12),
				"申诉人来电，回电(0512)66881234", "3205", enterprise.creditCode(), enterprise.legalName(),
				tag + "：申诉人（电话0512-66881235，家中051266881236，境外+86 512 6688 1237）反映快件延误", today, false))
			.orElseThrow();

		String handling = call(WUZHONG, "/api/v1/enforcement/leads/" + id);
		assertThat((String) JsonPath.read(handling, "$.summary")).contains("0512-66881235", "051266881236");
		for (String reader : List.of(CITY, HEAD)) {
			String read = call(reader, "/api/v1/enforcement/leads/" + id);
			assertThat((String) JsonPath.read(read, "$.summary")).doesNotContain("6688")
				.contains("0512-****1235", "0512****1236", "+86 512 **** 1237");
			assertThat((String) JsonPath.read(read, "$.sourceDetail")).doesNotContain("6688").contains("(0512)****1234");
		}
		assertThat(mvc.perform(get("/enforcement/leads/" + id).session(SignIn.session(mvc, "sz.admin")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).doesNotContain("66881235");
		assertThat(call(CITY, "/api/v1/enforcement/leads?size=100&q=" + tag)).doesNotContain("6688").contains("0512-****1235");

		// the whole landline finds the lead for the staff who read it in full; its middle digits find it for no one
		List<Integer> found = JsonPath.read(call(WUZHONG, "/api/v1/enforcement/leads?size=100&q=0512-66881235"), "$.items[*].id");
		assertThat(found).contains((int) id);
		for (String reader : List.of(WUZHONG, CITY)) {
			List<Integer> fragment = JsonPath.read(call(reader, "/api/v1/enforcement/leads?size=100&q=" + tag + " 6688"),
					"$.items[*].id");
			assertThat(fragment).doesNotContain((int) id);
		}
		List<Integer> masked = JsonPath.read(call(CITY, "/api/v1/enforcement/leads?size=100&q=0512-66881235"), "$.items[*].id");
		assertThat(masked).doesNotContain((int) id);
		// the digits the list shows find it for every reader, the masked form as shown too
		for (String reader : List.of(WUZHONG, CITY, HEAD)) {
			for (String shown : List.of("1235", "0512-****1235", "0512")) {
				List<Integer> hits = JsonPath.read(call(reader, "/api/v1/enforcement/leads?size=100&q=" + tag + " " + shown),
						"$.items[*].id");
				assertThat(hits).as(reader + " " + shown).containsExactly((int) id);
			}
		}
	}
}
