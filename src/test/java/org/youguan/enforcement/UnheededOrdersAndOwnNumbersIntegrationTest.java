package org.youguan.enforcement;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.youguan.IntegrationTest;
import org.youguan.RandomDigits;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.inspections.InspectionRecordData;
import org.youguan.inspections.InspectionRecords;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.FieldError;
import org.youguan.kernel.InvalidValueException;
import org.youguan.org.BureauData;
import org.youguan.org.BureauView;
import org.youguan.org.Bureaus;
import org.youguan.registry.EnterpriseView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attack findings B1, B3, A2 and A1: a packaging case (快递暂行条例(2025) art.56, "经责令改正拒不改正") rests only on an
 * order about the packaging duty whose term passed before the act ended — live and imported alike; a hand-typed 文号
 * bears the issuing bureau's own 机关代字, the kind's characters and a four-digit year; a bureau's 简称 never takes
 * another bureau's 机关代字.
 */
@IntegrationTest
class UnheededOrdersAndOwnNumbersIntegrationTest extends ClockedSteps {

	static final String WUZHONG = PenaltyCaseIntegrationTest.WUZHONG;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	InspectionRecords records;

	@Autowired
	Bureaus bureaus;

	long reported(EnterpriseView e) throws Exception {
		return PenaltyCaseIntegrationTest.id(call(WUZHONG, "/api/v1/enforcement/leads", """
				{"source":"REPORT","sourceDetail":"群众举报","enterpriseCreditCode":"%s","summary":"举报过度包装%s","receivedOn":"%s"}"""
			.formatted(e.creditCode(), UUID.randomUUID(), LocalDate.now(clock))).andExpect(status().isCreated()));
	}

	@Test
	void aPackagingCaseRestsOnlyOnAnUnheededPackagingOrderWhoseTermPassedBeforeTheActEnded() throws Exception {
		LocalDate today = LocalDate.now(clock);
		EnterpriseView e = party.fresh();
		LocalDate ended = today.minusDays(10);
		long lead = reported(e);
		String proposal = "{\"violation\":\"PACKAGING\",\"endedOn\":\"" + ended + "\"}";
		String path = "/api/v1/enforcement/leads/" + lead + "/proposal";
		LocalDate issued = calendar.onOrNextWorkingDay(today.minusDays(90));
		LocalDate due = calendar.plusWorkingDays(issued, 10);
		// an unheeded order about 过机安检 (art.33): another duty
		party.order(e, "SCREENING", issued, due, due.plusDays(1));
		call(WUZHONG, path, proposal).andExpect(status().is4xxClientError())
			.andExpect(jsonPath("$.errors[?(@.field == 'violation')].rule").value(hasItem("uncorrected-order-required")))
			.andExpect(jsonPath("$.detail").value(containsString("《快递暂行条例》第三十七条至第四十五条")));
		// a packaging order issued after the act ended
		LocalDate late = calendar.onOrNextWorkingDay(ended.plusDays(1));
		LocalDate lateDue = calendar.plusWorkingDays(late, 1);
		party.order(e, "PACKAGING", late, lateDue, lateDue.plusDays(1));
		call(WUZHONG, path, proposal).andExpect(status().is4xxClientError());
		// a packaging inspection whose order, issued on the platform, cites 收寄验视 (art.32): about another duty
		String number = party.order(e, "PACKAGING", issued, due, due.plusDays(1));
		basis(number, "《快递暂行条例》第三十二条（收寄验视）");
		call(WUZHONG, path, proposal).andExpect(status().is4xxClientError());
		assertThat(jdbc.sql("SELECT status FROM penalty_lead WHERE id = :id").param("id", lead).query(String.class).single())
			.isEqualTo("OPEN");
		// the same order citing the packaging duty (art.37), its term passed before the act ended: the case is proposed
		basis(number, "《快递暂行条例》第三十七条（快递包装）");
		call(WUZHONG, path, proposal).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PROPOSED"));
	}

	void basis(String number, String basis) {
		jdbc.sql("UPDATE rectification_order SET basis = :basis WHERE number = :number").param("basis", basis)
			.param("number", number).update();
	}

	String imported(String creditCode, String violation, String penalty, String fine, String decisionNumber, String orderNumber) {
		return """
				{"enterpriseCreditCode":"%s","violation":"%s","source":"INSPECTION","filedOn":"2025-08-01",
				 "decidedOn":"2025-09-01","decisionNumber":"%s","penalty":"%s","fine":%s,"orderNumber":%s}"""
			.formatted(creditCode, violation, decisionNumber, penalty, fine, orderNumber == null ? "null" : "\"" + orderNumber + "\"");
	}

	static String decisionNumber() {
		return "苏吴邮管罚〔2025〕T" + RandomDigits.of(8) + "号";
	}

