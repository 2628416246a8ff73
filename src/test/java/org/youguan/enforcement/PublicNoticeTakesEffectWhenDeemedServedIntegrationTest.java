package org.youguan.enforcement;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.youguan.ExportedRows;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.RandomDigits;
import org.youguan.SignIn;
import org.youguan.calendar.WorkingCalendar;
import org.youguan.enforcement.internal.DeemedServices;
import org.youguan.kernel.ChineseText;
import org.youguan.kernel.CreditCode;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.registry.EnterpriseData;
import org.youguan.registry.EnterpriseType;
import org.youguan.registry.EnterpriseView;
import org.youguan.registry.Enterprises;
import org.youguan.registry.LicenceData;
import org.youguan.registry.LicenceScope;
import org.youguan.registry.LicenceStatus;
import org.youguan.registry.Licences;
import org.youguan.registry.Registrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.youguan.enforcement.EnterprisePenaltyIntegrationTest.SF;
import static org.youguan.enforcement.EnterprisePenaltyIntegrationTest.WUZHONG;
import static org.youguan.enforcement.PartyCases.ALL;

/**
 * A decision served by public notice (公告送达) is deemed served thirty days after the notice is published (民事诉讼法
 * (2023) art.95, rule {@code penalty.public-notice-service}) and takes effect then (行政处罚法(2021) art.61): recording
 * the publication revokes no licence and enters nothing on the credit record; on the deemed day the daily job
 * ({@link DeemedServices}) publishes the delivery once — a second run, or two at once, publish nothing more — and a day
 * the job did not run is caught up on its next run. The party reads both days, on its portal and in its notification.
 */
@IntegrationTest
class PublicNoticeTakesEffectWhenDeemedServedIntegrationTest {

	@Autowired
	PartyCases party;

	@Autowired
	CaseExecution caseExecution;

	@Autowired
	DeemedServices deemedServices;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Licences licences;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	Clock clock;

	/** Serves case {@code id}'s decision by public notice published on {@code publishedOn}. */
	void publish(long id, LocalDate publishedOn) {
		publish(caseExecution, id, publishedOn);
	}

	/** Serves case {@code id}'s decision by public notice published on {@code publishedOn}, through {@code execution}. */
	static void publish(CaseExecution execution, long id, LocalDate publishedOn) {
		execution.deliver(ALL, id, new CaseExecution.Delivery(publishedOn.toString(), "PUBLIC_NOTICE", null,
				"当事人下落不明，在苏州日报第3版公告"));
	}

