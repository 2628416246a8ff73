package org.youguan.statistics;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.ExportedRows;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.org.UserDirectory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An enterprise's statistics — over its API token ({@code /api/v1/statistics/reports}) and on its pages
 * ({@code /enterprise/statistics/reports/{id}}) — are its own enterprise's reports only: another enterprise's report id
 * answers 404 without its data, to reading, saving, uploading, downloading and revising alike, and a submission lands
 * on the caller's own enterprise whatever the body names. Written against the HTTP endpoints only.
 */
@IntegrationTest
class EnterpriseStatisticsAccessIntegrationTest {

	static final String TOKEN = "Bearer demo-sf-wz-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDirectory directory;

	String ownCreditCode;

	long othersReport;

	String othersName;

	@BeforeEach
	void findReports() {
		ownCreditCode = directory.principal("sf.wz").orElseThrow().enterpriseCreditCode();
		othersReport = jdbc.sql("SELECT id FROM stat_report WHERE credit_code <> :own ORDER BY id LIMIT 1")
			.param("own", ownCreditCode)
			.query(Long.class)
			.single();
		othersName = jdbc.sql("SELECT enterprise_name FROM stat_report WHERE id = :id")
			.param("id", othersReport)
			.query(String.class)
			.single();
	}

	/**
	 * 我的报表 exports as .xlsx with the page's columns: every one of the enterprise's own reports and no other
	 * enterprise's, for two enterprises; the form and status filters and the sort hold in the export.
	 */
	@Test
	void myReportsExportTheEnterprisesOwnReportsWithThePagesFiltersAndOrder() throws Exception {
		for (String user : List.of("sf.wz", "yz.sz")) {
			String code = directory.principal(user).orElseThrow().enterpriseCreditCode();
			MockHttpSession session = SignIn.session(mvc, user);
			List<List<String>> rows = ExportedRows.of(mvc, session, "/enterprise/statistics/export.xlsx");
			assertThat(rows.get(0)).containsExactly("报表", "报告期", "版本", "状态", "迟报", "截止日期", "报送时间");
			assertThat(rows).as(user).hasSize(1 + count("credit_code = :code", code));
		}
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		var form = jdbc.sql("SELECT r.form_id, f.name, r.status FROM stat_report r JOIN stat_form f ON f.id = r.form_id "
				+ "WHERE r.credit_code = :code ORDER BY r.id LIMIT 1")
			.param("code", ownCreditCode)
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
			.single();
		List<List<String>> one = ExportedRows.of(mvc, sf, "/enterprise/statistics/export.xlsx", "form", form.get(0),
				"status", form.get(2), "sort", "period", "dir", "asc");
		assertThat(one).hasSize(1 + count("credit_code = :code AND status = '" + form.get(2) + "' AND form_id = "
				+ form.get(0), ownCreditCode));
		assertThat(ExportedRows.column(one, 0)).containsOnly(form.get(1));
		assertThat(ExportedRows.column(one, 3)).containsOnly(ReportStatus.valueOf(form.get(2)).label());
		assertThat(ExportedRows.column(one, 1)).isSorted();
		mvc.perform(get("/enterprise/statistics?form={form}", form.get(0)).session(sf))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/enterprise/statistics/export.xlsx?form=" + form.get(0))))
			.andExpect(content().string(containsString("sort=submitted_at")));
	}

	private int count(String where, String code) {
		return jdbc.sql("SELECT count(*) FROM stat_report WHERE " + where).param("code", code).query(Integer.class).single();
	}

