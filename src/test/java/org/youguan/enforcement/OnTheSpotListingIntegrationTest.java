package org.youguan.enforcement;

import java.time.LocalDate;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A 当场处罚 (简易程序, 行政处罚法(2021) art.51) is decided on the spot, never 立案: the case list shows no 立案日期 for it
 * ("—" on the page, null in the API), while a case of the general procedure shows its own.
 */
@IntegrationTest
class OnTheSpotListingIntegrationTest extends ClockedSteps {

	@Test
	void anOnTheSpotCaseIsListedWithoutAFilingDay() throws Exception {
		LocalDate day = LocalDate.now(clock);
		long spot = PenaltyCaseIntegrationTest.id(mvc.perform(post("/api/v1/enforcement/cases/on-the-spot").header("Authorization",
				PenaltyCaseIntegrationTest.WUZHONG).contentType(MediaType.APPLICATION_JSON).content("""
				{"partyKind":"ORGANISATION","enterpriseCreditCode":"%s","violation":"DATA_NOT_REPORTED","facts":"未按时报送月度数据",
				 "place":"当事人营业场所","decidedOn":"%s","penalty":"WARNING","fine":null,"team":[{"name":"陈吴中",
				 "certificateNumber":"32050601"},{"name":"沈执法","certificateNumber":"32050602"}]}"""
			.formatted(party.other().creditCode(), day)))
			.andExpect(status().isCreated()));
		String number = party.cases().get(PartyCases.ALL, spot).penaltyCase().number();
		List<Object> filed = JsonPath.read(mvc.perform(get("/api/v1/enforcement/cases").param("q", number)
			.header("Authorization", PenaltyCaseIntegrationTest.WUZHONG)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(), "$.items[?(@.id == " + spot + ")].filedOn");
		assertThat(filed).hasSize(1).containsNull();
		String page = mvc.perform(get("/enforcement/cases").param("q", number).param("open", "false")
			.session(SignIn.session(mvc, "wz.staff")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String table = page.substring(page.indexOf("id=\"cases\""));
		String row = table.substring(table.indexOf(number));
		assertThat(row.substring(0, row.indexOf("</tr>"))).contains("<td>—</td>");
	}
}