	/**
	 * A 吊销 of the provincial bureau, which issued the holder's licence, served by public notice: its licence and credit
	 * record are untouched until the deemed day; on it the licence is revoked and the decision entered, once.
	 */
	@Test
	void aRevocationServedByPublicNoticeRevokesAndIsEnteredOnTheDeemedDayOnce() {
		LocalDate today = LocalDate.now(clock);
		EnterpriseView holder = licensed();
		long licence = licences.list(DataScope.all(), new Licences.Filter(null, null, holder.id()), PageQuery.of(null, 0, 1, null,
				null)).items().get(0).id();
		long id = party.decided(holder, "DATA_NOT_REPORTED", "FINE", "3000", today);
		// the decision a 吊销 of the bureau that issued the licence (江苏省邮政管理局): the procedure that reaches one is
		// other tests' — here only its service matters, and the event carries what the case holds when it is published
		jdbc.sql("UPDATE penalty_case SET penalty = 'REVOCATION', region_code = '32' WHERE id = :id").param("id", id).update();
		publish(id, today);
		LocalDate deemed = calendar.plusCalendarDays(today, 30);
		assertThat(jdbc.sql("SELECT delivered_on FROM penalty_case WHERE id = :id").param("id", id).query(LocalDate.class)
			.single()).isEqualTo(deemed);

		settled();
		assertThat(deliveries(id)).as("published, not yet deemed served: no delivery announced").isZero();
		assertThat(deemedServices.takeEffect(deemed.minusDays(1))).as("the day before the deemed day").doesNotContain(id);
		settled();
		assertThat(deliveries(id)).isZero();
		assertThat(entries(id)).as("not on the credit record before the deemed day").isZero();
		assertThat(licences.get(DataScope.all(), licence).status()).as("not revoked before the deemed day")
			.isEqualTo(LicenceStatus.VALID);

		assertThat(deemedServices.takeEffect(deemed)).contains(id);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> licences.get(DataScope.all(), licence).status() == LicenceStatus.REVOKED);
		await().atMost(Duration.ofSeconds(60)).until(() -> entries(id) == 1);
		assertThat(deemedServices.takeEffect(deemed)).as("a second run the same day").doesNotContain(id);
		assertThat(deemedServices.takeEffect(deemed.plusDays(1))).as("the next day's run").doesNotContain(id);
		settled();
		assertThat(deliveries(id)).as("announced once").isEqualTo(1);
		assertThat(entries(id)).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'licensing.revoke' AND object_id = :l")
			.param("l", String.valueOf(licence)).query(Long.class).single()).as("revoked once").isEqualTo(1);
		assertThat(jdbc.sql("SELECT summary FROM audit_event WHERE action = 'case.deemed-served' AND object_id = :id")
			.param("id", String.valueOf(id)).query(String.class).list()).singleElement().asString()
			.contains(ChineseText.day(today) + "发出公告", ChineseText.day(deemed) + "视为送达");
	}

	/**
	 * A run missed (the application down on the deemed day) is caught up on the next; two runs at once (two nodes)
	 * announce each delivery once; a delivery recorded after its deemed day took effect at once.
	 */
	@Test
	void aMissedDayIsCaughtUpTwoRunsAtOnceAnnounceOnceAndALateRecordTakesEffectAtOnce() {
		LocalDate today = LocalDate.now(clock);
		long id = party.decided(party.other(), "DATA_NOT_REPORTED", "FINE", "2000", today);
		publish(id, today);
		LocalDate later = calendar.plusCalendarDays(today, 33);
		List<Long> told = Stream.of(CompletableFuture.supplyAsync(() -> deemedServices.takeEffect(later)),
				CompletableFuture.supplyAsync(() -> deemedServices.takeEffect(later)))
			.map(CompletableFuture::join).flatMap(List::stream).filter(t -> t == id).toList();
		assertThat(told).as("told by one of the two runs").hasSize(1);
		settled();
		assertThat(deliveries(id)).isEqualTo(1);

		// published forty days ago, recorded today: deemed served ten days ago, in effect at once
		long late = party.decided(party.other(), "DATA_NOT_REPORTED", "FINE", "2000", today.minusDays(45));
		publish(late, today.minusDays(40));
		settled();
		assertThat(deliveries(late)).isEqualTo(1);
		assertThat(deemedServices.takeEffect(today)).doesNotContain(late);
	}

	/** The party reads both days: on its portal (公告日期…，视为送达日期…) and in its notification. */
	@Test
	void thePartyReadsThePublicationDayAndTheDeemedDay() throws Exception {
		LocalDate today = LocalDate.now(clock);
		EnterpriseView e = party.sfWuzhong();
		long id = party.decided(e, "DATA_NOT_REPORTED", "FINE", "2000", today);
		publish(id, today);
		LocalDate deemed = calendar.plusCalendarDays(today, 30);
		String portal = portal(id);
		assertThat(portal).contains("公告送达：公告日期" + ChineseText.day(today) + "，视为送达日期" + ChineseText.day(deemed));
		// attack 1 (party): the public notice publishes the decision for the party to obtain — during the notice it
		// reads the decision, its 决定书 and the day to pay counted from the deemed day (15 days on the calendar, art.67),
		// 公告送达中 and not yet served
		String expectedDue = calendar.plusCalendarDays(deemed, 15).toString();
		// finding (公告 notification): the notice tells the party the day to pay its portal shows, counted from the
		// deemed day as the catalogue counts it — the same day, not none
		assertThat(ServedDayIntegrationTest.lastNotification(jdbc, e, id)).contains("行政处罚决定书已于" + ChineseText.day(today) + "公告送达，视为于" + ChineseText.day(deemed)
				+ "送达，缴纳期限至" + ChineseText.day(LocalDate.parse(expectedDue)) + "（含当日）").doesNotContain("已于" + ChineseText.day(deemed));
		String json = mvc.perform(get("/api/v1/enterprise/penalties/" + id).header("Authorization", SF))
			.andExpect(jsonPath("$.decisionNumber").value(decisionNumber(id)))
			.andExpect(jsonPath("$.fine").value(2000))
			.andExpect(jsonPath("$.penalty").value("FINE"))
			.andExpect(jsonPath("$.paymentDue").value(expectedDue))
			.andExpect(jsonPath("$.deemedServicePending").value(true))
			.andExpect(jsonPath("$.decisionServed").value(false))
			.andExpect(jsonPath("$.shownStatus").value(pending(deemed)))
			.andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<List<Boolean>>read(json, "$.documents[?(@.title == '行政处罚决定书')].served"))
			.as("readable during the notice, not yet served").containsExactly(false);
		assertThat(portal).contains(decisionNumber(id)).contains("id=\"party-public-notice-terms\"")
			.contains("缴纳罚款等期限自该日起计算").contains(ChineseText.day(LocalDate.parse(expectedDue)));
		// on the deemed day the decision is in effect: told again as served that day, with the same day to pay by
		assertThat(deemedServices.takeEffect(deemed)).contains(id);
		await().atMost(Duration.ofSeconds(60)).until(() -> ServedDayIntegrationTest.lastNotification(jdbc, e, id)
			.contains("已于" + ChineseText.day(deemed) + "送达"));
		assertThat(ServedDayIntegrationTest.lastNotification(jdbc, e, id))
			.contains("行政处罚决定书已于" + ChineseText.day(deemed) + "送达，缴纳期限至" + ChineseText.day(LocalDate.parse(expectedDue)) + "（含当日）");
	}

	/**
	 * Attack finding 2: a fine paid before the deemed day is recorded (the party may pay once it knows of the decision),
	 * but the case is neither 已执行 nor closed before the decision is in effect — closure is refused naming the deemed
	 * day — and the portal tells it 公告送达中 with the deemed day, not 已送达; on the deemed day the job makes it 已执行.
	 */
	@Test
	void aFinePaidBeforeTheDeemedDayIsRecordedButTheCaseIsNeitherExecutedNorClosedUntilThen() throws Exception {
		LocalDate today = LocalDate.now(clock);
		long id = party.decided(party.sfWuzhong(), "DATA_NOT_REPORTED", "FINE", "2000", today);
		LocalDate deemed = calendar.plusCalendarDays(today, 30);
		publish(id, today);
		caseExecution.pay(ALL, id, today.toString(), "2000");
		assertThat(jdbc.sql("SELECT status FROM penalty_case WHERE id = :id").param("id", id).query(String.class).single())
			.as("paid early, not in effect: still 已送达 (执行中), not 已执行").isEqualTo("DELIVERED");
		assertThat(jdbc.sql("SELECT paid_on FROM penalty_case WHERE id = :id").param("id", id).query(LocalDate.class)
			.single()).isEqualTo(today);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> caseExecution.close(ALL, id, null))
			.isInstanceOf(org.youguan.kernel.DomainException.class)
			.hasMessageContaining("视为送达日为" + org.youguan.kernel.ChineseText.day(deemed))
			.hasMessageContaining("生效前不能结案");
		String portal = portal(id);
		assertThat(portal).contains(pending(deemed)).doesNotContain(">已送达<").doesNotContain(">已执行<");
		// attack C3: the payment comes with the decision — and (attack 1, party) the decision with its public notice:
		// readable from the publication in the API, the list and the export alike, the payment against it too
		String number = number(id);
		mvc.perform(get("/api/v1/enterprise/penalties/" + id).header("Authorization", SF))
			.andExpect(jsonPath("$.decisionNumber").value(decisionNumber(id)))
			.andExpect(jsonPath("$.paidOn").value(today.toString()))
			.andExpect(jsonPath("$.paidAmount").value(2000));
		mvc.perform(get("/api/v1/enterprise/penalties").param("q", number).header("Authorization", SF))
			.andExpect(jsonPath("$.items[0].decisionNumber").value(decisionNumber(id)))
			.andExpect(jsonPath("$.items[0].deemedServicePending").value(true))
			.andExpect(jsonPath("$.items[0].paidOn").value(today.toString()));
		List<List<String>> exported = ExportedRows.of(mvc, SignIn.session(mvc, "sf.wz"), "/enterprise/penalties/export.xlsx",
				"q", number);
		assertThat(exported.get(1).get(exported.get(0).indexOf("处罚决定书文号"))).as("the export's 文号").isEqualTo(decisionNumber(id));
		assertThat(exported.get(1).get(exported.get(0).indexOf("缴款日期"))).as("the export's 缴款日期").isNotEmpty();

		assertThat(deemedServices.takeEffect(deemed)).contains(id);
		assertThat(jdbc.sql("SELECT status FROM penalty_case WHERE id = :id").param("id", id).query(String.class).single())
			.as("in effect on the deemed day: what was paid executes it").isEqualTo("EXECUTED");
		MutableClock moved = (MutableClock) clock;
		moved.set(deemed.atTime(10, 0));
		try {
			mvc.perform(get("/api/v1/enterprise/penalties/" + id).header("Authorization", SF))
				.andExpect(jsonPath("$.decisionNumber").exists())
				.andExpect(jsonPath("$.paidOn").value(today.toString()));
		}
		finally {
			moved.reset();
		}
	}

	/**
	 * The kind of attack finding 2 beyond the portal's case page: before the deemed day every list, page, API and export
	 * that shows a case's status — the portal's list, its API and export, the staff's list, case page, API and export —
	 * reads 公告送达中 with the deemed day ({@link CaseStatus#shown}), never 已送达, while the stored status stays
	 * DELIVERED; a notice whose deemed day has passed reads 已送达 in the same places.
	 */
	@Test
	void everyListPageApiAndExportTellsAPublicNoticeBeforeItsDeemedDayAsPendingNotDelivered() throws Exception {
		LocalDate today = LocalDate.now(clock);
		long id = party.decided(party.sfWuzhong(), "DATA_NOT_REPORTED", "FINE", "2000", today);
		publish(id, today);
		String shown = pending(calendar.plusCalendarDays(today, 30));
		long past = party.decided(party.sfWuzhong(), "DATA_NOT_REPORTED", "FINE", "2000", today.minusDays(45));
		publish(past, today.minusDays(40));
		for (long k : List.of(id, past)) {
			assertThat(jdbc.sql("SELECT status FROM penalty_case WHERE id = :id").param("id", k).query(String.class)
				.single()).as("the stored status is kept").isEqualTo("DELIVERED");
		}
		String number = number(id);
		String pastNumber = number(past);
		MockHttpSession sf = SignIn.session(mvc, "sf.wz");
		MockHttpSession staff = SignIn.session(mvc, "wz.staff");

		assertThat(page(get("/enterprise/penalties").param("q", number).session(sf))).as("the portal's list")
			.contains("class=\"party-case-status\">" + shown + "<").doesNotContain("class=\"party-case-status\">已送达<");
		assertThat(page(get("/enterprise/penalties").param("q", pastNumber).session(sf)))
			// (the portal's status filter offers 公告送达中 as a choice too: the row's status is what is checked)
			.contains("class=\"party-case-status\">已送达<").doesNotContain("class=\"party-case-status\">公告送达中");
		assertThat(page(get("/enforcement/cases").param("q", number).param("open", "false").session(staff)))
			.as("the staff's list").contains("class=\"case-status\">" + shown + "<")
			.doesNotContain("class=\"case-status\">已送达<");
		// (the status filter offers 公告送达中 as a choice: the row's status is what is checked)
		assertThat(page(get("/enforcement/cases").param("q", pastNumber).param("open", "false").session(staff)))
			.contains("class=\"case-status\">已送达<").doesNotContain("class=\"case-status\">公告送达中");
		assertThat(page(get("/enforcement/cases/" + id).session(staff))).as("the staff's case page")
			.containsPattern("id=\"case-status\"\\s*>" + java.util.regex.Pattern.quote(shown) + "<");
		assertThat(page(get("/enforcement/cases/" + past).session(staff))).containsPattern("id=\"case-status\"\\s*>已送达<");

		mvc.perform(get("/api/v1/enterprise/penalties").param("q", number).header("Authorization", SF))
			.andExpect(jsonPath("$.items[0].status").value("DELIVERED"))
			.andExpect(jsonPath("$.items[0].shownStatus").value(shown));
		mvc.perform(get("/api/v1/enterprise/penalties/" + id).header("Authorization", SF)).andExpect(jsonPath("$.shownStatus").value(shown));
		mvc.perform(get("/api/v1/enforcement/cases").param("q", number).param("open", "false")
			.header("Authorization", WUZHONG))
			.andExpect(jsonPath("$.items[0].shownStatus").value(shown));
		mvc.perform(get("/api/v1/enforcement/cases/" + id).header("Authorization", WUZHONG)).andExpect(jsonPath("$.shownStatus").value(shown));
		mvc.perform(get("/api/v1/enforcement/cases/" + past).header("Authorization", WUZHONG)).andExpect(jsonPath("$.shownStatus").value("已送达"));

		assertThat(statusColumn(ExportedRows.of(mvc, sf, "/enterprise/penalties/export.xlsx", "q", number)))
			.as("the portal's export").containsExactly(shown);
		assertThat(statusColumn(ExportedRows.of(mvc, staff, "/enforcement/cases/export.xlsx", "q", number, "open", "false")))
			.as("the staff's export").containsExactly(shown);
		assertThat(statusColumn(ExportedRows.of(mvc, staff, "/enforcement/cases/export.xlsx", "q", pastNumber, "open",
				"false"))).containsExactly("已送达");
	}

	/** What every view shows for a decision served by public notice before its deemed day {@code deemed}. */
	static String pending(LocalDate deemed) {
		return "公告送达中（视为送达日" + ChineseText.day(deemed) + "）";
	}

	/** The 状态 cells of an export's rows (the header row names the column). */
	static List<String> statusColumn(List<List<String>> rows) {
		int column = rows.get(0).indexOf("状态");
		assertThat(column).as("a 状态 column").isNotNegative();
		return rows.subList(1, rows.size()).stream().map(r -> r.get(column)).toList();
	}

	String decisionNumber(long id) {
		return jdbc.sql("SELECT decision_number FROM penalty_case WHERE id = :id").param("id", id).query(String.class).single();
	}

	String number(long id) {
		return jdbc.sql("SELECT number FROM penalty_case WHERE id = :id").param("id", id).query(String.class).single();
	}

	String page(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	/** Case {@code id}'s page on the portal of 顺丰 吴中 (the party). */
	String portal(long id) throws Exception {
		return mvc.perform(get("/enterprise/penalties/" + id).session(SignIn.session(mvc, "sf.wz")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	/** An enterprise registered now holding a licence the provincial bureau issued (its record its own). */
	EnterpriseView licensed() {
		String digits = RandomDigits.of(7);
		String base = "91320506MA" + digits;
		String code = base + CreditCode.checkCharacter(base);
		long id = enterprises.register(DataScope.region("3205"), new EnterpriseData("公告送达测试快递有限公司" + digits, code,
				EnterpriseType.EXPRESS, null, "张三", "测试路1号", "320506", "李四", "13912345678"), false);
		licences.record(DataScope.all(), Registrar.platform(), new LicenceData(id, "苏邮R" + digits, LicenceScope.PROVINCE,
				"江苏省邮政管理局", null, LocalDate.now(clock).minusYears(1), null), false);
		return enterprises.findByCreditCode(code).orElseThrow();
	}

	/** The deliveries announced for case {@code id} (one event, however many listeners). */
	long deliveries(long id) {
		return jdbc.sql("""
				SELECT count(DISTINCT serialized_event) FROM event_publication WHERE event_type LIKE '%PenaltyDelivered'
				  AND serialized_event LIKE :n""")
			.param("n", "%\"caseId\":" + id + ",%").query(Long.class).single();
	}

	/** Waits until every listener has taken the deliveries announced so far. */
	void settled() {
		await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT count(*) FROM event_publication WHERE"
				+ " completion_date IS NULL AND event_type LIKE '%PenaltyDelivered'").query(Long.class).single() == 0);
	}

	long entries(long caseId) {
		return jdbc.sql("SELECT count(*) FROM credit_entry WHERE source_ref = :r").param("r", "penalty:" + caseId)
			.query(Long.class).single();
	}
}
