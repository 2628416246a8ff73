package org.youguan.statistics;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.ClockTimes;
import org.youguan.IntegrationTest;
import org.youguan.RandomDigits;
import org.youguan.SignIn;
import org.youguan.statistics.Reporters.Reporter;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.PageQuery;
import org.youguan.notifications.Notification;
import org.youguan.notifications.Notifications;
import org.youguan.platform.ChinaTime;
import org.youguan.registry.Brands;
import org.youguan.registry.Enterprises;
import org.youguan.registry.Licences;
import org.youguan.statistics.internal.ValueLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A report the bureau returned (退回) is the enterprise's to edit again, and its edits are its own until it sends the
 * report again: the bureau's report API, list API, report page and audit trail read the values, notes and 填报说明 as
 * submitted, the figures count neither (a returned report is not accepted; a returned correction leaves the approved
 * revision counting), and a resubmission replaces what the bureau reads. The return opens the period's 催报 again
 * (its 【已办结】 mark goes) unless an approved revision stands.
 */
@IntegrationTest
class ReturnedReportIntegrationTest {

	static final String COUNTY_TOKEN = "Bearer demo-wz-staff-token";

	static final String CITY_TOKEN = "Bearer demo-sz-admin-token";

	static final String LOCAL = "express.volume.local";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Reports reports;

	@Autowired
	ReportForms forms;

	@Autowired
	Completeness completeness;

	@Autowired
	Notifications notifications;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Brands brands;

	@Autowired
	Licences licences;

	/** An express reporter of 吴中区, licensed since 2001 ({@link Reporters#wuzhongExpress}). */
	Reporter reporter() {
		return Reporters.wuzhongExpress(enterprises, brands, licences, "退回测试快递有限公司");
	}

	/** The monthly form's values breaking no rule, with {@code local} as 快递业务量（同城）, as typed. */
	static Map<String, String> typed(String local) {
		Map<String, String> values = new HashMap<>();
		StatisticsFrequencyAndCountsIntegrationTest.monthlyValues().forEach((k, v) -> values.put(k, v.toPlainString()));
		values.put(LOCAL, local);
		return values;
	}

