package org.youguan.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.IntegrationTest;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;
import org.youguan.registry.EnterpriseType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A form's due day changed today moves the deadline of the periods still running, never that of a period already
 * ended (attack: changing the due day rewrote past periods' deadlines on 报送进度 and the enterprise's 应报 list).
 */
@IntegrationTest
class ReportFormDueDayIntegrationTest {

	@Autowired
	ReportForms forms;

	@Autowired
	UserDirectory directory;

	@Autowired
	Clock clock;

	@Test
	void aChangedDueDayMovesOnlyThePeriodsNotYetEnded() {
		ReportForm monthly = forms.byCode("monthly");
		int was = monthly.dueDay();
		int changed = was == 20 ? 21 : 20;
		CurrentUser admin = directory.principal("sys.admin").orElseThrow();
		Period ended = Period.month(YearMonth.now(clock).minusMonths(2));
		Period running = Period.month(YearMonth.now(clock).plusMonths(1));
		LocalDate endedDue = forms.dueOn(monthly, ended);
		List<EnterpriseType> types = monthly.types();
		try {
			forms.configure(admin, monthly.id(), changed, types, monthly.brandId(), monthly.regionPrefix());
			ReportForm after = forms.byCode("monthly");
			assertThat(after.dueDay()).isEqualTo(changed);
			assertThat(forms.dueOn(after, ended)).as("an ended period keeps its deadline").isEqualTo(endedDue);
			assertThat(forms.dueOn(after, running).getDayOfMonth()).as("a running one takes the new day")
				.isGreaterThanOrEqualTo(changed);
			assertThat(forms.dueOn(after, running).withDayOfMonth(1)).isEqualTo(running.last().plusMonths(1).atDay(1));
		}
		finally {
			forms.configure(admin, monthly.id(), was, types, monthly.brandId(), monthly.regionPrefix());
		}
		assertThat(forms.dueOn(forms.byCode("monthly"), ended)).isEqualTo(endedDue);
	}
}
