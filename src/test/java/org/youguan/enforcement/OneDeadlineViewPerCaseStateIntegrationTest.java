package org.youguan.enforcement;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.ResultActions;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One deadline view per case state, the same on the case page and in the API's {@code deadlines}: a decision made after
 * its limit reads 超过办案期限 and never 决定期限已履行; the days left count only while the clock runs (null once decided,
 * in the detail as in the list); a closed or imported, already carried out case owes no 送达, 公示 or 缴款 and an
 * imported payment meets the 缴款期限 as a live one does; an imported case may carry its 送达日期, checked as a live
 * delivery; and the import template's example row names a party the directory holds.
 */
@IntegrationTest
class OneDeadlineViewPerCaseStateIntegrationTest extends ClockedSteps {

	static final String WUZHONG = PenaltyCaseIntegrationTest.WUZHONG;

	@Autowired
	Enterprises enterprises;

	ResultActions imported(String filedOn, String decidedOn, String deliveredOn, String paidOn, String closedOn)
			throws Exception {
		String json = """
				{"enterpriseCreditCode":"%s","violation":"DATA_NOT_REPORTED","source":"INSPECTION","filedOn":"%s",
				 "decidedOn":%s,"decisionNumber":%s,"penalty":%s,"fine":%s,"deliveredOn":%s,"paidOn":%s,"closedOn":%s}"""
			.formatted(party.other().creditCode(), filedOn, q(decidedOn),
					q(decidedOn == null ? null : PenaltyImportIntegrationTest.number(LocalDate.parse(decidedOn).getYear())),
					decidedOn == null ? "null" : "\"FINE\"", decidedOn == null ? "null" : "2000", q(deliveredOn), q(paidOn),
					q(closedOn));
		return call(WUZHONG, "/api/v1/enforcement/cases/imported", json);
	}

	private static String q(String s) {
		return s == null ? "null" : "\"" + s + "\"";
	}

	String caseJson(long id) throws Exception {
		return mvc.perform(get("/api/v1/enforcement/cases/" + id).header("Authorization", WUZHONG))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	String page(long id) throws Exception {
		return mvc.perform(get("/enforcement/cases/" + id).session(SignIn.session(mvc, "wz.staff")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private static Object read(String json, String path) {
		return JsonPath.read(json, path);
	}

	/** Attack: /enforcement/cases/21, imported late and closed, read both 超过办案期限 and 决定期限已履行, 送达 and 公示 open. */
	@Test
	void anImportedLateClosedCaseReadsLateAndOwesNothingMore() throws Exception {
		long id = PenaltyCaseIntegrationTest.id(imported("2025-01-06", "2025-12-22", null, "2025-12-24", "2025-12-26")
			.andExpect(status().isCreated()));
		String json = caseJson(id);
		assertThat((Boolean) read(json, "$.penaltyCase.decidedLate")).isTrue();
		assertThat(read(json, "$.deadlines.decisionMadeOn")).as("a late decision met no limit").isNull();
		assertThat(read(json, "$.deadlines.remainingDays")).isNull();
		assertThat(read(json, "$.deadlines.deliveryDue")).isNull();
		assertThat(read(json, "$.deadlines.publicationDue")).isNull();
		assertThat(read(json, "$.deadlines.paymentDue")).isNull();
		assertThat((String) read(json, "$.deadlines.paidUpOn")).isEqualTo("2025-12-24");
		String page = page(id);
		assertThat(page).contains("id=\"decided-late\"").doesNotContain("id=\"decision-made\"").doesNotContain("送达期限至")
			.doesNotContain("公示期限至");
	}

	@Test
	void anImportedPaidCaseIsPaidUpAsALiveOneAndOwesNoService() throws Exception {
		LocalDate decided = LocalDate.now(clock).minusDays(20);
		long id = PenaltyCaseIntegrationTest.id(imported(decided.minusDays(30).toString(), decided.toString(), null,
				decided.plusDays(3).toString(), null).andExpect(status().isCreated()));
		String json = caseJson(id);
		assertThat((String) read(json, "$.penaltyCase.status")).isEqualTo("EXECUTED");
		assertThat((String) read(json, "$.deadlines.paidUpOn")).isEqualTo(decided.plusDays(3).toString());
		assertThat((String) read(json, "$.deadlines.decisionMadeOn")).isEqualTo(decided.toString());
		assertThat(read(json, "$.deadlines.deliveryDue")).isNull();
		assertThat(read(json, "$.deadlines.publicationDue")).isNull();
		assertThat(page(id)).contains("id=\"decision-made\"").doesNotContain("送达期限至").doesNotContain("公示期限至");
	}

	@Test
	void theDaysLeftAreCountedOnlyWhileTheClockRunsInTheDetailAsInTheList() throws Exception {
		LocalDate decided = LocalDate.parse("2025-02-18");
		today(decided);
		long running = party.notified(party.other(), "DATA_NOT_REPORTED", "2000", decided.minusDays(1));
		assertThat(read(caseJson(running), "$.deadlines.remainingDays")).as("the clock runs before the decision").isNotNull();
		long id = party.decided(party.other(), "DATA_NOT_REPORTED", "FINE", "2000", decided);
		String json = caseJson(id);
		assertThat(read(json, "$.deadlines.remainingDays")).isNull();
		String number = (String) read(json, "$.penaltyCase.number");
		String list = mvc.perform(get("/api/v1/enforcement/cases").param("q", number).header("Authorization", WUZHONG))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(JsonPath.<List<Object>>read(list, "$..remainingDays")).containsOnlyNulls().isNotEmpty();
	}

	@Test
	void anImportedDeliveryIsCheckedAsALiveOne() throws Exception {
		LocalDate decided = LocalDate.now(clock).minusDays(20);
		String filed = decided.minusDays(30).toString();
		imported(filed, decided.toString(), decided.minusDays(1).toString(), null, null)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("deliveredOn"))
			.andExpect(jsonPath("$.errors[0].rule").value("order"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("决定日期")));
		imported(filed, decided.toString(), LocalDate.now(clock).plusDays(1).toString(), null, null)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("deliveredOn"))
			.andExpect(jsonPath("$.errors[0].rule").value("future"));
		imported(filed, null, decided.toString(), null, null)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'deliveredOn')].rule").value("absent"));
		imported(filed, decided.toString(), decided.plusDays(5).toString(), decided.plusDays(2).toString(), null)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("paidOn"))
			.andExpect(jsonPath("$.errors[0].rule").value("order"));
		long id = PenaltyCaseIntegrationTest.id(imported(filed, decided.toString(), decided.plusDays(2).toString(), null,
				null).andExpect(status().isCreated()));
		String json = caseJson(id);
		assertThat((String) read(json, "$.penaltyCase.status")).isEqualTo("DELIVERED");
		assertThat((String) read(json, "$.penaltyCase.deliveredOn")).isEqualTo(decided.plusDays(2).toString());
		assertThat(read(json, "$.deadlines.deliveryDue")).isNull();
		assertThat(LocalDate.parse((String) read(json, "$.deadlines.paymentDue"))).isAfter(decided.plusDays(2));