	@Test
	void anImportedPackagingCaseNamesItsUnheededOrder() throws Exception {
		EnterpriseView e = party.fresh();
		String path = "/api/v1/enforcement/cases/imported";
		// no order on the platform, none named (attack B3: 201)
		call(WUZHONG, path, imported(e.creditCode(), "PACKAGING", "FINE", "8000", decisionNumber(), null))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'orderNumber')].rule").value(hasItem("uncorrected-order-required")));
		// the platform's order named is about 过机安检, not packaging
		LocalDate issued = calendar.onOrNextWorkingDay(LocalDate.of(2025, 7, 1));
		LocalDate due = calendar.plusWorkingDays(issued, 5);
		String screening = party.order(e, "SCREENING", issued, due, due.plusDays(1));
		call(WUZHONG, path, imported(e.creditCode(), "PACKAGING", "FINE", "8000", decisionNumber(), screening))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'orderNumber')].rule").value(hasItem("uncorrected-order")));
		// an order under any other article is named by no case
		call(WUZHONG, path, imported(e.creditCode(), "DATA_NOT_REPORTED", "WARNING", "null", decisionNumber(), screening))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'orderNumber')].rule").value(hasItem("absent")));
		// the case file's paper order, which the platform never held: imported, and kept with the case
		// not a 责令改正 number of the bureau (attack H3): none at all, a penalty decision's, another bureau's order
		for (String[] typed : List.of(new String[] { "无", null }, new String[] { "x", null },
				new String[] { "苏吴邮管罚〔2025〕5号", "order-form" }, new String[] { "苏相邮管责改〔2025〕5号", "agency" })) {
			call(WUZHONG, path, imported(e.creditCode(), "PACKAGING", "FINE", "8000", decisionNumber(), typed[0]))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[?(@.field == 'orderNumber')].rule")
					.value(typed[1] == null ? hasItem(containsString("")) : hasItem(typed[1])));
		}
		String paper = "吴邮管责改〔2025〕1" + RandomDigits.of(5) + "号";
		String number = decisionNumber();
		call(WUZHONG, path, imported(e.creditCode(), "PACKAGING", "FINE", "8000", number, paper))
			.andExpect(status().isCreated());
		assertThat(jdbc.sql("SELECT uncorrected_order_number FROM penalty_case WHERE decision_number = :n").param("n", number)
			.query(String.class).single()).isEqualTo(paper);
	}

	@Test
	void aHandTypedNumberBearsTheBureausOwnCodeItsKindAndAFourDigitYear() throws Exception {
		String code = party.other().creditCode();
		String path = "/api/v1/enforcement/cases/imported";
		String tail = RandomDigits.of(7) + "号";
		for (String[] typed : List.of(new String[] { "苏苏邮管罚〔2025〕" + tail, "agency" },
				new String[] { "苏吴邮管罚〔25〕" + tail, "year-digits" }, new String[] { "苏吴邮管当罚〔2025〕" + tail, "kind" })) {
			call(WUZHONG, path, imported(code, "DATA_NOT_REPORTED", "WARNING", "null", typed[0], null))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[?(@.field == 'decisionNumber')].rule").value(hasItem(typed[1])));
		}
		assertThat(jdbc.sql("SELECT count(*) FROM penalty_case WHERE decision_number LIKE :n").param("n", "%" + tail)
			.query(Long.class).single()).isZero();
		// a 责令改正 number typed on a record: the county's own 机关代字 and 责改
		EnterpriseView e = party.fresh();
		for (String[] typed : List.of(new String[] { "苏苏邮管责改〔2026〕" + tail, "agency" },
				new String[] { "苏吴邮管罚〔2026〕" + tail, "kind" })) {
			LocalDate on = calendar.onOrNextWorkingDay(LocalDate.of(2026, 3, 2));
			InvalidValueException refused = catchThrowableOfType(InvalidValueException.class, () -> records.record(
					DataScope.region("320506"), null, new InspectionRecordData(e.creditCode(), on.toString(), "SPECIAL",
							List.of("PACKAGING"), List.of(new InspectionRecordData.TeamMember("甲", "PK" + RandomDigits.of(8)),
									new InspectionRecordData.TeamMember("乙", "PK" + RandomDigits.of(8))), "RECTIFICATION", "包装不合规",
							new InspectionRecordData.Rectification(typed[0], on.toString(),
									calendar.plusWorkingDays(on, 5).toString(), null), null), false, false));
			assertThat(refused).isNotNull();
			assertThat(refused.fieldErrors()).extracting(FieldError::field, FieldError::rule)
				.contains(tuple("rectification.number", typed[1]));
		}
	}

	@Test
	void aBureausShortNameNeverTakesAnotherBureausCode() {
		BureauView city = bureaus.findByRegion("3205").orElseThrow();
		for (String[] shortName : List.of(new String[] { "苏吴邮管", "agency-taken" }, new String[] { "邮管", "agency-code" },
				new String[] { "苏州 邮管", "agency-space" }, new String[] { "苏\u3000州邮管", "agency-space" })) {
			InvalidValueException refused = catchThrowableOfType(InvalidValueException.class, () -> bureaus.update(
					DataScope.all(), city.id(), new BureauData(city.name(), shortName[0], city.level(), city.regionCode(),
							city.parentId(), city.address(), city.phone())));
			assertThat(refused).as(shortName[0]).isNotNull();
			assertThat(refused.fieldErrors()).extracting(FieldError::field, FieldError::rule)
				.contains(tuple("shortName", shortName[1]));
		}
		assertThat(bureaus.documentAgency("3205").code()).isEqualTo("苏苏邮管");
		assertThat(bureaus.documentAgency("320506").code()).isEqualTo("苏吴邮管");
	}
}
