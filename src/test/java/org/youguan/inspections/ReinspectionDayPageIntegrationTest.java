package org.youguan.inspections;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.kernel.DataScope;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The order page's 复查 form refuses a day outside the order's issue … deadline on the page itself (400 naming the
 * field, nothing saved) instead of redirecting as if it had been taken; a day inside is scheduled.
 */
@IntegrationTest
class ReinspectionDayPageIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	InspectionRecords records;

	@Autowired
	InspectionOrders orders;

	@Autowired
	UserDirectory directory;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	MutableClock clock;

	/** A rectification order issued today to sf.wz, due in 10 working days. */
	InspectionOrders.Order newOrder() {
		String sf = directory.principal("sf.wz").map(CurrentUser::enterpriseCreditCode).orElseThrow();
		long record = tx.execute(s -> records.record(DataScope.region("320506"), null, new InspectionRecordData(sf,
				LocalDate.now(clock).toString(), "SPECIAL", List.of("REAL_NAME"),
				List.of(new InspectionRecordData.TeamMember("陈吴中", "32050601"),
						new InspectionRecordData.TeamMember("沈执法", "32050602")),
				"RECTIFICATION", "实名收寄登记不全（" + UUID.randomUUID() + "）", null, null), false, false));
		return orders.issue(DataScope.region("320506"), record, "320506", 10);
	}

	@Test
	void anImplausibleDayIsRefusedWith400AndADayInsideIsScheduled() throws Exception {
		InspectionOrders.Order order = newOrder();
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		String page = "/inspections/orders/" + order.id();

		for (String bad : List.of("0001-01-01", "9999-12-31", "明天")) {
			mvc.perform(post(page + "/reinspection").session(staff).with(csrf()).param("on", bad))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("data-field=\"on\"")));
		}
		assertThat(orders.get(DataScope.all(), order.id()).reinspectionOn()).isNull();

		mvc.perform(post(page + "/reinspection").session(staff).with(csrf()).param("on", order.dueOn().toString()))
			.andExpect(redirectedUrl(page));
		assertThat(orders.get(DataScope.all(), order.id()).reinspectionOn()).isEqualTo(order.dueOn());
	}

	@Autowired
	WorkingCalendar calendar;

	/** Attack round 16: a 复查 on a Sunday was taken (API 200); a day off is refused on the API and on the page. */
	@Test
	void aDayOffIsRefusedOnTheApiAndThePage() throws Exception {
		InspectionOrders.Order order = newOrder();
		// ten working days hold a weekend
		LocalDate dayOff = order.issuedOn().datesUntil(order.dueOn()).filter(d -> !calendar.isWorkingDay(d)).findFirst()
			.orElseThrow();
		mvc.perform(post("/api/v1/inspections/orders/" + order.id() + "/reinspection")
			.header("Authorization", "Bearer demo-wz-staff-token").contentType(MediaType.APPLICATION_JSON)
			.content("{\"on\":\"" + dayOff + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("on"))
			.andExpect(jsonPath("$.errors[0].rule").value("working-day"));
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		mvc.perform(post("/inspections/orders/" + order.id() + "/reinspection").session(staff).with(csrf())
			.param("on", dayOff.toString()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("不是工作日")));
		assertThat(orders.get(DataScope.all(), order.id()).reinspectionOn()).isNull();
	}
}
