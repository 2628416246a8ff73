package org.youguan.safety.internal.ledgers;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.audit.AuditEvent;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.registry.Enterprises;
import org.youguan.registry.OutletView;
import org.youguan.registry.Outlets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Corrections of recorded ledger rows on the one edit page: the form pre-filled with the row; the recording's checks
 * (a bad value re-renders the form with 400, the values typed, nothing changed); one audit entry with the changed facts
 * before and after (none when nothing changed); 409 once a hazard or incident is closed; staff of the row's region only.
 */
@IntegrationTest
class LedgerCorrectionIntegrationTest {

	static final String CITY = "Bearer demo-sz-admin-token";

	static final String WUZHONG = "Bearer demo-wz-staff-token";

	static final String XIANGCHENG = "Bearer demo-xc-staff-token";

	static final String SHUNFENG = "Bearer demo-sf-wz-token";

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegionRecords records;

	@Autowired
	Hazards hazards;

	@Autowired
	Incidents incidents;

	@Autowired
	Contractors contractors;

	@Autowired
	Outlets outlets;

	@Autowired
	Enterprises enterprises;

	@Autowired
	AuditTrail audit;

	@Autowired
	MutableClock clock;

	List<AuditEvent> corrections(String type, long id) {
		return audit.history(DataScope.all(), type, id).stream().filter(e -> e.action().endsWith(".correct")).toList();
	}

