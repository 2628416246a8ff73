package org.youguan.safety.internal.ledgers;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.InvalidValueException;
import org.youguan.registry.OutletView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.youguan.safety.internal.ledgers.LedgerFixture.CITY;
import static org.youguan.safety.internal.ledgers.LedgerFixture.assertTwin;
import static org.youguan.safety.internal.ledgers.LedgerFixture.hazard;
import static org.youguan.safety.internal.ledgers.LedgerFixture.tag;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Two gaps of the safety ledgers. A correction that makes a row equal to another row of its ledger made twins — the
 * twin check (409, rule {@code unique}) ran only on recording; it now runs on correction too, the corrected row itself
 * aside. And a ledger's day could lie decades back (floor 1949): a hazard found, an incident occurred, a training held,
 * a seizure made, a letter signed or a contract begun now lies within the catalogue's look-back
 * ({@code safety.ledger.lookback}, 10 years) and not in the future, refused naming the field otherwise.
 */
@IntegrationTest
class LedgerTwinCorrectionAndDaysIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Hazards hazards;

	@Autowired
	Incidents incidents;

	@Autowired
	RegionRecords records;

	@Autowired
	Contractors contractors;

	@Autowired
	ResponsibilityLetters letters;

	@Autowired
	LedgerFixture fixture;

	@Autowired
	MutableClock clock;

	@Test
	void aHazardOrIncidentCorrectedIntoAnotherRowsFactsIsRefusedAsItsTwin() {
		String today = LocalDate.now(clock).toString();
		String tag = tag();
		hazards.report(CITY, hazard(today, "市局 检查组", "更正双胞隐患" + tag), false);
		long other = hazards.report(CITY, hazard(today, "市局 检查组", "更正双胞隐患" + tag + "乙"), false);
		assertTwin("description",
				() -> hazards.correct(CITY, other, hazard(today, "市局  检查组", " 更正双胞隐患" + tag.toUpperCase())));
		assertThat(hazards.get(CITY, other).description()).as("unchanged").endsWith("乙");
		// the row's own facts are no twin of itself: a correction of another fact passes
		assertThat(hazards.correct(CITY, other, hazard(today, "区局检查组", "更正双胞隐患" + tag + "乙"))).containsKey("foundBy");

		String occurred = LocalDateTime.now(clock).minusHours(3).withSecond(0).withNano(0).toString();
		incidents.record(CITY, new IncidentData(HazardLedgerIntegrationTest.shunfeng(), null, occurred, "ACCIDENT", "GENERAL",
				"更正双胞事件" + tag, null), false);
		long second = incidents.record(CITY, new IncidentData(HazardLedgerIntegrationTest.shunfeng(), null, occurred,
				"ACCIDENT", "GENERAL", "更正双胞事件" + tag + "乙", null), false);
		assertTwin("description", () -> incidents.correct(CITY, second,
				new IncidentData(HazardLedgerIntegrationTest.shunfeng(), null, occurred, "ACCIDENT", "GENERAL",
						"更正双胞事件" + tag, null)));
		assertThat(incidents.get(CITY, second).description()).endsWith("乙");
	}

	@Test
	void aTrainingSeizureOrContractCorrectedIntoAnotherRowsFactsIsRefusedAsItsTwin() {
		String today = LocalDate.now(clock).toString();
		String tag = tag();
		records.recordTraining(CITY, new RegionRecords.TrainingData("320506", today, "更正双胞培训" + tag, "30", "网点负责人",
				"吴中区局"), false);
		long training = records.recordTraining(CITY, new RegionRecords.TrainingData("320506", today, "更正双胞培训" + tag, "31",
				"网点负责人", "吴中区局"), false);
		assertTwin("topic", () -> records.correctTraining(CITY, training,
				new RegionRecords.TrainingData("320506", today, "更正双胞培训" + tag, "30", "网点负责人", "吴中区局")));

		records.recordSeizure(CITY, new RegionRecords.SeizureData("320506", today, "吴中区局、区公安分局", "更正双胞查获" + tag, "12",
				"把", "2400", null), false);
		long seizure = records.recordSeizure(CITY, new RegionRecords.SeizureData("320506", today, "吴中区局、区公安分局",
				"更正双胞查获" + tag, "13", "把", "2400", null), false);
		assertTwin("item", () -> records.correctSeizure(CITY, seizure,
				new RegionRecords.SeizureData("320506", today, "吴中区局、区公安分局", "更正双胞查获" + tag, "12", "把", "2400.00",
						null)));

		OutletView outlet = fixture.anOutletOfTheCity();
		String code = fixture.creditCodeOf(outlet);
		String name = "更正双胞安检" + tag;
		String until = LocalDate.now(clock).plusYears(1).toString();
		contractors.create(CITY, new ContractorData(name, "91320505MA1XKQ2D3Q", code, today, until, List.of(outlet.id())),
				false);
		long contract = contractors.create(CITY, new ContractorData(name, "91320505MA1XKQ2D3Q", code, today,
				LocalDate.now(clock).plusMonths(6).toString(), List.of(outlet.id())), false);
		assertTwin("name", () -> contractors.correct(CITY, contract,
				new ContractorData(name, "91320505MA1XKQ2D3Q", code, today, until, List.of(outlet.id()))));
		assertThat(contractors.get(CITY, contract).contractTo()).isEqualTo(LocalDate.now(clock).plusMonths(6));
	}

	@Test
	void aLedgerDayDecadesBackOrInTheFutureIsRefusedNamingTheField() {
		LocalDate today = LocalDate.now(clock);
		String tag = tag();
		String longAgo = today.minusYears(10).minusDays(1).toString();
		refused("foundOn", "发现日期不能早于", () -> hazards.report(CITY, hazard("1950-03-01", "检查组", "远年隐患" + tag), false));
		refused("foundOn", "发现日期不能早于" + ChineseText.day(today.minusYears(10)) + "（安全台账只登记10年内的日期，按本局规定"
				+ "；更早的日期多是年份输错）", () -> hazards.report(CITY, hazard(longAgo, "检查组", "远年隐患" + tag), false));
		refused("foundOn", "发现日期不能晚于今天（" + ChineseText.day(today) + "）", () -> hazards.report(CITY, hazard(today.plusDays(1).toString(), "检查组",
				"未来隐患" + tag), false));
		long kept = hazards.report(CITY, hazard(today.minusYears(9).toString(), "检查组", "九年前隐患" + tag), false);
		refused("foundOn", "发现日期不能早于", () -> hazards.correct(CITY, kept, hazard("1960-01-01", "检查组", "九年前隐患" + tag)));

		refused("occurredAt", "发生时间不能早于", () -> incidents.record(CITY, new IncidentData(
				HazardLedgerIntegrationTest.shunfeng(), null, "1960-05-01T10:00", "ACCIDENT", "GENERAL", "远年事件" + tag, null),
				false));
		refused("heldOn", "培训日期不能早于", () -> records.recordTraining(CITY, new RegionRecords.TrainingData("320506",
				"1980-05-01", "远年培训" + tag, "30", "网点负责人", "吴中区局"), false));
		refused("seizedOn", "查获日期不能早于", () -> records.recordSeizure(CITY, new RegionRecords.SeizureData("320506",
				"1990-05-01", "吴中区局", "远年查获" + tag, "1", "把", null, null), false));
		refused("signedOn", "签订日期不能早于", () -> letters.sign(CITY, new ResponsibilityLetters.LetterData("2001",
				HazardLedgerIntegrationTest.shunfeng(), "2001-02-01", "王局长", "李经理"), List.of(), false));
		OutletView outlet = fixture.anOutletOfTheCity();
		String code = fixture.creditCodeOf(outlet);
		refused("contractFrom", "合同开始日期不能早于", () -> contractors.create(CITY, new ContractorData("远年安检" + tag,
				"91320505MA1XKQ2D3Q", code, "1990-01-01", "1991-01-01", List.of(outlet.id())), false));
	}

	/** The API answers 400 naming the field, with the catalogue's rule in the message. */
	@Test
	void theApiRefusesAHazardFoundDecadesBack() throws Exception {
		mvc.perform(post("/api/v1/safety/hazards").header("Authorization", HazardLedgerIntegrationTest.CITY)
			.contentType("application/json")
			.content("{\"enterpriseCreditCode\":\"" + HazardLedgerIntegrationTest.shunfeng() + "\",\"foundOn\":\"1950-01-02\","
					+ "\"foundBy\":\"检查组\",\"source\":\"INSPECTION\",\"description\":\"远年" + tag()
					+ "\",\"level\":\"GENERAL\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("foundOn"))
			.andExpect(jsonPath("$.errors[0].rule").value("range"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("按本局规定")))
			.andExpect(jsonPath("$.errors[0].message").value(not(containsString("safety.ledger.lookback"))))
			.andExpect(jsonPath("$.errors[0].message").value(not(containsString("未确认"))));
	}

	static void refused(String field, String message, Runnable step) {
		assertThatThrownBy(step::run).isInstanceOfSatisfying(InvalidValueException.class,
				ex -> assertThat(ex.fieldErrors()).anySatisfy(e -> {
					assertThat(e.field()).isEqualTo(field);
					assertThat(e.rule()).isEqualTo("range");
					assertThat(e.message()).contains(message);
				}));
	}
}
