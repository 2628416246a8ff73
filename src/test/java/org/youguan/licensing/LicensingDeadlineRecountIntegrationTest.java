package org.youguan.licensing;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
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
 * application is not deemed accepted before the law's five working days are over; an approval's certificate day is
 * counted again the same way. 2048 and 2062 are used by no other test.
 */
@IntegrationTest
class LicensingDeadlineRecountIntegrationTest extends CalendarRecountTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	LicenceApplications applications;

	@Autowired
	JdbcClient jdbc;

	@Test
	void loadingTheYearRecountsTheReceiptDayOfAnOpenApplication() throws Exception {
		clock.set(LocalDateTime.of(2047, 12, 26, 10, 0));
		long id = LicensingIntegrationTest.id(mvc.perform(post("/api/v1/licensing/applications")
			.header("Authorization", LicensingFixture.CITY)
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

	@Test
	void loadingTheYearRecountsTheCertificateDayOfAnApprovedApplication() throws Exception {
		clock.set(LocalDateTime.of(2061, 12, 26, 10, 0));
		long id = LicensingIntegrationTest.id(mvc.perform(post("/api/v1/licensing/applications")
			.header("Authorization", LicensingFixture.CITY)
			.contentType(MediaType.APPLICATION_JSON)
			.content(LicensingIntegrationTest.application(LicensingIntegrationTest.newCreditCode(), "苏州跨年发证快递有限公司",
					"同城", "500000", "")))
			.andExpect(status().isCreated()));
		// approved on Mon 2061-12-26 with the certificate day counted on the provisional calendar (the approval itself
		// is tested in LicensingIntegrationTest): 10 working days are 12-27 … 12-30, 01-02 … 01-06, 01-09
		jdbc.sql("""
				UPDATE licence_application SET status = 'APPROVED', decision = 'APPROVED', decided_on = DATE '2061-12-26',
				  certificate_due_on = DATE '2062-01-09' WHERE id = :id""").param("id", id).update();

		notices.loadDaysOff(LocalDate.of(2062, 1, 1), LocalDate.of(2062, 1, 2), LocalDate.of(2062, 1, 3));

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(view(id).certificateDueOn())
			.as("01-02 and 01-03 are days off under the notice").isEqualTo(LocalDate.of(2062, 1, 11)));
		assertThat(audit.history(DataScope.all(), "licence_application", id)).extracting(AuditEvent::summary)
			.anySatisfy(s -> assertThat(s).contains("已加载2062年工作日历，发证期限由2062年1月9日改为2062年1月11日"));
	}

	ApplicationView view(long id) {
		return applications.get(DataScope.all(), id).application();
	}
}