	@Test
	void aReturnedReportEditedButNotSentAgainShowsTheBureauWhatWasSubmittedOnEveryPath() throws Exception {
		Reporter r = reporter();
		Period period = Period.month(YearMonth.now(ChinaTime.ZONE).minusMonths(2 + Integer.parseInt(RandomDigits.of(1))));
		long id = reports.open(r.own(), r.id(), forms.byCode("monthly").id(), period);
		// small next to the demo city's volumes: the approved value counts in 吴中's figures, which other tests read
		// (the demo plan's completion: a 9-digit volume took it past its bound)
		String sent = "6" + RandomDigits.of(4);
		String edited = "8" + RandomDigits.of(4);
		String sentNote = "首次报送的说明" + RandomDigits.of(4);
		String editedNote = "尚未报送的修改" + RandomDigits.of(4);
		reports.submit(r.own(), id, typed(sent), Map.of(LOCAL, sentNote), "首次填报说明" + sentNote);
		MockHttpSession county = SignIn.session(mvc, "wz.staff");
		mvc.perform(post("/statistics/reports/" + id + "/return").session(county).with(csrf()).param("reason", "请核实同城业务量"))
			.andExpect(status().is3xxRedirection());
		reports.saveDraft(r.own(), id, typed(edited), Map.of(LOCAL, editedNote), "修改中的填报说明" + editedNote);

		// the enterprise reads and edits its working copy
		assertThat(value(reports.lines(r.own(), id))).isEqualByComparingTo(edited);
		assertThat(reports.get(r.own(), id).comment()).contains(editedNote);

		// the bureau — the deciding county and the city above it — reads what was sent, on every path
		for (String token : List.of(COUNTY_TOKEN, CITY_TOKEN)) {
			assertSubmitted(detail(id, token), sent, sentNote, edited, editedNote);
			String list = mvc.perform(get("/api/v1/statistics/reports").param("period", period.code()).param("q", r.code())
				.header("Authorization", token)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertThat(String.valueOf((Object) JsonPath.read(list, "$.items[0].comment"))).contains(sentNote);
			assertThat(list).doesNotContain(editedNote);
		}
		assertThat(value(reports.lines(DataScope.region("3205"), id))).isEqualByComparingTo(sent);
		String page = mvc.perform(get("/statistics/reports/" + id).session(county)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"value-" + LOCAL + "\">" + String.format("%,d", Long.parseLong(sent)) + "<")
			.contains(sentNote)
			.contains("id=\"returned-shows-submitted\"")
			.doesNotContain(String.format("%,d", Long.parseLong(edited)))
			.doesNotContain(editedNote);
		// the trail: the draft saved on the returned report is recorded with the values returned, not the edits
		assertThat(jdbc.sql("SELECT after_state::text FROM audit_event WHERE object_id = :id AND action = 'statistics.report.draft'")
			.param("id", String.valueOf(id)).query(String.class).single()).contains(sent).doesNotContain(edited);
		// the report's own entries, what they say: the search by its id also finds other objects' entries, and every
		// entry carries its time, client address and seal (digits of their own that held the five looked for once in
		// a while)
		String trail = mvc.perform(get("/api/v1/audit-events").param("q", String.valueOf(id)).param("size", "100")
			.header("Authorization", CITY_TOKEN)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<Object> said = JsonPath.read(trail, "$.items[?(@.objectType == 'StatReport' && @.objectId == '" + id + "')]"
				+ "['summary','beforeState','afterState','changes']");
		assertThat(said).isNotEmpty();
		assertThat(ClockTimes.removed(said.toString()).replace(r.code(), "")).contains(sent).doesNotContain(edited);
		// figures: a returned report is not accepted — none of its values counts, and 报送进度 still owes it
		assertThat(facts(r.id())).isEmpty();
		assertThat(line(r, period).missing()).isTrue();

		// sent again: what it sends now is what the bureau reads, and what an approval counts
		String resent = "7" + RandomDigits.of(8);
		reports.submit(r.own(), id, typed(resent), Map.of(LOCAL, editedNote), "修改后的填报说明" + editedNote);
		assertSubmitted(detail(id, COUNTY_TOKEN), resent, editedNote, sent, sentNote);
		reports.approve(DataScope.region("320506"), id, "陈吴中（吴中区局）");
		assertThat(facts(r.id())).containsEntry(LOCAL, new BigDecimal(resent).setScale(4));

		// a correction sent and returned, then edited: the bureau reads the correction as sent, the approved figures stand
		long correction = reports.revise(r.own(), id, "更正同城业务量");
		String corrected = "5" + RandomDigits.of(8);
		reports.submit(r.own(), correction, typed(corrected), Map.of(), null);
		reports.returnForCorrection(DataScope.region("320506"), correction, "更正依据不足", "陈吴中（吴中区局）");
		reports.saveDraft(r.own(), correction, typed(edited), Map.of(), null);
		assertSubmitted(detail(correction, COUNTY_TOKEN), corrected, null, edited, null);
		assertThat(facts(r.id())).containsEntry(LOCAL, new BigDecimal(resent).setScale(4));
	}

	@Test
	void aReturnOpensTheReminderAgainUntilTheReportIsSentAgain() throws Exception {
		Reporter r = reporter();
		ReportForm monthly = forms.byCode("monthly");
		Period period = forms.currentPeriod(monthly);
		DataScope county = DataScope.region("320506");
		// reminded alone (its own scope): the demo's missing reporters of the county are other tests' to remind
		assertThat(completeness.remind(r.own(), monthly, period, "吴中区局").sent()).isOne();
		await().atMost(Duration.ofSeconds(30)).until(() -> reminders(r).size() == 1);
		assertThat(reminders(r).get(0)).startsWith("催报");

		long id = reports.open(r.own(), r.id(), monthly.id(), period);
		reports.submit(r.own(), id, typed("1000"), Map.of(), null);
		await().atMost(Duration.ofSeconds(30)).until(() -> reminders(r).get(0).startsWith(Notifications.DONE));

		// returned on the bureau's page: the report is owed again, and so the reminder stands again
		mvc.perform(post("/statistics/reports/" + id + "/return").session(SignIn.session(mvc, "wz.staff")).with(csrf())
			.param("reason", "请核实同城业务量")).andExpect(status().is3xxRedirection());
		await().atMost(Duration.ofSeconds(30)).until(() -> reminders(r).get(0).startsWith("催报"));

		// sent again: done again; approved, then a correction sent and returned: the approved revision stands, the
		// reminder stays done
		reports.submit(r.own(), id, typed("1000"), Map.of(), null);
		await().atMost(Duration.ofSeconds(30)).until(() -> reminders(r).get(0).startsWith(Notifications.DONE));
		reports.approve(county, id, "陈吴中（吴中区局）");
		long correction = reports.revise(r.own(), id, "更正同城业务量");
		reports.submit(r.own(), correction, typed("1001"), Map.of(), null);
		reports.returnForCorrection(county, correction, "更正依据不足", "陈吴中（吴中区局）");
		assertThat(completeness.filed(r.id(), monthly.id(), period.code())).isTrue();
		await().atMost(Duration.ofSeconds(30)).until(() -> returnsHandled(r));
		assertThat(reminders(r).get(0)).startsWith(Notifications.DONE);
	}

	/** The enterprise's 催报 notifications' titles, as its notification list shows them. */
	List<String> reminders(Reporter r) {
		return notifications.page(r.own(), null, new PageQuery("", 0, 20, "created_at", true)).items().stream()
			.map(Notification::title).filter(t -> t.contains("催报")).toList();
	}

	/** Whether every return of the reporter's reports published so far has been handled by its listeners. */
	boolean returnsHandled(Reporter r) {
		return jdbc.sql("""
				SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND event_type LIKE '%ReportReturned'
				AND serialized_event LIKE :code""").param("code", "%" + r.code() + "%").query(Long.class).single() == 0;
	}

	String detail(long id, String token) throws Exception {
		return mvc.perform(get("/api/v1/statistics/reports/" + id).header("Authorization", token))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	/** The report's API answer holds the values, note and 填报说明 sent, none of those only typed since. */
	static void assertSubmitted(String detail, String value, String note, String notValue, String notNote) {
		assertThat(String.valueOf((Object) JsonPath.read(detail, "$.values['" + LOCAL + "']"))).isEqualTo(value);
		// what the report says, without the times it was sent and decided and its enterprise's random credit code: their
		// digits held the five of a value looked for once in a while
		String says = ClockTimes.removed(detail).replace(JsonPath.<String>read(detail, "$.creditCode"), "");
		assertThat(says).doesNotContain(notValue);
		if (note != null) {
			assertThat(String.valueOf((Object) JsonPath.read(detail, "$.notes['" + LOCAL + "']"))).isEqualTo(note);
			assertThat(String.valueOf((Object) JsonPath.read(detail, "$.comment"))).contains(note);
		}
		if (notNote != null) {
			assertThat(says).doesNotContain(notNote);
		}
	}

	static BigDecimal value(List<ValueLine> lines) {
		return lines.stream().filter(l -> l.indicator().code().equals(LOCAL)).findFirst().orElseThrow().value();
	}

	/** The enterprise's facts (approved values every figure reads), by indicator. */
	Map<String, BigDecimal> facts(long enterpriseId) {
		Map<String, BigDecimal> facts = new HashMap<>();
		jdbc.sql("SELECT indicator_code, value FROM stat_fact WHERE enterprise_id = :id").param("id", enterpriseId)
			.query((rs, n) -> facts.put(rs.getString(1), rs.getBigDecimal(2))).list();
		return facts;
	}

	Completeness.Line line(Reporter r, Period period) {
		return completeness.summary(DataScope.region("320506"), forms.byCode("monthly"), period).lines().stream()
			.filter(l -> l.enterpriseId() == r.id()).findFirst().orElseThrow();
	}
}
