package org.youguan.inspections;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.ExportedRows;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.documents.TemplateFiles;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A 责令改正 order whose working days run into a year whose holiday notice is not loaded (2027: never loaded by a test)
 * states its deadline as 暂定: {@code dueOnProvisional} in the API (the order, the order list, the inspection list),
 * the badge on its page and （暂定） in the .docx the enterprise receives. An order due within a loaded year does not.
 */
@IntegrationTest
class ProvisionalOrderDeadlineIntegrationTest {

	static final String WUZHONG = "Bearer demo-wz-staff-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	InspectionRecords records;

	@Autowired
	InspectionOrders orders;

	@Autowired
	UserDirectory directory;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	MutableClock clock;

	@Autowired
	TransactionTemplate tx;

	@AfterEach
	void reset() {
		clock.reset();
	}

	/** An order of {@code workingDays} issued through the API on {@code day}, on an inspection recorded that day. */
	long issuedOn(LocalDate day, int workingDays) throws Exception {
		clock.set(day.atTime(10, 0));
		String sf = directory.principal("sf.wz").map(CurrentUser::enterpriseCreditCode).orElseThrow();
		long record = tx.execute(s -> records.record(DataScope.region("320506"), null, new InspectionRecordData(sf,
				day.toString(), "SPECIAL", List.of("REAL_NAME"),
				List.of(new InspectionRecordData.TeamMember("陈吴中", "32050601"),
						new InspectionRecordData.TeamMember("沈执法", "32050602")),
				"RECTIFICATION", "实名收寄登记不全（" + UUID.randomUUID() + "）", null, null), false, false));
		String issued = mvc.perform(post("/api/v1/inspections/records/" + record + "/order").header("Authorization", WUZHONG)
			.contentType(MediaType.APPLICATION_JSON).content("{\"workingDays\":" + workingDays + "}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(issued, "$.id")).longValue();
	}

	String docx(long order) throws Exception {
		long document = orders.document(DataScope.all(), order).orElseThrow().id();
		// read back with POI, as the enterprise downloads it
		return TemplateFiles.text(mvc.perform(get("/attachments/" + document).session(SignIn.session(mvc, "sf.wz")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
	}

	@Test
	void anOrderDueInAYearNotLoadedIsProvisionalInTheApiThePageAndTheDocx() throws Exception {
		// Friday 2026-12-04 + 30 working days, 元旦 2027 off by law: Monday 2027-01-18
		long order = issuedOn(LocalDate.of(2026, 12, 4), 30);
		InspectionOrders.Order o = orders.get(DataScope.all(), order);
		assertThat(o.dueOn()).isEqualTo(LocalDate.of(2027, 1, 18));
		mvc.perform(get("/api/v1/inspections/orders/" + order).header("Authorization", WUZHONG))
			.andExpect(jsonPath("$.dueOn").value("2027-01-18"))
			.andExpect(jsonPath("$.dueOnProvisional").value(true));
		mvc.perform(get("/api/v1/inspections/orders?q=" + o.number()).header("Authorization", WUZHONG))
			.andExpect(jsonPath("$.items[0].dueOnProvisional").value(true));
		mvc.perform(get("/api/v1/inspections/records?q=" + o.number()).header("Authorization", WUZHONG))
			.andExpect(jsonPath("$.items[0].dueOn").value("2027-01-18"))
			.andExpect(jsonPath("$.items[0].dueOnProvisional").value(true));
		// the notice the enterprise receives prints the day plainly: （暂定） is the platform's mark, no official wording
		assertThat(docx(order)).contains("2027年1月18日").doesNotContain("暂定");
		mvc.perform(get("/inspections/orders/" + order).session(SignIn.session(mvc, "wz.staff")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("badge bg-azure-lt provisional")));
		// the exports mark it as the pages do: the orders', the records' (staff and enterprise)
		assertThat(exported("/inspections/orders/export.xlsx", "wz.staff", o.number())).contains("2027-01-18（暂定）");
		assertThat(exported("/inspections/records.xlsx", "wz.staff", o.number())).contains("2027-01-18（暂定）");
		assertThat(exported("/enterprise/inspections/orders/export.xlsx", "sf.wz", o.number())).contains("2027-01-18（暂定）");
	}

	/** The export's cells of the rows found by {@code q}, flattened. */
	List<String> exported(String path, String user, String q) throws Exception {
		return ExportedRows.of(mvc, SignIn.session(mvc, user), path, "q", q).stream().skip(1).flatMap(List::stream).toList();
	}

	@Test
	void anOrderDueWithinALoadedYearIsNotProvisional() throws Exception {
		LocalDate day = LocalDate.of(2026, 11, 2);
		long order = issuedOn(day, 10);
		LocalDate due = calendar.plusWorkingDays(day, 10);
		mvc.perform(get("/api/v1/inspections/orders/" + order).header("Authorization", WUZHONG))
			.andExpect(jsonPath("$.dueOn").value(due.toString()))
			.andExpect(jsonPath("$.dueOnProvisional").value(false));
		assertThat(docx(order)).contains(ChineseText.day(due)).doesNotContain("暂定");
		String number = orders.get(DataScope.all(), order).number();
		assertThat(exported("/inspections/orders/export.xlsx", "wz.staff", number)).contains(due.toString())
			.noneMatch(cell -> cell.contains("暂定"));
		mvc.perform(get("/inspections/orders/" + order).session(SignIn.session(mvc, "wz.staff")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("badge bg-azure-lt provisional"))));
	}
}
