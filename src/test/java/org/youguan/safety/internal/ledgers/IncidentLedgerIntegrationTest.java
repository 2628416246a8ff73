package org.youguan.safety.internal.ledgers;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.youguan.IntegrationTest;
import org.youguan.MutableClock;
import org.youguan.RandomLetters;
import org.youguan.audit.AuditEvent;
import org.youguan.audit.AuditTrail;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The 事故/突发事件 ledger: the report is due the catalogue's hours after the incident (China time as typed), a late or
 * missing report is flagged, the follow-up records the report time once, only the bureau closes and only a reported
 * incident, every bad field is named, an enterprise sees its own only.
 */
@IntegrationTest
class IncidentLedgerIntegrationTest {

	static final String CITY = "Bearer demo-sz-admin-token";

	/** 吴中区局: the county of the incidents' enterprise (顺丰 吴中), which handles them. */
	static final String WUZHONG = "Bearer demo-wz-staff-token";

	static final String SHUNFENG = "Bearer demo-sf-wz-token";

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	@Autowired
	MockMvc mvc;

	@Autowired
	Incidents incidents;

	@Autowired
	MutableClock clock;

	@Autowired
	AuditTrail audit;

	LocalDateTime hoursAgo(int hours) {
		return LocalDateTime.now(clock.withZone(CHINA)).minusHours(hours).withSecond(0).withNano(0);
	}

	@Test
	void theReportIsDueTheCataloguesHoursAfterTheIncidentAndLatenessIsFlagged() {
		LocalDateTime occurred = hoursAgo(5);
		long onTime = incidents.record(DataScope.region("3205"), new IncidentData(HazardLedgerIntegrationTest.shunfeng(),
				null, occurred.toString(), "ACCIDENT", "GENERAL", "准时报告的事故", occurred.plusMinutes(40).toString()), false);
		IncidentView x = incidents.get(DataScope.all(), onTime);
		assertThat(Duration.between(x.occurredAt(), x.reportDue())).isEqualTo(Duration.ofHours(1));
		assertThat(x.occurredAt()).isEqualTo(occurred.atZone(CHINA).toInstant());
		assertThat(x.reportBasis()).as("one pair of brackets").isEqualTo("事故/突发事件报告时限（自发生）1小时（地方实践，未确认）");
		assertThat(incidents.get(DataScope.enterprise(HazardLedgerIntegrationTest.shunfeng()), onTime).reportBasis())
			.isEqualTo("事故/突发事件报告时限（自发生）1小时（按本局规定）");
		assertThat(x.reportLate()).isFalse();
		long unreported = incidents.record(DataScope.region("3205"), new IncidentData(HazardLedgerIntegrationTest.shunfeng(),
				null, occurred.toString(), "EMERGENCY", "LARGER", "未报告的突发事件", null), false);
		assertThat(incidents.get(DataScope.all(), unreported).reportLate()).isTrue();
		incidents.followUp(DataScope.region("3205"), unreported, "已处置", occurred.plusHours(2).toString());
		incidents.followUp(DataScope.enterprise(HazardLedgerIntegrationTest.shunfeng()), unreported, "再次处置",
				occurred.plusHours(3).toString());
		IncidentView late = incidents.get(DataScope.all(), unreported);
		assertThat(late.reportedAt()).as("the first report time stays").isEqualTo(occurred.plusHours(2).atZone(CHINA).toInstant());
		assertThat(late.followUp()).isEqualTo("再次处置");
		assertThat(late.reportLate()).isTrue();
		// the first follow-up is not lost from view: each submission is kept with its time and author, oldest first
		assertThat(incidents.followUps(DataScope.enterprise(HazardLedgerIntegrationTest.shunfeng()), unreported))
			.extracting(Submissions.Submission::note).containsExactly("已处置", "再次处置");
		assertThat(incidents.followUps(DataScope.region("3205"), unreported)).allSatisfy(f -> assertThat(f.submittedAt()).isNotNull());
	}

