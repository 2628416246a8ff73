package org.youguan.enforcement;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A past case brought in has no procedure on the platform, so it must be past: filed and decided before the day it is
 * imported (JSON and .xlsx alike, rule {@code imported-past}) — a decision of today belongs on the platform — and it is
 * published (双公示) only with the scan of its paper 行政处罚决定书 (rule {@code original-decision}).
 */
@IntegrationTest
class ImportedCaseProcedureIntegrationTest extends ClockedSteps {

	static final String WUZHONG = PenaltyCaseIntegrationTest.WUZHONG;

	@Autowired
	PenaltyCases cases;

	ResultActions imported(String filedOn, String decidedOn, String number) throws Exception {
		String code = party.other().creditCode();
		return mvc.perform(post("/api/v1/enforcement/cases/imported").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"enterpriseCreditCode":"%s","violation":"DATA_NOT_REPORTED","source":"INSPECTION","filedOn":%s,
					 "decidedOn":%s,"decisionNumber":%s,"penalty":%s,"fine":%s}""".formatted(code, quoted(filedOn),
					quoted(decidedOn), quoted(number), decidedOn == null ? "null" : "\"FINE\"", decidedOn == null ? "null" : "2000")));
	}

	static String quoted(String s) {
		return s == null ? "null" : "\"" + s + "\"";
	}

	static String number() {
		return "苏吴邮管罚〔2026〕T" + UUID.randomUUID().toString().substring(0, 8) + "号";
	}

	/**
	 * Attack round 15: a case filed and decided in 1950 was imported, numbered 处罚案件-320506-1950-…, shown to its party
	 * and counted in the 1950 figures. A bureau's act is dated from 2000 ({@code Validation.EARLIEST_ACT}).
	 */
	@Test
	void aCaseDatedBeforeTheEarliestActIsRefused() throws Exception {
		imported("1950-01-05", "1950-02-05", number()).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("filedOn"))
			.andExpect(jsonPath("$.errors[0].rule").value("range"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("2000年1月1日")));
		// from 2000 a date is judged by the law of its day: DATA_NOT_REPORTED's article is law from 2024-03-01
		imported("2024-03-05", "2024-04-05", "苏吴邮管罚〔2024〕T" + UUID.randomUUID().toString().substring(0, 8) + "号")
			.andExpect(status().isCreated());
	}

	@Test
	void aCaseDecidedOrFiledTodayIsNoPastCase() throws Exception {
		LocalDate today = LocalDate.now(clock);
		imported(today.minusDays(30).toString(), today.toString(), number())
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("decidedOn"))
			.andExpect(jsonPath("$.errors[0].rule").value("imported-past"));
		imported(today.toString(), null, null)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("filedOn"))
			.andExpect(jsonPath("$.errors[0].rule").value("imported-past"));
		imported(today.minusDays(30).toString(), today.minusDays(1).toString(), number()).andExpect(status().isCreated());

		String code = party.other().creditCode();
		byte[] sheet = PenaltyImportIntegrationTest.book(null, List.of(PenaltyImportIntegrationTest.row(code, "DATA_NOT_REPORTED",
				"举报", today.minusDays(3), today, number(), "罚款", 1000, null, null)));
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		mvc.perform(multipart("/enforcement/import").file(PenaltyImportIntegrationTest.file(sheet)).session(staff).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("<td>2</td><td>决定日期</td>")))
			.andExpect(content().string(containsString("不是历史日期")));
	}

	@Test
	void anImportedDecisionIsPublishedOnlyWithTheScanOfItsPaperDecision() throws Exception {
		LocalDate decided = LocalDate.now(clock).minusDays(20);
		String number = number();
		long id = PenaltyCaseIntegrationTest.id(imported(decided.minusDays(30).toString(), decided.toString(), number)
			.andExpect(status().isCreated()));
		String publish = "{\"on\":\"" + LocalDate.now(clock) + "\"}";
		mvc.perform(post("/api/v1/enforcement/cases/" + id + "/publication").header("Authorization", WUZHONG)
				.contentType(MediaType.APPLICATION_JSON).content(publish))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("on"))
			.andExpect(jsonPath("$.errors[0].rule").value("original-decision"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("决定书原件扫描件")));
		assertThat(cases.get(PartyCases.ALL, id).penaltyCase().publishedOn()).isNull();
		mvc.perform(multipart("/api/v1/enforcement/cases/" + id + "/documents/originals")
				.file(new MockMultipartFile("file", "决定书.pdf", "application/pdf", PenaltyCaseIntegrationTest.WAIVER_PDF))
				.param("kind", "DECISION").param("issuedOn", decided.toString()).header("Authorization", WUZHONG))
			.andExpect(status().isCreated());
		mvc.perform(post("/api/v1/enforcement/cases/" + id + "/publication").header("Authorization", WUZHONG)
				.contentType(MediaType.APPLICATION_JSON).content(publish))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.penaltyCase.publishedOn").value(LocalDate.now(clock).toString()));
	}
}