	@Test
	void theTokenListsAndReadsOnlyItsOwnEnterprisesReports() throws Exception {
		String body = mvc.perform(get("/api/v1/statistics/reports").param("size", "200").header("Authorization", TOKEN))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		JsonNode items = JsonMapper.builder().build().readTree(body).get("items");
		assertThat(items.size()).as("the demo enterprise has reports").isPositive();
		for (JsonNode item : items) {
			assertThat(item.get("creditCode").asString()).isEqualTo(ownCreditCode);
		}
		long own = items.get(0).get("id").asLong();
		mvc.perform(get("/api/v1/statistics/reports/" + own).header("Authorization", TOKEN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(ownCreditCode)));

		mvc.perform(get("/api/v1/statistics/reports/" + othersReport).header("Authorization", TOKEN))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString(othersName))));
	}

	/**
	 * A body naming another enterprise (fields the submission does not declare) is refused naming the field, and the
	 * submission without them lands on the caller's own enterprise.
	 */
	@Test
	void aSubmissionLandsOnTheCallersOwnEnterpriseWhateverTheBodyNames() throws Exception {
		String othersCode = jdbc.sql("SELECT credit_code FROM stat_report WHERE id = :id").param("id", othersReport)
			.query(String.class)
			.single();
		mvc.perform(post("/api/v1/statistics/reports").header("Authorization", TOKEN)
			.contentType("application/json")
			.content("{\"form\":\"monthly\",\"period\":\"2019-05\",\"values\":{},\"submit\":false,"
					+ "\"creditCode\":\"" + othersCode + "\",\"enterpriseId\":1,\"id\":" + othersReport + "}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("creditCode"))
			.andExpect(jsonPath("$.errors[0].rule").value("unknown"));
		String location = mvc.perform(post("/api/v1/statistics/reports").header("Authorization", TOKEN)
			.contentType("application/json")
			.content("{\"form\":\"monthly\",\"period\":\"2019-05\",\"values\":{},\"submit\":false}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getHeader("Location");
		mvc.perform(get(location).header("Authorization", TOKEN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("\"creditCode\":\"" + ownCreditCode + "\"")));
		assertThat(jdbc.sql("SELECT count(*) FROM stat_report WHERE credit_code = :other AND period = '2019-05'")
			.param("other", othersCode)
			.query(Long.class)
			.single()).as("nothing filed for the other enterprise").isZero();
	}

	/**
	 * A note and the 填报说明 are the enterprise's text: the bureau's report page and API show any ID or mobile number in
	 * them masked, the enterprise's own form as typed (attack rounds 7 and 8: shown in full to every reader of the
	 * bureau).
	 */
	@Test
	void personalNumbersInANoteAreMaskedForTheBureau() throws Exception {
		String location = mvc.perform(post("/api/v1/statistics/reports").header("Authorization", TOKEN)
			.contentType("application/json")
			.content("{\"form\":\"monthly\",\"period\":\"2019-03\",\"values\":{},\"submit\":false,"
					+ "\"comment\":\"填报人13800138000\",\"notes\":{\"postal.total\":\"联系人13512345678\"}}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getHeader("Location");
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		// an unsent draft is the enterprise's own: the bureau does not read it at all
		mvc.perform(get("/statistics/reports/" + id).header("Authorization", "Bearer demo-sz-admin-token"))
			.andExpect(status().isNotFound());
		// once sent (set here directly: the values are beside the point), the bureau reads it masked
		Reporters.markSubmitted(jdbc, id);
		mvc.perform(get("/statistics/reports/" + id).header("Authorization", "Bearer demo-sz-admin-token"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("联系人135****5678")))
			.andExpect(content().string(not(containsString("13512345678"))))
			.andExpect(content().string(not(containsString("13800138000"))));
		// the 填报说明 too, on the API (attack round 8)
		mvc.perform(get("/api/v1/statistics/reports/" + id).header("Authorization", "Bearer demo-sz-admin-token"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("138****8000")))
			.andExpect(content().string(not(containsString("13800138000"))));
		mvc.perform(get("/enterprise/statistics/reports/" + id).header("Authorization", TOKEN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("13512345678")));
	}

	@Test
	void theEnterprisePagesAnswerNotFoundForAnotherEnterprisesReport() throws Exception {
		String before = stateOf(othersReport);
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		String page = "/enterprise/statistics/reports/" + othersReport;
		mvc.perform(get(page).session(sf))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString(othersName))));
		mvc.perform(get(page + "/sheet.xlsx").session(sf)).andExpect(status().isNotFound());
		// a revision asked without its reason is still 404, not "请填写更正原因" (which would tell the report exists)
		for (String step : List.of("", "?action=submit", "/revise", "/revise?reason=更正")) {
			mvc.perform(post(page + step).session(sf).with(csrf()))
				.andExpect(status().isNotFound())
				.andExpect(content().string(not(containsString(othersName))));
		}
		mvc.perform(multipart(page + "/upload")
			.file(new MockMultipartFile("file", "报表.xlsx", "application/octet-stream", new byte[] { 1, 2, 3 }))
			.session(sf).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(stateOf(othersReport)).as("the other enterprise's report unchanged").isEqualTo(before);
	}

	String stateOf(long report) {
		return jdbc.sql("SELECT status || '/' || version || '/' || coalesce(comment, '') FROM stat_report WHERE id = :id")
			.param("id", report)
			.query(String.class)
			.single();
	}
}
