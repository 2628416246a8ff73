package org.youguan.inspections;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 责令改正 on the platform: an inspection concluded 责令改正 gets its order numbered by the numbering module and due in
 * working days by the calendar; the enterprise sees it and replies with its report; the bureau rejects a reply only
 * with a reason and accepts it, after which the order counts as rectified on the day of the reply. The enterprise
 * replies only to its own orders, staff do not reply for it.
 */
@IntegrationTest
class RectificationProcedureIntegrationTest {

	static final String WUZHONG = "Bearer demo-wz-staff-token";

	static final String SF = "Bearer demo-sf-wz-token";

	@Autowired
	MockMvc mvc;

	@Autowired
	InspectionRecords records;

	@Autowired
	UserDirectory directory;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	MutableClock clock;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	InspectionOrders orders;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	ResultActions call(String token, String path, String json) throws Exception {
		return mvc.perform(post(path).header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	@Test
	void anOrderIsIssuedRepliedToAndAccepted() throws Exception {
		long record = record();

		String issued = call(WUZHONG, "/api/v1/inspections/records/" + record + "/order", "{\"workingDays\":10}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.number", startsWith("苏吴邮管责改〔")))
			.andExpect(jsonPath("$.dueOn").value(calendar.plusWorkingDays(LocalDate.now(clock), 10).toString()))
			.andExpect(jsonPath("$.status").value("ISSUED"))
			.andReturn().getResponse().getContentAsString();
		long order = ((Number) JsonPath.read(issued, "$.id")).longValue();
		call(WUZHONG, "/api/v1/inspections/records/" + record + "/order", "{\"workingDays\":10}")
			.andExpect(status().is4xxClientError());

		mvc.perform(get("/api/v1/enterprise/inspections/orders").param("size", "200").header("Authorization", SF))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].id", hasItem((int) order)));
		call(WUZHONG, "/api/v1/enterprise/inspections/orders/" + order, "{\"report\":\"代答\"}")
			.andExpect(status().isForbidden());
		call(SF, "/api/v1/enterprise/inspections/orders/" + order, "{\"report\":\" \"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("report"));
		call(SF, "/api/v1/enterprise/inspections/orders/" + order, "{\"report\":\"已补全实名登记并培训收寄员\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REPLIED"));

		call(WUZHONG, "/api/v1/inspections/orders/" + order + "/reinspection", "{\"on\":\"2099-01-01\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("on"));
		// the schedule keeps no note: one sent is refused, not dropped (attack: documented in the schema and lost)
		call(WUZHONG, "/api/v1/inspections/orders/" + order + "/reinspection", "{\"on\":\"2099-01-01\",\"note\":\"复查说明\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("note"));
		call(WUZHONG, "/api/v1/inspections/orders/" + order + "/reject", "{}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("note"));
		call(WUZHONG, "/api/v1/inspections/orders/" + order + "/accept", "{}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACCEPTED"))
			.andExpect(jsonPath("$.rectifiedOn").value(LocalDate.now(clock).toString()));
		call(SF, "/api/v1/enterprise/inspections/orders/" + order, "{\"report\":\"再答复\"}")
			.andExpect(status().isConflict());
		// accepted as rectified, it takes no re-inspection (attack round 12: a 未整改 then made it a lead as well)
		call(WUZHONG, "/api/v1/inspections/orders/" + order + "/reinspection", "{\"on\":\"" + LocalDate.now(clock) + "\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("已于" + ChineseText.day(LocalDate.now(clock)) + "验收整改")));
		assertThat(orders.get(DataScope.region("320506"), order).reinspectionOn()).isNull();
	}

	/**
	 * An order is rectified or a lead, never both: re-inspection scheduled, then the reply accepted — the re-inspection's
	 * result is refused; re-inspected 未整改 — a reply received before it is no longer accepted (rejected it may be).
	 */
	@Test
	void anAcceptedOrderTakesNoReinspectionResultAndAnUnrectifiedOneNoAcceptance() throws Exception {
		// re-inspected today, which must be a working day
		clock.set(calendar.onOrNextWorkingDay(LocalDate.now(clock)).atTime(10, 0));
		LocalDate today = LocalDate.now(clock);
		for (boolean acceptFirst : List.of(true, false)) {
			long order = repliedOrder();
			call(WUZHONG, "/api/v1/inspections/orders/" + order + "/reinspection", "{\"on\":\"" + today + "\"}")
				.andExpect(status().isOk());
			if (acceptFirst) {
				call(WUZHONG, "/api/v1/inspections/orders/" + order + "/accept", "{}").andExpect(status().isOk());
				call(WUZHONG, "/api/v1/inspections/orders/" + order + "/reinspection/result",
						"{\"result\":\"NOT_RECTIFIED\",\"note\":\"复查发现仍未整改\"}")
					.andExpect(status().isConflict());
				InspectionOrders.Order o = orders.get(DataScope.region("320506"), order);
				assertThat(o.status()).isEqualTo("ACCEPTED");
				assertThat(o.leadRaisedOn()).isNull();
				assertThat(o.reinspectionResult()).isNull();
			}
			else {
				call(WUZHONG, "/api/v1/inspections/orders/" + order + "/reinspection/result",
						"{\"result\":\"NOT_RECTIFIED\",\"note\":\"复查发现仍未整改\"}")
					.andExpect(status().isOk());
				call(WUZHONG, "/api/v1/inspections/orders/" + order + "/accept", "{}")
					.andExpect(status().isConflict())
					.andExpect(jsonPath("$.detail", containsString("已转为案件线索")));
				InspectionOrders.Order o = orders.get(DataScope.region("320506"), order);
				assertThat(o.rectifiedOn()).isNull();
				assertThat(o.leadRaisedOn()).isEqualTo(today);
				call(WUZHONG, "/api/v1/inspections/orders/" + order + "/reject", "{\"note\":\"复查未整改\"}")
					.andExpect(status().isOk());
			}
		}
	}

	/**
	 * Attack B2: 未整改 was recorded on the day the order was issued, turning it into a case lead and closing the
	 * enterprise's reply. Before the deadline a re-inspection's 未整改 is refused naming the deadline (the enterprise may
	 * still correct) — unless its report, awaiting the bureau, declared the correction done; after the deadline it is
	 * recorded and the order becomes a lead that day.
	 */
	@Test
	void aNotRectifiedResultWaitsForTheDeadlineUnlessTheEnterpriseReportedTheCorrectionDone() throws Exception {
		clock.set(calendar.onOrNextWorkingDay(LocalDate.now(clock)).atTime(10, 0));
		LocalDate today = LocalDate.now(clock);
		String notRectified = "{\"result\":\"NOT_RECTIFIED\",\"note\":\"复查发现仍未整改\"}";
		long[] ids = new long[2];
		for (int i = 0; i < 2; i++) {
			String issued = call(WUZHONG, "/api/v1/inspections/records/" + record() + "/order", "{\"workingDays\":10}")
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
			ids[i] = ((Number) JsonPath.read(issued, "$.id")).longValue();
			call(WUZHONG, "/api/v1/inspections/orders/" + ids[i] + "/reinspection", "{\"on\":\"" + today + "\"}")
				.andExpect(status().isOk());
			// the day of issue: the term runs until its deadline
			LocalDate due = orders.get(DataScope.region("320506"), ids[i]).dueOn();
			call(WUZHONG, "/api/v1/inspections/orders/" + ids[i] + "/reinspection/result", notRectified)
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].field").value("result"))
				.andExpect(jsonPath("$.errors[0].rule").value("before-due"))
				.andExpect(jsonPath("$.detail", containsString("整改期限（" + ChineseText.day(due))));
			assertThat(orders.get(DataScope.region("320506"), ids[i]).leadRaisedOn()).isNull();
		}
		// the first: the enterprise reports the correction done, the re-inspection finds it is not
		call(SF, "/api/v1/enterprise/inspections/orders/" + ids[0], "{\"report\":\"已整改\"}").andExpect(status().isOk());
		call(WUZHONG, "/api/v1/inspections/orders/" + ids[0] + "/reinspection/result", notRectified)
			.andExpect(status().isOk());
		assertThat(orders.get(DataScope.region("320506"), ids[0]).leadRaisedOn()).isEqualTo(today);
		// the second, without a report: recorded once the deadline has passed
		LocalDate after = calendar.onOrNextWorkingDay(orders.get(DataScope.region("320506"), ids[1]).dueOn().plusDays(1));
		clock.set(after.atTime(10, 0));
		call(WUZHONG, "/api/v1/inspections/orders/" + ids[1] + "/reinspection/result", notRectified)
			.andExpect(status().isOk());
		assertThat(orders.get(DataScope.region("320506"), ids[1]).leadRaisedOn()).isEqualTo(after);
	}

	/**
	 * A record kept at a village without its inspecting bureau (a universal-service 通邮检查): its order is the bureau's
	 * handling the village — numbered in the county's series (苏吴邮管责改〔…〕, the county bureau's), issued by the county's staff — never
	 * the village's own (attack: 责令改正-320506110203-2026-000001, a series per village).
	 */
	@Test
	void anOrderOfAVillagesRecordIsNumberedByTheBureauHandlingTheVillage() throws Exception {
		long record = record();
		jdbc.sql("UPDATE inspection_record SET region_code = '320506110203', bureau_id = NULL, plan_id = NULL WHERE id = :id")
			.param("id", record).update();
		String issued = call(WUZHONG, "/api/v1/inspections/records/" + record + "/order", "{\"workingDays\":10}")
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		assertThat((String) JsonPath.read(issued, "$.number")).startsWith("苏吴邮管责改〔");
	}

	/** A new inspection of sf.wz today, concluded 责令改正. */
	long record() {
		String sf = directory.principal("sf.wz").map(CurrentUser::enterpriseCreditCode).orElseThrow();
		return tx.execute(s -> records.record(DataScope.region("320506"), null, new InspectionRecordData(sf,
				LocalDate.now(clock).toString(), "SPECIAL", List.of("REAL_NAME"),
				List.of(new InspectionRecordData.TeamMember("陈吴中", "32050601"),
						new InspectionRecordData.TeamMember("某某", "PR" + UUID.randomUUID().toString().substring(0, 8))),
				"RECTIFICATION", "实名收寄登记不全", null, "吴中营业部"), false, false));
	}

	/** A new order of sf.wz, issued today and replied to by the enterprise. */
	long repliedOrder() throws Exception {
		long record = record();
		String issued = call(WUZHONG, "/api/v1/inspections/records/" + record + "/order", "{\"workingDays\":10}")
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long order = ((Number) JsonPath.read(issued, "$.id")).longValue();
		call(SF, "/api/v1/enterprise/inspections/orders/" + order, "{\"report\":\"已整改\"}").andExpect(status().isOk());
		return order;
	}

	/**
	 * An order's steps are the handling bureau's (attack 51: the city's staff scheduled a re-inspection of and rejected a
	 * 吴中 order): the city reads the order and is refused every step with 403 naming 吴中's bureau, a sibling county does
	 * not see it (404); a re-inspection without a day is refused as required, not as out of range.
	 */
	@Test
	void onlyTheHandlingBureauTakesAnOrdersSteps() throws Exception {
		long record = record();
		call("Bearer demo-sz-market-token", "/api/v1/inspections/records/" + record + "/order", "{\"workingDays\":10}")
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("本检查由苏州市吴中区邮政管理局办理")));
		long order = repliedOrder();
		mvc.perform(get("/api/v1/inspections/orders/" + order).header("Authorization", "Bearer demo-sz-market-token"))
			.andExpect(status().isOk());
		Map<String, String> steps = Map.of("/reinspection", "{\"on\":\"" + LocalDate.now(clock) + "\"}",
				"/reject", "{\"note\":\"不合格\"}", "/accept", "{}");
		for (Map.Entry<String, String> step : steps.entrySet()) {
			call("Bearer demo-sz-market-token", "/api/v1/inspections/orders/" + order + step.getKey(), step.getValue())
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.detail", containsString("本责令改正通知书由苏州市吴中区邮政管理局办理")));
			call("Bearer demo-xc-staff-token", "/api/v1/inspections/orders/" + order + step.getKey(), step.getValue())
				.andExpect(status().isNotFound());
		}
		assertThat(orders.get(DataScope.region("320506"), order).status()).isEqualTo("REPLIED");
		call(WUZHONG, "/api/v1/inspections/orders/" + order + "/reinspection", "{}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("on"))
			.andExpect(jsonPath("$.errors[0].rule").value("required"));
	}

	@Test
	void anEnterpriseRepliesOnlyToItsOwnOrders() throws Exception {
		String sf = directory.principal("sf.wz").map(CurrentUser::enterpriseCreditCode).orElseThrow();
		long other = orders.list(DataScope.region("3205"), PageQuery.of(null, 0, 100, null, null)).items().stream()
			.filter(o -> !o.enterpriseCreditCode().equals(sf))
			.findFirst().orElseThrow().id();
		call(SF, "/api/v1/enterprise/inspections/orders/" + other, "{\"report\":\"不是我的\"}")
			.andExpect(status().isNotFound());
	}
}