		// the sheet's 送达日期 column, checked the same way, by row and column
		List<Object> headers = new ArrayList<>(PenaltyImportIntegrationTest.HEADERS);
		headers.add("送达日期");
		String code = party.other().creditCode();
		byte[] bad = PenaltyImportIntegrationTest.book(headers, null, List.of(PenaltyImportIntegrationTest.row(code,
				"DATA_NOT_REPORTED", "举报", decided.minusDays(30), decided, PenaltyImportIntegrationTest.number(decided.getYear()),
				"罚款", 1000, null, null, null, decided.minusDays(2))));
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		mvc.perform(multipart("/enforcement/import").file(PenaltyImportIntegrationTest.file(bad)).session(staff).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("<td>2</td><td>送达日期</td>")));
		String number = PenaltyImportIntegrationTest.number(decided.getYear());
		byte[] good = PenaltyImportIntegrationTest.book(headers, null, List.of(PenaltyImportIntegrationTest.row(code,
				"DATA_NOT_REPORTED", "举报", decided.minusDays(30), decided, number, "罚款", 1000, null, null, null,
				decided.plusDays(1))));
		mvc.perform(multipart("/enforcement/import").file(PenaltyImportIntegrationTest.file(good)).session(staff).with(csrf()))
			.andExpect(redirectedUrl("/enforcement/cases?open=false"));
		assertThat(jdbc.sql("SELECT delivered_on FROM penalty_case WHERE decision_number = :n").param("n", number)
			.query(LocalDate.class).single()).isEqualTo(decided.plusDays(1));
	}

	@Test
	void theTemplatesExampleRowNamesAPartyOfTheDirectoryAndIsRefusedAsTheExample() throws Exception {
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		byte[] template = mvc.perform(get("/enforcement/import/template.xlsx").session(staff)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		String code;
		List<String> headers = new ArrayList<>();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template))) {
			DataFormatter f = new DataFormatter();
			book.getSheetAt(0).getRow(0).forEach(c -> headers.add(f.formatCellValue(c)));
			code = f.formatCellValue(book.getSheetAt(0).getRow(1).getCell(0));
		}
		assertThat(headers).contains("送达日期");
		EnterpriseView example = enterprises.findByCreditCode(code).orElseThrow();
		assertThat(example.regionCode()).startsWith("320506");
		mvc.perform(multipart("/enforcement/import").file(PenaltyImportIntegrationTest.file(template)).session(staff)
				.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("示例行")));
	}
}
