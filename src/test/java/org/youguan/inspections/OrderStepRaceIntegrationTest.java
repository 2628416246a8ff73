package org.youguan.inspections;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;
import org.youguan.AtOnce;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.SignIn;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.DomainException;
import org.youguan.kernel.PageSteps;
import org.youguan.org.CurrentUser;
import org.youguan.org.UserDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A step of a 责令改正 order submitted twice at once (a double click, a retried call) happens once: the second waits for
 * the first and finds the order moved on (409), one audit entry; from a page, the others land in its conflict box.
 */
@IntegrationTest
class OrderStepRaceIntegrationTest {

	@Autowired
	UserDirectory directory;

	@Autowired
	InspectionRecords records;

	@Autowired
	InspectionOrders orders;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvc mvc;

	@Test
	void twoAcceptancesAtOnceAcceptOnceAndRefuseTheOther() throws Exception {
		DataScope wuzhong = DataScope.region("320506");
		String sf = directory.principal("sf.wz").map(CurrentUser::enterpriseCreditCode).orElseThrow();
		long record = rectificationRecord();
		InspectionOrders.Order order = orders.issue(wuzhong, record, "320506", 5);
		orders.reply(DataScope.enterprise(sf), order.id(), "已补全实名登记");

		List<Object> outcomes = AtOnce.run(2, () -> orders.decide(wuzhong, order.id(), true, null));

		assertThat(outcomes).filteredOn(InspectionOrders.Order.class::isInstance).hasSize(1);
		assertThat(outcomes).filteredOn(DomainException.class::isInstance).hasSize(1);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'inspection.order.accept' AND object_id = :r")
			.param("r", String.valueOf(record)).query(Long.class).single()).isEqualTo(1);
	}

	/**
	 * The issue form posted three times at once from the record's page: one order, and each other submission goes back
	 * to the record's page with the state conflict ("该检查已下达责令改正通知书", 409) in its one error box as a conflict,
	 * the typed deadline kept — never the bare error page of the unique key.
	 */
	@Test
	void theIssueFormPostedThriceAtOnceIssuesOneOrderAndAnswersTheOthersInTheConflictBox() throws Exception {
		long record = rectificationRecord();
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");
		List<Object> outcomes = AtOnce.run(3, () -> mvc.perform(post("/inspections/records/" + record + "/order").session(staff)
			.with(csrf()).param("workingDays", "10")).andReturn());

		List<MvcResult> answers = outcomes.stream().map(MvcResult.class::cast).toList();
		assertThat(answers).allSatisfy(a -> assertThat(a.getResponse().getStatus()).isEqualTo(302));
		assertThat(answers).filteredOn(a -> a.getResponse().getRedirectedUrl().startsWith("/inspections/orders/")).hasSize(1);
		List<MvcResult> refused = answers.stream()
			.filter(a -> a.getResponse().getRedirectedUrl().equals("/inspections/records/" + record)).toList();
		assertThat(refused).hasSize(2).allSatisfy(a -> {
			assertThat((java.util.Map<String, Object>) a.getFlashMap()).containsEntry(PageSteps.CONFLICT, true).containsEntry(PageSteps.REFUSED_STATUS, 409);
			assertThat(a.getFlashMap().get("errors")).asString().contains("该检查已下达责令改正通知书");
			assertThat(a.getFlashMap().get(PageSteps.TYPED)).asString().contains("workingDays");
		});
		String page = mvc.perform(get("/inspections/records/" + record).session(staff)
			.flashAttrs(refused.get(0).getFlashMap())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("data-kind=\"conflict\"").contains("该检查已下达责令改正通知书").doesNotContain("出错了");
		assertThat(jdbc.sql("SELECT count(*) FROM rectification_order WHERE record_id = :r").param("r", record)
			.query(Long.class).single()).isEqualTo(1);
	}

	/** A record of the Wuzhong bureau concluded 责令改正, without an order. */
	private long rectificationRecord() {
		DataScope wuzhong = DataScope.region("320506");
		String sf = directory.principal("sf.wz").map(CurrentUser::enterpriseCreditCode).orElseThrow();
		return tx.execute(s -> records.record(wuzhong, null, new InspectionRecordData(sf,
				LocalDate.now(clock).toString(), "SPECIAL", List.of("REAL_NAME"),
				List.of(new InspectionRecordData.TeamMember("陈吴中", "32050601"),
						new InspectionRecordData.TeamMember("沈执法", "32050602")),
				"RECTIFICATION", "实名收寄登记不全（" + UUID.randomUUID() + "）", null, null), false, false));
	}

}