	/**
	 * Lateness is judged at the minute both times are shown in: the enterprise's portal report takes the server's time
	 * with its seconds, and one at 11:00:30 against a limit of 11:00 (occurred 10:00, 1 hour) read «报告时限 11:00 … 报告时间
	 * 11:00» flagged 迟报; within the due minute it is on time, from the next minute late.
	 */
	@Test
	void aReportWithinTheDueMinuteIsOnTime() throws Exception {
		LocalDateTime occurred = hoursAgo(2);
		for (int seconds : new int[] { 30, 60 }) {
			Duration shift = Duration.between(clock.instant(), occurred.plusHours(1).plusSeconds(seconds).atZone(CHINA).toInstant());
			clock.advance(shift);
			try {
				String body = mvc.perform(post("/api/v1/safety/incidents").header("Authorization", SHUNFENG)
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"occurredAt\":\"" + occurred + "\",\"kind\":\"EMERGENCY\",\"level\":\"GENERAL\","
							+ "\"description\":\"时限分钟测试" + seconds + "-" + UUID.randomUUID() + "\"}"))
					.andExpect(status().isCreated())
					.andReturn().getResponse().getContentAsString();
				IncidentView x = incidents.get(DataScope.all(), Long.parseLong(body.replaceAll("\\D", "")));
				assertThat(x.reportedAt()).isEqualTo(occurred.plusHours(1).plusSeconds(seconds).atZone(CHINA).toInstant());
				assertThat(x.reportLate()).as("reported %d s after the due time", seconds).isEqualTo(seconds >= 60);
			}
			finally {
				clock.advance(shift.negated());
			}
		}
	}

	/** An enterprise's incident in the future is refused on occurredAt alone: it sends no report time to be wrong. */
	@Test
	void anEnterprisesFutureOccurrenceIsRefusedOnlyOnTheFieldItSent() throws Exception {
		mvc.perform(post("/api/v1/safety/incidents").header("Authorization", SHUNFENG)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"occurredAt\":\"" + hoursAgo(-5) + "\",\"kind\":\"EMERGENCY\",\"level\":\"GENERAL\","
					+ "\"description\":\"未来时间测试\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].field").value("occurredAt"));
	}

	/** The address POST answers in Location is the incident's: its enterprise and the bureaus over it read it, others 404. */
	@Test
	void theLocationOfARecordedIncidentAnswersItToThoseWhoMayReadIt() throws Exception {
		String tag = "定位" + UUID.randomUUID().toString().substring(0, 6);
		String location = mvc.perform(post("/api/v1/safety/incidents").header("Authorization", SHUNFENG)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"occurredAt\":\"" + hoursAgo(2) + "\",\"kind\":\"EMERGENCY\",\"level\":\"GENERAL\",\"description\":\""
					+ tag + "，联系13912345678\"}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getHeader("Location");
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		// the report basis as each reader's own page states it (IncidentView.readBy)
		for (var reader : java.util.Map.of(SHUNFENG, DataScope.enterprise(HazardLedgerIntegrationTest.shunfeng()), CITY,
				DataScope.region("3205")).entrySet()) {
			mvc.perform(get(location).header("Authorization", reader.getKey()))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.id").value(id))
				// masked as the list shows it (attack 41: the GET by id printed the number in full)
				.andExpect(jsonPath("$.description").value(tag + "，联系139****5678"))
				.andExpect(jsonPath("$.reportBasis").value(incidents.get(reader.getValue(), id).reportBasis()));
		}
		// 相城's bureau reads no incident of a 吴中 enterprise
		mvc.perform(get(location).header("Authorization", "Bearer demo-xc-staff-token")).andExpect(status().isNotFound());
	}

	@Test
	void anEnterprisesOwnRecordIsReportedWhenSubmittedWhateverTimeItTypes() throws Exception {
		// at 21:43 the enterprise records an incident of 08:00 claiming it reported at 08:30
		LocalDateTime occurred = hoursAgo(13);
		String body = mvc.perform(post("/api/v1/safety/incidents").header("Authorization", SHUNFENG)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"occurredAt\":\"" + occurred + "\",\"kind\":\"EMERGENCY\",\"level\":\"GENERAL\",\"description\":\"倒签测试\","
					+ "\"reportedAt\":\"" + occurred.plusMinutes(30) + "\"}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		IncidentView own = incidents.get(DataScope.all(), Long.parseLong(body.replaceAll("\\D", "")));
		assertThat(Duration.between(own.reportedAt(), clock.instant()).abs()).as("the server's time of the submission")
			.isLessThan(Duration.ofSeconds(1));
		assertThat(own.reportLate()).isTrue();
		// an enterprise's follow-up of an unreported incident reports it now, not at the time it types
		long unreported = incidents.record(DataScope.region("3205"), new IncidentData(HazardLedgerIntegrationTest.shunfeng(),
				null, occurred.toString(), "ACCIDENT", "GENERAL", "未报告待补报", null), false);
		incidents.followUp(DataScope.enterprise(HazardLedgerIntegrationTest.shunfeng()), unreported, "补报",
				occurred.plusMinutes(10).toString());
		assertThat(Duration.between(incidents.get(DataScope.all(), unreported).reportedAt(), clock.instant()).abs())
			.isLessThan(Duration.ofSeconds(1));
		assertThat(incidents.get(DataScope.all(), unreported).reportLate()).isTrue();
		// staff may record a report received earlier by phone: kept, and the audit entry says who and that it is earlier
		long phoned = incidents.record(DataScope.region("3205"), new IncidentData(HazardLedgerIntegrationTest.shunfeng(),
				null, occurred.toString(), "ACCIDENT", "GENERAL", "电话报告", occurred.plusMinutes(30).toString()), false);
		assertThat(incidents.get(DataScope.all(), phoned).reportLate()).isFalse();
		assertThat(audit.history(DataScope.all(), Incidents.AUDIT_TYPE, phoned)).extracting(AuditEvent::summary)
			.anySatisfy(summary -> assertThat(summary).contains("早于登记时间"));
	}

	/** An ID or mobile number in an incident's description or follow-up is masked in the list, the export and the audit. */
	@Test
	void personalNumbersInTheFreeTextAreMaskedInTheListTheExportAndTheAudit() throws Exception {
		String tag = "号码事故" + RandomLetters.of(10);
		LocalDateTime occurred = hoursAgo(3);
		long id = incidents.record(DataScope.region("3205"), new IncidentData(HazardLedgerIntegrationTest.shunfeng(), null,
				occurred.toString(), "ACCIDENT", "GENERAL", tag + "，伤者身份证110105194912310021", occurred.plusMinutes(30).toString()),
				false);
		incidents.followUp(DataScope.region("3205"), id, "已联系伤者13912345678", null);
		String list = mvc.perform(get("/api/v1/safety/incidents").param("q", tag).header("Authorization", CITY))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String exported = HazardLedgerIntegrationTest.rowsOf(mvc.perform(get("/safety/incidents/export.xlsx").param("q", tag)
			.header("Authorization", CITY)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
		for (String text : List.of(list, exported)) {
			assertThat(text).contains(tag).doesNotContain("19491231").doesNotContain("39123456");
		}
		for (AuditEvent e : audit.history(DataScope.all(), Incidents.AUDIT_TYPE, id)) {
			assertThat(e.summary() + e.beforeState() + e.afterState()).as(e.action()).doesNotContain("19491231")
				.doesNotContain("39123456");
		}
		for (String page : List.of("/safety/incidents/" + id, "/enterprise/safety/incidents/" + id)) {
			assertThat(mvc.perform(get(page).header("Authorization", page.startsWith("/enterprise") ? SHUNFENG : CITY))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).as(page)
				.contains(tag).contains("139****5678").doesNotContain("19491231").doesNotContain("39123456");
		}
	}

	/** The follow-up form shows the stored text masked: sent back unchanged, the stored text stays; changed, it is saved as typed. */
	@Test
	void aFollowUpSentBackAsShownKeepsTheStoredNumbers() {
		LocalDateTime occurred = hoursAgo(2);
		long id = incidents.record(DataScope.region("3205"), new IncidentData(HazardLedgerIntegrationTest.shunfeng(), null,
				occurred.toString(), "ACCIDENT", "GENERAL", "回填事故" + RandomLetters.of(10), occurred.plusMinutes(20).toString()),
				false);
		incidents.followUp(DataScope.region("3205"), id, "已联系伤者13912345678", null);
		incidents.followUp(DataScope.region("3205"), id, "已联系伤者139****5678", null);
		assertThat(incidents.get(DataScope.all(), id).followUp()).isEqualTo("已联系伤者13912345678");
		incidents.followUp(DataScope.region("3205"), id, "已联系伤者139****5678，已赔付", null);
		assertThat(incidents.get(DataScope.all(), id).followUp()).isEqualTo("已联系伤者139****5678，已赔付");
	}

	@Test
	void onlyTheBureauClosesAndOnlyAReportedIncident() throws Exception {
		long id = incidents.record(DataScope.region("3205"), new IncidentData(HazardLedgerIntegrationTest.shunfeng(), null,
				hoursAgo(30).toString(), "ACCIDENT", "GENERAL", "结案测试事故", null), false);
		assertThatThrownBy(() -> incidents.close(DataScope.enterprise(HazardLedgerIntegrationTest.shunfeng()), id,
				LocalDate.now(clock).toString(), "企业结案")).isInstanceOf(AccessRefusedException.class);
		assertThatThrownBy(() -> incidents.close(DataScope.region("3205"), id, LocalDate.now(clock).toString(), "结案"))
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(e -> e.field()).contains("reportedAt"));
		// the incident is its region's (reported for the county's enterprise): the city reads it, takes none of its steps
		mvc.perform(post("/safety/incidents/{id}/follow-up", id).with(csrf()).header("Authorization", CITY)
			.param("followUp", "已调查").param("reportedAt", "不是时间"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/safety/incidents/{id}/close", id).with(csrf()).header("Authorization", WUZHONG)
			.param("closedOn", LocalDate.now(clock).toString()).param("closureNote", "尚未报告时的结案"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"errors\"")))
			.andExpect(content().string(containsString("尚未报告时的结案")));
		assertThat(incidents.get(DataScope.all(), id).open()).isTrue();
		mvc.perform(post("/safety/incidents/{id}/follow-up", id).with(csrf()).header("Authorization", WUZHONG)
			.param("followUp", "已调查").param("reportedAt", hoursAgo(29).toString()))
			.andExpect(flash().attribute("message", "后续处置情况已保存"));
		mvc.perform(post("/safety/incidents/{id}/close", id).with(csrf()).header("Authorization", WUZHONG)
			.param("closedOn", LocalDate.now(clock).toString()).param("closureNote", "调查完毕"))
			.andExpect(flash().attribute("message", "事故/突发事件已结案"));
		assertThat(incidents.get(DataScope.all(), id).open()).isFalse();
		mvc.perform(get("/safety/incidents/" + id).header("Authorization", CITY)).andExpect(status().isOk());
		mvc.perform(get("/enterprise/safety/incidents/" + id).header("Authorization", SHUNFENG)).andExpect(status().isOk());
		mvc.perform(get("/safety/incidents").header("Authorization", CITY)).andExpect(status().isOk());
		mvc.perform(get("/safety/incidents/export.xlsx").header("Authorization", CITY)).andExpect(status().isOk());
	}

	@Test
	void badInputIsNamedAndAnEnterpriseSeesItsOwnOnly() throws Exception {
		mvc.perform(post("/api/v1/safety/incidents").header("Authorization", CITY).contentType(MediaType.APPLICATION_JSON)
			.content("{\"enterpriseCreditCode\":\"" + HazardLedgerIntegrationTest.shunfeng() + "\",\"occurredAt\":\""
					+ hoursAgo(-2) + "\",\"kind\":\"FIRE\",\"level\":\"\",\"description\":\"\",\"reportedAt\":\"昨天\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("occurredAt")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("kind")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("level")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("description")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("reportedAt")));
		mvc.perform(get("/api/v1/safety/incidents").header("Authorization", SHUNFENG))
			.andExpect(jsonPath("$.items[*].enterpriseCreditCode").value(everyItem(
					is(HazardLedgerIntegrationTest.shunfeng()))));
	}

	/**
	 * A time that does not parse ("昨天", an offset written +0800) is told both forms the ledger takes — China time as a
	 * date-time box sends it, or ISO-8601 with its offset written +08:00 — in the one message every time field is told
	 * (Validation.ZONED_TIME, as a JSON body's Instant): it named YYYY-MM-DDTHH:MM alone, and never the +08:00 form.
	 */
	@Test
	void aTimeThatDoesNotParseIsToldTheChinaTimeFormWithItsOffset() throws Exception {
		String typed = hoursAgo(3) + ":00+0800";
		mvc.perform(post("/api/v1/safety/incidents").header("Authorization", CITY).contentType(MediaType.APPLICATION_JSON)
			.content("{\"enterpriseCreditCode\":\"" + HazardLedgerIntegrationTest.shunfeng() + "\",\"occurredAt\":\""
					+ typed + "\",\"kind\":\"ACCIDENT\",\"level\":\"GENERAL\",\"description\":\"仓库起火\",\"reportedAt\":\"昨天\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'occurredAt')].message").value(hasItem(
					"发生时间应为日期时间：中国时间 YYYY-MM-DDTHH:MM（如 2026-01-31T08:30），或" + org.youguan.kernel.Validation.ZONED_TIME)))
			.andExpect(jsonPath("$.errors[?(@.field == 'reportedAt')].message").value(hasItem(containsString("+08:00"))));
		assertThat(org.youguan.kernel.Validation.ZONED_TIME).contains("2026-01-31T08:30:00+08:00");
		// the time with its offset written as the message says is taken
		LocalDateTime occurred = hoursAgo(3);
		long id = incidents.record(DataScope.region("3205"), new IncidentData(HazardLedgerIntegrationTest.shunfeng(), null,
				occurred + ":00+08:00", "ACCIDENT", "GENERAL", "带时区的发生时间", null), false);
		assertThat(incidents.get(DataScope.all(), id).occurredAt()).isEqualTo(occurred.atZone(CHINA).toInstant());
	}

	/**
	 * Attack round 17: a whole number sent as a JSON string in digits of another script ("\\u0663", Arabic-Indic 3) is no
	 * number — Jackson alone reads it as 3 — and is refused naming its field; nothing is recorded.
	 */
	@Test
	void anOutletIdInArabicIndicDigitsIsRefusedNamingTheField() throws Exception {
		mvc.perform(post("/api/v1/safety/incidents").header("Authorization", SHUNFENG).contentType(MediaType.APPLICATION_JSON)
			.content("{\"occurredAt\":\"" + hoursAgo(4) + "\",\"kind\":\"FIRE\",\"level\":\"GENERAL\","
					+ "\"description\":\"阿拉伯数字网点\",\"outletId\":\"\\u0663\"}"))
			.andExpect(status().isBadRequest())
			// the reading's refusal (format), not the outlet 3 looked up and refused as none of the enterprise's
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].field").value("outletId"))
			.andExpect(jsonPath("$.errors[0].rule").value("format"));
	}

	/** The API takes a kind and level by code or by the label its error message names. */
	@Test
	void theApiTakesKindAndLevelByCodeOrLabel() throws Exception {
		LocalDateTime occurred = hoursAgo(3);
		mvc.perform(post("/api/v1/safety/incidents").header("Authorization", SHUNFENG).contentType(MediaType.APPLICATION_JSON)
			.content("{\"occurredAt\":\"" + occurred + "\",\"kind\":\"突发事件\",\"level\":\"较大\",\"description\":\"按名称\"}"))
			.andExpect(status().isCreated());
		mvc.perform(post("/api/v1/safety/incidents").header("Authorization", SHUNFENG).contentType(MediaType.APPLICATION_JSON)
			.content("{\"occurredAt\":\"" + occurred + "\",\"kind\":\"火灾\",\"level\":\"LARGER\",\"description\":\"未知类别\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("kind"))
			.andExpect(jsonPath("$.errors[0].message").value(Matchers.allOf(containsString("突发事件"), containsString("EMERGENCY"))));
	}

	/**
	 * An outlet id that is no number comes back as the form with its error, not the generic 400 page — told together
	 * with the form's other bad fields (kernel.FormBinding), never alone.
	 */
	@Test
	void anOutletIdThatIsNoNumberReRendersTheIncidentFormWithEveryOtherBadField() throws Exception {
		for (String description : List.of("网点编号错误", " ")) {
			var answer = mvc.perform(post("/enterprise/safety/incidents").with(csrf()).header("Authorization", SHUNFENG)
				.param("outletId", "abc").param("occurredAt", hoursAgo(2).toString()).param("kind", "EMERGENCY")
				.param("level", "GENERAL").param("description", description))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("网点编号应为正整数（至多19位）")))
				.andExpect(content().string(containsString("name=\"description\"")));
			if (description.isBlank()) {
				answer.andExpect(content().string(containsString("事件经过不能为空")));
			}
		}
	}
}