	@Test
	void aTrainingIsCorrectedOnItsPrefilledFormAndTheAuditCarriesTheChangedFactsBeforeAndAfter() throws Exception {
		String today = LocalDate.now(clock).toString();
		long id = records.recordTraining(DataScope.region("3205"), new RegionRecords.TrainingData("320506", today,
				"更正测试培训", "35", "网点负责人", "吴中区局"), false);
		mvc.perform(get("/safety/trainings/{id}/edit", id).header("Authorization", WUZHONG))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"更正测试培训\"")))
			.andExpect(content().string(containsString("value=\"35\"")))
			.andExpect(content().string(containsString("value=\"320506\" selected")));
		mvc.perform(post("/safety/trainings/{id}/edit", id).with(csrf()).header("Authorization", WUZHONG)
			.param("region", "320506").param("heldOn", today).param("topic", "更正测试培训").param("trainees", "53")
			.param("audience", "网点负责人").param("organiser", "吴中区局"))
			.andExpect(redirectedUrl("/safety/trainings"))
			.andExpect(flash().attribute("message", "修改已保存"));
		assertThat(records.training(DataScope.all(), id).trainees()).isEqualTo(53);
		List<AuditEvent> events = corrections(RegionRecords.TRAINING, id);
		assertThat(events).singleElement().satisfies(e -> {
			assertThat(e.action()).isEqualTo("safety.training.correct");
			assertThat(e.beforeState()).contains("\"trainees\"").contains("35").doesNotContain("topic");
			assertThat(e.afterState()).contains("\"trainees\"").contains("53").doesNotContain("topic");
		});
		// the same values again: nothing written, nothing audited
		mvc.perform(post("/safety/trainings/{id}/edit", id).with(csrf()).header("Authorization", WUZHONG)
			.param("region", "320506").param("heldOn", today).param("topic", "更正测试培训").param("trainees", "53")
			.param("audience", "网点负责人").param("organiser", "吴中区局"))
			.andExpect(flash().attribute("message", "没有修改"));
		assertThat(corrections(RegionRecords.TRAINING, id)).hasSize(1);
		// another county's staff do not find it; an enterprise may not edit at all
		mvc.perform(get("/safety/trainings/{id}/edit", id).header("Authorization", XIANGCHENG))
			.andExpect(status().isNotFound());
		mvc.perform(post("/safety/trainings/{id}/edit", id).with(csrf()).header("Authorization", XIANGCHENG)
			.param("region", "320507").param("heldOn", today).param("topic", "x").param("trainees", "1")
			.param("audience", "x").param("organiser", "x"))
			.andExpect(status().isNotFound());
		mvc.perform(get("/safety/trainings/{id}/edit", id).header("Authorization", SHUNFENG))
			.andExpect(status().isForbidden());
	}

	@Test
	void aBadCorrectionComesBackWithItsErrorsAndTheValuesTypedAndChangesNothing() throws Exception {
		String today = LocalDate.now(clock).toString();
		long id = records.recordSeizure(DataScope.region("3205"), new RegionRecords.SeizureData("320506", today,
				"吴中区局、区公安分局", "更正测试查获", "12", "把", "2400", null), false);
		String tomorrow = LocalDate.now(clock).plusDays(1).toString();
		mvc.perform(post("/safety/seizures/{id}/edit", id).with(csrf()).header("Authorization", WUZHONG)
			.param("region", "320506").param("seizedOn", tomorrow).param("agencies", "吴中区局")
			.param("item", "被拒的更正物品").param("quantity", "0").param("unit", "把").param("valueYuan", "1.005"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"errors\"")))
			.andExpect(content().string(containsString("data-field=\"seizedOn\"")))
			.andExpect(content().string(containsString("data-field=\"quantity\"")))
			.andExpect(content().string(containsString("data-field=\"valueYuan\"")))
			.andExpect(content().string(containsString("value=\"被拒的更正物品\"")))
			.andExpect(content().string(containsString("value=\"" + tomorrow + "\"")));
		SeizureView s = records.seizure(DataScope.all(), id);
		assertThat(s.item()).isEqualTo("更正测试查获");
		assertThat(s.seizedOn()).isEqualTo(LocalDate.now(clock));
		assertThat(corrections(RegionRecords.SEIZURE, id)).isEmpty();
		// a region outside the staff member's own is not there (404) as when recording, before any field
		mvc.perform(post("/safety/seizures/{id}/edit", id).with(csrf()).header("Authorization", WUZHONG)
			.param("region", "320507").param("seizedOn", today).param("agencies", "吴中区局").param("item", "更正测试查获")
			.param("quantity", "12").param("unit", "把"))
			.andExpect(status().isNotFound());
		assertThat(records.seizure(DataScope.all(), id).regionCode()).isEqualTo("320506");
	}

	@Test
	void aHazardIsCorrectedWhileOpenAndRefusedWith409OnceClosed() throws Exception {
		String code = HazardLedgerIntegrationTest.shunfeng();
		String today = LocalDate.now(clock).toString();
		long id = hazards.report(DataScope.all(), new HazardData(code, null, null, today, "市局 检查组", "INSPECTION",
				"更正测试隐患", "GENERAL", null), false);
		HazardView before = hazards.get(DataScope.all(), id);
		mvc.perform(get("/safety/hazards/{id}/edit", id).header("Authorization", WUZHONG))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("更正测试隐患")))
			.andExpect(content().string(containsString("value=\"GENERAL\" selected")));
		// a deadline before the day found, as when recording: 400, the hazard unchanged
		mvc.perform(post("/safety/hazards/{id}/edit", id).with(csrf()).header("Authorization", WUZHONG)
			.param("enterpriseCreditCode", code).param("foundOn", today).param("foundBy", "市局 检查组")
			.param("source", "INSPECTION").param("level", "MAJOR").param("description", "更正测试隐患")
			.param("deadline", LocalDate.now(clock).minusDays(1).toString()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("data-field=\"deadline\"")));
		// an outlet's number that is no number: told together with the deadline's error, not alone
		mvc.perform(post("/safety/hazards/{id}/edit", id).with(csrf()).header("Authorization", WUZHONG)
			.param("enterpriseCreditCode", code).param("outletId", "abc").param("foundOn", today)
			.param("foundBy", "市局 检查组").param("source", "INSPECTION").param("level", "MAJOR")
			.param("description", "更正测试隐患").param("deadline", LocalDate.now(clock).minusDays(1).toString()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("网点编号应为正整数（至多19位）")))
			.andExpect(content().string(containsString("data-field=\"deadline\"")));
		assertThat(hazards.get(DataScope.all(), id).level()).isEqualTo(HazardLevel.GENERAL);
		// a major hazard: its deadline follows the major level's period again
		mvc.perform(post("/safety/hazards/{id}/edit", id).with(csrf()).header("Authorization", WUZHONG)
			.param("enterpriseCreditCode", code).param("foundOn", today).param("foundBy", "市局 检查组")
			.param("source", "INSPECTION").param("level", "MAJOR").param("description", "更正测试隐患：消防通道堵塞"))
			.andExpect(redirectedUrl("/safety/hazards/" + id));
		HazardView after = hazards.get(DataScope.all(), id);
		assertThat(after.level()).isEqualTo(HazardLevel.MAJOR);
		assertThat(after.deadline()).isAfter(before.deadline());
		assertThat(corrections(Hazards.AUDIT_TYPE, id)).singleElement().satisfies(e -> {
			assertThat(e.beforeState()).contains("GENERAL").contains(before.deadline().toString());
			assertThat(e.afterState()).contains("MAJOR").contains(after.deadline().toString()).contains("消防通道堵塞");
			assertThat(e.afterState()).doesNotContain("foundBy");
		});
		// closed: no correction any more, whatever the values
		HazardView closed = hazards.list(DataScope.region("320506"), new Hazards.Filter(null, Hazards.Status.CLOSED, null),
				new PageQuery("", 0, 1, null, false)).items().get(0);
		mvc.perform(post("/safety/hazards/{id}/edit", closed.id()).with(csrf()).header("Authorization", WUZHONG)
			.param("enterpriseCreditCode", closed.enterpriseCreditCode()).param("foundOn", closed.foundOn().toString())
			.param("foundBy", "改").param("source", "INSPECTION").param("level", "GENERAL").param("description", "改"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("销号")));
		assertThat(hazards.get(DataScope.all(), closed.id()).description()).isEqualTo(closed.description());
	}

	@Test
	void anIncidentsFactsAreCorrectedBeforeClosureAndItsReportIsDueAgainFromTheCorrectedTime() throws Exception {
		String code = HazardLedgerIntegrationTest.shunfeng();
		LocalDateTime occurred = LocalDateTime.now(clock.withZone(CHINA)).minusHours(5).truncatedTo(ChronoUnit.MINUTES);
		long id = incidents.record(DataScope.all(), new IncidentData(code, null, occurred.toString(), "ACCIDENT", "GENERAL",
				"更正测试事件", occurred.plusMinutes(30).toString()), false);
		IncidentView before = incidents.get(DataScope.all(), id);
		mvc.perform(get("/safety/incidents/{id}/edit", id).header("Authorization", WUZHONG))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"" + occurred + "\"")));
		// the city above reads the incident, but its correction form is the owner's alone (LedgerOwners.requireOwns)
		mvc.perform(get("/safety/incidents/{id}/edit", id).header("Authorization", CITY)).andExpect(status().isForbidden());
		mvc.perform(post("/safety/incidents/{id}/edit", id).with(csrf()).header("Authorization", WUZHONG)
			.param("enterpriseCreditCode", code).param("occurredAt", occurred.minusHours(1).toString())
			.param("kind", "ACCIDENT").param("level", "GENERAL").param("description", "更正测试事件")
			.param("reportedAt", occurred.plusMinutes(30).toString()))
			.andExpect(redirectedUrl("/safety/incidents/" + id));
		IncidentView after = incidents.get(DataScope.all(), id);
		assertThat(after.reportDue()).isEqualTo(before.reportDue().minus(1, ChronoUnit.HOURS));
		assertThat(corrections(Incidents.AUDIT_TYPE, id)).singleElement()
			.satisfies(e -> assertThat(e.afterState()).contains("occurredAt").contains("reportDue").doesNotContain("kind"));
		incidents.close(DataScope.all(), id, LocalDate.now(clock).toString(), "处置完毕");
		mvc.perform(post("/safety/incidents/{id}/edit", id).with(csrf()).header("Authorization", WUZHONG)
			.param("enterpriseCreditCode", code).param("occurredAt", occurred.toString()).param("kind", "ACCIDENT")
			.param("level", "GENERAL").param("description", "改"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("结案")));
		assertThat(incidents.get(DataScope.all(), id).description()).isEqualTo("更正测试事件");
	}

	@Test
	void aContractsOutletsAreCorrectedAndAudited() throws Exception {
		// a contract of its own: an enterprise of the city with two outlets, the first covered
		var byEnterprise = outlets.list(DataScope.region("3205"), Outlets.Filter.NONE, new PageQuery("", 0, 200, null, false))
			.items()
			.stream()
			.collect(Collectors.groupingBy(OutletView::enterpriseId));
		List<OutletView> two = byEnterprise.values().stream().filter(l -> l.size() >= 2).findFirst().orElseThrow();
		String code = enterprises.readable(DataScope.all(), List.of(two.get(0).enterpriseId()))
			.get(two.get(0).enterpriseId())
			.creditCode();
		String today = LocalDate.now(clock).toString();
		long contract = contractors.create(DataScope.all(), new ContractorData("更正测试安检有限公司", "91320505MA1XKQ2D3Q", code,
				today, LocalDate.now(clock).plusYears(1).toString(), List.of(two.get(0).id())), false);
		// as the city's staff record it (Corrections#recorder): the city's own contract row, which it corrects
		jdbc.sql("UPDATE safety_contractor SET bureau_id = (SELECT id FROM bureau WHERE region_code = '3205') WHERE id = :id")
			.param("id", contract).update();
		ContractorView c = contractors.get(DataScope.all(), contract);
		List<Long> covered = List.of(two.get(0).id());
		List<Long> own = List.of(two.get(1).id());
		String ids = covered.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElseThrow() + ", " + own.get(0);
		mvc.perform(get("/safety/contractors/{id}/edit", c.id()).header("Authorization", CITY))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(c.creditCode())));
		mvc.perform(post("/safety/contractors/{id}/edit", c.id()).with(csrf()).header("Authorization", CITY)
			.param("name", c.name()).param("creditCode", c.creditCode()).param("enterpriseCreditCode", c.enterpriseCreditCode())
			.param("contractFrom", c.contractFrom().toString()).param("contractTo", c.contractTo().toString())
			.param("outletIds", ids))
			.andExpect(redirectedUrl("/safety/contractors/" + c.id()));
		assertThat(contractors.outlets(c.id())).extracting(Contractors.CoveredOutlet::outletId).contains(own.get(0));
		assertThat(corrections(Contractors.AUDIT_TYPE, c.id())).last().satisfies(e -> {
			assertThat(e.beforeState()).contains("outletIds").doesNotContain(String.valueOf(own.get(0)));
			assertThat(e.afterState()).contains("outletIds").contains(String.valueOf(own.get(0)));
		});
		// an outlet of another enterprise is refused as when recording
		long foreign = outlets.list(DataScope.all(), Outlets.Filter.NONE, new PageQuery("", 0, 200, null, false))
			.items()
			.stream()
			.filter(o -> o.enterpriseId() != c.enterpriseId())
			.findFirst()
			.orElseThrow()
			.id();
		mvc.perform(post("/safety/contractors/{id}/edit", c.id()).with(csrf()).header("Authorization", CITY)
			.param("name", c.name()).param("creditCode", c.creditCode()).param("enterpriseCreditCode", c.enterpriseCreditCode())
			.param("contractFrom", c.contractFrom().toString()).param("contractTo", c.contractTo().toString())
			.param("outletIds", String.valueOf(foreign)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("data-field=\"outletIds\"")));
		assertThat(contractors.outlets(c.id())).extracting(Contractors.CoveredOutlet::outletId).doesNotContain(foreign);
	}

	@Test
	void theScreeningMachinesLinkToTheRegistrysOwnFacilityForm() throws Exception {
		mvc.perform(get("/safety/machines").header("Authorization", CITY))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/registry/facilities/")))
			.andExpect(content().string(containsString("/edit")));
	}
}
