package org.youguan.safety.internal.ledgers;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.kernel.DataScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.youguan.safety.internal.ledgers.LedgerFixture.assertTwin;
import static org.youguan.safety.internal.ledgers.LedgerFixture.hazard;
import static org.youguan.safety.internal.ledgers.LedgerFixture.tag;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attack round 15, the safety ledgers: a row sent twice (a double click, a retried call) is recorded once — 409 naming
 * the ledger's field, rule {@code unique} — while a row differing in any fact is recorded; and a list's search finds a
 * person's phone or ID number only typed whole, never by the digits the list shows masked.
 */
@IntegrationTest
class LedgerTwinsAndSearchIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Hazards hazards;

	@Autowired
	Incidents incidents;

	@Autowired
	RegionRecords records;

	@Autowired
	MutableClock clock;

	@Test
	void theSameHazardIncidentTrainingOrSeizureSentTwiceIsRecordedOnce() {
		DataScope city = DataScope.region("3205");
		String today = LocalDate.now(clock).toString();
		String tag = tag();
		hazards.report(city, hazard(today, "市局 检查组", "双击隐患" + tag), false);
		assertTwin("description", () -> hazards.report(city, hazard(today, "市局  检查组", " 双击隐患" + tag.toUpperCase() + " "),
				false));
		hazards.report(city, hazard(today, "市局 检查组", "双击隐患" + tag + "（另一处）"), false);

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

	/**
	 * Attack round 17: an incident's twin is the same incident — place, time, kind, level and description — whatever
	 * report time the second sending carries (a retry after the report was made); another description is another.
	 */
	@Test
	void theSameIncidentSentAgainWithAnotherReportTimeIsATwin() {
		DataScope city = DataScope.region("3205");
		String tag = tag();
		LocalDateTime occurred = LocalDateTime.now(clock).minusHours(5).withSecond(0).withNano(0);
		incidents.record(city, new IncidentData(HazardLedgerIntegrationTest.shunfeng(), null, occurred.toString(), "ACCIDENT",
				"GENERAL", "再报事件" + tag, occurred.plusHours(1).toString()), false);
		assertTwin("description", () -> incidents.record(city, new IncidentData(HazardLedgerIntegrationTest.shunfeng(), null,
				occurred.toString(), "ACCIDENT", "GENERAL", "再报事件" + tag, occurred.plusHours(2).toString()), false));
		assertTwin("description", () -> incidents.record(city, new IncidentData(HazardLedgerIntegrationTest.shunfeng(), null,
				occurred.toString(), "ACCIDENT", "GENERAL", "再报事件" + tag, null), false));
		incidents.record(city, new IncidentData(HazardLedgerIntegrationTest.shunfeng(), null, occurred.toString(), "ACCIDENT",
				"GENERAL", "再报事件" + tag + "（另一起）", occurred.plusHours(2).toString()), false);
	}

	/**
	 * A ledger's long free text is stored without the invisible characters inside it (Text.freeText): a zero-width
	 * space in a hazard's or an incident's description no longer makes the same facts a new row beside their twin.
	 */
	@Test
	void aZeroWidthSpaceInsideADescriptionMakesNoNewTwin() {
		DataScope city = DataScope.region("3205");
		String today = LocalDate.now(clock).toString();
		String tag = tag();
		long hazard = hazards.report(city, hazard(today, "市局 检查组", "消防\u200B通道\u2060堵塞" + tag), false);
		assertThat(hazards.get(city, hazard).description()).isEqualTo("消防通道堵塞" + tag);
		assertTwin("description", () -> hazards.report(city, hazard(today, "市局 检查组", "消防通道堵塞" + tag), false));

		String occurred = LocalDateTime.now(clock).minusHours(3).withSecond(0).withNano(0).toString();
		long incident = incidents.record(city, new IncidentData(HazardLedgerIntegrationTest.shunfeng(), null, occurred, "ACCIDENT",
				"GENERAL", "\uFEFF分拣\u200B事故" + tag, null), false);
		assertThat(incidents.get(city, incident).description()).isEqualTo("分拣事故" + tag);
		assertTwin("description", () -> incidents.record(city, new IncidentData(HazardLedgerIntegrationTest.shunfeng(), null,
				occurred, "ACCIDENT", "GENERAL", "分拣事故" + tag, null), false));
	}

	/**
	 * The hazard list's search matched the phone digits the list shows masked (a finder's name may hold none since attack
	 * round 20, so the number stands in the description): a fragment finds nothing, the digits shown find the hazard;
	 * the same in the incident list. Since the masked-list finding the whole number (in blocks or not) finds nothing
	 * either: every reader of the ledgers' lists and pages sees it masked.
	 */
	@Test
	void aPhoneNumberInALedgerIsFoundOnlyAsShown() throws Exception {
		DataScope city = DataScope.region("3205");
		String tag = "搜索" + tag();
		hazards.report(city, hazard(LocalDate.now(clock).toString(), "举报人",
				tag + "，消防通道堵塞，举报人电话13912345678，当事人身份证110105194912310021"), false);
		incidents.record(city, new IncidentData(HazardLedgerIntegrationTest.shunfeng(), null,
				LocalDateTime.now(clock).minusHours(1).withSecond(0).withNano(0).toString(), "ACCIDENT", "GENERAL",
				tag + "，伤者电话139 1234 5678", null), false);
		for (String list : new String[] { "/api/v1/safety/hazards", "/api/v1/safety/incidents" }) {
			for (String fragment : new String[] { "1234", "91234", "3912345678", "19491231" }) {
				mvc.perform(get(list).param("q", tag + " " + fragment).header("Authorization", HazardLedgerIntegrationTest.CITY))
					.andExpect(status().isOk())
					.andExpect(jsonPath("$.total").value(0));
			}
			for (String whole : new String[] { "13912345678", "139-1234-5678", "110105194912310021" }) {
				mvc.perform(get(list).param("q", tag + " " + whole).header("Authorization", HazardLedgerIntegrationTest.CITY))
					.andExpect(status().isOk())
					.andExpect(jsonPath("$.total").value(0));
			}
			// as each list shows it: the hazard's number was typed whole (139****5678), the incident's in blocks
			String shown = list.endsWith("hazards") ? "139****5678" : "139 5678";
			for (String typed : new String[] { shown, "5678" }) {
				mvc.perform(get(list).param("q", tag + " " + typed).header("Authorization", HazardLedgerIntegrationTest.CITY))
					.andExpect(status().isOk())
					.andExpect(jsonPath("$.total").value(1));
			}
		}
	}
}
