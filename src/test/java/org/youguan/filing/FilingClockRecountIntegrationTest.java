package org.youguan.filing;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.CalendarRecountTest;
import org.youguan.IntegrationTest;
import org.youguan.SignIn;
import org.youguan.audit.AuditEvent;
import org.youguan.kernel.DataScope;
import org.youguan.org.UserDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.matchesRegex;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * A filing whose clock runs into a year whose holiday notice is not loaded gets a provisional due date (元旦 is off by
 * law), shown as 暂定; loading the year recomputes it. 2043 and 2044 are used by no other test.
 */
@IntegrationTest
class FilingClockRecountIntegrationTest extends CalendarRecountTest {

	static final DataScope WUZHONG = DataScope.region("320506");

	@Autowired
	OutletFilings filings;

	@Autowired
	UserDirectory directory;

	@Autowired
	MockMvc mvc;

	@Test
	void loadingTheYearRecomputesTheProvisionalDueDateOfAnOpenFiling() throws Exception {
		clock.set(LocalDateTime.of(2043, 12, 28, 10, 0));
		long id = filings.submitNew(directory.principal("sf.wz").orElseThrow(),
				OutletFilingIntegrationTest.outlet(LocalDate.of(2043, 12, 20)),
				OutletFilingIntegrationTest.completeAttachments());
		// 5 working days from Mon 12-28: 12-29, 12-30, 12-31, (01-01 元旦 by law) 01-04, 01-05
		assertThat(filings.get(WUZHONG, id).dueOn()).isEqualTo(LocalDate.of(2044, 1, 5));
		assertThat(calendar.isProvisional(LocalDate.of(2044, 1, 5))).isTrue();
		var staff = SignIn.session(mvc, "wz.staff");
		mvc.perform(get("/filing/" + id).session(staff)).andExpect(content().string(matchesRegex(
				"(?s).*id=\"filing-due\"><span>2044-01-05</span>\\s*<span class=\"badge bg-azure-lt provisional\"[^>]*>暂定</span>.*")));

		notices.loadDaysOff(LocalDate.of(2044, 1, 1), LocalDate.of(2044, 1, 4));

		// the recount runs after the load commits, on the event publication registry
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(filings.get(WUZHONG, id).dueOn())
			.as("01-04 is a day off under the notice").isEqualTo(LocalDate.of(2044, 1, 6)));
		assertThat(audit.history(WUZHONG, "OutletFiling", id)).extracting(AuditEvent::action).contains("filing.recount");
		assertThat(audit.history(WUZHONG, "OutletFiling", id)).filteredOn(e -> e.action().equals("filing.recount"))
			.extracting(AuditEvent::summary).as("names the load by its years, not as a list")
			.allMatch(s -> s.startsWith("已加载2044年工作日历，"));
		mvc.perform(get("/filing/" + id).session(staff))
			.andExpect(content().string(matchesRegex("(?s).*id=\"filing-due\"><span>2044-01-06</span>\\s*</dd>.*")));
	}
}
