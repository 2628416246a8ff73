package org.youguan.licensing;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.CalendarRecountTest;
import org.youguan.IntegrationTest;
import org.youguan.audit.AuditEvent;
import org.youguan.kernel.DataScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An application received in late December has its 补正告知 day (after which it counts as accepted by law) counted on
 * the provisional calendar of a year whose holiday notice is not loaded; loading the notice counts it again, so the
 * application is not deemed accepted before the law's five working days are over. 2048 is used by no other test.
 */
@IntegrationTest
class LicensingDeadlineRecountIntegrationTest extends CalendarRecountTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	LicenceApplications applications;

	@Test
	void loadingTheYearRecountsTheReceiptDayOfAnOpenApplication() throws Exception {
		clock.set(LocalDateTime.of(2047, 12, 26, 10, 0));
		long id = LicensingIntegrationTest.id(mvc.perform(post("/api/v1/licensing/applications")
			.header("Authorization", LicensingIntegrationTest.CITY)
			.contentType(MediaType.APPLICATION_JSON)
			.content(LicensingIntegrationTest.application(LicensingIntegrationTest.newCreditCode(), "苏州跨年受理快递有限公司",
					"同城", "500000", "")))
			.andExpect(status().isCreated()));
		// 5 working days from Thu 12-26: 12-27, 12-30, 12-31, (01-01 元旦 by law) 01-02, 01-03
		assertThat(view(id).receiptDueOn()).isEqualTo(LocalDate.of(2048, 1, 3));
		assertThat(calendar.isProvisional(LocalDate.of(2048, 1, 3))).isTrue();

		notices.loadDaysOff(LocalDate.of(2048, 1, 1), LocalDate.of(2048, 1, 2), LocalDate.of(2048, 1, 3));

		// the recount runs after the load commits, on the event publication registry: 01-06, 01-07
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(view(id).receiptDueOn())
			.as("01-02 and 01-03 are days off under the notice").isEqualTo(LocalDate.of(2048, 1, 7)));
		assertThat(audit.history(DataScope.all(), "licence_application", id)).extracting(AuditEvent::action)
			.contains("licensing.recount");
	}

	ApplicationView view(long id) {
		return applications.get(DataScope.all(), id).application();
	}
}
