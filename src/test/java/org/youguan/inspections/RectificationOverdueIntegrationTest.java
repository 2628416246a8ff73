package org.youguan.inspections;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.registry.Enterprises;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An order to correct that passes its deadline unrectified becomes a case lead, once: the daily job's work, driven by
 * the application clock (the scheduled wrapper only adds the cluster lock and the transaction), publishes {@link RectificationOverdue} the day after the deadline (not before, not for a rectified order, not
 * twice), and the period's figures count the lead.
 */
@IntegrationTest
@RecordApplicationEvents
class RectificationOverdueIntegrationTest {

	@Autowired
	InspectionRecords records;

	@Autowired
	RectificationDeadlines deadlines;

	@Autowired
	InspectionFigures figures;

	@Autowired
	Enterprises enterprises;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationEvents events;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	long order(String creditCode, String due, String rectified) {
		InspectionRecordData data = new InspectionRecordData(creditCode, "2025-03-03", "SPECIAL", List.of("REAL_NAME"),
				List.of(new InspectionRecordData.TeamMember("甲", "OD" + UUID.randomUUID().toString().substring(0, 8)),
						new InspectionRecordData.TeamMember("乙", "OD" + UUID.randomUUID().toString().substring(0, 8))),
				"RECTIFICATION", "未实名收寄", new InspectionRecordData.Rectification(
						// a 文号 as an order carries it: a random UUID's hex could hold a mobile number's 11 digits
						"吴邮改〔2025〕" + org.youguan.RandomDigits.of(5) + "号", "2025-03-03",
						due, rectified), null);
		return records.record(DataScope.all(), null, data, false, false);
	}

	List<RectificationOverdue> raised(long recordId) {
		return events.stream(RectificationOverdue.class).filter(e -> e.recordId() == recordId).toList();
	}

	@Test
	void anUnrectifiedOrderPastItsDeadlineBecomesALeadOnce() {
		String code = enterprises.list(DataScope.region("320506"), Enterprises.Filter.NONE, PageQuery.of(null, 0, 1, null, null))
			.items().get(0).creditCode();
		clock.set(LocalDateTime.of(2025, 3, 14, 9, 0));
		long open = order(code, "2025-03-14", null);
		long rectified = order(code, "2025-03-14", "2025-03-10");
		deadlines.raiseLeads(LocalDate.now(clock));
		assertThat(raised(open)).as("the deadline day itself is still in time").isEmpty();
		var before = figures.figures(DataScope.all(), "320506", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31),
				LocalDate.of(2025, 3, 31));

		clock.set(LocalDateTime.of(2025, 3, 15, 1, 30));
		deadlines.raiseLeads(LocalDate.now(clock));
		assertThat(raised(open)).singleElement().satisfies(e -> {
			assertThat(e.dueOn()).isEqualTo(LocalDate.of(2025, 3, 14));
			assertThat(e.raisedOn()).isEqualTo(LocalDate.of(2025, 3, 15));
			assertThat(e.enterpriseCreditCode()).isEqualTo(code);
		});
		assertThat(raised(rectified)).isEmpty();

		clock.set(LocalDateTime.of(2025, 3, 16, 1, 30));
		deadlines.raiseLeads(LocalDate.now(clock));
		assertThat(raised(open)).as("raised once").hasSize(1);

		var after = figures.figures(DataScope.all(), "320506", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31),
				LocalDate.of(2025, 3, 31));
		assertThat(after.leads() - before.leads()).isEqualTo(1);
	}
}
