package org.youguan.safety.internal.ledgers;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Attack round 15, the safety ledgers: a row sent twice (a double click, a retried call) is recorded once — 409 naming
 * the ledger's field, rule {@code unique} — while a row differing in any fact is recorded.
 */
@IntegrationTest
class LedgerTwinsAndSearchIntegrationTest {

	@Autowired
	Hazards hazards;

	@Autowired
	Incidents incidents;

	@Autowired
	RegionRecords records;

	@Autowired
	MutableClock clock;

	static String tag() {
		return UUID.randomUUID().toString().replaceAll("[^a-f]", "");
	}

	@Test
	void theSameHazardIncidentTrainingOrSeizureSentTwiceIsRecordedOnce() {
		DataScope city = DataScope.region("3205");
		String today = LocalDate.now(clock).toString();
		String tag = tag();
		hazards.report(city, new HazardData(HazardLedgerIntegrationTest.shunfeng(), null, null, today, "市局 检查组",
				"INSPECTION", "双击隐患" + tag, "GENERAL", null), false);
		assertTwin("description", () -> hazards.report(city, new HazardData(HazardLedgerIntegrationTest.shunfeng(), null, null,
				today, "市局  检查组", "INSPECTION", " 双击隐患" + tag.toUpperCase() + " ", "GENERAL", null), false));
		hazards.report(city, new HazardData(HazardLedgerIntegrationTest.shunfeng(), null, null, today, "市局 检查组",
				"INSPECTION", "双击隐患" + tag + "（另一处）", "GENERAL", null), false);

		String occurred = LocalDateTime.now(clock).minusHours(2).withSecond(0).withNano(0).toString();
		incidents.record(city, new IncidentData(HazardLedgerIntegrationTest.shunfeng(), null, occurred, "ACCIDENT", "GENERAL",
				"双击事件" + tag, null), false);
		assertTwin("description", () -> incidents.record(city, new IncidentData(HazardLedgerIntegrationTest.shunfeng(), null,
				occurred, "ACCIDENT", "GENERAL", "双击事件" + tag, null), false));

		records.recordTraining(city, new RegionRecords.TrainingData("320506", today, "双击培训" + tag, "30", "网点负责人", "吴中区局"),
				false);
		assertTwin("topic", () -> records.recordTraining(city, new RegionRecords.TrainingData("320506", today, "双击培训" + tag,
				"30", "网点负责人", "吴中区局"), false));
		records.recordTraining(city, new RegionRecords.TrainingData("320506", today, "双击培训" + tag, "31", "网点负责人", "吴中区局"),
				false);

		records.recordSeizure(city, new RegionRecords.SeizureData("320506", today, "吴中区局、区公安分局", "双击查获" + tag, "12", "把",
				"2400", null), false);
		assertTwin("item", () -> records.recordSeizure(city, new RegionRecords.SeizureData("320506", today, "吴中区局、区公安分局",
				"双击查获" + tag, "12", "把", "2400.00", null), false));
	}

	static void assertTwin(String field, Runnable second) {
		assertThatThrownBy(second::run).isInstanceOfSatisfying(DomainException.class, ex -> {
			assertThat(ex.code()).isEqualTo(ErrorCode.DUPLICATE);
			assertThat(ex.fieldErrors()).singleElement().satisfies(e -> {
				assertThat(e.field()).isEqualTo(field);
				assertThat(e.rule()).isEqualTo("unique");
			});
		});
	}
}
