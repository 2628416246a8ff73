package org.youguan.universal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;
import org.youguan.kernel.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A 普遍服务监督 record corrected into another record's day and subject made twins — the twin check (409
 * {@code subject}/{@code unique}) ran only on recording; it runs on correction too, the record itself aside. And a
 * record's day, an act of the bureau, is no earlier than 2000 (it was 1949), a supervisor's report no earlier than the
 * supervisor's appointment.
 */
@IntegrationTest
class SupervisionTwinCorrectionIntegrationTest {

	static final DataScope WUZHONG = DataScope.region("320506");

	@Autowired
	SupervisionRecords records;

	@Autowired
	MutableClock clock;

	static SupervisionData visit(String day, String subject) {
		return new SupervisionData("320506", day, null, subject, null, null, false, null, List.of());
	}

	@Test
	void aRecordCorrectedIntoAnothersDayAndSubjectIsRefusedAsItsTwin() {
		String today = LocalDate.now(clock).toString();
		String subject = "更正双胞代办点" + UUID.randomUUID().toString().substring(0, 8);
		records.record(WUZHONG, null, SupervisionKind.OUTLET_VISIT, visit(today, subject), false, false);
		long other = records.record(WUZHONG, null, SupervisionKind.OUTLET_VISIT, visit(today, subject + "乙"), false, false);
		assertThatThrownBy(() -> records.update(WUZHONG, SupervisionKind.OUTLET_VISIT, other, visit(today, " " + subject)))
			.isInstanceOfSatisfying(DomainException.class, ex -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.DUPLICATE);
				assertThat(ex.fieldErrors()).singleElement().satisfies(e -> {
					assertThat(e.field()).isEqualTo("subject");
					assertThat(e.rule()).isEqualTo("unique");
				});
			});
		assertThat(records.get(WUZHONG, SupervisionKind.OUTLET_VISIT, other).subject()).endsWith("乙");
		// its own day and subject are no twin of itself
		records.update(WUZHONG, SupervisionKind.OUTLET_VISIT, other,
				new SupervisionData("320506", today, null, subject + "乙", null, null, true, "督办整改", List.of()));
		assertThat(records.get(WUZHONG, SupervisionKind.OUTLET_VISIT, other).flag()).isTrue();
	}

	@Test
	void aRecordsDayBefore2000AndAReportBeforeTheAppointmentAreRefused() {
		String subject = "远年代办点" + UUID.randomUUID().toString().substring(0, 8);
		assertThatThrownBy(() -> records.record(WUZHONG, null, SupervisionKind.OUTLET_VISIT, visit("1950-05-01", subject),
				false, false))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors()).singleElement()
				.satisfies(e -> assertThat(e.field() + "/" + e.rule()).isEqualTo("day/range")));
		LocalDate appointed = LocalDate.now(clock).minusMonths(2).minusDays(new java.util.Random().nextInt(300));
		long supervisor = records.record(WUZHONG, null, SupervisionKind.SUPERVISOR, new SupervisionData(null,
				appointed.toString(), appointed.plusYears(2).toString(), "欧阳修", null, null, null,
				null, List.of()), false, false);
		assertThatThrownBy(() -> records.addReport(WUZHONG, supervisor, appointed.minusDays(1).toString(), "聘任前反映", false))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors()).singleElement()
				.satisfies(e -> assertThat(e.field() + "/" + e.rule()).isEqualTo("receivedOn/range")));
		records.addReport(WUZHONG, supervisor, appointed.toString(), "聘任当日反映", false);
	}
}
